/// The digest as a whole: every article in reading order, and the collections readers
/// browse by (country, relation, topic, month). Pure data: the Site stage decides what
/// is on which page; Render decides how it looks.
public struct Digest: Sendable {
    public var config: SiteConfig
    /// Newest first; undated articles last, by slug.
    public var articles: [AnalyzedArticle]
    public var gazetteer: Gazetteer
    public var taxonomy: Taxonomy
    public var commentary: SiteCommentary
    /// Article indices (into `articles`, so newest first) per collection key.
    public var byCountry: [String: [Int]] = [:]
    public var byTopic: [String: [Int]] = [:]
    public var byRelation: [String: [Int]] = [:]
    public var byMonth: [String: [Int]] = [:]
    /// Slug → index.
    public var indexOfSlug: [String: Int] = [:]

    /// `articles` are put in reading order where they are, when the caller hands over the
    /// only reference to them: copying 10,000 articles retained every field of each and faulted
    /// in a new array (~0.02 s on one core, the others idle, between analysis and pages).
    public init(articles: consuming [AnalyzedArticle], config: SiteConfig, gazetteer: Gazetteer, taxonomy: Taxonomy,
                commentary: SiteCommentary) {
        self.config = config
        self.gazetteer = gazetteer
        self.taxonomy = taxonomy
        self.commentary = commentary
        var articles = articles
        articles.arrange(by: Digest.readingOrder(of: articles))
        self.articles = articles
        // By index, not by element: each element taken whole is a copy of an article. Months
        // by number first: a month's key is a string made once per month, not per article.
        var months: [Int: (date: ArticleDate, members: [Int])] = [:]
        indexOfSlug.reserveCapacity(self.articles.count)
        for i in self.articles.indices {
            indexOfSlug[self.articles[i].article.slug] = i
            for code in self.articles[i].countries.primary { byCountry[code, default: []].append(i) }
            for topic in self.articles[i].topics { byTopic[topic, default: []].append(i) }
            if self.articles[i].countries.primary.count > 1 {
                for key in self.articles[i].countries.relations { byRelation[key, default: []].append(i) }
            }
            if let date = self.articles[i].article.published {
                months[date.year * 13 + date.month, default: (date, [])].members.append(i)
            }
        }
        for (date, members) in months.values { byMonth[date.monthKey] = members }
    }

    /// Newest first; undated after dated; ties by slug so output is deterministic.
    static func readingOrder(_ lhs: AnalyzedArticle, _ rhs: AnalyzedArticle) -> Bool {
        readingOrder((lhs.article.published, lhs.article.slug), (rhs.article.published, rhs.article.slug))
    }

    static func readingOrder(_ lhs: (date: ArticleDate?, slug: String), _ rhs: (date: ArticleDate?, slug: String)) -> Bool {
        switch (lhs.date, rhs.date) {
        case let (l?, r?) where l != r: return l > r
        case (.some, .none): return true
        case (.none, .some): return false
        default: return lhs.slug < rhs.slug
        }
    }

    /// The indices of `articles` in reading order. Indices are sorted, not articles, and by
    /// each one's date and slug taken out once: comparing articles copied two whole articles
    /// (a retain of each of their fields) per comparison.
    static func readingOrder(of articles: [AnalyzedArticle]) -> [Int] {
        var keys: [(date: ArticleDate?, slug: String)] = []
        keys.reserveCapacity(articles.count)
        for i in articles.indices { keys.append((articles[i].article.published, articles[i].article.slug)) }
        return keys.indices.sorted { readingOrder(keys[$0], keys[$1]) }
    }

    /// Country codes with articles, by article count then name.
    public var countryCodes: [String] {
        byCountry.keys.sorted { l, r in
            let (a, b) = (byCountry[l]!.count, byCountry[r]!.count)
            return a != b ? a > b : gazetteer.name(of: l) < gazetteer.name(of: r)
        }
    }

    public var topicSlugs: [String] {
        byTopic.keys.sorted { l, r in
            let (a, b) = (byTopic[l]!.count, byTopic[r]!.count)
            return a != b ? a > b : l < r
        }
    }

    public var relationKeys: [String] {
        byRelation.keys.sorted { l, r in
            let (a, b) = (byRelation[l]!.count, byRelation[r]!.count)
            return a != b ? a > b : l < r
        }
    }

    /// Months with articles, newest first.
    public var months: [String] { byMonth.keys.sorted(by: >) }

    public func topicName(_ slug: String) -> String { taxonomy.name(of: slug) }

    /// The Arabic name of a relation: both countries' names.
    public func relationName(_ key: String) -> String {
        key.split(separator: "-").map { gazetteer.name(of: $0.uppercased()) }.joined(separator: " و")
    }
}

extension Array {
    /// Rearranges the elements so that the one at `order[i]` comes to `i` (`order` a
    /// permutation of the indices), by following each cycle with swaps: moved, not copied.
    mutating func arrange(by order: [Int]) {
        var placed = [Bool](repeating: false, count: count)
        for start in indices where !placed[start] {
            var i = start
            placed[i] = true
            while order[i] != start {
                swapAt(i, order[i])
                i = order[i]
                placed[i] = true
            }
        }
    }
}
