import Yams

/// A YAML mapping read with line numbers kept, so that a field of the wrong type is
/// reported at its line. Used for front matter and for `digest.yml`.
public struct YAMLDocument {
    /// The file the YAML came from, for diagnostics.
    public let file: String
    /// Added to every line the parser reports: front matter starts below the `---` line.
    let lineOffset: Int
    let mapping: Node.Mapping?

    /// Parses `text`. Throws a `Diagnostic` naming the file and line where it does not parse.
    public init(_ text: String, file: String, lineOffset: Int = 0) throws(Diagnostic) {
        self.file = file
        self.lineOffset = lineOffset
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.diagnostic(for: error, file: file, lineOffset: lineOffset)
        } catch {
            throw Diagnostic.error("YAML does not parse: \(error)", file: file)
        }
        guard let node else { self.mapping = nil; return }
        guard let mapping = node.mapping else {
            throw Diagnostic.error("expected a mapping of `key: value` lines", file: file,
                                   line: node.mark.map { $0.line + lineOffset })
        }
        self.mapping = mapping
    }

    init(mapping: Node.Mapping?, file: String, lineOffset: Int) {
        self.mapping = mapping
        self.file = file
        self.lineOffset = lineOffset
    }

    static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .error("YAML does not parse: \(problem); check the indentation and quoting on this line",
                          file: file, line: mark.line + lineOffset, column: mark.column)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("the key \(duplicates.joined(separator: ", ")) is given twice; keep one",
                          file: file, line: context.mark.line + lineOffset, column: context.mark.column)
        default:
            return .error("YAML does not parse: \(error)", file: file)
        }
    }

    /// The keys present, in file order.
    public var keys: [String] { mapping?.keys.compactMap(\.string) ?? [] }

    func node(_ key: String) -> Node? { mapping?[key] }

    func line(of node: Node) -> Int? { node.mark.map { $0.line + lineOffset } }

    func wrongType(_ key: String, _ node: Node, expected: String) -> Diagnostic {
        .error("`\(key)` must be \(expected)", file: file, line: line(of: node), column: node.mark?.column)
    }

    public func string(_ key: String) throws(Diagnostic) -> String? {
        guard let node = node(key) else { return nil }
        if node.null != nil { return nil }
        guard let scalar = node.scalar else { throw wrongType(key, node, expected: "text") }
        return scalar.string
    }

    public func bool(_ key: String) throws(Diagnostic) -> Bool? {
        guard let node = node(key) else { return nil }
        guard let value = node.bool else { throw wrongType(key, node, expected: "true or false") }
        return value
    }

    public func int(_ key: String, in range: ClosedRange<Int>) throws(Diagnostic) -> Int? {
        guard let node = node(key) else { return nil }
        guard let value = node.int, range.contains(value) else {
            throw wrongType(key, node, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    public func double(_ key: String, in range: ClosedRange<Double>) throws(Diagnostic) -> Double? {
        guard let node = node(key) else { return nil }
        guard let value = node.float ?? node.int.map(Double.init), range.contains(value) else {
            throw wrongType(key, node, expected: "a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A list of strings; a single string counts as a list of one.
    public func strings(_ key: String) throws(Diagnostic) -> [String]? {
        guard let node = node(key) else { return nil }
        if node.null != nil { return nil }
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else { throw wrongType(key, node, expected: "a list of text") }
        var result: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else { throw wrongType(key, item, expected: "text") }
            result.append(scalar.string)
        }
        return result
    }

    /// A date in ISO 8601 form (`2024-04-23`, `2024-04-23 15:48`, `2024-04-23T15:48:47`).
    public func date(_ key: String) throws(Diagnostic) -> ArticleDate? {
        guard let node = node(key) else { return nil }
        if node.null != nil { return nil }
        guard let text = node.scalar?.string, let date = ISODate.parse(text) else {
            throw wrongType(key, node, expected: "a date such as 2024-04-23 or 2024-04-23T15:48")
        }
        return date
    }

    /// A nested mapping.
    public func document(_ key: String) throws(Diagnostic) -> YAMLDocument? {
        guard let node = node(key) else { return nil }
        if node.null != nil { return nil }
        guard let mapping = node.mapping else { throw wrongType(key, node, expected: "a mapping of `key: value` lines") }
        return YAMLDocument(mapping: mapping, file: file, lineOffset: lineOffset)
    }

    /// A list of nested mappings.
    public func documents(_ key: String) throws(Diagnostic) -> [YAMLDocument]? {
        guard let node = node(key) else { return nil }
        if node.null != nil { return nil }
        guard let sequence = node.sequence else { throw wrongType(key, node, expected: "a list") }
        var result: [YAMLDocument] = []
        for item in sequence {
            guard let mapping = item.mapping else { throw wrongType(key, item, expected: "a list of mappings") }
            result.append(YAMLDocument(mapping: mapping, file: file, lineOffset: lineOffset))
        }
        return result
    }

    /// Warns about keys that nothing reads: usually a typo.
    public func unknownKeys(known: Set<String>) -> [Diagnostic] {
        guard let mapping else { return [] }
        return mapping.compactMap { pair -> Diagnostic? in
            guard let key = pair.key.string, !known.contains(key) else { return nil }
            return .warning("unknown key `\(key)`; known keys are \(known.sorted().joined(separator: ", "))",
                            file: file, line: line(of: pair.key), column: pair.key.mark?.column)
        }
    }
}

/// ISO 8601 dates and date-times as editors write them in front matter.
enum ISODate {
    static func parse(_ text: String) -> ArticleDate? {
        let digits = text.trimmingCharacters(in: .whitespaces).unicodeScalars.map { ArabicDigits.western($0) }
        let s = String(String.UnicodeScalarView(digits))
        let parts = s.split(whereSeparator: { $0 == "T" || $0 == " " }).map(String.init)
        guard let first = parts.first else { return nil }
        let ymd = first.split(separator: "-").compactMap { Int($0) }
        guard ymd.count == 3, first.split(separator: "-").allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        if parts.count == 1 { return ArticleDate(year: ymd[0], month: ymd[1], day: ymd[2]) }
        var time = parts[1]
        if let zone = time.firstIndex(where: { $0 == "Z" || $0 == "+" }) { time = String(time[..<zone]) }
        if let dot = time.firstIndex(of: ".") { time = String(time[..<dot]) }
        let hms = time.split(separator: ":").map { Int($0) }
        guard hms.count >= 2, hms.count <= 3, hms.allSatisfy({ $0 != nil }) else { return nil }
        return ArticleDate(year: ymd[0], month: ymd[1], day: ymd[2], hour: hms[0]!, minute: hms[1]!, second: hms.count == 3 ? hms[2]! : 0)
    }
}

import Foundation
import ArabicText

enum ArabicDigits {
    static func western(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x0660...0x0669: return Unicode.Scalar(scalar.value - 0x0660 + 0x30)!
        case 0x06F0...0x06F9: return Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!
        default: return scalar
        }
    }
}
