/// What a rule checks. The kind is mechanics, implemented once in code; a
/// scheme supplies its fields, numbers and article (`RuleCheck`).
public enum RuleKind: String, CaseIterable, Codable, Sendable {
    /// A figure (each year of a series, or its latest year) against a bound.
    case threshold
    /// At least one of several sums of figures meets its bound
    /// (单项冠军 + 小巨人 ≥ 3, or 专精特新 + 高企 ≥ 15).
    case anyOf = "any_of"
    /// A declared share equals part / total × 100, each year, within a tolerance.
    case share
    /// A declared average annual growth matches the series it summarises.
    case growth
    /// A declared per-10,000 figure equals count (latest year) / people × 10,000.
    case perTenThousand = "per_10k"
    /// Series cover the calendar years before the application date.
    case seriesYears = "series_years"
    /// A declared count equals the list rows whose column takes given values.
    case countMatchesRows = "count_matches_rows"
    /// When one answer is given, another must be (高耗能 → 能效高于基准值).
    case implies
    /// Negative-list items: each must be 否.
    case negative
    /// Conditions a yes/no answer states: each must be 是.
    case affirmative
    /// Items that must be filled in (a description, a list with rows).
    case present
    /// A text naming exactly one thing (one cluster, not several).
    case singleEntity = "single_entity"
    /// Registration inside a region: USCC division code and address words.
    case region
    /// Every row of a people list holds a senior title or a professional qualification.
    case seniorTitles = "senior_titles"
    /// Registry credit rating of the named entities, at or below a grade → rejected.
    case credit
    /// A credit grade the applicant declares equals the registry's.
    case declaredGrade = "declared_grade"
    /// Every claimed recognition of a list's rows is in the certificate registry and valid.
    case certificates
    /// A prior recognition of the applicant's cluster is in the registry.
    case recognition
    /// The applicant is not an enterprise (USCC registration authority, name suffix).
    case notEnterprise = "not_enterprise"
    /// A list with fixed rows has every required row filled (optionally with a figure meeting a bound).
    case rowsCover = "rows_cover"
    /// When a condition holds, the listed rules' failures call for verification only.
    case softens
    /// The responsibility declaration: present, same applicant, signed, dated, sealed.
    case declaration
}

/// A field of the application, or a column of a list when `list` is given:
/// the entity whose name and USCC a registry is searched by.
public struct EntityReference: Hashable, Sendable, Codable {
    public let list: String?
    public let name: String
    public let uscc: String

    public init(list: String? = nil, name: String, uscc: String) {
        self.list = list
        self.name = name
        self.uscc = uscc
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case list, name, uscc
    }

    public init(from decoder: any Decoder) throws {
        let keys = try decoder.definitionKeys(CodingKeys.self)
        list = try keys.decodeIfPresent(String.self, forKey: .list)
        name = try keys.decode(String.self, forKey: .name)
        uscc = try keys.decode(String.self, forKey: .uscc)
    }
}

/// The parameters of each rule kind, as the YAML gives them next to the
/// rule's `id`, `kind`, `requirement`, `citation` and `softened`.
public enum RuleCheck: Hashable, Sendable {
    case threshold(Threshold)
    case anyOf(AnyOf)
    case share(Share)
    case growth(Growth)
    case perTenThousand(PerTenThousand)
    case seriesYears(SeriesYears)
    case countMatchesRows(CountMatchesRows)
    case implies(Implication)
    case negative(FieldSet)
    case affirmative(FieldSet)
    case present(FieldSet)
    case singleEntity(FieldSet)
    case region(Region)
    case seniorTitles(SeniorTitles)
    case credit(Credit)
    case declaredGrade(DeclaredGrade)
    case certificates(Certificates)
    case recognition(Recognition)
    case notEnterprise(NotEnterprise)
    case rowsCover(RowsCover)
    case softens(Softens)
    case declaration(Declaration)

