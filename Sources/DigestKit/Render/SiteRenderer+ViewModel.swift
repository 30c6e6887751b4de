/// The pieces of view model that several page types share: the page frame, an article in
/// a list, a date, links to countries, topics and relations, and counts over months.
extension SiteRenderer {
    /// What every page has: the site, the page, links to the stylesheet and the main pages,
    /// and its `discovery` head, about `subject` under `subjectTitle` (by default the page's title).
    func base(path: String, title: String, subject: Subject = .other, subjectTitle: String? = nil) -> ViewModel {
        let frame = frames?.frame(of: path)
        return [
            "site": frame?.site ?? siteView(),
            "page": ["title": title, "isIndex": path == SitePaths.index] as ViewModel,
            "links": frame?.links ?? links(from: path),
            "commentary": false,
            "discovery": discoveryHead(path: path, title: subjectTitle ?? title, subject: subject),
        ]
    }

    func siteView() -> ViewModel {
        ["title": digest.config.title, "description": digest.config.description]
    }

    func links(from path: String) -> ViewModel {
        func link(_ to: String) -> String { SitePaths.relative(from: path, to: to) }
        return [
            "home": link(SitePaths.index),
            "archive": link(SitePaths.archive()),
            "stylesheet": link(SitePaths.stylesheet),
            "search": link(SitePaths.search),
        ]
    }

    /// The frames of pages in every folder pages are in.
    func pageFrames() -> PageFrames {
        let pages = [SitePaths.index, SitePaths.article("a"), SitePaths.country("a"), SitePaths.topic("a"),
                     SitePaths.relation("a"), SitePaths.month("a"), SitePaths.archive()]
        let site = siteView()
        var frames: [Substring: PageFrames.Frame] = [:]
        for path in pages {
            frames[PageFrames.folder(of: path)] = PageFrames.Frame(site: site, links: links(from: path),
                                                                    feed: SitePaths.relative(from: path, to: SitePaths.feed))
        }
        return PageFrames(frames: frames)
    }

    /// An article as lists show it. Its links go up to the site's root and down again
    /// (`../countries/kz.html`), so the item is the same on every page of one depth and is
    /// built once per article for all of them (see `ListItems`).
    func item(at index: Int, from path: String) -> ViewModel {
        let depth = SitePaths.depth(of: path)
        if depth == 1, let item = listItems?.values[index] { return item }
        return item(for: digest.articles[index], up: SitePaths.up(depth))
    }

    /// An article in a list of articles: the item, and `html`, the item rendered with the
    /// theme's `partials/article-item` (once per article for all lists one folder deep).
    func listItem(at index: Int, from path: String) throws(Diagnostic) -> ViewModel {
        let depth = SitePaths.depth(of: path)
        if depth == 1, let item = listItems?.values[index] { return item }
        return try withHTML(item(for: digest.articles[index], up: SitePaths.up(depth)))
    }

    func withHTML(_ item: ViewModel) throws(Diagnostic) -> ViewModel {
        guard templates.has(Self.itemTemplate) else { return item }
        var item = item
        item["html"] = try templates.render(Self.itemTemplate, item)
        return item
    }

    static let itemTemplate = "partials/article-item"

    /// `tags`: the countries' and topics' links made once for every item of one depth.
    func item(for analyzed: AnalyzedArticle, up: String, tags: TagLinks? = nil) -> ViewModel {
        let article = analyzed.article
        return [
            "title": BidiRuns.isolatedText(article.title),
            "url": up + SitePaths.article(article.slug),
            "published": dateView(article.published),
            "updated": article.updated.flatMap { $0 == article.published ? nil : dateView($0) } ?? false,
            "summary": analyzed.summary.map(BidiRuns.isolatedText),
            "countries": analyzed.countries.primary.map { tags?.countries[$0] ?? countryTag($0, up: up) },
            "topics": analyzed.topics.map { tags?.topics[$0] ?? topicTag($0, up: up) },
        ]
    }

    /// A country as an article item links to it.
    func countryTag(_ code: String, up: String) -> ViewModel {
        ["name": digest.gazetteer.name(of: code), "code": code.lowercased(),
         "url": up + SitePaths.country(code), "count": dates.number(digest.byCountry[code]?.count ?? 0)]
    }

    /// A topic as an article item links to it.
    func topicTag(_ slug: String, up: String) -> ViewModel {
        ["name": digest.topicName(slug), "slug": slug,
         "url": up + SitePaths.topic(slug), "count": dates.number(digest.byTopic[slug]?.count ?? 0)]
    }

    /// Every country's and topic's link from items `up` below the root.
    func tagLinks(up: String) -> TagLinks {
        TagLinks(countries: Dictionary(uniqueKeysWithValues: digest.byCountry.keys.map { ($0, countryTag($0, up: up)) }),
                 topics: Dictionary(uniqueKeysWithValues: digest.byTopic.keys.map { ($0, topicTag($0, up: up)) }))
    }

    func dateView(_ date: ArticleDate?) -> Any {
        guard let date else { return false }
        return ["iso": date.iso8601, "text": dates.gregorian(date), "hijri": dates.hijri(date) ?? false] as ViewModel
    }

    func countryLink(_ code: String, from path: String, count: Int? = nil) -> ViewModel {
        ["name": digest.gazetteer.name(of: code), "code": code.lowercased(),
         "url": SitePaths.relative(from: path, to: SitePaths.country(code)),
         "count": dates.number(count ?? digest.byCountry[code]?.count ?? 0)]
    }

