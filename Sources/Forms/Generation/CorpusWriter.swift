import Foundation

/// Writes a generated corpus: `<directory>/<id>/申报书.docx|xml` and
/// `责任声明.docx` per submission, and in `registry` the `credit.csv` and
/// `certificates.csv` the review reads plus `planted-defects.csv`, the answer key.
///
/// The registry cannot live inside the corpus folder: `review` takes every
/// subfolder of a folder of submissions for a submission.
public enum CorpusWriter {
    /// Refuses a corpus folder that already holds anything, so that no stale
    /// submission of an earlier, larger run is mixed in. Documents are
    /// rendered on `jobs` threads; the bytes do not depend on it.
    public static func write(_ corpus: GeneratedCorpus, to directory: URL, registry: URL,
                             jobs: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: directory.path), !existing.isEmpty {
            throw GenerationError.outputNotEmpty(path: directory.path)
        }
        for folder in [directory, registry] {
            do {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw GenerationError.unwritable(path: folder.path, reason: error.localizedDescription)
            }
        }
        let failure = FirstFailure()
        let submissions = corpus.submissions
        let stride = max(1, jobs)
        DispatchQueue.concurrentPerform(iterations: stride) { worker in
            for index in Swift.stride(from: worker, to: submissions.count, by: stride) where !failure.happened {
                let submission = submissions[index]
                let folder = directory.appendingPathComponent(submission.id, isDirectory: true)
                do {
                    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
                    for document in try documents(submission) {
                        try document.data.write(to: folder.appendingPathComponent(document.name))
                    }
                } catch {
                    failure.record(GenerationError.unwritable(path: folder.path, reason: error.localizedDescription))
                }
            }
        }
        if let error = failure.error { throw error }
        let files = [("credit.csv", creditCSV(corpus.credit)), ("certificates.csv", certificatesCSV(corpus.certificates)),
                     ("planted-defects.csv", plantedCSV(corpus.submissions))]
        for (name, data) in files {
            let url = registry.appendingPathComponent(name)
            do {
                try data.write(to: url, options: .atomic)
            } catch {
                throw GenerationError.unwritable(path: url.path, reason: error.localizedDescription)
            }
        }
    }

    /// The documents of one submission, named as they are written.
    public static func documents(_ submission: GeneratedSubmission) throws -> [(name: String, data: Data)] {
        let writer = FormWriter(definition: submission.definition)
        let application: Data
        switch submission.applicationFormat {
        case .word:
            application = try writer.application(submission.application).package().archiveData()
        case .formInstance:
            application = Data(FormInstanceWriter.xml(submission.application, definition: submission.definition, kind: .application).utf8)
        }
        let declaration = try writer.declaration(submission.declaration).package().archiveData()
        return [(submission.applicationFile, application), (GeneratedSubmission.declarationFile, declaration)]
    }

    // MARK: CSV

    /// UTF-8 with a byte-order mark, as Excel wants it and the registries accept it.
    static func csv(_ header: [String], _ rows: [[String]]) -> Data {
        var text = "\u{FEFF}"
        for row in [header] + rows {
            text += row.map(field).joined(separator: ",") + "\n"
        }
        return Data(text.utf8)
    }

    private static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func creditCSV(_ records: [CreditRecord]) -> Data {
        csv(["统一社会信用代码", "名称", "信用等级", "评价日期"],
            records.map { [$0.uscc, $0.name, $0.grade, $0.evaluated.iso] })
    }

    static func certificatesCSV(_ records: [CertificateRecord]) -> Data {
        csv(["统一社会信用代码", "名称", "资质类型", "证书编号", "认定日期", "有效期至"],
            records.map { [$0.uscc ?? "", $0.name, $0.type, $0.number, $0.issued.iso, $0.validUntil?.iso ?? ""] })
    }

    /// One row per planted defect, and one with no defect for each clean submission (expected: pass).
    static func plantedCSV(_ submissions: [GeneratedSubmission]) -> Data {
        var rows: [[String]] = []
        for submission in submissions {
            let common = [submission.id, submission.definition.id, submission.base, submission.applicationFile]
            if submission.defects.isEmpty {
                rows.append(common + ["", "", ""])
            }
            for defect in submission.defects {
                rows.append(common + [defect.kind.rawValue, defect.field, defect.detail])
            }
        }
        return csv(["提交编号", "申报类别", "样例", "申报书文件", "缺陷类型", "字段", "说明"], rows)
    }
}

/// The first error of a parallel write; later ones are dropped.
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (any Error)?

    var happened: Bool {
        lock.lock()
        defer { lock.unlock() }
        return first != nil
    }

    var error: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return first
    }

    func record(_ error: any Error) {
        lock.lock()
        defer { lock.unlock() }
        if first == nil { first = error }
    }
}