    public var kind: RuleKind {
        switch self {
        case .threshold: .threshold
        case .anyOf: .anyOf
        case .share: .share
        case .growth: .growth
        case .perTenThousand: .perTenThousand
        case .seriesYears: .seriesYears
        case .countMatchesRows: .countMatchesRows
        case .implies: .implies
        case .negative: .negative
        case .affirmative: .affirmative
        case .present: .present
        case .singleEntity: .singleEntity
        case .region: .region
        case .seniorTitles: .seniorTitles
        case .credit: .credit
        case .declaredGrade: .declaredGrade
        case .certificates: .certificates
        case .recognition: .recognition
        case .notEnterprise: .notEnterprise
        case .rowsCover: .rowsCover
        case .softens: .softens
        case .declaration: .declaration
        }
    }

    /// `field` `comparison` `bound`: `{field: total_output, comparison: 以上, bound: 40, each_year: true}`.
    public struct Threshold: Hashable, Sendable, Codable {
        public let field: String
        public let comparison: ComparisonWord
        /// In the field's canonical unit.
        public let bound: Double
        /// For a series: every year must meet the bound (else the latest year is judged).
        public let eachYear: Bool
        /// For a declared average growth: judge the compound rate recomputed
        /// from this series instead of the declared figure.
        public let recomputeFrom: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case field, comparison, bound
            case eachYear = "each_year"
            case recomputeFrom = "recompute_from"
        }

