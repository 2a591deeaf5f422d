import Foundation
import Testing
import OOXML
import Review
import TestSupport

/// Valid codes (both GB 32100 checks pass) and one that fails the final check.
enum Codes {
    static let wuxiA = "91320214MA1XK2P37L"
    static let wuxiB = "91320214MA1Y000184"
    static let wuxiC = "91320214MA2000027T"
    static let chengdu = "91510100MA1XK2P37F"
    static let institution = "123202004660123459"
    /// wuxiA with its check character changed.
    static let badCheck = "91320214MA1XK2P37M"
}

/// Builds small `.xlsx` registries from rows of cells (shared strings, rich
/// text, inline strings, numbers and date-formatted serials).
enum RegistryWorkbook {
    enum Cell {
        case text(String)
        /// A shared string split into rich-text runs.
        case runs([String])
        case inline(String)
        case number(String)
        /// A number in built-in format 14 (a date).
        case dateSerial(Int)
        /// No `c` element at all: a gap in a sparse row.
        case gap
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// `stored` writes the zip without compression, so the bytes do not
    /// depend on the zlib version (committed samples).
    static func data(_ rows: [[Cell]], sheet: String = "名录", date1904: Bool = false, stored: Bool = false) throws -> Data {
        var shared: [String] = []
        var sheetRows = ""
        for (rowIndex, row) in rows.enumerated() {
            let number = rowIndex + 1
            var cells = ""
            for (column, cell) in row.enumerated() {
                let reference = "\(CellReference.columnName(column))\(number)"
                switch cell {
                case .text(let text):
                    shared.append("<si><t xml:space=\"preserve\">\(escape(text))</t></si>")
                    cells += "<c r=\"\(reference)\" t=\"s\"><v>\(shared.count - 1)</v></c>"
                case .runs(let runs):
                    let body = runs.map { "<r><rPr><b/></rPr><t xml:space=\"preserve\">\(escape($0))</t></r>" }.joined()
                    shared.append("<si>\(body)</si>")
                    cells += "<c r=\"\(reference)\" t=\"s\"><v>\(shared.count - 1)</v></c>"
                case .inline(let text):
                    cells += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>"
                case .number(let value):
                    cells += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                case .dateSerial(let serial):
                    cells += "<c r=\"\(reference)\" s=\"1\"><v>\(serial)</v></c>"
                case .gap:
                    continue
                }
            }
            sheetRows += "<row r=\"\(number)\">\(cells)</row>"
        }
        var writer = PackageWriter()
        func add(_ name: String, _ xml: String) {
            writer.add(name, Data(xml.utf8), compress: !stored)
        }
        add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?>\
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>
            """)
        add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?>\
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(rels)/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?>\
            <workbook xmlns="\(main)" xmlns:r="\(rels)"><workbookPr\(date1904 ? " date1904=\"1\"" : "")/>\
            <sheets><sheet name="\(escape(sheet))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        add("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8"?>\
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(rels)/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="\(rels)/sharedStrings" Target="sharedStrings.xml"/>\
            <Relationship Id="rId3" Type="\(rels)/styles" Target="styles.xml"/>\
            </Relationships>
            """)
        add("xl/worksheets/sheet1.xml", """
            <?xml version="1.0" encoding="UTF-8"?>\
            <worksheet xmlns="\(main)"><sheetData>\(sheetRows)</sheetData></worksheet>
            """)
        add("xl/sharedStrings.xml", """
            <?xml version="1.0" encoding="UTF-8"?>\
            <sst xmlns="\(main)" count="\(shared.count)" uniqueCount="\(shared.count)">\(shared.joined())</sst>
            """)
        add("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8"?>\
            <styleSheet xmlns="\(main)"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>
            """)
        return try writer.archiveData()
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// The committed samples under fixtures/registry-samples.
enum RegistrySamples {
    static let directory = Repository.url("fixtures/registry-samples")

    static func url(_ relative: String) -> URL {
        directory.appendingPathComponent(relative)
    }

    /// `valid/certificates.xlsx`: shared strings, rich text, an empty code,
    /// date serials, a year-only number, an explicit 有效期至.
    static func certificatesWorkbook() throws -> Data {
        typealias C = RegistryWorkbook.Cell
        return try RegistryWorkbook.data([
            [.text("序号"), .text("企业名称"), .text("统一社会信用代码"), .text("资质类型"), .text("证书编号"),
             .text("发证日期"), .text("有效期至")],
            [.number("1"), .runs(["无锡“小巨人”", "科技有限公司"]), .text(Codes.wuxiA), .text("专精特新“小巨人”企业"),
             .text("工信部企业函〔2023〕1号"), .dateSerial(45056), .dateSerial(46882)],
            [.number("2"), .text("无锡“小巨人”科技有限公司"), .text(Codes.wuxiA), .text("国家高新技术企业"),
             .text("GR202132001234"), .dateSerial(44545), .gap],
            [.number("3"), .text("江苏省物联网创新中心"), .gap, .text("创新平台"), .inline("苏工信〔2021〕5号"),
             .number("2021"), .gap],
        ], sheet: "认定名录", stored: true)
    }

    /// `hostile/certificates-truncated.xlsx`: the first half of a workbook.
    static func truncatedWorkbook() throws -> Data {
        let whole = try certificatesWorkbook()
        return Data(whole.prefix(whole.count / 2))
    }
}

/// The message of the error `body` throws, or nil (recorded as an issue).
func registryFailure(_ body: () throws -> Void) -> String? {
    do {
        try body()
        Issue.record("expected an error")
        return nil
    } catch {
        return error.localizedDescription
    }
}

/// "credit.csv" bytes from lines joined by "\n".
func csv(_ lines: String...) -> Data {
    Data(lines.joined(separator: "\n").utf8)
}
