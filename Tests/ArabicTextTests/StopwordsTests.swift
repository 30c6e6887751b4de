import Testing
@testable import ArabicText

@Suite("Stopwords")
struct StopwordsTests {
    @Test("the built-in list is read from the target's resources")
    func builtIn() throws {
        let list = try #require(Stopwords.builtIn)
        #expect(list.count > 200)
    }

    @Test("matches function words in any spelling, with or without the conjunction", arguments: [
        "في", "الذي", "إلى", "الى", "وفي", "فإن", "هذه", "قال",
    ])
    func functionWords(word: String) throws {
        let list = try #require(Stopwords.builtIn)
        #expect(list.contains(ArabicNormalizer.normalize(word)))
    }

    @Test("does not match content words", arguments: ["كازاخستان", "المعادن", "اتفاقية", "وزير", "فيينا"])
    func contentWords(word: String) throws {
        let list = try #require(Stopwords.builtIn)
        #expect(!list.contains(ArabicNormalizer.normalize(word)))
    }

    @Test("reads a list with comments and blank lines, normalizing each word")
    func listText() {
        let list = Stopwords(listText: "# comment\n\nإلى\n  هذه  \n")
        #expect(list.count == 2)
        #expect(list.contains("الي"))
        #expect(list.contains("هذه"))
        #expect(!list.contains("comment"))
    }
}
