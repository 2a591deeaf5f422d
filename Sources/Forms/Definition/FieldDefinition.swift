/// What kind of value a field holds, which decides how extraction reads it
/// and how the template asks for it.
public enum FieldType: String, CaseIterable, Codable, Sendable {
    case text
    case integer
    case number
    /// A percentage, stored as 72.5 for 72.5%.
    case percent
    case date
    /// A calendar year, typed 2022 or 2022年.
    case year
    /// 是/否, ☑/☐ …
    case bool
    /// One of `options` (or several, with `multiple`).
    case choice
    /// 统一社会信用代码 (GB 32100-2015).
    case uscc
    /// One value per year (`value_type`, `years`), read from a year table.
    case series
    /// Rows of typed `columns`.
    case list

    /// Types whose values are figures and may carry a unit.
    public var isNumeric: Bool {
        self == .integer || self == .number || self == .percent
    }

    public init(from decoder: any Decoder) throws {
        self = try decoder.definitionWord(Self.self, unknown: DefinitionProblem.unknownFieldType)
    }
}

/// One choice a `choice` field (or column) offers. Written in YAML as a bare
/// label (`- 行业协会`, whose id is the label itself) or as
/// `{id: little_giant, label: 专精特新"小巨人", aliases: [小巨人]}`; extraction
/// outputs the id.
public struct ChoiceOption: Hashable, Sendable, Codable {
    public let id: String
    public let label: String
    public let aliases: [String]

    public init(id: String, label: String, aliases: [String] = []) {
        self.id = id
        self.label = label
        self.aliases = aliases
    }

    /// The label and its aliases: every wording that selects this option.
    public var labels: [String] { [label] + aliases }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, label, aliases
    }

    public init(from decoder: any Decoder) throws {
        if let label = try? decoder.singleValueContainer().decode(String.self) {
            self.init(id: label, label: label)
            return
        }
        let keys = try decoder.definitionKeys(CodingKeys.self)
        let label = try keys.decode(String.self, forKey: .label)
        self.init(
            id: try keys.decode(String.self, forKey: .id, default: label),
            label: label,
            aliases: try keys.decode([String].self, forKey: .aliases, default: []))
    }
}

/// A value a condition compares a field with: `true`/`false` for a yes/no
/// field, an option id for a choice.
public enum ConditionValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case bool(Bool)
    case text(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .bool(let flag): try container.encode(flag)
        case .text(let text): try container.encode(text)
        }
    }

    public var description: String {
        switch self {
        case .bool(let flag): flag ? "是" : "否"
        case .text(let text): text
        }
    }
}

/// `{field: high_energy, equals: true}`.
public struct FieldCondition: Hashable, Sendable, Codable {
    public let field: String
    public let equals: ConditionValue

    public init(field: String, equals: ConditionValue) {
        self.field = field
        self.equals = equals
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case field, equals
    }

    public init(from decoder: any Decoder) throws {
        let keys = try decoder.definitionKeys(CodingKeys.self)
        field = try keys.decode(String.self, forKey: .field)
        equals = try keys.decode(ConditionValue.self, forKey: .equals)
    }
}

/// When a field must have a value. SCHEMES.md: every listed field is
/// required, except those that depend on another answer.
public enum FieldPresence: Hashable, Sendable {
    case required
    case optional
    /// Required when the condition holds (energy_above_baseline when high_energy is 是).
    case requiredWhen(FieldCondition)
    /// Required unless the condition holds (provincial_recognition unless first_batch is 是).
    case requiredUnless(FieldCondition)
}

/// One field of a form, or one column of a list field.
public struct FieldDefinition: Hashable, Sendable, Codable {
    /// The id of `extract --json`, the findings and `fill` (SCHEMES.md).
    public let id: String
    /// The canonical Chinese label, as the template prints it.
    public let label: String
    /// Other wordings real templates use.
    public let aliases: [String]
    public let type: FieldType
    /// The canonical unit of a figure (亿元, 万元, %, 平方公里, 人 …): values
    /// written in another unit are converted to it.
    public let unit: String?
    /// For a series: the type of each year's value.
    public let valueType: FieldType?
    /// For a series: how many years (the calendar years before the application date).
    public let years: Int?
    public let options: [ChoiceOption]
    /// For a choice: whether several options may be ticked.
    public let multiple: Bool
    /// For a list: its columns.
    public let columns: [FieldDefinition]
    /// For a list: blank rows the template offers.
    public let minRows: Int?
    /// For a list with fixed rows: the column whose options name the rows.
    public let key: String?
    /// For a list with fixed rows: the rows, by option id of `key`, printed in the template.
    public let rows: [String]
    public let presence: FieldPresence
    /// A filling note printed by the template.
    public let note: String?

    public init(
        id: String, label: String, aliases: [String] = [], type: FieldType, unit: String? = nil,
        valueType: FieldType? = nil, years: Int? = nil, options: [ChoiceOption] = [], multiple: Bool = false,
        columns: [FieldDefinition] = [], minRows: Int? = nil, key: String? = nil, rows: [String] = [],
        presence: FieldPresence = .required, note: String? = nil
    ) {
        self.id = id
        self.label = label
        self.aliases = aliases
        self.type = type
        self.unit = unit
        self.valueType = valueType
        self.years = years
        self.options = options
        self.multiple = multiple
        self.columns = columns
        self.minRows = minRows
        self.key = key
        self.rows = rows
        self.presence = presence
        self.note = note
    }

