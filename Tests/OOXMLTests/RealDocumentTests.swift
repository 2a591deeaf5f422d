import Foundation
import Testing
import OOXML
import TestSupport

@Suite("Documents saved by real word processors")
struct RealDocumentTests {
    @Test("a form saved by LibreOffice Writer reads with its merged cells, full-width digits and year table")
    func libreOfficeForm() throws {
        let url = Repository.url("fixtures/real/江苏申报书-LibreOffice.docx")
        let document = try DocumentReader.read(url)
        let texts = document.allParagraphs.map(\.text)
        #expect(texts.first == "江苏省中小企业特色产业集群申报书")
        #expect(texts.contains("申报日期：２０２４年５月１０日"))
        #expect(texts.contains("是否属于高耗能行业：☐是 ☑否"))
        let tables = document.allTables
        #expect(tables.count == 2)
        let basics = tables[0]
        #expect(basics.columnCount == 4)
        #expect(basics.rows[0].cells[1].columnSpan == 3)
        #expect(basics.rows[2].cells[0].rowSpan == 2)
        #expect(basics.cell(row: 3, column: 0)?.text == "运营管理机构")
        #expect(basics.cell(row: 3, column: 2)?.text == "51320281MJ1234567X")
        let series = tables[1]
        #expect(series.rows[0].cells.map(\.text) == ["指标", "单位", "2021年", "2022年", "2023年"])
        #expect(series.rows[1].cells.map(\.text) == ["集群总产值", "亿元", "41.2", "45.0", "50.1"])
        // Every character of a value maps back to a real run.
        let value = try #require(basics.rows[1].cells[3].paragraphs.first)
        #expect(value.text == "４５．５")
        let spans = value.runSpans(covering: 0..<4)
        #expect(spans.count == 1)
        #expect(spans.first.map { $0.end - $0.start } == 4)
    }

    @Test("dump prints every block with its location")
    func dumpFormat() throws {
        let document = try DocumentReader.read(Repository.url("fixtures/real/江苏申报书-LibreOffice.docx"), displayName: "real.docx")
        var output = ""
        DocumentDump.write(document, showRuns: false, to: &output)
        #expect(output.hasPrefix("# real.docx (zip) /word/document.xml\n"))
        #expect(output.contains("\n    t1/r1/c2 colspan=3\n      t1/r1/c2/p1 \"江阴市高端纺织服装产业集群\""))
        #expect(output.contains("\n    t1/r3/c1 rowspan=2\n"))
    }
}
