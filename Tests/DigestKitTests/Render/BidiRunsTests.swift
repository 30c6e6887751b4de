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

    @Test("finds runs next to Armenian, Hebrew and Arabic letters, marks and joiners")
    func neighbouringScripts() {
        #expect(runs("աբգր שלום ABC") == ["աբգր", "ABC"])
        #expect(runs("عربي\u{064B} A\u{0301}\u{200D}B سلام") == ["A\u{0301}\u{200D}B"])
        #expect(runs("X\u{0903}Y ३") == ["X\u{0903}Y"])
    }

    @Test("marks after a stretch of Arabic letters and spaces stay with it, even a mark that is a left-to-right letter")
    func marksAfterSkippedText() {
        // U+0345 is alphabetic and of no right-to-left block: alone it would start a run.
        #expect(runs("كلمة عربية\u{0345} و ب\u{064E}\u{0345}ت") == [])
        #expect(runs("نص \u{0345}") == [])
        #expect(runs("نص، ABC") == ["ABC"])
    }

    @Test("no scalar below U+0300 joins the one before it, so their bytes are never decoded for that")
    func nothingBelowCombiningMarksExtends() {
        for value in UInt32(0)..<0x300 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(!BidiRuns.Unit.extends(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test("the lead bytes skipped without decoding lead only scalars that cannot start a run")
    func skippedLeadBytesAreNeverStrong() {
        for value in UInt32(0)..<0x900 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let lead = Array(String(scalar).utf8)[0]
            if !BidiRuns.Unit.mayBeStrong(lead) {
                #expect(!BidiRuns.isStrong(scalar), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test("the table answers for the scalars below U+0900 as the Unicode properties do")
    func tableMatchesProperties() {
        for value in UInt32(0)..<0x900 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(BidiRuns.Unit.extends(scalar) == BidiRuns.Unit.slowExtends(scalar))
            #expect(BidiRuns.Unit.isStrongLetter(scalar) == BidiRuns.Unit.slowIsStrongLetter(scalar))
        }
    }
}
