import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif
#if canImport(CZlib)
// ZIPFoundation's zlib module on Linux (reached through OOXML → ZIPFoundation).
import CZlib
#endif
import Forms
import OOXML

// A seeded mutation engine for the fuzz tests and `scripts/fuzz`: every
// mutated input is a pure function of (seed, stream), so a failure found by a
// long run is reproduced by its seed and iteration alone. Below the engine:
// what a run is configured by (FuzzConfiguration), the seeds (FuzzCorpus),
// how a document is put through the reader and extractor (DocumentFuzzTarget,
// FuzzOutcome), the tally (FuzzReport), and a probe for an input shape that
// hung an earlier version (FixedHang), which its test uses to show that the
// input is of that shape.

/// The fuzzer's random source: the generator's SplitMix64 (a seed names the
/// same input on every machine and toolchain), with the draws a mutation
/// needs — `below` answers 0 for an empty range instead of stopping.
public struct MutationRandom: Sendable {
    private var generator: SplitMix64

    public init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    /// An independent stream for iteration `stream` of a run seeded with `seed`.
    public init(seed: UInt64, stream: Int) {
        generator = SplitMix64(seed: seed, stream: stream)
    }

    public mutating func next() -> UInt64 {
        generator.next()
    }

    /// A number in 0..<`bound` (0 when `bound` ≤ 0).
    public mutating func below(_ bound: Int) -> Int {
        bound > 0 ? generator.below(bound) : 0
    }

    /// True `numerator` times in `denominator`.
    public mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
        below(denominator) < numerator
    }

    public mutating func pick<T>(_ items: [T]) -> T {
        generator.pick(items)
    }

    /// A length from 1 to `maximum`, short lengths far more likely than long.
    public mutating func length(upTo maximum: Int) -> Int {
        guard maximum > 1 else { return 1 }
        let scale = 1 << below(Int.bitWidth - (maximum).leadingZeroBitCount)
        return 1 + below(min(scale, maximum))
    }

    /// A non-empty range inside 0..<`count` (empty when `count` is 0).
    public mutating func range(in count: Int, maxLength: Int? = nil) -> Range<Int> {
        guard count > 0 else { return 0..<0 }
        let start = below(count)
        let length = self.length(upTo: min(maxLength ?? count, count - start))
        return start..<(start + length)
    }
}

/// A mutated input and what was done to it, step by step, for the report.
public struct Mutation: Sendable {
    public var data: Data
    public var steps: [String]

    public init(data: Data, steps: [String] = []) {
        self.data = data
        self.steps = steps
    }

    public var summary: String { steps.joined(separator: "; ") }
}

/// Mutates bytes, XML text, CSV text and OPC packages (.docx, .xlsx) from a
/// seeded `MutationRandom`.
public struct Mutator {
    public var random: MutationRandom
    /// Largest input the mutations grow to (duplications and huge attributes
    /// stop here), so that every input stays quick to read.
    public var sizeBudget: Int

    public init(seed: UInt64, stream: Int = 0, sizeBudget: Int = 6 << 20) {
        random = MutationRandom(seed: seed, stream: stream)
        self.sizeBudget = sizeBudget
    }

    // MARK: Any file

    /// One to three mutations chosen by what `data` is: a package is
    /// unzipped and its XML mutated (sometimes its zip bytes as well), XML
    /// is mutated as text, anything else as bytes. `donor` feeds splices.
    public mutating func mutate(_ data: Data, donor: Data? = nil) -> Mutation {
        let head = [UInt8](data.prefix(4))
        if head == [0x50, 0x4B, 0x03, 0x04] {
            if random.chance(1, in: 5) { return mutateBytes(data, donor: donor) }
            var mutation = mutatePackage(data)
            if random.chance(1, in: 6) {
                let bytes = mutateBytes(mutation.data, donor: donor, rounds: 1)
                mutation.data = bytes.data
                mutation.steps += bytes.steps
            }
            return mutation
        }
        if DocumentReader.sniff(data.prefix(8)) == .xml {
            if random.chance(1, in: 6) { return mutateBytes(data, donor: donor) }
            return mutateXML(data)
        }
        return mutateBytes(data, donor: donor)
    }

    // MARK: Bytes

    public enum ByteMutation: String, CaseIterable, Sendable {
        case flipBits, interestingValue, zipField, zip64, deleteRange, insertRandom, duplicateRange, truncate, splice
    }

    /// `rounds` (default 1–3) byte mutations.
    public mutating func mutateBytes(_ data: Data, donor: Data? = nil, rounds: Int? = nil) -> Mutation {
        var bytes = [UInt8](data)
        var steps: [String] = []
        for _ in 0..<(rounds ?? 1 + random.below(3)) {
            steps.append(mutateBytes(&bytes, donor: donor))
        }
        return Mutation(data: Data(bytes), steps: steps)
    }

    private mutating func mutateBytes(_ bytes: inout [UInt8], donor: Data?) -> String {
        var kind = random.pick(ByteMutation.allCases)
        if kind == .splice && donor == nil { kind = .duplicateRange }
        if bytes.isEmpty { kind = .insertRandom }
        switch kind {
        case .flipBits:
            let count = random.length(upTo: 16)
            var offsets: [Int] = []
            for _ in 0..<count {
                let offset = random.below(bytes.count)
                bytes[offset] ^= 1 << UInt8(random.below(8))
                offsets.append(offset)
            }
            return "flip bits at \(offsets.prefix(4).map(String.init).joined(separator: ","))\(count > 4 ? "…" : "")"
        case .interestingValue:
            let width = random.pick([1, 2, 4])
            let offset = random.below(max(1, bytes.count - width + 1))
            let value = interesting(width: width)
            write(value, width: width, at: offset, in: &bytes)
            return "write \(width)-byte \(value) at \(offset)"
        case .zipField:
            return mutateZipField(&bytes) ?? mutateBytes(&bytes, donor: donor)
        case .zip64:
            // The end record rewritten as ZIP64, now and then with one value lying.
            let lies: [UInt64?] = [nil, nil, 0, 1, 0xFFFF_FFFF, 1 << 32, 1 << 40, UInt64.max, random.next()]
            var values: [UInt64?] = [nil, nil, nil, nil]
            let field = random.below(5)
            if field < 4 { values[field] = random.pick(lies) }
            let markEnd = random.chance(2, in: 3)
            guard let converted = ZipSurgery.zip64(bytes, entries: values[0], directorySize: values[1],
                                                   directoryOffset: values[2], locatorOffset: values[3], markEnd: markEnd) else {
                return mutateBytes(&bytes, donor: donor)
            }
            bytes = converted
            return "ZIP64 end records" + (markEnd ? "" : " (end record unmarked)")
                + (field < 4 ? ", field \(field) = \(values[field].map(String.init) ?? "kept")" : "")
        case .deleteRange:
            let range = random.range(in: bytes.count, maxLength: max(1, bytes.count / 4))
            bytes.removeSubrange(range)
            return "delete bytes \(range)"
        case .insertRandom:
            let count = random.length(upTo: 256)
            let offset = random.below(bytes.count + 1)
            let inserted = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            bytes.insert(contentsOf: inserted, at: offset)
            return "insert \(count) random bytes at \(offset)"
        case .duplicateRange:
            let range = random.range(in: bytes.count, maxLength: 4096)
            let offset = random.below(bytes.count + 1)
            bytes.insert(contentsOf: Array(bytes[range]), at: offset)
            return "copy bytes \(range) to \(offset)"
        case .truncate:
            let length = random.below(bytes.count)
            bytes.removeSubrange(length...)
            return "truncate to \(length) bytes"
        case .splice:
            let other = [UInt8](donor ?? Data())
            guard !other.isEmpty else { return "splice (empty donor)" }
            let cut = random.below(bytes.count + 1)
            let from = random.below(other.count)
            bytes = Array(bytes[..<cut]) + other[from...]
            return "splice: first \(cut) bytes + donor from \(from)"
        }
    }

