import Foundation
import Testing
import Forms
import Review
import TestSupport

// The committed fixtures reviewed end to end, as `cluster-review review
// fixtures/submissions --registry fixtures/registry` reviews them: every
// submission's verdict and exactly the findings fixtures/data/DEFECTS.md lists.

/// Every committed submission read, reviewed and batch-checked once.
struct ReviewedFixtures: Sendable {
    let ids: [String]
    let reviews: [String: SubmissionReview]
    let unreadable: [UnreadableFile]
    let batch: [BatchFinding]

    static let shared: Result<ReviewedFixtures, any Error> = Result {
        let library = try ReviewLibraries.real.get()
        let registries = try Registries.load(directory: Repository.url("fixtures/registry"))
        let sources = try SubmissionLoader.sources([Repository.url("fixtures/submissions")])
        let extractor = Extractor(library: library)
        let reviewer = Reviewer(library: library, registries: registries)
        var reviews: [String: SubmissionReview] = [:]
        var unreadable: [UnreadableFile] = []
        var keys: [BatchKeys] = []
        for source in sources {
            let loaded = SubmissionLoader.load(source, extractor: extractor, scheme: nil)
            reviews[source.id] = reviewer.review(loaded.submission)
            unreadable += loaded.unreadable
            keys.append(loaded.batchKeys)
        }
        return ReviewedFixtures(ids: sources.map(\.id), reviews: reviews, unreadable: unreadable,
                                batch: BatchChecks.findings(keys))
    }
}

/// What identifies a finding of a fixture: category, field, rule, year, row.
struct FixtureFindingKey: Hashable, Sendable, CustomStringConvertible {
    let category: Category
    let field: String
    let rule: String
    let year: Int?
    let row: Int?

    init(_ category: Category, _ field: String, rule: String, year: Int? = nil, row: Int? = nil) {
        self.category = category
        self.field = field
        self.rule = rule
        self.year = year
        self.row = row
    }

    init(_ finding: Finding) {
        self.init(finding.category, finding.field, rule: finding.rule, year: finding.year, row: finding.row)
    }

    var description: String {
        var text = "\(category) \(field) [\(rule)]"
        if let year { text += " \(year)年" }
        if let row { text += " row \(row)" }
        return text
    }
}

struct ExpectedFixtureFinding: Sendable {
    let key: FixtureFindingKey
    /// The article after the policy title (第六条第（二）项); nil where DEFECTS.md fixes none.
    let article: String?
    /// A known bug: what the review reports instead, until it is fixed.
    let knownIssue: String?
    let currently: FixtureFindingKey?

    init(_ category: Category, _ field: String, rule: String, year: Int? = nil, row: Int? = nil, cites article: String?,
         knownIssue: String? = nil, currently: FixtureFindingKey? = nil) {
        key = FixtureFindingKey(category, field, rule: rule, year: year, row: row)
        self.article = article
        self.knownIssue = knownIssue
        self.currently = currently
    }
}

/// One row of DEFECTS.md's summary and the findings of its section.
struct FixtureExpectation: Sendable, CustomTestStringConvertible {
    let id: String
    let scheme: String
    let policy: String
    let applicant: String
    let date: String
    let verdict: Verdict
    let findings: [ExpectedFixtureFinding]

    var testDescription: String { "\(id) — \(verdict)" }
}

enum DefectsTable {
    static let wuxi = "无锡市重点产业集群促进机构认定管理办法"
    static let jiangsu = "江苏省促进中小企业特色产业集群发展管理办法"
    static let sichuan = "四川省中小企业特色产业集群培育认定管理暂行办法"
    static let miit = "促进中小企业特色产业集群发展暂行办法"
    static let ccid = "先进制造业集群发展促进组织建设指引"

