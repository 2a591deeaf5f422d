import Foundation
import Testing
import OOXML
import TestSupport

private typealias F = DocxFixture

private let wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
private let relationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/// Opens package bytes.
private func package(_ data: Data, name: String = "申报书.docx") throws -> OPCPackage {
    guard case .word(let package) = try DocumentReader.open(data: data, displayName: name) else {
        throw ReadError.notWordDocument(file: name, contentType: "XML")
    }
    return package
}

/// Every visible text of a document: body paragraphs, then side parts.
private func texts(_ document: WordDocument) -> [String] {
    document.allParagraphs.map(\.text) + document.sideParts.flatMap { $0.blocks.map(\.text) }
}

/// A remark on the first occurrence of `needle` in body paragraph `index`.
private func remark(_ document: WordDocument, paragraph index: Int, _ needle: String,
                    _ colour: Annotation.Colour = .red, text: String = "意见") throws -> Annotation {
    let paragraph = document.allParagraphs[index]
    let found = try #require(paragraph.text.range(of: needle), "«\(needle)» not in «\(paragraph.text)»")
    let start = paragraph.text.unicodeScalars.distance(from: paragraph.text.startIndex, to: found.lowerBound)
    let range = start..<(start + needle.unicodeScalars.count)
    return Annotation(paragraph: paragraph, range: range, text: text, colour: colour)
}

/// An annotated copy and what a reader sees of it.
private struct Annotated {
    let original: OPCPackage
    let copy: Data
    let seen: CommentInspection
    let originalParts: [String: Data]

    init(_ data: Data, date: String? = "2024-05-01", _ annotations: (WordDocument) throws -> [Annotation]) throws {
        let document = try F.read(data)
        let list = try annotations(document)
        original = try package(data)
        var parts: [String: Data] = [:]
        for name in original.partNames { parts[name] = try original.data(of: name) }
        originalParts = parts
        copy = try AnnotatedCopy.write(original, annotations: list, date: date)
        seen = try CommentInspection(docx: copy)
        try keepSample(copy, name: "unit-\(UUID().uuidString.prefix(8))")
    }

    /// The new comment ids, ascending.
    var ids: [Int] { seen.starts.keys.sorted() }

    /// The copy's document part as text.
    var documentXML: String { String(decoding: seen.parts["/word/document.xml"] ?? Data(), as: UTF8.self) }

    /// Checks what holds for every copy: balanced anchors with ids Word
    /// accepts, the same visible text, every original part present in its
    /// order, and the parts that had no reason to change unchanged.
    func expectFaithful(changed: Set<String> = ["/word/document.xml", "/word/_rels/document.xml.rels", "/[Content_Types].xml"],
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(seen.anchorsBalanced, sourceLocation: sourceLocation)
        #expect(seen.starts.keys.allSatisfy { $0 >= 0 && $0 < 0x8000_0000 }, sourceLocation: sourceLocation)
        #expect(texts(try F.read(copy)) == texts(try F.read(try annotatedOriginalBytes())), sourceLocation: sourceLocation)
        if original.format == .zip {
            #expect(Array(seen.partOrder.prefix(original.partNames.count)) == original.partNames, sourceLocation: sourceLocation)
        }
        for name in original.partNames where !changed.contains(name) {
            #expect(seen.parts[name] == originalParts[name], "\(name) changed", sourceLocation: sourceLocation)
        }
    }

    private func annotatedOriginalBytes() throws -> Data {
        var writer = PackageWriter()
        if original.format == .flatOPC {
            // The reader reads a Flat OPC package from its XML; rebuild it as a zip.
            writer.add("[Content_Types].xml", xml: F.contentTypes)
        }
        for name in original.partNames { writer.add(name, originalParts[name] ?? Data()) }
        return try writer.archiveData()
    }
}

/// Keeps `copy` in the folder named by ANNOTATION_SAMPLES, when set, for
/// `scripts/check-docx-opens` to try in LibreOffice.
private func keepSample(_ copy: Data, name: String) throws {
    guard let folder = ProcessInfo.processInfo.environment["ANNOTATION_SAMPLES"] else { return }
    try copy.write(to: URL(fileURLWithPath: folder).appendingPathComponent("\(name).docx"))
}

