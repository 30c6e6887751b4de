/// A light stemmer in the manner of Light10 (Larkey, Ballesteros and Connell): strips
/// the conjunction و, the definite article in its attached forms and the common
/// suffixes, keeping at least a two- or three-letter stem. Works on normalized words.
public enum LightStemmer {
    /// Definite-article prefixes, longest first (normalized spelling).
    static let articles = ["وال", "بال", "كال", "فال", "لل", "ال"]
    /// Suffixes, longest first (normalized spelling: ة is ه, ى is ي).
    static let suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"]

    public static func stem(_ word: String) -> String {
        var w = Substring(word)
        if w.count > 3, w.hasPrefix("و") { w = w.dropFirst() }
        for prefix in articles where w.hasPrefix(prefix) && w.count - prefix.count >= 2 {
            w = w.dropFirst(prefix.count)
            break
        }
        if w.count > 2 {
            for suffix in suffixes where w.hasSuffix(suffix) && w.count - suffix.count >= 2 {
                w = w.dropLast(suffix.count)
                // Light10 strips repeatedly until none applies or the word is short.
                if w.count <= 2 { break }
            }
        }
        return String(w)
    }
}
