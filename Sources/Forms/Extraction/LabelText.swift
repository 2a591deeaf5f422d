import Foundation

/// How label text in a document is compared with a form's labels: built on
/// `TextNormalizer.labelKey`, plus what only labels carry — leading numbering
/// (1. / （一） / 一、 / ①) and a trailing bracket that may or may not be a unit.
enum LabelText {
    /// Keys to try for `text`: the whole label, and the label without its
    /// trailing bracket; and the unit that bracket names, if it is one.
    /// The whole label's key comes first: 法定代表人（签字） is the signatory
    /// before it is 法定代表人.
    static func keys(_ text: String) -> (keys: [String], unit: String?) {
        let stripped = stripNumbering(text)
        var keys: [String] = []
        let whole = TextNormalizer.labelKey(stripped)
        if !whole.isEmpty { keys.append(whole) }
        let withoutBracket = TextNormalizer.labelKeyWithoutUnit(stripped)
        if !withoutBracket.isEmpty && withoutBracket != whole { keys.append(withoutBracket) }
        // A yes/no question is the same label with or without its 是否
        // (近三年是否发生… = 近三年发生…), wherever the 是否 stands.
        for key in keys where key.containsExactly("是否") {
            let plain = key.replacing("是否", with: "")
            if !plain.isEmpty && !keys.contains(plain) { keys.append(plain) }
        }
        return (keys, TextNormalizer.unitInLabel(stripped)?.symbol)
    }

    /// Drops leading numbering: 1. 1、 (1) （一） 一、 ① and the like — one or
    /// two digits or one to three Chinese numerals, an optional opening
    /// bracket, then `)` `.` or `、`; or a circled number. Spaces after it go
    /// too. "1.5" is a number, not numbering, and stays whole.
    static func stripNumbering(_ text: String) -> String {
        let normalized = TextNormalizer.normalize(text)
        guard let end = numberingEnd(normalized.unicodeScalars) else { return normalized }
        let rest = normalized.unicodeScalars[end...]
        if let next = rest.first, CharacterSet.decimalDigits.contains(next) { return normalized }
        return String(rest)
    }

    /// Where the numbering at the start of `scalars` and the spaces after it
    /// end; nil when it does not start with numbering. (A scan, not a regular
    /// expression: every cell of every table comes through here.)
    private static func numberingEnd(_ scalars: String.UnicodeScalarView) -> String.Index? {
        var index = scalars.startIndex
        guard index < scalars.endIndex else { return nil }
        func spacesSkipped(from start: String.Index) -> String.Index {
            var end = start
            while end < scalars.endIndex, scalars[end].properties.isWhitespace { end = scalars.index(after: end) }
            return end
        }
        if (0x2460...0x2473).contains(scalars[index].value) {
            return spacesSkipped(from: scalars.index(after: index))
        }
        if scalars[index] == "(" { index = scalars.index(after: index) }
        guard index < scalars.endIndex else { return nil }
        let isDigit = { (scalar: Unicode.Scalar) in scalar.isASCII && scalar.properties.numericType == .decimal }
        let isNumeral = { (scalar: Unicode.Scalar) in chineseNumerals.contains(scalar) }
        let belongs: (Unicode.Scalar) -> Bool
        let most: Int
        if isDigit(scalars[index]) {
            (belongs, most) = (isDigit, 2)
        } else if isNumeral(scalars[index]) {
            (belongs, most) = (isNumeral, 3)
        } else {
            return nil
        }
        var count = 0
        while index < scalars.endIndex, belongs(scalars[index]) {
            count += 1
            guard count <= most else { return nil }
            index = scalars.index(after: index)
        }
        guard index < scalars.endIndex, numberingEnds.contains(scalars[index]) else { return nil }
        return spacesSkipped(from: scalars.index(after: index))
    }

    private static let chineseNumerals = Set("一二三四五六七八九十".unicodeScalars)
    private static let numberingEnds = Set(").、".unicodeScalars)

    /// "2023", "2023年", "２０２３年度" → 2023; nil for anything else.
    /// Keys of texts already seen in one document: the same cell text is
    /// matched many times (each row, each list, each suffix of a paragraph).
    final class Cache {
        private var keys: [String: (keys: [String], unit: String?)] = [:]

        func keys(_ text: String) -> (keys: [String], unit: String?) {
            // No label is this long: an answer, not a label (and not worth a key).
            if text.utf8.count > 240 { return ([], nil) }
            if let known = keys[text] { return known }
            let computed = LabelText.keys(text)
            keys[text] = computed
            return computed
        }
    }

    static func year(_ text: String) -> Int? {
        // "2023年度" in full-width digits with spaces around is well under this.
        guard text.utf8.count <= 64 else { return nil }
        var compact = TextNormalizer.compact(text)
        for suffix in ["年度", "年"] where compact.hasSuffix(suffix) {
            compact.removeLast(suffix.count)
        }
        guard compact.count == 4, let year = Int(compact), (1990...2100).contains(year) else { return nil }
        return year
    }

    static func isUnitHeader(_ text: String) -> Bool {
        ["单位", "计量单位", "unit"].contains(TextNormalizer.labelKey(text))
    }

    /// Columns a list table carries besides its fields: 序号, 备注.
    static func isListFiller(_ text: String) -> Bool {
        isListFillerKey(TextNormalizer.labelKey(text))
    }

    static func isListFillerKey(_ key: String) -> Bool {
        ["序号", "编号序号", "no", "备注", "说明"].contains(key)
    }

    static func hasBox(_ text: String) -> Bool {
        text.unicodeScalars.contains { "☐☑☒□■▢▣".unicodeScalars.contains($0) }
    }
}
