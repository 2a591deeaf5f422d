/// The article (and item) of a policy a rule applies: `{article: 6, item: 2}`
/// is 第六条第（二）项. Items numbered "1." in a policy text (the Wuxi
/// measures) are cited the same way: 第五条第（一）项.
public struct Citation: Hashable, Sendable, Codable {
    public let article: Int
    public let item: Int?
    /// The id of another scheme whose policy is cited, when not the rule's own
    /// (the Wuxi definition of 严重失信 applied by other schemes).
    public let scheme: String?

    public init(article: Int, item: Int? = nil, scheme: String? = nil) {
        self.article = article
        self.item = item
        self.scheme = scheme
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case article, item, scheme
    }

    public init(from decoder: any Decoder) throws {
        let keys = try decoder.definitionKeys(CodingKeys.self)
        article = try keys.decode(Int.self, forKey: .article)
        item = try keys.decodeIfPresent(Int.self, forKey: .item)
        scheme = try keys.decodeIfPresent(String.self, forKey: .scheme)
        guard article >= 1 else {
            throw DefinitionDecodingFailure(
                codingPath: decoder.codingPath + [CodingKeys.article],
                problem: .invalidValue("条号应为正整数"))
        }
        if let item, item < 1 {
            throw DefinitionDecodingFailure(
                codingPath: decoder.codingPath + [CodingKeys.item],
                problem: .invalidValue("项号应为正整数"))
        }
    }

    /// 第六条第（二）项, or 第六条 without an item.
    public var reference: String {
        var text = "第\(ChineseNumeral.text(article))条"
        if let item { text += "第（\(ChineseNumeral.text(item))）项" }
        return text
    }

    /// "江苏省促进中小企业特色产业集群发展管理办法 第六条第（二）项".
    public func render(policyTitle: String) -> String {
        "\(policyTitle) \(reference)"
    }
}

/// Chinese numerals as policies number articles and items: 一 … 十, 十一,
/// 二十, 二十一, 一百零一.
public enum ChineseNumeral {
    private static let digits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// The numeral for 0 … 999.
    public static func text(_ number: Int) -> String {
        guard number > 0 else { return "零" }
        guard number < 1000 else { return String(number) }
        let hundreds = number / 100, tens = number / 10 % 10, ones = number % 10
        var text = ""
        if hundreds > 0 { text += "\(digits[hundreds])百" }
        if tens > 0 {
            // 十一, not 一十一, unless hundreds precede (一百一十).
            if tens > 1 || hundreds > 0 { text.append(digits[tens]) }
            text += "十"
        } else if hundreds > 0, ones > 0 {
            text += "零"
        }
        if ones > 0 { text.append(digits[ones]) }
        return text
    }

    /// The value of a numeral (十二 → 12, 二十 → 20, 一百零五 → 105); `nil`
    /// for text that is not one.
    public static func value(_ text: some StringProtocol) -> Int? {
        guard !text.isEmpty else { return nil }
        var total = 0
        var pending: Int?
        for character in text {
            if let digit = digits.firstIndex(of: character) ?? (character == "〇" ? 0 : nil) {
                pending = digit
            } else if character == "十" || character == "百" {
                let unit = character == "十" ? 10 : 100
                total += (pending ?? 1) * unit
                pending = nil
            } else {
                return nil
            }
        }
        return total + (pending ?? 0)
    }
}
