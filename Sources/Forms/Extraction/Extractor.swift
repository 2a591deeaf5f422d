import Foundation
import OOXML

/// A value that is present but cannot be read.
public struct ExtractionProblem: Hashable, Sendable, Codable {
    public let field: String
    public let text: String
    /// Short English reason ("not a number").
    public let reason: String
    public let year: Int?
    public let row: Int?
    public let column: String?

    public init(field: String, text: String, reason: String, year: Int? = nil, row: Int? = nil, column: String? = nil) {
        self.field = field
        self.text = text
        self.reason = reason
        self.year = year
        self.row = row
        self.column = column
    }
}

/// Where a value sat: the field, and for a series its year, for a list its row and column.
public struct FieldKey: Hashable, Sendable, CustomStringConvertible {
    public let field: String
    public let year: Int?
    public let row: Int?
    public let column: String?

    public init(field: String, year: Int? = nil, row: Int? = nil, column: String? = nil) {
        self.field = field
        self.year = year
        self.row = row
        self.column = column
    }

    public var description: String {
        var text = field
        if let year { text += "@\(year)" }
        if let row { text += "#\(row)" }
        if let column { text += ".\(column)" }
        return text
    }
}

/// One document read against a scheme's form.
public struct ExtractedForm: Sendable {
    public let file: String
    public let scheme: String?
    public let kind: FormKind?
    public var fields: [String: FieldValue]
    public var problems: [ExtractionProblem]
    /// Where each value's text is (for comments on exactly those characters).
    public var locations: [FieldKey: [ValueLocation]]
    /// Where each field's label is, found even when its value is not.
    public var labelLocations: [String: [ValueLocation]]
    /// Where the document's title is (for findings with no place of their own).
    public var titleLocation: [ValueLocation]

    public init(file: String, scheme: String?, kind: FormKind?, fields: [String: FieldValue] = [:],
                problems: [ExtractionProblem] = [], locations: [FieldKey: [ValueLocation]] = [:],
                labelLocations: [String: [ValueLocation]] = [:], titleLocation: [ValueLocation] = []) {
        self.file = file
        self.scheme = scheme
        self.kind = kind
        self.fields = fields
        self.problems = problems
        self.locations = locations
        self.labelLocations = labelLocations
        self.titleLocation = titleLocation
    }
}

/// Why a document could not be extracted at all.
public enum ExtractionError: Error, LocalizedError, Equatable, Sendable {
    case unknownScheme(file: String)
    /// `source` says where the id was read: the file whose scheme attribute
    /// names it, or `--scheme 参数` when the caller chose the scheme.
    case unknownSchemeId(String, source: String)
    case unrecognisedXML(file: String, root: String)

    public var errorDescription: String? {
        switch self {
        case .unknownScheme(let file):
            return "\(file)：无法从标题识别申报类别，请用 --scheme 指定"
        case let .unknownSchemeId(id, source):
            return "\(source)：未知的申报类别 \(id)（可用 cluster-review schemes 查看）"
        case let .unrecognisedXML(file, root):
            return "\(file)：XML 既不是 Word XML 文档（Flat OPC），也不是表单实例 XML（根元素 \(root)）"
        }
    }

    /// The source of a scheme id the caller chose rather than read from a file.
    public static let schemeOption = "--scheme 参数"
}

/// Reads forms: finds each field by its label wherever the document puts it,
/// parses its text by the field's type, and keeps where the text came from.
public struct Extractor: Sendable {
    public let library: FormLibrary
    /// Each scheme's label index, built once: label keys are costly to derive.
    private let indexes: [String: (application: LabelIndex, declaration: LabelIndex)]

    public init(library: FormLibrary) {
        self.library = library
        var indexes: [String: (application: LabelIndex, declaration: LabelIndex)] = [:]
        for definition in library.definitions {
            indexes[definition.id] = (LabelIndex(probes: definition.application.fields.map(Extractor.probe)),
                                      LabelIndex(probes: definition.declaration.fields.map(Extractor.probe)))
        }
        self.indexes = indexes
    }

    // MARK: Files

    /// Opens and extracts one file (.docx, Flat OPC or form-instance XML).
    public func extract(fileAt url: URL, displayName: String? = nil, scheme: String? = nil,
                        limits: ReadLimits = .standard) throws -> ExtractedForm {
        let name = displayName ?? url.lastPathComponent
        switch try DocumentReader.open(url, displayName: name, limits: limits) {
        case .word(let package):
            return try extract(try DocumentReader.read(package), scheme: scheme)
        case .xml(let xml):
            return try extract(formInstance: xml, scheme: scheme)
        }
    }

