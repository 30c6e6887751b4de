/// JSON to put inside `<script type="application/ld+json">`, written as Foundation's
/// `JSONEncoder` writes it with sorted keys and unescaped slashes (`StructuredDataTests`
/// compares the two), but without its encoder containers: every article page has one.
/// `<`, `>` and `&` are JSON escapes, so no `</script>` or `<!--` in a value can end the
/// script early.
indirect enum ScriptJSON {
    case string(String)
    case array([ScriptJSON])
    /// Keys in any order: written sorted by their UTF-8 bytes, as `.sortedKeys` does.
    case object([(key: String, value: ScriptJSON)])

    var text: String {
        var bytes: [UInt8] = []
        write(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    func write(to out: inout [UInt8]) {
        switch self {
        case .string(let string):
            Self.write(string, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for (i, field) in fields.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.write(field.key, to: &out)
                out.append(UInt8(ascii: ":"))
                field.value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Read from the string's UTF-8 in place: appending slices of `String.UTF8View` copies
    /// them byte by byte.
    static func write(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            var start = 0
            for i in bytes.indices {
                let escape: String
                switch bytes[i] {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x08: escape = "\\b"
                case 0x09: escape = "\\t"
                case 0x0A: escape = "\\n"
                case 0x0C: escape = "\\f"
                case 0x0D: escape = "\\r"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                case let byte where byte < 0x20: escape = "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                out.append(contentsOf: escape.utf8)
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
