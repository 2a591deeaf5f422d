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
