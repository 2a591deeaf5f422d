import Foundation

/// How a scheme's figures hang together, read from its rules: which declared
/// figures summarise others (share, growth, per-10k), which are counts of
/// listed rows, and the thresholds they must meet. The generator varies the
/// facts, recomputes the summaries, and keeps a clean form clean.
struct FigureModel: Sendable {
    let definition: FormDefinition
    let shares: [RuleCheck.Share]
    let growths: [RuleCheck.Growth]
    let perTenThousand: [RuleCheck.PerTenThousand]
    let thresholds: [(rule: RuleDefinition, check: RuleCheck.Threshold)]
    let alternatives: [(rule: RuleDefinition, check: RuleCheck.AnyOf)]
    /// Declared figures recomputed from others.
    let derived: Set<String>
    /// Counts that must equal listed rows, or that a sum rule weighs: left as the base has them.
    let counted: Set<String>

    init(definition: FormDefinition) {
        self.definition = definition
        var shares: [RuleCheck.Share] = []
        var growths: [RuleCheck.Growth] = []
        var perTenThousand: [RuleCheck.PerTenThousand] = []
        var thresholds: [(RuleDefinition, RuleCheck.Threshold)] = []
        var alternatives: [(RuleDefinition, RuleCheck.AnyOf)] = []
        var counted: Set<String> = []
        for rule in definition.rules {
            switch rule.check {
            case .share(let check): shares.append(check)
            case .growth(let check): growths.append(check)
            case .perTenThousand(let check): perTenThousand.append(check)
            case .threshold(let check): thresholds.append((rule, check))
            case .anyOf(let check):
                alternatives.append((rule, check))
                counted.formUnion(check.alternatives.flatMap(\.fields))
            case .countMatchesRows(let check): counted.insert(check.field)
            default: break
            }
        }
        self.shares = shares
        self.growths = growths
        self.perTenThousand = perTenThousand
        self.thresholds = thresholds
        self.alternatives = alternatives
        self.counted = counted
        derived = Set(shares.map(\.field) + growths.map(\.field) + perTenThousand.map(\.field))
    }

    // MARK: Recomputing

    /// Declared shares, growth rates and per-10,000 figures recomputed from
    /// the figures they summarise, rounded to two decimals as a person types them.
    func recompute(_ values: inout [String: FieldValue]) {
        for check in shares {
            guard let part = Figures.series(values[check.part]), let total = Figures.series(values[check.total]) else { continue }
            var result: [Int: FieldValue] = [:]
            for (year, whole) in total where whole > 0 {
                guard let piece = part[year] else { continue }
                result[year] = .number(Figures.decimal(piece / whole * 100, places: 2))
            }
            if values[check.field]?.seriesValues != nil {
                values[check.field] = .series(result)
            } else if let latest = result.keys.max(), let value = result[latest] {
                values[check.field] = value
            }
        }
        for check in growths {
            guard let series = Figures.series(values[check.series]), let rate = Figures.compoundGrowth(series) else { continue }
            values[check.field] = .number(Figures.decimal(rate, places: 2))
        }
        for check in perTenThousand {
            guard let count = Figures.latest(values[check.count]), let people = Figures.latest(values[check.per]), people > 0 else { continue }
            values[check.field] = .number(Figures.decimal(count / people * 10_000, places: 2))
        }
    }

    // MARK: Judging

    /// The ids of the threshold, any-of and share rules the values break
    /// (a share breaks when a part exceeds its total), judged as the review
    /// judges them: each year or the latest, recomputed growth rounded to 10⁻⁶.
    func brokenRules(_ values: [String: FieldValue]) -> Set<String> {
        var broken: Set<String> = []
        for (rule, check) in thresholds {
            let observed: [Double]
            if let source = check.recomputeFrom {
                observed = Figures.series(values[source]).flatMap(Figures.compoundGrowth).map { [$0] } ?? []
            } else if let series = Figures.series(values[check.field]) {
                let years = check.eachYear ? series.keys.sorted() : series.keys.max().map { [$0] } ?? []
                observed = years.compactMap { series[$0] }
            } else {
                observed = values[check.field].flatMap(Figures.double).map { [$0] } ?? []
            }
            if observed.contains(where: { !check.comparison.holds($0, check.bound) }) { broken.insert(rule.id) }
        }
        for (rule, check) in alternatives {
            let sums = check.alternatives.compactMap { alternative -> (Double, RuleCheck.SumCondition)? in
                let parts = alternative.fields.compactMap { values[$0].flatMap(Figures.double) }
                guard parts.count == alternative.fields.count else { return nil }
                return (parts.reduce(0, +), alternative)
            }
            if !sums.isEmpty, !sums.contains(where: { $0.1.comparison.holds($0.0, $0.1.bound) }) { broken.insert(rule.id) }
        }
        for rule in definition.rules {
            guard case .share(let check) = rule.check,
                  let part = Figures.series(values[check.part]), let total = Figures.series(values[check.total]) else { continue }
            if total.contains(where: { year, whole in (part[year] ?? 0) > whole }) { broken.insert(rule.id) }
        }
        return broken
    }

