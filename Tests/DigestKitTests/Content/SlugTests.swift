import Testing
@testable import DigestKit

@Suite("Slugs")
struct SlugTests {
    /// `Slug.make` walked Character by Character, as every name was before ASCII names took a short path.
    static func walked(_ name: String) -> String {
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

    @Test("a name is kept when safe and made safe otherwise, ASCII or not", arguments: [
        "JA-culture-1-20170120", "00001", "a_b-c", "trailing--", "--", "-", "", "--lead", "a--b",
        "with space", "دولي-123", "مقال جديد!", "é-name", "a/b", "a.b", "x\u{0301}", "Ab9_-Z",
    ])
    func make(_ name: String) {
        #expect(Slug.make(name) == Self.walked(name))
    }

    @Test("names of ASCII letters, digits, dashes and underscores lose only their trailing dashes")
    func ascii() {
        #expect(Slug.make("JA-culture-1-20170120") == "JA-culture-1-20170120")
        #expect(Slug.make("news--") == "news")
        #expect(Slug.make("---") == "article")
    }
}
