import Foundation
import Forms

/// Rules checked against the credit and certificate registries.
extension RuleContext {
    /// An entity an application names: the applicant, its operator, a listed row.
    struct Entity {
        let name: String?
        let code: String?
        /// The field (or list) and row a finding about it goes on.
        let field: String
        let row: Int?
        let column: String?

        var uscc: USCC? { code.flatMap { try? USCC($0) } }
        var displayName: String { name ?? code ?? "（名称未填）" }
    }

    func entities(_ reference: EntityReference) -> [Entity] {
        if let list = reference.list {
            return rows(list).enumerated().compactMap { index, row in
                let name = row[reference.name]?.text
                let code = row[reference.uscc]?.text
                guard name != nil || code != nil else { return nil }
                return Entity(name: name, code: code, field: list, row: index, column: code != nil ? reference.uscc : reference.name)
            }
        }
        let name = text(reference.name)
        let code = text(reference.uscc)
        guard name != nil || code != nil else { return [] }
        return [Entity(name: name, code: code, field: code != nil ? reference.uscc : reference.name, row: nil, column: nil)]
    }

    /// The credit rows for an entity: by code, else by normalised name.
    func creditEntries(_ entity: Entity, in registry: CreditRegistry) -> [CreditEntry] {
        if let uscc = entity.uscc {
            let found = registry.credit(uscc: uscc)
            if !found.isEmpty { return found }
        }
        if let name = entity.name { return registry.credit(name: name) }
        return []
    }

    /// 严重失信: a registry grade at or below the scheme's bound (C+ by default).
    mutating func credit(_ rule: RuleDefinition, _ check: RuleCheck.Credit) {
        guard let registry = registries?.credit else {
            record(rule, declared: "—", finding: "未提供信用评价名单，未核查", result: .notChecked)
            return
        }
        guard let bound = CreditGrade(check.grade) else {
            record(rule, declared: "—", finding: "信用等级界限“\(check.grade)”无法识别", result: .notChecked)
            return
        }
        let boundText = check.boundCitation.map { "（\(cite($0))）" } ?? ""
        var checked = 0
        var bad: [String] = []
        var unknown: [String] = []
        for reference in check.entities {
            for entity in entities(reference) {
                checked += 1
                let found = creditEntries(entity, in: registry)
                // Rated only under another (valid) code for the same name: the
                // code on the form is not the entity's.
                if let uscc = entity.uscc, let other = found.first(where: { $0.uscc != nil && $0.uscc != uscc }) {
                    findings.append(Finding(category: .identity, field: entity.field, row: entity.row, column: entity.column,
                                            declared: uscc.code, expected: other.uscc?.code, citation: cite(rule),
                                            message: "\(entity.displayName)在信用评价名单（\(registry.file)第\(other.row)行）中登记的统一社会信用代码为\(other.uscc?.code ?? "")，与申报的\(uscc.code)不一致，请核实。",
                                            rule: rule.id))
                }
                // Rated under this code, but as another unit: the name on the form
                // is not the code's (or the unit was renamed — a reviewer decides).
                if let uscc = entity.uscc, let name = entity.name {
                    let byCode = found.filter { $0.uscc == uscc }
                    if let entry = byCode.first, !byCode.contains(where: { EntityName.sameUnit($0.name, name) }) {
                        findings.append(Finding(category: .identity, field: entity.row == nil ? reference.name : entity.field,
                                                row: entity.row, column: entity.row == nil ? nil : reference.name,
                                                declared: name, expected: entry.name, citation: cite(rule),
                                                message: "统一社会信用代码\(uscc.code)在信用评价名单（\(registry.file)第\(entry.row)行）中对应的单位为“\(entry.name)”，与申报的“\(name)”不一致，请核实。",
                                                rule: rule.id))
                    }
                }
                guard let worst = found.min(by: { $0.grade < $1.grade }) else {
                    unknown.append(entity.displayName)
                    findings.append(Finding(category: .verify, field: entity.field, row: entity.row, column: entity.column,
                                            declared: entity.displayName, expected: "信用评价名单在列", citation: cite(rule),
                                            message: "\(entity.displayName)（\(entity.code ?? "无代码")）未在信用评价名单（\(registry.file)）中查到，请核实其信用状况。",
                                            rule: rule.id))
                    continue
                }
                if check.comparison.holds(Double(worst.grade.rawValue), Double(bound.rawValue)) {
                    bad.append("\(entity.displayName)（\(worst.grade)）")
                    findings.append(Finding(category: .credit, field: entity.field, row: entity.row, column: entity.column,
                                            declared: worst.grade.description, expected: "高于\(bound)", citation: cite(rule),
                                            message: "\(entity.displayName)公共信用评价等级为\(worst.grade)（\(registry.file)第\(worst.row)行），属于\(bound)及以下的严重失信情形\(boundText)，不符合“\(rule.requirement)”的要求。",
                                            rule: rule.id))
                }
            }
        }
        var summary: [String] = []
        if !bad.isEmpty { summary.append("严重失信：\(bad.joined(separator: "、"))") }
        if !unknown.isEmpty { summary.append("未查到：\(unknown.joined(separator: "、"))") }
        record(rule, declared: "共\(checked)个主体", finding: summary.isEmpty ? (checked == 1 ? "未见严重失信记录" : "均未见严重失信记录") : summary.joined(separator: "；"),
               result: !bad.isEmpty ? .notMet : (!unknown.isEmpty ? .verify : .met))
    }

