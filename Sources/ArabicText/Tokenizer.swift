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
    public static func words(_ text: some StringProtocol) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard let folded = ArabicNormalizer.fold(scalar) else { continue }
            if isWordScalar(folded) {
                current.append(folded)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// How many words `words(text)` would give, without making them.
    public static func wordCount(_ text: some StringProtocol) -> Int {
        var count = 0, inWord = false
        for scalar in text.unicodeScalars {
            guard let folded = ArabicNormalizer.fold(scalar) else { continue }
            if isWordScalar(folded) {
                if !inWord { count += 1 }
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
        return ArabicNormalizer.isArabicLetter(scalar) || scalar.properties.isAlphabetic
            || scalar.properties.numericType != nil
    }
}
