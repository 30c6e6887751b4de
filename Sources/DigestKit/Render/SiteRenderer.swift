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

    /// Every page of the site, in a deterministic order.
    public func pages(progress: BuildProgressHandler? = nil) throws(BuildFailure) -> [Page] {
        var pages: [Page] = []
        _ = try render(progress: progress) { batch in pages += batch }
        return pages
    }

    /// Renders every page, batch by batch in a deterministic order, handing each batch to
    /// `sink` (the writer) so the site is never held whole; returns the pages' paths.
    /// A template error stops nothing until every page was tried, so each distinct
    /// problem is reported once; no batch reaches `sink` after the first failure.
    public func render(progress: BuildProgressHandler? = nil, batchSize: Int = 512,
                       into sink: ([Page]) throws(Diagnostic) -> Void) throws(BuildFailure) -> [String] {
        var renderer = self
        let articles = digest.articles
        let items = Parallel.map(Array(articles.indices)) { i -> Result<UncheckedView, Diagnostic> in
            do throws(Diagnostic) {
                return .success(UncheckedView(try withHTML(item(for: articles[i], up: SitePaths.up(1)))))
            } catch {
                return .failure(error)
            }
        }
        var values: [[String: Any]] = []
        values.reserveCapacity(items.count)
        for result in items {
            switch result {
            case .success(let view): values.append(view.value)
            case .failure(let error): throw BuildFailure([error])
            }
        }
        renderer.listItems = ListItems(values: values)
        let jobs: [PageJob] = [.index] + digest.articles.indices.map(PageJob.article)
            + digest.countryCodes.map(PageJob.country) + digest.topicSlugs.map(PageJob.topic)
            + digest.relationKeys.map(PageJob.relation) + digest.months.map(PageJob.month)
            + [.archive, .search, .notFound]
        let counter = ProgressCounter(.rendering, total: jobs.count, handler: progress)
        var paths: [String] = []
        var diagnostics: [Diagnostic] = []
        for start in stride(from: 0, to: jobs.count, by: batchSize) {
            // Pages render on every core; results keep the jobs' order, so output is deterministic.
            let batch = Array(jobs[start..<min(start + batchSize, jobs.count)])
            let results = Parallel.map(batch, progress: counter) { [renderer] job in renderer.render(job) }
            var pages: [Page] = []
            for result in results {
                switch result {
                case .success(let made): pages += made
                case .failure(let error): diagnostics.append(error)
                }
            }
            guard diagnostics.isEmpty else { continue }
            paths += pages.map(\.path)
            do {
                try sink(pages)
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

    /// One unit of rendering work: a page, or a collection's pages.
    enum PageJob: Sendable {
        case index, archive, search, notFound
        case article(Int)
        case country(String), topic(String), relation(String), month(String)
    }

    func render(_ job: PageJob) -> Result<[Page], Diagnostic> {
        do throws(Diagnostic) {
            switch job {
            case .index: return .success([try indexPage()])
            case .article(let i): return .success([try articlePage(i)])
            case .country(let code): return .success(try countryPages(code))
            case .topic(let slug): return .success(try topicPages(slug))
            case .relation(let key): return .success(try relationPages(key))
            case .month(let month): return .success(try monthPages(month))
            case .archive: return .success([try archivePage()])
            case .search: return .success([try searchPage()])
            case .notFound: return .success([try notFoundPage()])
            }
        } catch {
            return .failure(error)
        }
    }

    func render(_ template: String, _ view: [String: Any], path: String) throws(Diagnostic) -> Page {
        Page(path: path, text: try templates.render(template, view))
    }
}

/// A view model crossing from the core that built it to the one that renders it; never
/// mutated after it is built.
struct UncheckedView: @unchecked Sendable {
    let value: [String: Any]
    init(_ value: [String: Any]) { self.value = value }
}
