/// Splits Arabic news text into sentences at `.` `!` `?` `؟` `؛` `;` and at line ends.
///
/// A mark ends a sentence only where a reader would stop: not inside a number (`1.5`,
/// `12.30`), not after an initial (`ج. بوش`, `أ. د. محمد`, `ق.م`), not inside a quotation
/// that opens and closes on the same line (`«…»`, `“…”`, `"…"`), and not in an ellipsis
/// run into the next words. Closing quotes and brackets that follow the mark stay with
/// the sentence they close. Works on texts whose paragraphs are one long line each.
public enum SentenceSplitter {
    /// The sentences of a text, trimmed, in order; pieces without a letter or digit are dropped.
    public static func sentences(_ text: some StringProtocol) -> [String] { sentences(String(text)) }

    /// The same for a `String` and a `Substring`, on their UTF-8 bytes: every article's text
    /// passes through it, and each sentence is a slice of those bytes, not made again scalar by scalar.
    /// A native string's sentences are copied as slices of it are: its bytes are valid UTF-8
    /// and every cut falls between scalars, so they need not be checked again, byte by byte.
    public static func sentences(_ text: String) -> [String] {
        let cuts = text.utf8.withContiguousStorageIfAvailable { bytes in
            var cuts: [(Int, Int)] = []
            sentences(utf8: bytes) { cuts.append(($0, $1)) }
            return cuts
        }
        guard let cuts else { return WordScanner.withBytes(text, sentences(utf8:)) }
        return cuts.map { from, to in String(UTF8Bytes.slice(text, from..<to)) }
    }
    public static func sentences(_ text: Substring) -> [String] { WordScanner.withBytes(text, sentences(utf8:)) }

