import Foundation
import Testing
@testable import DigestKit

/// What a rebuild takes from the cache instead of reading articles again: their search terms
/// (`SearchTermsCache`) and everything but their text (`ArticleCache`, read light). The site
/// must be the one a build from scratch writes, whatever part of the cache is missing.
@Suite("Search terms cache")
struct SearchTermsCacheTests {
    static func searchFile(in folder: TemporaryFolder) throws -> URL {
        try #require(try ArticleCacheFileTests.cacheFiles(in: folder).first { $0.lastPathComponent.hasPrefix("search-") })
    }

    @Test("terms saved and read back give the index a build from the articles gives")
    func termsReadBack() throws {
        let digest = DiscoveryFixtures.digest(count: 6)
        let corpus = SearchCorpus(digest: digest)
        let keys = (0..<UInt64(digest.articles.count)).map { $0 * 7919 + 1 }
        let bytes = SearchTermsCache.encode(corpus, keys: keys, fingerprint: "f")
        let back = try #require(SearchTermsCache.decode(Data(bytes), fingerprint: "f"))
        #expect(back.documents.count == digest.articles.count)
        #expect(SearchTermsCache.decode(Data(bytes), fingerprint: "g") == nil)

        // Two articles known, the others read: the postings are the ones of reading them all.
        var known = [SearchTerms.Document?](repeating: nil, count: keys.count)
        known[1] = back.documents[keys[1]]
        known[4] = back.documents[keys[4]]
        let mixed = SearchCorpus(digest: digest, terms: back.terms, known: known)
        let (a, b) = (SearchPostings(mixed), SearchPostings(corpus))
        #expect(Set(a.indexedTerms.map { a.terms[$0] }) == Set(b.indexedTerms.map { b.terms[$0] }))
        for term in b.indexedTerms {
            #expect(a.list(of: b.terms[term])?.map { "\($0)" } == b.list(of: b.terms[term])?.map { "\($0)" })
        }
        #expect(SearchIndex(digest: digest, dates: try Build.dateDisplay(SiteConfig()), corpus: mixed).files().map(\.bytes)
                == SearchIndex(digest: digest, dates: try Build.dateDisplay(SiteConfig())).files().map(\.bytes))
    }

    @Test("the terms file is written again when more than a few articles' terms are new or unused, not for one edit")
    func fewChangesAreNotSaved() throws {
        let folder = try TemporaryFolder()
        let digest = DiscoveryFixtures.digest(count: 40)
        let keys = (0..<UInt64(digest.articles.count)).map { $0 + 100 }
        #expect(SearchTermsCache(folder: folder.url, fingerprint: "f").isWorthSaving(keys), "a build without the file")
        SearchTermsCache(folder: folder.url, fingerprint: "f").save(SearchCorpus(digest: digest), keys: keys)
        let cache = SearchTermsCache(folder: folder.url, fingerprint: "f")
        #expect(cache.documents.count == keys.count)
        #expect(!cache.isWorthSaving(keys), "nothing changed")
        var edited = keys
        edited[3] = 1
        #expect(!cache.isWorthSaving(edited), "one article edited")
        #expect(!cache.isWorthSaving(Array(keys.dropLast(5))), "a few articles removed")
        let many = keys.enumerated().map { $0.offset < SearchTermsCache.fewArticles + 1 ? UInt64($0.offset) : $0.element }
        #expect(cache.isWorthSaving(many), "more than a few articles edited")
        #expect(cache.isWorthSaving(keys + (1...UInt64(SearchTermsCache.fewArticles + 1)).map { $0 + 10_000 }), "more than a few added")
    }

    @Test("a terms file cut short or with any byte changed is not used")
    func damagedTermsAreIgnored() {
        let digest = DiscoveryFixtures.digest(count: 3)
        let bytes = SearchTermsCache.encode(SearchCorpus(digest: digest), keys: [1, 2, 3], fingerprint: "f")
        #expect(SearchTermsCache.decode(Data(bytes), fingerprint: "f") != nil)
        var random = SeededRandom(seed: 11)
        for _ in 0..<200 {
            var damaged = bytes
            damaged[random.next(below: damaged.count)] ^= UInt8(1 + random.next(below: 255))
            #expect(SearchTermsCache.decode(Data(damaged), fingerprint: "f") == nil)
        }
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 100)) {
            #expect(SearchTermsCache.decode(Data(bytes.prefix(length)), fingerprint: "f") == nil)
        }
    }

    @Test("articles read from the cache come without their text, which is there when asked for")
    func textIsReadWhenAsked() throws {
        let (folder, names) = try IncrementalBuildTests.siteWithSeeds()
        _ = try Build.run(BuildOptions(siteFolder: folder.url))
        let (_, fingerprint) = try ArticleCacheFileTests.shardFiles(in: folder)
        var diagnostics = Diagnostics()
        let cache = ArticleCache(folder: folder.url.appendingPathComponent(".digest-cache"), fingerprint: fingerprint, diagnostics: &diagnostics)
        #expect(diagnostics.items.isEmpty)
        #expect(cache.entries.count == names.count)
        for (path, entry) in cache.entries {
            #expect(entry.articles.allSatisfy { $0.article.blocks.isEmpty && $0.countries.evidence.isEmpty })
            let full = try #require(cache.fullArticles(at: path))
            #expect(full.map(\.article.slug) == entry.articles.map(\.article.slug))
            #expect(full.map(\.summary) == entry.articles.map(\.summary))
            #expect(full.contains { !$0.article.blocks.isEmpty } || full.allSatisfy { $0.article.markdownBody != nil })
        }
    }

    @Test("a rebuild without the terms file, or with a damaged one, writes the site a build from scratch writes")
    func missingTermsGiveTheFreshSite() throws {
        let (folder, names) = try IncrementalBuildTests.siteWithSeeds()
        _ = try PageReuseTests.expectSameAsFresh(folder, after: "the first build")
        try FileManager.default.removeItem(at: try Self.searchFile(in: folder))
        let rebuilt = try PageReuseTests.expectSameAsFresh(folder, after: "the terms file removed")
        #expect(rebuilt.reusedArticles == names.count)

        let file = try Self.searchFile(in: folder)
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0x5A
        try bytes.write(to: file)
        let txt = try #require(names.first { FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("seeds/\($0).txt").path) })
        try folder.write("seeds/\(txt).txt", try #require(folder.read("seeds/\(txt).txt")) + "\nوقال الوزير إن المحادثات ستستأنف الشهر المقبل.\n")
        _ = try PageReuseTests.expectSameAsFresh(folder, after: "a damaged terms file and an edit")
        #expect(folder.read("site/search/docs/0.js") != nil)
    }
}