/// A package with a styles part and, optionally, comments already in it.
private func docx(body: String, styles: Bool = false, comments: String? = nil) throws -> Data {
    var writer = PackageWriter()
    var overrides = ""
    var relationships = ""
    if styles {
        overrides += "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        relationships += "<Relationship Id=\"rId1\" Type=\"\(relationshipBase)styles\" Target=\"styles.xml\"/>"
    }
    if comments != nil {
        overrides += "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>"
        relationships += "<Relationship Id=\"rId2\" Type=\"\(relationshipBase)comments\" Target=\"comments.xml\"/>"
    }
    writer.add("[Content_Types].xml", xml: F.contentTypes.replacingOccurrences(of: "</Types>", with: overrides + "</Types>"))
    writer.add("_rels/.rels", xml: F.packageRelationships)
    writer.add("word/document.xml", xml: F.documentXML(body: body))
    writer.add("word/_rels/document.xml.rels", xml: """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relationships)</Relationships>
        """)
    if styles {
        writer.add("word/styles.xml", xml: """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="\(wordNS)">\
            <w:style w:type="paragraph" w:styleId="a5"><w:name w:val="annotation text"/></w:style>\
            <w:style w:type="character" w:styleId="a6"><w:name w:val="annotation reference"/></w:style>\
            </w:styles>
            """)
    }
    if let comments {
        writer.add("word/comments.xml", xml: "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:comments xmlns:w=\"\(wordNS)\">\(comments)</w:comments>")
    }
    return try writer.archiveData()
}

private func count(_ needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}

@Suite("Annotated copy: comments on exactly the offending characters")
struct AnnotatedCopyTests {
    @Test("a remark inside one run splits it in three, each piece keeping the run's formatting")
    func insideOneRun() throws {
        let data = try F.docx(body: F.p("<w:r><w:rPr><w:b/></w:rPr><w:t>集群总产值41.5亿元</w:t></w:r>"))
        let result = try Annotated(data) { [try remark($0, paragraph: 0, "41.5", text: "总产值低于 40 亿元")] }
        try result.expectFaithful()
        let id = try #require(result.ids.first)
        #expect(result.seen.anchoredText[id] == "41.5")
        #expect(result.seen.highlighted == ["red": ["41.5"]])
        #expect(result.seen.comments[id] == ["总产值低于 40 亿元"])
        #expect(count("<w:b/>", in: result.documentXML) == 3)
        #expect(count("<w:r>", in: result.documentXML) + count("<w:r ", in: result.documentXML) == 4)
    }

    @Test("a remark across three runs highlights the tail of the first, all of the second, the head of the third")
    func acrossThreeRuns() throws {
        let data = try F.docx(body: F.p(F.r("集群总"), F.r("产值"), F.r("41.5亿元")))
        let result = try Annotated(data) { [try remark($0, paragraph: 0, "总产值41", .yellow)] }
        try result.expectFaithful()
        let id = try #require(result.ids.first)
        #expect(result.seen.anchoredText[id] == "总产值41")
        #expect(result.seen.highlighted == ["yellow": ["总产值41"]])
        #expect(result.seen.containers[id]?.start == "p")
    }

    @Test("a split falls at the right scalar offset across several w:t and w:tab children, spaces preserved")
    func splitAcrossChildren() throws {
        let data = try F.docx(body: F.p("<w:r><w:t>A😀</w:t><w:tab/><w:t xml:space=\"preserve\"> CD </w:t><w:br/><w:t>E</w:t></w:r>"))
        let result = try Annotated(data) { [try remark($0, paragraph: 0, "😀\t C", .blue)] }
        try result.expectFaithful()
        let id = try #require(result.ids.first)
        #expect(result.seen.anchoredText[id] == "😀\t C")
        #expect(result.seen.highlighted == ["cyan": ["😀\t C"]])
        #expect(result.documentXML.contains("<w:t xml:space=\"preserve\">D </w:t>"))
    }

