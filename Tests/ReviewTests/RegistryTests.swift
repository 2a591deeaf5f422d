import Foundation
import Testing
import Forms
import OOXML
import Review
import TestSupport

private func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day) ?? CalendarDate(year: 1970, month: 1, day: 1)!
}

@Suite("Registries: grades, types, validity")
struct RegistryValueTests {
    @Test("grades are read as people write them",
          arguments: [
            ("A+", CreditGrade.aPlus), ("Ａ＋", .aPlus), ("a", .a), ("b-", .bMinus), ("B－", .bMinus), ("A−", .aMinus),
            ("C+级", .cPlus), (" d ", .d), ("c–", .cMinus), ("Ｂ", .b),
          ])
    func grades(text: String, grade: CreditGrade) {
        #expect(CreditGrade(text) == grade)
    }

    @Test("grades outside the scale are unknown, not a pass", arguments: ["E", "AAA", "A++", "", "优", "B+-", "AA"])
    func unknownGrades(text: String) {
        #expect(CreditGrade(text) == nil)
    }

    @Test("the scale is ordered A+ > A > A- > B+ > B > B- > C+ > C > C- > D")
    func order() {
        #expect(CreditGrade.allCases.sorted(by: >).map(\.description) == ["A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D"])
        #expect(CreditGrade.cPlus > .c)
        #expect(CreditGrade.bMinus > .cPlus)
        // Wuxi 第十五条第（五）项: C+ or below is 严重失信.
        #expect(CreditGrade.allCases.filter { $0 <= .cPlus } == [.d, .cMinus, .c, .cPlus])
    }

    @Test("certificate types are read by their names and common variants",
          arguments: [
            ("制造业单项冠军", CertificateType.champion), ("单项冠军示范企业", .champion),
            ("专精特新\"小巨人\"", .littleGiant), ("专精特新“小巨人”企业", .littleGiant), ("专精特新 「小巨人」", .littleGiant),
            ("专精特新小巨人", .littleGiant), ("专精特新中小企业", .sriSME), ("省级专精特新中小企业", .sriSME),
            ("创新型中小企业", .innovativeSME), ("高新技术企业", .hnte), ("国家高新技术企业", .hnte), ("高 新 技 术 企 业", .hnte),
            ("省级中小企业特色产业集群", .provincialCluster), ("创新平台", .platform), ("省级及以上创新平台", .platform),
            ("little_giant", .littleGiant),
          ])
    func types(text: String, type: CertificateType) {
        #expect(CertificateType(label: text) == type)
    }

    @Test("unknown certificate types are not guessed", arguments: ["瞪羚企业", "专精特新企业", "高新", "", "冠军"])
    func unknownTypes(text: String) {
        #expect(CertificateType(label: text) == nil)
    }

    @Test("a 高新技术企业 certificate without 有效期至 runs three years less a day from issue",
          arguments: [
            (day(2021, 12, 15), day(2024, 12, 14)), (day(2020, 2, 29), day(2023, 2, 27)), (day(2021, 1, 1), day(2023, 12, 31)),
          ])
    func hnteEnd(issued: CalendarDate, end: CalendarDate) {
        let entry = CertificateEntry(uscc: nil, name: "x", type: .hnte, issuedOn: issued)
        #expect(entry.validUntil == end)
        #expect(entry.isValid(on: end))
        #expect(!entry.isValid(on: end.adding(days: 1)))
        #expect(entry.isValid(on: issued))
        #expect(!entry.isValid(on: issued.adding(days: -1)))
    }

    @Test("a recorded 有效期至 wins; other types without one have no end")
    func recordedEnd() {
        let hnte = CertificateEntry(uscc: nil, name: "x", type: .hnte, issuedOn: day(2021, 12, 15),
                                    recordedValidUntil: day(2024, 12, 31))
        #expect(hnte.validUntil == day(2024, 12, 31))
        #expect(hnte.isValid(on: day(2024, 12, 20)))
        let giant = CertificateEntry(uscc: nil, name: "x", type: .littleGiant, issuedOn: day(2019, 6, 1))
        #expect(giant.validUntil == nil)
        #expect(giant.isValid(on: day(2099, 1, 1)))
        #expect(!giant.isValid(on: day(2019, 5, 31)))
    }

