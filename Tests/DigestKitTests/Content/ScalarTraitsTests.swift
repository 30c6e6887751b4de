import ArabicText
import Testing
@testable import DigestKit

@Suite("Traits of scalars read off bytes")
struct ScalarTraitsTests {
    static let samples: [Unicode.Scalar] = ["a", "Z", " ", "\t", "\u{A0}", "،", "؟", "ب", "ـ", "\u{064E}", "٣", "€", "“",
                                            "\u{200F}", "É", "ß", "\u{2003}", "中", "😀", "ی", "ٱ", "ك", "\u{0301}"]

    @Test("agrees with the questions it stands for")
    func agrees() {
        for c in Self.samples {
            let traits = ScalarTraits.of(c.value)
            #expect(traits.contains(.space) == Spacing.isSpace(c), "\(c)")
            #expect(traits.contains(.punctuationOrSpace) == Furniture.isPunctuationOrSpace(c), "\(c)")
            #expect(traits.contains(.letter) == Spacing.isLetter(c), "\(c)")
            #expect(traits.contains(.decimalDigit) == CommonScalars.isDecimalDigit(c), "\(c)")
            #expect(traits.contains(.casedBeyondASCII) == (!c.isASCII && CommonScalars.isCased(c)), "\(c)")
            #expect(traits.contains(.ignored) == (ArabicNormalizer.fold(c) == nil), "\(c)")
            #expect(traits.contains(.word) == (Tokenizer.words(String(c)).count == 1), "\(c)")
        }
    }

    @Test("reads scalars of every length off UTF-8 and writes them back")
    func readsAndWrites() {
        let text = "aب€😀"
        var bytes = Array(text.utf8)
        var values: [UInt32] = []
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                let (v, length) = UTF8Bytes.scalar(at: i, in: b)
                values.append(v)
                i += length
            }
        }
        #expect(values == text.unicodeScalars.map(\.value))
        bytes.withUnsafeMutableBufferPointer { out in
            var n = 0
            for v in values.reversed() { n = UTF8Writing.write(v, at: n, in: out) }
        }
        #expect(String(decoding: bytes, as: UTF8.self) == String(String.UnicodeScalarView(text.unicodeScalars.reversed())))
    }
}
