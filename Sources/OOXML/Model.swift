import Foundation

/// One step of a block path: where a block sits inside its container.
/// Indices are 0-based; `description` shows them 1-based, as a person counts.
public enum PathStep: Hashable, Sendable {
    case paragraph(Int)
    case table(Int)
    case row(Int)
    case cell(Int)
    case textBox(Int)
}

/// Where a block sits: the part and the path of steps inside it.
public struct BlockPath: Hashable, Sendable, CustomStringConvertible {
    public let part: String
    public let steps: [PathStep]

    public init(part: String, steps: [PathStep]) {
        self.part = part
        self.steps = steps
    }

    func appending(_ step: PathStep) -> BlockPath {
        BlockPath(part: part, steps: steps + [step])
    }

    /// `p3`, `t1/r2/c3/p1`: compact, for dumps and logs.
    public var description: String {
        steps.map { step -> String in
            switch step {
            case .paragraph(let n): return "p\(n + 1)"
            case .table(let n): return "t\(n + 1)"
            case .row(let n): return "r\(n + 1)"
            case .cell(let n): return "c\(n + 1)"
            case .textBox(let n): return "txbx\(n + 1)"
            }
        }.joined(separator: "/")
    }

    /// `表2 第3行 第2列 第1段`: how a reviewer finds the place in Word.
    public var chineseDescription: String {
        steps.map { step -> String in
            switch step {
            case .paragraph(let n): return "第\(n + 1)段"
            case .table(let n): return "表\(n + 1)"
            case .row(let n): return "第\(n + 1)行"
            case .cell(let n): return "第\(n + 1)列"
            case .textBox(let n): return "文本框\(n + 1)"
            }
        }.joined(separator: " ")
    }
}

/// A stretch of a paragraph's text that came from one run: characters
/// `textRange` of the paragraph (Unicode scalar offsets) are characters
/// `runOffset ..< runOffset + count` of the visible text of run `run`, the
/// run's 0-based position among all `w:r` elements of the part in document
/// order (deleted and fallback runs included, so a writer counting every
/// `w:r` finds the same run).
public struct TextSegment: Hashable, Sendable {
    public let textRange: Range<Int>
    public let run: Int
    public let runOffset: Int
    /// True for characters the reader put there rather than a `w:t`: a
    /// checkbox glyph for a form field, a tab or break.
    public let synthetic: Bool
}

/// A checkbox found in a paragraph: legacy FORMCHECKBOX or w14:checkbox
/// content control. Its glyph (☑ or ☐) is in the text at `offset`.
public struct Checkbox: Hashable, Sendable {
    public let offset: Int
    public let checked: Bool
    public let kind: Kind

    public init(offset: Int, checked: Bool, kind: Kind) {
        self.offset = offset
        self.checked = checked
        self.kind = kind
    }

    public enum Kind: String, Sendable {
        case formField
        case contentControl
    }
}

/// A paragraph as a person sees it, with where every character came from.
public struct Paragraph: Sendable {
    public let path: BlockPath
    public let text: String
    public let segments: [TextSegment]
    public let checkboxes: [Checkbox]
    /// The paragraph style id (`w:pStyle`), e.g. "Heading1", "Title".
    public let style: String?
    /// Tags/aliases of the content controls the paragraph's text sits in.
    public let contentControls: [ContentControl]

    /// Scalar count of `text`.
    public var length: Int { segments.last?.textRange.upperBound ?? 0 }

    /// The run spans covering `range` (scalar offsets into `text`).
    public func runSpans(covering range: Range<Int>) -> [RunSpan] {
        var spans: [RunSpan] = []
        for segment in segments where segment.textRange.overlaps(range) && !segment.synthetic {
            let lower = max(range.lowerBound, segment.textRange.lowerBound)
            let upper = min(range.upperBound, segment.textRange.upperBound)
            let start = segment.runOffset + (lower - segment.textRange.lowerBound)
            let end = segment.runOffset + (upper - segment.textRange.lowerBound)
            if let last = spans.last, last.run == segment.run, last.end == start {
                spans[spans.count - 1] = RunSpan(run: last.run, start: last.start, end: end)
            } else {
                spans.append(RunSpan(run: segment.run, start: start, end: end))
            }
        }
        return spans
    }
}

/// Characters `start ..< end` of the visible text of run `run`.
public struct RunSpan: Hashable, Sendable {
    public let run: Int
    public let start: Int
    public let end: Int

    public init(run: Int, start: Int, end: Int) {
        self.run = run
        self.start = start
        self.end = end
    }
}

/// A content control (`w:sdt`) around some text.
public struct ContentControl: Hashable, Sendable {
    public let tag: String?
    public let alias: String?

    public init(tag: String?, alias: String?) {
        self.tag = tag
        self.alias = alias
    }
}

/// A table cell in the logical grid: merged cells appear once, knowing their span.
public struct Cell: Sendable {
    public let path: BlockPath
    /// 0-based grid column where the cell starts.
    public let column: Int
    public let columnSpan: Int
    /// Rows covered (vMerge resolved); 1 when not merged vertically.
    public let rowSpan: Int
    public let blocks: [Block]

