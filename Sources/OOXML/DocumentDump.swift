import Foundation

/// The developer's and support's view of a document: every block with its
/// location and text, one line per paragraph or cell paragraph.
public enum DocumentDump {
    public static func write(_ document: WordDocument, showRuns: Bool, to output: inout String) {
        output += "# \(document.fileName) (\(document.format.rawValue)) \(document.mainPart)\n"
        write(document.body, indent: "", showRuns: showRuns, to: &output)
        for side in document.sideParts {
            output += "# \(side.kind.rawValue) \(side.part)\n"
            write(side.blocks, indent: "", showRuns: showRuns, to: &output)
        }
    }

    static func write(_ blocks: [Block], indent: String, showRuns: Bool, to output: inout String) {
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                output += "\(indent)\(paragraph.path) \(escape(paragraph.text))"
                if let style = paragraph.style { output += "  [style \(style)]" }
                for box in paragraph.checkboxes {
                    output += "  [checkbox@\(box.offset) \(box.checked ? "checked" : "unchecked") \(box.kind.rawValue)]"
                }
                output += "\n"
                if showRuns {
                    for segment in paragraph.segments {
                        let from = segment.textRange.lowerBound, to = segment.textRange.upperBound
                        output += "\(indent)    chars \(from)..<\(to) ← run \(segment.run) [\(segment.runOffset)..<\(segment.runOffset + to - from)]"
                        output += segment.synthetic ? " synthetic\n" : "\n"
                    }
                }
            case .table(let table):
                output += "\(indent)\(table.path) table \(table.rows.count)×\(table.columnCount)\n"
                for row in table.rows {
                    output += "\(indent)  \(row.path)\(row.isHeader ? " header" : "")\n"
                    for cell in row.cells {
                        var span = ""
                        if cell.columnSpan > 1 { span += " colspan=\(cell.columnSpan)" }
                        if cell.rowSpan > 1 { span += " rowspan=\(cell.rowSpan)" }
                        output += "\(indent)    \(cell.path)\(span)\n"
                        write(cell.blocks, indent: indent + "      ", showRuns: showRuns, to: &output)
                    }
                }
            case .textBox(let box):
                output += "\(indent)\(box.path) text box\n"
                write(box.blocks, indent: indent + "  ", showRuns: showRuns, to: &output)
            }
        }
    }

    static func escape(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
