import Foundation
internal import CLibXML2

/// Parse options shared by every call into libxml2: no network, no entity
/// substitution, no DTD loading, no XML_PARSE_HUGE (so libxml2 keeps its own
/// caps on depth and text-node size), errors collected rather than printed.
private let safeParseOptions: Int32 = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_NOCDATA.rawValue
)

/// Called once per process before any parser runs; libxml2 requires it for
/// thread safety.
private let libxmlInitialised: Bool = {
    xmlInitParser()
    return true
}()

/// The errors libxml2 raises during one parse, taken through the calling
/// thread's structured error handler so that none is printed on stderr and
/// all are kept (libxml2's context keeps only the last, which is often a
/// consequence of the first: a text node cut at its cap is followed by
/// "Extra content at the end of the document").
final class ParseErrors {
    struct Raised {
        let code: Int32
        let level: Int
        let line: Int
        let message: String

        init(_ error: xmlError) {
            code = error.code
            level = Int(error.level.rawValue)
            line = Int(error.line)
            message = error.message.map { String(cString: $0) }?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
    }

    /// Errors and fatal errors in the order raised (warnings dropped), at most 32.
    private(set) var raised: [Raised] = []

    /// Runs `body` with this collector as the thread's handler. libxml2's
    /// handler is per thread, and `body` does not suspend.
    func collecting<T>(_ body: () -> T) -> T {
        let me = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(me) { userData, error in
            guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let collector = Unmanaged<ParseErrors>.fromOpaque(userData).takeUnretainedValue()
            if collector.raised.count < 32 { collector.raised.append(Raised(error.pointee)) }
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return withExtendedLifetime(self) { body() }
    }
}

/// An owned libxml2 document. The only owner of its `xmlDocPtr`; freed on deinit.
final class XMLDocument: @unchecked Sendable {
    let pointer: xmlDocPtr

    init(owning pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// Parses `data` as XML. `origin` names the file and part for messages.
    static func parse(_ data: Data, origin: String, limits: ReadLimits) throws -> XMLDocument {
        _ = libxmlInitialised
        guard data.count <= Int(Int32.max) else {
            throw ReadError.limitExceeded(file: origin, limit: .partSize, value: data.count)
        }
        guard let context = xmlNewParserCtxt() else {
            throw ReadError.malformedXML(file: origin, line: 0, reason: "无法创建 XML 解析器")
        }
        defer { xmlFreeParserCtxt(context) }
        let collector = ParseErrors()
        let parsed: xmlDocPtr? = collector.collecting {
            data.withUnsafeBytes { raw -> xmlDocPtr? in
                guard let base = raw.baseAddress else { return nil }
                return xmlCtxtReadMemory(
                    context, base.assumingMemoryBound(to: CChar.self), Int32(raw.count),
                    nil, nil, safeParseOptions)
            }
        }
        guard let doc = parsed else {
            throw error(collector, context: context, origin: origin, limits: limits)
        }
        let owned = XMLDocument(owning: doc)
        // OOXML parts never carry a DOCTYPE; one here is an entity bomb or an
        // external-entity probe. Refuse it before anything reads entity nodes.
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            throw ReadError.forbiddenDTD(file: origin)
        }
        guard xmlDocGetRootElement(doc) != nil else {
            throw ReadError.malformedXML(file: origin, line: 0, reason: "文档没有根元素")
        }
        return owned
    }

    /// The reader's error for a failed parse: a limit when libxml2 raised one
    /// (whatever followed it), else the first fatal error, else the last.
    private static func error(
        _ collector: ParseErrors, context: xmlParserCtxtPtr, origin: String, limits: ReadLimits
    ) -> ReadError {
        var raised = collector.raised
        if raised.isEmpty, let last = xmlCtxtGetLastError(context) {
            raised = [ParseErrors.Raised(last.pointee)]
        }
        for error in raised {
            let message = error.message
            if (error.code == Int32(XML_ERR_INTERNAL_ERROR.rawValue) && message.contains("depth"))
                || message.contains("Excessive depth") {
                return .limitExceeded(file: origin, limit: .elementDepth, value: limits.maxElementDepth)
            }
            if message.contains("huge text node") || message.contains("xmlSAX2Characters") {
                return .limitExceeded(file: origin, limit: .textNode, value: 10_000_000)
            }
            // Entity expansion (only a DTD can declare entities). A bare "&"
            // in text ("xmlParseEntityRef: no name") is malformed XML.
            if message.contains("entity reference loop") || message.contains("amplification")
                || message.contains("DOCTYPE") {
                return .forbiddenDTD(file: origin)
            }
        }
        guard let chosen = raised.first(where: { $0.level == Int(XML_ERR_FATAL.rawValue) }) ?? raised.last else {
            return .malformedXML(file: origin, line: 0, reason: "XML 无法解析")
        }
        return .malformedXML(file: origin, line: chosen.line, reason: XMLErrorText.chinese(code: chosen.code, message: chosen.message))
    }

    var root: XMLElement? {
        xmlDocGetRootElement(pointer).map { XMLElement(node: $0, document: self) }
    }

