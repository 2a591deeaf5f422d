import Foundation
import Testing
import Forms
import OOXML
import Opinion
import Review
import TestSupport

/// Every finding of a reviewed submission is both a row of its opinion and a
/// comment in the marked-up copy of the document it concerns.
@Suite("Opinions and marked-up copies of the fixtures")
struct OpinionOutputTests {
    static let submissions = ["jiangsu-defects", "wuxi-defects", "miit-defects", "sichuan-defects", "ccid-defects", "ccid-incomplete", "jiangsu-clean"]

    @Test("each finding is a row of the opinion and a comment on its document; the conclusion states the verdict", arguments: submissions)
    func everyFindingShows(id: String) throws {
        let library = try FormLibrary.load(directory: Repository.url("forms"))
        let registries = try Registries.load(directory: Repository.url("fixtures/registry"))
        let extractor = Extractor(library: library)
        let source = try #require(try SubmissionLoader.sources([Repository.url("fixtures/submissions/\(id)")]).first)
        let loaded = SubmissionLoader.load(source, extractor: extractor, scheme: nil)
        let review = Reviewer(library: library, registries: registries).review(loaded.submission)

        // The opinion: every check as a row, every finding's message in the table.
        let opinion = OpinionDocument(review: review, definition: review.scheme.flatMap(library.definition(id:)),
                                      library: library, facts: loaded.submission.application?.fields ?? [:], registries: registries)
        let document = try DocxFixture.read(try opinion.builder().package().archiveData(), name: "审核意见.docx")
        let table = try #require(document.allTables.first)
        #expect(table.rows.first?.isHeader == true)
        #expect(table.rows.first?.cells.map(\.text) == ["序号", "审核事项", "申报内容", "审核情况", "依据条款", "结论"])
        #expect(table.rows.count - 1 >= review.checks.count)
        let tableText = table.rows.map { $0.cells.map(\.text).joined(separator: "|") }.joined(separator: "\n")
        for finding in review.findings {
            #expect(tableText.contains(finding.message), "\(id): \(finding.rule) \(finding.field) not in the opinion table")
        }
        let body = document.allParagraphs.map(\.text).joined(separator: "\n")
        let word: String
        switch review.verdict {
        case .pass: word = "同意推荐"
        case .reject: word = "不予推荐"
        case .supplement: word = "补正"
        case .verify: word = "核实"
        }
        #expect(body.contains(word))
        #expect(body.contains("审核人（签字）"))

        // The marked-up copies: every finding a comment, anchors balanced, text unchanged.
        var commented: [String] = []
        for (url, form, _) in loaded.forms {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("opinion-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let written = try #require(try MarkedUpCopy.write(original: url, form: form, review: review, folder: folder))
            let copy = try Data(contentsOf: written)
            let inspection = try CommentInspection(docx: copy)
            #expect(inspection.anchorsBalanced)
            let expected = MarkedUpCopy.findings(review, on: form)
            #expect(inspection.comments.count == expected.count, "\(url.lastPathComponent)")
            commented += inspection.comments.values.map { $0.joined(separator: "\n") }
            let original = try DocumentReader.read(url)
            let annotated = try DocxFixture.read(copy)
            #expect(annotated.allParagraphs.map(\.text) == original.allParagraphs.map(\.text))
        }
        for finding in review.findings {
            #expect(commented.contains { $0.contains(finding.message) }, "\(id): \(finding.rule) \(finding.field) has no comment")
        }
    }

    @Test("a finding on a value is anchored on exactly that value's characters")
    func anchoredOnTheValue() throws {
        let library = try FormLibrary.load(directory: Repository.url("forms"))
        let registries = try Registries.load(directory: Repository.url("fixtures/registry"))
        let source = try #require(try SubmissionLoader.sources([Repository.url("fixtures/submissions/jiangsu-defects")]).first)
        let loaded = SubmissionLoader.load(source, extractor: Extractor(library: library), scheme: nil)
        let review = Reviewer(library: library, registries: registries).review(loaded.submission)
        let (url, form, _) = try #require(loaded.forms.first { $0.form.kind == .application })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anchor-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = try Data(contentsOf: try #require(try MarkedUpCopy.write(original: url, form: form, review: review, folder: folder)))
        let inspection = try CommentInspection(docx: copy)
        let threshold = try #require(inspection.comments.first { $0.value.joined().contains("集群总产值2021年为39.8亿元") })
        #expect(inspection.anchoredText[threshold.key] == "39.8")
        let share = try #require(inspection.comments.first { $0.value.joined().contains("主导产业产值占比2023年申报为82%") })
        #expect(inspection.anchoredText[share.key] == "82")
    }

    /// The batch writes each copy from the trees the reader parsed (each part
    /// parsed once); the copy must be the one a fresh read gives.
    @Test("a copy made from the package as read equals the copy made by reading the file again", arguments: submissions)
    func copyFromTheReadPackage(id: String) throws {
        let library = try FormLibrary.load(directory: Repository.url("forms"))
        let registries = try Registries.load(directory: Repository.url("fixtures/registry"))
        let source = try #require(try SubmissionLoader.sources([Repository.url("fixtures/submissions/\(id)")]).first)
        let loaded = SubmissionLoader.load(source, extractor: Extractor(library: library), scheme: nil)
        let review = Reviewer(library: library, registries: registries).review(loaded.submission)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("once-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var compared = 0
        for (url, form, package) in loaded.forms {
            guard let package else { continue }
            let kept = try Data(contentsOf: try MarkedUpCopy.write(package, named: url.lastPathComponent, form: form,
                                                                   review: review, folder: folder))
            let fresh = try Data(contentsOf: try #require(try MarkedUpCopy.write(
                original: url, form: form, review: review, folder: folder.appendingPathComponent("fresh"))))
            #expect(kept == fresh, "\(id)/\(url.lastPathComponent)")
            compared += 1
        }
        #expect(compared >= 1)
    }

