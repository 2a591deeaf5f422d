import ArgumentParser
import Foundation
import Forms

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "生成模拟申报材料（可按种子复现，按比例植入缺陷），以及与之一致的信用评价名单和资质认定名录。",
        discussion: """
        Varies the clean data sets (fixtures/data/*-clean.json) of every scheme: new places, \
        industries, names, valid codes, dates and figures (shares and growth rates recomputed), \
        and plants one or two defects in --defect-rate of them. Writes OUT/<id>/申报书.docx \
        (a few as form-instance .xml) and 责任声明.docx, and beside OUT (a subfolder would be \
        read as a submission) the registry folder: credit.csv, certificates.csv and \
        planted-defects.csv (what was planted where).

        Example: cluster-review generate 100 --out corpus --seed 7
                 cluster-review review corpus --registry corpus-registry --out out
        """
    )

    @OptionGroup var forms: FormsOptions
    @Argument(help: "How many submissions to generate.") var count: Int
    @Option(help: "The corpus folder (absent or empty).") var out: String
    @Option(help: "The registry folder (default: <out>-registry).") var registry: String?
    @Option(help: "Seed of the generator; the same seed gives the same corpus (default: a random one, printed).") var seed: UInt64?
    @Option(help: "Share of submissions with planted defects, 0…1.") var defectRate: Double = 0.3
    @Option(help: "Share of applications written as form-instance XML, 0…1.") var xmlRate: Double = 0.05
    @Option(help: "Folder of the clean data sets (default: fixtures/data beside the forms folder).") var data: String?

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
