import Foundation

/// Where a build reads from and writes to.
public struct BuildOptions: Sendable {
    public var input: URL
    public var templates: URL
    public var output: URL
    public var config: URL
    /// Overrides `base_url` from `digest.yml` (`--base-url`).
    public var baseURL: String?
    /// The folder of the incremental build's cache (`.digest-cache/`); nil analyses every article.
    public var cache: URL?
    /// Told how far the build has come, stage by stage (a progress bar on a terminal).
    public var progress: BuildProgressHandler?

    public init(input: URL, templates: URL, output: URL, config: URL, cache: URL? = nil) {
        self.input = input
        self.templates = templates
        self.output = output
        self.config = config
        self.cache = cache
    }

    /// The conventional layout of a site folder: `seeds/`, `Templates/`, `site/`, `digest.yml`.
    public init(siteFolder: URL) {
        self.init(input: siteFolder.appendingPathComponent("seeds"),
                  templates: siteFolder.appendingPathComponent("Templates"),
                  output: siteFolder.appendingPathComponent("site"),
                  config: siteFolder.appendingPathComponent("digest.yml"),
                  cache: siteFolder.appendingPathComponent(".digest-cache"))
    }
}

/// What a finished build reports.
public struct BuildReport: Sendable {
    public var articles: Int
    public var pages: Int
    public var seconds: Double
    public var warnings: [Diagnostic]
    /// What changed in the output folder, file by file (see `OutputChanges`).
    public var output = OutputChanges()
    /// Articles taken from the cache as they were, and articles parsed and analysed.
    public var reusedArticles = 0
    public var analysedArticles = 0
    /// Pages whose inputs did not change since the last build: their files were kept, not rendered.
    public var keptPages = 0
    /// How long each stage took.
    public var timings = StageTimings()
}

/// The pipeline, stage after stage: Content → Analysis → Site → Render → Output.
public enum Build {
    public static func run(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        var cacheWriting = CacheWriting()
        let leftovers = Leftovers()
        defer { leftovers.release() }
        do {
            return try run(options, cacheWriting: &cacheWriting, leftovers: leftovers)
        } catch {
            throw BuildFailure(cacheWriting.diagnostics(error.diagnostics))
        }
    }

