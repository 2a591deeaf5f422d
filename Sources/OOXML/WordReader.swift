import Foundation

/// Reads the WordprocessingML of one part into blocks, keeping for every
/// character the run it came from.
///
/// Visible text follows what Word shows: tracked insertions and moves-to are
/// in, deletions and moves-from are out; of a complex field only the result
/// (between `separate` and `end`) is in; legacy checkboxes and w14 checkbox
/// content controls show as ☑/☐; `mc:AlternateContent` is read once (its
/// first Choice, else its Fallback); text boxes become blocks of their own,
/// placed after the paragraph that anchors them.
struct PartReader {
    let part: String
    let origin: String
    let limits: ReadLimits

    private var namespaces = NamespaceClassifier()
    /// Ordinal of the next `w:r` in document order over the whole part.
    private var nextRun = 0
    private var fields: [FieldState] = []
    private var textBoxCount = 0
    /// Content controls showing their placeholder text, nested: their runs
    /// are counted (comments stay on the right run) but their text is not read.
    private var placeholders = 0

    /// Word's own limit on table columns.
    static let maxGridColumns = 63

    init(part: String, origin: String, limits: ReadLimits) {
        self.part = part
        self.origin = origin
        self.limits = limits
    }

    private struct FieldState {
        var inResult = false
    }

    /// What a paragraph is being built from while its inline content is walked.
    private struct ParagraphBuilder {
        var scalars = String.UnicodeScalarView()
        var length = 0
        var segments: [TextSegment] = []
        var checkboxes: [Checkbox] = []
        var contentControls: [ContentControl] = []
        var pendingTextBoxes: [Block] = []
        /// Set inside a w14:checkbox content control: box glyphs show its state.
        var checkboxState: Bool?
        var checkboxGlyphSeen = false

        mutating func append(_ text: String, run: Int, runOffset: Int, synthetic: Bool) {
            var count = 0
            for scalar in text.unicodeScalars {
                scalars.append(scalar)
                count += 1
            }
            guard count > 0 else { return }
            if let last = segments.last, last.run == run, !synthetic, !last.synthetic,
               last.textRange.upperBound == length, last.runOffset + last.textRange.count == runOffset {
                segments[segments.count - 1] = TextSegment(
                    textRange: last.textRange.lowerBound..<(length + count), run: run,
                    runOffset: last.runOffset, synthetic: false)
            } else {
                segments.append(TextSegment(textRange: length..<(length + count), run: run,
                                            runOffset: runOffset, synthetic: synthetic))
            }
            length += count
        }
    }

    // MARK: Blocks

    /// Reads the block-level children of `container` (body, cell, text box, note).
    mutating func readBlocks(_ container: XMLElement, path: BlockPath, depth: Int) throws -> [Block] {
        var blocks: [Block] = []
        var paragraphIndex = 0
        var tableIndex = 0
        try readBlockChildren(container, path: path, depth: depth, into: &blocks,
                              paragraphIndex: &paragraphIndex, tableIndex: &tableIndex)
        return blocks
    }

    private mutating func readBlockChildren(
        _ container: XMLElement, path: BlockPath, depth: Int, into blocks: inout [Block],
        paragraphIndex: inout Int, tableIndex: inout Int
    ) throws {
        try checkDepth(depth, container)
        for child in container.children {
            let kind = namespaces.kind(of: child)
            switch (kind, child.name) {
            case (.word, "p"):
                let (paragraph, boxes) = try readParagraph(child, path: path.appending(.paragraph(paragraphIndex)), depth: depth + 1)
                paragraphIndex += 1
                blocks.append(.paragraph(paragraph))
                blocks.append(contentsOf: boxes)
            case (.word, "tbl"):
                let table = try readTable(child, path: path.appending(.table(tableIndex)), depth: depth + 1)
                tableIndex += 1
                blocks.append(.table(table))
            case (.word, "sdt"):
                if let content = child.firstChild("sdtContent", child.namespaceURI ?? "") {
                    let placeholder = showsPlaceholder(child)
                    if placeholder { placeholders += 1 }
                    try readBlockChildren(content, path: path, depth: depth + 1, into: &blocks,
                                          paragraphIndex: &paragraphIndex, tableIndex: &tableIndex)
                    if placeholder { placeholders -= 1 }
                }
            case (.word, "customXml"), (.word, "ins"), (.word, "moveTo"):
                try readBlockChildren(child, path: path, depth: depth + 1, into: &blocks,
                                      paragraphIndex: &paragraphIndex, tableIndex: &tableIndex)
            case (.word, "del"), (.word, "moveFrom"):
                skip(child)
            case (.markupCompatibility, "AlternateContent"):
                let (chosen, later) = choose(child)
                if let chosen {
                    try readBlockChildren(chosen, path: path, depth: depth + 1, into: &blocks,
                                          paragraphIndex: &paragraphIndex, tableIndex: &tableIndex)
                }
                later.forEach { skip($0) }
            default:
                // sectPr, bookmarks, proofing marks: nothing visible, but any
                // runs inside must still be counted.
                skip(child)
            }
        }
    }

