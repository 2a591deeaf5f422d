import Foundation
import Testing
import OOXML
import TestSupport

private typealias F = DocxFixture

private func body(_ xml: String) throws -> WordDocument {
    try F.read(try F.docx(body: xml))
}

private func paragraphs(_ document: WordDocument) -> [String] {
    document.allParagraphs.map(\.text)
}

@Suite("Word reader: text as a person sees it")
struct TextTests {
    @Test("runs split mid-word are joined, and each character knows its run")
    func splitRuns() throws {
        let doc = try body(F.p(F.r("集群总"), F.r("产值"), "<w:r><w:rPr><w:b/></w:rPr><w:t>41.</w:t></w:r>", F.r("5")))
        let paragraph = try #require(doc.allParagraphs.first)
        #expect(paragraph.text == "集群总产值41.5")
        #expect(paragraph.path.description == "p1")
        // "41.5" spans run 2 (chars 0..<3) and run 3 (char 0..<1).
        let spans = paragraph.runSpans(covering: 5..<9)
        #expect(spans == [RunSpan(run: 2, start: 0, end: 3), RunSpan(run: 3, start: 0, end: 1)])
        #expect(paragraph.runSpans(covering: 1..<4) == [RunSpan(run: 0, start: 1, end: 3), RunSpan(run: 1, start: 0, end: 1)])
    }

    @Test("tab, break, symbol and non-breaking hyphen are visible characters of their run")
    func specialCharacters() throws {
        let doc = try body(F.p("<w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:noBreakHyphen/><w:t>D</w:t><w:sym w:font=\"Wingdings\" w:char=\"F0FE\"/><w:sym w:font=\"Wingdings 2\" w:char=\"F0A3\"/></w:r>"))
        let paragraph = try #require(doc.allParagraphs.first)
        #expect(paragraph.text == "A\tB\nC-D☑☐")
        #expect(paragraph.runSpans(covering: 0..<9) == [RunSpan(run: 0, start: 0, end: 9)])
    }

    @Test("ruby text reads as its base; the guide text's runs are counted, not shown")
    func ruby() throws {
        let doc = try body(F.p(F.r("申报"), "<w:r><w:ruby><w:rubyPr/><w:rt>\(F.r("jí"))</w:rt><w:rubyBase>\(F.r("集"))</w:rubyBase></w:ruby></w:r>", F.r("群")))
        let paragraph = try #require(doc.allParagraphs.first)
        #expect(paragraph.text == "申报集群")
        // Runs: 0 申报, 1 the ruby holder, 2 guide text, 3 base, 4 群.
        #expect(paragraph.runSpans(covering: 2..<4) == [RunSpan(run: 3, start: 0, end: 1), RunSpan(run: 4, start: 0, end: 1)])
    }

    @Test("tracked insertions and moves-to are read, deletions and moves-from are not, and run ordinals still count them")
    func trackedChanges() throws {
        let doc = try body(F.p(
            F.r("产值"),
            "<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>38.2</w:delText></w:r></w:del>",
            "<w:ins w:id=\"2\" w:author=\"a\">\(F.r("41.5"))</w:ins>",
            "<w:moveFrom w:id=\"3\" w:author=\"a\">\(F.r("旧"))</w:moveFrom>",
            "<w:moveTo w:id=\"4\" w:author=\"a\">\(F.r("亿元"))</w:moveTo>"))
        let paragraph = try #require(doc.allParagraphs.first)
        #expect(paragraph.text == "产值41.5亿元")
        // Runs: 0 产值, 1 deleted, 2 41.5, 3 moved-from, 4 亿元.
        #expect(paragraph.runSpans(covering: 2..<6) == [RunSpan(run: 2, start: 0, end: 4)])
        #expect(paragraph.runSpans(covering: 6..<8) == [RunSpan(run: 4, start: 0, end: 2)])
    }

    @Test("a tracked-deleted table row is not part of the table")
    func deletedRow() throws {
        let doc = try body("""
        <w:tbl><w:tr><w:tc><w:p>\(F.r("保留"))</w:p></w:tc></w:tr>\
        <w:tr><w:trPr><w:del w:id="9" w:author="a"/></w:trPr><w:tc><w:p><w:del w:id="8" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del></w:p></w:tc></w:tr>\
        <w:tr><w:tc><w:p>\(F.r("最后"))</w:p></w:tc></w:tr></w:tbl>
        """)
        let table = try #require(doc.allTables.first)
        #expect(table.rows.map { $0.cells.map(\.text) } == [["保留"], ["最后"]])
        #expect(table.rows[1].cells[0].paragraphs[0].segments.first?.run == 2)
    }

