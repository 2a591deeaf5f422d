import Foundation
import Forms
import Mustache
import Review

/// `summary.html`: the batch as one self-contained page an office opens from
/// the output folder — header with counts and two bar charts, a sortable and
/// filterable table of submissions that open to their findings, the files
/// that could not be read, and the findings across the batch.
///
/// The page is rendered by a Mustache template (`HTMLReportTemplate`), whose
/// `{{ }}` escapes every value: applicant-supplied text never becomes markup.
/// A Content-Security-Policy with a fresh nonce lets only the page's own
/// script and style run and forbids every network request.
public enum HTMLReport {
    public enum RenderError: Error, LocalizedError {
        case template(String)

        public var errorDescription: String? {
            switch self {
            case .template(let detail): return "summary.html 模板有误：\(detail)"
            }
        }
    }

    /// The page for `summary`.
    /// - Parameters:
    ///   - generatedAt: when the page was made, as the reviewer should read it (`2025-03-01 14:05`).
    ///   - reviewDate: the `--date` of the run; nil when each application's own date was used.
    ///   - library: the form definitions, for scheme titles and field labels; without it ids are shown.
    public static func render(_ summary: BatchSummary, generatedAt: String, reviewDate: String? = nil,
                              library: FormLibrary? = nil) throws -> Data {
        let templates: MustacheLibrary
        do {
            templates = MustacheLibrary(templates: [
                "page": try MustacheTemplate(string: HTMLReportTemplate.page),
                "chart": try MustacheTemplate(string: HTMLReportTemplate.chart),
            ])
        } catch {
            throw RenderError.template("\(error)")
        }
        let page = Page(summary, generatedAt: generatedAt, reviewDate: reviewDate, library: library, nonce: nonce())
        guard let html = templates.render(page, withTemplate: "page") else { throw RenderError.template("page") }
        return Data(html.utf8)
    }

    /// 128 random bits: what the CSP lets run is only what carries them.
    static func nonce() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
    }

    /// A path segment for an `href`: everything but RFC 3986's unreserved
    /// characters percent-encoded as UTF-8 (so 审核意见.docx, `#`, `?`, `%`
    /// and quotes in a folder name all stay inside the segment).
    static func pathSegment(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// The relative link to a file of submission `id`'s output folder.
    static func href(_ id: String, _ file: String) -> String {
        pathSegment(id) + "/" + pathSegment(file)
    }
}

extension SummaryWriter {
    /// `summary.html`, beside summary.json and summary.csv.
    public static func html(_ summary: BatchSummary, generatedAt: String, reviewDate: String? = nil,
                            library: FormLibrary? = nil) throws -> Data {
        try HTMLReport.render(summary, generatedAt: generatedAt, reviewDate: reviewDate, library: library)
    }
}

// MARK: - What the template sees

// Mustache looks a missing or nil name up in the enclosing objects, so every
// value below is non-optional and names do not repeat across nesting levels.

extension HTMLReport {
    struct Page {
        let nonce: String
        let schemes: [SchemeLine]
        let reviewDate: String
        let generatedAt: String
        let reviewed: Int
        let verdictCounts: [VerdictCount]
        let verdictChart: Chart
        let categoryChart: Chart
        let hasCategories: Bool
        let severityColumns: [SeverityColumn]
        /// The submissions table's columns, for the detail row's colspan.
        let columnCount: Int
        let rows: [Row]
        let hasRows: Bool
        let unreadable: [UnreadableLine]
        let unreadableCount: Int
        let hasUnreadable: Bool
        let batchFindings: [BatchLine]
        let hasBatchFindings: Bool

