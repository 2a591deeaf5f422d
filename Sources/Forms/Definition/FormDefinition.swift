import Foundation

/// One scheme, loaded from `forms/<id>.yaml`: the policy it applies, the
/// application form and declaration as templates and extraction see them,
/// and the rules the review applies. See `forms/README.md` for the YAML.
public struct FormDefinition: Hashable, Sendable, Codable {
    /// The scheme id (`jiangsu-sme-cluster`), also the file's name.
    public let id: String
    /// The scheme's name (江苏省中小企业特色产业集群).
    public let title: String
    public let policy: PolicyReference
    public let application: ApplicationForm
    public let declaration: DeclarationForm
    public let rules: [RuleDefinition]

    public init(
        id: String, title: String, policy: PolicyReference, application: ApplicationForm,
        declaration: DeclarationForm, rules: [RuleDefinition]
    ) {
        self.id = id
        self.title = title
        self.policy = policy
        self.application = application
        self.declaration = declaration
        self.rules = rules
    }

    /// An application field (not a list column) by id.
    public func field(_ id: String) -> FieldDefinition? {
        application.field(id)
    }

    public func rule(_ id: String) -> RuleDefinition? {
        rules.first { $0.id == id }
    }

    /// The citation as the opinion prints it, for a citation of this
    /// scheme's own policy. Citations of another scheme's policy
    /// (`scheme:`) render through `FormLibrary.render(_:in:)`.
    public func render(_ citation: Citation) -> String {
        citation.render(policyTitle: policy.title)
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, policy, application, declaration, rules
    }

    public init(from decoder: any Decoder) throws {
        let keys = try decoder.definitionKeys(CodingKeys.self)
        self.init(
            id: try keys.decode(String.self, forKey: .id),
            title: try keys.decode(String.self, forKey: .title),
            policy: try keys.decode(PolicyReference.self, forKey: .policy),
            application: try keys.decode(ApplicationForm.self, forKey: .application),
            declaration: try keys.decode(DeclarationForm.self, forKey: .declaration),
            rules: try keys.decode([RuleDefinition].self, forKey: .rules))
    }
}

/// The policy a scheme applies.
public struct PolicyReference: Hashable, Sendable, Codable {
    /// The policy text's file name in `forms/policies/`.
    public let file: String
    /// The policy's title exactly as its text gives it; citations start with it.
    public let title: String
    /// A status the text prints beside the title: （试行）（征求意见稿）.
    public let status: String?
    public let issuer: String?
    /// What the text leaves out or how it is applied (the MIIT annex).
    public let note: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case file, title, status, issuer, note
    }

    public init(from decoder: any Decoder) throws {
        let keys = try decoder.definitionKeys(CodingKeys.self)
        file = try keys.decode(String.self, forKey: .file)
        title = try keys.decode(String.self, forKey: .title)
        status = try keys.decodeIfPresent(String.self, forKey: .status)
        issuer = try keys.decodeIfPresent(String.self, forKey: .issuer)
        note = try keys.decodeIfPresent(String.self, forKey: .note)
    }
}

/// How a section of the form is laid out, for the template and for extraction.
public enum SectionLayout: String, CaseIterable, Codable, Sendable {
    /// Label | value rows (two or four columns), or 标签：值 paragraphs.
    case pairs
    /// A year table: a header row of years, one row per series field.
    case series
    /// One list field: a header row naming its columns, one row per entry.
    case list
    /// Longer texts: a heading per field and a paragraph (or a one-cell table) for the answer.
    case paragraphs

    public init(from decoder: any Decoder) throws {
        self = try decoder.definitionWord(Self.self, unknown: DefinitionProblem.unknownLayout)
    }
}

public struct FormSection: Hashable, Sendable, Codable {
    /// 一、申报主体基本情况
    public let title: String
    public let layout: SectionLayout
    /// For `pairs`: 2 (label | value) or 4 (label | value | label | value).
    public let columns: Int?
    /// A filling note printed under the title.
    public let note: String?
    public let fields: [FieldDefinition]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, layout, columns, note, fields
    }

    public init(from decoder: any Decoder) throws {
        let keys = try decoder.definitionKeys(CodingKeys.self)
        title = try keys.decode(String.self, forKey: .title)
        layout = try keys.decode(SectionLayout.self, forKey: .layout)
        columns = try keys.decodeIfPresent(Int.self, forKey: .columns)
        note = try keys.decodeIfPresent(String.self, forKey: .note)
        fields = try keys.decode([FieldDefinition].self, forKey: .fields)
        if let columns, layout != .pairs || (columns != 2 && columns != 4) {
            throw DefinitionDecodingFailure(
                codingPath: decoder.codingPath + [CodingKeys.columns],
                problem: .invalidValue("columns 仅用于 pairs 版式，取 2 或 4"))
        }
    }
}

/// The application form (申报书 / 申请表 / 自评表).
public struct ApplicationForm: Hashable, Sendable, Codable {
    /// The title that identifies the scheme and the form (江苏省中小企业特色产业集群申报书).
    public let title: String
    public let titleAliases: [String]
    /// The article that requires the form: cited for a missing or unreadable
    /// field that no rule covers.
    public let citation: Citation
    public let sections: [FormSection]

    /// Every field, in form order (list columns are inside their list).
    public var fields: [FieldDefinition] { sections.flatMap(\.fields) }

    public var titles: [String] { [title] + titleAliases }

    public func field(_ id: String) -> FieldDefinition? {
        for section in sections {
            if let field = section.fields.first(where: { $0.id == id }) { return field }
        }
        return nil
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title
        case titleAliases = "title_aliases"
        case citation, sections
    }

    public init(from decoder: any Decoder) throws {
        let keys = try decoder.definitionKeys(CodingKeys.self)
        title = try keys.decode(String.self, forKey: .title)
        titleAliases = try keys.decode([String].self, forKey: .titleAliases, default: [])
        citation = try keys.decode(Citation.self, forKey: .citation)
        sections = try keys.decode([FormSection].self, forKey: .sections)
    }
}

/// The responsibility declaration (申报主体责任声明 / 承诺书).
public struct DeclarationForm: Hashable, Sendable, Codable {
    public let title: String
    public let titleAliases: [String]
    /// The body, one paragraph per line, with `{field_id}` placeholders for
    /// declaration fields (本单位{declarant_name}……郑重声明：).
    public let text: String
    /// declarant_name, declarant_uscc, signatory, signed_date, seal_name (CONTRACT.md).
    public let fields: [FieldDefinition]
    /// The fields printed as `标签：值` lines after the body, in order.
    public let signature: [String]

    public var titles: [String] { [title] + titleAliases }

    /// The body's non-empty lines.
    public var paragraphs: [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The placeholder names in the body, in order of appearance.
    public var placeholders: [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"),
              let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    public func field(_ id: String) -> FieldDefinition? {
        fields.first { $0.id == id }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title
        case titleAliases = "title_aliases"
        case text, fields, signature
    }

    public init(from decoder: any Decoder) throws {
        let keys = try decoder.definitionKeys(CodingKeys.self)
        title = try keys.decode(String.self, forKey: .title)
        titleAliases = try keys.decode([String].self, forKey: .titleAliases, default: [])
        text = try keys.decode(String.self, forKey: .text)
        fields = try keys.decode([FieldDefinition].self, forKey: .fields)
        signature = try keys.decode([String].self, forKey: .signature, default: [])
    }
}