    private mutating func interesting(width: Int) -> UInt32 {
        let values: [UInt32]
        switch width {
        case 1: values = [0, 1, 0x7F, 0x80, 0xFF, 0x3C, 0x26, 0x22]
        case 2: values = [0, 1, 0x7FFF, 0x8000, 0xFFFF, 0x0100, 0x1000]
        default: values = [0, 1, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0x0010_0000, 0x4000_0000, 0xFFFF_FFFE]
        }
        return random.chance(1, in: 4) ? UInt32(truncatingIfNeeded: random.next()) : random.pick(values)
    }

    private func write(_ value: UInt32, width: Int, at offset: Int, in bytes: inout [UInt8]) {
        for k in 0..<width where offset + k < bytes.count {
            bytes[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k)))
        }
    }

    /// Overwrites one field of a zip header (local, central or end record):
    /// sizes, offsets, counts, name lengths, method, flags.
    private mutating func mutateZipField(_ bytes: inout [UInt8]) -> String? {
        // (signature byte 3, [(field offset, width, name)])
        let layouts: [(UInt8, UInt8, [(Int, Int, String)])] = [
            (0x03, 0x04, [(6, 2, "flags"), (8, 2, "method"), (14, 4, "crc"), (18, 4, "compressed size"),
                          (22, 4, "size"), (26, 2, "name length"), (28, 2, "extra length")]),
            (0x01, 0x02, [(8, 2, "flags"), (10, 2, "method"), (16, 4, "crc"), (20, 4, "compressed size"),
                          (24, 4, "size"), (28, 2, "name length"), (30, 2, "extra length"), (32, 2, "comment length"),
                          (38, 4, "external attributes"), (42, 4, "local header offset")]),
            (0x05, 0x06, [(8, 2, "entries on disk"), (10, 2, "entries"), (12, 4, "directory size"),
                          (16, 4, "directory offset"), (20, 2, "comment length")]),
        ]
        var headers: [(offset: Int, layout: Int)] = []
        var index = 0
        while index + 4 <= bytes.count {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B {
                for (k, layout) in layouts.enumerated() where bytes[index + 2] == layout.0 && bytes[index + 3] == layout.1 {
                    headers.append((index, k))
                }
            }
            index += 1
        }
        guard !headers.isEmpty else { return nil }
        let header = random.pick(headers)
        let (_, _, fields) = layouts[header.layout]
        let (fieldOffset, width, name) = random.pick(fields)
        let at = header.offset + fieldOffset
        guard at + width <= bytes.count else { return nil }
        var current: UInt32 = 0
        for k in 0..<width { current |= UInt32(bytes[at + k]) << (8 * UInt32(k)) }
        let value: UInt32
        switch random.below(3) {
        case 0: value = current &+ UInt32(truncatingIfNeeded: random.pick([1, -1, 2, -2, 16, -16, 1000] as [Int32]))
        default: value = interesting(width: width)
        }
        write(value, width: width, at: at, in: &bytes)
        let kinds = ["local header", "central directory", "end of central directory"]
        return "zip \(kinds[header.layout]) at \(header.offset): \(name) \(current) → \(width == 2 ? value & 0xFFFF : value)"
    }

    // MARK: XML

    public enum XMLMutation: String, CaseIterable, Sendable {
        case dropClosingTag, dropOpeningTag, duplicateElement, deleteElement, deepNesting, doctype, xinclude
        case hugeAttribute, hugeName, invalidUTF8, nul, badCharacterReference, extremeNumber, tableProperty
        case fieldCharacters, checkboxControl, namespace, encodingDeclaration, truncate, bytes
    }

    /// `rounds` (default 1–3) text-aware mutations of an XML document.
    public mutating func mutateXML(_ data: Data, rounds: Int? = nil) -> Mutation {
        var bytes = [UInt8](data)
        var steps: [String] = []
        for _ in 0..<(rounds ?? 1 + random.below(3)) {
            steps.append(mutateXML(&bytes))
        }
        return Mutation(data: Data(bytes), steps: steps)
    }

    private mutating func mutateXML(_ bytes: inout [UInt8]) -> String {
        // The well-formed mutations reach the walker and the extractor; they
        // are drawn more often than those libxml2 refuses at once.
        let weighted: [XMLMutation] = XMLMutation.allCases + [
            .extremeNumber, .extremeNumber, .extremeNumber, .tableProperty, .tableProperty, .tableProperty,
            .duplicateElement, .duplicateElement, .deepNesting, .deleteElement, .fieldCharacters, .checkboxControl,
        ]
        let kind = random.pick(weighted)
        return applyXML(kind, to: &bytes) ?? applyXML(.bytes, to: &bytes) ?? "no mutation"
    }

    private mutating func applyXML(_ kind: XMLMutation, to bytes: inout [UInt8]) -> String? {
        switch kind {
        case .dropClosingTag:
            guard let start = randomOccurrence(of: "</", in: bytes), let end = find(">", in: bytes, from: start) else { return nil }
            let tag = text(bytes[start...end])
            bytes.removeSubrange(start...end)
            return "drop closing tag \(tag) at \(start)"
        case .dropOpeningTag:
            guard let element = randomElement(in: bytes) else { return nil }
            bytes.removeSubrange(element.start..<element.startTagEnd)
            return "drop opening tag <\(element.name)> at \(element.start)"
        case .duplicateElement:
            guard let element = randomElement(in: bytes, preferring: ["w:tr", "w:tc", "w:p", "w:r", "w:tbl", "row", "c", "si"]) else {
                return nil
            }
            let copy = Array(bytes[element.start..<element.end])
            let times = min(random.pick([1, 1, 2, 5, 50, 500, 3000]), max(1, (sizeBudget - bytes.count) / max(copy.count, 1)))
            var insertion: [UInt8] = []
            insertion.reserveCapacity(copy.count * times)
            for _ in 0..<times { insertion += copy }
            bytes.insert(contentsOf: insertion, at: element.end)
            return "duplicate <\(element.name)> at \(element.start) (\(copy.count) bytes) ×\(times)"
        case .deleteElement:
            guard let element = randomElement(in: bytes) else { return nil }
            bytes.removeSubrange(element.start..<element.end)
            return "delete <\(element.name)> at \(element.start)"
        case .deepNesting:
            guard let at = randomGap(in: bytes) else { return nil }
            let wrappers = [
                ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"), ("<w:hyperlink>", "</w:hyperlink>"),
                ("<w:ins>", "</w:ins>"), ("<w:customXml>", "</w:customXml>"),
                ("<w:tbl><w:tr><w:tc>", "<w:p/></w:tc></w:tr></w:tbl>"), ("<w:p>", "</w:p>"),
                ("<w:txbxContent>", "</w:txbxContent>"), ("<x>", "</x>"),
            ]
            let (open, close) = random.pick(wrappers)
            let depth = random.pick([20, 50, 84, 85, 86, 127, 128, 200, 255, 256, 257, 300, 1000, 5000])
            var insertion = [UInt8]()
            for _ in 0..<depth { insertion += Array(open.utf8) }
            if random.chance(1, in: 2) { insertion += Array("<w:r><w:t>深</w:t></w:r>".utf8) }
            for _ in 0..<depth { insertion += Array(close.utf8) }
            bytes.insert(contentsOf: insertion, at: at)
            return "nest \(open) ×\(depth) at \(at)"
        case .doctype:
            return insertDoctype(&bytes)
        case .xinclude:
            guard let at = randomGap(in: bytes) else { return nil }
            let include = random.pick([
                "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>",
                "<w:r><w:t><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/></w:t></w:r>",
                "<w:r><w:t xml:base=\"file:///etc/\">passwd</w:t></w:r>",
            ])
            bytes.insert(contentsOf: Array(include.utf8), at: at)
            return "insert XInclude of /etc/passwd at \(at)"
        case .hugeAttribute:
            guard let element = randomElement(in: bytes) else { return nil }
            let length = min(random.pick([1_000, 65_536, 1 << 20, 3 << 20, 11_000_000]), max(1_000, sizeBudget * 2))
            let value = random.chance(1, in: 3)
                ? [UInt8](repeating: UInt8(ascii: "9"), count: length)
                : [UInt8](repeating: UInt8(ascii: "x"), count: length)
            let at = element.start + 1 + element.name.utf8.count
            bytes.insert(contentsOf: Array(" w:val=\"".utf8) + value + [UInt8(ascii: "\"")], at: at)
            return "attribute of \(length) bytes on <\(element.name)> at \(element.start)"
        case .hugeName:
            guard let at = randomGap(in: bytes) else { return nil }
            let length = random.pick([1_000, 50_001, 200_000])
            let name = [UInt8](repeating: UInt8(ascii: "n"), count: length)
            bytes.insert(contentsOf: [UInt8(ascii: "<")] + name + Array("/>".utf8), at: at)
            return "element name of \(length) bytes at \(at)"
        case .invalidUTF8:
            let sequences: [[UInt8]] = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8], [0x80], [0xFE, 0xFF]]
            let sequence = random.pick(sequences)
            let at = textPosition(in: bytes) ?? random.below(bytes.count + 1)
            bytes.insert(contentsOf: sequence, at: at)
            return "invalid UTF-8 \(sequence.map { String($0, radix: 16) }) at \(at)"
        case .nul:
            let at = textPosition(in: bytes) ?? random.below(bytes.count + 1)
            bytes.insert(0, at: at)
            return "NUL at \(at)"
        case .badCharacterReference:
            guard let at = textPosition(in: bytes) else { return nil }
            let reference = random.pick(["&#0;", "&#x1F;", "&#xFFFE;", "&#xD800;", "&#x110000;", "&#99999999999;", "&unknown;", "&amp", "&#x;"])
            bytes.insert(contentsOf: Array(reference.utf8), at: at)
            return "character reference \(reference) at \(at)"
        case .extremeNumber:
            return replaceNumber(&bytes)
        case .tableProperty:
            return insertTableProperty(&bytes)
        case .fieldCharacters:
            guard let at = runGap(in: bytes) else { return nil }
            let kinds = ["begin", "separate", "end"]
            var insertion = ""
            for _ in 0..<random.length(upTo: 6) {
                let type = random.pick(kinds)
                insertion += type == "begin" && random.chance(1, in: 2)
                    ? "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:checkBox><w:default w:val=\"\(random.pick(["0", "1", "-1", "x"]))\"/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>"
                    : "<w:r><w:fldChar w:fldCharType=\"\(type)\"/></w:r>"
            }
            bytes.insert(contentsOf: Array(insertion.utf8), at: at)
            return "field characters at \(at)"
        case .checkboxControl:
            guard let at = runGap(in: bytes) else { return nil }
            let value = random.pick(["0", "1", "true", "", "99999", "-1"])
            let glyph = random.pick(["☐", "☒", "", "☑☐"])
            let control = "<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"\(value)\"/></w14:checkbox></w:sdtPr><w:sdtContent>\(glyph.isEmpty ? "" : "<w:r><w:t>\(glyph)</w:t></w:r>")</w:sdtContent></w:sdt>"
            bytes.insert(contentsOf: Array(control.utf8), at: at)
            return "checkbox control (\(value), \(glyph)) at \(at)"
        case .namespace:
            let main = Array("http://schemas.openxmlformats.org/wordprocessingml/2006/main".utf8)
            guard let at = find(main, in: bytes, from: 0) else { return nil }
            let replacement = random.pick(["http://purl.oclc.org/ooxml/wordprocessingml/main", "urn:fuzz", ""])
            bytes.replaceSubrange(at..<(at + main.count), with: Array(replacement.utf8))
            return "main namespace → \"\(replacement)\""
        case .encodingDeclaration:
            let encoding = random.pick(["UTF-16", "GB18030", "ISO-8859-1", "EBCDIC-US", "bogus", "UTF-32"])
            if let at = find(Array("encoding=\"".utf8), in: bytes, from: 0), let end = find("\"", in: bytes, from: at + 10) {
                bytes.replaceSubrange((at + 10)..<end, with: Array(encoding.utf8))
            } else {
                bytes.insert(contentsOf: Array("<?xml version=\"1.0\" encoding=\"\(encoding)\"?>".utf8), at: 0)
            }
            return "encoding declaration → \(encoding)"
        case .truncate:
            let length = random.below(bytes.count)
            bytes.removeSubrange(length...)
            return "truncate XML to \(length) bytes"
        case .bytes:
            return mutateBytes(&bytes, donor: nil)
        }
    }

    private mutating func insertDoctype(_ bytes: inout [UInt8]) -> String {
        enum Kind: CaseIterable { case laughs, external, parameter, externalSubset, internalEntity, quadratic }
        let kind = random.pick(Kind.allCases)
        let root = rootName(in: bytes) ?? "w:document"
        let declaration: String
        var reference: String?
        switch kind {
        case .laughs:
            var entities = "<!ENTITY lol \"lol\">"
            for level in 1...9 {
                entities += "<!ENTITY lol\(level) \"" + String(repeating: level == 1 ? "&lol;" : "&lol\(level - 1);", count: 10) + "\">"
            }
            declaration = "<!DOCTYPE \(root) [\(entities)]>"
            reference = "&lol9;"
        case .external:
            declaration = "<!DOCTYPE \(root) [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            reference = "&xxe;"
        case .parameter:
            declaration = "<!DOCTYPE \(root) [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>"
        case .externalSubset:
            declaration = "<!DOCTYPE \(root) SYSTEM \"file:///etc/passwd\">"
        case .internalEntity:
            declaration = "<!DOCTYPE \(root) [<!ENTITY name \"苏州市\">]>"
            reference = "&name;"
        case .quadratic:
            declaration = "<!DOCTYPE \(root) [<!ENTITY a \"\(String(repeating: "a", count: 10_000))\">]>"
            reference = String(repeating: "&a;", count: 10_000)
        }
        if let reference, let at = textPosition(in: bytes) {
            bytes.insert(contentsOf: Array(reference.utf8), at: at)
        }
        let at = rootStart(in: bytes) ?? 0
        bytes.insert(contentsOf: Array(declaration.utf8), at: at)
        return "DOCTYPE \(kind) before the root"
    }

    private static let extremeValues = [
        "0", "-1", "99999", "2147483647", "2147483648", "9223372036854775807", "-9223372036854775808",
        "99999999999999999999", "1e5", "abc", "", " 3", "+2", "0x10", "３", "restart", "continue", "1000",
    ]

    private mutating func extremeValue() -> String {
        random.pick(Mutator.extremeValues)
    }

    /// Replaces the value of a `w:val` (gridSpan, gridBefore, vMerge… first)
    /// with an extreme number or a word.
    private mutating func replaceNumber(_ bytes: inout [UInt8]) -> String? {
        let preferred = ["<w:gridSpan w:val=\"", "<w:gridBefore w:val=\"", "<w:vMerge w:val=\"", "<w:gridAfter w:val=\"",
                         "<w14:checked w14:val=\"", "<w:default w:val=\""]
        let present = preferred.filter { find(Array($0.utf8), in: bytes, from: 0) != nil }
        let pattern = !present.isEmpty && random.chance(2, in: 3) ? random.pick(present) : random.pick([" w:val=\"", " r=\"", " s=\"", " t=\""])
        guard let at = randomOccurrence(of: pattern, in: bytes) else { return nil }
        let valueStart = at + pattern.utf8.count
        guard let valueEnd = find("\"", in: bytes, from: valueStart) else { return nil }
        let old = text(bytes[valueStart..<valueEnd])
        let value = extremeValue()
        bytes.replaceSubrange(valueStart..<valueEnd, with: Array(value.utf8))
        return "\(pattern.trimmingCharacters(in: .whitespaces))\(old)\" → \"\(value)\" at \(at)"
    }

    /// Adds gridSpan, vMerge or gridBefore to a random cell or row.
    private mutating func insertTableProperty(_ bytes: inout [UInt8]) -> String? {
        let value = extremeValue()
        if random.chance(1, in: 3), let row = randomOccurrence(of: "<w:tr>", in: bytes) ?? randomOccurrence(of: "<w:tr ", in: bytes),
           let end = find(">", in: bytes, from: row) {
            let property = random.chance(1, in: 4)
                ? "<w:trPr><w:del w:id=\"1\" w:author=\"x\"/></w:trPr>"
                : "<w:trPr><w:gridBefore w:val=\"\(value)\"/></w:trPr>"
            bytes.insert(contentsOf: Array(property.utf8), at: end + 1)
            return "row property \(property) at \(row)"
        }
        guard let cell = randomOccurrence(of: "<w:tc>", in: bytes) ?? randomOccurrence(of: "<w:tc ", in: bytes),
              let end = find(">", in: bytes, from: cell) else { return nil }
        let property = random.pick([
            "<w:tcPr><w:gridSpan w:val=\"\(value)\"/></w:tcPr>", "<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>",
            "<w:tcPr><w:vMerge/></w:tcPr>", "<w:tcPr><w:vMerge w:val=\"\(value)\"/></w:tcPr>",
        ])
        bytes.insert(contentsOf: Array(property.utf8), at: end + 1)
        return "cell property \(property) at \(cell)"
    }

    // MARK: CSV

    public enum CSVMutation: String, CaseIterable, Sendable {
        case replaceField, insertQuote, manyColumns, duplicateLine, deleteLine, lineEndings, byteOrderMark
        case gb18030, swapHeader, hugeField, bytes
    }

    /// Registries are read cell by cell in Swift: past a megabyte a debug
    /// build needs more than the fuzz tests' two seconds an input.
    private var csvBudget: Int { min(sizeBudget, 1 << 20) }

    /// `rounds` (default 1–3) CSV-aware mutations.
    public mutating func mutateCSV(_ data: Data, donor: Data? = nil, rounds: Int? = nil) -> Mutation {
        var bytes = [UInt8](data)
        var steps: [String] = []
        for _ in 0..<(rounds ?? 1 + random.below(3)) {
            let weighted = CSVMutation.allCases + [.replaceField, .replaceField, .replaceField, .insertQuote]
            steps.append(applyCSV(random.pick(weighted), to: &bytes, donor: donor))
        }
        return Mutation(data: Data(bytes), steps: steps)
    }

    private static let fieldValues = [
        "", "\"", "\"\"", "\"a,b\"", "\"unclosed", "x\"y", "A++", "E", "C+", "Ａ－", "优",
        "91320214MA1XK2P37M", "91320214MA1XK2P37", "９１３２０２１４ＭＡ１ＸＫ２Ｐ３７Ｌ", "000000000000000000", "IOSVZ",
        "2024-02-30", "2024-13-01", "0000-00-00", "99999-01-01", "2024", "1900", "45292", "-1", "1e308", "NaN",
        "=cmd|' /C calc'!A0", "\r", "\n", "\u{FEFF}", "\u{0}", "\u{2028}", "高新技术企业", "瞪羚企业", "有效期至",
    ]

    private mutating func applyCSV(_ kind: CSVMutation, to bytes: inout [UInt8], donor: Data?) -> String {
        let lines = lineRanges(bytes)
        switch kind {
        case .replaceField:
            guard let line = lines.isEmpty ? nil : random.pick(lines) else { return applyCSV(.bytes, to: &bytes, donor: donor) }
            var bounds = [line.lowerBound]
            for index in line where bytes[index] == UInt8(ascii: ",") { bounds.append(index + 1) }
            let field = random.below(bounds.count)
            let start = bounds[field]
            let end = field + 1 < bounds.count ? bounds[field + 1] - 1 : line.upperBound
            let value = random.pick(Mutator.fieldValues)
            bytes.replaceSubrange(start..<end, with: Array(value.utf8))
            return "field \(field) of the line at \(line.lowerBound) → \(value.debugDescription)"
        case .insertQuote:
            let at = random.below(bytes.count + 1)
            bytes.insert(UInt8(ascii: "\""), at: at)
            return "quote at \(at)"
        case .manyColumns:
            let at = lines.isEmpty ? 0 : random.pick(lines).upperBound
            let count = random.pick([100, 10_000, 200_000])
            bytes.insert(contentsOf: [UInt8](repeating: UInt8(ascii: ","), count: count), at: at)
            return "\(count) commas at \(at)"
        case .duplicateLine:
            guard let line = lines.isEmpty ? nil : random.pick(lines) else { return applyCSV(.bytes, to: &bytes, donor: donor) }
            let copy = Array(bytes[line]) + [UInt8(ascii: "\n")]
            let times = min(random.pick([1, 10, 1000, 5_000]), max(1, (csvBudget - bytes.count) / copy.count))
            var insertion: [UInt8] = []
            for _ in 0..<times { insertion += copy }
            bytes.insert(contentsOf: insertion, at: line.lowerBound)
            return "duplicate the line at \(line.lowerBound) ×\(times)"
        case .deleteLine:
            guard let line = lines.isEmpty ? nil : random.pick(lines) else { return applyCSV(.bytes, to: &bytes, donor: donor) }
            bytes.removeSubrange(line)
            return "empty the line at \(line.lowerBound)"
        case .lineEndings:
            let ending = random.pick([[0x0D], [0x0D, 0x0A], [0xE2, 0x80, 0xA8], [0x0A, 0x0A]] as [[UInt8]])
            var result: [UInt8] = []
            for byte in bytes where byte != 0x0D {
                if byte == 0x0A { result += ending } else { result.append(byte) }
            }
            bytes = result
            return "line endings → \(ending)"
        case .byteOrderMark:
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            if bytes.starts(with: bom) {
                bytes.removeFirst(3)
                if random.chance(1, in: 2) { bytes.insert(contentsOf: [0xFF, 0xFE], at: 0) }
                return "remove or swap the byte-order mark"
            }
            bytes.insert(contentsOf: random.chance(1, in: 2) ? bom : [0xFE, 0xFF], at: 0)
            return "insert a byte-order mark"
        case .gb18030:
            let text = String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
            let encoding = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(
                CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue)))
            guard let data = text.data(using: encoding) else { return "GB18030 (not encodable)" }
            bytes = [UInt8](data)
            return "re-encode as GB18030"
        case .swapHeader:
            guard let header = lines.first else { return applyCSV(.bytes, to: &bytes, donor: donor) }
            let names = ["统一社会信用代码", "名称", "企业名称", "单位名称", "信用等级", "等级", "评价日期", "资质类型", "证书编号",
                         "认定文号", "认定日期", "有效期至", "序号", ""]
            var fields = text(bytes[header]).components(separatedBy: ",")
            let index = random.below(fields.count)
            fields[index] = random.pick(names)
            bytes.replaceSubrange(header, with: Array(fields.joined(separator: ",").utf8))
            return "header column \(index) → \(fields[index].debugDescription)"
        case .hugeField:
            let at = lines.isEmpty ? 0 : random.pick(lines).upperBound
            let length = random.pick([10_000, 100_000, 300_000])
            bytes.insert(contentsOf: [UInt8](repeating: UInt8(ascii: "9"), count: length), at: at)
            return "field of \(length) bytes at \(at)"
        case .bytes:
            return mutateBytes(&bytes, donor: donor)
        }
    }

    private func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A || byte == 0x0D {
            if index > start { result.append(start..<index) }
            start = index + 1
        }
        if start < bytes.count { result.append(start..<bytes.count) }
        return result
    }

    // MARK: Packages

    /// Opens `data` as an OPC package with the project's reader, mutates the
    /// XML of one part (the main document or sheet most often; any part in
    /// `focus` when given) and sometimes the package itself (a part dropped,
    /// names that climb out, duplicates, stored entries), and repacks it with
    /// `PackageWriter`. Bytes that do not open as a package get byte mutations.
    public mutating func mutatePackage(_ data: Data, focus: [String] = []) -> Mutation {
        guard case .word(let package)? = try? DocumentReader.open(data: data, displayName: "seed") else {
            return mutateBytes(data)
        }
        var parts: [(name: String, data: Data)] = []
        for name in package.partNames {
            guard let bytes = try? package.data(of: name) else { continue }
            parts.append((name, bytes))
        }
        guard !parts.isEmpty else { return mutateBytes(data) }
        let main = (try? package.mainDocumentPart()) ?? ""
        let favourites = focus.isEmpty
            ? [main, "/xl/worksheets/sheet1.xml", "/xl/sharedStrings.xml"].filter { name in parts.contains { $0.name == name } }
            : focus.filter { name in parts.contains { $0.name == name } }
        var steps: [String] = []
        let xmlParts = parts.indices.filter { parts[$0].name.hasSuffix(".xml") || parts[$0].name.hasSuffix(".rels") }
        let rounds = 1 + random.below(2)
        for _ in 0..<rounds {
            let target: Int
            if !favourites.isEmpty, random.chance(3, in: 4) || xmlParts.isEmpty {
                let name = random.pick(favourites)
                target = parts.firstIndex { $0.name == name } ?? 0
            } else {
                target = xmlParts.isEmpty ? random.below(parts.count) : random.pick(xmlParts)
            }
            let mutation = mutateXML(parts[target].data, rounds: 1)
            parts[target].data = mutation.data
            steps += mutation.steps.map { "\(parts[target].name): \($0)" }
        }
        var compress = true
        if random.chance(1, in: 4) {
            switch random.below(6) {
            case 0:
                let index = random.below(parts.count)
                steps.append("drop part \(parts[index].name)")
                parts.remove(at: index)
            case 1:
                let name = random.pick(["../../evil.xml", "/etc/cron.d/evil", "..\\..\\evil.xml", "word/../../../evil.xml", "C:/evil.xml"])
                parts.append((name, Data("<x>root</x>".utf8)))
                steps.append("add entry \(name)")
            case 2:
                if let index = parts.firstIndex(where: { $0.name == main }) {
                    parts.insert((main, Data("<w:document/>".utf8)), at: random.below(index + 1))
                    steps.append("a second entry named \(main)")
                }
            case 3:
                if let index = parts.firstIndex(where: { $0.name == main }) {
                    parts[index].name = random.pick([main.uppercased(), "/word/../word/document.xml", "/word//document.xml", "/word/./document.xml"])
                    steps.append("main part renamed \(parts[index].name)")
                }
            case 4:
                let count = random.pick([10, 100, 1000])
                for index in 0..<count { parts.append(("junk/\(index).bin", Data())) }
                steps.append("add \(count) empty entries")
            default:
                compress = false
                steps.append("store every entry uncompressed")
            }
        }
        var writer = PackageWriter()
        for part in parts { writer.add(part.name, part.data, compress: compress) }
        guard let zipped = try? writer.archiveData() else {
            return Mutation(data: data, steps: steps + ["repack failed: input unchanged"])
        }
        return Mutation(data: zipped, steps: steps)
    }

    // MARK: Finding places in XML text

    private func text<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(decoding: bytes.prefix(80), as: UTF8.self)
    }

    private func find(_ needle: String, in bytes: [UInt8], from start: Int) -> Int? {
        find(Array(needle.utf8), in: bytes, from: start)
    }

    private func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start >= 0, bytes.count >= needle.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var k = 1
                while k < needle.count && bytes[index + k] == needle[k] { k += 1 }
                if k == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    private func occurrences(of needle: String, in bytes: [UInt8], limit: Int = 100_000) -> [Int] {
        let pattern = Array(needle.utf8)
        var result: [Int] = []
        var index = 0
        while result.count < limit, let found = find(pattern, in: bytes, from: index) {
            result.append(found)
            index = found + 1
        }
        return result
    }

    private mutating func randomOccurrence(of needle: String, in bytes: [UInt8]) -> Int? {
        let all = occurrences(of: needle, in: bytes)
        return all.isEmpty ? nil : random.pick(all)
    }

    /// A position just after a tag and before the next one: where an element
    /// can be inserted without breaking the document's form.
    private mutating func randomGap(in bytes: [UInt8]) -> Int? {
        let closes = occurrences(of: "><", in: bytes)
        return closes.isEmpty ? nil : random.pick(closes) + 1
    }

    /// A position between runs (before a `<w:r>` or at a paragraph's end).
    private mutating func runGap(in bytes: [UInt8]) -> Int? {
        let places = occurrences(of: "<w:r>", in: bytes) + occurrences(of: "<w:r ", in: bytes) + occurrences(of: "</w:p>", in: bytes)
        return places.isEmpty ? nil : random.pick(places)
    }

    /// A position inside a text node (after `<w:t>`, `<t>`, `<v>` and the like).
    private mutating func textPosition(in bytes: [UInt8]) -> Int? {
        var places: [Int] = []
        for opening in ["<w:t>", "<w:t ", "<t>", "<t ", "<v>", "<pkg:binaryData>", "<Value>"] {
            for start in occurrences(of: opening, in: bytes, limit: 2000) {
                if let end = find(">", in: bytes, from: start) { places.append(end + 1) }
            }
        }
        return places.isEmpty ? nil : random.pick(places)
    }

    private func rootStart(in bytes: [UInt8]) -> Int? {
        var index = 0
        while let found = find("<", in: bytes, from: index) {
            guard found + 1 < bytes.count else { return nil }
            let next = bytes[found + 1]
            if next != UInt8(ascii: "?") && next != UInt8(ascii: "!") { return found }
            index = found + 1
        }
        return nil
    }

    private func rootName(in bytes: [UInt8]) -> String? {
        guard let start = rootStart(in: bytes) else { return nil }
        var end = start + 1
        while end < bytes.count, ![0x20, 0x3E, 0x2F, 0x0A, 0x0D, 0x09].contains(bytes[end]) { end += 1 }
        return String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
    }

    private struct ElementSpan {
        let name: String
        let start: Int
        let startTagEnd: Int
        let end: Int
    }

    /// A random element with its extent, found by counting same-named start
    /// and end tags (good enough for generated OOXML).
    private mutating func randomElement(in bytes: [UInt8], preferring names: [String] = []) -> ElementSpan? {
        var candidates: [Int] = []
        let present = names.filter { find("<\($0)>", in: bytes, from: 0) != nil || find("<\($0) ", in: bytes, from: 0) != nil }
        if !present.isEmpty, random.chance(3, in: 4) {
            let name = random.pick(present)
            candidates = occurrences(of: "<\(name)>", in: bytes) + occurrences(of: "<\(name) ", in: bytes)
        } else {
            candidates = occurrences(of: "<", in: bytes, limit: 200_000).filter { index in
                index + 1 < bytes.count && ![UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "!")].contains(bytes[index + 1])
            }
        }
        guard !candidates.isEmpty else { return nil }
        let start = random.pick(candidates)
        var nameEnd = start + 1
        while nameEnd < bytes.count, ![0x20, 0x3E, 0x2F, 0x0A, 0x0D, 0x09].contains(bytes[nameEnd]) { nameEnd += 1 }
        let name = String(decoding: bytes[(start + 1)..<nameEnd], as: UTF8.self)
        guard let tagEnd = find(">", in: bytes, from: start) else { return nil }
        if bytes[tagEnd - 1] == UInt8(ascii: "/") {
            return ElementSpan(name: name, start: start, startTagEnd: tagEnd + 1, end: tagEnd + 1)
        }
        let open = Array("<\(name)".utf8)
        let close = Array("</\(name)>".utf8)
        var depth = 1
        var index = tagEnd + 1
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if matches(close, in: bytes, at: index) {
                depth -= 1
                if depth == 0 {
                    return ElementSpan(name: name, start: start, startTagEnd: tagEnd + 1, end: index + close.count)
                }
                index += close.count
                continue
            }
            if matches(open, in: bytes, at: index), index + open.count < bytes.count,
               [0x20, 0x3E, 0x2F].contains(bytes[index + open.count]) {
                // A self-closing one does not open.
                if let end = find(">", in: bytes, from: index), bytes[end - 1] != UInt8(ascii: "/") { depth += 1 }
            }
            index += 1
        }
        return nil
    }

    private func matches(_ pattern: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[index + k] != pattern[k] { return false }
        return true
    }
}

