import Foundation

/// The `extract` JSON shape, written and read.
public enum ExtractionJSON {
    struct Document: Encodable {
        let file: String
        let scheme: String?
        let kind: FormKind?
        let fields: [String: FieldValue]
        let problems: [ExtractionProblem]
    }

    struct Output: Encodable {
        let documents: [Document]
    }

    public static func encode(_ forms: [ExtractedForm]) throws -> String {
        let output = Output(documents: forms.map {
            Document(file: $0.file, scheme: $0.scheme, kind: $0.kind, fields: $0.fields, problems: $0.problems)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }
}

/// Why fill data cannot be used.
public enum FormDataError: Error, LocalizedError, Equatable {
    case notJSON(file: String, reason: String)
    case unknownField(file: String, field: String)
    case wrongType(file: String, field: String, expected: String)

    public var errorDescription: String? {
        switch self {
        case let .notJSON(file, reason): return "\(file)：不是有效的 JSON（\(reason)）"
        case let .unknownField(file, field): return "\(file)：字段 \(field) 不是本表单的字段"
        case let .wrongType(file, field, expected): return "\(file)：字段 \(field) 的值应为\(expected)"
        }
    }
}

/// Reads fill data: the `extract` output (its first document of the wanted
/// kind), one document object, or a bare object of fields.
public enum FormData {
    public static func decode(_ data: Data, file: String, definition: FormDefinition, kind: FormKind) throws -> [String: FieldValue] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw FormDataError.notJSON(file: file, reason: "语法错误")
        }
        var fieldsObject: Any = object
        if let top = object as? [String: Any] {
            if let documents = top["documents"] as? [[String: Any]] {
                let wanted = documents.first { ($0["kind"] as? String) == kind.rawValue } ?? documents.first
                fieldsObject = wanted?["fields"] ?? [:]
            } else if let fields = top["fields"] {
                fieldsObject = fields
            }
        }
        guard JSONSerialization.isValidJSONObject(fieldsObject) else {
            throw FormDataError.notJSON(file: file, reason: "fields 应为对象")
        }
        let fieldsData = try JSONSerialization.data(withJSONObject: fieldsObject)
        let raw: [String: FieldValue]
        do {
            raw = try JSONDecoder().decode([String: FieldValue].self, from: fieldsData)
        } catch {
            throw FormDataError.notJSON(file: file, reason: "fields 应为对象")
        }
        let fields = kind == .application ? definition.application.fields : definition.declaration.fields
        var result: [String: FieldValue] = [:]
        for (id, value) in raw {
            guard let field = fields.first(where: { $0.id == id }) else {
                throw FormDataError.unknownField(file: file, field: id)
            }
            guard let settled = value.conformed(to: field) else {
                throw FormDataError.wrongType(file: file, field: id, expected: field.type.rawValue)
            }
            result[id] = settled
        }
        return result
    }
}

/// Writes a form as the project's form-instance XML (`forms/form-instance.xsd`).
public enum FormInstanceWriter {
    public static func xml(_ values: [String: FieldValue], definition: FormDefinition, kind: FormKind) -> String {
        let writer = FormWriter(definition: definition)
        let fields = kind == .application ? definition.application.fields : definition.declaration.fields
        let title = kind == .application ? definition.application.title : definition.declaration.title
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <form xmlns="\(FormInstanceXML.namespace)" scheme="\(FormInstanceXML.escape(definition.id))" \
        kind="\(kind.rawValue)" title="\(FormInstanceXML.escape(title))">\n
        """
        for field in fields {
            guard let value = values[field.id] else { continue }
            switch value {
            case .series(let series):
                xml += "  <series id=\"\(field.id)\"\(field.unit.map { " unit=\"\(FormInstanceXML.escape($0))\"" } ?? "")>\n"
                for (year, item) in series.sorted(by: { $0.key < $1.key }) {
                    xml += "    <value year=\"\(year)\">\(FormInstanceXML.escape(writer.display(item, field: field)))</value>\n"
                }
                xml += "  </series>\n"
            case .list(let rows):
                xml += "  <list id=\"\(field.id)\">\n"
                for row in rows {
                    xml += "    <row>"
                    for column in field.columns {
                        guard let item = row[column.id] else { continue }
                        xml += "<cell column=\"\(column.id)\">\(FormInstanceXML.escape(writer.display(item, field: column)))</cell>"
                    }
                    xml += "</row>\n"
                }
                xml += "  </list>\n"
            default:
                xml += "  <field id=\"\(field.id)\">\(FormInstanceXML.escape(writer.display(value, field: field)))</field>\n"
            }
        }
        return xml + "</form>\n"
    }
}
