import Testing
@testable import DigestKit

@Suite("HTML")
struct HTMLTests {
    @Test("escapes the five special characters as references and leaves the rest")
    func escape() {
        #expect(HTML.escape("a & b < c > d \"e\" 'f' عربي") == "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39; عربي")
        #expect(HTML.escape("بلا شيء") == "بلا شيء")
    }

    @Test("escaping into a buffer writes the bytes escape returns")
    func appendEscaped() {
        for text in ["", "&", "<<>>", "نص & \"اقتباس\" 'x'", "plain text", "a&"] {
            var out: [UInt8] = Array("x".utf8)
            HTML.appendEscaped(text, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "x" + HTML.escape(text))
        }
    }

    @Test("finds exactly the five special bytes among all 256")
    func specialBytes() {
        let special = (0...255).map(UInt8.init).filter(HTML.isSpecial)
        #expect(special == Array("\"&'<>".utf8))
    }
}