// MARK: - What a fuzzed input must never do

/// Where a fuzz run comes from: seed, iterations, first iteration and a
/// directory to keep each input in before it is read (so the input that
/// crashed the process is on disk). Read from `FUZZ_SEED`,
/// `FUZZ_ITERATIONS`, `FUZZ_START` and `FUZZ_SAVE_DIR`.
public struct FuzzConfiguration: Sendable {
    public var seed: UInt64
    public var iterations: Int
    public var start: Int
    public var saveDirectory: URL?

    public init(defaultSeed: UInt64, defaultIterations: Int, environment: [String: String] = ProcessInfo.processInfo.environment) {
        seed = environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? defaultSeed
        iterations = environment["FUZZ_ITERATIONS"].flatMap { Int($0) } ?? defaultIterations
        start = environment["FUZZ_START"].flatMap { Int($0) } ?? 0
        saveDirectory = environment["FUZZ_SAVE_DIR"].map { URL(fileURLWithPath: $0) }
    }

    /// The iterations to run.
    public var indices: Range<Int> { start..<(start + iterations) }

    /// "FUZZ_SEED=… FUZZ_START=… FUZZ_ITERATIONS=1", to reproduce one input.
    public func reproduction(_ index: Int, filter: String) -> String {
        "FUZZ_SEED=\(seed) FUZZ_START=\(index) FUZZ_ITERATIONS=1 swift test --filter \(filter)"
    }