    /// A grade the applicant declares equals the registry's.
    mutating func declaredGrade(_ rule: RuleDefinition, _ check: RuleCheck.DeclaredGrade) {
        guard let declaredText = text(check.field) else {
            record(rule, declared: "—", finding: "未填报", result: .supplement)
            return
        }
        guard let registry = registries?.credit else {
            record(rule, declared: declaredText, finding: "未提供信用评价名单，未核查", result: .notChecked)
            return
        }
        guard let entity = entities(check.entity).first, let entry = creditEntries(entity, in: registry).first else {
            record(rule, declared: declaredText, finding: "名单中未查到申报单位", result: .verify)
            return
        }
        if CreditGrade(declaredText) == entry.grade {
            record(rule, declared: declaredText, finding: "与名单一致", result: .met)
        } else {
            findings.append(Finding(category: .falsified, field: check.field, declared: declaredText, expected: entry.grade.description,
                                    citation: cite(rule),
                                    message: "申报的\(label(check.field))为“\(declaredText)”，而\(registry.file)第\(entry.row)行记载为\(entry.grade)，申报内容与登记不符。",
                                    rule: rule.id))
            record(rule, declared: declaredText, finding: "名单记载为\(entry.grade)，不一致", result: .notMet)
        }
    }

    /// Every claimed recognition of a list is in the certificate registry,
    /// of the claimed type, under the same name and code, and valid.
    mutating func certificates(_ rule: RuleDefinition, _ check: RuleCheck.Certificates) {
        let list = rows(check.list)
        guard !list.isEmpty else {
            record(rule, declared: "—", finding: "名单未填报", result: .notChecked)
            return
        }
        guard let registry = registries?.certificates else {
            record(rule, declared: "\(list.count)行", finding: "未提供资质认定名录，未核查", result: .notChecked)
            return
        }
        let date = reviewDate ?? applicationDate  // --date when given (CONTRACT), else the application's own date
        var problems: [String] = []
        for (index, row) in list.enumerated() {
            let name = row[check.name]?.text
            let code = check.uscc.flatMap { row[$0]?.text }
            let typeId = check.type.flatMap { row[$0]?.text } ?? check.registryType?.id
            guard let typeId, let type = CertificateType(rawValue: typeId) ?? check.registryType.flatMap({ CertificateType(label: $0.label) }) else {
                continue
            }
            let displayName = name ?? code ?? "第\(index + 1)行"
            let column = check.type ?? check.name
            func add(_ category: Category, _ field: String, _ declared: String?, _ expected: String?, _ message: String) {
                problems.append("\(displayName)：\(category.chinese)")
                findings.append(Finding(category: category, field: check.list, row: index, column: field, declared: declared,
                                        expected: expected, citation: cite(rule), message: message, rule: rule.id))
            }
            let uscc = code.flatMap { try? USCC($0) }
            var entries: [CertificateEntry] = uscc.map { registry.certificates(uscc: $0) } ?? []
            if entries.isEmpty, let name {
                let byName = registry.certificates(name: name)
                if let uscc, let other = byName.first(where: { $0.uscc != nil && $0.uscc != uscc }) {
                    add(.identity, check.uscc ?? check.name, code, other.uscc?.code,
                        "\(displayName)在资质认定名录（\(registry.file)第\(other.row)行）中登记的统一社会信用代码为\(other.uscc?.code ?? "")，与申报的\(code ?? "")不一致。")
                    continue
                }
                entries = byName
            }
            let sameType = entries.filter { $0.type == type }
            guard !sameType.isEmpty else {
                if let other = entries.first {
                    add(.certificate, column, type.chineseName, other.type.chineseName,
                        "\(displayName)申报资质为“\(type.chineseName)”，资质认定名录（\(registry.file)第\(other.row)行）中登记为“\(other.type.chineseName)”，类型不符。")
                } else {
                    add(.falsified, column, type.chineseName, "名录在列",
                        "\(displayName)申报的“\(type.chineseName)”资质在资质认定名录（\(registry.file)）中未查到，申报内容与登记不符。")
                }
                continue
            }
            if let name, let entry = sameType.first(where: { EntityName.key($0.name) != EntityName.key(name) }),
               !sameType.contains(where: { EntityName.key($0.name) == EntityName.key(name) }) {
                add(.identity, check.name, name, entry.name,
                    "\(displayName)的统一社会信用代码在资质认定名录（\(registry.file)第\(entry.row)行）中对应的名称为“\(entry.name)”，与申报名称不一致。")
                continue
            }
            if let numberColumn = check.number, let claimed = row[numberColumn]?.text,
               let recorded = CertificateNumber.contradicting(claimed, sameType) {
                add(.falsified, numberColumn, claimed, recorded.number,
                    "\(displayName)申报的“\(type.chineseName)”证书编号为“\(claimed)”，资质认定名录（\(registry.file)第\(recorded.row)行）中登记为“\(recorded.number ?? "")”，申报内容与登记不符。")
                continue
            }
            if let date, !sameType.contains(where: { $0.isValid(on: date) }) {
                let latest = sameType.max { ($0.validUntil ?? $0.issuedOn) < ($1.validUntil ?? $1.issuedOn) }
                let until = latest?.validUntil.map { "\($0.year)年\($0.month)月\($0.day)日" } ?? "—"
                add(.certificate, column, type.chineseName, "申报日有效",
                    "\(displayName)的“\(type.chineseName)”资质有效期至\(until)，申报日（\(date.year)年\(date.month)月\(date.day)日）已不在有效期内。")
            }
        }
        record(rule, declared: "\(list.count)行", finding: problems.isEmpty ? "均在名录中且有效" : problems.joined(separator: "；"),
               result: problems.isEmpty ? .met : .notMet)
    }

