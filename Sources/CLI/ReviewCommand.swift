import ArgumentParser
import Foundation
import Forms
import OOXML
import Opinion
import Review

struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "审核申报材料，按提交编号输出审核结果（findings.json）及批次汇总（summary.json、summary.csv）。",
        discussion: """
        输入可以是一份申报材料的文件夹（申报书 + 责任声明）、单个 .docx/.xml 文件，或包含多份申报材料文件夹的目录。
        退出状态：0 全部输入均已读取（无论审核结论如何）；1 部分输入无法读取（逐一在标准错误和 summary.json 中列明，其余照常审核）；
        2 用法错误或登记表不可用。
        示例：cluster-review review fixtures/submissions --registry fixtures/registry --out out
        """
    )

    @OptionGroup var forms: FormsOptions
    @OptionGroup(title: "读取限制（每份文档；见 README“Limits”）") var reading: ReadLimitOptions
    @Argument(help: "申报材料文件夹、文档，或包含多个申报材料文件夹的目录。") var inputs: [String]
    @Option(help: "输出目录。") var out: String
    @Option(help: "登记表目录（credit.csv|xlsx、certificates.csv|xlsx）。") var registry: String?
    @Option(help: "申报类别编号，不按标题自动识别。") var scheme: String?
    @Option(help: "审核日期 YYYY-MM-DD（默认：各申报书所填申报日期）。") var date: String?
    @Option(help: "同时审核的申报材料份数（默认：CPU 核数）。") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "同时在标准输出打印 summary.json。") var json = false
    @Flag(help: "跳过输出文件比输入（材料、登记表、表单定义）更新的申报材料，沿用其审核结果。") var resume = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs 应为正整数") }
        if let date, CalendarDate(iso: date) == nil { throw ValidationError("--date 应为 YYYY-MM-DD 格式的有效日期") }
        guard !inputs.isEmpty else { throw ValidationError("请指定至少一个申报材料文件或文件夹") }
    }

    func run() async throws {
        // Ctrl-C: take no new work, finish what is in flight, still write the
        // summary. Set up first, so a signal while forms and registries load
        // is caught too (it then stops before any review starts).
        let interruption = Interruption()
        let setup: (FormLibrary, Registries?, [SubmissionSource], URL)
        do {
            setup = try prepare()
        } catch let error as CLIError {
            Console.error(error.description)
            throw ExitCode(2)
        }
        let (library, registries, sources, outURL) = setup
        let extractor = Extractor(library: library)
        let reviewer = Reviewer(library: library, registries: registries, reviewDate: date.flatMap(CalendarDate.init(iso:)))
        let progress = Progress(total: sources.count)

        var entries: [BatchSummary.Entry] = []
        var unreadable: [UnreadableFile] = []
        var keys: [BatchKeys] = []
        let scheme = self.scheme
        let resume = self.resume
        // What every review reads besides its own documents: a submission's
        // earlier outputs are reused only if newer than these too (a registry
        // edited since — a grade now C — must be applied).
        let sharedInputs = resume ? Self.newestModification(in: [try? forms.directoryURL(), registry.map { URL(fileURLWithPath: $0) }]
            .compactMap { $0 }) : nil
        let limits = reading.limits
        await withTaskGroup(of: ReviewedSubmission.self) { group in
            var next = 0
            func launch() {
                guard next < sources.count, !interruption.requested else { return }
                let source = sources[next]
                next += 1
                group.addTask {
                    ReviewedSubmission.make(source, extractor: extractor, reviewer: reviewer, scheme: scheme, limits: limits,
                                            out: outURL, resume: resume, sharedInputs: sharedInputs)
                }
            }
            for _ in 0..<min(jobs, sources.count) { launch() }
            while let done = await group.next() {
                if let entry = done.entry { entries.append(entry) }
                unreadable += done.unreadable
                keys.append(done.keys)
                for file in done.unreadable { Console.error(file.line) }
                progress.advance()
                launch()
            }
        }
        progress.finish()
        interruption.stop()
        if interruption.requested {
            Console.error("已中断：已完成 \(keys.count)/\(sources.count) 份，汇总仅包含已完成部分")
        }
        let summary = BatchSummary(submissions: entries, unreadable: unreadable.map(\.line).sorted(),
                                   batchFindings: BatchChecks.findings(keys))
        do {
            let json = try SummaryWriter.json(summary)
            try AtomicFile.write(json, to: outURL.appendingPathComponent("summary.json"))
            try AtomicFile.write(SummaryWriter.csv(summary), to: outURL.appendingPathComponent("summary.csv"))
            let stamp = DateFormatter()
            stamp.locale = Locale(identifier: "en_US_POSIX")
            stamp.dateFormat = "yyyy-MM-dd HH:mm"
            let html = try SummaryWriter.html(summary, generatedAt: stamp.string(from: Date()), reviewDate: date, library: library)
            try AtomicFile.write(html, to: outURL.appendingPathComponent("summary.html"))
            if self.json { Console.write(String(decoding: json, as: UTF8.self) + "\n") }
        } catch {
            Console.error("无法写入汇总文件：\(error.localizedDescription)")
            throw ExitCode(2)
        }
        let counts = Dictionary(grouping: entries, by: \.verdict).mapValues(\.count)
        let line = Verdict.allCases.map { "\($0.chinese) \(counts[$0] ?? 0)" }.joined(separator: "，")
        FileHandle.standardError.write(Data("已审核 \(entries.count) 份：\(line)；无法读取 \(unreadable.count) 项。结果见 \(out)\n".utf8))
        if interruption.requested { throw ExitCode(130) }
        if !unreadable.isEmpty { throw ExitCode(1) }
    }

    /// The newest modification time of the files in `folders` and below.
    static func newestModification(in folders: [URL]) -> Date? {
        var newest: Date?
        for folder in folders {
            guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey]) else {
                continue
            }
            for case let url as URL in walk {
                guard let date = try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate else { continue }
                if newest.map({ date > $0 }) ?? true { newest = date }
            }
        }
        return newest
    }

    private func prepare() throws -> (FormLibrary, Registries?, [SubmissionSource], URL) {
        let library = try forms.library()
        if let scheme, library.definition(id: scheme) == nil {
            throw CLIError.usage("未知的申报类别 \(scheme)（可用 cluster-review schemes 查看）")
        }
        var registries: Registries?
        var notes: [String] = []
        if let registry {
            do {
                let loaded = try Registries.load(directory: URL(fileURLWithPath: registry), limits: reading.limits)
                registries = loaded
                if !loaded.ignored.isEmpty {
                    notes.append("登记表目录 \(registry) 中的 \(loaded.ignored.joined(separator: "、")) 不是约定的登记表文件名（credit.csv/.xlsx、certificates.csv/.xlsx），未读取")
                }
                if loaded.credit == nil { notes.append("登记表目录 \(registry) 中没有 credit.csv 或 credit.xlsx：信用评价核查不予进行") }
                if loaded.certificates == nil {
                    notes.append("登记表目录 \(registry) 中没有 certificates.csv 或 certificates.xlsx：资质认定核查不予进行")
                }
            } catch let error as LocalizedError {
                throw CLIError.usage(error.errorDescription ?? "\(error)")
            }
        } else {
            notes.append("未指定 --registry：信用评价与资质认定核查不予进行，审核意见中将予注明")
        }
        for note in notes { FileHandle.standardError.write(Data("提示：\(note)\n".utf8)) }
        let inputURLs = inputs.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let outURL = URL(fileURLWithPath: out).standardizedFileURL
        // Never write among the originals: an output folder inside an input
        // folder would also be read as submissions next time.
        for input in inputURLs where outURL.path == input.path || outURL.path.hasPrefix(input.path + "/") {
            throw CLIError.usage("输出目录 \(out) 位于输入目录 \(input.path) 之内，请另选输出目录")
        }
        let sources: [SubmissionSource]
        do {
            sources = try SubmissionLoader.sources(inputURLs)
        } catch let error as LocalizedError {
            throw CLIError.usage(error.errorDescription ?? "\(error)")
        }
        do {
            try FileManager.default.createDirectory(at: outURL, withIntermediateDirectories: true)
        } catch {
            throw CLIError.usage("无法创建输出目录 \(out)")
        }
        return (library, registries, sources, outURL)
    }
}

