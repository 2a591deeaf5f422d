import Foundation

/// Writes an OPC package (a `.docx`) from parts held in memory, atomically:
/// the zip is built in memory (`ZipWriter`) and written through a temporary
/// file renamed into place, so an interrupted run never leaves half a
/// document. A part copied from a package already read keeps its compressed
/// bytes.
public struct PackageWriter {
    enum Content {
        case bytes(Data, compress: Bool)
        case raw(ZipWriter.RawEntry)
    }

    private var parts: [(name: String, content: Content)] = []

    public init() {}

    /// The part names added so far, in order, without the leading slash.
    public var partNames: [String] { parts.map(\.name) }

    /// Adds a part; `name` with or without the leading slash.
    public mutating func add(_ name: String, _ data: Data, compress: Bool = true) {
        parts.append((Self.stored(name), .bytes(data, compress: compress)))
    }

    public mutating func add(_ name: String, xml: String) {
        add(name, Data(xml.utf8))
    }

    /// Adds a part with its compressed bytes as another zip holds them.
    mutating func add(_ name: String, raw: ZipWriter.RawEntry) {
        parts.append((Self.stored(name), .raw(raw)))
    }

    private static func stored(_ name: String) -> String {
        name.hasPrefix("/") ? String(name.dropFirst()) : name
    }

    /// The zip bytes.
    public func archiveData() throws -> Data {
        var zip = ZipWriter()
        do {
            for (name, content) in parts {
                switch content {
                case .bytes(let data, let compress): try zip.add(name, data, compress: compress)
                case .raw(let entry): try zip.add(name, entry)
                }
            }
            return try zip.finished()
        } catch ZipWriter.Failure.tooLarge {
            throw ReadError.unreadableFile(file: "(内存)", reason: "无法生成压缩包：超过 4 GiB 或 65535 个部件")
        } catch {
            throw ReadError.unreadableFile(file: "(内存)", reason: "无法生成压缩包：压缩失败")
        }
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
