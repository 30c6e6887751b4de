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
    /// distinct value across the corpus), so scoring a candidate counts shared values with no
    /// set built per pair: scoring is most of the work.
    let countryIDs: [[Int32]]
    let topicIDs: [[Int32]]
    let titleStemIDs: [[Int32]]
    /// The same countries and topics as bits, `words` UInt64 per article each: the ones two
    /// articles share are counted in a popcount or two (there are few countries and topics).
    let countryBits: TagBits, topicBits: TagBits
    /// How many distinct countries, topics and title stems there are (the numbers' bounds).
    let distinct: (countries: Int, topics: Int, titleStems: Int)

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
        self.distinct = (countries.count, topics.count, words.count)
        self.countryBits = TagBits(countryIDs, distinct: countries.count)
        self.topicBits = TagBits(topicIDs, distinct: topics.count)
    }

    static func keys(_ article: AnalyzedArticle) -> [String] {
        article.countries.primary.map { "c:" + $0 } + article.topics.map { "t:" + $0 }
    }

    /// Fills `related` of every article with the slugs of its `count` most related articles.
    static func link(_ articles: inout [AnalyzedArticle], count: Int) {
        let index = RelatedArticles(articles)
        let related = Parallel.map(Array(articles.indices), state: { Scratch(index) }) { scratch, i in
            index.related(to: i, count: count, scratch: scratch)
        }
        for i in articles.indices { articles[i].related = related[i].map { articles[$0].article.slug } }
    }

    /// Scores each candidate once, as it is met (an article near `i` in several collections
    /// is one candidate), against `i`'s country and topic bits and its title stems marked in
    /// `scratch`, and keeps the `count` best
    /// in order: what sorting every candidate by `isBetter` and taking the first `count` gives.
    func related(to i: Int, count: Int, scratch: Scratch) -> [Int] {
        guard count > 0 else { return [] }
        // Stamps are `i + 1`: marks left by other articles never match, so nothing is cleared.
        // The marks are taken out of `scratch` while scoring: a class's arrays cost an
        // exclusivity check at every access.
        let stamp = Int32(i + 1)
        var (stem, met) = scratch.take()
        defer { scratch.giveBack(stem, met) }
        for id in titleStemIDs[i] { stem[Int(id)] = stamp }
        met[i] = stamp
        var best: [(index: Int, score: Double)] = []
        best.reserveCapacity(count + 1)
        for (c, r) in places[i] {
            let members = collections[c]
            let low = max(0, r - Self.neighbours / 2), high = min(members.count, r + Self.neighbours / 2 + 1)
            for j in members[low..<high] where met[j] != stamp {
                met[j] = stamp
                var score = 2 * Double(countryBits.shared(i, j))
                score += Double(topicBits.shared(i, j))
                let common = Self.marked(titleStemIDs[j], in: stem, stamp)
                let union = titleStemIDs[i].count + titleStemIDs[j].count - common
                if union > 0 { score += Double(common) / Double(union) }
                let candidate = (index: j, score: score)
                guard best.count < count || isBetter(candidate, than: best[best.count - 1], for: i) else { continue }
                var k = best.count
                while k > 0, isBetter(candidate, than: best[k - 1], for: i) { k -= 1 }
                best.insert(candidate, at: k)
                if best.count > count { best.removeLast() }
            }
        }
        return best.map(\.index)
    }

    /// The order of related articles: higher score first, then nearer in time to `i`, then
    /// newer. Positions differ, so it is total: the best `count` do not depend on the order
    /// candidates are met in.
    func isBetter(_ l: (index: Int, score: Double), than r: (index: Int, score: Double), for i: Int) -> Bool {
        if l.score != r.score { return l.score > r.score }
        let (dl, dr) = (abs(position[l.index] - position[i]), abs(position[r.index] - position[i]))
        return dl != dr ? dl < dr : position[l.index] < position[r.index]
    }

    /// How many of `ids` are marked with `stamp`: the values a candidate shares with the
    /// article (ids are duplicate-free), by one look-up each instead of a merge of two lists.
    static func marked(_ ids: [Int32], in marks: [Int32], _ stamp: Int32) -> Int {
        var count = 0
        for id in ids where marks[Int(id)] == stamp { count += 1 }
        return count
    }

    /// Marks one thread's scoring leaves: for each title stem number and each article, the
    /// stamp of the last article that marked it.
    final class Scratch {
        private var stem: [Int32], met: [Int32]

        init(_ index: RelatedArticles) {
            stem = [Int32](repeating: 0, count: index.distinct.titleStems)
            met = [Int32](repeating: 0, count: index.articles.count)
        }

        func take() -> ([Int32], [Int32]) {
            defer { (stem, met) = ([], []) }
            return (stem, met)
        }

        func giveBack(_ stem: [Int32], _ met: [Int32]) {
            (self.stem, self.met) = (stem, met)
        }
    }

    /// Each article's values (numbers below `distinct`) as a row of bits.
    struct TagBits: Sendable {
        let words: Int
        let bits: [UInt64]

        init(_ ids: [[Int32]], distinct: Int) {
            words = max(1, (distinct + 63) / 64)
            var bits = [UInt64](repeating: 0, count: ids.count * words)
            for (article, values) in ids.enumerated() {
                for id in values { bits[article * words + Int(id) / 64] |= 1 << UInt64(id % 64) }
            }
            self.bits = bits
        }

        /// How many values articles `a` and `b` share.
        @inline(__always)
        func shared(_ a: Int, _ b: Int) -> Int {
            var count = 0
            for k in 0..<words { count += (bits[a * words + k] & bits[b * words + k]).nonzeroBitCount }
            return count
        }
    }
}

/// Gives each distinct value a number, in the order values are first seen.
struct Numbering<Value: Hashable> {
    private var ids: [Value: Int32] = [:]

    var count: Int { ids.count }

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
