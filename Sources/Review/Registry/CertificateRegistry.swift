import Foundation
import Forms
import OOXML

/// One row of the certificate registry.
public struct CertificateEntry: Hashable, Sendable, RegistryEntry {
    /// nil for an entity that has no code (a recognised cluster, a platform);
    /// such a row is found by name.
    public let uscc: USCC?
    public let name: String
    public let type: CertificateType
    /// 证书编号 / 认定文号; nil when the cell is empty (the registry's column
    /// is required, its cells are not: some lists publish no number).
    public let number: String?
    /// 认定日期; a year alone is that year's 1 January.
    public let issuedOn: CalendarDate
    /// 有效期至 as the registry records it; a year alone is that year's 31 December.
    public let recordedValidUntil: CalendarDate?
    public let file: String
    public let row: Int
    public let nameKey: String

    public init(uscc: USCC?, name: String, type: CertificateType, number: String? = nil,
                issuedOn: CalendarDate, recordedValidUntil: CalendarDate? = nil,
                file: String = "certificates", row: Int = 0) {
        self.uscc = uscc
        self.name = name
        self.type = type
        self.number = number
        self.issuedOn = issuedOn
        self.recordedValidUntil = recordedValidUntil
        self.file = file
        self.row = row
        self.nameKey = EntityName.key(name)
    }

    /// The last day the recognition is valid: 有效期至 when recorded; for a
    /// 高新技术企业 without one, the day before the third anniversary of
    /// 认定日期 (issued 2021-12-15, valid through 2024-12-14: the certificate's
    /// 有效期三年 counted as whole years from the day of issue); otherwise nil,
    /// no end recorded.
    public var validUntil: CalendarDate? {
        if let recordedValidUntil { return recordedValidUntil }
        guard type == .hnte else { return nil }
        return issuedOn.adding(years: 3).adding(days: -1)
    }

    /// True when `date` falls between 认定日期 and `validUntil`, both included.
    /// A recognition issued after `date` was not held on it.
    public func isValid(on date: CalendarDate) -> Bool {
        guard date >= issuedOn else { return false }
        guard let validUntil else { return true }
        return date <= validUntil
    }
}

/// The certificate registry (`certificates.csv` or `certificates.xlsx`),
/// read once and indexed by code and by normalised name.
public struct CertificateRegistry: Sendable {
    public let file: String
    /// "GB18030" when a CSV was read in that encoding, nil for UTF-8 and XLSX.
    public let encoding: String?
    private let index: EntityIndex<CertificateEntry>

    static let columns = (
        uscc: RegistryColumn("统一社会信用代码"),
        name: RegistryColumn("名称", aliases: ["企业名称", "单位名称"]),
        type: RegistryColumn("资质类型", aliases: ["类型", "认定类型"]),
        number: RegistryColumn("证书编号", aliases: ["认定文号", "编号"]),
        issued: RegistryColumn("认定日期", aliases: ["发证日期"]),
        validUntil: RegistryColumn("有效期至", required: false)
    )

    public init(entries: [CertificateEntry], file: String = "certificates", encoding: String? = nil) {
        self.file = file
        self.encoding = encoding
        index = EntityIndex(entries)
    }

    /// Reads `url` (.csv or .xlsx). Throws `RegistryError` naming the file,
    /// row and column of the first row that cannot be read.
    public static func load(_ url: URL, limits: ReadLimits = .standard) throws -> CertificateRegistry {
        try CertificateRegistry(
            data: RegistryFile.contents(of: url, limits: limits), file: url.lastPathComponent, limits: limits)
    }

    /// Reads registry bytes; `file` names them and its extension gives the format.
    public init(data: Data, file: String, limits: ReadLimits = .standard) throws {
        let table = try RegistryTable.read(data: data, file: file, limits: limits)
        let columns = Self.columns
        let layout = try RegistryLayout(
            table: table,
            columns: [columns.uscc, columns.name, columns.type, columns.number, columns.issued, columns.validUntil])
        var entries: [CertificateEntry] = []
        for row in try layout.dataRows(of: table) {
            let cells = layout.cells(row)
            let uscc = try cells.uscc(columns.uscc)
            let name = try cells.requiredText(columns.name)
            let type = try cells.certificateType(columns.type)
            let number = cells.text(columns.number)
            guard let issued = try cells.date(columns.issued) else {
                throw RegistryError.invalidCell(
                    file: file, row: row.number, column: layout.header(columns.issued), problem: .empty)
            }
            let validUntil = layout.has(columns.validUntil) ? try cells.date(columns.validUntil, yearMeansEnd: true) : nil
            if let validUntil, validUntil < issued {
                throw RegistryError.invalidCell(
                    file: file, row: row.number, column: layout.header(columns.validUntil),
                    problem: .validUntilBeforeIssue(validUntil: validUntil, issued: issued))
            }
            entries.append(CertificateEntry(
                uscc: uscc, name: name, type: type, number: number, issuedOn: issued,
                recordedValidUntil: validUntil, file: file, row: row.number))
        }
        self.init(entries: entries, file: file, encoding: table.encoding)
    }

    /// Every row, in file order.
    public var entries: [CertificateEntry] { index.entries }

    /// Every recognition recorded under this code, of any type.
    public func certificates(uscc: USCC) -> [CertificateEntry] { index.entries(uscc: uscc) }

    /// Every recognition recorded under this name (compared by `EntityName.key`).
    public func certificates(name: String) -> [CertificateEntry] { index.entries(name: name) }

    /// Rows with this code but another name (an `identity` finding).
    public func certificates(uscc: USCC, nameOtherThan name: String) -> [CertificateEntry] {
        index.entries(uscc: uscc, nameOtherThan: name)
    }

    /// Rows with this name but another code (an `identity` finding).
    public func certificates(name: String, usccOtherThan uscc: USCC) -> [CertificateEntry] {
        index.entries(name: name, usccOtherThan: uscc)
    }
}
