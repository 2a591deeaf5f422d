import Foundation

/// Namespaces of SpreadsheetML, transitional and strict.
enum SpreadsheetML {
    static let mainTransitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let mainStrict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    static let relationshipsTransitional = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relationshipsStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"

    /// Main parts that are documents of another kind, with what to tell the reviewer.
    static let foreignMainTypes: [String: String] = [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "文件是 Word 文档",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "文件是 PowerPoint 演示文稿",
        "application/vnd.ms-excel.sheet.binary.macroEnabled.main": "二进制工作簿（.xlsb）不受支持，请另存为 .xlsx",
    ]

    static func isMain(_ element: XMLElement, _ name: String) -> Bool {
        element.is(name, mainTransitional) || element.is(name, mainStrict)
    }

    static func child(_ element: XMLElement, _ name: String) -> XMLElement? {
        element.firstChild(name, mainTransitional) ?? element.firstChild(name, mainStrict)
    }

    static func relationshipID(_ element: XMLElement) -> String? {
        element.attribute("id", relationshipsTransitional) ?? element.attribute("id", relationshipsStrict)
    }
}

/// Finds a worksheet through the package and workbook relationships and
/// reads its cells. Every part is parsed once and released when done.
struct WorkbookReader {
    let package: OPCPackage

    private var file: String { package.fileName }

    func worksheet(named wanted: String?) throws -> Worksheet {
        defer { package.forgetParsedParts() }
        let workbookPart = try findWorkbookPart()
        guard let workbook = try package.xmlDocument(workbookPart).root, SpreadsheetML.isMain(workbook, "workbook") else {
            throw SpreadsheetError.notWorkbook(file: file, reason: "\(workbookPart.dropFirst()) 的根元素不是 workbook")
        }
        let date1904 = SpreadsheetML.child(workbook, "workbookPr")
            .flatMap { $0.attribute("date1904") }
            .map { $0 == "1" || $0.lowercased() == "true" } ?? false

        var sheets: [(name: String, id: String?, visible: Bool)] = []
        if let list = SpreadsheetML.child(workbook, "sheets") {
            list.forEachChild { sheet in
                guard SpreadsheetML.isMain(sheet, "sheet") else { return }
                let state = sheet.attribute("state") ?? "visible"
                sheets.append((sheet.attribute("name") ?? "", SpreadsheetML.relationshipID(sheet), state == "visible"))
            }
        }
        let chosen: (name: String, id: String?, visible: Bool)?
        if let wanted {
            let trimmed = wanted.trimmingCharacters(in: .whitespaces)
            chosen = sheets.first { $0.name == trimmed }
        } else {
            // The first tab a person sees when opening the workbook.
            chosen = sheets.first { $0.visible }
        }
        guard let chosen else {
            throw SpreadsheetError.noSuchSheet(file: file, name: wanted, available: sheets.map(\.name))
        }

        let relationships = try package.relationships(of: workbookPart)
        guard let id = chosen.id,
              let target = relationships.first(where: { $0.id == id && !$0.isExternal }),
              package.hasPart(target.target) else {
            throw ReadError.missingPart(file: file, part: "工作表“\(chosen.name)”的部件")
        }
        guard target.kind == "worksheet" else {
            throw SpreadsheetError.noSuchSheet(file: file, name: chosen.name + "（图表或对话框工作表，不含数据）",
                                               available: sheets.map(\.name))
        }

        var sharedStrings: [String] = []
        if let part = relationships.first(where: { $0.kind == "sharedStrings" && !$0.isExternal }),
           package.hasPart(part.target) {
            sharedStrings = try readSharedStrings(part.target)
        }
        var formats = NumberFormats()
        if let part = relationships.first(where: { $0.kind == "styles" && !$0.isExternal }),
           package.hasPart(part.target), let root = try package.xmlDocument(part.target).root {
            formats = NumberFormats(stylesheet: root)
        }

        let sheet = SheetParser(
            file: file, sheet: chosen.name, sharedStrings: sharedStrings, formats: formats, date1904: date1904)
        let rows = try sheet.rows(of: try package.xmlDocument(target.target))
        return Worksheet(name: chosen.name, rows: rows, usesDate1904: date1904)
    }

