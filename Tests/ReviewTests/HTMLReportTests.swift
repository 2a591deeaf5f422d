import Foundation
import Testing
import Forms
import Opinion
import Review
import TestSupport

/// The fixtures' batch reviewed in-process, as `review` does it.
enum FixtureBatch {
    static let result: Result<(BatchSummary, FormLibrary), any Error> = Result {
        let library = try FormLibrary.load(directory: Repository.url("forms"))
        let registries = try Registries.load(directory: Repository.url("fixtures/registry"))
        let extractor = Extractor(library: library)
        let reviewer = Reviewer(library: library, registries: registries)
        var entries: [BatchSummary.Entry] = []
        var unreadable: [UnreadableFile] = []
        var keys: [BatchKeys] = []
        for source in try SubmissionLoader.sources([Repository.url("fixtures/submissions")]) {
            let loaded = SubmissionLoader.load(source, extractor: extractor, scheme: nil)
            unreadable += loaded.unreadable
            keys.append(loaded.batchKeys)
            if loaded.submission.application != nil || loaded.submission.declaration != nil {
                entries.append(BatchSummary.Entry(reviewer.review(loaded.submission)))
            }
        }
        let summary = BatchSummary(submissions: entries, unreadable: unreadable.map(\.line).sorted(),
                                   batchFindings: BatchChecks.findings(keys))
        return (summary, library)
    }

    static func summary() throws -> BatchSummary { try result.get().0 }

