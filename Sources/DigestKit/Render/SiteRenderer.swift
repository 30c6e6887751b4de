import Foundation

/// The Render stage: turns the digest into pages with the theme's templates.
/// It decides how things look, never what is on a page (that is the Digest's).
public struct SiteRenderer: Sendable {
    public var digest: Digest
    public var templates: TemplateSet
    public var dates: DateDisplay
    let commentary: CommentaryRenderer

    public init(digest: Digest, templates: TemplateSet, dates: DateDisplay) {
        self.digest = digest
        self.templates = templates
        self.dates = dates
        self.commentary = CommentaryRenderer(digest: digest)
    }

    /// Every page of the site, in a deterministic order.
    public func pages() throws(BuildFailure) -> [Page] {
        var pages: [Page] = []
        var diagnostics: [Diagnostic] = []
        func add(_ make: () throws(Diagnostic) -> [Page]) {
            do { pages += try make() } catch { diagnostics.append(error) }
        }
        add { () throws(Diagnostic) in [try indexPage()] }
        for i in digest.articles.indices { add { () throws(Diagnostic) in [try articlePage(i)] } }
        for code in digest.countryCodes { add { () throws(Diagnostic) in try countryPages(code) } }
        for slug in digest.topicSlugs { add { () throws(Diagnostic) in try topicPages(slug) } }
        for key in digest.relationKeys { add { () throws(Diagnostic) in try relationPages(key) } }
        for month in digest.months { add { () throws(Diagnostic) in try monthPages(month) } }
        add { () throws(Diagnostic) in [try archivePage()] }
        add { () throws(Diagnostic) in [try searchPage()] }
        add { () throws(Diagnostic) in [try notFoundPage()] }
        if !diagnostics.isEmpty {
            // One broken template fails every page: report each distinct problem once.
            var seen = Set<Diagnostic>()
            throw BuildFailure(diagnostics.filter { seen.insert($0).inserted })
        }
        return pages
    }

    // MARK: Pages

    func indexPage() throws(Diagnostic) -> Page {
        let path = SitePaths.index
        var view = base(path: path, title: digest.config.title)
        view["articles"] = digest.articles.prefix(digest.config.pageSize).map { item(for: $0, from: path) }
        view["countries"] = digest.countryCodes.map { countryLink($0, from: path) }
        view["topics"] = digest.topicSlugs.map { topicLink($0, from: path) }
        view["relations"] = digest.relationKeys.map { relationLink($0, from: path) }
        view["commentary"] = try commentaryHTML(digest.commentary.index, on: path)
        view["discovery"] = discoveryHead(path: path, title: digest.config.title, subject: .home)
        return try render("index", view, path: path)
    }

    func articlePage(_ index: Int) throws(Diagnostic) -> Page {
        let analyzed = digest.articles[index]
        let article = analyzed.article
        let path = SitePaths.article(article.slug)
        var view = base(path: path, title: article.title)
        view["article"] = item(for: analyzed, from: path).merging([
            "body": try bodyHTML(article, on: path),
            "source": article.source ?? false,
            "dateline": article.dateline ?? false,
            "titleIsDerived": article.titleIsDerived,
            "url": article.url ?? false,
        ]) { $1 }
        view["commentary"] = try commentaryHTML(article.commentary, on: path)
        view["discovery"] = discoveryHead(path: path, title: article.title, subject: .article(index))
        view["related"] = analyzed.related.compactMap { digest.indexOfSlug[$0] }.map { item(for: digest.articles[$0], from: path) }
        return try render("article", view, path: path)
    }

    func countryPages(_ code: String) throws(Diagnostic) -> [Page] {
        let indices = digest.byCountry[code] ?? []
        var partners: [String: Int] = [:]
        var topics: [String: Int] = [:]
        for i in indices {
            for key in digest.articles[i].countries.relations where key.split(separator: "-").contains(Substring(code.lowercased())) {
                partners[key, default: 0] += 1
            }
            for t in digest.articles[i].topics { topics[t, default: 0] += 1 }
        }
        return try listPages(indices, title: digest.gazetteer.name(of: code), template: "country",
                             path: { SitePaths.country(code, page: $0) }) { path throws(Diagnostic) -> [String: Any] in
            [
                "code": code,
                "partners": partners.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    .map { relationLink($0.key, from: path, count: $0.value) },
                "topics": topics.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    .map { topicLink($0.key, from: path, count: $0.value) },
                "commentary": try commentaryHTML(digest.commentary.countries[code], on: path),
                "discovery": discoveryHead(path: path, title: digest.gazetteer.name(of: code), subject: .country(code)),
            ]
        }
    }

    func topicPages(_ slug: String) throws(Diagnostic) -> [Page] {
        try listPages(digest.byTopic[slug] ?? [], title: digest.topicName(slug), template: "topic",
                      path: { SitePaths.topic(slug, page: $0) }) { path throws(Diagnostic) in
            ["commentary": try commentaryHTML(digest.commentary.topics[slug], on: path),
             "discovery": discoveryHead(path: path, title: digest.topicName(slug), subject: .topic(slug))]
        }
    }

    func relationPages(_ key: String) throws(Diagnostic) -> [Page] {
        let codes = key.split(separator: "-").map { $0.uppercased() }
        return try listPages(digest.byRelation[key] ?? [], title: digest.relationName(key), template: "relation",
                             path: { SitePaths.relation(key, page: $0) }) { path throws(Diagnostic) -> [String: Any] in
            [
                "countries": codes.map { countryLink($0, from: path) },
                "commentary": try commentaryHTML(digest.commentary.relations[key], on: path),
                "discovery": discoveryHead(path: path, title: digest.relationName(key), subject: .relation(key)),
            ]
        }
    }

