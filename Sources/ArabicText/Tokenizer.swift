/// A word of a text: its normalized form and where it stands in the original.
public struct Token: Sendable, Hashable {
    /// The word after `ArabicNormalizer`.
    public var normalized: String
    /// The word's position among the words of the text, counted from zero.
    public var index: Int

    public init(normalized: String, index: Int) {
        self.normalized = normalized
        self.index = index
    }
}

/// Splits text into words: runs of letters and digits (of any script), with the
/// diacritics and joiners inside a word ignored. Punctuation, spaces and symbols separate.
public enum Tokenizer {
    public static func tokens(_ text: some StringProtocol) -> [Token] {
        words(text).enumerated().map { Token(normalized: $0.element, index: $0.offset) }
    }

    /// The normalized words of a text, in order.
    public static func words(_ text: some StringProtocol) -> [String] { words(scalars: text.unicodeScalars) }

    /// The same for a `String` and a `Substring`, on their UTF-8 bytes (`WordScanner`): every
    /// stage tokenizes every article, most of all the search index.
    public static func words(_ text: String) -> [String] { WordScanner.words(text) }
    public static func words(_ text: Substring) -> [String] { WordScanner.words(text) }

    @inline(__always)
    static func words(scalars: some Sequence<Unicode.Scalar>) -> [String] {
        var words: [String] = []
        // A word is gathered as UTF-8 bytes: appending scalars to a String costs more.
        var current: [UInt8] = []
        current.reserveCapacity(64)
        for scalar in scalars {
            guard let folded = ArabicNormalizer.fold(scalar) else { continue }
            if isWordScalar(folded) {
                UTF8.encode(folded) { current.append($0) }
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// How many words `words(text)` would give, without making them; counting stops at `limit`.
    public static func wordCount(_ text: some StringProtocol, upTo limit: Int = .max) -> Int {
        var count = 0, inWord = false
        for scalar in text.unicodeScalars {
            guard let folded = ArabicNormalizer.fold(scalar) else { continue }
            if isWordScalar(folded) {
                if !inWord {
                    count += 1
                    if count >= limit { break }
                }
                inWord = true
            } else {
                inWord = false
            }
        }
        return count
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
        }
        return ArabicNormalizer.isArabicLetter(scalar) || CommonScalars.isAlphabetic(scalar)
            || CommonScalars.isNumeric(scalar)
    }
}
