import Foundation
import Testing
@testable import Forms

/// The package's own `forms/` folder, found from this file so the tests run
/// from a clean clone (the policy texts are copies in `forms/policies/`).
private let formsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("forms", isDirectory: true)

private let schemeIDs = [
    "ccid-promotion-org", "jiangsu-sme-cluster", "miit-sme-cluster", "sichuan-sme-cluster", "wuxi-promotion-agency",
]

private func library() throws -> FormLibrary {
    try FormLibrary.load(directory: formsDirectory)
}

private func definition(_ id: String) throws -> FormDefinition {
    try #require(try library().definition(id: id))
}

/// The policy text of a scheme, read from the committed copy.
private func policyText(of definition: FormDefinition) throws -> PolicyText {
    let url = formsDirectory.appendingPathComponent("policies").appendingPathComponent(definition.policy.file)
    return PolicyText(try String(contentsOf: url, encoding: .utf8))
}

/// Every field id of a form, list columns as `list.column`.
private func allFieldIDs(_ definition: FormDefinition) -> Set<String> {
    Set(definition.application.fields.map(\.id))
}

// MARK: - Field ids and labels as SCHEMES.md gives them

private let jiangsuFieldIDs: Set<String> = [
    "applicant_name", "applicant_uscc", "legal_rep", "contact_name", "contact_phone", "application_date",
    "cluster_name", "county", "leading_industry", "niche", "area_km2", "operator_name", "operator_uscc",
    "employees", "sharing_initiatives", "platform_count", "standards_count", "cloud_rate", "iip_rate",
    "demo_projects", "patents_per_10k", "leading_cagr", "rd_growth", "patent_growth",
    "champion_count", "little_giant_count", "sri_sme_count", "hnte_count",
    "high_energy", "energy_above_baseline", "high_water", "water_above_baseline",
    "intl_cooperation", "management_body", "dev_plan",
    "neg_restricted", "neg_accident", "neg_cyber", "neg_tax",
    "total_output", "sme_output", "sme_share", "leading_output", "leading_share", "rd_expense", "invention_patents",
    "enterprises", "platforms", "standards",
]

private let expectedFieldIDs: [String: Set<String>] = [
    "wuxi-promotion-agency": [
        "applicant_name", "applicant_uscc", "legal_rep", "org_type", "registered_address", "office_address",
        "established", "cluster_served", "staff_count", "core_members",
        "rules_admin", "rules_finance", "rules_hr", "rules_assets", "revenue_sources",
        "capability_monitoring", "capability_exchange", "capability_services", "capability_planning",
        "declared_credit_grade", "recommendation_doc", "contact_name", "contact_phone", "application_date",
    ],
    "jiangsu-sme-cluster": jiangsuFieldIDs,
    "sichuan-sme-cluster": jiangsuFieldIDs.union(["quality_sme_count", "special_area"]),
    "miit-sme-cluster": jiangsuFieldIDs.union(["provincial_recognition", "provincial_year", "first_batch"]),
    "ccid-promotion-org": [
        "applicant_name", "applicant_uscc", "legal_rep", "org_type", "cluster_served", "party_org", "charter",
        "office", "registered_capital", "policies_hr", "policies_finance", "policies_archive", "policies_admin",
        "policies_business", "policies_security", "revenue_sources", "governance", "own_accounts",
        "fee_disclosure", "disclosure", "ip_policy", "activities",
    ],
]

/// Fields a definition adds to SCHEMES.md's list, each optional or a table
/// SCHEMES.md describes without naming it.
private let extraFieldIDs: [String: Set<String>] = [
    "ccid-promotion-org": ["staff", "contact_name", "contact_phone", "application_date"],
]

private let jiangsuLabels: [String: String] = [
    "applicant_name": "申报单位名称", "applicant_uscc": "统一社会信用代码", "legal_rep": "法定代表人",
    "contact_name": "联系人", "contact_phone": "联系电话", "application_date": "申报日期",
    "cluster_name": "集群名称", "county": "所在县（市、区）", "leading_industry": "主导产业", "niche": "细分领域",
    "area_km2": "集群占地面积（平方公里）", "operator_name": "运营管理机构名称",
    "operator_uscc": "运营管理机构统一社会信用代码", "employees": "集群从业人员数（人）",
    "sharing_initiatives": "开展制造资源共享工作（项）", "platform_count": "省级及以上创新平台数（个）",
    "standards_count": "参与制定国家标准、行业标准（项）", "cloud_rate": "企业上云或上标识比例（%）",
    "iip_rate": "工业互联网平台应用普及率（%）", "demo_projects": "省级以上智能制造、工业互联网试点示范项目（个）",
    "patents_per_10k": "每万人发明专利拥有量（件）", "leading_cagr": "主导产业产值年均增速（%）",
    "rd_growth": "中小企业研发经费年均增长（%）", "patent_growth": "有效发明专利年均增长率（%）",
    "champion_count": "制造业单项冠军企业数", "little_giant_count": "专精特新\"小巨人\"企业数",
    "sri_sme_count": "专精特新中小企业数", "hnte_count": "高新技术企业数",
    "high_energy": "是否属于高耗能行业", "energy_above_baseline": "能效水平高于行业基准值",
    "high_water": "是否属于高用水行业", "water_above_baseline": "水效水平高于行业基准值",
    "intl_cooperation": "参与国际合作交流", "management_body": "设立管委会等运营管理机构", "dev_plan": "制定三年发展规划",
    "neg_restricted": "主导产业属于禁止、限制和淘汰类",
    "neg_accident": "近三年发生重大及以上安全、质量和环境污染事故",
    "neg_cyber": "近三年发生重大及以上网络安全事件和数据安全事件",
    "neg_tax": "偷税漏税、严重失信等重大违法违规行为",
    "total_output": "集群总产值（亿元）", "sme_output": "中小企业产值（亿元）", "sme_share": "中小企业产值占比（%）",
    "leading_output": "主导产业产值（亿元）", "leading_share": "主导产业产值占比（%）",
    "rd_expense": "中小企业研发经费（万元）", "invention_patents": "有效发明专利数（件）",
    "enterprises": "集群重点企业名单", "platforms": "创新平台名单", "standards": "标准名单",
]