    /// The build; `cacheWriting` writes the cache on another core (see `CacheWriting`), and
    /// what the build made is freed after it returns from `leftovers`, also on another core.
    static func run(_ options: BuildOptions, cacheWriting: inout CacheWriting, leftovers: Leftovers) throws(BuildFailure) -> BuildReport {
        let start = Date()
        var timings = StageTimings()
        var pageCount = 0
        var diagnostics = Diagnostics()
        // Output safety first: refuse a second build of the same site, or an output folder
        // that holds what the build reads, before any work is done.
        var writer = SiteWriter(output: options.output, protecting: [options.input, options.templates, options.config])
        writer.spare = options.cache.map(writer.spareFolder(in:))
        let lock: OutputLock
        do {
            try writer.checkLocation()
            lock = try OutputLock.acquire(for: options.output)
        } catch {
            throw BuildFailure([error])
        }
        defer { lock.release() }

        var config = try loadConfig(options.config, diagnostics: &diagnostics)
        if let base = options.baseURL {
            do { config.baseURL = try SiteConfig.checkedBaseURL(base, file: "--base-url") } catch { throw BuildFailure([error]) }
        }
        // The countries and topics are read on another core while the content folder is listed.
        let resourcesLoad = Background { [config] () -> Result<(Gazetteer, Taxonomy), BuildFailure> in
            do throws(BuildFailure) { return .success(try analysisResources(config)) } catch { return .failure(error) }
        }
        let templates = try loadTemplates(options.templates)
        let dates = try dateDisplay(config)
        let fingerprint = ArticleCache.fingerprint(config: config)

        // What a rebuild reads besides the articles, the previous build's pages (each file
        // looked at) and the articles' search terms (below), is loaded on another core meanwhile.
        let outputPath = writer.outputPath
        let site = siteFingerprint(articles: fingerprint, config: config, templates: templates, dates: dates)
        let memoLoad = options.cache.map { folder in
            Background {
                var memo = PageMemo(folder: folder, output: outputPath, fingerprint: site)
                memo.checkFiles()
                return memo
            }
        }

        // Content and Analysis, reusing the cache's work on articles whose files did not change
        // Files that are as the last build read them (`InputMemo`) are not read unless needed.
        let inputs = options.cache.map { InputMemo(folder: $0, input: options.input) }
        let input = options.input
        let files = ContentLoader.files(in: input, diagnostics: &diagnostics, deferring: true, unchanged: { [inputs] path, state in
            inputs?.isUnchanged(path, state) ?? false
        })
        // The content rules are loaded only when a file is parsed: a rebuild may parse none.
        // When a file is not as the last build read it (changed, new, or commentary), it may be
        // parsed: they are loaded on another core while the cache is read, and before the search
        // terms (needed only by the pages), as a worker takes them in turn and the parse waits for the rules.
        let rulesLoad = files.contains(where: { !$0.isUnchanged }) ? Background { [config] () -> Result<ContentRules, Diagnostic> in
            do throws(Diagnostic) { return .success(try BuiltInResources.contentRules(config: config)) } catch { return .failure(error) }
        } : nil
        let termsLoad = options.cache.map { folder in Background { SearchTermsCache(folder: folder, fingerprint: fingerprint) } }
        let (gazetteer, taxonomy) = try resourcesLoad.value.get()
        let analyzer = Analyzer(gazetteer: gazetteer, taxonomy: taxonomy,
                                budget: SummaryBudget(sentences: config.summarySentences, words: config.summaryWords))
        var cache = ArticleCache(folder: options.cache, fingerprint: fingerprint, diagnostics: &diagnostics)
        let parser = { @Sendable [config] () throws(Diagnostic) -> ContentParser in
            if let rulesLoad { return ContentParser(rules: try rulesLoad.value.get()) }
            return ContentParser(rules: try BuiltInResources.contentRules(config: config))
        }
        var content: IncrementalAnalysis.Result
        let reader = ContentReader(folder: input, files: files)
        reader.readAheadUnlessInMemory()
        // The cache is written on another core from the moment its last entry is in: gathering
        // the articles after that took one core alone for ~0.1 s of a 10,000-article cold build.
        defer { cacheWriting.wait() }
        do {
            content = try IncrementalAnalysis(parser: parser, analyzer: analyzer)
                .run(files, cache: &cache, inputs: inputs, read: { reader.read($0) },
                     progress: options.progress) { cache, records in
                    cacheWriting.start(cache, inputs: inputs, records: records)
                }
        } catch {
            throw BuildFailure([error])
        }
        diagnostics.append(contentsOf: content.unreadable)
        diagnostics.append(contentsOf: content.diagnostics.items.map { $0.inFolder(options.input) })
        cacheWriting.placeWarnings(after: diagnostics.items.count)
        if diagnostics.hasErrors { throw BuildFailure(diagnostics.items) }
        timings.finish(.analysing)

        // Site. The digest is the renderer's alone, never a second copy: putting an article's
        // text back into a digest shared with another copied every article of it.
        // The articles handed over, not shared: the digest orders them where they are.
        var articles: [AnalyzedArticle] = []
        swap(&articles, &content.articles)
        var renderer = SiteRenderer(digest: Digest(articles: consume articles, config: config, gazetteer: gazetteer,
                                                   taxonomy: taxonomy, commentary: content.commentary),
                                    templates: templates, dates: dates)
        diagnostics.append(contentsOf: CommentaryCheck.problems(in: renderer.digest).map { $0.inFolder(options.input) })
        if diagnostics.hasErrors { throw BuildFailure(diagnostics.items) }
        timings.finish(.site)

        // Render and Output: pages go to the staging folder batch by batch, which replaces
        // the output only when the whole site is there.
        // A rebuild keeps the pages whose inputs did not change (`PageKeys`, `PageMemo`).
        let memo = memoLoad?.value
        var searchTerms: (cache: SearchTermsCache, keys: [UInt64])?
        if let memo, let termsLoad {
            let reuse = PageReuse(keys: PageKeys(digest: renderer.digest, site: memo.fingerprint, articleKeys: content.articleKeys,
                                                 commentary: content.commentaryKey), memo: memo)
            renderer.reuse = reuse
            // A rebuild reads the search terms only of the articles that changed.
            searchTerms = (termsLoad.value, reuse.keys.articles)
        }
        // Articles from the cache come without their text: only pages rendered again and
        // search terms read again need it.
        if renderer.reuse != nil { renderer.staleArticles = Set(renderer.articlesToRender()) }
        let articleCount = renderer.digest.articles.count
        let missingTerms = searchTerms.map { $0.cache.missing($0.keys) } ?? Array(0..<articleCount)
        if !content.withoutText.isEmpty {
            var needed = renderer.staleArticles ?? Set(0..<articleCount)
            needed.formUnion(missingTerms)
            do throws(BuildFailure) {
                try restoreText(of: needed.sorted(), in: &renderer.digest, from: cache, places: content.withoutText)
            } catch {
                cacheWriting.wait()
                cache.discard()
                throw error
            }
        }
        // The search index is made while the pages are rendered, on one thread that yields to
        // the build's others: the pages wait on the kernel creating their files, which leaves a
        // core idle, and reading every article's terms after the pages took both cores most of
        // a second at 10,000 articles. The terms are saved as soon as they are known and not
        // held once the index's postings are made from them: they were a large part of a cold
        // build's peak.
        let searchDigest = renderer.digest
        // Documents made where their articles were analysed, held only until the corpus is made.
        let drafts = SearchDrafts(content.searchDrafts.isEmpty ? []
            : searchDigest.articles.indices.map { content.searchDrafts[searchDigest.articles[$0].article.slug] })
        content.searchDrafts = [:]
        let searchLoad = YieldingBackground { [searchTerms, renderer] () -> SearchIndex in
            var index: SearchIndex
            if let searchTerms {
                let corpus = searchTerms.cache.corpus(for: searchDigest, keys: searchTerms.keys, drafts: drafts.take(), spread: false)
                searchTerms.cache.save(corpus, keys: searchTerms.keys)
                index = SearchIndex(digest: searchDigest, dates: dates, corpus: corpus, summarized: false)
            } else {
                index = SearchIndex(digest: searchDigest, dates: dates,
                                    corpus: SearchCorpus(digest: searchDigest, drafts: drafts.take(), spread: false))
            }
            renderer.planTermShards(&index)
            return index
        }
        var keys: [(path: String, key: UInt64)] = []
        var kept = Set<String>()
        let session: SiteWriter.Session
        do { session = try writer.begin() } catch { throw BuildFailure(diagnostics.items + [error]) }
        let changes: OutputChanges
        do throws(BuildFailure) {
            let add = { (batch: SiteRenderer.Batch) throws(Diagnostic) in
                try session.add(batch.pages)
                try session.keep(batch.kept)
                keys += batch.keys
                kept.formUnion(batch.kept)
            }
            let paths = try renderer.render(progress: options.progress, leftovers: leftovers, into: add)
            timings.finish(.rendering)
            let search = searchLoad.value
            let discovery: (count: Int, warnings: [Diagnostic])
            do {
                discovery = try renderer.discoveryFiles(forPaths: paths, search: search, into: add)
            } catch {
                throw BuildFailure(diagnostics.items + [error])
            }
            diagnostics.append(contentsOf: discovery.warnings)
            pageCount = paths.count + discovery.count
            timings.finish(.discovery)
            do { changes = try session.finish(assets: templates.assets) } catch { throw BuildFailure(diagnostics.items + [error]) }
        } catch {
            session.abandon()
            throw error
        }
        diagnostics.append(contentsOf: changes.warnings)
        memo?.save(keys, kept: kept)
        diagnostics = Diagnostics(cacheWriting.diagnostics(diagnostics.items))
        leftovers.keep((renderer, content, cache, memo, keys, kept))
        timings.finish(.writing)
        return BuildReport(articles: articleCount, pages: pageCount,
                           seconds: Date().timeIntervalSince(start), warnings: diagnostics.warnings, output: changes,
                           reusedArticles: content.reused, analysedArticles: content.analysed, keptPages: kept.count, timings: timings)
    }

