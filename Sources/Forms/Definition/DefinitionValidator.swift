/// The checks a decoded definition must pass before anything uses it: ids
/// unique, every reference resolved and of the right type, labels that
/// extraction can tell apart, units that agree with labels, citations that
/// exist in the policy text. Problems are collected, each with its location.
struct DefinitionValidator {
    let definition: FormDefinition
    let source: DefinitionSource
    /// The file's name without extension, which the id must equal.
    let fileName: String
    /// `nil` when the text is missing (reported by the loader).
    let policyText: PolicyText?
    private(set) var problems: [FormDefinitionError] = []

    /// The declaration fields CONTRACT.md fixes, which the `declaration` rule reads.
    static let contractDeclarationFields = ["declarant_name", "declarant_uscc", "signatory", "signed_date", "seal_name"]

    /// Application fields by id, with the path of their definition.
    private var fields: [String: (field: FieldDefinition, path: DefinitionPath)] = [:]

    init(definition: FormDefinition, source: DefinitionSource, fileName: String, policyText: PolicyText?) {
        self.definition = definition
        self.source = source
        self.fileName = fileName
        self.policyText = policyText
    }

    mutating func validate() {
        if definition.id != fileName {
            report(.idDoesNotMatchFileName(id: definition.id, fileName: fileName), at: [.key("id")])
        }
        requireText(definition.title, at: [.key("title")])
        requireText(definition.policy.title, at: [.key("policy"), .key("title")])
        validateApplication()
        validateDeclaration()
        validateRules()
        for (citation, path) in Self.citations(of: definition) where citation.scheme == nil {
            checkInPolicy(citation, at: path)
        }
    }

    /// Every citation of a definition with its path, for checking against policy texts.
    static func citations(of definition: FormDefinition) -> [(Citation, DefinitionPath)] {
        var citations: [(Citation, DefinitionPath)] = [
            (definition.application.citation, [.key("application"), .key("citation")])
        ]
        for (index, rule) in definition.rules.enumerated() {
            let path: DefinitionPath = [.key("rules"), .index(index)]
            citations.append((rule.citation, path.key("citation")))
            if case .credit(let credit) = rule.check, let bound = credit.boundCitation {
                citations.append((bound, path.key("bound_citation")))
            }
        }
        return citations
    }

    // MARK: - Application

    private mutating func validateApplication() {
        let application = definition.application
        let base: DefinitionPath = [.key("application")]
        requireText(application.title, at: base.key("title"))

        var labels = LabelRegistry()
        for (sectionIndex, section) in application.sections.enumerated() {
            let sectionPath = base.key("sections").index(sectionIndex)
            requireText(section.title, at: sectionPath.key("title"))
            validateLayout(of: section, at: sectionPath)
            for (fieldIndex, field) in section.fields.enumerated() {
                let path = sectionPath.key("fields").index(fieldIndex)
                if fields[field.id] != nil {
                    report(.duplicateFieldID(field.id), at: path.key("id"))
                } else {
                    fields[field.id] = (field, path)
                }
                validateField(field, at: path)
                labels.add(field, at: path)
            }
        }
        for (problem, path) in labels.problems { report(problem, at: path) }

        // Conditions can name fields defined later in the form.
        for (_, entry) in fields.sorted(by: { $0.key < $1.key }) {
            switch entry.field.presence {
            case .requiredWhen(let condition):
                checkCondition(condition, at: entry.path.key("required_when"))
            case .requiredUnless(let condition):
                checkCondition(condition, at: entry.path.key("required_unless"))
            case .required, .optional:
                break
            }
        }
    }

    private mutating func validateLayout(of section: FormSection, at path: DefinitionPath) {
        guard !section.fields.isEmpty else {
            report(.emptySection, at: path.key("fields"))
            return
        }
        if section.layout == .list, section.fields.count != 1 {
            report(.listSectionFieldCount(section.fields.count), at: path.key("fields"))
        }
        var years: Int?
        for (index, field) in section.fields.enumerated() {
            let allowed: Bool = switch section.layout {
            case .pairs: field.type != .series && field.type != .list
            case .series: field.type == .series
            case .list: field.type == .list
            case .paragraphs: field.type == .text
            }
            if !allowed {
                report(
                    .layoutMismatch(layout: section.layout, field: field.id, type: field.type),
                    at: path.key("fields").index(index).key("type"))
            }
            if section.layout == .series, let fieldYears = field.years {
                if let expected = years, expected != fieldYears {
                    report(
                        .seriesYearsDiffer(field: field.id, years: fieldYears, expected: expected),
                        at: path.key("fields").index(index).key("years"))
                }
                years = years ?? fieldYears
            }
        }
    }

