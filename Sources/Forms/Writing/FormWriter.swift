import Foundation
import OOXML

/// Writes a scheme's application form or declaration as Word, blank or
/// filled: title, numbered sections, label/value tables, year tables, list
/// tables with header rows, ☐是 ☐否 checkboxes, the declaration text with its
/// seal, signature and date lines. Everything comes from the definition.
public struct FormWriter: Sendable {
    public let definition: FormDefinition
    /// The years a blank series table offers; filled tables use the data's years.
    public let blankYears: [Int]

    public init(definition: FormDefinition, blankYears: [Int]? = nil) {
        self.definition = definition
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        self.blankYears = blankYears ?? [year - 3, year - 2, year - 1]
    }

    private typealias W = WordBuilder

    // MARK: Application form

    /// The application form; `values` empty for a blank template.
    public func application(_ values: [String: FieldValue] = [:]) -> WordBuilder {
        let form = definition.application
        var builder = WordBuilder(title: form.title)
        builder.add(W.Paragraph([W.Run(form.title, bold: true, font: .xiaoBiaoSong, size: 22)], alignment: .center, style: "Title"))
        let width = builder.textWidth
        for section in form.sections {
            builder.add(W.Paragraph([W.Run(section.title, bold: true, font: .hei, size: 16)], style: "Heading1", keepNext: true))
            if let note = section.note {
                builder.add(W.Paragraph([W.Run("（\(note)）", font: .kai, size: 12)], keepNext: true))
            }
            switch section.layout {
            case .pairs:
                builder.add(pairsTable(section, values: values, width: width))
            case .series:
                builder.add(seriesTable(section.fields, values: values, width: width))
            case .list:
                for field in section.fields where field.type == .list {
                    builder.add(listTable(field, rows: values[field.id]?.rows, width: width))
                }
            case .paragraphs:
                for field in section.fields {
                    let label = labelWithUnit(field)
                    let text = values[field.id].map { display($0, field: field) } ?? ""
                    builder.add(W.Table(columnWidths: [width], rows: [
                        W.Row([W.Cell(label, bold: true, shading: "F2F2F2")]),
                        W.Row([W.Cell(text.isEmpty ? "" : text)]),
                    ]))
                }
            }
        }
        return builder
    }

    private func pairsTable(_ section: FormSection, values: [String: FieldValue], width: Int) -> W.Table {
        let perRow = section.columns == 4 ? 2 : 1
        let labelWidth = perRow == 2 ? width * 22 / 100 : width * 35 / 100
        let valueWidth = perRow == 2 ? width / 2 - labelWidth : width - labelWidth
        let columns = perRow == 2 ? [labelWidth, valueWidth, labelWidth, valueWidth] : [labelWidth, valueWidth]
        var rows: [W.Row] = []
        var pending: [W.Cell] = []
        for field in section.fields {
            let label = W.Cell(labelWithUnit(field), bold: true, shading: "F2F2F2")
            let value = valueCell(field, value: values[field.id])
            // Long answers and choices take a whole row.
            let wide = field.type == .choice || field.type == .list || field.type == .series
            if perRow == 2 && wide {
                if !pending.isEmpty {
                    rows.append(W.Row(pending + [W.Cell(""), W.Cell("")]))
                    pending = []
                }
                var spanning = value
                spanning.columnSpan = 3
                rows.append(W.Row([label, spanning]))
                continue
            }
            pending += [label, value]
            if pending.count == perRow * 2 {
                rows.append(W.Row(pending))
                pending = []
            }
        }
        if !pending.isEmpty {
            var last = pending.removeLast()
            last.columnSpan = columns.count - pending.count
            rows.append(W.Row(pending + [last]))
        }
        return W.Table(columnWidths: columns, rows: rows)
    }

    private func valueCell(_ field: FieldDefinition, value: FieldValue?) -> W.Cell {
        switch field.type {
        case .bool:
            let checked = value?.bool
            return W.Cell([W.Paragraph([.checkbox(checked == true), W.Run("是  "), .checkbox(checked == false), W.Run("否")])])
        case .choice where !field.options.isEmpty:
            var runs: [W.Run] = []
            var chosen: Set<String> = []
            if let single = value?.text { chosen.insert(single) }
            if case .options(let several)? = value { chosen.formUnion(several) }
            for option in field.options {
                runs.append(.checkbox(chosen.contains(option.id)))
                runs.append(W.Run(option.label + "  "))
            }
            return W.Cell([W.Paragraph(runs)])
        default:
            return W.Cell(value.map { display($0, field: field) } ?? "")
        }
    }

