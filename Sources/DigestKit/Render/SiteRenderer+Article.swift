/// The article page: its metadata, summary, body, the editor's commentary and related articles.
extension SiteRenderer {
    func articlePage(_ index: Int) throws(Diagnostic) -> Made {
        let analyzed = digest.articles[index]
        let article = analyzed.article
        let (path, related, key) = articlePageKey(index)
        if let key, staleArticles.map({ !$0.contains(index) }) ?? isCurrent(path, key: key) { return .kept(path: path, key: key) }
        var view = base(path: path, title: article.title, subject: .article(index))
        view["article"] = item(at: index, from: path).merging([
            "body": try bodyHTML(article, on: path),
            "source": article.source ?? false,
            "dateline": article.dateline ?? false,
            "editor": article.editor ?? false,
            "titleIsDerived": article.titleIsDerived,
            "url": SafeURL.webAddress(article.url) ?? false,
        ])
        view["commentary"] = try commentaryHTML(article.commentary, on: path)
        view["related"] = related.map { item(at: $0, from: path) }
        return .rendered(try render("article", view, path: path), key: key)
    }

    /// An article page's path, related articles (by index) and, with `reuse`, key.
    func articlePageKey(_ index: Int) -> (path: String, related: [Int], key: UInt64?) {
        // Not the article taken whole, a copy: this runs for every article of every rebuild.
        let path = SitePaths.article(digest.articles[index].article.slug)
        let related = digest.articles[index].related.compactMap { digest.indexOfSlug[$0] }
        return (path, related, reuse?.keys.article(index, path: path, related: related))
    }

    /// The articles whose page will be rendered, not kept: only they need their text.
    func articlesToRender() -> [Int] {
        digest.articles.indices.filter { i in
            let (path, _, key) = articlePageKey(i)
            return !isCurrent(path, key: key)
        }
    }

    /// The article's body as HTML we generate: paragraphs, headings, and foreign quotes
    /// marked with their language and direction; left-to-right runs inside Arabic text are
    /// isolated (`BidiRuns`) so their punctuation does not reorder the sentence around them.
    func bodyHTML(_ article: Article, on path: String) throws(Diagnostic) -> String {
        if let markdown = article.markdownBody {
            return try commentary.body(markdown, on: path)
        }
        // Written as bytes into one buffer: every paragraph of every article passes through here.
        var html: [UInt8] = []
        html.reserveCapacity(article.blocks.reduce(0) { $0 + $1.text.utf8.count + 16 })
        for block in article.blocks {
            switch block {
            case .paragraph(let text):
                html.append(contentsOf: "<p>".utf8)
                BidiRuns.appendHTML(text, to: &html)
                html.append(contentsOf: "</p>\n".utf8)
            case .heading(let text):
                html.append(contentsOf: "<h2>".utf8)
                BidiRuns.appendHTML(text, to: &html)
                html.append(contentsOf: "</h2>\n".utf8)
            case .quote(let text, let language):
                // A quoted post's lines (the post, then its `— Name (@handle) date`) stay lines.
                html.append(contentsOf: "<blockquote lang=\"".utf8)
                HTML.appendEscaped(language, to: &html)
                html.append(contentsOf: "\" dir=\"ltr\">".utf8)
                for line in text.split(separator: "\n") {
                    html.append(contentsOf: "<p>".utf8)
                    HTML.appendEscaped(line, to: &html)
                    html.append(contentsOf: "</p>".utf8)
                }
                html.append(contentsOf: "</blockquote>\n".utf8)
            }
        }
        return String(decoding: html, as: UTF8.self)
    }
}