    /// The workbook part, through the package's officeDocument relationship
    /// (or the conventional `xl/workbook.xml` when a writer left it out).
    private func findWorkbookPart() throws -> String {
        let rels = try package.relationships(of: "/")
        let part: String
        if let main = rels.first(where: { $0.kind == "officeDocument" && !$0.isExternal }) {
            part = main.target
        } else if package.hasPart("/xl/workbook.xml") {
            part = "/xl/workbook.xml"
        } else {
            throw ReadError.missingPart(file: file, part: "xl/workbook.xml")
        }
        if let type = package.contentType(of: part), let reason = SpreadsheetML.foreignMainTypes[type] {
            throw SpreadsheetError.notWorkbook(file: file, reason: reason)
        }
        guard package.hasPart(part) else {
            throw ReadError.missingPart(file: file, part: String(part.dropFirst()))
        }
        return part
    }

    private func readSharedStrings(_ part: String) throws -> [String] {
        guard let root = try package.xmlDocument(part).root, SpreadsheetML.isMain(root, "sst") else {
            throw SpreadsheetError.notWorkbook(file: file, reason: "\(part.dropFirst()) 的根元素不是 sst")
        }
        var strings: [String] = []
        root.forEachChild { item in
            if SpreadsheetML.isMain(item, "si") { strings.append(RichText.text(of: item)) }
        }
        return strings
    }
}

/// The text of a string item (`si`, `is`): its `t`, or its runs' `r/t`
/// concatenated; phonetic guides (`rPh`) are not part of the value.
enum RichText {
    static func text(of item: XMLElement) -> String {
        var text = ""
        item.forEachChild { child in
            if SpreadsheetML.isMain(child, "t") {
                text += child.ownText
            } else if SpreadsheetML.isMain(child, "r") {
                child.forEachChild { part in
                    if SpreadsheetML.isMain(part, "t") { text += part.ownText }
                }
            }
        }
        return unescape(text)
    }

    /// Excel writes characters XML cannot hold as `_xHHHH_` (`_x000D_` for a
    /// carriage return) and a literal "_x" as `_x005F_x`.
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
               let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                result.append(scalar)
                index += 7
                continue
            }
            result.append(scalars[index])
            index += 1
        }
        return String(result)
    }
}

/// Reads `worksheet/sheetData` into rows of cells.
struct SheetParser {
    let file: String
    let sheet: String
    let sharedStrings: [String]
    let formats: NumberFormats
    let date1904: Bool

    func rows(of document: XMLDocument) throws -> [SheetRow] {
        guard let root = document.root, SpreadsheetML.isMain(root, "worksheet") else {
            throw SpreadsheetError.notWorkbook(file: file, reason: "工作表“\(sheet)”的根元素不是 worksheet")
        }
        guard let data = SpreadsheetML.child(root, "sheetData") else { return [] }
        var rows: [SheetRow] = []
        var previousRow = 0
        var sorted = true
        try data.forEachChild { row in
            guard SpreadsheetML.isMain(row, "row") else { return }
            let number: Int
            if let text = row.attribute("r") {
                guard let value = Int(text), (1...CellReference.maxRows).contains(value) else {
                    throw SpreadsheetError.badCell(file: file, sheet: sheet, reference: "第\(previousRow + 1)行附近",
                                                   reason: "行号“\(text)”无效")
                }
                number = value
            } else {
                number = previousRow + 1
            }
            if number <= previousRow { sorted = false }
            previousRow = number
            let cells = try self.cells(of: row, number: number)
            if !cells.isEmpty { rows.append(SheetRow(number: number, cells: cells)) }
        }
        if !sorted {
            rows.sort { $0.number < $1.number }
            for (earlier, later) in zip(rows, rows.dropFirst()) where earlier.number == later.number {
                throw SpreadsheetError.badCell(file: file, sheet: sheet, reference: "第\(later.number)行",
                                               reason: "该行在工作表中出现了两次，文件已损坏")
            }
        }
        return rows
    }

