import Foundation

/// The Render stage: turns the digest into pages with the theme's templates.
/// It decides how things look, never what is on a page (that is the Digest's).
/// Each page type lives in its own extension: `+Front`, `+Article`, `+Lists`, `+Discovery`; the pieces
/// of view model they share are in `+ViewModel`.
public struct SiteRenderer: Sendable {
    public var digest: Digest
    public var templates: TemplateSet
    public var dates: DateDisplay
    let commentary: CommentaryRenderer
    /// Articles as lists one folder deep show them; set by `pages()`.
    var listItems: ListItems?
    /// What pages of one folder have alike; set by `pages()`.
    var frames: PageFrames?
    /// The articles' tags as numbers, for the counts of list pages; set by `pages()`.
    var tagCounts: TagCounts?
    var tags: TagCounts { tagCounts ?? TagCounts(digest) }

    public init(digest: Digest, templates: TemplateSet, dates: DateDisplay) {
        self.digest = digest
        self.templates = templates
        self.dates = dates
        self.commentary = CommentaryRenderer(digest: digest)
    }

    /// Keys of the pages and the previous build's memo, for a rebuild that keeps the pages
    /// whose key did not change; nil renders every page.
    public var reuse: PageReuse?
    /// With `reuse`, the article pages (by index) and list pages (by path) found stale before
    /// rendering, so that each page's file is looked at once; nil looks while rendering.
    var staleArticles: Set<Int>?
    var staleLists: Set<String>?

    /// Every page of the site, in a deterministic order.
    public func pages(progress: BuildProgressHandler? = nil) throws(BuildFailure) -> [Page] {
        var pages: [Page] = []
        _ = try render(progress: progress) { batch in pages += batch.pages }
        return pages
    }

    /// What one batch of jobs made: pages rendered afresh, and paths of pages whose file in
    /// the previous site is still right; with `reuse`, the key of each.
    public struct Batch {
        public var pages: [Page] = []
        public var kept: [String] = []
        public var keys: [(path: String, key: UInt64)] = []

        /// Adds what jobs made: a rendered page's bytes, a kept page's path, and each key.
        mutating func add(_ made: [Made]) {
            for file in made {
                switch file {
                case .rendered(let page, _): pages.append(page)
                case .kept(let path, _): kept.append(path)
                }
                if let key = file.key { keys.append((file.path, key)) }
            }
        }
    }

    /// Renders every page, batch by batch in a deterministic order, handing each batch to
    /// `sink` (the writer) so the site is never held whole; returns the pages' paths. The next
    /// batch renders while `sink` writes the last one, so writing files (much of it in the
    /// kernel) does not leave a core idle. A template error stops nothing until every page
    /// was tried, so each distinct problem is reported once; no batch reaches `sink` after
    /// the first failure.
    public func render(progress: BuildProgressHandler? = nil, batchSize: Int = 512,
                       into sink: (Batch) throws(Diagnostic) -> Void) throws(BuildFailure) -> [String] {
        try render(progress: progress, batchSize: batchSize, leftovers: nil, into: sink)
    }

