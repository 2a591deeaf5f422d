import Foundation

// Decoding helpers shared by the definition types. Every type decodes with
// `definitionKeys(_:)`, which rejects keys the type does not know: a
// misspelt `requierd: false` must be an error, not a silently required field.

/// A problem found while decoding, before the file and line are known; the
/// loader turns it into a `FormDefinitionError` naming both.
struct DefinitionDecodingFailure: Error {
    let codingPath: [any CodingKey]
    let problem: DefinitionProblem
}

extension Decoder {
    /// The mapping at this point, after checking that it has no key outside
    /// `Keys`.
    func definitionKeys<Keys: CodingKey & CaseIterable>(
        _ keys: Keys.Type
    ) throws -> KeyedDecodingContainer<Keys> {
        let known = Set(Keys.allCases.map(\.stringValue))
        let raw = try container(keyedBy: AnyDefinitionKey.self)
        for key in raw.allKeys where !known.contains(key.stringValue) {
            throw DefinitionDecodingFailure(codingPath: codingPath + [key], problem: .unknownKey(key.stringValue))
        }
        return try container(keyedBy: keys)
    }

    /// A scalar naming one case of `Value`, with `problem` built from the
    /// text when no case has that name.
    func definitionWord<Value: RawRepresentable>(
        _ type: Value.Type,
        unknown problem: (String) -> DefinitionProblem
    ) throws -> Value where Value.RawValue == String {
        let text = try singleValueContainer().decode(String.self)
        guard let value = Value(rawValue: text) else {
            throw DefinitionDecodingFailure(codingPath: codingPath, problem: problem(text))
        }
        return value
    }
}

extension KeyedDecodingContainer {
    /// `key`'s value, or `fallback` when the key is absent.
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key, default fallback: T) throws -> T {
        try decodeIfPresent(type, forKey: key) ?? fallback
    }

    /// A list written either as one value under `single` or as a sequence
    /// under `plural` (`field: x` / `fields: [x, y]`), with the key used.
    func oneOrMany(_ single: Key, _ plural: Key) throws -> (values: [String], key: Key) {
        if contains(single) {
            if contains(plural) {
                throw DefinitionDecodingFailure(
                    codingPath: codingPath + [plural],
                    problem: .conflictingKeys(single.stringValue, plural.stringValue))
            }
            return ([try decode(String.self, forKey: single)], single)
        }
        return (try decode([String].self, forKey: plural), plural)
    }
}

/// Any key, for listing what a mapping actually holds.
struct AnyDefinitionKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