    /// Puts back the text of the articles at `indices` that were read from
    /// the cache without it. The cache's checksums make a failure here all but impossible;
    /// should it happen, the build stops rather than write an article without its text, and
    /// the caller drops the cache.
    static func restoreText(of indices: [Int], in digest: inout Digest, from cache: ArticleCache,
                            places: [String: (unit: String, index: Int)]) throws(BuildFailure) {
        var units: [String: [AnalyzedArticle]] = [:]
        for i in indices {
            guard let place = places[digest.articles[i].article.slug] else { continue }
            if units[place.unit] == nil { units[place.unit] = cache.fullArticles(at: place.unit) }
            guard let full = units[place.unit], full.indices.contains(place.index) else {
                throw BuildFailure([.error("the build cache is damaged and was removed; build again", file: cache.shards?.relativePath)])
            }
            let whole = full[place.index]
            digest.articles[i].article.blocks = whole.article.blocks
        }
    }

    /// Reads `digest.yml`; a missing file means the defaults.
    public static func loadConfig(_ url: URL, diagnostics: inout Diagnostics) throws(BuildFailure) -> SiteConfig {
        guard let data = FileManager.default.contents(atPath: url.path) else { return SiteConfig() }
        guard let text = String(data: data, encoding: .utf8) else {
            throw BuildFailure([.error("is not UTF-8 text", file: url.relativePath)])
        }
        do {
            let (config, warnings) = try SiteConfig.parse(text, file: url.relativePath)
            diagnostics.append(contentsOf: warnings)
            return config
        } catch {
            throw BuildFailure([error])
        }
    }

