/// Escaping for text and attribute values: the default for everything that is not
/// cmark's output or markup we generate. Also the templates' escaper (see `TemplateSet`).
public enum HTML {
    /// `&`, `<`, `>`, `"` and `'` as references. Works on UTF-8 bytes: every page's every
    /// value passes through here, and most need nothing, which one scan finds out.
    public static func escape(_ text: String) -> String {
        var text = text
        let escaped: String? = text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: isSpecial) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            appendEscaped(UnsafeBufferPointer(rebasing: bytes[first...]), to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// Appends the escaped bytes of `text`, for HTML written into one buffer.
    static func appendEscaped(_ text: some StringProtocol, to out: inout [UInt8]) {
        var text = String(text)
        text.withUTF8 { appendEscaped($0, to: &out) }
    }

    /// Appends the escaped bytes of valid UTF-8: runs without a special byte in one copy.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var start = 0
        for i in bytes.indices where isSpecial(bytes[i]) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            reference(bytes[i]).withUTF8Buffer { out.append(contentsOf: $0) }
            start = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    static func reference(_ byte: UInt8) -> StaticString {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        default: return "&#39;"
        }
    }

    /// The five special bytes are all below 64: one bit each of a mask (`"` 34, `&` 38,
    /// `'` 39, `<` 60, `>` 62). A constant, not a `static let`: a static's every read checks
    /// that it was made, and this one is read for every byte of every page.
    @inline(__always)
    static var specialMask: UInt64 { 1 << 34 | 1 << 38 | 1 << 39 | 1 << 60 | 1 << 62 }

    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 64 && specialMask & (1 << UInt64(byte)) != 0
    }
}
