import ArabicText
import Foundation

/// The rules that tell page furniture from the story: whole-line patterns to drop and
/// markers after which the page shows other stories. Loaded from `furniture.json`,
/// extended by `digest.yml`. Arabic in the patterns matches with or without hamza and
/// diacritics (see `ArabicPattern`).
public struct Furniture: Sendable {
    public private(set) var linePatterns: [String] = []
    public private(set) var endMarkerPatterns: [String] = []
    /// Each pattern compiled on its own, with the scalars a match can begin with: one
    /// alternation of every pattern is several times slower in ICU than the patterns one by
    /// one, and the start rules most patterns out of most lines without running them.
    var lines: [Rule] = []
    var endMarkers: [Rule] = []

    struct Rule: Sendable {
        let expression: NSRegularExpression
        /// Nil when the pattern can begin with anything.
        let start: PatternStart?
        /// The words, folded, one of which the line must hold before the expression is worth
        /// running (see `RequiredWords`), or nil.
        var words: [[UInt8]]?
        /// The words, folded, one of which a match begins with (see `startingWords`), or nil.
        var starts: [[UInt8]]?
    }

    public init(lines: [String], endMarkers: [String], file: String) throws(Diagnostic) {
        try add(lines: lines, endMarkers: endMarkers, file: file)
    }

    /// Adds patterns, checking each on its own so that an error names the one that is wrong.
    public mutating func add(lines: [String], endMarkers: [String], file: String) throws(Diagnostic) {
        for pattern in lines + endMarkers {
            do {
                _ = try ArabicPattern.compile(pattern)
            } catch {
                throw Diagnostic.error("the furniture pattern `\(pattern)` is not a valid regular expression; check its brackets and escapes", file: file)
            }
        }
        linePatterns += lines
        endMarkerPatterns += endMarkers
        self.lines += lines.compactMap { Self.rule($0) { "^(?:\($0))$" } }
        // A marker ends the article alone on its line, with any punctuation, or followed
        // by a colon or dash and the first related headline.
        self.endMarkers += endMarkers.compactMap {
            Self.rule($0) { "^[\\p{P}\\p{S}\\s]*(?:\($0))(?:[\\p{P}\\p{S}\\s]*$|\\s*[:：\\-–—|»]|\\s+\\.\\.\\.)" }
        }
    }

    static func rule(_ pattern: String, wrap: (String) -> String) -> Rule? {
        let tolerant = ArabicPattern.tolerant(pattern)
        guard let expression = try? NSRegularExpression(pattern: wrap(tolerant), options: [.caseInsensitive]) else { return nil }
        let starts = startingWords(pattern).map { $0.map { Array(fold($0).utf8) } }
        // Words a line begins with are quicker to check than words anywhere in it, and say more.
        return Rule(expression: expression, start: PatternStart.of(tolerant),
                    words: starts == nil ? RequiredWords.of(pattern).map { $0.map { Array(fold($0).utf8) } } : nil,
                    starts: starts)
    }

    /// The plain words a match of `pattern` must begin with: its literal start, or the literal
    /// start of each alternative of a first group (`(العودة|الرجوع) إلى…`). Nil when the
    /// pattern starts with anything else (a class, an escape, an optional group).
    static func startingWords(_ pattern: String) -> [String]? {
        func literalStart(_ text: Substring) -> String? {
            var prefix = String(text.prefix { !RequiredWords.metacharacters.contains($0) })
            let next = text.dropFirst(prefix.count).first
            // A quantifier after the prefix makes its last character optional.
            if let next, "?*{".contains(next), !prefix.isEmpty { prefix.removeLast() }
            return prefix.isEmpty ? nil : prefix
        }
        guard RequiredWords.alternatives(Array(pattern)[...]).count == 1 else { return nil }
        guard pattern.hasPrefix("(") else { return literalStart(Substring(pattern)).map { [$0] } }
        guard let close = pattern.firstIndex(of: ")") else { return nil }
        let inner = pattern[pattern.index(after: pattern.startIndex)..<close]
        let after = pattern[pattern.index(after: close)...]
        guard !inner.contains("("), !(after.first.map { "?*{".contains($0) } ?? false) else { return nil }
        var words: [String] = []
        for alternative in inner.split(separator: "|", omittingEmptySubsequences: false) {
            guard let word = literalStart(alternative) else { return nil }
            words.append(word)
        }
        return words
    }

