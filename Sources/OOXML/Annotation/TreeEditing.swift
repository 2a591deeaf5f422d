import Foundation
internal import CLibXML2

/// The few tree edits an annotated copy needs. Every new node is inserted the
/// moment it is made, so the document that owns the tree frees it.
extension XMLElement {
    var parent: XMLElement? {
        guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLElement(node: parent, document: document)
    }

    var nextElement: XMLElement? {
        var sibling = node.pointee.next
        while let current = sibling {
            if current.pointee.type == XML_ELEMENT_NODE { return XMLElement(node: current, document: document) }
            sibling = current.pointee.next
        }
        return nil
    }

    /// True when this element is `name` in a WordprocessingML namespace
    /// (transitional or strict).
    func isWord(_ name: String) -> Bool {
        localName == name && namespaceURI.map(NamespaceClassifier.wordURIs.contains) == true
    }

    /// Every child node (elements, text, comments), in order.
    var childNodes: [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            result.append(current)
            child = current.pointee.next
        }
        return result
    }

    enum Position {
        case before, after, firstChild, lastChild
    }

    /// Makes an element named `name` in the namespace of `model` (default:
    /// this element) and puts it at `position` relative to this element.
    @discardableResult
    func insertElement(_ name: String, _ position: Position, namespaceOf model: XMLElement? = nil) throws -> XMLElement {
        guard let created = xmlNewDocNode(document.pointer, (model ?? self).node.pointee.ns, name, nil) else {
            throw AnnotationError.outOfMemory
        }
        place(created, position)
        return XMLElement(node: created, document: document)
    }

    /// A copy of this element's name and attributes, without its children,
    /// put at `position` relative to `anchor`.
    @discardableResult
    func shallowCopy(_ position: Position, of anchor: XMLElement) throws -> XMLElement {
        let parent = position == .before || position == .after ? anchor.node.pointee.parent : anchor.node
        let copy = try clone(deep: false, under: parent)
        anchor.place(copy, position)
        return XMLElement(node: copy, document: document)
    }

    /// A copy of this element and everything in it, appended to `parent`.
    @discardableResult
    func deepCopy(appendingTo parent: XMLElement) throws -> XMLElement {
        let copy = try clone(deep: true, under: parent.node)
        parent.place(copy, .lastChild)
        return XMLElement(node: copy, document: document)
    }

    /// Clones against the namespaces in scope at `parent`, so the copy
    /// reuses the document's `xmlns:w` instead of declaring its own.
    private func clone(deep: Bool, under parent: xmlNodePtr?) throws -> xmlNodePtr {
        var copy: xmlNodePtr?
        let status = xmlDOMWrapCloneNode(nil, document.pointer, node, &copy, document.pointer, parent, deep ? 1 : 0, 0)
        guard status == 0, let copy else { throw AnnotationError.outOfMemory }
        return copy
    }

    /// Moves `child` (a node of the same document) to the end of this element.
    func adopt(_ child: xmlNodePtr) {
        xmlUnlinkNode(child)
        xmlAddChild(node, child)
    }

    private func place(_ new: xmlNodePtr, _ position: Position) {
        switch position {
        case .before: xmlAddPrevSibling(node, new)
        case .after: xmlAddNextSibling(node, new)
        case .lastChild: xmlAddChild(node, new)
        case .firstChild:
            if let first = node.pointee.children {
                xmlAddPrevSibling(first, new)
            } else {
                xmlAddChild(node, new)
            }
        }
    }

    /// Sets attribute `name` in this element's own namespace (`w:val`, `w:id`).
    func setAttribute(_ name: String, _ value: String) {
        xmlSetNsProp(node, attributeNamespace(), name, value)
    }

    /// The element's namespace with a prefix. An attribute cannot be in a
    /// default namespace, so for a part written with WordprocessingML as its
    /// default namespace, a prefix bound to the same URI is found in scope
    /// or declared on the root.
    private func attributeNamespace() -> xmlNsPtr? {
        guard let ns = node.pointee.ns, let href = ns.pointee.href else { return node.pointee.ns }
        if ns.pointee.prefix != nil { return ns }
        var scope: xmlNodePtr? = node
        while let current = scope, current.pointee.type == XML_ELEMENT_NODE {
            var declared = current.pointee.nsDef
            while let candidate = declared {
                if let prefix = candidate.pointee.prefix, xmlStrEqual(candidate.pointee.href, href) != 0,
                   xmlSearchNs(document.pointer, node, prefix) == candidate {
                    return candidate
                }
                declared = candidate.pointee.next
            }
            scope = current.pointee.parent
        }
        guard let root = xmlDocGetRootElement(document.pointer) else { return ns }
        var prefix = "w"
        var number = 0
        while xmlSearchNs(document.pointer, root, prefix) != nil || xmlSearchNs(document.pointer, node, prefix) != nil {
            number += 1
            prefix = "w\(number)"
        }
        return xmlNewNs(root, href, prefix) ?? ns
    }

    /// Sets an attribute without a namespace (`PartName`, `Id`).
    func setPlainAttribute(_ name: String, _ value: String) {
        xmlSetProp(node, name, value)
    }

    /// Replaces the content with `text`, marked `xml:space="preserve"` so
    /// leading and trailing spaces survive.
    func setText(_ text: String) throws {
        for child in childNodes {
            xmlUnlinkNode(child)
            xmlFreeNode(child)
        }
        if !text.isEmpty {
            guard let textNode = xmlNewDocText(document.pointer, text) else { throw AnnotationError.outOfMemory }
            xmlAddChild(node, textNode)
        }
        xmlNodeSetSpacePreserve(node, 1)
    }
}

extension XMLElement {
    /// The element at `node`, or nil for text and other nodes.
    static func element(_ node: xmlNodePtr, in document: XMLDocument) -> XMLElement? {
        node.pointee.type == XML_ELEMENT_NODE ? XMLElement(node: node, document: document) : nil
    }
}
