import ArgumentParser
import Foundation
import Forms

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "生成模拟申报材料（可按种子复现，按比例植入缺陷），以及与之一致的信用评价名单和资质认定名录。",
        discussion: """
        以各类别的无缺陷数据（fixtures/data/*-clean.json）为底本变化生成：新的地区、产业、名称、有效代码、日期和数据\
        （占比和增速重新计算），并按 --defect-rate 的比例植入一至两处缺陷。写出 OUT/<编号>/申报书.docx\
        （少数为表单实例 .xml）和责任声明.docx，并在 OUT 旁（放在其内会被当作一份申报材料）写出登记表目录：\
        credit.csv、certificates.csv 及 planted-defects.csv（植入了哪些缺陷）。

        示例：cluster-review generate 100 --out corpus --seed 7
                 cluster-review review corpus --registry corpus-registry --out out
        """
    )

    @OptionGroup var forms: FormsOptions
    @Argument(help: "生成的申报材料份数。") var count: Int
    @Option(help: "输出目录（应不存在或为空）。") var out: String
    @Option(help: "登记表目录（默认：<输出目录>-registry）。") var registry: String?
    @Option(help: "随机种子；同一种子生成相同材料（默认随机，并输出所用种子）。") var seed: UInt64?
    @Option(help: "植入缺陷的申报材料比例，0…1。") var defectRate: Double = 0.3
    @Option(help: "以表单实例 XML 写出的申报书比例，0…1。") var xmlRate: Double = 0.05
    @Option(help: "无缺陷数据所在目录（默认：表单定义目录旁的 fixtures/data）。") var data: String?

    func validate() throws {
        guard count >= 1 else { throw ValidationError("数量应为正整数") }
        guard (0...1).contains(defectRate) else { throw ValidationError("--defect-rate 应在 0 到 1 之间") }
        guard (0...1).contains(xmlRate) else { throw ValidationError("--xml-rate 应在 0 到 1 之间") }
        let corpus = URL(fileURLWithPath: out).standardizedFileURL.path
        let registry = URL(fileURLWithPath: registryPath).standardizedFileURL.path
        if registry == corpus || registry.hasPrefix(corpus + "/") {
            throw ValidationError("登记表目录不能位于申报材料目录之内（子目录会被当作一份申报材料读取）")
        }
    }

    private var registryPath: String {
        registry ?? (out.hasSuffix("/") ? String(out.dropLast()) : out) + "-registry"
    }

    func run() throws {
        try runReporting {
            let library = try forms.library()
            let dataURL = data.map { URL(fileURLWithPath: $0) }
                ?? library.directory.deletingLastPathComponent().appendingPathComponent("fixtures/data")
            let seed = self.seed ?? UInt64.random(in: 0...UInt64.max)
            if self.seed == nil { FileHandle.standardError.write(Data("种子：\(seed)\n".utf8)) }
            let bases = try GenerationBase.load(directory: dataURL, library: library)
            let corpus = CorpusGenerator(bases: bases)
                .generate(.init(count: count, seed: seed, defectRate: defectRate, formInstanceRate: xmlRate))
            do {
                try CorpusWriter.write(corpus, to: URL(fileURLWithPath: out), registry: URL(fileURLWithPath: registryPath))
            } catch let error as GenerationError {
                if case .outputNotEmpty = error { throw CLIError.usage(error.errorDescription ?? "\(error)") }
                throw error
            }
            let defective = corpus.submissions.filter { !$0.defects.isEmpty }.count
            FileHandle.standardError.write(Data(
                "已生成 \(corpus.submissions.count) 份申报材料（其中 \(defective) 份植入缺陷）：\(out)；登记表：\(registryPath)\n".utf8))
        }
    }
}