    /// Writes the input about to be read, when a save directory is set.
    public func keep(_ data: Data, index: Int, name: String, target: String) {
        guard let saveDirectory else { return }
        try? FileManager.default.createDirectory(at: saveDirectory, withIntermediateDirectories: true)
        try? data.write(to: saveDirectory.appendingPathComponent("current-\(target).bin"))
        try? Data("seed=\(seed) index=\(index) name=\(name)\n".utf8)
            .write(to: saveDirectory.appendingPathComponent("current-\(target).txt"))
    }
}

/// Markers of `/etc/passwd` content; none may appear in anything a hostile
/// input makes the reader produce.
public enum PasswdLeak {
    public static let markers = ["root:x:0:0", "daemon:x:1:1", "/usr/sbin/nologin", "root:*:0:0"]

    public static func found(in text: String) -> String? {
        markers.first { text.contains($0) }
    }
}

/// What reading one fuzzed document came to.
public struct FuzzOutcome: Sendable {
    public enum Stage: String, Sendable { case open, read, extract }

    /// nil when the document was read (and extracted).
    public let error: (any Error)?
    /// The stage that threw, or the last one run.
    public let stage: Stage
    /// Everything the input produced: the dump of the document and the
    /// extracted JSON, or the error's message.
    public let output: String
    /// The `extract` JSON when extraction ran and succeeded.
    public let extractedJSON: String?
    public let elapsed: Duration