/// One submission's pass through the pipeline; only the summary row and the
/// batch keys outlive it.
struct ReviewedSubmission: Sendable {
    let entry: BatchSummary.Entry?
    let unreadable: [UnreadableFile]
    let keys: BatchKeys

    static func make(_ source: SubmissionSource, extractor: Extractor, reviewer: Reviewer, scheme: String?,
                     limits: ReadLimits, out: URL, resume: Bool, sharedInputs: Date? = nil) -> ReviewedSubmission {
        let loaded = SubmissionLoader.load(source, extractor: extractor, scheme: scheme, limits: limits)
        guard loaded.submission.application != nil || loaded.submission.declaration != nil else {
            return ReviewedSubmission(entry: nil, unreadable: loaded.unreadable, keys: loaded.batchKeys)
        }
        let folder = out.appendingPathComponent(source.id, isDirectory: true)
        if resume, let previous = previousReview(source, folder: folder, notBefore: sharedInputs) {
            return ReviewedSubmission(entry: BatchSummary.Entry(previous), unreadable: loaded.unreadable, keys: loaded.batchKeys)
        }
        let review = reviewer.review(loaded.submission)
        var unreadable = loaded.unreadable
        do {
            try AtomicFile.write(try SummaryWriter.findingsJSON(review), to: folder.appendingPathComponent("findings.json"))
            let opinion = OpinionDocument(review: review, definition: review.scheme.flatMap(reviewer.library.definition(id:)),
                                          library: reviewer.library, facts: loaded.submission.application?.fields ?? [:],
                                          registries: reviewer.registries)
            try opinion.builder().package().write(to: folder.appendingPathComponent("审核意见.docx"))
            for (url, form, package) in loaded.forms {
                guard let package else { continue }  // form-instance XML: no layout to mark up
                do {
                    _ = try MarkedUpCopy.write(package, named: url.lastPathComponent, form: form, review: review, folder: folder)
                } catch let error as LocalizedError {
                    unreadable.append(UnreadableFile(file: "\(source.id)/\(url.lastPathComponent)",
                                                     reason: "批注副本无法生成：\(error.errorDescription ?? "\(error)")"))
                }
            }
        } catch {
            unreadable.append(UnreadableFile(file: source.id, reason: "结果无法写入：\(error.localizedDescription)"))
        }
        return ReviewedSubmission(entry: BatchSummary.Entry(review), unreadable: unreadable, keys: loaded.batchKeys)
    }
}

