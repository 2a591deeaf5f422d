import Foundation
import Testing
import Forms

// MARK: - Helpers

private func decimal(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? .nan
}

private func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate? {
    CalendarDate(year: year, month: month, day: day)
}

// MARK: - TextNormalizer

@Suite("TextNormalizer")
struct TextNormalizerTests {
    @Test("full-width digits, letters and punctuation become half-width", arguments: [
        ("４０．５", "40.5"),
        ("１，２３４", "1,234"),
        ("７２．５％", "72.5%"),
        ("（亿元）：", "(亿元):"),
        ("２０２４／５／１０", "2024/5/10"),
        ("－３．２", "-3.2"),
        ("ＧＲ２０２３３２００１２３４", "GR202332001234"),
    ])
    func fullWidth(input: String, expected: String) {
        #expect(TextNormalizer.normalize(input) == expected)
    }

    @Test("spaces collapse, ends are trimmed, invisible characters vanish", arguments: [
        ("  无锡\u{3000}\u{3000}市  ", "无锡 市"),
        ("4\u{200B}0\u{FEFF}.5", "40.5"),
        ("\u{00A0}a\t\nb ", "a b"),
        ("\u{2212}3.2", "-3.2"),
    ])
    func whitespace(input: String, expected: String) {
        #expect(TextNormalizer.normalize(input) == expected)
    }

    @Test("every quotation mark becomes one form", arguments: [
        "专精特新“小巨人”", "专精特新\"小巨人\"", "专精特新「小巨人」", "专精特新‘小巨人’", "专精特新『小巨人』",
    ])
    func quotes(input: String) {
        #expect(TextNormalizer.normalize(input) == "专精特新\"小巨人\"")
    }

    @Test("labels that differ only in width, spacing and punctuation share a key", arguments: [
        ("集群总产值（亿元）：", "集群总产值 (亿元):"),
        ("* 申报单位名称：", "申报单位名称"),
        ("★统一社会信用代码", "统一社会信用代码："),
        ("专精特新“小巨人”企业数量", "专精特新\"小巨人\"企业数量"),
        ("Ｒ＆Ｄ经费（万元）", "r&d经费(万元)"),
        ("联系人、电话", "联系人 电话"),
    ])
    func labelKeysMatch(first: String, second: String) {
        #expect(TextNormalizer.labelKey(first) == TextNormalizer.labelKey(second))
    }

    @Test("labels with different words or units keep different keys", arguments: [
        ("集群总产值（亿元）", "集群总产值（万元）"),
        ("数字化普及率（%）", "数字化普及率"),
        ("主导产业产值", "集群总产值"),
    ])
    func labelKeysDiffer(first: String, second: String) {
        #expect(TextNormalizer.labelKey(first) != TextNormalizer.labelKey(second))
    }

    @Test("a label's key without its unit drops only the trailing bracket")
    func keyWithoutUnit() {
        #expect(TextNormalizer.labelKeyWithoutUnit("集群总产值（亿元）：") == "集群总产值")
        #expect(TextNormalizer.labelKeyWithoutUnit("研究院（所）数量") == TextNormalizer.labelKey("研究院（所）数量"))
    }

    @Test("the unit in a label's trailing brackets is read", arguments: [
        ("集群总产值（亿元）：", "亿元"),
        ("研发经费(万元)", "万元"),
        ("营业收入（元）", "元"),
        ("数字化普及率（％）", "%"),
        ("从业人员（人）", "人"),
        ("规划面积（平方公里）*", "平方公里"),
        ("企业数量（个）", "个"),
        ("发明专利（项）", "项"),
        ("标准（件）", "件"),
        ("专精特新企业（家）", "家"),
        ("面积（单位：平方公里）", "平方公里"),
        ("规划面积（km²）", "平方公里"),
    ])
    func unitInLabel(label: String, symbol: String) {
        #expect(TextNormalizer.unitInLabel(label)?.symbol == symbol)
    }

    @Test("brackets that hold no unit give no unit", arguments: [
        "企业名称（盖章）", "集群名称", "法定代表人（签字）", "备注()", "研究院（所）数量",
    ])
    func noUnitInLabel(label: String) {
        #expect(TextNormalizer.unitInLabel(label) == nil)
    }
}

