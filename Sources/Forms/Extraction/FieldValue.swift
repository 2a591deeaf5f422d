import Foundation

/// A field's value in its canonical form: what `extract` prints, `fill`
/// writes and the review checks.
public indirect enum FieldValue: Hashable, Sendable {
    case text(String)
    /// A figure in the field's canonical unit (亿元, 万元, % as 72.5, …).
    case number(Decimal)
    case integer(Int)
    case bool(Bool)
    case date(CalendarDate)
    /// The options ticked in a choice that allows several (ids).
    case options([String])
    /// One value per year.
    case series([Int: FieldValue])
    /// Rows of column id → value.
    case list([[String: FieldValue]])

    public var text: String? { if case .text(let v) = self { return v } else { return nil } }
    public var bool: Bool? { if case .bool(let v) = self { return v } else { return nil } }
    public var date: CalendarDate? { if case .date(let v) = self { return v } else { return nil } }
    public var seriesValues: [Int: FieldValue]? { if case .series(let v) = self { return v } else { return nil } }
    public var rows: [[String: FieldValue]]? { if case .list(let v) = self { return v } else { return nil } }

    /// The value as a number, for integers and figures alike.
    public var decimal: Decimal? {
        switch self {
        case .number(let v): return v
        case .integer(let v): return Decimal(v)
        default: return nil
        }
    }
}

extension FieldValue: Codable {
    /// JSON as CONTRACT.md fixes it: numbers as numbers, dates as ISO strings,
    /// yes/no as booleans, series as objects keyed by year, lists as arrays.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .text(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .integer(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .date(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value.iso)
        case .options(let values):
            var container = encoder.singleValueContainer()
            try container.encode(values)
        case .series(let values):
            var container = encoder.container(keyedBy: DynamicKey.self)
            for (year, value) in values.sorted(by: { $0.key < $1.key }) {
                try container.encode(value, forKey: DynamicKey(String(year)))
            }
        case .list(let rows):
            var container = encoder.unkeyedContainer()
            for row in rows {
                try container.encode(ListRow(values: row))
            }
        }
    }

    /// Decodes without a field definition: the shape is kept, types are
    /// settled by `FieldValue.conformed(to:)` once the definition is known.
    public init(from decoder: any Decoder) throws {
        let single = try? decoder.singleValueContainer()
        if let single {
            if let value = try? single.decode(Bool.self) {
                self = .bool(value)
                return
            }
            if let value = try? single.decode(Decimal.self) {
                self = .number(value)
                return
            }
            if let value = try? single.decode(String.self) {
                self = .text(value)
                return
            }
        }
        if let single, let values = try? single.decode([String].self) {
            self = .options(values)
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var rows: [[String: FieldValue]] = []
            while !array.isAtEnd {
                rows.append(try array.decode(ListRow.self).values)
            }
            self = .list(rows)
            return
        }
        let keyed = try decoder.container(keyedBy: DynamicKey.self)
        var values: [Int: FieldValue] = [:]
        for key in keyed.allKeys {
            guard let year = Int(key.stringValue) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: keyed, debugDescription: "series keys are years")
            }
            values[year] = try keyed.decode(FieldValue.self, forKey: key)
        }
        self = .series(values)
    }
}

private struct ListRow: Codable {
    let values: [String: FieldValue]

    init(values: [String: FieldValue]) {
        self.values = values
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            try container.encode(value, forKey: DynamicKey(key))
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DynamicKey.self)
        var values: [String: FieldValue] = [:]
        for key in container.allKeys {
            values[key.stringValue] = try container.decode(FieldValue.self, forKey: key)
        }
        self.values = values
    }
}

struct DynamicKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) {
        stringValue = string
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        stringValue = String(intValue)
    }
}

extension FieldValue {
    /// Settles a value decoded from JSON against its field: numbers to
    /// integers, ISO strings to dates, and so on. Nil when it cannot conform.
    public func conformed(to field: FieldDefinition) -> FieldValue? {
        switch field.type {
        case .series:
            guard case .series(let values) = self else { return nil }
            var result: [Int: FieldValue] = [:]
            for (year, value) in values {
                guard let settled = value.conformedScalar(to: field.scalarType, field: field) else { return nil }
                result[year] = settled
            }
            return .series(result)
        case .list:
            guard case .list(let rows) = self else { return nil }
            var result: [[String: FieldValue]] = []
            for row in rows {
                var settled: [String: FieldValue] = [:]
                for (key, value) in row {
                    guard let column = field.column(key), let v = value.conformedScalar(to: column.type, field: column) else { return nil }
                    settled[key] = v
                }
                result.append(settled)
            }
            return .list(result)
        default:
            return conformedScalar(to: field.type, field: field)
        }
    }

    private func conformedScalar(to type: FieldType, field: FieldDefinition) -> FieldValue? {
        switch (type, self) {
        case (.integer, .number(let v)), (.year, .number(let v)):
            let rounded = NSDecimalNumber(decimal: v).intValue
            return Decimal(rounded) == v ? .integer(rounded) : nil
        case (.integer, .integer), (.year, .integer): return self
        case (.number, .number), (.percent, .number): return self
        case (.number, .integer(let v)), (.percent, .integer(let v)): return .number(Decimal(v))
        case (.bool, .bool): return self
        case (.date, .text(let v)): return CalendarDate(iso: v).map { .date($0) }
        case (.date, .date): return self
        case (.text, .text), (.uscc, .text): return self
        case (.choice, .text(let v)) where field.multiple: return field.option(v) != nil ? .options([v]) : nil
        case (.choice, .text(let v)): return field.option(v) != nil ? self : nil
        case (.choice, .options(let values)) where field.multiple:
            return values.allSatisfy { field.option($0) != nil } ? self : nil
        default: return nil
        }
    }
}