    static let all: [FixtureExpectation] = [
        FixtureExpectation(id: "wuxi-clean", scheme: "wuxi-promotion-agency", policy: wuxi,
                           applicant: "无锡市物联网产业集群发展促进会", date: "2024-04-18", verdict: .pass, findings: []),
        FixtureExpectation(id: "wuxi-defects", scheme: "wuxi-promotion-agency", policy: wuxi,
                           applicant: "苏州长三角高端装备产业促进会", date: "2024-04-25", verdict: .reject, findings: [
            // One fact (registered in 苏州), however many signs show it: on the code, which shows it first.
            .init(.identity, "applicant_uscc", rule: "registered_in_wuxi", cites: "第五条第（一）项"),
            .init(.threshold, "core_members", rule: "core_member_titles", row: 1, cites: "第五条第（四）项"),
            .init(.threshold, "core_members", rule: "core_member_titles", row: 2, cites: "第五条第（四）项"),
            .init(.falsified, "declared_credit_grade", rule: "declared_grade", cites: "第十五条第（一）项"),
        ]),
        FixtureExpectation(id: "jiangsu-clean", scheme: "jiangsu-sme-cluster", policy: jiangsu,
                           applicant: "苏州市吴中区工业和信息化局", date: "2024-05-10", verdict: .pass, findings: []),
        FixtureExpectation(id: "jiangsu-defects", scheme: "jiangsu-sme-cluster", policy: jiangsu,
                           applicant: "常州市武进区工业和信息化局", date: "2024-05-20", verdict: .reject, findings: [
            .init(.threshold, "total_output", rule: "total_output_min", year: 2021, cites: "第六条第（二）项"),
            .init(.inconsistent, "leading_share", rule: "leading_share_consistent", year: 2023, cites: "第六条第（二）项"),
            .init(.inconsistent, "little_giant_count", rule: "little_giant_rows", cites: "第六条第（三）项"),
            .init(.credit, "enterprises", rule: "credit", row: 3, cites: "第七条第（四）项"),
            // The mistyped code (the uscc type's own check); its registry
            // consequences folded into it, as DEFECTS.md allows.
            .init(.identity, "enterprises", rule: "uscc", row: 6, cites: nil),
            .init(.identity, "signed_date", rule: "declaration", cites: "第九条"),
        ]),
        FixtureExpectation(id: "sichuan-clean", scheme: "sichuan-sme-cluster", policy: sichuan,
                           applicant: "成都市郫都区经济和信息化局", date: "2024-06-14", verdict: .pass, findings: []),
        FixtureExpectation(id: "sichuan-defects", scheme: "sichuan-sme-cluster", policy: sichuan,
                           applicant: "乐山市五通桥区经济和信息化局", date: "2024-06-18", verdict: .reject, findings: [
            .init(.threshold, "rd_growth", rule: "rd_growth_min", cites: "第十一条第（四）项"),
            .init(.verify, "leading_cagr", rule: "leading_cagr_min", cites: "第十一条第（一）项"),
            .init(.threshold, "energy_above_baseline", rule: "energy_baseline", cites: "第十一条第（六）项"),
            .init(.certificate, "enterprises", rule: "enterprise_certificates", row: 1, cites: "第十九条第（二）项"),
            .init(.identity, "declarant_uscc", rule: "declaration", cites: "第十三条"),
        ]),
        FixtureExpectation(id: "sichuan-special", scheme: "sichuan-sme-cluster", policy: sichuan,
                           applicant: "汶川县经济商务和信息化局", date: "2024-06-20", verdict: .verify, findings: [
            .init(.verify, "total_output", rule: "total_output_min", year: 2021, cites: "第十一条第（一）项"),
            .init(.verify, "iip_rate", rule: "iip_rate_min", cites: "第十一条第（五）项"),
        ]),
        FixtureExpectation(id: "miit-clean", scheme: "miit-sme-cluster", policy: miit,
                           applicant: "海安市工业和信息化局", date: "2024-07-10", verdict: .pass, findings: []),
        FixtureExpectation(id: "miit-defects", scheme: "miit-sme-cluster", policy: miit,
                           applicant: "玉环市经济和信息化局", date: "2024-07-12", verdict: .reject, findings: [
            .init(.falsified, "cluster_name", rule: "provincial_recognition", cites: "第十二条"),
            .init(.negative, "neg_accident", rule: "neg_accident", cites: "第十七条第（五）项"),
            .init(.inconsistent, "patent_growth", rule: "patent_growth_consistent", cites: "第十七条第（二）项"),
            .init(.falsified, "enterprises", rule: "enterprise_certificates", row: 0, cites: "第十七条第（二）项"),
            .init(.certificate, "enterprises", rule: "enterprise_certificates", row: 5, cites: "第十七条第（二）项"),
            .init(.verify, "enterprises", rule: "credit", row: 3, cites: "第十七条第（五）项"),
        ]),
        FixtureExpectation(id: "ccid-clean", scheme: "ccid-promotion-org", policy: ccid,
                           applicant: "株洲市先进轨道交通装备集群发展促进会", date: "2024-09-12", verdict: .pass, findings: []),
        FixtureExpectation(id: "ccid-defects", scheme: "ccid-promotion-org", policy: ccid,
                           applicant: "成都市软件和信息服务集群发展促进会", date: "2024-09-20", verdict: .reject, findings: [
            .init(.credit, "applicant_uscc", rule: "credit", cites: "第五条"),
            .init(.threshold, "policies_security", rule: "management_policies", cites: "第九条"),
            .init(.threshold, "activities", rule: "function_self_regulation", row: 6, cites: "第二十四条"),
            .init(.verify, "staff", rule: "staff", row: 2, cites: "第七条第（三）项"),
            .init(.identity, "declarant_name", rule: "declaration", cites: "第六条"),
        ]),
        FixtureExpectation(id: "ccid-incomplete", scheme: "ccid-promotion-org", policy: ccid,
                           applicant: "苏州市生物医药产业集群发展促进会", date: "2024-09-26", verdict: .supplement, findings: [
            .init(.missing, "registered_capital", rule: "registered_capital", cites: "第七条第（二）项",
                  currently: FixtureFindingKey(.missing, "registered_capital", rule: "required")),
            .init(.missing, "signatory", rule: "declaration", cites: "第六条"),
        ]),
    ]
}

