import Foundation
import Forms

/// Rules on figures: thresholds, sums, recomputed shares, growth rates,
/// per-10,000 figures, series years, and counts against listed rows.
extension RuleContext {
    /// 民法典第一千二百五十九条: 以上/不低于/不少于 include the bound, 高于/超过/低于 exclude it.
    mutating func threshold(_ rule: RuleDefinition, _ check: RuleCheck.Threshold) {
        let id = check.field
        let words = phrase(check.comparison, check.bound, unit(id))
        let expected = "\(check.comparison.symbol) \(show(check.bound))"
        // 2.9951 against 不低于3 reads 2.9951, not a self-contradicting "3".
        func show(_ value: Double) -> String { Review.show(value, against: check.bound) }
        if let source = check.recomputeFrom {
            // Judged on the rate recomputed from the series, not on the declared one.
            guard let values = spanningSeries(source), let rate = compoundGrowth(values) else {
                record(rule, declared: "—", finding: "\(label(source))数据不全，无法计算", result: .supplement)
                return
            }
            if check.comparison.holds(rate, check.bound) {
                record(rule, declared: "\(show(rate))%（按\(label(source))复合增长率计算）", finding: "符合（\(words)）", result: .met)
            } else {
                fail(rule, .threshold, field: id, declared: show(rate), expected: expected,
                     message: "按申报的\(label(source))计算，年均复合增长率为\(show(rate))%，不符合“\(rule.requirement)”的要求（应\(words)）。")
                record(rule, declared: "\(show(rate))%（按\(label(source))复合增长率计算）", finding: "不符合（应\(words)）", result: .notMet)
            }
            return
        }
        if let values = series(id) {
            let years = check.eachYear ? values.keys.sorted() : values.keys.max().map { [$0] } ?? []
            guard !years.isEmpty else {
                record(rule, declared: "—", finding: "未填报", result: .supplement)
                return
            }
            var failed: [String] = []
            for year in years {
                guard let value = values[year] else { continue }
                if !check.comparison.holds(value, check.bound) {
                    failed.append("\(year)年\(show(value))\(unit(id))")
                    fail(rule, .threshold, field: id, year: year, declared: show(value), expected: expected,
                         message: "\(label(id))\(year)年为\(show(value))\(unit(id))，不符合“\(rule.requirement)”的要求（应\(words)）。")
                }
            }
            let declared = years.compactMap { year in values[year].map { "\(year)年\(show($0))\(unit(id))" } }.joined(separator: "，")
            record(rule, declared: declared, finding: failed.isEmpty ? "符合（\(words)）" : "不符合：\(failed.joined(separator: "、"))",
                   result: failed.isEmpty ? .met : .notMet)
            return
        }
        guard let value = number(id) else {
            record(rule, declared: "—", finding: isUnreadable(id) ? "无法识别" : "未填报", result: .supplement)
            return
        }
        if check.comparison.holds(value, check.bound) {
            record(rule, declared: "\(show(value))\(unit(id))", finding: "符合（\(words)）", result: .met)
        } else {
            fail(rule, .threshold, field: id, declared: show(value), expected: expected,
                 message: "\(label(id))为\(show(value))\(unit(id))，不符合“\(rule.requirement)”的要求（应\(words)）。")
            record(rule, declared: "\(show(value))\(unit(id))", finding: "不符合（应\(words)）", result: .notMet)
        }
    }