// MARK: - Empty markers

@Suite("EmptyMarker")
struct EmptyMarkerTests {
    @Test("markers for no value are empty", arguments: [
        "", "  ", "/", "／", "—", "——", "-", "--", "无", "不适用", "N/A", "n/a", "\u{3000}/\u{3000}",
    ])
    func empty(text: String) {
        #expect(EmptyMarker.isEmpty(text))
    }

    @Test("zero and words are values, not markers", arguments: ["0", "0.0", "否", "无锡", "无形资产", "-3"])
    func notEmpty(text: String) {
        #expect(!EmptyMarker.isEmpty(text))
    }
}

// MARK: - NumberParser

@Suite("NumberParser")
struct NumberParserTests {
    let parser = NumberParser()

    @Test("money in any written unit converts to 亿元", arguments: [
        "41.5亿元", "415000万元", "4150000000元", "41.5亿", "４１．５亿元", "41.5 亿元", "4,150,000,000元", "41.5亿元人民币",
        "41.5（亿元）", "41.5（单位：亿元）", "415000（单位：万元）", "415000 (单位: 万元)", "41.5（计量单位：亿元）",
    ])
    func moneyToHundredMillion(text: String) {
        #expect(parser.parse(text, unit: .hundredMillionYuan) == .value(decimal("41.5")))
    }

    @Test("a count with its unit as a note", arguments: ["26400（单位：人）", "26,400人", "26400"])
    func countWithNote(text: String) {
        #expect(parser.parseInteger(text, unit: ValueUnit("人")) == .value(26400))
    }

    @Test("a value without a unit takes the label's unit")
    func labelUnitApplies() {
        #expect(parser.parse("415000", unit: .hundredMillionYuan, labelUnit: .tenThousandYuan) == .value(decimal("41.5")))
        #expect(parser.parse("41.5", unit: .hundredMillionYuan, labelUnit: .hundredMillionYuan) == .value(decimal("41.5")))
        #expect(parser.parse("41.5", unit: .tenThousandYuan, labelUnit: .hundredMillionYuan) == .value(decimal("415000")))
    }

    @Test("units in the cell override the label's unit")
    func cellUnitOverridesLabel() {
        #expect(parser.parse("41.5亿元", unit: .hundredMillionYuan, labelUnit: .tenThousandYuan) == .value(decimal("41.5")))
        #expect(parser.parse("41.5亿", unit: .tenThousandYuan, labelUnit: .tenThousandYuan) == .value(decimal("415000")))
        #expect(parser.parse("3200万元", unit: .hundredMillionYuan, labelUnit: .hundredMillionYuan) == .value(decimal("0.32")))
    }

    @Test("with no field unit the figure is given in the label's unit")
    func labelUnitWithoutField() {
        #expect(parser.parse("415000万元", labelUnit: .hundredMillionYuan) == .value(decimal("41.5")))
    }

    @Test("plain figures with separators, signs and units", arguments: [
        ("1,234", "1234"),
        ("1，234.5", "1234.5"),
        ("１２，３４５，６７８", "12345678"),
        ("-3.2", "-3.2"),
        ("－３．２", "-3.2"),
        ("+3.2", "3.2"),
        (".5", "0.5"),
        ("0", "0"),
        ("12家", "12"),
        ("2300人", "2300"),
        ("45.5平方公里", "45.5"),
        ("45.5km²", "45.5"),
        ("1.2万人", "12000"),
    ])
    func plainFigures(text: String, expected: String) {
        #expect(parser.parse(text) == .value(decimal(expected)))
    }

    @Test("areas convert between square kilometres, hectares and square metres", arguments: [
        ("455公顷", "4.55"),
        ("4550000平方米", "4.55"),
        ("455万平方米", "4.55"),
        ("4.55平方千米", "4.55"),
    ])
    func areas(text: String, expected: String) {
        #expect(parser.parse(text, unit: .squareKilometre) == .value(decimal(expected)))
    }

    @Test("converted figures print exactly as the applicant wrote them")
    func exactPrinting() throws {
        let value = try #require(parser.parse("415000万元", unit: .hundredMillionYuan).value)
        #expect(value.description == "41.5")
        let json = try JSONEncoder().encode(["total_output": value])
        #expect(String(decoding: json, as: UTF8.self) == #"{"total_output":41.5}"#)
        let sum = try #require(parser.parse("0.1").value) + (try #require(parser.parse("0.2").value))
        #expect(sum == decimal("0.3"))
    }

