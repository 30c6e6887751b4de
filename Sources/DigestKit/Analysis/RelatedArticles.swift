import ArabicText

/// Related articles: those that share the most primary countries and topics with an
/// article, then the most title words; nearer in time first among equals.
///
/// Candidates come from the article's own collections (its countries and topics), and
/// only the articles nearest to it in time in each: a story is related to the news around
/// it, and this keeps the work linear in the number of articles instead of quadratic.
///
/// A rebuild reuses the lists when what they are made from did not change: reading anything
/// more of an article here means adding it to `RelatedMemo.signature`.
struct RelatedArticles: Sendable {
    /// How many neighbours in time each collection offers as candidates.
    static let neighbours = 40

    let articles: [AnalyzedArticle]
    /// Rank of each article in reading order (newest first).
    let position: [Int]
    /// The collections (`c:KZ`, `t:energy`), each with its members in reading order.
    let collections: [[Int]]
    /// Each article's collections (by index into `collections`) and its rank in each.
    let places: [[(collection: Int, rank: Int)]]
    /// Each article's primary countries, topics and title stems as sorted numbers (one per
    /// distinct value across the corpus), so scoring a candidate counts shared values in one
    /// merge, with no set built per pair: scoring is most of the work.
    let countryIDs: [[Int32]]
    let topicIDs: [[Int32]]
    let titleStemIDs: [[Int32]]

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
        self.collections = collections.keys.sorted().map { collections[$0] ?? [] }
        var places = [[(collection: Int, rank: Int)]](repeating: [], count: articles.count)
        for (c, members) in self.collections.enumerated() {
            for (rank, i) in members.enumerated() { places[i].append((c, rank)) }
        }
        self.places = places
        // Stems are normalized already, so they are compared by their bytes (`WordKey`).
        let stems = Parallel.map(articles) { analyzed in
            Tokenizer.words(analyzed.article.title).map(LightStemmer.stem).filter { $0.count > 2 }.map(WordKey.init)
        }
        var countries = Numbering<String>(), topics = Numbering<String>(), words = Numbering<WordKey>()
        self.countryIDs = articles.map { countries.sortedIDs($0.countries.primary) }
        self.topicIDs = articles.map { topics.sortedIDs($0.topics) }
        self.titleStemIDs = stems.map { words.sortedIDs($0) }
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
        var candidates: [Int] = []
        for (c, r) in places[i] {
            let members = collections[c]
            let low = max(0, r - Self.neighbours / 2), high = min(members.count, r + Self.neighbours / 2 + 1)
            for j in members[low..<high] where j != i { candidates.append(j) }
        }
        candidates.sort()
        var scored: [(index: Int, score: Double)] = []
        scored.reserveCapacity(candidates.count)
        for (n, j) in candidates.enumerated() where n == 0 || candidates[n - 1] != j {
            var score = 2 * Double(Self.shared(countryIDs[i], countryIDs[j]))
            score += Double(Self.shared(topicIDs[i], topicIDs[j]))
            let common = Self.shared(titleStemIDs[i], titleStemIDs[j])
            let union = titleStemIDs[i].count + titleStemIDs[j].count - common
            if union > 0 { score += Double(common) / Double(union) }
            scored.append((j, score))
        }
        return scored.sorted { l, r in
            if l.score != r.score { return l.score > r.score }
            let (dl, dr) = (abs(position[l.index] - position[i]), abs(position[r.index] - position[i]))
            return dl != dr ? dl < dr : position[l.index] < position[r.index]
        }.prefix(count).map(\.index)
    }

    /// How many values two sorted, duplicate-free lists have in common.
    static func shared(_ a: [Int32], _ b: [Int32]) -> Int {
        var (x, y, count) = (0, 0, 0)
        while x < a.count, y < b.count {
            if a[x] == b[y] { count += 1; x += 1; y += 1 } else if a[x] < b[y] { x += 1 } else { y += 1 }
        }
        return count
    }
}

/// Gives each distinct value a number, in the order values are first seen.
struct Numbering<Value: Hashable> {
    private var ids: [Value: Int32] = [:]

    /// The numbers of `values`, sorted, each once.
    mutating func sortedIDs(_ values: [Value]) -> [Int32] {
        var result: [Int32] = []
        for value in values {
            let next = Int32(ids.count)
            let id = ids[value] ?? next
            if id == next { ids[value] = id }
            result.append(id)
        }
        return Array(Set(result)).sorted()
    }
}
