import Foundation

/// What a file turned out to be, from its first bytes and, for XML, its root.
public enum SniffedFormat: Equatable, Sendable {
    case zip
    case xml
    case empty
    case ole
    case pdf
    case rtf
    case other
}

/// What an input file holds once opened: a Word package, or some other XML
/// document (the project's form-instance XML is read by the Forms module).
public enum OpenedFile {
    case word(OPCPackage)
    case xml(PlainXMLDocument)
}

/// Opens Word documents read-only and reads them into `WordDocument`s.
public enum DocumentReader {
    /// Recognises a file from its leading bytes.
    public static func sniff(_ prefix: Data) -> SniffedFormat {
        let bytes = [UInt8](prefix.prefix(8))
        if bytes.isEmpty { return .empty }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .ole }
        if bytes.starts(with: Array("%PDF".utf8)) { return .pdf }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return .rtf }
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "<") { return .xml }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .xml }
        return .other
    }

    /// Opens `url` read-only and recognises what it is. `displayName` is the
    /// name used in messages (defaults to the file name).
    public static func open(_ url: URL, displayName: String? = nil, limits: ReadLimits = .standard) throws -> OpenedFile {
        let name = displayName ?? url.lastPathComponent
        return try open(data: try InputFile.read(url, name: name, limits: limits), displayName: name, limits: limits)
    }

    /// Opens in-memory bytes (tests, generated documents).
    public static func open(data: Data, displayName: String, limits: ReadLimits = .standard) throws -> OpenedFile {
        if data.count > limits.maxFileBytes {
            throw ReadError.limitExceeded(file: displayName, limit: .fileSize, value: limits.maxFileBytes)
        }
        switch sniff(data.prefix(8)) {
        case .empty: throw ReadError.emptyFile(file: displayName)
        case .ole: throw ReadError.oleCompoundFile(file: displayName)
        case .pdf: throw ReadError.otherFormat(file: displayName, format: "PDF 文件")
        case .rtf: throw ReadError.otherFormat(file: displayName, format: "RTF 文件")
        case .other: throw ReadError.notZip(file: displayName, reason: "文件头不是 ZIP 或 XML")
        case .zip: return .word(try OPCPackage(zipData: data, displayName: displayName, limits: limits))
        case .xml: return try openXML(data, displayName: displayName, limits: limits)
        }
    }

    private static func openXML(_ data: Data, displayName: String, limits: ReadLimits) throws -> OpenedFile {
        let doc = try XMLDocument.parse(data, origin: displayName, limits: limits)
        if let root = doc.root, root.is("package", OPC.flatPackageNS) {
            return .word(try OPCPackage(flatOPC: doc, displayName: displayName, limits: limits))
        }
        return .xml(PlainXMLDocument(document: doc, fileName: displayName))
    }

    /// Opens `url` and reads it as a Word document; other XML is an error.
    public static func read(_ url: URL, displayName: String? = nil, limits: ReadLimits = .standard) throws -> WordDocument {
        switch try open(url, displayName: displayName, limits: limits) {
        case .word(let package): return try read(package)
        case .xml(let xml):
            throw ReadError.notWordDocument(file: xml.fileName, contentType: "XML（根元素 \(xml.rootName)）")
        }
    }

    /// Reads the body, headers, footers and notes of an opened package.
    /// `keepingParsedParts` leaves the parsed parts with the package for a
    /// marked-up copy to edit (each part is then parsed once per run);
    /// otherwise they are freed as soon as the document is read.
    public static func read(_ package: OPCPackage, keepingParsedParts: Bool = false) throws -> WordDocument {
        defer { if !keepingParsedParts { package.forgetParsedParts() } }
        let mainPart = try package.mainDocumentPart()
        let mainXML = try package.xmlDocument(mainPart)
        let origin = "\(package.fileName) \(mainPart.dropFirst())"
        guard let root = mainXML.root, root.localName == "document",
              let body = root.children.first(where: { $0.localName == "body" }) else {
            throw ReadError.missingPart(file: package.fileName, part: "\(mainPart.dropFirst()) 中的 w:body")
        }
        var reader = PartReader(part: mainPart, origin: origin, limits: package.limits)
        let blocks = try reader.readBlocks(body, path: BlockPath(part: mainPart, steps: []), depth: 0)

        var sideParts: [SidePart] = []
        for relationship in try package.relationships(of: mainPart) where !relationship.isExternal {
            guard let kind = SidePart.Kind(rawValue: relationship.kind), kind != .comments,
                  package.hasPart(relationship.target) else { continue }
            let xml = try package.xmlDocument(relationship.target)
            guard let partRoot = xml.root else { continue }
            var sideReader = PartReader(part: relationship.target,
                                        origin: "\(package.fileName) \(relationship.target.dropFirst())",
                                        limits: package.limits)
            let sideBlocks: [Block]
            switch kind {
            case .footnotes, .endnotes:
                // Each note is a container of blocks; the separator notes
                // (w:type set) carry no text a person wrote.
                var noteBlocks: [Block] = []
                for note in partRoot.children {
                    guard note.attribute(anyNamespace: "type") == nil else {
                        sideReader.skip(note)  // counted, so run ordinals stay in document order
                        continue
                    }
                    noteBlocks += try sideReader.readBlocks(note, path: BlockPath(part: relationship.target, steps: []), depth: 1)
                }
                sideBlocks = noteBlocks
            default:
                sideBlocks = try sideReader.readBlocks(partRoot, path: BlockPath(part: relationship.target, steps: []), depth: 0)
            }
            sideParts.append(SidePart(kind: kind, part: relationship.target, blocks: sideBlocks))
        }
        return WordDocument(fileName: package.fileName, format: package.format, mainPart: mainPart,
                            body: blocks, sideParts: sideParts)
    }
}
