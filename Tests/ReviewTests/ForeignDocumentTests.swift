import Foundation
import Testing
import Forms
import OOXML
@testable import Opinion
import Review
import TestSupport

/// Clean applications typed by other hands (python-docx,
/// `scripts/foreign-layout.py`): Jiangsu with 4-column rows, 标签：值
/// paragraphs with full-width digits, a year table in 万元 with a unit column,
/// a 是/否 checklist and lists in their own column order; Wuxi with a choice
/// among another edition's options, a merged row, a 是/否 table of rules and
/// its 服务能力 sections as headings with paragraphs under them; the CCID
/// self-assessment with √ among boxes, 是/否 tables and lists headed in its
/// own words.
@Suite("Documents laid out by another office")
struct ForeignDocumentTests {
    static let file = "fixtures/real/江苏申报书-python-docx.docx"
    static let cases: [(file: String, data: String, scheme: String, clean: String)] = [
        ("fixtures/real/江苏申报书-python-docx.docx", "jiangsu-clean.json", "jiangsu-sme-cluster", "jiangsu-clean"),
        // Typed with Jiangsu's wording of the negative list (重大, 是否): Sichuan's form says 较大.
        ("fixtures/real/四川申报书-python-docx.docx", "sichuan-clean.json", "sichuan-sme-cluster", "sichuan-clean"),
        ("fixtures/real/国家级集群申报书-python-docx.docx", "miit-clean.json", "miit-sme-cluster", "miit-clean"),
        ("fixtures/real/无锡申报书-python-docx.docx", "wuxi-clean.json", "wuxi-promotion-agency", "wuxi-clean"),
        ("fixtures/real/促进组织自评表-python-docx.docx", "ccid-clean.json", "ccid-promotion-org", "ccid-clean"),
    ]

