import Testing
@testable import DigestKit

@Suite("TagCounts")
struct TagCountsTests {
    /// Articles with a few of `codes` and `topics` each, drawn from a fixed seed; some with none.
    static func articles(count: Int) -> [AnalyzedArticle] {
        let codes = ["JP", "KR", "KZ", "CN", "RU", "US", "KP"], topics = ["energy", "health", "mining", "diplomacy"]
        var numbers = SeededNumbers()
        return (0..<count).map { n in
            var countries: [String] = [], tags: [String] = []
            for _ in 0..<numbers.next(4) {
                let code = codes[numbers.next(codes.count)]
                if !countries.contains(code) { countries.append(code) }
            }
            for _ in 0..<numbers.next(3) {
                let topic = topics[numbers.next(topics.count)]
                if !tags.contains(topic) { tags.append(topic) }
            }
            return DigestFixtures.article(String(format: "%03d.txt", n), countries: countries, topics: tags)
        }
    }

    /// Counts as a dictionary keyed by name, most first and ties by name.
    static func counted(_ names: [String]) -> [(key: String, count: Int)] {
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        return SiteRenderer.byCount(counts)
    }

    static func same(_ a: [(key: String, count: Int)], _ b: [(key: String, count: Int)]) -> Bool {
        a.map(\.key) == b.map(\.key) && a.map(\.count) == b.map(\.count)
    }

    @Test("counts each list's topics and countries as counting their names would, most first, ties by name")
    func topicsAndCountries() {
        let digest = DigestFixtures.digest(Self.articles(count: 300))
        let tags = TagCounts(digest)
        for (slug, indices) in digest.byTopic {
            #expect(Self.same(tags.countryCounts(indices), Self.counted(indices.flatMap { digest.articles[$0].countries.primary })), "\(slug)")
        }
        for (code, indices) in digest.byCountry {
            #expect(Self.same(tags.topicCounts(indices), Self.counted(indices.flatMap { digest.articles[$0].topics })), "\(code)")
        }
        #expect(tags.topicCounts([]).isEmpty)
    }

    @Test("counts a country's relations by their keys, each pair of its articles' countries that names it")
    func partners() {
        let digest = DigestFixtures.digest(Self.articles(count: 300))
        let tags = TagCounts(digest)
        for (code, indices) in digest.byCountry {
            let own = code.lowercased()
            let keys = indices.flatMap { i in
                digest.articles[i].countries.relations.filter { $0.split(separator: "-").contains(Substring(own)) }
            }
            #expect(Self.same(tags.partnerCounts(indices, of: own), Self.counted(keys)), "\(code)")
        }
        #expect(tags.partnerCounts([0], of: "xx").isEmpty)
    }
}