    @Test("a remark reaching into a hyperlink and a tracked insertion keeps its anchors beside their runs")
    func hyperlinkAndInsertion() throws {
        let data = try F.docx(body: F.p(
            F.r("产值"),
            "<w:hyperlink r:id=\"rId9\">\(F.r("41"))</w:hyperlink>",
            "<w:ins w:id=\"1\" w:author=\"a\" w:date=\"2024-01-01T00:00:00Z\">\(F.r(".5亿"))</w:ins>",
            F.r("元")))
        let result = try Annotated(data) { document in
            [try remark(document, paragraph: 0, "值41.5"),
             try remark(document, paragraph: 0, "41", .yellow),
             try remark(document, paragraph: 0, "5亿", .blue)]
        }
        try result.expectFaithful()
        let ids = result.ids
        try #require(ids.count == 3)
        #expect(result.seen.anchoredText[ids[0]] == "值41.5")
        #expect(result.seen.anchoredText[ids[1]] == "41")
        #expect(result.seen.anchoredText[ids[2]] == "5亿")
        #expect(result.seen.containers[ids[0]]?.start == "p")
        #expect(result.seen.containers[ids[0]]?.end == "ins")
        #expect(result.seen.containers[ids[1]]?.start == "hyperlink")
        #expect(result.seen.containers[ids[1]]?.end == "hyperlink")
        #expect(result.seen.containers[ids[2]]?.start == "ins")
        // Reference runs sit at paragraph level, outside the link and the insertion.
        #expect(ids.allSatisfy { result.seen.containers[$0]?.reference == "p" })
        // Red wins where the remarks overlap.
        #expect(result.seen.highlighted == ["red": ["值41.5"], "cyan": ["亿"]])
    }

    @Test("remarks inside a content control and a simple field")
    func contentControlAndField() throws {
        let data = try F.docx(body: F.p(
            F.r("名称："),
            "<w:sdt><w:sdtPr><w:tag w:val=\"name\"/></w:sdtPr><w:sdtContent>\(F.r("苏州纳米集群"))</w:sdtContent></w:sdt>",
            "<w:fldSimple w:instr=\" PAGE \">\(F.r("12"))</w:fldSimple>"))
        let result = try Annotated(data) { document in
            [try remark(document, paragraph: 0, "纳米"), try remark(document, paragraph: 0, "2", .yellow)]
        }
        try result.expectFaithful()
        let ids = result.ids
        #expect(result.seen.anchoredText[ids[0]] == "纳米")
        #expect(result.seen.containers[ids[0]]?.start == "sdtContent")
        #expect(result.seen.anchoredText[ids[1]] == "2")
        #expect(result.seen.containers[ids[1]]?.start == "fldSimple")
        #expect(result.seen.containers[ids[1]]?.reference == "p")
    }

    @Test("a remark in a table cell")
    func tableCell() throws {
        let data = try F.docx(body: """
            <w:tbl><w:tr><w:tc><w:p>\(F.r("营业收入（亿元）"))</w:p></w:tc><w:tc><w:p>\(F.r("38.2"))</w:p></w:tc></w:tr>\
            <w:tr><w:tc><w:p>\(F.r("企业数"))</w:p></w:tc><w:tc><w:p>\(F.r("56"))</w:p></w:tc></w:tr></w:tbl>
            """)
        let result = try Annotated(data) { [try remark($0, paragraph: 3, "56", .yellow)] }
        try result.expectFaithful()
        let id = try #require(result.ids.first)
        #expect(result.seen.anchoredText[id] == "56")
        #expect(result.seen.highlighted == ["yellow": ["56"]])
        #expect(result.documentXML.contains("<w:tc><w:p><w:commentRangeStart w:id=\"\(id)\"/><w:r><w:rPr><w:highlight w:val=\"yellow\"/></w:rPr><w:t xml:space=\"preserve\">56</w:t></w:r><w:commentRangeEnd w:id=\"\(id)\"/>"))
    }

    @Test("a remark on a whole run does not split it")
    func wholeRun() throws {
        let data = try F.docx(body: F.p(F.r("集群名称："), F.r("苏州纳米集群")))
        let result = try Annotated(data) { [try remark($0, paragraph: 0, "苏州纳米集群")] }
        try result.expectFaithful()
        #expect(result.seen.anchoredText[try #require(result.ids.first)] == "苏州纳米集群")
        // Two runs of text and the reference run.
        #expect(count("<w:r>", in: result.documentXML) == 3)
    }

    @Test("highlight goes in its place in w:rPr, replacing one already there")
    func highlightOrder() throws {
        let data = try F.docx(body: F.p(
            "<w:r><w:rPr><w:rStyle w:val=\"x\"/><w:b/><w:color w:val=\"FF0000\"/><w:sz w:val=\"24\"/><w:u w:val=\"single\"/><w:lang w:eastAsia=\"zh-CN\"/></w:rPr><w:t>甲</w:t></w:r>",
            "<w:r><w:rPr><w:highlight w:val=\"green\"/></w:rPr><w:t>乙</w:t></w:r>"))
        let result = try Annotated(data) { [try remark($0, paragraph: 0, "甲乙", .yellow)] }
        try result.expectFaithful()
        #expect(result.documentXML.contains("<w:sz w:val=\"24\"/><w:highlight w:val=\"yellow\"/><w:u w:val=\"single\"/>"))
        #expect(!result.documentXML.contains("green"))
        #expect(result.seen.highlighted == ["yellow": ["甲乙"]])
    }