    private mutating func validateField(_ field: FieldDefinition, at path: DefinitionPath) {
        requireText(field.id, at: path.key("id"))
        requireText(field.label, at: path.key("label"))
        for (index, alias) in field.aliases.enumerated() {
            requireText(alias, at: path.key("aliases").index(index))
        }

        switch field.type {
        case .choice:
            if field.options.isEmpty {
                report(.emptyOptions(field: field.id), at: path)
            }
            var seen = Set<String>()
            var labels = LabelRegistry()
            for (index, option) in field.options.enumerated() {
                let optionPath = path.key("options").index(index)
                if !seen.insert(option.id).inserted {
                    report(.duplicateOptionID(option.id), at: optionPath)
                }
                labels.add(id: option.id, labels: option.labels, at: optionPath)
            }
            for (problem, path) in labels.problems { report(problem, at: path) }
        case .list:
            validateList(field, at: path)
        case .series:
            guard let valueType = field.valueType else {
                report(.missingValueType(field: field.id), at: path)
                break
            }
            if !valueType.isNumeric {
                report(
                    .fieldTypeMismatch(field: field.id, type: valueType, expected: [.number, .integer, .percent]),
                    at: path.key("value_type"))
            }
            if let years = field.years, years < 1 {
                report(.invalidValue("years 应为正整数"), at: path.key("years"))
            }
        default:
            break
        }
        validateUnit(of: field, at: path)
    }

    private mutating func validateList(_ field: FieldDefinition, at path: DefinitionPath) {
        guard !field.columns.isEmpty else {
            report(.missingColumns(list: field.id), at: path)
            return
        }
        var ids = Set<String>()
        var labels = LabelRegistry()
        for (index, column) in field.columns.enumerated() {
            let columnPath = path.key("columns").index(index)
            if !ids.insert(column.id).inserted {
                report(.duplicateFieldID(column.id), at: columnPath.key("id"))
            }
            if column.type == .list || column.type == .series {
                report(.invalidValue("列的类型不能是 \(column.type.rawValue)"), at: columnPath.key("type"))
            }
            validateField(column, at: columnPath)
            labels.add(column, at: columnPath)
        }
        for (problem, path) in labels.problems { report(problem, at: path) }

        if let minRows = field.minRows, minRows < 0 {
            report(.invalidValue("min_rows 不能为负数"), at: path.key("min_rows"))
        }
        guard let key = field.key else {
            if !field.rows.isEmpty { report(.missingKey("key"), at: path) }
            return
        }
        guard let keyColumn = field.column(key) else {
            report(.unknownColumn(key, list: field.id), at: path.key("key"))
            return
        }
        guard keyColumn.type == .choice else {
            report(.fieldTypeMismatch(field: key, type: keyColumn.type, expected: [.choice]), at: path.key("key"))
            return
        }
        for (index, row) in field.rows.enumerated() where keyColumn.option(row) == nil {
            report(.unknownOption(row, field: key), at: path.key("rows").index(index))
        }
    }

    /// Figures carry a unit that agrees with the label's (集群总产值（亿元）:
    /// 亿元); percentages are in %.
    private mutating func validateUnit(of field: FieldDefinition, at path: DefinitionPath) {
        guard field.scalarType.isNumeric else { return }
        if field.scalarType == .percent, let unit = field.unit, unit != "%" {
            report(.percentUnit(field: field.id, unit: unit), at: path.key("unit"))
        }
        guard let (_, labelUnit) = TextNormalizer.splitTrailingParenthesis(field.label) else { return }
        if labelUnit != field.unit {
            report(.unitMismatch(field: field.id, labelUnit: labelUnit, unit: field.unit), at: path.key("label"))
        }
    }

    // MARK: - Declaration

