import Foundation
internal import CLibXML2

/// A run, or the piece of one that a split left: characters `range` of the
/// visible text of run `run` as the reader numbered it.
struct RunPiece {
    let element: XMLElement
    let run: Int
    let range: Range<Int>

    /// Identifies the piece among all pieces of its part.
    var key: PieceKey { PieceKey(run: run, start: range.lowerBound) }
}

struct PieceKey: Hashable, Comparable {
    let run: Int
    let start: Int

    static func < (a: PieceKey, b: PieceKey) -> Bool {
        (a.run, a.start) < (b.run, b.start)
    }
}

/// The runs of one part, numbered as `PartReader` numbers them, and the edits
/// an annotation makes to them: splitting a run where a remark starts or ends,
/// highlighting, and placing comment anchors.
///
/// Runs are found before anything changes, so the ordinals in `RunSpan`s stay
/// those of the original part however many pieces the splits make.
final class RunEditor {
    let document: XMLDocument
    let file: String
    let part: String
    private let runs: [XMLElement]
    private var piecesByRun: [Int: [RunPiece]] = [:]
    private var lengths: [Int: Int] = [:]
    /// Anchors this editor placed, so that several remarks ending at the
    /// same place keep their ends together and their references in order.
    private var placedEnds: Set<xmlNodePtr> = []
    private var placedReferences: Set<xmlNodePtr> = []

    init(document: XMLDocument, file: String, part: String) {
        self.document = document
        self.file = file
        self.part = part
        var runs: [XMLElement] = []
        if let root = document.root {
            RunEditor.collectRuns(root, into: &runs, isNotes: root.isWord("footnotes") || root.isWord("endnotes"))
        }
        self.runs = runs
    }

    /// Every `w:r` in document order, with the reader's two exceptions: in a
    /// notes part the separator notes (those with `w:type`) are left out, and
    /// in `mc:AlternateContent` the branch shown (the first Choice or
    /// Fallback) is counted after the branches that are not, because
    /// `PartReader.choose` counts those before it reads the one it shows.
    /// The test "runs are numbered as the reader numbers them" holds the two
    /// to the same order.
    /// Every `w:r` of the part in plain document order: the numbering the
    /// reader uses.
    private static func collectRuns(_ element: XMLElement, into runs: inout [XMLElement], isNotes: Bool) {
        for child in element.children {
            if child.isWord("r") { runs.append(child) }
            collectRuns(child, into: &runs, isNotes: false)
        }
    }

    // MARK: Characters of a run

    /// A child node of a run and how many visible characters it holds.
    private struct Unit {
        let node: xmlNodePtr
        var length: Int
    }

    /// The run's children other than its `w:rPr`, each with the number of
    /// characters the reader counts for it: a `w:t`'s scalars; one for a tab,
    /// break, non-breaking hyphen or readable symbol; none for the rest. Text
    /// between a field's `begin` and `separate` in the same run is hidden.
    private func units(of run: XMLElement) -> [Unit] {
        var result: [Unit] = []
        var fields: [Bool] = []
        var propertiesSeen = false
        for node in run.childNodes {
            guard let child = XMLElement.element(node, in: document) else {
                result.append(Unit(node: node, length: 0))
                continue
            }
            let isWord = child.namespaceURI.map(NamespaceClassifier.wordURIs.contains) == true
            if isWord, !propertiesSeen, child.localName == "rPr" {
                propertiesSeen = true
                continue
            }
            let visible = fields.allSatisfy { $0 }
            var length = 0
            if isWord {
                switch child.localName {
                case "t":
                    length = visible ? child.ownText.unicodeScalars.count : 0
                case "tab", "ptab", "br", "cr", "noBreakHyphen":
                    length = visible ? 1 : 0
                case "sym":
                    length = visible && RunEditor.symbolIsReadable(child) ? 1 : 0
                case "fldChar":
                    switch child.attribute(anyNamespace: "fldCharType") {
                    case "begin": fields.append(false)
                    case "separate": if !fields.isEmpty { fields[fields.count - 1] = true }
                    case "end": if !fields.isEmpty { fields.removeLast() }
                    default: break
                    }
                default:
                    break
                }
            }
            result.append(Unit(node: node, length: length))
        }
        return result
    }