    // MARK: Tables

    private struct CellDraft {
        var path: BlockPath
        var column: Int
        var columnSpan: Int
        var rowSpan: Int
        var blocks: [Block]
    }

    private mutating func readTable(_ table: XMLElement, path: BlockPath, depth: Int) throws -> Table {
        try checkDepth(depth, table)
        var gridColumns = 0
        var rowElements: [Collected] = []
        collectRows(table, into: &rowElements, gridColumns: &gridColumns, placeholder: false)

        var rows: [(path: BlockPath, cells: [CellDraft], isHeader: Bool)] = []
        // For each grid column, the (row, cell) index of an open vertical merge.
        var openMerges: [Int: (row: Int, cell: Int)] = [:]
        for item in rowElements {
            guard case .element(let rowElement, let rowPlaceholder) = item else {
                if case .skipped(let element) = item { skip(element) }
                continue
            }
            let properties = rowElement.firstChild("trPr", rowElement.namespaceURI ?? "")
            if let properties, properties.children.contains(where: { $0.name == "del" }) {
                skip(rowElement)  // a tracked row deletion
                continue
            }
            let rowIndex = rows.count
            let rowPath = path.appending(.row(rowIndex))
            let isHeader = properties.map { onOff($0, "tblHeader") } ?? false
            // Word allows 63 grid columns; larger or negative numbers are damage,
            // not layout, and must neither overflow nor size a huge grid.
            var column = min(max(properties.flatMap { intValue($0, "gridBefore") } ?? 0, 0), PartReader.maxGridColumns)
            var cells: [CellDraft] = []
            var cellElements: [Collected] = []
            collectCells(rowElement, into: &cellElements, placeholder: rowPlaceholder)
            for item in cellElements {
                guard case .element(let cellElement, let cellPlaceholder) = item else {
                    if case .skipped(let element) = item { skip(element) }
                    continue
                }
                let cellProperties = cellElement.firstChild("tcPr", cellElement.namespaceURI ?? "")
                let span = min(max(1, cellProperties.flatMap { intValue($0, "gridSpan") } ?? 1), PartReader.maxGridColumns)
                let merge = cellProperties.flatMap { props -> String? in
                    guard let vMerge = props.children.first(where: { $0.name == "vMerge" }) else { return nil }
                    return vMerge.attribute(anyNamespace: "val") ?? "continue"
                }
                if merge == "continue", let origin = openMerges[column] {
                    rows[origin.row].cells[origin.cell].rowSpan += 1
                    // The continuation's own content is not shown by Word.
                    skip(cellElement)
                    column += span
                    continue
                }
                let cellPath = rowPath.appending(.cell(column))
                if cellPlaceholder { placeholders += 1 }
                let blocks = try readBlocks(cellElement, path: cellPath, depth: depth + 2)
                if cellPlaceholder { placeholders -= 1 }
                if merge == "restart" {
                    openMerges[column] = (rowIndex, cells.count)
                } else {
                    openMerges[column] = nil
                }
                cells.append(CellDraft(path: cellPath, column: column, columnSpan: span, rowSpan: 1, blocks: blocks))
                column += span
            }
            gridColumns = min(max(gridColumns, column), PartReader.maxGridColumns * 4)
            rows.append((rowPath, cells, isHeader))
        }
        let finished = rows.map { row in
            Row(path: row.path,
                cells: row.cells.map { Cell(path: $0.path, column: $0.column, columnSpan: $0.columnSpan,
                                            rowSpan: $0.rowSpan, blocks: $0.blocks) },
                isHeader: row.isHeader)
        }
        return Table(path: path, rows: finished, columnCount: gridColumns)
    }

