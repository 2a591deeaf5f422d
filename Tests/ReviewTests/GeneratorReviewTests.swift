import Foundation
import Testing
import Forms
import Review
import TestSupport

@Suite("Generator: the review finds what was planted, and nothing in the clean ones")
struct GeneratorReviewTests {
    /// The categories a planted defect of each kind is reported under.
    static let expected: [PlantedDefect.Kind: Set<Category>] = [
        .thresholdMissed: [.threshold, .verify],
        .negativeAnswered: [.negative],
        .shareOff: [.inconsistent],
        .declarationName: [.identity],
        .signatoryMissing: [.missing],
        .checkCharacter: [.identity],
        .fieldDropped: [.missing],
        .creditGrade: [.credit],
    ]

    @Test("clean generated submissions pass against the generated registry; each planted defect gives its finding; no batch duplicates")
    func reviewAgreesWithPlanted() throws {
        let library = try ReviewLibraries.real.get()
        let bases = try GenerationBase.load(directory: Repository.url("fixtures/data"), library: library)
        let corpus = CorpusGenerator(bases: bases).generate(.init(count: 60, seed: 2024, defectRate: 0.5))
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("generator-review-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("corpus")
        let registry = root.appendingPathComponent("corpus-registry")
        try CorpusWriter.write(corpus, to: folder, registry: registry)

        let reviewer = Reviewer(library: library, registries: try Registries.load(directory: registry))
        let extractor = Extractor(library: library)
        let sources = try SubmissionLoader.sources([folder])
        #expect(sources.map(\.id) == corpus.submissions.map(\.id))
        var keys: [BatchKeys] = []
        var clean = 0
        for (source, generated) in zip(sources, corpus.submissions) {
            let loaded = SubmissionLoader.load(source, extractor: extractor, scheme: nil)
            #expect(loaded.unreadable.isEmpty, "\(source.id): \(loaded.unreadable)")
            keys.append(loaded.batchKeys)
            let review = reviewer.review(loaded.submission)
            if generated.defects.isEmpty {
                clean += 1
                #expect(review.verdict == .pass, "\(source.id): \(review.findings.map(\.message))")
                continue
            }
            #expect(review.verdict != .pass, "\(source.id): planted \(generated.defects.map(\.kind)) but passed")
            for defect in generated.defects {
                let categories = try #require(Self.expected[defect.kind])
                #expect(review.findings.contains { categories.contains($0.category) },
                        "\(source.id): \(defect.kind) (\(defect.detail)) not reported; found \(review.findings.map { "\($0.category) \($0.field)" })")
            }
        }
        #expect(clean > 10)
        #expect(BatchChecks.findings(keys).isEmpty)
    }
}