    /// Extracts a form-instance XML document, validated against its schema.
    public func extract(formInstance xml: PlainXMLDocument, scheme: String? = nil) throws -> ExtractedForm {
        guard FormInstanceXML.recognises(xml), let root = xml.root else {
            throw ExtractionError.unrecognisedXML(file: xml.fileName, root: xml.rootName)
        }
        try xml.validate(against: library.directory.appendingPathComponent("form-instance.xsd"))
        let (header, raw) = FormInstanceXML.read(root, file: xml.fileName)
        let id = scheme ?? header.scheme
        guard let definition = library.definition(id: id) else {
            throw ExtractionError.unknownSchemeId(id, source: scheme == nil ? xml.fileName : ExtractionError.schemeOption)
        }
        let kind = FormKind(rawValue: header.kind) ?? .application
        return convert(raw, file: xml.fileName, definition: definition, kind: kind, title: [])
    }

    /// Extracts a Word document; the scheme and kind come from its title
    /// unless `scheme` is given.
    public func extract(_ document: WordDocument, scheme: String? = nil) throws -> ExtractedForm {
        let detected = detectTitle(document)
        let definition: FormDefinition
        if let scheme {
            guard let chosen = library.definition(id: scheme) else {
                throw ExtractionError.unknownSchemeId(scheme, source: ExtractionError.schemeOption)
            }
            definition = chosen
        } else if let found = detected.match?.definition {
            definition = found
        } else {
            throw ExtractionError.unknownScheme(file: document.fileName)
        }
        let kind = detected.match?.kind ?? .application
        let known = indexes[definition.id]
        let fields = kind == .application ? definition.application.fields : definition.declaration.fields
        let index = (kind == .application ? known?.application : known?.declaration)
            ?? LabelIndex(probes: fields.map(Extractor.probe))
        let scanner = LayoutScanner(index: index)
        var raw = scanner.scan(document)
        if kind == .declaration {
            DeclarationText.fill(&raw, from: document, definition: definition.declaration)
        }
        return convert(raw, file: document.fileName, definition: definition, kind: kind, title: detected.location)
    }

    /// The title: the first paragraphs that name a form, longest title winning.
    func detectTitle(_ document: WordDocument) -> (match: TitleMatch?, location: [ValueLocation]) {
        let candidates = document.paragraphs(upTo: 40).filter { paragraph in
            paragraph.text.unicodeScalars.contains { !CharacterSet.whitespaces.contains($0) }
        }
        var declarationMatch: (TitleMatch, Paragraph)?
        for paragraph in candidates.prefix(12) {
            if let match = library.match(title: paragraph.text) {
                let location = LocatedText(paragraph: paragraph, range: 0..<paragraph.length).trimmed().locations
                if match.kind == .declaration && match.definition == nil {
                    // Every scheme shares 承诺书: look on for the scheme's name.
                    if declarationMatch == nil { declarationMatch = (match, paragraph) }
                    continue
                }
                return (match, location)
            }
        }
        if let (match, paragraph) = declarationMatch {
            let location = LocatedText(paragraph: paragraph, range: 0..<paragraph.length).trimmed().locations
            // The declaration's body usually names what is applied for.
            let body = candidates.map(\.text).joined(separator: "\n")
            // The longest name found wins (江苏省中小企业特色产业集群 over 中小企业特色产业集群);
            // two schemes named equally long stay undecided.
            let found = match.definitions.map { definition in
                (definition, Self.names(of: definition).filter { body.containsExactly($0) }.map(\.count).max() ?? 0)
            }
            let longest = found.map(\.1).max() ?? 0
            let best = found.filter { $0.1 == longest && longest > 0 }.map(\.0)
            return (TitleMatch(kind: .declaration, definitions: best.count == 1 ? best : match.definitions), location)
        }
        return (nil, [])
    }

    /// What a declaration's body may call a scheme: its name, its policy's
    /// title, its application's titles, and those titles without 申报书/申请表
    /// (本单位自愿申报中小企业特色产业集群 names the national scheme, unless the
    /// text also cites 江苏省促进中小企业特色产业集群发展管理办法: longer wins).
    static func names(of definition: FormDefinition) -> [String] {
        var names = [definition.title, definition.policy.title] + definition.application.titles
        for title in definition.application.titles {
            for suffix in ["申报书", "申请书", "申报表", "申请表"] where title.hasSuffix(suffix) && title.count > suffix.count + 4 {
                names.append(String(title.dropLast(suffix.count)))
            }
        }
        return names
    }

    static func probe(_ field: FieldDefinition) -> FieldProbe {
        let keys = Set(field.labels.flatMap { LabelText.keys($0).keys })
        switch field.type {
        case .series:
            return FieldProbe(id: field.id, keys: keys, shape: .series)
        case .list:
            // A list's own label names its table; its columns are what the header row shows.
            let columns = field.columns.map { column in
                (id: column.id, keys: Set(column.labels.flatMap { LabelText.keys($0).keys }))
            }
            return FieldProbe(id: field.id, keys: keys, shape: .list(columns: columns))
        default:
            var probe = FieldProbe(id: field.id, keys: keys, shape: .scalar)
            probe.answersYesNo = field.type == .bool
            probe.takesParagraphs = field.type == .text
            return probe
        }
    }

