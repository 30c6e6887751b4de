/// The checks commentary needs the whole digest for: every commentary file is about a page
/// the digest has, and every link to an article by file name names an article it has.
public enum CommentaryCheck {
    public static func problems(in digest: Digest) -> [Diagnostic] {
        // Made only for a site with commentary: most have none, and both take every article.
        lazy var renderer = CommentaryRenderer(digest: digest)
        lazy var pages = sitePages(digest)
        var problems: [Diagnostic] = []
        func links(_ commentary: Commentary?, on page: String) {
            if let commentary { problems += renderer.problems(in: commentary, on: page, sitePages: pages) }
        }

        links(digest.commentary.index, on: SitePaths.index)
        for (code, commentary) in digest.commentary.countries.sorted(by: { $0.key < $1.key }) {
            if let problem = missingCountry(code, commentary, digest) { problems.append(problem) } else {
                links(commentary, on: SitePaths.country(code))
            }
        }
        for (slug, commentary) in digest.commentary.topics.sorted(by: { $0.key < $1.key }) {
            if let problem = missingTopic(slug, commentary, digest) { problems.append(problem) } else {
                links(commentary, on: SitePaths.topic(slug))
            }
        }
        for (key, commentary) in digest.commentary.relations.sorted(by: { $0.key < $1.key }) {
            if let problem = missingRelation(key, commentary, digest) { problems.append(problem) } else {
                links(commentary, on: SitePaths.relation(key))
            }
        }
        for i in digest.articles.indices where digest.articles[i].article.commentary != nil || digest.articles[i].article.markdownBody != nil {
            let page = SitePaths.article(digest.articles[i].article.slug)
            links(digest.articles[i].article.commentary, on: page)
            links(digest.articles[i].article.markdownBody, on: page)
        }
        return problems
    }

    /// The pages the build writes, every page of every list included.
    static func sitePages(_ digest: Digest) -> Set<String> {
        var pages: Set<String> = [SitePaths.index, SitePaths.search, SitePaths.notFound, SitePaths.archive()]
        func list(_ count: Int, _ path: (Int) -> String) {
            let size = max(1, digest.config.pageSize)
            for n in 1...max(1, (count + size - 1) / size) { pages.insert(path(n)) }
        }
        for i in digest.articles.indices { pages.insert(SitePaths.article(digest.articles[i].article.slug)) }
        for (code, items) in digest.byCountry { list(items.count) { SitePaths.country(code, page: $0) } }
        for (slug, items) in digest.byTopic { list(items.count) { SitePaths.topic(slug, page: $0) } }
        for (key, items) in digest.byRelation { list(items.count) { SitePaths.relation(key, page: $0) } }
        for (month, items) in digest.byMonth { list(items.count) { SitePaths.month(month, page: $0) } }
        return pages
    }

    static func missingCountry(_ code: String, _ commentary: Commentary, _ digest: Digest) -> Diagnostic? {
        guard digest.byCountry[code] == nil else { return nil }
        guard let country = digest.gazetteer.countries[code] else {
            return .error("is commentary on the country `\(code.lowercased())`, which is not a country code the digest knows; name the file after a two-letter ISO 3166-1 code (commentary/countries/kr.md), or add the country under `countries:` in digest.yml", file: commentary.file)
        }
        return .error("is commentary on \(country.name), but no article of the digest is about it, so it has no page; remove the file or add articles about \(country.name)", file: commentary.file)
    }

    static func missingTopic(_ slug: String, _ commentary: Commentary, _ digest: Digest) -> Diagnostic? {
        guard digest.byTopic[slug] == nil else { return nil }
        guard let topic = digest.taxonomy.topic(slug) else {
            let known = digest.taxonomy.topics.map(\.slug).joined(separator: ", ")
            return .error("is commentary on the topic `\(slug)`, which the digest does not have; name the file after one of its topics (\(known)), or add the topic under `topics:` in digest.yml", file: commentary.file)
        }
        return .error("is commentary on the topic \(topic.name), but no article of the digest is about it, so it has no page; remove the file or add articles about it", file: commentary.file)
    }

    static func missingRelation(_ key: String, _ commentary: Commentary, _ digest: Digest) -> Diagnostic? {
        guard digest.byRelation[key] == nil else { return nil }
        let codes = key.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard codes.count == 2, codes.allSatisfy({ $0.count == 2 }) else {
            return .error("is not named after a relation: name it after the two countries' codes in alphabetical order (commentary/relations/kr-kz.md)", file: commentary.file)
        }
        for code in codes where digest.gazetteer.countries[code.uppercased()] == nil {
            return .error("names the country `\(code)`, which is not a country code the digest knows; use two-letter ISO 3166-1 codes (commentary/relations/kr-kz.md)", file: commentary.file)
        }
        let sorted = codes.sorted().joined(separator: "-")
        if sorted != key {
            return .error("names its countries out of order: relation files put the two codes in alphabetical order; rename it to commentary/relations/\(sorted).md", file: commentary.file)
        }
        return .error("is commentary on the relation between \(digest.relationName(key)), but no article of the digest is about both, so it has no page; remove the file or add articles about them", file: commentary.file)
    }
}
