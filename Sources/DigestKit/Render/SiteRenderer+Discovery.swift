/// What readers and machines use to find the digest's pages: feed links, canonical
/// links, OpenGraph and Twitter meta, JSON-LD, the search page, and the files
/// written beside the pages (Atom feeds, sitemap, robots.txt, search index).
extension SiteRenderer {
    /// What a page is about, for its feed link and its meta.
    enum Subject {
        case home, article(Int), country(String), topic(String), relation(String), other
    }

    /// The `discovery` view model of a page, read by `partials/discovery-head`.
    func discoveryHead(path: String, title: String, subject: Subject) -> [String: Any] {
        let urls = digest.config.urls
        var feeds: [[String: Any]] = []
        func feed(_ target: String, _ name: String) {
            feeds.append(["title": name, "url": SitePaths.relative(from: path, to: target)])
        }
        var description = digest.config.description
        var type = "website"
        var jsonLD: Any = false
        var published: Any = false
        switch subject {
        case .article(let index):
            let analyzed = digest.articles[index]
            type = "article"
            if !analyzed.summary.isEmpty { description = analyzed.summary.joined(separator: " ") }
            jsonLD = NewsArticleData(analyzed, digest: digest).scriptJSON()
            published = analyzed.article.published?.iso8601 ?? false
        case .country(let code):
            feed(SitePaths.countryFeed(code), title)
        case .topic(let slug):
            feed(SitePaths.topicFeed(slug), title)
        case .relation(let key):
            feed(SitePaths.relationFeed(key), title)
        case .home, .other:
            break
        }
        feed(SitePaths.feed, digest.config.title)
        return [
            "canonical": urls.map { $0.absolute(path) } ?? false,
            "feeds": feeds,
            "siteName": digest.config.title,
            "title": title,
            "description": description,
            "type": type,
            "published": published,
            "jsonLD": jsonLD,
        ]
    }

    /// The search page: a form, and the scripts that load the index from files.
    func searchPage() throws(Diagnostic) -> Page {
        let path = SitePaths.search
        var view = base(path: path, title: "البحث")
        view["search"] = [
            "tables": SitePaths.relative(from: path, to: SitePaths.searchTables),
            "manifest": SitePaths.relative(from: path, to: SitePaths.searchManifest),
            "script": SitePaths.relative(from: path, to: SitePaths.searchScript),
            "stylesheet": SitePaths.relative(from: path, to: SitePaths.searchStylesheet),
            "root": SitePaths.root(from: path),
        ]
        return try render("search", view, path: path)
    }

    /// The files beside the pages: Atom feeds, the sitemap and robots.txt (with a base
    /// URL), and the search index. Warns when the sitemap has to be skipped.
    public func discoveryFiles(forPaths pagePaths: [String]) throws(BuildFailure) -> (pages: [Page], warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        typealias Feed = (path: String, page: String, title: String, indices: [Int])
        var feeds: [Feed] = [(SitePaths.feed, SitePaths.index, digest.config.title, Array(digest.articles.indices))]
        for code in digest.countryCodes {
            feeds.append((SitePaths.countryFeed(code), SitePaths.country(code), digest.gazetteer.name(of: code), digest.byCountry[code] ?? []))
        }
        for slug in digest.topicSlugs {
            feeds.append((SitePaths.topicFeed(slug), SitePaths.topic(slug), digest.topicName(slug), digest.byTopic[slug] ?? []))
        }
        for key in digest.relationKeys {
            feeds.append((SitePaths.relationFeed(key), SitePaths.relation(key), digest.relationName(key), digest.byRelation[key] ?? []))
        }
        let digest = self.digest
        var files = Parallel.map(feeds) { feed in
            // Only the newest dated articles become entries: the rest are never copied.
            let newest = feed.indices.lazy.map { digest.articles[$0] }.filter { $0.article.published != nil }.prefix(AtomFeed.limit)
            let atom = AtomFeed(path: feed.path, pagePath: feed.page, title: feed.title, articles: Array(newest))
            return Page(path: feed.path, text: atom.xml(site: digest.config, gazetteer: digest.gazetteer, topicName: digest.topicName))
        }

        if let urls = digest.config.urls {
            var modified: [String: ArticleDate] = [:]
            for analyzed in digest.articles {
                if let date = analyzed.article.updated ?? analyzed.article.published {
                    modified[SitePaths.article(analyzed.article.slug)] = date
                }
            }
            modified[SitePaths.index] = digest.articles.compactMap { $0.article.updated ?? $0.article.published }.max()
            let listed = pagePaths.filter { $0.hasSuffix(".html") && $0 != SitePaths.notFound && $0 != SitePaths.search }.sorted()
            files += Sitemap(urls: urls, entries: listed.map { ($0, modified[$0]) }).files()
        } else {
            warnings.append(.warning("no base URL, so sitemap.xml and robots.txt were skipped and feeds link relative to the site; set `base_url:` here or pass --base-url https://…/", file: digest.config.file))
        }

        files += SearchIndex(digest: digest, dates: dates).files()
        return (files, warnings)
    }
}