    /// The ways this outcome breaks the reader's promises for a file shown
    /// as `name`: an error that is neither `ReadError` nor a `LocalizedError`,
    /// a message that does not name the file, `/etc/passwd` in any output,
    /// more than `timeLimit` spent.
    public func violations(name: String, timeLimit: Duration = .seconds(2)) -> [String] {
        var result: [String] = []
        if let error {
            if !(error is ReadError), !(error is LocalizedError) {
                result.append("\(stage) threw \(type(of: error)), not a ReadError or LocalizedError: \(error)")
            } else if !output.contains(name) {
                result.append("\(stage) error does not name \(name): \(output)")
            }
        }
        if let marker = PasswdLeak.found(in: output) {
            result.append("/etc/passwd content (\(marker)) in the output")
        }
        if elapsed > timeLimit {
            result.append("took \(elapsed) (limit \(timeLimit))")
        }
        return result
    }
}

/// Runs one input through what a submission's document goes through: open
/// (from memory, or from a file as the batch does), read, dump, and the
/// Forms extractor when a form library is loaded.
public struct DocumentFuzzTarget: Sendable {
    private let extractor: Extractor?
    private let dumping: Bool

    /// `extracting` loads `forms/` so that read documents are also extracted;
    /// `dumping` writes every read document as `dump --runs` does.
    public init(extracting: Bool, dumping: Bool = true) throws {
        extractor = extracting ? Extractor(library: try FormLibrary.load(directory: Repository.url("forms"))) : nil
        self.dumping = dumping
    }

