import Foundation

/// The rules that tell page furniture from the story: whole-line patterns to drop and
/// markers after which the page shows other stories. Loaded from `furniture.json`,
/// extended by `digest.yml`. Arabic in the patterns matches with or without hamza and
/// diacritics (see `ArabicPattern`).
public struct Furniture: Sendable {
    public private(set) var linePatterns: [String] = []
    public private(set) var endMarkerPatterns: [String] = []
    /// All line patterns as one expression: one match per line, however many patterns.
    var lines: NSRegularExpression?
    var endMarkers: NSRegularExpression?

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
        self.lines = Self.combine(linePatterns) { "^(?:\($0))$" }
        // A marker ends the article alone on its line, with any punctuation, or followed
        // by a colon or dash and the first related headline.
        self.endMarkers = Self.combine(endMarkerPatterns) {
            "^[\\p{P}\\p{S}\\s]*(?:\($0))(?:[\\p{P}\\p{S}\\s]*$|\\s*[:：\\-–—|»]|\\s+\\.\\.\\.)"
        }
    }

    static func combine(_ patterns: [String], wrap: (String) -> String) -> NSRegularExpression? {
        guard !patterns.isEmpty else { return nil }
        let alternation = patterns.map { "(?:\(ArabicPattern.tolerant($0)))" }.joined(separator: "|")
        return try? NSRegularExpression(pattern: wrap(alternation), options: [.caseInsensitive])
    }

    public func isFurniture(_ line: String) -> Bool { lines?.matchesWhole(line) ?? false }
    public func isEndMarker(_ line: String) -> Bool { endMarkers?.matchesWhole(line) ?? false }
}

extension NSRegularExpression {
    func matchesWhole(_ text: String) -> Bool {
        firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
