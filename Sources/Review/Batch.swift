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
    /// A listed enterprise: its code and its normalised name, either may be missing.
    public struct Enterprise: Sendable, Hashable {
        public let code: String?
        public let nameKey: String?
        public let name: String
    }

    public let id: String
    public let applicantCode: String?
    public let applicantName: String?
    /// Listed enterprises, each once.
    public let enterprises: [Enterprise]
    /// A fingerprint of the declaration's text, when one was read.
    public let declarationText: String?
    /// The cluster applied for (集群名称), as written.
    public let clusterName: String?

    public init(id: String, application: ExtractedForm?, declarationText: String?) {
        self.id = id
        let fields = application?.fields ?? [:]
        applicantCode = fields["applicant_uscc"]?.text
        applicantName = fields["applicant_name"]?.text
        var enterprises: [Enterprise] = []
        var seen = Set<Enterprise>()
        for row in fields["enterprises"]?.rows ?? [] {
            let name = row["name"]?.text
            let code = row["uscc"]?.text
            let nameKey = name.map(EntityName.key).flatMap { $0.isEmpty ? nil : $0 }
            guard code != nil || nameKey != nil else { continue }
            let enterprise = Enterprise(code: code, nameKey: nameKey, name: name ?? code ?? "")
            if seen.insert(enterprise).inserted { enterprises.append(enterprise) }
        }
        self.enterprises = enterprises
        self.declarationText = declarationText
        clusterName = fields["cluster_name"]?.text
    }
}

/// Checks across a batch: one enterprise claimed by several clusters, one
/// code on two applicants, one cluster applied for twice, declarations
/// identical word for word.
public enum BatchChecks {
    public static func findings(_ keys: [BatchKeys]) -> [BatchFinding] {
        var result: [BatchFinding] = []
        var byApplicant: [String: [String]] = [:]
        var byDeclaration: [String: [String]] = [:]
        var byCluster: [String: (name: String, ids: [String])] = [:]
        // An enterprise is one whether a submission names it by code, by
        // name, or both: codes and names listed together are joined.
        var groups = EnterpriseGroups()
        for submission in keys {
            for enterprise in submission.enterprises { groups.add(enterprise, in: submission.id) }
            if let code = submission.applicantCode { byApplicant[code, default: []].append(submission.id) }
            if let name = submission.clusterName, case let key = TextNormalizer.labelKey(name), !key.isEmpty {
                byCluster[key, default: (name, [])].ids.append(submission.id)
            }
            if let text = submission.declarationText, text.count > 40 {
                byDeclaration[text, default: []].append(submission.id)
            }
        }
        for group in groups.shared() {
            let ids = group.submissions.joined(separator: "、")
            let shown = group.code.map { "\(group.name)（\($0)）" } ?? group.name
            result.append(BatchFinding(field: "enterprises", submissions: group.submissions, declared: shown,
                                       message: "\(shown)同时被\(ids)列为集群重点企业，请核实其实际所属集群。"))
        }
        for (code, ids) in byApplicant.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
            result.append(BatchFinding(field: "applicant_uscc", submissions: ids.sorted(), declared: code,
                                       message: "统一社会信用代码\(code)同时出现在\(ids.sorted().joined(separator: "、"))的申报主体中，请核实是否重复申报。"))
        }
        // One cluster applied for twice (汶川县硅材料产业集群 = 汶川县 硅材料产业集群),
        // whoever the applicants are.
        for (_, cluster) in byCluster.sorted(by: { $0.key < $1.key }) where cluster.ids.count > 1 {
            let ids = cluster.ids.sorted()
            result.append(BatchFinding(field: "cluster_name", submissions: ids, declared: cluster.name,
                                       message: "\(ids.joined(separator: "、"))申报的集群同为“\(cluster.name)”，请核实是否重复申报。"))
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

/// Enterprises across a batch, joined by code and by normalised name
/// (union–find over "c:code" and "n:name" keys).
private struct EnterpriseGroups {
    private var parent: [String: String] = [:]
    private var members: [(key: String, enterprise: BatchKeys.Enterprise, submission: String)] = []

    private mutating func root(_ key: String) -> String {
        var node = key
        while let next = parent[node], next != node { node = next }
        var walk = key
        while let next = parent[walk], next != node { parent[walk] = node; walk = next }  // path compression
        return node
    }

    private mutating func union(_ a: String, _ b: String) {
        let (ra, rb) = (root(a), root(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }

    mutating func add(_ enterprise: BatchKeys.Enterprise, in submission: String) {
        let keys = [enterprise.code.map { "c:" + $0 }, enterprise.nameKey.map { "n:" + $0 }].compactMap { $0 }
        for key in keys where parent[key] == nil { parent[key] = key }
        if keys.count == 2 { union(keys[0], keys[1]) }
        members.append((keys[0], enterprise, submission))
    }

    /// Every enterprise listed by more than one submission, in a stable order.
    mutating func shared() -> [(name: String, code: String?, submissions: [String])] {
        var byRoot: [String: [(enterprise: BatchKeys.Enterprise, submission: String)]] = [:]
        for member in members { byRoot[root(member.key), default: []].append((member.enterprise, member.submission)) }
        return byRoot.sorted { $0.key < $1.key }.compactMap { _, listed in
            let submissions = Set(listed.map(\.submission)).sorted()
            guard submissions.count > 1 else { return nil }
            let coded = listed.first { $0.enterprise.code != nil }?.enterprise
            let named = coded ?? listed[0].enterprise
            return (named.name, coded?.code, submissions)
        }
    }
}