/// SCHEMES.md's label and aliases of each field; a definition may add aliases, never drop one.
private let schemeLabels: [String: [String: (label: String, aliases: [String])]] = [
    "wuxi-promotion-agency": [
        "applicant_name": ("申报单位名称", ["机构名称", "单位名称"]),
        "applicant_uscc": ("统一社会信用代码", ["社会信用代码"]),
        "legal_rep": ("法定代表人", ["负责人"]),
        "org_type": ("机构类型", ["单位性质"]),
        "registered_address": ("注册地址", ["注册地"]),
        "office_address": ("办公地址", ["固定办公场所"]),
        "established": ("成立日期", ["成立时间", "注册日期"]),
        "cluster_served": ("服务的重点产业集群", ["服务集群", "所服务产业集群"]),
        "staff_count": ("工作人员数（人）", ["工作人员人数", "从业人员数"]),
        "core_members": ("核心成员", ["核心成员情况"]),
        "rules_admin": ("行政管理制度", ["建立行政管理制度"]),
        "rules_finance": ("财务管理制度", ["建立财务管理制度"]),
        "rules_hr": ("人事管理制度", ["建立人事管理制度"]),
        "rules_assets": ("资产管理制度", ["建立资产管理制度"]),
        "revenue_sources": ("主要收入来源", ["收入来源"]),
        "capability_monitoring": ("集群发展监测分析", ["监测分析"]),
        "capability_exchange": ("集群发展交流合作", ["交流合作"]),
        "capability_services": ("集群发展服务保障", ["服务保障"]),
        "capability_planning": ("集群发展规划研究", ["规划研究"]),
        "declared_credit_grade": ("公共信用评价等级", ["信用等级"]),
        "recommendation_doc": ("初审推荐文件", ["推荐文件"]),
        "contact_name": ("联系人", []),
        "contact_phone": ("联系电话", []),
        "application_date": ("申报日期", ["填报日期"]),
    ],
    "jiangsu-sme-cluster": jiangsuLabels.mapValues { ($0, []) },
    "ccid-promotion-org": [
        "org_type": ("组织类型", []),
        "cluster_served": ("服务的先进制造业集群", []),
        "party_org": ("建立党组织", []),
        "charter": ("制定组织章程", []),
        "office": ("固定办公地点", []),
        "registered_capital": ("注册资金（万元）", []),
        "policies_hr": ("人事管理制度", []),
        "policies_finance": ("财务管理制度", []),
        "policies_archive": ("档案管理制度", []),
        "policies_admin": ("行政管理制度", []),
        "policies_business": ("业务管理制度", []),
        "policies_security": ("保密安全管理制度", []),
        "revenue_sources": ("收入来源", []),
        "governance": ("组织架构", []),
        "own_accounts": ("独立财务和银行账户", []),
        "fee_disclosure": ("公开会费或服务收费标准", []),
        "disclosure": ("信息披露制度", []),
        "ip_policy": ("知识产权管理制度", []),
    ],
]

/// Sichuan and MIIT share Jiangsu's ids; where their policy words a
/// negative differently (较大及以上), SCHEMES.md's label stays an alias.
private let sharedLabels: [String: [String: String]] = [
    "sichuan-sme-cluster": jiangsuLabels.merging(
        ["quality_sme_count": "优质中小企业数", "special_area": "是否属于民族地区或革命老区"]) { $1 },
    "miit-sme-cluster": jiangsuLabels.merging(
        ["provincial_recognition": "省级集群认定文号", "provincial_year": "省级集群认定年份",
         "first_batch": "是否首批申报"]) { $1 },
]

// MARK: - Thresholds as SCHEMES.md states them

struct ExpectedThreshold: Sendable, CustomTestStringConvertible {
    let scheme: String
    let field: String
    let word: ComparisonWord
    let bound: Double
    var eachYear = false
    var softened: Softening?
    let reference: String

    var testDescription: String { "\(scheme) \(field) \(word.rawValue) \(bound)" }
}

private let expectedThresholds: [ExpectedThreshold] = [
    .init(scheme: "wuxi-promotion-agency", field: "staff_count", word: .notFewerThan, bound: 3, reference: "第五条第（四）项"),
    .init(scheme: "jiangsu-sme-cluster", field: "area_km2", word: .notExceeding, bound: 100, softened: .generally, reference: "第六条第（一）项"),
    .init(scheme: "jiangsu-sme-cluster", field: "total_output", word: .orMore, bound: 40, eachYear: true, reference: "第六条第（二）项"),
    .init(scheme: "jiangsu-sme-cluster", field: "sme_share", word: .notLowerThan, bound: 70, eachYear: true, reference: "第六条第（二）项"),
    .init(scheme: "jiangsu-sme-cluster", field: "leading_cagr", word: .notLowerThan, bound: 10, reference: "第六条第（二）项"),
    .init(scheme: "jiangsu-sme-cluster", field: "leading_share", word: .notLowerThan, bound: 70, eachYear: true, reference: "第六条第（二）项"),
    .init(scheme: "jiangsu-sme-cluster", field: "sharing_initiatives", word: .atLeast, bound: 1, reference: "第六条第（四）项"),
    .init(scheme: "jiangsu-sme-cluster", field: "platform_count", word: .notFewerThan, bound: 5, reference: "第六条第（五）项"),
    .init(scheme: "jiangsu-sme-cluster", field: "rd_growth", word: .notLowerThan, bound: 10, reference: "第六条第（五）项"),
    .init(scheme: "jiangsu-sme-cluster", field: "patent_growth", word: .notLowerThan, bound: 15, reference: "第六条第（五）项"),
    .init(scheme: "jiangsu-sme-cluster", field: "patents_per_10k", word: .notLowerThan, bound: 15, reference: "第六条第（五）项"),
    .init(scheme: "jiangsu-sme-cluster", field: "standards_count", word: .notFewerThan, bound: 3, reference: "第六条第（五）项"),
    .init(scheme: "jiangsu-sme-cluster", field: "cloud_rate", word: .notLowerThan, bound: 30, reference: "第六条第（六）项"),
    .init(scheme: "jiangsu-sme-cluster", field: "iip_rate", word: .notLowerThan, bound: 20, reference: "第六条第（六）项"),
    .init(scheme: "jiangsu-sme-cluster", field: "demo_projects", word: .notFewerThan, bound: 1, reference: "第六条第（六）项"),
    .init(scheme: "sichuan-sme-cluster", field: "area_km2", word: .notExceeding, bound: 100, softened: .generally, reference: "第十一条第（一）项"),
    .init(scheme: "sichuan-sme-cluster", field: "total_output", word: .orMore, bound: 20, eachYear: true, reference: "第十一条第（一）项"),
    .init(scheme: "sichuan-sme-cluster", field: "sme_share", word: .orMore, bound: 60, eachYear: true, reference: "第十一条第（一）项"),
    .init(scheme: "sichuan-sme-cluster", field: "leading_share", word: .orMore, bound: 60, eachYear: true, reference: "第十一条第（一）项"),
    .init(scheme: "sichuan-sme-cluster", field: "leading_cagr", word: .notLowerThan, bound: 5, softened: .inPrinciple, reference: "第十一条第（一）项"),
    .init(scheme: "sichuan-sme-cluster", field: "quality_sme_count", word: .notFewerThan, bound: 8, reference: "第十一条第（二）项"),
    .init(scheme: "sichuan-sme-cluster", field: "rd_growth", word: .higherThan, bound: 5, reference: "第十一条第（四）项"),
    .init(scheme: "sichuan-sme-cluster", field: "patent_growth", word: .notLowerThan, bound: 3, reference: "第十一条第（四）项"),
    .init(scheme: "sichuan-sme-cluster", field: "patents_per_10k", word: .notLowerThan, bound: 5, reference: "第十一条第（四）项"),
    .init(scheme: "sichuan-sme-cluster", field: "iip_rate", word: .notLowerThan, bound: 10, reference: "第十一条第（五）项"),
]

