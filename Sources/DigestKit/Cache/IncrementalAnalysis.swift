import Foundation

/// The Content and Analysis stages of a build, article unit by article unit, so that what the
/// cache kept of an unchanged article is reused instead of being parsed and analysed again.
/// Gives the same articles, in the same order, as parsing and analysing every file at once.
struct IncrementalAnalysis: Sendable {
    /// Makes the parser when a file is to be parsed: loading the content rules (compiling the
    /// furniture's patterns) was a tenth of a rebuild that parsed nothing.
    var makeParser: @Sendable () throws(Diagnostic) -> ContentParser
    var analyzer: Analyzer

    init(parser: ContentParser, analyzer: Analyzer) {
        self.init(parser: { parser }, analyzer: analyzer)
    }

    init(parser: @escaping @Sendable () throws(Diagnostic) -> ContentParser, analyzer: Analyzer) {
        self.makeParser = parser
        self.analyzer = analyzer
    }

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
        /// Files left unread by the listing that could not be read when their unit needed them.
        var unreadable: [Diagnostic] = []
        /// What `InputMemo` keeps of this build's files.
        var inputs: [String: InputMemo.Record] = [:]
        /// Slug → the search document of each article analysed now (not taken from the cache).
        var searchDrafts: [String: SearchDraft] = [:]
    }

    /// `files` may come unread (`ContentFile.isRead`): a unit of files that `inputs` knows
    /// takes its key from there, and is read with `read` only when the cache has no entry for
    /// it. A unit the cache has no entry for at all is read where it is analysed. Files that
    /// cannot be read are left out with their warning (`unreadable`). Throws only when the
    /// parser cannot be made (`makeParser`). `cacheComplete` is handed the cache and `inputs`'
    /// records as soon as every entry is in, before the articles are gathered and linked to
    /// their related articles: writing them can start on another core while this one does that.
    func run(_ files: [ContentFile], cache: inout ArticleCache, inputs: InputMemo? = nil,
             read: @Sendable (ContentFile) -> Swift.Result<ContentFile, Diagnostic> = { .success($0) },
             progress: BuildProgressHandler? = nil,
             cacheComplete: (ArticleCache, [String: InputMemo.Record]) -> Void = { _, _ in }) throws(Diagnostic) -> Result {
        let grouped = ArticleUnit.group(files)
        var units = grouped.units
        let commentaryFiles = grouped.commentary
        var keys = [String](repeating: "", count: units.count)
        var entries = [ArticleCache.Entry?](repeating: nil, count: units.count)
        var unread: [Int] = []
        // Units the cache has no entry for, whatever their files hold: read as they are analysed.
        var unknown: [Int] = []
        for i in units.indices where units[i].files.contains(where: { !$0.isRead }) {
            if let key = inputs?.key(of: units[i].files), let entry = cache.entry(for: units[i], key: key) {
                (keys[i], entries[i]) = (key, entry)
            } else if cache.entries[units[i].primaryPath] == nil {
                unknown.append(i)
            } else {
                unread.append(i)
            }
        }
        var unreadable: [(unit: Int, warnings: [Diagnostic])] = []
        let reread = Parallel.map(unread.map { units[$0] }) { Self.reading($0, with: read) }
        for (i, result) in zip(unread, reread) {
            units[i] = result.unit
            unreadable.append((i, result.unreadable))
        }
        // Hashing reads every byte (69 MB for 10,000 articles): spread it.
        let isUnknown = Set(unknown)
        let toHash = units.indices.filter { entries[$0] == nil && !units[$0].files.isEmpty && !isUnknown.contains($0) }
        for (i, key) in zip(toHash, Parallel.map(toHash.map { units[$0] }) { $0.contentKey }) {
            keys[i] = key
            entries[i] = cache.entry(for: units[i], key: key)
        }
        let misses = Self.largestFirst(toHash.filter { entries[$0] == nil } + unknown, of: units)
        let parser = misses.isEmpty && commentaryFiles.isEmpty ? nil : try makeParser()
        // Each miss is independent of the others, so they are spread over the cores.
        let analyzer = self.analyzer
        let work = misses.map { (units[$0], keys[$0]) }
        var fresh: [Analysed] = []
        if let parser {
            fresh = Parallel.map(work, progress: ProgressCounter(.analysing, total: work.count, handler: progress),
                                 state: WordMemo.init) { memo, item in
                guard item.0.files.contains(where: { !$0.isRead }) else {
                    let made = Self.analysed(item.0, key: item.1, parser: parser, analyzer: analyzer, memo: memo)
                    return Analysed(entry: made.entry, drafts: made.drafts)
                }
                let (unit, warnings) = Self.reading(item.0, with: read)
                guard !unit.files.isEmpty else { return Analysed(entry: nil, files: [], unreadable: warnings) }
                let made = Self.analysed(unit, key: unit.contentKey, parser: parser, analyzer: analyzer, memo: memo)
                return Analysed(entry: made.entry, files: unit.files.map(\.withoutBytes), unreadable: warnings, drafts: made.drafts)
            }
        }
        var drafts: [Int: [SearchDraft]] = [:]
        var finished = Set<ObjectIdentifier>()
        for analysed in fresh {
            for draft in analysed.drafts where finished.insert(ObjectIdentifier(draft.table)).inserted { draft.table.finish() }
        }
        for (i, analysed) in zip(misses, fresh) {
            drafts[i] = analysed.drafts
            if isUnknown.contains(i) {
                units[i].files = analysed.files
                unreadable.append((i, analysed.unreadable))
            }
            guard let entry = analysed.entry else { continue }
            keys[i] = entry.key
            entries[i] = entry
            cache.store(entry, for: units[i])
        }
        let known = units.indices.filter { entries[$0] != nil }.lazy.map { (unit: units[$0], key: keys[$0]) }
        let inputRecords = inputs?.records(of: known, expected: units.count) ?? [:]
        cacheComplete(cache, inputRecords)

        var diagnostics = Diagnostics()
        var articles: [AnalyzedArticle] = []
        articles.reserveCapacity(entries.reduce(0) { $0 + ($1?.articles.count ?? 0) })
        var taken: [String: String] = [:]
        var articleKeys: [String: UInt64] = [:]
        var withoutText: [String: (unit: String, index: Int)] = [:]
        var searchDrafts: [String: SearchDraft] = [:]
        let analysedNow = Set(misses)
        let analysed = fresh.count { $0.entry != nil }
        for (i, entry) in entries.enumerated() {
            guard let entry else { continue }
            diagnostics.append(contentsOf: entry.diagnostics)
            for (n, var analyzed) in entry.articles.enumerated() {
                ContentParser.claimUniqueSlug(&analyzed.article, taken: &taken, diagnostics: &diagnostics)
                // The bytes of "key NUL n NUL", without making the string.
                var hasher = StableHasher()
                hasher.combine(entry.key)
                hasher.combine(CollectionOfOne(0))
                hasher.combine(String(n))
                hasher.combine(CollectionOfOne(0))
                articleKeys[analyzed.article.slug] = hasher.state
                if !analysedNow.contains(i) { withoutText[analyzed.article.slug] = (units[i].primaryPath, n) }
                if let made = drafts[i], made.indices.contains(n) { searchDrafts[analyzed.article.slug] = made[n] }
                articles.append(analyzed)
            }
        }
        RelatedMemo(folder: cache.folder, fingerprint: cache.fingerprint).link(&articles, count: analyzer.relatedCount)

        let commentary = parser?.parse(commentaryFiles) ?? Content(articles: [], commentary: SiteCommentary(), diagnostics: Diagnostics())
        diagnostics.append(contentsOf: commentary.diagnostics.items)
        var commentaryKey = StableHasher()
        for file in commentaryFiles {
            commentaryKey.combine("\(file.path)\u{0}\(file.bytes.count)\u{0}")
            commentaryKey.combine(file.bytes)
        }
        return Result(articles: articles, commentary: commentary.commentary, diagnostics: diagnostics,
                      reused: known.count - analysed, analysed: analysed,
                      articleKeys: articleKeys, commentaryKey: commentaryKey.state, withoutText: withoutText,
                      unreadable: unreadable.sorted { $0.unit < $1.unit }.flatMap(\.warnings),
                      inputs: inputRecords, searchDrafts: searchDrafts)
    }

    /// What the analysis of a unit made: its entry (nil when none of its files could be read),
    /// and the files it was read from, without their bytes.
    struct Analysed: Sendable {
        var entry: ArticleCache.Entry?
        var files: [ContentFile] = []
        var unreadable: [Diagnostic] = []
        /// The search document of each article of `entry`, in its order.
        var drafts: [SearchDraft] = []
    }

    /// `unit` with its unread files read, leaving out those that cannot be, with their warnings.
    static func reading(_ unit: ArticleUnit, with read: (ContentFile) -> Swift.Result<ContentFile, Diagnostic>)
        -> (unit: ArticleUnit, unreadable: [Diagnostic]) {
        var unit = unit, unreadable: [Diagnostic] = []
        unit.files = unit.files.compactMap { file in
            guard !file.isRead else { return file }
            switch read(file) {
            case .success(let file): return file
            case .failure(let warning): unreadable.append(warning); return nil
            }
        }
        return (unit, unreadable)
    }

    /// `indices` of `units` with the largest units (in bytes) first, ties in order. The cores
    /// take the work in order, chunk by chunk, and one core runs the last chunk alone once the
    /// other has none left: with the largest first, that chunk is of the smallest articles,
    /// the shortest to wait for (a chunk of average articles is about half a second of one core
    /// at 10,000). Entries go back to their units by index, so nothing else changes.
    static func largestFirst(_ indices: [Int], of units: [ArticleUnit]) -> [Int] {
        let sizes = indices.map { i in units[i].files.reduce(0) { $0 + ($1.isRead ? $1.bytes.count : Int($1.state?.size ?? 0)) } }
        return indices.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }.map { indices[$0] }
    }

    /// Parses and analyses one unit on its own.
    func analyse(_ unit: ArticleUnit, key: String, memo: WordMemo = WordMemo()) throws(Diagnostic) -> ArticleCache.Entry {
        Self.analyse(unit, key: key, parser: try makeParser(), analyzer: analyzer, memo: memo)
    }

    /// The tags' evidence is dropped as soon as the tags are settled: no page shows it (`digest
    /// inspect` analyses afresh), and held for every article until the cache was written it
    /// was a third of a cold build's heap.
    static func analyse(_ unit: ArticleUnit, key: String, parser: ContentParser, analyzer: Analyzer, memo: WordMemo) -> ArticleCache.Entry {
        analysed(unit, key: key, parser: parser, analyzer: analyzer, memo: memo, drafting: false).entry
    }

    /// The same, with each article's search document made from the words its analysis found.
    static func analysed(_ unit: ArticleUnit, key: String, parser: ContentParser, analyzer: Analyzer, memo: WordMemo,
                         drafting: Bool = true) -> (entry: ArticleCache.Entry, drafts: [SearchDraft]) {
        let content = parser.parse(unit.files)
        var drafts: [SearchDraft] = []
        let articles = content.articles.map { article in
            var (analyzed, draft) = analyzer.analyze(article, memo: memo, drafting: drafting)
            analyzed.dropEvidence()
            if let draft { drafts.append(draft) }
            return analyzed
        }
        return (ArticleCache.Entry(key: key, articles: articles, diagnostics: content.diagnostics.items), drafts)
    }
}
