import Foundation
import Testing
@testable import DigestKit

/// Related articles kept between builds (`RelatedMemo`): taken only when what they are made
/// from is unchanged, and then the lists scoring would give.
@Suite("Related articles memo")
struct RelatedMemoTests {
    static func articles() -> [AnalyzedArticle] {
        var articles = DiscoveryFixtures.digest(count: 12).articles
        for i in articles.indices where i % 3 == 0 { articles[i].topics = ["energy"] }
        return articles
    }

    @Test("the signature changes with a date, a slug, a country, a topic or a title, and not with the text")
    func signatureCoversWhatScoringReads() {
        let base = Self.articles()
        let signature = RelatedMemo.signature(base, count: 5)
        #expect(RelatedMemo.signature(base, count: 4) != signature)
        let edits: [(String, (inout AnalyzedArticle) -> Void)] = [
            ("date", { $0.article.published = ArticleDate(year: 2020, month: 1, day: 1) }),
            ("time of day", { $0.article.published?.time = (hour: 10, minute: 0, second: 0) }),
            ("slug", { $0.article.slug = "other" }),
            ("countries", { $0.countries.primary = ["KZ"] }),
            ("topics", { $0.topics = ["trade"] }),
            ("title", { $0.article.title = "عنوان آخر" }),
        ]
        for (name, edit) in edits {
            var changed = base
            edit(&changed[3])
            #expect(RelatedMemo.signature(changed, count: 5) != signature, "a change of \(name)")
        }
        var text = base
        text[3].article.blocks.append(.paragraph("فقرة جديدة."))
        text[3].summary = ["ملخص آخر."]
        #expect(RelatedMemo.signature(text, count: 5) == signature)
    }

    @Test("lists saved under a signature come back as scoring made them, and only under that signature")
    func listsComeBack() throws {
        let folder = try TemporaryFolder()
        let memo = RelatedMemo(folder: folder.url, fingerprint: "f")
        var scored = Self.articles()
        memo.link(&scored, count: 5)
        var expected = Self.articles()
        RelatedArticles.link(&expected, count: 5)
        #expect(scored.map(\.related) == expected.map(\.related))
        #expect(expected.contains { !$0.related.isEmpty })

        let file = try #require(memo.file)
        let data = try Data(contentsOf: file)
        let signature = RelatedMemo.signature(Self.articles(), count: 5)
        let lists = try #require(RelatedMemo.decode(data, fingerprint: "f", signature: signature, articles: scored.count))
        #expect(lists.map { $0.map { scored[$0].article.slug } } == expected.map(\.related))
        #expect(RelatedMemo.decode(data, fingerprint: "g", signature: signature, articles: scored.count) == nil)
        #expect(RelatedMemo.decode(data, fingerprint: "f", signature: signature &+ 1, articles: scored.count) == nil)
        var damaged = data
        damaged[damaged.count / 2] ^= 1
        #expect(RelatedMemo.decode(damaged, fingerprint: "f", signature: signature, articles: scored.count) == nil)

        var again = Self.articles()
        memo.link(&again, count: 5)
        #expect(again.map(\.related) == expected.map(\.related))
    }
}
