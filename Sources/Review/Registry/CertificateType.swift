import Forms

/// A recognition the certificate registry records (SCHEMES.md, "Certificates
/// and recognitions"). Raw values are the option ids the scheme files use.
public enum CertificateType: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case champion
    case littleGiant = "little_giant"
    case sriSME = "sri_sme"
    case innovativeSME = "innovative_sme"
    case hnte
    case provincialCluster = "provincial_cluster"
    case platform

    /// The name the registry's 资质类型 column uses.
    public var chineseName: String {
        switch self {
        case .champion: return "制造业单项冠军"
        case .littleGiant: return "专精特新\"小巨人\""
        case .sriSME: return "专精特新中小企业"
        case .innovativeSME: return "创新型中小企业"
        case .hnte: return "高新技术企业"
        case .provincialCluster: return "省级中小企业特色产业集群"
        case .platform: return "创新平台"
        }
    }

    public var description: String { chineseName }

    /// Names written for the same recognition in registries and forms; the
    /// forms' own aliases (forms/*.yaml) are among them.
    static let variants: [CertificateType: [String]] = [
        .champion: ["单项冠军", "制造业单项冠军企业", "制造业单项冠军示范企业", "制造业单项冠军产品",
                    "单项冠军企业", "单项冠军示范企业", "单项冠军产品"],
        .littleGiant: ["专精特新\"小巨人\"企业", "国家级专精特新\"小巨人\"", "国家级专精特新\"小巨人\"企业",
                       "\"小巨人\"", "\"小巨人\"企业"],
        .sriSME: ["省级专精特新中小企业"],
        .innovativeSME: ["创新型企业"],
        .hnte: ["国家高新技术企业", "国家级高新技术企业", "高企"],
        .provincialCluster: ["省级特色产业集群", "省级中小企业特色产业集群认定"],
        .platform: ["省级及以上创新平台", "省级创新平台", "国家级创新平台"],
    ]

    /// Keys compared by `TextNormalizer.labelKey`: width, spaces, quotes and
    /// other punctuation do not matter (专精特新"小巨人" = 专精特新“小巨人” = 专精特新小巨人).
    private static let byKey: [String: CertificateType] = {
        var table: [String: CertificateType] = [:]
        for type in allCases {
            for name in [type.chineseName, type.rawValue] + (variants[type] ?? []) {
                table[TextNormalizer.labelKey(name)] = type
            }
        }
        return table
    }()

    /// Reads a type as written; nil when it is none of the known recognitions.
    public init?(label: String) {
        guard let type = Self.byKey[TextNormalizer.labelKey(label)] else { return nil }
        self = type
    }
}
