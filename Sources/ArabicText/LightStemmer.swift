/// A light stemmer in the manner of Light10 (Larkey, Ballesteros and Connell): strips
/// the conjunction و, the definite article in its attached forms and the common
/// suffixes, keeping at least a two- or three-letter stem. Works on normalized words.
public enum LightStemmer {
    /// Definite-article prefixes, longest first (normalized spelling).
    static let articles = ["وال", "بال", "كال", "فال", "لل", "ال"]
    /// Suffixes, longest first (normalized spelling: ة is ه, ى is ي).
    static let suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"]

    // The affixes as scalars: stemming runs for every word of every article, and
    // String's Character-level prefix tests cost a Unicode table look-up per letter.
    static let articleScalars = articles.map { Array($0.unicodeScalars) }
    static let suffixScalars = suffixes.map { Array($0.unicodeScalars) }
    static let waw: Unicode.Scalar = "\u{0648}"

    public static func stem(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        var start = 0, end = scalars.count
        if end - start > 3, scalars[start] == waw { start += 1 }
        for prefix in articleScalars where end - start - prefix.count >= 2 && scalars[start...].starts(with: prefix) {
            start += prefix.count
            break
        }
        if end - start > 2 {
            for suffix in suffixScalars where end - start - suffix.count >= 2 && scalars[start..<end].reversed().starts(with: suffix.reversed()) {
                end -= suffix.count
                // Light10 strips repeatedly until none applies or the word is short.
                if end - start <= 2 { break }
            }
        }
        if start == 0 && end == scalars.count { return word }
        // The stem is a run of the word's own bytes: cut them rather than re-encode.
        let utf8 = word.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: scalars[..<start].reduce(0) { $0 + UTF8.width($1) })
        let to = utf8.index(utf8.endIndex, offsetBy: -scalars[end...].reduce(0) { $0 + UTF8.width($1) })
        return String(decoding: utf8[from..<to], as: UTF8.self)
    }
}