    public var extracts: Bool { extractor != nil }

    public func run(_ data: Data, name: String, fromFile directory: URL? = nil, limits: ReadLimits = .standard) -> FuzzOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        var stage = FuzzOutcome.Stage.open
        var output = ""
        do {
            let opened: OpenedFile
            if let directory {
                let url = directory.appendingPathComponent(name)
                try data.write(to: url)
                defer { try? FileManager.default.removeItem(at: url) }
                opened = try DocumentReader.open(url, displayName: name, limits: limits)
            } else {
                opened = try DocumentReader.open(data: data, displayName: name, limits: limits)
            }
            var json: String?
            switch opened {
            case .word(let package):
                stage = .read
                let document = try DocumentReader.read(package)
                if dumping {
                    DocumentDump.write(document, showRuns: true, to: &output)
                } else {
                    output += document.allParagraphs.map(\.text).joined(separator: "\n")
                }
                if let extractor {
                    stage = .extract
                    json = try ExtractionJSON.encode([try extractor.extract(document)])
                }
            case .xml(let xml):
                // What the product shows of such a file: its root's name (a
                // reflective description of the tree would cost the harness
                // seconds on a large one and show nothing a user sees).
                output += xml.rootName
                if let extractor {
                    stage = .extract
                    json = try ExtractionJSON.encode([try extractor.extract(formInstance: xml)])
                }
            }
            output += json ?? ""
            return FuzzOutcome(error: nil, stage: stage, output: output, extractedJSON: json, elapsed: clock.now - started)
        } catch {
            let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            return FuzzOutcome(error: error, stage: stage, output: message, extractedJSON: nil, elapsed: clock.now - started)
        }
    }
}

