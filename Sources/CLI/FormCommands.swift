import ArgumentParser
import Foundation
import Synchronization
import Forms
import OOXML

struct Schemes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "列出可审核的申报类别（id、名称、依据政策）。",
        discussion: "示例：cluster-review schemes"
    )

    @OptionGroup var forms: FormsOptions

    func run() throws {
        try runReporting {
            let library = try forms.library()
            for definition in library.definitions {
                Console.write("\(definition.id)\t\(definition.title)\t\(definition.policy.title)\n")
            }
        }
    }
}

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "生成空白申报书（或 --declaration 生成申报主体责任声明）。",
        discussion: "示例：cluster-review template jiangsu-sme-cluster -o 申报书.docx"
    )

    @OptionGroup var forms: FormsOptions
    @Argument(help: "申报类别编号（见 cluster-review schemes）。") var scheme: String
    @Option(name: .shortAndLong, help: "要写出的 .docx 文件。") var output: String
    @Flag(help: "生成申报主体责任声明，而非申报书。") var declaration = false
    @Option(help: "年度数据表的起始年份（默认：今年之前第三年）。") var firstYear: Int?

    func run() throws {
        try runReporting {
            let library = try forms.library()
            guard let definition = library.definition(id: scheme) else {
                throw CLIError.usage("未知的申报类别 \(scheme)（可用 cluster-review schemes 查看）")
            }
            // A blank form is a Word document; form-instance XML is made by `fill`.
            guard URL(fileURLWithPath: output).pathExtension.lowercased() == "docx" else {
                throw CLIError.usage("空白模板只生成 .docx 文件（\(output)）；表单实例 XML 请用 cluster-review fill 生成")
            }
            let years = firstYear.map { [$0, $0 + 1, $0 + 2] }
            let writer = FormWriter(definition: definition, blankYears: years)
            let builder = declaration ? writer.declaration() : writer.application()
            try builder.package().write(to: URL(fileURLWithPath: output))
        }
    }
}

struct Fill: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "按数据填写申报书（或 --declaration 填写责任声明），输出 .docx 或表单实例 .xml。",
        discussion: """
        数据文件的格式与 extract 的输出相同（一份文档的 "fields"，或整个 {"documents": [...]} 输出，取其中第一份相应文书）。
        示例：cluster-review fill jiangsu-sme-cluster fixtures/data/jiangsu-clean.json -o 申报书.docx
        """
    )

    @OptionGroup var forms: FormsOptions
    @Argument(help: "申报类别编号。") var scheme: String
    @Argument(help: "填写数据（JSON 文件）。") var data: String
    @Option(name: .shortAndLong, help: "要写出的 .docx（或表单实例 .xml）文件。") var output: String
    @Flag(help: "填写申报主体责任声明，而非申报书。") var declaration = false

    func run() throws {
        try runReporting {
            let library = try forms.library()
            guard let definition = library.definition(id: scheme) else {
                throw CLIError.usage("未知的申报类别 \(scheme)（可用 cluster-review schemes 查看）")
            }
            let bytes: Data
            do {
                bytes = try Data(contentsOf: URL(fileURLWithPath: data))
            } catch {
                throw CLIError.input("\(data)：无法读取数据文件")
            }
            let kind: FormKind = declaration ? .declaration : .application
            let values = try FormData.decode(bytes, file: data, definition: definition, kind: kind)
            let url = URL(fileURLWithPath: output)
            if url.pathExtension.lowercased() == "xml" {
                try AtomicFile.write(Data(FormInstanceWriter.xml(values, definition: definition, kind: kind).utf8), to: url)
            } else {
                let writer = FormWriter(definition: definition)
                let builder = declaration ? writer.declaration(values) : writer.application(values)
                try builder.package().write(to: url)
            }
        }
    }
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "读取申报材料，按字段输出 JSON（类别、文书种类、字段值、无法识别的值）。",
        discussion: "示例：cluster-review extract fixtures/submissions/*/*.docx"
    )

    @OptionGroup var forms: FormsOptions
    @Argument(help: ".docx、Word XML 或表单实例 XML 文件。") var files: [String]
    @Option(help: "申报类别编号，不按标题自动识别。") var scheme: String?
    @Option(help: "同时读取的文档数（默认：CPU 核数）；输出仍按文件给出的顺序。")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @OptionGroup(title: "读取限制（每份文档）") var reading: ReadLimitOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs 应为正整数") }
    }

    func run() throws {
        var failed = false
        try runReporting {
            let library = try forms.library()
            if let scheme, library.definition(id: scheme) == nil {
                throw CLIError.usage("未知的申报类别 \(scheme)（可用 cluster-review schemes 查看）")
            }
            let extractor = Extractor(library: library)
            let (files, scheme, limits) = (self.files, self.scheme, reading.limits)
            let results = ParallelMap.run(files.count, jobs: jobs) { index -> Result<ExtractedForm, Error> in
                Result {
                    try extractor.extract(fileAt: URL(fileURLWithPath: files[index]), displayName: files[index],
                                          scheme: scheme, limits: limits)
                }
            }
            var documents: [ExtractedForm] = []
            for (file, result) in zip(files, results) {
                switch result {
                case .success(let form): documents.append(form)
                case .failure(let error as LocalizedError):
                    Console.error(error.errorDescription ?? "\(file)：\(error)")
                    failed = true
                case .failure(let error):
                    Console.error("\(file)：\(error)")
                    failed = true
                }
            }
            Console.write(try ExtractionJSON.encode(documents) + "\n")
        }
        if failed { throw ExitCode(1) }
    }
}

/// Runs `body` for 0..<count on `jobs` threads, each taking the next index,
/// and returns the results in index order.
enum ParallelMap {
    static func run<T: Sendable>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = Mutex<[T?]>(Array(repeating: nil, count: count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let value = body(index)
                results.withLock { $0[index] = value }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