    static func html() throws -> String {
        let (summary, library) = try result.get()
        let data = try HTMLReport.render(summary, generatedAt: "2025-03-01 09:30", library: library)
        // `CLUSTER_REVIEW_HTML_SAMPLE=/tmp/out/summary.html swift test --filter HTMLReport`
        // keeps the page, e.g. for the screenshot in docs/.
        if let path = ProcessInfo.processInfo.environment["CLUSTER_REVIEW_HTML_SAMPLE"] {
            try data.write(to: URL(fileURLWithPath: path))
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A batch whose every applicant-supplied string tries to become markup.
enum HostileBatch {
    static let applicant = "<script>document.title='pwned-name'</script>"
    static let uscc = #""quotes" & <b>tags</b>"#
    static let id = #"x"><img src=x onerror="document.title='pwned-id'">"#
    static let declared = #"<img src=x onerror="document.title='pwned-img'">"#
    static let message = "</td></tr></tbody></table><script>document.title='pwned-break'</script>{{nonce}}"
    static let document = "申报书 #1?v=2%.docx"

    static func summary() throws -> BatchSummary {
        let review: [String: Any] = [
            "id": id, "scheme": "wuxi-promotion-agency", "verdict": "reject",
            "applicant": ["name": applicant, "uscc": uscc],
            "findings": [[
                "category": "falsified", "severity": "reject", "field": "applicant_name", "year": 2023, "row": 2,
                "declared": declared, "expected": "' onmouseover='document.title=1", "citation": "<i>第一条</i>",
                "message": message, "rule": "x", "document": "application",
            ]],
            "checks": [], "application_date": "2025-01-01", "documents": [document, "责任声明.xml"],
        ]
        let decoded = try JSONDecoder().decode(SubmissionReview.self, from: JSONSerialization.data(withJSONObject: review))
        let batch = try JSONDecoder().decode(BatchFinding.self, from: JSONSerialization.data(withJSONObject: [
            "category": "duplicate", "severity": "verify", "field": "enterprises", "submissions": [id, "<u>gone</u>"],
            "declared": "<b>企业</b>", "message": "<script>document.title='pwned-batch'</script>",
        ]))
        return BatchSummary(submissions: [BatchSummary.Entry(decoded)],
                            unreadable: ["\(id)/<script>x</script>.docx: <em>文件为空</em>"],
                            batchFindings: [batch])
    }

    static func html() throws -> String {
        String(decoding: try HTMLReport.render(summary(), generatedAt: "<now>", reviewDate: "<date>"), as: UTF8.self)
    }
}

/// The rows of a page (rendered or dumped by Chromium), in document order.
struct PageRow: Equatable {
    let id: String
    let verdict: String
    let hidden: Bool

    static func all(_ html: String) -> [PageRow] {
        html.matches(of: /<tbody class="submission"[^>]*>/).map { match in
            let tag = String(match.output)
            return PageRow(id: HTMLText.attribute("data-id", in: tag) ?? "", verdict: HTMLText.attribute("data-verdict", in: tag) ?? "",
                           hidden: tag.contains(" hidden=\"\""))
        }
    }
}

enum HTMLText {
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[range.upperBound...]
        return rest.firstIndex(of: "\"").map { unescape(String(rest[..<$0])) }
    }

    /// The text of the element with this `id` (no nested elements).
    static func text(id: String, in html: String) -> String? {
        guard let start = html.range(of: " id=\"\(id)\"") else { return nil }
        let rest = html[start.upperBound...]
        guard let open = rest.firstIndex(of: ">"), let close = rest[open...].firstIndex(of: "<") else { return nil }
        return unescape(String(rest[rest.index(after: open)..<close]))
    }

    static func verdictCount(_ verdict: Verdict, in html: String) -> Int? {
        guard let start = html.range(of: "data-verdict-count=\"\(verdict.rawValue)\">") else { return nil }
        return Int(html[start.upperBound...].prefix { $0.isNumber })
    }

    static func count(_ needle: String, in html: String) -> Int {
        html.components(separatedBy: needle).count - 1
    }
}

@Suite("summary.html")
struct HTMLReportTests {
    @Test("the fixtures' page declares UTF-8, loads nothing and has one row per submission with its verdict")
    func fixtureRows() throws {
        let summary = try FixtureBatch.summary()
        let html = try FixtureBatch.html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("default-src 'none'"), "the CSP forbids every request")
        #expect(!html.contains(" src="), "no external script, image or frame")
        #expect(!html.contains("https://") && !html.contains("<link"))
        #expect(HTMLText.count("<script", in: html) == 1)
        let rows = PageRow.all(html)
        #expect(rows.count == summary.submissions.count)
        #expect(rows == summary.submissions.map { PageRow(id: $0.id, verdict: $0.verdict.rawValue, hidden: false) })
        #expect(html.contains("乐山晶盛硅业有限公司"), "Chinese text is written as UTF-8, not as entities")
    }

    @Test("the header counts each verdict and the charts draw one bar per verdict and per category found")
    func fixtureCounts() throws {
        let summary = try FixtureBatch.summary()
        let html = try FixtureBatch.html()
        for verdict in Verdict.allCases {
            #expect(HTMLText.verdictCount(verdict, in: html) == summary.submissions.filter { $0.verdict == verdict }.count,
                    "\(verdict)")
            #expect(html.contains("<g class=\"bar tone-\(verdict.rawValue)\" data-label=\"\(verdict.chinese)\""))
        }
        #expect(Set(summary.submissions.map(\.verdict)).count == 4, "the fixtures have every verdict")
        #expect(HTMLText.text(id: "reviewed-count", in: html) == String(summary.reviewed))
        var categories: [Category: Int] = [:]
        for finding in summary.submissions.flatMap(\.findings) { categories[finding.category, default: 0] += 1 }
        for finding in summary.batchFindings { categories[finding.category, default: 0] += 1 }
        #expect(!categories.isEmpty)
        for (category, count) in categories {
            #expect(html.contains("data-label=\"\(category.chinese)\" data-value=\"\(count)\""), "\(category)")
        }
        #expect(HTMLText.count("<g class=\"bar ", in: html) == 4 + categories.count)
        #expect(html.contains("ccid-promotion-org") && html.contains("先进制造业集群发展促进组织"), "schemes by title and id")
    }

