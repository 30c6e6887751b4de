import ArabicText
import Foundation

/// Finds an article's headline among the first lines of a scraped page, or derives a
/// title from the lead sentence when the page has none.
struct TitleFinder: Sendable {
    /// Keys of words that make up a time phrase (`اليوم الثلاثاء`), left out of derived titles.
    let timeWords: Set<String>
    /// Keys of words a cut title may not end on (prepositions, conjunctions).
    let cutWords: Set<String>
    let dates: DateExtractor

    /// Headlines are short: the longest in 10,000 ANT articles has 19 words.
    static let maxHeadlineWords = 24
    /// A line ending in a full stop is a sentence unless it is this short.
    static let maxHeadlineWordsWithFullStop = 6
    /// Lines this short before the headline are section labels (`الاقتصادية`).
    static let maxSectionLabelWords = 3
    /// A derived title stops at the clause boundary that keeps it within this many words…
    static let maxDerivedWords = 18
    /// …and ends at the first clause boundary once it has this many…
    static let minDerivedWords = 6
    /// …and is cut at this many when the first clause alone is longer.
    static let cutDerivedWords = 14

    init(timeWords: [String], cutWords: [String], dates: DateExtractor) {
        self.timeWords = Set(timeWords.flatMap { Tokenizer.words($0) })
        self.cutWords = Set(cutWords.flatMap { Tokenizer.words($0) })
        self.dates = dates
    }

    /// A line of the page after furniture is gone: text, or a metadata line.
    struct Line {
        var text: String
        var metadata: MetadataLine?
    }

    /// The index of the headline among `lines`, or nil when the page starts with its lead.
    /// `hasLeadPrefix` tells whether the line at an index opens with a dateline or an outlet's
    /// prefix (a lead, not a headline); it is asked of the few lines the search reaches.
    func headline(in lines: [Line], hasLeadPrefix: (Int) -> Bool) -> Int? {
        // A line without Arabic letters is a foreign passage, never the headline.
        let text = lines.indices.filter { lines[$0].metadata == nil && Self.hasArabic(lines[$0].text) }
        guard var position = text.indices.first else { return nil }
        // Skip section labels: short lines followed at once by a longer headline-like line
        // that is not the page's last.
        while position + 1 < text.count, text[position + 1] == text[position] + 1, text[position + 1] + 1 < lines.count,
              words(lines[text[position]].text) <= Self.maxSectionLabelWords,
              isHeadlineShaped(lines[text[position + 1]], hasLeadPrefix: hasLeadPrefix(text[position + 1])),
              !Self.endsSentence(lines[text[position + 1]].text),
              words(lines[text[position + 1]].text) > words(lines[text[position]].text) {
            position += 1
        }
        let index = text[position]
        let candidate = lines[index]
        guard text.count > 1 || lines.count > index + 1 else { return nil }  // nothing but one line
        let key = Self.key(candidate.text)
        let repeated = text.dropFirst(position + 1).prefix(6).contains { Self.hasKey(lines[$0].text, key) }
        let followedByDate = index + 1 < lines.count && lines[index + 1].metadata?.hasDate == true
        if repeated || (followedByDate && words(candidate.text) <= Self.maxHeadlineWords && !hasLeadPrefix(index)) {
            return index
        }
        return isHeadlineShaped(candidate, hasLeadPrefix: hasLeadPrefix(index)) && text.count > position + 1 ? index : nil
    }

    /// Short, not a sentence ending in a full stop, not opening with a dateline.
    func isHeadlineShaped(_ line: Line, hasLeadPrefix: @autoclosure () -> Bool) -> Bool {
        guard line.metadata == nil, !hasLeadPrefix() else { return false }
        let count = words(line.text)
        guard count >= 1, count <= Self.maxHeadlineWords else { return false }
        let trimmed = Self.trimmedOfSpaces(line.text)
        if Self.endsSentence(trimmed), count > Self.maxHeadlineWordsWithFullStop { return false }
        return !trimmed.hasSuffix("،") && !trimmed.hasSuffix(",")
    }

    /// One full stop ends a sentence; `..` and `...` are a headline's ellipsis.
    static func endsSentence(_ text: String) -> Bool {
        let trimmed = trimmedOfSpaces(text)
        return trimmed.hasSuffix(".") && !trimmed.hasSuffix("..")
    }

    /// Counted no further than one past `maxHeadlineWords`: every count is compared with that
    /// or less, or with a count of a section label's few words; paragraphs are long.
    func words(_ text: String) -> Int { Tokenizer.wordCount(text, upTo: Self.maxHeadlineWords + 1) }

    /// `text.trimmingCharacters(in: .whitespaces)` (`[\p{Zs}\t]`), without copying a text
    /// with nothing to trim, as the page's lines are (`Spacing.collapse`).
    static func trimmedOfSpaces(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              !ScalarTraits.of(first.value).contains(.space), !ScalarTraits.of(last.value).contains(.space)
        else { return text.trimmingCharacters(in: .whitespaces) }
        return text
    }

