import Foundation
import Testing
import OOXML
import TestSupport

/// Seeded mutations of the committed documents, each read the way a batch
/// reads a submission (open, read, dump, extract). Every input must be read or
/// refused with an error naming the file, quickly, and nothing from
/// `/etc/passwd` may reach any output. `FUZZ_SEED`, `FUZZ_ITERATIONS`,
/// `FUZZ_START` and `FUZZ_SAVE_DIR` let `scripts/fuzz` run the same test long.
@Suite("Fuzz: mutated documents are read or refused by name")
struct FuzzTests {
    static let defaultSeed: UInt64 = 20_250_801

    @Test("seeded byte, XML and package mutations of the fixtures never crash, hang or leak")
    func mutatedDocuments() throws {
        let configuration = FuzzConfiguration(defaultSeed: Self.defaultSeed, defaultIterations: 300)
        let seeds = try FuzzCorpus.documents()
        let target = try DocumentFuzzTarget(extracting: true)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        var report = FuzzReport(name: "documents", filter: "FuzzTests", configuration: configuration)
        for index in configuration.indices {
            var mutator = Mutator(seed: configuration.seed, stream: index)
            let seed = mutator.random.pick(seeds)
            let donor = mutator.random.pick(seeds).data
            let mutation = mutator.mutate(seed.data, donor: donor)
            let name = "申报书-\(index).\(seed.fileExtension)"
            // The batch opens files from disk, the tests from memory: fuzz both.
            let fromFile = mutator.random.chance(1, in: 4)
            configuration.keep(mutation.data, index: index, name: name, target: "documents")
            let outcome = target.run(mutation.data, name: name, fromFile: fromFile ? directory : nil)
            let violations = outcome.violations(name: name)
            if let failure = report.add(outcome.elapsed, error: outcome.error, stage: outcome.stage.rawValue, index: index,
                                        origin: seed.origin, mutation: mutation, name: name, violations: violations) {
                Issue.record(Comment(rawValue: failure))
            }
        }
        print(report.summary)
        #expect(report.slowest < .seconds(2), "slowest input: \(report.reproduction(report.slowestIndex))")
        #expect(report.failures == 0)
    }

    @Test("the same bytes from a file: a central directory past the end is refused by name")
    func zipOffsetPastEndFromFile() throws {
        let zip = try Self.zipWithDirectoryPastEnd()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try DocumentFuzzTarget(extracting: false).run(zip, name: "申报书.docx", fromFile: directory)
        #expect(outcome.error as? ReadError == .notZip(file: "申报书.docx", reason: "中央目录超出文件末尾"))
    }