        init(_ summary: BatchSummary, generatedAt: String, reviewDate: String?, library: FormLibrary?, nonce: String) {
            self.nonce = nonce
            self.generatedAt = generatedAt
            self.reviewDate = reviewDate ?? "以各申报材料的申报日期为准"
            let ids = summary.submissions.compactMap(\.scheme)
            schemes = Array(Set(ids)).sorted().map { id in
                let title = library?.definition(id: id)?.title
                return SchemeLine(schemeTitle: title ?? id, schemeId: id, hasTitle: title != nil)
            }
            reviewed = summary.submissions.count

            let byVerdict = Dictionary(grouping: summary.submissions, by: \.verdict).mapValues(\.count)
            verdictCounts = Verdict.allCases.map { VerdictCount(verdictKey: $0.rawValue, verdictName: $0.chinese, tally: byVerdict[$0] ?? 0) }
            verdictChart = Chart(name: "审核结论分布", barSpace: 230, bars: Verdict.allCases.map {
                (label: $0.chinese, value: byVerdict[$0] ?? 0, tone: $0.rawValue)
            })

            var byCategory: [Category: Int] = [:]
            for finding in summary.submissions.flatMap(\.findings) { byCategory[finding.category, default: 0] += 1 }
            for finding in summary.batchFindings { byCategory[finding.category, default: 0] += 1 }
            // The most frequent first; ties in the contract's order.
            let categories = Category.allCases.enumerated()
                .filter { byCategory[$0.element, default: 0] > 0 }
                .sorted { (byCategory[$0.element, default: 0], -$0.offset) > (byCategory[$1.element, default: 0], -$1.offset) }
                .map(\.element)
            categoryChart = Chart(name: "问题类别分布", barSpace: 330, bars: categories.map {
                (label: $0.chinese, value: byCategory[$0, default: 0], tone: $0.severity.rawValue)
            })
            hasCategories = !categories.isEmpty

            // 提示 (note) only when the batch has any: no category carries it by default.
            let severities = Severity.allCases.filter { severity in
                severity != .note || summary.submissions.contains { $0.findings.contains { $0.severity == severity } }
            }
            severityColumns = severities.map { SeverityColumn(columnKey: $0.rawValue, columnName: $0.chinese) }
            columnCount = 4 + severityColumns.count
            let unreadableFiles = Set(summary.unreadable.map { UnreadableLine($0).file })
            let indexByID = Dictionary(summary.submissions.enumerated().map { ($0.element.id, $0.offset + 1) },
                                       uniquingKeysWith: { first, _ in first })
            rows = summary.submissions.enumerated().map { offset, entry in
                Row(entry, index: offset + 1, severities: severities, library: library, unreadableFiles: unreadableFiles)
            }
            hasRows = !rows.isEmpty
            unreadable = summary.unreadable.map(UnreadableLine.init)
            unreadableCount = unreadable.count
            hasUnreadable = !unreadable.isEmpty
            batchFindings = summary.batchFindings.map { BatchLine($0, indexByID: indexByID) }
            hasBatchFindings = !batchFindings.isEmpty
        }
    }

    struct SchemeLine {
        let schemeTitle: String
        let schemeId: String
        let hasTitle: Bool
    }

    struct VerdictCount {
        let verdictKey: String
        let verdictName: String
        let tally: Int
    }

    struct SeverityColumn {
        let columnKey: String
        let columnName: String
    }

    /// A horizontal bar chart drawn as inline SVG: label, bar, value.
    struct Chart {
        struct Bar {
            let barLabel: String
            let barValue: Int
            let tone: String
            let barWidth: Int
            let rowY: Int
            let textY: Int
            let valueX: Int
        }

        static let labelWidth = 104
        static let rowHeight = 26

        let chartName: String
        let bars: [Bar]
        let width: Int
        let height: Int
        let labelX: Int
        let barX: Int

        init(name: String, barSpace: Int, bars: [(label: String, value: Int, tone: String)]) {
            chartName = name
            let largest = max(bars.map(\.value).max() ?? 0, 1)
            self.bars = bars.enumerated().map { index, bar in
                // A zero still shows as a hairline so the row reads as "none", not "missing".
                let width = bar.value == 0 ? 2 : max(4, Int((Double(bar.value) / Double(largest) * Double(barSpace)).rounded()))
                let y = index * Self.rowHeight + 4
                return Bar(barLabel: bar.label, barValue: bar.value, tone: bar.tone, barWidth: width,
                           rowY: y, textY: y + 14, valueX: Self.labelWidth + width + 6)
            }
            width = Self.labelWidth + barSpace + 40
            height = max(bars.count, 1) * Self.rowHeight + 4
            labelX = Self.labelWidth - 8
            barX = Self.labelWidth
        }
    }

    struct Row {
        struct Link {
            let href: String
            let linkText: String
        }

        struct SeverityCount {
            let severityKey: String
            let severityTally: Int
            let isZero: Bool
        }

        let index: Int
        let id: String
        let applicant: String
        let uscc: String
        let schemeName: String
        let verdict: String
        let verdictLabel: String
        let verdictRank: Int
        let severityCounts: [SeverityCount]
        let links: [Link]
        let findings: [FindingLine]
        let hasFindings: Bool

