import Foundation
import Testing
import OOXML
import TestSupport

/// Builds `.xlsx` bytes from SpreadsheetML strings.
private enum XLSX {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    struct Sheet {
        var name: String
        var data: String
        var state: String? = nil
    }

    static func sheetXML(_ rows: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(main)\"><sheetData>\(rows)</sheetData></worksheet>"
    }

    static func workbook(
        _ sheets: [Sheet], sharedStrings: [String]? = nil, styles: String? = nil, date1904: Bool = false,
        workbookPath: String = "xl/workbook.xml", sheetXML makeSheet: (String) -> String = sheetXML
    ) throws -> Data {
        var writer = PackageWriter()
        writer.add("[Content_Types].xml", xml: """
            <?xml version="1.0" encoding="UTF-8"?>\
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/\(workbookPath)" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            </Types>
            """)
        writer.add("_rels/.rels", xml: """
            <?xml version="1.0" encoding="UTF-8"?>\
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(officeRels)/officeDocument" Target="\(workbookPath)"/>\
            </Relationships>
            """)
        let directory = (workbookPath as NSString).deletingLastPathComponent
        var sheetList = ""
        var rels = ""
        for (index, sheet) in sheets.enumerated() {
            let state = sheet.state.map { " state=\"\($0)\"" } ?? ""
            sheetList += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\"\(state) r:id=\"rS\(index)\"/>"
            rels += "<Relationship Id=\"rS\(index)\" Type=\"\(officeRels)/worksheet\" Target=\"worksheets/s\(index).xml\"/>"
            writer.add("\(directory)/worksheets/s\(index).xml", xml: makeSheet(sheet.data))
        }
        if let sharedStrings {
            rels += "<Relationship Id=\"rSST\" Type=\"\(officeRels)/sharedStrings\" Target=\"strings.xml\"/>"
            writer.add("\(directory)/strings.xml", xml: "<?xml version=\"1.0\"?><sst xmlns=\"\(main)\">\(sharedStrings.joined())</sst>")
        }
        if let styles {
            rels += "<Relationship Id=\"rSt\" Type=\"\(officeRels)/styles\" Target=\"styles.xml\"/>"
            writer.add("\(directory)/styles.xml", xml: "<?xml version=\"1.0\"?><styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>")
        }
        let pr = date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>"
        writer.add(workbookPath, xml: """
            <?xml version="1.0" encoding="UTF-8"?>\
            <workbook xmlns="\(main)" xmlns:r="\(officeRels)">\(pr)<sheets>\(sheetList)</sheets></workbook>
            """)
        writer.add("\(directory)/_rels/\((workbookPath as NSString).lastPathComponent).rels", xml: """
            <?xml version="1.0" encoding="UTF-8"?>\
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)</Relationships>
            """)
        return try writer.archiveData()
    }

    static func read(_ data: Data, sheet: String? = nil) throws -> Worksheet {
        try Spreadsheet.read(data: data, displayName: "名录.xlsx", sheet: sheet)
    }

    /// The description of the error reading `data` throws, or nil.
    static func failure(_ data: Data, sheet: String? = nil) -> String? {
        do {
            _ = try read(data, sheet: sheet)
            return nil
        } catch {
            return error.localizedDescription
        }
    }
}