    @Test("in memory, a zip whose central directory lies past its end is refused, not a crash")
    func zipOffsetPastEndInMemory() throws {
        let zip = try Self.zipWithDirectoryPastEnd()
        #expect(throws: ReadError.notZip(file: "申报书.docx", reason: "中央目录超出文件末尾")) {
            _ = try DocumentReader.open(data: zip, displayName: "申报书.docx")
        }
    }

    /// Two offsets ZIPFoundation's entry listing follows, which `ZipLayout`
    /// checks against the bytes first: a record's local header, and
    /// the data descriptor after an entry flagged (bit 3) as having one.
    static func zipWithEntryOffsetPastEnd(descriptor: Bool) throws -> Data {
        let zip = try DocxFixture.docx(body: DocxFixture.p(DocxFixture.r("正文")))
        guard descriptor else {
            return ZipSurgery.patchingFirstRecord(zip, at: 42, width: 4, to: zip.count + 500)  // local header offset
        }
        let flagged = ZipSurgery.patchingFirstRecord(zip, at: 8, width: 2, to: 0x0808)  // UTF-8 names, data descriptor
        return ZipSurgery.patchingFirstRecord(flagged, at: 20, width: 4, to: 0x7000_0000)  // compressed size
    }

    @Test("in memory, an end record giving the directory offset 0xFFFFFFFF without ZIP64 is refused, not a crash")
    func directoryOffsetAllOnesInMemory() throws {
        let zip = ZipSurgery.patchingEndRecord(try DocxFixture.docx(body: DocxFixture.p(DocxFixture.r("正文"))),
                                               at: 16, width: 4, to: 0xFFFF_FFFF)
        let outcome = try DocumentFuzzTarget(extracting: false).run(zip, name: "申报书.docx")
        #expect(outcome.violations(name: "申报书.docx").isEmpty)
    }

    @Test("in memory, a zip entry whose local header or data descriptor lies past the end is refused, not a crash",
          arguments: [false, true])
    func localHeaderPastEndInMemory(descriptor: Bool) throws {
        let zip = try Self.zipWithEntryOffsetPastEnd(descriptor: descriptor)
        let outcome = try DocumentFuzzTarget(extracting: false).run(zip, name: "申报书.docx")
        #expect(outcome.violations(name: "申报书.docx").isEmpty)
    }

    @Test("from a file, the same entries are read or refused by name", arguments: [false, true])
    func localHeaderPastEndFromFile(descriptor: Bool) throws {
        let zip = try Self.zipWithEntryOffsetPastEnd(descriptor: descriptor)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try DocumentFuzzTarget(extracting: false).run(zip, name: "申报书.docx", fromFile: directory)
        // A file is read into memory and checked like any other zip bytes.
        #expect(outcome.error as? ReadError == .notZip(file: "申报书.docx", reason: "第1个条目的数据超出文件末尾"))
        #expect(outcome.violations(name: "申报书.docx").isEmpty)
    }

    @Test("a deflate stream that has not ended when the file does is refused by name, not an endless loop",
          .timeLimit(.minutes(1)), arguments: [false, true])
    func unterminatedDeflateStream(fromFile: Bool) throws {
        let zip = StoredZip.unterminatedDeflate()
        #expect(FixedHang.inflateRunsPastEnd(zip))
        let expected = ReadError.notZip(file: "申报书.docx", reason: "条目 [Content_Types].xml 的压缩数据不完整（文件可能被截断）")
        if fromFile {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let outcome = try DocumentFuzzTarget(extracting: false).run(zip, name: "申报书.docx", fromFile: directory)
            #expect(outcome.error as? ReadError == expected)
            #expect(outcome.violations(name: "申报书.docx").isEmpty)
        } else {
            #expect(throws: expected) { _ = try DocumentReader.open(data: zip, displayName: "申报书.docx") }
        }
    }

    @Test("a truncated entry, a wrong checksum and an unknown method are each refused by name")
    func damagedEntries() throws {
        let good = Data(#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.utf8)
        let deflated = try StoredZip.deflate(good)
        let cases: [(StoredZip.Entry, String)] = [
            (StoredZip.Entry(name: "[Content_Types].xml", payload: deflated.prefix(deflated.count / 2), method: 8,
                             uncompressedSize: good.count, crc: StoredZip.crc32(good)),
             "条目 [Content_Types].xml 的压缩数据不完整（文件可能被截断）"),
            (StoredZip.Entry(name: "[Content_Types].xml", payload: deflated, method: 8,
                             uncompressedSize: good.count, crc: StoredZip.crc32(good) ^ 1),
             "条目 [Content_Types].xml 的校验和不符（文件已损坏）"),
            (StoredZip.Entry(name: "[Content_Types].xml", payload: good, method: 14,
                             uncompressedSize: good.count, crc: StoredZip.crc32(good)),
             "条目 [Content_Types].xml 使用了不支持的压缩方法（14）"),
        ]
        for (entry, reason) in cases {
            #expect(throws: ReadError.notZip(file: "申报书.docx", reason: reason)) {
                _ = try DocumentReader.open(data: StoredZip.archive([entry]), displayName: "申报书.docx")
            }
        }
    }

    /// A valid package whose end record puts the central directory 1,000
    /// bytes past the end of the file (one field of a damaged download).
    static func zipWithDirectoryPastEnd() throws -> Data {
        ZipSurgery.directoryPastEnd(try DocxFixture.docx(body: DocxFixture.p(DocxFixture.r("正文"))))
    }
}

/// Grid spans and offsets from the fuzz run's findings, each on a small
/// table under a Jiangsu title (so the extractor scans the table too).
@Suite("Fuzz findings: extreme w:gridSpan and w:gridBefore")
struct ExtremeSpanTests {
    static func table(span: String, before: String? = nil, rows: Int = 3) throws -> Data {
        let F = DocxFixture.self
        let rowProperties = before.map { "<w:trPr><w:gridBefore w:val=\"\($0)\"/></w:trPr>" } ?? ""
        let spanning = "<w:tr>\(rowProperties)<w:tc><w:tcPr><w:gridSpan w:val=\"\(span)\"/></w:tcPr>\(F.p(F.r("集群名称")))</w:tc><w:tc>\(F.p(F.r("苏州")))</w:tc></w:tr>"
        let plain = "<w:tr><w:tc>\(F.p(F.r("联系人")))</w:tc><w:tc>\(F.p(F.r("张三")))</w:tc></w:tr>"
        let body = F.p(F.r("江苏省中小企业特色产业集群申报书"))
            + "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>\(spanning)\(String(repeating: plain, count: rows))</w:tbl>"
        return try F.docx(body: body)
    }

