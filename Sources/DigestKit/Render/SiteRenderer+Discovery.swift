/// What readers and machines use to find the digest's pages: feed links, canonical
/// links, OpenGraph and Twitter meta, JSON-LD, the search page, and the files
/// written beside the pages (Atom feeds, sitemap, robots.txt, search index).
extension SiteRenderer {
    /// What a page is about, for its feed link and its meta.
    enum Subject {
        case home, article(Int), country(String), topic(String), relation(String), other
    }

    /// The `discovery` view model of a page, read by `partials/discovery-head`.
    func discoveryHead(path: String, title: String, subject: Subject) -> ViewModel {
        let urls = digest.config.urls
        var feeds: [ViewModel] = []
        func feed(_ target: String, _ name: String) {
            feeds.append(["title": name, "url": SitePaths.relative(from: path, to: target)])
        }
        var description = digest.config.description
        var type = "website"
        var jsonLD: Any = false
        var published: Any = false
        switch subject {
        case .article(let index):
            type = "article"
            let summary = digest.articles[index].summary.joined(separator: " ")
            if !digest.articles[index].summary.isEmpty { description = summary }
            jsonLD = NewsArticleData(digest.articles[index], digest: digest, summary: summary).scriptJSON()
            published = digest.articles[index].article.published?.iso8601 ?? false
        case .country(let code):
            feed(SitePaths.countryFeed(code), title)
        case .topic(let slug):
            feed(SitePaths.topicFeed(slug), title)
        case .relation(let key):
            feed(SitePaths.relationFeed(key), title)
        case .home, .other:
            break
        }
        feeds.append(["title": digest.config.title, "url": frames?.frame(of: path)?.feed ?? SitePaths.relative(from: path, to: SitePaths.feed)])
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
        ] as ViewModel
        return try render("search", view, path: path)
    }

    /// Tells which of `index`'s term shards are current, from their hashes, and makes the
    /// postings of the others' keys only (all of them, but in a rebuild). Done on the thread
    /// that made the index, while the pages are rendered.
    @discardableResult
    func planTermShards(_ index: inout SearchIndex) -> SearchIndex.Plan {
        if let plan = previousTermShards(&index) { return plan }
        index.summarize()
        let layout = index.termShardKeys()
        let renderer = self, made = index
        let keys = Parallel.map(Array(layout.indices)) { number in
            renderer.reuse?.keys.file(path: SitePaths.searchTerms(number), content: made.hash(ofTermShard: layout[number]))
        }
        let current = layout.indices.map { number in keys[number].map { isCurrent(SitePaths.searchTerms(number), key: $0) } ?? false }
        index.makePostings(forShards: layout.indices.filter { !current[$0] }, of: layout)
        let plan = SearchIndex.Plan(layout: layout, keys: keys, current: current)
        index.plan = plan
        return plan
    }

    /// The search manifest's key: the articles' keys in reading order, which decide every
    /// document the index is made from, so it and the term shards are the previous build's
    /// when this key is. Nil without a cache.
    func searchManifestKey() -> UInt64? {
        guard let reuse else { return nil }
        var hasher = StableHasher()
        for key in reuse.keys.articles { hasher.mix(key) }
        return reuse.keys.file(path: SitePaths.searchManifest, content: hasher.state)
    }

    /// When the articles are the previous build's, in the same order (the manifest's key did not
    /// change), the term shards are too: their count and keys are taken from the page memo,
    /// without summing up the index, if every shard's file is still the one written. Nil otherwise.
    func previousTermShards(_ index: inout SearchIndex) -> SearchIndex.Plan? {
        guard !index.isSummarized, let reuse, let manifestKey = searchManifestKey(),
              reuse.memo.isCurrent(SitePaths.searchManifest, key: manifestKey)
        else { return nil }
        var keys: [UInt64?] = []
        while let record = reuse.memo.records[SitePaths.searchTerms(keys.count)] {
            guard reuse.memo.isCurrent(SitePaths.searchTerms(keys.count), key: record.key) else { return nil }
            keys.append(record.key)
        }
        guard !keys.isEmpty else { return nil }
        index.termShardCount = keys.count
        let plan = SearchIndex.Plan(layout: Array(repeating: [], count: keys.count), keys: keys,
                                    current: Array(repeating: true, count: keys.count))
        index.plan = plan
        index.corpus = nil
        return plan
    }

    /// The files beside the pages: the search index (`search`, or one read from the articles),
    /// Atom feeds, and the sitemap and robots.txt (with a base URL). They go to `sink` batch
    /// by batch as they are made, like pages, so neither the index nor the feeds are ever
    /// held whole; the next batch is made while `sink` writes the last. With `reuse`, feeds,
    /// search documents and term shards whose key did not change are kept, like pages.
    /// Returns how many files there are; warns when the sitemap has to be skipped.
    func discoveryFiles(forPaths pagePaths: [String], search: SearchIndex? = nil,
                        into sink: (Batch) throws(Diagnostic) -> Void) throws(Diagnostic) -> (count: Int, warnings: [Diagnostic]) {
        var count = 0
        func hand(_ made: [Made]) throws(Diagnostic) {
            var batch = Batch()
            batch.add(made)
            count += made.count
            try sink(batch)
        }
        let renderer = self, digest = self.digest
        let slug: @Sendable (Int) -> String = { digest.articles[$0].article.slug }

        // The search index first: the articles' terms it was made from are gone by now.
        var index = search ?? SearchIndex(digest: digest, dates: dates)
        let plan = index.plan ?? planTermShards(&index)
        let search = index
        let manifestKey = searchManifestKey()
        try hand(search.queryFiles().map { .rendered($0, key: $0.path == SitePaths.searchManifest ? manifestKey : nil) })
        let layout = plan.layout, termKeys = plan.keys, termCurrent = plan.current

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
        // Only the newest dated articles become entries: the rest are never copied. An
        // article's entry is the same in every feed, so each is written once, on every core.
        let newest = feeds.map { feed in Array(feed.indices.lazy.filter { digest.articles[$0].article.published != nil }.prefix(AtomFeed.limit)) }
        let feedKeys = feeds.indices.map { renderer.reuse?.keys.file(path: feeds[$0].path, title: feeds[$0].title, articles: newest[$0], slugs: slug) }
        let current = feeds.indices.map { renderer.isCurrent(feeds[$0].path, key: feedKeys[$0]) }
        var entered = Set<Int>()
        for k in feeds.indices where !current[k] { entered.formUnion(newest[k]) }
        let entryIndices = entered.sorted()
        let site = digest.config
        let written = Parallel.map(entryIndices) { AtomFeed.entry(digest.articles[$0], site: site, gazetteer: digest.gazetteer, topicName: digest.topicName) }
        let entries = Dictionary(uniqueKeysWithValues: zip(entryIndices, written))
        let allFeeds = feeds

        // Term shards, document shards and feeds, `shardsPerBatch` at a time, each batch
        // made on every core while the one before is written.
        // Interleaved, so that each batch has files of several folders to write at once.
        let jobs = Interleaved.merge([layout.indices.map(DiscoveryJob.termShard), (0..<search.documentShards).map(DiscoveryJob.documentShard),
                                      feeds.indices.map(DiscoveryJob.feed)], weight: { _ in 1 })
        let make: @Sendable (DiscoveryJob) -> Made = { job in
            switch job {
            case .termShard(let number):
                if termCurrent[number], let key = termKeys[number] { return .kept(path: SitePaths.searchTerms(number), key: key) }
                return .rendered(search.termShard(number, keys: layout[number]), key: termKeys[number])
            case .documentShard(let number):
                let path = SitePaths.searchDocuments(number)
                let key = renderer.reuse?.keys.file(path: path, articles: search.articles(inDocumentShard: number), slugs: slug)
                if let key, renderer.isCurrent(path, key: key) { return .kept(path: path, key: key) }
                return .rendered(search.documentFile(number), key: key)
            case .feed(let k):
                let feed = allFeeds[k]
                if current[k], let key = feedKeys[k] { return .kept(path: feed.path, key: key) }
                let atom = AtomFeed(path: feed.path, pagePath: feed.page, title: feed.title, articles: newest[k].map { digest.articles[$0] })
                return .rendered(Page(path: feed.path, text: atom.xml(site: site) { entries[newest[k][$0]] ?? "" }), key: feedKeys[k])
            }
        }
        let batches = stride(from: 0, to: jobs.count, by: SearchIndex.shardsPerBatch).map {
            Array(jobs[$0..<min($0 + SearchIndex.shardsPerBatch, jobs.count)])
        }
        let making = RenderingPipeline(batches, make: make)
        for number in batches.indices {
            do {
                try hand(making.results(number))
            } catch {
                making.stop()
                throw error
            }
        }

        var warnings: [Diagnostic] = []
        if let urls = digest.config.urls {
            var modified: [String: ArticleDate] = [:]
            for analyzed in digest.articles {
                if let date = analyzed.article.updated ?? analyzed.article.published {
                    modified[SitePaths.article(analyzed.article.slug)] = date
                }
            }
            modified[SitePaths.index] = digest.articles.compactMap { $0.article.updated ?? $0.article.published }.max()
            let listed = pagePaths.filter { $0.hasSuffix(".html") && $0 != SitePaths.notFound && $0 != SitePaths.search }.sorted()
            try hand(Sitemap(urls: urls, entries: listed.map { ($0, modified[$0]) }).files().map { .rendered($0, key: nil) })
        } else {
            warnings.append(.warning("no base URL, so sitemap.xml and robots.txt were skipped and feeds link relative to the site; set `base_url:` here or pass --base-url https://…/", file: digest.config.file))
        }
        return (count, warnings)
    }
}

/// A file beside the pages, made in batches by `discoveryFiles`.
enum DiscoveryJob: Sendable {
    case termShard(Int), documentShard(Int), feed(Int)
}
