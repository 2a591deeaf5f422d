import Foundation
import Forms
import OOXML

/// Builds `fixtures/submissions/` from `fixtures/data/*.json` with the
/// project's own `fill`: each data file holds the application's and the
/// declaration's fields (the `extract` JSON shape) and becomes one submission
/// folder. A data file may name its outputs ("申报书.xml" gives form-instance
/// XML) through each document's "file".
public enum FixtureBuilder {
    public struct Output {
        public let path: String
        public let data: Data
    }

    public static func dataFiles() throws -> [URL] {
        let directory = Repository.url("fixtures/data")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// The documents one data file makes, with their paths under the repository.
    public static func build(_ url: URL, library: FormLibrary) throws -> [Output] {
        let id = url.deletingPathExtension().lastPathComponent
        let bytes = try Data(contentsOf: url)
        guard let top = try JSONSerialization.jsonObject(with: bytes) as? [String: Any],
              let documents = top["documents"] as? [[String: Any]] else {
            throw FormDataError.notJSON(file: url.lastPathComponent, reason: "缺少 documents")
        }
        var outputs: [Output] = []
        for document in documents {
            guard let scheme = document["scheme"] as? String, let definition = library.definition(id: scheme),
                  let kindName = document["kind"] as? String, let kind = FormKind(rawValue: kindName) else {
                throw FormDataError.notJSON(file: url.lastPathComponent, reason: "scheme 或 kind 无效")
            }
            let single = try JSONSerialization.data(withJSONObject: ["fields": document["fields"] ?? [:]])
            let values = try FormData.decode(single, file: url.lastPathComponent, definition: definition, kind: kind)
            let name = (document["file"] as? String) ?? (kind == .application ? "申报书.docx" : "责任声明.docx")
            let path = "fixtures/submissions/\(id)/\(name)"
            if name.hasSuffix(".xml") {
                outputs.append(Output(path: path, data: Data(FormInstanceWriter.xml(values, definition: definition, kind: kind).utf8)))
            } else {
                let writer = FormWriter(definition: definition)
                let builder = kind == .application ? writer.application(values) : writer.declaration(values)
                outputs.append(Output(path: path, data: try builder.package().archiveData()))
            }
        }
        return outputs
    }
}
