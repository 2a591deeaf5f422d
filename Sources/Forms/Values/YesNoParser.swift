import Foundation

/// Reads a yes/no answer: 是/否, 有/无, 具备/不具备, 已…/未… (已建立/未建立),
/// √/×, a lone box (☑ ☒ ■ ticked; ☐ □ not), true/false, Y/N, and the option
/// boxes "☐是 ☑否", "□是 ■否", "是☑ 否☐", "是（√） 否（ ）".
///
/// "无" answers 否 here, although elsewhere it marks an empty cell; the other
/// empty markers ("/", "—", "不适用") are *no value*.
public struct YesNoParser: Sendable {
    public init() {}

    public func parse(_ text: String) -> ParsedValue<Bool> {
        let compact = TextNormalizer.compact(text)
        if let answer = Self.answer(compact) { return .value(answer) }
        if EmptyMarker.isEmpty(compact) { return .empty }
        guard let marked = MarkedOptions(text) else { return .failure(.notYesNo) }
        guard let pairs = marked.markedOptions(Self.split) else { return .failure(.notYesNo) }
        return ChoiceParser.ticked(pairs).flatMap { option in
            Self.answer(option).map { .value($0) } ?? .failure(.notYesNo)
        }
    }

    static let yes: Set<String> = ["是", "有", "具备", "符合", "满足", "已", "√", "✓", "✔", "☑", "☒", "■", "▣", "✅",
                                   "true", "yes", "y", "是的"]
    static let no: Set<String> = ["否", "无", "没有", "不具备", "不符合", "不满足", "不是", "未", "×", "✗", "✘", "☐", "□",
                                  "false", "no", "n"]

    /// Words a marked segment may be split into when marks are left out.
    static let words = ["是", "否", "有", "无", "没有", "具备", "不具备", "符合", "不符合", "满足", "不满足", "不是"]

    /// The answer a single token gives, or `nil`.
    static func answer(_ token: String) -> Bool? {
        let token = token.lowercased()
        if yes.contains(token) { return true }
        if no.contains(token) { return false }
        // 已建立 / 未建立, 已取得 / 未取得: the answer is in the first character.
        if token.count > 1 {
            if token.hasPrefix("已") { return true }
            if token.hasPrefix("未") { return false }
        }
        return nil
    }

    static func split(_ segment: String) -> [String]? {
        if answer(segment) != nil { return [segment] }
        return MarkedOptions.split(segment, into: words, key: { $0 })
    }
}
