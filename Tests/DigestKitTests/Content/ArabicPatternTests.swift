import Foundation
import Testing
@testable import DigestKit

@Suite("Arabic patterns")
struct ArabicPatternTests {
    /// `tolerant` as it was before caseless classes were compiled as written.
    func closedOverCase(_ tolerant: String) -> String {
        tolerant.replacingOccurrences(of: #"\(\?-i:(\[[^\]]*\])\)"#, with: "$1", options: .regularExpression)
    }

    func matches(_ expression: NSRegularExpression, _ text: String) -> [NSRange] {
        expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map(\.range)
    }

    @Test("matches every spelling writers use of an Arabic word written once")
    func spellings() throws {
        let expression = try ArabicPattern.compile("اقرأ أيضا")
        for text in ["اقرأ أيضا", "إقرأ أيضاً", "اقرا ايضا"] { #expect(matches(expression, text).count == 1, "\(text)") }
        #expect(matches(expression, "اكتب أيضا").isEmpty)
    }

    @Test("writes a class of whole letter, mark and digit categories as caseless, and no class that has case")
    func caselessClasses() {
        #expect(ArabicPattern.tolerant(#"(?<![\p{L}\p{M}])x"#) == #"(?<!(?-i:[\p{L}\p{M}]))x"#)
        #expect(ArabicPattern.tolerant(#"[\p{L}\p{M}'’\-]"#) == #"(?-i:[\p{L}\p{M}'’\-])"#)
        #expect(ArabicPattern.tolerant(#"[\p{Lu}]"#) == #"[\p{Lu}]"#)
        #expect(ArabicPattern.tolerant("[a-z]") == "[a-z]")
        #expect(ArabicPattern.tolerant(#"[\x{0041}\p{L}]"#) == #"[\x{0041}\p{L}]"#)
        #expect(ArabicPattern.tolerant(#"[^\p{L}]"#) == #"[^\p{L}]"#)
    }

    @Test("the date and label expressions find what they found with their classes closed over case")
    func caselessClassesMatchTheSame() throws {
        let sources = DateExtractor.sources(months: ["يناير", "كانون الثاني", "January", "Sept"], hijriMonths: ["ربيع الأول", "شعبان"]).map(\.0)
            + ["(?<![\\p{L}\\p{M}])(?:(المصدر|Source)|(بقلم|By))(?![\\p{L}\\p{M}])\\s*([:：]\\s*)?"]
        let texts = ["15 يناير 2025", "15 يناير2025 Update: 3 pm", "كانون الثانيون 2025", "JANUARY 5, 2024", "january 5th, 2024",
                     "الثلاثاء 3 ربيع الأول 1446 هـ", "3 شعبانً 1446", "SOURCE: وكالة", "المصدرُ: وكالة", "بقلمK: x", "Source\u{212A}: x",
                     "By\u{0345}: x", "Sept\u{0345} 5 2024", "ﬁSource: x", "5 Januaryٌ 2024", "بقلم:محمد", "Sept. 5, 2024 Z"]
        var compared = 0
        for source in sources {
            let tolerant = ArabicPattern.tolerant(source)
            #expect(tolerant.contains("(?-i:["), "\(source)")
            let now = try NSRegularExpression(pattern: tolerant, options: [.caseInsensitive])
            let before = try NSRegularExpression(pattern: closedOverCase(tolerant), options: [.caseInsensitive])
            for text in texts {
                #expect(matches(now, text) == matches(before, text), "\(source) on \(text)")
                compared += matches(now, text).count
            }
        }
        #expect(compared >= 8, "the texts hold dates and labels the expressions find")
    }

    @Test("a caseless class is read through when finding where a pattern can start")
    func caselessClassesKeepTheStart() throws {
        let tolerant = ArabicPattern.tolerant("[0-9]+ (مشاهدة|views)")
        #expect(tolerant.hasPrefix("(?-i:[0-9])"))
        let start = try #require(PatternStart.of(tolerant))
        #expect(start.admits("3") && !start.admits("م"))
        #expect(PatternStart.of(closedOverCase(ArabicPattern.tolerant(#"(?<![\p{L}\p{M}])المصدر"#))) == nil,
                "a class of categories cannot narrow a start, caseless or not")
    }
}