    /// A coarser folding than the tolerant patterns' (ArabicNormalizer's, plus ؤ → و and
    /// ئ → ي, ASCII lowercased): text a pattern matches folds to hold the pattern's words folded.
    static func fold(_ text: String) -> String {
        var out = TextBuilder(capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let folded = ArabicNormalizer.fold(scalar) else { continue }
            switch folded.value {
            case 0x0624: out.append("\u{0648}")
            case 0x0626: out.append("\u{064A}")
            default: out.append(folded)
            }
        }
        return out.string
    }

    public func isFurniture(_ line: String) -> Bool {
        var folded = FoldedLine(line)
        return isFurniture(line, folded: &folded)
    }

    /// With the line folded once for this and `isEndMarker`.
    func isFurniture(_ line: String, folded: inout FoldedLine) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        return lines.contains { rule in
            (rule.start?.admits(first) ?? true) && (rule.words.map { folded.holds(any: $0) } ?? true)
                && (rule.starts.map { folded.begins(withAny: $0) } ?? true) && rule.expression.matchesWhole(line)
        }
    }

    /// A line folded as the rules' words are, once, when a rule first asks. Lines with
    /// cased letters beyond ASCII, which case-insensitive matching folds in ways this
    /// folding does not, pass every check.
    struct FoldedLine {
        let line: String
        var bytes: [UInt8]??

        init(_ line: String) { self.line = line }

        mutating func folded() -> [UInt8]? {
            if bytes == nil {
                bytes = line.unicodeScalars.contains { !$0.isASCII && CommonScalars.isCased($0) } ? .some(nil) : Array(Furniture.fold(line).utf8)
            }
            return bytes ?? nil
        }

        mutating func holds(any words: [[UInt8]]) -> Bool {
            guard let bytes = folded() else { return true }
            return words.contains { Furniture.find($0, in: bytes) }
        }

        mutating func begins(withAny words: [[UInt8]]) -> Bool {
            guard let bytes = folded() else { return true }
            return words.contains { bytes.starts(with: $0) }
        }
    }

    /// Whether `needle` occurs in `haystack`. Compared from the needle's last byte back: Arabic
    /// letters share their first UTF-8 byte, so first-byte matches are everywhere, while the
    /// last byte of a letter tells it apart.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let m = n.count, last = n[m - 1]
                var i = m - 1
                while i < h.count {
                    if h[i] == last {
                        var k = 1
                        while k < m, h[i - k] == n[m - 1 - k] { k += 1 }
                        if k == m { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Markers may follow punctuation and spaces, so each of those can be where one begins.
    public func isEndMarker(_ line: String) -> Bool {
        var folded = FoldedLine(line)
        return isEndMarker(line, folded: &folded)
    }

    func isEndMarker(_ line: String, folded: inout FoldedLine) -> Bool {
        var starts: [Unicode.Scalar] = []
        for c in line.unicodeScalars {
            starts.append(c)
            if !Self.isPunctuationOrSpace(c) { break }
        }
        return endMarkers.contains { rule in
            (rule.start.map { start in starts.contains(where: start.admits) } ?? true)
                && (rule.words.map { folded.holds(any: $0) } ?? true) && rule.expression.matchesWhole(line)
        }
    }

    /// `[\p{P}\p{S}\s]`
    static func isPunctuationOrSpace(_ c: Unicode.Scalar) -> Bool {
        if CommonScalars.isWhitespace(c) { return true }
        switch CommonScalars.generalCategory(c) {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}

extension NSRegularExpression {
    /// For expressions that begin with `^`.
    func matchesWhole(_ text: String) -> Bool {
        matchAtStart(of: text) != nil
    }
}
