import Foundation

/// The first step of reading any input: a regular file, not larger than the
/// limit, opened read-only once and read whole.
public enum InputFile {
    /// The bytes of `url`. Errors name the file as `name`. One `open`, one
    /// `fstat`, reads until the end: the file is never written, and a file
    /// that grows past the limit while it is read is refused too.
    public static func read(_ url: URL, name: String, limits: ReadLimits) throws -> Data {
        // O_NONBLOCK: a FIFO among the submissions must not block the batch
        // waiting for a writer (it is refused as not a regular file below).
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw ReadError.unreadableFile(file: name, reason: errno == EACCES ? "无权读取" : "文件不存在或无权读取")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw ReadError.unreadableFile(file: name, reason: "文件不存在或无权读取")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw ReadError.unreadableFile(file: name, reason: "不是普通文件")
        }
        let size = Int(status.st_size)
        if size > limits.maxFileBytes {
            throw ReadError.limitExceeded(file: name, limit: .fileSize, value: limits.maxFileBytes)
        }
        var data = Data(count: size + 1)  // one spare byte tells a file that grew
        var filled = 0
        while true {
            if filled == data.count {
                guard data.count <= limits.maxFileBytes else {
                    throw ReadError.limitExceeded(file: name, limit: .fileSize, value: limits.maxFileBytes)
                }
                data.count += max(64 * 1024, data.count / 2)
            }
            let room = data.count - filled
            let result = data.withUnsafeMutableBytes { raw in
                Foundation.read(descriptor, raw.baseAddress! + filled, room)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw ReadError.unreadableFile(file: name, reason: "读取失败")
            }
            if result == 0 { break }
            filled += result
        }
        if filled > limits.maxFileBytes {
            throw ReadError.limitExceeded(file: name, limit: .fileSize, value: limits.maxFileBytes)
        }
        data.count = filled
        return data
    }
}
