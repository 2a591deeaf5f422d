import Foundation
import Forms

/// A finding across submissions (CONTRACT.md `batch_findings`).
public struct BatchFinding: Codable, Hashable, Sendable {
    public let category: Category
    public let severity: Severity
    public let field: String
    public let submissions: [String]
    public let declared: String
    public let message: String

    init(field: String, submissions: [String], declared: String, message: String) {
        category = .duplicate
        severity = Category.duplicate.severity
        self.field = field
        self.submissions = submissions
        self.declared = declared
        self.message = message
    }
}

/// What the batch checks keep of each submission: a few keys, so that a
/// thousand-submission run holds no documents in memory.
public struct BatchKeys: Sendable {
    public let id: String
    public let applicantCode: String?
    public let applicantName: String?
    /// Listed enterprises: code (or normalised name) → display name.
    public let enterprises: [String: String]
    /// A fingerprint of the declaration's text, when one was read.
    public let declarationText: String?

    public init(id: String, application: ExtractedForm?, declarationText: String?) {
        self.id = id
        let fields = application?.fields ?? [:]
        applicantCode = fields["applicant_uscc"]?.text
        applicantName = fields["applicant_name"]?.text
        var enterprises: [String: String] = [:]
        for row in fields["enterprises"]?.rows ?? [] {
            let name = row["name"]?.text
            let key = row["uscc"]?.text ?? name.map(TextNormalizer.labelKey)
            if let key { enterprises[key] = name ?? key }
        }
        self.enterprises = enterprises
        self.declarationText = declarationText
    }
}

/// Checks across a batch: one enterprise claimed by several clusters, one
/// code on two applicants, declarations identical word for word.
public enum BatchChecks {
    public static func findings(_ keys: [BatchKeys]) -> [BatchFinding] {
        var result: [BatchFinding] = []
        var byEnterprise: [String: [String]] = [:]
        var names: [String: String] = [:]
        var byApplicant: [String: [String]] = [:]
        var byDeclaration: [String: [String]] = [:]
        for submission in keys {
            for (key, name) in submission.enterprises {
                byEnterprise[key, default: []].append(submission.id)
                names[key] = name
            }
            if let code = submission.applicantCode { byApplicant[code, default: []].append(submission.id) }
            if let text = submission.declarationText, text.count > 40 {
                byDeclaration[text, default: []].append(submission.id)
            }
        }
        for (key, ids) in byEnterprise.sorted(by: { $0.key < $1.key }) where Set(ids).count > 1 {
            let name = names[key] ?? key
            result.append(BatchFinding(field: "enterprises", submissions: ids.sorted(), declared: "\(name)（\(key)）",
                                       message: "\(name)（\(key)）同时被\(ids.sorted().joined(separator: "、"))列为集群重点企业，请核实其实际所属集群。"))
        }
        for (code, ids) in byApplicant.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
            result.append(BatchFinding(field: "applicant_uscc", submissions: ids.sorted(), declared: code,
                                       message: "统一社会信用代码\(code)同时出现在\(ids.sorted().joined(separator: "、"))的申报主体中，请核实是否重复申报。"))
        }
        for (_, ids) in byDeclaration.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
            result.append(BatchFinding(field: "declaration", submissions: ids.sorted(), declared: "责任声明全文相同",
                                       message: "\(ids.sorted().joined(separator: "、"))的责任声明全文完全相同（含单位名称），请核实是否为代为出具。"))
        }
        return result
    }

    /// The declaration's text as a fingerprint: every paragraph, normalised.
    public static func declarationFingerprint(_ paragraphs: [String]) -> String {
        paragraphs.map(TextNormalizer.compact).joined(separator: "\n")
    }
}