    /// What a byte may begin, as flags: most bytes of a line begin nothing the splitter
    /// looks for, and one table lookup tells so.
    static let lineBreakByte: UInt8 = 1, quoteByte: UInt8 = 2, terminatorByte: UInt8 = 4
    static let byteClasses: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
        switch b {
        case 0x0A, 0x0D: return lineBreakByte
        case 0x22, 0xC2: return quoteByte  // " « »
        case 0x2E, 0x21, 0x3F, 0x3B, 0xD8: return terminatorByte  // . ! ? ; ؟ ؛
        case 0xE2: return lineBreakByte | quoteByte | terminatorByte  // U+2028 U+2029 “ ” „ …
        default: return 0
        }
    }

    static func sentences(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var result: [String] = []
        sentences(utf8: bytes) { from, to in
            result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self))
        }
        return result
    }

    /// Calls `found` with each sentence's byte range, in order.
    static func sentences(utf8 bytes: UnsafeBufferPointer<UInt8>, _ found: (Int, Int) -> Void) {
        byteClasses.withUnsafeBufferPointer { classes in
            var quotes = QuotationSpans()
            let count = bytes.count
            // Lines end at LF, CR, CRLF, and the Unicode line and paragraph separators (E2 80 A8, E2 80 A9).
            var lineStart = 0
            while true {
                var lineEnd = lineStart
                var breakLength = 0
                var seen: UInt8 = 0
                while lineEnd < count {
                    let b = bytes[lineEnd]
                    let c = classes[Int(b)]
                    seen |= c
                    if c & lineBreakByte != 0 {
                        if b != 0xE2 {
                            breakLength = 1
                            break
                        }
                        if lineEnd + 2 < count, bytes[lineEnd + 1] == 0x80,
                           bytes[lineEnd + 2] == 0xA8 || bytes[lineEnd + 2] == 0xA9 {
                            breakLength = 3
                            break
                        }
                    }
                    lineEnd += 1
                }
                if lineEnd > lineStart {
                    let line = Line(bytes: bytes, classes: classes, start: lineStart, end: lineEnd)
                    // A line without a quotation mark's first byte has no quotation.
                    line.sentences(quotes: &quotes, mayQuote: seen & quoteByte != 0, found)
                }
                if lineEnd >= count { break }
                lineStart = lineEnd + breakLength
            }
        }
    }

    /// One line of the text's UTF-8 bytes. Positions are byte offsets into the whole text;
    /// the scalar before a position is found by stepping back over continuation bytes, so
    /// the rules read the scalars around a mark without decoding the line into an array.
    struct Line {
        let bytes: UnsafeBufferPointer<UInt8>
        let classes: UnsafeBufferPointer<UInt8>
        let start: Int
        let end: Int

        @inline(__always)
        func scalar(at i: Int) -> (value: UInt32, length: Int) { UTF8Bytes.scalar(at: i, in: bytes) }

        /// Where the scalar that ends just before `i` begins (`i` > `start`).
        @inline(__always)
        func previous(_ i: Int) -> Int {
            var p = i - 1
            while bytes[p] & 0xC0 == 0x80 { p -= 1 }
            return p
        }

        @inline(__always)
        func value(before i: Int) -> UInt32 { scalar(at: previous(i)).value }

        /// The sentences of the line, as the byte ranges `found` is called with (trimmed).
        func sentences(quotes: inout QuotationSpans, mayQuote: Bool, _ found: (Int, Int) -> Void) {
            if mayQuote { quotes.find(in: self) } else { quotes.clear() }
            var from = start
            var i = start
            while i < end {
                // Every terminator's first byte is one of these; continuation bytes never are.
                // D8 leads half the Arabic letters too: its marks (؛ D8 9B, ؟ D8 9F) are told by
                // the byte after it, without decoding every letter.
                let b = bytes[i]
                guard classes[Int(b)] & terminatorByte != 0,
                      b != 0xD8 || (i + 1 < end && (bytes[i + 1] | 0x04) == 0x9F),
                      SentenceSplitter.isTerminator(scalar(at: i).value), !quotes.isInside(i),
                      let sentenceEnd = sentenceEnd(at: i, quotes: quotes)
                else {
                    i += 1
                    continue
                }
                piece(from..<sentenceEnd, found)
                from = sentenceEnd
                i = sentenceEnd
            }
            piece(from..<end, found)
        }

        /// Where the sentence that a terminator at `i` might end really ends (just past the
        /// terminators and closing marks that belong to it), or nil when it does not end here.
        func sentenceEnd(at i: Int, quotes: QuotationSpans) -> Int? {
            // A run of marks (`؟!`, `...`) is decided at its first mark.
            if i > start, SentenceSplitter.isTerminator(value(before: i)) { return nil }
            var stop = i
            var run = 0, allStops = true
            while stop < end {
                let (v, length) = scalar(at: stop)
                guard SentenceSplitter.isTerminator(v) else { break }
                run += 1
                if v != 0x2E { allStops = false }
                stop += length
            }
            // An ellipsis (`...`, `…`) is a pause in Arabic prose unless it ends the line.
            let isEllipsis = run >= 2 && allStops
            while stop < end {
                let (v, length) = scalar(at: stop)
                guard quotes.isCloser(stop) || SentenceSplitter.isClosingBracket(v) else { break }
                stop += length
            }
            let next = stop < end ? scalar(at: stop).value : nil
            if isEllipsis, next != nil { return nil }
            if bytes[i] == 0x2E && run == 1 {
                // A full stop is one byte: the scalar after it starts at `i + 1`.
                let after = i + 1 < end ? scalar(at: i + 1).value : nil
                if i > start, let after, Self.isNumber(value(before: i)), Self.isNumber(after) { return nil }
                if isInitial(before: i) { return nil }
                // `ق.م`, `ص.ب`: a one-letter abbreviation glued to the next letter.
                if isSingleLetterWord(before: i), let after, Self.isLetter(after) { return nil }
            }
            guard let next else { return stop }
            if Self.isWhitespace(next) { return stop }
            // Scraped Arabic often drops the space after a full stop (`أستانا.وقال`); a mark
            // glued to a Latin letter or digit is part of a name, a number or an address.
            if Self.isArabicLetter(next), i > start, value(before: i) >= 0x80 {
                return stop
            }
            return nil
        }

        /// True when the word before position `i` is a single letter (an initial or an
        /// abbreviation such as `د.` or `ق.م`), unless it follows a number: `1770 م.` is the
        /// era after a year, and a sentence may end there.
        func isInitial(before i: Int) -> Bool {
            guard isSingleLetterWord(before: i) else { return false }
            var j = previous(i)  // the letter
            while j > start {
                let p = previous(j)
                let v = scalar(at: p).value
                if v == 0x20 {
                    j = p
                    continue
                }
                return !Self.isNumber(v)
            }
            return true
        }

        func isSingleLetterWord(before i: Int) -> Bool {
            guard i > start else { return false }
            let letter = previous(i)
            guard Self.isLetter(scalar(at: letter).value) else { return false }
            guard letter > start else { return true }
            let v = value(before: letter)
            return !(Self.isLetter(v) || Self.isNumber(v))
        }

        /// A piece with a letter or digit, trimmed of spaces at both ends.
        func piece(_ range: Range<Int>, _ found: (Int, Int) -> Void) {
            var i = range.lowerBound
            var hasWord = false
            while i < range.upperBound {
                let (v, length) = scalar(at: i)
                if Self.isLetter(v) || Self.isNumber(v) {
                    hasWord = true
                    break
                }
                i += length
            }
            guard hasWord else { return }
            var (from, to) = (range.lowerBound, range.upperBound)
            while from < to {
                let (v, length) = scalar(at: from)
                guard Self.isWhitespace(v) else { break }
                from += length
            }
            while to > from {
                let p = previous(to)
                guard Self.isWhitespace(scalar(at: p).value) else { break }
                to = p
            }
            found(from, to)
        }

        static func isLetter(_ v: UInt32) -> Bool { CommonScalars.isAlphabetic(Unicode.Scalar(v) ?? "\u{FFFD}") }
        static func isNumber(_ v: UInt32) -> Bool { CommonScalars.isNumeric(Unicode.Scalar(v) ?? "\u{FFFD}") }
        static func isWhitespace(_ v: UInt32) -> Bool { CommonScalars.isWhitespace(Unicode.Scalar(v) ?? "\u{FFFD}") }
        static func isArabicLetter(_ v: UInt32) -> Bool { ArabicNormalizer.isArabicLetter(Unicode.Scalar(v) ?? "\u{FFFD}") }
    }

    static func isTerminator(_ c: Unicode.Scalar) -> Bool { isTerminator(c.value) }

    @inline(__always)
    static func isTerminator(_ v: UInt32) -> Bool {
        // . ! ? ; ؟ ؛ …
        v == 0x2E || v == 0x21 || v == 0x3F || v == 0x3B || v == 0x61F || v == 0x61B || v == 0x2026
    }

    @inline(__always)
    static func isClosingBracket(_ v: UInt32) -> Bool { v == 0x29 || v == 0x5D || v == 0xFD3E }  // ) ] ﴾
}

