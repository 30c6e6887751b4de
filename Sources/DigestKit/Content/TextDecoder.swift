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
        var text: String
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            text = decodeUTF16(bytes)
        } else {
            if looksBinary(bytes) { return .failure(.binary) }
            if let utf8 = String(validating: bytes, as: UTF8.self) {
                text = utf8
            } else {
                text = Windows1256.decode(bytes)
            }
        }
        if text.unicodeScalars.contains(where: { $0.value == 0 }) { return .failure(.binary) }
        return .success(clean(text))
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
        let sample = bytes.prefix(8192)
        if sample.contains(0) { return true }
        let controls = sample.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20 && $0 != 0x1B) }.count
        return sample.count > 0 && controls * 20 > sample.count
    }

    /// Normalizes line ends, composes, and drops invisible characters that are noise.
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0D:
                scalars.append("\n")
                previousWasCR = true
                continue
            case 0x0A:
                if previousWasCR { previousWasCR = false; continue }
            case 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0x061C, 0x2028, 0x2029:
                previousWasCR = false
                if scalar.value >= 0x2028 && scalar.value <= 0x2029 { scalars.append("\n") }
                continue
            default:
                break
            }
            previousWasCR = false
            scalars.append(scalar)
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }
}
