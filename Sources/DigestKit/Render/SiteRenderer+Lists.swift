/// The list pages: country, topic, relation (a pair of countries), month, the archive, and
/// the 404 page. Lists of articles are split into pages of `page_size` with numbered links.
extension SiteRenderer {
    func countryPages(_ code: String, _ pages: Range<Int>) throws(Diagnostic) -> [Made] {
        let indices = digest.byCountry[code] ?? []
        let own = code.lowercased()
        let path = SitePaths.country(code)
        return try listPages(indices, pages, title: digest.gazetteer.name(of: code), template: "country",
                             path: { SitePaths.country(code, page: $0) }, extra: [
                                 "code": own,
                             ], subject: .country(code)) { (indices: [Int]) throws(Diagnostic) in [
                                 "partners": tags.partnerCounts(indices, of: own).map { relationLink($0.key, from: path, count: $0.count) },
                                 "topics": tags.topicCounts(indices).map { topicLink($0.key, from: path, count: $0.count) },
                                 "timeline": timeline(indices),
                                 "undatedCount": undatedCount(indices),
                                 "commentary": try commentaryHTML(digest.commentary.countries[code], on: path),
                             ] }
    }

    func topicPages(_ slug: String, _ pages: Range<Int>) throws(Diagnostic) -> [Made] {
        let indices = digest.byTopic[slug] ?? []
        let path = SitePaths.topic(slug)
        return try listPages(indices, pages, title: digest.topicName(slug), template: "topic",
                             path: { SitePaths.topic(slug, page: $0) }, extra: [
                                 "slug": slug,
                             ], subject: .topic(slug)) { (indices: [Int]) throws(Diagnostic) in [
                                 "countries": tags.countryCounts(indices).map { countryLink($0.key, from: path, count: $0.count) },
                                 "timeline": timeline(indices),
                                 "undatedCount": undatedCount(indices),
                                 "commentary": try commentaryHTML(digest.commentary.topics[slug], on: path),
                             ] }
    }

    func relationPages(_ key: String, _ pages: Range<Int>) throws(Diagnostic) -> [Made] {
        let indices = digest.byRelation[key] ?? []
        let codes = key.split(separator: "-").map { $0.uppercased() }
        let path = SitePaths.relation(key)
        return try listPages(indices, pages, title: digest.relationName(key), template: "relation",
                             path: { SitePaths.relation(key, page: $0) }, extra: [
                                 "key": key,
                                 "countries": codes.map { countryLink($0, from: path) },
                             ], subject: .relation(key)) { (indices: [Int]) throws(Diagnostic) in [
                                 "topics": tags.topicCounts(indices).map { topicLink($0.key, from: path, count: $0.count) },
                                 "topicsOverTime": topicsOverTime(indices, from: path),
                                 "commentary": try commentaryHTML(digest.commentary.relations[key], on: path),
                             ] }
    }

    func monthPages(_ month: String, _ pages: Range<Int>) throws(Diagnostic) -> [Made] {
        try listPages(digest.byMonth[month] ?? [], pages, title: dates.month(month), template: "month",
                      path: { SitePaths.month(month, page: $0) }, extra: ["month": month])
    }

    func archivePage() throws(Diagnostic) -> Page {
        let path = SitePaths.archive()
        var view = base(path: path, title: "الأرشيف")
        var years: [(year: String, months: [ViewModel])] = []
        for month in digest.months {
            let entry: ViewModel = [
                "name": dates.month(month), "iso": month,
                "url": SitePaths.relative(from: path, to: SitePaths.month(month)),
                "count": dates.number(digest.byMonth[month]?.count ?? 0),
            ]
            let year = String(month.prefix(4))
            if years.last?.year == year { years[years.count - 1].months.append(entry) } else { years.append((year, [entry])) }
        }
        view["years"] = years.map { ["year": dates.digits($0.year), "months": $0.months] as ViewModel }
        view["undatedCount"] = undatedCount(Array(digest.articles.indices))
        return try render("archive", view, path: path)
    }

    /// A host serves `404.html` at whatever address was asked for, so its relative links
    /// only work from the site's root: with `base_url` set, the page names it as its base.
    func notFoundPage() throws(Diagnostic) -> Page {
        var view = base(path: SitePaths.notFound, title: "الصفحة غير موجودة")
        view["baseURL"] = digest.config.baseURL ?? false
        return try render("404", view, path: SitePaths.notFound)
    }

