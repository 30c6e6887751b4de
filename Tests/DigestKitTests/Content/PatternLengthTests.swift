import Testing
@testable import DigestKit

@Suite("How long a pattern's match can be")
struct PatternLengthTests {
    @Test("counts a scalar for each letter, class and escape, the longest alternative, and bounded repeats", arguments: [
        ("(حجم الخط|font size|[aأ]\\+|[aأ]-)", 9),
        ("رابط", 4),
        ("(loading|جار التحميل)\\.?", 12),
        ("(اضغط|انقر) (هنا|على الرابط).{0,60}", 4 + 1 + 10 + 60),
        ("\\(?(صورة|الصورة) (أرشيفية|تعبيرية|من الأرشيف)\\)?", 1 + 6 + 1 + 10 + 1),
        ("(?:a|bc)(?=x)", 2),
        ("^\\p{L}\\x{0627}[^a]$", 3),
    ])
    func bounded(_ pattern: String, _ length: Int) {
        #expect(PatternLength.maxScalars(pattern) == length)
    }

    @Test("gives no bound for what can repeat without end, refer back, or fold longer", arguments: [
        "الذهاب إلى .*", "\\d+ min read", "(ab)\\1", "a{2,}", "\\Qab\\E", "(?i)ab", "straße", "(unclosed",
    ])
    func unbounded(_ pattern: String) {
        #expect(PatternLength.maxScalars(pattern) == nil)
    }
}