    /// The cell's paragraphs' text joined by newlines (nested tables' text included).
    public var text: String {
        blocks.map(\.text).joined(separator: "\n")
    }

    /// The cell's own paragraphs (not those of nested tables).
    public var paragraphs: [Paragraph] {
        blocks.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
    }
}

public struct Row: Sendable {
    public let path: BlockPath
    /// Cells starting in this row, in column order (vMerge continuations left out).
    public let cells: [Cell]
    /// `w:tblHeader`: repeated as a header row on each page.
    public let isHeader: Bool
}

public struct Table: Sendable {
    public let path: BlockPath
    public let rows: [Row]
    public let columnCount: Int

    /// The cell covering grid position (`row`, `column`), following merges.
    public func cell(row: Int, column: Int) -> Cell? {
        guard row >= 0, row < rows.count else { return nil }
        for r in stride(from: row, through: 0, by: -1) {
            for cell in rows[r].cells where cell.column <= column && column < cell.column + cell.columnSpan {
                return r + cell.rowSpan > row ? cell : nil
            }
        }
        return nil
    }

    /// Each row as grid-ordered cells, merged cells repeated in every position
    /// they cover (a reader's view for label/value lookup).
    /// Built in one pass over the cells: a merged cell is written into every
    /// position it spans (linear in rows × columns, whatever the merges).
    public var grid: [[Cell?]] {
        var result = Array(repeating: [Cell?](repeating: nil, count: columnCount), count: rows.count)
        for (r, row) in rows.enumerated() {
            for cell in row.cells {
                let lastRow = min(r + cell.rowSpan, rows.count)
                let lastColumn = min(cell.column + cell.columnSpan, columnCount)
                guard cell.column < lastColumn else { continue }
                for covered in r..<lastRow {
                    for column in cell.column..<lastColumn where result[covered][column] == nil {
                        result[covered][column] = cell
                    }
                }
            }
        }
        return result
    }
}

/// A text box (`w:txbxContent`), read as blocks of its own.
public struct TextBox: Sendable {
    public let path: BlockPath
    public let blocks: [Block]
}

public enum Block: Sendable {
    case paragraph(Paragraph)
    case table(Table)
    case textBox(TextBox)

    public var text: String {
        switch self {
        case .paragraph(let p): return p.text
        case .table(let t):
            return t.rows.map { row in row.cells.map(\.text).joined(separator: "\t") }.joined(separator: "\n")
        case .textBox(let box): return box.blocks.map(\.text).joined(separator: "\n")
        }
    }

    public var path: BlockPath {
        switch self {
        case .paragraph(let p): return p.path
        case .table(let t): return t.path
        case .textBox(let b): return b.path
        }
    }

    /// Every paragraph in this block, depth first, nested tables and text boxes included.
    public var allParagraphs: [Paragraph] {
        Block.paragraphs(of: [self], upTo: .max)
    }

    /// The first `limit` paragraphs of `blocks`, depth first, gathered into
    /// one array (no array per table, row and cell).
    static func paragraphs(of blocks: [Block], upTo limit: Int) -> [Paragraph] {
        var result: [Paragraph] = []
        func visit(_ blocks: [Block]) -> Bool {
            for block in blocks {
                switch block {
                case .paragraph(let paragraph):
                    result.append(paragraph)
                    if result.count >= limit { return false }
                case .table(let table):
                    for row in table.rows {
                        for cell in row.cells where !visit(cell.blocks) { return false }
                    }
                case .textBox(let box):
                    if !visit(box.blocks) { return false }
                }
            }
            return true
        }
        if limit > 0 { _ = visit(blocks) }
        return result
    }
}

/// A part other than the body that carries text: header, footer, footnotes, endnotes.
public struct SidePart: Sendable {
    public enum Kind: String, Sendable {
        case header, footer, footnotes, endnotes, comments
    }
    public let kind: Kind
    public let part: String
    public let blocks: [Block]
}

/// A Word document read into Swift values.
public struct WordDocument: Sendable {
    public let fileName: String
    public let format: PackageFormat
    /// The main document part ("/word/document.xml").
    public let mainPart: String
    public let body: [Block]
    /// Headers, footers and notes, kept apart from the body.
    public let sideParts: [SidePart]

    /// Every body paragraph in reading order, including those in tables and text boxes.
    public var allParagraphs: [Paragraph] {
        Block.paragraphs(of: body, upTo: .max)
    }

    /// The first `limit` body paragraphs in reading order.
    public func paragraphs(upTo limit: Int) -> [Paragraph] {
        Block.paragraphs(of: body, upTo: limit)
    }

    /// The tables of the body, nested tables included, outermost first.
    public var allTables: [Table] {
        var result: [Table] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .table(let t):
                    result.append(t)
                    for row in t.rows { for cell in row.cells { visit(cell.blocks) } }
                case .textBox(let b): visit(b.blocks)
                case .paragraph: break
                }
            }
        }
        visit(body)
        return result
    }
}