    /// The same, what is left to free given to `leftovers`.
    func render(progress: BuildProgressHandler? = nil, batchSize: Int = 512, leftovers: Leftovers?,
                into sink: (Batch) throws(Diagnostic) -> Void) throws(BuildFailure) -> [String] {
        var renderer = self
        let jobs: [PageJob] = [.index] + digest.articles.indices.map(PageJob.article)
            + listJobs(digest.countryCodes, digest.byCountry, PageJob.country)
            + listJobs(digest.topicSlugs, digest.byTopic, PageJob.topic)
            + listJobs(digest.relationKeys, digest.byRelation, PageJob.relation)
            + listJobs(digest.months, digest.byMonth, PageJob.month)
            + [.archive, .search, .notFound]
        let listed = articlesListed(by: jobs)
        renderer.staleLists = listed.stale
        renderer.listItems = try listItems(for: listed.articles)
        renderer.frames = pageFrames()
        renderer.tagCounts = TagCounts(digest)
        let counter = ProgressCounter(.rendering, total: jobs.count, handler: progress)
        let batches = Self.batches(Self.interleaved(jobs), size: batchSize)
        var paths: [String] = []
        var diagnostics: [Diagnostic] = []
        let make: @Sendable (PageJob) -> Result<[Made], Diagnostic> = { [renderer] in renderer.render($0) }
        let rendering = RenderingPipeline(batches, progress: counter, make: make)
        for number in batches.indices {
            let results = rendering.results(number)
            var batch = Batch()
            for result in results {
                switch result {
                case .success(let made):
                    batch.add(made)
                    paths += made.map(\.path)
                case .failure(let error): diagnostics.append(error)
                }
            }
            guard diagnostics.isEmpty else { continue }
            do {
                try sink(batch)
            } catch {
                rendering.stop()
                throw BuildFailure([error])
            }
        }
        // The list items (a view model per article, in the pipeline's copy of the renderer too)
        // are freed with the build's leftovers: here, before the feeds and the search files,
        // they took one core alone some 15 ms at 10,000 articles (`perf` samples by thread).
        leftovers?.keep((rendering, renderer))
        if !diagnostics.isEmpty {
            // One broken template fails every page: report each distinct problem once.
            var seen = Set<Diagnostic>()
            throw BuildFailure(diagnostics.filter { seen.insert($0).inserted })
        }
        return paths
    }

    /// The article pages' jobs and the others' (lists, mostly) interleaved by the files they
    /// make, so that every batch has pages of several folders to write at once.
    static func interleaved(_ jobs: [PageJob]) -> [PageJob] {
        var articles: [PageJob] = [], others: [PageJob] = []
        for job in jobs {
            if case .article = job { articles.append(job) } else { others.append(job) }
        }
        return Interleaved.merge([articles, others], weight: \.files)
    }

