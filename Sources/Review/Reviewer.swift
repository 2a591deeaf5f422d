import Foundation
import Forms

/// Reviews submissions: every rule of the scheme's form definition, the
/// built-in checks every form gets (required fields, unreadable values,
/// 统一社会信用代码 check characters), and the registries. Pure: values in,
/// findings out.
public struct Reviewer: Sendable {
    public let library: FormLibrary
    public let registries: Registries?
    /// --date; nil: each application's own date.
    public let reviewDate: CalendarDate?

    public init(library: FormLibrary, registries: Registries?, reviewDate: CalendarDate? = nil) {
        self.library = library
        self.registries = registries
        self.reviewDate = reviewDate
    }

    public func review(_ submission: Submission) -> SubmissionReview {
        let schemeId = submission.application?.scheme ?? submission.declaration?.scheme
        let applicant = SubmissionReview.Applicant(
            name: submission.application?.fields["applicant_name"]?.text,
            uscc: submission.application?.fields["applicant_uscc"]?.text)
        guard let schemeId, let definition = library.definition(id: schemeId) else {
            return SubmissionReview(id: submission.id, scheme: schemeId, applicant: applicant, verdict: .supplement,
                                    findings: [Finding(category: .missing, field: "application", citation: "",
                                                       message: "未能识别申报类别，请核对申报书标题。", rule: "scheme")],
                                    checks: [], applicationDate: nil, documents: submission.documents)
        }
        var context = RuleContext(definition: definition, library: library, submission: submission, registries: registries,
                                  reviewDate: reviewDate ?? submission.application?.fields["application_date"]?.date)
        if submission.application == nil {
            context.findings.append(Finding(category: .missing, field: "application", expected: definition.application.title,
                                            citation: context.cite(definition.application.citation),
                                            message: "未提交《\(definition.application.title)》，请补正。", rule: "application"))
        } else {
            context.builtInChecks()
            // Softening first: it decides how the other rules' failures weigh.
            for rule in definition.rules {
                if case .softens(let check) = rule.check, context.holds(check.when) == true {
                    context.softenedRules.formUnion(check.rules)
                    context.record(rule, declared: "\(context.label(check.when.field))：\(check.when.equals)",
                                   finding: "适用放宽条款，相关指标未达标准的，需进一步核实", result: .met)
                }
            }
        }
        for rule in definition.rules {
            if submission.application == nil, !(rule.check.isDeclaration) { continue }
            context.apply(rule)
        }
        let findings = context.findings
        return SubmissionReview(id: submission.id, scheme: definition.id, applicant: applicant,
                                verdict: Verdict(findings: findings), findings: findings, checks: context.checks,
                                applicationDate: context.applicationDate?.iso, documents: submission.documents)
    }
}

extension RuleCheck {
    /// The application fields a rule reads directly.
    var fields: [String] {
        switch self {
        case .threshold(let check): return [check.field] + (check.recomputeFrom.map { [$0] } ?? [])
        case .anyOf(let check): return check.alternatives.flatMap(\.fields)
        case .share(let check): return [check.field, check.part, check.total]
        case .growth(let check): return [check.field, check.series]
        case .perTenThousand(let check): return [check.field, check.count, check.per]
        case .seriesYears(let check): return check.fields
        case .countMatchesRows(let check): return [check.field, check.list]
        case .implies(let check): return [check.when.field, check.then.field]
        case .negative(let check), .affirmative(let check), .present(let check), .singleEntity(let check): return check.fields
        case .region(let check): return [check.uscc, check.address]
        case .seniorTitles(let check): return [check.list]
        case .declaredGrade(let check): return [check.field]
        case .notEnterprise(let check): return [check.name, check.uscc]
        case .rowsCover(let check): return [check.list]
        case .certificates(let check): return [check.list]
        case .recognition(let check): return [check.name] + [check.number, check.year].compactMap { $0 }
        case .credit, .softens, .declaration: return []
        }
    }

    var isDeclaration: Bool {
        if case .declaration = self { return true }
        return false
    }

    var isSeriesYears: Bool {
        if case .seriesYears = self { return true }
        return false
    }
}

extension RuleContext {
    mutating func apply(_ rule: RuleDefinition) {
        switch rule.check {
        case .threshold(let check): threshold(rule, check)
        case .anyOf(let check): anyOf(rule, check)
        case .share(let check): share(rule, check)
        case .growth(let check): growth(rule, check)
        case .perTenThousand(let check): perTenThousand(rule, check)
        case .seriesYears(let check): seriesYears(rule, check)
        case .countMatchesRows(let check): countMatchesRows(rule, check)
        case .implies(let check): implies(rule, check)
        case .negative(let check): negative(rule, check)
        case .affirmative(let check): affirmative(rule, check)
        case .present(let check): present(rule, check)
        case .singleEntity(let check): singleEntity(rule, check)
        case .region(let check): region(rule, check)
        case .seniorTitles(let check): seniorTitles(rule, check)
        case .credit(let check): credit(rule, check)
        case .declaredGrade(let check): declaredGrade(rule, check)
        case .certificates(let check): certificates(rule, check)
        case .recognition(let check): recognition(rule, check)
        case .notEnterprise(let check): notEnterprise(rule, check)
        case .rowsCover(let check): rowsCover(rule, check)
        case .softens: break
        case .declaration(let check): declaration(rule, check)
        }
    }

