import Foundation
import Testing
import OOXML
import TestSupport

@Suite("Reader samples under fixtures/reader")
struct ReaderSampleTests {
    /// Set CLUSTER_REVIEW_REGENERATE=1 to rewrite the committed samples.
    @Test("the committed samples are what the project's own writer makes of them")
    func samplesDoNotDrift() throws {
        let samples: [(String, Data)] = [
            ("fixtures/reader/tricky.docx", try ReaderSamples.docx()),
            ("fixtures/reader/tricky-flat.xml", ReaderSamples.flatOPC()),
        ]
        for (path, data) in samples {
            let url = Repository.url(path)
            if ProcessInfo.processInfo.environment["CLUSTER_REVIEW_REGENERATE"] == "1" {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            #expect(try Data(contentsOf: url) == data, "\(path) drifted; regenerate with CLUSTER_REVIEW_REGENERATE=1")
        }
    }

    @Test("the sample reads the same from .docx and Flat OPC, with every tricky construct resolved", arguments: ["fixtures/reader/tricky.docx", "fixtures/reader/tricky-flat.xml"])
    func sampleText(path: String) throws {
        let document = try DocumentReader.read(Repository.url(path))
        #expect(document.body.compactMap { if case .paragraph(let p) = $0 { return p.text } else { return nil } } == [
            "江苏省中小企业特色产业集群申报书",
            "集群总产值：41.5亿元",
            "集群占地面积：４５．５平方公里",
            "中小企业产值占比：72.5%",
            "是否属于高耗能行业：☐是 ☑否",
            "设立管委会等运营管理机构：☑是 ☐否",
            "联系人：张三",
        ])
        let table = try #require(document.allTables.first)
        #expect(table.rows[0].isHeader)
        #expect(table.rows[1].cells[0].rowSpan == 2)
        #expect(table.rows[2].cells.map(\.text) == ["（含规上企业）"])
        #expect(table.cell(row: 2, column: 0)?.text == "集群总产值（亿元）")
        #expect(table.rows[1].cells[2].text == "45.0")
    }
}
