import Foundation
import Forms

/// Why a registry could not be read. Any of these stops the run (exit 2):
/// a half-read registry would pass applications it should not. Messages name
/// the file and, where there is one, the row as a spreadsheet numbers it
/// (header = row 1) and the column by the header the file gives it.
public enum RegistryError: Error, LocalizedError, Equatable, Sendable {
    /// A cell that cannot be read.
    case invalidCell(file: String, row: Int, column: String, problem: CellProblem)
    /// Required columns the header row lacks (canonical labels).
    case missingColumns(file: String, headerRow: Int, columns: [String])
    /// Two header cells name the same column (a label and its alias).
    case duplicateColumn(file: String, headerRow: Int, column: String, headers: [String])
    /// No byte, or no cell with any text.
    case emptyFile(file: String)
    /// A header row and nothing after it.
    case noRows(file: String, headerRow: Int)
    case encoding(file: String, problem: EncodingProblem)
    /// CSV syntax: an unclosed quote, text after a closing quote.
    case malformedCSV(file: String, row: Int, reason: String)
    /// A CSV row with more fields than the header has columns (usually an
    /// unquoted comma inside a name, which shifts every column after it).
    case extraFields(file: String, row: Int, fields: Int, columns: Int)
    /// The workbook itself could not be opened; `message` already names the file.
    case unreadable(file: String, message: String)
    /// A file that is not CSV or XLSX (credit.xls), or content that does not
    /// match its extension.
    case unsupportedFormat(file: String, reason: String)
    /// Both credit.csv and credit.xlsx (say) in one directory.
    case ambiguousFiles(directory: String, files: [String])
    case directoryNotFound(path: String)

    public enum EncodingProblem: Equatable, Sendable {
        /// Not UTF-8, and this system cannot decode GB18030.
        case gbkUnsupported
        /// Neither UTF-8 nor GB18030.
        case unknown
        /// A UTF-8 byte-order mark followed by bytes that are not UTF-8.
        case brokenUTF8
        case utf16
    }

    public var errorDescription: String? {
        switch self {
        case let .invalidCell(file, row, column, problem):
            return "\(file) 第\(row)行 \"\(excerpt(column))\" 列：\(problem.message)"
        case let .missingColumns(file, headerRow, columns):
            let list = columns.map { "\"\($0)\"" }.joined(separator: "、")
            return "\(file) 第\(headerRow)行（表头）：缺少必需的列 \(list)"
        case let .duplicateColumn(file, headerRow, column, headers):
            let list = headers.map { "\"\(excerpt($0))\"" }.joined(separator: "、")
            return "\(file) 第\(headerRow)行（表头）：\(list) 都对应 \"\(column)\" 列，请只保留一列"
        case let .emptyFile(file):
            return "\(file)：文件为空"
        case let .noRows(file, headerRow):
            return "\(file)：第\(headerRow)行表头之后没有数据行"
        case let .encoding(file, problem):
            switch problem {
            case .gbkUnsupported:
                return "\(file)：文件不是 UTF-8 编码（疑似 GBK/GB18030），请另存为 UTF-8"
            case .unknown:
                return "\(file)：文件既不是 UTF-8 编码也不是 GBK/GB18030 编码，请另存为 UTF-8"
            case .brokenUTF8:
                return "\(file)：文件标明为 UTF-8 编码，但含有不是 UTF-8 的字节，请重新另存为 UTF-8"
            case .utf16:
                return "\(file)：文件是 UTF-16 编码（Excel“Unicode 文本”），请另存为“CSV UTF-8（逗号分隔）”"
            }
        case let .malformedCSV(file, row, reason):
            return "\(file) 第\(row)行：CSV 格式错误（\(reason)）"
        case let .extraFields(file, row, fields, columns):
            return "\(file) 第\(row)行：有\(fields)个字段，多于表头的\(columns)列（内容含英文逗号时须用英文双引号括起）"
        case let .unreadable(_, message):
            return message
        case let .unsupportedFormat(file, reason):
            return "\(file)：\(reason)"
        case let .ambiguousFiles(directory, files):
            return "\(directory)：\(files.joined(separator: " 与 ")) 同时存在，无法确定以哪个为准，请只保留一个"
        case let .directoryNotFound(path):
            return "\(path)：登记表目录不存在"
        }
    }
}

/// What is wrong with one registry cell.
public enum CellProblem: Equatable, Sendable {
    /// A required value left empty.
    case empty
    case invalidUSCC(text: String, failure: USCCFailure)
    case unknownGrade(String)
    case unknownCertificateType(String)
    case invalidDate(text: String, failure: ValueFailure)
    case validUntilBeforeIssue(validUntil: CalendarDate, issued: CalendarDate)

    public var message: String {
        switch self {
        case .empty:
            return "不能为空"
        case let .invalidUSCC(text, failure):
            // The reason quotes a character of the cell, which may be a
            // grapheme cluster of any length.
            let reason = excerpt(failure.errorDescription ?? failure.reason, characters: 80)
            return "无效的统一社会信用代码 \"\(excerpt(text))\"（\(reason)）"
        case let .unknownGrade(text):
            return "未知的信用等级 \"\(excerpt(text))\""
        case let .unknownCertificateType(text):
            return "未知的资质类型 \"\(excerpt(text))\""
        case let .invalidDate(text, failure):
            let text = excerpt(text)
            switch failure {
            case .invalidDate: return "日期不存在 \"\(text)\""
            case .incompleteDate: return "日期不完整 \"\(text)\"，应为年月日或年份"
            case .implausibleYear: return "年份不合理 \"\(text)\""
            default: return "无法识别的日期 \"\(text)\""
            }
        case let .validUntilBeforeIssue(validUntil, issued):
            return "有效期至 \(validUntil) 早于认定日期 \(issued)"
        }
    }
}

/// Text from a registry file as a message quotes it: whole when short, else
/// its first `characters` characters and its length, so that a megabyte
/// pasted into one cell does not make a megabyte-long message. The cut also
/// bounds Unicode scalars, since one character may combine any number.
private func excerpt(_ text: String, characters: Int = 40) -> String {
    let scalarLimit = characters * 4
    guard text.count > characters || text.unicodeScalars.count > scalarLimit else { return text }
    var shown = String.UnicodeScalarView(text.prefix(characters).unicodeScalars.prefix(scalarLimit))
    // A cut inside a combining sequence would attach the ellipsis to it.
    while let last = shown.last, last.properties.isGraphemeExtend { shown.removeLast() }
    return "\(String(shown))…（共 \(text.count) 字）"
}
