import Foundation

/// A number as a cell states it: the figure and the unit written next to it.
public struct Quantity: Hashable, Sendable {
    public var amount: Decimal
    /// The unit in the cell ("亿元" in "41.5亿元"); `nil` when the cell has none.
    public var unit: ValueUnit?

    public init(amount: Decimal, unit: ValueUnit?) {
        self.amount = amount
        self.unit = unit
    }
}

/// Reads figures as people type them: "４０．５", "1,234", "1，234.5", "41.5亿元",
/// "415000万元", "12家", "45.5平方公里", "-3.2", "72.5％".
///
/// Numbers are `Decimal`, not `Double`: the form's figures are decimal, and
/// base-10 arithmetic keeps them exact through unit conversion (415000万元 is
/// exactly 41.5亿元, 0.1 + 0.2 is 0.3), so JSON prints what the applicant
/// wrote (`41.5`, never `41.49999999999999`). Division that does not terminate
/// (a figure converted by 1/3) is rounded by `Decimal` at 38 digits.
///
/// Hedged figures ("约40", "40左右"), ranges ("40-50"), two numbers and words
/// ("约三成") are failures, not guesses: a reviewer must see them.
public struct NumberParser: Sendable {
    public init() {}

    /// The figure in `text` expressed in `unit`, the field's canonical unit.
    ///
    /// The unit the figure is in is the one written in the cell, else the
    /// label's (`labelUnit`), else `unit` itself: "415000万元" gives 41.5 in
    /// 亿元 whatever the label says; "41.5" under a （亿元） label gives 41.5; a
    /// bare multiplier ("41.5亿") takes its base (元) from the label or field.
    /// With no `unit`, the figure is given in `labelUnit`, or failing that in
    /// base units ("1.2万人" → 12000).
    public func parse(_ text: String, unit: ValueUnit? = nil, labelUnit: ValueUnit? = nil) -> ParsedValue<Decimal> {
        quantity(text).flatMap { convert($0, to: unit, labelUnit: labelUnit) }
    }

    /// Like `parse`, for counts: "12家" → 12; "12.5" is a failure.
    public func parseInteger(_ text: String, unit: ValueUnit? = nil, labelUnit: ValueUnit? = nil) -> ParsedValue<Int> {
        parse(text, unit: unit, labelUnit: labelUnit).flatMap { number in
            var value = number
            var rounded = Decimal()
            NSDecimalRound(&rounded, &value, 0, .plain)
            guard rounded == number, abs(rounded) <= Decimal(Int.max) else { return .failure(.notAnInteger) }
            return .value(NSDecimalNumber(decimal: rounded).intValue)
        }
    }

    /// A percentage as 72.5 for "72.5%", "72.5％" and a bare "72.5" (the field
    /// is in %). "0.725" stays 0.725: the parser does not guess a fraction.
    public func parsePercent(_ text: String) -> ParsedValue<Decimal> {
        parse(text, unit: .percent, labelUnit: .percent)
    }