    @Test("two overlapping remarks each anchor their own characters; the more serious colour shows where they meet")
    func overlapping() throws {
        let data = try F.docx(body: F.p(F.r("集群总产值41.5亿元")))
        let result = try Annotated(data) { document in
            [try remark(document, paragraph: 0, "41.5亿元", .yellow, text: "核实"),
             try remark(document, paragraph: 0, "总产值41.5", .red, text: "不符")]
        }
        try result.expectFaithful()
        let ids = result.ids
        try #require(ids.count == 2)
        #expect(result.seen.anchoredText[ids[0]] == "41.5亿元")
        #expect(result.seen.anchoredText[ids[1]] == "总产值41.5")
        #expect(result.seen.comments[ids[0]] == ["核实"])
        #expect(result.seen.comments[ids[1]] == ["不符"])
        #expect(result.seen.highlighted == ["red": ["总产值41.5"], "yellow": ["亿元"]])
    }

    @Test("two remarks on the same characters nest their anchors in order")
    func sameCharacters() throws {
        let data = try F.docx(body: F.p(F.r("产值41.5")))
        let result = try Annotated(data) { document in
            [try remark(document, paragraph: 0, "41.5", .blue), try remark(document, paragraph: 0, "41.5", .yellow)]
        }
        try result.expectFaithful()
        #expect(result.ids.allSatisfy { result.seen.anchoredText[$0] == "41.5" })
        // Supplement (blue, drawn cyan) outranks verify (yellow), as in the verdicts.
        #expect(result.seen.highlighted == ["cyan": ["41.5"]])
        #expect(result.documentXML.contains("<w:commentRangeEnd w:id=\"0\"/><w:commentRangeEnd w:id=\"1\"/><w:r><w:commentReference w:id=\"0\"/></w:r><w:r><w:commentReference w:id=\"1\"/></w:r>"))
    }

    @Test("a remark with no place goes on the title, the first paragraph with visible text")
    func onTitle() throws {
        let data = try F.docx(body: F.p() + F.p(F.r("  "), F.r("江苏省特色产业集群"), F.r("申报书 ")) + F.p(F.r("正文")))
        let result = try Annotated(data) { _ in [Annotation(text: "缺少营业执照复印件", colour: .blue)] }
        try result.expectFaithful()
        let id = try #require(result.ids.first)
        #expect(result.seen.anchoredText[id] == "江苏省特色产业集群申报书")
        #expect(result.seen.highlighted == ["cyan": ["江苏省特色产业集群申报书"]])
    }

    @Test("a remark with no place, in a document without text, sits at the start of the first paragraph")
    func onEmptyDocument() throws {
        let data = try F.docx(body: F.p("<w:pPr><w:jc w:val=\"center\"/></w:pPr>"))
        let result = try Annotated(data) { _ in [Annotation(text: "文档为空", colour: .red)] }
        try result.expectFaithful()
        let id = try #require(result.ids.first)
        #expect(result.seen.anchoredText[id] == "")
        #expect(result.documentXML.contains("<w:pPr><w:jc w:val=\"center\"/></w:pPr><w:commentRangeStart w:id=\"\(id)\"/>"))
    }

