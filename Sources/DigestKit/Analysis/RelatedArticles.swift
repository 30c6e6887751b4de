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

    /// How many articles there are.
    let count: Int
    /// Rank of each article in reading order (newest first).
    let position: [Int]
    /// The collections (each country's, then each topic's), each with its members in reading
    /// order. Which comes first does not matter: an article's candidates are the same set, and
    /// the best of them the same, in whatever order they are met.
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

    /// Articles are read by index, never taken whole: a copy of an article is a retain of
    /// each of its fields, and the index holds none of them, so the caller's array stays
    /// its own to fill in.
    init(_ articles: [AnalyzedArticle]) {
        count = articles.count
        let order = Digest.readingOrder(of: articles)
        var position = [Int](repeating: 0, count: articles.count)
        for (rank, i) in order.enumerated() { position[i] = rank }
        self.position = position
        // Stems are normalized already, so they are compared by their bytes (`WordKey`).
        let stems = Parallel.map(Array(articles.indices)) { i in
            Tokenizer.words(articles[i].article.title).map(LightStemmer.stem).filter { $0.count > 2 }.map(WordKey.init)
        }
        var countries = Numbering<String>(), topics = Numbering<String>(), words = Numbering<WordKey>()
        // Each article's values as numbered, in its own order and with any repeats: a
        // collection lists an article once per time the article names it.
        var countriesNamed = [[Int32]](), topicsNamed = [[Int32]]()
        countriesNamed.reserveCapacity(articles.count)
        topicsNamed.reserveCapacity(articles.count)
        for i in articles.indices {
            countriesNamed.append(articles[i].countries.primary.map { countries.id(of: $0) })
            topicsNamed.append(articles[i].topics.map { topics.id(of: $0) })
        }
        var collections = [[Int]](repeating: [], count: countries.count + topics.count)
        for i in order {
            for id in countriesNamed[i] { collections[Int(id)].append(i) }
            for id in topicsNamed[i] { collections[countries.count + Int(id)].append(i) }
        }
        self.collections = collections
        var places = [[(collection: Int, rank: Int)]](repeating: [], count: articles.count)
        for (c, members) in collections.enumerated() {
            for (rank, i) in members.enumerated() { places[i].append((c, rank)) }
        }
        self.places = places
        self.countryIDs = countriesNamed.map(Numbering<String>.sortedUnique)
        self.topicIDs = topicsNamed.map(Numbering<String>.sortedUnique)
        self.titleStemIDs = stems.map { words.sortedIDs($0) }
        self.distinct = (countries.count, topics.count, words.count)
        self.countryBits = TagBits(countryIDs, distinct: countries.count)
        self.topicBits = TagBits(topicIDs, distinct: topics.count)
    }

    /// Each article's `count` most related articles, by index, most related first.
    static func lists(_ articles: [AnalyzedArticle], count: Int) -> [[Int]] {
        let index = RelatedArticles(articles)
        return Parallel.map(Array(articles.indices), state: { Scratch(index) }) { scratch, i in
            index.related(to: i, count: count, scratch: scratch)
        }
    }

    /// Fills `related` of every article with the slugs of its `count` most related articles.
    static func link(_ articles: inout [AnalyzedArticle], count: Int) {
        fill(&articles, with: lists(articles, count: count))
    }

    /// Sets each article's `related` to the slugs of the articles its list names.
    static func fill(_ articles: inout [AnalyzedArticle], with lists: [[Int]]) {
        var slugs: [String] = []
        slugs.reserveCapacity(articles.count)
        for i in articles.indices { slugs.append(articles[i].article.slug) }
        for i in articles.indices { articles[i].related = lists[i].map { slugs[$0] } }
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
            met = [Int32](repeating: 0, count: index.count)
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

    /// The number of `value`, given it when it is new.
    mutating func id(of value: Value) -> Int32 {
        let next = Int32(ids.count)
        let id = ids[value] ?? next
        if id == next { ids[value] = id }
        return id
    }

    /// The numbers of `values`, sorted, each once.
    mutating func sortedIDs(_ values: [Value]) -> [Int32] {
        Self.sortedUnique(values.map { id(of: $0) })
    }

    /// `ids` sorted, each once.
    static func sortedUnique(_ ids: [Int32]) -> [Int32] {
        var ids = ids
        ids.sort()
        var kept = 0
        for n in ids.indices where n == 0 || ids[n] != ids[kept - 1] {
            ids[kept] = ids[n]
            kept += 1
        }
        ids.removeLast(ids.count - kept)
        return ids
    }
}
