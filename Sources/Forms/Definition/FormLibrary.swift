import Foundation

/// Whether a document is the application form or the declaration.
public enum FormKind: String, Sendable, Codable, CaseIterable {
    case application
    case declaration
}

/// The schemes a document title may belong to.
public struct TitleMatch: Sendable {
    public let kind: FormKind
    /// The best-matching schemes: one for an application title; possibly
    /// several for a declaration whose title (承诺书) every scheme shares.
    public let definitions: [FormDefinition]

    public init(kind: FormKind, definitions: [FormDefinition]) {
        self.kind = kind
        self.definitions = definitions
    }

    /// The scheme, when the title settles it.
    public var definition: FormDefinition? {
        definitions.count == 1 ? definitions[0] : nil
    }
}

/// Every scheme definition of a `forms/` folder, loaded and validated.
public struct FormLibrary: Sendable {
    /// The environment variable naming the forms folder.
    public static let environmentVariable = "CLUSTER_REVIEW_FORMS"

    public let directory: URL
    /// Sorted by id.
    public let definitions: [FormDefinition]
    private let policyTexts: [String: PolicyText]
    /// Every form and declaration title's key, for `match(title:)`.
    private let titleIndex: [(key: String, length: Int, kind: FormKind, definition: Int)]

    /// Loads every `*.yaml` of `directory`, with policy texts from
    /// `directory/policies/`. Throws the first problem found, or all of them
    /// (`FormDefinitionError.several`), each naming file, line and key.
    public static func load(directory: URL) throws -> FormLibrary {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw FormDefinitionError.notAFormsDirectory(directory.path)
        }
        let files = names.filter(Self.isDefinitionFile).sorted()
        guard !files.isEmpty else { throw FormDefinitionError.noDefinitions(directory: directory.path) }

        let policies = directory.appendingPathComponent("policies", isDirectory: true)
        var loaded: [DefinitionLoader.Loaded] = []
        var errors: [FormDefinitionError] = []
        for name in files {
            do {
                loaded.append(try DefinitionLoader.load(directory.appendingPathComponent(name), policiesDirectory: policies))
            } catch let error as FormDefinitionError {
                errors.append(error)
            }
        }
        errors += crossSchemeProblems(loaded)
        if let error = FormDefinitionError(collecting: errors.flatMap(\.flattened)) { throw error }

