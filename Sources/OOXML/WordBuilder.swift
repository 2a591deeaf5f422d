import Foundation

/// Builds new Word documents: paragraphs and tables with East Asian fonts set
/// on every run, on an A4 page. Used for blank and filled forms and for the
/// review opinions; knows nothing about either.
public struct WordBuilder {
    /// Font roles; each maps to an East Asian and a Latin face.
    public enum Font: Sendable {
        case fangSong, song, hei, xiaoBiaoSong, kai

        var eastAsia: String {
            switch self {
            case .fangSong: return "仿宋_GB2312"
            case .song: return "宋体"
            case .hei: return "黑体"
            case .xiaoBiaoSong: return "方正小标宋简体"
            case .kai: return "楷体_GB2312"
            }
        }
    }

    public enum Alignment: String, Sendable {
        case left, center, right, both
    }

    public enum Highlight: String, Sendable {
        case red, yellow, cyan, lightGray
    }

    /// A run of text, or a checkbox content control.
    public struct Run: Sendable {
        public var text: String
        public var bold = false
        public var font: Font?
        /// Size in points (Chinese sizes: 二号 22, 三号 16, 四号 14, 小四 12, 五号 10.5).
        public var size: Double?
        public var checkbox: Bool?
        public var underline = false
        /// Wraps the run in a content control with this tag.
        public var tag: String?

        public init(_ text: String, bold: Bool = false, font: Font? = nil, size: Double? = nil,
                    underline: Bool = false, tag: String? = nil) {
            self.text = text
            self.bold = bold
            self.font = font
            self.size = size
            self.underline = underline
            self.tag = tag
        }

        /// A `w14:checkbox` content control showing ☒ or ☐.
        public static func checkbox(_ checked: Bool, size: Double? = nil) -> Run {
            var run = Run(checked ? "☒" : "☐", size: size)
            run.checkbox = checked
            run.font = .song
            return run
        }
    }

    public struct Paragraph: Sendable {
        public var runs: [Run]
        public var alignment: Alignment?
        public var style: String?
        public var spacingBefore: Int?
        public var spacingAfter: Int?
        /// First-line indent in characters (2 for body text).
        public var firstLineChars: Int?
        public var keepNext = false
        public var pageBreakBefore = false

        public init(_ runs: [Run], alignment: Alignment? = nil, style: String? = nil,
                    firstLineChars: Int? = nil, keepNext: Bool = false) {
            self.runs = runs
            self.alignment = alignment
            self.style = style
            self.firstLineChars = firstLineChars
            self.keepNext = keepNext
        }

        public init(_ text: String, bold: Bool = false, font: Font? = nil, size: Double? = nil,
                    alignment: Alignment? = nil, style: String? = nil, firstLineChars: Int? = nil) {
            self.init([Run(text, bold: bold, font: font, size: size)], alignment: alignment,
                      style: style, firstLineChars: firstLineChars)
        }
    }

    public enum VerticalMerge: Sendable {
        case none, restart, `continue`
    }

    public struct Cell: Sendable {
        public var paragraphs: [Paragraph]
        public var columnSpan = 1
        public var verticalMerge: VerticalMerge = .none
        public var shading: String?

        public init(_ paragraphs: [Paragraph], columnSpan: Int = 1, verticalMerge: VerticalMerge = .none,
                    shading: String? = nil) {
            self.paragraphs = paragraphs
            self.columnSpan = columnSpan
            self.verticalMerge = verticalMerge
            self.shading = shading
        }

        public init(_ text: String, bold: Bool = false, alignment: Alignment? = nil, columnSpan: Int = 1,
                    verticalMerge: VerticalMerge = .none, shading: String? = nil, size: Double? = nil) {
            self.init([Paragraph([Run(text, bold: bold, size: size)], alignment: alignment)],
                      columnSpan: columnSpan, verticalMerge: verticalMerge, shading: shading)
        }
    }

    public struct Row: Sendable {
        public var cells: [Cell]
        /// Repeated at the top of each page.
        public var isHeader = false
        /// Kept on one page.
        public var cantSplit = true

        public init(_ cells: [Cell], isHeader: Bool = false) {
            self.cells = cells
            self.isHeader = isHeader
        }
    }

    public struct Table: Sendable {
        /// Column widths in twips (1/1440 inch).
        public var columnWidths: [Int]
        public var rows: [Row]

        public init(columnWidths: [Int], rows: [Row]) {
            self.columnWidths = columnWidths
            self.rows = rows
        }
    }

