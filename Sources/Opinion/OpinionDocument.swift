import Foundation
import Forms
import OOXML
import Review

/// The formal review opinion (审核意见) of one submission, laid out as a
/// Chinese official document (GB/T 9704): A4, margins 37/35/28/26 mm, title
/// in 方正小标宋 二号, body in 仿宋_GB2312 三号, a table of every check made
/// with its header repeated on each page, the conclusion worded by verdict,
/// and blanks for the reviewer's signature and date.
public struct OpinionDocument {
    public let review: SubmissionReview
    public let definition: FormDefinition?
    public let library: FormLibrary
    /// Facts the opinion states that the summary entry does not carry.
    public let facts: [String: FieldValue]
    /// The registries the review had: the basis names those consulted, and
    /// a passing conclusion says which checks were not made for want of one.
    public let registries: Registries?

    public init(review: SubmissionReview, definition: FormDefinition?, library: FormLibrary, facts: [String: FieldValue],
                registries: Registries?) {
        self.review = review
        self.definition = definition
        self.library = library
        self.facts = facts
        self.registries = registries
    }

    typealias W = WordBuilder

    public var title: String {
        let applicant = review.applicant.name ?? "申报单位"
        let scheme = definition?.title ?? review.scheme ?? "申报事项"
        // 《》 is for documents, not for a unit or a designation.
        return "关于\(applicant)申报\(scheme)的审核意见"
    }

    public func builder() -> WordBuilder {
        var builder = WordBuilder(title: title, margins: .officialDocument, bodyFont: .fangSong, bodySize: 16)
        builder.add(W.Paragraph([W.Run(title, font: .xiaoBiaoSong, size: 22)], alignment: .center, style: "Title"))

        builder.add(heading("一、申报基本情况"))
        for (label, value) in basicFacts() {
            builder.add(W.Paragraph([W.Run("\(label)：", font: .fangSong), W.Run(value)], firstLineChars: 2))
        }

        builder.add(heading("二、审核依据"))
        if let definition {
            var basis = "《\(definition.policy.title)》"
            if let status = definition.policy.status { basis += status }
            let used = registryUse.used.map(\.rawValue)
            builder.add(W.Paragraph("\(basis)及申报通知要求" + (used.isEmpty ? "。" : "；\(used.joined(separator: "、"))。"), firstLineChars: 2))
        }

        builder.add(heading("三、审核情况"))
        builder.add(checkTable(width: builder.textWidth))

        builder.add(heading("四、审核结论"))
        for paragraph in conclusion() {
            builder.add(W.Paragraph(paragraph, firstLineChars: 2))
        }

        builder.add(W.Paragraph([]))
        builder.add(W.Paragraph([W.Run("审核人（签字）："), W.Run("                    ", underline: true)], alignment: .right))
        builder.add(W.Paragraph([W.Run("日期："), W.Run("        年    月    日", underline: false)], alignment: .right))
        return builder
    }

    private func heading(_ text: String) -> W.Paragraph {
        W.Paragraph([W.Run(text, font: .hei)], keepNext: true)
    }

    func basicFacts() -> [(String, String)] {
        var result: [(String, String)] = []
        result.append(("申报单位", review.applicant.name ?? "（未能识别）"))
        result.append(("统一社会信用代码", review.applicant.uscc ?? "（未能识别）"))
        if let region = region() { result.append(("所在地区", region)) }
        if let date = review.applicationDate.flatMap(CalendarDate.init(iso:)) {
            result.append(("申报日期", "\(date.year)年\(date.month)月\(date.day)日"))
        }
        result.append(("申报类别", definition?.title ?? review.scheme ?? "（未能识别）"))
        if !review.documents.isEmpty {
            result.append(("申报材料", review.documents.joined(separator: "、")))
        }
        return result
    }

    /// Where the applicant is: the form's county or address, else the
    /// division code of its 统一社会信用代码.
    func region() -> String? {
        for id in ["county", "registered_address", "office_address"] {
            if let text = facts[id]?.text { return text }
        }
        if let code = review.applicant.uscc, code.count == 18 {
            return "行政区划代码 \(String(Array(code)[2..<8]))（据统一社会信用代码）"
        }
        return nil
    }

    /// Every check made, met or not, and every finding without a check of
    /// its own (required fields, unreadable values, code check characters).
    func checkTable(width: Int) -> W.Table {
        let size = 12.0
        let widths = [width * 6 / 100, width * 22 / 100, width * 20 / 100, width * 28 / 100, width * 14 / 100]
        let last = width - widths.reduce(0, +)
        var rows = [W.Row(["序号", "审核事项", "申报内容", "审核情况", "依据条款", "结论"].map {
            W.Cell($0, bold: true, alignment: .center, shading: "D9D9D9", size: size)
        }, isHeader: true)]
        var index = 0
        let byRule = Dictionary(grouping: review.findings, by: \.rule)
        var covered = Set<String>()
        for check in review.checks {
            index += 1
            let findings = byRule[check.rule] ?? []
            covered.insert(check.rule)
            let detail = findings.isEmpty ? check.finding : findings.map(\.message).joined(separator: "\n")
            let result = findings.map(\.severity).max().map(conclusionWord) ?? check.result.chinese
            rows.append(row([
                W.Cell("\(index)", alignment: .center, size: size), W.Cell(check.item, size: size),
                W.Cell(check.declared, size: size), W.Cell(detail, size: size),
                W.Cell(shortCitation(check.citation), size: size), W.Cell(result, alignment: .center, size: size),
            ]))
        }
        for finding in review.findings where !covered.contains(finding.rule) {
            index += 1
            rows.append(row([
                W.Cell("\(index)", alignment: .center, size: size), W.Cell(item(for: finding), size: size),
                W.Cell(finding.declared ?? "—", size: size), W.Cell(finding.message, size: size),
                W.Cell(shortCitation(finding.citation), size: size), W.Cell(conclusionWord(finding.severity), alignment: .center, size: size),
            ]))
        }
        return W.Table(columnWidths: widths + [last], rows: rows)
    }

