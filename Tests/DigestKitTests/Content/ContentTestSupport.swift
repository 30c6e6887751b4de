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
}
