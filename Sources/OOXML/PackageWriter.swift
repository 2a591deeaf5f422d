import Foundation
import ZIPFoundation

/// Writes an OPC package (a `.docx`) from parts held in memory, atomically:
/// the zip is built in memory and written through a temporary file renamed
/// into place, so an interrupted run never leaves half a document.
public struct PackageWriter {
    public struct Part {
        public let name: String
        public let data: Data
        public let compress: Bool

        public init(name: String, data: Data, compress: Bool = true) {
            self.name = name
            self.data = data
            self.compress = compress
        }
    }

    public private(set) var parts: [Part] = []

    public init() {}

    /// Adds a part; `name` with or without the leading slash.
    public mutating func add(_ name: String, _ data: Data, compress: Bool = true) {
        let stored = name.hasPrefix("/") ? String(name.dropFirst()) : name
        parts.append(Part(name: stored, data: data, compress: compress))
    }

    public mutating func add(_ name: String, xml: String) {
        add(name, Data(xml.utf8))
    }

    /// The zip bytes.
    public func archiveData() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        // A fixed timestamp keeps generated documents byte-for-byte reproducible.
        let timestamp = Date(timeIntervalSince1970: 1_704_067_200)
        for part in parts {
            let data = part.data
            // One chunk per part (up to 1 MiB): fewer buffers and zlib calls.
            try archive.addEntry(
                with: part.name, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: timestamp,
                compressionMethod: part.compress ? .deflate : .none,
                bufferSize: min(max(data.count, 16 * 1024), 1 << 20)
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else {
            throw ReadError.unreadableFile(file: "(内存)", reason: "无法生成压缩包")
        }
        return bytes
    }

    /// Writes the package to `url` atomically.
    public func write(to url: URL) throws {
        try AtomicFile.write(try archiveData(), to: url)
    }
}

/// Writes files through a temporary sibling renamed into place, so a reader
/// (or a run interrupted mid-write) never sees half a file.
///
/// The bytes are not fsync'ed: the rename protects against an interrupted
/// process, not against a power cut; a batch re-run (`--resume`) rewrites
/// anything older than its inputs. Foundation's `Data.write` syncs every file,
/// which cost a tenth of a batch review.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        var descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw failure(url) }
        var written = 0
        let complete = data.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let result = Foundation.write(descriptor, raw.baseAddress! + written, raw.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += result
            }
            return true
        }
        let closed = close(descriptor) == 0
        guard complete, closed, rename(temporary.path, url.path) == 0 else {
            let error = failure(url)
            unlink(temporary.path)
            throw error
        }
    }

    private static func failure(_ url: URL) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path,
                                                NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
    }
}
