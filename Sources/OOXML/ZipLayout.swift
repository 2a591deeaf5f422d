import Foundation
#if canImport(CZlib)
// ZIPFoundation's zlib module on Linux (a dependency of ZIPFoundation).
import CZlib
#elseif canImport(zlib)
import zlib
#endif

/// Where each entry of an in-memory zip lies, read from its central
/// directory and checked against the bytes before anything is inflated.
///
/// ZIPFoundation lists the entries (names, types, sizes); this layout adds
/// what it keeps internal — where each entry's data starts — so an entry can
/// be inflated with zlib bounded by its compressed size. ZIPFoundation 0.9.20
/// loops forever on a deflate stream that does not end before the file does,
/// traps on an in-memory directory past the end of the bytes, and searches
/// for the end record one byte at a time from disk; a submission can be any
/// of these.
struct ZipLayout {
    struct Span: Equatable {
        /// Compression method (0 stored, 8 deflate).
        let method: Int
        /// General-purpose flags (bit 0: encrypted).
        let flags: Int
        let crc32: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        /// Offset of the first byte of the entry's data.
        let dataStart: Int
    }

    /// One span per central-directory record, in directory order.
    let spans: [Span]

    /// Why a zip's layout was refused, for `ReadError.notZip`.
    enum Problem: Error, Equatable {
        case noEndRecord
        case directoryOutside
        case badRecord(index: Int)
        case entryOutside(index: Int)

        var reason: String {
            switch self {
            case .noEndRecord: return "找不到中央目录"
            case .directoryOutside: return "中央目录超出文件末尾"
            case .badRecord(let index): return "中央目录第\(index + 1)项损坏"
            case .entryOutside(let index): return "第\(index + 1)个条目的数据超出文件末尾"
            }
        }
    }

    /// Reads the end record (searched only in the last 64 KiB + 22 bytes, as
    /// the format allows), the ZIP64 end record where ZIPFoundation would
    /// take one, and every central-directory record with its local header.
    static func read(_ data: Data) throws -> ZipLayout {
        try data.withUnsafeBytes { raw in
            ZipLayout(spans: try spans(in: raw.bindMemory(to: UInt8.self)))
        }
    }

    private static func spans(in bytes: UnsafeBufferPointer<UInt8>) throws -> [Span] {
        let count = bytes.count
        func le(_ at: Int, _ width: Int) -> Int? {
            guard at >= 0, width <= count, at <= count - width else { return nil }
            var value = 0
            for k in 0..<width { value |= Int(bytes[at + k]) << (8 * k) }
            return value
        }
        func signature(_ at: Int, _ third: UInt8, _ fourth: UInt8) -> Bool {
            at >= 0 && at <= count - 4 && bytes[at] == 0x50 && bytes[at + 1] == 0x4B
                && bytes[at + 2] == third && bytes[at + 3] == fourth
        }
        guard count >= 22 else { throw Problem.noEndRecord }
        var end = count - 22
        let lowest = max(0, count - 22 - 65_535)
        while end >= lowest, !signature(end, 0x05, 0x06) { end -= 1 }
        guard end >= lowest, var entries = le(end + 10, 2), var size = le(end + 12, 4),
              var offset = le(end + 16, 4) else { throw Problem.noEndRecord }
        var directoryLimit = end
        // ZIPFoundation takes the ZIP64 end record to be the 56 bytes just
        // before the 20-byte locator, and uses it whenever both signatures
        // are there and it claims version 4.5 — whatever the end record
        // says. Mirror that exactly: its values are the ones ZIPFoundation
        // will follow.
        let zip64Record = end - 76
        let hasZip64 = zip64Record >= 0 && signature(end - 20, 0x06, 0x07) && signature(zip64Record, 0x06, 0x06)
            && (le(zip64Record + 14, 2) ?? 0) >= 45
        if hasZip64 {
            guard le(end - 20 + 8, 8) == zip64Record, let entries64 = le(zip64Record + 32, 8),
                  let size64 = le(zip64Record + 40, 8), let offset64 = le(zip64Record + 48, 8) else { throw Problem.noEndRecord }
            (entries, size, offset, directoryLimit) = (entries64, size64, offset64, zip64Record)
        } else if size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF || entries == 0xFFFF {
            // "See the ZIP64 record", and there is none ZIPFoundation would read.
            throw Problem.noEndRecord
        }
        // ZIP64 values are 8 bytes: read as Int, a lying one may be negative.
        guard offset >= 0, size >= 0, entries >= 0, offset <= directoryLimit - size else { throw Problem.directoryOutside }
        // A record is at least 46 bytes: more entries than fit is a lie.
        guard entries <= size / 46 + 1 else { throw Problem.directoryOutside }
        var spans: [Span] = []
        spans.reserveCapacity(entries)
        var record = offset
        for index in 0..<entries {
            guard signature(record, 0x01, 0x02), let flags = le(record + 8, 2), let method = le(record + 10, 2),
                  let crc = le(record + 16, 4), var compressed = le(record + 20, 4),
                  var uncompressed = le(record + 24, 4), let nameLength = le(record + 28, 2),
                  let extraLength = le(record + 30, 2), let commentLength = le(record + 32, 2),
                  var local = le(record + 42, 4) else { throw Problem.badRecord(index: index) }
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                // ZIP64 extended information (tag 1): the values that
                // overflowed, in this order, each 8 bytes.
                var at = record + 46 + nameLength
                let extraEnd = at + extraLength
                var found = false
                while at + 4 <= extraEnd, let tag = le(at, 2), let length = le(at + 2, 2) {
                    if tag == 1 {
                        var field = at + 4
                        func next() -> Int? {
                            defer { field += 8 }
                            return field + 8 <= at + 4 + length ? le(field, 8) : nil
                        }
                        if uncompressed == 0xFFFF_FFFF { guard let v = next() else { break }; uncompressed = v }
                        if compressed == 0xFFFF_FFFF { guard let v = next() else { break }; compressed = v }
                        if local == 0xFFFF_FFFF { guard let v = next() else { break }; local = v }
                        found = true
                        break
                    }
                    at += 4 + length
                }
                guard found, compressed >= 0, uncompressed >= 0, local >= 0 else { throw Problem.badRecord(index: index) }
            }
            guard signature(local, 0x03, 0x04), let localName = le(local + 26, 2),
                  let localExtra = le(local + 28, 2) else { throw Problem.entryOutside(index: index) }
            let dataStart = local + 30 + localName + localExtra
            // ZIPFoundation's listing also reads the data descriptor (bit 3):
            // 16 bytes, or 24 when it takes the entry for ZIP64 (which a
            // "version needed" field alone can claim). A valid zip always
            // has the central directory after it, so asking for 24 refuses
            // nothing real.
            let descriptor = flags & 0x08 == 0 ? 0 : 24
            guard dataStart <= count, compressed <= count - dataStart - descriptor else {
                throw Problem.entryOutside(index: index)
            }
            // For a stored entry ZIPFoundation looks for that descriptor after
            // the *uncompressed* size (found by the fuzzer: a stored entry
            // whose sizes differ).
            if descriptor > 0 && method == 0 && uncompressed > count - dataStart - descriptor {
                throw Problem.entryOutside(index: index)
            }
            spans.append(Span(method: method, flags: flags, crc32: UInt32(crc), compressedSize: compressed,
                              uncompressedSize: uncompressed, dataStart: dataStart))
            record += 46 + nameLength + extraLength + commentLength
        }
        return spans
    }
}

