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

    /// Drops leading numbering: 1. 1、 (1) （一） 一、 ① and the like.
    static func stripNumbering(_ text: String) -> String {
        let normalized = TextNormalizer.normalize(text)
        // Most labels start with none of the characters numbering starts with.
        guard let first = normalized.unicodeScalars.first,
              first == "(" || CharacterSet.decimalDigits.contains(first) || "一二三四五六七八九十".unicodeScalars.contains(first)
                || (0x2460...0x2473).contains(first.value) else {
            return normalized
        }
        let whole = NSRange(normalized.startIndex..., in: normalized)
        for pattern in numberingPatterns {
            guard let match = pattern.firstMatch(in: normalized, range: whole),
                  let range = Range(match.range, in: normalized) else { continue }
            let rest = String(normalized[range.upperBound...])
            // "1.5" is a number, not numbering.
            if let next = rest.unicodeScalars.first, CharacterSet.decimalDigits.contains(next) { continue }
            return rest
        }
        return normalized
    }

    /// Compiled once: Foundation would otherwise compile a pattern per call.
    // NSRegularExpression is immutable once built and safe to share.
    nonisolated(unsafe) private static let numberingPatterns: [NSRegularExpression] = [
        #"^\(?[0-9]{1,2}[\).、]\s*"#,
        #"^\(?[一二三四五六七八九十]{1,3}[\)、.]\s*"#,
        #"^[①-⑳]\s*"#,
    ].compactMap { try? NSRegularExpression(pattern: $0) }

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
