import Foundation
import Testing
import Forms
import OOXML
import TestSupport

private typealias F = DocxFixture

private let loadedLibrary = Result { try FormLibrary.load(directory: Repository.url("forms")) }

/// The committed forms/, loaded once; a test using it fails (rather than the
/// whole run crashing) when it does not load.
var formsLibrary: FormLibrary {
    get throws { try loadedLibrary.get() }
}

private func extract(_ body: String, scheme: String? = nil) throws -> ExtractedForm {
    try Extractor(library: try formsLibrary).extract(try F.read(try F.docx(body: body), name: "foreign.docx"), scheme: scheme)
}

private func cell(_ content: String, _ properties: String = "") -> String {
    "<w:tc><w:tcPr>\(properties)</w:tcPr><w:p>\(content)</w:p></w:tc>"
}

private func row(_ cells: String...) -> String {
    "<w:tr>" + cells.joined() + "</w:tr>"
}

private func table(_ rows: String...) -> String {
    "<w:tbl>" + rows.joined() + "</w:tbl>"
}

private func t(_ text: String) -> String { F.r(text) }

private let jiangsuTitle = F.p(t("江苏省中小企业特色产业集群申报书"))

@Suite("Extraction from documents laid out by other hands")
struct ForeignLayoutTests {
    @Test("four-column label|value rows, aliases for labels, and a value in the cell below its label")
    func fourColumnRows() throws {
        let form = try extract(jiangsuTitle + table(
            row(cell(t("申报主体名称")), cell(t("江阴市工业和信息化局")), cell(t("社会信用代码")), cell(t("11320281014211234X"))),
            row(cell(t("联系人")), cell(t("联系电话"))),
            row(cell(t("张三")), cell(t("0510-86861234")))))
        #expect(form.scheme == "jiangsu-sme-cluster")
        #expect(form.kind == .application)
        #expect(form.fields["applicant_name"] == .text("江阴市工业和信息化局"))
        #expect(form.fields["applicant_uscc"] == .text("11320281014211234X"))
        #expect(form.fields["contact_name"] == .text("张三"))
        #expect(form.fields["contact_phone"] == .text("0510-86861234"))
        // The value keeps where it came from: table 1, row 1, column 2.
        let location = try #require(form.locations[FieldKey(field: "applicant_name")]?.first)
        #expect(location.paragraph.description == "t1/r1/c2/p1")
        #expect(location.runs == [RunSpan(run: 2, start: 0, end: 10)])
    }

    @Test("a template of content controls: typed values read, one left showing its placeholder is missing, not unreadable")
    func contentControlTemplate() throws {
        func control(_ text: String, placeholder: Bool = false) -> String {
            "<w:sdt><w:sdtPr><w:alias w:val=\"值\"/>\(placeholder ? "<w:showingPlcHdr/>" : "")</w:sdtPr><w:sdtContent>\(t(text))</w:sdtContent></w:sdt>"
        }
        let form = try extract(jiangsuTitle + table(
            row(cell(t("集群名称")), cell(control("江阴市高端纺织服装产业集群"))),
            row(cell(t("集群占地面积（平方公里）")), cell(control("单击或点击此处输入文字。", placeholder: true))),
            row(cell(t("主导产业")), cell(control("纺织服装")))))
        #expect(form.fields["cluster_name"] == .text("江阴市高端纺织服装产业集群"))
        #expect(form.fields["leading_industry"] == .text("纺织服装"))
        #expect(form.fields["area_km2"] == nil)
        #expect(form.problems.isEmpty)
        // The missing value's label is still found, for a comment on it.
        #expect(form.labelLocations["area_km2"] != nil)
    }

    @Test("a label cell ending in a colon takes its value from the next cell")
    func colonLabelCells() throws {
        let form = try extract(jiangsuTitle + table(
            row(cell(t("集群名称：")), cell(t("江阴市高端纺织服装产业集群")), cell(t("主导产业：")), cell(t("纺织服装"))),
            row(cell(t("细分领域：高端面料")))))
        #expect(form.fields["cluster_name"] == .text("江阴市高端纺织服装产业集群"))
        #expect(form.fields["leading_industry"] == .text("纺织服装"))
        #expect(form.fields["niche"] == .text("高端面料"))
    }

