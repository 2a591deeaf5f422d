import Foundation
import Forms

/// One submission's documents, as extraction read them.
public struct Submission: Sendable {
    public let id: String
    public var application: ExtractedForm?
    public var declaration: ExtractedForm?
    /// The files the submission holds, as named in messages.
    public var documents: [String]

    public init(id: String, application: ExtractedForm?, declaration: ExtractedForm?, documents: [String]) {
        self.id = id
        self.application = application
        self.declaration = declaration
        self.documents = documents
    }
}

/// What the rules of one submission see and what they write: values by
/// field, the scheme's wording and articles, and the findings and checks.
struct RuleContext {
    let definition: FormDefinition
    let library: FormLibrary
    let submission: Submission
    let registries: Registries?
    /// The review date: --date, else the application's own date.
    let reviewDate: CalendarDate?

    var findings: [Finding] = []
    var checks: [CheckRecord] = []
    /// Rules whose failures call for verification only (softening in force).
    var softenedRules: Set<String> = []

    var fields: [String: FieldValue] { submission.application?.fields ?? [:] }
    var declarationFields: [String: FieldValue] { submission.declaration?.fields ?? [:] }

    // MARK: Values

    func field(_ id: String) -> FieldDefinition? {
        definition.application.field(id)
    }

    /// The field's label without a trailing unit bracket: 集群总产值.
    func label(_ id: String) -> String {
        guard let field = field(id) else { return id }
        if let open = field.label.lastIndex(where: { $0 == "（" || $0 == "(" }), field.label.hasSuffix("）") || field.label.hasSuffix(")") {
            let stem = String(field.label[..<open])
            if !stem.isEmpty && field.unit != nil { return stem }
        }
        return field.label
    }

    func unit(_ id: String) -> String {
        guard let unit = field(id)?.unit else { return "" }
        return unit
    }

    func number(_ id: String) -> Double? {
        fields[id]?.decimal.map { NSDecimalNumber(decimal: $0).doubleValue }
    }

    /// A series' figures by year. When the document gives every year asked
    /// for and more (an earlier year typed in as well), only the years asked
    /// for are judged — 近三年 is three years; `series_years` reports the rest.
    func series(_ id: String) -> [Int: Double]? {
        guard let values = fields[id]?.seriesValues else { return nil }
        var result: [Int: Double] = [:]
        for (year, value) in values {
            if let number = value.decimal { result[year] = NSDecimalNumber(decimal: number).doubleValue }
        }
        if let expected = expectedYears(id), result.count > expected.count, expected.isSubset(of: result.keys) {
            result = result.filter { expected.contains($0.key) }
        }
        return result
    }

    /// A series whose every year asked for is there (the arithmetic mean of
    /// yearly rates needs each year); nil when one was left empty — that year
    /// is `missing`. Years not asked for (shifted) are taken as given.
    func completeSeries(_ id: String) -> [Int: Double]? {
        guard let values = series(id), let first = values.keys.min(), let last = values.keys.max(),
              last - first + 1 == values.count else { return nil }
        if let expected = expectedYears(id), Set(values.keys).isStrictSubset(of: expected) { return nil }
        return values
    }

    /// A series with the first and the last year asked for: a compound rate
    /// needs no more (2021 and 2023 with 2022 left empty still span two
    /// years). nil when an end is empty.
    func spanningSeries(_ id: String) -> [Int: Double]? {
        guard let values = series(id), values.count >= 2 else { return nil }
        if let expected = expectedYears(id), Set(values.keys).isStrictSubset(of: expected),
           let first = expected.min(), let last = expected.max(), values[first] == nil || values[last] == nil {
            return nil
        }
        return values
    }

    /// The latest year's figure of a series, when that year is not one asked
    /// for and left empty; a plain number as it is.
    func latest(_ id: String) -> Double? {
        guard fields[id]?.seriesValues != nil else { return number(id) }
        guard let values = series(id), let year = values.keys.max() else { return nil }
        if let expected = expectedYears(id), let last = expected.max(), year < last, Set(values.keys).isSubset(of: expected) {
            return nil
        }
        return values[year]
    }