    /// At least one of several sums meets its bound.
    mutating func anyOf(_ rule: RuleDefinition, _ check: RuleCheck.AnyOf) {
        var parts: [String] = []
        var anyMet = false
        var anyIncomplete = false
        var metPart: String?
        for alternative in check.alternatives {
            let values = alternative.fields.map { number($0) }
            let known = values.compactMap { $0 }.reduce(0, +)
            let complete = values.allSatisfy { $0 != nil }
            let names = alternative.fields.map(label).joined(separator: "＋")
            // Counts only add up: known parts already at or over a lower bound meet it.
            let met = alternative.comparison.holds(known, alternative.bound)
                && (complete || alternative.comparison.side == .above)
            anyMet = anyMet || met
            if !complete && !met { anyIncomplete = true }
            parts.append("\(names)＝\(show(known))\(complete ? "" : "（部分未填报）")（应\(phrase(alternative.comparison, alternative.bound, ""))）")
            if met && metPart == nil { metPart = "\(names)＝\(show(known))" }
        }
        let declared = parts.joined(separator: "；")
        if anyMet {
            // Which condition is met: a row listing a failed one next to 符合 reads as a contradiction.
            record(rule, declared: declared, finding: "符合（\(metPart ?? "")，已满足条件之一）", result: .met)
        } else if anyIncomplete {
            // The missing values are findings of their own; this rule cannot be judged.
            record(rule, declared: declared, finding: "数据不全，无法判断", result: .supplement)
        } else {
            let field = check.alternatives.first?.fields.first ?? rule.id
            fail(rule, .threshold, field: field, declared: declared, expected: check.alternatives.map { alt in
                "\(alt.fields.joined(separator: "+")) \(alt.comparison.symbol) \(show(alt.bound))"
            }.joined(separator: " 或 "), message: "\(declared)，均不符合“\(rule.requirement)”的要求。")
            record(rule, declared: declared, finding: "不符合", result: .notMet)
        }
    }

    /// share = part / total × 100 each year; parts larger than the total too.
    mutating func share(_ rule: RuleDefinition, _ check: RuleCheck.Share) {
        guard let part = series(check.part), let total = series(check.total) else {
            record(rule, declared: "—", finding: "数据不全，无法复核", result: .notChecked)
            return
        }
        let declared = series(check.field) ?? [:]
        var problems: [String] = []
        for year in total.keys.sorted() {
            guard let whole = total[year], let piece = part[year], whole > 0 else { continue }
            if piece > whole {
                problems.append("\(year)年\(label(check.part))大于\(label(check.total))")
                findings.append(Finding(category: .inconsistent, field: check.part, year: year, declared: show(piece),
                                        expected: "≤ \(show(whole))", citation: cite(rule),
                                        message: "\(year)年\(label(check.part))（\(show(piece))\(unit(check.part))）大于\(label(check.total))（\(show(whole))\(unit(check.total))），数据不一致，请核实。",
                                        rule: rule.id))
                continue
            }
            let recomputed = ((piece / whole * 100) * 1_000_000).rounded() / 1_000_000
            guard let stated = declared[year] else { continue }
            if abs(stated - recomputed) > check.tolerancePoints + 1e-9 {
                problems.append("\(year)年申报\(show(stated))%，复核为\(show(recomputed))%")
                findings.append(Finding(category: .inconsistent, field: check.field, year: year, declared: show(stated),
                                        expected: show(recomputed), citation: cite(rule),
                                        message: "\(label(check.field))\(year)年申报为\(show(stated))%，按\(label(check.part))÷\(label(check.total))复核为\(show(recomputed))%，相差超过\(show(check.tolerancePoints))个百分点，请核实。",
                                        rule: rule.id))
            }
        }
        record(rule, declared: declared.sorted { $0.key < $1.key }.map { "\($0.key)年 \(show($0.value))%" }.joined(separator: "，"),
               finding: problems.isEmpty ? "与分项数据一致" : problems.joined(separator: "；"),
               result: problems.isEmpty ? .met : .verify)
    }