    @Test("names compare after width, spaces and quotes; legal forms are kept",
          arguments: [
            ("无锡“小巨人”科技有限公司", "无锡\"小巨人\"科技 有限公司", true),
            ("无锡（集团）有限公司", "无锡(集团)有限公司", true),
            ("ＡＢＣ无锡有限公司", "abc无锡有限公司", true),
            ("无锡某某有限公司", "无锡某某有限责任公司", false),
          ])
    func names(left: String, right: String, same: Bool) {
        #expect((EntityName.key(left) == EntityName.key(right)) == same)
    }
}

@Suite("Registries: reading credit and certificate files")
struct RegistryTests {
    static let creditHeader = "统一社会信用代码,名称,信用等级"

    @Test("the exact error for each unreadable registry cell",
          arguments: [
            ("credit.csv", "统一社会信用代码,名称,信用等级\n\(Codes.badCheck),无锡,A",
             "credit.csv 第2行 \"统一社会信用代码\" 列：无效的统一社会信用代码 \"\(Codes.badCheck)\"（统一社会信用代码第18位（校验码）应为“L”，实为“M”）"),
            ("credit.csv", "统一社会信用代码,名称,评价等级\n\(Codes.wuxiA),无锡,",
             "credit.csv 第2行 \"评价等级\" 列：不能为空"),
            ("credit.csv", "统一社会信用代码,名称,信用等级\n\(Codes.wuxiA),/,A",
             "credit.csv 第2行 \"名称\" 列：不能为空"),
            ("credit.csv", "统一社会信用代码,名称,信用等级,评价日期\n\(Codes.wuxiA),无锡,A,2023-02-30",
             "credit.csv 第2行 \"评价日期\" 列：日期不存在 \"2023-02-30\""),
            ("certificates.csv", "统一社会信用代码,名称,资质类型,证书编号,认定日期\n\(Codes.wuxiA),无锡,瞪羚企业,1,2023",
             "certificates.csv 第2行 \"资质类型\" 列：未知的资质类型 \"瞪羚企业\""),
            ("certificates.csv", "统一社会信用代码,名称,资质类型,证书编号,认定日期\n\(Codes.wuxiA),无锡,高新技术企业,GR1,2023年2月30日",
             "certificates.csv 第2行 \"认定日期\" 列：日期不存在 \"2023年2月30日\""),
            ("certificates.csv", "统一社会信用代码,名称,资质类型,证书编号,发证日期\n\(Codes.wuxiA),无锡,高新技术企业,GR1,2023年5月",
             "certificates.csv 第2行 \"发证日期\" 列：日期不完整 \"2023年5月\"，应为年月日或年份"),
            ("certificates.csv", "统一社会信用代码,名称,资质类型,证书编号,认定日期\n\(Codes.wuxiA),无锡,高新技术企业,GR1,上月",
             "certificates.csv 第2行 \"认定日期\" 列：无法识别的日期 \"上月\""),
            ("certificates.csv", "统一社会信用代码,名称,资质类型,证书编号,认定日期\n\(Codes.wuxiA),无锡,高新技术企业,GR1,",
             "certificates.csv 第2行 \"认定日期\" 列：不能为空"),
            ("certificates.csv", "统一社会信用代码,名称,资质类型,证书编号,认定日期,有效期至\n\(Codes.wuxiA),无锡,创新平台,1,2021-12-15,2020-01-01",
             "certificates.csv 第2行 \"有效期至\" 列：有效期至 2020-01-01 早于认定日期 2021-12-15"),
          ])
    func cellErrors(file: String, text: String, message: String) {
        let data = Data(text.utf8)
        let failure = registryFailure {
            if file.hasPrefix("credit") {
                _ = try CreditRegistry(data: data, file: file)
            } else {
                _ = try CertificateRegistry(data: data, file: file)
            }
        }
        #expect(failure == message)
    }