    /// The years a series should hold: its `years` (default 3) complete
    /// calendar years before the application date; nil without that date.
    func expectedYears(_ id: String) -> Set<Int>? {
        guard let date = applicationDate else { return nil }
        let count = max(field(id)?.years ?? 3, 1)
        return Set((1...count).map { date.year - $0 })
    }

    func bool(_ id: String) -> Bool? { fields[id]?.bool }

    func text(_ id: String) -> String? { fields[id]?.text }

    func rows(_ id: String) -> [[String: FieldValue]] { fields[id]?.rows ?? [] }

    /// True when the field's value is unreadable: its rules are skipped, the
    /// problem itself already being a finding.
    func isUnreadable(_ id: String) -> Bool {
        submission.application?.problems.contains { $0.field == id } ?? false
    }

    func holds(_ condition: FieldCondition) -> Bool? {
        guard let value = fields[condition.field] else { return nil }
        switch (condition.equals, value) {
        case (.bool(let expected), .bool(let actual)): return expected == actual
        case (.text(let expected), .text(let actual)): return expected == actual
        case (.text(let expected), .options(let actual)): return actual.contains(expected)
        default: return false
        }
    }

    var applicationDate: CalendarDate? { fields["application_date"]?.date }

    // MARK: Writing

    func cite(_ citation: Citation) -> String {
        library.render(citation, in: definition)
    }

    func cite(_ rule: RuleDefinition) -> String {
        cite(rule.citation)
    }

    /// A failing rule's finding, softened to `verify` when the rule says
    /// 一般/原则上 or a softening rule is in force.
    mutating func fail(_ rule: RuleDefinition, _ category: Category, field: String, year: Int? = nil, row: Int? = nil,
                       column: String? = nil, declared: String?, expected: String?, message: String,
                       document: FormKind = .application) {
        var category = category
        var message = message
        if category == .threshold, rule.softened != nil || softenedRules.contains(rule.id) {
            category = .verify
            if let softened = rule.softened {
                message += "鉴于政策表述为“\(softened.rawValue)”，请进一步核实。"
            } else {
                message += "鉴于申报地区属于政策可适当放宽的情形，请进一步核实。"
            }
        }
        findings.append(Finding(category: category, field: field, year: year, row: row, column: column,
                                declared: declared, expected: expected, citation: cite(rule), message: message,
                                rule: rule.id, document: document))
    }

    mutating func record(_ rule: RuleDefinition, declared: String, finding: String, result: CheckResult) {
        var result = result
        if result == .notMet, rule.softened != nil || softenedRules.contains(rule.id) { result = .verify }
        checks.append(CheckRecord(rule: rule.id, item: rule.requirement, declared: declared, finding: finding,
                                  citation: cite(rule), result: result))
    }
}

/// A number compared with a bound: as `show` gives it, unless that rounds it
/// onto the bound it misses (2.9951 against 3), then with as many decimals
/// (up to six) as tell the two apart.
func show(_ value: Double, against bound: Double) -> String {
    let plain = show(value)
    guard plain == show(bound), value != bound, !value.isNaN, !value.isInfinite else { return plain }
    for decimals in 3...6 {
        var text = String(format: "%.\(decimals)f", value)
        if text == String(format: "%.\(decimals)f", bound) { continue }
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
    return plain
}

/// Numbers as a reviewer reads them: no trailing zeros, at most two decimals.
func show(_ value: Double) -> String {
    if value.isNaN || value.isInfinite { return "—" }
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    var text = String(format: "%.2f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
}

func show(_ value: FieldValue) -> String {
    switch value {
    case .text(let text): return text
    case .number(let number): return "\(number)"
    case .integer(let number): return "\(number)"
    case .bool(let flag): return flag ? "是" : "否"
    case .date(let date): return "\(date.year)年\(date.month)月\(date.day)日"
    case .options(let ids): return ids.joined(separator: "、")
    case .series(let values):
        return values.sorted { $0.key < $1.key }.map { "\($0.key)年 \(show($0.value))" }.joined(separator: "，")
    case .list(let rows): return "\(rows.count)行"
    }
}