    func topicLink(_ slug: String, from path: String, count: Int? = nil) -> ViewModel {
        topicLink(slug, url: SitePaths.relative(from: path, to: SitePaths.topic(slug)), count: count)
    }

    func topicLink(_ slug: String, url: String, count: Int? = nil) -> ViewModel {
        ["name": digest.topicName(slug), "slug": slug, "url": url,
         "count": dates.number(count ?? digest.byTopic[slug]?.count ?? 0)]
    }

    func relationLink(_ key: String, from path: String, count: Int? = nil) -> ViewModel {
        ["name": digest.relationName(key), "key": key,
         "url": SitePaths.relative(from: path, to: SitePaths.relation(key)),
         "count": dates.number(count ?? digest.byRelation[key]?.count ?? 0)]
    }

    /// Counted keys, most first, ties by key so output is deterministic.
    static func byCount(_ counts: [String: Int]) -> [(key: String, count: Int)] {
        counts.map { (key: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
    }

    /// Articles per month, newest month first, each with its share of the busiest month in
    /// steps of 5 (5…100), for the bar a theme draws with a class per step: the validator
    /// does not know logical properties in `style` attributes.
    func timeline(_ indices: [Int]) -> [ViewModel] {
        var byNumber: [Int: (date: ArticleDate, count: Int)] = [:]
        for i in indices {
            if let date = digest.articles[i].article.published { byNumber[Self.monthNumber(date), default: (date, 0)].count += 1 }
        }
        var months: [String: Int] = [:]
        for (date, count) in byNumber.values { months[date.monthKey] = count }
        let busiest = max(1, months.values.max() ?? 1)
        return months.keys.sorted(by: >).map { month in
            let count = months[month] ?? 0
            return ["name": dates.month(month), "iso": month, "count": dates.number(count),
                    "share": String(max(1, (count * 20 + busiest - 1) / busiest) * 5)]
        }
    }

    /// A date's month as a number: grouping by it spares formatting `monthKey` (slow) for
    /// every article of a list, where once per month is enough.
    static func monthNumber(_ date: ArticleDate) -> Int { date.year * 13 + date.month }

    /// How many of the articles have no date, or false when all are dated.
    func undatedCount(_ indices: [Int]) -> Any {
        let undated = indices.filter { digest.articles[$0].article.published == nil }.count
        return undated == 0 ? false : dates.number(undated)
    }

    /// For each month (newest first, undated last): how many articles, and their topics with counts.
    func topicsOverTime(_ indices: [Int], from path: String) -> [ViewModel] {
        let tags = self.tags
        // Each month's topics counted in an array by topic number, in the month's slot.
        var slots: [Int: Int] = [:]
        var byMonth: [(date: ArticleDate?, articles: Int, topics: [Int])] = []
        let undated = "undated"
        for i in indices {
            let date = digest.articles[i].article.published
            let number = date.map(Self.monthNumber) ?? -1
            let slot = slots[number] ?? byMonth.count
            if slot == byMonth.count {
                slots[number] = slot
                byMonth.append((date, 0, [Int](repeating: 0, count: tags.topics.count)))
            }
            byMonth[slot].articles += 1
            for t in tags.topics(of: i) { byMonth[slot].topics[Int(t)] += 1 }
        }
        var months: [String: (articles: Int, topics: [(key: String, count: Int)])] = [:]
        for entry in byMonth {
            months[entry.date?.monthKey ?? undated] = (entry.articles, TagCounts.byCount(entry.topics, names: tags.topics))
        }
        // A topic comes up in many months: its link from this page is made once.
        let urls = LinkMemo()
        return months.keys.sorted { ($0 == undated ? "" : $0) > ($1 == undated ? "" : $1) }.map { key in
            let entry = months[key] ?? (0, [])
            return [
                "name": key == undated ? "غير مؤرَّخ" : dates.month(key),
                "iso": key == undated ? false : key,
                "count": dates.number(entry.articles),
                "topics": entry.topics.map { topic in
                    topicLink(topic.key, url: urls.url(topic.key) { SitePaths.relative(from: path, to: SitePaths.topic($0)) }, count: topic.count)
                },
            ]
        }
    }
}

/// The list item of every article for pages one folder deep, built once (in parallel)
/// before the pages that show them; nil for an article no rendered list shows. Immutable once built.
struct ListItems: @unchecked Sendable {
    let values: [ViewModel?]
}

/// What every page of one folder has alike: the site, the links to the main pages and to the
/// site's feed. Made once per folder before rendering, as relative links cost more than a look-up.
/// Immutable once built.
struct PageFrames: @unchecked Sendable {
    struct Frame {
        let site: ViewModel
        let links: ViewModel
        let feed: String
    }

    let frames: [Substring: Frame]

    func frame(of path: String) -> Frame? { frames[Self.folder(of: path)] }

    /// The path up to its last `/`, or nothing for a page at the root.
    static func folder(of path: String) -> Substring {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[..<$0] } ?? ""
    }
}

/// The links of article items one depth below the root to countries and topics, made once
/// for every item instead of once per item. Immutable once built.
struct TagLinks: @unchecked Sendable {
    let countries: [String: ViewModel]
    let topics: [String: ViewModel]
}

/// Links made once each while one view model is built.
final class LinkMemo {
    private var urls: [String: String] = [:]

    func url(_ key: String, making make: (String) -> String) -> String {
        if let url = urls[key] { return url }
        let url = make(key)
        urls[key] = url
        return url
    }
}
