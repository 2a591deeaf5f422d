import Foundation
import Yams

/// One step of a key path into a definition: a mapping key or a sequence index.
enum DefinitionPathStep: Hashable, Sendable {
    case key(String)
    case index(Int)
}

typealias DefinitionPath = [DefinitionPathStep]

extension Array where Element == DefinitionPathStep {
    init(codingPath: [any CodingKey]) {
        self = codingPath.map { key in
            if let index = key.intValue { .index(index) } else { .key(key.stringValue) }
        }
    }

    func key(_ name: String) -> DefinitionPath { self + [.key(name)] }
    func index(_ position: Int) -> DefinitionPath { self + [.index(position)] }

    /// `application.sections[0].fields[2].type`
    var rendered: String {
        var text = ""
        for step in self {
            switch step {
            case .key(let name): text += text.isEmpty ? name : ".\(name)"
            case .index(let position): text += "[\(position)]"
            }
        }
        return text
    }
}

/// A definition file's composed YAML, kept to name the line of a key path.
struct DefinitionSource {
    let file: String
    let root: Node

    /// The location of `path`: the line of the deepest node the path reaches
    /// (the parent mapping's line for a key that is missing).
    func location(_ path: DefinitionPath) -> DefinitionLocation {
        var node = root
        var line = root.mark?.line
        for step in path {
            guard let child = Self.child(of: node, step) else { break }
            node = child
            line = child.mark?.line ?? line
        }
        return DefinitionLocation(file: file, line: line, keyPath: path.rendered)
    }

    /// Whether the document holds a node at `path`.
    func contains(_ path: DefinitionPath) -> Bool {
        var node = root
        for step in path {
            guard let child = Self.child(of: node, step) else { return false }
            node = child
        }
        return true
    }

    private static func child(of node: Node, _ step: DefinitionPathStep) -> Node? {
        switch (step, node) {
        case (.key(let name), .mapping(let mapping)):
            return mapping[name]
        case (.index(let position), .sequence(let sequence)):
            return position < sequence.count ? sequence[position] : nil
        default:
            return nil
        }
    }
}

/// Reads, composes, decodes and validates one definition file, turning
/// every failure into a `FormDefinitionError` that names the file and line.
enum DefinitionLoader {
    struct Loaded {
        let definition: FormDefinition
        let policyText: PolicyText?
        let source: DefinitionSource
    }

    static func load(_ url: URL, policiesDirectory: URL) throws -> Loaded {
        let file = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FormDefinitionError.unreadable(file: file, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormDefinitionError.unreadable(file: file, reason: "不是 UTF-8 文本")
        }

        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw FormDefinitionError.unreadable(file: file, reason: "文件为空")
            }
            root = composed
        } catch let error as YamlError {
            throw syntaxError(error, file: file, text: text)
        }
        let source = DefinitionSource(file: file, root: root)

        let definition: FormDefinition
        do {
            definition = try YAMLDecoder().decode(FormDefinition.self, from: root)
        } catch let failure as DefinitionDecodingFailure {
            throw FormDefinitionError.invalid(source.location(DefinitionPath(codingPath: failure.codingPath)), failure.problem)
        } catch let error as DecodingError {
            throw decodingError(error, source: source)
        } catch let error as YamlError {
            throw syntaxError(error, file: file, text: text)
        }

        var problems: [FormDefinitionError] = []
        let policyURL = policiesDirectory.appendingPathComponent(definition.policy.file)
        var policyText: PolicyText?
        if let data = try? Data(contentsOf: policyURL), let text = String(data: data, encoding: .utf8) {
            policyText = PolicyText(text)
            if !TextNormalizer.labelKey(text).contains(TextNormalizer.labelKey(definition.policy.title)) {
                problems.append(.invalid(
                    source.location([.key("policy"), .key("title")]), .policyTitleNotInText(definition.policy.title)))
            }
        } else {
            problems.append(.invalid(
                source.location([.key("policy"), .key("file")]), .policyTextMissing(policyURL.path)))
        }

        var validator = DefinitionValidator(
            definition: definition, source: source, fileName: url.deletingPathExtension().lastPathComponent,
            policyText: policyText)
        validator.validate()
        problems += validator.problems
        if let error = FormDefinitionError(collecting: problems) { throw error }
        return Loaded(definition: definition, policyText: policyText, source: source)
    }

    static func syntaxError(_ error: YamlError, file: String, text: String) -> FormDefinitionError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return .syntax(file: file, line: mark.line, column: mark.column, problem: problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .syntax(
                file: file, line: context.mark.line, column: context.mark.column,
                problem: "重复的键：\(duplicates.joined(separator: "、"))")
        case .reader(let problem, let offset, _, _):
            // `offset` counts characters from the start of the text.
            let before = text.prefix(offset ?? 0)
            let lineStart = before.lastIndex(where: \.isNewline).map(before.index(after:)) ?? before.startIndex
            return .syntax(
                file: file, line: before.filter(\.isNewline).count + 1,
                column: before.distance(from: lineStart, to: before.endIndex) + 1, problem: problem)
        default:
            return .unreadable(file: file, reason: error.description)
        }
    }

    static func decodingError(_ error: DecodingError, source: DefinitionSource) -> FormDefinitionError {
        switch error {
        case .keyNotFound(let key, let context):
            return .invalid(source.location(DefinitionPath(codingPath: context.codingPath)), .missingKey(key.stringValue))
        case .typeMismatch(let type, let context):
            return .invalid(source.location(DefinitionPath(codingPath: context.codingPath)), .wrongType(expected: describe(type)))
        case .valueNotFound(_, let context):
            return .invalid(source.location(DefinitionPath(codingPath: context.codingPath)), .emptyValue)
        case .dataCorrupted(let context):
            return .invalid(source.location(DefinitionPath(codingPath: context.codingPath)), .invalidValue(context.debugDescription))
        @unknown default:
            return .unreadable(file: source.file, reason: String(describing: error))
        }
    }

    /// The expected YAML shape of a Swift type, for messages.
    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Node.Mapping.Type: "映射（键: 值）"
        case is Node.Sequence.Type: "序列（- 项 或 [项, 项]）"
        case is Node.Scalar.Type, is String.Type: "文本"
        case is Int.Type: "整数"
        case is Double.Type: "数"
        case is Bool.Type: "true 或 false"
        default: String(describing: type)
        }
    }
}

extension FormDefinitionError {
    /// One error for `errors` (`several` when there are more), ordered by
    /// file and line; `nil` when there are none.
    init?(collecting errors: [FormDefinitionError]) {
        let sorted = errors.enumerated().sorted { lhs, rhs in
            let left = lhs.element.sortKey, right = rhs.element.sortKey
            return (left.file, left.line, lhs.offset) < (right.file, right.line, rhs.offset)
        }.map(\.element)
        switch sorted.count {
        case 0: return nil
        case 1: self = sorted[0]
        default: self = .several(sorted)
        }
    }

    private var sortKey: (file: String, line: Int) {
        switch self {
        case .invalid(let location, _): (location.file, location.line ?? 0)
        case .syntax(let file, let line, _, _): (file, line)
        case .unreadable(let file, _): (file, 0)
        default: ("", 0)
        }
    }
}
