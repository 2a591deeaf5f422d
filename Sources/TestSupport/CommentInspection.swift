import Foundation
import OOXML

/// What a reader of an annotated copy sees of its comments, found by walking
/// the XML directly (not through the code that wrote them): each comment's
/// anchors, the text between them, the highlighted stretches, and the
/// comments part's contents.
public struct CommentInspection {
    /// How often each comment id occurs as range start, range end, reference.
    public private(set) var starts: [Int: Int] = [:]
    public private(set) var ends: [Int: Int] = [:]
    public private(set) var references: [Int: Int] = [:]
    /// The visible text between each comment's start and end.
    public private(set) var anchoredText: [Int: String] = [:]
    /// Runs of the same highlight in document order merged; keyed by the
    /// `w:highlight` value ("red", "yellow", "cyan").
    public private(set) var highlighted: [String: [String]] = [:]
    /// Each comment's paragraphs' text, by id.
    public private(set) var comments: [Int: [String]] = [:]
    public private(set) var commentAttributes: [Int: [String: String]] = [:]
    /// Ids of comments whose first paragraph starts with `w:annotationRef`.
    public private(set) var annotationMarks: Set<Int> = []
    /// Local names of the elements directly containing each comment's
    /// start, end and reference run.
    public private(set) var containers: [Int: (start: String, end: String, reference: String)] = [:]
    /// The package parts, by name.
    public let parts: [String: Data]
    public let partOrder: [String]

    private var open: [Int: String] = [:]
    private var stretch: (colour: String, text: String)?
    private var containerNames: [Int: [String: String]] = [:]

    public init(docx: Data) throws {
        guard case .word(let package) = try DocumentReader.open(data: docx, displayName: "copy.docx") else {
            throw ReadError.notWordDocument(file: "copy.docx", contentType: "XML")
        }
        var parts: [String: Data] = [:]
        for name in package.partNames { parts[name] = try package.data(of: name) }
        self.parts = parts
        partOrder = package.partNames
        let main = try package.mainDocumentPart()
        if let root = try CommentInspection.parse(try package.data(of: main)) {
            walk(root)
            closeStretch()
        }
        for relationship in try package.relationships(of: main) where relationship.kind == "comments" {
            guard let root = try CommentInspection.parse(try package.data(of: relationship.target)) else { continue }
            for comment in root.children("comment") {
                guard let id = comment.attributes["id"].flatMap({ Int($0) }) else { continue }
                comments[id] = comment.children("p").map { CommentInspection.text(of: $0) }
                commentAttributes[id] = comment.attributes
                if comment.children("p").first?.children("r").first?.child("annotationRef") != nil {
                    annotationMarks.insert(id)
                }
            }
        }
        for (id, names) in containerNames {
            containers[id] = (names["start"] ?? "", names["end"] ?? "", names["reference"] ?? "")
        }
    }

    /// True when every id has exactly one start, one end and one reference.
    public var anchorsBalanced: Bool {
        let ids = Set(starts.keys).union(ends.keys).union(references.keys)
        return ids.allSatisfy { starts[$0] == 1 && ends[$0] == 1 && references[$0] == 1 }
    }

    private static func parse(_ data: Data) throws -> PlainElement? {
        guard case .xml(let document) = try DocumentReader.open(data: data, displayName: "part.xml") else { return nil }
        return document.root
    }

    private mutating func walk(_ element: PlainElement) {
        for child in element.children {
            let id = child.attributes["id"].flatMap { Int($0) }
            switch child.name {
            case "del", "moveFrom", "Fallback":
                continue
            case "commentRangeStart":
                if let id {
                    starts[id, default: 0] += 1
                    open[id] = ""
                    containerNames[id, default: [:]]["start"] = element.name
                }
            case "commentRangeEnd":
                if let id {
                    ends[id, default: 0] += 1
                    anchoredText[id] = open.removeValue(forKey: id) ?? ""
                    containerNames[id, default: [:]]["end"] = element.name
                }
            case "r":
                if let reference = child.child("commentReference"), let id = reference.attributes["id"].flatMap({ Int($0) }) {
                    references[id, default: 0] += 1
                    containerNames[id, default: [:]]["reference"] = element.name
                }
                defer { walk(child) }  // text boxes: runs inside the run's drawing
                let text = CommentInspection.runText(child)
                for key in open.keys { open[key, default: ""] += text }
                let colour = child.child("rPr")?.child("highlight")?.attributes["val"]
                if !text.isEmpty {
                    if let colour, stretch?.colour == colour {
                        stretch?.text += text
                    } else {
                        closeStretch()
                        if let colour { stretch = (colour, text) }
                    }
                }
            case "p":
                walk(child)
                for key in open.keys { open[key, default: ""] += "\n" }
                closeStretch()
            default:
                walk(child)
            }
        }
    }

    private mutating func closeStretch() {
        if let stretch { highlighted[stretch.colour, default: []].append(stretch.text) }
        stretch = nil
    }

    private static func runText(_ run: PlainElement) -> String {
        run.children.map { child -> String in
            switch child.name {
            case "t": return child.text
            case "tab", "ptab": return "\t"
            case "br", "cr": return "\n"
            case "noBreakHyphen": return "-"
            default: return ""
            }
        }.joined()
    }

    private static func text(of paragraph: PlainElement) -> String {
        paragraph.children.filter { $0.name == "r" }.map(runText).joined()
    }
}
