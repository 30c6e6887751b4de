import Testing
@testable import ArabicText

@Suite("TextBuilder")
struct TextBuilderTests {
    @Test("encodes scalars of every UTF-8 length as the standard library does", arguments: [
        "abc", "سلام", "€ ₸ ﷼", "😀 𝔸", "a\u{0}b", "كازاخستان و Kazakhstan 😀 ٢٠٢٤",
    ])
    func encodesLikeTheStandardLibrary(text: String) {
        var builder = TextBuilder()
        for scalar in text.unicodeScalars { builder.append(scalar) }
        #expect(builder.string == text)
        #expect(Array(builder.string.utf8) == Array(text.utf8))
        #expect(String(scalars: Array(text.unicodeScalars)) == text)
    }

    @Test("appends whole strings, and starts again empty after removeAll")
    func appendsStringsAndEmpties() {
        var builder = TextBuilder(capacity: 4)
        #expect(builder.isEmpty)
        builder.append("&amp;")
        builder.append("ب")
        #expect(builder.string == "&amp;ب")
        builder.removeAll()
        #expect(builder.isEmpty)
        #expect(builder.string == "")
    }
}
