import Foundation

/// Which cell styles show numbers as dates: `xl/styles.xml` `cellXfs/xf/@numFmtId`,
/// resolved against the custom `numFmts` and the built-in formats.
struct NumberFormats {
    /// Per `cellXfs` index (a cell's `s`), whether the format shows a date or time.
    private var dateStyles: [Bool] = []

    init() {}

    init(stylesheet root: XMLElement) {
        var customCodes: [Int: String] = [:]
        root.forEachChild { section in
            guard SpreadsheetML.isMain(section, "numFmts") else { return }
            section.forEachChild { format in
                guard SpreadsheetML.isMain(format, "numFmt"),
                      let id = format.attribute("numFmtId").flatMap({ Int($0) }),
                      let code = format.attribute("formatCode") else { return }
                customCodes[id] = code
            }
        }
        root.forEachChild { section in
            guard SpreadsheetML.isMain(section, "cellXfs") else { return }
            section.forEachChild { xf in
                guard SpreadsheetML.isMain(xf, "xf") else { return }
                let id = xf.attribute("numFmtId").flatMap { Int($0) } ?? 0
                let isDate = customCodes[id].map(Self.codeShowsDate) ?? Self.builtInDateFormats.contains(id)
                dateStyles.append(isDate)
            }
        }
    }

    /// Whether style index `style` (a cell's `s`; nil = 0) shows a date.
    func isDate(style: Int?) -> Bool {
        let index = style ?? 0
        return dateStyles.indices.contains(index) && dateStyles[index]
    }

    /// Built-in date and time formats: 14–22 and 45–47 (ECMA-376 Part 1,
    /// 18.8.30), plus the ones the zh-CN locale defines (27–36, 50–58:
    /// yyyy"年"m"月"d"日", m"月"d"日", h"时"mm"分" …).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(45...47).union(27...36).union(50...58)

    /// True when a custom format code shows a calendar date or a clock time.
    /// Literal text ("…", \x), fills (*x), paddings (_x) and bracketed
    /// sections ([Red], [$-804], [>100]) are ignored; a format whose only
    /// date-like tokens are elapsed times ([h]:mm, [mm]:ss) is a duration,
    /// not a date.
    static func codeShowsDate(_ code: String) -> Bool {
        let section = code.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        var tokens = ""
        var elapsed = false
        var iterator = section.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "\"":
                while let inner = iterator.next(), inner != "\"" {}
            case "\\", "_", "*":
                _ = iterator.next()
            case "[":
                var bracket = ""
                while let inner = iterator.next(), inner != "]" { bracket.append(inner) }
                let lowered = bracket.lowercased()
                if !lowered.isEmpty, lowered.allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" }) {
                    elapsed = true
                }
            default:
                tokens.append(contentsOf: character.lowercased())
            }
        }
        if tokens.contains("y") || tokens.contains("d") { return true }
        if elapsed { return false }
        return tokens.contains("m") || tokens.contains("h") || tokens.contains("s")
    }
}
