import Testing
@testable import DigestKit

@Suite("Looking words up by their bytes")
struct FoldedWordSetTests {
    func contains(_ set: FoldedWordSet, _ word: String) -> Bool {
        Array(word.utf8).withUnsafeBufferPointer { set.contains($0) }
    }

    @Test("answers as a set of strings for words in it, words not in it, and words that differ only in their bytes", arguments: [
        "المصدر", "تاريخ", "write", "update", "نشر", "المصد", "المصدرر", "", "e\u{0301}", "é", "Ångström", "A\u{030A}ngström", "中文",
    ])
    func asStrings(_ word: String) {
        let words: Set<String> = ["المصدر", "تاريخ", "write", "update", "é", "Ångström", "中文"]
        let set = FoldedWordSet(words)
        #expect(contains(set, word) == words.contains(word))
    }

    @Test("a set holding a word beyond its plain scalars still answers as strings do")
    func unplainWord() {
        let words: Set<String> = ["e\u{0301}", "تاريخ"]
        let set = FoldedWordSet(words)
        #expect(contains(set, "é"))
        #expect(contains(set, "تاريخ"))
        #expect(!contains(set, "تاري"))
    }

    @Test("words of Arabic letters and ASCII are plain; marks and scalars beyond the tables are not")
    func plain() {
        func plain(_ word: String) -> Bool { Array(word.utf8).withUnsafeBufferPointer(FoldedWordSet.isPlain) }
        #expect(plain("المصدر") && plain("update") && plain("2024"))
        #expect(!plain("e\u{0301}") && !plain("بَ") && !plain("中文"))
    }

    @Test("holds many words, each found")
    func many() {
        let words = Set((0..<500).map { "كلمة\($0)" })
        let set = FoldedWordSet(words)
        #expect(words.allSatisfy { contains(set, $0) })
        #expect(!contains(set, "كلمة500"))
    }
}
