import ArgumentParser
import Foundation
import OOXML

struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "逐块打印文档内容及其位置（段落、表格单元格）。",
        discussion: "Example: cluster-review dump fixtures/submissions/jiangsu-clean/申报书.docx"
    )

    @Argument(help: "A .docx or Word XML (Flat OPC) file.")
    var file: String

    @Flag(help: "Also print the run spans behind every paragraph.")
    var runs = false

    @OptionGroup(title: "Reading limits") var reading: ReadLimitOptions

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
