import Foundation

/// The ways people write *no value* in a cell: nothing, "/", "—", "——", "-", "____",
/// "无", "不适用", "N/A". Such a cell is left out of the extracted fields; it
/// is not a parse failure. "0" is a value, not a marker.
///
/// In a yes/no field "无" answers 否; `YesNoParser` reads it before asking here.
public enum EmptyMarker {
    static let words: Set<String> = ["无", "不适用", "n/a", "na", "none", "null", "暂无", "空"]

    public static func isEmpty(_ text: String) -> Bool {
        let compact = TextNormalizer.compact(text)
        if compact.isEmpty { return true }
        if words.contains(compact.lowercased()) { return true }
        // "/", "//", "-", "—", "——", "--": any run of slashes and dashes.
        return compact.unicodeScalars.allSatisfy { scalar in
            scalar == "/" || scalar == "\\" || scalar.properties.generalCategory == .dashPunctuation
                || scalar.properties.generalCategory == .connectorPunctuation  // "____": a blank to fill in
                || scalar == "\u{2500}" // ─ box-drawing line, typed for a dash
        }
    }
}
