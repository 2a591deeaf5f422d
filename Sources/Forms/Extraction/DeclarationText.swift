import Foundation
import OOXML

/// The declarant's name is not a labelled value: it is the unit the
/// declaration's text speaks for (本单位……郑重声明/承诺). Found from the
/// scheme's own wording around `{declarant_name}`, else from the common
/// wordings, else from the seal line (CONTRACT.md).
enum DeclarationText {
    static let nameField = "declarant_name"
    static let sealField = "seal_name"

    /// Fields a mark may follow or precede: 申报单位：江阴市工业和信息化局（公章）,
    /// 法定代表人：王五（签字）.
    static let signedFields = [sealField, "signatory"]

    /// What such a mark may say, as label keys.
    static let signMarks: Set<String> = ["盖章", "公章", "章", "签章", "印章", "单位盖章", "单位公章", "盖公章",
                                         "签字", "签名", "签字盖章", "签名盖章", "盖章处", "签字处", "手签"]

    /// Words the common wording can catch where a name would stand.
    static let notNames: Set<String> = ["郑重", "现郑重", "特此郑重", "在此郑重", "特此", "在此", "现"]

    static func fill(_ raw: inout RawFields, from document: WordDocument, definition: DeclarationForm) {
        for field in signedFields {
            if let found = raw.scalars[field] {
                raw.scalars[field] = RawFields.Scalar(value: withoutSignMark(found.value), labelUnit: found.labelUnit)
            }
        }
        let paragraphs = document.allParagraphs
        if raw.scalars[sealField] == nil, let seal = sealLine(paragraphs, definition: definition) {
            raw.scalars[sealField] = RawFields.Scalar(value: seal, labelUnit: nil)
        }
        guard raw.scalars[nameField] == nil else { return }
        var patterns: [String] = []
        if let line = definition.paragraphs.first(where: { $0.contains("{\(nameField)}") }),
           let placeholder = line.range(of: "{\(nameField)}") {
            let before = String(line[..<placeholder.lowerBound].suffix(4))
            let after = String(line[placeholder.upperBound...].prefix(4)).replacingOccurrences(of: "{", with: "")
            if !before.isEmpty && !after.isEmpty {
                patterns.append(NSRegularExpression.escapedPattern(for: before) + "(.{2,60}?)" + NSRegularExpression.escapedPattern(for: after))
            }
        }
        // A closing bracket is captured with the name: (科学技术局) may end it;
        // one left unbalanced is dropped below.
        patterns.append("(?:本|我)单位[（(]?(.{2,60}?[）)]?)(?:现|特此|在此)?(?:郑重)?(?:声明|承诺|保证)")
        for pattern in patterns {
            guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
            for paragraph in paragraphs {
                let text = paragraph.text
                let whole = NSRange(text.startIndex..., in: text)
                guard let match = expression.firstMatch(in: text, range: whole), match.numberOfRanges > 1,
                      let range = Range(match.range(at: 1), in: text) else { continue }
                var lower = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound.samePosition(in: text.unicodeScalars) ?? text.unicodeScalars.startIndex)
                var upper = lower + text[range].unicodeScalars.count
                // Drop brackets around the name (本单位（江阴市…）郑重声明), not
                // those that belong to it: 经济和信息化局（科学技术局）.
                let scalars = Array(text.unicodeScalars)
                func depth(_ range: Range<Int>) -> Int {
                    scalars[range].reduce(0) { level, scalar in
                        "（(".unicodeScalars.contains(scalar) ? level + 1 : "）)".unicodeScalars.contains(scalar) ? level - 1 : level
                    }
                }
                while lower < upper, "（(".unicodeScalars.contains(scalars[lower]), depth(lower..<upper) > 0 { lower += 1 }
                while upper > lower, "）)".unicodeScalars.contains(scalars[upper - 1]), depth(lower..<upper) < 0 { upper -= 1 }
                // One pair around it all: its opening bracket closes last.
                if upper - lower > 2, "（(".unicodeScalars.contains(scalars[lower]), "）)".unicodeScalars.contains(scalars[upper - 1]),
                   (lower + 1..<(upper - 1)).allSatisfy({ depth(lower..<($0 + 1)) > 0 }) {
                    lower += 1
                    upper -= 1
                }
                let value = LocatedText(paragraph: paragraph, range: lower..<upper).trimmed()
                // 本单位郑重声明 names no unit: "郑重" is not a name.
                guard !value.isBlank, !value.text.contains("{"), !notNames.contains(value.text) else { continue }
                raw.scalars[nameField] = RawFields.Scalar(value: value, labelUnit: nil)
                return
            }
        }
        if let seal = raw.scalars[sealField] {
            raw.scalars[nameField] = seal
        }
    }

    /// Seal marks, as label keys: a line that is a name and one of these.
    static let sealMarks: Set<String> = ["盖章", "公章", "章", "印章", "单位盖章", "单位公章", "盖公章"]

    /// A seal line with no label: 株洲市先进轨道交通装备集群发展促进会（公章）,
    /// or the mark first. The last such line of the document; nil when the
    /// line left is empty or is itself a label of the declaration
    /// (申报单位（盖章）with nothing after it).
    static func sealLine(_ paragraphs: [Paragraph], definition: DeclarationForm) -> LocatedText? {
        let labels = Set(definition.fields.flatMap { field in ([field.label] + field.aliases).flatMap { LabelText.keys($0).keys } })
        for paragraph in paragraphs.reversed() {
            guard paragraph.length <= 80 else { continue }
            let line = LocatedText(paragraph: paragraph, range: 0..<paragraph.length).trimmed()
            guard !line.text.contains("："), !line.text.contains(":") else { continue }
            let name = withoutSignMark(line)
            let mark = TextNormalizer.labelKey(line.text)
            let nameKey = TextNormalizer.labelKey(name.text)
            guard name.text != line.text, name.text.unicodeScalars.count >= 2, !labels.contains(nameKey),
                  sealMarks.contains(where: { mark == nameKey + $0 || mark == $0 + nameKey }) else { continue }
            return name
        }
        return nil
    }

    /// The value without a bracketed （公章）/（签字） before or after it: the
    /// mark says where to sign or seal, it is not part of the name.
    static func withoutSignMark(_ value: LocatedText) -> LocatedText {
        let scalars = Array(value.text.unicodeScalars)
        var lower = 0
        var upper = scalars.count
        func isSpace(_ index: Int) -> Bool { LocatedText.isSpace(scalars[index]) }
        func mark(_ range: Range<Int>) -> Bool {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return signMarks.contains(TextNormalizer.labelKey(String(view)))
        }
        while upper > lower, isSpace(upper - 1) { upper -= 1 }
        if upper > lower, ")）".unicodeScalars.contains(scalars[upper - 1]),
           let open = scalars[lower..<(upper - 1)].lastIndex(where: { "(（".unicodeScalars.contains($0) }),
           open > lower, mark((open + 1)..<(upper - 1)) {
            upper = open
        }
        while lower < upper, isSpace(lower) { lower += 1 }
        if lower < upper, "(（".unicodeScalars.contains(scalars[lower]),
           let close = scalars[(lower + 1)..<upper].firstIndex(where: { ")）".unicodeScalars.contains($0) }),
           close + 1 < upper, mark((lower + 1)..<close) {
            lower = close + 1
        }
        guard lower > 0 || upper < scalars.count else { return value }
        return value.slice(lower..<upper).trimmed()
    }
}
