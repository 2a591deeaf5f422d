import Foundation
import Testing
import Forms
import Review

// Every rule kind of forms/README.md, documented by examples that pass and
// fail. Each example is a small application (and declaration) built from
// `FieldValue`s, reviewed with the real definitions of forms/ and, where a
// registry matters, registries built in code; the findings of the rule under
// test are compared with the expected (category, severity, field, year, row).
// An empty expectation means: the rule finds nothing.

// MARK: - The example type

/// The schemes, each with the applicant every example starts from.
enum Scheme: String, Sendable {
    case wuxi = "wuxi-promotion-agency"
    case jiangsu = "jiangsu-sme-cluster"
    case sichuan = "sichuan-sme-cluster"
    case miit = "miit-sme-cluster"
    case ccid = "ccid-promotion-org"

    var applicant: (name: String, uscc: String, date: String) {
        switch self {
        case .wuxi: return ("无锡市物联网产业集群发展促进会", Entities.wuxiAgency, "2024-04-18")
        case .jiangsu: return ("苏州市吴中区工业和信息化局", Entities.jiangsuAuthority, "2024-05-10")
        case .sichuan: return ("成都市郫都区经济和信息化局", Entities.sichuanAuthority, "2024-06-14")
        case .miit: return ("海安市工业和信息化局", Entities.miitAuthority, "2024-07-10")
        case .ccid: return ("株洲市先进轨道交通装备集群发展促进会", Entities.ccidOrganisation, "2024-09-12")
        }
    }

    var baseFields: [String: FieldValue] {
        ["applicant_name": .text(applicant.name), "applicant_uscc": .text(applicant.uscc),
         "application_date": date(applicant.date)]
    }

    /// A declaration in order: the applicant's name, code and seal, signed, dated four days before the application.
    var declaration: [String: FieldValue] {
        ["declarant_name": .text(applicant.name), "declarant_uscc": .text(applicant.uscc),
         "seal_name": .text(applicant.name), "signatory": .text("徐建国"),
         "signed_date": .date(day(applicant.date).adding(days: -4))]
    }
}

/// The codes the examples use; all valid (GB 32100), their divisions readable.
enum Entities {
    static let wuxiAgency = code("51", "320214", "MJ014481")
    static let jiangyinAgency = code("51", "320281", "MJ014482")
    static let suzhouAgency = code("51", "320508", "MJ798458")
    static let jiangsuAuthority = code("11", "320506", "07458518")
    static let jiangsuOperator = code("51", "320506", "MJ643769")
    static let sichuanAuthority = code("11", "510117", "01901251")
    static let sichuanEnterprise = code("91", "510117", "MAAHGQL1")
    static let miitAuthority = code("11", "320685", "06086000")
    static let ccidOrganisation = code("51", "430200", "MJ490376")
    static let enterpriseA = code("91", "320506", "MA1EL9RW")
    static let enterpriseB = code("91", "320506", "MAPEQNU1")
    static let enterpriseC = code("91", "320506", "77834415")
}

struct RuleExample: Sendable, CustomTestStringConvertible {
    let description: String
    let scheme: Scheme
    /// The rule under test (a rule id of forms/<scheme>.yaml).
    let rule: String
    let application: [String: FieldValue]
    /// nil: no declaration submitted.
    let declaration: [String: FieldValue]?
    let registries: Registries?
    let library: LibraryChoice
    /// The rule's findings; empty when it finds nothing.
    let expected: [FindingKey]
    /// What the rule's line in the opinion's table of checks says, where it matters.
    let recorded: CheckResult?
    /// A bug of the review (not fixed here): the example states what the
    /// policy requires and is expected to fail until the review does it.
    let knownIssue: String?

    init(_ description: String, _ scheme: Scheme, rule: String, _ fields: [String: FieldValue],
         declaration: [String: FieldValue]? = nil, registries: Registries? = nil,
         library: LibraryChoice = .real, recorded: CheckResult? = nil, knownIssue: String? = nil,
         expect expected: [FindingKey]) {
        self.description = description
        self.scheme = scheme
        self.rule = rule
        self.application = scheme.baseFields.merging(fields) { $1 }
        self.declaration = declaration
        self.registries = registries
        self.library = library
        self.expected = expected
        self.recorded = recorded
        self.knownIssue = knownIssue
    }

    var testDescription: String { "\(rule): \(description)" }

    func check() throws {
        let library = try library.load()
        let definition = try #require(library.definition(id: scheme.rawValue))
        let rule = try #require(definition.rule(self.rule), "\(scheme.rawValue) has no rule \(self.rule)")
        let submission = Submission(
            id: "example", application: applicationForm(scheme.rawValue, application),
            declaration: declaration.map { declarationForm(scheme.rawValue, $0) }, documents: [])
        let review = Reviewer(library: library, registries: registries).review(submission)
        let findings = review.findings.filter { $0.rule == rule.id }
        for finding in findings {
            #expect(finding.severity == contractSeverity(finding.category), "\(finding.category) weighs \(finding.severity)")
            #expect(finding.citation == library.render(rule.citation, in: definition), "\(finding.citation)")
        }
        let actual = findings.map(FindingKey.init)
        let compare = {
            #expect(sameFindings(actual, expected), "found \(actual), expected \(expected)")
        }
        if let knownIssue {
            withKnownIssue(Comment(rawValue: knownIssue), compare)
        } else {
            compare()
        }
        if let recorded {
            #expect(review.checks.first { $0.rule == rule.id }?.result == recorded)
        }
    }
}

// MARK: - Building blocks of the examples

func enterprise(_ name: String, _ uscc: String?, _ type: String, certNo: String? = nil, year: Int? = nil) -> [String: FieldValue] {
    var row: [String: FieldValue] = ["name": .text(name), "type": .text(type)]
    if let uscc { row["uscc"] = .text(uscc) }
    if let certNo { row["cert_no"] = .text(certNo) }
    if let year { row["year"] = .integer(year) }
    return row
}

/// Enterprise rows of the given types (names and codes do not matter to the rule).
func enterprises(types: [String]) -> FieldValue {
    .list(types.enumerated().map { index, type in enterprise("企业\(index + 1)", nil, type) })
}

/// Rows of a list whose one column takes the given values.
func rows(_ column: String, _ values: [String]) -> FieldValue {
    .list(values.map { [column: .text($0)] })
}

func counts(_ values: [Int: Int]) -> FieldValue {
    .series(values.mapValues { .integer($0) })
}

func members(_ qualifications: [String?]) -> FieldValue {
    .list(qualifications.enumerated().map { index, qualification in
        var row: [String: FieldValue] = ["name": .text("成员\(index + 1)"), "title": .text("副秘书长")]
        if let qualification { row["qualification"] = .text(qualification) }
        return row
    })
}

/// A fixed-row table: one row per key, its value column filled when given.
func keyed(_ key: String, _ column: String, _ entries: [(String, FieldValue)]) -> FieldValue {
    .list(entries.map { name, value in [key: .text(name), column: value] })
}

func creditRegistry(_ rows: [(uscc: String?, name: String, grade: CreditGrade)]) -> Registries {
    Registries(credit: CreditRegistry(entries: rows.enumerated().map { index, row in
        CreditEntry(uscc: row.uscc.flatMap(uscc), name: row.name, grade: row.grade, file: "credit.csv", row: index + 2)
    }), certificates: nil)
}

/// A certificate registry whose rows record 证书编号 / 认定文号.
func numberedCertificateRegistry(_ rows: [(uscc: String?, name: String, type: CertificateType, number: String, issued: String)]) -> Registries {
    Registries(credit: nil, certificates: CertificateRegistry(entries: rows.enumerated().map { index, row in
        CertificateEntry(uscc: row.uscc.flatMap(uscc), name: row.name, type: row.type, number: row.number,
                         issuedOn: day(row.issued), file: "certificates.csv", row: index + 2)
    }))
}

func certificateRegistry(_ rows: [(uscc: String?, name: String, type: CertificateType, issued: String, until: String?)]) -> Registries {
    Registries(credit: nil, certificates: CertificateRegistry(entries: rows.enumerated().map { index, row in
        CertificateEntry(uscc: row.uscc.flatMap(uscc), name: row.name, type: row.type, issuedOn: day(row.issued),
                         recordedValidUntil: row.until.map(day), file: "certificates.csv", row: index + 2)
    }))
}

// MARK: - threshold

enum ThresholdExamples {
    /// 民法典第一千二百五十九条: whether 19.99, 20 and 20.01 meet "<word> 20".
    static let words: [(word: String, below: Bool, on: Bool, above: Bool)] = [
        ("以上", false, true, true), ("不低于", false, true, true), ("不少于", false, true, true), ("至少", false, true, true),
        ("高于", false, false, true), ("超过", false, false, true), ("多于", false, false, true),
        ("以下", true, true, false), ("以内", true, true, false), ("不超过", true, true, false),
        ("不高于", true, true, false), ("不多于", true, true, false),
        ("低于", true, false, false), ("不满", true, false, false), ("少于", true, false, false),
    ]

    static let comparisonWords: [RuleExample] = words.flatMap { entry -> [RuleExample] in
        let rule = ComparisonWord(rawValue: entry.word).map(ReviewLibraries.probeRule) ?? "unknown word \(entry.word)"
        return [("19.99", entry.below), ("20", entry.on), ("20.01", entry.above)].map { value, meets in
            RuleExample("\(value) \(meets ? "meets" : "does not meet") “\(entry.word)20”", .jiangsu, rule: rule,
                        ["iip_rate": number(value)], library: .withComparisonProbes,
                        expect: meets ? [] : [FindingKey(.threshold, "iip_rate")])
        }
    }