    @Test("percentages read with or without the sign", arguments: ["72.5%", "72.5％", "72.5", "７２．５", "72.5 %"])
    func percent(text: String) {
        #expect(parser.parsePercent(text) == .value(decimal("72.5")))
    }

    @Test("a fraction in a percent field is not scaled")
    func percentNotGuessed() {
        #expect(parser.parsePercent("0.725") == .value(decimal("0.725")))
    }

    @Test("text that is no exact single figure is a failure", arguments: [
        ("约三成", ValueFailure.notANumber),
        ("较多", .notANumber),
        ("三十", .notANumber),
        ("40左右", .approximate),
        ("约40", .approximate),
        ("40余家", .approximate),
        ("40多", .approximate),
        ("≥40", .approximate),
        ("40以上", .approximate),
        ("~40", .approximate),
        ("40-50", .range),
        ("40~50", .range),
        ("40至50", .range),
        ("40%-50%", .range),
        ("40%~50%", .range),
        ("约40-50", .range),
        ("40 50", .multipleNumbers),
        ("40，50", .multipleNumbers),
        ("1,23", .multipleNumbers),
        ("2022年40", .multipleNumbers),
        ("40.5.3", .notANumber),
        ("第40", .notANumber),
        ("40斤", .unknownUnit("斤")),
        ("12家企业", .unknownUnit("家企业")),
    ])
    func failures(text: String, failure: ValueFailure) {
        #expect(parser.parse(text) == .failure(failure))
    }

    @Test("the contract's example problem has the contract's reason")
    func contractReason() {
        #expect(parser.parsePercent("约三成").failure?.reason == "not a number")
    }

    @Test("a unit of another kind than the field's is a mismatch", arguments: [
        ("45%", ValueUnit.hundredMillionYuan),
        ("12家", .hundredMillionYuan),
        ("41.5亿元", .percent),
        ("41.5万", .percent),
        ("45.5平方公里", .tenThousandYuan),
    ])
    func unitMismatch(text: String, unit: ValueUnit) {
        guard case .failure(.unitMismatch) = parser.parse(text, unit: unit) else {
            Issue.record("expected a unit mismatch for \(text) in \(unit)")
            return
        }
    }

    @Test("count words mix only when they count the same kind of thing")
    func countWords() throws {
        let households = try #require(ValueUnit.count("家"))
        let people = try #require(ValueUnit.count("人"))
        #expect(parser.parse("12个", unit: households) == .value(12))
        #expect(parser.parse("12名", unit: people) == .value(12))
        #expect(parser.parse("2300人", unit: households).failure == .unitMismatch(found: "人", expected: "家"))
    }

    @Test("counts are integers", arguments: [("12家", 12), ("12", 12), ("12.0", 12), ("1.2万人", 12_000), ("0", 0)])
    func integers(text: String, expected: Int) {
        #expect(parser.parseInteger(text) == .value(expected))
    }

    @Test("a fraction is no count", arguments: ["12.5", "12.5家", "0.1"])
    func notIntegers(text: String) {
        #expect(parser.parseInteger(text) == .failure(.notAnInteger))
    }

    @Test("empty markers are no value, not failures", arguments: ["", "/", "／", "—", "——", "-", "无", "不适用", "N/A"])
    func emptyMarkers(text: String) {
        #expect(parser.parse(text, unit: .hundredMillionYuan) == .empty)
        #expect(parser.parseInteger(text) == .empty)
    }

    @Test("the written quantity keeps the cell's own unit")
    func quantity() throws {
        let written = try #require(parser.quantity("415000万元").value)
        #expect(written.amount == 415_000)
        #expect(written.unit == .tenThousandYuan)
        #expect(try #require(parser.quantity("41.5").value).unit == nil)
    }
}

// MARK: - Dates

@Suite("DateParser")
struct DateParserTests {
    let parser = DateParser()