    private func cells(of row: XMLElement, number: Int) throws -> [SheetCell] {
        var cells: [SheetCell] = []
        var previousColumn = -1
        var sorted = true
        try row.forEachChild { element in
            guard SpreadsheetML.isMain(element, "c") else { return }
            let column: Int
            if let text = element.attribute("r") {
                guard let reference = CellReference(text) else {
                    throw SpreadsheetError.badCell(file: file, sheet: sheet, reference: "第\(number)行",
                                                   reason: "单元格引用“\(text)”无效")
                }
                guard reference.row == number else {
                    throw SpreadsheetError.badCell(file: file, sheet: sheet, reference: text,
                                                   reason: "单元格不属于其所在的第\(number)行，文件已损坏")
                }
                column = reference.column
            } else {
                column = previousColumn + 1
                guard column < CellReference.maxColumns else {
                    throw SpreadsheetError.badCell(file: file, sheet: sheet, reference: "第\(number)行",
                                                   reason: "单元格超出 Excel 的最大列数")
                }
            }
            if column <= previousColumn { sorted = false }
            previousColumn = column
            if let cell = try self.cell(element, at: CellReference(column: column, row: number)) {
                cells.append(cell)
            }
        }
        if !sorted {
            cells.sort { $0.column < $1.column }
            for (earlier, later) in zip(cells, cells.dropFirst()) where earlier.column == later.column {
                throw SpreadsheetError.badCell(file: file, sheet: sheet, reference: later.reference,
                                               reason: "该单元格出现了两次，文件已损坏")
            }
        }
        return cells
    }

    /// The cell's value, or nil for a cell that holds none (a styled blank).
    private func cell(_ element: XMLElement, at reference: CellReference) throws -> SheetCell? {
        let name = reference.description
        func fail(_ reason: String) -> SpreadsheetError {
            .badCell(file: file, sheet: sheet, reference: name, reason: reason)
        }
        let type = element.attribute("t") ?? "n"
        let value = SpreadsheetML.child(element, "v")?.ownText
        let inline = SpreadsheetML.child(element, "is")
        if value == nil && inline == nil {
            if SpreadsheetML.child(element, "f") != nil {
                throw fail("公式没有保存计算结果，请在 Excel 中打开并保存后重试")
            }
            return nil
        }
        let stored = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)

        switch type {
        case "s":
            guard let index = Int(stored), sharedStrings.indices.contains(index) else {
                throw fail("共享字符串序号“\(stored)”超出范围（共 \(sharedStrings.count) 项），文件已损坏")
            }
            return textCell(sharedStrings[index], at: reference)
        case "inlineStr":
            return textCell(inline.map(RichText.text(of:)) ?? RichText.unescape(value ?? ""), at: reference)
        case "str":
            return textCell(RichText.unescape(value ?? ""), at: reference)
        case "b":
            switch stored.lowercased() {
            case "1", "true": return SheetCell(reference: name, column: reference.column, kind: .boolean, text: "TRUE")
            case "0", "false": return SheetCell(reference: name, column: reference.column, kind: .boolean, text: "FALSE")
            default: throw fail("逻辑值“\(stored)”无效")
            }
        case "e":
            return SheetCell(reference: name, column: reference.column, kind: .error, text: stored)
        case "d":
            guard let date = SheetDate(iso: stored) else { throw fail("日期“\(stored)”无法识别") }
            return SheetCell(reference: name, column: reference.column, kind: .date, text: stored,
                             isDateFormatted: true, date: date)
        case "n":
            if stored.isEmpty { return nil }
            guard let number = Double(stored), number.isFinite else { throw fail("数值“\(stored)”无法识别") }
            let isDate = formats.isDate(style: element.attribute("s").flatMap { Int($0) })
            return SheetCell(
                reference: name, column: reference.column, kind: .number, text: stored, number: number,
                isDateFormatted: isDate, date: isDate ? SheetDate(serial: number, date1904: date1904) : nil)
        default:
            throw fail("未知的单元格类型“\(type)”")
        }
    }

    private func textCell(_ text: String, at reference: CellReference) -> SheetCell? {
        text.isEmpty ? nil : SheetCell(reference: reference.description, column: reference.column, kind: .text, text: text)
    }
}
