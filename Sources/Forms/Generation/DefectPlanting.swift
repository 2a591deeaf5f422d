import Foundation

/// The defects a generated submission may carry, each the kind a reviewer
/// meets in real packets (fixtures/data/DEFECTS.md has one of each).
extension SubmissionBuilder {
    /// Required fields that no other rule reads, so dropping one is one
    /// `missing` finding and nothing else.
    static let droppableFields = ["contact_phone", "contact_name", "niche", "registered_capital", "office_address", "leading_industry"]

    /// Plants up to `count` defects of different kinds, chosen at random
    /// among those this scheme allows. A missed threshold goes first: it
    /// recomputes the declared shares, which would undo a share planted before it.
    mutating func plantDefects(count: Int) -> [PlantedDefect] {
        let order = random.shuffled(PlantedDefect.Kind.allCases).filter { applies($0) }
        var chosen = Array(order.prefix(count))
        var spare = Array(order.dropFirst(count)).filter { $0 != .thresholdMissed }
        chosen.sort { ($0 == .thresholdMissed ? 0 : 1) < ($1 == .thresholdMissed ? 0 : 1) }
        var planted: [PlantedDefect] = []
        while let kind = chosen.first {
            chosen.removeFirst()
            if let defect = plant(kind) {
                planted.append(defect)
            } else if !spare.isEmpty {
                chosen.append(spare.removeFirst())
            }
        }
        return planted
    }

    private func applies(_ kind: PlantedDefect.Kind) -> Bool {
        switch kind {
        case .thresholdMissed: return !thresholdCandidates.isEmpty
        case .negativeAnswered: return !negativeFields.isEmpty
        case .shareOff: return model.shares.contains { application[$0.field] != nil }
        case .declarationName: return declaration["declarant_name"] != nil
        case .signatoryMissing: return declaration["signatory"] != nil
        case .checkCharacter: return !codeTargets.isEmpty
        case .fieldDropped: return !droppable.isEmpty
        case .creditGrade: return !credit.isEmpty
        }
    }

    private mutating func plant(_ kind: PlantedDefect.Kind) -> PlantedDefect? {
        switch kind {
        case .thresholdMissed: return missThreshold()
        case .negativeAnswered: return answerNegative()
        case .shareOff: return offsetShare()
        case .declarationName: return renameDeclarant()
        case .signatoryMissing: return dropSignatory()
        case .checkCharacter: return breakCheckCharacter()
        case .fieldDropped: return dropField()
        case .creditGrade: return lowerCreditGrade()
        }
    }

    // MARK: Figures

    /// Thresholds on a figure that is a fact of its own (not a summary, not
    /// a count of rows, not a recomputed rate), so missing one is one finding.
    private var thresholdCandidates: [(rule: RuleDefinition, check: RuleCheck.Threshold)] {
        model.thresholds.filter { _, check in
            check.recomputeFrom == nil && !model.derived.contains(check.field) && !model.counted.contains(check.field)
                && application[check.field] != nil
        }
    }

    /// A value just on the wrong side of the bound: 39.8 for 40 以上, 2 for
    /// 不少于 3, exactly 5 for 高于 5 (the bound itself is excluded).
    private func missedBound(_ check: RuleCheck.Threshold, integer: Bool, margin: Double) -> Double {
        let bound = check.bound
        switch (check.comparison.side, check.comparison.includesBound) {
        case (.above, true): return integer ? bound.rounded(.up) - 1 : bound - margin
        case (.above, false): return integer ? bound.rounded(.down) : bound
        case (.below, true): return integer ? bound.rounded(.down) + 1 : bound + margin
        case (.below, false): return integer ? bound.rounded(.up) : bound
        }
    }

