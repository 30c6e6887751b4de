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
    }

    /// Renders every page, batch by batch in a deterministic order, handing each batch to
    /// `sink` (the writer) so the site is never held whole; returns the pages' paths.
    /// A template error stops nothing until every page was tried, so each distinct
    /// problem is reported once; no batch reaches `sink` after the first failure.
    public func render(progress: BuildProgressHandler? = nil, batchSize: Int = 512,
                       into sink: (Batch) throws(Diagnostic) -> Void) throws(BuildFailure) -> [String] {
        var renderer = self
        let jobs = self.jobs
        let listed = articlesListed(by: jobs)
        renderer.staleLists = listed.stale
        renderer.listItems = try listItems(for: listed.articles)
        let counter = ProgressCounter(.rendering, total: jobs.count, handler: progress)
        var paths: [String] = []
        var diagnostics: [Diagnostic] = []
        for range in batches(of: jobs, pages: batchSize) {
            // Pages render on every core; results keep the jobs' order, so output is deterministic.
            let slice = Array(jobs[range])
            let results = Parallel.map(slice, progress: counter) { [renderer] job in renderer.render(job) }
            var batch = Batch()
            for result in results {
                switch result {
                case .success(let made):
                    for page in made {
                        switch page {
                        case .rendered(let page, _): batch.pages.append(page)
                        case .kept(let path, _): batch.kept.append(path)
                        }
                        if let key = page.key { batch.keys.append((page.path, key)) }
                        paths.append(page.path)
                    }
                case .failure(let error): diagnostics.append(error)
                }
            }
            guard diagnostics.isEmpty else { continue }
            do {
                try sink(batch)
            } catch {
                throw BuildFailure([error])
            }
        }
        if !diagnostics.isEmpty {
            // One broken template fails every page: report each distinct problem once.
            var seen = Set<Diagnostic>()
            throw BuildFailure(diagnostics.filter { seen.insert($0).inserted })
        }
        return paths
    }

    /// Every page's job, in the order pages are handed on.
    var jobs: [PageJob] {
        [.index] + digest.articles.indices.map(PageJob.article)
            + digest.countryCodes.map(PageJob.country) + digest.topicSlugs.map(PageJob.topic)
            + digest.relationKeys.map(PageJob.relation) + digest.months.map(PageJob.month)
            + [.archive, .search, .notFound]
    }

    /// How many pages `job` makes.
    func pageCount(of job: PageJob) -> Int {
        list(of: job).map { max(1, ($0.indices.count + digest.config.pageSize - 1) / digest.config.pageSize) } ?? 1
    }

    /// The jobs in consecutive batches of about `pages` pages each. Counted in pages, not
    /// jobs: the lists' jobs, which come last, make every page of a country, topic, relation
    /// or month each, and one batch of them held all 5,000 list pages of a 10,000-article
    /// site at once, the peak of a cold build's memory. A batch has at least a job per core,
    /// so a long list does not leave the other cores idle.
    func batches(of jobs: [PageJob], pages: Int) -> [Range<Int>] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var batches: [Range<Int>] = []
        var start = 0, count = 0
        for (i, job) in jobs.enumerated() {
            count += pageCount(of: job)
            if count >= pages && i + 1 - start >= cores {
                batches.append(start..<i + 1)
                start = i + 1
                count = 0
            }
        }
        if start < jobs.count { batches.append(start..<jobs.count) }
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
            for page in listSlices(list.indices, path: list.path) where !isCurrent(page.path, key: page.key) {
                needed.formUnion(page.slice)
                stale.insert(page.path)
            }
        }
        return (needed.sorted(), stale)
    }

    /// Every article of `indices` as lists one folder deep show it, with its rendered HTML.
    func listItems(for indices: [Int]) throws(BuildFailure) -> ListItems {
        let articles = digest.articles
        let items = Parallel.map(indices) { i -> Result<UncheckedView, Diagnostic> in
            do throws(Diagnostic) {
                return .success(UncheckedView(try withHTML(item(for: articles[i], up: SitePaths.up(1)))))
            } catch {
                return .failure(error)
            }
        }
        var values = [[String: Any]?](repeating: nil, count: articles.count)
        for (i, result) in zip(indices, items) {
            switch result {
            case .success(let view): values[i] = view.value
            case .failure(let error): throw BuildFailure([error])
            }
        }
        return ListItems(values: values)
    }

    /// One unit of rendering work: a page, or a collection's pages.
    enum PageJob: Sendable {
        case index, archive, search, notFound
        case article(Int)
        case country(String), topic(String), relation(String), month(String)
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
            case .country(let code): return .success(try countryPages(code))
            case .topic(let slug): return .success(try topicPages(slug))
            case .relation(let key): return .success(try relationPages(key))
            case .month(let month): return .success(try monthPages(month))
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

    func render(_ template: String, _ view: [String: Any], path: String) throws(Diagnostic) -> Page {
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
    let value: [String: Any]
    init(_ value: [String: Any]) { self.value = value }
}