    @Test("dates in the ways people write them", arguments: [
        "2024年5月10日", "2024年05月10日", "2024 年 5 月 10 日", "2024年5月10号", "2024年5月10",
        "2024.5.10", "2024-05-10", "2024/5/10", "２０２４年５月１０日", "２０２４－０５－１０", "20240510",
        "二〇二四年五月十日", "二零二四年五月十日", "二○二四年五月十日", "二O二四年五月十日", "2024年五月十日",
        "二〇二四年〇五月十日",
    ])
    func parses(text: String) {
        #expect(parser.parse(text) == .value(date(2024, 5, 10)!))
    }

    @Test("Chinese day numbers from 十 to 三十一", arguments: [
        ("二〇二四年一月十日", 1, 10),
        ("二〇二四年十一月十一日", 11, 11),
        ("二〇二四年十二月二十日", 12, 20),
        ("二〇二四年十二月二十一日", 12, 21),
        ("二〇二四年十月三十一日", 10, 31),
        ("二〇二四年二月二十九日", 2, 29),
        ("二〇二四年三月一日", 3, 1),
    ])
    func chineseDays(text: String, month: Int, day: Int) {
        #expect(parser.parse(text) == .value(date(2024, month, day)!))
    }

    @Test("days the calendar does not have are failures", arguments: [
        "2024-02-30", "2023年2月29日", "2024年13月1日", "2024年0月1日", "2024年5月32日", "2024.4.31",
        "二〇二四年五月三十二日", "2100-02-29",
    ])
    func invalidDates(text: String) {
        #expect(parser.parse(text) == .failure(.invalidDate))
    }

    @Test("a year with a month, or a year alone, is incomplete", arguments: ["2024年5月", "2024.5", "2024-05", "2024年", "2024"])
    func incomplete(text: String) {
        #expect(parser.parse(text) == .failure(.incompleteDate))
    }

    @Test("text that is no date is a failure", arguments: ["明年五月", "2024.5-10", "24-05-10", "2024年5月10日上午", "五月十日", "2024年二十三十月1日"])
    func notDates(text: String) {
        #expect(parser.parse(text) == .failure(.notADate))
    }

    @Test("years outside the accepted range are implausible")
    func implausibleYear() {
        #expect(parser.parse("0224年5月10日") == .failure(.implausibleYear(224)))
        #expect(parser.parse("1899-12-31") == .failure(.implausibleYear(1899)))
        #expect(parser.parse("1900-01-01") == .value(date(1900, 1, 1)!))
    }

    @Test("empty markers are no value")
    func empty() {
        #expect(parser.parse("/") == .empty)
        #expect(parser.parse("") == .empty)
        #expect(parser.parseYear("—") == .empty)
    }

    @Test("years on their own", arguments: ["2022", "2022年", "２０２２", "２０２２年", "二〇二二年", " 2022 "])
    func years(text: String) {
        #expect(parser.parseYear(text) == .value(2022))
    }

