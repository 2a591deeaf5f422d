import Foundation
import ZIPFoundation

/// Namespace and relationship-type URIs used to navigate a package.
enum OPC {
    static let contentTypesNS = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let relationshipsNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let flatPackageNS = "http://schemas.microsoft.com/office/2006/xmlPackage"

    static let officeDocument = [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    ]
    static let wordMainContentTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    ]
}

/// One relationship of a part.
public struct Relationship: Sendable, Equatable {
    public let id: String
    public let type: String
    /// Absolute part name ("/word/header1.xml"), or the raw target when external.
    public let target: String
    public let isExternal: Bool

    /// The relationship type's last path component ("header", "footnotes", …).
    public var kind: String {
        type.split(separator: "/").last.map(String.init) ?? type
    }
}

/// How the package arrived on disk.
public enum PackageFormat: String, Sendable {
    case zip
    case flatOPC
}

/// An Open Packaging Conventions package — a `.docx` zip or a Flat OPC `.xml` —
/// opened read-only. Parts are read lazily, each at most once, within `limits`.
public final class OPCPackage {
    public let fileName: String
    public let format: PackageFormat
    public let limits: ReadLimits

    /// The zip's bytes (empty for Flat OPC).
    private let zipData: Data
    private var entries: [String: ZipLayout.Span] = [:]
    /// Zip entry order, kept so a copy writes parts in their original order.
    public private(set) var partNames: [String] = []
    private var flatParts: [String: FlatPart] = [:]
    private var contentTypeDefaults: [String: String] = [:]
    private var contentTypeOverrides: [String: String] = [:]
    private var bytesRead = 0
    private var parsedParts: [String: XMLDocument] = [:]

    enum FlatPart {
        case xml(XMLDocument)
        case binary(Data)
    }

    /// Opens zip bytes. The directory is checked against the bytes first
    /// (`ZipLayout`); ZIPFoundation then lists the entries.
    init(zipData data: Data, displayName: String, limits: ReadLimits) throws {
        fileName = displayName
        format = .zip
        self.limits = limits
        zipData = data
        let layout: ZipLayout
        do {
            layout = try ZipLayout.read(data)
        } catch let problem as ZipLayout.Problem {
            throw ReadError.notZip(file: displayName, reason: problem.reason)
        }
        if layout.spans.count > limits.maxEntries {
            throw ReadError.limitExceeded(file: displayName, limit: .zipEntries, value: limits.maxEntries)
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        } catch {
            throw ReadError.notZip(file: displayName, reason: "找不到中央目录")
        }
        try indexEntries(archive, layout: layout)
        try readContentTypes()
    }

    /// Opens a Flat OPC document (`pkg:package`), already parsed.
    init(flatOPC document: XMLDocument, displayName: String, limits: ReadLimits) throws {
        fileName = displayName
        format = .flatOPC
        self.limits = limits
        zipData = Data()
        try indexFlatParts(document)
    }

    // MARK: Zip

    /// Pairs ZIPFoundation's entries with the layout's spans (both in
    /// central-directory order) and indexes them by part name.
    private func indexEntries(_ archive: Archive, layout: ZipLayout) throws {
        var count = 0
        for entry in archive {
            guard count < layout.spans.count else { break }
            let span = layout.spans[count]
            count += 1
            // Sizes and checksums come from the central directory, as Word
            // reads them; ZIPFoundation prefers a data descriptor's.
            guard entry.type == .file, let name = OPCPackage.normalisedPartName(entry.path) else { continue }
            if entries[name] == nil {
                entries[name] = span
                partNames.append(name)
            }
        }
        if count < layout.spans.count {
            throw ReadError.notZip(file: fileName, reason: "中央目录第\(count + 1)项损坏")
        }
        if count == 0 {
            throw ReadError.notZip(file: fileName, reason: "压缩包为空")
        }
    }