    @Test("each row links its opinion, findings.json and a marked-up copy of each document, percent-encoded")
    func fixtureLinks() throws {
        let summary = try FixtureBatch.summary()
        let html = try FixtureBatch.html()
        let opinion = "%E5%AE%A1%E6%A0%B8%E6%84%8F%E8%A7%81.docx"  // 审核意见.docx
        let markedUpApplication = "%E7%94%B3%E6%8A%A5%E4%B9%A6-%E6%89%B9%E6%B3%A8.docx"  // 申报书-批注.docx
        for entry in summary.submissions {
            #expect(html.contains("href=\"\(entry.id)/\(opinion)\""), "\(entry.id)")
            #expect(html.contains("href=\"\(entry.id)/findings.json\""), "\(entry.id)")
            #expect(entry.documents.contains("申报书.docx"))
            #expect(html.contains("href=\"\(entry.id)/\(markedUpApplication)\""), "\(entry.id)")
            #expect(HTMLText.count("href=\"\(entry.id)/", in: html) == 2 + entry.documents.count, "\(entry.id)")
        }
        for href in html.matches(of: /href="([^"]*)"/).map({ String($0.output.1) }) {
            #expect(!href.contains(":") && !href.hasPrefix("/"), "relative links only: \(href)")
            let ascii = href.unicodeScalars.allSatisfy(\.isASCII)
            #expect(ascii, "percent-encoded: \(href)")
        }
    }

    @Test("each row opens to its findings: category, field label, place, declared, expected, citation, message")
    func fixtureFindings() throws {
        let summary = try FixtureBatch.summary()
        let html = try FixtureBatch.html()
        let findings = summary.submissions.flatMap(\.findings)
        #expect(HTMLText.count("<tr class=\"finding\">", in: html) == findings.count)
        #expect(HTMLText.count("<p class=\"clean\">", in: html) == summary.submissions.filter { $0.findings.isEmpty }.count)
        let credit = try #require(findings.first { $0.category == .credit })
        #expect(html.contains(credit.message))
        #expect(html.contains(credit.citation))
        #expect(html.contains("<td>信用</td>"))
        #expect(!html.contains("<td>policies_security</td>"), "fields are shown by their form label")
        #expect(findings.contains { $0.row == 0 } && !html.contains("第0行"), "rows are shown counted from 1")
        for finding in summary.batchFindings {
            #expect(html.contains(finding.message))
            for id in finding.submissions {
                let index = try #require(summary.submissions.firstIndex { $0.id == id })
                #expect(html.contains("<a href=\"#s-\(index + 1)\" data-jump=\"s-\(index + 1)\">\(id)</a>"))
            }
        }
        #expect(html.contains("全部文件均已读取"), "the fixtures read cleanly")
    }

    @Test("applicant-supplied text renders as text: names, codes, ids, findings, file names and batch findings")
    func hostileEscaping() throws {
        let html = try HostileBatch.html()
        #expect(HTMLText.count("<script", in: html) == 1, "only the page's own script")
        #expect(!html.contains("<img") && !html.contains("<b>") && !html.contains("<i>") && !html.contains("<em>") && !html.contains("<u>"))
        #expect(!html.contains("onerror=\"") && !html.contains("' onmouseover='"))
        #expect(html.contains("<td class=\"applicant\">&lt;script&gt;document.title=&#39;pwned-name&#39;&lt;/script&gt;</td>"))
        #expect(html.contains("&quot;quotes&quot; &amp; &lt;b&gt;tags&lt;/b&gt;"))
        #expect(html.contains("data-id=\"x&quot;&gt;&lt;img src=x onerror=&quot;document.title=&#39;pwned-id&#39;&quot;&gt;\""))
        #expect(html.contains("&lt;/td&gt;&lt;/tr&gt;&lt;/tbody&gt;&lt;/table&gt;&lt;script&gt;"))
        #expect(html.contains("{{nonce}}"), "a value is never rendered as a template")
        #expect(html.contains("<span class=\"file\">x&quot;&gt;&lt;img src=x onerror=&quot;document.title=&#39;pwned-id&#39;&quot;&gt;/&lt;script&gt;x&lt;/script&gt;.docx</span>：&lt;em&gt;文件为空&lt;/em&gt;"))
        #expect(html.contains("<dd id=\"generated-at\">&lt;now&gt;</dd>"))
        #expect(html.contains("<td>2023年 第3行</td>"), "CONTRACT's rows count from 0; the page counts from 1")
        #expect(PageRow.all(html).map(\.id) == [HostileBatch.id])
        #expect(html.contains("涉及 <a href=\"#s-1\""), "a listed submission is linked")
        #expect(html.contains("&lt;u&gt;gone&lt;/u&gt;）"), "one that is not is named as text")
    }

    @Test("a hostile id and file name stay inside their path segment of the href")
    func hostileLinks() throws {
        let html = try HostileBatch.html()
        let id = "x%22%3E%3Cimg%20src%3Dx%20onerror%3D%22document.title%3D%27pwned-id%27%22%3E"
        #expect(html.contains("href=\"\(id)/%E5%AE%A1%E6%A0%B8%E6%84%8F%E8%A7%81.docx\""))
        #expect(html.contains("href=\"\(id)/%E7%94%B3%E6%8A%A5%E4%B9%A6%20%231%3Fv%3D2%25-%E6%89%B9%E6%B3%A8.docx\""))
        #expect(html.contains("href=\"\(id)/%E8%B4%A3%E4%BB%BB%E5%A3%B0%E6%98%8E-%E6%89%B9%E6%B3%A8.docx\""), "an XML input's copy is a .docx")
    }

    @Test("an unreadable document gets no marked-up copy link; an empty batch says so")
    func unreadableAndEmpty() throws {
        let hostile = try HostileBatch.summary()
        let entry = try #require(hostile.submissions.first)
        let summary = BatchSummary(submissions: [entry], unreadable: ["\(entry.id)/\(HostileBatch.document): 文件为空（0 字节）"],
                                   batchFindings: [])
        let html = String(decoding: try HTMLReport.render(summary, generatedAt: "now"), as: UTF8.self)
        #expect(!html.contains("%E7%94%B3%E6%8A%A5%E4%B9%A6%20%231%3Fv%3D2%25-%E6%89%B9%E6%B3%A8.docx"))
        #expect(html.contains("%E8%B4%A3%E4%BB%BB%E5%A3%B0%E6%98%8E-%E6%89%B9%E6%B3%A8.docx"))
        #expect(html.contains("无法读取的文件（1 项）"))
        #expect(html.contains("未发现跨申报的重复或雷同情形"))

        let empty = String(decoding: try HTMLReport.render(BatchSummary(submissions: [], unreadable: [], batchFindings: []),
                                                          generatedAt: "now"), as: UTF8.self)
        #expect(empty.contains("本批次没有可审核的申报材料"))
        #expect(PageRow.all(empty).isEmpty)
        for verdict in Verdict.allCases { #expect(HTMLText.verdictCount(verdict, in: empty) == 0) }
    }
}