    private mutating func missThreshold() -> PlantedDefect? {
        let before = model.brokenRules(application)
        for (rule, check) in random.shuffled(thresholdCandidates) {
            guard let field = definition.application.field(check.field), let value = application[check.field] else { continue }
            let margin = random.pick([0.1, 0.2, 0.3, 0.5])
            var trial = application
            var year: Int?
            let target: Double
            if let series = Figures.series(value) {
                let years = check.eachYear ? series.keys.sorted() : series.keys.max().map { [$0] } ?? []
                let ordered = years.sorted { (series[$0] ?? 0, $0) < (series[$1] ?? 0, $1) }
                guard let chosen = check.comparison.side == .above ? ordered.first : ordered.last,
                      let current = series[chosen], current > 0 else { continue }
                let integer = field.scalarType == .integer
                target = missedBound(check, integer: integer, margin: margin)
                guard target > 0 else { continue }
                // The whole year table of that unit moves together, so shares stay as they were.
                let ratio = target / current
                for other in definition.application.fields where other.type == .series && other.unit == field.unit
                    && !model.derived.contains(other.id) {
                    guard let items = trial[other.id]?.seriesValues else { continue }
                    trial[other.id] = .series(items.mapValues { item in
                        Figures.value((Figures.double(item) ?? 0) * ratio, like: item, places: other.unit == "万元" ? 0 : 2)
                    })
                }
                var items = trial[check.field]?.seriesValues ?? [:]
                items[chosen] = integer ? .integer(Int(target)) : .number(Figures.decimal(target, places: 2))
                trial[check.field] = .series(items)
                year = chosen
            } else {
                let integer = field.type == .integer
                target = missedBound(check, integer: integer, margin: margin)
                guard target >= 0 else { continue }
                trial[check.field] = integer ? .integer(Int(target)) : .number(Figures.decimal(target, places: 2))
            }
            model.recompute(&trial)
            guard model.brokenRules(trial) == before.union([rule.id]) else { continue }
            application = trial
            let when = year.map { "\($0)年" } ?? ""
            return PlantedDefect(kind: .thresholdMissed, field: check.field,
                                 detail: "\(field.label)\(when)填报为\(Self.show(target))，未达到“\(check.comparison.rawValue)\(Self.show(check.bound))”（\(rule.id)）")
        }
        return nil
    }

    private var negativeFields: [String] {
        definition.rules.flatMap { rule -> [String] in
            if case .negative(let set) = rule.check { return set.fields }
            return []
        }.filter { application[$0] != nil }
    }

    private mutating func answerNegative() -> PlantedDefect? {
        let fields = negativeFields
        guard !fields.isEmpty else { return nil }
        let id = random.pick(fields)
        application[id] = .bool(true)
        return PlantedDefect(kind: .negativeAnswered, field: id, detail: "负面情形“\(label(id))”填报为“是”")
    }

    private mutating func offsetShare() -> PlantedDefect? {
        let before = model.brokenRules(application)
        for check in random.shuffled(model.shares) {
            guard let items = application[check.field]?.seriesValues, !items.isEmpty else { continue }
            let year = random.pick(items.keys.sorted())
            guard let current = items[year].flatMap(Figures.double) else { continue }
            for sign in current + 3 <= 100 ? [1.0, -1.0] : [-1.0, 1.0] {
                let stated = current + 3 * sign
                guard stated > 0, stated <= 100 else { continue }
                var trial = application
                var changed = items
                changed[year] = .number(Figures.decimal(stated, places: 2))
                trial[check.field] = .series(changed)
                guard model.brokenRules(trial).isSubset(of: before) else { continue }
                application = trial
                return PlantedDefect(kind: .shareOff, field: check.field,
                                     detail: "\(label(check.field))\(year)年申报为\(Self.show(stated))%，按\(label(check.part))÷\(label(check.total))应为\(Self.show(current))%")
            }
        }
        return nil
    }

    // MARK: Declaration

    private mutating func renameDeclarant() -> PlantedDefect? {
        guard let current = declaration["declarant_name"]?.text else { return nil }
        var other = application["operator_name"]?.text ?? ""
        if other.isEmpty || other == current { other = (place?.fullName ?? "") + industry.clusterWord + "行业协会" }
        guard other != current else { return nil }
        declaration["declarant_name"] = .text(other)
        return PlantedDefect(kind: .declarationName, field: "declarant_name",
                             detail: "责任声明的声明单位为“\(other)”，申报单位为“\(current)”")
    }

