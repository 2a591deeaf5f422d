import Foundation
import Forms

extension RuleContext {
    /// The responsibility declaration: present, naming the same applicant and
    /// code, signed, sealed with the applicant's name, dated not after the
    /// application (or review) date nor more than `maxAgeDays` before it.
    mutating func declaration(_ rule: RuleDefinition, _ check: RuleCheck.Declaration) {
        guard submission.declaration != nil else {
            findings.append(Finding(category: .missing, field: "declaration", expected: definition.declaration.title,
                                    citation: cite(rule), message: "未提交《\(definition.declaration.title)》，请补正。",
                                    rule: rule.id, document: .declaration))
            record(rule, declared: "未提交", finding: "缺少责任声明", result: .supplement)
            return
        }
        let declared = declarationFields
        var problems: [String] = []
        func missing(_ field: String, _ what: String) {
            problems.append("\(what)缺失")
            findings.append(Finding(category: .missing, field: field, expected: what, citation: cite(rule),
                                    message: "《\(definition.declaration.title)》\(what)缺失，请补正。", rule: rule.id, document: .declaration))
        }
        func differs(_ field: String, _ what: String, _ value: String, _ expected: String) {
            problems.append("\(what)与申报书不一致")
            findings.append(Finding(category: .identity, field: field, declared: value, expected: expected, citation: cite(rule),
                                    message: "《\(definition.declaration.title)》\(what)为“\(value)”，与申报书（\(expected)）不一致。",
                                    rule: rule.id, document: .declaration))
        }
        let applicantName = text(check.name)
        let applicantCode = text(check.uscc)
        let unreadable = Set(submission.declaration?.problems.map(\.field) ?? [])
        let isUnreadableInDeclaration = { (field: String) in unreadable.contains(field) }

        if let name = declared["declarant_name"]?.text {
            if let applicantName, EntityName.key(name) != EntityName.key(applicantName) {
                differs("declarant_name", "声明单位名称", name, applicantName)
            }
        } else if !isUnreadableInDeclaration("declarant_name") {
            missing("declarant_name", "声明单位名称")
        }
        if let code = declared["declarant_uscc"]?.text {
            if let applicantCode, code != applicantCode {
                differs("declarant_uscc", "统一社会信用代码", code, applicantCode)
            }
        } else if !isUnreadableInDeclaration("declarant_uscc") {
            missing("declarant_uscc", "统一社会信用代码")
        }
        if declared["signatory"]?.text == nil, !isUnreadableInDeclaration("signatory") {
            missing("signatory", "法定代表人签字")
        }
        if let seal = declared["seal_name"]?.text {
            if let applicantName, EntityName.key(seal) != EntityName.key(applicantName) {
                differs("seal_name", "盖章单位", seal, applicantName)
            }
        } else if !isUnreadableInDeclaration("seal_name") {
            missing("seal_name", "申报单位盖章")
        }
        var dateUnchecked = false
        if let signed = declared["signed_date"]?.date {
            // Compared with the application's date, else the review date
            // (--date), and said which.
            let applied = fields[check.date]?.date
            let bound = applied ?? reviewDate
            let dateName = applied != nil ? "申报日期" : "审核日期"
            if bound == nil { dateUnchecked = true }
            if let bound {
                if signed > bound {
                    problems.append("签署日期晚于\(dateName)")
                    findings.append(Finding(category: .identity, field: "signed_date", declared: signed.iso, expected: "≤ \(bound.iso)",
                                            citation: cite(rule),
                                            message: "《\(definition.declaration.title)》签署日期为\(signed.year)年\(signed.month)月\(signed.day)日，晚于\(dateName)（\(bound.year)年\(bound.month)月\(bound.day)日），" + (applied != nil ? "声明应于申报前出具，不符合要求。" : "请核实。"),
                                            rule: rule.id, document: .declaration))
                } else if signed.days(to: bound) > check.maxAgeDays {
                    problems.append("签署日期早于\(dateName)\(check.maxAgeDays)日以上")
                    findings.append(Finding(category: .identity, field: "signed_date", declared: signed.iso,
                                            expected: "≥ \(bound.adding(days: -check.maxAgeDays).iso)", citation: cite(rule),
                                            message: "《\(definition.declaration.title)》签署日期为\(signed.year)年\(signed.month)月\(signed.day)日，早于\(dateName)\(signed.days(to: bound))日，超过\(check.maxAgeDays)日，不是本次申报出具的声明。",
                                            rule: rule.id, document: .declaration))
                }
            }
        } else if !isUnreadableInDeclaration("signed_date") {
            missing("signed_date", "签署日期")
        }
        let summary = [declared["declarant_name"]?.text, declared["signed_date"]?.date.map { "\($0.year)年\($0.month)月\($0.day)日" }]
            .compactMap { $0 }.joined(separator: "，")
        let consistent = dateUnchecked ? "名称、代码、签字、盖章齐全一致；申报日期未填报，签署日期未能核对" : "名称、代码、签字、盖章、日期齐全一致"
        record(rule, declared: summary.isEmpty ? "—" : summary, finding: problems.isEmpty ? consistent : problems.joined(separator: "；"),
               result: problems.isEmpty ? .met : (findings.last?.severity == .supplement ? .supplement : .notMet))
    }
}

