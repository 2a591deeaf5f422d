/// A generated batch: the submissions, and the registry rows that make
/// them check out (every entity rated, every claimed recognition listed).
public struct GeneratedCorpus: Sendable {
    public let seed: UInt64
    public let submissions: [GeneratedSubmission]
    public let credit: [CreditRecord]
    public let certificates: [CertificateRecord]
}

/// One generated submission: the values its two documents are filled with,
/// and what was planted in them.
public struct GeneratedSubmission: Sendable {
    public enum Format: String, Sendable {
        case word = "docx"
        /// The project's form-instance XML (`forms/form-instance.xsd`).
        case formInstance = "xml"
    }

    /// "0042-jiangsu": the folder name, in generation order.
    public let id: String
    /// The clean data set it was varied from ("jiangsu").
    public let base: String
    public let definition: FormDefinition
    public internal(set) var application: [String: FieldValue]
    public internal(set) var declaration: [String: FieldValue]
    public let applicationFormat: Format
    /// Empty for a clean submission, which reviews as `pass`.
    public internal(set) var defects: [PlantedDefect]

    public var applicationFile: String { "申报书.\(applicationFormat.rawValue)" }
    public static let declarationFile = "责任声明.docx"
}

/// A defect planted on purpose, for the answer key (`planted-defects.csv`).
public struct PlantedDefect: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable {
        /// A threshold missed by a hair (39.8 against 40 以上; exactly 5 against 高于 5).
        case thresholdMissed = "threshold_missed"
        /// A negative-list item answered 是.
        case negativeAnswered = "negative_yes"
        /// A declared share 3 points off what its figures give.
        case shareOff = "share_off"
        /// The declaration speaks for another unit.
        case declarationName = "declaration_name"
        /// The declaration is not signed.
        case signatoryMissing = "signatory_missing"
        /// A 统一社会信用代码 whose 18th character is wrong (the registries hold the right one).
        case checkCharacter = "uscc_check_character"
        /// A required field left blank.
        case fieldDropped = "field_dropped"
        /// An entity the credit registry rates C+ or below.
        case creditGrade = "credit_grade"
    }

    public let kind: Kind
    /// The field (or list) it is in.
    public let field: String
    /// What was done, in the words a reviewer would use.
    public let detail: String
}

/// A row of the generated `credit.csv`.
public struct CreditRecord: Sendable, Hashable {
    public let uscc: String
    public let name: String
    public internal(set) var grade: String
    public let evaluated: CalendarDate
}

/// A row of the generated `certificates.csv`.
public struct CertificateRecord: Sendable, Hashable {
    /// nil for a platform or a recognised cluster, found by name.
    public let uscc: String?
    public let name: String
    /// The registry's 资质类型, e.g. 专精特新“小巨人”.
    public let type: String
    public let number: String
    public let issued: CalendarDate
    public let validUntil: CalendarDate?
}