        public init(from decoder: any Decoder) throws {
            let keys = try decoder.container(keyedBy: CodingKeys.self)
            field = try keys.decode(String.self, forKey: .field)
            comparison = try keys.decode(ComparisonWord.self, forKey: .comparison)
            bound = try keys.decode(Double.self, forKey: .bound)
            eachYear = try keys.decode(Bool.self, forKey: .eachYear, default: false)
            recomputeFrom = try keys.decodeIfPresent(String.self, forKey: .recomputeFrom)
        }
    }

    /// The sum of `fields` `comparison` `bound`.
    public struct SumCondition: Hashable, Sendable, Codable {
        public let fields: [String]
        public let comparison: ComparisonWord
        public let bound: Double

        enum CodingKeys: String, CodingKey, CaseIterable {
            case field, fields, comparison, bound
        }

        public init(from decoder: any Decoder) throws {
            let keys = try decoder.definitionKeys(CodingKeys.self)
            fields = try keys.oneOrMany(.field, .fields).values
            comparison = try keys.decode(ComparisonWord.self, forKey: .comparison)
            bound = try keys.decode(Double.self, forKey: .bound)
        }

        public func encode(to encoder: any Encoder) throws {
            var keys = encoder.container(keyedBy: CodingKeys.self)
            try keys.encode(fields, forKey: .fields)
            try keys.encode(comparison, forKey: .comparison)
            try keys.encode(bound, forKey: .bound)
        }
    }

    public struct AnyOf: Hashable, Sendable, Codable {
        public let alternatives: [SumCondition]
    }

    /// `field` (declared %, a series or a figure) = `part` / `total` × 100.
    public struct Share: Hashable, Sendable, Codable {
        public let field: String
        public let part: String
        public let total: String
        /// Accepted difference, in percentage points.
        public let tolerancePoints: Double

        enum CodingKeys: String, CodingKey, CaseIterable {
            case field, part, total
            case tolerancePoints = "tolerance_points"
        }
    }

    /// `field` (declared average annual growth, %) against `series`: within
    /// `tolerance_points` of the compound rate or the mean of the yearly rates.
    public struct Growth: Hashable, Sendable, Codable {
        public let field: String
        public let series: String
        public let tolerancePoints: Double

        enum CodingKeys: String, CodingKey, CaseIterable {
            case field, series
            case tolerancePoints = "tolerance_points"
        }
    }

    /// `field` = `count` (its latest year, for a series) / `per` × 10,000.
    public struct PerTenThousand: Hashable, Sendable, Codable {
        public let field: String
        public let count: String
        public let per: String
        /// Accepted relative difference (0.01 is 1%).
        public let toleranceRelative: Double

        enum CodingKeys: String, CodingKey, CaseIterable {
            case field, count, per
            case toleranceRelative = "tolerance_relative"
        }
    }

    /// Each series in `fields` gives the calendar years before the year of `date`.
    public struct SeriesYears: Hashable, Sendable, Codable {
        public let fields: [String]
        public let date: String

        enum CodingKeys: String, CodingKey, CaseIterable {
            case field, fields, date
        }

        public init(from decoder: any Decoder) throws {
            let keys = try decoder.container(keyedBy: CodingKeys.self)
            fields = try keys.oneOrMany(.field, .fields).values
            date = try keys.decode(String.self, forKey: .date)
        }

        public func encode(to encoder: any Encoder) throws {
            var keys = encoder.container(keyedBy: CodingKeys.self)
            try keys.encode(fields, forKey: .fields)
            try keys.encode(date, forKey: .date)
        }
    }

    /// `field` = the number of rows of `list` whose `column` is one of `values` (option ids).
    public struct CountMatchesRows: Hashable, Sendable, Codable {
        public let field: String
        public let list: String
        public let column: String
        public let values: [String]
    }

    /// When `when` holds, `then` must hold.
    public struct Implication: Hashable, Sendable, Codable {
        public let when: FieldCondition
        public let then: FieldCondition
    }

    /// The fields a rule applies to, one finding each: `field: x` or `fields: [x, y]`.
    public struct FieldSet: Hashable, Sendable, Codable {
        public let fields: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case field, fields
        }

        public init(fields: [String]) {
            self.fields = fields
        }

        public init(from decoder: any Decoder) throws {
            let keys = try decoder.container(keyedBy: CodingKeys.self)
            fields = try keys.oneOrMany(.field, .fields).values
        }

        public func encode(to encoder: any Encoder) throws {
            var keys = encoder.container(keyedBy: CodingKeys.self)
            try keys.encode(fields, forKey: .fields)
        }
    }

    /// Registered in a region: the USCC's division code (positions 3–8)
    /// starts with one of `division_prefixes` and the address names one of
    /// `address_words`.
    public struct Region: Hashable, Sendable, Codable {
        public let uscc: String
        public let address: String
        public let divisionPrefixes: [String]
        public let addressWords: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case uscc, address
            case divisionPrefixes = "division_prefixes"
            case addressWords = "address_words"
        }
    }

    /// Every row's `column` contains an `accept` pattern and no `reject`
    /// pattern (`*` stands for any text: `注册*师`).
    public struct SeniorTitles: Hashable, Sendable, Codable {
        public let list: String
        public let column: String
        public let accept: [String]
        public let reject: [String]
    }

    /// A registry grade `comparison` `grade` (C+ 以下) is serious dishonesty.
    public struct Credit: Hashable, Sendable, Codable {
        public let entities: [EntityReference]
        public let comparison: ComparisonWord
        public let grade: String
        /// Where the bound itself is defined, when another policy defines it.
        public let boundCitation: Citation?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case entities, comparison, grade
            case boundCitation = "bound_citation"
        }
    }

    /// The grade declared in `field` equals the registry's grade for `entity`.
    public struct DeclaredGrade: Hashable, Sendable, Codable {
        public let field: String
        public let entity: EntityReference
    }

    /// Each row of `list` is in the certificate registry: with the type its
    /// `type` column names, or `registry_type` for every row.
    public struct Certificates: Hashable, Sendable, Codable {
        public let list: String
        public let name: String
        public let uscc: String?
        public let type: String?
        public let registryType: ChoiceOption?
        public let number: String?
        public let year: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case list, name, uscc, type
            case registryType = "registry_type"
            case number, year
        }
    }

    /// The registry holds `registry_type` for the name in `name` (unless `unless` holds).
    public struct Recognition: Hashable, Sendable, Codable {
        public let name: String
        public let number: String?
        public let year: String?
        public let registryType: ChoiceOption
        public let unless: FieldCondition?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, number, year
            case registryType = "registry_type"
            case unless
        }
    }

    /// The applicant is an enterprise when its USCC's first character (the
    /// registration authority) is one of `uscc_authorities` or its name ends
    /// with one of `name_suffixes`.
    public struct NotEnterprise: Hashable, Sendable, Codable {
        public let name: String
        public let uscc: String
        public let usccAuthorities: [String]
        public let nameSuffixes: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, uscc
            case usccAuthorities = "uscc_authorities"
            case nameSuffixes = "name_suffixes"
        }
    }

    /// For each of `keys` (options of the `key` column) a row of `list` whose
    /// `column` is filled, and, with `comparison` and `bound`, meets the bound.
    public struct RowsCover: Hashable, Sendable, Codable {
        public let list: String
        public let key: String
        public let keys: [String]
        public let column: String
        public let comparison: ComparisonWord?
        public let bound: Double?
    }

    /// When `when` holds, failures of `rules` call for verification only
    /// (四川: 民族地区、革命老区可适当放宽).
    public struct Softens: Hashable, Sendable, Codable {
        public let when: FieldCondition
        public let rules: [String]
    }

    /// The declaration names the applicant of `name`/`uscc`, is signed and
    /// sealed, and dated not after `date` nor more than `max_age_days` before it.
    public struct Declaration: Hashable, Sendable, Codable {
        public let name: String
        public let uscc: String
        public let date: String
        public let maxAgeDays: Int

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, uscc, date
            case maxAgeDays = "max_age_days"
        }
    }
}

