import Foundation

/// Function words that carry no topic: prepositions, particles, pronouns, demonstratives
/// and the reporting verbs of news prose. Words are compared in normalized form; a word
/// with the conjunction و or ف in front is a stopword when the rest of it is one.
public struct Stopwords: Sendable {
    private var words: Set<String>

    /// A list from words in any spelling; each is normalized.
    public init(words: some Sequence<String>) {
        self.words = Set(words.map { ArabicNormalizer.normalize($0) })
    }

    /// Reads a list in the format of the built-in one: a word a line, `#` starts a comment.
    public init(listText: String) {
        var words: [String] = []
        for line in listText.split(whereSeparator: \.isNewline) {
            guard let first = line.first(where: { !$0.isWhitespace }), first != "#" else { continue }
            words += Tokenizer.words(line)
        }
        self.init(words: words)
    }

    /// The list shipped with ArabicText (`Resources/stopwords.txt`), or nil when the
    /// resource cannot be read (a broken installation).
    public static let builtIn: Stopwords? = {
        guard let folder = Bundle.module.url(forResource: "Resources", withExtension: nil),
              let data = FileManager.default.contents(atPath: folder.appendingPathComponent("stopwords.txt").path)
        else { return nil }
        return Stopwords(listText: String(decoding: data, as: UTF8.self))
    }()

    /// The number of distinct words in the list.
    public var count: Int { words.count }

    /// True when a normalized word (as `Tokenizer.words` gives it) is a stopword.
    public func contains(_ word: String) -> Bool {
        if words.contains(word) { return true }
        if word.count > 2, let first = word.unicodeScalars.first, first == "و" || first == "ف" {
            return words.contains(String(word.unicodeScalars.dropFirst()))
        }
        return false
    }

    /// Adds words (a site's own list, say) in any spelling.
    public mutating func formUnion(_ more: some Sequence<String>) {
        words.formUnion(more.map { ArabicNormalizer.normalize($0) })
    }
}