    /// A row or cell found by looking through content controls, custom XML
    /// and alternate content, in document order; or what lies between them and
    /// is not read, whose runs are counted when its turn comes, so run ordinals
    /// stay in document order.
    private enum Collected {
        /// With whether a content control around it shows its placeholder.
        case element(XMLElement, placeholder: Bool)
        case skipped(XMLElement)
    }

    /// Rows of a table, looking through row-level content controls and custom XML.
    private mutating func collectRows(_ element: XMLElement, into rows: inout [Collected],
                                      gridColumns: inout Int, placeholder: Bool) {
        for child in element.children {
            switch (namespaces.kind(of: child), child.name) {
            case (.word, "tr"): rows.append(.element(child, placeholder: placeholder))
            case (.word, "tblGrid"):
                gridColumns = min(child.children.filter { $0.name == "gridCol" }.count, PartReader.maxGridColumns * 4)
            case (.word, "sdt"):
                if let content = child.children.first(where: { $0.name == "sdtContent" }) {
                    collectRows(content, into: &rows, gridColumns: &gridColumns, placeholder: placeholder || showsPlaceholder(child))
                }
            case (.word, "customXml"), (.word, "ins"), (.word, "moveTo"):
                collectRows(child, into: &rows, gridColumns: &gridColumns, placeholder: placeholder)
            case (.markupCompatibility, "AlternateContent"):
                let (chosen, later) = choose(child)
                if let chosen { collectRows(chosen, into: &rows, gridColumns: &gridColumns, placeholder: placeholder) }
                rows += later.map { .skipped($0) }
            default:
                rows.append(.skipped(child))
            }
        }
    }

    /// Cells of a row, looking through cell-level content controls and custom XML.
    private mutating func collectCells(_ element: XMLElement, into cells: inout [Collected], placeholder: Bool) {
        for child in element.children {
            switch (namespaces.kind(of: child), child.name) {
            case (.word, "tc"): cells.append(.element(child, placeholder: placeholder))
            case (.word, "sdt"):
                if let content = child.children.first(where: { $0.name == "sdtContent" }) {
                    collectCells(content, into: &cells, placeholder: placeholder || showsPlaceholder(child))
                }
            case (.word, "customXml"), (.word, "ins"), (.word, "moveTo"):
                collectCells(child, into: &cells, placeholder: placeholder)
            case (.markupCompatibility, "AlternateContent"):
                let (chosen, later) = choose(child)
                if let chosen { collectCells(chosen, into: &cells, placeholder: placeholder) }
                cells += later.map { .skipped($0) }
            default:
                cells.append(.skipped(child))
            }
        }
    }

    // MARK: Paragraphs

    private mutating func readParagraph(_ element: XMLElement, path: BlockPath, depth: Int) throws -> (Paragraph, [Block]) {
        var builder = ParagraphBuilder()
        var style: String?
        if let properties = element.children.first(where: { $0.name == "pPr" }),
           let styleElement = properties.children.first(where: { $0.name == "pStyle" }) {
            style = styleElement.attribute(anyNamespace: "val")
        }
        try readInline(element, builder: &builder, depth: depth)
        let paragraph = Paragraph(
            path: path, text: String(builder.scalars), segments: builder.segments,
            checkboxes: builder.checkboxes, style: style, contentControls: builder.contentControls)
        return (paragraph, builder.pendingTextBoxes)
    }

