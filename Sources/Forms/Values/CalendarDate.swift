import Foundation

/// A day of the Gregorian calendar, with no time and no time zone: what an
/// application date or a certificate's 有效期至 means.
///
/// Day arithmetic counts days on the proleptic Gregorian calendar (Howard
/// Hinnant's days-from-civil algorithm), which is what Foundation's Gregorian
/// `Calendar` in UTC gives for every date a form can hold; `init(_:)` and
/// `date` convert through that calendar.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// `nil` when there is no such day (2024-02-30, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.daysInMonth(month, year: year)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads the ISO form "2024-05-10" exactly (what `iso` writes); use
    /// `DateParser` for dates as people type them.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(ValueCharacters.isDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The UTC day `date` falls on.
    public init(_ date: Date) {
        let parts = Self.utcCalendar.dateComponents([.year, .month, .day], from: date)
        self.init(dayNumber: Self.dayNumber(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1))
    }

    /// Midnight UTC at the start of the day.
    public var date: Date {
        Date(timeIntervalSince1970: TimeInterval(dayNumber) * 86_400)
    }

    /// "2024-05-10".
    public var iso: String {
        let yyyy = String(year).leftPadded(to: 4)
        return "\(yyyy)-\(String(month).leftPadded(to: 2))-\(String(day).leftPadded(to: 2))"
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: - Arithmetic

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// The same day `months` later; a day the target month lacks becomes its
    /// last day (2024-01-31 + 1 month = 2024-02-29), as Foundation's Calendar does.
    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        let newDay = min(day, Self.daysInMonth(newMonth, year: newYear))
        return CalendarDate(unchecked: newYear, newMonth, newDay)
    }

    /// The same day `years` later; 29 February becomes 28 February in a common
    /// year (a certificate issued 2020-02-29 for 3 years runs to 2023-02-28).
    public func adding(years: Int) -> CalendarDate {
        adding(months: years * 12)
    }

    /// Days from `self` to `other`: positive when `other` is later.
    public func days(to other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// Whole years from `self` to `other`, counted as anniversaries pass.
    public func years(to other: CalendarDate) -> Int {
        var years = other.year - year
        if years > 0, adding(years: years) > other { years -= 1 }
        if years < 0, adding(years: years) < other { years += 1 }
        return years
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: - Codable as the ISO string

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO date (YYYY-MM-DD): \(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    // MARK: - Day numbers

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01.
    var dayNumber: Int { Self.dayNumber(year: year, month: month, day: day) }

    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