    @Test("complex fields show only their result; simple fields their runs; hyperlinks their text")
    func fields() throws {
        let doc = try body(F.p(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>",
            "<w:r><w:instrText> DATE \\@ \"yyyy年M月d日\" </w:instrText></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>",
            F.r("2024年5月10日"),
            "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            "<w:fldSimple w:instr=\" PAGE \">\(F.r("3"))</w:fldSimple>",
            "<w:hyperlink r:id=\"rId99\">\(F.r("链接"))</w:hyperlink>"))
        #expect(paragraphs(doc) == ["2024年5月10日3链接"])
    }

    @Test("nested fields: the outer instruction hides the inner field entirely")
    func nestedFields() throws {
        let doc = try body(F.p(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>MERGEFIELD x</w:instrText></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>", F.r("内层"),
            "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            "<w:r><w:instrText> = 1 \"是\"</w:instrText></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>", F.r("是"),
            "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>", F.r("。")))
        #expect(paragraphs(doc) == ["是。"])
    }

    @Test("legacy FORMTEXT shows its result; FORMCHECKBOX shows w:checked, else w:default")
    func legacyFormFields() throws {
        func checkbox(_ inner: String) -> String {
            "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"c\"/><w:checkBox>\(inner)</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        }
        let doc = try body(F.p(
            "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"t\"/><w:textInput/></w:ffData></w:fldChar></w:r>",
            "<w:r><w:instrText> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>",
            F.r("41"), F.r(".5"), "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            F.r(" "), checkbox("<w:sizeAuto/><w:default w:val=\"0\"/><w:checked/>"), F.r("是"),
            checkbox("<w:sizeAuto/><w:default w:val=\"1\"/><w:checked w:val=\"0\"/>"), F.r("否"),
            checkbox("<w:default w:val=\"1\"/>"), F.r("有")))
        let paragraph = try #require(doc.allParagraphs.first)
        #expect(paragraph.text == "41.5 ☑是☐否☑有")
        #expect(paragraph.checkboxes.map(\.checked) == [true, false, true])
        #expect(paragraph.checkboxes.map(\.offset) == [5, 7, 9])
        #expect(paragraph.checkboxes.allSatisfy { $0.kind == .formField })
        // The result text is on runs 3 and 4 (after begin, instr, separate).
        #expect(paragraph.runSpans(covering: 0..<4) == [RunSpan(run: 3, start: 0, end: 2), RunSpan(run: 4, start: 0, end: 2)])
    }

