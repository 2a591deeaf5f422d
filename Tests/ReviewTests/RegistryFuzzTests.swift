import Foundation
import Testing
import OOXML
import Review
import TestSupport

/// Seeded mutations of the committed registries (CSV in UTF-8 and GBK, the
/// sample workbook and one built here) through the registry parsers. Each
/// must load, or stop with a `RegistryError` naming the file (and the row
/// and column where it speaks of a cell) — quickly, never a crash.
/// `FUZZ_SEED` and friends as for `FuzzTests`.
@Suite("Fuzz: mutated registries load or stop by name")
struct RegistryFuzzTests {
    static let defaultSeed: UInt64 = 20_250_802

    enum Kind: String, Sendable { case credit, certificates }

    struct Seed {
        let origin: String
        let kind: Kind
        let data: Data
        let fileExtension: String
    }

    static func seeds() throws -> [Seed] {
        var seeds: [Seed] = []
        for (path, kind) in [
            ("fixtures/registry/credit.csv", Kind.credit), ("fixtures/registry/certificates.csv", .certificates),
            ("fixtures/registry-samples/valid/credit.csv", .credit),
            ("fixtures/registry-samples/valid/certificates.xlsx", .certificates),
            ("fixtures/registry-samples/gbk/credit.csv", .credit),
        ] {
            let url = Repository.url(path)
            seeds.append(Seed(origin: path, kind: kind, data: try Data(contentsOf: url), fileExtension: url.pathExtension))
        }
        // A credit workbook: the registries accept .xlsx for both.
        let credit = try RegistryWorkbook.data([
            [.text("统一社会信用代码"), .text("名称"), .text("信用等级"), .text("评价日期")],
            [.text(Codes.wuxiA), .runs(["无锡", "物联网产业集群发展促进会"]), .text("A"), .dateSerial(45_382)],
            [.inline(Codes.wuxiB), .text("无锡市锡山区工业和信息化局"), .text("B+"), .text("2024-03-31")],
            [.gap, .text("无锡市传感网创新平台"), .text("A-"), .number("2024")],
        ])
        seeds.append(Seed(origin: "RegistryWorkbook credit.xlsx", kind: .credit, data: credit, fileExtension: "xlsx"))
        return seeds
    }

    /// What loading one registry came to.
    struct Outcome {
        let error: (any Error)?
        let output: String
        let elapsed: Duration
    }

    static func load(_ data: Data, kind: Kind, file: String) -> Outcome {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let output: String
            switch kind {
            case .credit: output = String(describing: try CreditRegistry(data: data, file: file).entries)
            case .certificates: output = String(describing: try CertificateRegistry(data: data, file: file).entries)
            }
            return Outcome(error: nil, output: output, elapsed: clock.now - started)
        } catch {
            let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            return Outcome(error: error, output: message, elapsed: clock.now - started)
        }
    }

    /// The promises a registry error keeps: it is a `RegistryError`, its
    /// message names the file, and a cell's or row's names a plausible row
    /// (and the column by its header).
    static func violations(_ outcome: Outcome, file: String) -> [String] {
        var result: [String] = []
        if let error = outcome.error {
            if let registryError = error as? RegistryError {
                if !outcome.output.contains(file) {
                    result.append("message does not name \(file): \(outcome.output)")
                }
                switch registryError {
                case let .invalidCell(_, row, column, _):
                    if row < 1 || !outcome.output.contains("第\(row)行") { result.append("cell error without its row: \(outcome.output)") }
                    if column.isEmpty || !outcome.output.contains("\"\(column)\" 列") {
                        result.append("cell error without its column: \(outcome.output)")
                    }
                case let .malformedCSV(_, row, _), let .extraFields(_, row, _, _), let .missingColumns(_, row, _),
                     let .duplicateColumn(_, row, _, _), let .noRows(_, row):
                    if row < 1 || !outcome.output.contains("第\(row)行") { result.append("row error without its row: \(outcome.output)") }
                default:
                    break
                }
            } else {
                result.append("threw \(type(of: error)), not a RegistryError: \(outcome.output)")
            }
        }
        if let marker = PasswdLeak.found(in: outcome.output) {
            result.append("/etc/passwd content (\(marker)) in the output")
        }
        if outcome.elapsed > .seconds(2) {
            result.append("took \(outcome.elapsed) (limit 2 s)")
        }
        return result
    }

    @Test("seeded mutations of credit and certificate registries never crash, hang or go unnamed")
    func mutatedRegistries() throws {
        let configuration = FuzzConfiguration(defaultSeed: Self.defaultSeed, defaultIterations: 250)
        let seeds = try Self.seeds()
        var report = FuzzReport(name: "registries", filter: "RegistryFuzzTests", configuration: configuration)
        for index in configuration.indices {
            var mutator = Mutator(seed: configuration.seed, stream: index)
            let seed = mutator.random.pick(seeds)
            let donor = mutator.random.pick(seeds).data
            let mutation = seed.fileExtension == "csv"
                ? (mutator.random.chance(1, in: 5) ? mutator.mutateBytes(seed.data, donor: donor) : mutator.mutateCSV(seed.data, donor: donor))
                : mutator.mutate(seed.data, donor: donor)
            // Now and then the bytes arrive under the other extension.
            let fileExtension = mutator.random.chance(1, in: 10) ? (seed.fileExtension == "csv" ? "xlsx" : "csv") : seed.fileExtension
            let file = "\(seed.kind.rawValue)-\(index).\(fileExtension)"
            configuration.keep(mutation.data, index: index, name: file, target: "registries")
            let outcome = Self.load(mutation.data, kind: seed.kind, file: file)
            if let failure = report.add(outcome.elapsed, error: outcome.error, stage: seed.kind.rawValue, index: index,
                                        origin: seed.origin, mutation: mutation, name: file,
                                        violations: Self.violations(outcome, file: file)) {
                Issue.record(Comment(rawValue: failure))
            }
        }
        print(report.summary)
        #expect(report.slowest < .seconds(2), "slowest input: \(report.reproduction(report.slowestIndex))")
        #expect(report.failures == 0)
    }

    /// The sample workbook with its end record pointing the central
    /// directory past the end of the file (one field of a damaged download).
    static func workbookWithDirectoryPastEnd() throws -> Data {
        ZipSurgery.directoryPastEnd(try Data(contentsOf: Repository.url("fixtures/registry-samples/valid/certificates.xlsx")))
    }

    @Test("a certificates.xlsx whose central directory lies past its end stops the run by name, not a crash")
    func zipOffsetPastEnd() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("registry-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let workbook = try Self.workbookWithDirectoryPastEnd()
        try workbook.write(to: directory.appendingPathComponent("certificates.xlsx"))
        do {
            _ = try Registries.load(directory: directory)
            Issue.record("a damaged workbook must stop the run")
        } catch let error as RegistryError {
            #expect(error.localizedDescription.hasPrefix("certificates.xlsx："))
        }
    }

    @Test("a certificates.xlsx whose first entry's local header lies past its end stops the run by name, not a crash")
    func localHeaderPastEnd() throws {
        let sample = try Data(contentsOf: Repository.url("fixtures/registry-samples/valid/certificates.xlsx"))
        let workbook = ZipSurgery.patchingFirstRecord(sample, at: 42, width: 4, to: sample.count + 500)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("registry-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try workbook.write(to: directory.appendingPathComponent("certificates.xlsx"))
        #expect(throws: RegistryError.self) { _ = try Registries.load(directory: directory) }
    }
}
