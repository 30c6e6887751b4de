import Testing
@testable import ArabicText

@Suite("WordScanner")
struct WordScannerTests {
    /// Letters, diacritics, tatweel, joiners and bidi marks, digits of three scripts, Latin
    /// in both cases, punctuation, and scalars of two, three and four UTF-8 bytes outside the tables.
    static let alphabet = Array("بكاأإآةىیکـَُِّٰ\u{200C}\u{200D}\u{200F}\u{FEFF}٣۵7aZé ،.«»-\n\u{0900}ह中\u{1F600}ﻻ𝐀".unicodeScalars)

    @Test("finds the words scalar by scalar decoding finds, in every mix a seeded generator gives")
    func sameWordsAsScalars() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<20_000 {
            let text = random.text(random.next(below: 12) + 1, from: Self.alphabet)
            #expect(WordScanner.words(text) == Tokenizer.words(scalars: text.unicodeScalars), "\(text.unicodeScalars.map(\.value))")
            let (written, normalized) = WordScanner.writtenAndNormalized(text)
            #expect(normalized == WordScanner.words(text))
            // Each word as written normalizes to the word, and they stand in the text in order.
            #expect(written.map { ArabicNormalizer.normalize($0) } == normalized)
            var rest = Substring(text)
            for word in written {
                guard let found = rest.range(of: word) else { Issue.record("\(word) not in \(text)"); break }
                rest = rest[found.upperBound...]
            }
        }
    }

    @Test("counting letters as it scans, finds the same words and counts the letters as CommonScalars does")
    func countsLettersAsItScans() {
        var random = SeededRandom(seed: 13)
        for _ in 0..<20_000 {
            let text = random.text(random.next(below: 12) + 1, from: Self.alphabet)
            var words: [String] = []
            let letters = WordScanner.withBytes(text) { bytes in
                WordScanner.scanCountingLetters(bytes) { normalized, _ in words.append(String(decoding: normalized, as: UTF8.self)) }
            }
            #expect(words == WordScanner.words(text), "\(text.unicodeScalars.map(\.value))")
            #expect(letters == CommonScalars.letters(in: text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test("finds words of any length in texts of any length as scalar by scalar decoding does")
    func longWordsAndTexts() {
        var random = SeededRandom(seed: 12)
        let letters = Array("بكاأإآةىیکـَ٣7aZéह中\u{1F600}ﻻ𝐀".unicodeScalars)
        for _ in 0..<200 {
            // Long runs of word scalars (a word of thousands of letters, as a pasted link or
            // table can make), now and then broken by a separator.
            let text = String(String.UnicodeScalarView((0...random.next(below: 4000)).map { _ -> Unicode.Scalar in
                random.next(below: 500) == 0 ? " " : letters[random.next(below: letters.count)]
            }))
            #expect(WordScanner.words(text) == Tokenizer.words(scalars: text.unicodeScalars))
        }
    }

    @Test("keeps diacritics inside a word as written and drops them from its normalized form")
    func diacritics() {
        let (written, normalized) = WordScanner.writtenAndNormalized("قالَ: مُحَمَّدٌ، إلى")
        #expect(written == ["قالَ", "مُحَمَّدٌ", "إلى"])
        #expect(normalized == ["قال", "محمد", "الي"])
    }

    @Test("reads a substring's own words, not its base string's")
    func substring() {
        let text = "أولا ثانيا ثالثا"
        #expect(Tokenizer.words(text.dropFirst(5)) == ["ثانيا", "ثالثا"])
    }
}
