import Foundation
import Forms

/// Rules on answers: yes/no conditions, negative lists, required items,
/// region, titles, the kind of applicant, fixed-row tables.
extension RuleContext {
    /// When one answer is given, another must be (高耗能 → 能效高于基准值).
    mutating func implies(_ rule: RuleDefinition, _ check: RuleCheck.Implication) {
        guard let applies = holds(check.when) else {
            record(rule, declared: "—", finding: "\(label(check.when.field))未填报", result: .supplement)
            return
        }
        let declared = "\(label(check.when.field))：\(fields[check.when.field].map(show) ?? "—")"
        guard applies else {
            record(rule, declared: declared, finding: "不适用", result: .met)
            return
        }
        guard let satisfied = holds(check.then) else {
            // The missing value is already a `missing` finding (required_when).
            record(rule, declared: declared, finding: "\(label(check.then.field))未填报", result: .supplement)
            return
        }
        if satisfied {
            record(rule, declared: "\(declared)；\(label(check.then.field))：\(check.then.equals)", finding: "符合", result: .met)
        } else {
            let actual = fields[check.then.field].map(show) ?? "—"
            fail(rule, .threshold, field: check.then.field, declared: actual, expected: check.then.equals.description,
                 message: "\(label(check.when.field))为“\(check.when.equals)”，\(label(check.then.field))为“\(actual)”，不符合“\(rule.requirement)”的要求。")
            record(rule, declared: "\(declared)；\(label(check.then.field))：\(actual)", finding: "不符合", result: .notMet)
        }
    }

    /// Negative-list items: each must be 否.
    mutating func negative(_ rule: RuleDefinition, _ check: RuleCheck.FieldSet) {
        var declared: [String] = []
        var failed = false
        for id in check.fields {
            guard let value = bool(id) else { continue }
            declared.append("\(label(id))：\(value ? "是" : "否")")
            if value {
                failed = true
                fail(rule, .negative, field: id, declared: "是", expected: "否",
                     message: "申报材料填报“\(label(id))”为“是”，存在负面清单所列情形，不符合“\(rule.requirement)”的要求。")
            }
        }
        guard !declared.isEmpty else {
            record(rule, declared: "—", finding: "未填报", result: .supplement)
            return
        }
        record(rule, declared: declared.joined(separator: "；"), finding: failed ? "存在负面情形" : "未填报负面情形", result: failed ? .notMet : .met)
    }

    /// Conditions a yes/no answer states: each must be 是.
    mutating func affirmative(_ rule: RuleDefinition, _ check: RuleCheck.FieldSet) {
        var declared: [String] = []
        var missingAny = false
        var failed: [String] = []
        for id in check.fields {
            guard let value = bool(id) else {
                missingAny = true
                continue
            }
            declared.append("\(label(id))：\(value ? "是" : "否")")
            if !value {
                failed.append(label(id))
                fail(rule, .threshold, field: id, declared: "否", expected: "是",
                     message: "申报材料填报“\(label(id))”为“否”，不符合“\(rule.requirement)”的要求。")
            }
        }
        let result: CheckResult = !failed.isEmpty ? .notMet : (missingAny ? .supplement : .met)
        record(rule, declared: declared.isEmpty ? "—" : declared.joined(separator: "；"),
               finding: !failed.isEmpty ? "不符合：\(failed.joined(separator: "、"))" : (missingAny ? "部分未填报" : "符合"), result: result)
    }

    /// Items that must be filled in.
    mutating func present(_ rule: RuleDefinition, _ check: RuleCheck.FieldSet) {
        var absent: [String] = []
        // Present but unreadable: its own finding says so; the check is not met.
        let unreadable = check.fields.filter(isUnreadable).map(label)
        for id in check.fields {
            let filled: Bool
            switch fields[id] {
            case .text(let text)?: filled = !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            case .list(let rows)?: filled = !rows.isEmpty
            case .options(let ids)?: filled = !ids.isEmpty
            case .bool(let flag)?: filled = flag
            case nil: filled = false
            default: filled = true
            }
            if !filled && !isUnreadable(id) {
                absent.append(label(id))
                // The required-field check already reports an absent value;
                // a present-but-empty one (a list with no rows, 否) is reported here.
                if fields[id] != nil {
                    fail(rule, .missing, field: id, declared: fields[id].map(show), expected: "填报",
                         message: "“\(label(id))”未提供实质内容，不符合“\(rule.requirement)”的要求，请补正。")
                }
            }
        }
        let declared = check.fields.compactMap { id in fields[id].map { "\(label(id))：\(summary($0))" } }.joined(separator: "；")
        var finding = absent.isEmpty ? "已填报" : "未填报：\(absent.joined(separator: "、"))"
        if !unreadable.isEmpty {
            finding = (absent.isEmpty ? "" : finding + "；") + "无法识别：\(unreadable.joined(separator: "、"))"
        }
        record(rule, declared: declared.isEmpty ? "—" : declared, finding: finding,
               result: absent.isEmpty && unreadable.isEmpty ? .met : .supplement)
    }