    @Test("outputs are written whole through a renamed temporary file, into folders created on demand")
    func atomicWrites() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("a/b/审核意见.docx")
        let bytes = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try AtomicFile.write(bytes, to: target)
        #expect(try Data(contentsOf: target) == bytes)
        try AtomicFile.write(Data("新".utf8), to: target)
        #expect(try Data(contentsOf: target) == Data("新".utf8))
        try AtomicFile.write(Data(), to: root.appendingPathComponent("a/empty.json"))
        #expect(try Data(contentsOf: root.appendingPathComponent("a/empty.json")).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("a/b").path) == ["审核意见.docx"])
        // A folder that cannot be written: an error naming the file, nothing left behind.
        let locked = root.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        if getuid() != 0 {  // root writes anyway
            #expect(throws: (any Error).self) { try AtomicFile.write(bytes, to: locked.appendingPathComponent("x.docx")) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path).isEmpty)
        }
    }
}

@Suite("The opinion never says a check was made that was not")
struct OpinionRegistryWordingTests {
    static func opinionText(registries: Registries?) throws -> (SubmissionReview, String) {
        let library = try FormLibrary.load(directory: Repository.url("forms"))
        let source = try #require(try SubmissionLoader.sources([Repository.url("fixtures/submissions/jiangsu-clean")]).first)
        let loaded = SubmissionLoader.load(source, extractor: Extractor(library: library), scheme: nil)
        let review = Reviewer(library: library, registries: registries).review(loaded.submission)
        let opinion = OpinionDocument(review: review, definition: review.scheme.flatMap(library.definition(id:)), library: library,
                                      facts: loaded.submission.application?.fields ?? [:], registries: registries)
        let document = try DocxFixture.read(try opinion.builder().package().archiveData(), name: "审核意见.docx")
        return (review, document.allParagraphs.map(\.text).joined(separator: "\n"))
    }

    @Test("with both registries: consulted, named in the basis, 核查未见异常")
    func withRegistries() throws {
        let (review, text) = try Self.opinionText(registries: try Registries.load(directory: Repository.url("fixtures/registry")))
        #expect(review.verdict == .pass)
        #expect(text.contains("及申报通知要求；公共信用评价名单、资质认定名录。"))
        #expect(text.contains("信用及资质核查未见异常，同意推荐。"))
    }

    @Test("without registries: the basis names none, and the conclusion says which checks were not made")
    func withoutRegistries() throws {
        let (review, text) = try Self.opinionText(registries: nil)
        #expect(review.verdict == .pass)
        #expect(!text.contains("核查未见异常"))
        #expect(!text.contains("；公共信用评价名单"))
        #expect(text.contains("因未提供公共信用评价名单、资质认定名录，相应核查未予进行。在该项核查无异常的前提下，同意推荐。"))
    }
}

@Suite("summary.csv as Excel opens it")
struct SummaryCSVTests {
    @Test("a BOM, a header, one row per submission, the verdict as a code and in words, reasons as sentences")
    func rows() throws {
        let library = try FormLibrary.load(directory: Repository.url("forms"))
        let registries = try Registries.load(directory: Repository.url("fixtures/registry"))
        var entries: [BatchSummary.Entry] = []
        for id in ["jiangsu-clean", "jiangsu-defects", "ccid-incomplete"] {
            let source = try #require(try SubmissionLoader.sources([Repository.url("fixtures/submissions/\(id)")]).first)
            let loaded = SubmissionLoader.load(source, extractor: Extractor(library: library), scheme: nil)
            entries.append(BatchSummary.Entry(Reviewer(library: library, registries: registries).review(loaded.submission)))
        }
        let data = SummaryWriter.csv(BatchSummary(submissions: entries, unreadable: [], batchFindings: []))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let lines = text.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("编号 id,申报类别 scheme,"))
        #expect(lines[0].hasSuffix(",审核意见 conclusion"))
        #expect(lines[1].hasPrefix("ccid-incomplete,") && lines[1].hasSuffix(",请补正"))
        #expect(lines[2].hasPrefix("jiangsu-clean,") && lines[2].contains(",pass,") && lines[2].hasSuffix(",,同意推荐"))
        #expect(lines[3].hasPrefix("jiangsu-defects,") && lines[3].contains(",reject,") && lines[3].hasSuffix("。,不予推荐"))
        #expect(!text.contains("。；"))
    }
}

@Suite("--date, the review date")
struct ReviewDateTests {
    @Test("registry validity is judged on --date when given, else on the application's own date")
    func validityOnReviewDate() throws {
        let library = try FormLibrary.load(directory: Repository.url("forms"))
        let registries = try Registries.load(directory: Repository.url("fixtures/registry"))
        let source = try #require(try SubmissionLoader.sources([Repository.url("fixtures/submissions/miit-clean")]).first)
        let loaded = SubmissionLoader.load(source, extractor: Extractor(library: library), scheme: nil)
        let onApplication = Reviewer(library: library, registries: registries).review(loaded.submission)
        #expect(onApplication.verdict == .pass)
        let later = Reviewer(library: library, registries: registries, reviewDate: CalendarDate(iso: "2030-01-01"))
            .review(loaded.submission)
        #expect(later.findings.contains { $0.category == .certificate }, "certificates expired by 2030 are not valid on that review date")
    }
}