        return FormLibrary(
            directory: directory,
            definitions: loaded.map(\.definition).sorted { $0.id < $1.id },
            policyTexts: Dictionary(loaded.compactMap { entry in entry.policyText.map { (entry.definition.id, $0) } },
                                    uniquingKeysWith: { first, _ in first }))
    }

    public func definition(id: String) -> FormDefinition? {
        definitions.first { $0.id == id }
    }

    /// The scheme's policy text, indexed by article.
    public func policyText(for definition: FormDefinition) -> PolicyText? {
        policyTexts[definition.id]
    }

    /// The citation as the opinion prints it, resolving a citation of another
    /// scheme's policy (`scheme:`) to that policy's title.
    public func render(_ citation: Citation, in definition: FormDefinition) -> String {
        let policy = citation.scheme.flatMap { self.definition(id: $0) }?.policy ?? definition.policy
        return citation.render(policyTitle: policy.title)
    }

    /// Which scheme and which document a title names: the longest form title
    /// (or alias) the text contains wins, so 江苏省中小企业特色产业集群申报书 is
    /// Jiangsu's form, not the national 中小企业特色产业集群申报书. Widths,
    /// spaces and punctuation are ignored. A sentence that mentions a form
    /// (所提交的《…申报书》，…。) is not its title: text with a comma, full stop,
    /// semicolon, question or exclamation mark, or much longer than the title
    /// it contains, matches nothing.
    public func match(title: String) -> TitleMatch? {
        guard !title.contains(where: { "，,。；;？?！!".contains($0) }) else { return nil }
        let text = TextNormalizer.labelKey(title)
        guard !text.isEmpty else { return nil }
        var best: (length: Int, kind: FormKind, definitions: [FormDefinition])?
        let textLength = text.count
        for entry in titleIndex where textLength <= 2 * entry.length + 12 && text.containsExactly(entry.key) {
            let length = entry.length
            let definition = definitions[entry.definition]
            guard let current = best else {
                best = (length, entry.kind, [definition])
                continue
            }
            // Longer wins; at equal length an application title wins over a declaration's.
            if length > current.length || (length == current.length && entry.kind == .application && current.kind == .declaration) {
                best = (length, entry.kind, [definition])
            } else if length == current.length, entry.kind == current.kind, !current.definitions.contains(definition) {
                best = (length, entry.kind, current.definitions + [definition])
            }
        }
        guard var best else { return nil }
        if best.definitions.count > 1 {
            // A shared declaration title: a scheme named in the title settles it.
            let named = best.definitions.filter { text.containsExactly(TextNormalizer.labelKey($0.title)) }
            if !named.isEmpty { best.definitions = named }
        }
        return TitleMatch(kind: best.kind, definitions: best.definitions)
    }

    /// The forms folder (see `locateDirectory`), or `nil` when there is none.
    public static func defaultDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
        executable: URL? = Bundle.main.executableURL
    ) -> URL? {
        try? locateDirectory(environment: environment, currentDirectory: currentDirectory, executable: executable)
    }

    /// The forms folder: `CLUSTER_REVIEW_FORMS` when set, else the first
    /// `forms/` holding YAML found walking up from the current directory,
    /// then from the executable's folder. Throws `notAFormsDirectory` when
    /// the variable names no such folder, `formsDirectoryNotFound` (naming
    /// where the search started) when the walk finds none.
    public static func locateDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
        executable: URL? = Bundle.main.executableURL
    ) throws -> URL {
        if let configured = environment[environmentVariable], !configured.isEmpty {
            let url = URL(fileURLWithPath: configured, isDirectory: true, relativeTo: currentDirectory).standardizedFileURL
            guard isFormsDirectory(url) else { throw FormDefinitionError.notAFormsDirectory(url.path) }
            return url
        }
        var starts = [currentDirectory.standardizedFileURL]
        if let executable {
            starts.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for start in starts {
            var folder = start
            while true {
                let candidate = folder.appendingPathComponent("forms", isDirectory: true)
                if isFormsDirectory(candidate) { return candidate }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw FormDefinitionError.formsDirectoryNotFound(searched: starts.map(\.path))
    }

    // MARK: - Internals

    private init(directory: URL, definitions: [FormDefinition], policyTexts: [String: PolicyText]) {
        self.directory = directory
        self.definitions = definitions
        self.policyTexts = policyTexts
        var index: [(key: String, length: Int, kind: FormKind, definition: Int)] = []
        for (position, definition) in definitions.enumerated() {
            for title in definition.application.titles {
                let key = TextNormalizer.labelKey(title)
                index.append((key, key.count, .application, position))
            }
            for title in definition.declaration.titles {
                let key = TextNormalizer.labelKey(title)
                index.append((key, key.count, .declaration, position))
            }
        }
        titleIndex = index.filter { !$0.key.isEmpty }
    }

    static func isDefinitionFile(_ name: String) -> Bool {
        name.hasSuffix(".yaml") && !name.hasPrefix(".")
    }

    static func isFormsDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return false }
        return names.contains(where: isDefinitionFile)
    }

    /// Problems only visible with every scheme at hand: a scheme id or a form
    /// title used twice, a citation of another scheme's policy that does not resolve.
    private static func crossSchemeProblems(_ loaded: [DefinitionLoader.Loaded]) -> [FormDefinitionError] {
        var problems: [FormDefinitionError] = []
        var schemes: [String: DefinitionLoader.Loaded] = [:]
        var titles: [String: String] = [:]
        for entry in loaded {
            let definition = entry.definition
            if schemes[definition.id] != nil {
                problems.append(.invalid(entry.source.location([.key("id")]), .duplicateSchemeID(definition.id)))
                continue
            }
            schemes[definition.id] = entry
            let application: DefinitionPath = [.key("application")]
            for (index, title) in definition.application.titles.enumerated() {
                let key = TextNormalizer.labelKey(title)
                if let other = titles[key], other != definition.id {
                    let path = index == 0 ? application.key("title") : application.key("title_aliases").index(index - 1)
                    problems.append(.invalid(entry.source.location(path), .duplicateTitle(title, scheme: other)))
                } else {
                    titles[key] = definition.id
                }
            }
        }
        for entry in loaded {
            for (citation, path) in DefinitionValidator.citations(of: entry.definition) {
                guard let scheme = citation.scheme else { continue }
                guard let cited = schemes[scheme] else {
                    problems.append(.invalid(entry.source.location(path.key("scheme")), .unknownScheme(scheme)))
                    continue
                }
                if let text = cited.policyText, !text.contains(citation) {
                    problems.append(.invalid(entry.source.location(path), .citationNotInPolicy(citation.reference)))
                }
            }
        }
        return problems
    }
}

extension FormDefinitionError {
    /// The single errors inside `several`, so that a library's errors sort as one list.
    var flattened: [FormDefinitionError] {
        if case .several(let errors) = self { return errors.flatMap(\.flattened) }
        return [self]
    }
}
