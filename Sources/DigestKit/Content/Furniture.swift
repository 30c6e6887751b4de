import Foundation

/// The rules that tell page furniture from the story: whole-line patterns to drop and
/// markers after which the page shows other stories. Loaded from `furniture.json`,
/// extended by `digest.yml`.
public struct Furniture: Sendable {
    public var lines: [NSRegularExpression]
    public var endMarkers: [NSRegularExpression]

    public init(lines: [String], endMarkers: [String], file: String) throws(Diagnostic) {
        self.lines = try lines.map { (p) throws(Diagnostic) in try Self.compile(p, file: file) }
        self.endMarkers = try endMarkers.map { (p) throws(Diagnostic) in try Self.compile(p, file: file) }
    }

    static func compile(_ pattern: String, file: String) throws(Diagnostic) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: "^(?:\(pattern))$", options: [.caseInsensitive])
        } catch {
            throw Diagnostic.error("the furniture pattern `\(pattern)` is not a valid regular expression", file: file)
        }
    }

    public func isFurniture(_ line: String) -> Bool { lines.contains { $0.matchesWhole(line) } }
    public func isEndMarker(_ line: String) -> Bool { endMarkers.contains { $0.matchesWhole(line) } }
}

extension NSRegularExpression {
    func matchesWhole(_ text: String) -> Bool {
        firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