    static let realRules: [RuleExample] = [
        RuleExample("以上 includes the bound: 40.00 in 2021 meets 40亿元以上", .jiangsu, rule: "total_output_min",
                    ["total_output": series([2021: "40.00", 2022: "44.6", 2023: "49.8"])], expect: []),
        RuleExample("以上: 39.99 in 2021 misses 40 by 0.01", .jiangsu, rule: "total_output_min",
                    ["total_output": series([2021: "39.99", 2022: "44.6", 2023: "49.8"])],
                    expect: [FindingKey(.threshold, "total_output", year: 2021)]),
        RuleExample("each year is judged: two years below 40 are two findings", .jiangsu, rule: "total_output_min",
                    ["total_output": series([2021: "39.8", 2022: "38", 2023: "45"])],
                    expect: [FindingKey(.threshold, "total_output", year: 2021), FindingKey(.threshold, "total_output", year: 2022)]),
        RuleExample("近三年 is three years: an earlier 2020 typed in as well is not judged", .jiangsu, rule: "total_output_min",
                    ["total_output": series([2020: "30", 2021: "40", 2022: "44.6", 2023: "49.8"])], expect: []),
        RuleExample("growth is over the three years asked for, not from an extra 2020", .jiangsu, rule: "leading_cagr_consistent",
                    ["leading_output": series([2020: "20.1", 2021: "30", 2022: "36", 2023: "43.2"]), "leading_cagr": number("20")],
                    expect: []),
        RuleExample("不低于 includes the bound: 70.0 meets 不低于70%", .jiangsu, rule: "sme_share_min",
                    ["sme_share": series([2021: "70.0", 2022: "70.5", 2023: "71"])], expect: []),
        RuleExample("不低于: 69.99 does not meet 70%", .jiangsu, rule: "sme_share_min",
                    ["sme_share": series([2021: "69.99", 2022: "70", 2023: "71"])],
                    expect: [FindingKey(.threshold, "sme_share", year: 2021)]),
        RuleExample("不少于 includes the bound: 5 platforms meet 不少于5个", .jiangsu, rule: "platform_count_min",
                    ["platform_count": .integer(5)], expect: []),
        RuleExample("不少于: 4 platforms do not", .jiangsu, rule: "platform_count_min",
                    ["platform_count": .integer(4)], expect: [FindingKey(.threshold, "platform_count")]),
        RuleExample("至少 includes the bound: 1 initiative meets 至少1项", .jiangsu, rule: "sharing_min",
                    ["sharing_initiatives": .integer(1)], expect: []),
        RuleExample("至少: 0 is a value, and it fails", .jiangsu, rule: "sharing_min",
                    ["sharing_initiatives": .integer(0)], expect: [FindingKey(.threshold, "sharing_initiatives")]),
        RuleExample("Wuxi staff: 3 meets 不少于3人", .wuxi, rule: "staff_min", ["staff_count": .integer(3)], expect: []),
        RuleExample("Wuxi staff: 2 does not", .wuxi, rule: "staff_min", ["staff_count": .integer(2)],
                    expect: [FindingKey(.threshold, "staff_count")]),
    ]

    static let softened: [RuleExample] = [
        RuleExample("一般不超过 includes the bound: 100 km² meets it", .jiangsu, rule: "area_max",
                    ["area_km2": number("100")], expect: []),
        RuleExample("一般 softens: 100.5 km² is verify, not threshold", .jiangsu, rule: "area_max",
                    ["area_km2": number("100.5")], expect: [FindingKey(.verify, "area_km2")]),
        RuleExample("一般 softens in Sichuan too: 150 km² is verify", .sichuan, rule: "area_max",
                    ["area_km2": number("150")], expect: [FindingKey(.verify, "area_km2")]),
        RuleExample("原则上 softens: compound 4.22% against 原则上不低于5% is verify", .sichuan, rule: "leading_cagr_min",
                    ["leading_output": series([2021: "66.20", 2022: "68.80", 2023: "71.90"]), "leading_cagr": number("4.22")],
                    expect: [FindingKey(.verify, "leading_cagr")]),
    ]

    /// `recompute_from`: a declared average growth is judged on the compound
    /// rate of its series, compared after rounding (binary floating point
    /// makes √(9261/8400) − 1 = 0.050000000000000044).
    static let recomputed: [RuleExample] = [
        RuleExample("高于 excludes the bound: 8400 → 9261 is exactly 5%, which is not 高于5%", .sichuan, rule: "rd_growth_min",
                    ["rd_expense": series([2021: "8400", 2022: "8820", 2023: "9261"]), "rd_growth": number("5.0")],
                    expect: [FindingKey(.threshold, "rd_growth")]),
        RuleExample("the recomputed rate is judged, not the declared 6.0", .sichuan, rule: "rd_growth_min",
                    ["rd_expense": series([2021: "8400", 2022: "8820", 2023: "9261"]), "rd_growth": number("6.0")],
                    expect: [FindingKey(.threshold, "rd_growth")]),
        RuleExample("a declared 4.0 does not fail when the series compounds at 5.22%", .sichuan, rule: "rd_growth_min",
                    ["rd_expense": series([2021: "8400", 2022: "8850", 2023: "9300"]), "rd_growth": number("4.0")],
                    expect: []),
        RuleExample("不低于: a series compounding at exactly 10% meets 不低于10%", .jiangsu, rule: "rd_growth_min",
                    ["rd_expense": series([2021: "10000", 2022: "11000", 2023: "12100"]), "rd_growth": number("10")],
                    expect: []),
        RuleExample("不低于: patents 400 → 529 compound at exactly 15%", .jiangsu, rule: "patent_growth_min",
                    ["invention_patents": counts([2021: 400, 2022: 460, 2023: 529]), "patent_growth": number("15")],
                    expect: []),
        RuleExample("leading output 30 → 33 compounds at 4.88%, below 10%", .jiangsu, rule: "leading_cagr_min",
                    ["leading_output": series([2021: "30", 2022: "32", 2023: "33"]), "leading_cagr": number("10.5")],
                    expect: [FindingKey(.threshold, "leading_cagr")]),
        RuleExample("原则上不低于5%: a series at exactly 5% meets it", .sichuan, rule: "leading_cagr_min",
                    ["leading_output": series([2021: "100", 2022: "105", 2023: "110.25"]), "leading_cagr": number("5")],
                    expect: []),
    ]

    static let all = comparisonWords + realRules + softened + recomputed
}

// MARK: - Figures

enum FigureExamples {
    static let anyOf: [RuleExample] = [
        RuleExample("champions + little giants 1 + 2 = 3 meets 不少于3 on the bound; the other sum (7 < 15) need not",
                    .jiangsu, rule: "quality_enterprises",
                    ["champion_count": .integer(1), "little_giant_count": .integer(2), "sri_sme_count": .integer(4), "hnte_count": .integer(3)],
                    expect: []),
        RuleExample("专精特新 + 高企 10 + 5 = 15 meets the second alternative", .jiangsu, rule: "quality_enterprises",
                    ["champion_count": .integer(0), "little_giant_count": .integer(2), "sri_sme_count": .integer(10), "hnte_count": .integer(5)],
                    expect: []),
        RuleExample("2 and 14: neither alternative is met", .jiangsu, rule: "quality_enterprises",
                    ["champion_count": .integer(1), "little_giant_count": .integer(1), "sri_sme_count": .integer(7), "hnte_count": .integer(7)],
                    expect: [FindingKey(.threshold, "champion_count")]),
        RuleExample("all counts 0", .jiangsu, rule: "quality_enterprises",
                    ["champion_count": .integer(0), "little_giant_count": .integer(0), "sri_sme_count": .integer(0), "hnte_count": .integer(0)],
                    expect: [FindingKey(.threshold, "champion_count")]),
        RuleExample("3 champions with the little-giant count missing: the first alternative cannot fail, so the rule does not",
                    .jiangsu, rule: "quality_enterprises",
                    ["champion_count": .integer(3), "sri_sme_count": .integer(0), "hnte_count": .integer(0)],
                    expect: []),
    ]

    /// sme_output / total_output × 100 = 70, 70, 75.
    static let shareBase: [String: FieldValue] = [
        "total_output": series([2021: "40", 2022: "50", 2023: "60"]),
        "sme_output": series([2021: "28", 2022: "35", 2023: "45"]),
    ]

    static func shareCase(_ description: String, _ declared: [Int: String], output: [Int: String]? = nil, expect: [FindingKey]) -> RuleExample {
        var fields = shareBase
        fields["sme_share"] = series(declared)
        if let output { fields["sme_output"] = series(output) }
        return RuleExample(description, .jiangsu, rule: "sme_share_consistent", fields, expect: expect)
    }

    static let share: [RuleExample] = [
        shareCase("declared 70, 70, 75 = part / total × 100", [2021: "70", 2022: "70", 2023: "75"], expect: []),
        shareCase("75.5 against 75 is within ±0.5 points", [2021: "70", 2022: "70", 2023: "75.5"], expect: []),
        shareCase("74.5 against 75 is within ±0.5 points", [2021: "70", 2022: "70", 2023: "74.5"], expect: []),
        shareCase("75.6 against 75 is off by more than 0.5", [2021: "70", 2022: "70", 2023: "75.6"],
              expect: [FindingKey(.inconsistent, "sme_share", year: 2023)]),
        shareCase("74.4 against 75 is off by more than 0.5", [2021: "70", 2022: "70", 2023: "74.4"],
              expect: [FindingKey(.inconsistent, "sme_share", year: 2023)]),
        shareCase("a part larger than its total (51 of 50 in 2022) is inconsistent on the part", [2021: "70", 2022: "102", 2023: "75"],
              output: [2021: "28", 2022: "51", 2023: "45"], expect: [FindingKey(.inconsistent, "sme_output", year: 2022)]),
        shareCase("27.86 / 39.80 × 100 is 70.00 exactly (jiangsu-defects)", [2021: "70.0", 2022: "70", 2023: "75"],
              output: [2021: "27.86", 2022: "35", 2023: "45"], expect: []),
        RuleExample("35.90 / 47.20 × 100 = 76.06, declared 82.0 (jiangsu-defects)", .jiangsu, rule: "leading_share_consistent",
                    ["total_output": series([2021: "39.80", 2022: "43.10", 2023: "47.20"]),
                     "leading_output": series([2021: "30.00", 2022: "32.80", 2023: "35.90"]),
                     "leading_share": series([2021: "75.38", 2022: "76.10", 2023: "82.0"])],
                    expect: [FindingKey(.inconsistent, "leading_share", year: 2023)]),
    ]

