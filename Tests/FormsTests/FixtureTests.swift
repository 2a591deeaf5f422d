import Foundation
import Testing
import Forms
import OOXML
import TestSupport

@Suite("Fixtures: built by fill, read back by extract")
struct FixtureTests {
    static let dataFiles: [URL] = (try? FixtureBuilder.dataFiles()) ?? []

    @Test("there are at least two submissions for every scheme")
    func coverage() throws {
        var perScheme: [String: Int] = [:]
        for url in Self.dataFiles {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
            let documents = object?["documents"] as? [[String: Any]] ?? []
            if let scheme = documents.first?["scheme"] as? String { perScheme[scheme, default: 0] += 1 }
        }
        for definition in try formsLibrary.definitions {
            #expect(perScheme[definition.id, default: 0] >= 2, "\(definition.id) has \(perScheme[definition.id, default: 0]) fixture submissions")
        }
    }

    /// CLUSTER_REVIEW_REGENERATE=1 rewrites the committed documents.
    @Test("the committed submissions are exactly what fill makes of fixtures/data", arguments: dataFiles)
    func noDrift(data: URL) throws {
        for output in try FixtureBuilder.build(data, library: try formsLibrary) {
            let url = Repository.url(output.path)
            if ProcessInfo.processInfo.environment["CLUSTER_REVIEW_REGENERATE"] == "1" {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try output.data.write(to: url)
            }
            let committed = try? Data(contentsOf: url)
            #expect(committed == output.data, "\(output.path) drifted from \(data.lastPathComponent); regenerate with CLUSTER_REVIEW_REGENERATE=1 swift test --filter FixtureTests")
        }
    }

    @Test("round trip: extract gives back exactly the data fill was given, for every document", arguments: dataFiles)
    func roundTrip(data: URL) throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: data)) as? [String: Any]
        let documents = object?["documents"] as? [[String: Any]] ?? []
        let extractor = Extractor(library: try formsLibrary)
        for (document, output) in zip(documents, try FixtureBuilder.build(data, library: try formsLibrary)) {
            let scheme = try #require(document["scheme"] as? String)
            let kind = try #require((document["kind"] as? String).flatMap(FormKind.init(rawValue:)))
            let definition = try #require((try formsLibrary).definition(id: scheme))
            let single = try JSONSerialization.data(withJSONObject: ["fields": document["fields"] ?? [:]])
            let expected = try FormData.decode(single, file: data.lastPathComponent, definition: definition, kind: kind)
            let name = URL(fileURLWithPath: output.path).lastPathComponent
            let extracted: ExtractedForm
            switch try DocumentReader.open(data: output.data, displayName: name) {
            case .word(let package): extracted = try extractor.extract(try DocumentReader.read(package))
            case .xml(let xml): extracted = try extractor.extract(formInstance: xml)
            }
            #expect(extracted.scheme == scheme)
            #expect(extracted.kind == kind)
            #expect(extracted.problems.isEmpty, "\(output.path): \(extracted.problems)")
            for id in Set(expected.keys).union(extracted.fields.keys).sorted() {
                #expect(extracted.fields[id] == expected[id], "\(output.path) field \(id)")
            }
        }
    }
}
