import Foundation

/// Reads one of a field's options, written either plainly ("联盟组织") or as
/// the ticked one of options with boxes ("☐行业协会 ☑联盟组织 ☐其他").
///
/// Options are compared by `TextNormalizer.labelKey`, so width, spacing and
/// bracket style do not matter ("研究院(所)" is "研究院（所）"). A ticked option
/// may carry an elaboration ("☑其他（民办非企业单位）", "其他：学会"); the result
/// is the option as the field declares it.
public struct ChoiceParser: Sendable {
    public let options: [String]

    public init(options: [String]) {
        self.options = options
    }

    public func parse(_ text: String) -> ParsedValue<String> {
        if let option = plainOption(text) { return .value(option) }
        if EmptyMarker.isEmpty(text) { return .empty }
        guard let marked = MarkedOptions(text) else { return .failure(.notAnOption) }
        guard let pairs = marked.markedOptions({ split($0) }) else { return .failure(.notAnOption) }
        return Self.ticked(pairs)
    }

    /// The option `text` names, ignoring an elaboration after it.
    func plainOption(_ text: String) -> String? {
        let key = TextNormalizer.labelKey(text)
        if let option = options.first(where: { TextNormalizer.labelKey($0) == key }) { return option }
        let stem = Self.withoutElaboration(TextNormalizer.normalize(text))
        guard stem != TextNormalizer.normalize(text) else { return nil }
        let stemKey = TextNormalizer.labelKey(stem)
        return options.first { TextNormalizer.labelKey($0) == stemKey }
    }

    func split(_ segment: String) -> [String]? {
        if let options = MarkedOptions.split(segment, into: options, key: TextNormalizer.labelKey) {
            return options
        }
        return plainOption(segment).map { [$0] }
    }

    /// Several options: every ticked one ("☑会员会费 ☐政府拨款 ☑服务收入"),
    /// or options listed plainly ("会员会费、服务收入"), in the order written.
    public func parseMultiple(_ text: String) -> ParsedValue<[String]> {
        if EmptyMarker.isEmpty(text) { return .empty }
        if let marked = MarkedOptions(text) {
            guard let pairs = marked.markedOptions({ split($0) }) else { return .failure(.notAnOption) }
            var ticked: [String] = []
            for pair in pairs where pair.mark == .ticked && !ticked.contains(pair.option) {
                ticked.append(pair.option)
            }
            return ticked.isEmpty ? .empty : .value(ticked)
        }
        var chosen: [String] = []
        let parts = TextNormalizer.normalize(text).split { MarkedOptions.separators.contains($0) || $0 == "\n" }
        for part in parts where !part.isEmpty {
            guard let option = plainOption(String(part)) else { return .failure(.notAnOption) }
            if !chosen.contains(option) { chosen.append(option) }
        }
        return chosen.isEmpty ? .empty : .value(chosen)
    }

    /// The single ticked option. None ticked is no answer (the field is
    /// missing, for the applicant to supply); several ticked is ambiguous.
    static func ticked(_ pairs: [(option: String, mark: MarkedOptions.Mark?)]) -> ParsedValue<String> {
        var ticked: [String] = []
        for pair in pairs where pair.mark == .ticked && !ticked.contains(pair.option) {
            ticked.append(pair.option)
        }
        if ticked.isEmpty { return .empty }
        guard ticked.count == 1, let option = ticked.first else { return .failure(.ambiguousChoice) }
        return .value(option)
    }

    /// "其他（请注明：学会）" → "其他", "其他:学会" → "其他".
    static func withoutElaboration(_ text: String) -> String {
        var stem = Substring(text)
        if let colon = stem.firstIndex(of: ":") { stem = stem[..<colon] }
        if stem.hasSuffix(")"), let open = stem.firstIndex(of: "(") { stem = stem[..<open] }
        return String(stem).trimmingCharacters(in: .whitespaces)
    }
}