    @Test("an unknown grade on row 17 is named by file, row and column")
    func row17() {
        var lines = [Self.creditHeader]
        for index in 2...16 { lines.append("\(Codes.wuxiA),无锡第\(index)家,B") }
        lines.append("\(Codes.wuxiB),无锡第17家,E")
        let data = Data(lines.joined(separator: "\r\n").utf8)
        let failure = registryFailure { _ = try CreditRegistry(data: data, file: "credit.csv") }
        #expect(failure == "credit.csv 第17行 \"信用等级\" 列：未知的信用等级 \"E\"")
    }

    @Test("a megabyte cell is quoted by its first 40 characters and its length, the message still naming file, row and column")
    func megabyteCell() throws {
        let code = String(repeating: "9", count: 1_000_000)
        let data = Data("\(Self.creditHeader)\n\(Codes.wuxiA),无锡,A\n\(code),无锡,A".utf8)
        let failure = try #require(registryFailure { _ = try CreditRegistry(data: data, file: "credit.csv") })
        #expect(failure == "credit.csv 第3行 \"统一社会信用代码\" 列：无效的统一社会信用代码 "
                + "\"\(code.prefix(40))…（共 1000000 字）\"（统一社会信用代码应为18位，实为1000000位）")
        #expect(failure.count < 300)
    }

    @Test("long cells and headers are quoted in part; a cell of 40 characters whole",
          arguments: [
            ("统一社会信用代码,名称,信用等级\n\(Codes.wuxiA),无锡,\(String(repeating: "优", count: 500))",
             "credit.csv 第2行 \"信用等级\" 列：未知的信用等级 \"\(String(repeating: "优", count: 40))…（共 500 字）\""),
            ("统一社会信用代码,名称,信用等级\n\(Codes.wuxiA),无锡,\(String(repeating: "优", count: 40))",
             "credit.csv 第2行 \"信用等级\" 列：未知的信用等级 \"\(String(repeating: "优", count: 40))\""),
            ("统一社会信用代码,名称,信用等级\n\(Codes.wuxiA),无锡,E\u{301}\(String(repeating: "\u{301}", count: 500))",
             "credit.csv 第2行 \"信用等级\" 列：未知的信用等级 \"E…（共 1 字）\""),
            ("统一社会信用代码,名称,信用等级（\(String(repeating: "级", count: 300))）\n\(Codes.wuxiA),无锡,E",
             "credit.csv 第2行 \"信用等级(\(String(repeating: "级", count: 35))…（共 306 字）\" 列：未知的信用等级 \"E\""),
          ])
    func longCellQuoted(text: String, message: String) {
        #expect(registryFailure { _ = try CreditRegistry(data: Data(text.utf8), file: "credit.csv") } == message)
    }

    @Test("file-level errors: empty, header only, missing or doubled columns, unknown format",
          arguments: [
            ("credit.csv", "", "credit.csv：文件为空"),
            ("credit.csv", " , \r\n\r\n", "credit.csv：文件为空"),
            ("credit.csv", "统一社会信用代码,名称,信用等级\r\n", "credit.csv：第1行表头之后没有数据行"),
            ("credit.csv", "统一社会信用代码,单位名称\n\(Codes.wuxiA),无锡", "credit.csv 第1行（表头）：缺少必需的列 \"信用等级\""),
            ("certificates.csv", "名称,类型\n无锡,高企",
             "certificates.csv 第1行（表头）：缺少必需的列 \"统一社会信用代码\"、\"证书编号\"、\"认定日期\""),
            ("credit.csv", "统一社会信用代码,企业名称,单位名称,信用等级\n\(Codes.wuxiA),无锡,无锡,A",
             "credit.csv 第1行（表头）：\"企业名称\"、\"单位名称\" 都对应 \"名称\" 列，请只保留一列"),
            ("credit.xls", "x", "credit.xls：旧版 .xls 格式不受支持，请另存为 .xlsx 或 CSV UTF-8"),
            ("credit.txt", "x", "credit.txt：登记表应为 .csv 或 .xlsx 文件"),
          ])
    func fileErrors(file: String, text: String, message: String) {
        let failure = registryFailure {
            if file.hasPrefix("credit") {
                _ = try CreditRegistry(data: Data(text.utf8), file: file)
            } else {
                _ = try CertificateRegistry(data: Data(text.utf8), file: file)
            }
        }
        #expect(failure == message)
    }

    @Test("rows are found by code and by normalised name; an empty code is matched by name")
    func lookups() throws {
        let data = csv(
            "统一社会信用代码,名称,信用等级,评价日期",
            "\(Codes.wuxiA),无锡“小巨人”科技有限公司,A,2022",
            "\(Codes.wuxiA),无锡“小巨人”科技有限公司,B+,2023-06-30 00:00:00",
            ",无锡市物联网产业集群,A-,",
            "无,无锡（集团）有限公司,C,",
            "\(Codes.wuxiB),无锡（集团）有限公司,C+,",
            "\(Codes.wuxiC),无锡“小巨人”科技有限责任公司,A,")
        let registry = try CreditRegistry(data: data, file: "credit.csv")
        let code = try USCC(Codes.wuxiA)
        #expect(registry.credit(uscc: code).map(\.grade) == [.a, .bPlus])
        #expect(registry.credit(uscc: code).map(\.evaluatedOn) == [day(2022, 1, 1), day(2023, 6, 30)])
        #expect(registry.credit(name: "无锡\"小巨人\"科技 有限公司").map(\.row) == [2, 3])
        #expect(registry.credit(name: "无锡市物联网产业集群").first?.uscc == nil)
        #expect(registry.credit(name: "无锡(集团)有限公司").map(\.grade) == [.c, .cPlus])
        #expect(registry.credit(uscc: try USCC(Codes.chengdu)).isEmpty)
        // 有限公司 and 有限责任公司 are different names.
        #expect(registry.credit(name: "无锡“小巨人”科技有限责任公司").map(\.row) == [7])

        // Identity: the code is registered under another name …
        #expect(registry.credit(uscc: code, nameOtherThan: "无锡小巨人有限公司").map(\.row) == [2, 3])
        #expect(registry.credit(uscc: code, nameOtherThan: "无锡“小巨人”科技有限公司").isEmpty)
        // … or the name under another code (a row without a code is no conflict).
        #expect(registry.credit(name: "无锡（集团）有限公司", usccOtherThan: code).map(\.row) == [6])
        #expect(registry.credit(name: "无锡（集团）有限公司", usccOtherThan: try USCC(Codes.wuxiB)).isEmpty)
    }

    @Test("certificate rows: aliases, year-only dates, 有效期至, lookups")
    func certificates() throws {
        let data = csv(
            "认定类型,单位名称,统一社会信用代码,认定文号,认定日期,有效期至",
            "国家高新技术企业,无锡“小巨人”科技有限公司,\(Codes.wuxiA),GR202132001234,2021-12-15,",
            "专精特新“小巨人”企业,无锡“小巨人”科技有限公司,\(Codes.wuxiA),,2023年,2025",
            "省级中小企业特色产业集群,无锡市物联网产业集群,,苏工信〔2022〕1号,2022/7/1,—")
        let registry = try CertificateRegistry(data: data, file: "certificates.csv")
        let rows = registry.certificates(uscc: try USCC(Codes.wuxiA))
        #expect(rows.map(\.type) == [.hnte, .littleGiant])
        #expect(rows[0].number == "GR202132001234")
        #expect(rows[0].validUntil == day(2024, 12, 14))
        #expect(rows[1].number == nil)
        #expect(rows[1].issuedOn == day(2023, 1, 1))
        #expect(rows[1].recordedValidUntil == day(2025, 12, 31))
        let cluster = try #require(registry.certificates(name: "无锡市物联网产业集群").first)
        #expect(cluster.type == .provincialCluster)
        #expect(cluster.uscc == nil)
        #expect(cluster.validUntil == nil)
        #expect(cluster.issuedOn == day(2022, 7, 1))
        #expect(cluster.row == 4)
        #expect(registry.certificates(uscc: try USCC(Codes.wuxiA), nameOtherThan: "别的公司").count == 2)
    }

    @Test("an .xlsx registry: shared strings with runs, inline strings, date serials, a year as a number, a sparse row")
    func workbook() throws {
        let registry = try CertificateRegistry(data: try RegistrySamples.certificatesWorkbook(), file: "certificates.xlsx")
        #expect(registry.entries.count == 3)
        let giant = registry.entries[0]
        #expect(giant.name == "无锡\"小巨人\"科技有限公司")
        #expect(giant.type == .littleGiant)
        #expect(giant.issuedOn == day(2023, 5, 10))
        #expect(giant.validUntil == day(2028, 5, 9))
        let hnte = registry.entries[1]
        #expect(hnte.issuedOn == day(2021, 12, 15))
        #expect(hnte.validUntil == day(2024, 12, 14))
        let platform = registry.entries[2]
        #expect(platform.uscc == nil)
        #expect(platform.number == "苏工信〔2021〕5号")
        #expect(platform.issuedOn == day(2021, 1, 1))
        #expect(registry.certificates(name: "江苏省物联网创新中心").map(\.row) == [4])
    }

    @Test("in an .xlsx, an unformatted serial in a date column is a date; serial 60 names no day")
    func workbookSerials() throws {
        typealias C = RegistryWorkbook.Cell
        let header: [C] = [.text("统一社会信用代码"), .text("名称"), .text("信用等级"), .text("评价日期")]
        let plain = try RegistryWorkbook.data([header, [.text(Codes.wuxiA), .text("无锡"), .inline("Ａ－"), .number("45056")]])
        let registry = try CreditRegistry(data: plain, file: "credit.xlsx")
        #expect(registry.entries.first?.evaluatedOn == day(2023, 5, 10))
        #expect(registry.entries.first?.grade == .aMinus)
        let phantom = try RegistryWorkbook.data([header, [.text(Codes.wuxiA), .text("无锡"), .text("A"), .dateSerial(60)]])
        #expect(registryFailure { _ = try CreditRegistry(data: phantom, file: "credit.xlsx") }
            == "credit.xlsx 第2行 \"评价日期\" 列：日期不存在 \"60\"")
        let badGrade = try RegistryWorkbook.data([header, [.gap, .text("无锡"), .number("3")]])
        #expect(registryFailure { _ = try CreditRegistry(data: badGrade, file: "credit.xlsx") }
            == "credit.xlsx 第2行 \"信用等级\" 列：未知的信用等级 \"3\"")
    }

    @Test("a corrupt .xlsx registry stops the run with the workbook's reason")
    func corruptWorkbook() throws {
        let message = registryFailure {
            _ = try CertificateRegistry(data: try RegistrySamples.truncatedWorkbook(), file: "certificates.xlsx")
        }
        #expect(message?.hasPrefix("certificates.xlsx：不是有效的 Excel 工作簿（.xlsx）") == true, "\(message ?? "")")
    }
}