// MARK: - Broken samples

/// A small valid definition; each broken sample changes one line of it.
private let sampleYAML = """
    id: sample
    title: 测试类别
    policy:
      file: sample.txt
      title: 测试管理办法
    application:
      title: 测试申报书
      citation: {article: 1}
      sections:
        - title: 一、基本情况
          layout: pairs
          fields:
            - {id: applicant_name, label: 申报单位名称, type: text}
            - {id: applicant_uscc, label: 统一社会信用代码, type: uscc}
            - {id: application_date, label: 申报日期, type: date}
            - {id: total_output, label: 总产值（亿元）, type: number, unit: 亿元}
            - {id: high_energy, label: 是否属于高耗能行业, type: bool}
    declaration:
      title: 承诺书
      text: 本单位{declarant_name}郑重承诺。
      fields:
        - {id: declarant_name, label: 声明单位, type: text}
    rules:
      - id: output_min
        kind: threshold
        requirement: 总产值在40亿元以上
        field: total_output
        comparison: 以上
        bound: 40
        citation: {article: 2, item: 1}

    """

private let samplePolicy = """
    测试管理办法
    第一条 为测试，制定本办法。
    第二条 申报应满足以下条件：
    （一）总产值在40亿元以上；
    （二）不属于高耗能行业。

    """

enum ExpectedError: Sendable {
    case invalid(line: Int, keyPath: String, DefinitionProblem)
    case syntax(line: Int, column: Int, problem: String)
}

struct BrokenSample: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let old: String
    let new: String
    let expected: ExpectedError
}

