import Foundation
import OOXML

/// The declarant's name is not a labelled value: it is the unit the
/// declaration's text speaks for (本单位……郑重声明/承诺). Found from the
/// scheme's own wording around `{declarant_name}`, else from the common
/// wordings, else from the seal line (CONTRACT.md).
enum DeclarationText {
    static let nameField = "declarant_name"
    static let sealField = "seal_name"

    static func fill(_ raw: inout RawFields, from document: WordDocument, definition: DeclarationForm) {
        guard raw.scalars[nameField] == nil else { return }
        let paragraphs = document.allParagraphs
        var patterns: [String] = []
        if let line = definition.paragraphs.first(where: { $0.contains("{\(nameField)}") }),
           let placeholder = line.range(of: "{\(nameField)}") {
            let before = String(line[..<placeholder.lowerBound].suffix(4))
            let after = String(line[placeholder.upperBound...].prefix(4)).replacingOccurrences(of: "{", with: "")
            if !before.isEmpty && !after.isEmpty {
                patterns.append(NSRegularExpression.escapedPattern(for: before) + "(.{2,60}?)" + NSRegularExpression.escapedPattern(for: after))
            }
        }
        patterns.append("(?:本|我)单位[（(]?(.{2,60}?)[）)]?(?:现|特此|在此)?(?:郑重)?(?:声明|承诺|保证)")
        for pattern in patterns {
            guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
            for paragraph in paragraphs {
                let text = paragraph.text
                let whole = NSRange(text.startIndex..., in: text)
                guard let match = expression.firstMatch(in: text, range: whole), match.numberOfRanges > 1,
                      let range = Range(match.range(at: 1), in: text) else { continue }
                var lower = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound.samePosition(in: text.unicodeScalars) ?? text.unicodeScalars.startIndex)
                var upper = lower + text[range].unicodeScalars.count
                // Drop brackets around the name: 本单位（江阴市…）郑重声明.
                let scalars = Array(text.unicodeScalars)
                while lower < upper, "（(".unicodeScalars.contains(scalars[lower]) { lower += 1 }
                while upper > lower, "）)".unicodeScalars.contains(scalars[upper - 1]) { upper -= 1 }
                let value = LocatedText(paragraph: paragraph, range: lower..<upper).trimmed()
                guard !value.isBlank, !value.text.contains("{") else { continue }
                raw.scalars[nameField] = RawFields.Scalar(value: value, labelUnit: nil)
                return
            }
        }
        if let seal = raw.scalars[sealField] {
            raw.scalars[nameField] = seal
        }
    }
}