    private mutating func validateDeclaration() {
        let declaration = definition.declaration
        let base: DefinitionPath = [.key("declaration")]
        requireText(declaration.title, at: base.key("title"))
        requireText(declaration.text, at: base.key("text"))

        var ids = Set<String>()
        var labels = LabelRegistry()
        for (index, field) in declaration.fields.enumerated() {
            let path = base.key("fields").index(index)
            if !ids.insert(field.id).inserted {
                report(.duplicateFieldID(field.id), at: path.key("id"))
            }
            if field.type == .list || field.type == .series {
                report(.invalidValue("声明字段的类型不能是 \(field.type.rawValue)"), at: path.key("type"))
            }
            validateField(field, at: path)
            labels.add(field, at: path)
        }
        for (problem, path) in labels.problems { report(problem, at: path) }

        let placeholders = declaration.placeholders
        for name in placeholders where !ids.contains(name) {
            report(.unknownPlaceholder(name), at: base.key("text"))
        }
        for (index, id) in declaration.signature.enumerated() where !ids.contains(id) {
            report(.unknownField(id), at: base.key("signature").index(index))
        }
        let shown = Set(placeholders).union(declaration.signature)
        for (index, field) in declaration.fields.enumerated() where !shown.contains(field.id) {
            report(.declarationFieldNotShown(field.id), at: base.key("fields").index(index).key("id"))
        }
    }

    // MARK: - Rules

    private mutating func validateRules() {
        var ids = Set<String>()
        for (index, rule) in definition.rules.enumerated() {
            let path: DefinitionPath = [.key("rules"), .index(index)]
            if !ids.insert(rule.id).inserted {
                report(.duplicateRuleID(rule.id), at: path.key("id"))
            }
            requireText(rule.requirement, at: path.key("requirement"))
            validateCheck(rule, at: path)
        }
    }

    private static let figures: Set<FieldType> = [.integer, .number, .percent]

