import Foundation
import OOXML

/// What the scanner looks for: a field's normalised label keys and its shape.
struct FieldProbe: Sendable {
    enum Shape: Sendable {
        case scalar
        case series
        case list(columns: [(id: String, keys: Set<String>)])
    }

    let id: String
    let keys: Set<String>
    let shape: Shape
    /// A yes/no field: a checklist row with 是 and 否 columns can answer it.
    var answersYesNo = false
    /// A free-text field: a heading naming it can be answered by the
    /// paragraphs under it.
    var takesParagraphs = false
}

/// The raw text found for a form's fields, before typed parsing.
struct RawFields: Sendable {
    struct Scalar: Sendable {
        let value: LocatedText
        /// The unit named in the label the value was found under (集群总产值（亿元）).
        let labelUnit: String?
    }

    struct Series: Sendable {
        var values: [Int: LocatedText] = [:]
        var unit: String?
        var labelUnit: String?
    }

    typealias ListRow = [String: LocatedText]

    var scalars: [String: Scalar] = [:]
    var series: [String: Series] = [:]
    var lists: [String: [ListRow]] = [:]
    /// Where a label was found, even with an empty value (for comments on absent values).
    var labels: [String: LocatedText] = [:]
}

/// Finds field values by their labels wherever a document puts them: the
/// next cell right or below, `标签：值` in a paragraph or cell, several pairs
/// in one row, year tables in either orientation with a unit column, and list
/// tables whose header row names the columns in any order.
/// A form's labels as keys, built once per scheme and shared by every
/// document's scan.
struct LabelIndex: Sendable {
    let probes: [FieldProbe]
    let scalarKeys: [String: String]
    let seriesKeys: [String: String]
    let listProbes: [FieldProbe]
    /// Every key of every list column: a row none of whose cells has one
    /// cannot be a list header.
    let listColumnKeys: Set<String>
    /// The yes/no fields, which checklist tables answer.
    let yesNoFields: Set<String>
    /// The free-text fields, which a heading with paragraphs under it answers.
    let paragraphFields: Set<String>
    /// Longest label key, in scalars, bounding the search before a colon.
    let longestKey: Int
    /// Every scalar and series key, longest first, for finding the label
    /// that ends at a colon.
    let keysByLength: [String]

    init(probes: [FieldProbe]) {
        self.probes = probes
        var scalarKeys: [String: String] = [:]
        var seriesKeys: [String: String] = [:]
        var longest = 1
        for probe in probes {
            for key in probe.keys {
                longest = max(longest, key.unicodeScalars.count)
                switch probe.shape {
                case .scalar: if scalarKeys[key] == nil { scalarKeys[key] = probe.id }
                case .series: if seriesKeys[key] == nil { seriesKeys[key] = probe.id }
                case .list: break
                }
            }
        }
        self.scalarKeys = scalarKeys
        self.seriesKeys = seriesKeys
        self.listProbes = probes.filter { if case .list = $0.shape { return true } else { return false } }
        self.yesNoFields = Set(probes.filter(\.answersYesNo).map(\.id))
        self.paragraphFields = Set(probes.filter(\.takesParagraphs).map(\.id))
        self.listColumnKeys = Set(listProbes.flatMap { probe -> [String] in
            guard case .list(let columns) = probe.shape else { return [] }
            return columns.flatMap(\.keys)
        })
        self.longestKey = longest + 8
        self.keysByLength = (Array(scalarKeys.keys) + Array(seriesKeys.keys))
            .map { ($0, $0.unicodeScalars.count) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .map(\.0)
    }
}

struct LayoutScanner {
    let index: LabelIndex
    private var scalarKeys: [String: String] { index.scalarKeys }
    private var seriesKeys: [String: String] { index.seriesKeys }
    private var listProbes: [FieldProbe] { index.listProbes }
    private var longestKey: Int { index.longestKey }
    private var keysByLength: [String] { index.keysByLength }
    /// Keys of the texts of this document, derived once each.
    private let cache = LabelText.Cache()

