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

    /// The key without a bracketed second name at the end:
    /// 经济和信息化局（科学技术局） → 经济和信息化局.
    public static func stem(_ name: String) -> String {
        var stem = key(name)
        while stem.hasSuffix(")"), let open = stem.lastIndex(of: "("), open > stem.startIndex {
            stem = String(stem[..<open])
        }
        return stem
    }

    /// One unit under two writings: the same key, or the same once a
    /// bracketed second name is set aside on either side (a registry listing
    /// 经济和信息化局 for 经济和信息化局（科学技术局）).
    public static func sameUnit(_ a: String, _ b: String) -> Bool {
        key(a) == key(b) || stem(a) == stem(b)
    }
}
