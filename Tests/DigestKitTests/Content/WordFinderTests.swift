import Testing
@testable import DigestKit

@Suite("Finding many words at once")
struct WordFinderTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    func found(_ finder: WordFinder, in text: String) -> [Bool] {
        let found = finder.found(in: Self.bytes(text))
        return finder.words.indices.map(found.contains)
    }

    @Test("finds each word wherever it stands, long or short, and no other")
    func findsWords() {
        let finder = WordFinder(["الكوكيز", "تعليقات", "x", "©", "cookie policy"].map(Self.bytes))
        let result = found(finder, in: "يستخدم موقعنا الكوكيز © وغيرها")
        #expect(result == [true, false, false, true, false])
        #expect(found(finder, in: "تعليقات") == [false, true, false, false, false])
        #expect(found(finder, in: "read our cookie policy") == [false, false, false, false, true])
    }

    @Test("tells apart words that end alike")
    func sameEnding() {
        let finder = WordFinder(["المشاهدات", "القراءات", "تعليقات"].map(Self.bytes))
        #expect(found(finder, in: "بلغت القراءات ألفا") == [false, true, false])
        #expect(found(finder, in: "المشاهداتتعليقات") == [true, false, true])
    }

    @Test("finds words past the first 64")
    func manyWords() {
        let words = (0..<100).map { "كلمة\($0)ك" }
        let finder = WordFinder(words.map(Self.bytes))
        #expect(found(finder, in: "نص كلمة99ك و كلمة3ك و كلمة70ك") == words.indices.map { [99, 3, 70].contains($0) })
    }

    @Test("finds words whatever byte they end with: a digit, a letter, an Arabic letter's last byte")
    func anyLastByte() {
        let words = ["2024", "news", "عاجل", "ABC©", "تعليق"]
        let finder = WordFinder(words.map(Self.bytes))
        #expect(found(finder, in: "x 2024 news عاجل ABC© تعليق") == [true, true, true, true, true])
        #expect(found(finder, in: "202 new عاج ABC تعلي") == [false, false, false, false, false])
    }

    @Test("finds in generated texts the words each found alone finds, of every length")
    func generated() {
        var random = SeededRandom(seed: 4_5)
        let pieces = ["ت", "ه", "ا", "ل", "ق", "a", "e", "s", " ", "©", "1"]
        func text(_ count: Int) -> String { (0..<count).map { _ in pieces[random.next(below: pieces.count)] }.joined() }
        let words = (0..<40).map { _ in Self.bytes(text(1 + random.next(below: 7))) }
        let finder = WordFinder(words)
        for _ in 0..<2000 {
            let haystack = Self.bytes(text(random.next(below: 40)))
            let found = finder.found(in: haystack)
            #expect(words.indices.map(found.contains) == words.map { Furniture.find($0, in: haystack) }, "\(haystack)")
        }
    }

    @Test("finds nothing in text shorter than a word")
    func shortText() {
        let finder = WordFinder(["الكوكيز"].map(Self.bytes))
        #expect(found(finder, in: "ال") == [false])
        #expect(found(finder, in: "") == [false])
    }
}
