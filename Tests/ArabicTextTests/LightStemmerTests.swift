import Testing
@testable import ArabicText

@Suite("LightStemmer")
struct LightStemmerTests {
    @Test("strips the conjunction and the definite article", arguments: [
        ("والطاقة", "طاق"), ("بالمعادن", "معادن"), ("للطاقة", "طاق"), ("والكتاب", "كتاب"), ("فالأمر", "امر"),
    ])
    func prefixes(word: String, stem: String) {
        #expect(LightStemmer.stem(ArabicNormalizer.normalize(word)) == stem)
    }

    @Test("strips Light10's suffixes in order, repeatedly", arguments: [
        ("المعلمون", "معلم"), ("سياساتها", "سياس"), ("كتابان", "كتاب"), ("بالمدرسة", "مدرس"),
        ("المسلمين", "مسلم"), ("الدولية", "دول"),
    ])
    func suffixes(word: String, stem: String) {
        #expect(LightStemmer.stem(ArabicNormalizer.normalize(word)) == stem)
    }

    @Test("folds the forms of one word to one stem")
    func sameStem() {
        let forms = ["الاتفاقية", "والاتفاقية", "للاتفاقية", "اتفاقيه"].map { LightStemmer.stem(ArabicNormalizer.normalize($0)) }
        #expect(Set(forms).count == 1)
    }

    @Test("keeps short words whole, and a و that is part of the word", arguments: ["من", "ولد", "وقف"])
    func shortWords(word: String) {
        #expect(LightStemmer.stem(word) == word)
    }
}