    private let cellTexts = CellTexts()

    init(index: LabelIndex) {
        self.index = index
    }

    /// A cell's text with its locations, built once per cell per scan.
    private func text(of cell: OOXML.Cell) -> LocatedText {
        cellTexts.text(of: cell)
    }

    init(probes: [FieldProbe]) {
        self.init(index: LabelIndex(probes: probes))
    }

    /// The label that ends at `colon`: the longest form key that the text
    /// before the colon ends with (申报单位名称 over 名称), compared as keys so
    /// width, spacing, numbering and brackets do not matter; a trailing
    /// bracket may be a unit (集群总产值（万元）). Nil when none does.
    private func labelEnding(at colon: Int, in scalars: [Unicode.Scalar], from boundary: Int) -> (start: Int, match: LabelMatch)? {
        let earliest = max(boundary, colon - longestKey)
        guard earliest < colon else { return nil }
        var end = colon
        // Trailing colons/spaces are not part of the label.
        for attempt in 0..<2 {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[earliest..<end])
            let text = String(view)
            let key = TextNormalizer.labelKey(text)
            if !key.isEmpty, let found = keysByLength.first(where: { key.hasSuffix($0) }) {
                // Walk back over as many kept scalars as the key holds.
                var remaining = found.unicodeScalars.count
                var start = end
                while start > earliest, remaining > 0 {
                    start -= 1
                    if let folded = TextNormalizer.halfWidth(scalars[start]), !TextNormalizer.droppedFromKey(folded) {
                        remaining -= 1
                    }
                }
                var span = String.UnicodeScalarView()
                span.append(contentsOf: scalars[start..<colon])
                let unit = cache.keys(String(span)).unit
                if let field = scalarKeys[found] { return (start, LabelMatch(field: field, unit: unit, isSeries: false)) }
                if let field = seriesKeys[found] { return (start, LabelMatch(field: field, unit: unit, isSeries: true)) }
            }
            // Second attempt: without a trailing bracket, which may name a unit.
            guard attempt == 0, let bracket = trailingBracketStart(scalars, from: earliest, to: colon) else { break }
            end = bracket
        }
        return nil
    }