@Suite("Spreadsheet: reading .xlsx cells")
struct SpreadsheetTests {
    @Test("shared strings concatenate their rich-text runs and leave out phonetic guides")
    func sharedStrings() throws {
        let strings = [
            "<si><t>统一社会信用代码</t></si>",
            "<si><r><rPr><b/></rPr><t>无锡</t></r><r><t xml:space=\"preserve\">“小巨人” </t></r><r><t>科技有限公司</t></r><rPh sb=\"0\" eb=\"2\"><t>ウーシー</t></rPh></si>",
            "<si><t>a_x000D_b &amp; c</t></si>",
        ]
        let data = try XLSX.workbook(
            [.init(name: "名录", data: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>")],
            sharedStrings: strings)
        let sheet = try XLSX.read(data)
        #expect(sheet.name == "名录")
        #expect(sheet.textRows == [["统一社会信用代码", "无锡“小巨人” 科技有限公司", "a\rb & c"]])
        #expect(sheet.rows.first?.cells.allSatisfy { $0.kind == .text } == true)
    }

    @Test("inline strings, numbers, booleans, errors and cached formula strings each keep their kind")
    func cellKinds() throws {
        let row = """
            <row r="2">\
            <c r="A2" t="inlineStr"><is><r><t>创新型</t></r><r><t>中小企业</t></r></is></c>\
            <c r="B2"><v>12.5</v></c>\
            <c r="C2" t="b"><v>1</v></c>\
            <c r="D2" t="e"><v>#N/A</v></c>\
            <c r="E2" t="str"><f>A2&amp;""</f><v>创新型中小企业</v></c>\
            <c r="F2" t="inlineStr"><is><t>单</t></is></c>\
            </row>
            """
        let sheet = try XLSX.read(try XLSX.workbook([.init(name: "S", data: row)]))
        let cells = try #require(sheet.rows.first).cells
        #expect(cells.map(\.kind) == [.text, .number, .boolean, .error, .text, .text])
        #expect(cells.map(\.text) == ["创新型中小企业", "12.5", "TRUE", "#N/A", "创新型中小企业", "单"])
        #expect(cells[1].number == 12.5)
        #expect(cells[1].date == nil)
        #expect(sheet.rows.first?.number == 2)
    }

    @Test("a sparse row keeps each cell in its own column, gaps as empty text")
    func sparseRow() throws {
        let rows = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="C1" t="inlineStr"><is><t>c</t></is></c></row>\
            <row r="4"><c r="B4"><v>2</v></c><c><v>3</v></c><c r="AA4" t="inlineStr"><is><t>aa</t></is></c></row>
            """
        let sheet = try XLSX.read(try XLSX.workbook([.init(name: "S", data: rows)]))
        #expect(sheet.rows.map(\.number) == [1, 4])
        #expect(sheet.rows[0].texts == ["a", "", "c"])
        #expect(sheet.rows[0][1] == nil)
        #expect(sheet.rows[0][2]?.reference == "C1")
        // A cell without `r` follows the one before it: B4, then C4.
        #expect(sheet.rows[1][2]?.text == "3")
        #expect(sheet.rows[1][2]?.reference == "C4")
        #expect(sheet.rows[1].texts.count == 27)
        #expect(sheet.rows[1][26]?.text == "aa")
    }

    @Test("a blank styled cell and an empty string are no value")
    func blankCells() throws {
        let rows = "<row r=\"1\"><c r=\"A1\" s=\"1\"/><c r=\"B1\" t=\"inlineStr\"><is><t></t></is></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c></row>"
        let sheet = try XLSX.read(try XLSX.workbook([.init(name: "S", data: rows)]))
        #expect(sheet.rows.map(\.number) == [2])
    }

    static let dateStyles = """
        <numFmts count="3">\
        <numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>\
        <numFmt numFmtId="177" formatCode="[h]:mm:ss"/>\
        <numFmt numFmtId="178" formatCode="#,##0.00&quot;万元&quot;;[Red]\\-#,##0.00"/>\
        </numFmts>\
        <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="178"/><xf numFmtId="31"/></cellXfs>
        """

    @Test("a number styled as a date is the day its serial names",
          arguments: [(1, true), (2, true), (3, false), (4, false), (0, false), (5, true)])
    func dateStyle(style: Int, isDate: Bool) throws {
        let row = "<row r=\"1\"><c r=\"A1\" s=\"\(style)\"><v>45056</v></c></row>"
        let sheet = try XLSX.read(try XLSX.workbook([.init(name: "S", data: row)], styles: Self.dateStyles))
        let cell = try #require(sheet.rows.first?[0])
        #expect(cell.number == 45056)
        #expect(cell.text == "45056")
        #expect(cell.isDateFormatted == isDate)
        #expect(cell.date == (isDate ? SheetDate(year: 2023, month: 5, day: 10) : nil))
    }

    @Test("a 1904-based workbook counts its serials from 1904-01-01")
    func date1904() throws {
        let row = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>43594</v></c><c r=\"B1\" t=\"d\"><v>2021-12-15T00:00:00</v></c></row>"
        let sheet = try XLSX.read(try XLSX.workbook([.init(name: "S", data: row)], styles: Self.dateStyles, date1904: true))
        #expect(sheet.usesDate1904)
        #expect(sheet.rows.first?[0]?.date == SheetDate(year: 2023, month: 5, day: 10))
        #expect(sheet.rows.first?[1]?.kind == .date)
        #expect(sheet.rows.first?[1]?.date == SheetDate(year: 2021, month: 12, day: 15))
    }

    @Test("date serials in the 1900 system, with Excel's phantom 1900-02-29",
          arguments: [
            (1.0, "1900-01-01"), (59, "1900-02-28"), (60, "none"), (61, "1900-03-01"),
            (45056, "2023-05-10"), (45056.75, "2023-05-10"), (0, "none"), (-3, "none"), (2_958_465, "9999-12-31"),
            (2_958_466, "none"),
          ])
    func serials1900(serial: Double, expected: String) {
        #expect(SheetDate(serial: serial, date1904: false)?.description ?? "none" == expected)
    }

    @Test("date serials in the 1904 system", arguments: [(0.0, "1904-01-01"), (1, "1904-01-02"), (43594, "2023-05-10"), (-1, "none")])
    func serials1904(serial: Double, expected: String) {
        #expect(SheetDate(serial: serial, date1904: true)?.description ?? "none" == expected)
    }

    @Test("cell references name a 0-based column and a 1-based row",
          arguments: [
            ("A1", 0, 1), ("C17", 2, 17), ("Z9", 25, 9), ("AA3", 26, 3), ("$B$2", 1, 2), ("xfd1048576", 16383, 1_048_576),
          ])
    func references(text: String, column: Int, row: Int) {
        #expect(CellReference(text) == CellReference(column: column, row: row))
    }

    @Test("malformed or out-of-grid references are refused", arguments: ["", "A", "17", "1A", "A0", "XFE1", "A1048577", "A-1", "ＡＢ1"])
    func badReferences(text: String) {
        #expect(CellReference(text) == nil)
    }

    @Test("column names round-trip", arguments: [0, 1, 25, 26, 27, 51, 52, 701, 702, 16383])
    func columnNames(column: Int) {
        let name = CellReference.columnName(column)
        #expect(CellReference("\(name)1")?.column == column)
    }

    @Test("without a name, the first visible sheet is read; with one, that sheet")
    func sheetChoice() throws {
        let data = try XLSX.workbook([
            .init(name: "说明", data: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>hidden</t></is></c></row>", state: "hidden"),
            .init(name: "名录", data: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>first</t></is></c></row>"),
            .init(name: "2023", data: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>named</t></is></c></row>"),
        ])
        #expect(try XLSX.read(data).textRows == [["first"]])
        #expect(try XLSX.read(data, sheet: "2023").textRows == [["named"]])
        #expect(try XLSX.read(data, sheet: "说明").textRows == [["hidden"]])
        #expect(XLSX.failure(data, sheet: "2024") == "名录.xlsx：工作簿中没有名为“2024”的工作表（现有：“说明”、“名录”、“2023”）")
    }

    @Test("the workbook is found through the package relationships wherever it sits")
    func workbookElsewhere() throws {
        let data = try XLSX.workbook(
            [.init(name: "S", data: "<row r=\"1\"><c r=\"A1\"><v>7</v></c></row>")], workbookPath: "book/main.xml")
        #expect(try XLSX.read(data).textRows == [["7"]])
    }

    @Test("a truncated .xlsx is named as not a valid workbook")
    func truncated() throws {
        let whole = try XLSX.workbook([.init(name: "S", data: "<row r=\"1\"><c r=\"A1\"><v>7</v></c></row>")])
        let message = XLSX.failure(Data(whole.prefix(whole.count / 2)))
        #expect(message?.hasPrefix("名录.xlsx：不是有效的 Excel 工作簿（.xlsx）") == true, "\(message ?? "no error")")
        #expect(message?.hasSuffix("文件可能已损坏或被截断") == true)
    }

    @Test("files that are not .xlsx packages are refused by what they are",
          arguments: [
            (Data(), "名录.xlsx：文件为空（0 字节），请重新提交"),
            (Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), "名录.xlsx：加密工作簿或旧版 .xls 格式，请另存为 .xlsx"),
            (Data("统一社会信用代码,名称\n".utf8), "名录.xlsx：不是有效的 Excel 工作簿（.xlsx）（文件头不是 ZIP），文件可能已损坏或被截断"),
          ])
    func notWorkbooks(data: Data, message: String) {
        #expect(XLSX.failure(data) == message)
    }

    @Test("a Word document renamed to .xlsx is named as such")
    func wordDocument() throws {
        let docx = try DocxFixture.docx(body: DocxFixture.p(DocxFixture.r("正文")))
        #expect(XLSX.failure(docx) == "名录.xlsx：不是有效的 Excel 工作簿（.xlsx）（文件是 Word 文档），文件可能已损坏或被截断")
    }

    @Test("broken cells are refused naming the sheet and cell",
          arguments: [
            ("<row r=\"3\"><c r=\"C3\" t=\"s\"><v>9</v></c></row>", "名录.xlsx 工作表“S” C3：共享字符串序号“9”超出范围（共 1 项），文件已损坏"),
            ("<row r=\"3\"><c r=\"C3\"><f>1+1</f></c></row>", "名录.xlsx 工作表“S” C3：公式没有保存计算结果，请在 Excel 中打开并保存后重试"),
            ("<row r=\"3\"><c r=\"C3\"><v>abc</v></c></row>", "名录.xlsx 工作表“S” C3：数值“abc”无法识别"),
            ("<row r=\"3\"><c r=\"C4\"><v>1</v></c></row>", "名录.xlsx 工作表“S” C4：单元格不属于其所在的第3行，文件已损坏"),
            ("<row r=\"3\"><c r=\"3C\"><v>1</v></c></row>", "名录.xlsx 工作表“S” 第3行：单元格引用“3C”无效"),
            ("<row r=\"3\"><c r=\"A3\"><v>1</v></c><c r=\"A3\"><v>2</v></c></row>", "名录.xlsx 工作表“S” A3：该单元格出现了两次，文件已损坏"),
            ("<row r=\"3\"><c r=\"A3\" t=\"x\"><v>1</v></c></row>", "名录.xlsx 工作表“S” A3：未知的单元格类型“x”"),
            ("<row r=\"3\"><c r=\"A3\" t=\"d\"><v>2023-02-30</v></c></row>", "名录.xlsx 工作表“S” A3：日期“2023-02-30”无法识别"),
          ])
    func brokenCells(row: String, message: String) throws {
        let data = try XLSX.workbook([.init(name: "S", data: row)], sharedStrings: ["<si><t>x</t></si>"])
        #expect(XLSX.failure(data) == message)
    }

    @Test("a DOCTYPE in a sheet is refused before any entity is read")
    func doctype() throws {
        let data = try XLSX.workbook([.init(name: "S", data: "")]) { _ in
            """
            <?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\
            <worksheet xmlns="\(XLSX.main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>
            """
        }
        #expect(XLSX.failure(data)?.contains("DTD") == true)
    }

    @Test("the zip-bomb limits of OPCPackage apply to workbooks too")
    func limits() throws {
        let rows = (1...200).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        let data = try XLSX.workbook([.init(name: "S", data: rows)])
        var limits = ReadLimits.standard
        limits.maxPartBytes = 2_000
        do {
            _ = try Spreadsheet.read(data: data, displayName: "名录.xlsx", limits: limits)
            Issue.record("a part over the limit must be refused")
        } catch let error as ReadError {
            guard case .limitExceeded(_, .partSize, 2_000) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
        }
    }

    @Test("rows out of order are sorted; a row given twice is refused")
    func rowOrder() throws {
        let shuffled = "<row r=\"5\"><c r=\"A5\"><v>5</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</v></c></row>"
        #expect(try XLSX.read(try XLSX.workbook([.init(name: "S", data: shuffled)])).rows.map(\.number) == [2, 5])
        let twice = "<row r=\"2\"><c r=\"A2\"><v>2</v></c></row><row r=\"2\"><c r=\"B2\"><v>3</v></c></row>"
        #expect(XLSX.failure(try XLSX.workbook([.init(name: "S", data: twice)])) == "名录.xlsx 工作表“S” 第2行：该行在工作表中出现了两次，文件已损坏")
    }
}