    /// A data row that may break across pages, so long findings leave no gaps.
    private func row(_ cells: [W.Cell]) -> W.Row {
        var row = W.Row(cells)
        row.cantSplit = false
        return row
    }

    private func item(for finding: Finding) -> String {
        switch finding.rule {
        case "required": return "必填项完整"
        case "readable": return "填报内容规范可识别"
        case "uscc": return "统一社会信用代码校验"
        default: return finding.rule
        }
    }

    private func conclusionWord(_ severity: Severity) -> String {
        switch severity {
        case .reject: return "不符合"
        case .supplement: return "需补正"
        case .verify: return "需核实"
        case .note: return "提示"
        }
    }

    /// "第六条第（二）项" without the policy title the basis already names.
    private func shortCitation(_ citation: String) -> String {
        guard let definition, citation.hasPrefix(definition.policy.title) else { return citation }
        return String(citation.dropFirst(definition.policy.title.count)).trimmingCharacters(in: .whitespaces)
    }

    /// A registry the scheme's rules consult, and its name in the opinion.
    enum RegistryKind: String {
        case credit = "公共信用评价名单"
        case certificates = "资质认定名录"
    }

    /// The registries the scheme's rules consult: those the review had, and
    /// those it lacked (their checks not made).
    var registryUse: (used: [RegistryKind], unchecked: [RegistryKind]) {
        guard let definition else { return ([], []) }
        var consulted: [RegistryKind] = []
        if definition.rules.contains(where: { rule in
            if case .credit = rule.check { return true }
            if case .declaredGrade = rule.check { return true }
            return false
        }) { consulted.append(.credit) }
        if definition.rules.contains(where: { rule in
            if case .certificates = rule.check { return true }
            if case .recognition = rule.check { return true }
            return false
        }) { consulted.append(.certificates) }
        let had: (RegistryKind) -> Bool = { kind in
            switch kind {
            case .credit: return registries?.credit != nil
            case .certificates: return registries?.certificates != nil
            }
        }
        return (consulted.filter(had), consulted.filter { !had($0) })
    }

    /// The conclusion in words: 同意推荐 / 不予推荐 with the reasons / 请补正
    /// listing what / 需进一步核实 listing what.
    func conclusion() -> [String] {
        let policy = definition.map { "《\($0.policy.title)》" } ?? "相关政策"
        func list(_ severity: Severity) -> [String] {
            review.findings.filter { $0.severity == severity }.enumerated().map { index, finding in
                "（\(ChineseNumeral.text(index + 1))）\(finding.message)"
            }
        }
        switch review.verdict {
        case .pass:
            let unchecked = registryUse.unchecked
            if unchecked.isEmpty {
                let used = registryUse.used
                let what = used.count == 2 ? "信用及资质" : used.first == .credit ? "信用" : "资质"
                let checked = used.isEmpty ? "" : "\(what)核查未见异常，"
                return ["经审核，该单位申报材料齐全，各项条件符合\(policy)的规定，\(checked)同意推荐。"]
            }
            // Never "核查未见异常" for a check that was not made.
            return ["经审核，该单位申报材料齐全，各项条件符合\(policy)的规定；因未提供\(unchecked.map(\.rawValue).joined(separator: "、"))，"
                    + "相应核查未予进行。在该项核查无异常的前提下，同意推荐。"]
        case .reject:
            var paragraphs = ["经审核，该单位申报存在下列不符合\(policy)规定的情形，不予推荐："] + list(.reject)
            let supplement = review.findings.filter { $0.severity == .supplement }.count
            let verify = review.findings.filter { $0.severity == .verify }.count
            let others = [supplement > 0 ? "\(supplement)项需补正" : nil, verify > 0 ? "\(verify)项需核实" : nil].compactMap { $0 }
            if !others.isEmpty { paragraphs.append("另有\(others.joined(separator: "、"))的事项，详见上表。") }
            return paragraphs
        case .supplement:
            var paragraphs = ["经审核，该单位申报材料存在下列缺项或无法识别的内容，请于规定期限内补正后重新报送："] + list(.supplement)
            let verify = list(.verify)
            if !verify.isEmpty { paragraphs += ["下列事项同时需进一步核实："] + verify }
            return paragraphs
        case .verify:
            return ["经审核，该单位申报材料基本符合\(policy)的规定，但下列事项需进一步核实，核实无误后方可推荐："] + list(.verify)
        }
    }
}
