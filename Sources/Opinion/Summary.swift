import Foundation
import Review

/// The batch's summary, as CONTRACT.md fixes it.
public struct BatchSummary: Encodable, Sendable {
    /// One entry per submission: CONTRACT's keys, plus the documents read.
    public struct Entry: Codable, Sendable {
        public let id: String
        public let scheme: String?
        public let applicant: SubmissionReview.Applicant
        public let verdict: Verdict
        public let findings: [Finding]
        public let documents: [String]

        public init(_ review: SubmissionReview) {
            id = review.id
            scheme = review.scheme
            applicant = review.applicant
            verdict = review.verdict
            findings = review.findings
            documents = review.documents
        }
    }

    public let scheme: String
    public let reviewed: Int
    public let unreadable: [String]
    public let submissions: [Entry]
    public let batchFindings: [BatchFinding]

    enum CodingKeys: String, CodingKey {
        case scheme, reviewed, unreadable, submissions
        case batchFindings = "batch_findings"
    }

    public init(submissions: [Entry], unreadable: [String], batchFindings: [BatchFinding]) {
        let schemes = Set(submissions.compactMap(\.scheme))
        scheme = schemes.count == 1 ? schemes.first! : schemes.sorted().joined(separator: ",")
        reviewed = submissions.count
        self.unreadable = unreadable
        self.submissions = submissions.sorted { $0.id < $1.id }
        self.batchFindings = batchFindings
    }
}

/// Writes findings.json, summary.json and summary.csv, each atomically.
public enum SummaryWriter {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func json(_ summary: BatchSummary) throws -> Data {
        try encoder().encode(summary)
    }

    /// `ID/findings.json`: the submission's summary entry, with every check made.
    public static func findingsJSON(_ review: SubmissionReview) throws -> Data {
        try encoder().encode(review)
    }

    /// UTF-8 with a BOM so that Excel reads it; one row per submission. The
    /// verdict column keeps CONTRACT's codes (pass, reject…) for programs;
    /// the last column says it in words for the reviewer.
    public static func csv(_ summary: BatchSummary) -> Data {
        var lines = [["编号 id", "申报类别 scheme", "申报单位 applicant", "统一社会信用代码 USCC", "审核结论 verdict",
                      "不予推荐项 reject", "需补正项 supplement", "需核实项 verify", "主要原因（前3项） reasons", "审核意见 conclusion"]]
        for entry in summary.submissions {
            let count = { (severity: Severity) in String(entry.findings.filter { $0.severity == severity }.count) }
            // Each message is a sentence: joined by ；, one 。 at the end.
            let sentences = entry.findings.sorted { $0.severity > $1.severity }.prefix(3).map { finding in
                finding.message.hasSuffix("。") ? String(finding.message.dropLast()) : finding.message
            }
            let reasons = sentences.isEmpty ? "" : sentences.joined(separator: "；") + "。"
            lines.append([entry.id, entry.scheme ?? "", entry.applicant.name ?? "", entry.applicant.uscc ?? "",
                          entry.verdict.rawValue, count(.reject), count(.supplement), count(.verify), reasons, entry.verdict.chinese])
        }
        let text = lines.map { $0.map(escape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    static func escape(_ field: String) -> String {
        var value = field
        // A cell starting with = + - @ is a formula to Excel; quote it as text.
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || value != field else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
