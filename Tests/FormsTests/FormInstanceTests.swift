import Foundation
import Testing
import Forms
import OOXML
import TestSupport

@Suite("Form-instance XML")
struct FormInstanceTests {
    private func open(_ xml: String) throws -> PlainXMLDocument {
        guard case .xml(let document) = try DocumentReader.open(data: Data(xml.utf8), displayName: "form.xml") else {
            throw ExtractionError.unrecognisedXML(file: "form.xml", root: "?")
        }
        return document
    }

    @Test("written by fill and read by extract, with series, lists and typed values")
    func roundTrip() throws {
        let definition = try #require((try formsLibrary).definition(id: "jiangsu-sme-cluster"))
        let values: [String: FieldValue] = [
            "applicant_name": .text("江阴市工业和信息化局 <&>"),
            "area_km2": .number(Decimal(string: "45.5")!),
            "total_output": .series([2021: .number(Decimal(string: "41.2")!), 2022: .number(45), 2023: .number(Decimal(string: "50.1")!)]),
            "high_energy": .bool(false),
            "application_date": .date(CalendarDate(year: 2024, month: 5, day: 10)!),
            "enterprises": .list([["name": .text("江苏甲纺织有限公司"), "type": .text("little_giant"), "year": .integer(2022)]]),
        ]
        let xml = FormInstanceWriter.xml(values, definition: definition, kind: .application)
        let form = try Extractor(library: try formsLibrary).extract(formInstance: try open(xml))
        #expect(form.scheme == "jiangsu-sme-cluster")
        #expect(form.kind == .application)
        #expect(form.fields == values)
        #expect(form.locations[FieldKey(field: "area_km2")]?.first?.line == 5)
    }

    @Test("an instance that breaks the schema is refused naming the line, the element and what is wrong, in Chinese", arguments: [
        ("<field id=\"a\">1</field>\n<wrong/>", 4, "元素 <wrong>：不是此处允许的元素，或缺少必需的子元素"),
        ("<series id=\"total_output\">\n<value year=\"1800\">1</value></series>", 4, "元素 <value> 的属性 year：数值超出允许范围"),
        ("<field id=\"Bad Id\">1</field>", 3, "元素 <field> 的属性 id：值的格式不符"),
    ])
    func invalid(body: String, line: Int, detail: String) throws {
        let xml = "<?xml version=\"1.0\"?>\n<form xmlns=\"urn:cluster-review:form-instance:1\" scheme=\"jiangsu-sme-cluster\" kind=\"application\">\n\(body)\n</form>"
        do {
            _ = try Extractor(library: try formsLibrary).extract(formInstance: try open(xml))
            Issue.record("an invalid instance was accepted")
        } catch let error as ReadError {
            guard case .malformedXML(let file, let reported, let reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(file == "form.xml")
            #expect(reported == line)
            #expect(reason == "不符合表单实例 XML Schema：\(detail)")
        }
    }

    @Test("an unknown scheme id is refused naming where it was read: the file's attribute or --scheme",
          arguments: [(nil, "form.xml"), ("no-such-scheme", "--scheme 参数")] as [(String?, String)])
    func unknownSchemeId(option: String?, source: String) throws {
        let id = option ?? "no-such-scheme"
        let xml = "<?xml version=\"1.0\"?>\n<form xmlns=\"urn:cluster-review:form-instance:1\" "
            + "scheme=\"\(option == nil ? id : "jiangsu-sme-cluster")\" kind=\"application\">\n</form>"
        let expected = ExtractionError.unknownSchemeId(id, source: source)
        #expect(throws: expected) {
            try Extractor(library: try formsLibrary).extract(formInstance: try open(xml), scheme: option)
        }
        #expect(expected.localizedDescription == "\(source)：未知的申报类别 no-such-scheme（可用 cluster-review schemes 查看）")
    }

    @Test("XML that is neither Flat OPC nor a form instance is named as such")
    func foreignXML() throws {
        #expect(throws: ExtractionError.unrecognisedXML(file: "form.xml", root: "html")) {
            try Extractor(library: try formsLibrary).extract(formInstance: try open("<html><body/></html>"))
        }
    }
}