    @Test("spans the grid can hold are read and extracted quickly", arguments: ["0", "-1", "1", "99", "abc", "", "99999999999999999999"])
    func ordinarySpans(span: String) throws {
        let target = try DocumentFuzzTarget(extracting: true)
        let outcome = target.run(try Self.table(span: span), name: "申报书.docx")
        #expect(outcome.error == nil, "\(outcome.output)")
        #expect(outcome.violations(name: "申报书.docx").isEmpty)
    }

    @Test("a cell spanning 99,999 columns is read at once")
    func wideSpanRead() throws {
        let outcome = try DocumentFuzzTarget(extracting: false).run(try Self.table(span: "99999", rows: 20), name: "申报书.docx")
        #expect(outcome.error == nil)
        #expect(outcome.elapsed < .seconds(1))
    }

    @Test("a cell spanning 99,999 columns in a short table is extracted within 2 s")
    func wideSpanShortTable() throws {
        let outcome = try DocumentFuzzTarget(extracting: true).run(try Self.table(span: "99999", rows: 2), name: "申报书.docx")
        #expect(outcome.violations(name: "申报书.docx").isEmpty)
    }

    /// Guards the clamp to Word's 63 grid columns and the one-pass grid: an
    /// unclamped span with a grid found position by position took, in a debug
    /// build, 0.54 s for 4 rows, 8.1 s for 21 and 28 s for 41.
    @Test("a cell spanning 99,999 columns in a 16-row table is extracted within 2 s")
    func wideSpanLongTable() throws {
        let outcome = try DocumentFuzzTarget(extracting: true).run(try Self.table(span: "99999", rows: 15), name: "申报书.docx")
        #expect(outcome.elapsed < .seconds(2))
        #expect(outcome.error == nil)
    }

    @Test("a span or offset near Int.max is read or refused by name, not a crash",
          arguments: [("9223372036854775807", nil), ("1", "9223372036854775807"), ("9223372036854775000", "1000")] as [(String, String?)])
    func spanOverflow(span: String, before: String?) throws {
        let outcome = try DocumentFuzzTarget(extracting: false).run(try Self.table(span: span, before: before), name: "申报书.docx")
        #expect(outcome.violations(name: "申报书.docx").isEmpty)
    }

    @Test("a span of 2,147,483,647 columns is refused or read without materialising the grid")
    func spanInt32Max() throws {
        let outcome = try DocumentFuzzTarget(extracting: true).run(try Self.table(span: "2147483647"), name: "申报书.docx")
        #expect(outcome.violations(name: "申报书.docx").isEmpty)
    }
}

@Suite("Fuzz findings: long paragraphs of 标签：值 pairs")
struct ManyPairsTests {
    /// Found by `scripts/fuzz` (seed 1003, input 1975: a run of 责任声明.docx
    /// copied 3,000 times, 2.2 s in a release build). LocatedText(paragraph:range:)
    /// (Layout.swift) walked the paragraph from its start to each value, so
    /// LayoutScanner.scanPairs was quadratic in the pairs of one paragraph
    /// (9,000 pairs: 4.5 s CPU in a debug build). scanPairs now slices the
    /// paragraph's scalars, read once (0.4 s).
    @Test("a paragraph of 9,000 标签：值 pairs is extracted within 2 s")
    func manyPairsInOneParagraph() throws {
        let paragraph = DocxFixture.p(DocxFixture.r(String(repeating: "集群名称：成都市；", count: 9_000)))
        let data = try DocxFixture.docx(body: DocxFixture.p(DocxFixture.r("四川省中小企业特色产业集群申报书")) + paragraph)
        let started = LargeDocumentTests.threadTime()
        let outcome = try DocumentFuzzTarget(extracting: true, dumping: false).run(data, name: "申报书.docx")
        let elapsed = LargeDocumentTests.threadTime() - started
        print("9,000 pairs in one paragraph: \(elapsed) CPU")
        #expect(outcome.error == nil)
        #expect(elapsed < .seconds(2))
    }
}

