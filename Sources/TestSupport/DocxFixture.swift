import Foundation
import OOXML

/// Builds `.docx` bytes from WordprocessingML strings, for tests.
public enum DocxFixture {
    public static let namespaces = """
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
    xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" \
    xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
    xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
    xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
    xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
    xmlns:v="urn:schemas-microsoft-com:vml" \
    mc:Ignorable="w14 wps"
    """

    public static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
    <Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>\
    </Types>
    """

    public static let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    </Relationships>
    """

    /// The document part for `body` (the inside of `w:body`).
    public static func documentXML(body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document \(namespaces)><w:body>\(body)<w:sectPr/></w:body></w:document>
        """
    }

    /// A complete package. `header` and `footnotes` add those parts.
    public static func docx(body: String, header: String? = nil, footnotes: String? = nil,
                            extraParts: [(String, Data)] = []) throws -> Data {
        var writer = PackageWriter()
        writer.add("[Content_Types].xml", xml: contentTypes)
        writer.add("_rels/.rels", xml: packageRelationships)
        writer.add("word/document.xml", xml: documentXML(body: body))
        var rels = ""
        if let header {
            writer.add("word/header1.xml", xml: "<?xml version=\"1.0\"?><w:hdr \(namespaces)>\(header)</w:hdr>")
            rels += "<Relationship Id=\"rId10\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
        }
        if let footnotes {
            writer.add("word/footnotes.xml", xml: "<?xml version=\"1.0\"?><w:footnotes \(namespaces)>\(footnotes)</w:footnotes>")
            rels += "<Relationship Id=\"rId11\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"footnotes.xml\"/>"
        }
        writer.add("word/_rels/document.xml.rels", xml: """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)</Relationships>
            """)
        for (name, data) in extraParts { writer.add(name, data) }
        return try writer.archiveData()
    }

    /// A Flat OPC (`pkg:package`) rendering of the same minimal document.
    public static func flatOPC(body: String, binaryPart: (name: String, base64: String)? = nil) -> String {
        var binary = ""
        if let binaryPart {
            binary = """
            <pkg:part pkg:name="\(binaryPart.name)" pkg:contentType="image/png" pkg:compression="store"><pkg:binaryData>\(binaryPart.base64)</pkg:binaryData></pkg:part>
            """
        }
        return """
        <?xml version="1.0" standalone="yes"?>
        <?mso-application progid="Word.Document"?>
        <pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">\
        <pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>\
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>\
        </pkg:xmlData></pkg:part>\
        <pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>\
        <w:document \(namespaces)><w:body>\(body)<w:sectPr/></w:body></w:document>\
        </pkg:xmlData></pkg:part>\(binary)\
        </pkg:package>
        """
    }

    /// Reads `data` as a Word document.
    public static func read(_ data: Data, name: String = "test.docx") throws -> WordDocument {
        switch try DocumentReader.open(data: data, displayName: name) {
        case .word(let package): return try DocumentReader.read(package)
        case .xml: throw ReadError.notWordDocument(file: name, contentType: "XML")
        }
    }

    /// Shorthand for a run.
    public static func r(_ text: String) -> String {
        "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
    }

    /// Shorthand for a paragraph of runs.
    public static func p(_ runs: String...) -> String {
        "<w:p>" + runs.joined() + "</w:p>"
    }
}

extension DocxFixture {
    /// A package whose document part inflates to `actualBytes`; with
    /// `declaredBytes` the zip headers lie about that size.
    public static func bomb(actualBytes: Int, declaredBytes: UInt32? = nil) throws -> Data {
        let opening = "<?xml version=\"1.0\"?><w:document \(namespaces)><w:body><w:p><w:r><w:t>"
        let closing = "</w:t></w:r></w:p></w:body></w:document>"
        var document = Data(opening.utf8)
        document.append(Data(repeating: UInt8(ascii: " "), count: max(0, actualBytes - opening.utf8.count - closing.utf8.count)))
        document.append(Data(closing.utf8))
        var writer = PackageWriter()
        writer.add("[Content_Types].xml", xml: contentTypes)
        writer.add("_rels/.rels", xml: packageRelationships)
        writer.add("word/document.xml", document)
        var zip = try writer.archiveData()
        if let declaredBytes {
            patchUncompressedSize(of: "word/document.xml", to: declaredBytes, in: &zip)
        }
        return zip
    }

    /// Rewrites the uncompressed-size fields of `entry` in both its local
    /// header and its central-directory record.
    static func patchUncompressedSize(of entry: String, to size: UInt32, in zip: inout Data) {
        let name = Array(entry.utf8)
        let bytes = [UInt8](zip)
        func writeLE(_ value: UInt32, at offset: Int) {
            for k in 0..<4 { zip[offset + k] = UInt8((value >> (8 * UInt32(k))) & 0xFF) }
        }
        var index = 0
        while index + 46 < bytes.count {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B {
                if bytes[index + 2] == 0x03, bytes[index + 3] == 0x04 {
                    let nameLength = Int(bytes[index + 26]) | Int(bytes[index + 27]) << 8
                    if Array(bytes[(index + 30)..<(index + 30 + nameLength)]) == name { writeLE(size, at: index + 22) }
                } else if bytes[index + 2] == 0x01, bytes[index + 3] == 0x02 {
                    let nameLength = Int(bytes[index + 28]) | Int(bytes[index + 29]) << 8
                    if Array(bytes[(index + 46)..<(index + 46 + nameLength)]) == name { writeLE(size, at: index + 24) }
                }
            }
            index += 1
        }
    }
}
