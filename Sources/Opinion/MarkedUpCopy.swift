import Foundation
import Forms
import OOXML
import Review

/// The marked-up copy of a submitted document: every finding on it as a
/// Word comment on exactly the characters of the offending value, those
/// characters highlighted (red: reject, yellow: verify, blue: supplement).
/// A finding with no place in the document goes on its title.
public enum MarkedUpCopy {
    /// `申报书.docx` → `申报书-批注.docx` (Flat OPC `.xml` input is written as `.docx` too).
    public static func fileName(for original: String) -> String {
        let url = URL(fileURLWithPath: original)
        return url.deletingPathExtension().lastPathComponent + "-批注.docx"
    }

    /// The findings that concern `form` (by the document they name).
    public static func findings(_ review: SubmissionReview, on form: ExtractedForm) -> [Finding] {
        review.findings.filter { finding in
            switch form.kind {
            case .declaration?: return finding.document == .declaration
            default: return finding.document != .declaration || finding.field == "declaration"
            }
        }
    }

    public static func annotations(_ review: SubmissionReview, on form: ExtractedForm) -> [Annotation] {
        findings(review, on: form).map { finding in
            let text = comment(finding)
            let colour = colour(finding.severity)
            // A finding with no place goes on the title the reader recognised
            // (not on a 附件1 line above it); failing that, on the first line.
            let placed = place(finding, in: form)
            let locations = placed.isEmpty ? form.titleLocation : placed
            guard let first = locations.first else { return Annotation(text: text, colour: colour) }
            let inPart = locations.filter { $0.part == first.part }
            return Annotation(part: first.part, spans: inPart.flatMap(\.runs), commentSpans: commentSpans(inPart),
                              text: text, colour: colour)
        }
    }

    /// Values in more than one table row (a series down a column) are not
    /// one stretch of text: the comment goes on those of the first row, the
    /// highlight on them all. nil when the values are one stretch.
    static func commentSpans(_ locations: [ValueLocation]) -> [RunSpan]? {
        func row(_ location: ValueLocation) -> ArraySlice<PathStep>? {
            let steps = location.paragraph.steps
            guard let last = steps.lastIndex(where: { if case .row = $0 { return true } else { return false } }) else { return nil }
            return steps[...last]
        }
        guard let first = locations.first, let firstRow = row(first),
              locations.contains(where: { row($0) != firstRow }) else { return nil }
        return locations.filter { row($0) == firstRow }.flatMap(\.runs)
    }

    /// Where a finding's value is: the exact value, else its row or series,
    /// else its label; empty when it has no place (it then goes on the title).
    static func place(_ finding: Finding, in form: ExtractedForm) -> [ValueLocation] {
        let exact = FieldKey(field: finding.field, year: finding.year, row: finding.row, column: finding.column)
        if let found = form.locations[exact], !found.isEmpty { return found }
        let related = form.locations.filter { key, _ in
            key.field == finding.field && (finding.row == nil || key.row == finding.row)
                && (finding.year == nil || key.year == finding.year)
        }.sorted { $0.key.description < $1.key.description }
        if finding.row != nil, let rowStart = related.first?.value, !rowStart.isEmpty {
            return related.flatMap(\.value)
        }
        if finding.row == nil, finding.year == nil, !related.isEmpty {
            return related.flatMap(\.value)
        }
        if let label = form.labelLocations[finding.field], !label.isEmpty { return label }
        return []
    }

    static func comment(_ finding: Finding) -> String {
        // 【需核实】, not 【需核实·需核实】, when the category says what the severity does.
        let tag = finding.severity.chinese == finding.category.chinese
            ? finding.severity.chinese : "\(finding.severity.chinese)·\(finding.category.chinese)"
        var lines = ["【\(tag)】\(finding.message)"]
        if let expected = finding.expected, !expected.isEmpty { lines.append("应为：\(inWords(expected))") }
        if !finding.citation.isEmpty { lines.append("依据：\(finding.citation)") }
        return lines.joined(separator: "\n")
    }

    /// An expected value as a reviewer reads it: "≥ 40" → "不低于40".
    static func inWords(_ expected: String) -> String {
        for (symbol, words) in [("≥ ", "不低于"), ("≤ ", "不高于"), ("> ", "高于"), ("< ", "低于")] where expected.hasPrefix(symbol) {
            return words + expected.dropFirst(symbol.count)
        }
        return expected
    }

    static func colour(_ severity: Severity) -> Annotation.Colour {
        switch severity {
        case .reject: return .red
        case .supplement: return .blue
        case .verify, .note: return .yellow
        }
    }

    /// Writes the copy of the document at `original` next to the opinion.
    /// Form-instance XML has no Word layout to mark up and gets no copy.
    public static func write(original: URL, form: ExtractedForm, review: SubmissionReview, folder: URL,
                             limits: ReadLimits = .standard) throws -> URL? {
        guard case .word(let package) = try DocumentReader.open(original, limits: limits) else { return nil }
        return try write(package, named: original.lastPathComponent, form: form, review: review, folder: folder)
    }

    /// Writes the copy of a package already read (its kept parsed parts are
    /// edited in place, so the package is spent afterwards).
    public static func write(_ package: OPCPackage, named original: String, form: ExtractedForm,
                             review: SubmissionReview, folder: URL) throws -> URL {
        let destination = folder.appendingPathComponent(fileName(for: original))
        try AnnotatedCopy.write(package, annotations: annotations(review, on: form), date: nil, to: destination)
        return destination
    }
}
