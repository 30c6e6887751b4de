@testable import ArabicText

// The splitter as it was when it decoded every scalar into arrays before splitting (main
// at 756f052), kept unchanged so that the byte-level splitter can be compared with it.
enum ReferenceSentenceSplitter {
    static func sentences(_ text: String) -> [String] { WordScanner.withBytes(text, sentences(utf8:)) }

    /// The text's scalars, each with the offset of its first byte, so that a run of scalars
    /// is a run of bytes.
    struct Scalars {
        var scalars: [Unicode.Scalar] = []
        /// One more than the scalars: the end of the last.
        var offsets: [Int] = []

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            scalars.reserveCapacity(bytes.count)
            offsets.reserveCapacity(bytes.count + 1)
            var i = 0
            while i < bytes.count {
                let (value, length) = UTF8Bytes.scalar(at: i, in: bytes)
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                offsets.append(i)
                i += length
            }
            offsets.append(bytes.count)
        }
    }

    static func sentences(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        let text = Scalars(bytes)
        var result: [String] = []
        text.scalars.withUnsafeBufferPointer { all in
            // Lines end at LF, CR, CRLF, and the Unicode line and paragraph separators.
            var lineStart = 0
            for i in 0...all.count where i == all.count || isLineBreak(all[i]) {
                if i > lineStart {
                    sentences(ofLine: UnsafeBufferPointer(rebasing: all[lineStart..<i])) { start, end in
                        let (from, to) = (text.offsets[lineStart + start], text.offsets[lineStart + end])
                        result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self))
                    }
                }
                lineStart = i + 1
            }
        }
        return result
    }

    static func isLineBreak(_ c: Unicode.Scalar) -> Bool { c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" }

    /// The sentences of one line, as the scalar ranges `found` is called with (trimmed).
    static func sentences(ofLine characters: UnsafeBufferPointer<Unicode.Scalar>, _ found: (Int, Int) -> Void) {
        let quotes = ReferenceQuotationSpans(characters)
        var start = 0
        var i = 0
        while i < characters.count {
            guard isTerminator(characters[i]), !quotes.isInside(i),
                  let end = sentenceEnd(characters, at: i, quotes: quotes)
            else {
                i += 1
                continue
            }
            piece(characters, start..<end, found)
            start = end
            i = end
        }
        piece(characters, start..<characters.count, found)
    }

    /// Where the sentence that a terminator at `i` might end really ends (just past the
    /// terminators and closing marks that belong to it), or nil when it does not end here.
    static func sentenceEnd(_ c: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, quotes: ReferenceQuotationSpans) -> Int? {
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
    static func isInitial(_ c: UnsafeBufferPointer<Unicode.Scalar>, before i: Int) -> Bool {
        guard isSingleLetterWord(c, before: i) else { return false }
        var j = i - 2
        while j >= 0, c[j] == " " { j -= 1 }
        if j >= 0, c[j].isNumber { return false }
        return true
    }

    static func isSingleLetterWord(_ c: UnsafeBufferPointer<Unicode.Scalar>, before i: Int) -> Bool {
        guard i > 0, c[i - 1].isLetter else { return false }
        return i == 1 || !(c[i - 2].isLetter || c[i - 2].isNumber)
    }

    static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        c == "." || c == "!" || c == "?" || c == "؟" || c == "؛" || c == ";" || c == "…"
    }

    static func isClosingBracket(_ c: Unicode.Scalar) -> Bool { c == ")" || c == "]" || c == "﴾" }

    /// A piece with a letter or digit, trimmed of spaces at both ends.
    static func piece(_ c: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, _ found: (Int, Int) -> Void) {
        guard c[range].contains(where: { $0.isLetter || $0.isNumber }) else { return }
        var (start, end) = (range.lowerBound, range.upperBound)
        while start < end, c[start].isWhitespace { start += 1 }
        while end > start, c[end - 1].isWhitespace { end -= 1 }
        found(start, end)
    }
}

/// The quotations of one line that open and close on it, found by pairing marks of one
/// family: guillemets (« »), curly double quotes (“ ” „, in either order, as Arabic
/// typing often swaps them) and the straight double quote. A mark that never closes
/// protects nothing, so a stray quote cannot swallow the rest of a paragraph.
struct ReferenceQuotationSpans {
    /// Empty for a line with no quotation (most lines): nothing is inside.
    private var inside: [Bool] = []
    private var closers: [Int] = []

    init(_ c: UnsafeBufferPointer<Unicode.Scalar>) {
        var open: [(family: Int, at: Int)] = []
        for (i, character) in c.enumerated() {
            guard let family = Self.family(of: character) else { continue }
            if let top = open.lastIndex(where: { $0.family == family }),
               Self.canClose(character, family: family) {
                let start = open[top].at
                if inside.isEmpty { inside = Array(repeating: false, count: c.count) }
                for k in (start + 1)..<i { inside[k] = true }
                closers.append(i)
                open.removeSubrange(top...)
            } else if Self.canOpen(character) {
                open.append((family, i))
            }
        }
    }

    func isInside(_ i: Int) -> Bool { !inside.isEmpty && inside[i] }
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
