import Foundation
#if canImport(CZlib)
// ZIPFoundation's zlib module on Linux (a dependency of ZIPFoundation).
import CZlib
#elseif canImport(zlib)
import zlib
#endif

/// Builds a zip in memory: entries deflated with zlib, or copied with their
/// compressed bytes untouched from a zip already read.
///
/// ZIPFoundation has no way to add an entry from bytes that are already
/// compressed, so a marked-up copy written through it inflated and
/// re-deflated every part it did not change — a scanned seal image, the
/// fonts, the theme — once per copy; and on Linux it computes CRC-32 in
/// Swift. This writer is what a `.docx` needs and no more: no ZIP64 (every
/// output is far below 4 GiB and 65,535 entries; larger is refused), no
/// encryption, no data descriptors. What it writes is read back by
/// ZIPFoundation and by `ZipLayout` in the tests.
struct ZipWriter {
    /// A zip entry's compressed bytes and what its directory record says of them.
    struct RawEntry {
        /// 0 stored, 8 deflated.
        let method: Int
        let crc32: UInt32
        let uncompressedSize: Int
        let compressed: Data
    }

    enum Failure: Error {
        case tooLarge
        case deflateFailed
    }

    /// 2024-01-01 00:00 in MS-DOS time and date: a fixed timestamp keeps
    /// generated documents byte-for-byte reproducible.
    private static let dosTime: UInt16 = 0
    private static let dosDate: UInt16 = UInt16((2024 - 1980) << 9 | 1 << 5 | 1)

    private var output = Data()
    private var directory = Data()
    private var count = 0

    /// Adds `data` under `name`, deflated or stored.
    mutating func add(_ name: String, _ data: Data, compress: Bool) throws {
        try add(name, try compress ? Self.deflated(data) : Self.stored(data))
    }

    /// Adds an entry whose compressed bytes are already known. At most
    /// 65,534 entries: 0xFFFF in the end record means "see ZIP64".
    mutating func add(_ name: String, _ entry: RawEntry) throws {
        let nameBytes = Data(name.utf8)
        let offset = output.count
        guard offset <= 0xFFFF_FFFE, entry.compressed.count <= 0xFFFF_FFFE, entry.uncompressedSize <= 0xFFFF_FFFE,
              nameBytes.count <= 0xFFFF, count < 0xFFFE else {
            throw Failure.tooLarge
        }
        // Bit 11: the name is UTF-8.
        let flags: UInt16 = name.utf8.contains { $0 >= 0x80 } ? 0x0800 : 0
        let version: UInt16 = entry.method == 8 ? 20 : 10

        // The fields a local header and its directory record share, from
        // "version needed" to the name's length.
        var shared = Data()
        shared.append(le16: version)
        shared.append(le16: flags)
        shared.append(le16: UInt16(entry.method))
        shared.append(le16: Self.dosTime)
        shared.append(le16: Self.dosDate)
        shared.append(le32: entry.crc32)
        shared.append(le32: UInt32(entry.compressed.count))
        shared.append(le32: UInt32(entry.uncompressedSize))
        shared.append(le16: UInt16(nameBytes.count))

        output.append(le32: 0x0403_4B50)
        output.append(shared)
        output.append(le16: 0)  // extra
        output.append(nameBytes)
        output.append(entry.compressed)

        directory.append(le32: 0x0201_4B50)
        directory.append(le16: 0x0300 | 20)  // made by: Unix, 2.0 (permissions in the external attributes)
        directory.append(shared)
        directory.append(le16: 0)  // extra
        directory.append(le16: 0)  // comment
        directory.append(le16: 0)  // disk
        directory.append(le16: 0)  // internal attributes
        directory.append(le32: UInt32(0o100644) << 16)  // a regular file, rw-r--r--
        directory.append(le32: UInt32(offset))
        directory.append(nameBytes)
        count += 1
    }

    /// The finished zip: the entries, their directory and its end record.
    func finished() throws -> Data {
        guard output.count <= 0xFFFF_FFFE, directory.count <= 0xFFFF_FFFE else { throw Failure.tooLarge }
        var result = output
        result.append(directory)
        result.append(le32: 0x0605_4B50)
        result.append(le16: 0)
        result.append(le16: 0)
        result.append(le16: UInt16(count))
        result.append(le16: UInt16(count))
        result.append(le32: UInt32(directory.count))
        result.append(le32: UInt32(output.count))
        result.append(le16: 0)
        return result
    }

    static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { raw -> UInt32 in
            guard let base = raw.bindMemory(to: Bytef.self).baseAddress else { return 0 }
            return UInt32(truncatingIfNeeded: zlibCRC32(0, base, uInt(raw.count)))
        }
    }

    static func stored(_ data: Data) -> RawEntry {
        RawEntry(method: 0, crc32: crc32(data), uncompressedSize: data.count, compressed: data)
    }

    /// `data` as a raw deflate stream (zlib's default level, as Word writes).
    static func deflated(_ data: Data) throws -> RawEntry {
        var stream = z_stream()
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure.deflateFailed
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(data.count)))
        var compressed = Data(count: bound)
        let status: Int32 = data.withUnsafeBytes { input in
            compressed.withUnsafeMutableBytes { out in
                // An empty input has no base address; zlib then reads nothing.
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(out.count)
                return zlibDeflate(&stream)
            }
        }
        guard status == Z_STREAM_END else { throw Failure.deflateFailed }
        compressed.count = Int(stream.total_out)
        return RawEntry(method: 8, crc32: crc32(data), uncompressedSize: data.count, compressed: compressed)
    }
}

/// zlib's `deflate` and `crc32`, named so that they do not clash with the
/// functions above.
@inline(__always)
private func zlibDeflate(_ stream: UnsafeMutablePointer<z_stream>) -> Int32 {
    deflate(stream, Z_FINISH)
}

@inline(__always)
private func zlibCRC32(_ crc: uLong, _ bytes: UnsafePointer<Bytef>, _ count: uInt) -> uLong {
    crc32(crc, bytes, count)
}

private extension Data {
    mutating func append(le16 value: UInt16) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    mutating func append(le32 value: UInt32) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
