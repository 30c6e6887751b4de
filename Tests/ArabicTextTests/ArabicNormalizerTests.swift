import Testing
@testable import ArabicText

@Suite("ArabicNormalizer")
struct ArabicNormalizerTests {
    @Test("folds every alef form to bare alef")
    func alefForms() {
        #expect(ArabicNormalizer.normalize("أإآٱا") == "ااااا")
    }

    @Test("drops diacritics and tatweel")
    func diacritics() {
        #expect(ArabicNormalizer.normalize("مُحَمَّـــد") == "محمد")
    }

    @Test("reads alef maqsura as ya and ta marbuta as ha")
    func maqsuraAndMarbuta() {
        #expect(ArabicNormalizer.normalize("مستشفى الجامعة") == "مستشفي الجامعه")
    }

    @Test("turns Arabic-Indic and Persian digits into Western digits")
    func digits() {
        #expect(ArabicNormalizer.normalize("٢٠٢٤ و۱۹") == "2024 و19")
    }
}