    /// What every form gets: required fields present, unreadable values
    /// named, 统一社会信用代码 check characters verified.
    mutating func builtInChecks() {
        let form = definition.application
        let citation = cite(form.citation)
        let problems = submission.application?.problems ?? []
        /// The `present` rule requiring a field, if one does.
        func presentRule(for field: String) -> RuleDefinition? {
            definition.rules.first { rule in
                if case .present(let set) = rule.check { return set.fields.contains(field) }
                return false
            }
        }
        /// The article a missing or unreadable value is cited under: the rule
        /// that reads it (a `present` rule first), else the form's own article.
        func articleOf(_ field: String) -> String {
            let reading = presentRule(for: field)
                ?? definition.rules.first { $0.check.fields.contains(field) && !$0.check.isSeriesYears }
            return reading.map(cite) ?? citation
        }
        for problem in problems {
            let place = problem.year.map { "\($0)年" } ?? problem.row.map { "第\($0 + 1)行" } ?? ""
            findings.append(Finding(category: .unparseable, field: problem.field, year: problem.year, row: problem.row,
                                    column: problem.column, declared: problem.text, expected: nil, citation: articleOf(problem.field),
                                    message: "“\(label(problem.field))”\(place)填报内容“\(problem.text)”无法识别（\(Self.reason(problem.reason))），请按规范格式补正。",
                                    rule: "readable"))
        }
        for field in form.fields {
            let required: Bool
            switch field.presence {
            case .required: required = true
            case .optional: required = false
            case .requiredWhen(let condition): required = holds(condition) == true
            case .requiredUnless(let condition): required = holds(condition) != true
            }
            guard required else { continue }
            // A `present` rule's id names the finding; the article is the reading rule's.
            let covering = presentRule(for: field.id)
            // A series with some of its years empty: each empty year is missing.
            if field.type == .series, let values = fields[field.id]?.seriesValues, !values.isEmpty,
               let expected = expectedYears(field.id), Set(values.keys).isStrictSubset(of: expected) {
                for year in expected.subtracting(values.keys).sorted()
                where !problems.contains(where: { $0.field == field.id && $0.year == year }) {
                    findings.append(Finding(category: .missing, field: field.id, year: year, expected: "填报",
                                            citation: articleOf(field.id),
                                            message: "申报书未填报“\(label(field.id))”\(year)年数值，请补正。",
                                            rule: covering?.id ?? "required"))
                }
                continue
            }
            guard fields[field.id] == nil, !problems.contains(where: { $0.field == field.id }) else { continue }
            findings.append(Finding(category: .missing, field: field.id, expected: "填报",
                                    citation: articleOf(field.id),
                                    message: "申报书未填报“\(label(field.id))”，请补正。", rule: covering?.id ?? "required"))
        }
        // Codes: the applicant's and every listed entity's.
        for field in form.fields {
            if field.type == .uscc, let code = fields[field.id]?.text {
                checkCode(code, field: field.id, row: nil, column: nil, what: label(field.id), citation: citation)
            }
            if field.type == .list {
                for column in field.columns where column.type == .uscc {
                    for (index, row) in rows(field.id).enumerated() {
                        let name = row["name"]?.text ?? "第\(index + 1)行"
                        guard let code = row[column.id]?.text else {
                            // The code is what the registries are searched by: a
                            // listed entity without one is a gap to supplement.
                            let unreadable = problems.contains { $0.field == field.id && $0.row == index && $0.column == column.id }
                            if column.presence == .required, !unreadable {
                                findings.append(Finding(category: .missing, field: field.id, row: index, column: column.id,
                                                        expected: "填报", citation: articleOf(field.id),
                                                        message: "“\(label(field.id))”中\(name)未填报\(column.label)，请补正。",
                                                        rule: "required"))
                            }
                            continue
                        }
                        checkCode(code, field: field.id, row: index, column: column.id, what: "\(name)的统一社会信用代码", citation: citation)
                    }
                }
            }
        }
        if let declared = submission.declaration?.fields["declarant_uscc"]?.text {
            if case .failure(let failure) = USCC.parse(declared) {
                findings.append(Finding(category: .identity, field: "declarant_uscc", declared: declared, expected: nil,
                                        citation: citation, message: "责任声明所填统一社会信用代码“\(declared)”\(Self.withoutSubject(failure.errorDescription ?? "校验不通过"))，不是有效的统一社会信用代码。",
                                        rule: "uscc", document: .declaration))
            }
        }
        if let problems = submission.declaration?.problems {
            for problem in problems {
                findings.append(Finding(category: .unparseable, field: problem.field, declared: problem.text, citation: citation,
                                        message: "责任声明“\(problem.field)”填报内容“\(problem.text)”无法识别，请补正。",
                                        rule: "readable", document: .declaration))
            }
        }
    }

    private mutating func checkCode(_ code: String, field: String, row: Int?, column: String?, what: String, citation: String) {
        guard case .failure(let failure) = USCC.parse(code) else { return }
        findings.append(Finding(category: .identity, field: field, row: row, column: column, declared: code, expected: nil,
                                citation: citation,
                                message: "\(what)“\(code)”\(Self.withoutSubject(failure.errorDescription ?? "校验不通过"))，不是有效的统一社会信用代码。",
                                rule: "uscc"))
    }

    /// A code's failure without its subject, which the sentence already names:
    /// "统一社会信用代码第18位…" → "第18位…".
    static func withoutSubject(_ description: String) -> String {
        description.hasPrefix("统一社会信用代码") ? String(description.dropFirst("统一社会信用代码".count)) : description
    }

    /// The reviewer's wording for an extraction problem's reason.
    static func reason(_ english: String) -> String {
        let known: [ValueFailure] = [.notANumber, .approximate, .range, .multipleNumbers, .notAnInteger, .notADate,
                                     .incompleteDate, .invalidDate, .notAYear, .notYesNo, .ambiguousChoice, .notAnOption]
        return known.first { $0.reason == english }?.errorDescription ?? english
    }
}