    /// The jobs in batches of about `size` article pages' worth of bytes (see `PageJob.weight`):
    /// a batch is held whole in memory until it is written.
    static func batches(_ jobs: [PageJob], size: Int) -> [[PageJob]] {
        var batches: [[PageJob]] = [], current: [PageJob] = [], weight = 0
        for job in jobs {
            current.append(job)
            weight += job.weight
            if weight >= size {
                batches.append(current)
                current = []
                weight = 0
            }
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }

    /// The articles that lists one folder deep will show, from the pages that will be
    /// rendered: with `reuse`, a rebuild renders few list pages, so few items are needed.
    /// With `reuse`, also the list pages that will be rendered.
    func articlesListed(by jobs: [PageJob]) -> (articles: [Int], stale: Set<String>?) {
        guard reuse != nil else { return (Array(digest.articles.indices), nil) }
        var needed = Set(digest.articles.indices.prefix(digest.config.frontPageSize))
        var stale = Set<String>()
        for job in jobs {
            guard let list = list(of: job) else { continue }
            for page in listSlices(list.indices, pages: list.pages, path: list.path) where !isCurrent(page.path, key: page.key) {
                needed.formUnion(page.slice)
                stale.insert(page.path)
            }
        }
        return (needed.sorted(), stale)
    }

    /// Every article of `indices` as lists one folder deep show it, with its rendered HTML.
    func listItems(for indices: [Int]) throws(BuildFailure) -> ListItems {
        let articles = digest.articles
        let up = SitePaths.up(1), tags = tagLinks(up: up)
        let items = Parallel.map(indices) { i -> Result<UncheckedView, Diagnostic> in
            do throws(Diagnostic) {
                return .success(UncheckedView(try withHTML(item(for: articles[i], up: up, tags: tags))))
            } catch {
                return .failure(error)
            }
        }
        var values = [ViewModel?](repeating: nil, count: articles.count)
        for (i, result) in zip(indices, items) {
            switch result {
            case .success(let view): values[i] = view.value
            case .failure(let error): throw BuildFailure([error])
            }
        }
        return ListItems(values: values)
    }

    /// One unit of rendering work: a page, or some pages of a collection's list.
    enum PageJob: Sendable {
        case index, archive, search, notFound
        case article(Int)
        case country(String, pages: Range<Int>), topic(String, pages: Range<Int>)
        case relation(String, pages: Range<Int>), month(String, pages: Range<Int>)

        /// How many files the job makes.
        var files: Int {
            switch self {
            case .country(_, let pages), .topic(_, let pages), .relation(_, let pages), .month(_, let pages): return pages.count
            case .index, .archive, .search, .notFound, .article: return 1
            }
        }

        /// About how many article pages' worth of bytes the job makes: a list page of fifty
        /// items weighs about as much as four article pages.
        var weight: Int {
            switch self {
            case .country(_, let pages), .topic(_, let pages), .relation(_, let pages), .month(_, let pages): return pages.count * 4
            case .index, .archive, .search, .notFound, .article: return 1
            }
        }
    }

    /// How many pages of a list one job renders at most: a list of thousands of articles is
    /// split over several jobs, so it is spread over the cores, and no batch holds all of it.
    static let listPagesPerJob = 8

    /// The jobs of each collection's list: its page numbers (from 1) in runs of `listPagesPerJob`.
    func listJobs(_ keys: [String], _ members: [String: [Int]], _ job: (String, Range<Int>) -> PageJob) -> [PageJob] {
        keys.flatMap { key in
            let count = listPageCount(members[key]?.count ?? 0)
            return stride(from: 1, through: count, by: Self.listPagesPerJob).map {
                job(key, $0..<min($0 + Self.listPagesPerJob, count + 1))
            }
        }
    }

    /// A page of this build: rendered, or kept from the previous site (its key did not change).
    enum Made {
        case rendered(Page, key: UInt64?)
        case kept(path: String, key: UInt64)

        var path: String {
            switch self {
            case .rendered(let page, _): return page.path
            case .kept(let path, _): return path
            }
        }

        var key: UInt64? {
            switch self {
            case .rendered(_, let key): return key
            case .kept(_, let key): return key
            }
        }
    }

    func render(_ job: PageJob) -> Result<[Made], Diagnostic> {
        do throws(Diagnostic) {
            switch job {
            case .index: return .success([.rendered(try indexPage(), key: nil)])
            case .article(let i): return .success([try articlePage(i)])
            case .country(let code, let pages): return .success(try countryPages(code, pages))
            case .topic(let slug, let pages): return .success(try topicPages(slug, pages))
            case .relation(let key, let pages): return .success(try relationPages(key, pages))
            case .month(let month, let pages): return .success(try monthPages(month, pages))
            case .archive: return .success([.rendered(try archivePage(), key: nil)])
            case .search: return .success([.rendered(try searchPage(), key: nil)])
            case .notFound: return .success([.rendered(try notFoundPage(), key: nil)])
            }
        } catch {
            return .failure(error)
        }
    }

    /// True when the previous site's file at `path` was made from `key` and is still as written.
    func isCurrent(_ path: String, key: UInt64?) -> Bool {
        guard let key, let reuse else { return false }
        return reuse.memo.isCurrent(path, key: key)
    }

    func render(_ template: String, _ view: ViewModel, path: String) throws(Diagnostic) -> Page {
        Page(path: path, text: try templates.render(template, view))
    }
}

/// What a rebuild needs to keep pages: the keys of this build's pages and the memo of the last.
public struct PageReuse: Sendable {
    let keys: PageKeys
    let memo: PageMemo
}

/// A view model crossing from the core that built it to the one that renders it; never
/// mutated after it is built.
struct UncheckedView: @unchecked Sendable {
    let value: ViewModel
    init(_ value: ViewModel) { self.value = value }
}
