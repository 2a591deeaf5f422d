import Foundation
import Forms
import OOXML

/// Where a submission's files are: a folder of documents, or one file.
public struct SubmissionSource: Sendable, Hashable {
    public let id: String
    public let files: [URL]
}

/// A file that could not be read, with the reason a reviewer reads.
public struct UnreadableFile: Sendable, Hashable, Codable {
    public let file: String
    public let reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var line: String { "\(file): \(reason)" }
}

/// A submission read from disk, ready for the reviewer.
public struct LoadedSubmission {
    public let submission: Submission
    public let unreadable: [UnreadableFile]
    public let batchKeys: BatchKeys
    /// The documents as read, for the marked-up copies: each Word package
    /// keeps its parsed parts, so the copy edits the trees the reader read
    /// instead of reading the file again (nil for form-instance XML).
    public let forms: [(url: URL, form: ExtractedForm, package: OPCPackage?)]
}

/// Finds submissions in the inputs and reads them: never writes, never
/// follows a submission outside what it was given.
public enum SubmissionLoader {
    static let documentExtensions: Set<String> = ["docx", "xml", "docm", "doc", "wps", "pdf", "dotx"]

    /// INPUT is a submission folder, a document, or a folder of submission folders.
    /// Two submissions with one name (a/sub1 and b/sub1) get distinct ids —
    /// sub1 and sub1-2 — so that neither's outputs overwrite the other's.
    public static func sources(_ inputs: [URL]) throws -> [SubmissionSource] {
        var seen = Set<String>()
        return try collectSources(inputs).map { source in
            var id = source.id
            var number = 2
            while seen.contains(id) {
                id = "\(source.id)-\(number)"
                number += 1
            }
            seen.insert(id)
            return id == source.id ? source : SubmissionSource(id: id, files: source.files)
        }
    }