extension ReviewedSubmission {
    /// The findings written by an earlier run, when they are newer than every
    /// input file (and the opinion was written too).
    static func previousReview(_ source: SubmissionSource, folder: URL, notBefore shared: Date? = nil) -> SubmissionReview? {
        let findings = folder.appendingPathComponent("findings.json")
        let manager = FileManager.default
        guard manager.fileExists(atPath: folder.appendingPathComponent("审核意见.docx").path),
              let written = (try? manager.attributesOfItem(atPath: findings.path))?[.modificationDate] as? Date,
              shared.map({ $0 <= written }) ?? true else { return nil }
        for file in source.files {
            guard let modified = (try? manager.attributesOfItem(atPath: file.path))?[.modificationDate] as? Date,
                  modified <= written else { return nil }
        }
        guard let data = try? Data(contentsOf: findings) else { return nil }
        return try? JSONDecoder().decode(SubmissionReview.self, from: data)
    }
}

/// SIGINT and SIGTERM ask the run to stop taking new work.
final class Interruption: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    private var sources: [DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.request() }
            source.resume()
            sources.append(source)
        }
    }

    private func request() {
        lock.lock()
        let first = !flag
        flag = true
        lock.unlock()
        if first { FileHandle.standardError.write(Data("\n收到中断信号：不再开始新的审核，正在完成已开始的部分……\n".utf8)) }
    }

    var requested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return flag
    }

    /// Restores the default handlers.
    func stop() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

/// Progress on stderr when it is a terminal: count/total, rate, elapsed, ETA.
final class Progress: @unchecked Sendable {
    private let total: Int
    private var done = 0
    private let started = Date()
    private let enabled = isatty(STDERR_FILENO) != 0

    init(total: Int) {
        self.total = total
    }

    func advance() {
        done += 1
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let line = String(format: "\r审核进度 %d/%d  %.1f 份/秒  已用 %.0f 秒  预计剩余 %.0f 秒 ", done, total, rate, elapsed, remaining)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if enabled && done > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