    @Test("w14:checkbox content controls show their state, whatever glyph the content carries")
    func checkboxContentControls() throws {
        func box(_ checked: String, glyph: String) -> String {
            "<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"\(checked)\"/><w14:checkedState w14:val=\"2612\" w14:font=\"MS Gothic\"/><w14:uncheckedState w14:val=\"2610\" w14:font=\"MS Gothic\"/></w14:checkbox></w:sdtPr><w:sdtContent>\(F.r(glyph))</w:sdtContent></w:sdt>"
        }
        let doc = try body(F.p(box("1", glyph: "☒"), F.r("是 "), box("0", glyph: "☐"), F.r("否")))
        let paragraph = try #require(doc.allParagraphs.first)
        #expect(paragraph.text == "☑是 ☐否")
        #expect(paragraph.checkboxes == [Checkbox(offset: 0, checked: true, kind: .contentControl),
                                         Checkbox(offset: 3, checked: false, kind: .contentControl)])
    }

    @Test("content controls at block, row, cell and run level are read through")
    func contentControls() throws {
        let doc = try body("""
        <w:sdt><w:sdtPr><w:tag w:val="cover"/></w:sdtPr><w:sdtContent>\(F.p(F.r("封面")))</w:sdtContent></w:sdt>\
        <w:tbl><w:sdt><w:sdtContent><w:tr>\
        <w:sdt><w:sdtContent><w:tc><w:p>\(F.r("申报单位名称"))</w:p></w:tc></w:sdtContent></w:sdt>\
        <w:tc><w:p><w:sdt><w:sdtPr><w:alias w:val="名称"/><w:tag w:val="applicant_name"/></w:sdtPr><w:sdtContent>\(F.r("无锡市"))\(F.r("集群促进会"))</w:sdtContent></w:sdt></w:p></w:tc>\
        </w:tr></w:sdtContent></w:sdt></w:tbl>
        """)
        #expect(doc.body.count == 2)
        let table = try #require(doc.allTables.first)
        #expect(table.rows.count == 1)
        #expect(table.rows[0].cells.map(\.text) == ["申报单位名称", "无锡市集群促进会"])
        let value = table.rows[0].cells[1].paragraphs[0]
        #expect(value.contentControls == [ContentControl(tag: "applicant_name", alias: "名称")])
        #expect(value.path.description == "t1/r1/c2/p1")
    }

    @Test("mc:AlternateContent is read once: the Choice, never also the Fallback")
    func alternateContent() throws {
        let doc = try body(F.p("<mc:AlternateContent><mc:Choice Requires=\"w14\">\(F.r("选"))</mc:Choice><mc:Fallback>\(F.r("备"))</mc:Fallback></mc:AlternateContent>", F.r("后")))
        let paragraph = try #require(doc.allParagraphs.first)
        #expect(paragraph.text == "选后")
        // The fallback's run is counted: "后" is run 2.
        #expect(paragraph.runSpans(covering: 1..<2) == [RunSpan(run: 2, start: 0, end: 1)])
        let fallbackOnly = try body(F.p("<mc:AlternateContent><mc:Fallback>\(F.r("备"))</mc:Fallback></mc:AlternateContent>"))
        #expect(paragraphs(fallbackOnly) == ["备"])
    }

    @Test("text boxes are blocks of their own after their anchor paragraph, read once despite the VML fallback")
    func textBoxes() throws {
        let box = "<w:txbxContent>\(F.p(F.r("框内文字")))</w:txbxContent>"
        let doc = try body(F.p(F.r("锚"),
            "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>\(box)</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>\(box)</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>") + F.p(F.r("下一段")))
        #expect(doc.body.count == 3)
        guard case .textBox(let textBox) = doc.body[1] else {
            Issue.record("expected a text box block")
            return
        }
        #expect(textBox.blocks.map(\.text) == ["框内文字"])
        #expect(textBox.path.description == "txbx1")
        #expect(textBox.blocks[0].path.description == "txbx1/p1")
        #expect(paragraphs(doc) == ["锚", "框内文字", "下一段"])
        // The shown (Choice) copy's run is numbered in document order, before the Fallback's.
        #expect(textBox.blocks[0].allParagraphs.first?.runSpans(covering: 0..<4) == [RunSpan(run: 2, start: 0, end: 4)])
        // Runs: 0 锚, 1 anchor, 2 inside Choice, 3 inside Fallback, 4 下一段.
        let last = try #require(doc.allParagraphs.last)
        #expect(last.runSpans(covering: 0..<3) == [RunSpan(run: 4, start: 0, end: 3)])
        #expect(doc.body[2].path.description == "p2")
    }
}

@Suite("Word reader: tables")
struct TableTests {
    private func cell(_ text: String, properties: String = "") -> String {
        "<w:tc><w:tcPr>\(properties)</w:tcPr><w:p>\(F.r(text))</w:p></w:tc>"
    }

    @Test("gridSpan and vMerge resolve into a logical grid where a merged cell is one cell that knows its span")
    func mergedCells() throws {
        let doc = try body("""
        <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
        <w:tr><w:trPr><w:tblHeader/></w:trPr>\(cell("基本情况", properties: "<w:gridSpan w:val=\"3\"/>"))</w:tr>\
        <w:tr>\(cell("产值", properties: "<w:vMerge w:val=\"restart\"/>"))\(cell("2022"))\(cell("45.0"))</w:tr>\
        <w:tr>\(cell("", properties: "<w:vMerge/>"))\(cell("2023"))\(cell("50.1"))</w:tr>\
        <w:tr>\(cell("", properties: "<w:vMerge w:val=\"continue\"/>"))\(cell("2024"))\(cell("55"))</w:tr>\
        <w:tr>\(cell("人数"))\(cell("2300", properties: "<w:gridSpan w:val=\"2\"/>"))</w:tr></w:tbl>
        """)
        let table = try #require(doc.allTables.first)
        #expect(table.columnCount == 3)
        #expect(table.rows.map(\.isHeader) == [true, false, false, false, false])
        #expect(table.rows[0].cells.count == 1)
        #expect(table.rows[0].cells[0].columnSpan == 3)
        let merged = try #require(table.rows[1].cells.first)
        #expect(merged.rowSpan == 3)
        #expect(table.rows[2].cells.map(\.text) == ["2023", "50.1"])
        #expect(table.cell(row: 3, column: 0)?.text == "产值")
        #expect(table.cell(row: 3, column: 0)?.path == merged.path)
        #expect(table.cell(row: 4, column: 2)?.text == "2300")
        #expect(table.cell(row: 4, column: 2)?.column == 1)
        #expect(table.grid[2].map { $0?.text } == ["产值", "2023", "50.1"])
        #expect(table.rows[2].cells[0].path.description == "t1/r3/c2")
    }

