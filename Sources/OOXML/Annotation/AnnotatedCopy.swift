import Foundation

/// Writes a copy of a Word package with remarks attached as Word comments.
public enum AnnotatedCopy {
    static let commentsContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
    static let commentsRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
    static let strictCommentsRelationship = "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"
    static let strictWordNamespace = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    static let relationshipsContentType = "application/vnd.openxmlformats-package.relationships+xml"
    /// Word refuses comment ids from 0x80000000 on.
    static let idLimit = 0x7FFF_FFFF

    /// The package as `.docx` bytes with every annotation a Word comment on
    /// exactly its characters, those characters highlighted in its colour.
    ///
    /// Only the parts holding annotated runs, the comments part, and — when
    /// the comments part is new — the main part's relationships and
    /// `[Content_Types].xml` change; every other part is copied byte for byte,
    /// in the original order. Existing comments keep their ids; new ones take
    /// ids above every id in use. A Flat OPC package comes out as a `.docx`.
    ///
    /// Comments go in the main document part. An annotation with no span goes
    /// on the title (the first paragraph with visible text); one in another
    /// part (a header, a footnote) is highlighted there and its comment goes
    /// on the title. `date` is `YYYY-MM-DD` or an xsd:dateTime; nil leaves
    /// the comments undated.
    ///
    /// With no annotation, the copy of a `.docx` is its bytes unchanged.
    public static func write(_ package: OPCPackage, annotations: [Annotation], date: String?) throws -> Data {
        let date = try commentDate(date)
        if annotations.isEmpty, let original = package.zipBytes { return original }
        var copy = try Copy(package: package, date: date)
        try copy.annotate(annotations)
        return try copy.archive()
    }

    /// Writes the annotated copy to `url` atomically.
    public static func write(_ package: OPCPackage, annotations: [Annotation], date: String?, to url: URL) throws {
        try AtomicFile.write(try write(package, annotations: annotations, date: date), to: url)
    }

    /// `YYYY-MM-DD` becomes midnight UTC of that day; an xsd:dateTime is kept.
    static func commentDate(_ value: String?) throws -> String? {
        guard let value else { return nil }
        let day = /(\d{4})-(\d{2})-(\d{2})/
        let time = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?/
        if let match = value.wholeMatch(of: day) {
            guard let month = Int(match.2), let dayOfMonth = Int(match.3),
                  (1...12).contains(month), (1...31).contains(dayOfMonth) else {
                throw AnnotationError.invalidDate(value)
            }
            return value + "T00:00:00Z"
        }
        if value.wholeMatch(of: time) != nil { return value }
        throw AnnotationError.invalidDate(value)
    }
}

/// One annotated copy being made.
private struct Copy {
    let package: OPCPackage
    let date: String?
    let mainPart: String
    /// New bytes of changed parts, keyed by lowercased part name.
    var replaced: [String: Data] = [:]
    /// Parts the original does not have, in the order they are written.
    var added: [(name: String, data: Data, contentType: String)] = []

    init(package: OPCPackage, date: String?) throws {
        self.package = package
        self.date = date
        mainPart = try package.mainDocumentPart()
    }

    /// Where one annotation goes: its characters to highlight, by part, and
    /// the characters of the main part its comment spans.
    private struct Placement {
        var highlights: [String: [RunSpan]] = [:]
        var commentSpans: [RunSpan] = []
    }

