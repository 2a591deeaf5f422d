import Foundation

/// An A1-style cell reference: "C17" is column 2 (0-based), row 17.
public struct CellReference: Hashable, Sendable, CustomStringConvertible {
    /// 0-based: A = 0, Z = 25, AA = 26, XFD = 16383.
    public let column: Int
    /// 1-based, as the spreadsheet shows it.
    public let row: Int

    /// Excel's grid: 16,384 columns (A…XFD) by 1,048,576 rows.
    public static let maxColumns = 16_384
    public static let maxRows = 1_048_576

    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Parses "C17", "$C$17", "c17"; nil for anything else or outside the grid.
    public init?(_ text: String) {
        var column = 0
        var letters = 0
        var row = 0
        var digits = 0
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar {
            case "A"..."Z", "a"..."z":
                guard digits == 0, letters < 3 else { return nil }
                let upper = scalar.properties.uppercaseMapping.unicodeScalars.first?.value ?? scalar.value
                column = column * 26 + Int(upper - 64)
                letters += 1
            case "0"..."9":
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(scalar.value - 48)
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, (1...Self.maxColumns).contains(column), (1...Self.maxRows).contains(row) else {
            return nil
        }
        self.init(column: column - 1, row: row)
    }

    /// The column letters of a 0-based index: 0 → "A", 27 → "AB".
    public static func columnName(_ column: Int) -> String {
        var scalars: [Unicode.Scalar] = []
        var remaining = column + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(65 + digit)))
            remaining = (remaining - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    /// "C17".
    public var description: String { Self.columnName(column) + String(row) }
}