        init(_ entry: BatchSummary.Entry, index: Int, severities: [Severity], library: FormLibrary?, unreadableFiles: Set<String>) {
            self.index = index
            id = entry.id
            applicant = entry.applicant.name ?? "（未识别）"
            uscc = entry.applicant.uscc ?? "—"
            let definition = entry.scheme.flatMap { library?.definition(id: $0) }
            schemeName = entry.scheme.map { id in definition.map { "\($0.title)（\(id)）" } ?? id } ?? "未识别"
            verdict = entry.verdict.rawValue
            verdictLabel = entry.verdict.chinese
            verdictRank = Verdict.allCases.firstIndex(of: entry.verdict) ?? 0
            severityCounts = severities.map { severity in
                let tally = entry.findings.filter { $0.severity == severity }.count
                return SeverityCount(severityKey: severity.rawValue, severityTally: tally, isZero: tally == 0)
            }
            var links = [Link(href: HTMLReport.href(entry.id, "审核意见.docx"), linkText: "审核意见.docx"),
                         Link(href: HTMLReport.href(entry.id, "findings.json"), linkText: "findings.json")]
            // A document that could not be read has no marked-up copy.
            for document in entry.documents where !unreadableFiles.contains("\(entry.id)/\(document)") {
                let name = MarkedUpCopy.fileName(for: document)
                links.append(Link(href: HTMLReport.href(entry.id, name), linkText: name))
            }
            self.links = links
            findings = entry.findings.sorted { $0.severity > $1.severity }
                .map { FindingLine($0, definition: definition) }
            hasFindings = !findings.isEmpty
        }
    }

    struct FindingLine {
        let categoryName: String
        let severityKey: String
        let severityName: String
        let fieldName: String
        let place: String
        let declared: String
        let expected: String
        let citation: String
        let message: String

        init(_ finding: Finding, definition: FormDefinition?) {
            categoryName = finding.category.chinese
            severityKey = finding.severity.rawValue
            severityName = finding.severity.chinese
            fieldName = HTMLReport.fieldLabel(finding, definition: definition)
            var place: [String] = []
            if finding.document == .declaration { place.append("责任声明") }
            if let year = finding.year { place.append("\(year)年") }
            // CONTRACT.md counts `row` from 0 over the data rows; a reviewer counts from 1.
            if let row = finding.row { place.append("第\(row + 1)行") }
            self.place = place.isEmpty ? "—" : place.joined(separator: " ")
            declared = finding.declared ?? "—"
            expected = finding.expected ?? "—"
            citation = finding.citation
            message = finding.message
        }
    }

    struct UnreadableLine {
        let file: String
        let reason: String

        /// `UnreadableFile.line`: "file: reason".
        init(_ line: String) {
            if let separator = line.range(of: ": ") {
                file = String(line[..<separator.lowerBound])
                reason = String(line[separator.upperBound...])
            } else {
                file = line
                reason = ""
            }
        }
    }

    struct BatchLine {
        struct Reference {
            let submissionId: String
            let anchor: String
            let isListed: Bool
        }

        let categoryTitle: String
        let fieldTitle: String
        let references: [Reference]
        let declaredValue: String
        let batchMessage: String

        init(_ finding: BatchFinding, indexByID: [String: Int]) {
            categoryTitle = finding.category.chinese
            fieldTitle = HTMLReport.batchFieldNames[finding.field] ?? finding.field
            references = finding.submissions.map { id in
                Reference(submissionId: id, anchor: indexByID[id].map { "s-\($0)" } ?? "", isListed: indexByID[id] != nil)
            }
            declaredValue = finding.declared
            batchMessage = finding.message
        }
    }

    /// Batch-check fields that are no form field of their own.
    static let batchFieldNames = ["declaration": "责任声明", "enterprises": "集群重点企业", "applicant_uscc": "统一社会信用代码"]

    /// The field as the form labels it (a list column after its list), else its id.
    static func fieldLabel(_ finding: Finding, definition: FormDefinition?) -> String {
        guard let definition else { return finding.column.map { "\(finding.field).\($0)" } ?? finding.field }
        let field = finding.document == .declaration ? definition.declaration.field(finding.field) : definition.field(finding.field)
        guard let field else { return finding.field }
        if let column = finding.column {
            return "\(field.label) · \(field.columns.first { $0.id == column }?.label ?? column)"
        }
        return field.label
    }
}
