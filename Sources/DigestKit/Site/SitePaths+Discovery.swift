import Foundation

/// Where the files for feed readers, search engines and the search page live.
extension SitePaths {
    /// The feed of the whole digest.
    public static let feed = "feed.xml"
    public static func countryFeed(_ code: String) -> String { "countries/\(code.lowercased()).xml" }
    public static func topicFeed(_ slug: String) -> String { "topics/\(slug).xml" }
    public static func relationFeed(_ key: String) -> String { "relations/\(key).xml" }

    public static let sitemap = "sitemap.xml"
    /// One part of a sitemap split past the sitemaps.org limit, numbered from 1.
    public static func sitemapPart(_ number: Int) -> String { "sitemaps/sitemap-\(number).xml" }
    public static let robots = "robots.txt"

    /// The search index: script files, so the search page works opened from disk.
    public static let searchManifest = "search/index.js"
    public static let searchTables = "search/arabic.js"
    public static let searchLengths = "search/lengths.js"
    public static func searchTerms(_ shard: Int) -> String { "search/terms/\(shard).js" }
    public static func searchDocuments(_ shard: Int) -> String { "search/docs/\(shard).js" }
    public static let searchScript = "assets/search.js"
    public static let searchStylesheet = "assets/search.css"

    /// The link from a file at `from` to the site's root folder: `./` or `../`s.
    public static func root(from: String) -> String {
        let depth = from.split(separator: "/").count - 1
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }
}

/// Absolute URLs of the site's files under `base_url`.
public struct SiteURLs: Sendable {
    /// Ends with `/`.
    public var base: String

    public init(base: String) { self.base = base.hasSuffix("/") ? base : base + "/" }

    /// The absolute URL of a file of the site, its path percent-encoded (slugs may be Arabic).
    public func absolute(_ path: String) -> String {
        base + (path.addingPercentEncoding(withAllowedCharacters: SiteURLs.pathCharacters) ?? path)
    }

    /// RFC 3986 path characters, without the ones sitemaps.org asks to escape.
    static let pathCharacters: CharacterSet = {
        var set = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
        set.insert(charactersIn: "!$()*+,;=:@")
        return set
    }()
}