    /// Walks paragraph-level content: runs and the containers around them.
    private mutating func readInline(_ element: XMLElement, builder: inout ParagraphBuilder, depth: Int) throws {
        try checkDepth(depth, element)
        for child in element.children {
            switch (namespaces.kind(of: child), child.name) {
            case (.word, "r"):
                let run = nextRun
                nextRun += 1
                try readRun(child, run: run, builder: &builder, depth: depth + 1)
            case (.word, "del"), (.word, "moveFrom"), (.word, "pPr"), (.word, "rPr"):
                skip(child)
            case (.word, "sdt"):
                try readInlineContentControl(child, builder: &builder, depth: depth + 1)
            case (.markupCompatibility, "AlternateContent"):
                let (chosen, later) = choose(child)
                if let chosen {
                    try readInline(chosen, builder: &builder, depth: depth + 1)
                }
                later.forEach { skip($0) }
            case (.word, "txbxContent"):
                try readTextBox(child, builder: &builder, depth: depth + 1)
            case (.word, "p"):
                // A paragraph inside inline content only occurs in malformed
                // input; read its text where it stands rather than lose it.
                try readInline(child, builder: &builder, depth: depth + 1)
            default:
                // hyperlink, ins, moveTo, fldSimple, smartTag, customXml, dir,
                // bdo, sdtContent: transparent containers.
                try readInline(child, builder: &builder, depth: depth + 1)
            }
        }
    }

    private mutating func readInlineContentControl(_ sdt: XMLElement, builder: inout ParagraphBuilder, depth: Int) throws {
        let properties = sdt.children.first { $0.name == "sdtPr" }
        let tag = properties?.children.first { $0.name == "tag" }?.attribute(anyNamespace: "val")
        let alias = properties?.children.first { $0.name == "alias" }?.attribute(anyNamespace: "val")
        if tag != nil || alias != nil {
            builder.contentControls.append(ContentControl(tag: tag, alias: alias))
        }
        var checkbox: Bool?
        if let properties, let box = properties.children.first(where: { namespaces.kind(of: $0) == .word14 && $0.name == "checkbox" }) {
            let checked = box.children.first { $0.name == "checked" }
            checkbox = checked.map { element -> Bool in
                let value = element.attribute(anyNamespace: "val") ?? "1"
                return value == "1" || value == "true" || value == "on"
            } ?? false
        }
        guard let content = sdt.children.first(where: { $0.name == "sdtContent" }) else { return }
        guard let checkbox else {
            let placeholder = showsPlaceholder(sdt)
            if placeholder { placeholders += 1 }
            try readInline(content, builder: &builder, depth: depth + 1)
            if placeholder { placeholders -= 1 }
            return
        }
        let outer = (builder.checkboxState, builder.checkboxGlyphSeen)
        builder.checkboxState = checkbox
        builder.checkboxGlyphSeen = false
        let start = builder.length
        try readInline(content, builder: &builder, depth: depth + 1)
        if !builder.checkboxGlyphSeen {
            // No glyph in the content: show the state anyway.
            builder.append(checkbox ? "☑" : "☐", run: max(nextRun - 1, 0), runOffset: 0, synthetic: true)
            builder.checkboxes.append(Checkbox(offset: builder.length - 1, checked: checkbox, kind: .contentControl))
        } else if let offset = firstBoxOffset(in: builder, from: start) {
            builder.checkboxes.append(Checkbox(offset: offset, checked: checkbox, kind: .contentControl))
        }
        (builder.checkboxState, builder.checkboxGlyphSeen) = outer
    }

    private func firstBoxOffset(in builder: ParagraphBuilder, from start: Int) -> Int? {
        var index = 0
        for scalar in builder.scalars {
            if index >= start && (scalar == "☑" || scalar == "☐") { return index }
            index += 1
        }
        return nil
    }

    private mutating func readTextBox(_ content: XMLElement, builder: inout ParagraphBuilder, depth: Int) throws {
        let index = textBoxCount
        textBoxCount += 1
        let path = BlockPath(part: part, steps: [.textBox(index)])
        let blocks = try readBlocks(content, path: path, depth: depth + 1)
        builder.pendingTextBoxes.append(.textBox(TextBox(path: path, blocks: blocks)))
    }

    // MARK: Runs

    private var showingText: Bool {
        placeholders == 0 && fields.allSatisfy(\.inResult)
    }

