import Testing
@testable import ArabicText

@Suite("LightStemmer")
struct LightStemmerTests {
    @Test("strips the conjunction and the definite article", arguments: [
        ("والطاقة", "طاق"), ("بالمعادن", "معادن"), ("للطاقة", "طاق"),
    ])
    func prefixes(word: String, stem: String) {
        #expect(LightStemmer.stem(ArabicNormalizer.normalize(word)) == stem)
    }

    @Test("keeps short words whole")
    func shortWords() {
        #expect(LightStemmer.stem("من") == "من")
    }
}
