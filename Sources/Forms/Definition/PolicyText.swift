import Foundation

/// A policy's text indexed by article and item, so that a citation can be
/// checked and the opinion can quote what it cites.
///
/// An article starts on a line beginning 第…条; it runs to the next article
/// or chapter (第…章). Its items are the lines beginning （一）/(一); where an
/// article has none, lines beginning 1. / 1．/ 1、 are its items (the Wuxi
/// measures number them so).
public struct PolicyText: Hashable, Sendable {
    public struct Article: Hashable, Sendable {
        public let number: Int
        /// The article's lines, from 第…条 on.
        public let text: String
        /// Item number → the item's lines.
        public let items: [Int: String]
    }

    public let articles: [Int: Article]

    public init(_ text: String) {
        var articles: [Int: Article] = [:]
        var current: (number: Int, lines: [String])?

        func close() {
            guard let (number, lines) = current else { return }
            // A second article with the same number (a quoted or repeated
            // heading) does not replace the first.
            if articles[number] == nil {
                articles[number] = Article(number: number, text: lines.joined(separator: "\n"), items: Self.items(in: lines))
            }
            current = nil
        }

        for rawLine in text.components(separatedBy: .newlines) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if let number = Self.heading(line, marker: "条") {
                close()
                current = (number, [line])
            } else if Self.heading(line, marker: "章") != nil {
                close()
            } else if !line.isEmpty {
                current?.lines.append(line)
            }
        }
        close()
        self.articles = articles
    }

    public func article(_ number: Int) -> Article? {
        articles[number]
    }

    /// The text a citation points at: the item's lines, or the whole article.
    public func text(of citation: Citation) -> String? {
        guard let article = articles[citation.article] else { return nil }
        guard let item = citation.item else { return article.text }
        return article.items[item]
    }

    public func contains(_ citation: Citation) -> Bool {
        text(of: citation) != nil
    }

    /// The number of a 第…条 / 第…章 heading at the start of `line` (Chinese
    /// or Arabic numerals: 第3章).
    static func heading(_ line: String, marker: Character) -> Int? {
        guard line.first == "第", let end = line.firstIndex(of: marker) else { return nil }
        let numeral = line[line.index(after: line.startIndex)..<end]
        guard !numeral.isEmpty, numeral.count <= 5 else { return nil }
        return Int(numeral) ?? ChineseNumeral.value(numeral)
    }

    private static func items(in lines: [String]) -> [Int: String] {
        let bracketed = split(lines.dropFirst(), by: bracketedItemNumber)
        return bracketed.isEmpty ? split(lines.dropFirst(), by: arabicItemNumber) : bracketed
    }

    private static func split(_ lines: ArraySlice<String>, by number: (String) -> Int?) -> [Int: String] {
        var items: [Int: String] = [:]
        var current: (number: Int, lines: [String])?
        for line in lines {
            if let value = number(line) {
                if let (previous, text) = current, items[previous] == nil {
                    items[previous] = text.joined(separator: "\n")
                }
                current = (value, [line])
            } else {
                current?.lines.append(line)
            }
        }
        if let (previous, text) = current, items[previous] == nil {
            items[previous] = text.joined(separator: "\n")
        }
        return items
    }

    /// （一） or (一) at the start of a line.
    private static func bracketedItemNumber(_ line: String) -> Int? {
        guard let first = line.first, first == "（" || first == "(" else { return nil }
        guard let close = line.firstIndex(where: { $0 == "）" || $0 == ")" }) else { return nil }
        let numeral = line[line.index(after: line.startIndex)..<close]
            .trimmingCharacters(in: .whitespaces)
        guard numeral.count <= 3 else { return nil }
        return ChineseNumeral.value(numeral)
    }

    /// 1. / 1．/ 1、 at the start of a line.
    private static func arabicItemNumber(_ line: String) -> Int? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2 else { return nil }
        let after = line.dropFirst(digits.count).first
        guard after == "." || after == "．" || after == "、" else { return nil }
        return Int(digits)
    }
}
