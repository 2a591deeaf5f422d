import Foundation
import Testing
import OOXML
import TestSupport

@Suite("Word builder")
struct WordBuilderTests {
    @Test("what the builder writes reads back with its merges, header rows, checkboxes and escaped text")
    func roundTrip() throws {
        var builder = WordBuilder(title: "测试")
        builder.add(WordBuilder.Paragraph("标题 <&> \"引号\"", bold: true, font: .xiaoBiaoSong, size: 22, alignment: .center, style: "Title"))
        builder.add(WordBuilder.Table(columnWidths: [2000, 2000, 2000], rows: [
            WordBuilder.Row([WordBuilder.Cell("表头", columnSpan: 3)], isHeader: true),
            WordBuilder.Row([WordBuilder.Cell("合并", verticalMerge: .restart), WordBuilder.Cell("a"), WordBuilder.Cell("b")]),
            WordBuilder.Row([WordBuilder.Cell("", verticalMerge: .continue), WordBuilder.Cell("c\td"), WordBuilder.Cell([
                WordBuilder.Paragraph([.checkbox(true), WordBuilder.Run("是 "), .checkbox(false), WordBuilder.Run("否")]),
            ])]),
        ]))
        let data = try builder.package().archiveData()
        let document = try DocxFixture.read(data)
        #expect(document.allParagraphs.first?.text == "标题 <&> \"引号\"")
        #expect(document.allParagraphs.first?.style == "Title")
        let table = try #require(document.allTables.first)
        #expect(table.rows[0].isHeader)
        #expect(table.rows[0].cells[0].columnSpan == 3)
        #expect(table.rows[1].cells[0].rowSpan == 2)
        #expect(table.rows[2].cells.map(\.text) == ["c\td", "☑是 ☐否"])
        #expect(table.rows[2].cells[1].paragraphs[0].checkboxes.map(\.checked) == [true, false])
    }
}