    /// Where a trailing "（…）" before `end` opens, if the text ends with one.
    private func trailingBracketStart(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> Int? {
        var last = end - 1
        while last >= start, scalars[last] == " " || scalars[last] == "\u{3000}" { last -= 1 }
        guard last > start, scalars[last] == "）" || scalars[last] == ")" else { return nil }
        var index = last - 1
        while index >= start {
            if scalars[index] == "（" || scalars[index] == "(" { return index > start ? index : nil }
            index -= 1
        }
        return nil
    }

    // MARK: Labels

    /// A label cell's match: the field and the unit its label names.
    struct LabelMatch: Equatable {
        let field: String
        let unit: String?
        let isSeries: Bool
    }

    func match(label text: String, prefix: String? = nil) -> LabelMatch? {
        let (keys, unit) = cache.keys(text)
        if let prefix {
            let (prefixKeys, _) = cache.keys(prefix)
            for p in prefixKeys {
                for key in keys {
                    if let field = scalarKeys[p + key] { return LabelMatch(field: field, unit: unit, isSeries: false) }
                    if let field = seriesKeys[p + key] { return LabelMatch(field: field, unit: unit, isSeries: true) }
                }
            }
        }
        for key in keys {
            if let field = scalarKeys[key] { return LabelMatch(field: field, unit: unit, isSeries: false) }
            if let field = seriesKeys[key] { return LabelMatch(field: field, unit: unit, isSeries: true) }
        }
        return nil
    }

    // MARK: Scan

    func scan(_ document: WordDocument) -> RawFields {
        var found = RawFields()
        scan(blocks: document.body, into: &found)
        return found
    }

    private func scan(blocks: [Block], into found: inout RawFields) {
        for (position, block) in blocks.enumerated() {
            switch block {
            case .paragraph(let paragraph):
                switch scanPairs(in: paragraph, into: &found) {
                case .labelOnly(let match) where found.labels[match.field] == nil:
                    // "集群名称：" with nothing after it: the label is there, its value is not
                    // — unless the next line is the value (申报单位（盖章）： / 江阴市工业和信息化局).
                    found.labels[match.field] = LocatedText(paragraph: paragraph, range: 0..<paragraph.length)
                    if found.scalars[match.field] == nil, index.paragraphFields.contains(match.field),
                       let value = valueLine(after: position, in: blocks) {
                        found.scalars[match.field] = RawFields.Scalar(value: value, labelUnit: match.unit)
                    }
                case .none:
                    headingAnswer(paragraph, followedBy: blocks[(position + 1)...], into: &found)
                default:
                    break
                }
            case .textBox(let box):
                scan(blocks: box.blocks, into: &found)
            case .table(let table):
                scan(table: table, into: &found)
                for row in table.rows {
                    for cell in row.cells {
                        for case .table(let nested) in cell.blocks { scan(table: nested, into: &found) }
                        for case .textBox(let box) in cell.blocks { scan(blocks: box.blocks, into: &found) }
                    }
                }
            }
        }
    }

    /// Pairs side by side on one line whose next label is not a form label
    /// ("省级集群认定文号：苏工信中小〔2022〕389号    认定年份：2022年"): the value
    /// ends at the last wide gap (two spaces, a tab or an ideographic space)
    /// before a colon whose label has a letter or ideograph in it. A value
    /// with a wide gap and no colon after it keeps its gap.
    static func endBeforeUnknownPair(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        guard let colon = scalars[start..<end].firstIndex(where: { $0 == "：" || $0 == ":" }) else { return end }
        func space(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\u{3000}" }
        var gap: Int?
        var index = colon - 1
        while index > start {
            if space(scalars[index]) && (scalars[index] == "\u{3000}" || scalars[index] == "\t" || space(scalars[index - 1])) {
                gap = index
                break
            }
            index -= 1
        }
        guard var cut = gap else { return end }
        let label = scalars[(cut + 1)..<colon]
        guard label.contains(where: { $0.properties.isAlphabetic }) else { return end }
        while cut > start && space(scalars[cut - 1]) { cut -= 1 }
        // Nothing before the gap: the gap opens the value, not a second pair.
        return scalars[start..<cut].contains(where: { !space($0) }) ? cut : end
    }

    /// A numbered line (a heading) or one that is a form label itself.
    private func isHeadingOrLabel(_ text: String) -> Bool {
        LabelText.stripNumbering(text) != TextNormalizer.normalize(text) || (text.count <= 40 && match(label: text) != nil)
    }

    /// The line right after a label that ends in a colon (or a text box
    /// anchored on it), when it reads as a value: short, not numbered, not a
    /// label, no 标签：值 of its own.
    private func valueLine(after position: Int, in blocks: [Block]) -> LocatedText? {
        guard position + 1 < blocks.count else { return nil }
        // The next paragraph, or a text box anchored on the label's line.
        let next: Paragraph
        switch blocks[position + 1] {
        case .paragraph(let paragraph): next = paragraph
        case .textBox(let box):
            guard let first = box.blocks.first, case .paragraph(let paragraph) = first else { return nil }
            next = paragraph
        case .table: return nil
        }
        let value = LocatedText(paragraph: next, range: 0..<next.length).trimmed()
        let text = value.text
        guard !value.isBlank, text.count <= 60, !text.contains("："), !text.contains(":"),
              !isHeadingOrLabel(text) else { return nil }
        // A note under the label is not its value: （按国民经济行业分类填写）, 注…, 说明…
        let normalized = TextNormalizer.normalize(text)
        if normalized.hasPrefix("("), normalized.hasSuffix(")") { return nil }
        if ["注", "说明", "填表说明", "备注", "请"].contains(where: { normalized.hasPrefix($0) }) { return nil }
        return value
    }

    /// A heading that is a free-text field's label ("（一）集群发展监测分析"),
    /// answered by the paragraphs under it up to the next heading, label,
    /// blank line or table.
    private func headingAnswer(_ heading: Paragraph, followedBy rest: ArraySlice<Block>, into found: inout RawFields) {
        guard heading.length <= 40, let named = match(label: heading.text), index.paragraphFields.contains(named.field),
              found.scalars[named.field] == nil else { return }
        var answer: [Paragraph] = []
        for block in rest {
            guard case .paragraph(let paragraph) = block else { break }
            let text = paragraph.text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                if answer.isEmpty { continue }
                break
            }
            // The next heading: numbered, or itself a label, or a 标签：值 line
            // of another field (日期：2024年5月6日).
            if isHeadingOrLabel(text) {
                break
            }
            if let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }), text.distance(from: text.startIndex, to: colon) <= 40,
               match(label: String(text[..<colon])) != nil {
                break
            }
            answer.append(paragraph)
        }
        if found.labels[named.field] == nil { found.labels[named.field] = LocatedText(paragraph: heading, range: 0..<heading.length) }
        guard !answer.isEmpty else { return }
        found.scalars[named.field] = RawFields.Scalar(value: LocatedText(paragraphs: answer), labelUnit: nil)
    }

    /// `标签：值` pairs in a paragraph, several per paragraph allowed.
    /// What a paragraph of `标签：值` pairs gave.
    private enum PairsResult {
        case none
        /// At least one pair with a value.
        case values
        /// Only a label ending in a colon, its value elsewhere ("集群名称：" | 值).
        case labelOnly(LabelMatch)
    }

    @discardableResult
    private func scanPairs(in paragraph: Paragraph, into found: inout RawFields) -> PairsResult {
        let scalars = Array(paragraph.text.unicodeScalars)
        var colons: [Int] = []
        for (index, scalar) in scalars.enumerated() where scalar == "：" || scalar == ":" {
            colons.append(index)
        }
        guard !colons.isEmpty else { return .none }
        // Each colon preceded by a known label starts a pair.
        var pairs: [(labelStart: Int, colon: Int, match: LabelMatch)] = []
        var boundary = 0
        for colon in colons {
            if var best = labelEnding(at: colon, in: scalars, from: boundary) {
                // Keys ignore brackets and spaces: a label found as "（统一社会信用代码"
                // starts after its bracket, which then tells where the value ends.
                while best.start < colon, "（(【[ 　\t".unicodeScalars.contains(scalars[best.start]) { best.start += 1 }
                pairs.append((best.start, colon, best.match))
                boundary = colon + 1
            }
        }
        guard !pairs.isEmpty else { return .none }
        var valued = false
        for (index, pair) in pairs.enumerated() {
            var end = index + 1 < pairs.count ? pairs[index + 1].labelStart : scalars.count
            // A pair inside brackets ends at the closing bracket:
            // 本单位……（统一社会信用代码：…）郑重声明.
            if pair.labelStart > 0, "（(".unicodeScalars.contains(scalars[pair.labelStart - 1]),
               let close = scalars[(pair.colon + 1)..<end].firstIndex(where: { "）)".unicodeScalars.contains($0) }) {
                end = close
            }
            end = Self.endBeforeUnknownPair(scalars, from: pair.colon + 1, to: end)
            let value = LocatedText(paragraph: paragraph, range: (pair.colon + 1)..<end, scalars: scalars).trimmed()
            if pairs.count == 1, value.isBlank {
                return .labelOnly(pair.match)
            }
            valued = true
            let label = LocatedText(paragraph: paragraph, range: pair.labelStart..<pair.colon, scalars: scalars)
            record(pair.match, value: value, label: label, into: &found)
        }
        return valued ? .values : .none
    }

    private func record(_ match: LabelMatch, value: LocatedText, label: LocatedText, into found: inout RawFields) {
        if found.labels[match.field] == nil { found.labels[match.field] = label }
        guard !value.isBlank else { return }
        if match.isSeries { return }  // a series needs its years; a bare pair cannot give them
        if found.scalars[match.field] == nil {
            found.scalars[match.field] = RawFields.Scalar(value: value, labelUnit: match.unit)
        }
    }

    // MARK: Tables

    private enum RowContext {
        case none
        case years(columns: [Int: Int], unitColumn: Int?)
        case transposed(fields: [Int: LabelMatch], yearColumn: Int)
        case list(field: String, columns: [Int: String])
        /// A checklist: a 是 column and a 否 column, a mark in one per row.
        case choices(yes: Int, no: Int)
    }

    private func scan(table: Table, into found: inout RawFields) {
        let grid = table.grid
        var context = RowContext.none
        var rowIndex = 0
        while rowIndex < grid.count {
            let row = grid[rowIndex]
            let cells = distinctCells(row)
            if let columns = choiceHeader(cells) {
                context = .choices(yes: columns.yes, no: columns.no)
                rowIndex += 1
                continue
            }
            if let header = listHeader(cells) {
                context = .list(field: header.field, columns: header.columns)
                if found.lists[header.field] == nil { found.lists[header.field] = [] }
                rowIndex += 1
                continue
            }
            if let years = yearHeader(row) {
                context = .years(columns: years.columns, unitColumn: years.unitColumn)
                rowIndex += 1
                continue
            }
            if let transposed = transposedHeader(grid, rowIndex) {
                // The header cell is each series' label: a comment on a year
                // left empty goes there.
                for (column, match) in transposed where found.labels[match.field] == nil {
                    if let cell = row[column] { found.labels[match.field] = text(of: cell) }
                }
                context = .transposed(fields: transposed, yearColumn: 0)
                rowIndex += 1
                continue
            }
            switch context {
            case .list(let field, let columns):
                if let entry = listRow(row, columns: columns) {
                    found.lists[field, default: []].append(entry)
                    rowIndex += 1
                    continue
                }
                // Blank template rows and rows holding only a 序号 stay in the list;
                // a row with a form label ends it.
                let hasLabel = cells.contains { match(label: text(of: $0.cell).text) != nil }
                if !hasLabel {
                    rowIndex += 1
                    continue
                }
                context = .none
            case .years(let columns, let unitColumn):
                if let first = cells.first, let match = match(label: text(of: first.cell).text), match.isSeries {
                    var series = found.series[match.field] ?? RawFields.Series()
                    series.labelUnit = series.labelUnit ?? match.unit
                    if let unitColumn, let unitCell = row[unitColumn] {
                        let unit = text(of: unitCell).text.trimmingCharacters(in: .whitespaces)
                        if !unit.isEmpty { series.unit = unit }
                    }
                    for (column, year) in columns where series.values[year] == nil {
                        if let cell = row[column] {
                            let value = text(of: cell).trimmed()
                            if !value.isBlank { series.values[year] = value }
                        }
                    }
                    if found.labels[match.field] == nil { found.labels[match.field] = text(of: first.cell) }
                    found.series[match.field] = series
                    rowIndex += 1
                    continue
                }
            case .transposed(let fields, let yearColumn):
                if let yearCell = row[yearColumn], let year = LabelText.year(text(of: yearCell).text) {
                    for (column, match) in fields {
                        guard let cell = row[column] else { continue }
                        let value = text(of: cell).trimmed()
                        guard !value.isBlank else { continue }
                        var series = found.series[match.field] ?? RawFields.Series()
                        series.labelUnit = series.labelUnit ?? match.unit
                        if series.values[year] == nil { series.values[year] = value }
                        found.series[match.field] = series
                    }
                    rowIndex += 1
                    continue
                }
                context = .none
            case .choices(let yes, let no):
                if choiceRow(row, cells: cells, yes: yes, no: no, into: &found) {
                    rowIndex += 1
                    continue
                }
            case .none:
                break
            }
            scanPairs(row: row, cells: cells, grid: grid, rowIndex: rowIndex, into: &found)
            rowIndex += 1
        }
    }

    private struct PlacedCell {
        let column: Int
        let cell: OOXML.Cell
    }

    /// The cells of a grid row in column order, each merged cell once.
    private func distinctCells(_ row: [OOXML.Cell?]) -> [PlacedCell] {
        var result: [PlacedCell] = []
        for (column, cell) in row.enumerated() where Self.startsCell(row, column) {
            result.append(PlacedCell(column: column, cell: cell!))
        }
        return result
    }

    /// True when grid column `column` of `row` holds a cell that does not
    /// continue from the column before: a merged cell covers consecutive
    /// columns of a row, so comparing neighbours finds each cell once.
    private static func startsCell(_ row: [OOXML.Cell?], _ column: Int) -> Bool {
        guard let cell = row[column] else { return false }
        guard column > 0, let previous = row[column - 1] else { return true }
        return previous.path != cell.path
    }

    /// Label|value pairs along a row; a label with no value to its right takes
    /// the cell below. A tall merged label at the row's start is a group
    /// heading that prefixes the labels beside it (运营管理机构 | 名称 → 运营管理机构名称).
    private func scanPairs(row: [OOXML.Cell?], cells: [PlacedCell], grid: [[OOXML.Cell?]], rowIndex: Int,
                           into found: inout RawFields) {
        var groupPrefix: String?
        var index = 0
        while index < cells.count {
            let placed = cells[index]
            let labelText = text(of: placed.cell)
            // A cell holding 标签：值 itself.
            var colonLabel: LabelMatch?
            if labelText.text.contains("：" as Character) || labelText.text.contains(":" as Character) {
                var matchedInside = false
                for paragraph in placed.cell.paragraphs {
                    switch scanPairs(in: paragraph, into: &found) {
                    case .values: matchedInside = true
                    case .labelOnly(let match): colonLabel = match
                    case .none: break
                    }
                }
                if matchedInside {
                    index += 1
                    continue
                }
            }
            // A tall merged cell at the row's start whose text prefixes the
            // next label is a group heading, even when it is a label itself
            // (运营管理机构 | 名称 → 运营管理机构名称, not 运营管理机构 = "名称").
            if index == 0, placed.cell.rowSpan > 1, cells.count > 1,
               let next = self.match(label: text(of: cells[1].cell).text, prefix: labelText.text),
               next != self.match(label: text(of: cells[1].cell).text) {
                groupPrefix = labelText.text
                index += 1
                continue
            }
            let match = colonLabel ?? match(label: labelText.text, prefix: groupPrefix)
            guard let match else {
                // An unmatched cell before any label that spans rows is a group heading.
                if index == 0, placed.cell.rowSpan > 1 || cells.count >= 3 {
                    groupPrefix = labelText.text
                }
                index += 1
                continue
            }
            if match.isSeries {
                index += 1
                continue
            }
            // The value: the next cell to the right unless it is itself a label.
            if index + 1 < cells.count {
                let next = cells[index + 1]
                let nextText = text(of: next.cell)
                if self.match(label: nextText.text, prefix: groupPrefix) == nil {
                    var value = nextText.trimmed()
                    // Option boxes spread over several cells (☐是 | ☑否).
                    var following = index + 2
                    while LabelText.hasBox(value.text), following < cells.count {
                        let more = text(of: cells[following].cell)
                        guard LabelText.hasBox(more.text), self.match(label: more.text) == nil else { break }
                        value = LocatedText(text: value.text + " " + more.text, pieces: value.pieces + more.pieces)
                        following += 1
                    }
                    record(match, value: value, label: labelText, into: &found)
                    index = following
                    continue
                }
            }
            // Otherwise the cell below, in the same column.
            if rowIndex + 1 < grid.count, let below = grid[rowIndex + 1][placed.column], below.path != placed.cell.path {
                let belowText = text(of: below)
                if self.match(label: belowText.text) == nil {
                    record(match, value: belowText.trimmed(), label: labelText, into: &found)
                }
            } else {
                record(match, value: .empty, label: labelText, into: &found)
            }
            index += 1
        }
    }

    /// A row of years (2023, 2023年) after optional label/unit columns.
    private func yearHeader(_ row: [OOXML.Cell?]) -> (columns: [Int: Int], unitColumn: Int?)? {
        var columns: [Int: Int] = [:]
        var unitColumn: Int?
        for (column, cell) in row.enumerated() where Self.startsCell(row, column) {
            let text = text(of: cell!).text
            if let year = LabelText.year(text) {
                columns[column] = year
            } else if LabelText.isUnitHeader(text) {
                unitColumn = column
            }
        }
        return columns.count >= 2 ? (columns, unitColumn) : nil
    }

    /// A header row naming series fields, with years down its first column below.
    private func transposedHeader(_ grid: [[OOXML.Cell?]], _ rowIndex: Int) -> [Int: LabelMatch]? {
        guard rowIndex + 1 < grid.count, let firstBelow = grid[rowIndex + 1].first ?? nil,
              LabelText.year(text(of: firstBelow).text) != nil else { return nil }
        var fields: [Int: LabelMatch] = [:]
        let row = grid[rowIndex]
        // From column 1 on (a cell spanning columns 0 and 1 counts at 1).
        for (column, cell) in row.enumerated() where column > 0 {
            guard let cell, column == 1 || Self.startsCell(row, column) else { continue }
            if let match = match(label: text(of: cell).text), match.isSeries { fields[column] = match }
        }
        return fields.isEmpty ? nil : fields
    }

    /// A checklist header: one cell saying 是 and one saying 否 (marks and
    /// brackets aside: 是（√）), right of at least one other cell.
    private func choiceHeader(_ cells: [PlacedCell]) -> (yes: Int, no: Int)? {
        guard cells.count >= 3 else { return nil }
        var yes: Int?
        var no: Int?
        for placed in cells {
            // 是, 否, 是（√）: a few characters; anything longer is not this header.
            let raw = text(of: placed.cell).text
            guard raw.utf8.count <= 24, raw.contains("是" as Character) || raw.contains("否" as Character) else { continue }
            let key = TextNormalizer.labelKey(raw).filter { $0 != "√" && $0 != "✓" }
            if key == "是" {
                guard yes == nil else { return nil }
                yes = placed.column
            } else if key == "否" {
                guard no == nil else { return nil }
                no = placed.column
            }
        }
        guard let yes, let no, let first = cells.first, first.column < min(yes, no) else { return nil }
        return (yes, no)
    }

    /// One checklist row: its label (left of the 是/否 columns) names a
    /// field, and the column holding a mark gives the answer — "是" or "否",
    /// located on the mark, so a comment lands on it. Both marked reads as
    /// both ticked (unparseable); neither leaves the field missing but its
    /// label found. False when the row's label names no field.
    private func choiceRow(_ row: [OOXML.Cell?], cells: [PlacedCell], yes: Int, no: Int,
                           into found: inout RawFields) -> Bool {
        // The label is the nearest cell left of the answer columns that names
        // a field (a 序号 column may come first).
        var labelled: (label: LocatedText, match: LabelMatch)?
        for placed in cells.reversed() where placed.column < min(yes, no) {
            let candidate = text(of: placed.cell)
            if let found = match(label: candidate.text), index.yesNoFields.contains(found.field) {
                labelled = (candidate, found)
                break
            }
        }
        guard let (label, match) = labelled else { return false }
        func mark(_ column: Int) -> LocatedText? {
            guard column < row.count, let cell = row[column] else { return nil }
            let value = text(of: cell).trimmed()
            // Blank, "/", "—", "无" or an empty box is no mark.
            guard !EmptyMarker.isEmpty(value.text),
                  !value.text.allSatisfy({ MarkedOptions.untickedMarks.contains($0) || $0.isWhitespace }) else { return nil }
            return value
        }
        if found.labels[match.field] == nil { found.labels[match.field] = label }
        guard found.scalars[match.field] == nil else { return true }
        switch (mark(yes), mark(no)) {
        case (let marked?, nil):
            found.scalars[match.field] = RawFields.Scalar(value: LocatedText(text: "是", pieces: marked.pieces), labelUnit: nil)
        case (nil, let marked?):
            found.scalars[match.field] = RawFields.Scalar(value: LocatedText(text: "否", pieces: marked.pieces), labelUnit: nil)
        case (let first?, let second?):
            found.scalars[match.field] = RawFields.Scalar(value: LocatedText(text: "☑是 ☑否", pieces: first.pieces + second.pieces),
                                                          labelUnit: nil)
        case (nil, nil):
            break
        }
        return true
    }

    /// A header row naming at least two columns of one list field.
    private func listHeader(_ cells: [PlacedCell]) -> (field: String, columns: [Int: String])? {
        var best: (field: String, columns: [Int: String])?
        guard !listProbes.isEmpty else { return nil }
        // Each cell's keys once for the row, not once per list.
        let row = cells.map { placed -> (column: Int, keys: [String], filler: Bool) in
            let text = self.text(of: placed.cell).text
            let keys = cache.keys(text).keys
            return (placed.column, keys, keys.first.map(LabelText.isListFillerKey) ?? false)
        }
        // Most rows are data: no cell names any list column.
        guard row.contains(where: { $0.keys.contains(where: index.listColumnKeys.contains) }) else { return nil }
        for probe in listProbes {
            guard case .list(let columnProbes) = probe.shape else { continue }
            var columns: [Int: String] = [:]
            var others = 0
            for cell in row {
                if let column = columnProbes.first(where: { probe in cell.keys.contains { probe.keys.contains($0) } }),
                   !columns.values.contains(column.id) {
                    columns[cell.column] = column.id
                } else if !cell.keys.isEmpty, !cell.filler {
                    others += 1
                }
            }
            // A header names most of its columns and little else; a label|value
            // row (单位名称 | X | 统一社会信用代码 | Y) has values between its labels.
            let needed = columnProbes.count > 3 ? 3 : min(2, columnProbes.count)
            if columns.count >= needed, others <= 1, columns.count > (best?.columns.count ?? 0) {
                best = (probe.id, columns)
            }
        }
        return best
    }

    /// One data row of a list; nil when every mapped column is blank, and for
    /// a 合计/小计 row, which sums the list rather than belonging to it.
    private func listRow(_ row: [OOXML.Cell?], columns: [Int: String]) -> RawFields.ListRow? {
        for (column, cell) in row.enumerated() where Self.startsCell(row, column) {
            let text = text(of: cell!).text
            // Every key holds 计 or 数: most cells are ruled out without a key.
            if text.utf8.count <= 24, text.contains(where: { $0 == "计" || $0 == "数" }),
               Self.totalRowKeys.contains(TextNormalizer.labelKey(text)) { return nil }
        }
        var entry: RawFields.ListRow = [:]
        for (column, id) in columns {
            guard column < row.count, let cell = row[column] else { continue }
            let value = text(of: cell).trimmed()
            if !value.isBlank { entry[id] = value }
        }
        if entry.isEmpty { return nil }
        // A row that restates the header (a repeated header row) is not data.
        let isHeaderAgain = columns.allSatisfy { column, id in
            guard let cell = row[column] else { return false }
            return listColumnKeys(id).contains { cache.keys(text(of: cell).text).keys.contains($0) }
        }
        return isHeaderAgain ? nil : entry
    }

    static let totalRowKeys: Set<String> = ["合计", "小计", "总计", "共计", "合计数", "总数"]

    private func listColumnKeys(_ id: String) -> Set<String> {
        for probe in listProbes {
            if case .list(let columns) = probe.shape, let column = columns.first(where: { $0.id == id }) {
                return column.keys
            }
        }
        return []
    }
}

/// The texts of one document's cells, each built once: a scan looks at the
/// same cell as a label, a value, a header and a list entry.
final class CellTexts {
    private var texts: [BlockPath: LocatedText] = [:]

    func text(of cell: OOXML.Cell) -> LocatedText {
        if let known = texts[cell.path] { return known }
        let text = LocatedText(cell: cell)
        texts[cell.path] = text
        return text
    }
}
