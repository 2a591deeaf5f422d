import Forms

/// How registry rows and applications compare names (CONTRACT.md,
/// "Registries"): after normalising width, spaces and quotes, so
/// 无锡“小巨人”科技有限公司 = 无锡"小巨人"科技有限公司 and 无锡（集团）有限公司 =
/// 无锡(集团)有限公司. Legal forms are kept as written: 有限公司 and 有限责任公司
/// are different names. Latin letters compare without case.
public enum EntityName {
    public static func key(_ name: String) -> String {
        TextNormalizer.compact(name).lowercased()
    }
}
