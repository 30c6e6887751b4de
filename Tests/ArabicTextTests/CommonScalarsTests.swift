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

    @Test("text that passes the quick check is composed already: composing it changes nothing", arguments: [
        "كازاخستان والصين “توكاييف” – 2024", "Café, naïve — «quoted» …", "ترحيبا حارا بـ وانغ",
        "وتُعتبر كازاخستان", "مُحَمَّد",
    ])
    func passingTextIsComposed(text: String) {
        #expect(CommonScalars.isNFC(text))
        #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars))
    }

    @Test("text NFC would change never passes", arguments: [
        "e\u{0301}", "\u{0627}\u{0654}", "\u{0627}\u{0653}", "م\u{0651}\u{064E}", "\u{037E}", "\u{2000}", "\u{212B}",
        "\u{0958}", "\u{1100}\u{1161}", "e\u{0301}\u{0323}", "e\u{0323}\u{0301}",
    ])
    func changedTextFails(text: String) {
        #expect(!text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars))
        #expect(!CommonScalars.isNFC(text))
    }

    @Test("normalizes scalars joined in one text as it normalizes each alone, marks and Hangul jamo too")
    func joinedNormalization() {
        let scalars = (UInt32(0x80)..<0x3000).compactMap(Unicode.Scalar.init)
        for composed in [false, true] {
            let joined = CommonScalars.eachNormalized(scalars, composed: composed)
            #expect(joined.count == scalars.count)
            for (scalar, parts) in zip(scalars, joined) {
                let alone = composed ? String(scalar).precomposedStringWithCanonicalMapping : String(scalar).decomposedStringWithCanonicalMapping
                #expect(parts == Array(alone.unicodeScalars), "U+\(String(scalar.value, radix: 16)) composed: \(composed)")
            }
        }
    }

    @Test("counts a text's letters and its Arabic letters; digits, spaces and punctuation are neither")
    func letters() {
        #expect(CommonScalars.letters(in: "قال Putin في 2024: نعم!") == (all: 13, arabic: 8))
        #expect(CommonScalars.letters(in: "٣٤ ، 12") == (all: 0, arabic: 0))
        // Beyond the table, Unicode's own properties: the Devanagari letters and vowel signs
        // are alphabetic, the virama (U+094D) is not; none is Arabic.
        #expect(CommonScalars.letters(in: "हिन्दी") == (all: 5, arabic: 0))
    }
}

extension CommonScalarsTests {
    @Test("counts letters on the bytes as the scalars count them, in every mix a seeded generator gives")
    func lettersAsScalarsCountThem() {
        let alphabet = Array("بجد مأوةﻻﷲ abcÉé 15٣ .؟«»\u{A0}\u{2028}ُـहि中😀".unicodeScalars)
        var random = SeededRandom(seed: 17)
        for _ in 0..<5_000 {
            let text = random.text(random.next(below: 30) + 1, from: alphabet)
            let letters = text.unicodeScalars.filter(\.properties.isAlphabetic)
            #expect(CommonScalars.letters(in: text) == (all: letters.count, arabic: letters.filter(ArabicNormalizer.isArabicLetter).count))
        }
    }
}