    static func expected(_ data: String, scheme: String) throws -> [String: FieldValue] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: Repository.url("fixtures/data/\(data)"))) as? [String: Any]
        let document = try #require((object?["documents"] as? [[String: Any]])?.first)
        let definition = try #require(try ReviewLibraries.real.get().definition(id: scheme))
        let single = try JSONSerialization.data(withJSONObject: ["fields": document["fields"] ?? [:]])
        return try FormData.decode(single, file: data, definition: definition, kind: .application)
    }

    /// The document with `old` replaced by `new` in its body.
    static func planted(_ old: String, _ new: String, in file: String = file) throws -> Data {
        try planted([(old, new)], in: file)
    }

    /// The document with each `old` (occurring once) replaced by its `new`.
    static func planted(_ replacements: [(old: String, new: String)], in file: String = file) throws -> Data {
        guard case .word(let package) = try DocumentReader.open(Repository.url(file)) else { throw ReadError.emptyFile(file: file) }
        var writer = PackageWriter()
        for name in package.partNames {
            var data = try package.data(of: name)
            if name == "/word/document.xml" {
                var xml = String(decoding: data, as: UTF8.self)
                for (old, new) in replacements {
                    #expect(xml.components(separatedBy: old).count == 2, "“\(old)” must occur once")
                    xml = xml.replacingOccurrences(of: old, with: new)
                }
                data = Data(xml.utf8)
            }
            writer.add(name, data)
        }
        return try writer.archiveData()
    }

    static func review(application: Data, clean: String = "jiangsu-clean", declaration: Data? = nil) throws -> (SubmissionReview, LoadedSubmission) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("foreign-\(UUID().uuidString)/sub")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try application.write(to: folder.appendingPathComponent("申报书.docx"))
        if let declaration {
            try declaration.write(to: folder.appendingPathComponent("责任声明.docx"))
        } else {
            try FileManager.default.copyItem(at: Repository.url("fixtures/submissions/\(clean)/责任声明.docx"),
                                             to: folder.appendingPathComponent("责任声明.docx"))
        }
        let library = try ReviewLibraries.real.get()
        let source = try #require(try SubmissionLoader.sources([folder]).first)
        let loaded = SubmissionLoader.load(source, extractor: Extractor(library: library), scheme: nil)
        let reviewer = Reviewer(library: library, registries: try Registries.load(directory: Repository.url("fixtures/registry")))
        return (reviewer.review(loaded.submission), loaded)
    }

    @Test("every field is read as the data it was typed from, and the clean application passes",
          arguments: cases.map(\.file))
    func readAndPassed(file: String) throws {
        let entry = try #require(Self.cases.first { $0.file == file })
        let (review, loaded) = try Self.review(application: try Data(contentsOf: Repository.url(file)), clean: entry.clean)
        let application = try #require(loaded.submission.application)
        #expect(application.scheme == entry.scheme)
        #expect(application.problems.isEmpty, "\(application.problems)")
        let expected = try Self.expected(entry.data, scheme: entry.scheme)
        for id in Set(expected.keys).union(application.fields.keys).sorted() {
            #expect(application.fields[id] == expected[id], "\(file) field \(id)")
        }
        #expect(review.verdict == .pass, "\(review.findings.map(\.message))")
    }

    @Test("an error planted in the foreign layout is found and commented on the very value")
    func plantedErrors() throws {
        // 集群总产值 2021, typed in 万元, just under the 40 亿元 bound.
        let data = try Self.planted(">400,000<", ">399,999<")
        let (review, loaded) = try Self.review(application: data)
        let threshold = try #require(review.findings.first { $0.field == "total_output" && $0.year == 2021 })
        #expect(threshold.category == .threshold)
        let (_, form, package) = try #require(loaded.forms.first { $0.form.kind == .application })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("foreign-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = try MarkedUpCopy.write(try #require(package), named: "申报书.docx", form: form, review: review, folder: folder)
        let inspection = try CommentInspection(docx: try Data(contentsOf: copy))
        let comment = try #require(inspection.comments.first { $0.value.joined().contains(threshold.message) })
        #expect(inspection.anchoredText[comment.key] == "399,999")
    }

    @Test("a national declaration that names the scheme as the policy does (中小企业特色产业集群, no 国家级) is read and passes")
    func nationalDeclarationWithoutLevel() throws {
        let declaration = "fixtures/submissions/miit-clean/责任声明.docx"
        let data = try Self.planted("申报国家级中小企业特色产业集群", "自愿申报中小企业特色产业集群", in: declaration)
        let form = try Extractor(library: try ReviewLibraries.real.get()).extract(try DocxFixture.read(data, name: "责任声明.docx"))
        #expect(form.scheme == "miit-sme-cluster")
        #expect(form.kind == .declaration)
        let (review, loaded) = try Self.review(application: try Data(contentsOf: Repository.url("fixtures/submissions/miit-clean/申报书.docx")),
                                               declaration: data)
        #expect(loaded.unreadable.isEmpty)
        #expect(review.verdict == .pass, "\(review.findings.map(\.message))")
    }

    @Test("a provincial declaration citing its policy (江苏省促进中小企业特色产业集群发展管理办法) is the province's, not the national scheme's")
    func provincialDeclarationByPolicy() throws {
        let declaration = "fixtures/submissions/jiangsu-clean/责任声明.docx"
        let data = try Self.planted("自愿申报江苏省中小企业特色产业集群", "自愿申报中小企业特色产业集群", in: declaration)
        let form = try Extractor(library: try ReviewLibraries.real.get()).extract(try DocxFixture.read(data, name: "责任声明.docx"))
        #expect(form.scheme == "jiangsu-sme-cluster")
    }

    @Test("a declaration naming no scheme at all is read with its application's scheme, not refused")
    func declarationNamingNoScheme() throws {
        let declaration = "fixtures/submissions/jiangsu-clean/责任声明.docx"
        let data = try Self.planted([("自愿申报江苏省中小企业特色产业集群", "自愿申报特色产业集群"),
                                     ("《江苏省促进中小企业特色产业集群发展管理办法》第七条", "有关办法")], in: declaration)
        #expect(throws: ExtractionError.unknownScheme(file: "责任声明.docx")) {
            try Extractor(library: try ReviewLibraries.real.get()).extract(try DocxFixture.read(data, name: "责任声明.docx"))
        }
        let (review, loaded) = try Self.review(application: try Data(contentsOf: Repository.url("fixtures/submissions/jiangsu-clean/申报书.docx")),
                                               declaration: data)
        #expect(loaded.unreadable.isEmpty)
        #expect(loaded.submission.declaration?.scheme == "jiangsu-sme-cluster")
        #expect(review.verdict == .pass, "\(review.findings.map(\.message))")

        // A document that is no form at all (a cover letter) is not taken for one.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("letter-\(UUID().uuidString)/sub")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.url("fixtures/submissions/jiangsu-clean/申报书.docx"),
                                         to: folder.appendingPathComponent("申报书.docx"))
        try data.write(to: folder.appendingPathComponent("责任声明.docx"))
        try DocxFixture.docx(body: DocxFixture.p(DocxFixture.r("关于推荐吴中区机器人产业集群的函"))).write(to: folder.appendingPathComponent("推荐函.docx"))
        let withLetter = SubmissionLoader.load(try #require(try SubmissionLoader.sources([folder]).first),
                                               extractor: Extractor(library: try ReviewLibraries.real.get()), scheme: nil)
        #expect(withLetter.unreadable.map(\.file) == ["sub/推荐函.docx"])
        #expect(withLetter.unreadable.first?.reason == "无法从标题识别申报类别，请用 --scheme 指定")
        #expect(withLetter.submission.declaration?.scheme == "jiangsu-sme-cluster")
    }

    @Test("a finding with no place goes on the title the reader recognised, not on a 附件1 line above it")
    func noPlaceOnTitle() throws {
        let data = try Self.planted("<w:body>", "<w:body><w:p><w:r><w:t>附件1</w:t></w:r></w:p>")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notitle-\(UUID().uuidString)/sub")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try data.write(to: folder.appendingPathComponent("申报书.docx"))
        let library = try ReviewLibraries.real.get()
        let loaded = SubmissionLoader.load(try #require(try SubmissionLoader.sources([folder]).first),
                                           extractor: Extractor(library: library), scheme: nil)
        let review = Reviewer(library: library, registries: nil).review(loaded.submission)
        let application = try #require(loaded.submission.application)
        let onApplication = MarkedUpCopy.findings(review, on: application)
        let index = try #require(onApplication.firstIndex { $0.field == "declaration" }, "no declaration: a missing finding")
        let annotation = MarkedUpCopy.annotations(review, on: application)[index]
        let title = try #require(application.titleLocation.first)
        #expect(annotation.spans == title.runs)
        let document = try DocxFixture.read(data, name: "申报书.docx")
        #expect(document.allParagraphs[0].text == "附件1")
        #expect(title.paragraph == document.allParagraphs[1].path)
    }

    @Test("values down a column get their comment on the first row's value; values along one row, one comment over them")
    func commentSpansByRow() {
        func location(_ steps: [PathStep], run: Int) -> ValueLocation {
            ValueLocation(part: "/word/document.xml", paragraph: BlockPath(part: "/word/document.xml", steps: steps),
                          range: 0..<4, runs: [RunSpan(run: run, start: 0, end: 4)])
        }
        let column = [location([.table(0), .row(1), .cell(1), .paragraph(0)], run: 10),
                      location([.table(0), .row(2), .cell(1), .paragraph(0)], run: 20),
                      location([.table(0), .row(3), .cell(1), .paragraph(0)], run: 30)]
        #expect(MarkedUpCopy.commentSpans(column) == [RunSpan(run: 10, start: 0, end: 4)])
        let row = [location([.table(0), .row(1), .cell(1), .paragraph(0)], run: 10),
                   location([.table(0), .row(1), .cell(2), .paragraph(0)], run: 11)]
        #expect(MarkedUpCopy.commentSpans(row) == nil)
        let paragraphs = [location([.paragraph(3)], run: 5), location([.paragraph(4)], run: 6)]
        #expect(MarkedUpCopy.commentSpans(paragraphs) == nil)
    }
}