    @Test("gridBefore shifts the row's cells to the right")
    func gridBefore() throws {
        let doc = try body("<w:tbl><w:tr>\(cell("a"))\(cell("b"))</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>\(cell("c"))</w:tr></w:tbl>")
        let table = try #require(doc.allTables.first)
        #expect(table.cell(row: 1, column: 1)?.text == "c")
        #expect(table.cell(row: 1, column: 0) == nil)
    }

    @Test("hidden text (w:vanish) is not read, its run still counted; w:vanish w:val=\"0\" is shown")
    func hiddenText() throws {
        let doc = try body(F.p(F.r("苏州市吴中区工业和信息化局"), "<w:r><w:rPr><w:vanish/></w:rPr><w:t>（草稿）</w:t></w:r>",
                               "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>（正式）</w:t></w:r>"))
        let paragraph = try #require(doc.allParagraphs.first)
        #expect(paragraph.text == "苏州市吴中区工业和信息化局（正式）")
        #expect(paragraph.segments.map(\.run) == [0, 2])
    }

    @Test("a content control showing its placeholder reads as empty, its runs still counted; typed text reads")
    func placeholderContentControls() throws {
        func control(_ content: String, showing: String?) -> String {
            let flag = showing.map { $0.isEmpty ? "<w:showingPlcHdr/>" : "<w:showingPlcHdr w:val=\"\($0)\"/>" } ?? ""
            return "<w:sdt><w:sdtPr><w:tag w:val=\"v\"/>\(flag)</w:sdtPr><w:sdtContent>\(content)</w:sdtContent></w:sdt>"
        }
        let doc = try body(
            F.p(F.r("集群名称："), control(F.r("单击或点击此处输入文字。"), showing: ""), F.r("（必填）"))
            + F.p(F.r("总产值："), control(F.r("41.5"), showing: "0"), F.r("亿元"))
            + F.p(F.r("面积："), control(F.r("17.4"), showing: nil))
            + control(F.p(F.r("请输入集群简介。")), showing: "true")
            + F.p(F.r("完")))
        let paragraphs = doc.allParagraphs
        #expect(paragraphs.map(\.text) == ["集群名称：（必填）", "总产值：41.5亿元", "面积：17.4", "", "完"])
        // The placeholder's run is skipped, not forgotten: （必填） is run 2 of the part.
        #expect(paragraphs[0].segments.last?.run == 2)
        #expect(paragraphs[1].segments.map(\.run) == [3, 4, 5])
        #expect(paragraphs[4].segments.map(\.run) == [9])

        // Around a cell or a row, the same.
        func wrap(_ xml: String) -> String {
            "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>\(xml)</w:sdtContent></w:sdt>"
        }
        let tableDoc = try body("<w:tbl><w:tr>\(cell("面积"))\(wrap(cell("请输入")))</w:tr>\(wrap("<w:tr>\(cell("示例"))</w:tr>"))<w:tr>\(cell("完"))</w:tr></w:tbl>")
        let table = try #require(tableDoc.allTables.first)
        #expect(table.rows.map { $0.cells.map(\.text) } == [["面积", ""], [""], ["完"]])
        #expect(table.rows[2].cells[0].paragraphs[0].segments.map(\.run) == [3])
    }

    @Test("nested tables stay nested, with their own paths")
    func nestedTables() throws {
        let inner = "<w:tbl><w:tr>\(cell("内1"))\(cell("内2"))</w:tr></w:tbl>"
        let doc = try body("<w:tbl><w:tr>\(cell("外"))<w:tc><w:p>\(F.r("上"))</w:p>\(inner)<w:p/></w:tc></w:tr></w:tbl>\(F.p(F.r("正文")))")
        let outer = try #require(doc.allTables.first)
        #expect(doc.allTables.count == 2)
        let container = outer.rows[0].cells[1]
        #expect(container.blocks.count == 3)
        guard case .table(let nested) = container.blocks[1] else {
            Issue.record("expected a nested table")
            return
        }
        #expect(nested.path.description == "t1/r1/c2/t1")
        #expect(nested.rows[0].cells[1].paragraphs[0].path.description == "t1/r1/c2/t1/r1/c2/p1")
        #expect(nested.rows[0].cells.map(\.text) == ["内1", "内2"])
        #expect(doc.body[1].path.description == "p1")
        // Reading order, depth first; the first n are a prefix of them all.
        #expect(doc.allParagraphs.map(\.text) == ["外", "上", "内1", "内2", "", "正文"])
        #expect(doc.paragraphs(upTo: 3).map(\.text) == ["外", "上", "内1"])
        #expect(doc.paragraphs(upTo: 0).isEmpty)
        #expect(doc.paragraphs(upTo: 99).count == 6)
    }
}

