import Foundation

/// Limits applied while opening a package. Every breach is an error naming the
/// file and the limit, raised before the memory is spent.
public struct ReadLimits: Sendable, Equatable {
    /// Largest uncompressed size of one part.
    public var maxPartBytes: Int
    /// Largest uncompressed size of all parts read from one package.
    public var maxTotalBytes: Int
    /// Largest ratio of uncompressed to compressed size, applied to parts
    /// larger than `ratioFloorBytes` (small parts compress arbitrarily well).
    public var maxCompressionRatio: Int
    public var ratioFloorBytes: Int
    /// Most entries a zip archive may hold.
    public var maxEntries: Int
    /// Deepest element nesting. libxml2 without XML_PARSE_HUGE stops at 256;
    /// the walker enforces this one as well.
    public var maxElementDepth: Int
    /// Largest input file.
    public var maxFileBytes: Int

    public init(
        maxPartBytes: Int = 128 << 20,
        maxTotalBytes: Int = 256 << 20,
        maxCompressionRatio: Int = 1000,
        ratioFloorBytes: Int = 4 << 20,
        maxEntries: Int = 5000,
        maxElementDepth: Int = 256,
        maxFileBytes: Int = 256 << 20
    ) {
        self.maxPartBytes = maxPartBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioFloorBytes = ratioFloorBytes
        self.maxEntries = maxEntries
        self.maxElementDepth = maxElementDepth
        self.maxFileBytes = maxFileBytes
    }

    public static let standard = ReadLimits()
}

/// Which reading limit a document broke; the raw value is how a reviewer
/// reads it.
public enum ReadLimit: String, Sendable, Equatable {
    case fileSize = "文件大小（字节）"
    case partSize = "单个部件解压后大小（字节）"
    case totalSize = "全部部件解压后总大小（字节）"
    case compressionRatio = "压缩比"
    case zipEntries = "压缩包条目数"
    case packageParts = "文档部件数"
    case elementDepth = "元素嵌套层数"
    case textNode = "单个文本节点字符数"
}

/// Why a document could not be read. Messages are for the reviewer: formal
/// Chinese, naming the file and, where there is one, the place.
public enum ReadError: Error, LocalizedError, Equatable, Sendable {
    case unreadableFile(file: String, reason: String)
    case emptyFile(file: String)
    case oleCompoundFile(file: String)
    case otherFormat(file: String, format: String)
    case notZip(file: String, reason: String)
    case missingPart(file: String, part: String)
    case notWordDocument(file: String, contentType: String)
    case limitExceeded(file: String, limit: ReadLimit, value: Int)
    case malformedXML(file: String, line: Int, reason: String)
    case forbiddenDTD(file: String)
    case badFlatOPC(file: String, reason: String)
    case unsafePartName(file: String, name: String)

    public var errorDescription: String? {
        switch self {
        case let .unreadableFile(file, reason):
            return "\(file)：无法读取文件（\(reason)）"
        case let .emptyFile(file):
            return "\(file)：文件为空（0 字节），请重新提交"
        case let .oleCompoundFile(file):
            return "\(file)：加密文档或旧版 .doc 格式，请另存为 .docx"
        case let .otherFormat(file, format):
            return "\(file)：文件实为 \(format)，不是 Word 文档（.docx），请另存为 .docx 后重新提交"
        case let .notZip(file, reason):
            return "\(file)：不是有效的 .docx 压缩包（\(reason)），文件可能已损坏或被截断"
        case let .missingPart(file, part):
            return "\(file)：文档缺少必要部件 \(part)，文件已损坏"
        case let .notWordDocument(file, contentType):
            return "\(file)：主部件类型为 \(contentType)，不是 Word 文档"
        case let .limitExceeded(file, limit, value):
            return "\(file)：超出读取限制（\(limit.rawValue)上限 \(value)），已停止读取"
        case let .malformedXML(file, line, reason):
            let place = line > 0 ? " 第\(line)行" : ""
            return "\(file)\(place)：XML 格式错误（\(reason)）"
        case let .forbiddenDTD(file):
            return "\(file)：文档含 DTD 或实体声明，出于安全原因拒绝读取"
        case let .badFlatOPC(file, reason):
            return "\(file)：Word XML 文档（Flat OPC）无法读取（\(reason)）"
        case let .unsafePartName(file, name):
            return "\(file)：压缩包含不安全的条目名 \(name)，已拒绝"
        }
    }
}
