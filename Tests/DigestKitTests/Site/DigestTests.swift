import Testing
@testable import DigestKit

/// The digest's reading order: newest first, undated last, ties by slug.
@Suite("Digest")
struct DigestTests {
    @Test("the reading order of indices is the order of sorting the articles themselves")
    func readingOrderOfIndicesSortsAsArticles() {
        // Equal dates, a day against the same day at midnight, undated ones, all shuffled.
        let dates: [ArticleDate?] = [ArticleDate(year: 2024, month: 3, day: 1), ArticleDate(year: 2024, month: 3, day: 1, hour: 0),
                                     ArticleDate(year: 2024, month: 3, day: 1, hour: 9), ArticleDate(year: 2023, month: 12, day: 31),
                                     nil, ArticleDate(year: 2024, month: 3, day: 2)]
        var random = SystemRandomNumberGenerator()
        let articles = (0..<60).map { i in
            var article = Article(path: "a\(i).txt", slug: "s\((i * 37) % 60)", title: "عنوان", blocks: [])
            article.published = dates[Int.random(in: 0..<dates.count, using: &random)]
            return AnalyzedArticle(article: article, countries: CountryTags(primary: [], mentioned: []),
                                   topics: [], topicEvidence: [:], summary: [])
        }.shuffled()
        let order = Digest.readingOrder(of: articles)
        #expect(order.map { articles[$0].article.slug } == articles.sorted(by: Digest.readingOrder).map(\.article.slug))
    }
}

extension DigestTests {
    @Test("arranging by an order in place gives what mapping the order gives, for every permutation a seeded generator makes")
    func arrangingIsMapping() {
        var random = SeededNumbers()
        for count in [0, 1, 2, 3, 7, 50, 333] {
            for _ in 0..<20 {
                var order = Array(0..<count)
                for i in order.indices.reversed() where i > 0 { order.swapAt(i, random.next(i + 1)) }
                let elements = (0..<count).map { "article \($0)" }
                var arranged = elements
                arranged.arrange(by: order)
                #expect(arranged == order.map { elements[$0] })
            }
        }
    }
}