    /// 100 → 150 → 144: compound 20%, mean of the yearly rates (50%, −4%) 23%.
    static func growthCase(_ description: String, _ declared: String, expect: [FindingKey]) -> RuleExample {
        RuleExample(description, .jiangsu, rule: "leading_cagr_consistent",
                    ["leading_output": series([2021: "100", 2022: "150", 2023: "144"]), "leading_cagr": number(declared)],
                    expect: expect)
    }

    static let growth: [RuleExample] = [
        growthCase("20.4 is within 0.5 of the compound rate 20", "20.4", expect: []),
        growthCase("23.4 is within 0.5 of the mean rate 23", "23.4", expect: []),
        growthCase("20.5 is on the tolerance of the compound rate", "20.5", expect: []),
        growthCase("21.5 is 1.5 from both", "21.5", expect: [FindingKey(.inconsistent, "leading_cagr")]),
        growthCase("19.4 is 0.6 below the compound rate", "19.4", expect: [FindingKey(.inconsistent, "leading_cagr")]),
        growthCase("23.6 is 0.6 above the mean rate", "23.6", expect: [FindingKey(.inconsistent, "leading_cagr")]),
        RuleExample("patents 520, 598, 702 grow 16.19% compound and 16.20% on average; 24.5 is neither (miit-defects)",
                    .miit, rule: "patent_growth_consistent",
                    ["invention_patents": counts([2021: 520, 2022: 598, 2023: 702]), "patent_growth": number("24.5")],
                    expect: [FindingKey(.inconsistent, "patent_growth")]),
        RuleExample("patents 520, 598, 702: 16.2 agrees", .miit, rule: "patent_growth_consistent",
                    ["invention_patents": counts([2021: 520, 2022: 598, 2023: 702]), "patent_growth": number("16.2")],
                    expect: []),
    ]

    /// 300 patents in 2023 / 20,000 people × 10,000 = 150.
    static func perTenThousandCase(_ description: String, _ declared: String, expect: [FindingKey]) -> RuleExample {
        RuleExample(description, .jiangsu, rule: "patents_per_10k_consistent",
                    ["invention_patents": counts([2021: 200, 2022: 250, 2023: 300]), "employees": .integer(20000),
                     "patents_per_10k": number(declared)],
                    expect: expect)
    }

    static let perTenThousand: [RuleExample] = [
        perTenThousandCase("150 = 300 / 20000 × 10000", "150", expect: []),
        perTenThousandCase("151.4 is within 1% of 150", "151.4", expect: []),
        perTenThousandCase("148.6 is within 1% of 150", "148.6", expect: []),
        perTenThousandCase("151.6 is more than 1% above 150", "151.6", expect: [FindingKey(.inconsistent, "patents_per_10k")]),
        perTenThousandCase("148.4 is more than 1% below 150", "148.4", expect: [FindingKey(.inconsistent, "patents_per_10k")]),
        perTenThousandCase("125 is 2022's count, not the latest year's", "125", expect: [FindingKey(.inconsistent, "patents_per_10k")]),
    ]

    static func seriesYearsCase(_ description: String, _ years: [Int], applied: String = "2024-05-10", recorded: CheckResult? = nil,
                                expect: [FindingKey]) -> RuleExample {
        RuleExample(description, .jiangsu, rule: "series_years",
                    ["total_output": series(Dictionary(uniqueKeysWithValues: years.map { ($0, "50") })), "application_date": date(applied)],
                    recorded: recorded, expect: expect)
    }

    static let seriesYears: [RuleExample] = [
        seriesYearsCase("2021–2023 before an application of 2024-05-10", [2021, 2022, 2023], expect: []),
        seriesYearsCase("2021–2023 before an application of 2024-01-05", [2021, 2022, 2023], applied: "2024-01-05", expect: []),
        seriesYearsCase("2022–2024 includes the year of application", [2022, 2023, 2024], expect: [FindingKey(.inconsistent, "total_output")]),
        seriesYearsCase("2020–2022 is a year behind", [2020, 2021, 2022], expect: [FindingKey(.inconsistent, "total_output")]),
        seriesYearsCase("two of the three years, one left empty: missing for that year (Reviewer), not wrong years", [2022, 2023],
                        recorded: .supplement, expect: []),
        seriesYearsCase("2021–2023 before an application of 2025-01-05", [2021, 2022, 2023], applied: "2025-01-05",
                    expect: [FindingKey(.inconsistent, "total_output")]),
    ]

    static let countMatchesRows: [RuleExample] = [
        RuleExample("2 little giants declared, 2 listed", .jiangsu, rule: "little_giant_rows",
                    ["little_giant_count": .integer(2), "enterprises": enterprises(types: ["little_giant", "little_giant", "champion"])],
                    expect: []),
        RuleExample("3 little giants declared, 2 listed (jiangsu-defects)", .jiangsu, rule: "little_giant_rows",
                    ["little_giant_count": .integer(3), "enterprises": enterprises(types: ["little_giant", "little_giant", "champion"])],
                    expect: [FindingKey(.inconsistent, "little_giant_count")]),
        RuleExample("0 champions declared, none listed: 0 is a value", .jiangsu, rule: "champion_rows",
                    ["champion_count": .integer(0), "enterprises": enterprises(types: ["little_giant"])], expect: []),
        RuleExample("1 champion declared, no list at all: the list is missing (required fields), not counted as 0 rows",
                    .jiangsu, rule: "champion_rows", ["champion_count": .integer(1)], recorded: .supplement, expect: []),
        RuleExample("platforms: only 国家级 and 省级 rows count (市级 does not)", .jiangsu, rule: "platform_rows",
                    ["platform_count": .integer(2), "platforms": rows("level", ["国家级", "省级", "市级"])], expect: []),
        RuleExample("platforms: 3 declared, 2 国家级/省级 listed", .jiangsu, rule: "platform_rows",
                    ["platform_count": .integer(3), "platforms": rows("level", ["国家级", "省级", "市级"])],
                    expect: [FindingKey(.inconsistent, "platform_count")]),
        RuleExample("standards: 团体标准 does not count", .jiangsu, rule: "standards_rows",
                    ["standards_count": .integer(2), "standards": rows("category", ["国家标准", "行业标准", "团体标准"])], expect: []),
        RuleExample("Sichuan 优质中小企业 count every qualifying type", .sichuan, rule: "quality_sme_rows",
                    ["quality_sme_count": .integer(3), "enterprises": enterprises(types: ["sri_sme", "hnte", "innovative_sme"])],
                    expect: []),
        RuleExample("Sichuan 优质中小企业: 4 declared, 3 listed", .sichuan, rule: "quality_sme_rows",
                    ["quality_sme_count": .integer(4), "enterprises": enterprises(types: ["sri_sme", "hnte", "innovative_sme"])],
                    expect: [FindingKey(.inconsistent, "quality_sme_count")]),
    ]
}

// MARK: - Answers

enum AnswerExamples {
    static let implies: [RuleExample] = [
        RuleExample("高耗能 是, 能效高于基准值 是", .jiangsu, rule: "energy_baseline",
                    ["high_energy": .bool(true), "energy_above_baseline": .bool(true)], expect: []),
        RuleExample("高耗能 是, 能效高于基准值 否", .jiangsu, rule: "energy_baseline",
                    ["high_energy": .bool(true), "energy_above_baseline": .bool(false)],
                    expect: [FindingKey(.threshold, "energy_above_baseline")]),
        RuleExample("not 高耗能: the baseline does not matter", .jiangsu, rule: "energy_baseline",
                    ["high_energy": .bool(false), "energy_above_baseline": .bool(false)], expect: []),
        RuleExample("高用水 是, 水效高于基准值 否", .jiangsu, rule: "water_baseline",
                    ["high_water": .bool(true), "water_above_baseline": .bool(false)],
                    expect: [FindingKey(.threshold, "water_above_baseline")]),
        RuleExample("高耗能 是 with the baseline answer missing: that is the required check's `missing`, not this rule's",
                    .jiangsu, rule: "energy_baseline", ["high_energy": .bool(true)], expect: []),
    ]

    static let negative: [RuleExample] = [
        RuleExample("偷税漏税 否", .jiangsu, rule: "neg_tax", ["neg_tax": .bool(false)], expect: []),
        RuleExample("偷税漏税 是", .jiangsu, rule: "neg_tax", ["neg_tax": .bool(true)], expect: [FindingKey(.negative, "neg_tax")]),
        RuleExample("较大及以上事故 是 (miit-defects)", .miit, rule: "neg_accident", ["neg_accident": .bool(true)],
                    expect: [FindingKey(.negative, "neg_accident")]),
        RuleExample("Sichuan restricted industry 是", .sichuan, rule: "neg_restricted", ["neg_restricted": .bool(true)],
                    expect: [FindingKey(.negative, "neg_restricted")]),
    ]

    static let affirmative: [RuleExample] = [
        RuleExample("三年发展规划 是", .jiangsu, rule: "dev_plan", ["dev_plan": .bool(true)], expect: []),
        RuleExample("三年发展规划 否", .jiangsu, rule: "dev_plan", ["dev_plan": .bool(false)], expect: [FindingKey(.threshold, "dev_plan")]),
        RuleExample("all four Wuxi rule sets 是", .wuxi, rule: "rule_sets",
                    ["rules_admin": .bool(true), "rules_finance": .bool(true), "rules_hr": .bool(true), "rules_assets": .bool(true)],
                    expect: []),
        RuleExample("人事管理制度 否: one finding on that field", .wuxi, rule: "rule_sets",
                    ["rules_admin": .bool(true), "rules_finance": .bool(true), "rules_hr": .bool(false), "rules_assets": .bool(true)],
                    expect: [FindingKey(.threshold, "rules_hr")]),
        RuleExample("two rule sets 否: one finding each", .wuxi, rule: "rule_sets",
                    ["rules_admin": .bool(false), "rules_finance": .bool(true), "rules_hr": .bool(true), "rules_assets": .bool(false)],
                    expect: [FindingKey(.threshold, "rules_admin"), FindingKey(.threshold, "rules_assets")]),
        RuleExample("no 保密安全管理制度 (ccid-defects)", .ccid, rule: "management_policies",
                    ["policies_admin": .bool(true), "policies_business": .bool(true), "policies_security": .bool(false)],
                    expect: [FindingKey(.threshold, "policies_security")]),
        RuleExample("no 初审推荐文件", .wuxi, rule: "recommendation_doc", ["recommendation_doc": .bool(false)],
                    expect: [FindingKey(.threshold, "recommendation_doc")]),
    ]

