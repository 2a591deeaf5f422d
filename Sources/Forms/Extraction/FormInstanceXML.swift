import Foundation
import OOXML

/// The project's form-instance XML (`forms/form-instance.xsd`): a form as
/// data, read into the same raw fields as a Word document and parsed by the
/// same value rules.
public enum FormInstanceXML {
    public static let namespace = "urn:cluster-review:form-instance:1"

    /// What the root says about the form.
    public struct Header: Sendable, Equatable {
        public let scheme: String
        public let kind: String
        public let title: String?
    }

    /// True when `document` is a form instance (by root name and namespace).
    public static func recognises(_ document: PlainXMLDocument) -> Bool {
        document.rootName == "form" && document.rootNamespace == namespace
    }

    static func read(_ root: PlainElement, file: String) -> (Header, RawFields) {
        let header = Header(scheme: root.attributes["scheme"] ?? "", kind: root.attributes["kind"] ?? "",
                            title: root.attributes["title"])
        var raw = RawFields()
        for element in root.children {
            guard let id = element.attributes["id"] else { continue }
            switch element.name {
            case "field":
                let value = LocatedText(text: element.text, file: file, line: element.line).trimmed()
                raw.labels[id] = value
                if !value.isBlank { raw.scalars[id] = RawFields.Scalar(value: value, labelUnit: nil) }
            case "series":
                var series = RawFields.Series()
                series.unit = element.attributes["unit"]
                for value in element.children("value") {
                    guard let year = value.attributes["year"].flatMap({ Int($0) }) else { continue }
                    let text = LocatedText(text: value.text, file: file, line: value.line).trimmed()
                    if !text.isBlank { series.values[year] = text }
                }
                raw.series[id] = series
            case "list":
                raw.lists[id] = element.children("row").map { row in
                    var entry: RawFields.ListRow = [:]
                    for cell in row.children("cell") {
                        guard let column = cell.attributes["column"] else { continue }
                        let text = LocatedText(text: cell.text, file: file, line: cell.line).trimmed()
                        if !text.isBlank { entry[column] = text }
                    }
                    return entry
                }
            default:
                continue
            }
        }
        return (header, raw)
    }

    /// Escapes text for element content and attribute values.
    static func escape(_ text: String) -> String {
        WordBuilder.escape(text)
    }
}