    /// A list of articles split into pages of `pageSize`, with numbered page links: the pages
    /// numbered `numbers` of it (a job renders some pages of a long list). Every page has
    /// `extra`; the first also has the `overview` (commentary, counts, timelines) of the list's
    /// articles, the later ones have it empty, so they open on the list. Every page of a list
    /// is in one folder, so the links of both are the same from each. The overview is made
    /// only when the first page is rendered: a rebuild keeps most lists' pages as they were.
    func listPages(_ indices: [Int], _ numbers: Range<Int>, title: String, template: String, path: (Int) -> String, extra: ViewModel,
                   subject: Subject? = nil, overview makeOverview: ([Int]) throws(Diagnostic) -> ViewModel = { _ in [:] }) throws(Diagnostic) -> [Made] {
        let count = listPageCount(indices.count)
        var emptyOverview: ViewModel?
        var pages: [Made] = []
        for page in listSlices(indices, pages: numbers, path: path) {
            let here = page.path, number = page.number
            if let key = page.key, staleLists.map({ !$0.contains(here) }) ?? isCurrent(here, key: key) {
                pages.append(.kept(path: here, key: key))
                continue
            }
            var view = base(path: here, title: count > 1 && number > 1 ? "\(title) (صفحة \(dates.number(number)))" : title,
                            subject: subject ?? .other, subjectTitle: subject == nil ? nil : title)
            view["articles"] = try page.slice.map { (i) throws(Diagnostic) in try listItem(at: i, from: here) }
            view["count"] = dates.number(indices.count)
            view["pageNumber"] = dates.number(number)
            view["pageCount"] = dates.number(count)
            view["pagination"] = count > 1 ? pagination(count: count, current: number, from: here, path: path) : false
            view.merge(extra)
            if number == 1 {
                view.merge(try makeOverview(indices))
            } else {
                // The same names, empty: the overview of no articles has every one of them.
                if emptyOverview == nil { emptyOverview = try makeOverview([]).mapValues { $0 is [Any] ? [Any]() : false as Any } }
                view.merge(emptyOverview ?? [:])
            }
            pages.append(.rendered(try render(template, view, path: here), key: page.key))
        }
        return pages
    }

    /// One page of a list: its number, path, articles and, with `reuse`, its key.
    struct ListPage {
        var number: Int
        var path: String
        var slice: ArraySlice<Int>
        var key: UInt64?
    }

    /// How many pages a list of `articles` takes: at least one, which may be empty.
    func listPageCount(_ articles: Int) -> Int {
        max(1, (articles + digest.config.pageSize - 1) / digest.config.pageSize)
    }

    /// The pages numbered `numbers` (from 1) of those a list of `indices` is split into.
    func listSlices(_ indices: [Int], pages numbers: Range<Int>, path: (Int) -> String) -> [ListPage] {
        let size = digest.config.pageSize
        return numbers.clamped(to: 1..<listPageCount(indices.count) + 1).map { number in
            let here = path(number)
            let slice = indices.dropFirst((number - 1) * size).prefix(size)
            return ListPage(number: number, path: here, slice: slice,
                            key: reuse?.keys.listPage(path: here, number: number, slice: slice, all: indices))
        }
    }

    /// The articles and page paths of a list job; nil for the jobs that are not lists.
    func list(of job: PageJob) -> (indices: [Int], pages: Range<Int>, path: (Int) -> String)? {
        switch job {
        case .country(let code, let pages): return (digest.byCountry[code] ?? [], pages, { SitePaths.country(code, page: $0) })
        case .topic(let slug, let pages): return (digest.byTopic[slug] ?? [], pages, { SitePaths.topic(slug, page: $0) })
        case .relation(let key, let pages): return (digest.byRelation[key] ?? [], pages, { SitePaths.relation(key, page: $0) })
        case .month(let month, let pages): return (digest.byMonth[month] ?? [], pages, { SitePaths.month(month, page: $0) })
        case .index, .archive, .search, .notFound, .article: return nil
        }
    }

    /// Links to the first and last page of a list, to the pages near the current one, and
    /// to the previous and next page. A page after skipped numbers has `gapBefore`. Not every
    /// page: a list of 400 pages would show 400 links on each of them (on a phone, a wall of
    /// numbers; for the build, work that grows with the square of the list).
    func pagination(count: Int, current: Int, from here: String, path: (Int) -> String) -> ViewModel {
        func link(_ n: Int) -> Any { (1...count).contains(n) ? SitePaths.relative(from: here, to: path(n)) : false }
        let shown = Self.pagesShown(count: count, current: current)
        return [
            "pages": shown.enumerated().map { k, n -> ViewModel in
                ["number": dates.number(n), "url": SitePaths.relative(from: here, to: path(n)), "current": n == current,
                 "gapBefore": k > 0 && shown[k - 1] != n - 1]
            },
            "previous": link(current - 1),
            "next": link(current + 1),
        ]
    }

    /// How many pages on each side of the current one get a link.
    static let paginationWindow = 2

    /// The page numbers a list's navigation links to: the first, the last, and those near `current`.
    static func pagesShown(count: Int, current: Int) -> [Int] {
        guard count > 0 else { return [] }
        let near = max(1, current - paginationWindow)...min(count, current + paginationWindow)
        return Array(Set([1, count] + Array(near))).sorted()
    }
}