    @Test("text that is no four-digit year is a failure", arguments: ["22", "2022.5", "两千零二十二", "2022-01", "20222"])
    func notYears(text: String) {
        #expect(parser.parseYear(text) == .failure(.notAYear))
    }
}

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test("only real days can be made", arguments: [
        (2024, 2, 29, true), (2023, 2, 29, false), (2000, 2, 29, true), (2100, 2, 29, false),
        (2024, 4, 30, true), (2024, 4, 31, false), (2024, 12, 31, true), (2024, 13, 1, false),
        (2024, 0, 1, false), (2024, 1, 0, false),
    ])
    func validity(year: Int, month: Int, day: Int, exists: Bool) {
        #expect((CalendarDate(year: year, month: month, day: day) != nil) == exists)
    }

    @Test("ISO text round-trips and is strict")
    func iso() throws {
        let day = try #require(date(2024, 5, 10))
        #expect(day.iso == "2024-05-10")
        #expect(CalendarDate(iso: "2024-05-10") == day)
        #expect(CalendarDate(iso: "2024-5-10") == nil)
        #expect(CalendarDate(iso: "2024-02-30") == nil)
        let json = try JSONEncoder().encode(["application_date": day])
        #expect(String(decoding: json, as: UTF8.self) == #"{"application_date":"2024-05-10"}"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2024-05-10"]"#.utf8)) == [day])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2024-5-10"]"#.utf8)) }
    }

    @Test("dates order by year, month, day")
    func ordering() throws {
        let a = try #require(date(2023, 12, 31))
        let b = try #require(date(2024, 1, 1))
        let c = try #require(date(2024, 1, 2))
        #expect(a < b && b < c)
        #expect([c, a, b].sorted() == [a, b, c])
    }

    @Test("adding days crosses months, years and leap days", arguments: [
        ((2024, 2, 28), 1, (2024, 2, 29)),
        ((2024, 2, 29), 1, (2024, 3, 1)),
        ((2023, 2, 28), 1, (2023, 3, 1)),
        ((2023, 12, 31), 1, (2024, 1, 1)),
        ((2024, 5, 10), -90, (2024, 2, 10)),
        ((2024, 1, 1), 366, (2025, 1, 1)),
        ((2024, 3, 1), -1, (2024, 2, 29)),
    ])
    func addingDays(start: (Int, Int, Int), days: Int, end: (Int, Int, Int)) throws {
        let from = try #require(date(start.0, start.1, start.2))
        #expect(from.adding(days: days) == date(end.0, end.1, end.2))
        #expect(from.days(to: from.adding(days: days)) == days)
    }

    @Test("adding years keeps the day, 29 February becomes 28 February")
    func addingYears() throws {
        #expect(try #require(date(2020, 2, 29)).adding(years: 3) == date(2023, 2, 28))
        #expect(try #require(date(2020, 2, 29)).adding(years: 4) == date(2024, 2, 29))
        #expect(try #require(date(2021, 6, 30)).adding(years: 3) == date(2024, 6, 30))
        #expect(try #require(date(2024, 1, 31)).adding(months: 1) == date(2024, 2, 29))
        #expect(try #require(date(2024, 1, 15)).adding(months: -13) == date(2022, 12, 15))
    }

    @Test("days and whole years between dates")
    func between() throws {
        let start = try #require(date(2024, 1, 1))
        #expect(start.days(to: try #require(date(2024, 12, 31))) == 365)
        #expect(try #require(date(2024, 5, 10)).days(to: start) == -130)
        let issued = try #require(date(2021, 5, 11))
        #expect(issued.years(to: try #require(date(2024, 5, 10))) == 2)
        #expect(issued.years(to: try #require(date(2024, 5, 11))) == 3)
    }

    @Test("day arithmetic agrees with Foundation's Gregorian calendar in UTC")
    func agreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let start = try #require(date(1999, 12, 31))
        for offset in stride(from: -4000, through: 40_000, by: 397) {
            let ours = start.adding(days: offset)
            let theirs = try #require(calendar.date(byAdding: .day, value: offset, to: start.date))
            let parts = calendar.dateComponents([.year, .month, .day], from: theirs)
            #expect(ours == date(parts.year ?? 0, parts.month ?? 0, parts.day ?? 0))
            #expect(CalendarDate(theirs) == ours)
        }
    }
}

// MARK: - Yes/no and choices

@Suite("YesNoParser")
struct YesNoParserTests {
    let parser = YesNoParser()

    @Test("answers that mean yes", arguments: [
        "是", "有", "具备", "已建立", "已", "√", "☑", "☒", "■", "true", "TRUE", "Yes", "Y", "y", " 是 ",
        "☑是 ☐否", "■是 □否", "是☑ 否☐", "是（√） 否（ ）", "√是 否", "☑有 □无", "☑已建立 ☐未建立", "☐否 ☑是",
        "是 ☑ / 否 ☐",
    ])
    func yes(text: String) {
        #expect(parser.parse(text) == .value(true))
    }

    @Test("answers that mean no", arguments: [
        "否", "无", "没有", "不具备", "未建立", "未", "×", "☐", "□", "false", "N", "no",
        "☐是 ☑否", "□是 ■否", "是☐ 否☑", "是 否√", "是（ ） 否（√）", "☐具备 ☑不具备", "☐是 ☒否",
    ])
    func no(text: String) {
        #expect(parser.parse(text) == .value(false))
    }

    @Test("empty markers other than 无 are no value", arguments: ["", "/", "—", "不适用", "N/A"])
    func empty(text: String) {
        #expect(parser.parse(text) == .empty)
    }

