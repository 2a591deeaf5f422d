import Foundation
import Forms
import OOXML

/// One cell of a registry file, whichever format it came in.
struct RegistryCell: Sendable {
    let text: String
    /// The stored number of a numeric spreadsheet cell.
    var number: Double?
    /// The day a date-formatted spreadsheet cell shows.
    var date: SheetDate?
    /// Whether a spreadsheet cell's number format shows a date (whatever its serial).
    var isDateFormatted = false
    /// The workbook's date system, to read an unformatted serial.
    var date1904 = false
}

/// One row with at least one non-blank cell.
struct RegistryRow: Sendable {
    /// 1-based, as a spreadsheet shows it (header = row 1 in a plain file).
    let number: Int
    /// Non-blank cells by 0-based column.
    let cells: [Int: RegistryCell]

    subscript(column: Int) -> RegistryCell? { cells[column] }

    /// One past the last column that holds text.
    var width: Int { (cells.keys.max() ?? -1) + 1 }
}

/// The rows of a registry file: a CSV's records or an XLSX's first sheet.
struct RegistryTable: Sendable {
    enum Format: Sendable { case csv, xlsx }

    let file: String
    let format: Format
    let rows: [RegistryRow]
    /// "GB18030" when a CSV had to be read as GBK/GB18030, else nil (UTF-8).
    var encoding: String?

    /// Reads `data` as the format its file name's extension says.
    static func read(data: Data, file: String, limits: ReadLimits) throws -> RegistryTable {
        switch (file as NSString).pathExtension.lowercased() {
        case "csv":
            return try readCSV(data, file: file, limits: limits)
        case "xlsx", "xlsm":
            return try readWorkbook(data, file: file, limits: limits)
        case "xls":
            throw RegistryError.unsupportedFormat(file: file, reason: "旧版 .xls 格式不受支持，请另存为 .xlsx 或 CSV UTF-8")
        default:
            throw RegistryError.unsupportedFormat(file: file, reason: "登记表应为 .csv 或 .xlsx 文件")
        }
    }

    static func readCSV(_ data: Data, file: String, limits: ReadLimits) throws -> RegistryTable {
        if data.count > limits.maxFileBytes {
            throw RegistryError.unreadable(
                file: file, message: ReadError.limitExceeded(file: file, limit: .fileSize, value: limits.maxFileBytes)
                    .localizedDescription)
        }
        let (text, encoding) = try CSVText.decode(data, file: file)
        var rows: [RegistryRow] = []
        for record in try CSVText.records(text, file: file) {
            var cells: [Int: RegistryCell] = [:]
            for (column, field) in record.fields.enumerated() where !isBlank(field) {
                cells[column] = RegistryCell(text: field)
            }
            if !cells.isEmpty { rows.append(RegistryRow(number: record.row, cells: cells)) }
        }
        return RegistryTable(file: file, format: .csv, rows: rows, encoding: encoding)
    }

    static func readWorkbook(_ data: Data, file: String, limits: ReadLimits) throws -> RegistryTable {
        let sheet: Worksheet
        do {
            sheet = try Spreadsheet.read(data: data, displayName: file, limits: limits)
        } catch let error as LocalizedError {
            throw RegistryError.unreadable(file: file, message: error.localizedDescription)
        }
        var rows: [RegistryRow] = []
        rows.reserveCapacity(sheet.rows.count)
        for row in sheet.rows {
            var cells: [Int: RegistryCell] = [:]
            for cell in row.cells where !isBlank(cell.text) {
                cells[cell.column] = RegistryCell(
                    text: cell.text, number: cell.number, date: cell.date,
                    isDateFormatted: cell.isDateFormatted, date1904: sheet.usesDate1904)
            }
            if !cells.isEmpty { rows.append(RegistryRow(number: row.number, cells: cells)) }
        }
        return RegistryTable(file: file, format: .xlsx, rows: rows)
    }

    private static func isBlank(_ text: String) -> Bool {
        TextNormalizer.compact(text).isEmpty
    }
}
