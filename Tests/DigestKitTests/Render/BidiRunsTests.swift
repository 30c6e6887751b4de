import Testing
@testable import DigestKit

@Suite("Bidi runs")
struct BidiRunsTests {
    func runs(_ text: String) -> [String] {
        BidiRuns.leftToRightRuns(in: text).map { String(text[$0]) }
    }

    @Test("finds Latin names, acronyms with digits and formulas inside Arabic text")
    func findsRuns() {
        #expect(runs("لغة C++ و C# في الجامعة") == ["C++", "C#"])
        #expect(runs("مجموعة 5+1 ومجموعة 5 + 1") == ["5+1", "5 + 1"])
        #expect(runs("ذكرت RFE/RL أن Alexander Kozlov غادر.") == ["RFE/RL", "Alexander Kozlov"])
        #expect(runs("بتاريخ 2023-11-17، قمة G7") == ["2023-11-17", "G7"])
    }

    @Test("leaves plain numbers and punctuation around a run to the Arabic sentence")
    func leavesNumbersAndPunctuation() {
        #expect(runs("أكثر من 40 وثيقة عام 2024").isEmpty)
        #expect(runs("وكالة (IAEA)، ثم “Reuters”.") == ["IAEA", "Reuters"])
        #expect(runs("نسبة 70% من التجارة").isEmpty)
        #expect(runs("نص عربي فقط").isEmpty)
    }

    @Test("writes plain text as escaped HTML with each run isolated")
    func html() {
        #expect(BidiRuns.html("بنك MUFG <وآخرين>") == "بنك <bdi dir=\"ltr\">MUFG</bdi> &lt;وآخرين&gt;")
        #expect(BidiRuns.html("Tom & Jerry") == "<bdi dir=\"ltr\">Tom &amp; Jerry</bdi>")
    }

    @Test("wraps runs in Unicode isolates where text cannot hold an element")
    func isolatedText() {
        #expect(BidiRuns.isolatedText("مجموعة 5+1 القادمة") == "مجموعة \u{2066}5+1\u{2069} القادمة")
        #expect(BidiRuns.isolatedText("نص عربي 2024") == "نص عربي 2024")
    }

    @Test("keeps marks with their letter and finds runs after scalars of every UTF-8 length")
    func marksAndWideScalars() {
        #expect(runs("مُحمَّد café\u{0301} 😀 x86-64 ١٢٣") == ["café\u{0301}", "x86-64"])
        #expect(runs("😀 Zürich و 𝔸𝔹") == ["Zürich", "𝔸𝔹"])
        #expect(runs("") == [])
    }
}