    @Test("both ticked is an ambiguous choice", arguments: ["☑是 ☑否", "是（√） 否（√）"])
    func ambiguous(text: String) {
        #expect(parser.parse(text) == .failure(.ambiguousChoice))
        #expect(parser.parse(text).failure?.reason == "ambiguous choice")
    }

    @Test("neither ticked is no answer, not an unreadable one", arguments: ["☐是 ☐否", "□是 □否"])
    func unanswered(text: String) {
        #expect(parser.parse(text) == .empty)
    }

    @Test("anything else is not a yes/no answer", arguments: ["可能", "待定", "☑也许 ☐否", "☑ ☐是", "1"])
    func notYesNo(text: String) {
        #expect(parser.parse(text) == .failure(.notYesNo))
    }
}

@Suite("ChoiceParser")
struct ChoiceParserTests {
    let parser = ChoiceParser(options: ["行业协会", "商会学会", "事业单位", "联盟组织", "研究院（所）", "企业法人", "其他"])

    @Test("the ticked option or the plainly written one", arguments: [
        ("☐行业协会 ☑联盟组织 ☐其他", "联盟组织"),
        ("☐行业协会 ☐商会学会 ☐事业单位 ☑联盟组织 ☐研究院（所） ☐企业法人 ☐其他", "联盟组织"),
        ("□行业协会 ■联盟组织", "联盟组织"),
        ("行业协会☐ 联盟组织☑", "联盟组织"),
        ("联盟组织", "联盟组织"),
        (" 联盟 组织 ", "联盟组织"),
        ("☑研究院(所)", "研究院（所）"),
        ("研究院 (所)", "研究院（所）"),
        ("☐行业协会 ☑其他（民办非企业单位）", "其他"),
        ("其他：学会", "其他"),
        ("√企业法人 事业单位", "企业法人"),
        // Another edition's unticked options the scheme does not list say nothing.
        ("□企业 □研究院（所） ■行业协会 □民办非企业单位 □其他", "行业协会"),
    ])
    func parses(text: String, expected: String) {
        #expect(parser.parse(text) == .value(expected))
    }

    @Test("none ticked is no answer; several ticked is ambiguous", arguments: ["☑行业协会 ☑联盟组织", "☐行业协会 ☐联盟组织 ☐其他"])
    func ambiguous(text: String) {
        #expect(parser.parse(text) == (text.contains("☑") ? .failure(.ambiguousChoice) : .empty))
    }

    @Test("text that names no option is a failure", arguments: ["协会", "☑协会 ☐其他", "联盟", "☑", "■企业 □行业协会", "□企业 □民办非企业单位"])
    func notAnOption(text: String) {
        #expect(parser.parse(text) == .failure(.notAnOption))
    }

    @Test("an option named like an empty marker is an option")
    func optionBeforeMarker() {
        let parser = ChoiceParser(options: ["有", "无"])
        #expect(parser.parse("无") == .value("无"))
        #expect(parser.parse("/") == .empty)
    }
}

// MARK: - USCC

@Suite("USCC")
struct USCCTests {
    /// Codes issued to real organisations. Each passes both checks, which a
    /// mistyped code does with odds of about 1 in 341.
    @Test("real published codes are valid", arguments: [
        // 北京百度网讯科技有限公司 (organisation code 802100433), as shown on its
        // business licence and listed by the national enterprise credit system.
        "91110000802100433B",
        // 华为技术有限公司, Shenzhen; widely quoted in public registration data.
        "914403001922038216",
        // 深圳市腾讯计算机系统有限公司 (Tencent), the producer code in Tencent's
        // AIGC content labels. (Not Huawei's, as the task brief assumed.)
        "91440300708461136T",
        // The example in python-stdnum's stdnum/cn/uscc.py doctest.
        "91110000600037341L",
        // The valid example in Hutool's CreditCodeUtilTest.
        "91310110666007217T",
        // 宁波安联检测有限公司, quoted in a public repository's constants; its
        // organisation code has letters (MA…), so it pins GB 11714's letter values.
        "91330201MA282UF146",
        // A Xiamen code from a public validator's sample list; its organisation
        // check character (position 17) is X.
        "9135021359498494XQ",
    ])
    func realCodes(code: String) throws {
        let uscc = try USCC(code)
        #expect(uscc.code == code)
    }

