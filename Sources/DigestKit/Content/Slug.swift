/// Names pages are written under: safe as one path component on any host.
public enum Slug {
    /// The slug of a content file: its name without the extension, kept if safe,
    /// otherwise made safe (letters of any script, digits, `-` and `_`).
    public static func make(_ name: String) -> String {
        // Most names are ASCII letters, digits, `-` and `_` already, kept whole but for
        // trailing dashes: they are not walked Character by Character.
        if name.utf8.allSatisfy(isSafeASCII) {
            let kept = name.utf8.reversed().drop { $0 == UInt8(ascii: "-") }.count
            return kept == 0 ? "article" : String(decoding: name.utf8.prefix(kept), as: UTF8.self)
        }
        var result = ""
        var lastWasDash = false
        for character in name {
            if character.isLetter || character.isNumber || character == "_" || character == "-" {
                result.append(character)
                lastWasDash = character == "-"
            } else if !lastWasDash && !result.isEmpty {
                result.append("-")
                lastWasDash = true
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "article" : result
    }

    static func isSafeASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    /// True when an editor's `slug:` can be used as it is.
    public static func isSafe(_ slug: String) -> Bool {
        !slug.isEmpty && slug == make(slug) && slug != "." && slug != ".."
    }
}
