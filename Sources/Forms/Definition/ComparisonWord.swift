/// The words a policy states a bound with, read as 民法典第一千二百五十九条
/// reads them: 以上、以下、以内 (and 不低于、不超过、不少于 …) include the bound;
/// 高于、超过、低于、不满、少于 exclude it. A definition stores the policy's own
/// word, so the opinion can quote it.
public enum ComparisonWord: String, CaseIterable, Codable, Sendable {
    case orMore = "以上"
    case orLess = "以下"
    case within = "以内"
    case notLowerThan = "不低于"
    case notHigherThan = "不高于"
    case notExceeding = "不超过"
    case notFewerThan = "不少于"
    case notMoreThan = "不多于"
    case atLeast = "至少"
    case higherThan = "高于"
    case exceeding = "超过"
    case moreThan = "多于"
    case lowerThan = "低于"
    case under = "不满"
    case fewerThan = "少于"

    /// Which side of the bound a value must lie on.
    public enum Side: Sendable {
        case above
        case below
    }

    public var side: Side {
        switch self {
        case .orMore, .notLowerThan, .notFewerThan, .atLeast, .higherThan, .exceeding, .moreThan: .above
        case .orLess, .within, .notHigherThan, .notExceeding, .notMoreThan, .lowerThan, .under, .fewerThan: .below
        }
    }

    /// Whether a value equal to the bound satisfies the word.
    public var includesBound: Bool {
        switch self {
        case .higherThan, .exceeding, .moreThan, .lowerThan, .under, .fewerThan: false
        default: true
        }
    }

    /// Whether `value` satisfies "`word` `bound`" (40 以上: 40 does, 39.9 does not).
    public func holds(_ value: Double, _ bound: Double) -> Bool {
        switch (side, includesBound) {
        case (.above, true): value >= bound
        case (.above, false): value > bound
        case (.below, true): value <= bound
        case (.below, false): value < bound
        }
    }

    /// ≥, >, ≤ or <, for the `expected` column of a finding ("≥ 40").
    public var symbol: String {
        switch (side, includesBound) {
        case (.above, true): "≥"
        case (.above, false): ">"
        case (.below, true): "≤"
        case (.below, false): "<"
        }
    }

    public init(from decoder: any Decoder) throws {
        self = try decoder.definitionWord(Self.self, unknown: DefinitionProblem.unknownComparisonWord)
    }
}

/// A word that softens a rule: breaking a softened rule calls for
/// verification (`verify`), not rejection (`threshold`).
public enum Softening: String, CaseIterable, Codable, Sendable {
    /// 一般不超过 …
    case generally = "一般"
    /// 原则上不低于 …
    case inPrinciple = "原则上"
    /// 宜配备 … (the CCID guideline's "should preferably").
    case preferably = "宜"

    public init(from decoder: any Decoder) throws {
        self = try decoder.definitionWord(Self.self, unknown: DefinitionProblem.unknownSoftening)
    }
}