    /// A text naming exactly one thing (one cluster, not several).
    mutating func singleEntity(_ rule: RuleDefinition, _ check: RuleCheck.FieldSet) {
        for id in check.fields {
            guard let text = text(id) else {
                record(rule, declared: "—", finding: "未填报", result: .supplement)
                continue
            }
            var parts = text.split { "、，,；;/".contains($0) }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            // Joined by a word: 物联网产业集群和集成电路产业集群 names two, as its
            // two 集群 show (one name holds one).
            if parts.count <= 1, text.components(separatedBy: "集群").count - 1 > 1 {
                parts = text.components(separatedBy: "集群").dropLast().map { $0 + "集群" }
            }
            if parts.count > 1 {
                fail(rule, .threshold, field: id, declared: text, expected: "一个特定产业集群",
                     message: "“\(label(id))”填报了\(parts.count)个对象（\(text)），不符合“\(rule.requirement)”的要求。")
                record(rule, declared: text, finding: "填报了\(parts.count)个", result: .notMet)
            } else {
                record(rule, declared: text, finding: "符合", result: .met)
            }
        }
    }

    /// Registration inside a region: USCC division code and address words.
    mutating func region(_ rule: RuleDefinition, _ check: RuleCheck.Region) {
        let code = text(check.uscc)
        let address = text(check.address)
        var problems: [String] = []
        if let code, code.count == 18 {
            let division = String(Array(code)[2..<8])
            if !check.divisionPrefixes.contains(where: { division.hasPrefix($0) }) {
                problems.append("统一社会信用代码（\(code)）第3至8位行政区划代码为\(division)")
            }
        }
        if let address, !Self.addressInside(address, words: check.addressWords) {
            problems.append("\(label(check.address))为“\(address)”")
        }
        let declared = [code, address].compactMap { $0 }.joined(separator: "；")
        guard code != nil || address != nil else {
            record(rule, declared: "—", finding: "未填报", result: .supplement)
            return
        }
        if !problems.isEmpty {
            // One finding: it is one fact (registered elsewhere), however many signs show it.
            let field = problems.count == 2 || code != nil && problems[0].hasPrefix("统一") ? check.uscc : check.address
            fail(rule, .identity, field: field, declared: declared, expected: check.divisionPrefixes.map { "\($0)xx" }.joined(separator: "、"),
                 message: "申报单位\(problems.joined(separator: "，"))，登记地不在规定区域，不符合“\(rule.requirement)”的要求。")
        }
        record(rule, declared: declared, finding: problems.isEmpty ? "符合" : problems.joined(separator: "；"), result: problems.isEmpty ? .met : .notMet)
    }

    /// An address inside the region: it names one of the region's places, and
    /// no other province or city before it (安徽省合肥市滨湖新区 is not 无锡's 滨湖).
    static func addressInside(_ address: String, words: [String]) -> Bool {
        let text = TextNormalizer.compact(address)
        guard let first = words.compactMap({ text.range(of: $0)?.lowerBound }).min() else { return false }
        let before = text[..<first].replacingOccurrences(of: "江苏省", with: "").replacingOccurrences(of: "中国", with: "")
        return !before.contains("省") && !before.contains("市") && !before.contains("自治区")
    }

    /// Every row of a people list holds a senior title or a professional qualification.
    mutating func seniorTitles(_ rule: RuleDefinition, _ check: RuleCheck.SeniorTitles) {
        let list = rows(check.list)
        guard !list.isEmpty else {
            record(rule, declared: "—", finding: "未填报", result: .supplement)
            return
        }
        var failed: [String] = []
        var unfilled: [String] = []
        for (index, row) in list.enumerated() {
            let title = row[check.column].map(show) ?? ""
            let name = row["name"].map(show) ?? "第\(index + 1)行"
            // Left empty: a value to supplement, not a title that falls short.
            if title.trimmingCharacters(in: .whitespaces).isEmpty {
                unfilled.append(name)
                fail(rule, .missing, field: check.list, row: index, column: check.column, declared: nil,
                     expected: "高级专业技术职称或执业资格",
                     message: "核心成员\(name)的职称或执业资格未填报，请补正。")
                continue
            }
            let rejected = check.reject.contains { title.contains($0) }
            let accepted = check.accept.contains { pattern in Self.matches(title, pattern) }
            if rejected || !accepted {
                failed.append("\(name)（\(title)）")
                fail(rule, .threshold, field: check.list, row: index, column: check.column, declared: title,
                     expected: "高级专业技术职称或执业资格",
                     message: "核心成员\(name)的职称或执业资格为“\(title)”，不属于高级专业技术职称或执业资格，不符合“\(rule.requirement)”的要求。")
            }
        }
        var parts = failed.isEmpty ? [] : ["不具备：\(failed.joined(separator: "、"))"]
        if !unfilled.isEmpty { parts.append("未填报：\(unfilled.joined(separator: "、"))") }
        let finding = parts.isEmpty ? "均具备" : parts.joined(separator: "；")
        record(rule, declared: "\(list.count)名核心成员", finding: finding,
               result: !failed.isEmpty ? .notMet : (unfilled.isEmpty ? .met : .supplement))
    }