    mutating func annotate(_ annotations: [Annotation]) throws {
        guard !annotations.isEmpty else { return }
        let placements = try place(annotations)

        var editors: [String: RunEditor] = [:]
        func editor(_ part: String) throws -> RunEditor {
            if let known = editors[part.lowercased()] { return known }
            let origin = "\(package.fileName) \(part.dropFirst())"
            let document = try package.takeParsedPart(part)
                ?? XMLDocument.parse(try package.data(of: part), origin: origin, limits: package.limits)
            let created = RunEditor(document: document, file: package.fileName, part: part)
            editors[part.lowercased()] = created
            return created
        }
        let main = try editor(mainPart)

        // Check every span and split every run before any anchor goes in.
        var spansByPart: [String: [RunSpan]] = [:]
        for placement in placements {
            for (part, spans) in placement.highlights { spansByPart[part, default: []] += spans }
            spansByPart[mainPart, default: []] += placement.commentSpans
        }
        for (part, spans) in spansByPart {
            let partEditor = try editor(part)
            for span in spans { try partEditor.check(span) }
            try partEditor.split(at: spans)
        }

        // Highlights: where remarks overlap, the most serious colour shows.
        for (part, _) in spansByPart {
            let partEditor = try editor(part)
            var colours: [PieceKey: (piece: RunPiece, colour: Annotation.Colour)] = [:]
            for (placement, annotation) in zip(placements, annotations) {
                for span in placement.highlights[part] ?? [] {
                    for piece in partEditor.pieces(of: span) {
                        if let known = colours[piece.key], known.colour.precedence >= annotation.colour.precedence { continue }
                        colours[piece.key] = (piece, annotation.colour)
                    }
                }
            }
            for key in colours.keys.sorted() {
                guard let entry = colours[key] else { continue }
                try partEditor.highlight(entry.piece, entry.colour)
            }
        }

        // The comments part, its styles and the ids the new comments take.
        let commentsRelationship = try package.relationships(of: mainPart).first {
            !$0.isExternal && ($0.type == AnnotatedCopy.commentsRelationship || $0.type == AnnotatedCopy.strictCommentsRelationship)
        }
        let existingComments = commentsRelationship.flatMap { package.hasPart($0.target) ? $0.target : nil }
        let namespace = main.document.root?.namespaceURI ?? "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        let commentsName = existingComments ?? commentsRelationship?.target ?? newPartName("comments.xml")
        let comments = try CommentsPart(
            existing: try existingComments.map { try package.data(of: $0) }, namespace: namespace,
            origin: "\(package.fileName) \(commentsName.dropFirst())", limits: package.limits)
        let styles = try commentStyles()
        var ids = CommentIDs(inUse: comments.ids.union(main.commentIDsInUse))

        for (placement, annotation) in zip(placements, annotations) {
            let id = ids.next()
            let pieces = placement.commentSpans.flatMap { main.pieces(of: $0) }.sorted { $0.key < $1.key }
            if let first = pieces.first, let last = pieces.last {
                try main.anchor(comment: id, from: first, to: last, referenceStyle: styles.reference)
            } else {
                try main.anchorAtFirstParagraph(comment: id, referenceStyle: styles.reference)
            }
            try comments.append(id: id, author: annotation.author, initials: annotation.initials,
                                date: date, text: annotation.text, styles: styles)
        }

        for (part, partEditor) in editors {
            replaced[part] = partEditor.serialized()
        }
        if existingComments != nil {
            replaced[commentsName.lowercased()] = comments.serialized()
        } else {
            added.append((commentsName, comments.serialized(), AnnotatedCopy.commentsContentType))
            if commentsRelationship == nil {
                try addCommentsRelationship(target: commentsName, strict: namespace == AnnotatedCopy.strictWordNamespace)
            }
            try addContentType(for: commentsName)
        }
    }

    /// Resolves each annotation to the spans it highlights and comments on.
    private func place(_ annotations: [Annotation]) throws -> [Placement] {
        var title: [RunSpan]?
        var placements: [Placement] = []
        for annotation in annotations {
            var placement = Placement()
            let spans = annotation.spans.filter { $0.start < $0.end }
            let part = spans.isEmpty ? nil : partName(annotation.part)
            if !spans.isEmpty, part == nil {
                throw AnnotationError.missingPart(file: package.fileName, part: annotation.part)
            }
            if let part, part.lowercased() == mainPart.lowercased() {
                placement.highlights[mainPart] = spans
                let commented = annotation.commentSpans?.filter { $0.start < $0.end } ?? []
                placement.commentSpans = commented.isEmpty ? spans : commented
            } else {
                if title == nil { title = try titleSpans() }
                placement.commentSpans = title ?? []
                if let part {
                    placement.highlights[part] = spans
                } else {
                    placement.highlights[mainPart] = title ?? []
                }
            }
            placements.append(placement)
        }
        return placements
    }

    /// The visible characters of the first body paragraph that has any,
    /// without leading and trailing blanks.
    private func titleSpans() throws -> [RunSpan] {
        let document = try DocumentReader.read(package)
        for paragraph in document.allParagraphs {
            let scalars = Array(paragraph.text.unicodeScalars)
            guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
                  let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { continue }
            let spans = paragraph.runSpans(covering: first..<(last + 1))
            if !spans.isEmpty { return spans }
        }
        return []
    }

    /// The stored spelling of `name`, when the package holds that part.
    private func partName(_ name: String) -> String? {
        let lower = name.lowercased()
        return package.partNames.first { $0.lowercased() == lower }
    }

    /// `file` beside the main part, numbered if that name is taken.
    private func newPartName(_ file: String) -> String {
        let directory = String(mainPart[...(mainPart.lastIndex(of: "/") ?? mainPart.startIndex)])
        let stem = file.split(separator: ".").first.map(String.init) ?? file
        var candidate = directory + file
        var number = 1
        while partName(candidate) != nil {
            candidate = directory + "\(stem)\(number).xml"
            number += 1
        }
        return candidate
    }

