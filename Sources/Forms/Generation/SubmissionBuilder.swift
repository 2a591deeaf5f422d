import Foundation

/// Codes and company names already handed out in a corpus: no two
/// generated entities share either, so the batch checks (one enterprise in
/// two clusters, one code on two applicants) stay quiet unless planted.
struct NameBook {
    var codes: Set<String> = []
    var companies: Set<String> = []
    /// Applicant names are kept apart where the places and industries allow.
    var applicants: Set<String> = []
}

/// Replaces several words in one pass, longest first, so that a
/// replacement is never itself replaced (苏州市 → 常州市 must not then meet 苏州).
struct Substitution: Sendable {
    private let pairs: [(from: String, to: String)]

    init(_ pairs: [(String, String)]) {
        var seen: Set<String> = []
        self.pairs = pairs
            .filter { !$0.0.isEmpty && $0.0 != $0.1 && seen.insert($0.0).inserted }
            .sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.0 < $1.0 }
            .map { (from: $0.0, to: $0.1) }
    }

    func apply(_ text: String) -> String {
        guard !pairs.isEmpty else { return text }
        var result = ""
        var index = text.startIndex
        scanning: while index < text.endIndex {
            for pair in pairs where text[index...].hasPrefix(pair.from) {
                result += pair.to
                index = text.index(index, offsetBy: pair.from.count)
                continue scanning
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return result
    }
}

/// Makes one clean submission from a base: a new place and industry, new
/// names, codes, people and dates, varied figures with their summaries
/// recomputed, and the registry rows that vouch for it. Defects are planted
/// afterwards (`DefectPlanting.swift`).
struct SubmissionBuilder {
    let base: GenerationBase
    let model: FigureModel
    var random: SplitMix64
    let place: Place?
    let industry: Industry
    let substitution: Substitution
    let applicationDate: CalendarDate
    var application: [String: FieldValue]
    var declaration: [String: FieldValue]
    var credit: [CreditRecord] = []
    var certificates: [CertificateRecord] = []

    /// Base value → generated value, so the declaration, the platform hosts
    /// and the registries name what the application names.
    private var codes: [String: String] = [:]
    private var names: [String: String] = [:]
    private var people: [String: String] = [:]
    private var addresses: [String: String] = [:]
    /// The generated companies, in list order (platform hosts are drawn from them).
    private var companies: [String] = []

    var definition: FormDefinition { base.definition }

    init(base: GenerationBase, model: FigureModel, random: SplitMix64, book: inout NameBook) {
        var random = random
        let basePlace = Self.place(of: base)
        let candidates = basePlace.map { Self.candidatePlaces(for: $0, definition: base.definition) } ?? []
        // A few draws for a place and industry whose applicant name the corpus
        // does not have yet; the last draw stands whatever it gives.
        var place = basePlace
        var industry = GenerationVocabulary.industries[0]
        var substitution = Substitution([])
        for attempt in 0..<8 {
            if !candidates.isEmpty { place = random.pick(candidates) }
            industry = random.pick(GenerationVocabulary.industries)
            substitution = Self.substitution(base: base, from: basePlace, to: place, industry: industry)
            let applicant = base.application["applicant_name"]?.text.map(substitution.apply) ?? ""
            if book.applicants.insert(applicant).inserted || attempt == 7 { break }
        }
        let baseDate = base.application["application_date"]?.date ?? CalendarDate(year: 2024, month: 6, day: 1)!
        self.base = base
        self.model = model
        self.place = place
        self.industry = industry
        self.substitution = substitution
        applicationDate = Self.shifted(baseDate, by: random.int(in: -45...45))
        self.random = random
        application = base.application
        declaration = base.declaration

        for field in definition.application.fields {
            guard let value = application[field.id] else { continue }
            application[field.id] = transform(field, value, book: &book)
        }
        application = model.vary(application, random: &self.random)
        for field in definition.declaration.fields {
            guard let value = declaration[field.id] else { continue }
            declaration[field.id] = transformDeclaration(field, value, book: &book)
        }
        recordRegistries()
    }

    // MARK: Place and words

    /// The base applicant's division, when the vocabulary knows it.
    static func place(of base: GenerationBase) -> Place? {
        guard let code = base.application["applicant_uscc"]?.text.map(USCC.normalize), code.count == 18 else { return nil }
        let region = String(Array(code)[2..<8])
        return GenerationVocabulary.places.first { $0.code == region }
    }

    /// Places of the base's level (city or county): inside a scheme's region
    /// rule when it has one (无锡 for Wuxi), else the base's province for a
    /// county, anywhere for a city.
    static func candidatePlaces(for old: Place, definition: FormDefinition) -> [Place] {
        let prefixes = definition.rules.flatMap { rule -> [String] in
            if case .region(let check) = rule.check { return check.divisionPrefixes }
            return []
        }
        return GenerationVocabulary.places.filter { place in
            guard place.isCity == old.isCity else { return false }
            if !prefixes.isEmpty { return prefixes.contains { place.code.hasPrefix($0) } }
            return old.isCity || place.provinceCode == old.provinceCode
        }
    }

    /// 工业机器人核心零部件 of 苏州市吴中区工业机器人核心零部件产业集群.
    static func clusterWord(of base: GenerationBase, place: Place?) -> String? {
        guard var text = base.application["cluster_name"]?.text ?? base.application["cluster_served"]?.text else { return nil }
        if let place {
            for prefix in [place.fullName, place.county, place.city].compactMap({ $0 }) where text.hasPrefix(prefix) {
                text.removeFirst(prefix.count)
                break
            }
        }
        for suffix in ["产业集群", "集群"] where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
            break
        }
        return text.isEmpty ? nil : text
    }

    static func substitution(base: GenerationBase, from old: Place?, to new: Place?, industry: Industry) -> Substitution {
        var pairs: [(String, String)] = []
        if let old, let new {
            pairs += [(old.fullName, new.formalName), (old.city, new.city), (old.cityShort, new.cityShort), (old.province, new.province)]
            if let a = old.county, let b = new.county { pairs.append((a, b)) }
            if let a = old.countyShort, let b = new.countyShort { pairs.append((a, b)) }
        }
        if let word = clusterWord(of: base, place: old) { pairs.append((word, industry.clusterWord)) }
        if let leading = base.application["leading_industry"]?.text { pairs.append((leading, industry.leadingIndustry)) }
        return Substitution(pairs)
    }

    /// Within the same year, between 1 February and 30 November, so that the
    /// series years stay the three before it and a recognition issued in any
    /// of them can still be valid.
    static func shifted(_ date: CalendarDate, by days: Int) -> CalendarDate {
        let moved = date.adding(days: days)
        let earliest = CalendarDate(year: date.year, month: 2, day: 1)!
        let latest = CalendarDate(year: date.year, month: 11, day: 30)!
        return min(max(moved, earliest), latest)
    }

    // MARK: Application

    private mutating func transform(_ field: FieldDefinition, _ value: FieldValue, book: inout NameBook) -> FieldValue {
        switch field.type {
        case .uscc:
            return value.text.map { .text(code(for: $0, book: &book)) } ?? value
        case .date:
            if field.id == "application_date" { return .date(applicationDate) }
            return value.date.map { .date($0.adding(days: -random.int(in: 0...1_500))) } ?? value
        case .list:
            return .list(rows(field, value.rows ?? [], book: &book))
        case .text:
            guard let text = value.text else { return value }
            switch field.id {
            case "applicant_name":
                let name = substitution.apply(text)
                names[text] = name
                return .text(name)
            case "operator_name": return .text(operatorName(replacing: text))
            case "legal_rep", "contact_name": return .text(person(text))
            case "contact_phone": return .text(phone(like: text))
            case "county": return .text(place?.fullName ?? substitution.apply(text))
            case "leading_industry": return .text(industry.leadingIndustry)
            case "niche": return .text(random.pick(industry.niches))
            case let id where id.hasSuffix("address"): return .text(address(replacing: text))
            default: return .text(substitution.apply(text))
            }
        default:
            return value
        }
    }

    private mutating func rows(_ field: FieldDefinition, _ rows: [[String: FieldValue]], book: inout NameBook) -> [[String: FieldValue]] {
        let columns = Set(field.columns.map(\.id))
        if field.columns.contains(where: { $0.type == .uscc }) { return rows.map { companyRow($0, field: field, book: &book) } }
        if columns.contains("level"), place != nil { return platformRows(rows, field: field) }
        if columns.isSuperset(of: ["number", "category"]) { return standardRows(rows, field: field) }
        return rows.map { row in
            var result = row
            for column in field.columns where column.type == .text {
                guard let text = row[column.id]?.text else { continue }
                result[column.id] = .text(column.id == "name" ? person(text) : substitution.apply(text))
            }
            return result
        }
    }

    /// An enterprise row: new name and code; a 高新技术企业 certificate
    /// (GR + year + province + serial) renumbered; the rest as it was.
    private mutating func companyRow(_ row: [String: FieldValue], field: FieldDefinition, book: inout NameBook) -> [String: FieldValue] {
        var result = row
        for column in field.columns {
            guard let text = row[column.id]?.text else { continue }
            switch column.type {
            case .uscc:
                result[column.id] = .text(code(for: text, book: &book))
            case .text where column.id == "name":
                let name = companyName(like: text, book: &book)
                names[text] = name
                companies.append(name)
                result[column.id] = .text(name)
            case .text where text.hasPrefix("GR") && text.count == 14:
                let year = row["year"]?.decimal.map { "\($0)" } ?? String(text.dropFirst(2).prefix(4))
                let province = place?.provinceCode ?? String(text.dropFirst(6).prefix(2))
                result[column.id] = .text("GR\(year)\(province)\(digits(6))")
            case .text:
                result[column.id] = .text(substitution.apply(text))
            default:
                continue
            }
        }
        return result
    }

    /// Platforms: a 国家级 one is a listed company's national enterprise
    /// technology centre; the others are named after the level's place and
    /// one of the industry's research fields.
    private mutating func platformRows(_ rows: [[String: FieldValue]], field: FieldDefinition) -> [[String: FieldValue]] {
        guard let place else { return rows }
        var topics = random.shuffled(industry.platformStems).map { ($0, random.pick(GenerationVocabulary.platformKinds)) }
        var hosts = companies
        return rows.map { row in
            var result = row
            let level = row["level"]?.text
            var host = hosts.isEmpty ? nil : hosts[random.below(hosts.count)]
            let name: String
            if level == "国家级", let chosen = hosts.first {
                host = chosen
                hosts.removeFirst()
                name = chosen + "国家企业技术中心"
            } else {
                let (stem, kind) = topics.isEmpty ? (random.pick(industry.platformStems), random.pick(GenerationVocabulary.platformKinds)) : topics.removeFirst()
                let prefix = switch level {
                case "市级": place.city
                case "县级": place.fullName
                default: place.province
                }
                name = prefix + stem + kind
            }
            if row["name"] != nil { result["name"] = .text(name) }
            for column in field.columns where column.type == .text && column.id != "name" {
                guard let text = row[column.id]?.text else { continue }
                result[column.id] = .text(column.id == "host" ? (host ?? names[text] ?? substitution.apply(text)) : substitution.apply(text))
            }
            return result
        }
    }

    /// Standards of the industry, numbered in their category's series and
    /// dated in the three years before the application.
    private mutating func standardRows(_ rows: [[String: FieldValue]], field: FieldDefinition) -> [[String: FieldValue]] {
        let titles = random.shuffled(industry.standards)
        let province = place?.provinceCode ?? "32"
        return rows.enumerated().map { index, row in
            var result = row
            let year = random.int(in: applicationDate.year - 3...applicationDate.year - 1)
            let number = switch row["category"]?.text {
            case "国家标准": "GB/T \(random.int(in: 40_000...44_999))-\(year)"
            case "行业标准": "\(industry.sectorStandard) \(random.int(in: 1_000...5_999))-\(year)"
            case "地方标准": "DB\(province)/T \(random.int(in: 1_000...4_999))-\(year)"
            case "团体标准": "\(random.pick(GenerationVocabulary.associationStandards)) \(padded(random.int(in: 1...199), 3))-\(year)"
            default: "Q/\(province)\(digits(4)) \(padded(random.int(in: 1...99), 3))-\(year)"
            }
            if row["name"] != nil { result["name"] = .text(titles[index % titles.count]) }
            if row["number"] != nil { result["number"] = .text(number) }
            return result
        }
    }

    // MARK: Declaration

    private mutating func transformDeclaration(_ field: FieldDefinition, _ value: FieldValue, book: inout NameBook) -> FieldValue {
        switch field.type {
        case .uscc:
            return value.text.map { .text(code(for: $0, book: &book)) } ?? value
        case .text:
            guard let text = value.text else { return value }
            return .text(names[text] ?? people[text] ?? substitution.apply(text))
        case .date:
            return .date(applicationDate.adding(days: -random.int(in: 0...10)))
        default:
            return value
        }
    }

    // MARK: Names, codes, people

    /// A new valid code like `old`: the same registration authority and
    /// organisation type (position 1–2), the new place's division, and an
    /// organisation code of the same style (MA…/MJ… or digits).
    mutating func code(for old: String, book: inout NameBook) -> String {
        if let new = codes[old] { return new }
        let characters = Array(USCC.normalize(old))
        guard characters.count == 18 else { return old }
        let region = place?.code ?? String(characters[2..<8])
        let body = characters[8..<16]
        let lettered = body.prefix(2).allSatisfy { $0.isLetter }
        for _ in 0..<1_000 {
            var organisation = lettered ? String(body.prefix(2)) : ""
            while organisation.count < 8 {
                organisation.append(lettered ? random.pick(USCC.alphabet) : Character(String(random.below(10))))
            }
            guard let generated = try? USCC.generate(registration: characters[0], type: characters[1],
                                                     region: region, organisation: organisation),
                  book.codes.insert(generated.code).inserted else { continue }
            codes[old] = generated.code
            return generated.code
        }
        return old
    }

    /// 常州 + 恒迈 + 伺服电机 + 有限公司, never one the corpus already has.
    private mutating func companyName(like old: String, book: inout NameBook) -> String {
        let suffix = old.hasSuffix("股份有限公司") ? "股份有限公司" : "有限公司"
        for attempt in 0..<400 {
            let prefix = place.map { random.chance(0.6) ? $0.cityShort : $0.localName } ?? String(old.prefix(2))
            var brand = ""
            while brand.count < (attempt < 200 ? 2 : 3) {
                let character = random.pick(GenerationVocabulary.brandCharacters)
                if !brand.contains(character) { brand.append(character) }
            }
            let name = prefix + brand + random.pick(industry.products) + suffix
            if book.companies.insert(name).inserted { return name }
        }
        return old
    }

    /// 协会 for a social organisation (code 5…), 管理委员会 for an organ (1…).
    private mutating func operatorName(replacing old: String) -> String {
        let authority = base.application["operator_uscc"]?.text?.first
        let templates = switch authority {
        case "5": ["产业协会", "行业协会", "产业发展促进会"]
        case "1": ["产业园区管理委员会", "产业园管理委员会"]
        default: ["产业发展服务中心"]
        }
        let name = (place?.fullName ?? "") + industry.clusterWord + random.pick(templates)
        names[old] = name
        return name
    }

    private mutating func person(_ old: String) -> String {
        if let new = people[old] { return new }
        var name = String(random.pick(GenerationVocabulary.surnames))
        for _ in 0..<(random.chance(0.75) ? 2 : 1) { name.append(random.pick(GenerationVocabulary.givenCharacters)) }
        people[old] = name
        return name
    }

    private mutating func phone(like old: String) -> String {
        let area = place?.areaCode ?? String(old.prefix { $0 != "-" })
        return "\(area)-\(random.int(in: 5...8))\(digits(7))"
    }

    private mutating func address(replacing old: String) -> String {
        if let new = addresses[old] { return new }
        guard let place else { return substitution.apply(old) }
        let districts = GenerationVocabulary.places.filter { $0.county != nil && $0.prefectureCode == place.prefectureCode }
        let district = place.county ?? (districts.isEmpty ? "" : random.pick(districts).county ?? "")
        var address = "\(place.province)\(place.city)\(district)\(random.pick(GenerationVocabulary.roads))\(random.int(in: 1...999))号"
        if random.chance(0.5) { address += "\(random.int(in: 1...12))号楼\(random.int(in: 1...20))\(padded(random.int(in: 1...30), 2))室" }
        addresses[old] = address
        return address
    }

    private mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(random.below(10))) })
    }

    private func padded(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    // MARK: Registries

    /// The entities a credit or grade rule names: a field pair, or a list's rows.
    func entities(_ reference: EntityReference) -> [(name: String?, code: String?)] {
        if let list = reference.list {
            return (application[list]?.rows ?? []).map { ($0[reference.name]?.text, $0[reference.uscc]?.text) }
                .filter { $0.0 != nil || $0.1 != nil }
        }
        let name = application[reference.name]?.text
        let code = application[reference.uscc]?.text
        return name == nil && code == nil ? [] : [(name, code)]
    }

    /// Every entity the credit rules name, rated A or B; every claimed
    /// recognition and listed platform, valid on the application date; the
    /// grades the form declares set to the registry's.
    private mutating func recordRegistries() {
        var rated: Set<String> = []
        for rule in definition.rules {
            switch rule.check {
            case .credit(let check):
                for reference in check.entities {
                    for entity in entities(reference) {
                        guard let key = entity.code ?? entity.name, rated.insert(key).inserted else { continue }
                        credit.append(CreditRecord(uscc: entity.code ?? "", name: entity.name ?? "",
                                                   grade: random.pick(["A+", "A", "A", "A-", "B+", "B"]),
                                                   evaluated: applicationDate.adding(days: -random.int(in: 15...120))))
                    }
                }
            case .certificates(let check):
                let listField = definition.application.field(check.list)
                for row in application[check.list]?.rows ?? [] {
                    guard let name = row[check.name]?.text else { continue }
                    let type: String
                    if let column = check.type, let id = row[column]?.text {
                        type = Self.registryLabel(listField?.column(column)?.option(id)?.label ?? id)
                    } else if let registryType = check.registryType {
                        type = Self.registryLabel(registryType.label)
                    } else {
                        continue
                    }
                    let year = check.year.flatMap { row[$0]?.decimal }.map { NSDecimalNumber(decimal: $0).intValue }
                        ?? random.int(in: applicationDate.year - 6...applicationDate.year - 1)
                    let number = check.number.flatMap { row[$0]?.text } ?? documentNumber(year: year)
                    addCertificate(uscc: check.uscc.flatMap { row[$0]?.text }, name: name, type: type, number: number, year: year)
                }
            case .recognition(let check):
                if let unless = check.unless, holds(unless) { continue }
                guard let name = application[check.name]?.text else { continue }
                let year = check.year.flatMap { application[$0]?.decimal }.map { NSDecimalNumber(decimal: $0).intValue }
                    ?? random.int(in: applicationDate.year - 3...applicationDate.year - 1)
                let number = check.number.flatMap { application[$0]?.text } ?? documentNumber(year: year)
                addCertificate(uscc: nil, name: name, type: Self.registryLabel(check.registryType.label), number: number, year: year)
            default:
                continue
            }
        }
        for rule in definition.rules {
            guard case .declaredGrade(let check) = rule.check, let entity = entities(check.entity).first,
                  let record = credit.first(where: { $0.uscc == (entity.code ?? "") && $0.name == (entity.name ?? "") }) else { continue }
            application[check.field] = .text(record.grade)
        }
    }

    private mutating func addCertificate(uscc: String?, name: String, type: String, number: String, year: Int) {
        guard !certificates.contains(where: { $0.uscc == uscc && $0.name == name && $0.type == type }) else { return }
        let (issued, validUntil) = validity(issuedIn: year)
        certificates.append(CertificateRecord(uscc: uscc, name: name, type: type, number: number, issued: issued, validUntil: validUntil))
    }

    /// An issue date in `year`, before the application, and three years'
    /// validity that still covers it when the year allows; otherwise no end.
    private mutating func validity(issuedIn year: Int) -> (CalendarDate, CalendarDate?) {
        let start = CalendarDate(year: year, month: 1, day: 1)!
        let end = CalendarDate(year: year, month: 12, day: 31)!
        let latest = min(end, applicationDate.adding(days: -1))
        let covering = max(start, applicationDate.adding(years: -3).adding(days: 1))
        if covering <= latest {
            let issued = covering.adding(days: random.int(in: 0...covering.days(to: latest)))
            return (issued, issued.adding(years: 3).adding(days: -1))
        }
        guard start <= latest else { return (start, nil) }
        return (start.adding(days: random.int(in: 0...start.days(to: latest))), nil)
    }

    private mutating func documentNumber(year: Int) -> String {
        let province = GenerationVocabulary.provinceAbbreviations[place?.provinceCode ?? ""] ?? ""
        return "\(province)科技〔\(year)〕\(random.int(in: 10...399))号"
    }

    func holds(_ condition: FieldCondition) -> Bool {
        switch (condition.equals, application[condition.field]) {
        case (.bool(let expected), .bool(let value)?): return expected == value
        case (.text(let expected), .text(let value)?): return expected == value
        default: return false
        }
    }

    /// Registries print 专精特新“小巨人” with curly quotes, as the published lists do.
    static func registryLabel(_ label: String) -> String {
        var opening = true
        return String(label.map { character -> Character in
            guard character == "\"" else { return character }
            defer { opening.toggle() }
            return opening ? "“" : "”"
        })
    }
}
