import Foundation
import Forms

/// How strongly a finding weighs on the verdict.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case reject, supplement, verify, note

    /// reject > supplement > verify > note.
    var rank: Int {
        switch self {
        case .reject: return 3
        case .supplement: return 2
        case .verify: return 1
        case .note: return 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    public var chinese: String {
        switch self {
        case .reject: return "不予推荐"
        case .supplement: return "需补正"
        case .verify: return "需核实"
        case .note: return "提示"
        }
    }
}

/// What kind of problem a finding is (CONTRACT.md); each has one severity.
public enum Category: String, Codable, Sendable, CaseIterable {
    case missing, unparseable, threshold, negative, credit, falsified, certificate, identity, inconsistent, verify, duplicate

    public var severity: Severity {
        switch self {
        case .threshold, .negative, .credit, .falsified, .certificate, .identity: return .reject
        case .missing, .unparseable: return .supplement
        case .inconsistent, .verify, .duplicate: return .verify
        }
    }

    public var chinese: String {
        switch self {
        case .missing: return "缺项"
        case .unparseable: return "无法识别"
        case .threshold: return "未达标准"
        case .negative: return "负面情形"
        case .credit: return "信用"
        case .falsified: return "与登记不符"
        case .certificate: return "资质证书"
        case .identity: return "主体身份"
        case .inconsistent: return "数据不一致"
        case .verify: return "需核实"
        case .duplicate: return "重复申报"
        }
    }
}

/// The verdict on a submission: its strongest severity.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    case reject, supplement, verify, pass

    public init(findings: [Finding]) {
        switch findings.map(\.severity).max() {
        case .reject?: self = .reject
        case .supplement?: self = .supplement
        case .verify?: self = .verify
        default: self = .pass
        }
    }

    public var chinese: String {
        switch self {
        case .reject: return "不予推荐"
        case .supplement: return "请补正"
        case .verify: return "需进一步核实"
        case .pass: return "同意推荐"
        }
    }
}

/// One thing a reviewer must know: everything needed to sign under it.
public struct Finding: Codable, Hashable, Sendable {
    public let category: Category
    public let severity: Severity
    public let field: String
    public let year: Int?
    public let row: Int?
    public let declared: String?
    public let expected: String?
    public let citation: String
    public let message: String
    /// The rule that found it (a rule id of forms/<scheme>.yaml, or a built-in check).
    public let rule: String
    /// Which document the field belongs to.
    public let document: FormKind?
    /// For a list row: the column.
    public let column: String?

    public init(category: Category, field: String, year: Int? = nil, row: Int? = nil, column: String? = nil,
                declared: String? = nil, expected: String? = nil, citation: String, message: String,
                rule: String, document: FormKind? = .application, severity: Severity? = nil) {
        self.category = category
        self.severity = severity ?? category.severity
        self.field = field
        self.year = year
        self.row = row
        self.column = column
        self.declared = declared
        self.expected = expected
        self.citation = citation
        self.message = message
        self.rule = rule
        self.document = document
    }

    enum CodingKeys: String, CodingKey {
        case category, severity, field, year, row, column, declared, expected, citation, message, rule, document
    }

    /// Nulls are written, as CONTRACT.md shows them (`"row": null`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(category, forKey: .category)
        try container.encode(severity, forKey: .severity)
        try container.encode(field, forKey: .field)
        try container.encode(year, forKey: .year)
        try container.encode(row, forKey: .row)
        try container.encodeIfPresent(column, forKey: .column)
        try container.encode(declared, forKey: .declared)
        try container.encode(expected, forKey: .expected)
        try container.encode(citation, forKey: .citation)
        try container.encode(message, forKey: .message)
        try container.encode(rule, forKey: .rule)
        try container.encodeIfPresent(document, forKey: .document)
    }
}

/// The outcome of one check, for the opinion's table of every check made.
public enum CheckResult: String, Codable, Sendable {
    /// 符合
    case met
    /// 不符合
    case notMet
    /// 需核实
    case verify
    /// 需补正 (the value it needs is missing or unreadable)
    case supplement
    /// 未核查 (no registry, or nothing to check)
    case notChecked

    public var chinese: String {
        switch self {
        case .met: return "符合"
        case .notMet: return "不符合"
        case .verify: return "需核实"
        case .supplement: return "需补正"
        case .notChecked: return "未核查"
        }
    }
}

public struct CheckRecord: Codable, Hashable, Sendable {
    public let rule: String
    /// 审核事项: the requirement in the policy's words.
    public let item: String
    /// 申报内容
    public let declared: String
    /// 审核情况
    public let finding: String
    public let citation: String
    public let result: CheckResult
}

/// One submission reviewed.
public struct SubmissionReview: Codable, Sendable {
    public struct Applicant: Codable, Sendable, Hashable {
        public let name: String?
        public let uscc: String?
    }

    public let id: String
    public let scheme: String?
    public let applicant: Applicant
    public let verdict: Verdict
    public let findings: [Finding]
    /// Every check made, met or not (for the opinion).
    public let checks: [CheckRecord]
    /// Application date and region, for the opinion's facts.
    public let applicationDate: String?
    public let documents: [String]

    enum CodingKeys: String, CodingKey {
        case id, scheme, applicant, verdict, findings, checks
        case applicationDate = "application_date"
        case documents
    }
}