private let brokenSamples: [BrokenSample] = [
    .init(testDescription: "unknown field type",
          old: "type: number, unit: 亿元", new: "type: decimal, unit: 亿元",
          expected: .invalid(line: 16, keyPath: "application.sections[0].fields[3].type", .unknownFieldType("decimal"))),
    .init(testDescription: "duplicate field id",
          old: "{id: high_energy,", new: "{id: total_output,",
          expected: .invalid(line: 17, keyPath: "application.sections[0].fields[4].id", .duplicateFieldID("total_output"))),
    .init(testDescription: "rule on an unknown field",
          old: "    field: total_output", new: "    field: total_revenue",
          expected: .invalid(line: 27, keyPath: "rules[0].field", .unknownField("total_revenue"))),
    .init(testDescription: "unknown comparison word",
          old: "comparison: 以上", new: "comparison: 至多",
          expected: .invalid(line: 28, keyPath: "rules[0].comparison", .unknownComparisonWord("至多"))),
    .init(testDescription: "YAML syntax error",
          old: "      layout: pairs", new: "      layout: pairs: wide",
          expected: .syntax(line: 11, column: 20, problem: "mapping values are not allowed in this context")),
    .init(testDescription: "unclosed flow mapping",
          old: "type: uscc}", new: "type: uscc",
          expected: .syntax(line: 15, column: 11, problem: "did not find expected ',' or '}'")),
    .init(testDescription: "rule without a citation",
          old: "    citation: {article: 2, item: 1}\n", new: "",
          expected: .invalid(line: 24, keyPath: "rules[0]", .missingCitation(rule: "output_min"))),
    .init(testDescription: "citation of an item the policy does not have",
          old: "{article: 2, item: 1}", new: "{article: 2, item: 3}",
          expected: .invalid(line: 30, keyPath: "rules[0].citation", .citationNotInPolicy("第二条第（三）项"))),
    .init(testDescription: "citation of an article the policy does not have",
          old: "citation: {article: 1}", new: "citation: {article: 12}",
          expected: .invalid(line: 8, keyPath: "application.citation", .citationNotInPolicy("第十二条"))),
    .init(testDescription: "choice without options",
          old: "type: bool}", new: "type: choice, options: []}",
          expected: .invalid(line: 17, keyPath: "application.sections[0].fields[4]", .emptyOptions(field: "high_energy"))),
    .init(testDescription: "list without columns",
          old: "declaration:\n",
          new: "    - title: 二、成员名单\n      layout: list\n      fields:\n        - {id: members, label: 成员名单, type: list}\ndeclaration:\n",
          expected: .invalid(line: 21, keyPath: "application.sections[1].fields[0]", .missingColumns(list: "members"))),
    .init(testDescription: "misspelt key",
          old: "label: 申报单位名称, type: text}", new: "label: 申报单位名称, type: text, requierd: false}",
          expected: .invalid(line: 13, keyPath: "application.sections[0].fields[0].requierd", .unknownKey("requierd"))),
    .init(testDescription: "key of another field type",
          old: "label: 申报单位名称, type: text}", new: "label: 申报单位名称, type: text, unit: 元}",
          expected: .invalid(line: 13, keyPath: "application.sections[0].fields[0].unit", .keyNotAllowed(key: "unit", type: .text))),
    .init(testDescription: "field without a label",
          old: "{id: applicant_name, label: 申报单位名称, type: text}", new: "{id: applicant_name, type: text}",
          expected: .invalid(line: 13, keyPath: "application.sections[0].fields[0]", .missingKey("label"))),
    .init(testDescription: "threshold on a yes/no field",
          old: "    field: total_output", new: "    field: high_energy",
          expected: .invalid(line: 27, keyPath: "rules[0].field",
                             .fieldTypeMismatch(field: "high_energy", type: .bool, expected: [.integer, .number, .percent]))),
    .init(testDescription: "label unit differs from the unit",
          old: "type: number, unit: 亿元", new: "type: number, unit: 万元",
          expected: .invalid(line: 16, keyPath: "application.sections[0].fields[3].label",
                             .unitMismatch(field: "total_output", labelUnit: "亿元", unit: "万元"))),
    .init(testDescription: "unknown rule kind",
          old: "kind: threshold", new: "kind: maximum",
          expected: .invalid(line: 25, keyPath: "rules[0].kind", .unknownRuleKind("maximum"))),
    .init(testDescription: "unknown softening word",
          old: "    bound: 40\n", new: "    bound: 40\n    softened: 大致\n",
          expected: .invalid(line: 30, keyPath: "rules[0].softened", .unknownSoftening("大致"))),
    .init(testDescription: "bound that is not a number",
          old: "bound: 40", new: "bound: 四十",
          expected: .invalid(line: 29, keyPath: "rules[0].bound", .wrongType(expected: "数"))),
    .init(testDescription: "id that is not the file name",
          old: "id: sample\n", new: "id: example\n",
          expected: .invalid(line: 1, keyPath: "id", .idDoesNotMatchFileName(id: "example", fileName: "sample"))),
    .init(testDescription: "policy title missing from the policy text",
          old: "title: 测试管理办法", new: "title: 测试认定办法",
          expected: .invalid(line: 5, keyPath: "policy.title", .policyTitleNotInText("测试认定办法"))),
    .init(testDescription: "placeholder that is no declaration field",
          old: "本单位{declarant_name}郑重承诺。", new: "本单位{declarant_name}（{declarant_uscc}）郑重承诺。",
          expected: .invalid(line: 20, keyPath: "declaration.text", .unknownPlaceholder("declarant_uscc"))),
    .init(testDescription: "two fields answering to one label",
          old: "label: 是否属于高耗能行业", new: "label: 总产值",
          expected: .invalid(line: 17, keyPath: "application.sections[0].fields[4].label",
                             .ambiguousLabel("总产值", fields: ["total_output", "high_energy"]))),
    .init(testDescription: "series in a pairs section",
          old: "type: number, unit: 亿元}", new: "type: series, value_type: number, unit: 亿元}",
          expected: .invalid(line: 16, keyPath: "application.sections[0].fields[3].type",
                             .layoutMismatch(layout: .pairs, field: "total_output", type: .series))),
    .init(testDescription: "condition on an unknown field",
          old: "type: bool}", new: "type: bool, required_when: {field: high_water, equals: true}}",
          expected: .invalid(line: 17, keyPath: "application.sections[0].fields[4].required_when.field",
                             .unknownField("high_water"))),
]

// MARK: - Tests

@Suite("Form definitions")
struct FormDefinitionTests {
    @Test("the five real definitions load and validate")
    func realDefinitionsLoad() throws {
        let library = try library()
        #expect(library.definitions.map(\.id) == schemeIDs)
        for definition in library.definitions {
            #expect(!definition.rules.isEmpty, "\(definition.id) has no rules")
            #expect(library.policyText(for: definition) != nil)
        }
    }

    @Test("each scheme has the field ids of SCHEMES.md", arguments: schemeIDs)
    func fieldIDs(scheme: String) throws {
        let definition = try definition(scheme)
        let expected = try #require(expectedFieldIDs[scheme])
        let actual = allFieldIDs(definition)
        #expect(expected.subtracting(actual).isEmpty, "missing: \(expected.subtracting(actual).sorted())")
        let extra = actual.subtracting(expected).subtracting(extraFieldIDs[scheme] ?? [])
        #expect(extra.isEmpty, "not in SCHEMES.md: \(extra.sorted())")
        for id in extraFieldIDs[scheme] ?? [] where id != "staff" {
            #expect(definition.field(id)?.presence == .optional, "\(id) is not in SCHEMES.md and must be optional")
        }
    }

