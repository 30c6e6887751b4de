import Foundation
@testable import DigestKit

/// The built-in content rules, loaded once for the Content tests.
enum TestRules {
    static let builtIn: ContentRules = {
        do {
            return try BuiltInResources.contentRules(config: SiteConfig())
        } catch {
            preconditionFailure("the built-in content resources do not load: \(error)")
        }
    }()

    static func parse(_ text: String, path: String = "a.txt") -> Article {
        RawArticleParser(rules: builtIn).parse(text, path: path, slug: String(path.dropLast(4)))
    }

    static func dates(_ text: String) -> [String] {
        builtIn.metadata.dates.dates(in: text).filter(\.isGregorian).map(\.date.iso8601)
    }

    /// `name` written otherwise, as pages write it: hamza dropped or added, ى for ي,
    /// diacritics and tatweel, upper case, cut short, glued to a word.
    static func respelled(_ name: String, _ random: inout SeededRandom) -> String {
        var scalars = Array(name.unicodeScalars)
        switch random.next(below: 7) {
        case 0: return name.uppercased()
        case 1: return String(String.UnicodeScalarView(scalars.prefix(max(1, scalars.count - 1))))
        case 2: return "ال" + name
        case 3:
            for (i, c) in scalars.enumerated() {
                switch c {
                case "ا": scalars[i] = ["أ", "إ", "آ", "ا"][random.next(below: 4)]
                case "أ", "إ", "آ": scalars[i] = "ا"
                case "ي": scalars[i] = "ى"
                default: break
                }
            }
        case 4:
            let at = random.next(below: scalars.count + 1)
            scalars.insert(["\u{064E}", "\u{0651}", "\u{0640}", "\u{064B}"][random.next(below: 4)], at: at)
        default: return name
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
