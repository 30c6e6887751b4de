import Foundation

/// Restores the spaces scrapers lose or add around punctuation, so paragraphs read as
/// they did on the page: `توكاييف”،اليوم` → `توكاييف”، اليوم`, `الثنائية ، لاستكشاف` →
/// `الثنائية، لاستكشاف`. Headlines are kept as written.
enum Spacing {
    static let rules: [(NSRegularExpression, String)] = [
        // Runs of spaces (also no-break spaces) as one space.
        ("[\\p{Zs}\\t]+", " "),
        // No space before a comma, semicolon or full stop that follows a letter.
        ("(?<=[\\p{L}\\p{M}\\p{N}”»\"')]) +(?=[،؛,;.!?؟:](?:\\s|$))", ""),
        // A space after a comma or semicolon glued to the next word.
        ("([،؛])(?=[\\p{L}“«\"])", "$1 "),
        // A closing quote glued to the next Arabic word, an opening one glued to the last.
        ("([”»)])(?=[\\x{0621}-\\x{064A}])", "$1 "),
        ("(?<=[\\x{0621}-\\x{064A}])([“«])", " $1"),
    ].compactMap { pattern, template in
        (try? NSRegularExpression(pattern: pattern)).map { ($0, template) }
    }

    static func tidy(_ text: String) -> String {
        var result = text
        for (regex, template) in rules {
            result = regex.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: template)
        }
        return result.trimmingCharacters(in: .whitespaces)
    }
}

extension Spacing {
    static let spaces = try? NSRegularExpression(pattern: "[\\p{Zs}\\t]+")

    /// Trimmed, with runs of spaces as one.
    static func collapse(_ text: String) -> String {
        guard let spaces else { return text.trimmingCharacters(in: .whitespaces) }
        return spaces.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
            .trimmingCharacters(in: .whitespaces)
    }
}