@Suite("Fuzz findings: form-instance XML")
struct FormInstanceFindingTests {
    /// Found by `scripts/fuzz` (seed 1006, input 310: two bytes of
    /// "wuxi-promotion-agency" deleted). The schema accepts any scheme id;
    /// Extractor.extract(formInstance:) then threw unknownSchemeId, whose
    /// message named neither the file nor where the id came from, and told
    /// the reviewer to run `cluster-review schemes` as if they had mistyped
    /// --scheme. It now names the file whose scheme attribute it read.
    @Test("a form-instance XML naming an unknown scheme is refused naming the file")
    func unknownSchemeInFormInstance() throws {
        let seed = try #require(try FuzzCorpus.documents().first { $0.origin == "form-instance wuxi-defects.json" })
        let xml = String(decoding: seed.data, as: UTF8.self)
            .replacingOccurrences(of: "scheme=\"wuxi-promotion-agency\"", with: "scheme=\"wuxi-promotion-agcy\"")
        let outcome = try DocumentFuzzTarget(extracting: true).run(Data(xml.utf8), name: "申报书.xml")
        #expect(outcome.output == "申报书.xml：未知的申报类别 wuxi-promotion-agcy（可用 cluster-review schemes 查看）")
        #expect(outcome.violations(name: "申报书.xml").isEmpty)
    }
}

/// ZIP64 end records, valid and lying: `ZipLayout` checks them before
/// ZIPFoundation's in-memory archive reads them.
@Suite("ZIP64 records are checked before the archive reads them")
struct Zip64Tests {
    static func zip64(_ docx: Data, entries: UInt64? = nil, directorySize: UInt64? = nil, directoryOffset: UInt64? = nil,
                      locatorOffset: UInt64? = nil, markEnd: Bool = true) -> Data {
        Data(ZipSurgery.zip64([UInt8](docx), entries: entries, directorySize: directorySize,
                              directoryOffset: directoryOffset, locatorOffset: locatorOffset, markEnd: markEnd) ?? [])
    }

    @Test("a ZIP64 record the end record does not ask for is still the one followed: read when true, refused when lying")
    func unmarkedZip64() throws {
        let docx = try DocxFixture.docx(body: DocxFixture.p(DocxFixture.r("正文")))
        let document = try DocxFixture.read(Self.zip64(docx, markEnd: false), name: "申报书.docx")
        #expect(document.allParagraphs.map(\.text) == ["正文"])
        for lie in [UInt64(1) << 40, UInt64.max, 7] {
            let zip = Self.zip64(docx, directoryOffset: lie, markEnd: false)
            let outcome = try DocumentFuzzTarget(extracting: false).run(zip, name: "申报书.docx")
            #expect(outcome.error is ReadError, "directory offset \(lie)")
            #expect(outcome.violations(name: "申报书.docx").isEmpty)
        }
    }

    @Test("an end record asking for a ZIP64 record that is not there is refused")
    func missingZip64() throws {
        let docx = ZipSurgery.patchingEndRecord(try DocxFixture.docx(body: DocxFixture.p(DocxFixture.r("正文"))),
                                                at: 16, width: 4, to: 0xFFFF_FFFF)
        #expect(throws: ReadError.notZip(file: "申报书.docx", reason: "找不到中央目录")) {
            _ = try DocumentReader.open(data: docx, displayName: "申报书.docx")
        }
    }

    @Test("a package written with ZIP64 end records is read like any other")
    func validZip64() throws {
        let docx = try DocxFixture.docx(body: DocxFixture.p(DocxFixture.r("正文")))
        let document = try DocxFixture.read(Self.zip64(docx), name: "申报书.docx")
        #expect(document.allParagraphs.map(\.text) == ["正文"])
    }

    @Test("lying ZIP64 values are refused by name, in memory and from a file, never a crash",
          arguments: [(UInt64?.none, UInt64?.none, UInt64?(1 << 40), UInt64?.none),
                      (nil, UInt64?(1 << 40), nil, nil),
                      (UInt64?(1 << 40), nil, nil, nil),
                      (nil, nil, nil, UInt64?(1 << 33)),
                      (nil, nil, UInt64?(0xFFFF_FFFF_FFFF_FFF0), nil),
                      (nil, UInt64?(0xFFFF_FFFF_FFFF_FFF0), nil, nil),
                      // Found by the fuzzer: an entry count that is negative as an Int.
                      (UInt64?(UInt64.max), nil, nil, nil),
                      (UInt64?(1 << 63), nil, nil, nil),
                      (nil, nil, nil, UInt64?(UInt64.max))])
    func lyingZip64(values: (UInt64?, UInt64?, UInt64?, UInt64?)) throws {
        let docx = try DocxFixture.docx(body: DocxFixture.p(DocxFixture.r("正文")))
        let zip = Self.zip64(docx, entries: values.0, directorySize: values.1, directoryOffset: values.2, locatorOffset: values.3)
        let inMemory = try DocumentFuzzTarget(extracting: false).run(zip, name: "申报书.docx")
        #expect(inMemory.error is ReadError)
        #expect(inMemory.violations(name: "申报书.docx").isEmpty)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zip64-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fromFile = try DocumentFuzzTarget(extracting: false).run(zip, name: "申报书.docx", fromFile: directory)
        #expect(fromFile.error is ReadError)
    }
}

