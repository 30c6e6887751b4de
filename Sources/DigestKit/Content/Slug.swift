/// Names pages are written under: safe as one path component on any host.
public enum Slug {
    /// The slug of a content file: its name without the extension, kept if safe,
    /// otherwise made safe (letters of any script, digits, `-` and `_`).
    public static func make(_ name: String) -> String {
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

    /// True when an editor's `slug:` can be used as it is.
    public static func isSafe(_ slug: String) -> Bool {
        !slug.isEmpty && slug == make(slug) && slug != "." && slug != ".."
    }
}