    /// The label and its aliases.
    public var labels: [String] { [label] + aliases }

    /// The type of the values a rule compares: a series' `value_type`, else `type`.
    public var scalarType: FieldType { valueType ?? type }

    /// A list's column by id.
    public func column(_ id: String) -> FieldDefinition? {
        columns.first { $0.id == id }
    }

    /// A choice's option by id.
    public func option(_ id: String) -> ChoiceOption? {
        options.first { $0.id == id }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, label, aliases, type, unit
        case valueType = "value_type"
        case years, options, multiple, columns
        case minRows = "min_rows"
        case key, rows, required
        case requiredWhen = "required_when"
        case requiredUnless = "required_unless"
        case note
    }

    public init(from decoder: any Decoder) throws {
        let keys = try decoder.definitionKeys(CodingKeys.self)
        let type = try keys.decode(FieldType.self, forKey: .type)
        // Keys that belong to other types are an error, not ignored: a
        // `unit` on a text field means the type is wrong.
        let allowed: [FieldType: Set<CodingKeys>] = [
            .integer: [.unit], .number: [.unit], .percent: [.unit],
            .series: [.unit, .valueType, .years],
            .choice: [.options, .multiple],
            .list: [.columns, .minRows, .key, .rows],
        ]
        let typeSpecific: Set<CodingKeys> = [.unit, .valueType, .years, .options, .multiple, .columns, .minRows, .key, .rows]
        for key in keys.allKeys where typeSpecific.contains(key) && !(allowed[type]?.contains(key) ?? false) {
            throw DefinitionDecodingFailure(
                codingPath: decoder.codingPath + [key], problem: .keyNotAllowed(key: key.stringValue, type: type))
        }

        let required = try keys.decodeIfPresent(Bool.self, forKey: .required)
        let when = try keys.decodeIfPresent(FieldCondition.self, forKey: .requiredWhen)
        let unless = try keys.decodeIfPresent(FieldCondition.self, forKey: .requiredUnless)
        let presence: FieldPresence
        switch (required, when, unless) {
        case (nil, nil, nil), (true?, nil, nil): presence = .required
        case (false?, nil, nil): presence = .optional
        case (nil, let condition?, nil): presence = .requiredWhen(condition)
        case (nil, nil, let condition?): presence = .requiredUnless(condition)
        default:
            let present = [CodingKeys.required, .requiredWhen, .requiredUnless].filter(keys.contains)
            throw DefinitionDecodingFailure(
                codingPath: decoder.codingPath + [present[1]],
                problem: .conflictingKeys(present[0].stringValue, present[1].stringValue))
        }

        let valueType = try keys.decodeIfPresent(FieldType.self, forKey: .valueType)
        let percent = type == .percent || valueType == .percent
        self.init(
            id: try keys.decode(String.self, forKey: .id),
            label: try keys.decode(String.self, forKey: .label),
            aliases: try keys.decode([String].self, forKey: .aliases, default: []),
            type: type,
            unit: try keys.decodeIfPresent(String.self, forKey: .unit) ?? (percent ? "%" : nil),
            valueType: valueType,
            years: try keys.decodeIfPresent(Int.self, forKey: .years) ?? (type == .series ? 3 : nil),
            options: try keys.decode([ChoiceOption].self, forKey: .options, default: []),
            multiple: try keys.decode(Bool.self, forKey: .multiple, default: false),
            columns: try keys.decode([FieldDefinition].self, forKey: .columns, default: []),
            minRows: try keys.decodeIfPresent(Int.self, forKey: .minRows),
            key: try keys.decodeIfPresent(String.self, forKey: .key),
            rows: try keys.decode([String].self, forKey: .rows, default: []),
            presence: presence,
            note: try keys.decodeIfPresent(String.self, forKey: .note))
    }

    public func encode(to encoder: any Encoder) throws {
        var keys = encoder.container(keyedBy: CodingKeys.self)
        try keys.encode(id, forKey: .id)
        try keys.encode(label, forKey: .label)
        if !aliases.isEmpty { try keys.encode(aliases, forKey: .aliases) }
        try keys.encode(type, forKey: .type)
        try keys.encodeIfPresent(unit, forKey: .unit)
        try keys.encodeIfPresent(valueType, forKey: .valueType)
        try keys.encodeIfPresent(years, forKey: .years)
        if !options.isEmpty { try keys.encode(options, forKey: .options) }
        if multiple { try keys.encode(multiple, forKey: .multiple) }
        if !columns.isEmpty { try keys.encode(columns, forKey: .columns) }
        try keys.encodeIfPresent(minRows, forKey: .minRows)
        try keys.encodeIfPresent(key, forKey: .key)
        if !rows.isEmpty { try keys.encode(rows, forKey: .rows) }
        switch presence {
        case .required: break
        case .optional: try keys.encode(false, forKey: .required)
        case .requiredWhen(let condition): try keys.encode(condition, forKey: .requiredWhen)
        case .requiredUnless(let condition): try keys.encode(condition, forKey: .requiredUnless)
        }
        try keys.encodeIfPresent(note, forKey: .note)
    }
}