/// One rule of a scheme: what it checks, the requirement in the policy's
/// words, and the article it applies.
public struct RuleDefinition: Hashable, Sendable, Codable {
    public let id: String
    /// The requirement as the opinion states it (近三年集群总产值每年均在40亿元以上).
    public let requirement: String
    public let citation: Citation
    /// 一般 / 原则上 / 宜: a broken softened rule calls for verification.
    public let softened: Softening?
    public let check: RuleCheck

    public var kind: RuleKind { check.kind }

    public init(id: String, requirement: String, citation: Citation, softened: Softening? = nil, check: RuleCheck) {
        self.id = id
        self.requirement = requirement
        self.citation = citation
        self.softened = softened
        self.check = check
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, kind, requirement, citation, softened
    }

    public init(from decoder: any Decoder) throws {
        let common = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try common.decode(RuleKind.self, forKey: .kind)
        let known = Set(CodingKeys.allCases.map(\.stringValue) + kind.parameterKeys)
        for key in try decoder.container(keyedBy: AnyDefinitionKey.self).allKeys where !known.contains(key.stringValue) {
            throw DefinitionDecodingFailure(codingPath: decoder.codingPath + [key], problem: .unknownKey(key.stringValue))
        }
        id = try common.decode(String.self, forKey: .id)
        requirement = try common.decode(String.self, forKey: .requirement)
        guard let citation = try common.decodeIfPresent(Citation.self, forKey: .citation) else {
            throw DefinitionDecodingFailure(codingPath: decoder.codingPath, problem: .missingCitation(rule: id))
        }
        self.citation = citation
        softened = try common.decodeIfPresent(Softening.self, forKey: .softened)
        check = try RuleCheck(kind: kind, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var common = encoder.container(keyedBy: CodingKeys.self)
        try common.encode(id, forKey: .id)
        try common.encode(kind, forKey: .kind)
        try common.encode(requirement, forKey: .requirement)
        try common.encode(citation, forKey: .citation)
        try common.encodeIfPresent(softened, forKey: .softened)
        try check.encodeParameters(to: encoder)
    }
}

extension RuleKind {
    public init(from decoder: any Decoder) throws {
        self = try decoder.definitionWord(Self.self, unknown: DefinitionProblem.unknownRuleKind)
    }

