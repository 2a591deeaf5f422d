import Foundation

/// What reading one cell gave: a value, *no value* (an empty cell or a marker
/// such as "/" or "不适用"), or a failure saying why the text is not a value.
/// Extraction leaves both `.empty` and `.failure` out of `fields`; only a
/// failure is listed in `problems`.
public enum ParsedValue<Value: Sendable>: Sendable {
    case value(Value)
    case empty
    case failure(ValueFailure)

    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    public var failure: ValueFailure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }

    public var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }

    public func map<Other: Sendable>(_ transform: (Value) -> Other) -> ParsedValue<Other> {
        switch self {
        case .value(let value): return .value(transform(value))
        case .empty: return .empty
        case .failure(let failure): return .failure(failure)
        }
    }

    public func flatMap<Other: Sendable>(_ transform: (Value) -> ParsedValue<Other>) -> ParsedValue<Other> {
        switch self {
        case .value(let value): return transform(value)
        case .empty: return .empty
        case .failure(let failure): return .failure(failure)
        }
    }
}

extension ParsedValue: Equatable where Value: Equatable {}
extension ParsedValue: Hashable where Value: Hashable {}

/// Why a cell's text is not a value of the field's kind.
///
/// `reason` is the short English phrase the `extract` JSON puts in
/// `problems[].reason`; `errorDescription` is the sentence a reviewer reads.
public enum ValueFailure: Error, LocalizedError, Hashable, Sendable {
    /// No Arabic number in the text ("约三成", "较多").
    case notANumber
    /// A number hedged by 约, 左右, 余, 以上, ≈ …: not a declared figure.
    case approximate
    /// Two bounds ("40-50", "40至50"): not a single figure.
    case range
    /// More than one number where one is expected ("40 50", "40,50").
    case multipleNumbers
    /// A fraction where a count is expected ("12.5" 家).
    case notAnInteger
    /// Text after the number that is no known unit ("40斤").
    case unknownUnit(String)
    /// A unit of another kind than the field's ("45%" for 亿元).
    case unitMismatch(found: String, expected: String)
    /// Not written as a date at all.
    case notADate
    /// A year and month, or a year alone, where a full date is expected.
    case incompleteDate
    /// Written as a date, but no such day exists ("2024-02-30", "2024年13月1日").
    case invalidDate
    /// A year outside the range the parser accepts (a typo such as "0224年").
    case implausibleYear(Int)
    /// Not a four-digit year.
    case notAYear
    /// Not a yes/no answer.
    case notYesNo
    /// Options with boxes where none, or more than one, is ticked.
    case ambiguousChoice
    /// Not one of the field's options.
    case notAnOption
    /// Not a valid 统一社会信用代码; the associated value says which check failed.
    case invalidUSCC(USCCFailure)

    /// Short English phrase for `problems[].reason`.
    public var reason: String {
        switch self {
        case .notANumber: return "not a number"
        case .approximate: return "approximate value"
        case .range: return "range, not a single number"
        case .multipleNumbers: return "more than one number"
        case .notAnInteger: return "not an integer"
        case .unknownUnit: return "unknown unit"
        case .unitMismatch: return "unit mismatch"
        case .notADate: return "not a date"
        case .incompleteDate: return "incomplete date"
        case .invalidDate: return "no such date"
        case .implausibleYear: return "implausible year"
        case .notAYear: return "not a year"
        case .notYesNo: return "not yes or no"
        case .ambiguousChoice: return "ambiguous choice"
        case .notAnOption: return "not one of the options"
        case .invalidUSCC(let failure): return failure.reason
        }
    }

    public var errorDescription: String? {
        switch self {
        case .notANumber: return "填写内容不是数字"
        case .approximate: return "填写的是约数，应填写确切数值"
        case .range: return "填写的是数值区间，应填写单一数值"
        case .multipleNumbers: return "填写了多个数值，应填写单一数值"
        case .notAnInteger: return "应填写整数"
        case .unknownUnit(let unit): return "无法识别的单位“\(unit)”"
        case let .unitMismatch(found, expected): return "单位“\(found)”与应填单位“\(expected)”不符"
        case .notADate: return "填写内容不是日期"
        case .incompleteDate: return "日期不完整，应填写年月日"
        case .invalidDate: return "日期不存在"
        case .implausibleYear(let year): return "年份\(year)不合理"
        case .notAYear: return "填写内容不是年份"
        case .notYesNo: return "应填写“是”或“否”"
        case .ambiguousChoice: return "选项勾选不明确（勾选了多项）"
        case .notAnOption: return "填写内容不是可选项之一"
        case .invalidUSCC(let failure): return failure.errorDescription
        }
    }
}