    static let present: [RuleExample] = [
        RuleExample("a capability described", .wuxi, rule: "capability_monitoring",
                    ["capability_monitoring": .text("按季度发布集群运行监测报告")], expect: []),
        RuleExample("income sources ticked", .ccid, rule: "revenue_sources",
                    ["revenue_sources": .options(["会员会费", "服务收入"])], expect: []),
        RuleExample("no income source ticked", .ccid, rule: "revenue_sources",
                    ["revenue_sources": .options([])], expect: [FindingKey(.missing, "revenue_sources")]),
        RuleExample("注册资金 0 is a value", .ccid, rule: "registered_capital", ["registered_capital": number("0")], expect: []),
        RuleExample("a capability not described: missing, citing this rule's article (第六条第（四）项)", .wuxi,
                    rule: "capability_planning", [:],
                    expect: [FindingKey(.missing, "capability_planning")]),
    ]

    static let singleEntity: [RuleExample] = [
        RuleExample("one cluster", .wuxi, rule: "one_cluster", ["cluster_served": .text("无锡市物联网产业集群")], expect: []),
        RuleExample("two clusters joined by 、", .wuxi, rule: "one_cluster",
                    ["cluster_served": .text("物联网产业集群、集成电路产业集群")], expect: [FindingKey(.threshold, "cluster_served")]),
        RuleExample("two clusters joined by ；", .wuxi, rule: "one_cluster",
                    ["cluster_served": .text("物联网产业集群；车联网产业集群")], expect: [FindingKey(.threshold, "cluster_served")]),
        RuleExample("two clusters joined by a comma", .wuxi, rule: "one_cluster",
                    ["cluster_served": .text("物联网产业集群,集成电路产业集群")], expect: [FindingKey(.threshold, "cluster_served")]),
        RuleExample("two clusters joined by 和", .wuxi, rule: "one_cluster",
                    ["cluster_served": .text("无锡市物联网产业集群和集成电路产业集群")], expect: [FindingKey(.threshold, "cluster_served")]),
        RuleExample("two clusters joined by 及", .wuxi, rule: "one_cluster",
                    ["cluster_served": .text("物联网产业集群及集成电路产业集群")], expect: [FindingKey(.threshold, "cluster_served")]),
        RuleExample("one cluster whose name holds 和 (装备和材料)", .wuxi, rule: "one_cluster",
                    ["cluster_served": .text("无锡市高端装备和新材料产业集群")], expect: []),
    ]

    static func regionCase(_ description: String, _ uscc: String, _ address: String, office: String? = nil,
                       expect: [FindingKey]) -> RuleExample {
        var fields: [String: FieldValue] = ["applicant_uscc": .text(uscc), "registered_address": .text(address)]
        if let office { fields["office_address"] = .text(office) }
        return RuleExample(description, .wuxi, rule: "registered_in_wuxi", fields, expect: expect)
    }

    static let region: [RuleExample] = [
        regionCase("3202xx and an address in 无锡市滨湖区", Entities.wuxiAgency, "无锡市滨湖区蠡湖大道2008号", expect: []),
        regionCase("江阴 is one of Wuxi's county-level cities", Entities.jiangyinAgency, "江阴市澄江街道长江路1号", expect: []),
        regionCase("registered in 苏州: code 320508 and a 苏州 address", Entities.suzhouAgency, "江苏省苏州市姑苏区干将西路1288号",
               expect: [FindingKey(.identity, "applicant_uscc")]),
        regionCase("an office in 无锡 does not cure a 苏州 registration (wuxi-defects)", Entities.suzhouAgency,
               "江苏省苏州市姑苏区干将西路1288号", office: "无锡市滨湖区建筑西路599号", expect: [FindingKey(.identity, "applicant_uscc")]),
        regionCase("a Wuxi code with a 苏州 address", Entities.wuxiAgency, "江苏省苏州市工业园区星湖街328号",
               expect: [FindingKey(.identity, "registered_address")]),
        regionCase("a 苏州 code with a 无锡 address", Entities.suzhouAgency, "无锡市梁溪区中山路1号",
               expect: [FindingKey(.identity, "applicant_uscc")]),
        regionCase("a Wuxi code with an address in 合肥's 滨湖新区: 滨湖 there is not Wuxi's", Entities.wuxiAgency,
               "安徽省合肥市滨湖新区紫云路1号", expect: [FindingKey(.identity, "registered_address")]),
        regionCase("江苏省无锡市 before the district is inside", Entities.wuxiAgency, "江苏省无锡市新吴区长江路7号", expect: []),
    ]

    static func titlesCase(_ description: String, _ qualifications: [String?], failing: [Int]) -> RuleExample {
        RuleExample(description, .wuxi, rule: "core_member_titles", ["core_members": members(qualifications)],
                    expect: failing.map { FindingKey(.threshold, "core_members", row: $0) })
    }

    static let seniorTitles: [RuleExample] = [
        titlesCase("正高级工程师", ["正高级工程师"], failing: []),
        titlesCase("高级经济师", ["高级经济师"], failing: []),
        titlesCase("教授", ["教授"], failing: []),
        titlesCase("副教授", ["副教授"], failing: []),
        titlesCase("研究员", ["研究员"], failing: []),
        titlesCase("副研究员", ["副研究员"], failing: []),
        titlesCase("注册会计师 (注册*师)", ["注册会计师"], failing: []),
        titlesCase("注册安全工程师: * stands for any text", ["注册安全工程师"], failing: []),
        titlesCase("注册城乡规划师", ["注册城乡规划师"], failing: []),
        titlesCase("律师执业资格", ["律师执业资格"], failing: []),
        titlesCase("执业药师 (执业*师: a professional qualification)", ["执业药师"], failing: []),
        titlesCase("助理研究员 is rejected although it contains 研究员", ["助理研究员"], failing: [0]),
        titlesCase("助理工程师", ["助理工程师"], failing: [0]),
        titlesCase("中级经济师", ["中级经济师"], failing: [0]),
        titlesCase("初级会计师", ["初级会计师"], failing: [0]),
        titlesCase("工程师 is not a senior title", ["工程师"], failing: [0]),
        RuleExample("no qualification given: missing for that member (supplement), not a title that falls short", .wuxi,
                    rule: "core_member_titles", ["core_members": members([nil, "教授", "中级经济师"])],
                    expect: [FindingKey(.missing, "core_members", row: 0), FindingKey(.threshold, "core_members", row: 2)]),
        titlesCase("every row is judged: rows 1 and 3 fail", ["教授", "中级经济师", "注册会计师", "助理研究员"], failing: [1, 3]),
    ]

    static let notEnterprise: [RuleExample] = [
        RuleExample("a 经济和信息化局 with a government code", .sichuan, rule: "applicant_not_enterprise", [:], expect: []),
        RuleExample("an enterprise code (position 1 = 9)", .sichuan, rule: "applicant_not_enterprise",
                    ["applicant_uscc": .text(Entities.sichuanEnterprise)], expect: [FindingKey(.identity, "applicant_name")]),
        RuleExample("a name ending in 公司", .sichuan, rule: "applicant_not_enterprise",
                    ["applicant_name": .text("成都市郫都区产业投资有限公司")], expect: [FindingKey(.identity, "applicant_name")]),
        RuleExample("a company's branch in brackets: still a company", .sichuan, rule: "applicant_not_enterprise",
                    ["applicant_name": .text("成都蜀香源调味品股份有限公司（郫都分公司）")], expect: [FindingKey(.identity, "applicant_name")]),
        RuleExample("a bureau with a second name in brackets: not a company", .sichuan, rule: "applicant_not_enterprise",
                    ["applicant_name": .text("成都市郫都区经济和信息化局（科学技术局）")], expect: []),
        RuleExample("MIIT applies the same rule", .miit, rule: "applicant_not_enterprise",
                    ["applicant_uscc": .text(Entities.enterpriseA)], expect: [FindingKey(.identity, "applicant_name")]),
    ]

    static let layers = ["决策层", "监督层", "管理层", "执行层", "咨询层"]
    static let functions = ["引导集群战略方向", "促进集群沟通交流", "促进集群政企对接", "促进集群协同创新",
                            "促进集群开放融合", "提供集群服务阵地", "促进集群自律规范"]

    static func activities(_ counts: [Int]) -> FieldValue {
        keyed("function", "count", zip(functions, counts).map { ($0, FieldValue.integer($1)) })
    }

