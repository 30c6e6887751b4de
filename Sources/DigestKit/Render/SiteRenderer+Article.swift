/// The article page: its metadata, summary, body, the editor's commentary and related articles.
extension SiteRenderer {
    func articlePage(_ index: Int) throws(Diagnostic) -> Made {
        let analyzed = digest.articles[index]
        let article = analyzed.article
        let (path, related, key) = articlePageKey(index)
        if let key, staleArticles.map({ !$0.contains(index) }) ?? isCurrent(path, key: key) { return .kept(path: path, key: key) }
        var view = base(path: path, title: article.title)
        view["article"] = item(for: analyzed, from: path).merging([
            "body": try bodyHTML(article, on: path),
            "source": article.source ?? false,
            "dateline": article.dateline ?? false,
            "editor": article.editor ?? false,
            "titleIsDerived": article.titleIsDerived,
            "url": SafeURL.webAddress(article.url) ?? false,
        ]) { $1 }
        view["commentary"] = try commentaryHTML(article.commentary, on: path)
        view["discovery"] = discoveryHead(path: path, title: article.title, subject: .article(index))
        view["related"] = related.map { item(for: digest.articles[$0], from: path) }
        return .rendered(try render("article", view, path: path), key: key)
    }

    /// An article page's path, related articles (by index) and, with `reuse`, key.
    func articlePageKey(_ index: Int) -> (path: String, related: [Int], key: UInt64?) {
        let analyzed = digest.articles[index]
        let path = SitePaths.article(analyzed.article.slug)
        let related = analyzed.related.compactMap { digest.indexOfSlug[$0] }
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
        var html = ""
        for block in article.blocks {
            switch block {
            case .paragraph(let text): html += "<p>\(BidiRuns.html(text))</p>\n"
            case .heading(let text): html += "<h2>\(BidiRuns.html(text))</h2>\n"
            case .quote(let text, let language):
                // A quoted post's lines (the post, then its `— Name (@handle) date`) stay lines.
                let lines = text.split(separator: "\n").map { "<p>\(HTML.escape(String($0)))</p>" }.joined()
                html += "<blockquote lang=\"\(HTML.escape(language))\" dir=\"ltr\">\(lines)</blockquote>\n"
            }
        }
        return html
    }
}