    /// "/word/document.xml" for "word/document.xml", "/word/../x.xml" and the
    /// like; nil for names that escape the package root or are empty.
    static func normalisedPartName(_ raw: String) -> String? {
        var stack: [Substring] = []
        for component in raw.replacingOccurrences(of: "\\", with: "/").split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !stack.isEmpty else { return nil }
                stack.removeLast()
            default: stack.append(component)
            }
        }
        guard !stack.isEmpty else { return nil }
        return "/" + stack.joined(separator: "/")
    }

    /// The `.docx` file's bytes as read; nil for Flat OPC.
    public var zipBytes: Data? {
        format == .zip ? zipData : nil
    }

    /// True when the package holds `partName`.
    public func hasPart(_ partName: String) -> Bool {
        switch format {
        case .zip: return entries[partName.lowercasedForLookup(in: entries.keys)] != nil
        case .flatOPC: return flatParts[partName] != nil
        }
    }

    /// The raw bytes of a part, within the limits.
    public func data(of partName: String) throws -> Data {
        switch format {
        case .flatOPC:
            guard let part = flatParts[partName] else {
                throw ReadError.missingPart(file: fileName, part: partName)
            }
            switch part {
            case .binary(let data): return data
            case .xml(let doc): return doc.serialized()
            }
        case .zip:
            guard let span = entries[partName.lowercasedForLookup(in: entries.keys)] else {
                throw ReadError.missingPart(file: fileName, part: partName)
            }
            return try read(span, name: partName)
        }
    }

    /// A part's compressed bytes as the zip holds them, for a copy that
    /// leaves the part unchanged; nil for Flat OPC, and for an entry that is
    /// encrypted or compressed by a method other than stored or deflate
    /// (such a part is read, and refused, by `data(of:)`).
    func rawEntry(of partName: String) -> ZipWriter.RawEntry? {
        guard format == .zip, let span = entries[partName.lowercasedForLookup(in: entries.keys)],
              span.flags & 1 == 0, span.method == 0 || span.method == 8 else { return nil }
        let start = zipData.startIndex + span.dataStart
        return ZipWriter.RawEntry(method: span.method, crc32: span.crc32, uncompressedSize: span.uncompressedSize,
                                  compressed: zipData.subdata(in: start..<(start + span.compressedSize)))
    }

    private func read(_ span: ZipLayout.Span, name: String) throws -> Data {
        let declared = span.uncompressedSize
        let compressed = max(span.compressedSize, 1)
        let origin = "\(fileName) \(name.dropFirst())"
        if declared > limits.maxPartBytes {
            throw ReadError.limitExceeded(file: origin, limit: .partSize, value: limits.maxPartBytes)
        }
        if declared > limits.ratioFloorBytes && declared / compressed > limits.maxCompressionRatio {
            throw ReadError.limitExceeded(file: origin, limit: .compressionRatio, value: limits.maxCompressionRatio)
        }
        if bytesRead + declared > limits.maxTotalBytes {
            throw ReadError.limitExceeded(file: fileName, limit: .totalSize, value: limits.maxTotalBytes)
        }
        let partLimit = limits.maxPartBytes
        let totalLimit = limits.maxTotalBytes - bytesRead
        let ratioLimit = limits.maxCompressionRatio
        let floor = limits.ratioFloorBytes
        let data: Data
        do {
            // The declared size may lie; count what actually inflates and stop
            // the moment a limit is crossed.
            data = try EntryInflater.contents(of: span, in: zipData) { produced in
                if produced > partLimit {
                    throw ReadError.limitExceeded(file: origin, limit: .partSize, value: partLimit)
                }
                if produced > totalLimit {
                    throw ReadError.limitExceeded(file: origin, limit: .totalSize, value: totalLimit)
                }
                if produced > floor && produced / compressed > ratioLimit {
                    throw ReadError.limitExceeded(file: origin, limit: .compressionRatio, value: ratioLimit)
                }
            }
        } catch let error as ReadError {
            throw error
        } catch let failure as EntryInflater.Failure {
            throw ReadError.notZip(file: fileName, reason: "条目 \(name.dropFirst()) \(failure.reason)")
        }
        bytesRead += data.count
        return data
    }

    // MARK: Flat OPC

    private func indexFlatParts(_ document: XMLDocument) throws {
        guard let root = document.root, root.is("package", OPC.flatPackageNS) else {
            throw ReadError.badFlatOPC(file: fileName, reason: "根元素不是 pkg:package")
        }
        var count = 0
        for part in root.children("part", OPC.flatPackageNS) {
            count += 1
            if count > limits.maxEntries {
                throw ReadError.limitExceeded(file: fileName, limit: .packageParts, value: limits.maxEntries)
            }
            guard let rawName = part.attribute("name", OPC.flatPackageNS),
                  let name = OPCPackage.normalisedPartName(rawName) else {
                throw ReadError.badFlatOPC(file: fileName, reason: "第\(part.line)行的 pkg:part 缺少 pkg:name")
            }
            if let contentType = part.attribute("contentType", OPC.flatPackageNS) {
                contentTypeOverrides[name.lowercased()] = contentType
            }
            if let xmlData = part.firstChild("xmlData", OPC.flatPackageNS) {
                guard let content = xmlData.children.first, let copy = XMLDocument.copying(content) else {
                    throw ReadError.badFlatOPC(file: fileName, reason: "部件 \(name) 的 pkg:xmlData 为空")
                }
                flatParts[name] = .xml(copy)
            } else if let binary = part.firstChild("binaryData", OPC.flatPackageNS) {
                let text = binary.ownText.filter { !$0.isWhitespace }
                guard let data = Data(base64Encoded: text) else {
                    throw ReadError.badFlatOPC(file: fileName, reason: "部件 \(name)（第\(binary.line)行）的 base64 数据损坏")
                }
                if data.count > limits.maxPartBytes {
                    throw ReadError.limitExceeded(file: "\(fileName) \(name.dropFirst())", limit: .partSize, value: limits.maxPartBytes)
                }
                flatParts[name] = .binary(data)
            } else {
                throw ReadError.badFlatOPC(file: fileName, reason: "部件 \(name) 既无 pkg:xmlData 也无 pkg:binaryData")
            }
            partNames.append(name)
        }
    }

    // MARK: Content types and relationships

    private func readContentTypes() throws {
        guard hasPart("/[Content_Types].xml") else {
            throw ReadError.missingPart(file: fileName, part: "[Content_Types].xml")
        }
        let doc = try xmlDocument("/[Content_Types].xml")
        guard let root = doc.root, root.is("Types", OPC.contentTypesNS) else {
            throw ReadError.missingPart(file: fileName, part: "[Content_Types].xml")
        }
        for child in root.children {
            if child.is("Default", OPC.contentTypesNS),
               let ext = child.attribute("Extension"), let type = child.attribute("ContentType") {
                contentTypeDefaults[ext.lowercased()] = type
            } else if child.is("Override", OPC.contentTypesNS),
                      let part = child.attribute("PartName"), let type = child.attribute("ContentType"),
                      let name = OPCPackage.normalisedPartName(part) {
                contentTypeOverrides[name.lowercased()] = type
            }
        }
    }

    /// The content type of `partName`, from an override or the extension default.
    public func contentType(of partName: String) -> String? {
        if let override = contentTypeOverrides[partName.lowercased()] { return override }
        guard let dot = partName.lastIndex(of: ".") else { return nil }
        return contentTypeDefaults[partName[partName.index(after: dot)...].lowercased()]
    }

    /// The relationships of `partName` ("/" for the package's own).
    public func relationships(of partName: String) throws -> [Relationship] {
        let relsName: String
        let baseDirectory: String
        if partName == "/" {
            relsName = "/_rels/.rels"
            baseDirectory = "/"
        } else {
            let slash = partName.lastIndex(of: "/") ?? partName.startIndex
            let directory = String(partName[...slash])
            let file = String(partName[partName.index(after: slash)...])
            relsName = "\(directory)_rels/\(file).rels"
            baseDirectory = directory
        }
        guard hasPart(relsName) else { return [] }
        let doc = try xmlDocument(relsName)
        guard let root = doc.root else { return [] }
        var result: [Relationship] = []
        for child in root.children("Relationship", OPC.relationshipsNS) {
            guard let id = child.attribute("Id"), let type = child.attribute("Type"),
                  let target = child.attribute("Target") else { continue }
            if child.attribute("TargetMode") == "External" {
                result.append(Relationship(id: id, type: type, target: target, isExternal: true))
                continue
            }
            let decoded = target.removingPercentEncoding ?? target
            let joined = decoded.hasPrefix("/") ? decoded : baseDirectory + decoded
            guard let name = OPCPackage.normalisedPartName(joined) else { continue }
            result.append(Relationship(id: id, type: type, target: name, isExternal: false))
        }
        return result
    }

    /// The main document part, found through the package relationships and
    /// checked against its content type.
    public func mainDocumentPart() throws -> String {
        let rels = try relationships(of: "/")
        guard let main = rels.first(where: { OPC.officeDocument.contains($0.type) && !$0.isExternal }) else {
            // A package without the relationship: fall back only when the
            // conventional part exists and is typed as a Word document.
            if hasPart("/word/document.xml"),
               let type = contentType(of: "/word/document.xml"), OPC.wordMainContentTypes.contains(type) {
                return "/word/document.xml"
            }
            throw ReadError.missingPart(file: fileName, part: "word/document.xml")
        }
        guard hasPart(main.target) else {
            throw ReadError.missingPart(file: fileName, part: String(main.target.dropFirst()))
        }
        let type = contentType(of: main.target) ?? "未登记"
        guard OPC.wordMainContentTypes.contains(type) else {
            throw ReadError.notWordDocument(file: fileName, contentType: type)
        }
        return main.target
    }

    /// The parsed XML of a part; each part is parsed once and kept.
    func xmlDocument(_ partName: String) throws -> XMLDocument {
        if let cached = parsedParts[partName] { return cached }
        if format == .flatOPC, case .xml(let doc)? = flatParts[partName] {
            return doc
        }
        let bytes = try data(of: partName)
        let doc = try XMLDocument.parse(bytes, origin: "\(fileName) \(partName.dropFirst())", limits: limits)
        parsedParts[partName] = doc
        return doc
    }

    /// Hands over the parsed tree of a part, if the reader kept it, so that a
    /// writer edits that tree instead of parsing the part again. The package
    /// no longer holds it: a later `xmlDocument` parses the bytes afresh.
    func takeParsedPart(_ partName: String) -> XMLDocument? {
        parsedParts.removeValue(forKey: partName)
    }

    /// Drops parsed parts kept by `xmlDocument`, so memory does not outlive use.
    func forgetParsedParts() {
        parsedParts.removeAll()
    }
}

private extension String {
    /// Part names are case-insensitive (ECMA-376 Part 2, 9.1.1.1); find the
    /// stored spelling.
    func lowercasedForLookup(in keys: Dictionary<String, ZipLayout.Span>.Keys) -> String {
        if keys.contains(self) { return self }
        let lower = lowercased()
        return keys.first { $0.lowercased() == lower } ?? self
    }
}
