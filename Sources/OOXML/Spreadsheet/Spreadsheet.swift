import Foundation

/// Reads one worksheet of an `.xlsx` workbook into Swift values.
///
/// Only what a registry table needs: cell values (shared strings with their
/// rich-text runs, inline strings, numbers, booleans, error codes, cached
/// formula results) and whether a number is shown as a date. Formulas are
/// never evaluated, and a formula without a cached result is an error rather
/// than an empty cell. The package is opened with `OPCPackage`, so the same
/// zip-bomb and XML limits apply as for Word documents.
public enum Spreadsheet {
    /// Reads the sheet called `sheet`, or the first visible sheet when nil.
    /// `displayName` names the file in messages (defaults to its file name).
    public static func read(
        url: URL, displayName: String? = nil, sheet: String? = nil, limits: ReadLimits = .standard
    ) throws -> Worksheet {
        let name = displayName ?? url.lastPathComponent
        return try read(data: try InputFile.read(url, name: name, limits: limits), displayName: name, sheet: sheet, limits: limits)
    }

    /// Reads in-memory workbook bytes (tests, generated files).
    public static func read(
        data: Data, displayName: String, sheet: String? = nil, limits: ReadLimits = .standard
    ) throws -> Worksheet {
        if data.count > limits.maxFileBytes {
            throw ReadError.limitExceeded(file: displayName, limit: .fileSize, value: limits.maxFileBytes)
        }
        try checkSignature(data.prefix(8), file: displayName)
        let package = try openZip(file: displayName) {
            try OPCPackage(zipData: data, displayName: displayName, limits: limits)
        }
        return try WorkbookReader(package: package).worksheet(named: sheet)
    }

    /// Refuses what is recognisably not an `.xlsx` before unzipping anything.
    private static func checkSignature(_ prefix: Data, file: String) throws {
        switch DocumentReader.sniff(prefix) {
        case .zip: return
        case .empty: throw ReadError.emptyFile(file: file)
        case .ole: throw SpreadsheetError.legacyOrEncrypted(file: file)
        case .pdf: throw SpreadsheetError.notWorkbook(file: file, reason: "文件实为 PDF")
        case .rtf: throw SpreadsheetError.notWorkbook(file: file, reason: "文件实为 RTF")
        case .xml: throw SpreadsheetError.notWorkbook(file: file, reason: "文件是 XML，不是 .xlsx 压缩包")
        case .other: throw SpreadsheetError.notWorkbook(file: file, reason: "文件头不是 ZIP")
        }
    }

    /// `ReadError.notZip` speaks of `.docx`; a workbook's reader says `.xlsx`.
    private static func openZip(file: String, _ open: () throws -> OPCPackage) throws -> OPCPackage {
        do {
            return try open()
        } catch ReadError.notZip(_, let reason) {
            throw SpreadsheetError.notWorkbook(file: file, reason: reason)
        }
    }
}

/// One worksheet: its name and the rows that hold at least one value.
public struct Worksheet: Sendable, Equatable {
    public let name: String
    /// Rows in ascending order; rows without any value are left out, so
    /// `rows[i].number` need not be `i + 1`.
    public let rows: [SheetRow]
    /// True when the workbook counts dates from 1904 (`workbookPr date1904`).
    public let usesDate1904: Bool

    public init(name: String, rows: [SheetRow], usesDate1904: Bool = false) {
        self.name = name
        self.rows = rows
        self.usesDate1904 = usesDate1904
    }

    /// Every row as texts, gaps filled with "" (the row numbers are dropped).
    public var textRows: [[String]] { rows.map(\.texts) }
}

/// One row of a worksheet. Cells are kept sparse: only cells with a value.
public struct SheetRow: Sendable, Equatable {
    /// 1-based, as the spreadsheet shows it.
    public let number: Int
    /// Cells with a value, in ascending column order.
    public let cells: [SheetCell]

    public init(number: Int, cells: [SheetCell]) {
        self.number = number
        self.cells = cells
    }

    /// The cell in `column` (0-based: A = 0), or nil when it holds no value.
    public subscript(column: Int) -> SheetCell? {
        var low = 0
        var high = cells.count
        while low < high {
            let middle = (low + high) / 2
            if cells[middle].column < column { low = middle + 1 } else { high = middle }
        }
        return low < cells.count && cells[low].column == column ? cells[low] : nil
    }

    /// Texts from column A to the last cell with a value, gaps as "".
    public var texts: [String] {
        guard let last = cells.last else { return [] }
        var result = [String](repeating: "", count: last.column + 1)
        for cell in cells { result[cell.column] = cell.text }
        return result
    }
}

/// One cell with a value.
public struct SheetCell: Sendable, Equatable {
    /// What the cell stores (`c/@t`).
    public enum Kind: Sendable, Equatable {
        /// A shared, inline or formula string.
        case text
        case number
        /// `text` is "TRUE" or "FALSE".
        case boolean
        /// An error value; `text` is its code ("#N/A").
        case error
        /// An ISO 8601 date cell (`t="d"`).
        case date
    }

    /// "C17".
    public let reference: String
    /// 0-based: A = 0, C = 2.
    public let column: Int
    public let kind: Kind
    /// The string, or for a number its stored form ("45056", "0.125").
    public let text: String
    /// The stored number of a numeric cell.
    public let number: Double?
    /// True when the cell's number format shows a date or time.
    public let isDateFormatted: Bool
    /// The day a date-formatted number (or a `t="d"` cell) stands for, in the
    /// workbook's date system; nil for other cells and for serials that name
    /// no day (0, 60 in the 1900 system).
    public let date: SheetDate?

    public init(
        reference: String, column: Int, kind: Kind, text: String, number: Double? = nil,
        isDateFormatted: Bool = false, date: SheetDate? = nil
    ) {
        self.reference = reference
        self.column = column
        self.kind = kind
        self.text = text
        self.number = number
        self.isDateFormatted = isDateFormatted
        self.date = date
    }
}
