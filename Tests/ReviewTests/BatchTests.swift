import Foundation
import Testing
import Forms
import Review

// Checks across a batch (CONTRACT.md `batch_findings`, category `duplicate`):
// one enterprise claimed by several clusters, one applicant code on two
// submissions, declarations identical word for word; nothing for distinct ones.

struct ExpectedDuplicate: Hashable, Sendable, CustomStringConvertible {
    let field: String
    let submissions: [String]

    init(_ field: String, _ submissions: [String]) {
        self.field = field
        self.submissions = submissions
    }

    var description: String { "\(field) \(submissions)" }
}

struct BatchExample: Sendable, CustomTestStringConvertible {
    let description: String
    let submissions: [BatchKeys]
    let expected: [ExpectedDuplicate]

    var testDescription: String { description }
}

enum BatchSubmissions {
    /// A declaration as the loader fingerprints it: every paragraph of the document.
    static func declaration(_ unit: String, _ uscc: String, spacing: String = "") -> String {
        BatchChecks.declarationFingerprint([
            "申报主体责任声明",
            "本单位\(spacing)\(unit)（统一社会信用代码：\(uscc)）郑重声明：",
            "一、本单位自愿申报江苏省中小企业特色产业集群，对所提交的申报书及全部附件材料的真实性、准确性、完整性负责。",
            "三、如有虚假申报，本单位愿承担相应责任，并接受撤销认定等处理。",
            "申报单位（盖章）：\(unit)",
        ])
    }

    /// One submission's batch keys: the applicant, its listed enterprises (name, code), its declaration.
    static func keys(_ id: String, applicant: String, code: String, enterprises: [(String, String?)] = [],
                     declaration: String? = nil, cluster: String? = nil) -> BatchKeys {
        var fields: [String: FieldValue] = ["applicant_name": .text(applicant), "applicant_uscc": .text(code)]
        if let cluster { fields["cluster_name"] = .text(cluster) }
        if !enterprises.isEmpty {
            fields["enterprises"] = .list(enterprises.map { name, uscc in
                var row: [String: FieldValue] = ["name": .text(name), "type": .text("sri_sme")]
                if let uscc { row["uscc"] = .text(uscc) }
                return row
            })
        }
        return BatchKeys(id: id, application: applicationForm(Scheme.jiangsu.rawValue, fields), declarationText: declaration)
    }

    static let wuzhong = ("苏州市吴中区工业和信息化局", Entities.jiangsuAuthority)
    static let haian = ("海安市工业和信息化局", Entities.miitAuthority)
    static let pidu = ("成都市郫都区经济和信息化局", Entities.sichuanAuthority)
    static let hengmai = "苏州恒迈伺服电机有限公司"
    static let kaide = "苏州凯德运动控制技术有限公司"
    static let jinggong = "苏州吴中精工轴承有限公司"

    static func a(enterprises: [(String, String?)] = [], code: String = wuzhong.1, declaration: String? = nil) -> BatchKeys {
        keys("a", applicant: wuzhong.0, code: code, enterprises: enterprises,
             declaration: declaration ?? Self.declaration(wuzhong.0, wuzhong.1))
    }

    static func b(enterprises: [(String, String?)] = [], code: String = haian.1, declaration: String? = nil) -> BatchKeys {
        keys("b", applicant: haian.0, code: code, enterprises: enterprises,
             declaration: declaration ?? Self.declaration(haian.0, haian.1))
    }

    static func c(enterprises: [(String, String?)] = []) -> BatchKeys {
        keys("c", applicant: pidu.0, code: pidu.1, enterprises: enterprises, declaration: declaration(pidu.0, pidu.1))
    }

