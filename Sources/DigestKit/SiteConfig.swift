import Foundation

/// The site's settings, from `digest.yml`. Every key is optional; the defaults make
/// the default content build as it is.
public struct SiteConfig: Sendable {
    public var title = "الموجز"
    public var description = "موجز الأخبار: العلاقات بين دول آسيا"
    /// Absolute URL the site is published at (`https://example.org/digest/`), for feeds and the sitemap.
    public var baseURL: String?
    /// `western` (0-9, the default) or `arabic` (٠-٩) digits in dates and counts.
    public var arabicIndicDigits = false
    /// Articles per page on list pages.
    public var pageSize = 50
    /// Latest articles on the front page (the archive and list pages have the rest).
    public var frontPageSize = 20
    /// The summary budget.
    public var summarySentences = 3
    public var summaryWords = 60
    /// Lets trusted editors use raw HTML in Markdown.
    public var unsafeMarkdown = false
    /// Extra furniture patterns, added to the built-in ones.
    public var furnitureLines: [String] = []
    public var furnitureEndMarkers: [String] = []
    /// Extra sources, month names, labels and words for reading articles (`content:`).
    public var content = ContentSettings()
    /// Extra or overriding countries: code → names.
    public var countries: [CountryEntry] = []
    /// Extra or overriding topics.
    public var topics: [TopicEntry] = []
    /// The file the config came from, for diagnostics.
    public var file = "digest.yml"
    /// The config's own text, so a change to it invalidates caches.
    public var fingerprint = ""

    public init() {}

    static let knownKeys: Set<String> = [
        "title", "description", "base_url", "digits", "page_size", "front_page", "summary", "markdown",
        "furniture", "countries", "topics", "content",
    ]

    /// Reads `digest.yml`. Errors name the file and line.
    public static func parse(_ text: String, file: String) throws(Diagnostic) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        config.file = file
        config.fingerprint = text
        let doc = try YAMLDocument(text, file: file)
        var warnings = doc.unknownKeys(known: knownKeys)
        if let title = try doc.string("title") { config.title = title }
        if let description = try doc.string("description") { config.description = description }
        if let base = try doc.string("base_url"), !base.isEmpty {
            config.baseURL = try checkedBaseURL(base, file: file)
        }
        if let digits = try doc.string("digits") {
            switch digits {
            case "arabic", "arabic-indic": config.arabicIndicDigits = true
            case "western", "latin": config.arabicIndicDigits = false
            default: throw Diagnostic.error("`digits` must be `western` or `arabic`", file: file)
            }
        }
        if let size = try doc.int("page_size", in: 1...10_000) { config.pageSize = size }
        if let size = try doc.int("front_page", in: 1...10_000) { config.frontPageSize = size }
        if let summary = try doc.document("summary") {
            if let n = try summary.int("sentences", in: 1...20) { config.summarySentences = n }
            if let n = try summary.int("words", in: 5...1000) { config.summaryWords = n }
            warnings += summary.unknownKeys(known: ["sentences", "words"])
        }
        if let markdown = try doc.document("markdown") {
            config.unsafeMarkdown = try markdown.bool("unsafe") ?? false
            warnings += markdown.unknownKeys(known: ["unsafe"])
        }
        if let furniture = try doc.document("furniture") {
            config.furnitureLines = try furniture.strings("lines") ?? []
            config.furnitureEndMarkers = try furniture.strings("end_markers") ?? []
            warnings += furniture.unknownKeys(known: ["lines", "end_markers"])
        }
        if let content = try doc.document("content") {
            let (settings, contentWarnings) = try ContentSettings.parse(content)
            config.content = settings
            warnings += contentWarnings
        }
        for entry in try doc.documents("countries") ?? [] {
            guard let code = try entry.string("code"), code.count == 2 else {
                throw Diagnostic.error("each country needs `code:`, its two-letter ISO 3166-1 code", file: file)
            }
            config.countries.append(CountryEntry(
                code: code.uppercased(),
                name: try entry.string("name"),
                aliases: try entry.strings("aliases") ?? [],
                weakAliases: try entry.strings("weak") ?? []))
            warnings += entry.unknownKeys(known: ["code", "name", "aliases", "weak"])
        }
        for entry in try doc.documents("topics") ?? [] {
            guard let slug = try entry.string("slug"), Slug.isSafe(slug) else {
                throw Diagnostic.error("each topic needs `slug:`, a name of letters, digits and -", file: file)
            }
            config.topics.append(TopicEntry(
                slug: slug, name: try entry.string("name"),
                keywords: try entry.strings("keywords") ?? []))
            warnings += entry.unknownKeys(known: ["slug", "name", "keywords"])
        }
        return (config, warnings)
    }
}

/// A country as `digest.yml` adds or extends it.
public struct CountryEntry: Sendable, Hashable {
    public var code: String
    public var name: String?
    public var aliases: [String]
    /// Aliases that count only when the article names the country another way.
    public var weakAliases: [String] = []
}

/// A topic as `digest.yml` adds, renames or extends it.
public struct TopicEntry: Sendable, Hashable {
    public var slug: String
    public var name: String?
    public var keywords: [String]
}