    private func commentStyles() throws -> CommentStyles {
        guard let styles = try package.relationships(of: mainPart).first(where: { !$0.isExternal && $0.kind == "styles" }),
              package.hasPart(styles.target) else { return .none }
        let origin = "\(package.fileName) \(styles.target.dropFirst())"
        return CommentStyles(styles: try XMLDocument.parse(try package.data(of: styles.target), origin: origin, limits: package.limits))
    }

    /// The main part's relationships part name.
    private var mainRelationshipsPart: String {
        let slash = mainPart.lastIndex(of: "/") ?? mainPart.startIndex
        return "\(mainPart[...slash])_rels/\(mainPart[mainPart.index(after: slash)...]).rels"
    }

    private mutating func addCommentsRelationship(target: String, strict: Bool) throws {
        let relsName = mainRelationshipsPart
        let existing = partName(relsName)
        let data = try existing.map { try package.data(of: $0) } ?? Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="\(OPC.relationshipsNS)"/>
            """.utf8)
        let document = try XMLDocument.parse(data, origin: "\(package.fileName) \(relsName.dropFirst())", limits: package.limits)
        guard let root = document.root else { return }
        let taken = Set(root.children.compactMap { $0.attribute("Id") })
        var number = taken.count + 1
        while taken.contains("rId\(number)") { number += 1 }
        let relationship = try root.insertElement("Relationship", .lastChild)
        relationship.setPlainAttribute("Id", "rId\(number)")
        relationship.setPlainAttribute("Type", strict ? AnnotatedCopy.strictCommentsRelationship : AnnotatedCopy.commentsRelationship)
        let directory = mainPart[...(mainPart.lastIndex(of: "/") ?? mainPart.startIndex)]
        relationship.setPlainAttribute("Target", target.hasPrefix(directory) ? String(target.dropFirst(directory.count)) : target)
        if let existing {
            replaced[existing.lowercased()] = document.serialized()
        } else {
            added.append((relsName, document.serialized(), AnnotatedCopy.relationshipsContentType))
        }
    }

    /// Registers the comments part in `[Content_Types].xml` (zip packages;
    /// a Flat OPC copy gets its content types written whole).
    private mutating func addContentType(for part: String) throws {
        guard package.format == .zip, package.contentType(of: part) != AnnotatedCopy.commentsContentType,
              let typesName = partName("/[Content_Types].xml") else { return }
        let document = try XMLDocument.parse(try package.data(of: typesName), origin: "\(package.fileName) [Content_Types].xml",
                                             limits: package.limits)
        guard let root = document.root else { return }
        let override = try root.insertElement("Override", .lastChild)
        override.setPlainAttribute("PartName", part)
        override.setPlainAttribute("ContentType", AnnotatedCopy.commentsContentType)
        replaced[typesName.lowercased()] = document.serialized()
    }

    /// The zip: the original parts in their order, changed ones replaced,
    /// then the new ones.
    func archive() throws -> Data {
        var writer = PackageWriter()
        if package.format == .flatOPC {
            writer.add("[Content_Types].xml", xml: flatContentTypes())
        }
        for name in package.partNames {
            if let changed = replaced[name.lowercased()] {
                writer.add(name, changed)
            } else if let raw = package.rawEntry(of: name) {
                // Unchanged: its compressed bytes as they are, not inflated and deflated again.
                writer.add(name, raw: raw)
            } else {
                writer.add(name, try package.data(of: name))
            }
        }
        for part in added {
            writer.add(part.name, part.data)
        }
        return try writer.archiveData()
    }

    /// `[Content_Types].xml` for a Flat OPC package, whose parts carry their
    /// content types themselves.
    private func flatContentTypes() -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="\(OPC.contentTypesNS)">\
            <Default Extension="rels" ContentType="\(AnnotatedCopy.relationshipsContentType)"/>\
            <Default Extension="xml" ContentType="application/xml"/>
            """
        let types = package.partNames.map { ($0, package.contentType(of: $0)) } + added.map { ($0.name, $0.contentType) }
        for case let (name, type?) in types {
            xml += "<Override PartName=\"\(WordBuilder.escape(name))\" ContentType=\"\(WordBuilder.escape(type))\"/>"
        }
        return xml + "</Types>"
    }
}

/// Hands out comment ids not in use, below Word's limit.
private struct CommentIDs {
    private var inUse: Set<Int>
    private var candidate: Int

    init(inUse: Set<Int>) {
        self.inUse = inUse
        let highest = inUse.filter { $0 >= 0 && $0 <= AnnotatedCopy.idLimit }.max() ?? -1
        candidate = highest < AnnotatedCopy.idLimit ? highest + 1 : 0
    }

    /// Above every id in use while that stays below the limit; past it, the
    /// lowest free id.
    mutating func next() -> Int {
        if candidate > AnnotatedCopy.idLimit { candidate = 0 }
        while inUse.contains(candidate) { candidate += 1 }
        inUse.insert(candidate)
        defer { candidate += 1 }
        return candidate
    }
}
