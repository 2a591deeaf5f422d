import Foundation

/// A 统一社会信用代码 (unified social credit identifier) that passed both
/// checks of GB 32100-2015.
///
/// Layout (1-based positions): 1 registration authority (9 = market
/// regulation, 5 = civil affairs, 1 = establishment office, Y = other …),
/// 2 organisation type, 3–8 the administrative division of the registering
/// authority (GB/T 2260, digits), 9–17 the organisation code (主体标识码,
/// coded as GB 11714, its own check character at 17), 18 the check character
/// (GB/T 17710 MOD 31-3).
///
/// Two alphabets meet here, and the standards use both:
/// - GB 32100 writes every position from `0-9 A-H J-N P-R T-U W-Y` (31
///   characters; no I, O, S, V, Z) and values them 0…30 in that order for
///   the final check.
/// - The organisation code's check (position 17) is GB 11714's: positions
///   9–16 weighted 3 7 9 10 5 8 4 2, letters valued by their place in the
///   *whole* Latin alphabet (A = 10 … Z = 35, so M = 22, not GB 32100's 21),
///   check = 11 − (sum mod 11) with 10 written X and 11 written 0.
///   Position 17 can therefore be X, which *is* in the GB 32100 alphabet
///   (only I, O, S, V, Z are not), so no clash arises. Real codes confirm
///   the GB 11714 letter values: 91330201MA282UF146 passes with A = 10,
///   M = 22 and fails with GB 32100's values (see ValueParsingTests).
///
/// Known exception: a few codes issued in early pilot areas (Xiamen and
/// elsewhere in Fujian, organisation codes beginning M000, e.g.
/// 91350211M00013FA1N) are legal yet fail the final check. They are reported
/// as `finalCheck` failures like any other; Review decides what that means.
public struct USCC: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The 18 normalised characters.
    public let code: String

    /// Validates `text` after normalising it (full-width, lower case, spaces
    /// and hyphens are tolerated).
    public init(_ text: String) throws(USCCFailure) {
        let normalized = Self.normalize(text)
        if let failure = Self.check(normalized) { throw failure }
        code = normalized
    }

    /// `.empty` for an empty cell or marker, else the code or why it is not one.
    public static func parse(_ text: String) -> ParsedValue<USCC> {
        if EmptyMarker.isEmpty(text) { return .empty }
        do {
            return .value(try USCC(text))
        } catch {
            return .failure(.invalidUSCC(error))
        }
    }

    public var description: String { code }

    // MARK: - Parts

    private var characters: [Character] { Array(code) }

    /// Position 1: the registration authority (9 for 市场监管/工商).
    public var registrationAuthority: Character { characters[0] }
    /// Position 2: the organisation type within that authority (1 企业 …).
    public var organisationType: Character { characters[1] }
    /// Positions 3–8: the registering authority's administrative division, e.g. "320214".
    public var regionCode: String { String(characters[2..<8]) }
    /// Positions 3–4: the province, e.g. "32" 江苏省, "51" 四川省.
    public var provinceCode: String { String(characters[2..<4]) }
    /// Positions 3–6: the prefecture, e.g. "3202" 无锡市.
    public var prefectureCode: String { String(characters[2..<6]) }
    /// Positions 9–17: the organisation code (主体标识码) with its check character.
    public var organisationCode: String { String(characters[8..<17]) }
    /// Position 18.
    public var checkCharacter: Character { characters[17] }

    /// Whether the registering authority's division starts with `prefix`:
    /// "3202" for 无锡市, "32" for 江苏省.
    public func isRegistered(inRegion prefix: String) -> Bool {
        regionCode.hasPrefix(prefix)
    }

    // MARK: - Generating codes

    /// A valid code from its parts, with positions 17 and 18 computed:
    /// `generate(registration: "9", type: "1", region: "320214", organisation: "MA1XK2P3")`.
    /// `organisation` is the 8-character organisation code body (positions 9–16).
    public static func generate(
        registration: Character, type: Character, region: String, organisation: String
    ) throws(USCCFailure) -> USCC {
        let body = Array(normalize(String(registration) + String(type) + region + organisation))
        guard body.count == 16 else { throw .length(body.count + 2) }
        if let failure = charsetFailure(body) { throw failure }
        guard let organisationCheck = organisationCheckCharacter(body[8..<16]) else { throw .length(body.count + 2) }
        let first17 = body + [organisationCheck]
        guard let finalCheck = finalCheckCharacter(first17[...]) else { throw .length(first17.count + 1) }
        return try USCC(String(first17 + [finalCheck]))
    }

    // MARK: - Checks

    /// Upper case, half width, without spaces, hyphens and invisible characters.
    public static func normalize(_ text: String) -> String {
        TextNormalizer.compact(text).uppercased().filter { $0 != "-" }
    }

    /// The GB 32100 alphabet in value order (0…30).
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let values: [Character: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })
    static let finalWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    static let organisationWeights = [3, 7, 9, 10, 5, 8, 4, 2]

    /// The first failing check of a normalised candidate, in the order a
    /// reader would fix them: length, characters, organisation code, final.
    static func check(_ code: String) -> USCCFailure? {
        let characters = Array(code)
        guard characters.count == 18 else { return .length(characters.count) }
        if let failure = charsetFailure(characters) { return failure }
        if let expected = organisationCheckCharacter(characters[8..<16]), expected != characters[16] {
            return .organisationCheck(expected: expected, found: characters[16])
        }
        if let expected = finalCheckCharacter(characters[0..<17]), expected != characters[17] {
            return .finalCheck(expected: expected, found: characters[17])
        }
        return nil
    }

    /// Positions 3–8 must be digits; every other position a GB 32100 character.
    static func charsetFailure(_ characters: [Character]) -> USCCFailure? {
        for (index, character) in characters.enumerated() {
            let allowed = (2..<8).contains(index) ? ValueCharacters.isDigit(character) : values[character] != nil
            if !allowed { return .charset(position: index + 1, character: character) }
        }
        return nil
    }

    /// GB 11714 check character for an 8-character organisation code body.
    static func organisationCheckCharacter(_ body: ArraySlice<Character>) -> Character? {
        guard body.count == 8 else { return nil }
        var sum = 0
        for (character, weight) in zip(body, organisationWeights) {
            guard let value = gb11714Value(character) else { return nil }
            sum += value * weight
        }
        switch 11 - sum % 11 {
        case 10: return "X"
        case 11: return "0"
        case let digit: return Character(String(digit))
        }
    }

    /// GB 32100 check character for the first 17 characters.
    static func finalCheckCharacter(_ first17: ArraySlice<Character>) -> Character? {
        guard first17.count == 17 else { return nil }
        var sum = 0
        for (character, weight) in zip(first17, finalWeights) {
            guard let value = values[character] else { return nil }
            sum += value * weight
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// GB 11714 values a character by its place in 0-9 then A-Z.
    static func gb11714Value(_ character: Character) -> Int? {
        guard character.isASCII, let ascii = character.asciiValue else { return nil }
        switch ascii {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(ascii - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(ascii - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    // MARK: - Codable as the plain code

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a valid 统一社会信用代码 (\(error.reason)): \(text)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// Which check a 统一社会信用代码 failed.
public enum USCCFailure: Error, LocalizedError, Hashable, Sendable {
    /// Not 18 characters (after normalising); the count found.
    case length(Int)
    /// A character outside GB 32100's alphabet, or a non-digit in positions 3–8.
    case charset(position: Int, character: Character)
    /// Position 17 is not the GB 11714 check character of positions 9–16.
    case organisationCheck(expected: Character, found: Character)
    /// Position 18 is not the GB 32100 check character of positions 1–17.
    case finalCheck(expected: Character, found: Character)

    /// Short English phrase for `problems[].reason`.
    public var reason: String {
        switch self {
        case .length: return "USCC wrong length"
        case .charset: return "USCC invalid character"
        case .organisationCheck: return "USCC organisation code check failed"
        case .finalCheck: return "USCC check character mismatch"
        }
    }

    public var errorDescription: String? {
        switch self {
        case .length(let count):
            return "统一社会信用代码应为18位，实为\(count)位"
        case let .charset(position, character):
            return "统一社会信用代码第\(position)位“\(character)”不是允许的字符"
        case let .organisationCheck(expected, found):
            return "统一社会信用代码第17位（组织机构代码校验码）应为“\(expected)”，实为“\(found)”"
        case let .finalCheck(expected, found):
            return "统一社会信用代码第18位（校验码）应为“\(expected)”，实为“\(found)”"
        }
    }
}
