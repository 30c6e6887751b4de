import Testing
@testable import DigestKit

/// Related articles (`RelatedArticles`): the articles sharing the most countries and topics,
/// then title words, nearest in time among equals.
@Suite("Related articles")
struct RelatedArticlesTests {
    static let countries = ["KZ", "JP", "CN", "KR", "UZ"]
    static let topics = ["energy", "trade", "health", "security"]
    static let words = ["الطاقة", "التجارة", "الصحة", "الأمن", "الاتفاقية", "الرئيس", "الزيارة"]

    /// Articles with many ties: few countries, topics and title words, shared in patterns.
    static func articles(_ count: Int) -> [AnalyzedArticle] {
        (0..<count).map { i in
            let title = (0..<3).map { words[(i * ($0 + 2) + $0) % words.count] }.joined(separator: " ")
            var article = Article(path: "a\(i).txt", slug: "a\(i)", title: title, blocks: [.paragraph("نص.")])
            if i % 7 != 0 { article.published = ArticleDate(year: 2024, month: 1 + i % 12, day: 1 + (i * 5) % 28, hour: 9) }
            let primary = Array(Set([countries[i % 5], countries[(i / 3) % 5]])).sorted()
            let tagged = i % 4 == 0 ? [] : Array(Set([topics[i % 4], topics[(i / 5) % 4]])).sorted()
            return AnalyzedArticle(article: article, countries: CountryTags(primary: primary, mentioned: primary),
                                   topics: tagged, topicEvidence: [:], summary: [])
        }
    }

    /// What the lists are by definition: every candidate scored, all sorted, the first `count` taken.
    static func sortedByDefinition(_ index: RelatedArticles, _ i: Int, count: Int) -> [Int] {
        func shared(_ a: [Int32], _ b: [Int32]) -> Int { Set(a).intersection(b).count }
        var candidates = Set<Int>()
        for (c, r) in index.places[i] {
            let members = index.collections[c]
            let low = max(0, r - RelatedArticles.neighbours / 2), high = min(members.count, r + RelatedArticles.neighbours / 2 + 1)
            candidates.formUnion(members[low..<high].filter { $0 != i })
        }
        let scored = candidates.map { j -> (index: Int, score: Double) in
            var score = 2 * Double(shared(index.countryIDs[i], index.countryIDs[j]))
            score += Double(shared(index.topicIDs[i], index.topicIDs[j]))
            let common = shared(index.titleStemIDs[i], index.titleStemIDs[j])
            let union = index.titleStemIDs[i].count + index.titleStemIDs[j].count - common
            if union > 0 { score += Double(common) / Double(union) }
            return (j, score)
        }
        return scored.sorted { index.isBetter($0, than: $1, for: i) }.prefix(count).map(\.index)
    }

    @Test("each list is what scoring every candidate and sorting them all gives")
    func listsAreTheBestCandidatesInOrder() {
        let articles = Self.articles(300)
        let index = RelatedArticles(articles)
        let scratch = RelatedArticles.Scratch(index)
        for count in [0, 1, 5, 12] {
            for i in articles.indices {
                #expect(index.related(to: i, count: count, scratch: scratch) == Self.sortedByDefinition(index, i, count: count),
                        "article \(i), \(count) related")
            }
        }
    }

    @Test("an article sharing more countries and topics comes before one sharing fewer")
    func moreSharedComesFirst() {
        var articles = Self.articles(3)
        articles[0].countries = CountryTags(primary: ["KZ", "JP"], mentioned: [])
        articles[0].topics = ["energy"]
        articles[1].countries = CountryTags(primary: ["KZ"], mentioned: [])
        articles[1].topics = ["energy"]
        articles[2].countries = CountryTags(primary: ["KZ", "JP"], mentioned: [])
        articles[2].topics = ["energy"]
        RelatedArticles.link(&articles, count: 2)
        #expect(articles[0].related == ["a2", "a1"])
    }

    @Test("each collection lists its articles in reading order, an article once for each time it names the collection")
    func collectionsListTheirArticlesInReadingOrder() {
        var articles = Self.articles(40)
        articles[5].countries.primary = ["KZ", "KZ"]
        let index = RelatedArticles(articles)
        let order = Digest.readingOrder(of: articles)
        var named: [String: [Int]] = [:]
        for i in order {
            for code in articles[i].countries.primary { named["c:" + code, default: []].append(i) }
            for topic in articles[i].topics { named["t:" + topic, default: []].append(i) }
        }
        #expect(index.collections.sorted { $0.lexicographicallyPrecedes($1) } == named.values.sorted { $0.lexicographicallyPrecedes($1) })
        for (c, members) in index.collections.enumerated() {
            for (rank, i) in members.enumerated() { #expect(index.places[i].contains { $0 == (c, rank) }) }
        }
        #expect(index.countryIDs[5].count == 1)
    }

    @Test("numbers are given in the order values are first met, and each article's are sorted, each once")
    func numberingSortsEachOnce() {
        var numbering = Numbering<String>()
        #expect(numbering.sortedIDs(["b", "a", "b"]) == [0, 1])
        #expect(numbering.sortedIDs(["c", "a"]) == [1, 2])
        #expect(numbering.id(of: "b") == 0)
        #expect(numbering.count == 3)
        #expect(Numbering<String>.sortedUnique([5, 1, 5, 3, 1]) == [1, 3, 5])
        #expect(Numbering<String>.sortedUnique([]) == [])
    }

    @Test("two articles' bits count the values they share, past the first 64 too")
    func bitsCountSharedValues() {
        let bits = RelatedArticles.TagBits([[1, 63, 64, 130], [63, 130, 131], [], [0, 2, 65]], distinct: 132)
        #expect(bits.words == 3)
        #expect(bits.shared(0, 1) == 2)
        #expect(bits.shared(0, 0) == 4)
        #expect(bits.shared(0, 2) == 0)
        #expect(bits.shared(0, 3) == 0)
        #expect(RelatedArticles.TagBits([[], []], distinct: 0).shared(0, 1) == 0)
    }
}