    /// Serialises the document (UTF-8, with an XML declaration).
    func serialized() -> Data {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(pointer, &buffer, &size, "UTF-8")
        guard let bytes = buffer else { return Data() }
        defer { clibxml2_free(bytes) }
        return Data(bytes: bytes, count: Int(size))
    }

    /// A new document whose root is a deep copy of `element` (namespaces
    /// declared on ancestors are re-declared on the copy).
    static func copying(_ element: XMLElement) -> XMLDocument? {
        guard let doc = xmlNewDoc("1.0") else { return nil }
        let owned = XMLDocument(owning: doc)
        guard let copy = xmlDocCopyNode(element.node, doc, 1) else { return nil }
        xmlDocSetRootElement(doc, copy)
        xmlReconciliateNs(doc, copy)
        return owned
    }
}

/// A borrowed view of an element; keeps its document alive.
struct XMLElement {
    let node: xmlNodePtr
    let document: XMLDocument

    var localName: String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    var namespaceURI: String? {
        node.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    /// True when this element is `name` in namespace `uri`.
    func `is`(_ name: String, _ uri: String) -> Bool {
        guard let raw = node.pointee.name else { return false }
        guard xmlStrEqualTo(raw, name) else { return false }
        guard let href = node.pointee.ns?.pointee.href else { return false }
        return xmlStrEqualTo(href, uri)
    }

    /// Child elements in document order.
    var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                result.append(XMLElement(node: current, document: document))
            }
            child = current.pointee.next
        }
        return result
    }

    /// Calls `body` for each child element without allocating an array.
    func forEachChild(_ body: (XMLElement) throws -> Void) rethrows {
        var child = node.pointee.children
        while let current = child {
            let next = current.pointee.next
            if current.pointee.type == XML_ELEMENT_NODE {
                try body(XMLElement(node: current, document: document))
            }
            child = next
        }
    }

    func firstChild(_ name: String, _ uri: String) -> XMLElement? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                let element = XMLElement(node: current, document: document)
                if element.is(name, uri) { return element }
            }
            child = current.pointee.next
        }
        return nil
    }

    func children(_ name: String, _ uri: String) -> [XMLElement] {
        children.filter { $0.is(name, uri) }
    }

    /// The attribute `name` in namespace `uri` (nil `uri`: no namespace).
    func attribute(_ name: String, _ uri: String? = nil) -> String? {
        let value: UnsafeMutablePointer<xmlChar>?
        if let uri {
            value = xmlGetNsProp(node, name, uri)
        } else {
            value = xmlGetNoNsProp(node, name)
        }
        guard let value else { return nil }
        defer { clibxml2_free(value) }
        return String(cString: value)
    }

    /// The attribute `name` whatever its namespace (w:val, w14:val, val).
    func attribute(anyNamespace name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { clibxml2_free(value) }
        return String(cString: value)
    }

    /// Local name without allocating for names up to 15 bytes.
    var name: String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// Concatenated text of direct text children (not descendants).
    var ownText: String {
        var result = ""
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
               let content = current.pointee.content {
                result += String(cString: content)
            }
            child = current.pointee.next
        }
        return result
    }

    /// 1-based source line, for messages.
    var line: Int { Int(xmlGetLineNo(node)) }

    /// Pre-order count of descendant elements named `name` in `uri`, self included.
    func countDescendants(_ name: String, _ uri: String) -> Int {
        var count = self.is(name, uri) ? 1 : 0
        forEachChild { count += $0.countDescendants(name, uri) }
        return count
    }
}

private func xmlStrEqualTo(_ raw: UnsafePointer<xmlChar>, _ string: String) -> Bool {
    string.withCString { cString in
        cString.withMemoryRebound(to: xmlChar.self, capacity: string.utf8.count + 1) {
            xmlStrEqual(raw, $0) != 0
        }
    }
}

/// Namespaces the Word reader tells apart.
enum NamespaceKind {
    case word, word14, markupCompatibility, other
}

/// Classifies element namespaces by their `xmlNs` pointer, so the walker
/// compares each namespace URI once per declaration rather than per element.
struct NamespaceClassifier {
    private var cache: [UnsafeMutableRawPointer: NamespaceKind] = [:]

    static let wordURIs: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    static let word14URI = "http://schemas.microsoft.com/office/word/2010/wordml"
    static let markupCompatibilityURI = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    mutating func kind(of element: XMLElement) -> NamespaceKind {
        guard let ns = element.node.pointee.ns else { return .other }
        let key = UnsafeMutableRawPointer(ns)
        if let known = cache[key] { return known }
        let uri = ns.pointee.href.map { String(cString: $0) } ?? ""
        let kind: NamespaceKind
        if NamespaceClassifier.wordURIs.contains(uri) {
            kind = .word
        } else if uri == NamespaceClassifier.word14URI {
            kind = .word14
        } else if uri == NamespaceClassifier.markupCompatibilityURI {
            kind = .markupCompatibility
        } else {
            kind = .other
        }
        cache[key] = kind
        return kind
    }
}
