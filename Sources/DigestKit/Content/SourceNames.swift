import ArabicText
import Foundation

/// The agencies and outlets an article may name as its source, each under one name:
/// `(شينخوا)`, `وكالة أنباء شينخوا` and `Xinhua` are all `شينخوا`. From `sources.json`,
/// extended by `digest.yml`.
public struct SourceNames: Sendable {
    /// Alias key (folded letters and digits, no spaces or dots) → the name shown.
    var names: [String: String] = [:]

    public init(_ entries: [(name: String, aliases: [String])]) {
        for entry in entries { add(name: entry.name, aliases: entry.aliases) }
    }

    public mutating func add(name: String, aliases: [String]) {
        for alias in aliases + [name] { names[Self.key(alias)] = name }
    }

    static func key(_ text: String) -> String { Tokenizer.words(text).joined() }

    /// True when `text` names a known agency or outlet.
    func isKnown(_ text: String) -> Bool { names[Self.key(text)] != nil }

    /// The one name of the source `text` names; a name not listed is kept as written,
    /// without the quotes and punctuation around it.
    func normalize(_ text: String) -> String? {
        let cleaned = Self.clean(text)
        guard !cleaned.isEmpty, !Self.key(cleaned).isEmpty else { return nil }
        return names[Self.key(cleaned)] ?? cleaned
    }

    static func clean(_ text: String) -> String {
        // Runs of `.whitespaces` (tab and `\p{Zs}`) as one space, ends trimmed: what splitting
        // on them and joining the pieces gave, without making the pieces.
        Spacing.collapse(text).trimmingCharacters(in: edge)
    }

    /// What is trimmed off a name's ends; made once, as every metadata line asks for it.
    static let edge = CharacterSet.whitespaces.union(.punctuationCharacters).union(CharacterSet(charactersIn: "\"'“”«»‘’()[]"))
}
