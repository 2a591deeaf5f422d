import Foundation
import Testing
import Forms
import Review
import TestSupport

/// The form libraries the review tests use, each loaded once.
enum ReviewLibraries {
    /// The real scheme definitions of `forms/`.
    static let real: Result<FormLibrary, any Error> = Result {
        try FormLibrary.load(directory: Repository.url("forms"))
    }

    /// `forms/` as it is, plus one probe rule per comparison word in
    /// `jiangsu-sme-cluster.yaml` (`compare_<word>`, on `iip_rate`, bound 20),
    /// so that the words no scheme uses yet are judged by the same code path
    /// as the ones it does. The scheme's own rules are unchanged.
    static let withComparisonProbes: Result<FormLibrary, any Error> = Result {
        let source = Repository.url("forms")
        let copy = FileManager.default.temporaryDirectory
            .appendingPathComponent("review-tests-forms-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.copyItem(at: source, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let scheme = copy.appendingPathComponent("jiangsu-sme-cluster.yaml")
        var yaml = try String(contentsOf: scheme, encoding: .utf8)
        if !yaml.hasSuffix("\n") { yaml += "\n" }
        for word in ComparisonWord.allCases {
            yaml += """
                  - id: \(probeRule(word))
                    kind: threshold
                    requirement: 工业互联网平台应用普及率\(word.rawValue)20%（比较用语测试）
                    field: iip_rate
                    comparison: \(word.rawValue)
                    bound: 20
                    citation: {article: 6, item: 6}

                """
        }
        try yaml.write(to: scheme, atomically: true, encoding: .utf8)
        return try FormLibrary.load(directory: copy)
    }

    static func probeRule(_ word: ComparisonWord) -> String {
        "compare_\(word)"
    }
}

/// Which library an example is reviewed with.
enum LibraryChoice: Sendable {
    case real
    case withComparisonProbes

    func load() throws -> FormLibrary {
        switch self {
        case .real: return try ReviewLibraries.real.get()
        case .withComparisonProbes: return try ReviewLibraries.withComparisonProbes.get()
        }
    }
}

// MARK: Values as extraction gives them

/// A figure, written as in the form ("39.8"): exact, as `Decimal` parses it.
func number(_ text: String) -> FieldValue {
    .number(Decimal(string: text) ?? .nan)
}

/// A series keyed by year, its values written as in the form.
func series(_ values: [Int: String]) -> FieldValue {
    .series(values.mapValues { number($0) })
}

/// A calendar day from its ISO text; 1970-01-01 for a malformed one, which
/// no example uses on purpose.
func day(_ iso: String) -> CalendarDate {
    CalendarDate(iso: iso) ?? CalendarDate(Date(timeIntervalSince1970: 0))
}

func date(_ iso: String) -> FieldValue {
    .date(day(iso))
}

/// A valid 统一社会信用代码 with the given authority and type (positions 1–2),
/// division (3–8) and organisation code body (9–16); the check characters are
/// computed, so every code an example uses passes GB 32100 unless it means not to.
func code(_ authorityAndType: String, _ division: String, _ body: String) -> String {
    let head = Array(authorityAndType)
    guard head.count == 2,
          let generated = try? USCC.generate(registration: head[0], type: head[1], region: division, organisation: body)
    else { return "INVALID-\(authorityAndType)\(division)\(body)" }
    return generated.code
}

func uscc(_ text: String) -> USCC? {
    try? USCC(text)
}

// MARK: Submissions

func applicationForm(_ scheme: String, _ fields: [String: FieldValue]) -> ExtractedForm {
    ExtractedForm(file: "申报书.docx", scheme: scheme, kind: .application, fields: fields)
}

func declarationForm(_ scheme: String, _ fields: [String: FieldValue]) -> ExtractedForm {
    ExtractedForm(file: "责任声明.docx", scheme: scheme, kind: .declaration, fields: fields)
}

/// Where a finding is, in the terms CONTRACT.md gives it.
struct FindingKey: Hashable, Sendable, CustomStringConvertible {
    let category: Category
    let severity: Severity
    let field: String
    let year: Int?
    let row: Int?

    init(_ category: Category, _ field: String, year: Int? = nil, row: Int? = nil) {
        self.category = category
        self.severity = contractSeverity(category)
        self.field = field
        self.year = year
        self.row = row
    }

    init(_ finding: Finding) {
        category = finding.category
        severity = finding.severity
        field = finding.field
        year = finding.year
        row = finding.row
    }

    var description: String {
        var text = "\(category)/\(severity) \(field)"
        if let year { text += " \(year)年" }
        if let row { text += " row \(row)" }
        return text
    }
}

/// CONTRACT.md's table, written out here rather than read from `Category`,
/// so that the code's table is checked against it.
func contractSeverity(_ category: Category) -> Severity {
    switch category {
    case .threshold, .negative, .credit, .falsified, .certificate, .identity: return .reject
    case .missing, .unparseable: return .supplement
    case .inconsistent, .verify, .duplicate: return .verify
    }
}

/// Both lists as the same multiset, in a stable order for messages.
func sameFindings(_ actual: [FindingKey], _ expected: [FindingKey]) -> Bool {
    actual.map(\.description).sorted() == expected.map(\.description).sorted()
}