    static let rowsCover: [RuleExample] = [
        RuleExample("all five layers of governance", .ccid, rule: "governance",
                    ["governance": keyed("layer", "body", layers.map { ($0, FieldValue.text("\($0)机构")) })], expect: []),
        RuleExample("no 咨询层", .ccid, rule: "governance",
                    ["governance": keyed("layer", "body", layers.dropLast().map { ($0, FieldValue.text("\($0)机构")) })],
                    expect: [FindingKey(.threshold, "governance")]),
        RuleExample("staff of every category", .ccid, rule: "staff",
                    ["staff": keyed("category", "count", [("专业技术人员", .integer(12)), ("管理人员", .integer(5)), ("辅助人员", .integer(1))])],
                    expect: []),
        RuleExample("0 辅助人员: 宜 softens to verify (ccid-defects)", .ccid, rule: "staff",
                    ["staff": keyed("category", "count", [("专业技术人员", .integer(12)), ("管理人员", .integer(5)), ("辅助人员", .integer(0))])],
                    expect: [FindingKey(.verify, "staff", row: 2)]),
        RuleExample("a 辅助人员 row with its count left blank: missing (supplement), not an absent row", .ccid, rule: "staff",
                    ["staff": .list([["category": .text("专业技术人员"), "count": .integer(12)],
                                     ["category": .text("管理人员"), "count": .integer(5)],
                                     ["category": .text("辅助人员")]])],
                    expect: [FindingKey(.missing, "staff", row: 2)]),
        RuleExample("no staff table at all: missing (required fields), its rows not judged one by one", .ccid, rule: "staff",
                    [:], recorded: .supplement, expect: []),
        RuleExample("no 辅助人员 row: verify", .ccid, rule: "staff",
                    ["staff": keyed("category", "count", [("专业技术人员", .integer(12)), ("管理人员", .integer(5))])],
                    expect: [FindingKey(.verify, "staff")]),
        RuleExample("one activity for 促进集群自律规范 meets 不少于1", .ccid, rule: "function_self_regulation",
                    ["activities": activities([4, 6, 3, 5, 2, 8, 1])], expect: []),
        RuleExample("no activity for 促进集群自律规范 (ccid-defects)", .ccid, rule: "function_self_regulation",
                    ["activities": activities([4, 6, 3, 5, 2, 8, 0])], expect: [FindingKey(.threshold, "activities", row: 6)]),
        RuleExample("no activity for 引导集群战略方向, the first row", .ccid, rule: "function_strategy",
                    ["activities": activities([0, 6, 3, 5, 2, 8, 1])], expect: [FindingKey(.threshold, "activities", row: 0)]),
    ]

    /// Sichuan 第十一条: 民族地区、革命老区可适当放宽 — its numeric thresholds only.
    static let softens: [RuleExample] = [
        RuleExample("special area: 18.6 below 20 is verify (sichuan-special)", .sichuan, rule: "total_output_min",
                    ["special_area": .bool(true), "total_output": series([2021: "18.60", 2022: "21.40", 2023: "24.90"])],
                    expect: [FindingKey(.verify, "total_output", year: 2021)]),
        RuleExample("not a special area: the same figure is threshold", .sichuan, rule: "total_output_min",
                    ["special_area": .bool(false), "total_output": series([2021: "18.60", 2022: "21.40", 2023: "24.90"])],
                    expect: [FindingKey(.threshold, "total_output", year: 2021)]),
        RuleExample("special area: 普及率 8.5 below 10 is verify (sichuan-special)", .sichuan, rule: "iip_rate_min",
                    ["special_area": .bool(true), "iip_rate": number("8.5")], expect: [FindingKey(.verify, "iip_rate")]),
        RuleExample("special area: a recomputed rate of exactly 5% against 高于5% is verify", .sichuan, rule: "rd_growth_min",
                    ["special_area": .bool(true), "rd_expense": series([2021: "8400", 2022: "8820", 2023: "9261"]), "rd_growth": number("5")],
                    expect: [FindingKey(.verify, "rd_growth")]),
        RuleExample("special area: the energy criterion (第十一条（六）) is not softened", .sichuan, rule: "energy_baseline",
                    ["special_area": .bool(true), "high_energy": .bool(true), "energy_above_baseline": .bool(false)],
                    expect: [FindingKey(.threshold, "energy_above_baseline")]),
        RuleExample("special area: negatives are not softened", .sichuan, rule: "neg_tax",
                    ["special_area": .bool(true), "neg_tax": .bool(true)], expect: [FindingKey(.negative, "neg_tax")]),
        RuleExample("special area: credit is not softened", .sichuan, rule: "credit",
                    ["special_area": .bool(true)],
                    registries: creditRegistry([(Entities.sichuanAuthority, "成都市郫都区经济和信息化局", .c)]),
                    expect: [FindingKey(.credit, "applicant_uscc")]),
    ]
}

// MARK: - Declaration

enum DeclarationExamples {
    static func declarationCase(_ description: String, _ change: [String: FieldValue?], knownIssue: String? = nil,
                            expect: [FindingKey]) -> RuleExample {
        var fields = Scheme.jiangsu.declaration
        for (key, value) in change { fields[key] = value }
        return RuleExample(description, .jiangsu, rule: "declaration", [:], declaration: fields, knownIssue: knownIssue, expect: expect)
    }

    static let all: [RuleExample] = [
        declarationCase("same name, code and seal, signed, dated four days before", [:], expect: []),
        RuleExample("no declaration submitted", .jiangsu, rule: "declaration", [:], declaration: nil,
                    expect: [FindingKey(.missing, "declaration")]),
        declarationCase("another unit's name", ["declarant_name": .text("苏州市吴中区人民政府")],
                    expect: [FindingKey(.identity, "declarant_name")]),
        declarationCase("the same name with a space and full-width text is the same name",
                    ["declarant_name": .text("苏州市吴中区 工业和信息化局")], expect: []),
        declarationCase("another unit's code", ["declarant_uscc": .text(Entities.jiangsuOperator)],
                    expect: [FindingKey(.identity, "declarant_uscc")]),
        declarationCase("not signed", ["signatory": nil], expect: [FindingKey(.missing, "signatory")]),
        declarationCase("not sealed", ["seal_name": nil], expect: [FindingKey(.missing, "seal_name")]),
        declarationCase("sealed by another unit", ["seal_name": .text("苏州市吴中区机器人产业协会")],
                    expect: [FindingKey(.identity, "seal_name")]),
        declarationCase("no declarant named", ["declarant_name": nil], expect: [FindingKey(.missing, "declarant_name")]),
        declarationCase("not dated", ["signed_date": nil], expect: [FindingKey(.missing, "signed_date")]),
        declarationCase("dated on the application date", ["signed_date": date("2024-05-10")], expect: []),
        declarationCase("dated the day after the application date", ["signed_date": date("2024-05-11")],
                    expect: [FindingKey(.identity, "signed_date")]),
        declarationCase("dated exactly 90 days before", ["signed_date": date("2024-02-10")], expect: []),
        declarationCase("dated 91 days before", ["signed_date": date("2024-02-09")],
                    expect: [FindingKey(.identity, "signed_date")]),
    ]
}

// MARK: - Registries

enum RegistryExamples {
    static let jiangsuOperatorName = "苏州市吴中区机器人产业协会"
    static let enterpriseName = "苏州恒迈伺服电机有限公司"

    /// A Jiangsu application listing one enterprise, with the applicant and
    /// operator rated A and the enterprise rated as given.
    static func creditCase(_ description: String, enterprise grade: CreditGrade?, applicant: CreditGrade = .a,
                       operatorGrade: CreditGrade = .a, knownIssue: String? = nil,
                       extra: [(uscc: String?, name: String, grade: CreditGrade)] = [], expect: [FindingKey]) -> RuleExample {
        var rows: [(uscc: String?, name: String, grade: CreditGrade)] = [
            (Entities.jiangsuAuthority, Scheme.jiangsu.applicant.name, applicant),
            (Entities.jiangsuOperator, jiangsuOperatorName, operatorGrade),
        ]
        if let grade { rows.append((Entities.enterpriseA, enterpriseName, grade)) }
        return RuleExample(description, .jiangsu, rule: "credit",
                           ["operator_name": .text(jiangsuOperatorName), "operator_uscc": .text(Entities.jiangsuOperator),
                            "enterprises": .list([enterprise(enterpriseName, Entities.enterpriseA, "little_giant")])],
                           registries: creditRegistry(rows + extra), knownIssue: knownIssue, expect: expect)
    }

    static let credit: [RuleExample] = [
        creditCase("an enterprise rated C+: 以下 includes the bound (严重失信)", enterprise: .cPlus,
               expect: [FindingKey(.credit, "enterprises", row: 0)]),
        creditCase("an enterprise rated C", enterprise: .c, expect: [FindingKey(.credit, "enterprises", row: 0)]),
        creditCase("an enterprise rated C-", enterprise: .cMinus, expect: [FindingKey(.credit, "enterprises", row: 0)]),
        creditCase("an enterprise rated D", enterprise: .d, expect: [FindingKey(.credit, "enterprises", row: 0)]),
        creditCase("B- is above C+", enterprise: .bMinus, expect: []),
        creditCase("A+", enterprise: .aPlus, expect: []),
        creditCase("the applicant rated C+", enterprise: .a, applicant: .cPlus, expect: [FindingKey(.credit, "applicant_uscc")]),
        creditCase("the operator rated C", enterprise: .a, operatorGrade: .c, expect: [FindingKey(.credit, "operator_uscc")]),
        creditCase("an enterprise not in the registry is verify, neither pass nor fail", enterprise: nil,
               expect: [FindingKey(.verify, "enterprises", row: 0)]),
        creditCase("the enterprise's name rated under another valid code: identity, not a pass", enterprise: nil,
               extra: [(Entities.enterpriseB, enterpriseName, .a)], expect: [FindingKey(.identity, "enterprises", row: 0)]),
        RuleExample("the applicant's code rated as another unit: identity on the name, and the grade still counts", .jiangsu, rule: "credit",
                    [:], registries: creditRegistry([(Entities.jiangsuAuthority, "苏州市吴中区经济科技和信息化局", .a)]),
                    expect: [FindingKey(.identity, "applicant_name")]),
        RuleExample("the same unit written with other brackets and spaces is the same name", .jiangsu, rule: "credit",
                    [:], registries: creditRegistry([(Entities.jiangsuAuthority, " 苏州市吴中区工业和信息化局 ", .a)]),
                    expect: []),
        RuleExample("a registry listing the bureau without its second name in brackets: the same unit", .jiangsu, rule: "credit",
                    ["applicant_name": .text("苏州市吴中区工业和信息化局（科学技术局）")],
                    registries: creditRegistry([(Entities.jiangsuAuthority, "苏州市吴中区工业和信息化局", .a)]), expect: []),
        RuleExample("no registries: no finding, the check recorded as not performed", .jiangsu, rule: "credit",
                    ["enterprises": .list([enterprise(enterpriseName, Entities.enterpriseA, "little_giant")])],
                    registries: nil, recorded: .notChecked, expect: []),
        RuleExample("a certificate registry but no credit registry: not performed", .jiangsu, rule: "credit", [:],
                    registries: Registries(credit: nil, certificates: CertificateRegistry(entries: [])),
                    recorded: .notChecked, expect: []),
        RuleExample("Wuxi: B+ is above C+ (wuxi-defects)", .wuxi, rule: "credit", [:],
                    registries: creditRegistry([(Entities.wuxiAgency, Scheme.wuxi.applicant.name, .bPlus)]), expect: []),
        RuleExample("CCID: the applicant rated C (ccid-defects)", .ccid, rule: "credit", [:],
                    registries: creditRegistry([(Entities.ccidOrganisation, Scheme.ccid.applicant.name, .c)]),
                    expect: [FindingKey(.credit, "applicant_uscc")]),
    ]