/// The committed documents the fuzz tests start from.
public enum FuzzCorpus {
    public struct Seed: Sendable {
        /// Relative to the repository, or "form-instance <data file>".
        public let origin: String
        public let data: Data
        /// ".docx" or ".xml", kept for the mutated copy's name.
        public let fileExtension: String
    }

    /// `fixtures/submissions/*/*.docx`, `fixtures/reader/*`,
    /// `fixtures/real/*.docx` and, with `formInstances`, the form-instance
    /// XML that `fill -o X.xml` makes from two of `fixtures/data/*.json`.
    public static func documents(formInstances: Bool = true) throws -> [Seed] {
        var seeds: [Seed] = []
        let manager = FileManager.default
        func add(_ relative: String) throws {
            let url = Repository.url(relative)
            seeds.append(Seed(origin: relative, data: try Data(contentsOf: url), fileExtension: url.pathExtension))
        }
        let submissions = Repository.url("fixtures/submissions")
        for folder in try manager.contentsOfDirectory(atPath: submissions.path).sorted() {
            let directory = submissions.appendingPathComponent(folder)
            for file in (try? manager.contentsOfDirectory(atPath: directory.path))?.sorted() ?? [] where file.hasSuffix(".docx") {
                try add("fixtures/submissions/\(folder)/\(file)")
            }
        }
        for file in try manager.contentsOfDirectory(atPath: Repository.url("fixtures/reader").path).sorted()
        where file.hasSuffix(".docx") || file.hasSuffix(".xml") {
            try add("fixtures/reader/\(file)")
        }
        for file in try manager.contentsOfDirectory(atPath: Repository.url("fixtures/real").path).sorted() where file.hasSuffix(".docx") {
            try add("fixtures/real/\(file)")
        }
        if formInstances {
            let library = try FormLibrary.load(directory: Repository.url("forms"))
            for name in ["jiangsu-clean", "wuxi-defects"] {
                seeds.append(Seed(origin: "form-instance \(name).json", data: try formInstance(name, library: library), fileExtension: "xml"))
            }
        }
        return seeds
    }

    /// The application of `fixtures/data/<name>.json` as form-instance XML.
    static func formInstance(_ name: String, library: FormLibrary) throws -> Data {
        let url = Repository.url("fixtures/data/\(name).json")
        guard let top = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any],
              let documents = top["documents"] as? [[String: Any]],
              let document = documents.first(where: { ($0["kind"] as? String) == FormKind.application.rawValue }),
              let scheme = document["scheme"] as? String, let definition = library.definition(id: scheme) else {
            throw FormDataError.notJSON(file: url.lastPathComponent, reason: "no application document")
        }
        let single = try JSONSerialization.data(withJSONObject: ["fields": document["fields"] ?? [:]])
        let values = try FormData.decode(single, file: url.lastPathComponent, definition: definition, kind: .application)
        return Data(FormInstanceWriter.xml(values, definition: definition, kind: .application).utf8)
    }
}

/// Counts a fuzz run's outcomes and times, and words its first failures
/// with what reproduces them (the test records them).
public struct FuzzReport: Sendable {
    public let name: String
    public let filter: String
    public let configuration: FuzzConfiguration
    public private(set) var succeeded = 0
    public private(set) var refused: [String: Int] = [:]
    public private(set) var slowest: Duration = .zero
    public private(set) var slowestIndex = 0
    /// The slowest input's origin and mutations.
    public private(set) var slowestInput = ""
    public private(set) var total: Duration = .zero
    public private(set) var count = 0
    public private(set) var failures = 0
    /// Failures past this many are counted, not worded.
    public var wordedFailures = 10

    public init(name: String, filter: String, configuration: FuzzConfiguration) {
        self.name = name
        self.filter = filter
        self.configuration = configuration
    }

    public func reproduction(_ index: Int) -> String {
        configuration.reproduction(index, filter: filter)
    }

    /// Adds one input; returns the failure's description when it broke a rule.
    /// A failing input is saved in the temporary directory.
    public mutating func add(_ elapsed: Duration, error: (any Error)?, stage: String, index: Int, origin: String,
                             mutation: Mutation, name: String, violations: [String]) -> String? {
        count += 1
        total += elapsed
        if elapsed > slowest {
            slowest = elapsed
            slowestIndex = index
            slowestInput = "\(origin), \(mutation.summary)"
        }
        if let error {
            refused["\(stage) \(String(describing: type(of: error)))", default: 0] += 1
        } else {
            succeeded += 1
        }
        guard !violations.isEmpty else { return nil }
        failures += 1
        guard failures <= wordedFailures else { return nil }
        let saved = FileManager.default.temporaryDirectory
            .appendingPathComponent("fuzz-failure-\(configuration.seed)-\(index)-\(name)")
        try? mutation.data.write(to: saved)
        return """
            \(violations.joined(separator: "\n"))
            input \(index): \(origin), \(mutation.summary)
            saved: \(saved.path)
            reproduce: \(reproduction(index))
            """
    }

