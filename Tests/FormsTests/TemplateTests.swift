import Foundation
import Testing
import Forms
import OOXML
import TestSupport

@Suite("Blank templates")
struct TemplateTests {
    static let schemes = ["wuxi-promotion-agency", "jiangsu-sme-cluster", "sichuan-sme-cluster", "miit-sme-cluster", "ccid-promotion-org"]

    @Test("a blank form names its scheme and kind in its title, offers every field, and reads back empty", arguments: schemes)
    func blank(scheme: String) throws {
        let library = try formsLibrary
        let definition = try #require(library.definition(id: scheme))
        let writer = FormWriter(definition: definition, blankYears: [2021, 2022, 2023])
        for kind in [FormKind.application, .declaration] {
            let builder = kind == .application ? writer.application() : writer.declaration()
            let document = try DocxFixture.read(try builder.package().archiveData(), name: "\(scheme)-\(kind).docx")
            let form = try Extractor(library: library).extract(document)
            #expect(form.scheme == scheme)
            #expect(form.kind == kind)
            // Fixed-row tables print their row names; nothing else has a value.
            let fixed = Set(definition.application.fields.filter { !$0.rows.isEmpty }.map(\.id))
            #expect(Set(form.fields.keys).subtracting(fixed).isEmpty, "\(kind): \(form.fields.keys.sorted())")
            #expect(form.problems.isEmpty, "\(kind): \(form.problems)")
            if kind == .application {
                // Every field's label is in the document, so a person can fill it in.
                let labelled = Set(form.labelLocations.keys).union(form.fields.keys)
                let expected = Set(definition.application.fields.filter { $0.type != .list }.map(\.id))
                #expect(expected.subtracting(labelled).isEmpty, "labels not found: \(expected.subtracting(labelled).sorted())")
                #expect(document.allTables.contains { table in table.rows.contains(where: \.isHeader) })
            } else {
                let texts = document.allParagraphs.map(\.text).joined(separator: "\n")
                #expect(texts.contains("法定代表人（签字）"))
                #expect(texts.contains("日期"))
            }
        }
    }
}