@Suite("Registries: a directory of registry files")
struct RegistryDirectoryTests {
    private func directory(_ files: [String: Data]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, data) in files { try data.write(to: url.appendingPathComponent(name)) }
        return url
    }

    @Test("absent files leave their registry absent (not checked)")
    func absent() throws {
        let url = try directory(["credit.csv": csv("统一社会信用代码,名称,信用等级", "\(Codes.wuxiA),无锡,A")])
        defer { try? FileManager.default.removeItem(at: url) }
        let registries = try Registries.load(directory: url)
        #expect(registries.credit?.entries.count == 1)
        #expect(registries.credit?.file == "credit.csv")
        #expect(registries.certificates == nil)
        let empty = try directory([:])
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try Registries.load(directory: empty)
        #expect(none.credit == nil && none.certificates == nil)
    }

    @Test("two spellings of one registry, a legacy .xls, or no directory stop the run")
    func ambiguous() throws {
        let both = try directory(["credit.csv": Data("x".utf8), "Credit.XLSX": Data("x".utf8)])
        defer { try? FileManager.default.removeItem(at: both) }
        #expect(registryFailure { _ = try Registries.load(directory: both) }
            == "\(both.lastPathComponent)：Credit.XLSX 与 credit.csv 同时存在，无法确定以哪个为准，请只保留一个")
        let legacy = try directory(["certificates.xls": Data([0xD0, 0xCF, 0x11, 0xE0])])
        defer { try? FileManager.default.removeItem(at: legacy) }
        #expect(registryFailure { _ = try Registries.load(directory: legacy) }
            == "certificates.xls：旧版 .xls 格式不受支持，请另存为 .xlsx 或 CSV UTF-8")
        let missing = legacy.appendingPathComponent("nope")
        #expect(registryFailure { _ = try Registries.load(directory: missing) } == "\(missing.path)：登记表目录不存在")
    }
}

