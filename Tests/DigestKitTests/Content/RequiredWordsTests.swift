import Testing
@testable import DigestKit

@Suite("Required words")
struct RequiredWordsTests {
    @Test("reads the plain words one of which every match holds", arguments: [
        (".*(الكوكيز|cookie policy).*", ["الكوكيز", "cookie policy"]),
        ("(a|b).*", ["a", "b"]),
        (".*(a|b.c).*", ["a", "b"]),
        ("(photo|photo credit)s?\\s*[:：].*", ["photo", "photo credit"]),
        ("cookies?", ["cookie"]),
        ("x{2}y", ["x"]),
    ])
    func plainWords(pattern: String, words: [String]) {
        #expect(RequiredWords.of(pattern) == words)
    }

    @Test("passes over optional parts, classes, escapes and lookarounds to the first part a match needs", arguments: [
        ("(عدد )?(المشاهدات|القراءات|views)\\s*[:：]?", ["المشاهدات", "القراءات", "views"]),
        ("\\(?(صورة|الصورة) (أرشيفية|تعبيرية)\\)?", ["صورة", "الصورة"]),
        ("(?<!\\d)(\\d{1,2}) يونيو", ["يونيو"]),
        ("[\\p{P}\\s]*(?:اقرأ أيضا)", ["اقرأ أيضا"]),
    ])
    func passesOver(pattern: String, words: [String]) {
        #expect(RequiredWords.of(pattern) == words)
    }

    @Test("takes a word from each alternative")
    func eachAlternative() {
        #expect(RequiredWords.of("وقت القراءة.{0,30}|\\d+ (دقيقة|دقائق) (للقراءة|قراءة)|\\d+ min read")
            == ["وقت القراءة", "دقيقة", "دقائق", "min read"])
    }

    @Test("gives up when some way of matching needs no plain word", arguments: [
        "\\d+", "a?b*", "[aأ]\\+", ".*(a||b).*", "(ب|\\d+)", "وقت|\\d+ دقيقة|.*", "(?=قراءة)",
    ])
    func givesUp(pattern: String) {
        #expect(RequiredWords.of(pattern) == nil)
    }
}
