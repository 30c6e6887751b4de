import Foundation
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

    @Test("text of NFC-inert scalars is already composed, and composing it changes nothing", arguments: [
        "كازاخستان والصين “توكاييف” – 2024", "Café, naïve — «quoted» …", "ترحيبا حارا بـ وانغ",
    ])
    func inertTextIsComposed(text: String) {
        #expect(text.unicodeScalars.allSatisfy(CommonScalars.isNFCInert))
        #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars))
    }

    @Test("marks, singletons and scalars beyond the known ranges are never inert", arguments: [
        "\u{064E}", "\u{0651}", "\u{0654}", "\u{0301}", "\u{037E}", "\u{2000}", "\u{09BE}", "\u{1161}", "\u{212B}",
    ])
    func notInert(scalar: String) throws {
        let s = try #require(scalar.unicodeScalars.first)
        #expect(!CommonScalars.isNFCInert(s))
    }
}