@Suite("Registries: committed samples (fixtures/registry-samples)")
struct RegistrySampleTests {
    /// CLUSTER_REVIEW_REGENERATE=1 rewrites the generated samples.
    @Test("the committed workbooks are exactly what the test support builds")
    func noDrift() throws {
        let generated = [
            ("valid/certificates.xlsx", try RegistrySamples.certificatesWorkbook()),
            ("hostile/certificates-truncated.xlsx", try RegistrySamples.truncatedWorkbook()),
        ]
        for (path, data) in generated {
            let url = RegistrySamples.url(path)
            if ProcessInfo.processInfo.environment["CLUSTER_REVIEW_REGENERATE"] == "1" {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            #expect((try? Data(contentsOf: url)) == data,
                    "\(path) drifted; regenerate with CLUSTER_REVIEW_REGENERATE=1 swift test --filter RegistrySampleTests")
        }
    }

    @Test("the valid sample directory loads both registries")
    func valid() throws {
        let registries = try Registries.load(directory: RegistrySamples.url("valid"))
        let credit = try #require(registries.credit)
        #expect(credit.file == "credit.csv")
        #expect(credit.entries.map(\.grade) == [.aPlus, .cPlus, .bMinus])
        #expect(credit.credit(name: "无锡市物联网产业集群").first?.uscc == nil)
        #expect(credit.credit(name: "无锡“小巨人”科技有限公司").first?.name == "无锡\"小巨人\"科技有限公司")
        let certificates = try #require(registries.certificates)
        #expect(certificates.entries.map(\.type) == [.littleGiant, .hnte, .platform])
    }

