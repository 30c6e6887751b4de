import ArabicText

/// Related articles: those that share the most primary countries and topics with an
/// article, then the most title words; nearer in time first among equals.
///
/// Candidates come from the article's own collections (its countries and topics), and
/// only the articles nearest to it in time in each: a story is related to the news around
/// it, and this keeps the work linear in the number of articles instead of quadratic.
struct RelatedArticles: Sendable {
    /// How many neighbours in time each collection offers as candidates.
    static let neighbours = 40

    let articles: [AnalyzedArticle]
    /// Rank of each article in reading order (newest first).
    let position: [Int]
    /// Collection key (`c:KZ`, `t:energy`) → members in reading order.
    let collections: [String: [Int]]
    /// Collection key → article → its rank in that collection.
    let ranks: [String: [Int: Int]]
    /// Stems compared by their bytes (`WordKey`): they are normalized already.
    let titleStems: [Set<WordKey>]

    init(_ articles: [AnalyzedArticle]) {
        self.articles = articles
        let order = articles.indices.sorted { Digest.readingOrder(articles[$0], articles[$1]) }
        var position = [Int](repeating: 0, count: articles.count)
        for (rank, i) in order.enumerated() { position[i] = rank }
        var collections: [String: [Int]] = [:]
        for i in order {
            for key in Self.keys(articles[i]) { collections[key, default: []].append(i) }
        }
        self.position = position
        self.collections = collections
        self.ranks = collections.mapValues { members in
            Dictionary(uniqueKeysWithValues: members.enumerated().map { ($0.element, $0.offset) })
        }
        self.titleStems = articles.map {
            Set(Tokenizer.words($0.article.title).map(LightStemmer.stem).filter { $0.count > 2 }.map(WordKey.init))
        }
    }

    static func keys(_ article: AnalyzedArticle) -> [String] {
        article.countries.primary.map { "c:" + $0 } + article.topics.map { "t:" + $0 }
    }

    /// Fills `related` of every article with the slugs of its `count` most related articles.
    static func link(_ articles: inout [AnalyzedArticle], count: Int) {
        let index = RelatedArticles(articles)
        let related = Parallel.map(Array(articles.indices)) { index.related(to: $0, count: count) }
        for i in articles.indices { articles[i].related = related[i].map { articles[$0].article.slug } }
    }

    func related(to i: Int, count: Int) -> [Int] {
        var candidates = Set<Int>()
        for key in Self.keys(articles[i]) {
            guard let members = collections[key], let r = ranks[key]?[i] else { continue }
            let low = max(0, r - Self.neighbours / 2), high = min(members.count, r + Self.neighbours / 2 + 1)
            for j in members[low..<high] where j != i { candidates.insert(j) }
        }
        let countries = Set(articles[i].countries.primary), topics = Set(articles[i].topics)
        let scored = candidates.map { j -> (index: Int, score: Double) in
            var score = 2 * Double(countries.intersection(articles[j].countries.primary).count)
            score += Double(topics.intersection(articles[j].topics).count)
            let union = titleStems[i].union(titleStems[j]).count
            if union > 0 { score += Double(titleStems[i].intersection(titleStems[j]).count) / Double(union) }
            return (j, score)
        }
        return scored.sorted { l, r in
            if l.score != r.score { return l.score > r.score }
            let (dl, dr) = (abs(position[l.index] - position[i]), abs(position[r.index] - position[i]))
            return dl != dr ? dl < dr : position[l.index] < position[r.index]
        }.prefix(count).map(\.index)
    }
}