/// Inflates one entry from its compressed bytes, never reading past them and
/// never producing more than `limit` allows.
enum EntryInflater {
    enum Failure: Error, Equatable {
        /// The stream ended early, or the data is not a deflate stream.
        case corrupt
        /// The deflate stream had not ended when its bytes did.
        case truncated
        case checksumMismatch
        case unsupportedMethod(Int)
        case encrypted

        var reason: String {
            switch self {
            case .corrupt: return "的压缩数据损坏"
            case .truncated: return "的压缩数据不完整（文件可能被截断）"
            case .checksumMismatch: return "的校验和不符（文件已损坏）"
            case .unsupportedMethod(let method): return "使用了不支持的压缩方法（\(method)）"
            case .encrypted: return "已加密"
            }
        }
    }

    /// The entry's uncompressed bytes. `check` sees the output size after
    /// every chunk and throws to stop (the caller's size and ratio limits).
    static func contents(
        of span: ZipLayout.Span, in data: Data, check: (Int) throws -> Void
    ) throws -> Data {
        if span.flags & 1 != 0 { throw Failure.encrypted }
        let range = span.dataStart..<(span.dataStart + span.compressedSize)
        let output: Data
        switch span.method {
        case 0:
            try check(span.compressedSize)
            output = data.subdata(in: (data.startIndex + range.lowerBound)..<(data.startIndex + range.upperBound))
        case 8:
            output = try inflate(data, range: range, expected: span.uncompressedSize, check: check)
        default:
            throw Failure.unsupportedMethod(span.method)
        }
        guard ZipWriter.crc32(output) == span.crc32 else { throw Failure.checksumMismatch }
        return output
    }

    private static func inflate(
        _ data: Data, range: Range<Int>, expected: Int, check: (Int) throws -> Void
    ) throws -> Data {
        let chunk = 64 * 1024
        var output = Data(count: min(max(expected, 1), 1 << 24))
        var produced = 0
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure.corrupt
        }
        defer { inflateEnd(&stream) }
        try data.withUnsafeBytes { raw in
            guard let base = raw.bindMemory(to: Bytef.self).baseAddress else { throw Failure.corrupt }
            stream.next_in = UnsafeMutablePointer(mutating: base + range.lowerBound)
            stream.avail_in = uInt(range.count)
            while true {
                if output.count - produced < chunk {
                    output.count = output.count + max(chunk, output.count / 2)
                }
                let room = output.count - produced
                let status: Int32 = output.withUnsafeMutableBytes { out in
                    stream.next_out = out.bindMemory(to: Bytef.self).baseAddress! + produced
                    stream.avail_out = uInt(room)
                    return zlibInflate(&stream)
                }
                produced += room - Int(stream.avail_out)
                try check(produced)
                switch status {
                case Z_STREAM_END:
                    return
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress possible. Output room is never short here
                    // (it grows above), so the input ran out before the end.
                    throw stream.avail_in == 0 ? Failure.truncated : Failure.corrupt
                default:
                    throw Failure.corrupt
                }
            }
        }
        output.count = produced
        return output
    }
}

/// zlib's `inflate`, named so that it does not shadow the function above.
@inline(__always)
private func zlibInflate(_ stream: UnsafeMutablePointer<z_stream>) -> Int32 {
    inflate(stream, Z_NO_FLUSH)
}