    /// Page margins in millimetres.
    public struct Margins: Sendable {
        public var top: Double, bottom: Double, left: Double, right: Double

        public init(top: Double, bottom: Double, left: Double, right: Double) {
            self.top = top
            self.bottom = bottom
            self.left = left
            self.right = right
        }

        /// GB/T 9704 official-document margins.
        public static let officialDocument = Margins(top: 37, bottom: 35, left: 28, right: 26)
        public static let form = Margins(top: 25.4, bottom: 25.4, left: 28, right: 26)
    }

    public var margins: Margins
    /// Body font and size (points).
    public var bodyFont: Font
    public var bodySize: Double
    public var title: String
    private var body = ""

    public init(title: String, margins: Margins = .form, bodyFont: Font = .fangSong, bodySize: Double = 14) {
        self.title = title
        self.margins = margins
        self.bodyFont = bodyFont
        self.bodySize = bodySize
    }

    /// Usable text width in twips.
    public var textWidth: Int {
        11906 - WordBuilder.twips(margins.left) - WordBuilder.twips(margins.right)
    }

    static func twips(_ millimetres: Double) -> Int {
        Int((millimetres / 25.4 * 1440).rounded())
    }

    public mutating func add(_ paragraph: Paragraph) {
        body += paragraphXML(paragraph)
    }

    public mutating func add(_ table: Table) {
        body += tableXML(table)
        // Word needs a paragraph between two tables or they merge into one.
        body += "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr></w:p>"
    }

    // MARK: XML

    private func runXML(_ run: Run) -> String {
        let font = run.font ?? bodyFont
        var properties = "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"\(font.eastAsia)\" w:cs=\"Times New Roman\"/>"
        if run.bold { properties += "<w:b/><w:bCs/>" }
        if run.underline { properties += "<w:u w:val=\"single\"/>" }
        let halfPoints = Int(((run.size ?? bodySize) * 2).rounded())
        properties += "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>"
        var xml = "<w:r><w:rPr>\(properties)</w:rPr>"
        // Tabs and line breaks inside the text become their own elements.
        var pending = ""
        func flush() {
            if !pending.isEmpty {
                xml += "<w:t xml:space=\"preserve\">\(WordBuilder.escape(pending))</w:t>"
                pending = ""
            }
        }
        for character in run.text {
            switch character {
            case "\t": flush(); xml += "<w:tab/>"
            case "\n": flush(); xml += "<w:br/>"
            default: pending.append(character)
            }
        }
        flush()
        xml += "</w:r>"
        if let checked = run.checkbox {
            return """
            <w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="\(checked ? 1 : 0)"/>\
            <w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>\
            </w14:checkbox></w:sdtPr><w:sdtContent>\(xml)</w:sdtContent></w:sdt>
            """
        }
        if let tag = run.tag {
            return "<w:sdt><w:sdtPr><w:tag w:val=\"\(WordBuilder.escape(tag))\"/></w:sdtPr><w:sdtContent>\(xml)</w:sdtContent></w:sdt>"
        }
        return xml
    }

    private func paragraphXML(_ paragraph: Paragraph) -> String {
        paragraphXML(paragraph, inTable: false)
    }

