import Foundation
import Forms
import OOXML

/// A column a registry file must or may have, found by its label or an alias.
struct RegistryColumn: Sendable {
    let label: String
    let aliases: [String]
    let required: Bool

    init(_ label: String, aliases: [String] = [], required: Bool = true) {
        self.label = label
        self.aliases = aliases
        self.required = required
    }

    /// Header cells compare by `TextNormalizer.labelKey`, with or without a
    /// trailing parenthesis ("统一社会信用代码（18位）").
    func matches(_ header: String) -> Bool {
        let keys = [TextNormalizer.labelKey(header), TextNormalizer.labelKeyWithoutUnit(header)]
        return ([label] + aliases).contains { keys.contains(TextNormalizer.labelKey($0)) }
    }
}

/// The header row of a registry file and where each known column sits.
struct RegistryLayout {
    let file: String
    let headerRow: Int
    /// Column index and the header as the file writes it, by canonical label.
    private let positions: [String: (index: Int, header: String)]
    /// How many columns the header names (CSV rows may not have more fields).
    let width: Int

    /// Finds the header: the first non-blank row, or, when a title row sits
    /// above it, the first of the leading rows that names every required
    /// column. Errors name the first non-blank row.
    init(table: RegistryTable, columns: [RegistryColumn]) throws {
        file = table.file
        guard let first = table.rows.first else { throw RegistryError.emptyFile(file: table.file) }
        let candidates = table.rows.prefix(10)
        let chosen = candidates.first { row in
            columns.filter(\.required).allSatisfy { column in row.cells.values.contains { column.matches($0.text) } }
        } ?? first
        headerRow = chosen.number
        width = chosen.width

        var positions: [String: (index: Int, header: String)] = [:]
        for column in columns {
            let matching = chosen.cells.filter { column.matches($0.value.text) }.sorted { $0.key < $1.key }
            if matching.count > 1 {
                throw RegistryError.duplicateColumn(
                    file: file, headerRow: headerRow, column: column.label,
                    headers: matching.map { TextNormalizer.normalize($0.value.text) })
            }
            if let (index, cell) = matching.first {
                positions[column.label] = (index, TextNormalizer.normalize(cell.text))
            }
        }
        let missing = columns.filter { $0.required && positions[$0.label] == nil }.map(\.label)
        if !missing.isEmpty {
            throw RegistryError.missingColumns(file: file, headerRow: headerRow, columns: missing)
        }
        self.positions = positions
    }

    /// The rows after the header; an error when there are none.
    func dataRows(of table: RegistryTable) throws -> [RegistryRow] {
        let rows = table.rows.filter { $0.number > headerRow }
        if rows.isEmpty { throw RegistryError.noRows(file: file, headerRow: headerRow) }
        if table.format == .csv, let wide = rows.first(where: { $0.width > width }) {
            throw RegistryError.extraFields(file: file, row: wide.number, fields: wide.width, columns: width)
        }
        return rows
    }

    func has(_ column: RegistryColumn) -> Bool { positions[column.label] != nil }

    /// Reads the cells of one data row.
    func cells(_ row: RegistryRow) -> RowReader {
        RowReader(layout: self, row: row)
    }

    struct RowReader {
        let layout: RegistryLayout
        let row: RegistryRow

        private func fail(_ column: RegistryColumn, _ problem: CellProblem) -> RegistryError {
            .invalidCell(file: layout.file, row: row.number, column: layout.header(column), problem: problem)
        }

        private func cell(_ column: RegistryColumn) -> RegistryCell? {
            layout.positions[column.label].flatMap { row[$0.index] }
        }

        /// The text, trimmed and normalised; nil when blank or a no-value
        /// marker ("/", "—", "无").
        func text(_ column: RegistryColumn) -> String? {
            guard let cell = cell(column), !EmptyMarker.isEmpty(cell.text) else { return nil }
            return TextNormalizer.normalize(cell.text)
        }

        func requiredText(_ column: RegistryColumn) throws -> String {
            guard let text = text(column) else { throw fail(column, .empty) }
            return text
        }

        /// A code, or nil when the cell is empty (an entity without one).
        func uscc(_ column: RegistryColumn) throws -> USCC? {
            guard let cell = cell(column), !EmptyMarker.isEmpty(cell.text) else { return nil }
            do {
                return try USCC(cell.text)
            } catch {
                throw fail(column, .invalidUSCC(text: TextNormalizer.normalize(cell.text), failure: error))
            }
        }

        func grade(_ column: RegistryColumn) throws -> CreditGrade {
            let text = try requiredText(column)
            guard let grade = CreditGrade(text) else { throw fail(column, .unknownGrade(text)) }
            return grade
        }

        func certificateType(_ column: RegistryColumn) throws -> CertificateType {
            let text = try requiredText(column)
            guard let type = CertificateType(label: text) else { throw fail(column, .unknownCertificateType(text)) }
            return type
        }

        /// A date as registries hold it. A year alone ("2021", "2021年") is
        /// that year's 1 January, or with `yearMeansEnd` its 31 December.
        /// In a workbook, a date-formatted number is read in the workbook's
        /// date system, and an unformatted whole number that is neither a
        /// year nor yyyymmdd is taken for a date serial.
        func date(_ column: RegistryColumn, yearMeansEnd: Bool = false) throws -> CalendarDate? {
            guard let cell = cell(column) else { return nil }
            let shown = TextNormalizer.normalize(cell.text)
            if cell.date != nil || (cell.isDateFormatted && cell.number != nil) {
                guard let day = cell.date, let date = CalendarDate(year: day.year, month: day.month, day: day.day) else {
                    throw fail(column, .invalidDate(text: shown, failure: .invalidDate))
                }
                return date
            }
            let parser = DateParser()
            let text = Self.withoutTimeOfDay(cell.text)
            let failure: ValueFailure
            switch parser.parse(text) {
            case .value(let date): return date
            case .empty: return nil
            case .failure(let reason): failure = reason
            }
            if case .value(let year) = parser.parseYear(text) {
                return yearMeansEnd ? CalendarDate(year: year, month: 12, day: 31) : CalendarDate(year: year, month: 1, day: 1)
            }
            if let number = cell.number, number == number.rounded(.down) {
                guard let day = SheetDate(serial: number, date1904: cell.date1904),
                      let date = CalendarDate(year: day.year, month: day.month, day: day.day) else {
                    throw fail(column, .invalidDate(text: shown, failure: .invalidDate))
                }
                return date
            }
            throw fail(column, .invalidDate(text: shown, failure: failure))
        }

        /// "2023-05-10 00:00:00" → "2023-05-10": exports from databases and
        /// pandas write a midnight time after the date.
        static func withoutTimeOfDay(_ text: String) -> String {
            let compact = TextNormalizer.normalize(text)
            guard let split = compact.lastIndex(where: { $0 == " " || $0 == "T" }) else { return text }
            let time = compact[compact.index(after: split)...]
            let parts = time.split(separator: ":", omittingEmptySubsequences: false)
            let isTime = (2...3).contains(parts.count)
                && parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } }
            return isTime ? String(compact[..<split]) : text
        }
    }

    /// The column's header as the file writes it (the canonical label when absent).
    func header(_ column: RegistryColumn) -> String {
        positions[column.label]?.header ?? column.label
    }
}