    private func seriesTable(_ fields: [FieldDefinition], values: [String: FieldValue], width: Int) -> W.Table {
        var years = Set<Int>()
        for field in fields {
            if let series = values[field.id]?.seriesValues { years.formUnion(series.keys) }
        }
        let columnsYears = years.isEmpty ? blankYears : years.sorted()
        let labelWidth = width * 38 / 100
        let unitWidth = width * 12 / 100
        let yearWidth = (width - labelWidth - unitWidth) / max(columnsYears.count, 1)
        var rows = [W.Row([W.Cell("指标", bold: true, alignment: .center, shading: "F2F2F2"),
                           W.Cell("单位", bold: true, alignment: .center, shading: "F2F2F2")]
                          + columnsYears.map { W.Cell("\($0)年", bold: true, alignment: .center, shading: "F2F2F2") },
                          isHeader: true)]
        for field in fields {
            let series = values[field.id]?.seriesValues ?? [:]
            let cells = columnsYears.map { year -> W.Cell in
                W.Cell(series[year].map { display($0, field: field) } ?? "", alignment: .center)
            }
            rows.append(W.Row([W.Cell(field.label), W.Cell(field.unit ?? "", alignment: .center)] + cells))
        }
        return W.Table(columnWidths: [labelWidth, unitWidth] + Array(repeating: yearWidth, count: columnsYears.count), rows: rows)
    }

    private func listTable(_ field: FieldDefinition, rows data: [[String: FieldValue]]?, width: Int) -> W.Table {
        let numberWidth = 700
        let columnWidth = (width - numberWidth) / max(field.columns.count, 1)
        var rows = [W.Row([W.Cell("序号", bold: true, alignment: .center, shading: "F2F2F2")]
                          + field.columns.map { W.Cell(labelWithUnit($0), bold: true, alignment: .center, shading: "F2F2F2") },
                          isHeader: true)]
        if let data, !data.isEmpty {
            for (index, row) in data.enumerated() {
                rows.append(W.Row([W.Cell("\(index + 1)", alignment: .center)] + field.columns.map { column in
                    W.Cell(row[column.id].map { display($0, field: column) } ?? "")
                }))
            }
        } else if !field.rows.isEmpty, let key = field.key, let keyColumn = field.column(key) {
            // Fixed rows (one per layer, per function): the key column is printed.
            for (index, rowId) in field.rows.enumerated() {
                let label = keyColumn.option(rowId)?.label ?? rowId
                rows.append(W.Row([W.Cell("\(index + 1)", alignment: .center)] + field.columns.map { column in
                    W.Cell(column.id == key ? label : "")
                }))
            }
        } else {
            for _ in 0..<(field.minRows ?? 3) {
                rows.append(W.Row([W.Cell("")] + field.columns.map { _ in W.Cell("") }))
            }
        }
        return W.Table(columnWidths: [numberWidth] + Array(repeating: columnWidth, count: field.columns.count), rows: rows)
    }

    /// "集群总产值（亿元）": the label with the field's unit, unless it has one.
    func labelWithUnit(_ field: FieldDefinition) -> String {
        guard let unit = field.unit, field.type.isNumeric || field.type == .series,
              TextNormalizer.unitInLabel(field.label) == nil else { return field.label }
        return "\(field.label)（\(unit)）"
    }

    /// A value as a person would type it into the form.
    public func display(_ value: FieldValue, field: FieldDefinition) -> String {
        switch value {
        case .text(let text):
            if field.type == .choice, let option = field.option(text) { return option.label }
            return text
        case .number(let number): return "\(number)"
        case .integer(let number): return "\(number)"
        case .bool(let flag): return flag ? "是" : "否"
        case .options(let ids): return ids.map { field.option($0)?.label ?? $0 }.joined(separator: "、")
        case .date(let date): return "\(date.year)年\(date.month)月\(date.day)日"
        case .series, .list: return ""
        }
    }

    // MARK: Declaration

    /// The responsibility declaration; `values` empty for a blank one.
    public func declaration(_ values: [String: FieldValue] = [:]) -> WordBuilder {
        let form = definition.declaration
        var builder = WordBuilder(title: form.title)
        builder.add(W.Paragraph([W.Run(form.title, bold: true, font: .xiaoBiaoSong, size: 22)], alignment: .center, style: "Title"))
        builder.add(W.Paragraph([]))
        for line in form.paragraphs {
            var text = line
            for name in form.placeholders {
                let replacement = values[name].flatMap { value in form.field(name).map { display(value, field: $0) } }
                text = text.replacingOccurrences(of: "{\(name)}", with: replacement ?? "________________")
            }
            let isOpening = line.contains("{")
            builder.add(W.Paragraph(text, firstLineChars: isOpening ? nil : 2))
        }
        builder.add(W.Paragraph([]))
        for name in form.signature {
            guard let field = form.field(name) else { continue }
            let value = values[name].map { display($0, field: field) } ?? ""
            let label = field.label.hasSuffix("：") ? field.label : field.label + "："
            builder.add(W.Paragraph([W.Run(label), W.Run(value.isEmpty ? "                    " : value, underline: value.isEmpty)],
                                    alignment: .right))
        }
        return builder
    }
}