    static func declaredGradeCase(_ description: String, _ declared: String, registry: CreditGrade?, recorded: CheckResult? = nil,
                              expect: [FindingKey]) -> RuleExample {
        var rows: [(uscc: String?, name: String, grade: CreditGrade)] = []
        if let registry { rows.append((Entities.wuxiAgency, Scheme.wuxi.applicant.name, registry)) }
        return RuleExample(description, .wuxi, rule: "declared_grade", ["declared_credit_grade": .text(declared)],
                           registries: creditRegistry(rows), recorded: recorded, expect: expect)
    }

    static let declaredGrade: [RuleExample] = [
        declaredGradeCase("A declared, B+ registered: falsified (wuxi-defects)", "A", registry: .bPlus,
                      expect: [FindingKey(.falsified, "declared_credit_grade")]),
        declaredGradeCase("B+ declared and registered", "B+", registry: .bPlus, recorded: .met, expect: []),
        declaredGradeCase("Ｂ＋ in full width is B+", "Ｂ＋", registry: .bPlus, expect: []),
        declaredGradeCase("B+级 is B+", "B+级", registry: .bPlus, expect: []),
        declaredGradeCase("A- declared, A registered", "A-", registry: .a, expect: [FindingKey(.falsified, "declared_credit_grade")]),
        declaredGradeCase("the applicant not in the registry: nothing to compare, verify", "A", registry: nil, recorded: .verify, expect: []),
        RuleExample("no registries: not performed", .wuxi, rule: "declared_grade", ["declared_credit_grade": .text("A")],
                    registries: nil, recorded: .notChecked, expect: []),
    ]

    /// A Jiangsu application of 2024-05-10 listing one enterprise with the claimed type.
    static func certificateCase(_ description: String, name: String = enterpriseName, uscc: String = Entities.enterpriseA,
                            claims type: String,
                            registry: [(uscc: String?, name: String, type: CertificateType, issued: String, until: String?)],
                            expect: [FindingKey]) -> RuleExample {
        RuleExample(description, .jiangsu, rule: "enterprise_certificates",
                    ["enterprises": .list([enterprise(name, uscc, type, certNo: "工信厅企业函〔2022〕191号", year: 2022)])],
                    registries: certificateRegistry(registry), expect: expect)
    }

    static let certificates: [RuleExample] = [
        certificateCase("listed with the claimed type", claims: "little_giant",
                    registry: [(Entities.enterpriseA, enterpriseName, .littleGiant, "2022-08-01", "2025-07-31")], expect: []),
        certificateCase("registry quotes “小巨人” and form quotes \"小巨人\" are one name", name: "无锡\"小巨人\"科技有限公司",
                    claims: "little_giant",
                    registry: [(Entities.enterpriseA, "无锡“小巨人”科技有限公司", .littleGiant, "2022-08-01", nil)], expect: []),
        certificateCase("not listed under that code or name: falsified", claims: "champion",
                    registry: [(Entities.enterpriseB, "苏州凯德运动控制技术有限公司", .champion, "2022-01-01", nil)],
                    expect: [FindingKey(.falsified, "enterprises", row: 0)]),
        certificateCase("listed only as 专精特新中小企业, claimed 小巨人: certificate", claims: "little_giant",
                    registry: [(Entities.enterpriseA, enterpriseName, .sriSME, "2023-10-16", nil)],
                    expect: [FindingKey(.certificate, "enterprises", row: 0)]),
        certificateCase("高新技术企业 issued 2021-05-10 without 有效期至 ran out on 2024-05-09", claims: "hnte",
                    registry: [(Entities.enterpriseA, enterpriseName, .hnte, "2021-05-10", nil)],
                    expect: [FindingKey(.certificate, "enterprises", row: 0)]),
        certificateCase("高新技术企业 issued 2021-05-11 is valid through 2024-05-10, the application date", claims: "hnte",
                    registry: [(Entities.enterpriseA, enterpriseName, .hnte, "2021-05-11", nil)], expect: []),
        certificateCase("有效期至 2024-05-09, the day before the application: expired", claims: "little_giant",
                    registry: [(Entities.enterpriseA, enterpriseName, .littleGiant, "2021-05-10", "2024-05-09")],
                    expect: [FindingKey(.certificate, "enterprises", row: 0)]),
        certificateCase("有效期至 2024-05-10, the application date: valid", claims: "little_giant",
                    registry: [(Entities.enterpriseA, enterpriseName, .littleGiant, "2021-05-10", "2024-05-10")], expect: []),
        certificateCase("no 有效期至 recorded for a champion: valid", claims: "champion",
                    registry: [(Entities.enterpriseA, enterpriseName, .champion, "2016-12-01", nil)], expect: []),
        certificateCase("recognised only after the application date: not held on it", claims: "sri_sme",
                    registry: [(Entities.enterpriseA, enterpriseName, .sriSME, "2024-06-01", nil)],
                    expect: [FindingKey(.certificate, "enterprises", row: 0)]),
        certificateCase("the same name under another code: identity", claims: "little_giant",
                    registry: [(Entities.enterpriseB, enterpriseName, .littleGiant, "2022-08-01", nil)],
                    expect: [FindingKey(.identity, "enterprises", row: 0)]),
        certificateCase("the same code under another name: identity", claims: "little_giant",
                    registry: [(Entities.enterpriseA, "苏州恒迈精密机械有限公司", .littleGiant, "2022-08-01", nil)],
                    expect: [FindingKey(.identity, "enterprises", row: 0)]),
        RuleExample("every row is checked: the second is not listed", .jiangsu, rule: "enterprise_certificates",
                    ["enterprises": .list([enterprise(enterpriseName, Entities.enterpriseA, "little_giant"),
                                           enterprise("苏州吴中精工轴承有限公司", Entities.enterpriseC, "hnte")])],
                    registries: certificateRegistry([(Entities.enterpriseA, enterpriseName, .littleGiant, "2022-08-01", nil)]),
                    expect: [FindingKey(.falsified, "enterprises", row: 1)]),
        RuleExample("the claimed 证书编号 is the registered one, typed with other brackets and spaces", .jiangsu,
                    rule: "enterprise_certificates",
                    ["enterprises": .list([enterprise(enterpriseName, Entities.enterpriseA, "little_giant",
                                                      certNo: "工信厅企业函［2022］ 191 号", year: 2022)])],
                    registries: numberedCertificateRegistry([(Entities.enterpriseA, enterpriseName, .littleGiant,
                                                              "工信厅企业函〔2022〕191号", "2022-08-01")]), expect: []),
        RuleExample("a 证书编号 the registry does not record for that enterprise: falsified, on the number's cell", .jiangsu,
                    rule: "enterprise_certificates",
                    ["enterprises": .list([enterprise(enterpriseName, Entities.enterpriseA, "little_giant",
                                                      certNo: "工信厅企业函〔2022〕119号", year: 2022)])],
                    registries: numberedCertificateRegistry([(Entities.enterpriseA, enterpriseName, .littleGiant,
                                                              "工信厅企业函〔2022〕191号", "2022-08-01")]),
                    expect: [FindingKey(.falsified, "enterprises", row: 0)]),
        RuleExample("a renewed 高新技术企业: the number of either recognition is the enterprise's", .jiangsu,
                    rule: "enterprise_certificates",
                    ["enterprises": .list([enterprise(enterpriseName, Entities.enterpriseA, "hnte", certNo: "GR202132007415", year: 2021)])],
                    registries: numberedCertificateRegistry([
                        (Entities.enterpriseA, enterpriseName, .hnte, "GR201832001122", "2018-11-30"),
                        (Entities.enterpriseA, enterpriseName, .hnte, "GR202132007415", "2021-11-30"),
                    ]), expect: []),
        RuleExample("no registries: not performed", .jiangsu, rule: "enterprise_certificates",
                    ["enterprises": .list([enterprise(enterpriseName, Entities.enterpriseA, "little_giant")])],
                    registries: nil, recorded: .notChecked, expect: []),
        RuleExample("a platform listed by name as 创新平台", .jiangsu, rule: "platform_certificates",
                    ["platforms": .list([["name": .text("江苏省工业机器人创新中心"), "level": .text("省级")]])],
                    registries: certificateRegistry([(nil, "江苏省工业机器人创新中心", .platform, "2021-01-01", nil)]), expect: []),
        RuleExample("a platform not in the registry: falsified", .jiangsu, rule: "platform_certificates",
                    ["platforms": .list([["name": .text("苏州市吴中区机器人检测中心"), "level": .text("省级")]])],
                    registries: certificateRegistry([(nil, "江苏省工业机器人创新中心", .platform, "2021-01-01", nil)]),
                    expect: [FindingKey(.falsified, "platforms", row: 0)]),
    ]

    static let clusterName = "海安市锻压装备产业集群"