    private static func collectSources(_ inputs: [URL]) throws -> [SubmissionSource] {
        var result: [SubmissionSource] = []
        let manager = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: input.path, isDirectory: &isDirectory) else {
                // An input that is not there is one that cannot be read: named,
                // and the others still reviewed (CONTRACT, exit 1).
                result.append(SubmissionSource(id: input.deletingPathExtension().lastPathComponent, files: [input]))
                continue
            }
            guard isDirectory.boolValue else {
                result.append(SubmissionSource(id: input.deletingPathExtension().lastPathComponent, files: [input]))
                continue
            }
            let entries = try manager.contentsOfDirectory(at: input, includingPropertiesForKeys: [.isDirectoryKey])
                .filter { !$0.lastPathComponent.hasPrefix(".") && !$0.lastPathComponent.hasPrefix("~$") }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
            let folders = entries.filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
            let documents = entries.filter { !folders.contains($0) && documentExtensions.contains($0.pathExtension.lowercased()) }
            if folders.isEmpty {
                // A submission folder (possibly empty: reported as such).
                result.append(SubmissionSource(id: input.lastPathComponent, files: documents))
            } else {
                for folder in folders {
                    let files = try manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                        .filter { !$0.lastPathComponent.hasPrefix(".") && !$0.lastPathComponent.hasPrefix("~$")
                            && documentExtensions.contains($0.pathExtension.lowercased()) }
                        .sorted { $0.lastPathComponent < $1.lastPathComponent }
                    result.append(SubmissionSource(id: folder.lastPathComponent, files: files))
                }
                for document in documents {
                    result.append(SubmissionSource(id: document.deletingPathExtension().lastPathComponent, files: [document]))
                }
            }
        }
        return result
    }

    /// Reads a submission's files; a file that cannot be read is named, the
    /// others are still used.
    public static func load(_ source: SubmissionSource, extractor: Extractor, scheme: String?,
                            limits: ReadLimits = .standard) -> LoadedSubmission {
        var unreadable: [UnreadableFile] = []
        var applications: [(URL, ExtractedForm, OPCPackage?)] = []
        var declarations: [(URL, ExtractedForm, OPCPackage?)] = []
        var fingerprint: String?
        // Word documents whose title names no one scheme (a declaration that
        // says only 中小企业特色产业集群…): read with the application's scheme.
        var undecided: [(url: URL, document: WordDocument, package: OPCPackage)] = []
        let display = { (url: URL) in "\(source.id)/\(url.lastPathComponent)" }
        if source.files.isEmpty {
            unreadable.append(UnreadableFile(file: source.id, reason: "文件夹中没有申报文档（.docx 或 .xml）"))
        }
        for url in source.files {
            // An input given that is not there: named by the path as given.
            if !FileManager.default.fileExists(atPath: url.path) {
                unreadable.append(UnreadableFile(file: url.path, reason: "文件或文件夹不存在"))
                continue
            }
            do {
                let form: ExtractedForm
                var opened: OPCPackage?
                switch try DocumentReader.open(url, displayName: url.lastPathComponent, limits: limits) {
                case .word(let package):
                    let document = try DocumentReader.read(package, keepingParsedParts: true)
                    do {
                        form = try extractor.extract(document, scheme: scheme)
                    } catch let error as ExtractionError where scheme == nil && error == .unknownScheme(file: document.fileName) {
                        undecided.append((url, document, package))
                        continue
                    }
                    opened = package
                    if form.kind == .declaration {
                        fingerprint = BatchChecks.declarationFingerprint(document.allParagraphs.map(\.text))
                    }
                case .xml(let xml):
                    form = try extractor.extract(formInstance: xml, scheme: scheme)
                }
                if form.kind == .declaration {
                    declarations.append((url, form, opened))
                } else {
                    applications.append((url, form, opened))
                }
            } catch let error as LocalizedError {
                unreadable.append(UnreadableFile(file: display(url), reason: Self.withoutFileName(error.errorDescription ?? "\(error)", url)))
            } catch {
                unreadable.append(UnreadableFile(file: display(url), reason: "\(error)"))
            }
        }
        // Only a declaration is read so: a document with no form's title at all
        // (a cover letter) stays unreadable, named as such.
        for pending in undecided {
            guard let applicationScheme = applications.first?.1.scheme,
                  let form = try? extractor.extract(pending.document, scheme: applicationScheme), form.kind == .declaration else {
                let error = ExtractionError.unknownScheme(file: pending.document.fileName)
                unreadable.append(UnreadableFile(file: display(pending.url),
                                                 reason: Self.withoutFileName(error.errorDescription ?? "\(error)", pending.url)))
                continue
            }
            fingerprint = BatchChecks.declarationFingerprint(pending.document.allParagraphs.map(\.text))
            declarations.append((pending.url, form, pending.package))
        }
        if applications.count > 1 {
            unreadable.append(UnreadableFile(file: source.id, reason: "含\(applications.count)份申报书（\(applications.map { $0.0.lastPathComponent }.joined(separator: "、"))），仅审核第一份"))
        }
        if declarations.count > 1 {
            unreadable.append(UnreadableFile(file: source.id, reason: "含\(declarations.count)份责任声明，仅审核第一份"))
        }
        let submission = Submission(id: source.id, application: applications.first?.1, declaration: declarations.first?.1,
                                    documents: source.files.map(\.lastPathComponent))
        return LoadedSubmission(submission: submission, unreadable: unreadable,
                                batchKeys: BatchKeys(id: source.id, application: applications.first?.1, declarationText: fingerprint),
                                forms: (applications + declarations).map { (url: $0.0, form: $0.1, package: $0.2) })
    }

    /// Reader messages start with the file's name; the summary names it already.
    static func withoutFileName(_ message: String, _ url: URL) -> String {
        let prefix = url.lastPathComponent
        guard message.hasPrefix(prefix) else { return message }
        var rest = message.dropFirst(prefix.count)
        while let first = rest.first, first == "：" || first == " " { rest = rest.dropFirst() }
        return String(rest)
    }
}
