import Foundation

/// A unit as forms write it: an optional multiplier word (千, 万, 百万, 亿 …)
/// followed by an optional base unit (元, %, 平方公里, 人, 家 …). "亿元" is
/// 10⁸ × 元, "万人" is 10⁴ × 人, a bare "亿" (as in "41.5亿") is 10⁸ of whatever
/// base the label or the field gives.
///
/// (Named `ValueUnit` to stay clear of Foundation's `Unit` class.)
public struct ValueUnit: Hashable, Sendable, CustomStringConvertible {
    /// What a base unit measures; only units of the same dimension convert.
    public enum Dimension: Hashable, Sendable {
        case money
        case percent
        case area
        /// Counts of things ("家", "项") or of people ("人", "名"); see
        /// `BaseUnit.converts(to:)` for which count words mix.
        case count
    }

    /// The unit after the multiplier.
    public struct BaseUnit: Hashable, Sendable {
        /// The canonical symbol: 元, %, 平方公里, 人 …
        public let symbol: String
        public let dimension: Dimension
        /// Size in the dimension's smallest unit (元, 平方米, one item).
        public let factor: Decimal

        /// Count words that may stand for any counted thing.
        static let genericCounts: Set<String> = ["个"]
        static let peopleCounts: Set<String> = ["人", "名", "位"]

        /// Whether a figure in `self` may be read as one in `other`. Counts
        /// mix only when the words agree, one of them is the generic 个, or
        /// both count people (人/名/位): "12家" is no number of 人.
        public func converts(to other: BaseUnit) -> Bool {
            guard dimension == other.dimension else { return false }
            guard dimension == .count, symbol != other.symbol else { return true }
            if Self.genericCounts.contains(symbol) || Self.genericCounts.contains(other.symbol) { return true }
            return Self.peopleCounts.contains(symbol) && Self.peopleCounts.contains(other.symbol)
        }
    }

    /// 1, 1000, 10⁴, 10⁸ …: how many base units one of `self` is.
    public let multiplier: Decimal
    /// `nil` for a bare multiplier ("万", "亿") that takes its base from context.
    public let base: BaseUnit?
    /// How the unit is written canonically: "亿元", "万", "%", "平方公里".
    public let symbol: String

    public var description: String { symbol }

    init(multiplier: Decimal, multiplierSymbol: String, base: BaseUnit?) {
        self.multiplier = multiplier
        self.base = base
        self.symbol = multiplierSymbol + (base?.symbol ?? "")
    }

    /// Reads a unit as written: "亿元", "万元人民币", "％", "km²", "平方千米", "万人",
    /// "家". `nil` for anything else, including a multiplier on a percentage.
    public init?(_ text: String) {
        var written = TextNormalizer.compact(text).lowercased()
        if written.hasPrefix("("), written.hasSuffix(")"), written.count > 2 {
            written = String(written.dropFirst().dropLast())
        }
        // A unit written as a note: 49.8（单位：亿元）, 26400（计量单位：人）.
        for note in ["计量单位:", "单位:", "计量单位", "单位"] where written.hasPrefix(note) && written.count > note.count {
            written.removeFirst(note.count)
            break
        }
        for currency in ["人民币", "(人民币)", "rmb"] {
            if written.hasSuffix(currency) { written.removeLast(currency.count) }
            if written.hasPrefix(currency) { written.removeFirst(currency.count) }
        }
        if let base = Self.bases[written] {
            self.init(multiplier: 1, multiplierSymbol: "", base: base)
            return
        }
        for (word, value) in Self.multipliers where written.hasPrefix(word) {
            let rest = String(written.dropFirst(word.count))
            if rest.isEmpty {
                self.init(multiplier: value, multiplierSymbol: word, base: nil)
                return
            }
            guard let base = Self.bases[rest], base.dimension != .percent else { return nil }
            self.init(multiplier: value, multiplierSymbol: word, base: base)
            return
        }
        return nil
    }

    /// The same unit with `base` filled in when it has none ("亿" in a 元 field
    /// is 亿元).
    func completed(with base: BaseUnit?) -> ValueUnit {
        guard self.base == nil, let base else { return self }
        return ValueUnit(multiplier: multiplier, multiplierSymbol: symbol, base: base)
    }

    // MARK: - Canonical units

    public static let yuan = ValueUnit(multiplier: 1, multiplierSymbol: "", base: yuanBase)
    public static let tenThousandYuan = ValueUnit(multiplier: 10_000, multiplierSymbol: "万", base: yuanBase)
    public static let hundredMillionYuan = ValueUnit(multiplier: 100_000_000, multiplierSymbol: "亿", base: yuanBase)
    public static let percent = ValueUnit(multiplier: 1, multiplierSymbol: "", base: percentBase)
    public static let squareKilometre = ValueUnit(multiplier: 1, multiplierSymbol: "", base: squareKilometreBase)

    /// A count unit such as 家, 人, 项. `nil` when `word` is not a known count word.
    public static func count(_ word: String) -> ValueUnit? {
        guard let base = bases[word], base.dimension == .count else { return nil }
        return ValueUnit(multiplier: 1, multiplierSymbol: "", base: base)
    }

    // MARK: - Tables

    static let yuanBase = BaseUnit(symbol: "元", dimension: .money, factor: 1)
    static let percentBase = BaseUnit(symbol: "%", dimension: .percent, factor: 1)
    static let squareKilometreBase = BaseUnit(symbol: "平方公里", dimension: .area, factor: 1_000_000)
    static let squareMetreBase = BaseUnit(symbol: "平方米", dimension: .area, factor: 1)
    static let hectareBase = BaseUnit(symbol: "公顷", dimension: .area, factor: 10_000)

    /// Multiplier words, longest first so "百万" wins over a "百" reading.
    static let multipliers: [(String, Decimal)] = [
        ("万亿", 1_000_000_000_000),
        ("千万", 10_000_000),
        ("百万", 1_000_000),
        ("十万", 100_000),
        ("亿", 100_000_000),
        ("万", 10_000),
        ("千", 1_000),
    ]

    static let countWords = ["人", "名", "位", "家", "个", "项", "件", "户", "所", "座", "次", "篇", "台", "套", "款", "条", "种", "部"]

    /// Written forms (compact, lower-cased) → base unit. 亩 is left out on
    /// purpose: 1 亩 = 2000/3 m² has no exact decimal, and a converted figure
    /// would print with dozens of digits.
    static let bases: [String: BaseUnit] = {
        var table: [String: BaseUnit] = [
            "元": yuanBase,
            "%": percentBase,
            "平方公里": squareKilometreBase, "平方千米": squareKilometreBase,
            "km2": squareKilometreBase, "km²": squareKilometreBase, "平方km": squareKilometreBase,
            "平方米": squareMetreBase, "m2": squareMetreBase, "m²": squareMetreBase, "㎡": squareMetreBase,
            "公顷": hectareBase, "ha": hectareBase,
        ]
        for word in countWords {
            table[word] = BaseUnit(symbol: word, dimension: .count, factor: 1)
        }
        return table
    }()
}
