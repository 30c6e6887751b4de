import Testing
@testable import DigestKit

/// A sentence's words keep their places in the text they were read from, so evidence quotes
/// them as written (diacritics kept, the punctuation around them not), after sentences are
/// joined into a lead or a dateline is taken off.
@Suite("ArticleSentences")
struct ArticleSentencesTests {
    @Test("quotes words as written, across sentences joined and after words dropped")
    func writtenWords() {
        let memo = WordMemo()
        var lead = SentenceWords("قالَ الوزيرُ، أمس:", memo: memo)
        lead += SentenceWords("في «أستانا» اليوم.", memo: memo)
        #expect(lead.written.count == 6)
        #expect(lead.numbers.count == 6)
        #expect(lead.written.joined(0..<2) == "قالَ الوزيرُ")
        #expect(lead.written.joined(2..<5) == "أمس في أستانا")
        let rest = lead.dropFirst(3)
        #expect(rest.written.joined(0..<rest.written.count) == "في أستانا اليوم")
        #expect(rest.numbers == Array(lead.numbers.dropFirst(3)))
        // Equal numbers, equal normalized words: the memo holds them.
        #expect(lead.numbers.map { memo.words[Int($0)] } == ["قال", "الوزير", "امس", "في", "استانا", "اليوم"])
    }
}
