/// An Atom 1.0 feed (RFC 4287) of one collection: the digest, a country, a topic or a
/// relation. Entries are the newest dated articles, each with its summary as content.
///
/// With a base URL every link and id is absolute. Without one, links are relative to
/// the site's root and `xml:base` on the feed points there, so a reader that knows the
/// feed's own address resolves them; ids are then name-based UUIDs, permanent as Atom asks.
struct AtomFeed {
    /// Entries per feed.
    static let limit = 50

    /// Where the feed is written, relative to the site root.
    var path: String
    /// The HTML page the feed mirrors.
    var pagePath: String
    var title: String
    /// Articles of the collection, newest first.
    var articles: [AnalyzedArticle]

    func xml(site: SiteConfig, gazetteer: Gazetteer, topicName: (String) -> String) -> String {
        xml(site: site) { Self.entry(articles[$0], site: site, gazetteer: gazetteer, topicName: topicName) }
    }

    /// The feed, with the `<entry>` of `articles[i]` from `entry(i)`: an article's entry is
    /// the same in every feed it is in (the digest's, its countries', topics' and relations'),
    /// so the renderer writes each once (`entry(_:site:gazetteer:topicName:)`).
    func xml(site: SiteConfig, entry: (Int) -> String) -> String {
        let urls = site.urls
        func link(_ target: String) -> String { urls?.absolute(target) ?? target }

        // Atom needs an `updated` on every entry: an undated article cannot be among the latest.
        let entries = articles.indices.filter { articles[$0].article.published != nil }.prefix(Self.limit)
        let updated = entries.compactMap { articles[$0].article.updated ?? articles[$0].article.published }.max()

        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ar\" xml:base=\"\(XML.escape(urls?.base ?? SitePaths.root(from: path)))\">\n"
        out += "<id>\(XML.escape(Self.id(pagePath, site: site)))</id>\n"
        out += "<title type=\"text\">\(XML.escape(title))</title>\n"
        out += "<subtitle type=\"text\">\(XML.escape(site.description))</subtitle>\n"
        // A feed without entries still needs a date; the epoch says "nothing yet" deterministically.
        out += "<updated>\(updated?.rfc3339 ?? "1970-01-01T00:00:00Z")</updated>\n"
        out += "<author><name>\(XML.escape(site.title))</name></author>\n"
        out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(XML.escape(link(path)))\"/>\n"
        out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(link(pagePath)))\"/>\n"
        out += "<generator>digest</generator>\n"
        for i in entries { out += entry(i) }
        out += "</feed>\n"
        return out
    }

    /// A permanent id: the absolute address with a base URL, a name-based UUID without.
    static func id(_ target: String, site: SiteConfig) -> String {
        site.urls?.absolute(target) ?? StableUUID.urn(site.title + "\u{0}" + target)
    }

    /// The `<entry>` of a dated article (empty for an undated one).
    static func entry(_ analyzed: AnalyzedArticle, site: SiteConfig, gazetteer: Gazetteer, topicName: (String) -> String) -> String {
        let article = analyzed.article
        guard let published = article.published else { return "" }
        let page = SitePaths.article(article.slug)
        let absolute = site.urls?.absolute(page)
        var out = "<entry>\n"
        out += "<id>\(XML.escape(absolute ?? id(page, site: site)))</id>\n"
        out += "<title type=\"text\">\(XML.escape(article.title))</title>\n"
        out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(absolute ?? page))\"/>\n"
        out += "<published>\(published.rfc3339)</published>\n"
        out += "<updated>\(max(article.updated ?? published, published).rfc3339)</updated>\n"
        if let source = article.source, !source.isEmpty {
            out += "<author><name>\(XML.escape(source))</name></author>\n"
        }
        for code in analyzed.countries.primary {
            out += "<category term=\"\(XML.escape(code.lowercased()))\" label=\"\(XML.escape(gazetteer.name(of: code)))\"/>\n"
        }
        for topic in analyzed.topics {
            out += "<category term=\"\(XML.escape(topic))\" label=\"\(XML.escape(topicName(topic)))\"/>\n"
        }
        let summary = analyzed.summary.joined(separator: " ")
        out += "<summary type=\"text\">\(XML.escape(summary))</summary>\n"
        let html = "<p dir=\"rtl\">\(HTML.escape(summary))</p>"
        out += "<content type=\"html\">\(XML.escape(html))</content>\n"
        out += "</entry>\n"
        return out
    }
}