    @Test("标签：值 paragraphs, several pairs in one paragraph, full-width digits and a date in Chinese numerals")
    func labelValueParagraphs() throws {
        let form = try extract(jiangsuTitle
            + F.p(t("集群名称：江阴市高端纺织服装产业集群"))
            + F.p(t("联系人："), t("张三"), t("　　联系电话：0510-86861234"))
            + F.p(t("集群占地面积（平方公里）：４５．５"))
            + F.p(t("申报日期：二〇二四年五月十日")))
        #expect(form.fields["cluster_name"] == .text("江阴市高端纺织服装产业集群"))
        #expect(form.fields["contact_name"] == .text("张三"))
        #expect(form.fields["contact_phone"] == .text("0510-86861234"))
        #expect(form.fields["area_km2"] == .number(Decimal(string: "45.5")!))
        #expect(form.fields["application_date"] == .date(CalendarDate(year: 2024, month: 5, day: 10)!))
        let name = try #require(form.locations[FieldKey(field: "contact_name")]?.first)
        #expect(name.range == 4..<6)
        #expect(name.runs == [RunSpan(run: 3, start: 0, end: 2)])
    }

    @Test("a year table with a unit column converts 万元 to the canonical 亿元; years typed 2021年")
    func yearTableWithUnitColumn() throws {
        let form = try extract(jiangsuTitle + table(
            row(cell(t("指标名称")), cell(t("计量单位")), cell(t("2021年")), cell(t("2022年")), cell(t("2023年"))),
            row(cell(t("集群总产值")), cell(t("万元")), cell(t("412,000")), cell(t("450000")), cell(t("501000"))),
            row(cell(t("中小企业产值占比")), cell(t("%")), cell(t("72.5%")), cell(t("73.1")), cell(t("74")))))
        #expect(form.fields["total_output"] == .series([2021: .number(41.2), 2022: .number(45), 2023: .number(50.1)]))
        #expect(form.fields["sme_share"] == .series([2021: .number(72.5), 2022: .number(73.1), 2023: .number(74)]))
        #expect(form.locations[FieldKey(field: "total_output", year: 2022)]?.first?.paragraph.description == "t1/r2/c4/p1")
    }

    @Test("a transposed year table: years down the first column, indicators across the header")
    func transposedYearTable() throws {
        let form = try extract(jiangsuTitle + table(
            row(cell(t("年份")), cell(t("集群总产值（亿元）")), cell(t("有效发明专利数（件）"))),
            row(cell(t("2021")), cell(t("41.2")), cell(t("1,200"))),
            row(cell(t("2022")), cell(t("45")), cell(t("1300"))),
            row(cell(t("2023")), cell(t("50.1")), cell(t("1450件")))))
        #expect(form.fields["total_output"] == .series([2021: .number(41.2), 2022: .number(45), 2023: .number(50.1)]))
        #expect(form.fields["invention_patents"] == .series([2021: .integer(1200), 2022: .integer(1300), 2023: .integer(1450)]))
        // Each header cell is its series' label (where a comment on an empty year goes).
        #expect(form.labelLocations["total_output"]?.first?.paragraph.description == "t1/r1/c2/p1")
        #expect(form.labelLocations["invention_patents"]?.first?.paragraph.description == "t1/r1/c3/p1")
    }

    @Test("a unit in the cell overrides the label's unit")
    func unitInCell() throws {
        let form = try extract(jiangsuTitle + table(
            row(cell(t("集群占地面积（平方公里）")), cell(t("4550公顷"))),
            row(cell(t("集群从业人员数")), cell(t("2,300人")))))
        #expect(form.fields["area_km2"] == .number(Decimal(string: "45.5")!))
        #expect(form.fields["employees"] == .integer(2300))
    }