@Suite("Fixtures reviewed end to end (fixtures/data/DEFECTS.md)")
struct FixtureReviewTests {
    @Test("every committed submission is found and read")
    func everySubmissionRead() throws {
        let reviewed = try ReviewedFixtures.shared.get()
        #expect(reviewed.ids.sorted() == DefectsTable.all.map(\.id).sorted())
        #expect(reviewed.unreadable.isEmpty, "\(reviewed.unreadable.map(\.line))")
    }

    @Test("verdict and exactly the findings DEFECTS.md lists", arguments: DefectsTable.all)
    func submission(_ expected: FixtureExpectation) throws {
        let reviewed = try ReviewedFixtures.shared.get()
        let review = try #require(reviewed.reviews[expected.id])
        #expect(review.scheme == expected.scheme)
        #expect(review.applicant.name == expected.applicant)
        #expect(review.applicationDate == expected.date)
        #expect(review.verdict == expected.verdict)

        for finding in review.findings {
            #expect(finding.severity == contractSeverity(finding.category), "\(FixtureFindingKey(finding)) weighs \(finding.severity)")
        }
        var unmatched = review.findings
        for item in expected.findings {
            let index = unmatched.firstIndex { FixtureFindingKey($0) == item.key }
            let check = {
                #expect(index != nil, "\(expected.id): expected \(item.key); found \(review.findings.map(FixtureFindingKey.init))")
            }
            if let knownIssue = item.knownIssue {
                withKnownIssue(Comment(rawValue: knownIssue), check)
            } else {
                check()
            }
            if let index {
                let finding = unmatched.remove(at: index)
                if let article = item.article {
                    #expect(finding.citation == "\(expected.policy) \(article)", "\(item.key)")
                }
            } else if let currently = item.currently, let stand = unmatched.firstIndex(where: { FixtureFindingKey($0) == currently }) {
                unmatched.remove(at: stand)
            }
        }
        #expect(unmatched.isEmpty, "\(expected.id): findings DEFECTS.md does not list: \(unmatched.map(FixtureFindingKey.init))")
    }

    @Test("the batch finds the one enterprise claimed by the 五通桥 and the 汶川 clusters")
    func batch() throws {
        let reviewed = try ReviewedFixtures.shared.get()
        try #require(reviewed.batch.count == 1, "\(reviewed.batch)")
        let finding = reviewed.batch[0]
        #expect(finding.category == .duplicate)
        #expect(finding.severity == .verify)
        #expect(finding.field == "enterprises")
        #expect(finding.submissions == ["sichuan-defects", "sichuan-special"])
        #expect(finding.declared.contains("91511112MAT0QDL432"))
        #expect(finding.declared.contains("乐山晶盛硅业有限公司"))
    }
}
