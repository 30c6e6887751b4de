import Foundation
import Testing
@testable import DigestKit

@Suite("Where a pattern can start")
struct PatternStartTests {
    @Test("reads the first letters of alternatives, optional groups and classes")
    func firstLetters() throws {
        let alternatives = try #require(PatternStart.of("(أعلى|home|[0-9]+ views)"))
        #expect(alternatives.admits("أ"))
        #expect(alternatives.admits("H"))
        #expect(alternatives.admits("7"))
        #expect(!alternatives.admits("و"))
        let optional = try #require(PatternStart.of("(عدد )?(المشاهدات|views)"))
        #expect(optional.admits("ع") && optional.admits("ا") && optional.admits("v"))
        #expect(!optional.admits("ب"))
    }

    @Test("takes the variants the tolerant form of an Arabic letter adds")
    func tolerantVariants() throws {
        let start = try #require(PatternStart.of(ArabicPattern.tolerant("اقرأ")))
        for letter in ["ا", "أ", "إ", "آ"] { #expect(start.admits(Unicode.Scalar(letter)!)) }
        #expect(!start.admits("ق"))
    }

    @Test("a digit class admits Arabic-Indic digits as ICU's \\d does")
    func digits() throws {
        let start = try #require(PatternStart.of("\\d+ (دقيقة|min)"))
        #expect(start.admits("٣") && start.admits("3"))
        #expect(!start.admits("د"))
    }

    @Test("gives up on what can begin with anything, or what it does not read", arguments: [
        ".*(cookies).*", "\\S+ x", "[^a]b", "(?i)abc", "\\p{L}+", "(a)?", "a|", "(?<name>a)",
    ])
    func givesUp(_ pattern: String) {
        #expect(PatternStart.of(pattern) == nil)
    }

    @Test("a lookahead at the start does not narrow it, and a lookbehind is not read")
    func lookarounds() throws {
        let ahead = try #require(PatternStart.of("(?=ab)a"))
        #expect(ahead.admits("a") && !ahead.admits("b"))
        #expect(PatternStart.of("(?<![\\p{L}])a") == nil)
    }

    @Test("always tries a cased letter beyond ASCII, which case-insensitive matching may fold")
    func casedBeyondASCII() throws {
        let start = try #require(PatternStart.of("kilo"))
        #expect(start.admits("\u{212A}")) // KELVIN SIGN folds to k
        #expect(PatternStart.of("ſ") == nil)
    }

    @Test("reads the words a pattern must begin with, and gives up where it cannot tell")
    func startingWords() {
        #expect(Furniture.startingWords("(العودة|الرجوع) إلى .*") == ["العودة", "الرجوع"])
        #expect(Furniture.startingWords("الذهاب إلى .*") == ["الذهاب إلى "])
        #expect(Furniture.startingWords("(photo|photo credit)s?\\s*:.*") == ["photo", "photo credit"])
        #expect(Furniture.startingWords("(loading|cookies?)") == ["loading", "cookie"])
        #expect(Furniture.startingWords("وقت القراءة.{0,30}|\\d+ min read") == nil)
        #expect(Furniture.startingWords("(عدد )?(المشاهدات|views)") == nil)
        #expect(Furniture.startingWords("(a|\\d+ (b|c))") == nil)
        #expect(Furniture.startingWords("\\(?(صورة|الصورة)") == nil)
    }

    @Test("with the start filter, the built-in furniture rules answer as the expressions alone do")
    func sameAnswers() {
        let furniture = TestRules.builtIn.furniture
        var lines = ["Go Top", "HOME » news", "٣ دقائق قراءة", "3 min read", "© 2024", "(صورة أرشيفية)",
                     "«اقرأ أيضا»", "... مواضيع ذات صلة", "- اقرأ المزيد -", "إقرأ أيضاً: خبر آخر",
                     "وقال الوزير إن الإعلان عن الاتفاق سيتم غدا.", "أعلى الصفحة", "  ", "x",
                     "نستخدم مِلفّات تعريف الارتباط لتحسين تجربتك", "We use COOKIES here", "Çookies İ cookie policy",
                     "يستخدم موقعنا الكوكيز.", "ملفات  الارتباط"]
        for pattern in furniture.linePatterns + furniture.endMarkerPatterns {
            // Each pattern's own words, as a line, and with text around them.
            let words = pattern.unicodeScalars.filter { $0.properties.isAlphabetic || $0 == " " }
            let text = String(String.UnicodeScalarView(words))
            lines += [text, "— " + text, text + " نص"]
        }
        for line in lines {
            let whole = furniture.lines.contains { $0.expression.matchesWhole(line) }
            let marker = furniture.endMarkers.contains { $0.expression.matchesWhole(line) }
            #expect(furniture.isFurniture(line) == whole, "\(line)")
            #expect(furniture.isEndMarker(line) == marker, "\(line)")
        }
    }
}