    // MARK: Typed values

    func convert(_ raw: RawFields, file: String, definition: FormDefinition, kind: FormKind,
                 title: [ValueLocation]) -> ExtractedForm {
        var form = ExtractedForm(file: file, scheme: definition.id, kind: kind, titleLocation: title)
        let fields = kind == .application ? definition.application.fields : definition.declaration.fields
        for (id, label) in raw.labels { form.labelLocations[id] = label.locations }
        for field in fields {
            switch field.type {
            case .series:
                guard let series = raw.series[field.id] else { continue }
                var values: [Int: FieldValue] = [:]
                let unit = series.unit ?? series.labelUnit
                for (year, text) in series.values {
                    let key = FieldKey(field: field.id, year: year)
                    form.locations[key] = text.locations
                    switch parse(text.text, type: field.scalarType, field: field, labelUnit: unit) {
                    case .value(let value): values[year] = value
                    case .empty: break
                    case .failure(let failure):
                        form.problems.append(ExtractionProblem(field: field.id, text: text.text, reason: failure.reason, year: year))
                    }
                }
                if !values.isEmpty { form.fields[field.id] = .series(values) }
            case .list:
                guard let rows = raw.lists[field.id] else { continue }
                var values: [[String: FieldValue]] = []
                for row in rows {
                    let index = values.count
                    var entry: [String: FieldValue] = [:]
                    for column in field.columns {
                        guard let text = row[column.id] else { continue }
                        form.locations[FieldKey(field: field.id, row: index, column: column.id)] = text.locations
                        switch parse(text.text, type: column.type, field: column, labelUnit: nil) {
                        case .value(let value): entry[column.id] = value
                        case .empty: break
                        case .failure(let failure):
                            form.problems.append(ExtractionProblem(field: field.id, text: text.text, reason: failure.reason,
                                                                   row: index, column: column.id))
                        }
                    }
                    // A row whose every cell is a no-value marker is a blank row.
                    if !entry.isEmpty || row.values.contains(where: { !EmptyMarker.isEmpty($0.text) }) {
                        values.append(entry)
                    }
                }
                if !values.isEmpty { form.fields[field.id] = .list(values) }
            default:
                guard let scalar = raw.scalars[field.id] else { continue }
                form.locations[FieldKey(field: field.id)] = scalar.value.locations
                switch parse(scalar.value.text, type: field.type, field: field, labelUnit: scalar.labelUnit) {
                case .value(let value): form.fields[field.id] = value
                case .empty: break
                case .failure(let failure):
                    form.problems.append(ExtractionProblem(field: field.id, text: scalar.value.text, reason: failure.reason))
                }
            }
        }
        return form
    }

    /// Parses `text` as a value of `type`; the field supplies unit and options.
    func parse(_ text: String, type: FieldType, field: FieldDefinition, labelUnit: String?) -> ParsedValue<FieldValue> {
        let unit = field.unit.flatMap(ValueUnit.init)
        let stated = labelUnit.flatMap(ValueUnit.init)
        switch type {
        case .text:
            if EmptyMarker.isEmpty(text) { return .empty }
            return .value(.text(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        case .uscc:
            if EmptyMarker.isEmpty(text) { return .empty }
            // Kept even when a check fails: a wrong code is the review's
            // finding (identity), not an unreadable value.
            return .value(.text(USCC.normalize(text)))
        case .integer:
            return NumberParser().parseInteger(text, unit: unit, labelUnit: stated).map { .integer($0) }
        case .number, .percent:
            return NumberParser().parse(text, unit: type == .percent ? ValueUnit.percent : unit, labelUnit: stated).map { .number($0) }
        case .date:
            return DateParser().parse(text).map { .date($0) }
        case .year:
            return DateParser().parseYear(text).map { .integer($0) }
        case .bool:
            return YesNoParser().parse(text).map { .bool($0) }
        case .choice:
            var byLabel: [String: String] = [:]
            var labels: [String] = []
            for option in field.options {
                for label in option.labels {
                    byLabel[label] = option.id
                    labels.append(label)
                }
            }
            if field.multiple {
                return ChoiceParser(options: labels).parseMultiple(text).map { chosen in
                    var ids: [String] = []
                    for label in chosen {
                        let id = byLabel[label] ?? label
                        if !ids.contains(id) { ids.append(id) }
                    }
                    return .options(ids)
                }
            }
            return ChoiceParser(options: labels).parse(text).map { .text(byLabel[$0] ?? $0) }
        case .series, .list:
            return .empty
        }
    }
}
