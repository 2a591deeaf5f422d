import Foundation
import Testing
import Forms
@testable import Review

@Suite("Registry CSV: encodings, quoting, headers")
struct RegistryCSVTests {
    static let body = """
        统一社会信用代码,名称,信用等级,评价日期
        \(Codes.wuxiA),无锡“小巨人”科技有限公司,A+,2023-05-10
        \(Codes.wuxiB),无锡物联网产业促进中心,B-,2023年5月10日
        """

    @Test("UTF-8 is read with or without a byte-order mark", arguments: [false, true])
    func byteOrderMark(withBOM: Bool) throws {
        let data = (withBOM ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(Self.body.utf8)
        let registry = try CreditRegistry(data: data, file: "credit.csv")
        #expect(registry.entries.count == 2)
        #expect(registry.encoding == nil)
        let first = try #require(registry.entries.first)
        #expect(first.uscc?.code == Codes.wuxiA)
        #expect(first.name == "无锡\"小巨人\"科技有限公司")
        #expect(first.grade == .aPlus)
        #expect(first.evaluatedOn == CalendarDate(year: 2023, month: 5, day: 10))
        #expect(first.row == 2)
        #expect(registry.entries.last?.evaluatedOn == CalendarDate(year: 2023, month: 5, day: 10))
    }

    @Test("quoted fields hold commas, doubled quotes and line breaks; a multi-line record is one row")
    func quoting() throws {
        let text = "统一社会信用代码,名称,信用等级\r\n"
            + "\(Codes.wuxiA),\"无锡\"\"小巨人\"\"科技有限公司\",A\r\n"
            + "\(Codes.wuxiB),\"无锡,第二\r\n有限公司\",B\r\n"
            + "\(Codes.wuxiC),无锡\"第三\"有限公司,E\r\n"
        let message = registryFailure { _ = try CreditRegistry(data: Data(text.utf8), file: "credit.csv") }
        // The record spanning two lines is row 3, so the unknown grade sits on row 4.
        #expect(message == "credit.csv 第4行 \"信用等级\" 列：未知的信用等级 \"E\"")
        let records = try CSVText.records(text, file: "credit.csv")
        #expect(records.map(\.row) == [1, 2, 3, 4])
        #expect(records[1].fields == [Codes.wuxiA, "无锡\"小巨人\"科技有限公司", "A"])
        #expect(records[2].fields == [Codes.wuxiB, "无锡,第二\r\n有限公司", "B"])
        #expect(records[3].fields[1] == "无锡\"第三\"有限公司")
    }

    @Test("line endings: CRLF, LF and a lone CR each end a record; a final newline adds no row",
          arguments: ["\r\n", "\n", "\r"])
    func lineEndings(newline: String) throws {
        let text = ["a,b", "c,d", "", "e,\"f\""].joined(separator: newline) + newline
        let records = try CSVText.records(text, file: "x.csv")
        #expect(records.map(\.fields) == [["a", "b"], ["c", "d"], [""], ["e", "f"]])
        #expect(records.map(\.row) == [1, 2, 3, 4])
    }

    @Test("aliases, any column order, extra columns and a title row above the header")
    func aliasesAndOrder() throws {
        let data = csv(
            "2023年度公共信用评价结果,,,,",
            "评价等级,备注,企业名称,序号,统一社会信用代码",
            "Ｂ＋,,无锡物联网产业促进中心,1,\(Codes.wuxiB)",
            "c,已整改,成都某某有限公司,2,\(Codes.chengdu)")
        let registry = try CreditRegistry(data: data, file: "credit.csv")
        #expect(registry.entries.map(\.grade) == [.bPlus, .c])
        #expect(registry.entries.map(\.row) == [3, 4])
        #expect(registry.entries.map(\.name) == ["无锡物联网产业促进中心", "成都某某有限公司"])
        #expect(registry.entries.allSatisfy { $0.evaluatedOn == nil })
    }

    @Test("GBK/GB18030 bytes are decoded, never read as mojibake")
    func gbk() throws {
        // "统一社会信用代码,名称,信用等级\r\n91320214MA1XK2P37L,无锡“小巨人”科技有限公司,Ａ＋\r\n"
        // in GBK, from Python's str.encode("gbk").
        let bytes: [UInt8] = [
            0xCD, 0xB3, 0xD2, 0xBB, 0xC9, 0xE7, 0xBB, 0xE1, 0xD0, 0xC5, 0xD3, 0xC3, 0xB4, 0xFA, 0xC2, 0xEB, 0x2C,
            0xC3, 0xFB, 0xB3, 0xC6, 0x2C, 0xD0, 0xC5, 0xD3, 0xC3, 0xB5, 0xC8, 0xBC, 0xB6, 0x0D, 0x0A,
            0x39, 0x31, 0x33, 0x32, 0x30, 0x32, 0x31, 0x34, 0x4D, 0x41, 0x31, 0x58, 0x4B, 0x32, 0x50, 0x33, 0x37, 0x4C,
            0x2C, 0xCE, 0xDE, 0xCE, 0xFD, 0xA1, 0xB0, 0xD0, 0xA1, 0xBE, 0xDE, 0xC8, 0xCB, 0xA1, 0xB1, 0xBF, 0xC6,
            0xBC, 0xBC, 0xD3, 0xD0, 0xCF, 0xDE, 0xB9, 0xAB, 0xCB, 0xBE, 0x2C, 0xA3, 0xC1, 0xA3, 0xAB, 0x0D, 0x0A,
        ]
        #expect(String(data: Data(bytes), encoding: .utf8) == nil, "the sample must not be valid UTF-8")
        let registry = try CreditRegistry(data: Data(bytes), file: "credit.csv")
        #expect(registry.encoding == "GB18030")
        #expect(registry.entries.map(\.name) == ["无锡\"小巨人\"科技有限公司"])
        #expect(registry.entries.map(\.grade) == [.aPlus])
        #expect(registry.credit(name: "无锡“小巨人”科技有限公司").count == 1)
    }

    @Test("where GB18030 cannot be decoded, the file is refused naming the encoding")
    func gbkUnavailable() {
        let gbk = Data([0xCD, 0xB3, 0xD2, 0xBB, 0x2C, 0xC3, 0xFB, 0xB3, 0xC6])
        let message = registryFailure { _ = try CSVText.decode(gbk, file: "credit.csv", gb18030Available: false) }
        #expect(message == "credit.csv：文件不是 UTF-8 编码（疑似 GBK/GB18030），请另存为 UTF-8")
    }

    @Test("encodings and contents that are not a UTF-8 or GBK CSV are each named",
          arguments: [
            (Data([0xFF, 0xFE, 0xDF, 0x7E]), "credit.csv：文件是 UTF-16 编码（Excel“Unicode 文本”），请另存为“CSV UTF-8（逗号分隔）”"),
            (Data([0xEF, 0xBB, 0xBF, 0xC3, 0xFB, 0x2C]), "credit.csv：文件标明为 UTF-8 编码，但含有不是 UTF-8 的字节，请重新另存为 UTF-8"),
            (Data([0x61, 0x2C, 0xFF, 0xFF, 0x2C, 0x80]), "credit.csv：文件既不是 UTF-8 编码也不是 GBK/GB18030 编码，请另存为 UTF-8"),
            (Data([0x50, 0x4B, 0x03, 0x04, 0, 0]), "credit.csv：文件实为 Excel 工作簿（.xlsx），请将扩展名改为 .xlsx"),
            (Data([0xD0, 0xCF, 0x11, 0xE0, 0, 0]), "credit.csv：文件实为旧版 Excel 工作簿（.xls），请另存为 CSV UTF-8 或 .xlsx"),
            (Data("统一社会信用代码\u{0},名称".utf8), "credit.csv：文件含有二进制内容，不是文本 CSV"),
          ])
    func badEncodings(data: Data, message: String) {
        #expect(registryFailure { _ = try CreditRegistry(data: data, file: "credit.csv") } == message)
    }

    @Test("CSV syntax errors name the row",
          arguments: [
            ("统一社会信用代码,名称,信用等级\n\(Codes.wuxiA),无锡,A\n\(Codes.wuxiB),\"无锡\n,B\n", "credit.csv 第3行：CSV 格式错误（引号未闭合）"),
            ("统一社会信用代码,名称,信用等级\n\(Codes.wuxiA),\"无锡\"公司,A\n", "credit.csv 第2行：CSV 格式错误（右引号之后应为逗号或换行，实为“公”）"),
            ("统一社会信用代码,名称,信用等级\n\(Codes.wuxiA),无锡,有限公司,A\n", "credit.csv 第2行：有4个字段，多于表头的3列（内容含英文逗号时须用英文双引号括起）"),
          ])
    func syntax(text: String, message: String) {
        #expect(registryFailure { _ = try CreditRegistry(data: Data(text.utf8), file: "credit.csv") } == message)
    }

    @Test("trailing empty fields are not extra fields")
    func trailingCommas() throws {
        let registry = try CreditRegistry(data: csv("统一社会信用代码,名称,信用等级", "\(Codes.wuxiA),无锡,A,,"), file: "credit.csv")
        #expect(registry.entries.count == 1)
    }
}
