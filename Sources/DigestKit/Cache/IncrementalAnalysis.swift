import Foundation

/// The Content and Analysis stages of a build, article unit by article unit, so that what the
/// cache kept of an unchanged article is reused instead of being parsed and analysed again.
/// Gives the same articles, in the same order, as parsing and analysing every file at once.
struct IncrementalAnalysis: Sendable {
    var parser: ContentParser
    var analyzer: Analyzer

    struct Result: Sendable {
        var articles: [AnalyzedArticle]
        var commentary: SiteCommentary
        var diagnostics: Diagnostics
        /// How many article units came from the cache.
        var reused: Int
        /// How many were parsed and analysed.
        var analysed: Int
        /// Slug → what the article's unit hashes to, with which article of the unit it is:
        /// all that its analysis depends on besides the cache's fingerprint (for `PageKeys`).
        var articleKeys: [String: UInt64] = [:]
        /// What the site's commentary files hash to.
        var commentaryKey: UInt64 = 0
        /// Slug → the unit (its primary path) and the article of it, for the articles taken
        /// from the cache, which come without their text (`ArticleCache.fullArticles`).
        var withoutText: [String: (unit: String, index: Int)] = [:]
    }

    func run(_ files: [ContentFile], cache: inout ArticleCache, progress: BuildProgressHandler? = nil) -> Result {
        let (units, commentaryFiles) = ArticleUnit.group(files)
        // Hashing is bound by FNV-1a's one multiply per byte (69 MB for 10,000 articles): spread it.
        let keys = Parallel.map(units) { $0.contentKey }
        var entries: [ArticleCache.Entry?] = units.indices.map { cache.entry(for: units[$0], key: keys[$0]) }
        let misses = entries.indices.filter { entries[$0] == nil }
        // Each miss is independent of the others, so they are spread over the cores.
        let stages = self
        let work = misses.map { (units[$0], keys[$0]) }
        let fresh = Parallel.map(work, progress: ProgressCounter(.analysing, total: work.count, handler: progress),
                                 state: WordMemo.init) { memo, item in stages.analyse(item.0, key: item.1, memo: memo) }
        for (i, entry) in zip(misses, fresh) {
            entries[i] = entry
            cache.store(entry, for: units[i])
        }

        var diagnostics = Diagnostics()
        var articles: [AnalyzedArticle] = []
        var taken: [String: String] = [:]
        var articleKeys: [String: UInt64] = [:]
        var withoutText: [String: (unit: String, index: Int)] = [:]
        let analysedNow = Set(misses)
        for (i, entry) in entries.enumerated() {
            guard let entry else { continue }
            diagnostics.append(contentsOf: entry.diagnostics)
            for (n, var analyzed) in entry.articles.enumerated() {
                parser.claimUniqueSlug(&analyzed.article, taken: &taken, diagnostics: &diagnostics)
                var hasher = StableHasher()
                hasher.combine("\(entry.key)\u{0}\(n)\u{0}")
                articleKeys[analyzed.article.slug] = hasher.state
                if !analysedNow.contains(i) { withoutText[analyzed.article.slug] = (units[i].primaryPath, n) }
                articles.append(analyzed)
            }
        }
        RelatedMemo(folder: cache.folder, fingerprint: cache.fingerprint).link(&articles, count: analyzer.relatedCount)

        let commentary = parser.parse(commentaryFiles)
        diagnostics.append(contentsOf: commentary.diagnostics.items)
        var commentaryKey = StableHasher()
        for file in commentaryFiles {
            commentaryKey.combine("\(file.path)\u{0}\(file.bytes.count)\u{0}")
            commentaryKey.combine(file.bytes)
        }
        return Result(articles: articles, commentary: commentary.commentary, diagnostics: diagnostics,
                      reused: units.count - misses.count, analysed: misses.count,
                      articleKeys: articleKeys, commentaryKey: commentaryKey.state, withoutText: withoutText)
    }

    /// Parses and analyses one unit on its own.
    func analyse(_ unit: ArticleUnit, key: String, memo: WordMemo = WordMemo()) -> ArticleCache.Entry {
        let content = parser.parse(unit.files)
        return ArticleCache.Entry(key: key, articles: content.articles.map { analyzer.analyze($0, memo: memo) },
                                  diagnostics: content.diagnostics.items)
    }
}
