import Foundation
import Testing
@testable import OOXML
import TestSupport
import ZIPFoundation

/// Bytes that do not compress: a seeded generator, so a failure repeats.
private func noise(_ count: Int, seed: UInt64) -> Data {
    var state = seed
    var bytes = [UInt8](repeating: 0, count: count)
    for index in bytes.indices {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        bytes[index] = UInt8(truncatingIfNeeded: state >> 33)
    }
    return Data(bytes)
}

/// Every entry as ZIPFoundation reads it (it checks each CRC-32), in order.
private func entriesByZIPFoundation(_ zip: Data) throws -> [(name: String, data: Data, method: CompressionMethod)] {
    let archive = try Archive(data: zip, accessMode: .read, pathEncoding: nil)
    var result: [(String, Data, CompressionMethod)] = []
    for entry in archive {
        var data = Data()
        _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        result.append((entry.path, data, entry.isCompressed ? .deflate : .none))
    }
    return result
}

@Suite("Zip writer: what it writes reads back everywhere, and untouched entries keep their bytes")
struct ZipWriterTests {
    static let parts: [(name: String, data: Data, compress: Bool)] = [
        ("[Content_Types].xml", Data("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8), true),
        ("word/document.xml", Data(String(repeating: "<w:p><w:r><w:t>集群总产值41.5亿元</w:t></w:r></w:p>", count: 2_000).utf8), true),
        ("word/empty.xml", Data(), true),
        ("word/stored.bin", Data("stored as it is".utf8), false),
        ("word/media/印章.png", noise(300_000, seed: 7), true),
    ]

    static func written() throws -> Data {
        var writer = PackageWriter()
        for part in parts { writer.add(part.name, part.data, compress: part.compress) }
        return try writer.archiveData()
    }

    @Test("ZIPFoundation reads every entry back, in order, with its CRC-32 checked")
    func readBack() throws {
        let entries = try entriesByZIPFoundation(try Self.written())
        #expect(entries.map(\.name) == Self.parts.map(\.name))
        for (entry, part) in zip(entries, Self.parts) {
            #expect(entry.data == part.data, "\(part.name)")
        }
        #expect(entries.map(\.method) == [.deflate, .deflate, .deflate, .none, .deflate])
    }

    @Test("the package reader opens it and the layout check accepts it; the same parts give the same bytes")
    func opensAndRepeats() throws {
        let zip = try Self.written()
        let layout = try ZipLayout.read(zip)
        #expect(layout.spans.count == Self.parts.count)
        #expect(layout.spans.map(\.uncompressedSize) == Self.parts.map(\.data.count))
        // Text deflates well; noise is stored as deflate blocks no smaller than it.
        #expect(layout.spans[1].compressedSize * 10 < layout.spans[1].uncompressedSize)
        let package = try OPCPackage(zipData: zip, displayName: "x.zip", limits: .standard)
        for part in Self.parts {
            #expect(try package.data(of: "/" + part.name) == part.data)
        }
        #expect(try Self.written() == zip)
    }

    @Test("an entry copied raw keeps its compressed bytes, and still reads back")
    func rawCopy() throws {
        let original = try Self.written()
        let package = try OPCPackage(zipData: original, displayName: "x.zip", limits: .standard)
        var writer = PackageWriter()
        for name in package.partNames {
            writer.add(name, raw: try #require(package.rawEntry(of: name)))
        }
        let copy = try writer.archiveData()
        let before = try ZipLayout.read(original).spans
        let after = try ZipLayout.read(copy).spans
        for (old, new) in zip(before, after) {
            #expect(original[(original.startIndex + old.dataStart)..<(original.startIndex + old.dataStart + old.compressedSize)]
                    == copy[(copy.startIndex + new.dataStart)..<(copy.startIndex + new.dataStart + new.compressedSize)])
            #expect((old.crc32, old.method) == (new.crc32, new.method))
        }
        #expect(try entriesByZIPFoundation(copy).map(\.data) == Self.parts.map(\.data))
    }

    @Test("an entry compressed by a method other than stored or deflate is never copied raw")
    func rawRefused() throws {
        let text = Data("<x/>".utf8)
        let crc = ZipWriter.crc32(text)
        let zip = StoredZip.archive([
            StoredZip.Entry("[Content_Types].xml", Self.parts[0].data),
            StoredZip.Entry("plain.xml", text),
            StoredZip.Entry(name: "bzip2.xml", payload: text, method: 12, uncompressedSize: text.count, crc: crc),
        ])
        let package = try OPCPackage(zipData: zip, displayName: "x.zip", limits: .standard)
        #expect(package.rawEntry(of: "/plain.xml")?.compressed == text)
        #expect(package.rawEntry(of: "/bzip2.xml") == nil)
        #expect(package.rawEntry(of: "/missing.xml") == nil)
    }

    @Test("a marked-up copy keeps every part it does not change as the original zip holds it")
    func markedUpCopyCopiesRaw() throws {
        // The image is stored (not deflated): a copy that inflated and
        // deflated it again would change its method and bytes.
        let image = noise(50_000, seed: 11)
        var original = try DocxFixture.docx(body: DocxFixture.p(DocxFixture.r("集群总产值41.5亿元")))
        var writer = PackageWriter()
        let source = try OPCPackage(zipData: original, displayName: "申报书.docx", limits: .standard)
        for name in source.partNames { writer.add(name, try source.data(of: name)) }
        writer.add("word/media/image1.png", image, compress: false)
        original = try writer.archiveData()

        let package = try OPCPackage(zipData: original, displayName: "申报书.docx", limits: .standard)
        let remark = Annotation(part: "/word/document.xml", spans: [RunSpan(run: 0, start: 5, end: 9)], text: "低于 40 亿元", colour: .red)
        let copy = try OPCPackage(zipData: try AnnotatedCopy.write(package, annotations: [remark], date: nil),
                                  displayName: "申报书-批注.docx", limits: .standard)
        let changed: Set<String> = ["/word/document.xml", "/word/_rels/document.xml.rels", "/[Content_Types].xml"]
        for name in package.partNames where !changed.contains(name) {
            let before = try #require(package.rawEntry(of: name))
            let after = try #require(copy.rawEntry(of: name))
            #expect((before.method, before.crc32, before.compressed) == (after.method, after.crc32, after.compressed), "\(name)")
        }
        #expect(try copy.data(of: "/word/media/image1.png") == image)
        #expect(copy.rawEntry(of: "/word/media/image1.png")?.method == 0)
        #expect(copy.hasPart("/word/comments.xml"))
    }

    @Test("more entries than a zip without ZIP64 holds is refused, not written wrong")
    func tooManyEntries() throws {
        var writer = PackageWriter()
        for index in 0..<65_535 { writer.add("p/\(index)", Data(), compress: false) }
        #expect(throws: ReadError.self) { try writer.archiveData() }
    }
}
