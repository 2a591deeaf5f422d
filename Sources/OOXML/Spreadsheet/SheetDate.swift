import Foundation

/// A day named by a spreadsheet: a date serial converted in the workbook's
/// date system, or an ISO date cell. OOXML knows no `CalendarDate` (that is
/// Forms'), so it hands over the plain year, month and day.
public struct SheetDate: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `serial` stands for; the fraction (time of day) is dropped.
    ///
    /// 1900 system (ECMA-376 Part 1, 18.17.4.1): serial 1 is 1900-01-01, and
    /// serial 60 is the 1900-02-29 that Lotus 1-2-3 invented and Excel kept
    /// for compatibility, so it names no day; from 61 on the serials count
    /// from 1899-12-30. 1904 system: serial 0 is 1904-01-01. Serials below
    /// the first day or after 9999-12-31 give nil.
    public init?(serial: Double, date1904: Bool) {
        guard serial.isFinite else { return nil }
        let whole = serial.rounded(.down)
        let dayNumber: Int
        if date1904 {
            guard whole >= 0, whole <= 2_957_003 else { return nil }
            dayNumber = Self.epoch1904 + Int(whole)
        } else {
            guard whole >= 1, whole <= 2_958_465, whole != 60 else { return nil }
            dayNumber = (whole < 60 ? Self.epoch1900Early : Self.epoch1900) + Int(whole)
        }
        self = Self(dayNumber: dayNumber)
    }

    /// Reads the date part of an ISO 8601 value ("2023-05-10", "2023-05-10T00:00:00").
    init?(iso text: String) {
        let datePart = text.prefix(10)
        let parts = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard datePart.count == 10, parts.count == 3,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...Self.daysInMonth(month, year: year)).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// "2023-05-10".
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    // Days since 1970-01-01 of the day *before* serial 1 (or of serial 0).
    private static let epoch1900 = -25_569       // 1899-12-30
    private static let epoch1900Early = -25_568  // 1899-12-31
    private static let epoch1904 = -24_107       // 1904-01-01

    /// Howard Hinnant's civil-from-days, on the proleptic Gregorian calendar.
    private init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