    /// True when a content control shows its placeholder text (单击或点击此处输入文字。),
    /// which stands for "nothing entered yet", not for a value (ECMA-376
    /// §17.5.2.39 `w:showingPlcHdr`). Word drops the flag once text is typed in.
    private mutating func showsPlaceholder(_ sdt: XMLElement) -> Bool {
        guard let properties = sdt.children.first(where: { $0.name == "sdtPr" }),
              let flag = properties.children.first(where: { $0.name == "showingPlcHdr" && namespaces.kind(of: $0) == .word })
        else { return false }
        return onOffValue(flag.attribute(anyNamespace: "val"))
    }

    private mutating func readRun(_ run: XMLElement, run ordinal: Int, builder: inout ParagraphBuilder, depth: Int) throws {
        try checkDepth(depth, run)
        var offset = 0
        // Hidden text (w:vanish, direct formatting) is not what Word shows:
        // 局<hidden>（草稿）</hidden> reads 局.
        let hidden = run.children.first { $0.name == "rPr" && namespaces.kind(of: $0) == .word }
            .map { onOff($0, "vanish") || onOff($0, "specVanish") } ?? false
        func emit(_ text: String, into builder: inout ParagraphBuilder, visible: Bool) {
            guard visible, !hidden, !text.isEmpty else { return }
            builder.append(text, run: ordinal, runOffset: offset, synthetic: false)
            offset += text.unicodeScalars.count
        }
        for child in run.children {
            let kind = namespaces.kind(of: child)
            if kind == .markupCompatibility, child.name == "AlternateContent" {
                let (chosen, later) = choose(child)
                if let chosen {
                    try readInline(chosen, builder: &builder, depth: depth + 1)
                }
                later.forEach { skip($0) }
                continue
            }
            guard kind == .word else {
                // w:drawing's DrawingML and VML shapes: look for text boxes.
                try readInline(child, builder: &builder, depth: depth + 1)
                continue
            }
            switch child.name {
            case "t":
                var text = child.ownText
                if let state = builder.checkboxState {
                    text = replacingBoxGlyphs(text, checked: state, builder: &builder)
                }
                emit(text, into: &builder, visible: showingText)
            case "tab", "ptab":
                emit("\t", into: &builder, visible: showingText)
            case "br", "cr":
                emit("\n", into: &builder, visible: showingText)
            case "noBreakHyphen":
                emit("-", into: &builder, visible: showingText)
            case "sym":
                var text = symbolText(child)
                if let state = builder.checkboxState {
                    text = replacingBoxGlyphs(text, checked: state, builder: &builder)
                }
                emit(text, into: &builder, visible: showingText)
            case "fldChar":
                handleFieldCharacter(child, run: ordinal, builder: &builder)
            case "delText", "instrText", "delInstrText", "rPr", "softHyphen", "lastRenderedPageBreak",
                 "footnoteReference", "endnoteReference", "commentReference", "annotationRef":
                continue
            case "drawing", "pict", "object":
                try readInline(child, builder: &builder, depth: depth + 1)
            case "ruby":
                // The base text is what reads on the line; the guide text above
                // it is skipped (its runs still counted, in order).
                for part in child.children {
                    if part.name == "rubyBase" {
                        try readInline(part, builder: &builder, depth: depth + 1)
                    } else {
                        skip(part)
                    }
                }
            default:
                continue
            }
        }
    }

