import Testing
@testable import ArabicText

@Suite("Common scalars")
struct CommonScalarsTests {
    @Test("the table answers as Unicode's own tables do, for every scalar it holds")
    func tableAgreesWithUnicode() {
        for value in 0..<CommonScalars.end {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let p = scalar.properties
            let ok = CommonScalars.generalCategory(scalar) == p.generalCategory && CommonScalars.isAlphabetic(scalar) == p.isAlphabetic
                && CommonScalars.isWhitespace(scalar) == p.isWhitespace && CommonScalars.isGraphemeExtend(scalar) == p.isGraphemeExtend
                && CommonScalars.isCased(scalar) == p.isCased && CommonScalars.isNumeric(scalar) == (p.numericType != nil)
                && CommonScalars.isDecimalDigit(scalar) == (p.numericType == .decimal)
            #expect(ok, "U+\(String(value, radix: 16))")
        }
    }

    @Test("beyond the table, Unicode's tables answer")
    func beyondTheTable() {
        #expect(CommonScalars.isAlphabetic("中"))
        #expect(CommonScalars.generalCategory("\u{3000}") == .spaceSeparator)
        #expect(CommonScalars.isWhitespace("\u{3000}"))
        #expect(CommonScalars.isGraphemeExtend("\u{1F3FB}") == "\u{1F3FB}".unicodeScalars.first!.properties.isGraphemeExtend)
        #expect(CommonScalars.isCased("Ａ"))
        #expect(CommonScalars.isDecimalDigit("５") && !CommonScalars.isDecimalDigit("½") && CommonScalars.isNumeric("½"))
    }
}
