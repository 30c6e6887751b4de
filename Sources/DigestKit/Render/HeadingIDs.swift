/// Ids for the headings of one document, for links to a section (`#الموقف-الروسي`):
/// the slug of each heading's text in its own script, unique within the document.
/// Never empty: a heading with no letters or digits gets `section-N`, N its position.
struct HeadingIDs {
    private var taken: Set<String> = []
    private var count = 0

    mutating func next(for text: String) -> String {
        count += 1
        let base = HeadingIDs.slug(text).isEmpty ? "section-\(count)" : HeadingIDs.slug(text)
        var id = base
        var n = 2
        while taken.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        taken.insert(id)
        return id
    }

    /// Letters and digits of any script, lower-cased; every other run becomes one `-`.
    /// Diacritics, tatweel and invisible format characters are dropped, so a heading
    /// keeps its id when an editor adds or removes vowel marks.
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: break
            }
            if scalar == "\u{0640}" { continue }  // tatweel only stretches a word
            if properties.isAlphabetic || properties.numericType != nil {
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug += properties.lowercaseMapping
            } else {
                pendingDash = true
            }
        }
        return slug
    }
}