    @Test("the GBK sample is decoded as GB18030")
    func gbk() throws {
        let registries = try Registries.load(directory: RegistrySamples.url("gbk"))
        let credit = try #require(registries.credit)
        #expect(credit.encoding == "GB18030")
        #expect(credit.entries.map(\.name) == ["无锡\"小巨人\"科技有限公司", "无锡市物联网产业促进中心"])
        #expect(credit.entries.map(\.grade) == [.aPlus, .c])
    }

    @Test("each hostile sample is refused with its exact message",
          arguments: [
            ("credit-unknown-grade.csv", "credit-unknown-grade.csv 第4行 \"评价等级\" 列：未知的信用等级 \"AAA\""),
            ("credit-unclosed-quote.csv", "credit-unclosed-quote.csv 第3行：CSV 格式错误（引号未闭合）"),
            ("credit-shifted-comma.csv",
             "credit-shifted-comma.csv 第3行：有4个字段，多于表头的3列（内容含英文逗号时须用英文双引号括起）"),
            ("certificates-bad-code.csv",
             "certificates-bad-code.csv 第2行 \"统一社会信用代码\" 列：无效的统一社会信用代码 \"91320214MA1XK2P3\"（统一社会信用代码应为18位，实为16位）"),
            ("certificates-impossible-date.csv", "certificates-impossible-date.csv 第3行 \"发证日期\" 列：日期不存在 \"2023-02-29\""),
            ("certificates-truncated.xlsx", "certificates-truncated.xlsx：不是有效的 Excel 工作簿（.xlsx）（找不到中央目录），文件可能已损坏或被截断"),
          ])
    func hostile(file: String, message: String) {
        let url = RegistrySamples.url("hostile/\(file)")
        let failure = registryFailure {
            if file.hasPrefix("credit") {
                _ = try CreditRegistry.load(url)
            } else {
                _ = try CertificateRegistry.load(url)
            }
        }
        #expect(failure == message)
    }
}