    func monthPages(_ month: String) throws(Diagnostic) -> [Page] {
        try listPages(digest.byMonth[month] ?? [], title: dates.month(month), template: "month",
                      path: { SitePaths.month(month, page: $0) }) { _ in [:] }
    }

    func archivePage() throws(Diagnostic) -> Page {
        let path = SitePaths.archive()
        var view = base(path: path, title: "الأرشيف")
        view["months"] = digest.months.map { month -> [String: Any] in
            ["name": dates.month(month), "url": SitePaths.relative(from: path, to: SitePaths.month(month)),
             "count": dates.number(digest.byMonth[month]?.count ?? 0)]
        }
        return try render("archive", view, path: path)
    }

    func notFoundPage() throws(Diagnostic) -> Page {
        try render("404", base(path: SitePaths.notFound, title: "الصفحة غير موجودة"), path: SitePaths.notFound)
    }

    /// A list of articles split into pages of `pageSize`, with numbered page links.
    func listPages(_ indices: [Int], title: String, template: String, path: (Int) -> String,
                   extra: (String) throws(Diagnostic) -> [String: Any]) throws(Diagnostic) -> [Page] {
        let size = digest.config.pageSize
        let count = max(1, (indices.count + size - 1) / size)
        var pages: [Page] = []
        for number in 1...count {
            let here = path(number)
            var view = base(path: here, title: title)
            let slice = indices.dropFirst((number - 1) * size).prefix(size)
            view["articles"] = slice.map { item(for: digest.articles[$0], from: here) }
            view["count"] = dates.number(indices.count)
            view["pagination"] = count > 1 ? (1...count).map { n -> [String: Any] in
                ["number": dates.number(n), "url": SitePaths.relative(from: here, to: path(n)), "current": n == number]
            } : [] as [[String: Any]]
            view.merge(try extra(here)) { $1 }
            pages.append(try render(template, view, path: here))
        }
        return pages
    }

    // MARK: View model pieces

    /// What every page has: the site, the page, links to the stylesheet and the main pages.
    func base(path: String, title: String) -> [String: Any] {
        func link(_ to: String) -> String { SitePaths.relative(from: path, to: to) }
        return [
            "site": ["title": digest.config.title, "description": digest.config.description],
            "page": ["title": title, "isIndex": path == SitePaths.index],
            "links": [
                "home": link(SitePaths.index),
                "archive": link(SitePaths.archive()),
                "stylesheet": link(SitePaths.stylesheet),
                "search": link(SitePaths.search),
            ],
            "commentary": false,
            "discovery": discoveryHead(path: path, title: title, subject: .other),
        ]
    }

    func item(for analyzed: AnalyzedArticle, from path: String) -> [String: Any] {
        let article = analyzed.article
        return [
            "title": BidiRuns.isolatedText(article.title),
            "url": SitePaths.relative(from: path, to: SitePaths.article(article.slug)),
            "published": dateView(article.published),
            "updated": dateView(article.updated),
            "summary": analyzed.summary.map(BidiRuns.isolatedText),
            "countries": analyzed.countries.primary.map { countryLink($0, from: path) },
            "topics": analyzed.topics.map { topicLink($0, from: path) },
        ]
    }

    func dateView(_ date: ArticleDate?) -> Any {
        guard let date else { return false }
        return ["iso": date.iso8601, "text": dates.gregorian(date), "hijri": dates.hijri(date) ?? false]
    }

    func countryLink(_ code: String, from path: String, count: Int? = nil) -> [String: Any] {
        ["name": digest.gazetteer.name(of: code), "code": code.lowercased(),
         "url": SitePaths.relative(from: path, to: SitePaths.country(code)),
         "count": dates.number(count ?? digest.byCountry[code]?.count ?? 0)]
    }

    func topicLink(_ slug: String, from path: String, count: Int? = nil) -> [String: Any] {
        ["name": digest.topicName(slug), "slug": slug,
         "url": SitePaths.relative(from: path, to: SitePaths.topic(slug)),
         "count": dates.number(count ?? digest.byTopic[slug]?.count ?? 0)]
    }

    func relationLink(_ key: String, from path: String, count: Int? = nil) -> [String: Any] {
        ["name": digest.relationName(key), "key": key,
         "url": SitePaths.relative(from: path, to: SitePaths.relation(key)),
         "count": dates.number(count ?? digest.byRelation[key]?.count ?? 0)]
    }

    func commentaryHTML(_ commentary: Commentary?, on path: String) throws(Diagnostic) -> Any {
        guard let commentary else { return false }
        return CommentaryView(html: try self.commentary.html(commentary, on: path), commentary: commentary)
    }

    /// The article's body as HTML we generate: paragraphs, headings, and foreign quotes
    /// marked with their language and direction.
    func bodyHTML(_ article: Article, on path: String) throws(Diagnostic) -> String {
        if let markdown = article.markdownBody {
            return try commentary.body(markdown, on: path)
        }
        var html = ""
        for block in article.blocks {
            switch block {
            case .paragraph(let text): html += "<p>\(BidiRuns.html(text))</p>\n"
            case .heading(let text): html += "<h2>\(BidiRuns.html(text))</h2>\n"
            case .quote(let text, let language):
                html += "<blockquote lang=\"\(HTML.escape(language))\" dir=\"ltr\"><p>\(HTML.escape(text))</p></blockquote>\n"
            }
        }
        return html
    }

    func render(_ template: String, _ view: [String: Any], path: String) throws(Diagnostic) -> Page {
        Page(path: path, text: try templates.render(template, view))
    }
}