    /// `*` in a pattern stands for any run of characters (注册*师).
    static func matches(_ text: String, _ pattern: String) -> Bool {
        let pieces = pattern.split(separator: "*", omittingEmptySubsequences: false)
        guard pieces.count > 1 else { return text.contains(pattern) }
        var rest = Substring(text)
        for piece in pieces where !piece.isEmpty {
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    /// The applicant is not an enterprise.
    mutating func notEnterprise(_ rule: RuleDefinition, _ check: RuleCheck.NotEnterprise) {
        let name = text(check.name) ?? ""
        let code = text(check.uscc) ?? ""
        let byCode = code.first.map { check.usccAuthorities.contains(String($0)) } ?? false
        // A branch in brackets after the company's name is still the company's:
        // 成都蜀香源调味品股份有限公司（郫都分公司）.
        let stem = EntityName.stem(name)
        let suffix = check.nameSuffixes.first { name.hasSuffix($0) || stem.hasSuffix(EntityName.key($0)) }
        let byName = suffix != nil
        if byCode || byName {
            let reason = byCode ? "统一社会信用代码首位为“\(code.first.map(String.init) ?? "")”（工商登记）" : "名称以“\(suffix ?? "")”结尾"
            fail(rule, .identity, field: check.name, declared: name, expected: "县级中小企业主管部门",
                 message: "申报主体“\(name)”\(reason)，属于企业，不符合“\(rule.requirement)”的要求。")
            record(rule, declared: name, finding: "申报主体为企业", result: .notMet)
        } else {
            record(rule, declared: name.isEmpty ? "—" : name, finding: "符合", result: name.isEmpty ? .supplement : .met)
        }
    }

    /// A fixed-row table has every required row filled.
    mutating func rowsCover(_ rule: RuleDefinition, _ check: RuleCheck.RowsCover) {
        // No table at all: it is `missing` (required fields); its rows are not
        // judged one by one as well.
        guard fields[check.list] != nil else {
            record(rule, declared: "—", finding: isUnreadable(check.list) ? "无法识别" : "未填报", result: .supplement)
            return
        }
        let list = rows(check.list)
        var absent: [String] = []
        var below: [String] = []
        var unfilled: [String] = []
        for key in check.keys {
            let keyLabel = field(check.list)?.column(check.key)?.option(key)?.label ?? key
            guard let index = list.firstIndex(where: { $0[check.key]?.text == key }) else {
                absent.append(keyLabel)
                continue
            }
            guard let value = list[index][check.column] else {
                // The row is there, its figure is not: a value to supplement,
                // not a row that is absent. (A row naming a body with no body
                // — 监督层 | — — has no comparison and is absent.)
                if check.comparison != nil {
                    let columnLabel = field(check.list)?.column(check.column)?.label ?? check.column
                    unfilled.append(keyLabel)
                    fail(rule, .missing, field: check.list, row: index, column: check.column, declared: nil, expected: "填报",
                         message: "“\(keyLabel)”的\(columnLabel)未填报，请补正。")
                } else {
                    absent.append(keyLabel)
                }
                continue
            }
            if let comparison = check.comparison, let bound = check.bound {
                let number = value.decimal.map { NSDecimalNumber(decimal: $0).doubleValue } ?? 0
                if !comparison.holds(number, bound) {
                    below.append(keyLabel)
                    fail(rule, .threshold, field: check.list, row: index, column: check.column, declared: show(number),
                         expected: "\(comparison.symbol) \(show(bound))",
                         message: "“\(keyLabel)”为\(show(number))，不符合“\(rule.requirement)”的要求。")
                }
            }
        }
        for key in absent {
            fail(rule, .threshold, field: check.list, declared: nil, expected: key,
                 message: "\(field(check.list)?.label ?? check.list)中缺少“\(key)”，不符合“\(rule.requirement)”的要求。")
        }
        let problems = absent.map { "缺少\($0)" } + below.map { "\($0)未达要求" }
        let gaps = unfilled.map { "\($0)未填报" }
        record(rule, declared: "\(list.count)行", finding: problems.isEmpty && gaps.isEmpty ? "符合" : (problems + gaps).joined(separator: "；"),
               result: !problems.isEmpty ? .notMet : (gaps.isEmpty ? .met : .supplement))
    }

    private func summary(_ value: FieldValue) -> String {
        switch value {
        case .text(let text):
            guard text.count > 40 else { return text }
            // Cut after a clause, not inside a number or a 《title》.
            let head = text.prefix(40)
            if let end = head.lastIndex(where: { "，。；、".contains($0) }), head.distance(from: head.startIndex, to: end) >= 15 {
                return String(head[...end].dropLast()) + "……"
            }
            return String(head) + "……"
        default: return show(value)
        }
    }
}