/// The quotations of one line that open and close on it, found by pairing marks of one
/// family: guillemets (« »), curly double quotes (“ ” „, in either order, as Arabic
/// typing often swaps them) and the straight double quote. A mark that never closes
/// protects nothing, so a stray quote cannot swallow the rest of a paragraph.
/// Kept from line to line of a text, so that its arrays are made once.
struct QuotationSpans {
    /// The byte offsets of each quotation's opening and closing marks; empty for a line with
    /// no quotation (most lines): nothing is inside.
    private var spans: [(open: Int, close: Int)] = []
    private var open: [(family: Int, at: Int)] = []

    mutating func clear() {
        spans.removeAll(keepingCapacity: true)
        open.removeAll(keepingCapacity: true)
    }

    mutating func find(in line: SentenceSplitter.Line) {
        clear()
        var i = line.start
        while i < line.end {
            // Every quotation mark's first byte is one of these.
            guard line.classes[Int(line.bytes[i])] & SentenceSplitter.quoteByte != 0 else {
                i += 1
                continue
            }
            let (v, length) = line.scalar(at: i)
            i += length
            guard let family = Self.family(of: v) else { continue }
            let at = i - length
            if let top = open.lastIndex(where: { $0.family == family }), Self.canClose(v, family: family) {
                spans.append((open[top].at, at))
                open.removeSubrange(top...)
            } else if Self.canOpen(v) {
                open.append((family, at))
            }
        }
    }

    func isInside(_ i: Int) -> Bool { !spans.isEmpty && spans.contains { $0.open < i && i < $0.close } }
    func isCloser(_ i: Int) -> Bool { !spans.isEmpty && spans.contains { $0.close == i } }

    static func family(of v: UInt32) -> Int? {
        switch v {
        case 0xAB, 0xBB: return 0  // « »
        case 0x201C, 0x201D, 0x201E: return 1  // “ ” „
        case 0x22: return 2  // "
        default: return nil
        }
    }

    static func canOpen(_ v: UInt32) -> Bool { v != 0xBB }
    static func canClose(_ v: UInt32, family: Int) -> Bool { v != 0xAB && v != 0x201E }
}

// The splitter works on scalars, not Characters: Character iteration pays for grapheme
// breaking and Unicode-aware comparison on every letter of every article. Every mark it
// looks for is a single scalar (kept for the other scanners of this module).
extension Unicode.Scalar {
    var isLetter: Bool { CommonScalars.isAlphabetic(self) }
    var isNumber: Bool { CommonScalars.isNumeric(self) }
    var isWhitespace: Bool { CommonScalars.isWhitespace(self) }
}
