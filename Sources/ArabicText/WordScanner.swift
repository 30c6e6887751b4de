/// Finds the words of a text on its UTF-8 bytes, with the folding of `ArabicNormalizer`
/// and the word scalars of `Tokenizer`: every stage splits every article into words
/// (passages, summaries, search terms), and decoding `Unicode.Scalar`s one by one through
/// the generic views, each asking two Unicode tables, was the larger part of that.
///
/// A word is a run of word scalars (letters and digits of any script, after folding) with
/// the scalars folding drops (diacritics, tatweel, joiners) inside it; anything else
/// separates words. The scanner hands over each word's normalized bytes and the byte range
/// of the word as written (from the previous separator to the next one).
public enum WordScanner {
    /// What a scalar below U+0900 is to the scanner, as one `UInt32`: the folded scalar's
    /// value in the low 21 bits, and flags above.
    static let dropped: UInt32 = 1 << 31
    static let word: UInt32 = 1 << 30
    static let unchanged: UInt32 = 1 << 29
    /// The scalar as written (not folded) is a letter (`CommonScalars.isAlphabetic`), and an
    /// Arabic one: for `scanCountingLetters`.
    static let letter: UInt32 = 1 << 28
    static let arabicLetter: UInt32 = 1 << 27
    static let valueMask: UInt32 = 0x1F_FFFF
    static let tableEnd: UInt32 = 0x900

    static let table: [UInt32] = (0..<tableEnd).map { value in
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        return classify(scalar)
    }

    static func classify(_ scalar: Unicode.Scalar) -> UInt32 {
        let isLetter = CommonScalars.isAlphabetic(scalar)
        let letters = (isLetter ? letter : 0) | (isLetter && ArabicNormalizer.isArabicLetter(scalar) ? arabicLetter : 0)
        guard let folded = ArabicNormalizer.fold(scalar) else { return dropped | letters }
        return folded.value | (Tokenizer.isWordScalar(folded) ? word : 0) | (folded == scalar ? unchanged : 0) | letters
    }

    @inline(__always)
    static func entry(_ value: UInt32, in table: UnsafeBufferPointer<UInt32>) -> UInt32 {
        value < tableEnd ? table[Int(value)] : classify(Unicode.Scalar(value) ?? "\u{FFFD}")
    }

    /// Calls `found` for every word of `bytes` (valid UTF-8) with the word's normalized
    /// bytes and the range of its bytes as written.
    @inline(__always)
    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>,
                            _ found: (_ normalized: UnsafeBufferPointer<UInt8>, _ written: Range<Int>) -> Void) {
        // Read once here: a static's every use goes through its lazy initializer's check.
        Self.table.withUnsafeBufferPointer { table in scan(bytes, table: table, found) }
    }

    /// `scan`, and the text's letters counted as `CommonScalars.letters(in:)` counts them, in
    /// the same pass: the summarizer asks every sentence it reads the words of how much of it
    /// is Arabic, and a second pass over every sentence was a fifth of the scan's time.
    @inline(__always)
    public static func scanCountingLetters(_ bytes: UnsafeBufferPointer<UInt8>,
                                           _ found: (_ normalized: UnsafeBufferPointer<UInt8>, _ written: Range<Int>) -> Void)
        -> (all: Int, arabic: Int) {
        Self.table.withUnsafeBufferPointer { table in scan(bytes, table: table, countingLetters: true, found) }
    }

    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt32>,
                     _ found: (_ normalized: UnsafeBufferPointer<UInt8>, _ written: Range<Int>) -> Void) {
        _ = scan(bytes, table: table, countingLetters: false, found)
    }

    /// `countingLetters` is a constant where this is inlined: a scan that does not count has no count in it.
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt32>, countingLetters: Bool,
                     _ found: (_ normalized: UnsafeBufferPointer<UInt8>, _ written: Range<Int>) -> Void) -> (all: Int, arabic: Int) {
        var all = 0, arabic = 0
        // A word's normalized bytes go to a buffer that cannot run out (a scalar folds to at
        // most four bytes, and takes at least one): stores, not an array's appends, each of
        // which checks its capacity and uniqueness.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * bytes.count + 4) { normalized in
            var n = 0
            var start = 0  // where the word as written begins: just past the last separator
            var i = 0
            let count = bytes.count
            while i < count {
                let (value, length) = UTF8Bytes.scalar(at: i, in: bytes)
                let e = entry(value, in: table)
                if countingLetters, e & letter != 0 {
                    all += 1
                    if e & arabicLetter != 0 { arabic += 1 }
                }
                if e & dropped != 0 {
                    // Inside a word, or before one: it stays with the word as written.
                } else if e & word != 0 {
                    if e & unchanged != 0 {
                        for k in 0..<length { normalized[n + k] = bytes[i + k] }
                        n += length
                    } else {
                        n += UTF8Bytes.store(e & valueMask, at: n, in: normalized)
                    }
                } else {
                    if n > 0 {
                        found(UnsafeBufferPointer(rebasing: normalized[..<n]), start..<i)
                        n = 0
                    }
                    start = i + length
                }
                i += length
            }
            if n > 0 { found(UnsafeBufferPointer(rebasing: normalized[..<n]), start..<count) }
        }
        return (all, arabic)
    }

    /// The normalized words of a text.
    public static func words(_ text: String) -> [String] { withBytes(text, words(utf8:)) }
    public static func words(_ text: Substring) -> [String] { withBytes(text, words(utf8:)) }

    static func words(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var words: [String] = []
        scan(bytes) { normalized, _ in words.append(String(decoding: normalized, as: UTF8.self)) }
        return words
    }

    /// Each word as written and normalized.
    public static func writtenAndNormalized(_ text: String) -> (written: [String], normalized: [String]) {
        var written: [String] = [], normalized: [String] = []
        withBytes(text) { bytes in
            scan(bytes) { folded, range in
                normalized.append(String(decoding: folded, as: UTF8.self))
                written.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            }
        }
        return (written, normalized)
    }

    /// The text's UTF-8 bytes in one buffer, copied only when the string is not stored contiguously (bridged).
    public static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    public static func withBytes<R>(_ text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
