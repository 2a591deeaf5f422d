import Foundation
import OOXML

/// A batch folder holding every hostile or broken input the review must
/// survive, each in its own submission folder, next to good submissions.
/// Used by the batch tests; `expected` says how each folder must come out.
public enum HostileCorpus {
    public enum Outcome: Equatable, Sendable {
        /// Reviewed and written; nothing unreadable.
        case reviewed
        /// Named as unreadable: the file (relative to the batch root) and a
        /// fragment of the message.
        case unreadable(file: String, saying: String)
    }

    public struct Case: Sendable {
        public let folder: String
        public let outcome: Outcome
    }

    private typealias F = DocxFixture

    /// Writes the corpus under `root` from one good application and
    /// declaration, and returns what each folder must become.
    public static func write(to root: URL, application: Data, declaration: Data) throws -> [Case] {
        var cases: [Case] = []
        func put(_ data: Data, _ path: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        /// A bad application next to a good declaration.
        func bad(_ folder: String, _ data: Data, name: String = "申报书.docx", saying: String) throws {
            try put(data, "\(folder)/\(name)")
            try put(declaration, "\(folder)/责任声明.docx")
            cases.append(Case(folder: folder, outcome: .unreadable(file: "\(folder)/\(name)", saying: saying)))
        }
        func package(_ parts: [(String, Data)], compress: Bool = true) throws -> Data {
            var writer = PackageWriter()
            for (name, data) in parts { writer.add(name, data, compress: compress) }
            return try writer.archiveData()
        }
        func document(_ xml: String) throws -> Data {
            try package([
                ("[Content_Types].xml", Data(F.contentTypes.utf8)),
                ("_rels/.rels", Data(F.packageRelationships.utf8)),
                ("word/document.xml", Data(xml.utf8)),
            ])
        }
        let opening = "<?xml version=\"1.0\"?><w:document \(F.namespaces)><w:body>"
        let closing = "</w:body></w:document>"

        try put(application, "good/申报书.docx")
        try put(declaration, "good/责任声明.docx")
        cases.append(Case(folder: "good", outcome: .reviewed))

        // Archives
        try bad("truncated", application.prefix(application.count / 3), saying: "不是有效的 .docx 压缩包")
        try bad("random", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 13) }), saying: "文件头不是 ZIP 或 XML")
        try bad("zero", Data(), saying: "文件为空（0 字节）")
        try bad("no-document", try package([
            ("[Content_Types].xml", Data(F.contentTypes.utf8)),
            ("_rels/.rels", Data(F.packageRelationships.utf8)),
            ("word/styles.xml", Data("<x/>".utf8)),
        ]), saying: "缺少必要部件 word/document.xml")
        try bad("bomb-declared", try F.bomb(actualBytes: 1 << 20, declaredBytes: 300 << 20), saying: "超出读取限制（单个部件解压后大小")
        try bad("bomb-lying", try F.bomb(actualBytes: 160 << 20, declaredBytes: 1000), saying: "超出读取限制（")
        try bad("unterminated-deflate", StoredZip.unterminatedDeflate(), saying: "压缩数据不完整")
        var entries = [
            ("[Content_Types].xml", Data(F.contentTypes.utf8)),
            ("_rels/.rels", Data(F.packageRelationships.utf8)),
            ("word/document.xml", Data(F.documentXML(body: F.p(F.r("正文"))).utf8)),
        ]
        for index in 0..<6_000 { entries.append(("junk/\(index).txt", Data("x".utf8))) }
        try bad("many-entries", try package(entries, compress: false), saying: "超出读取限制（压缩包条目数上限 5000）")
        // Names that climb out or are absolute are never used: the package
        // is read without them (and nothing is written from them).
        let slipped = try Self.withEntries(application, [
            ("../../cluster-review-escaped.txt", Data("escaped".utf8)),
            ("/tmp/cluster-review-absolute.txt", Data("absolute".utf8)),
        ])
        try put(slipped, "zip-slip/申报书.docx")
        try put(declaration, "zip-slip/责任声明.docx")
        cases.append(Case(folder: "zip-slip", outcome: .reviewed))

        // XML
        try bad("malformed", try document(opening + "\n<w:p><w:r><w:t>AT&T</w:t></w:r></w:p>\n" + closing),
                saying: "第2行：XML 格式错误")
        var laughs = "<!ENTITY lol \"lol\">"
        for level in 1...9 {
            laughs += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">"
        }
        try bad("billion-laughs", try document("<?xml version=\"1.0\"?><!DOCTYPE w:document [\(laughs)]>"
                + opening.dropFirst(21) + F.p(F.r("&lol9;")) + closing), saying: "含 DTD 或实体声明")
        try bad("external-entity", try document("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + opening.dropFirst(21) + F.p(F.r("&xxe;")) + closing), saying: "含 DTD 或实体声明")
        try bad("external-entity-xml", Data("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".utf8),
                name: "申报书.xml", saying: "含 DTD 或实体声明")
        try bad("deep", try document(opening + "<w:p>" + String(repeating: "<w:hyperlink>", count: 5000)
                + String(repeating: "</w:hyperlink>", count: 5000) + "</w:p>" + closing), saying: "超出读取限制（元素嵌套层数上限 256）")
        var longRun = Data((opening + "<w:p><w:r><w:t>").utf8)
        let line = Data("统一社会信用代码91320214MA1XK2P37L，集群总产值415000万元。".utf8)
        while longRun.count < 50 << 20 { longRun.append(line) }
        longRun.append(Data(("</w:t></w:r></w:p>" + closing).utf8))
        try bad("long-run", try package([
            ("[Content_Types].xml", Data(F.contentTypes.utf8)),
            ("_rels/.rels", Data(F.packageRelationships.utf8)),
            ("word/document.xml", longRun),
        ]), saying: "超出读取限制（单个文本节点字符数")
        // A legitimate application with a 20,000-row list appended: read and
        // reviewed, not refused.
        let row = "<w:tr><w:tc><w:p><w:r><w:t>成员企业</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>100</w:t></w:r></w:p></w:tc></w:tr>"
        try put(try Self.appending("<w:tbl>" + String(repeating: row, count: 20_000) + "</w:tbl>", to: application),
                "big-table/申报书.docx")
        try put(declaration, "big-table/责任声明.docx")
        cases.append(Case(folder: "big-table", outcome: .reviewed))
        try bad("neither-xml", Data("<?xml version=\"1.0\"?><invoice><total>1</total></invoice>".utf8),
                name: "申报书.xml", saying: "invoice")
        try bad("flat-opc-base64", Data(F.flatOPC(body: F.p(F.r("正文")), binaryPart: (name: "/word/media/image1.png", base64: "iVBORw0K%%%!!")).utf8),
                name: "申报书.xml", saying: "base64 数据损坏")

        // Formats
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600))
        try bad("encrypted", ole, saying: "加密文档或旧版 .doc 格式")
        try bad("legacy-doc", ole, name: "申报书.doc", saying: "加密文档或旧版 .doc 格式")
        try bad("wps", ole, name: "申报书.wps", saying: "加密文档或旧版 .doc 格式")
        try bad("pdf", Data("%PDF-1.4 scanned".utf8), saying: "文件实为 PDF 文件")

        // Not files: a named pipe (reading it would wait for a writer for
        // ever) and a folder, each named like a document.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("fifo"), withIntermediateDirectories: true)
        guard mkfifo(root.appendingPathComponent("fifo/申报书.docx").path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
        try put(declaration, "fifo/责任声明.docx")
        cases.append(Case(folder: "fifo", outcome: .unreadable(file: "fifo/申报书.docx", saying: "不是普通文件")))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("folder-named-docx/申报书.docx"),
                                                withIntermediateDirectories: true)
        try put(declaration, "folder-named-docx/责任声明.docx")
        cases.append(Case(folder: "folder-named-docx", outcome: .unreadable(file: "folder-named-docx/申报书.docx", saying: "不是普通文件")))

        // Submissions
        try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        cases.append(Case(folder: "empty", outcome: .unreadable(file: "empty", saying: "文件夹中没有申报文档")))
        try put(declaration, "declaration-only/责任声明.docx")
        cases.append(Case(folder: "declaration-only", outcome: .reviewed))
        try put(application, "two-forms/申报书.docx")
        try put(application, "two-forms/申报书（修改稿）.docx")
        try put(declaration, "two-forms/责任声明.docx")
        cases.append(Case(folder: "two-forms", outcome: .unreadable(file: "two-forms", saying: "含2份申报书")))
        return cases
    }

    /// `docx` with `blocks` (WordprocessingML) appended to its body, before
    /// the section properties.
    static func appending(_ blocks: String, to docx: Data) throws -> Data {
        guard case .word(let package) = try DocumentReader.open(data: docx, displayName: "申报书.docx") else {
            throw ReadError.notWordDocument(file: "申报书.docx", contentType: "XML")
        }
        var writer = PackageWriter()
        for name in package.partNames {
            var data = try package.data(of: name)
            if name == "/word/document.xml" {
                var xml = String(decoding: data, as: UTF8.self)
                let at = xml.range(of: "<w:sectPr", options: .backwards)?.lowerBound
                    ?? xml.range(of: "</w:body>", options: .backwards)!.lowerBound
                xml.insert(contentsOf: blocks, at: at)
                data = Data(xml.utf8)
            }
            writer.add(String(name.dropFirst()), data)
        }
        return try writer.archiveData()
    }

    /// `docx` with extra entries added under the given raw names.
    static func withEntries(_ docx: Data, _ extra: [(String, Data)]) throws -> Data {
        guard case .word(let package) = try DocumentReader.open(data: docx, displayName: "申报书.docx") else {
            throw ReadError.notWordDocument(file: "申报书.docx", contentType: "XML")
        }
        var writer = PackageWriter()
        for name in package.partNames {
            writer.add(String(name.dropFirst()), try package.data(of: name))
        }
        for (name, data) in extra { writer.add(name, data) }
        return try writer.archiveData()
    }
}
