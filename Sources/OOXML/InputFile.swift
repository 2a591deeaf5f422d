import Foundation

/// The first step of reading any input: a regular file, not larger than the
/// limit, opened read-only for its leading bytes.
public enum InputFile {
    /// Checks `url` and returns its size and first `prefixLength` bytes.
    /// Errors name the file as `name`.
    public static func inspect(_ url: URL, name: String, limits: ReadLimits, prefixLength: Int = 8) throws -> (size: Int, prefix: Data) {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        } catch {
            throw ReadError.unreadableFile(file: name, reason: "文件不存在或无权读取")
        }
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            throw ReadError.unreadableFile(file: name, reason: "不是普通文件")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > limits.maxFileBytes {
            throw ReadError.limitExceeded(file: name, limit: .fileSize, value: limits.maxFileBytes)
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw ReadError.unreadableFile(file: name, reason: "无权读取")
        }
        defer { try? handle.close() }
        let prefix = (try? handle.read(upToCount: prefixLength)) ?? Data()
        return (size, prefix)
    }
}
