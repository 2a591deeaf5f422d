import Foundation

/// A clean submission a generated one is varied from: one
/// `fixtures/data/<id>-clean.json` (the `extract` shape, application and
/// declaration), read with the scheme's own definition.
public struct GenerationBase: Sendable {
    /// "jiangsu" for `jiangsu-clean.json`.
    public let id: String
    public let definition: FormDefinition
    public let application: [String: FieldValue]
    public let declaration: [String: FieldValue]

    public init(id: String, definition: FormDefinition, application: [String: FieldValue], declaration: [String: FieldValue]) {
        self.id = id
        self.definition = definition
        self.application = application
        self.declaration = declaration
    }

    /// Every `*-clean.json` of `directory`, in name order.
    public static func load(directory: URL, library: FormLibrary) throws -> [GenerationBase] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw GenerationError.dataDirectoryUnreadable(path: directory.path)
        }
        let files = names.filter { $0.hasSuffix("-clean.json") }.sorted()
        guard !files.isEmpty else { throw GenerationError.noCleanData(path: directory.path) }
        return try files.map { try load(directory.appendingPathComponent($0), library: library) }
    }

    /// One data file: its first application and first declaration.
    public static func load(_ url: URL, library: FormLibrary) throws -> GenerationBase {
        let file = url.lastPathComponent
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url)
        } catch {
            throw GenerationError.dataDirectoryUnreadable(path: url.path)
        }
        guard let top = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any],
              let documents = top["documents"] as? [[String: Any]] else {
            throw FormDataError.notJSON(file: file, reason: "缺少 documents")
        }
        var definition: FormDefinition?
        var values: [FormKind: [String: FieldValue]] = [:]
        for document in documents {
            guard let scheme = document["scheme"] as? String, let found = library.definition(id: scheme),
                  let kind = (document["kind"] as? String).flatMap(FormKind.init(rawValue:)) else {
                throw FormDataError.notJSON(file: file, reason: "scheme 或 kind 无效")
            }
            guard values[kind] == nil else { continue }
            if let definition, definition.id != found.id {
                throw FormDataError.notJSON(file: file, reason: "申报书与责任声明的 scheme 不一致")
            }
            definition = found
            let single = try JSONSerialization.data(withJSONObject: ["fields": document["fields"] ?? [:]])
            values[kind] = try FormData.decode(single, file: file, definition: found, kind: kind)
        }
        guard let definition, let application = values[.application], let declaration = values[.declaration] else {
            throw GenerationError.incompleteBase(file: file)
        }
        let id = String(file.dropLast("-clean.json".count))
        return GenerationBase(id: id, definition: definition, application: application, declaration: declaration)
    }
}

/// Why a corpus cannot be generated or written.
public enum GenerationError: Error, LocalizedError, Equatable {
    case dataDirectoryUnreadable(path: String)
    case noCleanData(path: String)
    case incompleteBase(file: String)
    case outputNotEmpty(path: String)
    case unwritable(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .dataDirectoryUnreadable(let path):
            return "\(path)：样例数据无法读取"
        case .noCleanData(let path):
            return "\(path)：没有 *-clean.json 样例数据（可用 --data 指定目录）"
        case .incompleteBase(let file):
            return "\(file)：应同时包含申报书（application）和责任声明（declaration）"
        case .outputNotEmpty(let path):
            return "\(path)：目录已存在且不为空；为避免混入旧文件，请先删除或另选目录"
        case let .unwritable(path, reason):
            return "\(path)：无法写入（\(reason)）"
        }
    }
}
