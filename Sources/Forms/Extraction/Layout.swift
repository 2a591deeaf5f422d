import Foundation
import OOXML

/// Where an extracted value's text sits in the document: precise enough to
/// put a Word comment on exactly those characters.
public struct ValueLocation: Hashable, Sendable {
    public let part: String
    /// The paragraph holding the text.
    public let paragraph: BlockPath
    /// Unicode-scalar offsets of the value in the paragraph's text.
    public let range: Range<Int>
    public let runs: [RunSpan]
    /// For form-instance XML: the line of the element holding the value.
    public let line: Int?

    public init(part: String, paragraph: BlockPath, range: Range<Int>, runs: [RunSpan], line: Int? = nil) {
        self.part = part
        self.paragraph = paragraph
        self.range = range
        self.runs = runs
        self.line = line
    }

    /// `表2 第3行 第2列`, or `第12行` for XML — for messages.
    public var chineseDescription: String {
        if let line { return "第\(line)行" }
        return paragraph.chineseDescription
    }
}

/// A piece of text found in the document with where it came from. A cell's
/// text spans several paragraphs; each contributes one piece.
public struct LocatedText: Sendable {
    struct Piece: Sendable {
        let paragraph: Paragraph
        let range: Range<Int>
    }

    public let text: String
    let pieces: [Piece]
    /// Set for values read from form-instance XML: where the element is.
    let xmlLocation: (file: String, line: Int)?

    public static let empty = LocatedText(text: "", pieces: [])

    init(text: String, pieces: [Piece]) {
        self.text = text
        self.pieces = pieces
        self.xmlLocation = nil
    }

    init(text: String, file: String, line: Int) {
        self.text = text
        self.pieces = []
        self.xmlLocation = (file, line)
    }

    public var locations: [ValueLocation] {
        if let xmlLocation {
            return [ValueLocation(part: xmlLocation.file, paragraph: BlockPath(part: xmlLocation.file, steps: []),
                                  range: 0..<0, runs: [], line: xmlLocation.line)]
        }
        return pieces.map { piece in
            ValueLocation(part: piece.paragraph.path.part, paragraph: piece.paragraph.path, range: piece.range,
                          runs: piece.paragraph.runSpans(covering: piece.range))
        }
    }

    var isBlank: Bool {
        text.unicodeScalars.allSatisfy(LocatedText.isSpace)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        CharacterSet.whitespacesAndNewlines.contains(scalar) || scalar == "\u{3000}" || scalar == "\u{200B}"
    }

    /// The text of a cell: its non-empty paragraphs joined by newlines.
    init(cell: OOXML.Cell) {
        self.init(paragraphs: cell.blocks.flatMap(\.allParagraphs))
    }

    init(paragraphs: [Paragraph]) {
        let kept = paragraphs.filter { !$0.text.isEmpty }
        text = kept.map(\.text).joined(separator: "\n")
        pieces = kept.map { Piece(paragraph: $0, range: 0..<$0.length) }
        xmlLocation = nil
    }

    /// The stretch `range` (scalar offsets) of one paragraph.
    init(paragraph: Paragraph, range: Range<Int>) {
        let scalars = paragraph.text.unicodeScalars
        let lower = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        let upper = scalars.index(lower, offsetBy: range.count)
        text = String(scalars[lower..<upper])
        pieces = [Piece(paragraph: paragraph, range: range)]
        xmlLocation = nil
    }

    /// The stretch `range` of one paragraph whose scalars the caller already
    /// holds: a stretch then costs its own length, not its offset, so taking
    /// many stretches of one long paragraph stays linear.
    init(paragraph: Paragraph, range: Range<Int>, scalars: [Unicode.Scalar]) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        text = String(view)
        pieces = [Piece(paragraph: paragraph, range: range)]
        xmlLocation = nil
    }

    /// The same text with surrounding white space trimmed; a single piece is
    /// narrowed to match.
    func trimmed() -> LocatedText {
        let scalars = Array(text.unicodeScalars)
        var lower = 0
        var upper = scalars.count
        while lower < upper, LocatedText.isSpace(scalars[lower]) { lower += 1 }
        while upper > lower, LocatedText.isSpace(scalars[upper - 1]) { upper -= 1 }
        guard lower > 0 || upper < scalars.count else { return self }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        if let xmlLocation { return LocatedText(text: String(view), file: xmlLocation.file, line: xmlLocation.line) }
        guard pieces.count == 1, let piece = pieces.first else {
            return LocatedText(text: String(view), pieces: pieces)
        }
        let range = (piece.range.lowerBound + lower)..<(piece.range.lowerBound + upper)
        return LocatedText(text: String(view), pieces: [Piece(paragraph: piece.paragraph, range: range)])
    }

    /// A sub-range of a single-piece text (scalar offsets into `text`).
    func slice(_ range: Range<Int>) -> LocatedText {
        guard pieces.count == 1, let piece = pieces.first else {
            let scalars = Array(text.unicodeScalars)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return LocatedText(text: String(view), pieces: pieces)
        }
        let shifted = (piece.range.lowerBound + range.lowerBound)..<(piece.range.lowerBound + range.upperBound)
        return LocatedText(paragraph: piece.paragraph, range: shifted)
    }
}
