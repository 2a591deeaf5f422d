import Foundation

/// A remark to attach to a document as a Word comment on exactly the
/// characters it concerns, those characters highlighted.
public struct Annotation: Sendable, Equatable {
    /// The highlight a remark's characters get, by how serious it is.
    public enum Colour: String, Sendable, CaseIterable {
        /// A reason to reject.
        case red
        /// Something to verify.
        case yellow
        /// Something to supplement.
        case blue

        /// The `w:highlight` value (ST_HighlightColor). Blue is drawn as
        /// `cyan`: black text stays readable on it, unlike on `blue`.
        var highlightValue: String {
            switch self {
            case .red: return "red"
            case .yellow: return "yellow"
            case .blue: return "cyan"
            }
        }

        /// Where remarks overlap, the characters show the most serious colour,
        /// in the order of the verdicts: reject, then supplement, then verify.
        var precedence: Int {
            switch self {
            case .red: return 3
            case .blue: return 2
            case .yellow: return 1
            }
        }
    }

    /// The part the spans are in ("/word/document.xml"). Ignored when `spans`
    /// is empty.
    public let part: String
    /// The exact characters: run spans in document order, possibly across
    /// runs and paragraphs. Empty (or only empty spans): the remark has no
    /// place in the document and goes on its title, the first paragraph with
    /// visible text.
    public let spans: [RunSpan]
    /// What the comment's range covers when it is less than `spans`: a Word
    /// comment covers one stretch of text, so for values down a column
    /// (a year table turned on its side) each value is highlighted and the
    /// comment goes on the first, not over the cells between. nil: `spans`.
    public let commentSpans: [RunSpan]?
    /// The comment's text; each line becomes a paragraph of the comment.
    public let text: String
    public let colour: Colour
    public let author: String
    public let initials: String

    public init(part: String, spans: [RunSpan], commentSpans: [RunSpan]? = nil, text: String, colour: Colour,
                author: String = "审核", initials: String? = nil) {
        self.part = part
        self.spans = spans
        self.commentSpans = commentSpans
        self.text = text
        self.colour = colour
        self.author = author
        self.initials = initials ?? Annotation.initials(of: author)
    }

    /// A remark on characters `range` (scalar offsets) of `paragraph`; the
    /// whole paragraph when `range` is nil.
    public init(paragraph: Paragraph, range: Range<Int>? = nil, text: String, colour: Colour,
                author: String = "审核", initials: String? = nil) {
        self.init(part: paragraph.path.part,
                  spans: paragraph.runSpans(covering: range ?? 0..<paragraph.length),
                  text: text, colour: colour, author: author, initials: initials)
    }

    /// A remark with no place in the document: it goes on the title.
    public init(text: String, colour: Colour, author: String = "审核", initials: String? = nil) {
        self.init(part: "", spans: [], text: text, colour: colour, author: author, initials: initials)
    }

    /// True when no span covers a character.
    var isUnplaced: Bool {
        spans.allSatisfy { $0.end <= $0.start }
    }

    /// Capitals of a Latin name ("cluster-review" → "CR"), else its first
    /// character ("审核" → "审").
    static func initials(of author: String) -> String {
        let words = author.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        let capitals = words.compactMap { word -> Character? in
            guard let first = word.first, first.isASCII else { return nil }
            return Character(first.uppercased())
        }
        if capitals.count == words.count, !capitals.isEmpty {
            return String(capitals.prefix(4))
        }
        return author.first.map { String($0) } ?? ""
    }
}

/// Why an annotated copy could not be written. Messages are for the reviewer:
/// formal Chinese, naming the file and the part.
public enum AnnotationError: Error, LocalizedError, Equatable, Sendable {
    /// The annotation names a part the package does not hold.
    case missingPart(file: String, part: String)
    /// A span names a run the part does not have.
    case runNotFound(file: String, part: String, run: Int, runCount: Int)
    /// A span reaches past the visible text of its run.
    case spanOutOfRange(file: String, part: String, run: Int, start: Int, end: Int, length: Int)
    /// A remark with no place found no paragraph to go on.
    case noParagraph(file: String)
    /// The comment date is neither `YYYY-MM-DD` nor an xsd:dateTime.
    case invalidDate(String)
    /// libxml2 could not allocate a node.
    case outOfMemory

    public var errorDescription: String? {
        switch self {
        case let .missingPart(file, part):
            return "\(file)：无法添加批注，文档中没有部件 \(part.drop { $0 == "/" })"
        case let .runNotFound(file, part, run, runCount):
            return "\(file)：无法添加批注，部件 \(part.drop { $0 == "/" }) 中没有第 \(run + 1) 个文字块（共 \(runCount) 个）"
        case let .spanOutOfRange(file, part, run, start, end, length):
            return "\(file)：无法添加批注，部件 \(part.drop { $0 == "/" }) 第 \(run + 1) 个文字块只有 \(length) 个字符，批注范围为 \(start)–\(end)"
        case let .noParagraph(file):
            return "\(file)：无法添加批注，正文中没有任何段落"
        case let .invalidDate(value):
            return "批注日期“\(value)”格式有误，应为 YYYY-MM-DD"
        case .outOfMemory:
            return "内存不足，无法生成批注副本"
        }
    }
}