    private func replacingBoxGlyphs(_ text: String, checked: Bool, builder: inout ParagraphBuilder) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if PartReader.boxGlyphs.contains(scalar) {
                result.append(checked ? "☑" : "☐")
                builder.checkboxGlyphSeen = true
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static let boxGlyphs: Set<Unicode.Scalar> = ["☐", "☑", "☒", "□", "■", "▢", "▣", "✓", "✔", "√"]

    private mutating func handleFieldCharacter(_ element: XMLElement, run: Int, builder: inout ParagraphBuilder) {
        switch element.attribute(anyNamespace: "fldCharType") {
        case "begin":
            let visible = showingText
            fields.append(FieldState())
            // A legacy checkbox has no result text: Word draws it from ffData.
            if let data = element.children.first(where: { $0.name == "ffData" }),
               let box = data.children.first(where: { $0.name == "checkBox" }) {
                let checked: Bool
                if let explicit = box.children.first(where: { $0.name == "checked" }) {
                    checked = onOffValue(explicit.attribute(anyNamespace: "val"))
                } else if let fallback = box.children.first(where: { $0.name == "default" }) {
                    checked = onOffValue(fallback.attribute(anyNamespace: "val"))
                } else {
                    checked = false
                }
                if visible {
                    builder.append(checked ? "☑" : "☐", run: run, runOffset: 0, synthetic: true)
                    builder.checkboxes.append(Checkbox(offset: builder.length - 1, checked: checked, kind: .formField))
                }
            }
        case "separate":
            if !fields.isEmpty { fields[fields.count - 1].inResult = true }
        case "end":
            if !fields.isEmpty { fields.removeLast() }
        default:
            break
        }
    }

    /// The character a `w:sym` shows. Symbol fonts put their glyphs in the
    /// private-use range F0xx; the box and tick glyphs forms use are mapped to
    /// their Unicode equivalents.
    private func symbolText(_ element: XMLElement) -> String {
        guard let hex = element.attribute(anyNamespace: "char"), var code = UInt32(hex, radix: 16) else { return "" }
        let font = (element.attribute(anyNamespace: "font") ?? "").lowercased()
        if code >= 0xF000 && code <= 0xF0FF { code -= 0xF000 }
        if font.hasPrefix("wingdings 2") {
            switch code {
            case 0x52: return "☑"
            case 0x54, 0x53: return "☒"
            case 0xA3, 0x2A: return "☐"
            case 0x50: return "√"
            default: break
            }
        } else if font.hasPrefix("wingdings") {
            switch code {
            case 0xFE: return "☑"
            case 0xFD: return "☒"
            case 0xA8, 0x6F, 0x71: return "☐"
            case 0x6E: return "■"
            case 0xFC: return "√"
            case 0xFB: return "×"
            default: break
            }
        } else if font.hasPrefix("symbol") {
            switch code {
            case 0xD6: return "√"
            case 0xB4: return "×"
            default: break
            }
        }
        guard let scalar = Unicode.Scalar(code), code >= 0x20 else { return "" }
        return String(Character(scalar))
    }

    // MARK: Helpers

    /// Picks what `mc:AlternateContent` shows: its first Choice, else its
    /// Fallback. Branches before it are counted now; those after it are
    /// returned, for the caller to count once the chosen one is read, so run
    /// ordinals stay in document order.
    private mutating func choose(_ alternate: XMLElement) -> (chosen: XMLElement?, later: [XMLElement]) {
        var chosen: XMLElement?
        var later: [XMLElement] = []
        for branch in alternate.children {
            if chosen == nil && (branch.name == "Choice" || branch.name == "Fallback") {
                chosen = branch
            } else if chosen == nil {
                skip(branch)
            } else {
                later.append(branch)
            }
        }
        return (chosen, later)
    }

    /// Accounts for the runs of a subtree that is not read, so run ordinals
    /// stay those of a plain document-order count of every `w:r`.
    mutating func skip(_ element: XMLElement) {
        nextRun += countRuns(element)
    }

    private mutating func countRuns(_ element: XMLElement) -> Int {
        var count = 0
        element.forEachChild { child in
            if child.name == "r", namespaces.kind(of: child) == .word { count += 1 }
            count += countRuns(child)
        }
        return count
    }

    private func checkDepth(_ depth: Int, _ element: XMLElement) throws {
        if depth > limits.maxElementDepth {
            throw ReadError.limitExceeded(file: origin, limit: .elementDepth, value: limits.maxElementDepth)
        }
    }

    private func onOff(_ properties: XMLElement, _ name: String) -> Bool {
        guard let element = properties.children.first(where: { $0.name == name }) else { return false }
        return onOffValue(element.attribute(anyNamespace: "val"))
    }

    private func onOffValue(_ value: String?) -> Bool {
        guard let value else { return true }
        return !["0", "false", "off"].contains(value.lowercased())
    }

    private func intValue(_ properties: XMLElement, _ name: String) -> Int? {
        properties.children.first { $0.name == name }?.attribute(anyNamespace: "val").flatMap { Int($0) }
    }
}