    static func recognitionCase(_ description: String, firstBatch: Bool?, registry: [(uscc: String?, name: String, type: CertificateType, issued: String, until: String?)]?,
                            recorded: CheckResult? = nil, expect: [FindingKey]) -> RuleExample {
        var fields: [String: FieldValue] = ["cluster_name": .text(clusterName)]
        if let firstBatch { fields["first_batch"] = .bool(firstBatch) }
        return RuleExample(description, .miit, rule: "provincial_recognition", fields,
                           registries: registry.map(certificateRegistry), recorded: recorded, expect: expect)
    }

    static let recognition: [RuleExample] = [
        recognitionCase("a recognised provincial cluster", firstBatch: false,
                    registry: [(nil, clusterName, .provincialCluster, "2022-11-28", nil)], expect: []),
        RuleExample("the recognition year declared as the registry's: 2022", .miit, rule: "provincial_recognition",
                    ["cluster_name": .text(clusterName), "first_batch": .bool(false), "provincial_year": .integer(2022)],
                    registries: certificateRegistry([(nil, clusterName, .provincialCluster, "2022-11-28", nil)]), expect: []),
        RuleExample("a recognition year the registry contradicts (2021 for 2022-11-28): falsified", .miit, rule: "provincial_recognition",
                    ["cluster_name": .text(clusterName), "first_batch": .bool(false), "provincial_year": .integer(2021)],
                    registries: certificateRegistry([(nil, clusterName, .provincialCluster, "2022-11-28", nil)]),
                    expect: [FindingKey(.falsified, "provincial_year")]),
        recognitionCase("not recognised: falsified (miit-defects)", firstBatch: false,
                    registry: [(nil, "台州市黄岩区模具产业集群", .provincialCluster, "2021-12-01", nil)],
                    expect: [FindingKey(.falsified, "cluster_name")]),
        recognitionCase("listed under another type only: falsified", firstBatch: false,
                    registry: [(nil, clusterName, .platform, "2022-11-28", nil)], expect: [FindingKey(.falsified, "cluster_name")]),
        RuleExample("the 省级集群认定文号 claimed is the registered one", .miit, rule: "provincial_recognition",
                    ["cluster_name": .text(clusterName), "first_batch": .bool(false), "provincial_recognition": .text("苏工信中小（2022）415号")],
                    registries: numberedCertificateRegistry([(nil, clusterName, .provincialCluster, "苏工信中小〔2022〕415号", "2022-11-28")]),
                    expect: []),
        RuleExample("a 省级集群认定文号 other than the registered one: falsified", .miit, rule: "provincial_recognition",
                    ["cluster_name": .text(clusterName), "first_batch": .bool(false), "provincial_recognition": .text("苏工信中小〔2021〕415号")],
                    registries: numberedCertificateRegistry([(nil, clusterName, .provincialCluster, "苏工信中小〔2022〕415号", "2022-11-28")]),
                    expect: [FindingKey(.falsified, "provincial_recognition")]),
        recognitionCase("unless first batch: nothing required", firstBatch: true, registry: [], recorded: .met, expect: []),
        recognitionCase("no registries: not performed", firstBatch: false, registry: nil, recorded: .notChecked, expect: []),
    ]
}

// MARK: - The tests

@Suite("Rule kinds, by their examples")
struct RuleKindTests {
    @Test("threshold: comparison words, bounds, softening, recomputed rates", arguments: ThresholdExamples.all)
    func threshold(_ example: RuleExample) throws { try example.check() }

    @Test("any_of: one sum meeting its bound is enough", arguments: FigureExamples.anyOf)
    func anyOf(_ example: RuleExample) throws { try example.check() }

    @Test("share: declared % = part / total × 100 within ±0.5 points; part ≤ total", arguments: FigureExamples.share)
    func share(_ example: RuleExample) throws { try example.check() }

    @Test("growth: within 0.5 points of the compound or the mean rate", arguments: FigureExamples.growth)
    func growth(_ example: RuleExample) throws { try example.check() }

    @Test("per_10k: latest count / people × 10000 within 1%", arguments: FigureExamples.perTenThousand)
    func perTenThousand(_ example: RuleExample) throws { try example.check() }

    @Test("series_years: the three calendar years before the application", arguments: FigureExamples.seriesYears)
    func seriesYears(_ example: RuleExample) throws { try example.check() }

    @Test("count_matches_rows: a declared count equals the listed rows", arguments: FigureExamples.countMatchesRows)
    func countMatchesRows(_ example: RuleExample) throws { try example.check() }

    @Test("implies: when one answer is given, the other must be", arguments: AnswerExamples.implies)
    func implies(_ example: RuleExample) throws { try example.check() }

    @Test("negative: a negative-list item answered 是", arguments: AnswerExamples.negative)
    func negative(_ example: RuleExample) throws { try example.check() }

    @Test("affirmative: a condition answered 否", arguments: AnswerExamples.affirmative)
    func affirmative(_ example: RuleExample) throws { try example.check() }

    @Test("present: an item without substance", arguments: AnswerExamples.present)
    func present(_ example: RuleExample) throws { try example.check() }

    @Test("single_entity: one cluster, not several", arguments: AnswerExamples.singleEntity)
    func singleEntity(_ example: RuleExample) throws { try example.check() }

    @Test("region: registered in Wuxi by code and address", arguments: AnswerExamples.region)
    func region(_ example: RuleExample) throws { try example.check() }

    @Test("senior_titles: senior titles and 注册*师, not 助理/中级/初级", arguments: AnswerExamples.seniorTitles)
    func seniorTitles(_ example: RuleExample) throws { try example.check() }

    @Test("not_enterprise: the applicant is an authority, not a company", arguments: AnswerExamples.notEnterprise)
    func notEnterprise(_ example: RuleExample) throws { try example.check() }

    @Test("rows_cover: every fixed row filled and meeting its bound", arguments: AnswerExamples.rowsCover)
    func rowsCover(_ example: RuleExample) throws { try example.check() }

    @Test("softens: a Sichuan special area softens the numeric thresholds of 第十一条 only", arguments: AnswerExamples.softens)
    func softens(_ example: RuleExample) throws { try example.check() }

    @Test("declaration: present, same applicant, signed, sealed, dated in the window", arguments: DeclarationExamples.all)
    func declaration(_ example: RuleExample) throws { try example.check() }

    @Test("credit: C+ or below is 严重失信; not rated is verify; no registry is not checked", arguments: RegistryExamples.credit)
    func credit(_ example: RuleExample) throws { try example.check() }

    @Test("declared_grade: a declared grade differing from the registry is falsified", arguments: RegistryExamples.declaredGrade)
    func declaredGrade(_ example: RuleExample) throws { try example.check() }

    @Test("certificates: listed, of the claimed type, under the same name and code, valid", arguments: RegistryExamples.certificates)
    func certificates(_ example: RuleExample) throws { try example.check() }

    @Test("recognition: a prior provincial recognition, unless first batch", arguments: RegistryExamples.recognition)
    func recognition(_ example: RuleExample) throws { try example.check() }

    @Test("every rule kind has examples here")
    func everyKindHasExamples() throws {
        let library = try LibraryChoice.real.load()
        let all = ThresholdExamples.all + FigureExamples.anyOf + FigureExamples.share + FigureExamples.growth
            + FigureExamples.perTenThousand + FigureExamples.seriesYears + FigureExamples.countMatchesRows
            + AnswerExamples.implies + AnswerExamples.negative + AnswerExamples.affirmative + AnswerExamples.present
            + AnswerExamples.singleEntity + AnswerExamples.region + AnswerExamples.seniorTitles + AnswerExamples.notEnterprise
            + AnswerExamples.rowsCover + DeclarationExamples.all + RegistryExamples.credit + RegistryExamples.declaredGrade
            + RegistryExamples.certificates + RegistryExamples.recognition
        var covered: Set<RuleKind> = [.softens]
        for example in all {
            if let kind = library.definition(id: example.scheme.rawValue)?.rule(example.rule)?.check.kind { covered.insert(kind) }
        }
        #expect(covered == Set(RuleKind.allCases), "no examples for \(Set(RuleKind.allCases).subtracting(covered))")
    }

    @Test("the codes of the examples are valid 统一社会信用代码",
          arguments: [Entities.wuxiAgency, Entities.jiangyinAgency, Entities.suzhouAgency, Entities.jiangsuAuthority,
                      Entities.jiangsuOperator, Entities.sichuanAuthority, Entities.sichuanEnterprise, Entities.miitAuthority,
                      Entities.ccidOrganisation, Entities.enterpriseA, Entities.enterpriseB, Entities.enterpriseC])
    func validCodes(_ text: String) {
        #expect(uscc(text) != nil, "\(text)")
    }
}

// MARK: - Severities and verdicts

@Suite("Categories, severities and the verdict (CONTRACT.md)")
struct VerdictTests {
    @Test("the categories are CONTRACT.md's")
    func categories() {
        #expect(Category.allCases.map(\.rawValue).sorted() == [
            "certificate", "credit", "duplicate", "falsified", "identity", "inconsistent", "missing", "negative",
            "threshold", "unparseable", "verify",
        ])
    }

    @Test("each category has CONTRACT.md's one severity",
          arguments: [(Category.threshold, Severity.reject), (.negative, .reject), (.credit, .reject), (.falsified, .reject),
                      (.certificate, .reject), (.identity, .reject), (.missing, .supplement), (.unparseable, .supplement),
                      (.inconsistent, .verify), (.verify, .verify), (.duplicate, .verify)])
    func severity(_ category: Category, _ severity: Severity) {
        #expect(category.severity == severity)
        #expect(contractSeverity(category) == severity)
        let finding = Finding(category: category, field: "x", citation: "", message: "", rule: "r")
        #expect(finding.severity == severity)
    }

    @Test("severities are ordered reject > supplement > verify > note")
    func severityOrder() {
        #expect(Severity.allCases.sorted(by: >) == [.reject, .supplement, .verify, .note])
    }

    static func finding(_ category: Category, severity: Severity? = nil) -> Finding {
        Finding(category: category, field: "x", citation: "", message: "", rule: "r", severity: severity)
    }

    @Test("the verdict is the strongest severity present; pass when none",
          arguments: [
            ([Category](), Verdict.pass),
            ([.verify], .verify),
            ([.duplicate], .verify),
            ([.inconsistent, .verify], .verify),
            ([.missing], .supplement),
            ([.inconsistent, .unparseable], .supplement),
            ([.verify, .missing, .threshold], .reject),
            ([.inconsistent, .credit], .reject),
            ([.missing, .identity, .verify], .reject),
          ])
    func verdict(_ categories: [Category], _ verdict: Verdict) {
        #expect(Verdict(findings: categories.map { Self.finding($0) }) == verdict)
    }

    @Test("a note is not a finding: it leaves the verdict at pass")
    func note() {
        #expect(Verdict(findings: [Self.finding(.verify, severity: .note)]) == .pass)
        #expect(Verdict(findings: [Self.finding(.verify, severity: .note), Self.finding(.inconsistent)]) == .verify)
    }
}