    @Test("a remark on a header is highlighted there and commented on the title")
    func inHeader() throws {
        let data = try F.docx(body: F.p(F.r("申报书")), header: F.p(F.r("页眉 2023 年度")))
        let original = try F.read(data)
        let header = try #require(original.sideParts.first?.blocks.first?.allParagraphs.first)
        let result = try Annotated(data) { _ in [Annotation(paragraph: header, range: 3..<7, text: "年度有误", colour: .yellow)] }
        try result.expectFaithful(changed: ["/word/document.xml", "/word/header1.xml", "/word/_rels/document.xml.rels", "/[Content_Types].xml"])
        #expect(result.seen.anchoredText[try #require(result.ids.first)] == "申报书")
        let headerXML = String(decoding: try #require(result.seen.parts["/word/header1.xml"]), as: UTF8.self)
        #expect(headerXML.contains("<w:highlight w:val=\"yellow\"/></w:rPr><w:t xml:space=\"preserve\">2023</w:t>"))
        #expect(!headerXML.contains("comment"))
    }

    @Test("a remark on a footnote finds its run past the separator notes, whose runs are numbered too")
    func inFootnote() throws {
        let notes = "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
            + "<w:footnote w:id=\"1\">\(F.p(F.r("数据来源："), F.r("统计年鉴")))</w:footnote>"
        let data = try F.docx(body: F.p(F.r("申报书")), footnotes: notes)
        let original = try F.read(data)
        let note = try #require(original.sideParts.first { $0.kind == .footnotes }?.blocks.first?.allParagraphs.first)
        // Runs are numbered in plain document order: the separator's is 0, the note's 1 and 2.
        #expect(note.runSpans(covering: 5..<9) == [RunSpan(run: 2, start: 0, end: 4)])
        let result = try Annotated(data) { _ in [Annotation(paragraph: note, range: 5..<9, text: "请注明年份", colour: .blue)] }
        try result.expectFaithful(changed: ["/word/document.xml", "/word/footnotes.xml", "/word/_rels/document.xml.rels", "/[Content_Types].xml"])
        let notesXML = String(decoding: try #require(result.seen.parts["/word/footnotes.xml"]), as: UTF8.self)
        #expect(notesXML.contains("<w:r><w:rPr><w:highlight w:val=\"cyan\"/></w:rPr><w:t xml:space=\"preserve\">统计年鉴</w:t></w:r>"))
    }

    @Test("a new comments part is registered with its content type and relationship; comments are dated and initialled")
    func newCommentsPart() throws {
        let data = try F.docx(body: F.p(F.r("产值41.5")), header: F.p(F.r("页眉")), footnotes: "<w:footnote w:id=\"1\">\(F.p(F.r("注")))</w:footnote>")
        let result = try Annotated(data) { [try remark($0, paragraph: 0, "41.5", text: "第一行\n第二行\t附注")] }
        try result.expectFaithful()
        let copy = try package(result.copy)
        #expect(copy.contentType(of: "/word/comments.xml") == "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml")
        let relationship = try #require(try copy.relationships(of: "/word/document.xml").first { $0.kind == "comments" })
        #expect(relationship.target == "/word/comments.xml")
        #expect(Set(try copy.relationships(of: "/word/document.xml").map(\.id)).count == 3)
        let id = try #require(result.ids.first)
        #expect(result.seen.comments[id] == ["第一行", "第二行\t附注"])
        #expect(result.seen.annotationMarks.contains(id))
        #expect(result.seen.commentAttributes[id]?["author"] == "审核")
        #expect(result.seen.commentAttributes[id]?["initials"] == "审")
        #expect(result.seen.commentAttributes[id]?["date"] == "2024-05-01T00:00:00Z")
        #expect(result.seen.partOrder.last == "/word/comments.xml")
    }

    @Test("the document's comment styles are used when it defines them")
    func commentStyles() throws {
        let data = try docx(body: F.p(F.r("产值41.5")), styles: true)
        let result = try Annotated(data, date: nil) { [try remark($0, paragraph: 0, "41.5")] }
        try result.expectFaithful()
        #expect(result.documentXML.contains("<w:r><w:rPr><w:rStyle w:val=\"a6\"/></w:rPr><w:commentReference w:id=\"0\"/></w:r>"))
        let comments = String(decoding: try #require(result.seen.parts["/word/comments.xml"]), as: UTF8.self)
        #expect(comments.contains("<w:pPr><w:pStyle w:val=\"a5\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"a6\"/></w:rPr><w:annotationRef/></w:r>"))
        #expect(result.seen.commentAttributes[0]?["date"] == nil)
    }

    @Test("comments already in the document stay as they were, and new ids do not collide with theirs")
    func existingComments() throws {
        let existing = """
            <w:comment w:id="0" w:author="张三" w:initials="张"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>原有批注</w:t></w:r></w:p></w:comment>\
            <w:comment w:id="5" w:author="李四" w:initials="李"><w:p><w:r><w:t>另一条</w:t></w:r></w:p></w:comment>
            """
        let body = F.p("<w:commentRangeStart w:id=\"0\"/>", F.r("集群"), "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>",
                       F.r("产值41.5"),
                       "<w:commentRangeStart w:id=\"5\"/>", F.r("亿元"), "<w:commentRangeEnd w:id=\"5\"/><w:r><w:commentReference w:id=\"5\"/></w:r>")
        let data = try docx(body: body, comments: existing)
        let result = try Annotated(data) { document in
            [try remark(document, paragraph: 0, "41.5"), try remark(document, paragraph: 0, "群产", .yellow)]
        }
        try result.expectFaithful(changed: ["/word/document.xml", "/word/comments.xml"])
        #expect(result.ids == [0, 5, 6, 7])
        #expect(result.seen.anchoredText[0] == "集群")
        #expect(result.seen.anchoredText[5] == "亿元")
        #expect(result.seen.anchoredText[6] == "41.5")
        #expect(result.seen.anchoredText[7] == "群产")
        #expect(result.seen.comments[0] == ["原有批注"])
        #expect(result.seen.comments[5] == ["另一条"])
        #expect(result.seen.comments[6] == ["意见"])
        #expect(result.seen.commentAttributes[5]?["author"] == "李四")
        let comments = String(decoding: try #require(result.seen.parts["/word/comments.xml"]), as: UTF8.self)
        #expect(comments.contains(existing))
    }

    @Test("ids stay below 0x80000000 when the document already uses the highest")
    func idLimit() throws {
        let existing = "<w:comment w:id=\"2147483647\" w:author=\"a\"><w:p/></w:comment><w:comment w:id=\"0\" w:author=\"a\"><w:p/></w:comment>"
        let data = try docx(body: F.p(F.r("产值41.5")), comments: existing)
        let result = try Annotated(data) { [try remark($0, paragraph: 0, "41.5")] }
        #expect(result.ids == [1])
        #expect(result.seen.comments.keys.sorted() == [0, 1, 2_147_483_647])
    }

    @Test("remarks in table rows and cells chosen from mc:AlternateContent land on their text, and after them too")
    func alternateContentRowsAndCells() throws {
        func alternative(_ choice: String, _ fallback: String) -> String {
            "<mc:AlternateContent><mc:Choice Requires=\"w14\">\(choice)</mc:Choice><mc:Fallback>\(fallback)</mc:Fallback></mc:AlternateContent>"
        }
        func cell(_ text: String) -> String { "<w:tc><w:p>\(F.r(text))</w:p></w:tc>" }
        let table = "<w:tbl>"
            + alternative("<w:tr>\(cell("选中行41.5"))</w:tr>", "<w:tr>\(cell("备用行"))</w:tr>")
            + "<w:tr>\(alternative(cell("选中格7.2"), cell("备用格")))\(cell("同行12"))</w:tr>"
            + "<w:tr>\(cell("后行30"))</w:tr></w:tbl>"
        let result = try Annotated(try F.docx(body: table)) { document in
            #expect(document.allParagraphs.map(\.text) == ["选中行41.5", "选中格7.2", "同行12", "后行30"])
            return [try remark(document, paragraph: 0, "41.5"), try remark(document, paragraph: 1, "7.2"),
                    try remark(document, paragraph: 2, "12"), try remark(document, paragraph: 3, "30")]
        }
        try result.expectFaithful()
        #expect(result.ids.map { result.seen.anchoredText[$0] } == ["41.5", "7.2", "12", "30"])
    }

    @Test("a remark whose comment covers less than its highlight: values down a column, comment on the first")
    func commentOnFewerSpans() throws {
        let data = try F.docx(body: F.p(F.r("2021年 44.0")) + F.p(F.r("他项 75.1")) + F.p(F.r("2022年 50.3")))
        let result = try Annotated(data) { document in
            let first = try remark(document, paragraph: 0, "44.0")
            let second = try remark(document, paragraph: 2, "50.3")
            return [Annotation(part: first.part, spans: first.spans + second.spans, commentSpans: first.spans,
                               text: "集群总产值", colour: .red)]
        }
        try result.expectFaithful()
        let id = try #require(result.ids.first)
        #expect(result.seen.anchoredText[id] == "44.0")
        #expect(result.seen.highlighted == ["red": ["44.0", "50.3"]])
    }

    @Test("a Flat OPC document comes out as a .docx zip with its parts and content types")
    func flatOPC() throws {
        let xml = F.flatOPC(body: F.p(F.r("集群总产值"), F.r("41.5亿元")), binaryPart: (name: "/word/media/image1.png", base64: "iVBORw0KGgo="))
        let data = Data(xml.utf8)
        let result = try Annotated(data) { [try remark($0, paragraph: 0, "产值41", .yellow)] }
        try result.expectFaithful(changed: ["/_rels/.rels", "/word/document.xml"])
        #expect(result.copy.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let copy = try package(result.copy)
        #expect(copy.format == .zip)
        #expect(copy.contentType(of: "/word/comments.xml") == "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml")
        #expect(copy.contentType(of: "/word/media/image1.png") == "image/png")
        #expect(try copy.data(of: "/word/media/image1.png") == Data(base64Encoded: "iVBORw0KGgo="))
        #expect(result.seen.anchoredText[try #require(result.ids.first)] == "产值41")
        #expect(result.seen.highlighted == ["yellow": ["产值41"]])
    }

    @Test("the input file is read, never written")
    func inputUntouched() throws {
        let data = try F.docx(body: F.p(F.r("产值41.5")))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("annotation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("申报书.docx")
        try data.write(to: input)
        let before = try FileManager.default.attributesOfItem(atPath: input.path)[.modificationDate] as? Date
        guard case .word(let opened) = try DocumentReader.open(input) else {
            Issue.record("not opened as Word")
            return
        }
        let document = try DocumentReader.read(opened)
        let output = directory.appendingPathComponent("申报书-批注.docx")
        try AnnotatedCopy.write(opened, annotations: [try remark(document, paragraph: 0, "41.5")], date: nil, to: output)
        #expect(try Data(contentsOf: input) == data)
        #expect(try FileManager.default.attributesOfItem(atPath: input.path)[.modificationDate] as? Date == before)
        #expect(try CommentInspection(docx: try Data(contentsOf: output)).anchoredText[0] == "41.5")
    }

    @Test("runs are numbered as the reader numbers them, text boxes and their fallbacks included")
    func textBoxRuns() throws {
        let box = "<w:txbxContent>\(F.p(F.r("框内文字")))</w:txbxContent>"
        let data = try F.docx(body: F.p(F.r("锚"),
            "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>\(box)</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>\(box)</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>") + F.p(F.r("下一段")))
        let result = try Annotated(data) { document in
            [try remark(document, paragraph: 2, "下一"), try remark(document, paragraph: 1, "内文", .yellow)]
        }
        try result.expectFaithful()
        #expect(result.seen.anchoredText[0] == "下一")
        #expect(result.seen.anchoredText[1] == "内文")
        // The comment is on the text box Word shows, not on its VML fallback.
        let choice = try #require(result.documentXML.components(separatedBy: "<mc:Fallback>").first)
        #expect(choice.contains("<w:commentRangeStart w:id=\"1\"/>"))
    }

    @Test("spans the part does not have are refused with a message naming the file")
    func refusedSpans() throws {
        let opened = try package(try F.docx(body: F.p(F.r("产值"))))
        #expect(throws: AnnotationError.runNotFound(file: "申报书.docx", part: "/word/document.xml", run: 3, runCount: 1)) {
            try AnnotatedCopy.write(opened, annotations: [Annotation(part: "/word/document.xml", spans: [RunSpan(run: 3, start: 0, end: 1)], text: "x", colour: .red)], date: nil)
        }
        #expect(throws: AnnotationError.spanOutOfRange(file: "申报书.docx", part: "/word/document.xml", run: 0, start: 1, end: 5, length: 2)) {
            try AnnotatedCopy.write(opened, annotations: [Annotation(part: "/word/document.xml", spans: [RunSpan(run: 0, start: 1, end: 5)], text: "x", colour: .red)], date: nil)
        }
        #expect(throws: AnnotationError.missingPart(file: "申报书.docx", part: "/word/header9.xml")) {
            try AnnotatedCopy.write(opened, annotations: [Annotation(part: "/word/header9.xml", spans: [RunSpan(run: 0, start: 0, end: 1)], text: "x", colour: .red)], date: nil)
        }
        #expect(throws: AnnotationError.invalidDate("2024-13-01")) {
            try AnnotatedCopy.write(opened, annotations: [], date: "2024-13-01")
        }
        let message = AnnotationError.spanOutOfRange(file: "申报书.docx", part: "/word/document.xml", run: 0, start: 1, end: 5, length: 2).errorDescription
        #expect(message == "申报书.docx：无法添加批注，部件 word/document.xml 第 1 个文字块只有 2 个字符，批注范围为 1–5")
    }

    @Test("without annotations the copy of a .docx is the original, byte for byte")
    func noAnnotations() throws {
        let data = try F.docx(body: F.p(F.r("产值")), header: F.p(F.r("页眉")))
        let result = try Annotated(data) { _ in [] }
        try result.expectFaithful(changed: [])
        #expect(result.seen.partOrder == result.original.partNames)
        #expect(result.seen.starts.isEmpty)
        #expect(result.copy == data)
    }

    @Test("without annotations a Flat OPC document still comes out as a .docx zip")
    func noAnnotationsFlat() throws {
        let xml = F.flatOPC(body: F.p(F.r("集群总产值41.5亿元")), binaryPart: (name: "/word/media/image1.png", base64: "iVBORw0KGgo="))
        let result = try Annotated(Data(xml.utf8)) { _ in [] }
        try result.expectFaithful(changed: ["/_rels/.rels", "/word/document.xml"])
        #expect(result.copy.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(result.seen.starts.isEmpty)
    }

    @Test("a part written with WordprocessingML as its default namespace gets prefixed w:id and w:val")
    func defaultNamespace() throws {
        var writer = PackageWriter()
        writer.add("[Content_Types].xml", xml: F.contentTypes)
        writer.add("_rels/.rels", xml: F.packageRelationships)
        writer.add("word/document.xml", xml: "<?xml version=\"1.0\"?><document xmlns=\"\(wordNS)\"><body><p><r><t>产值41.5</t></r></p></body></document>")
        let result = try Annotated(try writer.archiveData()) { [try remark($0, paragraph: 0, "41.5")] }
        try result.expectFaithful()
        #expect(result.seen.anchoredText[0] == "41.5")
        #expect(result.documentXML.contains("<commentRangeStart w:id=\"0\"/>"))
        #expect(result.documentXML.contains("<highlight w:val=\"red\"/>"))
        #expect(result.documentXML.contains("xmlns:w=\"\(wordNS)\""))
    }

    @Test("control characters are dropped from comment text and author, so the part stays well-formed XML")
    func unsafeCharacters() throws {
        let data = try F.docx(body: F.p(F.r("产值")))
        let result = try Annotated(data) { document in
            [Annotation(paragraph: document.allParagraphs[0], text: "a\u{1}b<&>", colour: .red, author: "cluster\u{0}-review")]
        }
        let id = try #require(result.ids.first)
        #expect(result.seen.comments[id] == ["ab<&>"])
        #expect(result.seen.commentAttributes[id]?["author"] == "cluster-review")
        #expect(result.seen.commentAttributes[id]?["initials"] == "CR")
    }
}

@Suite("Annotated copy: committed documents")
struct AnnotatedFixtureTests {
    static let documents = [
        "fixtures/real/江苏申报书-LibreOffice.docx",
        "fixtures/reader/tricky.docx",
        "fixtures/reader/tricky-flat.xml",
        "fixtures/submissions/jiangsu-defects/申报书.docx",
        "fixtures/submissions/miit-defects/责任声明.docx",
    ]