/// Headless Chromium, when the machine has it (`scripts/check-html` installs it).
enum Browser {
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for name in ["chromium", "chromium-browser"] {
            for directory in directories {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    enum Failure: Error, CustomStringConvertible {
        case timedOut(String), failed(Int32, String)
        var description: String {
            switch self {
            case .timedOut(let url): return "chromium did not finish \(url) within 120 s"
            case .failed(let status, let url): return "chromium exited with \(status) on \(url)"
            }
        }
    }

    /// The DOM after the page's script ran, for `page` opened with `query`.
    static func dumpDOM(_ page: URL, query: String = "") throws -> String {
        guard let path else { throw Failure.failed(-1, "no chromium") }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("dom.html")
        guard FileManager.default.createFile(atPath: output.path, contents: nil) else { throw Failure.failed(-1, output.path) }
        let url = page.absoluteString + (query.isEmpty ? "" : "?" + query)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                             "--user-data-dir=\(work.appendingPathComponent("profile").path)", "--dump-dom", url]
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            throw Failure.timedOut(url)
        }
        guard process.terminationStatus == 0 else { throw Failure.failed(process.terminationStatus, url) }
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }

    /// Writes `html` as summary.html in a fresh folder.
    static func write(_ html: String) throws -> (page: URL, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("html-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = folder.appendingPathComponent("summary.html")
        try Data(html.utf8).write(to: page)
        return (page, folder)
    }
}

@Suite("summary.html in headless Chromium", .serialized,
       .enabled(if: Browser.path != nil, "chromium is not on PATH: the browser checks are skipped (scripts/check-html installs it)"))
struct HTMLReportBrowserTests {
    @Test("the script runs: rows collapse, the count is filled, the verdict counts stand")
    func loads() throws {
        let summary = try FixtureBatch.summary()
        let (page, folder) = try Browser.write(try FixtureBatch.html())
        defer { try? FileManager.default.removeItem(at: folder) }
        let dom = try Browser.dumpDOM(page)
        #expect(dom.contains("<body data-ready=\"true\">"))
        #expect(HTMLText.text(id: "visible-count", in: dom) == String(summary.submissions.count))
        #expect(PageRow.all(dom) == summary.submissions.map { PageRow(id: $0.id, verdict: $0.verdict.rawValue, hidden: false) })
        #expect(HTMLText.count("class=\"detail-row\"", in: dom) == summary.submissions.count)
        #expect(dom.matches(of: /<tr class="detail-row" id="d-\d+" hidden="">/).count == summary.submissions.count, "details start collapsed")
        for verdict in Verdict.allCases {
            #expect(HTMLText.verdictCount(verdict, in: dom) == summary.submissions.filter { $0.verdict == verdict }.count)
        }
        #expect(dom.contains("<title>产业集群申报材料批次审核汇总</title>"))
    }

