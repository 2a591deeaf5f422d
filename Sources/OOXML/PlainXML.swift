import Foundation
internal import CLibXML2

/// An XML element as a plain Swift value, for XML that is not a Word package
/// (the project's form-instance documents). Keeps libxml2 inside this module.
public struct PlainElement: Sendable, Equatable {
    public let name: String
    public let namespace: String?
    public let attributes: [String: String]
    public let children: [PlainElement]
    /// Text directly inside this element.
    public let text: String
    public let line: Int

    public func child(_ name: String) -> PlainElement? {
        children.first { $0.name == name }
    }

    public func children(_ name: String) -> [PlainElement] {
        children.filter { $0.name == name }
    }
}

/// A parsed XML document that is not a Word package.
public final class PlainXMLDocument {
    let document: XMLDocument
    public let fileName: String

    init(document: XMLDocument, fileName: String) {
        self.document = document
        self.fileName = fileName
    }

    public var rootName: String { document.root?.localName ?? "" }
    public var rootNamespace: String? { document.root?.namespaceURI }

    /// The whole tree as Swift values.
    public var root: PlainElement? {
        document.root.map(PlainXMLDocument.convert)
    }

    private static func convert(_ element: XMLElement) -> PlainElement {
        var attributes: [String: String] = [:]
        var attribute = element.node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                let key = String(cString: name)
                attributes[key] = element.attribute(anyNamespace: key)
            }
            attribute = current.pointee.next
        }
        return PlainElement(
            name: element.localName, namespace: element.namespaceURI, attributes: attributes,
            children: element.children.map(convert), text: element.ownText, line: element.line)
    }

    /// Validates against the XML Schema at `schemaURL`; throws naming the
    /// first offending line.
    public func validate(against schemaURL: URL) throws {
        try SchemaValidator(schemaURL: schemaURL).validate(self)
    }
}

/// A compiled XML Schema (XSD), loaded from a local file only.
public final class SchemaValidator: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    private let lock = NSLock()

    public init(schemaURL: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: schemaURL)
        } catch {
            throw ReadError.unreadableFile(file: schemaURL.lastPathComponent, reason: "无法读取 XML Schema")
        }
        let parsed: xmlSchemaPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress,
                  let context = xmlSchemaNewMemParserCtxt(base.assumingMemoryBound(to: CChar.self), Int32(raw.count)) else {
                return nil
            }
            defer { xmlSchemaFreeParserCtxt(context) }
            return xmlSchemaParse(context)
        }
        guard let parsed else {
            throw ReadError.malformedXML(file: schemaURL.lastPathComponent, line: 0, reason: "XML Schema 无法编译")
        }
        schema = parsed
    }

    deinit {
        xmlSchemaFree(schema)
    }

    public func validate(_ document: PlainXMLDocument) throws {
        lock.lock()
        defer { lock.unlock() }
        guard let context = xmlSchemaNewValidCtxt(schema) else { return }
        defer { xmlSchemaFreeValidCtxt(context) }
        var collector = SchemaErrorCollector()
        let result = withUnsafeMutablePointer(to: &collector) { pointer -> Int32 in
            xmlSchemaSetValidStructuredErrors(context, { userData, error in
                guard let userData, let error else { return }
                let collector = userData.assumingMemoryBound(to: SchemaErrorCollector.self)
                guard collector.pointee.line == nil else { return }
                collector.pointee.line = Int(error.pointee.line)
                collector.pointee.message = XMLErrorText.schema(
                    code: error.pointee.code, node: error.pointee.node?.assumingMemoryBound(to: xmlNode.self),
                    message: error.pointee.message.map { String(cString: $0) } ?? "")
            }, pointer)
            return xmlSchemaValidateDoc(context, document.document.pointer)
        }
        if result != 0 {
            throw ReadError.malformedXML(
                file: document.fileName, line: collector.line ?? 0,
                reason: "不符合表单实例 XML Schema：\(collector.message ?? "校验失败")")
        }
    }
}

private struct SchemaErrorCollector {
    var line: Int?
    var message: String?
}
