import Foundation

/// Why a workbook could not be read, beyond the package-level `ReadError`s
/// (limits, broken XML, missing parts) that `Spreadsheet` also throws.
public enum SpreadsheetError: Error, LocalizedError, Equatable, Sendable {
    /// Not an `.xlsx` zip: truncated, corrupt, or another kind of file.
    case notWorkbook(file: String, reason: String)
    /// An OLE compound file: an encrypted workbook or a legacy `.xls`.
    case legacyOrEncrypted(file: String)
    /// The workbook has no (visible) worksheet, or none called `name`.
    case noSuchSheet(file: String, name: String?, available: [String])
    /// A cell that cannot be read; `reference` is "C17" or, for a row, "第17行".
    case badCell(file: String, sheet: String, reference: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case let .notWorkbook(file, reason):
            return "\(file)：不是有效的 Excel 工作簿（.xlsx）（\(reason)），文件可能已损坏或被截断"
        case let .legacyOrEncrypted(file):
            return "\(file)：加密工作簿或旧版 .xls 格式，请另存为 .xlsx"
        case let .noSuchSheet(file, name, available):
            let list = available.isEmpty ? "无" : available.map { "“\($0)”" }.joined(separator: "、")
            if let name {
                return "\(file)：工作簿中没有名为“\(name)”的工作表（现有：\(list)）"
            }
            return "\(file)：工作簿中没有可读取的工作表（现有：\(list)）"
        case let .badCell(file, sheet, reference, reason):
            return "\(file) 工作表“\(sheet)” \(reference)：\(reason)"
        }
    }
}