    @Test("labels and aliases are SCHEMES.md's", arguments: ["wuxi-promotion-agency", "jiangsu-sme-cluster", "ccid-promotion-org"])
    func labels(scheme: String) throws {
        let definition = try definition(scheme)
        for (id, expected) in try #require(schemeLabels[scheme]) {
            let field = try #require(definition.field(id), "\(id)")
            #expect(field.label == expected.label, "\(id)")
            let missing = Set(expected.aliases).subtracting(field.aliases)
            #expect(missing.isEmpty, "\(id) lacks aliases \(missing.sorted())")
        }
    }

    @Test("Sichuan and MIIT answer to SCHEMES.md's labels", arguments: ["sichuan-sme-cluster", "miit-sme-cluster"])
    func sharedSchemeLabels(scheme: String) throws {
        let definition = try definition(scheme)
        for (id, label) in try #require(sharedLabels[scheme]) {
            let field = try #require(definition.field(id), "\(id)")
            #expect(field.labels.contains(label), "\(id): \(label)")
        }
    }

    @Test("list columns and choice options follow SCHEMES.md and CONTRACT.md")
    func listsAndOptions() throws {
        let wuxi = try definition("wuxi-promotion-agency")
        #expect(wuxi.field("core_members")?.columns.map(\.label) == ["姓名", "职务", "职称或执业资格"])
        #expect(wuxi.field("org_type")?.options.map(\.label)
            == ["行业协会", "商会学会", "事业单位", "联盟组织", "研究院（所）", "企业法人", "其他"])

        for scheme in ["jiangsu-sme-cluster", "sichuan-sme-cluster", "miit-sme-cluster"] {
            let definition = try definition(scheme)
            let enterprises = try #require(definition.field("enterprises"))
            #expect(enterprises.columns.map(\.id) == ["name", "uscc", "type", "cert_no", "year"])
            #expect(enterprises.columns.map(\.label) == ["企业名称", "统一社会信用代码", "资质类型", "证书编号或认定文号", "认定年份"])
            let types = try #require(enterprises.column("type"))
            #expect(types.options.map(\.id) == ["champion", "little_giant", "sri_sme", "innovative_sme", "hnte"])
            #expect(types.options.map(\.label) == ["制造业单项冠军", "专精特新\"小巨人\"", "专精特新中小企业", "创新型中小企业", "高新技术企业"])
            #expect(definition.field("platforms")?.columns.map(\.label) == ["平台名称", "级别", "依托单位"])
            #expect(definition.field("standards")?.columns.map(\.label) == ["标准名称", "标准号", "类别"])
        }

        let ccid = try definition("ccid-promotion-org")
        #expect(ccid.field("org_type")?.options.map(\.label) == ["事业单位", "社会团体", "社会服务机构", "营利性中介组织", "联合体"])
        #expect(ccid.field("governance")?.rows == ["决策层", "监督层", "管理层", "执行层", "咨询层"])
        #expect(ccid.field("staff")?.rows == ["专业技术人员", "管理人员", "辅助人员"])
        #expect(ccid.field("activities")?.rows.count == 7)
        let revenue = try #require(ccid.field("revenue_sources"))
        #expect(revenue.multiple)
        #expect(Set(["会员会费", "政府拨款", "社会捐赠", "服务收入"]).isSubset(of: revenue.options.map(\.id)))
    }

    @Test("canonical units: 产值 in 亿元, 研发经费 in 万元, percentages in %")
    func units() throws {
        for scheme in ["jiangsu-sme-cluster", "sichuan-sme-cluster", "miit-sme-cluster"] {
            let definition = try definition(scheme)
            for id in ["total_output", "sme_output", "leading_output"] {
                #expect(definition.field(id)?.unit == "亿元", "\(scheme) \(id)")
            }
            #expect(definition.field("rd_expense")?.unit == "万元")
            for field in definition.application.fields where field.scalarType == .percent {
                #expect(field.unit == "%", "\(scheme) \(field.id)")
            }
            for id in ["total_output", "sme_share", "rd_expense", "invention_patents"] {
                #expect(definition.field(id)?.type == .series && definition.field(id)?.years == 3, "\(id)")
            }
        }
    }

    @Test("only the fields SCHEMES.md names are conditionally required")
    func presence() throws {
        for scheme in ["jiangsu-sme-cluster", "sichuan-sme-cluster", "miit-sme-cluster"] {
            let definition = try definition(scheme)
            #expect(definition.field("energy_above_baseline")?.presence
                == .requiredWhen(FieldCondition(field: "high_energy", equals: .bool(true))))
            #expect(definition.field("water_above_baseline")?.presence
                == .requiredWhen(FieldCondition(field: "high_water", equals: .bool(true))))
            let conditional = definition.application.fields.filter { $0.presence != .required }.map(\.id)
            let expected = scheme == "miit-sme-cluster"
                ? ["provincial_recognition", "provincial_year", "energy_above_baseline", "water_above_baseline"]
                : ["energy_above_baseline", "water_above_baseline"]
            #expect(Set(conditional) == Set(expected), "\(scheme)")
        }
        let miit = try definition("miit-sme-cluster")
        for id in ["provincial_recognition", "provincial_year"] {
            #expect(miit.field(id)?.presence == .requiredUnless(FieldCondition(field: "first_batch", equals: .bool(true))))
        }
        #expect(miit.field("provincial_year")?.type == .year)
    }

    @Test("thresholds carry SCHEMES.md's numbers, words and articles", arguments: expectedThresholds)
    func threshold(_ expected: ExpectedThreshold) throws {
        let definition = try definition(expected.scheme)
        let matches = definition.rules.compactMap { rule -> (RuleDefinition, RuleCheck.Threshold)? in
            guard case .threshold(let threshold) = rule.check, threshold.field == expected.field else { return nil }
            return (rule, threshold)
        }
        let (rule, threshold) = try #require(matches.first)
        #expect(matches.count == 1)
        #expect(threshold.comparison == expected.word)
        #expect(threshold.bound == expected.bound)
        #expect(threshold.eachYear == expected.eachYear)
        #expect(rule.softened == expected.softened)
        #expect(rule.citation.reference == expected.reference)
    }

    @Test("growth thresholds are judged on the rate recomputed from their series")
    func growthRecomputed() throws {
        for scheme in ["jiangsu-sme-cluster", "sichuan-sme-cluster"] {
            let definition = try definition(scheme)
            var recomputed: [String: String] = [:]
            for rule in definition.rules {
                if case .threshold(let threshold) = rule.check, let series = threshold.recomputeFrom {
                    recomputed[threshold.field] = series
                }
            }
            #expect(recomputed == ["leading_cagr": "leading_output", "rd_growth": "rd_expense", "patent_growth": "invention_patents"])
        }
    }

    @Test("Jiangsu's quality-enterprise rule is 3 champions and little giants, or 15 specialised and high-tech")
    func qualityEnterprises() throws {
        let jiangsu = try definition("jiangsu-sme-cluster")
        let alternatives = jiangsu.rules.compactMap { rule -> [RuleCheck.SumCondition]? in
            if case .anyOf(let anyOf) = rule.check { return anyOf.alternatives } else { return nil }
        }
        #expect(alternatives.count == 1)
        #expect(alternatives.first?.map(\.fields) == [["champion_count", "little_giant_count"], ["sri_sme_count", "hnte_count"]])
        #expect(alternatives.first?.map(\.bound) == [3, 15])
        #expect(alternatives.first?.map(\.comparison) == [.notFewerThan, .notFewerThan])
    }

    @Test("every bound is stated in the cited text with the same word", arguments: schemeIDs)
    func boundsInPolicyText(scheme: String) throws {
        let definition = try definition(scheme)
        let text = try policyText(of: definition)
        for rule in definition.rules {
            var stated: [(ComparisonWord, Double)] = []
            switch rule.check {
            case .threshold(let threshold): stated = [(threshold.comparison, threshold.bound)]
            case .anyOf(let anyOf): stated = anyOf.alternatives.map { ($0.comparison, $0.bound) }
            default: continue
            }
            let cited = try #require(text.text(of: rule.citation), "\(rule.id)")
            for (word, bound) in stated {
                let number = bound == bound.rounded() ? String(Int(bound)) : String(bound)
                #expect(cited.contains(word.rawValue), "\(scheme) \(rule.id): \(word.rawValue) not in \(rule.citation.reference)")
                #expect(cited.contains(number), "\(scheme) \(rule.id): \(number) not in \(rule.citation.reference)")
            }
            if let softened = rule.softened {
                #expect(cited.contains(softened.rawValue), "\(scheme) \(rule.id): \(softened.rawValue)")
            }
        }
    }

    @Test("every citation names an article (and item) the policy text has", arguments: schemeIDs)
    func citationsExist(scheme: String) throws {
        let library = try library()
        let definition = try #require(library.definition(id: scheme))
        for (citation, path) in DefinitionValidator.citations(of: definition) {
            let cited = try #require(citation.scheme.map { library.definition(id: $0) } ?? definition, "\(path.rendered)")
            let text = try policyText(of: cited)
            #expect(text.contains(citation), "\(scheme) \(path.rendered): \(citation.reference)")
            #expect(library.render(citation, in: definition).hasPrefix(cited.policy.title + " 第"))
        }
    }

    @Test("citations render as CONTRACT.md prints them")
    func citationRendering() throws {
        let library = try library()
        let jiangsu = try #require(library.definition(id: "jiangsu-sme-cluster"))
        #expect(jiangsu.rule("total_output_min").map { jiangsu.render($0.citation) }
            == "江苏省促进中小企业特色产业集群发展管理办法 第六条第（二）项")
        #expect(Citation(article: 11).render(policyTitle: "四川省中小企业特色产业集群培育认定管理暂行办法")
            == "四川省中小企业特色产业集群培育认定管理暂行办法 第十一条")
        let wuxi = try #require(library.definition(id: "wuxi-promotion-agency"))
        #expect(wuxi.rule("registered_in_wuxi")?.citation.reference == "第五条第（一）项")

        // A citation may name another scheme's policy (a rule's bound_citation).
        #expect(library.render(Citation(article: 15, item: 5, scheme: "wuxi-promotion-agency"), in: jiangsu)
            == "无锡市重点产业集群促进机构认定管理办法 第十五条第（五）项")
        // No scheme's credit rule borrows Wuxi's article: the C+ bound is the brief's, not the other policies'.
        guard case .credit(let credit)? = jiangsu.rule("credit")?.check else {
            Issue.record("Jiangsu has no credit rule")
            return
        }
        #expect(credit.boundCitation == nil)
    }

    @Test("policy texts are indexed by article and item as they number them")
    func policyTextIndex() throws {
        let wuxi = try policyText(of: try definition("wuxi-promotion-agency"))
        #expect(wuxi.articles.count == 16)
        #expect(wuxi.article(5)?.items.keys.sorted() == [1, 2, 3, 4, 5])
        #expect(wuxi.article(15)?.items[5]?.contains("C+及以下") == true)
        #expect(wuxi.article(6)?.items.count == 4)

        let jiangsu = try policyText(of: try definition("jiangsu-sme-cluster"))
        #expect(jiangsu.article(6)?.items.keys.sorted() == Array(1...9))
        #expect(!jiangsu.contains(Citation(article: 6, item: 10)))
        #expect(jiangsu.article(7)?.items[4]?.hasPrefix("（四）有偷税漏税") == true)

        let sichuan = try policyText(of: try definition("sichuan-sme-cluster"))
        #expect(sichuan.articles.count == 21)
        #expect(sichuan.article(11)?.items.keys.sorted() == Array(1...8))
        #expect(sichuan.article(10)?.items.isEmpty == true)

        let ccid = try policyText(of: try definition("ccid-promotion-org"))
        #expect(ccid.articles.count == 31)
        // 第八条（二） has sub-items "1. 决策层" …; they are not items of 第八条.
        #expect(ccid.article(8)?.items.keys.sorted() == [1, 2])
        #expect(ccid.article(18)?.items.keys.sorted() == [1, 2, 3, 4, 5])

        let miit = try policyText(of: try definition("miit-sme-cluster"))
        #expect(miit.articles.count == 19)
        #expect(miit.article(17)?.items.keys.sorted() == [1, 2, 3, 4, 5])
    }

    @Test("policy titles appear in their texts", arguments: schemeIDs)
    func policyTitles(scheme: String) throws {
        let definition = try definition(scheme)
        let url = formsDirectory.appendingPathComponent("policies").appendingPathComponent(definition.policy.file)
        let text = try String(contentsOf: url, encoding: .utf8).filter { !$0.isWhitespace }
        #expect(text.contains(definition.policy.title))
    }

    @Test("MIIT applies no numeric indicator: its annex is not in the policy")
    func miitHasNoThresholds() throws {
        let miit = try definition("miit-sme-cluster")
        #expect(miit.policy.note?.contains("不含附件认定标准") == true)
        #expect(!miit.rules.contains { $0.kind == .threshold || $0.kind == .anyOf })
        #expect(miit.rules.contains { $0.kind == .recognition })
    }

    @Test("Sichuan's special areas soften every numeric threshold of 第十一条 and nothing else")
    func sichuanSoftening() throws {
        let sichuan = try definition("sichuan-sme-cluster")
        let softened = sichuan.rules.compactMap { rule -> Set<String>? in
            if case .softens(let softens) = rule.check { return Set(softens.rules) } else { return nil }
        }
        let thresholds = Set(sichuan.rules.filter { $0.kind == .threshold && $0.citation.article == 11 }.map(\.id))
        #expect(softened == [thresholds])
        #expect(!thresholds.contains("energy_baseline"))
    }

    @Test("negatives, credit and the declaration are checked in every cluster scheme",
          arguments: ["jiangsu-sme-cluster", "sichuan-sme-cluster", "miit-sme-cluster"])
    func commonRules(scheme: String) throws {
        let definition = try definition(scheme)
        var negatives: Set<String> = []
        var credit: RuleCheck.Credit?
        for rule in definition.rules {
            switch rule.check {
            case .negative(let set): negatives.formUnion(set.fields)
            case .credit(let check): credit = check
            default: break
            }
        }
        #expect(negatives == ["neg_restricted", "neg_accident", "neg_cyber", "neg_tax"])
        let check = try #require(credit)
        #expect(check.comparison == .orLess && check.grade == "C+")
        #expect(check.entities.map(\.name) == ["applicant_name", "operator_name", "name"])
        #expect(check.entities.last?.list == "enterprises")
        #expect(definition.rules.contains { $0.kind == .certificates })
    }

    @Test("every scheme checks the declaration within 90 days", arguments: schemeIDs)
    func declarationRule(scheme: String) throws {
        let definition = try definition(scheme)
        let declarations = definition.rules.compactMap { rule -> RuleCheck.Declaration? in
            if case .declaration(let declaration) = rule.check { return declaration } else { return nil }
        }
        #expect(declarations.map(\.maxAgeDays) == [90])
        #expect(definition.declaration.fields.map(\.id).sorted() == DefinitionValidator.contractDeclarationFields.sorted())
        #expect(definition.declaration.paragraphs.first?.hasPrefix("本单位{declarant_name}") == true)
    }

    @Test("a document title names its scheme and kind")
    func titleMatching() throws {
        let library = try library()
        let cases: [(String, String?, FormKind?)] = [
            ("江苏省中小企业特色产业集群申报书", "jiangsu-sme-cluster", .application),
            ("中小企业特色产业集群申报书", "miit-sme-cluster", .application),
            ("四 川 省 中小企业特色产业集群 申报表", "sichuan-sme-cluster", .application),
            ("附件2：无锡市重点产业集群促进机构申报书（2024年度）", "wuxi-promotion-agency", .application),
            ("先进制造业集群发展促进组织建设情况自评表", "ccid-promotion-org", .application),
            ("江苏省中小企业特色产业集群申报主体责任声明", "jiangsu-sme-cluster", .declaration),
            ("申报主体责任声明", nil, .declaration),
            ("会议纪要", nil, nil),
        ]
        for (title, scheme, kind) in cases {
            let match = library.match(title: title)
            #expect(match?.kind == kind, "\(title)")
            #expect(match?.definition?.id == scheme, "\(title)")
        }
        #expect(library.match(title: "诚信承诺书")?.definitions.count == 5)
        // A sentence that mentions a form is not its title.
        #expect(library.match(title: "本单位对所提交的《江苏省中小企业特色产业集群申报书》及全部附件材料的真实性、准确性、完整性负责。") == nil)
        #expect(library.match(title: "附件：江苏省中小企业特色产业集群申报书所列数据以统计部门认定为准，申报主体应当如实填写各项内容并加盖公章后报送至设区市中小企业主管部门") == nil)
    }

    @Test("a declaration's body names its own scheme and no form title", arguments: schemeIDs)
    func declarationBodyNamesScheme(scheme: String) throws {
        let library = try library()
        let definition = try #require(library.definition(id: scheme))
        let body = definition.declaration.text
        #expect(body.contains(definition.title))
        for other in library.definitions {
            #expect(other.id == scheme || !body.contains(other.title), "\(scheme) names \(other.id)")
            for title in other.application.titles {
                #expect(!body.contains(title), "\(scheme) quotes \(title)")
            }
        }
    }

    @Test("comparison words read as 民法典第一千二百五十九条 reads them")
    func comparisonWords() {
        let inclusive: [ComparisonWord] = [.orMore, .orLess, .within, .notLowerThan, .notExceeding, .notFewerThan]
        let exclusive: [ComparisonWord] = [.higherThan, .exceeding, .lowerThan, .under, .fewerThan]
        for word in inclusive {
            #expect(word.includesBound && word.holds(40, 40), "\(word.rawValue)")
        }
        for word in exclusive {
            #expect(!word.includesBound && !word.holds(40, 40), "\(word.rawValue)")
        }
        #expect(ComparisonWord.orMore.holds(40.1, 40) && !ComparisonWord.orMore.holds(39.9, 40))
        #expect(ComparisonWord.notExceeding.holds(99, 100) && !ComparisonWord.notExceeding.holds(100.5, 100))
        #expect(ComparisonWord.higherThan.holds(5.01, 5) && ComparisonWord.higherThan.symbol == ">")
        #expect(ComparisonWord.under.holds(2, 3) && ComparisonWord.under.symbol == "<")
        #expect(ComparisonWord.notFewerThan.symbol == "≥" && ComparisonWord.within.symbol == "≤")
    }

    @Test("Chinese numerals round-trip", arguments: [1, 5, 10, 11, 15, 20, 21, 31, 99, 100, 101, 110, 119, 259])
    func chineseNumerals(number: Int) {
        #expect(ChineseNumeral.value(ChineseNumeral.text(number)) == number)
    }

    @Test("Chinese numerals are written as policies write them")
    func chineseNumeralText() {
        #expect(ChineseNumeral.text(10) == "十")
        #expect(ChineseNumeral.text(15) == "十五")
        #expect(ChineseNumeral.text(24) == "二十四")
        #expect(ChineseNumeral.text(105) == "一百零五")
        #expect(ChineseNumeral.value("二十一") == 21)
        #expect(ChineseNumeral.value("一百零五") == 105)
        #expect(ChineseNumeral.value("章") == nil)
    }

    @Test("definitions encode and decode back unchanged", arguments: schemeIDs)
    func roundTrip(scheme: String) throws {
        let definition = try definition(scheme)
        let data = try JSONEncoder().encode(definition)
        #expect(try JSONDecoder().decode(FormDefinition.self, from: data) == definition)
    }

    // MARK: Broken definitions

    @Test("a broken definition gives the exact error with file and line", arguments: brokenSamples)
    func brokenDefinition(_ sample: BrokenSample) throws {
        #expect(sampleYAML.components(separatedBy: sample.old).count == 2, "the sample must hold “\(sample.old)” once")
        let directory = try sampleDirectory(["sample.yaml": sampleYAML.replacingOccurrences(of: sample.old, with: sample.new)])
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sample.yaml").path
        let expected: FormDefinitionError = switch sample.expected {
        case .invalid(let line, let keyPath, let problem):
            .invalid(DefinitionLocation(file: file, line: line, keyPath: keyPath), problem)
        case .syntax(let line, let column, let problem):
            .syntax(file: file, line: line, column: column, problem: problem)
        }
        #expect(throws: expected) { try FormLibrary.load(directory: directory) }
    }

    @Test("the sample definition itself is valid")
    func sampleIsValid() throws {
        let directory = try sampleDirectory(["sample.yaml": sampleYAML])
        defer { try? FileManager.default.removeItem(at: directory) }
        let library = try FormLibrary.load(directory: directory)
        #expect(library.definition(id: "sample")?.rule("output_min")?.kind == .threshold)
    }

    @Test("several problems are reported together, in line order")
    func severalProblems() throws {
        let yaml = sampleYAML
            .replacingOccurrences(of: "    field: total_output", with: "    field: total_revenue")
            .replacingOccurrences(of: "{id: high_energy,", with: "{id: total_output,")
        let directory = try sampleDirectory(["sample.yaml": yaml])
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sample.yaml").path
        #expect(throws: FormDefinitionError.several([
            .invalid(DefinitionLocation(file: file, line: 17, keyPath: "application.sections[0].fields[4].id"),
                     .duplicateFieldID("total_output")),
            .invalid(DefinitionLocation(file: file, line: 27, keyPath: "rules[0].field"), .unknownField("total_revenue")),
        ])) { try FormLibrary.load(directory: directory) }
    }

    @Test("a missing policy text is named with the key that points at it")
    func missingPolicy() throws {
        let directory = try sampleDirectory(["sample.yaml": sampleYAML.replacingOccurrences(of: "file: sample.txt", with: "file: absent.txt")])
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sample.yaml").path
        let policy = directory.appendingPathComponent("policies").appendingPathComponent("absent.txt").path
        #expect(throws: FormDefinitionError.invalid(
            DefinitionLocation(file: file, line: 4, keyPath: "policy.file"), .policyTextMissing(policy))) {
            try FormLibrary.load(directory: directory)
        }
    }

    @Test("two schemes may not share a form title, nor cite an unknown scheme")
    func crossSchemeProblems() throws {
        let other = sampleYAML
            .replacingOccurrences(of: "id: sample\n", with: "id: other\n")
            .replacingOccurrences(of: "citation: {article: 2, item: 1}", with: "citation: {article: 2, item: 1, scheme: nowhere}")
        let directory = try sampleDirectory(["sample.yaml": sampleYAML, "other.yaml": other])
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sample.yaml").path
        let otherFile = directory.appendingPathComponent("other.yaml").path
        #expect(throws: FormDefinitionError.several([
            .invalid(DefinitionLocation(file: otherFile, line: 30, keyPath: "rules[0].citation.scheme"), .unknownScheme("nowhere")),
            .invalid(DefinitionLocation(file: file, line: 7, keyPath: "application.title"), .duplicateTitle("测试申报书", scheme: "other")),
        ])) { try FormLibrary.load(directory: directory) }
    }

    @Test("a folder without definitions is an error naming it")
    func emptyDirectory() throws {
        let directory = try sampleDirectory([:])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: FormDefinitionError.noDefinitions(directory: directory.path)) {
            try FormLibrary.load(directory: directory)
        }
    }

    @Test("errors say where, in Chinese")
    func errorDescription() {
        let error = FormDefinitionError.invalid(
            DefinitionLocation(file: "forms/x.yaml", line: 12, keyPath: "rules[3].comparison"), .unknownComparisonWord("至多"))
        #expect(error.errorDescription?.hasPrefix("forms/x.yaml 第12行 rules[3].comparison：未知的比较用语“至多”") == true)
        let syntax = FormDefinitionError.syntax(file: "forms/x.yaml", line: 3, column: 7, problem: "found character that cannot start any token")
        #expect(syntax.errorDescription == "forms/x.yaml 第3行第7列：YAML 语法错误：found character that cannot start any token")
    }

    // MARK: Locating forms/

    @Test("the forms folder is found from the environment, the working directory or the executable")
    func locateForms() throws {
        let root = try sampleDirectory([:])
        defer { try? FileManager.default.removeItem(at: root) }
        let project = root.appendingPathComponent("project", isDirectory: true)
        let forms = project.appendingPathComponent("forms", isDirectory: true)
        let nested = project.appendingPathComponent("a/b", isDirectory: true)
        let elsewhere = root.appendingPathComponent("elsewhere", isDirectory: true)
        for folder in [forms, nested, elsewhere] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try Data("id: x\n".utf8).write(to: forms.appendingPathComponent("x.yaml"))
        func same(_ url: URL?) -> String? { url?.resolvingSymlinksInPath().path }

        #expect(same(FormLibrary.defaultDirectory(environment: [:], currentDirectory: nested, executable: nil)) == same(forms))
        #expect(same(FormLibrary.defaultDirectory(
            environment: [:], currentDirectory: elsewhere,
            executable: project.appendingPathComponent(".build/debug/cluster-review"))) == same(forms))
        #expect(same(FormLibrary.defaultDirectory(
            environment: [FormLibrary.environmentVariable: forms.path], currentDirectory: elsewhere, executable: nil)) == same(forms))

        let absent = root.appendingPathComponent("absent").path
        #expect(FormLibrary.defaultDirectory(
            environment: [FormLibrary.environmentVariable: absent], currentDirectory: nested, executable: nil) == nil)
        #expect(throws: FormDefinitionError.notAFormsDirectory(absent)) {
            try FormLibrary.locateDirectory(
                environment: [FormLibrary.environmentVariable: absent], currentDirectory: nested, executable: nil)
        }
    }
}

/// A fresh folder holding `files` and `policies/sample.txt`.
private func sampleDirectory(_ files: [String: String]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("form-definitions-\(UUID().uuidString)", isDirectory: true)
    let policies = directory.appendingPathComponent("policies", isDirectory: true)
    try FileManager.default.createDirectory(at: policies, withIntermediateDirectories: true)
    try Data(samplePolicy.utf8).write(to: policies.appendingPathComponent("sample.txt"))
    for (name, text) in files {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }
    return directory
}
