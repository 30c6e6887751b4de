import ArabicText
import Foundation
import Testing
@testable import DigestKit

@Suite("Search index")
struct SearchIndexTests {
    func index(_ digest: Digest) -> SearchIndex.Postings { SearchIndex.postings(for: digest) }

    /// The documents a key's postings list, decoded from deltas.
    func documents(_ list: [Int]?) -> [Int] {
        var result: [Int] = [], doc = 0
        for i in stride(from: 0, to: list?.count ?? 0, by: 2) { doc += list![i]; result.append(doc) }
        return result
    }

    @Test("files a word under its stem and a clitic form under the attested word without the clitic")
    func cliticsAreFiledUnderTheWord() {
        var digest = DiscoveryFixtures.digest(count: 3)
        digest.articles[2].article.blocks = [.paragraph("زار الرئيس بكين أمس ثم عاد لكازاخستان")]
        let postings = index(digest)
        #expect(documents(postings.scores[SearchKeys.primary("كازاخستان")]) == [0, 1, 2])
        #expect(postings.scores["بناء"] == nil)
        // `بكين` has no proclitic reading attested elsewhere in this digest: not filed under `كين`.
        #expect(postings.scores["كين"] == nil)
    }

    @Test("scores a document whose title has the word above one that only has it in the body")
    func titlesWeighMore() throws {
        var digest = DiscoveryFixtures.digest(count: 2)
        digest.articles[0].article.title = "خبر عن الطاقة"
        digest.articles[0].article.blocks = [.paragraph("نص قصير عن أمر آخر")]
        digest.articles[1].article.title = "خبر آخر"
        digest.articles[1].article.blocks = [.paragraph("نص قصير عن الطاقة")]
        for i in 0..<2 { digest.articles[i].summary = [] }
        let list = try #require(index(digest).scores[SearchKeys.primary(ArabicNormalizer.normalize("الطاقة"))])
        #expect(documents(list) == [0, 1])
        #expect(list[1] > list[3], "title score \(list[1]) is not above body score \(list[3])")
    }

    @Test("splits terms into shards by the hash the script computes, about one per 24 kB")
    func shardsScaleWithTheIndex() throws {
        let small = SearchIndex(digest: DiscoveryFixtures.digest(count: 2), dates: try Build.dateDisplay(SiteConfig()))
        #expect(small.files().filter { $0.path.hasPrefix("search/terms/") }.count == 1)
        // FNV-1a 32 of "a" is 0xe40c292c: the value the JavaScript's Math.imul loop gives too.
        #expect(SearchIndex.shard(of: "a", count: 1 << 31) == 0xe40c292c % (1 << 31))
        #expect(SearchIndex.shard(of: "كازاخست", count: 7) < 7)
    }

    @Test("writes the index as scripts the search page can load from disk")
    func scriptsNotJSON() throws {
        let (folder, _) = try DiscoveryFixtures.build(baseURL: nil)
        let manifest = try #require(folder.read("site/search/index.js"))
        #expect(manifest.hasPrefix("window.DigestSearchIndex = {"))
        #expect(folder.read("site/search/terms/0.js")?.hasPrefix("DigestSearchLoaded(\"terms/0\",{") == true)
        #expect(folder.read("site/search/docs/0.js")?.hasPrefix("DigestSearchLoaded(\"docs/0\",[[") == true)
        let search = try #require(folder.read("site/search.html"))
        #expect(search.contains(#"<script src="search/index.js"></script>"#))
        #expect(search.contains(#"<script src="assets/search.js" data-root="./"></script>"#))
        #expect(folder.read("site/assets/search.js") != nil)
    }

    @Test("escapes the line separators older JavaScript parsers end a line at, and nothing else")
    func escapesLineSeparators() {
        #expect(SearchIndex.json(["أ\u{2028}ب\u{2029}ج"]) == #"["أ\u2028ب\u2029ج"]"#)
        #expect(SearchIndex.json(["it’s – “quoted”"]) == #"["it’s – “quoted”"]"#)
        #expect(!SearchIndex.hasLineSeparator("’…–"))
        #expect(SearchIndex.hasLineSeparator("a\u{2029}"))
    }
}
