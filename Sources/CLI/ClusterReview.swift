import ArgumentParser
import Foundation

@main
struct ClusterReview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster-review",
        abstract: "审核产业集群及促进机构申报材料（申报书、申报主体责任声明），出具审核意见。",
        discussion: """
        按政策文件、信用评价名单和资质认定名录审核产业集群及促进机构的申报材料，并在整批材料之间交叉核对。
        示例：cluster-review review fixtures/submissions --registry fixtures/registry --out out
        """,
        subcommands: [ReviewCommand.self, Schemes.self, Template.self, Fill.self, Extract.self, Dump.self, Generate.self]
    )

    /// ArgumentParser's entry point, except that bad usage exits with 2 as
    /// CONTRACT.md says (ArgumentParser's own status for it is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