    static func hasArabic(_ text: String) -> Bool { text.unicodeScalars.contains(where: ArabicNormalizer.isArabicLetter) }

    /// Lines compare as the same headline whatever their spacing, hamza or diacritics.
    static func key(_ text: String) -> String { Tokenizer.words(text).joined(separator: " ") }

    /// Whether `key(text) == key`, read off `text`'s bytes only as far as they agree: every
    /// line after the headline is compared with it, and nearly all differ in their first word.
    /// Strings compare equal when canonically equivalent, which bytes alone tell only for
    /// words of Latin and Arabic letters: a key or line with others is keyed in full.
    static func hasKey(_ text: String, _ key: String) -> Bool {
        let tables = ScalarTraits.tables
        var text = text, key = key
        var decided: Bool? = text.withUTF8 { bytes in
            key.withUTF8 { key -> Bool? in
                var k = 0
                while k < key.count {
                    let (v, length) = UTF8Bytes.scalar(at: k, in: key)
                    if v >= 0x300, v < 0x600 || v >= 0x700 { return nil }
                    k += length
                }
                k = 0
                var wordsSeen = false, inWord = false
                var i = 0
                while i < bytes.count {
                    let (v, length) = UTF8Bytes.scalar(at: i, in: bytes)
                    i += length
                    let traits = tables.traits(v)
                    if traits.contains(.ignored) { continue }
                    guard traits.contains(.word) else {
                        inWord = false
                        continue
                    }
                    if v >= 0x300, v < 0x600 || v >= 0x700 { return nil }
                    if !inWord {
                        // A word after another is joined to it by a space.
                        if wordsSeen {
                            guard k < key.count, key[k] == 0x20 else { return false }
                            k += 1
                        }
                        inWord = true
                        wordsSeen = true
                    }
                    guard k < key.count, let folded = Unicode.Scalar(v).flatMap(ArabicNormalizer.fold) else { return false }
                    let (expected, keyLength) = UTF8Bytes.scalar(at: k, in: key)
                    guard expected == folded.value else { return false }
                    k += keyLength
                }
                return k == key.count
            }
        }
        if decided == nil { decided = Self.key(text) == key }
        return decided ?? false
    }

    /// A title from the lead's first sentence: its clauses, leaving out time phrases
    /// (`، اليوم الثلاثاء،`), up to the clause boundary that keeps it short.
    func derivedTitle(from lead: String) -> String {
        let sentence = SentenceSplitter.sentences(lead).first ?? lead
        var title = ""
        var count = 0
        var leftOut = false
        for clause in Self.clauses(sentence) {
            if isTimePhrase(clause) { leftOut = true; continue }
            let n = Self.visibleWords(clause)
            if title.isEmpty {
                if n > Self.maxDerivedWords { return cut(clause) }
                title = clause
            } else {
                guard count + n <= Self.maxDerivedWords else { break }
                // A time phrase between commas interrupts a clause, which goes on after it;
                // any other comma ends a clause, and the title when it is long enough.
                if !leftOut, count >= Self.minDerivedWords { break }
                title += (leftOut ? " " : "، ") + clause
            }
            count += n
            leftOut = false
        }
        return Self.trimmed(title.isEmpty ? sentence : title)
    }

    /// Words as a reader counts them: separated by spaces.
    static func visibleWords(_ text: String) -> Int { text.split(separator: " ").count }

    static let clauseBreak = try? NSRegularExpression(pattern: "\\s*(?:[،,؛;]|\\s[-–—]\\s)\\s*")

    static func clauses(_ sentence: String) -> [String] {
        guard let clauseBreak else { return [sentence] }
        let ns = sentence as NSString
        var result: [String] = []
        var start = 0
        for match in clauseBreak.allMatches(in: sentence) {
            result.append(ns.substring(with: NSRange(location: start, length: match.range.location - start)))
            start = match.range.location + match.range.length
        }
        result.append(ns.substring(from: start))
        return result.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A clause that only says when (`اليوم الثلاثاء`, `7 يونيو 2022`).
    func isTimePhrase(_ clause: String) -> Bool {
        let found = dates.dates(in: clause)
        let rest = NSMutableString(string: clause)
        for date in found.reversed() { rest.replaceCharacters(in: date.range, with: " ") }
        let leftover = Tokenizer.words(rest as String)
        if leftover.isEmpty { return !found.isEmpty }
        return leftover.allSatisfy { timeWords.contains($0) }
    }

    /// The first words of an over-long clause, not ending on a preposition or conjunction.
    func cut(_ clause: String) -> String {
        var kept = clause.split(separator: " ").prefix(Self.cutDerivedWords).map(String.init)
        while let last = kept.last, kept.count > 3, Tokenizer.words(last).allSatisfy({ cutWords.contains($0) }) {
            kept.removeLast()
        }
        return Self.trimmed(kept.joined(separator: " ")) + "…"
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "،,؛;:.-–—")))
    }
}
