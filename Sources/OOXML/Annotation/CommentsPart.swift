import Foundation

/// The styles Word uses for comments, when the document defines them. Looked
/// up by their built-in names, since a localised Word gives them other ids.
struct CommentStyles {
    var reference: String?
    var text: String?

    static let none = CommentStyles(reference: nil, text: nil)

    init(reference: String?, text: String?) {
        self.reference = reference
        self.text = text
    }

    /// Reads the character style "annotation reference" and the paragraph
    /// style "annotation text" from a styles part.
    init(styles: XMLDocument) {
        reference = nil
        text = nil
        styles.root?.forEachChild { style in
            guard style.isWord("style"), let id = style.attribute(anyNamespace: "styleId"),
                  let name = style.children.first(where: { $0.isWord("name") })?.attribute(anyNamespace: "val") else { return }
            switch name.lowercased() {
            case "annotation reference": reference = reference ?? id
            case "annotation text": text = text ?? id
            default: break
            }
        }
    }
}

/// A comments part (`w:comments`): the document's own or a new one, with
/// comments appended after those it already holds, which stay untouched.
struct CommentsPart {
    private let document: XMLDocument
    private let root: XMLElement

    /// Parses `existing`, or starts an empty part in `namespace`.
    init(existing: Data?, namespace: String, origin: String, limits: ReadLimits) throws {
        let data = existing ?? Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:comments xmlns:w="\(namespace)"/>
            """.utf8)
        document = try XMLDocument.parse(data, origin: origin, limits: limits)
        guard let root = document.root else {
            throw ReadError.malformedXML(file: origin, line: 0, reason: "文档没有根元素")
        }
        self.root = root
    }

    /// Ids of the comments already in the part.
    var ids: Set<Int> {
        Set(root.children.filter { $0.isWord("comment") }.compactMap { $0.attribute(anyNamespace: "id").flatMap { Int($0) } })
    }

    /// Appends a comment: one paragraph per line of `text`, the first
    /// starting with the annotation mark.
    func append(id: Int, author: String, initials: String, date: String?, text: String, styles: CommentStyles) throws {
        let comment = try root.insertElement("comment", .lastChild)
        comment.setAttribute("id", String(id))
        comment.setAttribute("author", CommentsPart.xmlSafe(author))
        if let date { comment.setAttribute("date", date) }
        comment.setAttribute("initials", CommentsPart.xmlSafe(initials))
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let lines = CommentsPart.xmlSafe(normalised).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let paragraph = try comment.insertElement("p", .lastChild)
            if let style = styles.text {
                let properties = try paragraph.insertElement("pPr", .lastChild)
                try properties.insertElement("pStyle", .lastChild).setAttribute("val", style)
            }
            if index == 0 {
                let mark = try paragraph.insertElement("r", .lastChild)
                if let style = styles.reference {
                    let properties = try mark.insertElement("rPr", .lastChild)
                    try properties.insertElement("rStyle", .lastChild).setAttribute("val", style)
                }
                try mark.insertElement("annotationRef", .lastChild)
            }
            guard !line.isEmpty else { continue }
            let run = try paragraph.insertElement("r", .lastChild)
            for (pieceIndex, piece) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                if pieceIndex > 0 { try run.insertElement("tab", .lastChild) }
                if !piece.isEmpty { try run.insertElement("t", .lastChild).setText(String(piece)) }
            }
        }
    }

    func serialized() -> Data {
        document.serialized()
    }

    /// `text` without the characters XML 1.0 cannot hold (control
    /// characters other than tab and newline, unpaired surrogates, U+FFFE/F).
    static func xmlSafe(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
                result.append(scalar)
            default:
                continue
            }
        }
        return String(result)
    }
}
