import Foundation

/// Options written each with a box, as forms print them for a choice:
/// "☐是 ☑否", "□是 ■否", "是☑ 否☐", "是（√） 否（ ）", "√是 否".
///
/// The text is cut at the marks into segments; each segment is the text a
/// mark stands before (or after, when the text ends with a mark rather than
/// starting with one). Segments are compact: no whitespace, no separators.
struct MarkedOptions: Sendable {
    enum Mark: Sendable, Equatable {
        case ticked
        case unticked
    }

    struct Segment: Sendable, Equatable {
        /// Normalised text without whitespace or separators; may hold several
        /// options when the writer left marks out ("√是 否" → "是否").
        var text: String
        /// The mark next to the segment; it belongs to the option at the
        /// segment's start when marks come first, else to the one at its end.
        var mark: Mark?
    }

    /// Whether marks come before their options.
    let marksFirst: Bool
    let segments: [Segment]

    static let tickedMarks: Set<Character> = ["☑", "☒", "■", "√", "✓", "✔", "▣", "⊠", "✅", "●", "◉", "⬛"]
    static let untickedMarks: Set<Character> = ["☐", "□", "○", "◯", "▢", "⬜"]
    static let separators: Set<Character> = [" ", "/", "、", ",", ";", "|", "；", "，"]

    static func mark(of character: Character) -> Mark? {
        if tickedMarks.contains(character) { return .ticked }
        if untickedMarks.contains(character) { return .unticked }
        return nil
    }

    /// `nil` when the text has no marks: it is then a plain value.
    init?(_ text: String) {
        let characters = Array(Self.replacingBracketedMarks(in: TextNormalizer.normalize(text)))
        enum Item { case mark(Mark), text(String) }
        var items: [Item] = []
        var run = ""
        for character in characters {
            if let mark = Self.mark(of: character) {
                if !run.isEmpty { items.append(.text(run)) }
                run = ""
                items.append(.mark(mark))
            } else if !Self.separators.contains(character) {
                run.append(character)
            } else if !run.isEmpty {
                // Keep a boundary so "☐是 否" can tell the words apart if needed.
                run.append(" ")
            }
        }
        if !run.isEmpty { items.append(.text(run)) }
        guard items.contains(where: { if case .mark = $0 { return true } else { return false } }) else {
            return nil
        }

        let startsWithMark: Bool
        if case .mark = items.first { startsWithMark = true } else { startsWithMark = false }
        let endsWithMark: Bool
        if case .mark = items.last { endsWithMark = true } else { endsWithMark = false }
        marksFirst = startsWithMark || !endsWithMark

        var segments: [Segment] = []
        var pendingMark: Mark?
        var hasPendingMark = false
        for item in (marksFirst ? items : items.reversed()) {
            switch item {
            case .mark(let mark):
                if hasPendingMark { segments.append(Segment(text: "", mark: pendingMark)) }
                pendingMark = mark
                hasPendingMark = true
            case .text(let text):
                let compact = text.filter { $0 != " " }
                segments.append(Segment(text: compact, mark: hasPendingMark ? pendingMark : nil))
                pendingMark = nil
                hasPendingMark = false
            }
        }
        if hasPendingMark { segments.append(Segment(text: "", mark: pendingMark)) }
        self.segments = marksFirst ? segments : segments.reversed()
    }

    /// Splits a segment into options, longest match first; `nil` if some part
    /// of it is no option. `key` gives the comparison form of an option.
    static func split(_ segment: String, into options: [String], key: (String) -> String) -> [String]? {
        let keyed = options.map { (option: $0, key: key($0)) }
            .filter { !$0.key.isEmpty }
            .sorted { $0.key.count > $1.key.count }
        var rest = Substring(key(segment))
        var found: [String] = []
        while !rest.isEmpty {
            guard let match = keyed.first(where: { rest.hasPrefix($0.key) }) else { return nil }
            found.append(match.option)
            rest = rest.dropFirst(match.key.count)
        }
        return found
    }

    /// The option each mark points at, after `resolve` splits the segments.
    /// Options of a segment other than the marked one are unmarked.
    func markedOptions(_ resolve: (String) -> [String]?) -> [(option: String, mark: Mark?)]? {
        var result: [(option: String, mark: Mark?)] = []
        for segment in segments {
            guard !segment.text.isEmpty, let options = resolve(segment.text), !options.isEmpty else {
                // An unticked box beside an option the scheme does not know
                // (another edition's "□企业") says nothing; a ticked one is
                // an answer that cannot be read.
                if segment.mark == .unticked && !segment.text.isEmpty { continue }
                return nil
            }
            for (index, option) in options.enumerated() {
                let isMarked = marksFirst ? index == 0 : index == options.count - 1
                result.append((option, isMarked ? segment.mark : nil))
            }
        }
        return result.isEmpty ? nil : result
    }

    /// "(√)", "( )", "[√]", "[ ]" → "☑", "☐": brackets typed as boxes.
    static func replacingBracketedMarks(in text: String) -> String {
        var output = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "(" || character == "[" {
                let close: Character = character == "(" ? ")" : "]"
                var probe = index + 1
                var inside: [Character] = []
                while probe < characters.count, characters[probe] != close, inside.count <= 3 {
                    if characters[probe] != " " { inside.append(characters[probe]) }
                    probe += 1
                }
                if probe < characters.count, characters[probe] == close {
                    if inside.isEmpty {
                        output.append("☐")
                        index = probe + 1
                        continue
                    }
                    if inside.count == 1, let mark = mark(of: inside[0]) ?? (inside[0] == "x" || inside[0] == "X" ? .ticked : nil) {
                        output.append(mark == .ticked ? "☑" : "☐")
                        index = probe + 1
                        continue
                    }
                }
            }
            output.append(character)
            index += 1
        }
        return output
    }
}
