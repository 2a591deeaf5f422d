import ArgumentParser
import Foundation
import OOXML

struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "逐块打印文档内容及其位置（段落、表格单元格）。",
        discussion: "示例：cluster-review dump fixtures/submissions/jiangsu-clean/申报书.docx"
    )

    @Argument(help: "一个 .docx 或 Word XML（Flat OPC）文件。")
    var file: String

    @Flag(help: "同时输出每段文字对应的文字块（run）范围。")
    var runs = false

    @OptionGroup(title: "读取限制（每份文档）") var reading: ReadLimitOptions

    func run() throws {
        let url = URL(fileURLWithPath: file)
        do {
            let document = try DocumentReader.read(url, displayName: file, limits: reading.limits)
            var output = ""
            DocumentDump.write(document, showRuns: runs, to: &output)
            FileHandle.standardOutput.write(Data(output.utf8))
        } catch let error as ReadError {
            FileHandle.standardError.write(Data("错误：\(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
    }
}