    /// In a table cell, text is single-spaced and left-aligned unless told
    /// otherwise: justified text in a narrow cell stretches into gaps.
    private func paragraphXML(_ paragraph: Paragraph, inTable: Bool) -> String {
        var paragraph = paragraph
        if inTable {
            paragraph.alignment = paragraph.alignment ?? .left
        }
        var properties = ""
        if let style = paragraph.style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if paragraph.keepNext { properties += "<w:keepNext/>" }
        if paragraph.pageBreakBefore { properties += "<w:pageBreakBefore/>" }
        if inTable {
            properties += "<w:spacing w:before=\"\(paragraph.spacingBefore ?? 0)\" w:after=\"\(paragraph.spacingAfter ?? 0)\" w:line=\"260\" w:lineRule=\"auto\"/>"
        } else if paragraph.spacingBefore != nil || paragraph.spacingAfter != nil {
            properties += "<w:spacing w:before=\"\(paragraph.spacingBefore ?? 0)\" w:after=\"\(paragraph.spacingAfter ?? 0)\"/>"
        }
        if let chars = paragraph.firstLineChars {
            properties += "<w:ind w:firstLineChars=\"\(chars * 100)\" w:firstLine=\"\(Int(bodySize * 20) * chars)\"/>"
        }
        if let alignment = paragraph.alignment { properties += "<w:jc w:val=\"\(alignment.rawValue)\"/>" }
        let runs = paragraph.runs.map(runXML).joined()
        return "<w:p>\(properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")\(runs)</w:p>"
    }

    private func tableXML(_ table: Table) -> String {
        let total = table.columnWidths.reduce(0, +)
        var xml = """
        <w:tbl><w:tblPr><w:tblW w:w="\(total)" w:type="dxa"/><w:jc w:val="center"/>\
        <w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
        <w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
        <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>\
        <w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>\
        <w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>
        """
        for width in table.columnWidths { xml += "<w:gridCol w:w=\"\(width)\"/>" }
        xml += "</w:tblGrid>"
        for row in table.rows {
            var rowProperties = ""
            if row.cantSplit { rowProperties += "<w:cantSplit/>" }
            if row.isHeader { rowProperties += "<w:tblHeader/>" }
            xml += "<w:tr>\(rowProperties.isEmpty ? "" : "<w:trPr>\(rowProperties)</w:trPr>")"
            var column = 0
            for cell in row.cells {
                let span = max(1, cell.columnSpan)
                let width = table.columnWidths[min(column, table.columnWidths.count - 1)..<min(column + span, table.columnWidths.count)].reduce(0, +)
                var properties = "<w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
                if span > 1 { properties += "<w:gridSpan w:val=\"\(span)\"/>" }
                switch cell.verticalMerge {
                case .none: break
                case .restart: properties += "<w:vMerge w:val=\"restart\"/>"
                case .continue: properties += "<w:vMerge/>"
                }
                if let shading = cell.shading { properties += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(shading)\"/>" }
                properties += "<w:vAlign w:val=\"center\"/>"
                let paragraphs = cell.paragraphs.isEmpty ? [Paragraph([])] : cell.paragraphs
                xml += "<w:tc><w:tcPr>\(properties)</w:tcPr>\(paragraphs.map { paragraphXML($0, inTable: true) }.joined())</w:tc>"
                column += span
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    /// Text escaped for XML content and attributes; characters XML 1.0
    /// cannot carry are dropped.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default:
                // Characters XML 1.0 cannot carry are dropped rather than
                // making the document unreadable.
                let value = scalar.value
                if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D { continue }
                if value == 0xFFFE || value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    // MARK: Package

    public func documentXML() -> String {
        let section = """
        <w:sectPr><w:pgSz w:w="11906" w:h="16838"/>\
        <w:pgMar w:top="\(WordBuilder.twips(margins.top))" w:right="\(WordBuilder.twips(margins.right))" \
        w:bottom="\(WordBuilder.twips(margins.bottom))" w:left="\(WordBuilder.twips(margins.left))" \
        w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425"/>\
        <w:docGrid w:linePitch="312"/></w:sectPr>
        """
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14">\
        <w:body>\(body)\(section)</w:body></w:document>
        """
    }

    private func stylesXML() -> String {
        let halfPoints = Int((bodySize * 2).rounded())
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" \
        w:eastAsia="\(bodyFont.eastAsia)" w:cs="Times New Roman"/><w:kern w:val="2"/><w:sz w:val="\(halfPoints)"/>\
        <w:szCs w:val="\(halfPoints)"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:line="360" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>\
        <w:qFormat/><w:pPr><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>\
        <w:rPr><w:rFonts w:eastAsia="\(Font.xiaoBiaoSong.eastAsia)"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>\
        <w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr>\
        <w:rPr><w:rFonts w:eastAsia="\(Font.hei.eastAsia)"/></w:rPr></w:style>\
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>\
        <w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>\
        <w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        </w:styles>
        """
    }

    /// The package's parts, ready to write.
    public func package() -> PackageWriter {
        var writer = PackageWriter()
        writer.add("[Content_Types].xml", xml: """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            </Types>
            """)
        writer.add("_rels/.rels", xml: """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            </Relationships>
            """)
        writer.add("docProps/core.xml", xml: """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(WordBuilder.escape(title))</dc:title>\
            <dc:creator>cluster-review</dc:creator></cp:coreProperties>
            """)
        writer.add("word/document.xml", xml: documentXML())
        writer.add("word/styles.xml", xml: stylesXML())
        writer.add("word/_rels/document.xml.rels", xml: """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """)
        return writer
    }
}