    @Test("the middle of every paragraph with text can be commented on, and nothing else changes", arguments: documents)
    func everyParagraph(_ path: String) throws {
        let data = try Data(contentsOf: Repository.url(path))
        var expected: [String] = []
        let colours = Annotation.Colour.allCases
        let result = try Annotated(data) { document in
            var annotations: [Annotation] = []
            for paragraph in document.allParagraphs where paragraph.checkboxes.isEmpty && !paragraph.segments.contains(where: \.synthetic) {
                let scalars = Array(paragraph.text.unicodeScalars)
                guard scalars.count >= 1 else { continue }
                let range = (scalars.count / 3)..<max(scalars.count / 3 + 1, scalars.count * 2 / 3)
                expected.append(String(String.UnicodeScalarView(scalars[range])))
                annotations.append(Annotation(paragraph: paragraph, range: range, text: "第\(annotations.count + 1)条意见\n依据：测试",
                                              colour: colours[annotations.count % colours.count]))
            }
            annotations.append(Annotation(text: "无具体位置的意见", colour: .blue))
            return annotations
        }
        try result.expectFaithful(changed: ["/word/document.xml", "/word/_rels/document.xml.rels", "/[Content_Types].xml", "/_rels/.rels"])
        let existing = Set(try CommentInspection(docx: try AnnotatedCopy.write(result.original, annotations: [], date: nil)).starts.keys)
        let ids = result.ids.filter { !existing.contains($0) }
        try #require(ids.count == expected.count + 1)
        for (id, text) in zip(ids, expected) {
            #expect(result.seen.anchoredText[id] == text, "comment \(id)")
        }
        let file = URL(fileURLWithPath: path)
        try keepSample(result.copy, name: "\(file.deletingLastPathComponent().lastPathComponent)-\(file.deletingPathExtension().lastPathComponent)-批注")
    }
}
