import Foundation

/// schema.org `NewsArticle` as JSON-LD for an article page, so search engines read the
/// headline, dates, language, publisher, source and the countries the article is about.
struct NewsArticleData: Encodable {
    struct Organization: Encodable {
        var type = "Organization"
        var name: String
        var url: String?
        enum CodingKeys: String, CodingKey { case type = "@type", name, url }
        var json: ScriptJSON {
            .object([("@type", .string(type)), ("name", .string(name))] + (url.map { [("url", .string($0))] } ?? []))
        }
    }

    struct Place: Encodable {
        var type = "Country"
        var name: String
        /// ISO 3166-1 alpha-2.
        var identifier: String
        enum CodingKeys: String, CodingKey { case type = "@type", name, identifier }
        var json: ScriptJSON { .object([("@type", .string(type)), ("name", .string(name)), ("identifier", .string(identifier))]) }
    }

    var context = "https://schema.org"
    var type = "NewsArticle"
    var headline: String
    var description: String?
    var datePublished: String?
    var dateModified: String?
    var inLanguage = "ar"
    var publisher: Organization
    var sourceOrganization: Organization?
    var author: Organization?
    var isBasedOn: String?
    var about: [Place]
    var keywords: [String]?
    var url: String?
    var mainEntityOfPage: String?

    enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type", headline, description, datePublished, dateModified,
             inLanguage, publisher, sourceOrganization, author, isBasedOn, about, keywords, url, mainEntityOfPage
    }

    /// Search engines cut headlines past 110 characters: cut at a word and mark the cut.
    static let headlineLimit = 110

    /// `summary`: the article's summary joined, when the caller has it already.
    init(_ analyzed: AnalyzedArticle, digest: Digest, summary: String? = nil) {
        let article = analyzed.article
        let page = SitePaths.article(article.slug)
        let urls = digest.config.urls
        headline = Self.shortened(article.title)
        let summary = summary ?? analyzed.summary.joined(separator: " ")
        description = summary.isEmpty ? nil : summary
        datePublished = article.published?.iso8601
        dateModified = (article.updated ?? article.published)?.iso8601
        publisher = Organization(name: digest.config.title, url: urls?.base)
        if let source = article.source, !source.isEmpty {
            sourceOrganization = Organization(name: source)
            author = Organization(name: source)
        }
        if let original = article.url, let scheme = URL(string: original)?.scheme, scheme.hasPrefix("http") {
            isBasedOn = original
        }
        about = analyzed.countries.primary.map { Place(name: digest.gazetteer.name(of: $0), identifier: $0) }
        let topics = analyzed.topics.map(digest.topicName)
        keywords = topics.isEmpty ? nil : topics
        url = urls?.absolute(page)
        mainEntityOfPage = url
    }

    static func shortened(_ title: String) -> String {
        // A title has no more characters than bytes: most are told short without counting them.
        guard title.utf8.count > headlineLimit, title.count > headlineLimit else { return title }
        var cut = String(title.prefix(headlineLimit - 1))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + "…"
    }

    /// The JSON to put inside `<script type="application/ld+json">` (see `ScriptJSON`).
    func scriptJSON() -> String { json.text }

    /// The fields as `Encodable` encodes them: a nil one is left out.
    var json: ScriptJSON {
        var fields: [(key: String, value: ScriptJSON)] = [
            ("@context", .string(context)), ("@type", .string(type)), ("headline", .string(headline)),
            ("inLanguage", .string(inLanguage)), ("publisher", publisher.json), ("about", .array(about.map(\.json))),
        ]
        let optional: [(String, ScriptJSON?)] = [
            ("description", description.map(ScriptJSON.string)), ("datePublished", datePublished.map(ScriptJSON.string)),
            ("dateModified", dateModified.map(ScriptJSON.string)), ("sourceOrganization", sourceOrganization?.json),
            ("author", author?.json), ("isBasedOn", isBasedOn.map(ScriptJSON.string)),
            ("keywords", keywords.map { .array($0.map(ScriptJSON.string)) }), ("url", url.map(ScriptJSON.string)),
            ("mainEntityOfPage", mainEntityOfPage.map(ScriptJSON.string)),
        ]
        for case let (key, value?) in optional { fields.append((key, value)) }
        return .object(fields)
    }
}