    /// A prior recognition of the applicant's cluster is in the registry.
    mutating func recognition(_ rule: RuleDefinition, _ check: RuleCheck.Recognition) {
        if let unless = check.unless, holds(unless) == true {
            record(rule, declared: "\(label(unless.field))：\(unless.equals)", finding: "不适用", result: .met)
            return
        }
        guard let name = text(check.name) else {
            record(rule, declared: "—", finding: "\(label(check.name))未填报", result: .supplement)
            return
        }
        guard let registry = registries?.certificates else {
            record(rule, declared: name, finding: "未提供资质认定名录，未核查", result: .notChecked)
            return
        }
        let type = CertificateType(rawValue: check.registryType.id) ?? CertificateType(label: check.registryType.label)
        let found = registry.certificates(name: name).filter { $0.type == type }
        let date = reviewDate ?? applicationDate  // --date when given (CONTRACT), else the application's own date
        if let numberField = check.number, let claimed = text(numberField),
           let recorded = CertificateNumber.contradicting(claimed, found) {
            findings.append(Finding(category: .falsified, field: numberField, declared: claimed, expected: recorded.number,
                                    citation: cite(rule),
                                    message: "申报的\(label(numberField))为“\(claimed)”，资质认定名录（\(registry.file)第\(recorded.row)行）中“\(name)”的“\(check.registryType.label)”认定文号为“\(recorded.number ?? "")”，申报内容与登记不符。",
                                    rule: rule.id))
            record(rule, declared: "\(name)（\(claimed)）", finding: "名录记载文号为\(recorded.number ?? "")，不一致", result: .notMet)
        } else if found.isEmpty {
            findings.append(Finding(category: .falsified, field: check.name, declared: name, expected: check.registryType.label,
                                    citation: cite(rule),
                                    message: "“\(name)”在资质认定名录（\(registry.file)）中未查到“\(check.registryType.label)”认定记录，不符合“\(rule.requirement)”的要求。",
                                    rule: rule.id))
            record(rule, declared: name, finding: "名录中未查到", result: .notMet)
        } else if let yearField = check.year, case .integer(let year)? = fields[yearField],
                  !found.contains(where: { $0.issuedOn.year == year }), let recorded = found.first {
            // A cluster's recognition is not renewed: its year is the registry's.
            findings.append(Finding(category: .falsified, field: yearField, declared: String(year), expected: String(recorded.issuedOn.year),
                                    citation: cite(rule),
                                    message: "申报的\(label(yearField))为\(year)年，资质认定名录（\(registry.file)第\(recorded.row)行）中“\(name)”的“\(check.registryType.label)”认定日期为\(recorded.issuedOn.year)年\(recorded.issuedOn.month)月\(recorded.issuedOn.day)日，申报内容与登记不符。",
                                    rule: rule.id))
            record(rule, declared: "\(name)（\(year)年）", finding: "名录记载认定于\(recorded.issuedOn.year)年，不一致", result: .notMet)
        } else if let date, !found.contains(where: { $0.isValid(on: date) }) {
            // Recognised only after the date judged on: not yet, rather than no longer.
            let later = found.allSatisfy { $0.issuedOn > date }
            findings.append(Finding(category: .certificate, field: check.name, declared: name, expected: "申报日有效", citation: cite(rule),
                                    message: "“\(name)”的“\(check.registryType.label)”" + (later ? "认定日期晚于\(date.year)年\(date.month)月\(date.day)日，届时尚未认定。" : "认定已不在有效期内。"),
                                    rule: rule.id))
            record(rule, declared: name, finding: later ? "届时尚未认定" : "认定已过有效期", result: .notMet)
        } else {
            record(rule, declared: name, finding: "名录在列（\(registry.file)第\(found[0].row)行）", result: .met)
        }
    }
}

/// Certificate numbers and 认定文号 as typed and as registered: compared by
/// their label key (width, spaces, case and brackets ignored:
/// 工信厅企业函〔2022〕191号 = 工信厅企业函[2022]191号 = 工信厅企业函（2022）191号)
/// with a trailing 号 dropped.
enum CertificateNumber {
    static func key(_ number: String) -> String {
        var key = TextNormalizer.labelKey(number)
        if key.hasSuffix("号") { key.removeLast() }
        return key
    }

    /// The registry entry that contradicts `claimed`: when the entries record
    /// numbers and none of them is `claimed`, the first that records one;
    /// nil when one matches, none records a number, or nothing was claimed.
    static func contradicting(_ claimed: String, _ entries: [CertificateEntry]) -> CertificateEntry? {
        let claimedKey = key(claimed)
        guard !claimedKey.isEmpty else { return nil }
        let recorded = entries.filter { !key($0.number ?? "").isEmpty }
        guard let first = recorded.first, !recorded.contains(where: { key($0.number ?? "") == claimedKey }) else { return nil }
        return first
    }
}