    @Test("input is normalised before checking", arguments: [
        "９１１１００００８０２１００４３３Ｂ", "91110000802100433b", " 9111 0000 8021 0043 3B ", "911100-00802100433B",
    ])
    func normalised(text: String) throws {
        #expect(try USCC(text).code == "91110000802100433B")
    }

    @Test("the failing check is named", arguments: [
        ("91110000802100433", USCCFailure.length(17)),
        ("911100008021004333B", .length(19)),
        ("", .length(0)),
        ("91110000802100433I", .charset(position: 18, character: "I")),
        ("9111000080210O433B", .charset(position: 14, character: "O")),
        ("91A10000802100433B", .charset(position: 3, character: "A")),
        ("914403001922038226", .organisationCheck(expected: "1", found: "2")),
        ("91440300192203X216", .organisationCheck(expected: "0", found: "1")),
        ("9144030019220382X6", .organisationCheck(expected: "1", found: "X")),
        ("914403001922038217", .finalCheck(expected: "6", found: "7")),
    ])
    func failures(text: String, failure: USCCFailure) {
        #expect(throws: failure) { try USCC(text) }
    }

    @Test("an early Fujian pilot code fails only the final check")
    func pilotCode() {
        // From Hutool's CreditCodeUtilTest: issued in a pilot area before
        // GB 32100 and legal, yet its check character does not compute.
        #expect(throws: USCCFailure.finalCheck(expected: "3", found: "N")) { try USCC("91350211M00013FA1N") }
    }

    @Test("every single-character substitution is caught")
    func substitutions() {
        let valid = Array("91330201MA282UF146")
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        for position in valid.indices {
            for replacement in alphabet where replacement != valid[position] {
                var changed = valid
                changed[position] = replacement
                #expect(throws: USCCFailure.self) { try USCC(String(changed)) }
            }
        }
    }

    @Test("parts and region helpers")
    func parts() throws {
        let code = try USCC("91110000802100433B")
        #expect(code.registrationAuthority == "9")
        #expect(code.organisationType == "1")
        #expect(code.regionCode == "110000")
        #expect(code.provinceCode == "11")
        #expect(code.organisationCode == "802100433")
        #expect(code.checkCharacter == "B")
        #expect(code.isRegistered(inRegion: "11"))
        #expect(!code.isRegistered(inRegion: "32"))
    }

    @Test("generated codes are valid and carry their parts")
    func generate() throws {
        let code = try USCC.generate(registration: "9", type: "1", region: "320214", organisation: "MA1XK2P3")
        #expect(code.code == "91320214MA1XK2P37L")
        #expect(code.prefectureCode == "3202")
        #expect(code.isRegistered(inRegion: "3202"))
        for serial in 0..<200 {
            let body = "MA" + String(serial * 7919 % 1_000_000).leftPadded(6)
            let generated = try USCC.generate(registration: "9", type: "1", region: "510100", organisation: body)
            #expect(try USCC(generated.code) == generated)
        }
    }

    @Test("generating from malformed parts names the problem")
    func generateFailures() {
        #expect(throws: USCCFailure.length(16)) {
            try USCC.generate(registration: "9", type: "1", region: "3202", organisation: "MA1XK2P3")
        }
        #expect(throws: USCCFailure.charset(position: 10, character: "I")) {
            try USCC.generate(registration: "9", type: "1", region: "320214", organisation: "MI1XK2P3")
        }
    }

    @Test("cells read as a code, no value, or a named failure")
    func parse() {
        #expect(USCC.parse("/") == .empty)
        #expect(USCC.parse("91110000802100433B").value?.code == "91110000802100433B")
        let failure = USCC.parse("914403001922038217").failure
        #expect(failure == .invalidUSCC(.finalCheck(expected: "6", found: "7")))
        #expect(failure?.reason == "USCC check character mismatch")
    }

    @Test("codes encode as plain strings and decode only when valid")
    func codable() throws {
        let code = try USCC("91110000802100433B")
        let json = try JSONEncoder().encode([code])
        #expect(String(decoding: json, as: UTF8.self) == #"["91110000802100433B"]"#)
        #expect(try JSONDecoder().decode([USCC].self, from: json) == [code])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([USCC].self, from: Data(#"["914403001922038217"]"#.utf8))
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
