import Foundation
import Testing
import OOXML
import TestSupport

private typealias F = DocxFixture

private func documentPart(_ xml: String) throws -> Data {
    var writer = PackageWriter()
    writer.add("[Content_Types].xml", xml: F.contentTypes)
    writer.add("_rels/.rels", xml: F.packageRelationships)
    writer.add("word/document.xml", xml: xml)
    return try writer.archiveData()
}

/// The reader's error for `data` opened and read as a Word document, nil
/// when it reads; shared by the tests of hostile and oversized input.
func readError(_ data: Data, limits: ReadLimits = .standard, name: String = "bad.docx") -> ReadError? {
    do {
        switch try DocumentReader.open(data: data, displayName: name, limits: limits) {
        case .word(let package): _ = try DocumentReader.read(package)
        case .xml: return nil
        }
        return nil
    } catch let error as ReadError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

@Suite("Hostile and broken input is refused with a clear message")
struct HostileInputTests {
    @Test("an OLE compound file (encrypted .docx or old .doc) is named as such")
    func oleCompoundFile() {
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        let error = readError(ole, name: "申报书.docx")
        #expect(error == .oleCompoundFile(file: "申报书.docx"))
        #expect(error?.localizedDescription == "申报书.docx：加密文档或旧版 .doc 格式，请另存为 .docx")
    }

    @Test("empty files, PDFs, random bytes and truncated zips are each named")
    func notPackages() throws {
        #expect(readError(Data()) == .emptyFile(file: "bad.docx"))
        #expect(readError(Data("%PDF-1.7\n".utf8)) == .otherFormat(file: "bad.docx", format: "PDF 文件"))
        #expect(readError(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 13) })) == .notZip(file: "bad.docx", reason: "文件头不是 ZIP 或 XML"))
        let whole = try F.docx(body: F.p(F.r("正文")))
        let truncated = whole.prefix(whole.count / 2)
        guard case .notZip? = readError(Data(truncated)) else {
            Issue.record("a truncated zip must be reported as not a valid zip")
            return
        }
    }

    @Test("a zip without the main document part names the missing part")
    func missingDocumentPart() throws {
        var writer = PackageWriter()
        writer.add("[Content_Types].xml", xml: F.contentTypes)
        writer.add("_rels/.rels", xml: F.packageRelationships)
        writer.add("word/styles.xml", xml: "<x/>")
        #expect(readError(try writer.archiveData()) == .missingPart(file: "bad.docx", part: "word/document.xml"))
    }

    @Test("a zip bomb stops at the part-size limit whether or not its headers admit the size")
    func zipBomb() throws {
        let limits = ReadLimits(maxPartBytes: 1 << 20)
        let honest = try F.bomb(actualBytes: 8 << 20)
        #expect(readError(honest, limits: limits) == .limitExceeded(file: "bad.docx word/document.xml", limit: .partSize, value: 1 << 20))
        let lying = try F.bomb(actualBytes: 8 << 20, declaredBytes: 1000)
        #expect(readError(lying, limits: limits) == .limitExceeded(file: "bad.docx word/document.xml", limit: .partSize, value: 1 << 20))
    }

    @Test("a part inflating far beyond its compressed size breaks the ratio limit")
    func compressionRatio() throws {
        let limits = ReadLimits(maxCompressionRatio: 50, ratioFloorBytes: 1 << 20)
        let bomb = try F.bomb(actualBytes: 4 << 20)
        #expect(readError(bomb, limits: limits) == .limitExceeded(file: "bad.docx word/document.xml", limit: .compressionRatio, value: 50))
    }

    @Test("too many zip entries are refused before they are read")
    func tooManyEntries() throws {
        var writer = PackageWriter()
        writer.add("[Content_Types].xml", xml: F.contentTypes)
        writer.add("_rels/.rels", xml: F.packageRelationships)
        writer.add("word/document.xml", xml: F.documentXML(body: F.p(F.r("x"))))
        for index in 0..<40 { writer.add("junk/\(index).txt", Data("x".utf8), compress: false) }
        #expect(readError(try writer.archiveData(), limits: ReadLimits(maxEntries: 30)) == .limitExceeded(file: "bad.docx", limit: .zipEntries, value: 30))
    }

    @Test("entry names that climb out of the package are never used as part names")
    func traversalNames() throws {
        var writer = PackageWriter()
        writer.add("[Content_Types].xml", xml: F.contentTypes)
        writer.add("_rels/.rels", xml: F.packageRelationships)
        writer.add("../../word/document.xml", xml: F.documentXML(body: F.p(F.r("越界"))))
        #expect(readError(try writer.archiveData()) == .missingPart(file: "bad.docx", part: "word/document.xml"))
    }

    @Test("billion laughs: a DTD with entities is refused at once")
    func billionLaughs() throws {
        var entities = "<!ENTITY lol \"lol\">"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE w:document [\(entities)]><w:document \(F.namespaces)><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
        let started = Date()
        #expect(readError(try documentPart(xml)) == .forbiddenDTD(file: "bad.docx word/document.xml"))
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test("an external entity is never resolved and its target never appears in any output")
    func externalEntity() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><w:document \(F.namespaces)><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
        let error = readError(try documentPart(xml))
        #expect(error == .forbiddenDTD(file: "bad.docx word/document.xml"))
        let message = error.map { $0.localizedDescription } ?? ""
        #expect(message.contains("root:") == false)
        #expect(message.contains("DTD"))
    }

    @Test("very deep nesting stops at the depth limit")
    func deepNesting() throws {
        let depth = 5000
        let xml = "<?xml version=\"1.0\"?><w:document \(F.namespaces)><w:body><w:p>" + String(repeating: "<w:hyperlink>", count: depth) + String(repeating: "</w:hyperlink>", count: depth) + "</w:p></w:body></w:document>"
        #expect(readError(try documentPart(xml)) == .limitExceeded(file: "bad.docx word/document.xml", limit: .elementDepth, value: 256))
    }

    @Test("XML that is not well-formed names the part and line")
    func malformed() throws {
        let xml = "<?xml version=\"1.0\"?>\n<w:document \(F.namespaces)>\n<w:body><w:p></w:body></w:document>"
        guard case .malformedXML(let file, let line, _)? = readError(try documentPart(xml)) else {
            Issue.record("expected a malformed-XML error")
            return
        }
        #expect(file == "bad.docx word/document.xml")
        #expect(line == 3)
    }

    @Test("what is wrong with the XML is said in Chinese, with the line", arguments: [
        ("<w:body><w:p></w:body>", 3, "开始标签与结束标签不一致"),
        ("<w:body><w:p><w:r><w:t>研发 & 生产</w:t></w:r></w:p></w:body>", 3, "“&”未写作实体引用（应为 &amp;）"),
        ("<w:body><w:p w:rsidR=\"1\" w:rsidR=\"2\"/></w:body>", 3, "同一元素的属性重复"),
        ("<w:body><w:p><w:r><w:t>集群", 3, "元素未闭合，文件可能不完整"),
    ])
    func malformedInChinese(body: String, line: Int, reason: String) throws {
        let xml = "<?xml version=\"1.0\"?>\n<w:document \(F.namespaces)>\n\(body)" + (body.hasSuffix("</w:body>") ? "</w:document>" : "")
        let error = readError(try documentPart(xml))
        #expect(error == .malformedXML(file: "bad.docx word/document.xml", line: line, reason: reason))
        #expect(error?.errorDescription == "bad.docx word/document.xml 第\(line)行：XML 格式错误（\(reason)）")
    }

    @Test("a file is opened read-only and left byte-identical")
    func readOnly() throws {
        let data = try F.docx(body: F.p(F.r("原件")))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("readonly-\(UUID().uuidString).docx")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: url.path)
        let document = try DocumentReader.read(url)
        #expect(document.allParagraphs.map(\.text) == ["原件"])
        #expect(try Data(contentsOf: url) == data)
    }
}