    /// The figure and the unit written in `text`, unconverted.
    public func quantity(_ text: String) -> ParsedValue<Quantity> {
        let normalized = TextNormalizer.normalize(text)
        if EmptyMarker.isEmpty(normalized) { return .empty }
        let characters = Array(normalized)
        guard let start = characters.firstIndex(where: { ValueCharacters.isDigit($0) || $0 == "." }) else {
            return .failure(.notANumber)
        }
        var prefix = String(characters[..<start]).filter { $0 != " " }
        var negative = false
        if let sign = prefix.last, sign == "-" || sign == "+" {
            negative = sign == "-"
            prefix.removeLast()
        }
        // The literal: digits with "," thousands groups, then an optional
        // fraction. A space ends it: "40 50" is two numbers.
        var end = start
        while end < characters.count, ValueCharacters.isDigit(characters[end]) || characters[end] == "," { end += 1 }
        var integerPart = String(characters[start..<end])
        var fractionPart = ""
        if end < characters.count, characters[end] == "." {
            var fractionEnd = end + 1
            while fractionEnd < characters.count, ValueCharacters.isDigit(characters[fractionEnd]) { fractionEnd += 1 }
            fractionPart = String(characters[(end + 1)..<fractionEnd])
            end = fractionEnd
        }
        let suffix = String(characters[end...]).filter { $0 != " " }

        // "40-50", "40%~50%": a connector before a second number.
        if let secondNumber = suffix.firstIndex(where: ValueCharacters.isDigit),
           suffix[..<secondNumber].contains(where: { Self.rangeConnectors.contains($0) }) {
            return .failure(.range)
        }
        if Self.isHedged(prefix) || Self.isHedged(suffix) { return .failure(.approximate) }
        if integerPart.contains("," as Character) {
            // "40,50" is two numbers, not a thousands group.
            guard Self.isThousandsGrouped(integerPart) else { return .failure(.multipleNumbers) }
            integerPart.removeAll { $0 == "," }
        }
        if suffix.first == "." { return .failure(.notANumber) }
        // A unit with a digit in it (km2, m2) is fine; any other digit starts a second number.
        if suffix.contains(where: ValueCharacters.isDigit), ValueUnit(suffix) == nil {
            return .failure(.multipleNumbers)
        }
        guard prefix.isEmpty else { return .failure(.notANumber) }
        guard !integerPart.isEmpty || !fractionPart.isEmpty else { return .failure(.notANumber) }

        var literal = negative ? "-" : ""
        literal += integerPart.isEmpty ? "0" : integerPart
        if !fractionPart.isEmpty { literal += "." + fractionPart }
        guard let amount = Decimal(string: literal, locale: Self.posix) else { return .failure(.notANumber) }

        if suffix.isEmpty { return .value(Quantity(amount: amount, unit: nil)) }
        guard let unit = ValueUnit(suffix) else { return .failure(.unknownUnit(suffix)) }
        return .value(Quantity(amount: amount, unit: unit))
    }

    /// `quantity` in `target`; see `parse`.
    func convert(_ quantity: Quantity, to target: ValueUnit?, labelUnit: ValueUnit?) -> ParsedValue<Decimal> {
        let contextBase = labelUnit?.base ?? target?.base
        let source = (quantity.unit ?? labelUnit ?? target)?.completed(with: contextBase)
        guard let source else { return .value(quantity.amount) }
        // With no field unit, report in the label's unit, else in base units.
        let destination = target ?? labelUnit?.completed(with: source.base)
            ?? ValueUnit(multiplier: 1, multiplierSymbol: "", base: source.base)
        if source.base?.dimension == .percent, source.multiplier != 1 {
            return .failure(.unitMismatch(found: source.symbol, expected: destination.symbol))
        }
        if let from = source.base, let to = destination.base, !from.converts(to: to) {
            return .failure(.unitMismatch(found: source.symbol, expected: destination.symbol))
        }
        let fromFactor = source.multiplier * (source.base?.factor ?? 1)
        let toFactor = destination.multiplier * (destination.base?.factor ?? source.base?.factor ?? 1)
        if fromFactor == toFactor { return .value(quantity.amount) }
        return .value(quantity.amount * fromFactor / toFactor)
    }

    // MARK: - Tables

    static let posix = Locale(identifier: "en_US_POSIX")

    /// Words that make a figure an estimate rather than a declaration.
    static let hedges = ["约", "左右", "余", "多", "近", "超", "逾", "以上", "以下", "以内", "不到", "不足",
                         "不少于", "不低于", "不超过", "上下", "大概", "大约", "估", "≈", "~", "<", ">", "≥", "≤", "几"]

    static let rangeConnectors: Set<Character> = ["-", "~", "至", "到", "—", "–", "〜", "―"]

    static func isHedged(_ text: String) -> Bool {
        hedges.contains { text.contains($0) }
    }

    /// "1,234" and "12,345,678": 1–3 digits, then groups of exactly 3.
    static func isThousandsGrouped(_ digits: String) -> Bool {
        let groups = digits.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}

/// Character classes the value parsers share.
enum ValueCharacters {
    static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }
}