    // MARK: Varying

    /// The base's facts varied — outputs, expenses and patents scaled by a
    /// factor per unit with a gentle tilt per series, people and areas
    /// scaled, rates nudged — and the summaries
    /// recomputed. A draw that breaks a rule the base met is drawn again;
    /// after `attempts` failures the base is returned unchanged.
    func vary(_ base: [String: FieldValue], random: inout SplitMix64, attempts: Int = 40) -> [String: FieldValue] {
        let brokenBefore = brokenRules(base)
        for _ in 0..<attempts {
            var values = base
            var factors: [String: Double] = [:]
            for field in definition.application.fields {
                guard let value = values[field.id], !derived.contains(field.id), !counted.contains(field.id) else { continue }
                switch (field.type, value) {
                case (.series, .series(let series)):
                    let unit = field.unit ?? ""
                    let factor = factors[unit] ?? random.double(in: unit == "亿元" ? 0.9...1.6 : 0.8...1.5)
                    factors[unit] = factor
                    let tilt = random.double(in: -0.01...0.03)
                    let years = series.keys.sorted()
                    var varied: [Int: FieldValue] = [:]
                    for (index, year) in years.enumerated() {
                        guard let item = series[year], let number = Figures.double(item) else { continue }
                        let scaled = number * factor * pow(1 + tilt, Double(index - (years.count - 1)))
                        varied[year] = Figures.value(scaled, like: item, places: unit == "万元" ? 0 : 2)
                    }
                    values[field.id] = .series(varied)
                case (.integer, .integer(let number)) where number >= 1_000:
                    // Headcounts; small integers are counts of things a list or another answer pins down.
                    values[field.id] = .integer(Int((Double(number) * random.double(in: 0.85...1.3) / 10).rounded()) * 10)
                case (.number, .number):
                    guard let number = Figures.double(value) else { continue }
                    values[field.id] = .number(Figures.decimal(max(0.1, number * random.double(in: 0.8...1.25)), places: 1))
                case (.percent, .number):
                    guard let number = Figures.double(value) else { continue }
                    values[field.id] = .number(Figures.decimal(min(95, max(1, number + random.double(in: -2...6))), places: 1))
                default:
                    continue
                }
            }
            recompute(&values)
            if brokenRules(values).isSubset(of: brokenBefore) { return values }
        }
        return base
    }
}

/// Figures as doubles for arithmetic and back as the exact decimals a form holds.
enum Figures {
    static func double(_ value: FieldValue) -> Double? {
        value.decimal.map { NSDecimalNumber(decimal: $0).doubleValue }
    }

    static func series(_ value: FieldValue?) -> [Int: Double]? {
        guard let values = value?.seriesValues else { return nil }
        var result: [Int: Double] = [:]
        for (year, item) in values {
            if let number = double(item) { result[year] = number }
        }
        return result
    }

    /// A series' latest year, or a plain figure.
    static func latest(_ value: FieldValue?) -> Double? {
        guard let value else { return nil }
        if let series = series(value) { return series.keys.max().flatMap { series[$0] } }
        return double(value)
    }

    /// `number` rounded half away from zero to `places` decimals, exactly.
    static func decimal(_ number: Double, places: Int) -> Decimal {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        return Decimal(Int((number * Double(scale)).rounded())) / Decimal(scale)
    }

    /// A figure of the same kind as `like`: a whole number for integer items.
    static func value(_ number: Double, like: FieldValue, places: Int) -> FieldValue {
        if case .integer = like { return .integer(max(1, Int(number.rounded()))) }
        return .number(decimal(number, places: places))
    }

    /// The review's compound rate: percent, rounded to 10⁻⁶ of a point.
    static func compoundGrowth(_ values: [Int: Double]) -> Double? {
        let years = values.keys.sorted()
        guard years.count >= 2, let first = values[years[0]], let last = values[years[years.count - 1]], first > 0 else { return nil }
        let rate = (pow(last / first, 1 / Double(years.count - 1)) - 1) * 100
        return (rate * 1_000_000).rounded() / 1_000_000
    }
}
