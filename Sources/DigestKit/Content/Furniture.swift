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
        return Rule(expression: expression, start: PatternStart.of(tolerant))
    }

    public func isFurniture(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        return lines.contains { rule in
            (rule.start?.admits(first) ?? true) && rule.expression.matchesWhole(line)
        }
    }

    /// Markers may follow punctuation and spaces, so each of those can be where one begins.
    public func isEndMarker(_ line: String) -> Bool {
        var starts: [Unicode.Scalar] = []
        for c in line.unicodeScalars {
            starts.append(c)
            if !Self.isPunctuationOrSpace(c) { break }
        }
        return endMarkers.contains { rule in
            (rule.start.map { start in starts.contains(where: start.admits) } ?? true) && rule.expression.matchesWhole(line)
        }
    }

    /// `[\p{P}\p{S}\s]`
    static func isPunctuationOrSpace(_ c: Unicode.Scalar) -> Bool {
        if c.properties.isWhitespace { return true }
        switch c.properties.generalCategory {
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
