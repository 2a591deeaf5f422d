import Foundation

/// Puts the text people type into one form before it is parsed or compared.
///
/// - Full-width ASCII (U+FF01–U+FF5E: ０-９, Ａ-Ｚ, ．，：％（）／－ …) becomes
///   half-width; the ideographic space and other Unicode spaces become a space.
/// - Zero-width and bidi-control characters, which Word and web forms leave
///   behind invisibly, are removed.
/// - Every quotation mark (“ ” ‘ ’ 「 」 『 』 〝 〞 " ') becomes `"`, so
///   专精特新“小巨人” and 专精特新"小巨人" compare equal.
/// - The minus sign and small hyphen-minus become `-`.
/// - Whitespace runs collapse to one space; the ends are trimmed.
///
/// Letters keep their case and Chinese punctuation outside the full-width
/// block (、。—《》) is kept: a value's text should change no more than parsing
/// needs. `labelKey(_:)` goes further, for matching labels.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        if isNormalized(text) { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            guard let mapped = halfWidth(scalar) else { continue }
            if isSpace(mapped) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(contentsOf: mapped.utf8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when `normalize` would return `text` unchanged (most text: CJK
    /// and ASCII with single inner spaces) — checked without building a copy.
    static func isNormalized(_ text: String) -> Bool {
        var previousSpace = true  // a leading space is not normalised
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value >= 0x4E00 && value <= 0x9FFF { previousSpace = false; continue }
            if value == 0x20 {
                if previousSpace { return false }
                previousSpace = true
                continue
            }
            guard let mapped = halfWidth(scalar), mapped == scalar, !isSpace(scalar) else { return false }
            previousSpace = false
        }
        return !previousSpace || text.isEmpty
    }

    /// `normalize` without any whitespace: for values (numbers, codes, dates)
    /// in which a space carries no meaning.
    public static func compact(_ text: String) -> String {
        normalize(text).filter { $0 != " " }
    }

    /// The key two labels are compared by: normalised, lower-cased, with
    /// whitespace and punctuation removed (：: （） () * 、 , . 《》 【】 quotes …),
    /// so "集群总产值（亿元）：" and "集群总产值 (亿元):" give the same key.
    /// `%` is kept, so a label's percent unit still tells it apart.
    public static func labelKey(_ label: String) -> String {
        let normalized = normalize(label)
        // Only ASCII and a few other scripts have case; skip the copy when
        // there is nothing to lower.
        let lowered = normalized.unicodeScalars.contains { scalar in
            let value = scalar.value
            if value < 0x80 { return value >= 0x41 && value <= 0x5A }
            return (value < 0x4E00 || value > 0x9FFF) && scalar.properties.changesWhenLowercased
        }
            ? normalized.lowercased() : normalized
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lowered.utf8.count)
        var previous: Unicode.Scalar = " "
        for scalar in lowered.unicodeScalars where !droppedFromKey(scalar) {
            bytes.append(contentsOf: variantFolded(scalar, after: previous).utf8)
            previous = scalar
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Characters written either way in forms and policies are one in keys:
    /// 财务和银行帐户 is 财务和银行账户, 其它 is 其他.
    @inline(__always)
    static func variantFolded(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar) -> Unicode.Scalar {
        if scalar == "帐" { return "账" }
        if scalar == "它" && previous == "其" { return "他" }
        return scalar
    }

    /// The key of a label without its trailing unit:
    /// "集群总产值（亿元）：" → "集群总产值", so a template that states the unit
    /// elsewhere still matches.
    public static func labelKeyWithoutUnit(_ label: String) -> String {
        guard let (stem, _) = splitTrailingParenthesis(label) else { return labelKey(label) }
        return labelKey(stem)
    }

    /// The unit a label states in trailing parentheses: "集群总产值（亿元）：" → 亿元,
    /// "研发投入强度(%)" → %, "面积（单位：平方公里）" → 平方公里. `nil` when the
    /// label has no trailing parenthesis or its content is not a known unit
    /// ("企业名称（盖章）").
    public static func unitInLabel(_ label: String) -> ValueUnit? {
        guard let (_, inside) = splitTrailingParenthesis(label) else { return nil }
        var unit = compact(inside)
        for prefix in ["单位:", "单位"] where unit.hasPrefix(prefix) {
            unit.removeFirst(prefix.count)
            break
        }
        return ValueUnit(unit)
    }

    // MARK: - Internals

    /// Splits "集群总产值（亿元）：" into ("集群总产值", "亿元"), ignoring trailing
    /// colons, asterisks and spaces after the parenthesis.
    static func splitTrailingParenthesis(_ label: String) -> (String, String)? {
        var text = Substring(normalize(label))
        while let last = text.last, last == ":" || last == "*" || last == " " {
            text.removeLast()
        }
        guard text.last == ")" else { return nil }
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            switch text[index] {
            case ")": depth += 1
            case "(":
                depth -= 1
                if depth == 0 {
                    let inside = text[text.index(after: index)..<text.index(before: text.endIndex)]
                    return (String(text[..<index]), String(inside))
                }
            default: break
            }
        }
        return nil
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        // Fast paths: ASCII and CJK ideographs need no property lookup.
        if scalar.value < 0x80 { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        if scalar.value >= 0x4E00 && scalar.value <= 0x9FFF { return false }
        return scalar.properties.isWhitespace
    }

    /// The scalar as `normalize` keeps it, or `nil` to drop it.
    static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0xFF01...0xFF5E:
            // Full-width ASCII sits at a fixed offset from ASCII.
            return Unicode.Scalar(scalar.value - 0xFEE0)
        case 0x3000, 0x00A0, 0x2000...0x200A, 0x202F, 0x205F:
            return " "
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0xFEFF, 0x00AD:
            return nil
        case 0x2212, 0xFE63:
            return "-"
        case 0x0022, 0x0027, 0x2018...0x201F, 0x300C...0x300F, 0x301D...0x301F, 0x2032, 0x2033:
            return "\""
        default:
            return scalar
        }
    }

    static func droppedFromKey(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "%" { return false }
        // Fast paths: letters, digits and CJK ideographs are kept.
        let value = scalar.value
        if (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
            || (value >= 0x4E00 && value <= 0x9FFF) {
            return false
        }
        if isSpace(scalar) { return true }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            // Required-field and bullet markers people put before labels.
            return "★☆※●•·".unicodeScalars.contains(scalar)
        }
    }
}

extension StringProtocol {
    /// Whether `other` occurs in the text, compared code unit for code unit
    /// (no case folding, no Unicode normalisation — the texts compared here
    /// are already normalised keys or form text). Foundation's `contains`
    /// goes through CFStringFind with character-cluster folding, which was a
    /// tenth of extraction's time on Linux.
    func containsExactly(_ other: some StringProtocol) -> Bool {
        var needle = String(other)
        var haystack = String(self)
        return needle.withUTF8 { needle in
            haystack.withUTF8 { haystack in
                // A plain scan: the standard library's generic
                // `firstRange(of:)` made a whole extraction twice as slow.
                guard let first = needle.first else { return true }
                guard needle.count <= haystack.count else { return false }
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    if (1..<needle.count).allSatisfy({ haystack[start + $0] == needle[$0] }) { return true }
                }
                return false
            }
        }
    }
}
