import ArgumentParser
import Foundation
import Forms
import OOXML

/// Where the form definitions come from; shared by every command that needs them.
struct FormsOptions: ParsableArguments {
    @Option(name: .customLong("forms"), help: "表单定义目录（默认：$CLUSTER_REVIEW_FORMS，否则向上查找 ./forms）。")
    var directory: String?

    /// The forms folder in use.
    func directoryURL() throws -> URL {
        if let directory { return URL(fileURLWithPath: directory) }
        if let found = FormLibrary.defaultDirectory() { return found }
        throw CLIError.usage("找不到表单定义目录 forms/，请用 --forms 指定或设置 CLUSTER_REVIEW_FORMS")
    }

    func library() throws -> FormLibrary {
        let url = try directoryURL()
        do {
            return try FormLibrary.load(directory: url)
        } catch {
            throw CLIError.usage("表单定义无法加载：\(error.localizedDescription)")
        }
    }
}

/// Errors the commands report on stderr with their exit status.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case input(String)

    var description: String {
        switch self {
        case .usage(let message), .input(let message): return message
        }
    }
}

enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("错误：\(message)\n".utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Runs a command body, mapping errors to the CONTRACT's exit statuses:
/// 2 for bad usage, 1 for inputs that could not be read.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CLIError {
        Console.error(error.description)
        if case .usage = error { throw ExitCode(2) }
        throw ExitCode(1)
    } catch let error as ExitCode {
        throw error
    } catch let error as LocalizedError {
        Console.error(error.errorDescription ?? "\(error)")
        throw ExitCode(1)
    }
}

/// The per-document reading limits (README "Limits"), adjustable for an
/// office whose submissions are legitimately larger — or to be stricter.
struct ReadLimitOptions: ParsableArguments {
    private static let standard = ReadLimits.standard

    @Option(name: .customLong("max-file-mib"), help: "单个输入文件上限，MiB（默认 \(standard.maxFileBytes >> 20)）。")
    var maxFileMiB: Int?
    @Option(name: .customLong("max-part-mib"), help: "单个部件解压后上限，MiB（默认 \(standard.maxPartBytes >> 20)）。")
    var maxPartMiB: Int?
    @Option(name: .customLong("max-total-mib"), help: "单个文档解压后总量上限，MiB（默认 \(standard.maxTotalBytes >> 20)）。")
    var maxTotalMiB: Int?
    @Option(name: .customLong("max-ratio"), help: "超过 \(standard.ratioFloorBytes >> 20) MiB 的部件压缩比上限（默认 \(standard.maxCompressionRatio)）。")
    var maxRatio: Int?
    @Option(name: .customLong("max-entries"), help: "压缩包条目或部件数上限（默认 \(standard.maxEntries)）。")
    var maxEntries: Int?
    @Option(name: .customLong("max-depth"), help: "元素嵌套深度上限（默认及最大 \(standard.maxElementDepth)，即 libxml2 自身上限）。")
    var maxDepth: Int?

    func validate() throws {
        let values = [("--max-file-mib", maxFileMiB), ("--max-part-mib", maxPartMiB), ("--max-total-mib", maxTotalMiB),
                      ("--max-ratio", maxRatio), ("--max-entries", maxEntries), ("--max-depth", maxDepth)]
        for case let (name, value?) in values where value < 1 || value > 1 << 20 {
            throw ValidationError("\(name) 应为 1 至 \(1 << 20) 之间的整数")
        }
        if let maxDepth, maxDepth > Self.standard.maxElementDepth {
            throw ValidationError("--max-depth 不能超过 \(Self.standard.maxElementDepth)（libxml2 的嵌套上限）")
        }
    }

    var limits: ReadLimits {
        var limits = ReadLimits.standard
        if let maxFileMiB { limits.maxFileBytes = maxFileMiB << 20 }
        if let maxPartMiB { limits.maxPartBytes = maxPartMiB << 20 }
        if let maxTotalMiB { limits.maxTotalBytes = maxTotalMiB << 20 }
        if let maxRatio { limits.maxCompressionRatio = maxRatio }
        if let maxEntries { limits.maxEntries = maxEntries }
        if let maxDepth { limits.maxElementDepth = maxDepth }
        return limits
    }
}
