import ArabicText
import Foundation
import Testing
@testable import DigestKit

@Suite("Decoding content files")
struct TextDecoderTests {
    let arabic = "مرحبا، عالم"

    func decoded(_ bytes: [UInt8]) -> String? {
        if case .success(let text) = TextDecoder.decode(bytes) { return text }
        return nil
    }

    @Test("reads UTF-8 with and without a byte order mark")
    func utf8() {
        #expect(decoded(Array(arabic.utf8)) == arabic)
        #expect(decoded([0xEF, 0xBB, 0xBF] + Array(arabic.utf8)) == arabic)
    }

    @Test("text with nothing to clean is kept as it is, and anything to clean is seen", arguments: [
        ("مرحبا، عالم “نعم”", true), ("a\r\nb", false), ("a\u{200F}b", false), ("e\u{0301}", false), ("é", true),
        ("\u{FEFF}x", false), ("中文", false),
    ])
    func cleanText(_ text: String, _ clean: Bool) {
        #expect(TextDecoder.isCleanAndComposed(text) == clean)
        if clean { #expect(TextDecoder.clean(text) == text) }
    }

    @Test("every scalar of two bytes, alone, after a letter and after a mark, is clean exactly when cleaning keeps the text")
    func twoByteScalars() {
        for value in UInt32(0x80)..<0x800 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["a" + String(scalar), "ب" + String(scalar), "ب\u{0651}" + String(scalar), String(scalar) + "\u{064E}"] {
                let expected = CommonScalars.isNFC(text) && !["\u{00AD}", "\u{061C}"].contains(String(scalar))
                #expect(TextDecoder.isCleanAndComposed(text) == expected, "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test("reads UTF-16 little- and big-endian with a byte order mark")
    func utf16() {
        let units = Array(arabic.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(decoded(little) == arabic)
        #expect(decoded(big) == arabic)
    }

    @Test("reads Windows-1256 when the bytes are not UTF-8")
    func windows1256() {
        // `iconv -f utf-8 -t cp1256` of "مرحبا، عالم".
        let bytes: [UInt8] = [0xE3, 0xD1, 0xCD, 0xC8, 0xC7, 0xA1, 0x20, 0xDA, 0xC7, 0xE1, 0xE3]
        #expect(decoded(bytes) == arabic)
    }

    @Test("turns CRLF and CR line ends into LF")
    func lineEnds() {
        #expect(decoded(Array("أ\r\nب\rج\n".utf8)) == "أ\nب\nج\n")
    }

    @Test("composes decomposed letters (NFC)")
    func composes() {
        // Alef followed by a combining hamza above is one letter, أ.
        #expect(decoded(Array("\u{0627}\u{0654}حمد".utf8)) == "أحمد")
    }

    @Test("removes zero-width and bidi control characters")
    func invisibleNoise() {
        let noisy = "\u{200F}وزير\u{200B} الخارجية\u{202B}\u{202C}\u{2066}\u{FEFF}\u{00AD}"
        #expect(decoded(Array(noisy.utf8)) == "وزير الخارجية")
    }

    @Test("bytes look binary with a NUL or more than one control byte in twenty of the first 8 KB; tabs, line ends and escapes are text")
    func looksBinary() {
        let text = Array("نص عادي\tمع\r\n".utf8)
        #expect(!TextDecoder.looksBinary(text))
        #expect(!TextDecoder.looksBinary([]))
        #expect(TextDecoder.looksBinary(text + [0]))
        #expect(TextDecoder.looksBinary([UInt8](repeating: 0x41, count: 19) + [0x01, 0x02]))
        #expect(!TextDecoder.looksBinary([UInt8](repeating: 0x41, count: 19) + [0x01]))
        #expect(!TextDecoder.looksBinary([UInt8](repeating: 0x1B, count: 40) + [0x0B, 0x0C]))
        #expect(!TextDecoder.looksBinary([UInt8](repeating: 0x41, count: 8192) + [UInt8](repeating: 0x01, count: 1000)))
    }

    @Test("every byte, among any others in a word of eight, is told a control byte or a NUL as it is alone")
    func controlBytesInWords() {
        var random = SeededRandom(seed: 64)
        for byte in UInt64(0)...255 {
            for place in 0..<8 {
                for _ in 0..<8 {
                    let others = UInt64(random.next(below: Int.max)) &* 0x9E37_79B9_7F4A_7C15
                    let word = others & ~(0xFF << (8 * place)) | byte << (8 * place)
                    let top = UInt64(8 * place + 7)
                    #expect((TextDecoder.controlBytes(of: word) >> top) & 1 == (TextDecoder.isControl(UInt8(byte)) ? 1 : 0))
                    #expect((TextDecoder.bytes(of: word, below: 1) >> top) & 1 == (byte == 0 ? 1 : 0))
                }
            }
        }
    }

    @Test("bytes counted many at a time look binary exactly when counted one by one")
    func looksBinaryByLanes() {
        func byteByByte(_ bytes: [UInt8]) -> Bool {
            let sample = bytes.prefix(8192)
            let zeros = sample.filter { $0 == 0 }.count, controls = sample.filter(TextDecoder.isControl).count
            return zeros > 0 || (!sample.isEmpty && controls * 20 > sample.count)
        }
        var random = SeededRandom(seed: 8192)
        // Mostly text, with controls and NULs as often as makes either answer likely.
        let alphabet: [UInt8] = [0x41, 0x20, 0xD8, 0xA7, 0x0A, 0x09, 0x1B, 0x0D, 0x01, 0x08, 0x0E, 0x1F, 0x7F, 0xFF]
        for round in 0..<400 {
            let count = [0, 31, 32, 33, 8159, 8160, 8192, 9000][round % 8] + random.next(below: 3)
            let controlsOneIn = [12, 25, 40, 400][random.next(below: 4)]
            var bytes = (0..<count).map { _ in
                random.next(below: controlsOneIn) == 0 ? alphabet[8 + random.next(below: 4)] : alphabet[random.next(below: 8)]
            }
            if round % 5 == 0, !bytes.isEmpty { bytes[random.next(below: bytes.count)] = 0 }
            #expect(TextDecoder.looksBinary(bytes) == byteByByte(bytes), "round \(round)")
        }
    }

    @Test("refuses binary files")
    func binary() {
        #expect(TextDecoder.decode([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]) == .failure(.binary))
    }

    @Test("skips a binary file with a warning that names it")
    func binaryIsSkipped() throws {
        let content = ContentParser(rules: TestRules.builtIn).parse([
            ContentFile(path: "photo.txt", bytes: [0x00, 0x01, 0x02, 0xFF]),
        ])
        #expect(content.articles.isEmpty)
        let warning = try #require(content.diagnostics.warnings.first)
        #expect(warning.file == "photo.txt")
        #expect(warning.message.contains("not a text file"))
    }
}