@Suite("Series with a year more or a year left empty")
struct SeriesYearTests {
    static func review(_ values: [Int: String]) throws -> SubmissionReview {
        let library = try ReviewLibraries.real.get()
        var fields = Scheme.jiangsu.baseFields
        fields["total_output"] = series(values)
        let submission = Submission(id: "x", application: applicationForm(Scheme.jiangsu.rawValue, fields),
                                    declaration: nil, documents: [])
        return Reviewer(library: library, registries: nil).review(submission)
    }

    @Test("one year left empty is a missing value for that year (supplement), and only that")
    func emptyYear() throws {
        let review = try Self.review([2021: "44", 2023: "49.8"])
        let missing = review.findings.filter { $0.field == "total_output" && $0.category == .missing }
        #expect(missing.map(\.year) == [2022])
        #expect(missing.first?.message == "申报书未填报“集群总产值”2022年数值，请补正。")
        // On that field only: not also wrong years.
        #expect(!review.findings.contains { $0.field == "total_output" && $0.rule == "series_years" })
        #expect(!review.findings.contains { $0.field == "total_output" && $0.category == .threshold })
    }

    @Test("a middle year left empty: the compound rate still spans the two ends (2021→2023 is two years), the mean is not taken")
    func middleYearEmpty() throws {
        let library = try ReviewLibraries.real.get()
        var fields = Scheme.jiangsu.baseFields
        fields["leading_output"] = series([2021: "30.2", 2023: "36"])
        fields["leading_cagr"] = number("9.18")
        let review = Reviewer(library: library, registries: nil)
            .review(Submission(id: "x", application: applicationForm(Scheme.jiangsu.rawValue, fields), declaration: nil, documents: []))
        // (36 / 30.2)^(1/2) − 1 = 9.18%: consistent, and below the 10% bound.
        #expect(!review.findings.contains { $0.rule == "leading_cagr_consistent" })
        let threshold = try #require(review.findings.first { $0.rule == "leading_cagr_min" })
        #expect(threshold.declared == "9.18")
        #expect(review.findings.contains { $0.field == "leading_output" && $0.category == .missing && $0.year == 2022 })
    }

    @Test("the latest year left empty: no per-10,000 figure is recomputed from the year before")
    func latestYearEmpty() throws {
        let library = try ReviewLibraries.real.get()
        var fields = Scheme.jiangsu.baseFields
        fields["invention_patents"] = series([2021: "600", 2022: "712"])
        fields["employees"] = .integer(26400)
        fields["patents_per_10k"] = number("300")
        let review = Reviewer(library: library, registries: nil)
            .review(Submission(id: "x", application: applicationForm(Scheme.jiangsu.rawValue, fields), declaration: nil, documents: []))
        #expect(!review.findings.contains { $0.field == "patents_per_10k" && $0.category == .inconsistent })
        #expect(review.findings.contains { $0.field == "invention_patents" && $0.category == .missing && $0.year == 2023 })
    }

    @Test("an extra earlier year is reported as wrong years, and neither judged nor missing")
    func extraYear() throws {
        let review = try Self.review([2020: "30", 2021: "44", 2022: "46", 2023: "49.8"])
        let total = review.findings.filter { $0.field == "total_output" }
        #expect(total.map(\.rule) == ["series_years"])
    }
}

@Suite("A value present but unreadable")
struct UnreadableValueTests {
    @Test("the opinion's line for a rule needing an unreadable value is not 符合: the value is 无法识别, to supplement")
    func presentRuleOnUnreadable() throws {
        let library = try ReviewLibraries.real.get()
        var form = applicationForm(Scheme.ccid.rawValue, Scheme.ccid.baseFields)
        form.problems = [ExtractionProblem(field: "org_type", text: "民办非企业单位", reason: "not an option")]
        let review = Reviewer(library: library, registries: nil)
            .review(Submission(id: "x", application: form, declaration: nil, documents: []))
        let line = try #require(review.checks.first { $0.rule == "org_type" })
        #expect(line.result == .supplement)
        #expect(line.finding.contains("无法识别：组织类型"))
        // Cited under the article of the rule that needs it, not the form's.
        let definition = try #require(library.definition(id: Scheme.ccid.rawValue))
        let rule = try #require(definition.rule("org_type"))
        let finding = try #require(review.findings.first { $0.field == "org_type" && $0.category == .unparseable })
        #expect(finding.citation == library.render(rule.citation, in: definition))
        #expect(finding.citation != library.render(definition.application.citation, in: definition))
    }

    @Test("a listed enterprise without its 统一社会信用代码 is missing that code (supplement), not silently matched by name")
    func listedWithoutCode() throws {
        let library = try ReviewLibraries.real.get()
        var fields = Scheme.jiangsu.baseFields
        fields["enterprises"] = .list([enterprise("江苏甲纺织有限公司", "91320281MA1ABCDE1X", "little_giant"),
                                       enterprise("江苏乙服饰有限公司", nil, "sri_sme")])
        let review = Reviewer(library: library, registries: nil)
            .review(Submission(id: "x", application: applicationForm(Scheme.jiangsu.rawValue, fields), declaration: nil, documents: []))
        let missing = review.findings.filter { $0.field == "enterprises" && $0.category == .missing }
        #expect(missing.map(\.row) == [1])
        #expect(missing.first?.column == "uscc")
        #expect(missing.first?.message == "“集群重点企业名单”中江苏乙服饰有限公司未填报统一社会信用代码，请补正。")
    }

    @Test("a missing value is cited under the article of the rule that reads it")
    func missingCitesItsRule() throws {
        let library = try ReviewLibraries.real.get()
        let definition = try #require(library.definition(id: Scheme.jiangsu.rawValue))
        let review = Reviewer(library: library, registries: nil)
            .review(Submission(id: "x", application: applicationForm(Scheme.jiangsu.rawValue, Scheme.jiangsu.baseFields),
                               declaration: nil, documents: []))
        let missing = try #require(review.findings.first { $0.field == "area_km2" && $0.category == .missing })
        let rule = try #require(definition.rule("area_max"))
        #expect(missing.citation == library.render(rule.citation, in: definition))
    }
}

@Suite("Figures against their bounds, as the opinion states them")
struct BoundDisplayTests {
    @Test("an any-of rule met by one condition says which, not a bare 符合 beside a failed one")
    func anyOfSaysWhich() throws {
        let library = try ReviewLibraries.real.get()
        var fields = Scheme.jiangsu.baseFields
        fields["champion_count"] = .integer(1)
        fields["little_giant_count"] = .integer(2)
        fields["sri_sme_count"] = .integer(3)
        fields["hnte_count"] = .integer(4)
        let review = Reviewer(library: library, registries: nil)
            .review(Submission(id: "x", application: applicationForm(Scheme.jiangsu.rawValue, fields), declaration: nil, documents: []))
        let line = try #require(review.checks.first { $0.rule == "quality_enterprises" })
        #expect(line.result == .met)
        #expect(line.finding.hasPrefix("符合（") && line.finding.hasSuffix("＝3，已满足条件之一）"), "\(line.finding)")
    }

    @Test("a rate just under its bound is shown with the decimals that tell them apart, not rounded onto it")
    func rateJustUnder() throws {
        let library = try ReviewLibraries.real.get()
        var fields = Scheme.sichuan.baseFields
        fields["invention_patents"] = series([2021: "10000", 2022: "10299", 2023: "10608"])
        fields["patent_growth"] = number("2.99")
        let review = Reviewer(library: library, registries: nil)
            .review(Submission(id: "x", application: applicationForm(Scheme.sichuan.rawValue, fields), declaration: nil, documents: []))
        let finding = try #require(review.findings.first { $0.rule == "patent_growth_min" })
        #expect(finding.declared == "2.995")
        #expect(finding.message.contains("年均复合增长率为2.995%"))
    }
}

@Suite("A declaration's date without an application date")
struct DeclarationDateTests {
    static func review(reviewDate: String?) throws -> SubmissionReview {
        let library = try ReviewLibraries.real.get()
        var application = Scheme.ccid.baseFields
        application["application_date"] = nil
        var declaration = Scheme.ccid.declaration
        declaration["signed_date"] = date("2023-01-05")
        return Reviewer(library: library, registries: nil, reviewDate: reviewDate.flatMap(CalendarDate.init(iso:)))
            .review(Submission(id: "x", application: applicationForm(Scheme.ccid.rawValue, application),
                               declaration: declarationForm(Scheme.ccid.rawValue, declaration), documents: []))
    }

    @Test("compared with the review date (--date), and called that, not 申报日期")
    func againstReviewDate() throws {
        let review = try Self.review(reviewDate: "2024-09-12")
        let finding = try #require(review.findings.first { $0.field == "signed_date" })
        #expect(finding.message.contains("早于审核日期616日"))
        #expect(!finding.message.contains("申报日期"))
    }

    @Test("with no date to compare with, the opinion says the date was not checked")
    func notCompared() throws {
        let review = try Self.review(reviewDate: nil)
        #expect(!review.findings.contains { $0.field == "signed_date" })
        let line = try #require(review.checks.first { $0.rule == "declaration" })
        #expect(line.finding.contains("签署日期未能核对"))
    }
}
