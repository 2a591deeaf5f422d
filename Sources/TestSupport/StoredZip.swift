import Foundation
#if canImport(CZlib)
// ZIPFoundation's zlib module on Linux (reached through OOXML → ZIPFoundation).
import CZlib
#elseif canImport(zlib)
import zlib
#endif

/// Writes a zip byte by byte — local headers, optional data descriptors, the
/// central directory, the end record — so that tests can build what no zip
/// library writes: thousands of entries for the cost of copying them, lying
/// sizes, unterminated deflate streams, descriptors that disagree with the
/// directory. Entries are stored unless one brings its own payload.
public enum StoredZip {
    public struct Entry {
        public let name: String
        /// The bytes written after the local header.
        public let payload: Data
        /// 0 stored, 8 deflated.
        public let method: Int
        public let uncompressedSize: Int
        public let crc: UInt32
        /// Flag bit 3: sizes and checksum follow the data in a descriptor
        /// (zero in the local header), as streaming writers do.
        public var descriptor = false
        /// The descriptor's checksum when it should disagree with `crc`.
        public var descriptorCRC: UInt32?
        public var versionNeeded = 20

        public init(name: String, payload: Data, method: Int, uncompressedSize: Int, crc: UInt32) {
            self.name = name
            self.payload = payload
            self.method = method
            self.uncompressedSize = uncompressedSize
            self.crc = crc
        }

        /// A stored entry.
        public init(_ name: String, _ data: Data) {
            self.init(name: name, payload: data, method: 0, uncompressedSize: data.count, crc: StoredZip.crc32(data))
        }
    }

    public static func archive(_ entries: [(name: String, data: Data)]) -> Data {
        archive(entries.map { Entry($0.name, $0.data) })
    }

    public static func archive(_ entries: [Entry]) -> Data {
        var zip = Data()
        var directory = Data()
        func le(_ value: Int, _ width: Int, _ into: inout Data) {
            for k in 0..<width { into.append(UInt8(truncatingIfNeeded: value >> (8 * k))) }
        }
        for entry in entries {
            let nameBytes = Data(entry.name.utf8)
            let (crc, compressed, size) = (Int(entry.crc), entry.payload.count, entry.uncompressedSize)
            let flags = 0x0800 | (entry.descriptor ? 0x0008 : 0)
            let offset = zip.count
            le(0x0403_4B50, 4, &zip); le(entry.versionNeeded, 2, &zip); le(flags, 2, &zip); le(entry.method, 2, &zip)
            le(0, 2, &zip); le(0x21, 2, &zip)
            for value in entry.descriptor ? [0, 0, 0] : [crc, compressed, size] { le(value, 4, &zip) }
            le(nameBytes.count, 2, &zip); le(0, 2, &zip)
            zip.append(nameBytes)
            zip.append(entry.payload)
            if entry.descriptor {
                le(0x0807_4B50, 4, &zip); le(Int(entry.descriptorCRC ?? entry.crc), 4, &zip)
                le(compressed, 4, &zip); le(size, 4, &zip)
            }
            le(0x0201_4B50, 4, &directory); le(20, 2, &directory); le(entry.versionNeeded, 2, &directory); le(flags, 2, &directory)
            le(entry.method, 2, &directory); le(0, 2, &directory); le(0x21, 2, &directory)
            le(crc, 4, &directory); le(compressed, 4, &directory); le(size, 4, &directory)
            le(nameBytes.count, 2, &directory); for _ in 0..<4 { le(0, 2, &directory) }
            le(0, 4, &directory); le(offset, 4, &directory)
            directory.append(nameBytes)
        }
        let directoryOffset = zip.count
        zip.append(directory)
        le(0x0605_4B50, 4, &zip); le(0, 2, &zip); le(0, 2, &zip)
        le(min(entries.count, 0xFFFF), 2, &zip); le(min(entries.count, 0xFFFF), 2, &zip)
        le(directory.count, 4, &zip); le(directoryOffset, 4, &zip); le(0, 2, &zip)
        return zip
    }

    /// `data` as a raw deflate stream of one final stored block (up to 65,535 bytes).
    public static func deflate(_ data: Data) throws -> Data {
        guard data.count <= 0xFFFF else { throw CocoaError(.fileWriteUnknown) }
        let length = data.count, complement = ~data.count & 0xFFFF
        return Data([0x01, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(complement & 0xFF), UInt8(complement >> 8)]) + data
    }

    /// A deflated entry whose stream is a stored block announcing 65,535
    /// bytes, not the last: a reader that trusts the stream rather than the
    /// entry's compressed size waits for more input for ever.
    public static func unterminatedDeflate(name: String = "[Content_Types].xml") -> Data {
        archive([Entry(name: name, payload: Data([0x00, 0xFF, 0xFF, 0x00, 0x00]), method: 8, uncompressedSize: 671, crc: 0)])
    }

    public static func crc32(_ data: Data) -> UInt32 {
        zlibCRC32(data)
    }
}

/// zlib's `crc32`, outside `StoredZip` whose own `crc32` would shadow it.
private func zlibCRC32(_ data: Data) -> UInt32 {
    data.withUnsafeBytes { raw in
        UInt32(truncatingIfNeeded: crc32(0, raw.bindMemory(to: Bytef.self).baseAddress, uInt(raw.count)))
    }
}
