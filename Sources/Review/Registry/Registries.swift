import Foundation
import OOXML

/// The registries of one run (`--registry DIR`), each read once. A registry
/// whose file is absent is nil, and the review reports its checks as not
/// performed; a file that is present but unreadable stops the run.
public struct Registries: Sendable {
    public var credit: CreditRegistry?
    public var certificates: CertificateRegistry?
    /// Tables in the registry folder under other names (信用评价.csv): not
    /// read, and said so, since only credit.* and certificates.* are registries.
    public var ignored: [String] = []

    public init(credit: CreditRegistry? = nil, certificates: CertificateRegistry? = nil) {
        self.credit = credit
        self.certificates = certificates
    }

    /// Reads `credit.csv|xlsx` and `certificates.csv|xlsx` from `directory`
    /// (file names compared without case). Both spellings of one registry, or
    /// a legacy `.xls` in their place, are an error: which file the reviewer
    /// meant cannot be guessed, and silently skipping it would leave the
    /// registry unchecked.
    public static func load(directory: URL, limits: ReadLimits = .standard) throws -> Registries {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RegistryError.directoryNotFound(path: directory.path)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw RegistryError.unreadable(file: directory.path, message: "\(directory.path)：登记表目录无法读取")
        }
        var registries = Registries()
        registries.ignored = names.filter { name in
            !name.hasPrefix(".") && !name.hasPrefix("~$") && isTable(name, named: nil)
                && !["credit", "certificates"].contains { isTable(name, named: $0) }
        }.sorted()
        if let url = try file(named: "credit", among: names, in: directory) {
            registries.credit = try CreditRegistry.load(url, limits: limits)
        }
        if let url = try file(named: "certificates", among: names, in: directory) {
            registries.certificates = try CertificateRegistry.load(url, limits: limits)
        }
        return registries
    }

    /// A table a registry may be kept in (.csv, .xlsx, .xls), named `stem` when given.
    private static func isTable(_ name: String, named stem: String?) -> Bool {
        let lower = name.lowercased()
        return ["csv", "xlsx", "xls"].contains { ext in
            guard let stem else { return lower.hasSuffix(".\(ext)") }
            return lower == "\(stem).\(ext)"
        }
    }

    private static func file(named stem: String, among names: [String], in directory: URL) throws -> URL? {
        let candidates = names.filter { isTable($0, named: stem) }.sorted()
        if candidates.count > 1 {
            throw RegistryError.ambiguousFiles(directory: directory.lastPathComponent, files: candidates)
        }
        guard let name = candidates.first else { return nil }
        if name.lowercased().hasSuffix(".xls") {
            throw RegistryError.unsupportedFormat(file: name, reason: "旧版 .xls 格式不受支持，请另存为 .xlsx 或 CSV UTF-8")
        }
        return directory.appendingPathComponent(name)
    }
}

/// Reads a registry file's bytes within the limits.
enum RegistryFile {
    static func contents(of url: URL, limits: ReadLimits) throws -> Data {
        let name = url.lastPathComponent
        do {
            return try InputFile.read(url, name: name, limits: limits)
        } catch let error as ReadError {
            throw RegistryError.unreadable(file: name, message: error.localizedDescription)
        }
    }
}
