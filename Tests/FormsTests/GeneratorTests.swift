import Foundation
import Testing
import Forms
import OOXML
import TestSupport

private func generate(count: Int, seed: UInt64, defectRate: Double = 0.3) throws -> GeneratedCorpus {
    let bases = try GenerationBase.load(directory: Repository.url("fixtures/data"), library: try formsLibrary)
    return CorpusGenerator(bases: bases).generate(.init(count: count, seed: seed, defectRate: defectRate))
}

/// Every file under `root`, by relative path.
private func files(under root: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let manager = FileManager.default
    guard let walker = manager.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
    for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
        result[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count))] = try Data(contentsOf: url)
    }
    return result
}

private func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("generator-tests-\(UUID().uuidString)", isDirectory: true)
}

@Suite("Generator: reproducible, plausible corpora")
struct GeneratorTests {
    @Test("SplitMix64 gives the published reference sequence for seed 1234567")
    func splitMixReference() {
        var generator = SplitMix64(seed: 1_234_567)
        #expect(generator.next() == 6_457_827_717_110_365_317)
        #expect(generator.next() == 3_203_168_211_198_807_973)
        #expect(generator.next() == 9_817_491_932_198_370_423)
    }

    @Test("the same seed writes byte-identical corpora and registries; another seed does not")
    func reproducible() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var written: [[String: Data]] = []
        for (name, seed) in [("a", UInt64(42)), ("b", 42), ("c", 43)] {
            let corpus = try generate(count: 12, seed: seed)
            let folder = root.appendingPathComponent(name)
            try CorpusWriter.write(corpus, to: folder.appendingPathComponent("corpus"), registry: folder.appendingPathComponent("registry"),
                                   jobs: name == "b" ? 1 : 3)
            written.append(try files(under: folder))
        }
        #expect(written[0].count == 12 * 2 + 3)
        #expect(written[0] == written[1])
        #expect(written[0] != written[2])
    }

    @Test("submission i does not depend on how many are drawn")
    func streamsPerSubmission() throws {
        let small = try generate(count: 5, seed: 9)
        let large = try generate(count: 15, seed: 9)
        for (a, b) in zip(small.submissions, large.submissions.prefix(5)) {
            #expect(a.application == b.application)
            #expect(a.declaration == b.declaration)
            #expect(a.defects == b.defects)
        }
    }

    @Test("twenty generated submissions extract with no problems and give back exactly the generated values")
    func extractsCleanly() throws {
        let corpus = try generate(count: 20, seed: 7)
        let extractor = Extractor(library: try formsLibrary)
        #expect(corpus.submissions.count == 20)
        for submission in corpus.submissions {
            for document in try CorpusWriter.documents(submission) {
                let extracted: ExtractedForm
                switch try DocumentReader.open(data: document.data, displayName: document.name) {
                case .word(let package): extracted = try extractor.extract(try DocumentReader.read(package))
                case .xml(let xml): extracted = try extractor.extract(formInstance: xml)
                }
                let expected = extracted.kind == .declaration ? submission.declaration : submission.application
                #expect(extracted.scheme == submission.definition.id, "\(submission.id)/\(document.name)")
                #expect(extracted.problems.isEmpty, "\(submission.id)/\(document.name): \(extracted.problems)")
                for id in Set(expected.keys).union(extracted.fields.keys).sorted() {
                    #expect(extracted.fields[id] == expected[id], "\(submission.id)/\(document.name) field \(id)")
                }
            }
        }
    }

    @Test("clean submissions carry valid codes of their own place, unique across the corpus, and series of the three years before the application")
    func codesAndYears() throws {
        let corpus = try generate(count: 60, seed: 3, defectRate: 0)
        var seen: Set<String> = []
        for submission in corpus.submissions {
            var codes: [String] = []
            for (id, value) in submission.application {
                if submission.definition.field(id)?.type == .uscc, let code = value.text { codes.append(code) }
                for row in value.rows ?? [] { if let code = row["uscc"]?.text { codes.append(code) } }
            }
            for code in codes {
                #expect((try? USCC(code)) != nil, "\(submission.id): \(code)")
                #expect(seen.insert(code).inserted, "\(submission.id): \(code) used twice")
            }
            let applicant = try #require(submission.application["applicant_uscc"]?.text.flatMap { try? USCC($0) })
            #expect(codes.allSatisfy { $0.dropFirst(2).prefix(6) == Substring(applicant.regionCode) }, "\(submission.id)")
            if submission.definition.id == "wuxi-promotion-agency" { #expect(applicant.isRegistered(inRegion: "3202")) }
            let year = try #require(submission.application["application_date"]?.date).year
            for value in submission.application.values {
                guard let series = value.seriesValues else { continue }
                #expect(series.keys.sorted() == [year - 3, year - 2, year - 1], "\(submission.id)")
            }
            #expect(submission.declaration["declarant_uscc"] == submission.application["applicant_uscc"])
            #expect(submission.declaration["declarant_name"] == submission.application["applicant_name"])
        }
    }

    @Test("the registries rate every entity of a clean submission A or B and list every claimed recognition")
    func registriesCover() throws {
        let corpus = try generate(count: 30, seed: 5, defectRate: 0)
        let rated = Dictionary(corpus.credit.map { ($0.uscc, $0.grade) }, uniquingKeysWith: { first, _ in first })
        let listed = Set(corpus.certificates.compactMap(\.uscc))
        for submission in corpus.submissions {
            for id in ["applicant_uscc", "operator_uscc"] {
                guard let code = submission.application[id]?.text else { continue }
                #expect(rated[code]?.first == "A" || rated[code]?.first == "B", "\(submission.id) \(id)")
            }
            for row in submission.application["enterprises"]?.rows ?? [] {
                let code = try #require(row["uscc"]?.text)
                #expect(rated[code]?.first == "A" || rated[code]?.first == "B", "\(submission.id) \(code)")
                #expect(listed.contains(code), "\(submission.id) \(code)")
            }
        }
    }

    @Test("every kind of defect gets planted, one or two per defective submission")
    func everyDefectKind() throws {
        let corpus = try generate(count: 120, seed: 11, defectRate: 1)
        let kinds = Set(corpus.submissions.flatMap { $0.defects.map(\.kind) })
        #expect(kinds == Set(PlantedDefect.Kind.allCases))
        #expect(corpus.submissions.allSatisfy { (1...2).contains($0.defects.count) })
        #expect(corpus.submissions.allSatisfy { Set($0.defects.map(\.kind)).count == $0.defects.count })
    }

    @Test("a corpus folder that already holds files is refused")
    func refusesNonEmptyFolder() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus.appendingPathComponent("old"), withIntermediateDirectories: true)
        #expect(throws: GenerationError.outputNotEmpty(path: corpus.path)) {
            try CorpusWriter.write(try generate(count: 1, seed: 1), to: corpus, registry: root.appendingPathComponent("registry"))
        }
    }
}
