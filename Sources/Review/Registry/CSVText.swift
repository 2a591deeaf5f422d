import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif

/// Decodes and splits registry CSV files (RFC 4180).
enum CSVText {
    /// GB18030, the superset of GBK that Excel on Chinese Windows writes
    /// ("CSV (逗号分隔)", code page 936). swift-corelibs-foundation decodes it
    /// on Linux through ICU; where a platform cannot, the file is refused by
    /// name rather than read as mojibake.
    static let gb18030 = String.Encoding(
        rawValue: CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue)))

    /// The text of `data` and, when it was not UTF-8, the encoding it was read in.
    /// UTF-8 with or without a byte-order mark; else GBK/GB18030.
    static func decode(_ data: Data, file: String, gb18030Available: Bool = true) throws -> (String, String?) {
        if data.isEmpty { throw RegistryError.emptyFile(file: file) }
        let bytes = [UInt8](data.prefix(8))
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw RegistryError.unsupportedFormat(file: file, reason: "文件实为 Excel 工作簿（.xlsx），请将扩展名改为 .xlsx")
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw RegistryError.unsupportedFormat(file: file, reason: "文件实为旧版 Excel 工作簿（.xls），请另存为 CSV UTF-8 或 .xlsx")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw RegistryError.encoding(file: file, problem: .utf16)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(data: data.dropFirst(3), encoding: .utf8) else {
                throw RegistryError.encoding(file: file, problem: .brokenUTF8)
            }
            return (try checkedText(text, file: file), nil)
        }
        if let text = String(data: data, encoding: .utf8) {
            return (try checkedText(text, file: file), nil)
        }
        guard gb18030Available, String.availableStringEncodings.contains(gb18030) else {
            throw RegistryError.encoding(file: file, problem: .gbkUnsupported)
        }
        guard let text = String(data: data, encoding: gb18030) else {
            throw RegistryError.encoding(file: file, problem: .unknown)
        }
        return (try checkedText(text, file: file), "GB18030")
    }

    /// A NUL character means binary content, not text.
    private static func checkedText(_ text: String, file: String) throws -> String {
        if text.unicodeScalars.contains("\u{0}") {
            throw RegistryError.unsupportedFormat(file: file, reason: "文件含有二进制内容，不是文本 CSV")
        }
        return text
    }

    /// One record and the row a spreadsheet would show it on.
    struct Record {
        let row: Int
        let fields: [String]
    }

    /// Splits `text` into records: fields separated by commas, records by
    /// CRLF, LF or CR; a field in double quotes may hold commas, line breaks
    /// and doubled quotes (""). A quote inside an unquoted field is kept as
    /// text (无锡"小巨人"公司), as spreadsheet programs read it. A record that
    /// spans lines is one row, and a blank line is a row, so row numbers are
    /// those a spreadsheet shows.
    static func records(_ text: String, file: String) throws -> [Record] {
        enum State { case fieldStart, unquoted, quoted, afterQuote }
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var state = State.fieldStart
        var row = 1
        var recordHasContent = false
        var quoteRow = 1
        var skipLineFeed = false

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
        }
        func endRecord() {
            endField()
            records.append(Record(row: row, fields: fields))
            fields = []
            row += 1
            recordHasContent = false
            state = .fieldStart
        }

        for scalar in text.unicodeScalars {
            if skipLineFeed {
                skipLineFeed = false
                if scalar == "\n" { continue }
            }
            recordHasContent = true
            switch state {
            case .fieldStart, .unquoted:
                switch scalar {
                case "\"" where state == .fieldStart:
                    state = .quoted
                    quoteRow = row
                case ",":
                    endField()
                    state = .fieldStart
                case "\r":
                    skipLineFeed = true
                    endRecord()
                case "\n":
                    endRecord()
                default:
                    field.append(scalar)
                    state = .unquoted
                }
            case .quoted:
                if scalar == "\"" {
                    state = .afterQuote
                } else {
                    field.append(scalar)
                }
            case .afterQuote:
                switch scalar {
                case "\"":
                    field.append(scalar)
                    state = .quoted
                case ",":
                    endField()
                    state = .fieldStart
                case "\r":
                    skipLineFeed = true
                    endRecord()
                case "\n":
                    endRecord()
                default:
                    throw RegistryError.malformedCSV(
                        file: file, row: row, reason: "右引号之后应为逗号或换行，实为“\(Character(scalar))”")
                }
            }
        }
        if state == .quoted {
            throw RegistryError.malformedCSV(file: file, row: quoteRow, reason: "引号未闭合")
        }
        if recordHasContent { endRecord() }
        return records
    }
}