    static func analysisResources(_ config: SiteConfig) throws(BuildFailure) -> (Gazetteer, Taxonomy) {
        do {
            return (try BuiltInResources.gazetteer(config: config), try BuiltInResources.taxonomy(config: config))
        } catch {
            throw BuildFailure([error])
        }
    }

    static func resources(_ config: SiteConfig) throws(BuildFailure) -> (Gazetteer, Taxonomy, ContentRules) {
        do {
            return (try BuiltInResources.gazetteer(config: config),
                    try BuiltInResources.taxonomy(config: config),
                    try BuiltInResources.contentRules(config: config))
        } catch {
            throw BuildFailure([error])
        }
    }

    /// The site's own theme when it has one, the default theme otherwise.
    public static func loadTemplates(_ url: URL) throws(BuildFailure) -> TemplateSet {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return try TemplateSet(folder: url, displayFolder: url.relativePath)
        }
        return try TemplateSet(folder: BuiltInResources.themeFolder, displayFolder: "(default theme)")
    }

    /// Everything besides the content that decides what a page looks like: digest and its
    /// resources, the config (with `--base-url`), the theme and the calendar's names.
    static func siteFingerprint(articles: String, config: SiteConfig, templates: TemplateSet, dates: DateDisplay) -> String {
        var hasher = StableHasher()
        hasher.combine("\(articles)\u{0}\(config.baseURL ?? "")\u{0}\(templates.fingerprint)\u{0}")
        hasher.combine("\(dates.gregorianMonths)\u{0}\(dates.hijriMonths)\u{0}\(dates.arabicIndicDigits)")
        return hasher.hex
    }

    static func dateDisplay(_ config: SiteConfig) throws(BuildFailure) -> DateDisplay {
        do {
            let calendar = try BuiltInResources.json("calendar.json")
            return DateDisplay(gregorianMonths: calendar["gregorian"] as? [String] ?? [],
                               hijriMonths: calendar["hijri"] as? [String] ?? [],
                               arabicIndicDigits: config.arabicIndicDigits)
        } catch {
            throw BuildFailure([error])
        }
    }
}

extension TemplateSet {
    /// The theme's `assets/` folder, copied into `site/assets/`.
    var assets: URL? {
        folder == "(default theme)" ? BuiltInResources.themeFolder.appendingPathComponent("assets")
            : URL(fileURLWithPath: folder).appendingPathComponent("assets")
    }
}
