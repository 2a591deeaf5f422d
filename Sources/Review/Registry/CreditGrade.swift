import Forms

/// A public credit rating on the ordered scale
/// A+ > A > A- > B+ > B > B- > C+ > C > C- > D.
///
/// Comparison follows the scale: `.aPlus > .a`, `.cPlus > .c`. Under the Wuxi
/// measures (第十五条第（五）项) a rating of C+ or below is 严重失信; the bound
/// itself is a scheme's data, not this type's.
public enum CreditGrade: Int, CaseIterable, Comparable, Sendable, Codable, CustomStringConvertible {
    // Raw values rise with the rating, so `<` is the scale's order.
    case d = 0
    case cMinus, c, cPlus
    case bMinus, b, bPlus
    case aMinus, a, aPlus

    /// Reads a grade as registries and applicants write it: "A+", "Ａ＋", "b-",
    /// "B－", "A−", "A级", "C+级". Anything else, including grades outside the
    /// scale ("AAA", "E"), is nil: an unknown grade is an error, not a pass.
    public init?(_ text: String) {
        var compact = TextNormalizer.compact(text).uppercased()
        // Dashes TextNormalizer leaves alone but people type for a minus.
        compact = String(compact.map { "‐‑‒–—".contains($0) ? "-" : $0 })
        if compact.hasSuffix("级") { compact.removeLast() }
        guard let grade = Self.allCases.first(where: { $0.description == compact }) else { return nil }
        self = grade
    }

    /// "A+", "B-", "D".
    public var description: String {
        switch self {
        case .aPlus: return "A+"
        case .a: return "A"
        case .aMinus: return "A-"
        case .bPlus: return "B+"
        case .b: return "B"
        case .bMinus: return "B-"
        case .cPlus: return "C+"
        case .c: return "C"
        case .cMinus: return "C-"
        case .d: return "D"
        }
    }

    public static func < (lhs: CreditGrade, rhs: CreditGrade) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
