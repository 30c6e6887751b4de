/// How the bytes of a content file were read, and what the editor should know about it.
public struct DecodedText: Sendable {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16 = "UTF-16"
        case windows1256 = "Windows-1256"
    }

    public var text: String
    public var encoding: Encoding
    /// A warning to give the editor (a fallback, damaged bytes), with its line; nil when the file is clean.
    public var note: (message: String, line: Int?)?
}

extension TextDecoder {
    /// A file that is not text, and the line of the first byte that shows it.
    public struct NotText: Error, Sendable, Equatable {
        public var line: Int
    }

    /// Decodes `bytes` like `decode`, saying which encoding was used and where a file
    /// that is not clean UTF-8 went wrong, so the editor can fix the file.
    public static func decodeReporting(_ bytes: [UInt8]) -> Result<DecodedText, NotText> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3)), lineOffset: 0)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return finish(decodeUTF16(bytes), .utf16, note: nil, bytes: bytes)
        }
        if let zero = bytes.firstIndex(of: 0) {
            if let bigEndian = utf16WithoutMark(bytes) {
                let marked = (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + bytes
                return finish(decodeUTF16(marked), .utf16,
                              note: ("is UTF-16 without a byte-order mark; read as UTF-16\(bigEndian ? "BE" : "LE"). Save it as UTF-8", nil),
                              bytes: bytes)
            }
            return .failure(NotText(line: line(of: zero, in: bytes)))
        }
        if looksBinary(bytes) {
            let first = bytes.firstIndex(where: isControl) ?? 0
            return .failure(NotText(line: line(of: first, in: bytes)))
        }
        return utf8(bytes, lineOffset: 0, holdsZero: false)
    }

    /// Valid UTF-8 as it is; UTF-8 with a few bad bytes repaired (U+FFFD) and reported at
    /// the first bad line; bytes that are mostly not UTF-8 read as Windows-1256.
    /// `holdsZero`: false when the bytes are known to hold no NUL, which need not be looked for again.
    static func utf8(_ bytes: [UInt8], lineOffset: Int, holdsZero: Bool = true) -> Result<DecodedText, NotText> {
        if let text = String(validating: bytes, as: UTF8.self) {
            return finish(text, .utf8, note: nil, bytes: bytes, holdsZero: holdsZero)
        }
        let scan = UTF8Scan(bytes)
        if scan.validMultibyte > 0 && scan.validMultibyte >= scan.invalid {
            let line = line(of: scan.firstInvalid, in: bytes)
            return finish(String(decoding: bytes, as: UTF8.self), .utf8,
                          note: ("is not valid UTF-8: \(scan.invalid) byte(s) from this line on were replaced by �; re-save the file as UTF-8", line),
                          bytes: bytes)
        }
        return finish(Windows1256.decode(bytes), .windows1256,
                      note: ("is not UTF-8; read as Windows-1256 (Arabic). Save it as UTF-8", nil), bytes: bytes)
    }

    static func finish(_ text: String, _ encoding: DecodedText.Encoding, note: (String, Int?)?, bytes: [UInt8],
                       holdsZero: Bool = true) -> Result<DecodedText, NotText> {
        // Read as UTF-8 or Windows-1256, text holds U+0000 only where the bytes hold 0.
        if encoding == .utf16 || (holdsZero && bytes.contains(0)), let zero = text.unicodeScalars.firstIndex(where: { $0.value == 0 }) {
            let line = text.unicodeScalars[..<zero].lazy.filter { $0 == "\n" }.count + 1
            return .failure(NotText(line: line))
        }
        return .success(DecodedText(text: clean(text), encoding: encoding, note: note.map { (message: $0.0, line: $0.1) }))
    }

    static func line(of index: Int, in bytes: [UInt8]) -> Int {
        bytes[..<index].lazy.filter { $0 == 0x0A }.count + 1
    }

    /// True (big-endian) or false (little-endian) when NUL-laden bytes read as UTF-16 text:
    /// nearly every code unit is ASCII, Latin, Arabic or punctuation. Nil when they are not text.
    static func utf16WithoutMark(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
        func textShare(bigEndian: Bool) -> Double {
            var texty = 0, total = 0
            var i = 0
            while i + 1 < bytes.count, total < 4096 {
                let unit = bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
                switch unit {
                case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0x024F, 0x0600...0x06FF, 0x0750...0x077F,
                     0x2000...0x206F, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
                    texty += 1
                default: break
                }
                total += 1
                i += 2
            }
            return total == 0 ? 0 : Double(texty) / Double(total)
        }
        let little = textShare(bigEndian: false), big = textShare(bigEndian: true)
        if little >= 0.95 && little >= big { return false }
        if big >= 0.95 { return true }
        return nil
    }
}

/// Counts of a byte string's UTF-8: well-formed multi-byte sequences and bytes that are not UTF-8.
struct UTF8Scan {
    var validMultibyte = 0
    var invalid = 0
    var firstInvalid = 0

    init(_ bytes: [UInt8]) {
        var i = 0
        var sawInvalid = false
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var ok = length > 0 && i + length <= bytes.count
            if ok {
                for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { ok = false; break }
            }
            if ok, let _ = String(validating: bytes[i..<(i + length)], as: UTF8.self) {
                validMultibyte += 1
                i += length
            } else {
                if !sawInvalid { firstInvalid = i; sawInvalid = true }
                invalid += 1
                i += 1
            }
        }
    }
}
