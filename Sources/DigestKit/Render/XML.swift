import ArabicText

/// Escaping for XML text and attribute values (feeds, sitemaps).
public enum XML {
    public static func escape(_ text: String) -> String {
        // Most text needs nothing: one scan of its bytes finds out.
        var text = text
        guard text.withUTF8({ $0.contains(where: mayChange) }) else { return text }
        var result = TextBuilder(capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append("&amp;")
            case "<": result.append("&lt;")
            case ">": result.append("&gt;")
            case "\"": result.append("&quot;")
            case "'": result.append("&apos;")
            // Characters XML 1.0 does not allow at all: dropped rather than making the file unreadable.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: result.append(scalar)
            }
        }
        return result.string
    }

    /// The bytes `escape` may change: the five special characters, the control characters
    /// XML does not allow (all below 64: one bit each of a mask), and the lead byte of U+FFFE and U+FFFF.
    static let changedBelow64: UInt64 = {
        var mask: UInt64 = 0
        for byte in [UInt8]("&<>\"'".utf8) + Array(0...8) + [0xB, 0xC] + Array(0xE...0x1F) { mask |= 1 << UInt64(byte) }
        return mask
    }()

    @inline(__always)
    static func mayChange(_ byte: UInt8) -> Bool {
        byte < 64 ? changedBelow64 & (1 << UInt64(byte)) != 0 : byte == 0xEF
    }
}

extension ArticleDate {
    /// RFC 3339 as Atom requires it. Articles state local times without a zone, so
    /// they are written as UTC; a date without a time is midnight.
    var rfc3339: String {
        let t = time ?? (0, 0, 0)
        return iso8601.prefix(10) + "T" + Self.twoDigits(t.hour) + ":" + Self.twoDigits(t.minute) + ":" + Self.twoDigits(min(t.second, 59)) + "Z"
    }

    /// As `%02d` writes a number.
    static func twoDigits(_ n: Int) -> String { (0..<10).contains(n) ? "0" + String(n) : String(n) }
}

/// A name-based UUID (RFC 9562 version 8) from two stable 64-bit hashes of a name:
/// a permanent Atom id when the site has no base URL to make one from.
enum StableUUID {
    static func urn(_ name: String) -> String {
        var high = StableHasher()
        high.combine("digest-id-1:" + name)
        var low = StableHasher()
        low.combine("digest-id-2:" + name)
        var bytes = withUnsafeBytes(of: high.state.bigEndian, Array.init) + withUnsafeBytes(of: low.state.bigEndian, Array.init)
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // version 8
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // variant 10
        let hex = bytes.map { byte in String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return "urn:uuid:" + parts.joined(separator: "-")
    }
}