    @Test("?sort=verdict&filter=reject: rows ordered by verdict, only the rejected shown")
    func sortAndFilter() throws {
        let summary = try FixtureBatch.summary()
        let (page, folder) = try Browser.write(try FixtureBatch.html())
        defer { try? FileManager.default.removeItem(at: folder) }
        let dom = try Browser.dumpDOM(page, query: "sort=verdict&filter=reject")
        #expect(dom.contains("<body data-ready=\"true\">"))
        let rank = { (verdict: Verdict) in Verdict.allCases.firstIndex(of: verdict) ?? 0 }
        // BatchSummary lists by id; a stable sort by verdict keeps that order within a verdict.
        let expected = summary.submissions.enumerated()
            .sorted { (rank($0.element.verdict), $0.offset) < (rank($1.element.verdict), $1.offset) }
            .map { PageRow(id: $0.element.id, verdict: $0.element.verdict.rawValue, hidden: $0.element.verdict != .reject) }
        #expect(PageRow.all(dom) == expected)
        let rejected = summary.submissions.filter { $0.verdict == .reject }.count
        #expect(rejected > 0)
        #expect(HTMLText.text(id: "visible-count", in: dom) == String(rejected))
        #expect(dom.contains("data-filter=\"reject\" aria-pressed=\"true\""))
        #expect(dom.contains("<th scope=\"col\" class=\"c-verdict\" aria-sort=\"ascending\"><button type=\"button\" data-sort=\"verdict\""))
    }

    @Test("?sort=-reject&q=…: descending by rejections, text search over the findings, case-insensitive")
    func searchAndDescending() throws {
        let summary = try FixtureBatch.summary()
        let (page, folder) = try Browser.write(try FixtureBatch.html())
        defer { try? FileManager.default.removeItem(at: folder) }
        let dom = try Browser.dumpDOM(page, query: "sort=-reject")
        let rejects = { (entry: BatchSummary.Entry) in entry.findings.filter { $0.severity == .reject }.count }
        let expected = summary.submissions.enumerated()
            .sorted { (-rejects($0.element), $0.offset) < (-rejects($1.element), $1.offset) }.map(\.element.id)
        #expect(PageRow.all(dom).map(\.id) == expected)

        let withLetters = summary.submissions.first { $0.applicant.uscc?.contains(where: \.isLetter) == true }
        let target = try #require(withLetters)
        let code = try #require(target.applicant.uscc).lowercased()
        let found = try Browser.dumpDOM(page, query: "q=\(code)")
        #expect(PageRow.all(found).filter { !$0.hidden }.map(\.id) == [target.id])
        #expect(HTMLText.text(id: "visible-count", in: found) == "1")

        // A word only in one submission's findings (the duplicate enterprise of the batch check is not in a row).
        let credit = try #require(summary.submissions.first { $0.findings.contains { $0.category == .credit } })
        let query = try #require("公共信用评价等级".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed))
        let byFinding = try Browser.dumpDOM(page, query: "q=\(query)")
        let withCredit = summary.submissions.filter { $0.findings.contains { $0.message.contains("公共信用评价等级") } }.map(\.id)
        #expect(withCredit.contains(credit.id))
        #expect(PageRow.all(byFinding).filter { !$0.hidden }.map(\.id) == withCredit)
    }

    @Test("hostile applicant data is shown, never run: the title stays, no element is injected")
    func hostileNotExecuted() throws {
        let (page, folder) = try Browser.write(try HostileBatch.html())
        defer { try? FileManager.default.removeItem(at: folder) }
        let dom = try Browser.dumpDOM(page, query: "open=all")
        #expect(dom.contains("<body data-ready=\"true\">"), "the page's own script still runs")
        #expect(dom.contains("<title>产业集群申报材料批次审核汇总</title>"))
        #expect(!dom.contains("pwned-name</title>") && !dom.contains("<img"))
        #expect(HTMLText.count("<script", in: dom) == 1)
        #expect(dom.contains("<td class=\"applicant\">&lt;script&gt;document.title='pwned-name'&lt;/script&gt;</td>"))
        #expect(HTMLText.text(id: "visible-count", in: dom) == "1")
        #expect(!dom.contains("hidden=\"\" id=\"d-1\"") && dom.contains("<tr class=\"detail-row\" id=\"d-1\">"), "open=all expands")
    }
}