/// Streaming writers put sizes and checksums in a data descriptor after each
/// entry; Word goes by the central directory, and so does the reader.
@Suite("Data descriptors")
struct DataDescriptorTests {
    /// A stored zip whose every entry is flagged (bit 3) as followed by a
    /// data descriptor; `descriptorCRC` replaces the descriptors' checksums.
    static func zipWithDescriptors(_ entries: [(String, Data)], descriptorCRC: UInt32?, versionNeeded: Int = 20) -> Data {
        StoredZip.archive(entries.map { name, data in
            var entry = StoredZip.Entry(name, data)
            entry.descriptor = true
            entry.descriptorCRC = descriptorCRC
            entry.versionNeeded = versionNeeded
            return entry
        })
    }

    static let parts: [(String, Data)] = [
        ("[Content_Types].xml", Data(DocxFixture.contentTypes.utf8)),
        ("_rels/.rels", Data(DocxFixture.packageRelationships.utf8)),
        ("word/document.xml", Data(DocxFixture.documentXML(body: DocxFixture.p(DocxFixture.r("正文"))).utf8)),
    ]

    @Test("entries with data descriptors are read; a descriptor's checksum that disagrees with the directory is not used")
    func descriptorsFollowTheDirectory() throws {
        for crc in [nil, UInt32(0xDEAD_BEEF)] {
            let document = try DocxFixture.read(Self.zipWithDescriptors(Self.parts, descriptorCRC: crc), name: "申报书.docx")
            #expect(document.allParagraphs.map(\.text) == ["正文"])
        }
    }

    @Test("a stored entry whose directory record claims a larger uncompressed size is refused, not a crash (fuzz seed 5016)")
    func storedEntryWithLargerSize() throws {
        var zip = Self.zipWithDescriptors(Self.parts, descriptorCRC: nil)
        // ZIPFoundation looks for a stored entry's descriptor after its
        // uncompressed size: point that past the end of the file.
        let bytes = [UInt8](zip)
        let directory = (0..<(bytes.count - 4)).first {
            bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 0x01 && bytes[$0 + 3] == 0x02
        }!
        for k in 0..<4 { zip[directory + 24 + k] = UInt8(truncatingIfNeeded: (bytes.count + 5000) >> (8 * k)) }
        for fromFile in [false, true] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stored-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let outcome = try DocumentFuzzTarget(extracting: false).run(zip, name: "申报书.docx", fromFile: fromFile ? folder : nil)
            #expect(outcome.error as? ReadError == .notZip(file: "申报书.docx", reason: "第1个条目的数据超出文件末尾"))
        }
    }

    @Test("an entry claiming ZIP64 (version needed 4.5) with a descriptor at the very end is refused, not a crash")
    func zip64DescriptorAtTheEnd() throws {
        var zip = Self.zipWithDescriptors(Self.parts, descriptorCRC: nil, versionNeeded: 45)
        // ZIPFoundation takes such an entry for ZIP64 and reads a 24-byte
        // descriptor; whole, the package is read or refused by name.
        let outcome = try DocumentFuzzTarget(extracting: false).run(zip, name: "申报书.docx")
        #expect(outcome.violations(name: "申报书.docx").isEmpty)
        // Cut short, it is refused by name.
        zip = zip.prefix(zip.count - 10)
        let truncated = try DocumentFuzzTarget(extracting: false).run(zip, name: "申报书.docx")
        #expect(truncated.error is ReadError)
    }
}