    static let examples: [BatchExample] = [
        BatchExample(description: "one cluster applied for by two applicants, written with a space and full-width",
                     submissions: [keys("a", applicant: wuzhong.0, code: wuzhong.1, declaration: declaration(wuzhong.0, wuzhong.1),
                                        cluster: "汶川县硅材料产业集群"),
                                   keys("b", applicant: haian.0, code: haian.1, declaration: declaration(haian.0, haian.1),
                                        cluster: "汶川县 硅材料产业集群"),
                                   keys("c", applicant: pidu.0, code: pidu.1, declaration: declaration(pidu.0, pidu.1),
                                        cluster: "郫都区川菜产业集群")],
                     expected: [ExpectedDuplicate("cluster_name", ["a", "b"])]),
        BatchExample(description: "an enterprise listed by two clusters under one code",
                     submissions: [a(enterprises: [(hengmai, Entities.enterpriseA), (kaide, Entities.enterpriseB)]),
                                   b(enterprises: [(hengmai, Entities.enterpriseA), (jinggong, Entities.enterpriseC)])],
                     expected: [ExpectedDuplicate("enterprises", ["a", "b"])]),
        BatchExample(description: "one code is one enterprise, however its name is written",
                     submissions: [a(enterprises: [(hengmai, Entities.enterpriseA)]),
                                   b(enterprises: [("恒迈伺服电机（苏州）有限公司", Entities.enterpriseA)])],
                     expected: [ExpectedDuplicate("enterprises", ["a", "b"])]),
        BatchExample(description: "without a code, an enterprise is matched by its normalised name",
                     submissions: [a(enterprises: [("无锡“小巨人”科技有限公司", nil)]),
                                   b(enterprises: [("无锡\"小巨人\"科技有限公司", nil)])],
                     expected: [ExpectedDuplicate("enterprises", ["a", "b"])]),
        BatchExample(description: "listed with its code by one cluster and by name only by another: one enterprise",
                     submissions: [a(enterprises: [(hengmai, Entities.enterpriseA)]),
                                   b(enterprises: [(hengmai, nil)])],
                     expected: [ExpectedDuplicate("enterprises", ["a", "b"])]),
        BatchExample(description: "code in one, name in another, both in a third: one finding naming all three",
                     submissions: [a(enterprises: [(hengmai, Entities.enterpriseA)]),
                                   b(enterprises: [("恒迈伺服电机（苏州）有限公司", Entities.enterpriseA)]),
                                   c(enterprises: [("恒迈伺服电机（苏州）有限公司", nil)])],
                     expected: [ExpectedDuplicate("enterprises", ["a", "b", "c"])]),
        BatchExample(description: "three clusters claiming one enterprise are one finding naming all three",
                     submissions: [a(enterprises: [(hengmai, Entities.enterpriseA)]), b(enterprises: [(hengmai, Entities.enterpriseA)]),
                                   c(enterprises: [(hengmai, Entities.enterpriseA)])],
                     expected: [ExpectedDuplicate("enterprises", ["a", "b", "c"])]),
        BatchExample(description: "one applicant code on two submissions",
                     submissions: [a(), b(code: wuzhong.1)],
                     expected: [ExpectedDuplicate("applicant_uscc", ["a", "b"])]),
        BatchExample(description: "identical declarations",
                     submissions: [a(), b(declaration: declaration(wuzhong.0, wuzhong.1))],
                     expected: [ExpectedDuplicate("declaration", ["a", "b"])]),
        BatchExample(description: "declarations differing only in spacing and width are identical",
                     submissions: [a(), b(declaration: declaration(wuzhong.0, "１１" + String(wuzhong.1.dropFirst(2)), spacing: "　"))],
                     expected: [ExpectedDuplicate("declaration", ["a", "b"])]),
        BatchExample(description: "one submission copied: every kind of duplicate at once",
                     submissions: [a(enterprises: [(hengmai, Entities.enterpriseA)]),
                                   b(enterprises: [(hengmai, Entities.enterpriseA)], code: wuzhong.1,
                                     declaration: declaration(wuzhong.0, wuzhong.1))],
                     expected: [ExpectedDuplicate("enterprises", ["a", "b"]), ExpectedDuplicate("applicant_uscc", ["a", "b"]),
                                ExpectedDuplicate("declaration", ["a", "b"])]),
        BatchExample(description: "distinct enterprises, applicants and declarations: nothing",
                     submissions: [a(enterprises: [(hengmai, Entities.enterpriseA)]), b(enterprises: [(kaide, Entities.enterpriseB)]),
                                   c(enterprises: [(jinggong, Entities.enterpriseC)])],
                     expected: []),
        BatchExample(description: "an enterprise listed twice by one cluster is not a duplicate across submissions",
                     submissions: [a(enterprises: [(hengmai, Entities.enterpriseA), (hengmai, Entities.enterpriseA)]),
                                   b(enterprises: [(kaide, Entities.enterpriseB)])],
                     expected: []),
        BatchExample(description: "submissions without an application or a declaration: nothing",
                     submissions: [BatchKeys(id: "a", application: nil, declarationText: nil),
                                   BatchKeys(id: "b", application: nil, declarationText: nil)],
                     expected: []),
        BatchExample(description: "a single submission: nothing", submissions: [a(enterprises: [(hengmai, Entities.enterpriseA)])],
                     expected: []),
    ]
}

@Suite("Batch checks across submissions")
struct BatchTests {
    @Test("duplicates across submissions", arguments: BatchSubmissions.examples)
    func duplicates(_ example: BatchExample) {
        let findings = BatchChecks.findings(example.submissions)
        let actual = findings.map { ExpectedDuplicate($0.field, $0.submissions) }
        #expect(Set(actual) == Set(example.expected), "found \(actual)")
        #expect(actual.count == example.expected.count, "found \(actual)")
        for finding in findings {
            #expect(finding.category == .duplicate)
            #expect(finding.severity == .verify)
            #expect(!finding.message.isEmpty)
        }
    }

    @Test("a duplicate enterprise names the enterprise and its code")
    func enterpriseNamed() throws {
        let findings = BatchChecks.findings([
            BatchSubmissions.a(enterprises: [(BatchSubmissions.hengmai, Entities.enterpriseA)]),
            BatchSubmissions.b(enterprises: [(BatchSubmissions.hengmai, Entities.enterpriseA)]),
        ])
        let finding = try #require(findings.first)
        #expect(finding.declared.contains(BatchSubmissions.hengmai))
        #expect(finding.declared.contains(Entities.enterpriseA))
    }
}