    @Test("split runs, tracked changes, content controls and legacy text fields give the value as shown")
    func wordMachinery() throws {
        let formText = "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"t\"/><w:textInput/></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\(t("72"))\(t(".5"))<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        let form = try extract(jiangsuTitle + table(
            row(cell(t("集群占地面积（平方公里）")), cell(t("4") + "<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>9</w:delText></w:r></w:del>" + "<w:ins w:id=\"2\" w:author=\"x\">\(t("5"))</w:ins>" + t(".5"))),
            row(cell(t("集群名称")), cell("<w:sdt><w:sdtPr><w:tag w:val=\"cluster_name\"/></w:sdtPr><w:sdtContent>\(t("江阴市高端"))\(t("纺织服装产业集群"))</w:sdtContent></w:sdt>")),
            row(cell(t("企业上云或上标识比例（%）")), cell(formText))))
        #expect(form.fields["area_km2"] == .number(Decimal(string: "45.5")!))
        #expect(form.fields["cluster_name"] == .text("江阴市高端纺织服装产业集群"))
        #expect(form.fields["cloud_rate"] == .number(Decimal(string: "72.5")!))
    }

    @Test("checkboxes of every kind answer yes/no fields, in one cell or spread over cells")
    func checkboxes() throws {
        let legacy = { (checked: Bool) in
            "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:checkBox><w:default w:val=\"\(checked ? 1 : 0)\"/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        }
        let form = try extract(jiangsuTitle + table(
            row(cell(t("是否属于高耗能行业")), cell(legacy(false) + t("是 ") + legacy(true) + t("否"))),
            row(cell(t("是否属于高用水行业")), cell(t("□是")), cell(t("■否"))),
            row(cell(t("设立管委会等运营管理机构")), cell(t("√"))),
            row(cell(t("参与国际合作交流")), cell(t("有"))),
            row(cell(t("制定三年发展规划")), cell(t("☐是 ☐否")))))
        #expect(form.fields["high_energy"] == .bool(false))
        #expect(form.fields["high_water"] == .bool(false))
        #expect(form.fields["management_body"] == .bool(true))
        #expect(form.fields["intl_cooperation"] == .bool(true))
        // Nothing ticked is no answer: absent, not a problem.
        #expect(form.fields["dev_plan"] == nil)
        #expect(form.problems.isEmpty)
    }

    @Test("a checklist table with 是 and 否 columns: the column holding the mark answers, the comment goes on the mark")
    func checklistColumns() throws {
        let form = try extract(jiangsuTitle + table(
            row(cell(t("序号")), cell(t("事项")), cell(t("是（√）")), cell(t("否"))),
            row(cell(t("1")), cell(t("是否属于高耗能行业")), cell(t("")), cell(t("√"))),
            row(cell(t("2")), cell(t("能效水平是否高于行业基准值")), cell(t("✔")), cell(t("□"))),
            row(cell(t("3")), cell(t("主导产业是否属于禁止、限制和淘汰类")), cell(t("否")), cell(t(""))),
            row(cell(t("4")), cell(t("是否属于高用水行业")), cell(t("√")), cell(t("√"))),
            row(cell(t("5")), cell(t("近三年是否发生重大及以上网络安全事件和数据安全事件")), cell(t("")), cell(t(""))),
            row(cell(t("联系人")), cell(t("朱敏")), cell(t("")), cell(t("")))))
        #expect(form.fields["high_energy"] == .bool(false))
        #expect(form.fields["energy_above_baseline"] == .bool(true))
        // Whatever is written in the 是 column marks 是, even the word 否.
        #expect(form.fields["neg_restricted"] == .bool(true))
        // Both columns marked is no single answer; neither is no answer.
        #expect(form.fields["high_water"] == nil)
        #expect(form.problems.map(\.field) == ["high_water"])
        #expect(form.fields["neg_cyber"] == nil)
        #expect(form.labelLocations["neg_cyber"]?.isEmpty == false)
        // The value's place is the mark, for the comment.
        let place = try #require(form.locations[FieldKey(field: "high_energy")]?.first)
        #expect(place.runs.count == 1)
        // A row naming a field that is not yes/no is read as label | value.
        #expect(form.fields["contact_name"] == .text("朱敏"))
    }

    @Test("a heading naming a free-text field is answered by the paragraphs under it, up to the next heading")
    func headingAnswers() throws {
        let form = try extract(F.p(t("无锡市重点产业集群促进机构申报书")) + F.p(t("四、服务能力"))
            + F.p(t("（一）集群发展监测分析")) + F.p(t("")) + F.p(t("建设集群观测站，按季度监测312家企业。"))
            + F.p(t("编制发布产业链图谱。"))
            + F.p(t("（二）集群发展交流合作")) + F.p(t("组织对接会6场。"))
            + F.p(t("（三）集群发展服务保障"))
            + F.p(t("五、附件")) + F.p(t("初审推荐文件：☑已附")))
        #expect(form.fields["capability_monitoring"] == .text("建设集群观测站，按季度监测312家企业。\n编制发布产业链图谱。"))
        #expect(form.fields["capability_exchange"] == .text("组织对接会6场。"))
        // A heading with nothing under it before the next heading: the label is found, the value is not.
        #expect(form.fields["capability_services"] == nil)
        #expect(form.labelLocations["capability_services"]?.isEmpty == false)
        // The value's place is its own paragraphs, for a comment on them.
        #expect(form.locations[FieldKey(field: "capability_monitoring")]?.count == 2)
    }

    @Test("pairs side by side on one line: an unknown second label ends the first value at the wide gap")
    func sideBySidePairs() throws {
        let form = try extract(F.p(t("中小企业特色产业集群申报书"))
            + F.p(t("省级集群认定文号：苏工信中小〔2022〕389号    认定年份：2022年"))
            + F.p(t("集群名称：苏州市  吴中区机器人产业集群"))
            + F.p(t("细分领域：精密减速器\u{3000}伺服电机")), scheme: "miit-sme-cluster")
        #expect(form.fields["provincial_recognition"] == .text("苏工信中小〔2022〕389号"))
        #expect(form.fields["provincial_year"] == nil, "认定年份 alone is not this form's label")
        // A wide gap with no colon after it is part of the value.
        #expect(form.fields["cluster_name"] == .text("苏州市  吴中区机器人产业集群"))
        #expect(form.fields["niche"] == .text("精密减速器\u{3000}伺服电机"))
    }

    @Test("a merged group cell prefixes the labels beside it (运营管理机构 | 名称)")
    func groupHeading() throws {
        let form = try extract(jiangsuTitle + table(
            row(cell(t("申报单位名称")), cell(t("江阴市工业和信息化局"), "<w:gridSpan w:val=\"2\"/>")),
            row(cell(t("运营管理机构"), "<w:vMerge w:val=\"restart\"/>"), cell(t("名称")), cell(t("江阴市纺织产业促进会"))),
            row(cell("", "<w:vMerge/>"), cell(t("统一社会信用代码")), cell(t("51320281MJ1234567X")))))
        #expect(form.fields["applicant_name"] == .text("江阴市工业和信息化局"))
        #expect(form.fields["operator_name"] == .text("江阴市纺织产业促进会"))
        #expect(form.fields["operator_uscc"] == .text("51320281MJ1234567X"))
        #expect(form.fields["applicant_uscc"] == nil)
    }

    @Test("a list whose header names its columns in another order, with 序号, aliases, blank rows, a type merged down and a 合计 row")
    func listTable() throws {
        let form = try extract(jiangsuTitle + table(
            row(cell(t("序号")), cell(t("认定类型")), cell(t("企业名称")), cell(t("信用代码")), cell(t("认定年度")), cell(t("证书编号/认定文号"))),
            row(cell(t("1")), cell(t("专精特新“小巨人”企业"), "<w:vMerge w:val=\"restart\"/>"), cell(t("江苏甲纺织有限公司")), cell(t("91320281MA1ABCDE1X")), cell(t("2022年")), cell(t("工信部企业函〔2022〕191号"))),
            row(cell(t("2")), cell("", "<w:vMerge/>"), cell(t("江苏乙服饰有限公司")), cell(t("91320281MA1ABCDE2X")), cell(t("2023")), cell(t("工信部企业函〔2023〕100号"))),
            row(cell(t("3")), cell(t("高企")), cell(t("江苏丙科技有限公司")), cell(t("91320281MA1ABCDE3X")), cell(t("2021")), cell(t("GR202132001234"))),
            row(cell(t("4")), cell(""), cell(""), cell(""), cell(""), cell("")),
            row(cell(t("合 计")), cell(""), cell(t("3家")), cell(""), cell(""), cell(""))))
        let rows = try #require(form.fields["enterprises"]?.rows)
        // The 合计 row sums the list; it is not a fourth enterprise.
        #expect(rows.count == 3)
        #expect(rows[0] == ["name": .text("江苏甲纺织有限公司"), "uscc": .text("91320281MA1ABCDE1X"), "type": .text("little_giant"),
                            "year": .integer(2022), "cert_no": .text("工信部企业函〔2022〕191号")])
        #expect(rows[1]["type"] == .text("little_giant"))
        #expect(rows[2]["type"] == .text("hnte"))
        #expect(form.locations[FieldKey(field: "enterprises", row: 2, column: "name")]?.first?.paragraph.description == "t1/r4/c3/p1")
    }

    @Test("a value that is present but unreadable is a problem, not a guess; empty markers are no value")
    func problems() throws {
        let form = try extract(jiangsuTitle + table(
            row(cell(t("企业上云或上标识比例（%）")), cell(t("约三成"))),
            row(cell(t("工业互联网平台应用普及率（%）")), cell(t("/"))),
            row(cell(t("申报日期")), cell(t("2024年2月30日"))),
            row(cell(t("开展制造资源共享工作（项）")), cell(t("0")))))
        #expect(form.fields["cloud_rate"] == nil)
        #expect(form.fields["iip_rate"] == nil)
        #expect(form.fields["application_date"] == nil)
        #expect(form.fields["sharing_initiatives"] == .integer(0))
        #expect(form.problems.map(\.field).sorted() == ["application_date", "cloud_rate"])
        #expect(form.problems.first { $0.field == "cloud_rate" }?.reason == "not a number")
        #expect(form.problems.first { $0.field == "cloud_rate" }?.text == "约三成")
    }

    @Test("the scheme comes from the title: the longest form title wins", arguments: [
        ("江苏省中小企业特色产业集群申报书", "jiangsu-sme-cluster"),
        ("中小企业特色产业集群申报书", "miit-sme-cluster"),
        ("四川省中小企业特色产业集群申报书", "sichuan-sme-cluster"),
        ("无锡市重点产业集群促进机构申报书", "wuxi-promotion-agency"),
    ])
    func schemeFromTitle(title: String, scheme: String) throws {
        let form = try extract(F.p(t(title)) + F.p(t("集群名称：某集群")))
        #expect(form.scheme == scheme)
    }

    @Test("a declarant whose name ends in a bracket keeps it; brackets around the name go", arguments: [
        ("本单位成都市郫都区经济和信息化局（科学技术局）（统一社会信用代码：11510117019012511U）郑重声明：", "成都市郫都区经济和信息化局（科学技术局）"),
        ("本单位成都蜀香源调味品股份有限公司(郫都分公司)郑重承诺：", "成都蜀香源调味品股份有限公司(郫都分公司)"),
        ("本单位（江阴市工业和信息化局）郑重声明：", "江阴市工业和信息化局"),
        ("本单位（成都市郫都区经济和信息化局（科学技术局））郑重声明：", "成都市郫都区经济和信息化局（科学技术局）"),
    ])
    func bracketedDeclarant(line: String, name: String) throws {
        let form = try extract(F.p(t("申报主体责任声明")) + F.p(t(line)) + F.p(t("日期：2024年5月6日")), scheme: "sichuan-sme-cluster")
        #expect(form.fields["declarant_name"] == .text(name))
    }

    @Test("a seal line with no label is read: 株洲市…促进会（公章）, or （公章）first; a bare 申报单位（盖章） is not a name", arguments: [
        ("江阴市工业和信息化局（公章）", "江阴市工业和信息化局"),
        ("（盖章）江阴市工业和信息化局", "江阴市工业和信息化局"),
        ("申报单位（盖章）", nil),
    ] as [(String, String?)])
    func unlabelledSealLine(line: String, seal: String?) throws {
        let form = try extract(
            F.p(t("申报主体责任声明"))
            + F.p(t("本单位江阴市工业和信息化局郑重声明：所申报江苏省中小企业特色产业集群的材料真实、准确、完整。"))
            + F.p(t(line))
            + F.p(t("日期：2024年5月6日")),
            scheme: "jiangsu-sme-cluster")
        #expect(form.fields["seal_name"] == seal.map(FieldValue.text))
    }

    @Test("a label ending in a colon with its value on the next line: 申报单位（盖章）： / 江阴市工业和信息化局")
    func valueOnNextLine() throws {
        let form = try extract(
            F.p(t("申报主体责任声明"))
            + F.p(t("本单位江阴市工业和信息化局郑重声明：所申报江苏省中小企业特色产业集群的材料真实、准确、完整。"))
            + F.p(t("申报单位（盖章）：")) + F.p(t("江阴市工业和信息化局"))
            + F.p(t("法定代表人（签字）：")) + F.p(t("日期：2024年5月6日")),
            scheme: "jiangsu-sme-cluster")
        #expect(form.fields["seal_name"] == .text("江阴市工业和信息化局"))
        // The next line is another label's: not this one's value.
        #expect(form.fields["signatory"] == nil)
        #expect(form.fields["signed_date"] == .date(CalendarDate(year: 2024, month: 5, day: 6)!))

        // A note under a label is not its value.
        let noted = try extract(jiangsuTitle + F.p(t("主导产业：")) + F.p(t("（按国民经济行业分类填写）"))
                                + F.p(t("细分领域：")) + F.p(t("请填写细分领域")))
        #expect(noted.fields["leading_industry"] == nil)
        #expect(noted.fields["niche"] == nil)

        // The name in a text box anchored on the label's line.
        let box = "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>\(F.p(t("江阴市工业和信息化局")))</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        let boxed = try extract(F.p(t("申报主体责任声明")) + F.p(t("申报单位（盖章）："), box) + F.p(t("日期：2024年5月6日")),
                                scheme: "jiangsu-sme-cluster")
        #expect(boxed.fields["seal_name"] == .text("江阴市工业和信息化局"))
    }

    @Test("a seal or signature mark typed after or before the name is not part of it: 申报单位：X（公章）, （签字）王五")
    func signMarksAroundNames() throws {
        let form = try extract(
            F.p(t("申报主体责任声明"))
            + F.p(t("本单位郑重声明：所申报江苏省中小企业特色产业集群的材料真实、准确、完整。"))
            + F.p(t("申报单位：江阴市工业和信息化局（公章）"))
            + F.p(t("法定代表人（签字）：（签字）王五  "))
            + F.p(t("日期：2024年5月6日")),
            scheme: "jiangsu-sme-cluster")
        #expect(form.fields["seal_name"] == .text("江阴市工业和信息化局"))
        #expect(form.fields["declarant_name"] == .text("江阴市工业和信息化局"))
        #expect(form.fields["signatory"] == .text("王五"))
        // The comment on the seal would go on the name, not on （公章）.
        let seal = try #require(form.locations[FieldKey(field: "seal_name")]?.first)
        #expect(seal.range == 5..<15)
        // A name that merely ends in a bracket keeps it.
        let other = try extract(F.p(t("申报主体责任声明")) + F.p(t("申报单位：江阴市产业联盟（筹）")), scheme: "jiangsu-sme-cluster")
        #expect(other.fields["seal_name"] == .text("江阴市产业联盟（筹）"))
    }

    @Test("a declaration worded by another hand: 我单位（…）郑重承诺, signature and date on one line, 公章")
    func foreignDeclaration() throws {
        let form = try extract(
            F.p(t("诚信承诺书"))
            + F.p(t("我单位（江阴市工业和信息化局）郑重承诺：所申报江苏省中小企业特色产业集群的材料真实、准确、完整。"))
            + F.p(t("统一社会信用代码：11320281014211234X"))
            + F.p(t("申报单位（公章）：江阴市工业和信息化局"))
            + F.p(t("法定代表人（签字）：王五"), t("        日期：2024年5月6日")),
            scheme: "jiangsu-sme-cluster")
        #expect(form.kind == .declaration)
        #expect(form.fields["declarant_name"] == .text("江阴市工业和信息化局"))
        #expect(form.fields["declarant_uscc"] == .text("11320281014211234X"))
        #expect(form.fields["seal_name"] == .text("江阴市工业和信息化局"))
        #expect(form.fields["signatory"] == .text("王五"))
        #expect(form.fields["signed_date"] == .date(CalendarDate(year: 2024, month: 5, day: 6)!))
    }
}