    /// Average annual growth declared against the series: accepted within the
    /// tolerance of either the compound rate or the mean of the yearly rates.
    mutating func growth(_ rule: RuleDefinition, _ check: RuleCheck.Growth) {
        guard let stated = number(check.field) else {
            record(rule, declared: "—", finding: isUnreadable(check.field) ? "无法识别" : "未填报", result: .supplement)
            return
        }
        guard let values = spanningSeries(check.series), let compound = compoundGrowth(values) else {
            record(rule, declared: "\(show(stated))%", finding: "\(label(check.series))数据不全，无法复核", result: .notChecked)
            return
        }
        // The mean of yearly rates needs every year; with one left empty only
        // the compound rate (from the two ends) is compared.
        let mean = completeSeries(check.series).flatMap(meanGrowth)
        let means = mean.map { "，算术平均\(show($0))%" } ?? ""
        let tolerance = check.tolerancePoints + 1e-9
        if abs(stated - compound) <= tolerance || mean.map({ abs(stated - $0) <= tolerance }) == true {
            record(rule, declared: "\(show(stated))%", finding: "与\(label(check.series))一致（复合\(show(compound))%\(means)）", result: .met)
        } else {
            let recomputed = mean.map { "年均复合增长率为\(show(compound))%、各年增长率算术平均为\(show($0))%，相差均超过" }
                ?? "年均复合增长率为\(show(compound))%，相差超过"
            findings.append(Finding(category: .inconsistent, field: check.field, declared: show(stated), expected: show(compound),
                                    citation: cite(rule),
                                    message: "\(label(check.field))申报为\(show(stated))%，按\(label(check.series))复核，\(recomputed)\(show(check.tolerancePoints))个百分点，请核实。",
                                    rule: rule.id))
            record(rule, declared: "\(show(stated))%", finding: "与\(label(check.series))不一致（复合\(show(compound))%）", result: .verify)
        }
    }

    /// per-10k = count (latest year) / people × 10,000.
    mutating func perTenThousand(_ rule: RuleDefinition, _ check: RuleCheck.PerTenThousand) {
        guard let stated = number(check.field) else {
            record(rule, declared: "—", finding: isUnreadable(check.field) ? "无法识别" : "未填报", result: .supplement)
            return
        }
        let count = latest(check.count)
        guard let count, let people = number(check.per), people > 0 else {
            record(rule, declared: show(stated), finding: "数据不全，无法复核", result: .notChecked)
            return
        }
        let recomputed = count / people * 10000
        if abs(stated - recomputed) <= max(abs(recomputed) * check.toleranceRelative, 0.005) {
            record(rule, declared: show(stated), finding: "与复核值\(show(recomputed))一致", result: .met)
        } else {
            findings.append(Finding(category: .inconsistent, field: check.field, declared: show(stated), expected: show(recomputed),
                                    citation: cite(rule),
                                    message: "\(label(check.field))申报为\(show(stated))，按\(label(check.count))（\(show(count))）÷\(label(check.per))（\(show(people))）×10000复核为\(show(recomputed))，请核实。",
                                    rule: rule.id))
            record(rule, declared: show(stated), finding: "与复核值\(show(recomputed))不一致", result: .verify)
        }
    }

    /// Series years are the calendar years before the application date.
    mutating func seriesYears(_ rule: RuleDefinition, _ check: RuleCheck.SeriesYears) {
        guard let date = fields[check.date]?.date else {
            record(rule, declared: "—", finding: "申报日期缺失，无法核对年份", result: .notChecked)
            return
        }
        var bad: [String] = []
        var incomplete: [String] = []
        for id in check.fields {
            guard let values = fields[id]?.seriesValues, !values.isEmpty else { continue }
            let count = max(field(id)?.years ?? 3, 1)
            let expected = Set((1...count).map { date.year - $0 })
            let years = Set(values.keys)
            if years.isStrictSubset(of: expected) { incomplete.append(label(id)) }
            // Some years empty and no others: each empty year is `missing`
            // (Reviewer, required fields) — on that field only, not wrong years.
            if !years.isSubset(of: expected) {
                bad.append(label(id))
                findings.append(Finding(category: .inconsistent, field: id, declared: years.sorted().map(String.init).joined(separator: "、"),
                                        expected: expected.sorted().map(String.init).joined(separator: "、"), citation: cite(rule),
                                        message: "\(label(id))填报年份为\(years.sorted().map { "\($0)年" }.joined(separator: "、"))，应为申报日期前\(count)个完整年度（\(expected.sorted().map { "\($0)年" }.joined(separator: "、"))），请核实。",
                                        rule: rule.id))
            }
        }
        var finding = bad.isEmpty ? "年份正确" : "年份不符：\(bad.joined(separator: "、"))"
        if !incomplete.isEmpty { finding += "；部分年度未填报：\(incomplete.joined(separator: "、"))" }
        record(rule, declared: "申报日期\(date.year)年\(date.month)月\(date.day)日", finding: finding,
               result: !bad.isEmpty ? .verify : (incomplete.isEmpty ? .met : .supplement))
    }

