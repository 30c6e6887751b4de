import ArabicText
import Foundation

/// Turns the bytes of a content file into text: UTF-8 (with or without BOM), UTF-16
/// with BOM, and Windows-1256 for Arabic files that are not valid UTF-8. Line ends
/// become `\n`, the text is composed (NFC), and zero-width and bidi controls that
/// scrapers leave behind are removed.
public enum TextDecoder {
    public enum Failure: Error, Sendable, Equatable {
        /// The bytes hold NUL or other control bytes that no text file has.
        case binary
    }

    public static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        switch decodeReporting(bytes) {
        case .success(let decoded): return .success(decoded.text)
        case .failure: return .failure(.binary)
        }
    }

    static func decodeUTF16(_ bytes: [UInt8]) -> String {
        let bigEndian = bytes[0] == 0xFE
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// NUL bytes, or many control bytes, mean this is not a text file.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            let sample = UnsafeBufferPointer(rebasing: all.prefix(8192))
            var (zeros, controls) = (0, 0)
            var i = 0
            // Eight bytes at a time, in one word: each byte's top bit tells whether it is one.
            if let start = sample.baseAddress {
                let raw = UnsafeRawPointer(start)
                while i + 8 <= sample.count {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    zeros &+= (Self.bytes(of: word, below: 1)).nonzeroBitCount
                    controls &+= Self.controlBytes(of: word).nonzeroBitCount
                    i += 8
                }
            }
            while i < sample.count {
                let byte = sample[i]
                zeros &+= byte == 0 ? 1 : 0
                controls &+= Self.isControl(byte) ? 1 : 0
                i += 1
            }
            return zeros > 0 || (sample.count > 0 && controls * 20 > sample.count)
        }
    }

    static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, topBits: UInt64 = 0x8080_8080_8080_8080

    /// The top bit of each byte of `word` below `limit` (at most 0x80), the other bits clear.
    @inline(__always)
    static func bytes(of word: UInt64, below limit: UInt64) -> UInt64 {
        // Seven low bits plus 0x80 - limit carry into the top bit exactly when they reach the
        // limit, and never into the next byte; a byte with its top bit set is past it anyway.
        let reaching = ((word & lowBits) &+ (0x80 - limit) &* 0x0101_0101_0101_0101) | word
        return ~reaching & topBits
    }

    /// `isControl` for each byte of `word`, as top bits.
    @inline(__always)
    static func controlBytes(of word: UInt64) -> UInt64 {
        let escape = bytes(of: word ^ 0x1B1B_1B1B_1B1B_1B1B, below: 1)
        let belowSpace = bytes(of: word, below: 0x20) & ~bytes(of: word, below: 0x0E)
        return bytes(of: word, below: 0x09) | (belowSpace & ~escape)
    }

    /// A control byte no text has: below a tab, or between a carriage return and a space
    /// but for escape.
    static func isControl(_ byte: UInt8) -> Bool {
        byte < 0x09 || (byte > 0x0D && byte < 0x20 && byte != 0x1B)
    }

    /// Normalizes line ends, composes, and drops invisible characters that are noise.
    static func clean(_ text: String) -> String {
        // Most files are clean already: they are read once, not copied.
        if isCleanAndComposed(text) { return text }
        var scalars = TextBuilder(capacity: text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0D:
                scalars.append("\n")
                previousWasCR = true
                continue
            case 0x0A:
                if previousWasCR { previousWasCR = false; continue }
            case 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0x061C, 0x00AD, 0x2060, 0x2028, 0x2029:
                previousWasCR = false
                if scalar.value >= 0x2028 && scalar.value <= 0x2029 { scalars.append("\n") }
                continue
            default:
                break
            }
            previousWasCR = false
            scalars.append(scalar)
        }
        let text = scalars.string
        return CommonScalars.isNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when `clean` would return `text` as it is: it holds no CR and nothing `clean`
    /// drops, and passes `CommonScalars.isNFC`, all read in one pass over its bytes.
    static func isCleanAndComposed(_ text: String) -> Bool {
        let composition = ScalarTraits.tables.composition
        var text = text
        return text.withUTF8 { bytes in
            do {
                var lastClass: UInt8 = 0
                var i = 0
                while i < bytes.count {
                    let b = bytes[i]
                    if b < 0x80 {
                        if b == 0x0D { return false }
                        lastClass = 0
                        i += 1
                        continue
                    }
                    if b < 0xE0 {
                        // Two bytes, below U+0800 (Arabic's letters and marks): in the tables, and of
                        // the scalars dropped, only the soft hyphen and the Arabic letter mark.
                        let v = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                        i += 2
                        if v == 0x00AD || v == 0x061C { return false }
                        let combiningClass = composition[Int(v)]
                        guard combiningClass != ScalarTraits.notKeptByNFC, combiningClass == 0 || combiningClass >= lastClass else { return false }
                        lastClass = combiningClass
                        continue
                    }
                    let (v, length) = UTF8Bytes.scalar(at: i, in: bytes)
                    i += length
                    switch v {
                    case 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0x061C, 0x00AD, 0x2060, 0x2028, 0x2029:
                        return false
                    default:
                        break
                    }
                    guard let slot = ScalarTraits.slot(v) else { return false }
                    let combiningClass = composition[slot]
                    guard combiningClass != ScalarTraits.notKeptByNFC, combiningClass == 0 || combiningClass >= lastClass else { return false }
                    lastClass = combiningClass
                }
                return true
            }
        }
    }
}
