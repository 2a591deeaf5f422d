import ArgumentParser
import Foundation
import Forms
import OOXML

/// Where the form definitions come from; shared by every command that needs them.
struct FormsOptions: ParsableArguments {
    @Option(name: .customLong("forms"), help: "The forms folder (default: $CLUSTER_REVIEW_FORMS, else ./forms found upwards).")
    var directory: String?

    func library() throws -> FormLibrary {
        let url: URL
        if let directory {
            url = URL(fileURLWithPath: directory)
        } else if let found = FormLibrary.defaultDirectory() {
            url = found
        } else {
            throw CLIError.usage("找不到表单定义目录 forms/，请用 --forms 指定或设置 CLUSTER_REVIEW_FORMS")
        }
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
