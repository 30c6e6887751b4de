/// Splits Arabic news text into sentences at `.` `!` `?` `؟` `؛` `;` and at line ends.
///
/// A mark ends a sentence only where a reader would stop: not inside a number (`1.5`,
/// `12.30`), not after an initial (`ج. بوش`, `أ. د. محمد`, `ق.م`), not inside a quotation
/// that opens and closes on the same line (`«…»`, `“…”`, `"…"`), and not in an ellipsis
/// run into the next words. Closing quotes and brackets that follow the mark stay with
/// the sentence they close. Works on texts whose paragraphs are one long line each.
public enum SentenceSplitter {
    /// The sentences of a text, trimmed, in order; pieces without a letter or digit are dropped.
    public static func sentences(_ text: some StringProtocol) -> [String] { sentences(of: text) }

    /// The same for a `String` and a `Substring`, specialized here: every article's text passes through it.
    public static func sentences(_ text: String) -> [String] { sentences(of: text) }
    public static func sentences(_ text: Substring) -> [String] { sentences(of: text) }

    @inline(__always)
    static func sentences(of text: some StringProtocol) -> [String] {
        var result: [String] = []
        for line in lines(of: text) {
            result += sentences(ofLine: Array(line))
        }
        return result
    }

    /// Splits at line ends (LF, CR, CRLF, and the Unicode line and paragraph separators).
    static func lines(of text: some StringProtocol) -> [Substring.UnicodeScalarView] {
        Substring(text).unicodeScalars.split(omittingEmptySubsequences: true) {
            $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}"
        }
    }

    static func sentences(ofLine characters: [Unicode.Scalar]) -> [String] {
        let quotes = QuotationSpans(characters)
        var result: [String] = []
        var start = 0
        var i = 0
        while i < characters.count {
            guard isTerminator(characters[i]), !quotes.isInside(i),
                  let end = sentenceEnd(characters, at: i, quotes: quotes)
            else {
                i += 1
                continue
            }
            append(characters[start..<end], to: &result)
            start = end
            i = end
        }
        append(characters[start...], to: &result)
        return result
    }

    /// Where the sentence that a terminator at `i` might end really ends (just past the
    /// terminators and closing marks that belong to it), or nil when it does not end here.
    static func sentenceEnd(_ c: [Unicode.Scalar], at i: Int, quotes: QuotationSpans) -> Int? {
        // A run of marks (`؟!`, `...`) is decided at its first mark.
        if i > 0, isTerminator(c[i - 1]) { return nil }
        var end = i
        while end < c.count, isTerminator(c[end]) { end += 1 }
        let run = c[i..<end]
        // An ellipsis (`...`, `…`) is a pause in Arabic prose unless it ends the line.
        let isEllipsis = run.count >= 2 && run.allSatisfy { $0 == "." }
        while end < c.count, quotes.isCloser(end) || isClosingBracket(c[end]) { end += 1 }
        let next = end < c.count ? c[end] : nil
        if isEllipsis, next != nil { return nil }
        if c[i] == "." && run.count == 1 {
            if i > 0, i + 1 < c.count, c[i - 1].isNumber, c[i + 1].isNumber { return nil }
            if isInitial(c, before: i) { return nil }
            // `ق.م`, `ص.ب`: a one-letter abbreviation glued to the next letter.
            if isSingleLetterWord(c, before: i), i + 1 < c.count, c[i + 1].isLetter { return nil }
        }
        guard let next else { return end }
        if next.isWhitespace { return end }
        // Scraped Arabic often drops the space after a full stop (`أستانا.وقال`); a mark
        // glued to a Latin letter or digit is part of a name, a number or an address.
        if ArabicNormalizer.isArabicLetter(next), i > 0, !c[i - 1].isASCII {
            return end
        }
        return nil
    }

    /// True when the word before position `i` is a single letter (an initial or an
    /// abbreviation such as `د.` or `ق.م`), unless it follows a number: `1770 م.` is the
    /// era after a year, and a sentence may end there.
    static func isInitial(_ c: [Unicode.Scalar], before i: Int) -> Bool {
        guard isSingleLetterWord(c, before: i) else { return false }
        var j = i - 2
        while j >= 0, c[j] == " " { j -= 1 }
        if j >= 0, c[j].isNumber { return false }
        return true
    }

    static func isSingleLetterWord(_ c: [Unicode.Scalar], before i: Int) -> Bool {
        guard i > 0, c[i - 1].isLetter else { return false }
        return i == 1 || !(c[i - 2].isLetter || c[i - 2].isNumber)
    }

    static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        c == "." || c == "!" || c == "?" || c == "؟" || c == "؛" || c == ";" || c == "…"
    }

    static func isClosingBracket(_ c: Unicode.Scalar) -> Bool { c == ")" || c == "]" || c == "﴾" }

    static func append(_ piece: ArraySlice<Unicode.Scalar>, to result: inout [String]) {
        guard piece.contains(where: { $0.isLetter || $0.isNumber }) else { return }
        var s = piece[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        result.append(String(scalars: s))
    }
}

/// The quotations of one line that open and close on it, found by pairing marks of one
/// family: guillemets (« »), curly double quotes (“ ” „, in either order, as Arabic
/// typing often swaps them) and the straight double quote. A mark that never closes
/// protects nothing, so a stray quote cannot swallow the rest of a paragraph.
struct QuotationSpans {
    private var inside: [Bool]
    private var closers: Set<Int> = []

    init(_ c: [Unicode.Scalar]) {
        inside = Array(repeating: false, count: c.count)
        var open: [(family: Int, at: Int)] = []
        for (i, character) in c.enumerated() {
            guard let family = Self.family(of: character) else { continue }
            if let top = open.lastIndex(where: { $0.family == family }),
               Self.canClose(character, family: family) {
                let start = open[top].at
                for k in (start + 1)..<i { inside[k] = true }
                closers.insert(i)
                open.removeSubrange(top...)
            } else if Self.canOpen(character) {
                open.append((family, i))
            }
        }
    }

    func isInside(_ i: Int) -> Bool { inside[i] }
    func isCloser(_ i: Int) -> Bool { closers.contains(i) }

    static func family(of c: Unicode.Scalar) -> Int? {
        switch c {
        case "«", "»": return 0
        case "“", "”", "„": return 1
        case "\"": return 2
        default: return nil
        }
    }

    static func canOpen(_ c: Unicode.Scalar) -> Bool { c != "»" }
    static func canClose(_ c: Unicode.Scalar, family: Int) -> Bool { c != "«" && c != "„" }
}

// The splitter works on scalars, not Characters: Character iteration pays for grapheme
// breaking and Unicode-aware comparison on every letter of every article. Every mark it
// looks for is a single scalar.
extension Unicode.Scalar {
    var isLetter: Bool { CommonScalars.isAlphabetic(self) }
    var isNumber: Bool { CommonScalars.isNumeric(self) }
    var isWhitespace: Bool { CommonScalars.isWhitespace(self) }
}