    private mutating func validateCheck(_ rule: RuleDefinition, at path: DefinitionPath) {
        switch rule.check {
        case .threshold(let threshold):
            let field = expectField(threshold.field, at: path.key("field"), scalar: Self.figures)
            if threshold.eachYear, let field, field.type != .series {
                report(.eachYearNeedsSeries(field: field.id), at: path.key("each_year"))
            }
            if let series = threshold.recomputeFrom {
                expectField(series, at: path.key("recompute_from"), types: [.series])
            }
        case .anyOf(let anyOf):
            if anyOf.alternatives.isEmpty { report(.emptyValue, at: path.key("alternatives")) }
            for (index, alternative) in anyOf.alternatives.enumerated() {
                let alternativePath = path.key("alternatives").index(index)
                for (position, id) in alternative.fields.enumerated() {
                    expectField(id, at: fieldPath(alternativePath, position), scalar: Self.figures)
                }
            }
        case .share(let share):
            expectField(share.field, at: path.key("field"), scalar: Self.figures)
            expectField(share.part, at: path.key("part"), scalar: Self.figures)
            expectField(share.total, at: path.key("total"), scalar: Self.figures)
        case .growth(let growth):
            expectField(growth.field, at: path.key("field"), scalar: Self.figures)
            expectField(growth.series, at: path.key("series"), types: [.series])
        case .perTenThousand(let perTenThousand):
            expectField(perTenThousand.field, at: path.key("field"), scalar: Self.figures)
            expectField(perTenThousand.count, at: path.key("count"), scalar: Self.figures)
            expectField(perTenThousand.per, at: path.key("per"), scalar: Self.figures)
        case .seriesYears(let seriesYears):
            for (position, id) in seriesYears.fields.enumerated() {
                expectField(id, at: fieldPath(path, position), types: [.series])
            }
            expectField(seriesYears.date, at: path.key("date"), types: [.date])
        case .countMatchesRows(let count):
            expectField(count.field, at: path.key("field"), scalar: [.integer])
            if let column = expectColumn(count.column, of: count.list, listPath: path.key("list"),
                                         at: path.key("column"), types: [.choice]) {
                for (index, value) in count.values.enumerated() where column.option(value) == nil {
                    report(.unknownOption(value, field: column.id), at: path.key("values").index(index))
                }
            }
        case .implies(let implication):
            checkCondition(implication.when, at: path.key("when"))
            checkCondition(implication.then, at: path.key("then"))
        case .negative(let set), .affirmative(let set):
            for (position, id) in set.fields.enumerated() {
                expectField(id, at: fieldPath(path, position), types: [.bool])
            }
        case .present(let set):
            for (position, id) in set.fields.enumerated() {
                expectField(id, at: fieldPath(path, position))
            }
        case .singleEntity(let set):
            for (position, id) in set.fields.enumerated() {
                expectField(id, at: fieldPath(path, position), types: [.text])
            }
        case .region(let region):
            expectField(region.uscc, at: path.key("uscc"), types: [.uscc])
            expectField(region.address, at: path.key("address"), types: [.text])
            if region.divisionPrefixes.isEmpty { report(.emptyValue, at: path.key("division_prefixes")) }
        case .seniorTitles(let titles):
            expectColumn(titles.column, of: titles.list, listPath: path.key("list"), at: path.key("column"), types: [.text])
            if titles.accept.isEmpty { report(.emptyValue, at: path.key("accept")) }
        case .credit(let credit):
            if credit.entities.isEmpty { report(.emptyValue, at: path.key("entities")) }
            for (index, entity) in credit.entities.enumerated() {
                checkEntity(entity, at: path.key("entities").index(index))
            }
            requireText(credit.grade, at: path.key("grade"))
        case .declaredGrade(let declared):
            expectField(declared.field, at: path.key("field"), types: [.text, .choice])
            checkEntity(declared.entity, at: path.key("entity"))
        case .certificates(let certificates):
            let listPath = path.key("list")
            expectColumn(certificates.name, of: certificates.list, listPath: listPath, at: path.key("name"), types: [.text])
            if let uscc = certificates.uscc {
                expectColumn(uscc, of: certificates.list, listPath: listPath, at: path.key("uscc"), types: [.uscc])
            }
            if let number = certificates.number {
                expectColumn(number, of: certificates.list, listPath: listPath, at: path.key("number"), types: [.text])
            }
            if let year = certificates.year {
                expectColumn(year, of: certificates.list, listPath: listPath, at: path.key("year"), types: [.year, .date])
            }
            switch (certificates.type, certificates.registryType) {
            case (let type?, nil):
                expectColumn(type, of: certificates.list, listPath: listPath, at: path.key("type"), types: [.choice])
            case (nil, .some):
                break
            case (.some, .some):
                report(.conflictingKeys("type", "registry_type"), at: path.key("registry_type"))
            case (nil, nil):
                report(.missingKey("type"), at: path)
            }
        case .recognition(let recognition):
            expectField(recognition.name, at: path.key("name"), types: [.text])
            if let number = recognition.number { expectField(number, at: path.key("number"), types: [.text]) }
            if let year = recognition.year { expectField(year, at: path.key("year"), types: [.year, .date]) }
            if let unless = recognition.unless { checkCondition(unless, at: path.key("unless")) }
        case .notEnterprise(let rule):
            expectField(rule.name, at: path.key("name"), types: [.text])
            expectField(rule.uscc, at: path.key("uscc"), types: [.uscc])
        case .rowsCover(let cover):
            if let keyColumn = expectColumn(cover.key, of: cover.list, listPath: path.key("list"),
                                            at: path.key("key"), types: [.choice]) {
                for (index, key) in cover.keys.enumerated() where keyColumn.option(key) == nil {
                    report(.unknownOption(key, field: keyColumn.id), at: path.key("keys").index(index))
                }
            }
            expectColumn(cover.column, of: cover.list, listPath: path.key("list"), at: path.key("column"))
            switch (cover.comparison, cover.bound) {
            case (.some, nil): report(.missingKey("bound"), at: path)
            case (nil, .some): report(.missingKey("comparison"), at: path)
            default: break
            }
        case .softens(let softens):
            checkCondition(softens.when, at: path.key("when"))
            for (index, id) in softens.rules.enumerated() where definition.rule(id) == nil || id == rule.id {
                report(.unknownRule(id), at: path.key("rules").index(index))
            }
        case .declaration(let declaration):
            expectField(declaration.name, at: path.key("name"), types: [.text])
            expectField(declaration.uscc, at: path.key("uscc"), types: [.uscc])
            expectField(declaration.date, at: path.key("date"), types: [.date])
            if declaration.maxAgeDays < 1 { report(.invalidValue("max_age_days 应为正整数"), at: path.key("max_age_days")) }
            for id in Self.contractDeclarationFields where definition.declaration.field(id) == nil {
                report(.missingDeclarationField(id), at: [.key("declaration"), .key("fields")])
            }
        }
    }

    // MARK: - References