    /// A declared count equals the listed rows of the given types.
    mutating func countMatchesRows(_ rule: RuleDefinition, _ check: RuleCheck.CountMatchesRows) {
        guard let stated = number(check.field) else {
            record(rule, declared: "—", finding: isUnreadable(check.field) ? "无法识别" : "未填报", result: .supplement)
            return
        }
        // No list at all is `missing` (required fields), not a count of 0 rows.
        guard fields[check.list] != nil else {
            record(rule, declared: show(stated), finding: "\(label(check.list))未填报，无法核对", result: .supplement)
            return
        }
        let listed = rows(check.list).filter { row in
            guard let value = row[check.column] else { return false }
            switch value {
            case .text(let text): return check.values.contains(text)
            case .options(let ids): return ids.contains { check.values.contains($0) }
            default: return false
            }
        }.count
        if Int(stated) == listed {
            record(rule, declared: show(stated), finding: "与名单所列\(listed)行一致", result: .met)
        } else {
            findings.append(Finding(category: .inconsistent, field: check.field, declared: show(stated), expected: String(listed),
                                    citation: cite(rule),
                                    message: "\(label(check.field))申报为\(show(stated))，而\(field(check.list)?.label ?? check.list)中所列相应企业为\(listed)家，数量不一致，请核实。",
                                    rule: rule.id))
            record(rule, declared: show(stated), finding: "名单所列为\(listed)行，不一致", result: .verify)
        }
    }

    /// The compound annual rate in percent, rounded to 1e-6 of a point so
    /// that a rate exactly on a bound is not pushed over it by binary
    /// floating point ((9261/8400)^(1/2) − 1 is 5.0000000000000044%).
    func compoundGrowth(_ values: [Int: Double]) -> Double? {
        let years = values.keys.sorted()
        guard years.count >= 2, let first = values[years[0]], let last = values[years[years.count - 1]], first > 0 else { return nil }
        // Over the years the two ends span, not the number of figures given.
        let rate = (pow(last / first, 1 / Double(years[years.count - 1] - years[0])) - 1) * 100
        return (rate * 1_000_000).rounded() / 1_000_000
    }

    func meanGrowth(_ values: [Int: Double]) -> Double? {
        let years = values.keys.sorted()
        guard years.count >= 2, years[years.count - 1] - years[0] == years.count - 1 else { return nil }
        var rates: [Double] = []
        for index in 1..<years.count {
            guard let previous = values[years[index - 1]], let current = values[years[index]], previous > 0 else { return nil }
            rates.append((current / previous - 1) * 100)
        }
        let mean = rates.reduce(0, +) / Double(rates.count)
        return (mean * 1_000_000).rounded() / 1_000_000
    }
}

/// A comparison as the policy words it: 以上/以下/以内 follow the bound
/// (40亿元以上), the others precede it (不低于5%).
func phrase(_ word: ComparisonWord, _ bound: Double, _ unit: String) -> String {
    ["以上", "以下", "以内"].contains(word.rawValue) ? "为\(show(bound))\(unit)\(word.rawValue)" : "\(word.rawValue)\(show(bound))\(unit)"
}
