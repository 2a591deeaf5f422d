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
            try archive.addEntry(
                with: part.name, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: timestamp,
                compressionMethod: part.compress ? .deflate : .none
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

/// Writes files through a temporary sibling renamed into place.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
