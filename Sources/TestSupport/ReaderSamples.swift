import Foundation
import OOXML

/// The sample documents under `fixtures/reader/`: one paragraph or table for
/// each thing the reader must get right, for `dump` demonstrations and tests.
public enum ReaderSamples {
    private typealias F = DocxFixture

    public static var body: String {
        let checkbox = { (checked: Bool) in
            "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"cb\"/><w:checkBox><w:sizeAuto/><w:default w:val=\"0\"/>\(checked ? "<w:checked/>" : "")</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        }
        let w14box = { (checked: Bool) in
            "<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"\(checked ? 1 : 0)\"/></w14:checkbox></w:sdtPr><w:sdtContent>\(F.r(checked ? "☒" : "☐"))</w:sdtContent></w:sdt>"
        }
        return [
            F.p("<w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>", F.r("江苏省中小企业"), F.r("特色产业"), F.r("集群申报书")),
            F.p(F.r("集群总产值："), F.r("4"), F.r("1.5"), F.r("亿元")),
            F.p(F.r("集群占地面积："), "<w:del w:id=\"1\" w:author=\"审核\"><w:r><w:delText>52</w:delText></w:r></w:del>",
                "<w:ins w:id=\"2\" w:author=\"审核\">\(F.r("４５．５"))</w:ins>", F.r("平方公里")),
            F.p(F.r("中小企业产值占比："),
                "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"t\"/><w:textInput/></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>",
                F.r("72.5"), "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>", F.r("%")),
            F.p(F.r("是否属于高耗能行业："), checkbox(false), F.r("是 "), checkbox(true), F.r("否")),
            F.p(F.r("设立管委会等运营管理机构："), w14box(true), F.r("是 "), w14box(false), F.r("否")),
            F.p(F.r("联系人："), "<w:sdt><w:sdtPr><w:tag w:val=\"contact_name\"/></w:sdtPr><w:sdtContent>\(F.r("张"))\(F.r("三"))</w:sdtContent></w:sdt>"),
            """
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
            <w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p>\(F.r("指标"))</w:p></w:tc><w:tc><w:p>\(F.r("2021年"))</w:p></w:tc><w:tc><w:p>\(F.r("2022年"))</w:p></w:tc><w:tc><w:p>\(F.r("2023年"))</w:p></w:tc></w:tr>\
            <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p>\(F.r("集群总产值（亿元）"))</w:p></w:tc><w:tc><w:p>\(F.r("41.2"))</w:p></w:tc><w:tc><w:p>\(F.r("45"))\(F.r(".0"))</w:p></w:tc><w:tc><w:p>\(F.r("50.1"))</w:p></w:tc></w:tr>\
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p>\(F.r("（含规上企业）"))</w:p></w:tc></w:tr>\
            </w:tbl>
            """,
        ].joined()
    }

    public static func docx() throws -> Data {
        try F.docx(body: body)
    }

    public static func flatOPC() -> Data {
        Data(F.flatOPC(body: body).utf8)
    }
}
