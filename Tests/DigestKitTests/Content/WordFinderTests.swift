import Testing
@testable import DigestKit

@Suite("Finding many words at once")
struct WordFinderTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("finds each word wherever it stands, long or short, and no other")
    func findsWords() {
        let finder = WordFinder(["الكوكيز", "تعليقات", "x", "©", "cookie policy"].map(Self.bytes))
        let found = finder.found(in: Self.bytes("يستخدم موقعنا الكوكيز © وغيرها"))
        #expect(found == [true, false, false, true, false])
        #expect(finder.found(in: Self.bytes("تعليقات")) == [false, true, false, false, false])
        #expect(finder.found(in: Self.bytes("read our cookie policy")) == [false, false, false, false, true])
    }

    @Test("tells apart words that end alike")
    func sameEnding() {
        let finder = WordFinder(["المشاهدات", "القراءات", "تعليقات"].map(Self.bytes))
        #expect(finder.found(in: Self.bytes("بلغت القراءات ألفا")) == [false, true, false])
        #expect(finder.found(in: Self.bytes("المشاهداتتعليقات")) == [true, false, true])
    }

    @Test("finds nothing in text shorter than a word")
    func shortText() {
        let finder = WordFinder(["الكوكيز"].map(Self.bytes))
        #expect(finder.found(in: Self.bytes("ال")) == [false])
        #expect(finder.found(in: []) == [false])
    }
}
