import Foundation
import Forms
import OOXML

/// One row of the credit registry.
public struct CreditEntry: Hashable, Sendable, RegistryEntry {
    /// nil for an entity that has no code; such a row is found by name.
    public let uscc: USCC?
    /// As the registry writes it, normalised (width, spaces, quotes).
    public let name: String
    public let grade: CreditGrade
    /// 评价日期, when the registry has the column and the cell is filled.
    public let evaluatedOn: CalendarDate?
    /// Where the row is, for findings: "credit.csv", 17.
    public let file: String
    public let row: Int
    public let nameKey: String

    public init(uscc: USCC?, name: String, grade: CreditGrade, evaluatedOn: CalendarDate? = nil,
                file: String = "credit", row: Int = 0) {
        self.uscc = uscc
        self.name = name
        self.grade = grade
        self.evaluatedOn = evaluatedOn
        self.file = file
        self.row = row
        self.nameKey = EntityName.key(name)
    }
}

/// The credit registry (`credit.csv` or `credit.xlsx`), read once and
/// indexed by code and by normalised name.
public struct CreditRegistry: Sendable {
    /// The file's name as messages give it.
    public let file: String
    /// "GB18030" when a CSV was read in that encoding, nil for UTF-8 and XLSX.
    public let encoding: String?
    private let index: EntityIndex<CreditEntry>

    static let columns = (
        uscc: RegistryColumn("统一社会信用代码"),
        name: RegistryColumn("名称", aliases: ["单位名称", "企业名称"]),
        grade: RegistryColumn("信用等级", aliases: ["评价等级", "等级"]),
        date: RegistryColumn("评价日期", required: false)
    )

    public init(entries: [CreditEntry], file: String = "credit", encoding: String? = nil) {
        self.file = file
        self.encoding = encoding
        index = EntityIndex(entries)
    }

    /// Reads `url` (.csv or .xlsx). Throws `RegistryError` naming the file,
    /// row and column of the first row that cannot be read.
    public static func load(_ url: URL, limits: ReadLimits = .standard) throws -> CreditRegistry {
        try CreditRegistry(data: RegistryFile.contents(of: url, limits: limits), file: url.lastPathComponent, limits: limits)
    }

    /// Reads registry bytes; `file` names them and its extension gives the format.
    public init(data: Data, file: String, limits: ReadLimits = .standard) throws {
        let table = try RegistryTable.read(data: data, file: file, limits: limits)
        let columns = Self.columns
        let layout = try RegistryLayout(table: table, columns: [columns.uscc, columns.name, columns.grade, columns.date])
        var entries: [CreditEntry] = []
        for row in try layout.dataRows(of: table) {
            let cells = layout.cells(row)
            let uscc = try cells.uscc(columns.uscc)
            let name = try cells.requiredText(columns.name)
            let grade = try cells.grade(columns.grade)
            let date = layout.has(columns.date) ? try cells.date(columns.date) : nil
            entries.append(CreditEntry(uscc: uscc, name: name, grade: grade, evaluatedOn: date, file: file, row: row.number))
        }
        self.init(entries: entries, file: file, encoding: table.encoding)
    }

    /// Every row, in file order.
    public var entries: [CreditEntry] { index.entries }

    /// Every row with this code (an entity may be rated more than once).
    public func credit(uscc: USCC) -> [CreditEntry] { index.entries(uscc: uscc) }

    /// Every row with this name, compared by `EntityName.key`.
    public func credit(name: String) -> [CreditEntry] { index.entries(name: name) }

    /// Rows with this code but another name (an `identity` finding).
    public func credit(uscc: USCC, nameOtherThan name: String) -> [CreditEntry] {
        index.entries(uscc: uscc, nameOtherThan: name)
    }

    /// Rows with this name but another code (an `identity` finding).
    public func credit(name: String, usccOtherThan uscc: USCC) -> [CreditEntry] {
        index.entries(name: name, usccOtherThan: uscc)
    }
}