@Suite("Word reader: packages")
struct PackageTests {
    @Test("headers and footnotes are read apart from the body")
    func sideParts() throws {
        let data = try F.docx(body: F.p(F.r("正文")), header: F.p(F.r("页眉文字")),
                              footnotes: "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id=\"1\">\(F.p(F.r("脚注文字")))</w:footnote>")
        let doc = try F.read(data)
        #expect(paragraphs(doc) == ["正文"])
        #expect(doc.sideParts.map(\.kind) == [.header, .footnotes])
        #expect(doc.sideParts[0].blocks.map(\.text) == ["页眉文字"])
        #expect(doc.sideParts[0].part == "/word/header1.xml")
        #expect(doc.sideParts[1].blocks.map(\.text) == ["脚注文字"])
    }

    @Test("the main part is found through the package relationships, not by its conventional path")
    func mainPartByRelationship() throws {
        var writer = PackageWriter()
        writer.add("[Content_Types].xml", xml: F.contentTypes.replacingOccurrences(of: "/word/document.xml", with: "/content/main.xml"))
        writer.add("_rels/.rels", xml: F.packageRelationships.replacingOccurrences(of: "word/document.xml", with: "content/main.xml"))
        writer.add("content/main.xml", xml: F.documentXML(body: F.p(F.r("别处的正文"))))
        let doc = try F.read(try writer.archiveData())
        #expect(doc.mainPart == "/content/main.xml")
        #expect(paragraphs(doc) == ["别处的正文"])
    }

    @Test("a main part whose content type is not a Word document is refused")
    func wrongContentType() throws {
        var writer = PackageWriter()
        writer.add("[Content_Types].xml", xml: F.contentTypes.replacingOccurrences(of: "wordprocessingml.document.main+xml", with: "spreadsheetml.sheet.main+xml"))
        writer.add("_rels/.rels", xml: F.packageRelationships)
        writer.add("word/document.xml", xml: F.documentXML(body: F.p(F.r("x"))))
        #expect(throws: ReadError.notWordDocument(file: "test.docx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")) {
            try F.read(try writer.archiveData())
        }
    }

    @Test("Flat OPC (Word XML Document) reads like the .docx, binary parts decoded")
    func flatOPC() throws {
        let body = F.p(F.r("集群"), F.r("名称")) + "<w:tbl><w:tr><w:tc><w:p>\(F.r("甲"))</w:p></w:tc></w:tr></w:tbl>"
        let xml = F.flatOPC(body: body, binaryPart: ("/word/media/image1.png", "iVBORw0K\nGgo="))
        guard case .word(let package) = try DocumentReader.open(data: Data(xml.utf8), displayName: "flat.xml") else {
            Issue.record("Flat OPC not recognised as a Word package")
            return
        }
        #expect(package.format == .flatOPC)
        #expect(try package.data(of: "/word/media/image1.png") == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let doc = try DocumentReader.read(package)
        let zipped = try F.read(try F.docx(body: body))
        #expect(paragraphs(doc) == paragraphs(zipped))
        #expect(doc.allParagraphs.map(\.segments) == zipped.allParagraphs.map(\.segments))
        #expect(doc.format == .flatOPC)
    }

    @Test("Flat OPC with broken base64 names the part and line")
    func flatOPCBrokenBase64() throws {
        let xml = F.flatOPC(body: F.p(F.r("x")), binaryPart: ("/word/media/image1.png", "@@@not base64@@@"))
        #expect(throws: ReadError.badFlatOPC(file: "flat.xml", reason: "部件 /word/media/image1.png（第3行）的 base64 数据损坏")) {
            try DocumentReader.open(data: Data(xml.utf8), displayName: "flat.xml")
        }
    }

    @Test("an XML file that is not a package opens as plain XML")
    func plainXML() throws {
        guard case .xml(let doc) = try DocumentReader.open(data: Data("<form scheme=\"x\"><field id=\"a\">1</field></form>".utf8), displayName: "f.xml") else {
            Issue.record("expected plain XML")
            return
        }
        let root = try #require(doc.root)
        #expect(root.name == "form")
        #expect(root.attributes["scheme"] == "x")
        #expect(root.child("field")?.text == "1")
    }
}
