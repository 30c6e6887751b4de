import ArabicText
import Foundation

/// Splits passages in Latin script (a quoted English post and its `— Name (@handle) date`
/// line) from the Arabic text a scraper glued them to, and marks them as quotes in their
/// own language. Short Latin names inside Arabic sentences (`بنك MUFG`) stay where they are.
struct ForeignPassageSplitter: Sendable {
    /// Language code → its commonest words, lower-cased.
    let languages: [String: Set<String>]
    let defaultLanguage: String
    /// The fewest Latin words a run needs to be a passage rather than a name.
    let minWords: Int

    init(languages: [String: [String]], defaultLanguage: String, minWords: Int) {
        self.languages = languages.mapValues { Set($0.map { $0.lowercased() }) }
        self.defaultLanguage = defaultLanguage
        self.minWords = max(1, minWords)
    }

    enum Script { case arabic, latin, neutral }

    static func script(_ scalar: Unicode.Scalar) -> Script {
        if ArabicNormalizer.isArabicLetter(scalar) { return .arabic }
        if scalar.value < 0x0250, CommonScalars.isAlphabetic(scalar) { return .latin }
        return .neutral
    }

    /// The blocks of one line: Arabic text as paragraphs, foreign passages as quotes.
    /// After a quote, Latin words opening the line (`— Reuters (@Reuters) November 14, 2023`)
    /// still belong to that quote, however few.
    /// `mayHaveLatin`: false when the line is known to have no Latin letter.
    func blocks(_ line: String, afterQuote: Bool = false, mayHaveLatin: Bool = true) -> [Block] {
        // Most lines have no Latin letter: they are read off their bytes, and stay as they are.
        guard mayHaveLatin, Self.hasLatin(line) else { return [.paragraph(line)] }
        let scalars = Array(line.unicodeScalars)
        let scripts = scalars.map(Self.script)
        guard scripts.contains(.latin) else { return [.paragraph(line)] }
        guard scripts.contains(.arabic) else { return [.quote(line, language: language(of: line))] }

        // Runs without Arabic letters, as scalar ranges.
        var runs: [Range<Int>] = []
        var start: Int?
        for (i, s) in scripts.enumerated() {
            if s == .arabic {
                if let b = start { runs.append(b..<i) }
                start = nil
            } else if start == nil {
                start = i
            }
        }
        if let b = start { runs.append(b..<scripts.count) }

        var pieces: [Block] = []
        var cursor = 0
        for run in runs {
            // A run without a Latin letter holds no Latin word, and is never a passage: most
            // runs are the spaces and punctuation between Arabic words.
            guard scripts[run].contains(.latin) else { continue }
            let trimmed = trim(run, scalars)
            guard !trimmed.isEmpty else { continue }
            let text = Self.string(scalars[trimmed])
            let words = latinWords(text)
            // A name of fewer words than a passage has, the usual run, is passed over before the
            // text before it is cut out: only a line that goes on a quote takes fewer.
            guard words >= minWords || (words >= 1 && cursor == 0 && afterQuote) else { continue }
            let before = Self.string(scalars[cursor..<trimmed.lowerBound]).trimmingCharacters(in: .whitespaces)
            let atStart = before.isEmpty || before.allSatisfy { !$0.isLetter }
            guard words >= (atStart && cursor == 0 && afterQuote ? 1 : minWords) else { continue }
            let atEnd = trimmed.upperBound >= scalars.count || Self.string(scalars[trimmed.upperBound...]).allSatisfy { !$0.isLetter }
            // A long Latin passage inside an Arabic sentence is a quotation the sentence
            // needs; it is split only where it stands between sentences or at an edge.
            let afterSentence = before.last.map { ".!?؟:…".contains($0) } ?? true
            guard atStart || atEnd || afterSentence else { continue }
            if !atStart { pieces.append(.paragraph(before)) }
            pieces.append(.quote(text, language: language(of: text)))
            cursor = trimmed.upperBound
        }
        guard !pieces.isEmpty else { return [.paragraph(line)] }
        let rest = Self.string(scalars[cursor...]).trimmingCharacters(in: .whitespaces)
        if rest.contains(where: \.isLetter) { pieces.append(.paragraph(rest)) }
        return pieces
    }

    /// Whether `line` holds a letter of `Script.latin`, all of which are below U+0250.
    static func hasLatin(_ line: String) -> Bool {
        let tables = ScalarTraits.tables
        var line = line
        return line.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if (b | 0x20) &- 0x61 < 26 { return true }
                } else if b >= 0xD8 && b <= 0xDB {
                    // An Arabic letter or mark, two bytes.
                    i += 2
                    continue
                } else if b >= 0xC0 && b < 0xCA {
                    // Lead bytes below 0xCA begin the scalars below U+0280.
                    let (v, _) = UTF8Bytes.scalar(at: i, in: bytes)
                    if tables.traits(v).contains(.latin) { return true }
                }
                // Other lead bytes begin scalars beyond Latin, and continuation bytes are
                // passed one by one: neither is ever mistaken for a lead byte below 0xCA.
                i += 1
            }
            return false
        }
    }

    /// A run without its edges that belong to the Arabic around it: the space and
    /// punctuation that close the sentence before, and quotes or brackets that open the next.
    func trim(_ run: Range<Int>, _ scalars: [Unicode.Scalar]) -> Range<Int> {
        var lower = run.lowerBound, upper = run.upperBound
        while lower < upper, Self.isClosing(scalars[lower]) { lower += 1 }
        while upper > lower, Self.isOpening(scalars[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// `[ \t.,،؛;:!?؟)\]»”’]`: what closes the sentence before a passage.
    static func isClosing(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case " ", "\t", ".", ",", "،", "؛", ";", ":", "!", "?", "؟", ")", "]", "»", "”", "’": return true
        default: return false
        }
    }

    /// `[ \t(\[«“‘]`: what opens the sentence after a passage.
    static func isOpening(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case " ", "\t", "(", "[", "«", "“", "‘": return true
        default: return false
        }
    }

    func latinWords(_ text: String) -> Int {
        text.split(whereSeparator: { !$0.isLetter }).filter { $0.unicodeScalars.contains { Self.script($0) == .latin } }.count
    }

    /// The language whose common words the passage uses most.
    func language(of text: String) -> String {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        var best = defaultLanguage, bestCount = 0
        for code in languages.keys.sorted() {
            let count = words.filter { languages[code]?.contains($0) == true }.count
            if count > bestCount { (best, bestCount) = (code, count) }
        }
        return best
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }
}