    /// One line for the log; `scripts/fuzz` adds up the "inputs" counts.
    public var summary: String {
        let mean = count > 0 ? total / count : .zero
        let refusals = refused.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return "fuzz \(name): seed \(configuration.seed) start \(configuration.start) inputs \(count): \(succeeded) read, "
            + "\(count - succeeded) refused (\(refusals)); mean \(mean), slowest \(slowest) at \(slowestIndex) "
            + "(\(slowestInput.prefix(300))); failures \(failures)"
    }
}

/// An input shape that hung an earlier version of the reader: nothing the
/// fuzz runs step around any more (`ZipLayout` and `EntryInflater` took over
/// from ZIPFoundation's reading), kept so that the regression test can show
/// its input is of that shape.
public enum FixedHang {
    /// ZIPFoundation 0.9.20 inflates an entry by reading the archive from
    /// the entry's data to the end of the file, whatever its compressed
    /// size, and loops forever once a stream that has not ended runs out of
    /// file (`Data.decode`, Data+Compression.swift:215-257); `EntryInflater`
    /// now inflates entries instead. True when a deflated entry's stream
    /// neither ends nor fails within `data` — the test that pins the fix
    /// checks its input is such a stream.
    public static func inflateRunsPastEnd(_ data: Data) -> Bool {
        deflatedEntryStarts(data).contains { streamOutlastsFile(data, from: $0) }
    }

    private static func streamOutlastsFile(_ data: Data, from start: Int) -> Bool {
        #if canImport(CZlib)
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return false }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: 64 * 1024)
        var inflated = 0
        var input = [UInt8](data[(data.startIndex + start)...])
        return input.withUnsafeMutableBufferPointer { input -> Bool in
            stream.next_in = input.baseAddress
            stream.avail_in = UInt32(input.count)
            while true {
                let result = output.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                inflated += output.count - Int(stream.avail_out)
                if result == Z_STREAM_END { return false }
                if result != Z_OK && result != Z_BUF_ERROR { return false }  // the reader reports it
                // Past the part limit the reader stops it itself.
                if inflated > ReadLimits.standard.maxPartBytes { return false }
                if stream.avail_in == 0 && stream.avail_out != 0 { return true }
            }
        }
        #else
        return false  // Apple platforms inflate through Compression, not this loop
        #endif
    }

    /// Where the data of each deflated entry the central directory lists begins.
    static func deflatedEntryStarts(_ data: Data) -> [Int] {
        let bytes = [UInt8](data)
        let length = bytes.count
        guard length >= 22 else { return [] }
        func u16(_ at: Int) -> Int { at + 2 <= length ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : 0 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard let end = ZipSurgery.endRecord(in: bytes) else { return [] }
        var record = u32(end + 16)
        var starts: [Int] = []
        for _ in 0..<u16(end + 10) {
            guard record + 46 <= length, bytes[record] == 0x50, bytes[record + 1] == 0x4B,
                  bytes[record + 2] == 0x01, bytes[record + 3] == 0x02 else { break }
            let local = u32(record + 42)
            if u16(record + 10) == 8, local + 30 <= length {
                let start = local + 30 + u16(local + 26) + u16(local + 28)
                if start < length { starts.append(start) }
            }
            record += 46 + u16(record + 28) + u16(record + 30) + u16(record + 32)
        }
        return starts
    }
}

/// Rewrites zips at the byte level, for the fuzzer and the tests of damaged zips.
public enum ZipSurgery {
    /// Where the end-of-central-directory record starts: the last signature
    /// at least 22 bytes from the end, as a reader scanning back finds it.
    public static func endRecord(in zip: [UInt8]) -> Int? {
        guard zip.count >= 22 else { return nil }
        var end = zip.count - 22
        while end >= 0 {
            if zip[end] == 0x50 && zip[end + 1] == 0x4B && zip[end + 2] == 0x05 && zip[end + 3] == 0x06 { return end }
            end -= 1
        }
        return nil
    }

    /// `zip` with `value` written little-endian over `width` bytes at
    /// `offset` from its end record (10 entries, 12 directory size, 16
    /// directory offset).
    public static func patchingEndRecord(_ zip: Data, at offset: Int, width: Int, to value: Int) -> Data {
        guard let end = endRecord(in: [UInt8](zip)) else { return zip }
        var patched = zip
        for k in 0..<width { patched[end + offset + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
        return patched
    }

    /// `zip` with `value` written little-endian over `width` bytes at
    /// `offset` in its first central-directory record (8 flags, 20
    /// compressed size, 42 local header offset).
    public static func patchingFirstRecord(_ zip: Data, at offset: Int, width: Int, to value: Int) -> Data {
        let bytes = [UInt8](zip)
        guard let end = endRecord(in: bytes) else { return zip }
        let record = (16..<20).reduce(0) { $0 | Int(bytes[end + $1]) << (8 * ($1 - 16)) }
        guard record + offset + width <= bytes.count else { return zip }
        var patched = zip
        for k in 0..<width { patched[record + offset + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
        return patched
    }

    /// A valid package whose end record puts the central directory 1,000
    /// bytes past the end of the file (one field of a damaged download).
    public static func directoryPastEnd(_ zip: Data) -> Data {
        patchingEndRecord(zip, at: 16, width: 4, to: zip.count + 1000)
    }

    /// `zip` with its end record replaced by a ZIP64 end record, its locator
    /// and an end record saying "see ZIP64"; each value given replaces the
    /// true one. Nil when `zip` has no end record.
    /// `markEnd: false` keeps the true values in the end record too (the
    /// ZIP64 record is then there without being asked for).
    public static func zip64(_ zip: [UInt8], entries: UInt64? = nil, directorySize: UInt64? = nil,
                             directoryOffset: UInt64? = nil, locatorOffset: UInt64? = nil, markEnd: Bool = true) -> [UInt8]? {
        guard let end = endRecord(in: zip) else { return nil }
        func le(_ at: Int, _ width: Int) -> UInt64 { (0..<width).reduce(0) { $0 | UInt64(zip[at + $1]) << (8 * UInt64($1)) } }
        let count = le(end + 10, 2), size = le(end + 12, 4), offset = le(end + 16, 4)
        var out = Array(zip[..<end])
        func put(_ value: UInt64, _ width: Int) { for k in 0..<width { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(k)))) } }
        let record = UInt64(out.count)
        put(0x0606_4B50, 4); put(44, 8); put(45, 2); put(45, 2); put(0, 4); put(0, 4)
        put(entries ?? count, 8); put(entries ?? count, 8); put(directorySize ?? size, 8); put(directoryOffset ?? offset, 8)
        put(0x0706_4B50, 4); put(0, 4); put(locatorOffset ?? record, 8); put(1, 4)
        put(0x0605_4B50, 4); put(0, 2); put(0, 2)
        if markEnd {
            put(0xFFFF, 2); put(0xFFFF, 2); put(0xFFFF_FFFF, 4); put(0xFFFF_FFFF, 4)
        } else {
            put(count, 2); put(count, 2); put(size, 4); put(offset, 4)
        }
        put(0, 2)
        return out
    }
}