    /// A `w:sym` the reader shows as one character: a hex code that, once the
    /// symbol fonts' F0xx offset is removed, is a printable scalar.
    private static func symbolIsReadable(_ symbol: XMLElement) -> Bool {
        guard let hex = symbol.attribute(anyNamespace: "char"), var code = UInt32(hex, radix: 16) else { return false }
        if code >= 0xF000 && code <= 0xF0FF { code -= 0xF000 }
        return code >= 0x20 && Unicode.Scalar(code) != nil
    }

    /// Visible characters of run `ordinal` in the original part.
    private func length(ofRun ordinal: Int) -> Int {
        if let known = lengths[ordinal] { return known }
        let length = units(of: runs[ordinal]).reduce(0) { $0 + $1.length }
        lengths[ordinal] = length
        return length
    }

    /// Throws unless `span` names characters of a run of this part.
    func check(_ span: RunSpan) throws {
        guard span.run >= 0, span.run < runs.count else {
            throw AnnotationError.runNotFound(file: file, part: part, run: span.run, runCount: runs.count)
        }
        let length = length(ofRun: span.run)
        guard span.start >= 0, span.start <= span.end, span.end <= length else {
            throw AnnotationError.spanOutOfRange(file: file, part: part, run: span.run,
                                                 start: span.start, end: span.end, length: length)
        }
    }

    // MARK: Splitting

    /// Splits runs so that every boundary of `spans` falls between two runs.
    /// Call once, with every span of the part, after `check`ing them.
    func split(at spans: [RunSpan]) throws {
        var cuts: [Int: Set<Int>] = [:]
        for span in spans where span.start < span.end {
            cuts[span.run, default: []].formUnion([span.start, span.end])
        }
        for (ordinal, offsets) in cuts {
            let length = length(ofRun: ordinal)
            let inner = offsets.filter { $0 > 0 && $0 < length }.sorted()
            piecesByRun[ordinal] = try split(ordinal, at: inner, length: length)
        }
    }

    /// Cuts run `ordinal` at `cuts` (ascending, strictly inside the run).
    /// Each piece before the last is a new run put before the original, with
    /// a copy of its attributes and `w:rPr`; children move, so drawings, field
    /// characters and nested runs are never duplicated. A `w:t` straddling a
    /// cut is divided at the scalar offset.
    private func split(_ ordinal: Int, at cuts: [Int], length: Int) throws -> [RunPiece] {
        let run = runs[ordinal]
        guard !cuts.isEmpty else { return [RunPiece(element: run, run: ordinal, range: 0..<length)] }
        var units = self.units(of: run)
        let properties = run.children.first { $0.isWord("rPr") }
        var pieces: [RunPiece] = []
        var consumed = 0
        var index = 0
        var pieceStart = 0
        for cut in cuts {
            let piece = try run.shallowCopy(.before, of: run)
            try properties?.deepCopy(appendingTo: piece)
            while index < units.count, consumed < cut {
                let unit = units[index]
                if consumed + unit.length <= cut {
                    piece.adopt(unit.node)
                    consumed += unit.length
                    index += 1
                } else {
                    // Only a w:t holds more than one character.
                    let text = XMLElement(node: unit.node, document: document)
                    let scalars = Array(text.ownText.unicodeScalars)
                    let keep = cut - consumed
                    let head = try text.shallowCopy(.lastChild, of: piece)
                    try head.setText(String(String.UnicodeScalarView(scalars[..<keep])))
                    try text.setText(String(String.UnicodeScalarView(scalars[keep...])))
                    units[index].length -= keep
                    consumed = cut
                }
            }
            pieces.append(RunPiece(element: piece, run: ordinal, range: pieceStart..<cut))
            pieceStart = cut
        }
        pieces.append(RunPiece(element: run, run: ordinal, range: pieceStart..<length))
        return pieces
    }

    /// The pieces holding exactly the characters of `span`, after `split`.
    func pieces(of span: RunSpan) -> [RunPiece] {
        guard span.start < span.end else { return [] }
        let pieces = piecesByRun[span.run]
            ?? [RunPiece(element: runs[span.run], run: span.run, range: 0..<length(ofRun: span.run))]
        return pieces.filter { !$0.range.isEmpty && $0.range.lowerBound >= span.start && $0.range.upperBound <= span.end }
    }

    // MARK: Highlight

    /// Elements of CT_RPr that follow `w:highlight` in the schema's sequence.
    private static let afterHighlight: Set<String> = [
        "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
        "eastAsianLayout", "specVanish", "oMath", "rPrChange",
    ]

