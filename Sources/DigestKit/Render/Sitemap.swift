/// `sitemap.xml` in the sitemaps.org 0.9 schema, split under a sitemap index when the
/// site has more URLs than one sitemap may hold, and the `robots.txt` that points at it.
struct Sitemap {
    /// sitemaps.org: at most 50,000 URLs per sitemap file.
    static let urlsPerFile = 50_000
    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    var urls: SiteURLs
    /// Page paths with the date each last changed, when known.
    var entries: [(path: String, modified: ArticleDate?)]
    var urlsPerFile = Sitemap.urlsPerFile

    func files() -> [Page] {
        let parts = stride(from: 0, to: max(entries.count, 1), by: urlsPerFile).map {
            Array(entries[$0..<min($0 + urlsPerFile, entries.count)])
        }
        var pages: [Page] = []
        if parts.count == 1 {
            pages.append(Page(path: SitePaths.sitemap, text: urlset(parts[0])))
        } else {
            var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"\(Self.namespace)\">\n"
            for (i, part) in parts.enumerated() {
                let path = SitePaths.sitemapPart(i + 1)
                pages.append(Page(path: path, text: urlset(part)))
                index += "<sitemap><loc>\(XML.escape(urls.absolute(path)))</loc>"
                if let newest = part.compactMap(\.modified).max() { index += "<lastmod>\(newest.iso8601.prefix(10))</lastmod>" }
                index += "</sitemap>\n"
            }
            index += "</sitemapindex>\n"
            pages.insert(Page(path: SitePaths.sitemap, text: index), at: 0)
        }
        let robots = "User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute(SitePaths.sitemap))\n"
        pages.append(Page(path: SitePaths.robots, text: robots))
        return pages
    }

    func urlset(_ part: [(path: String, modified: ArticleDate?)]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"\(Self.namespace)\">\n"
        for entry in part {
            out += "<url><loc>\(XML.escape(urls.absolute(entry.path)))</loc>"
            // W3C Datetime: the day is exact; article times carry no zone.
            if let modified = entry.modified { out += "<lastmod>\(modified.iso8601.prefix(10))</lastmod>" }
            out += "</url>\n"
        }
        out += "</urlset>\n"
        return out
    }
}