    private mutating func dropSignatory() -> PlantedDefect? {
        guard declaration.removeValue(forKey: "signatory") != nil else { return nil }
        return PlantedDefect(kind: .signatoryMissing, field: "signatory", detail: "责任声明缺少法定代表人签字")
    }

    // MARK: Identity and registries

    /// Where a code can be mistyped: a listed enterprise, else the operator,
    /// else the declaration. Not the applicant's own code in the application:
    /// the review would then look the applicant up by name, and generated
    /// agencies of one city and industry share names.
    private var codeTargets: [(field: String, row: Int?, column: String?)] {
        var targets: [(field: String, row: Int?, column: String?)] = []
        for field in definition.application.fields where field.type == .list {
            guard let column = field.columns.first(where: { $0.type == .uscc }) else { continue }
            for (index, row) in (application[field.id]?.rows ?? []).enumerated() where row[column.id]?.text?.count == 18 {
                targets.append((field.id, index, column.id))
            }
        }
        if targets.isEmpty, application["operator_uscc"]?.text?.count == 18 {
            targets.append(("operator_uscc", nil, nil))
        }
        if targets.isEmpty, declaration["declarant_uscc"]?.text?.count == 18 {
            targets.append(("declarant_uscc", nil, nil))
        }
        return targets
    }

    private mutating func breakCheckCharacter() -> PlantedDefect? {
        let targets = codeTargets
        guard !targets.isEmpty else { return nil }
        let target = random.pick(targets)
        let inDeclaration = target.field == "declarant_uscc"
        var rows = application[target.field]?.rows ?? []
        let code: String?
        if let row = target.row, let column = target.column {
            code = rows[row][column]?.text
        } else {
            code = (inDeclaration ? declaration : application)[target.field]?.text
        }
        guard let code, let correct = code.last else { return nil }
        let wrong = random.pick(USCC.alphabet.filter { $0 != correct })
        let mistyped = String(code.dropLast()) + String(wrong)
        var place = inDeclaration ? "责任声明" : label(target.field)
        if let row = target.row, let column = target.column {
            rows[row][column] = .text(mistyped)
            application[target.field] = .list(rows)
            place += "第\(row + 1)行（\(rows[row]["name"]?.text ?? "")）"
        } else if inDeclaration {
            declaration[target.field] = .text(mistyped)
        } else {
            application[target.field] = .text(mistyped)
        }
        return PlantedDefect(kind: .checkCharacter, field: target.field,
                             detail: "\(place)统一社会信用代码写作\(mistyped)，第18位校验码应为“\(correct)”")
    }

    private var droppable: [String] {
        Self.droppableFields.filter { application[$0] != nil && definition.application.field($0)?.presence == .required }
    }

    private mutating func dropField() -> PlantedDefect? {
        let ids = droppable
        guard !ids.isEmpty else { return nil }
        let id = random.pick(ids)
        application.removeValue(forKey: id)
        return PlantedDefect(kind: .fieldDropped, field: id, detail: "申报书未填写“\(label(id))”")
    }

    private mutating func lowerCreditGrade() -> PlantedDefect? {
        guard !credit.isEmpty else { return nil }
        let index = random.below(credit.count)
        let grade = random.pick(["C+", "C", "C-", "D"])
        credit[index].grade = grade
        let record = credit[index]
        // A grade the form declares is the registry's: the finding is the grade itself.
        for rule in definition.rules {
            guard case .declaredGrade(let check) = rule.check, let entity = entities(check.entity).first,
                  (entity.code ?? "") == record.uscc, (entity.name ?? "") == record.name else { continue }
            application[check.field] = .text(grade)
        }
        return PlantedDefect(kind: .creditGrade, field: "credit",
                             detail: "\(record.name)（\(record.uscc)）公共信用评价等级为\(grade)")
    }

    // MARK: Wording

    private func label(_ id: String) -> String {
        definition.application.field(id)?.label ?? id
    }

    static func show(_ number: Double) -> String {
        "\(Figures.decimal(number, places: 2))"
    }
}