    /// The field `id`, reporting it when it is unknown or its type (or, for a
    /// series, its value type when `scalar` is given) is not allowed.
    @discardableResult
    private mutating func expectField(
        _ id: String, at path: DefinitionPath, types: Set<FieldType>? = nil, scalar: Set<FieldType>? = nil
    ) -> FieldDefinition? {
        guard let field = fields[id]?.field else {
            report(.unknownField(id), at: path)
            return nil
        }
        if let types, !types.contains(field.type) {
            report(.fieldTypeMismatch(field: id, type: field.type, expected: types.sorted()), at: path)
            return nil
        }
        if let scalar, !scalar.contains(field.scalarType) {
            report(.fieldTypeMismatch(field: id, type: field.scalarType, expected: scalar.sorted()), at: path)
            return nil
        }
        return field
    }

    @discardableResult
    private mutating func expectColumn(
        _ id: String, of listID: String, listPath: DefinitionPath, at path: DefinitionPath, types: Set<FieldType>? = nil
    ) -> FieldDefinition? {
        guard let list = expectField(listID, at: listPath, types: [.list]) else { return nil }
        guard let column = list.column(id) else {
            report(.unknownColumn(id, list: listID), at: path)
            return nil
        }
        if let types, !types.contains(column.type) {
            report(.fieldTypeMismatch(field: "\(listID).\(id)", type: column.type, expected: types.sorted()), at: path)
            return nil
        }
        return column
    }

    private mutating func checkEntity(_ entity: EntityReference, at path: DefinitionPath) {
        if let list = entity.list {
            expectColumn(entity.name, of: list, listPath: path.key("list"), at: path.key("name"), types: [.text])
            expectColumn(entity.uscc, of: list, listPath: path.key("list"), at: path.key("uscc"), types: [.uscc])
        } else {
            expectField(entity.name, at: path.key("name"), types: [.text])
            expectField(entity.uscc, at: path.key("uscc"), types: [.uscc])
        }
    }

    /// A condition names a yes/no field with true/false, or a choice with one of its option ids.
    private mutating func checkCondition(_ condition: FieldCondition, at path: DefinitionPath) {
        switch condition.equals {
        case .bool:
            expectField(condition.field, at: path.key("field"), types: [.bool])
        case .text(let value):
            guard let field = expectField(condition.field, at: path.key("field"), types: [.choice, .text]) else { return }
            if field.type == .choice, field.option(value) == nil {
                report(.unknownOption(value, field: field.id), at: path.key("equals"))
            }
        }
    }

    /// The path of the `position`th field of a rule written `field: x` or `fields: [x, y]`.
    private func fieldPath(_ rule: DefinitionPath, _ position: Int) -> DefinitionPath {
        source.contains(rule.key("field")) ? rule.key("field") : rule.key("fields").index(position)
    }

    private mutating func checkInPolicy(_ citation: Citation, at path: DefinitionPath) {
        guard let policyText, !policyText.contains(citation) else { return }
        report(.citationNotInPolicy(citation.reference), at: path)
    }

    private mutating func requireText(_ text: String, at path: DefinitionPath) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            report(.emptyValue, at: path)
        }
    }

    private mutating func report(_ problem: DefinitionProblem, at path: DefinitionPath) {
        problems.append(.invalid(source.location(path), problem))
    }
}

/// Collects labels and aliases of one scope (the form's fields, one list's
/// columns, one choice's options) and notes any two entries extraction could
/// not tell apart.
struct LabelRegistry {
    private var owners: [String: String] = [:]
    private(set) var problems: [(DefinitionProblem, DefinitionPath)] = []

    mutating func add(_ field: FieldDefinition, at path: DefinitionPath) {
        add(id: field.id, labels: field.labels, at: path)
    }

    mutating func add(id: String, labels: [String], at path: DefinitionPath) {
        for (index, label) in labels.enumerated() {
            let labelPath = index == 0 ? path.key("label") : path.key("aliases").index(index - 1)
            // As extraction compares labels: whole, and without a trailing bracket.
            let keys = [TextNormalizer.labelKey(label), TextNormalizer.labelKeyWithoutUnit(label)]
            for key in Set(keys) where !key.isEmpty {
                if let owner = owners[key], owner != id {
                    problems.append((.ambiguousLabel(label, fields: [owner, id]), labelPath))
                } else {
                    owners[key] = id
                }
            }
        }
    }
}

extension Set where Element == FieldType {
    /// The types in declaration order, for stable messages.
    func sorted() -> [FieldType] {
        FieldType.allCases.filter(contains)
    }
}
