import Testing
@testable import ArabicText

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("splits at punctuation and spaces and normalizes each word")
    func words() {
        #expect(Tokenizer.words("قالت «الصين»، اليوم: 5+1!") == ["قالت", "الصين", "اليوم", "5", "1"])
    }

    @Test("keeps Latin words, lower-cased")
    func latin() {
        #expect(Tokenizer.words("Bank MUFG في طوكيو") == ["bank", "mufg", "في", "طوكيو"])
    }

    @Test("counts the words it would give, without making them", arguments: [
        "قالت «الصين»، اليوم: 5+1!", "Bank MUFG في طوكيو", "", "  ،،  ", "كا\u{200B}زاخستان والصـين", "مُحَمَّد",
    ])
    func wordCount(_ text: String) {
        #expect(Tokenizer.wordCount(text) == Tokenizer.words(text).count)
        // With a limit, no further than the limit.
        #expect(Tokenizer.wordCount(text, upTo: 2) == min(2, Tokenizer.words(text).count))
    }
}