    /// The YAML keys a rule of this kind may carry besides the common ones.
    var parameterKeys: [String] {
        func keys<K: CodingKey & CaseIterable>(_: K.Type) -> [String] { K.allCases.map(\.stringValue) }
        switch self {
        case .threshold: return keys(RuleCheck.Threshold.CodingKeys.self)
        case .anyOf: return ["alternatives"]
        case .share: return keys(RuleCheck.Share.CodingKeys.self)
        case .growth: return keys(RuleCheck.Growth.CodingKeys.self)
        case .perTenThousand: return keys(RuleCheck.PerTenThousand.CodingKeys.self)
        case .seriesYears: return keys(RuleCheck.SeriesYears.CodingKeys.self)
        case .countMatchesRows: return ["field", "list", "column", "values"]
        case .implies: return ["when", "then"]
        case .negative, .affirmative, .present, .singleEntity: return keys(RuleCheck.FieldSet.CodingKeys.self)
        case .region: return keys(RuleCheck.Region.CodingKeys.self)
        case .seniorTitles: return ["list", "column", "accept", "reject"]
        case .credit: return keys(RuleCheck.Credit.CodingKeys.self)
        case .declaredGrade: return ["field", "entity"]
        case .certificates: return keys(RuleCheck.Certificates.CodingKeys.self)
        case .recognition: return keys(RuleCheck.Recognition.CodingKeys.self)
        case .notEnterprise: return keys(RuleCheck.NotEnterprise.CodingKeys.self)
        case .rowsCover: return ["list", "key", "keys", "column", "comparison", "bound"]
        case .softens: return ["when", "rules"]
        case .declaration: return keys(RuleCheck.Declaration.CodingKeys.self)
        }
    }
}

extension RuleCheck {
    init(kind: RuleKind, from decoder: any Decoder) throws {
        switch kind {
        case .threshold: self = .threshold(try Threshold(from: decoder))
        case .anyOf: self = .anyOf(try AnyOf(from: decoder))
        case .share: self = .share(try Share(from: decoder))
        case .growth: self = .growth(try Growth(from: decoder))
        case .perTenThousand: self = .perTenThousand(try PerTenThousand(from: decoder))
        case .seriesYears: self = .seriesYears(try SeriesYears(from: decoder))
        case .countMatchesRows: self = .countMatchesRows(try CountMatchesRows(from: decoder))
        case .implies: self = .implies(try Implication(from: decoder))
        case .negative: self = .negative(try FieldSet(from: decoder))
        case .affirmative: self = .affirmative(try FieldSet(from: decoder))
        case .present: self = .present(try FieldSet(from: decoder))
        case .singleEntity: self = .singleEntity(try FieldSet(from: decoder))
        case .region: self = .region(try Region(from: decoder))
        case .seniorTitles: self = .seniorTitles(try SeniorTitles(from: decoder))
        case .credit: self = .credit(try Credit(from: decoder))
        case .declaredGrade: self = .declaredGrade(try DeclaredGrade(from: decoder))
        case .certificates: self = .certificates(try Certificates(from: decoder))
        case .recognition: self = .recognition(try Recognition(from: decoder))
        case .notEnterprise: self = .notEnterprise(try NotEnterprise(from: decoder))
        case .rowsCover: self = .rowsCover(try RowsCover(from: decoder))
        case .softens: self = .softens(try Softens(from: decoder))
        case .declaration: self = .declaration(try Declaration(from: decoder))
        }
    }

    func encodeParameters(to encoder: any Encoder) throws {
        switch self {
        case .threshold(let parameters): try parameters.encode(to: encoder)
        case .anyOf(let parameters): try parameters.encode(to: encoder)
        case .share(let parameters): try parameters.encode(to: encoder)
        case .growth(let parameters): try parameters.encode(to: encoder)
        case .perTenThousand(let parameters): try parameters.encode(to: encoder)
        case .seriesYears(let parameters): try parameters.encode(to: encoder)
        case .countMatchesRows(let parameters): try parameters.encode(to: encoder)
        case .implies(let parameters): try parameters.encode(to: encoder)
        case .negative(let parameters), .affirmative(let parameters), .present(let parameters),
             .singleEntity(let parameters):
            try parameters.encode(to: encoder)
        case .region(let parameters): try parameters.encode(to: encoder)
        case .seniorTitles(let parameters): try parameters.encode(to: encoder)
        case .credit(let parameters): try parameters.encode(to: encoder)
        case .declaredGrade(let parameters): try parameters.encode(to: encoder)
        case .certificates(let parameters): try parameters.encode(to: encoder)
        case .recognition(let parameters): try parameters.encode(to: encoder)
        case .notEnterprise(let parameters): try parameters.encode(to: encoder)
        case .rowsCover(let parameters): try parameters.encode(to: encoder)
        case .softens(let parameters): try parameters.encode(to: encoder)
        case .declaration(let parameters): try parameters.encode(to: encoder)
        }
    }
}