    /// Sets the piece's `w:highlight`, in its place in `w:rPr`.
    func highlight(_ piece: RunPiece, _ colour: Annotation.Colour) throws {
        let run = piece.element
        let properties = try run.children.first { $0.isWord("rPr") } ?? run.insertElement("rPr", .firstChild)
        let children = properties.children
        if let existing = children.first(where: { $0.isWord("highlight") }) {
            existing.setAttribute("val", colour.highlightValue)
            return
        }
        let highlight: XMLElement
        let isWord = { (element: XMLElement) in element.namespaceURI.map(NamespaceClassifier.wordURIs.contains) == true }
        if let follower = children.first(where: { !isWord($0) || RunEditor.afterHighlight.contains($0.localName) }) {
            highlight = try follower.insertElement("highlight", .before, namespaceOf: properties)
        } else {
            highlight = try properties.insertElement("highlight", .lastChild)
        }
        highlight.setAttribute("val", colour.highlightValue)
    }

    // MARK: Comment anchors

    /// Comment ids the part already uses in its anchors and references.
    var commentIDsInUse: Set<Int> {
        var ids: Set<Int> = []
        func visit(_ element: XMLElement) {
            element.forEachChild { child in
                if child.isWord("commentRangeStart") || child.isWord("commentRangeEnd") || child.isWord("commentReference"),
                   let id = child.attribute(anyNamespace: "id").flatMap({ Int($0) }) {
                    ids.insert(id)
                }
                visit(child)
            }
        }
        if let root = document.root { visit(root) }
        return ids
    }

    /// Puts `w:commentRangeStart` before `first`, `w:commentRangeEnd` after
    /// `last` (each beside its own run, inside whatever hyperlink, insertion
    /// or content control holds it), and the reference run after the end, at
    /// paragraph level.
    func anchor(comment id: Int, from first: RunPiece, to last: RunPiece, referenceStyle: String?) throws {
        let start = try first.element.insertElement("commentRangeStart", .before)
        start.setAttribute("id", String(id))
        var cursor = last.element
        while let next = cursor.nextElement, placedEnds.contains(next.node) { cursor = next }
        let end = try cursor.insertElement("commentRangeEnd", .after, namespaceOf: last.element)
        end.setAttribute("id", String(id))
        placedEnds.insert(end.node)
        try placeReference(comment: id, after: paragraphLevel(end), model: end, style: referenceStyle)
    }

    /// A comment on no characters, at the start of the first paragraph of
    /// the part (used when no paragraph has visible text).
    func anchorAtFirstParagraph(comment id: Int, referenceStyle: String?) throws {
        guard let paragraph = firstParagraph() else { throw AnnotationError.noParagraph(file: file) }
        let start: XMLElement
        if let properties = paragraph.children.first(where: { $0.isWord("pPr") }) {
            start = try properties.insertElement("commentRangeStart", .after, namespaceOf: paragraph)
        } else {
            start = try paragraph.insertElement("commentRangeStart", .firstChild)
        }
        start.setAttribute("id", String(id))
        let end = try start.insertElement("commentRangeEnd", .after)
        end.setAttribute("id", String(id))
        try placeReference(comment: id, after: end, model: end, style: referenceStyle)
    }

    private func firstParagraph() -> XMLElement? {
        func search(_ element: XMLElement) -> XMLElement? {
            for child in element.children {
                if child.isWord("p") { return child }
                if let found = search(child) { return found }
            }
            return nil
        }
        return document.root.flatMap(search)
    }

    /// `element`, or its ancestor that is a direct child of the nearest
    /// `w:p`: a reference run placed after it is outside any hyperlink,
    /// tracked insertion, simple field or content control.
    private func paragraphLevel(_ element: XMLElement) -> XMLElement {
        var current = element
        while let parent = current.parent {
            if parent.isWord("p") { return current }
            current = parent
        }
        return element
    }

    private func placeReference(comment id: Int, after anchor: XMLElement, model: XMLElement, style: String?) throws {
        var cursor = anchor
        while let next = cursor.nextElement, placedReferences.contains(next.node) { cursor = next }
        let run = try cursor.insertElement("r", .after, namespaceOf: model)
        if let style {
            let properties = try run.insertElement("rPr", .lastChild)
            try properties.insertElement("rStyle", .lastChild).setAttribute("val", style)
        }
        try run.insertElement("commentReference", .lastChild).setAttribute("id", String(id))
        placedReferences.insert(run.node)
    }

    func serialized() -> Data {
        document.serialized()
    }
}
