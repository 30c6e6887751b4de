import Foundation
import Testing
@testable import DigestKit

/// How the renderer hands pages to the writer: in batches, so the site is never held whole
/// (how jobs are weighed into batches: `RenderingBatchTests`).
@Suite("Site renderer")
struct SiteRendererTests {
    /// 40 articles on two countries and their relation, 2 to a list page: lists of 20 pages.
    static func renderer() throws -> SiteRenderer {
        var digest = DiscoveryFixtures.digest(count: 40)
        digest.config.pageSize = 2
        let templates = try TemplateSet(folder: BuiltInResources.themeFolder, displayFolder: "(default theme)")
        return SiteRenderer(digest: digest, templates: templates, dates: try Build.dateDisplay(digest.config))
    }

    @Test("the pages are the same whatever the batch size")
    func batchSizeChangesNothing() throws {
        let renderer = try Self.renderer()
        func pages(batchSize: Int) throws -> [String: [UInt8]] {
            var pages: [String: [UInt8]] = [:]
            _ = try renderer.render(batchSize: batchSize) { batch in
                for page in batch.pages { pages[page.path] = page.bytes }
            }
            return pages
        }
        let small = try pages(batchSize: 3)
        #expect(small.count > 100)
        #expect(small == (try pages(batchSize: 512)))
    }

    @Test("a page's frame made once for its folder is what its own links would be")
    func framesAreThePagesOwnLinks() throws {
        let renderer = try Self.renderer()
        let frames = renderer.pageFrames()
        let pages = [SitePaths.index, SitePaths.notFound, SitePaths.search, SitePaths.article("x"), SitePaths.country("KZ", page: 2),
                     SitePaths.topic("energy"), SitePaths.relation("JP-KZ"), SitePaths.month("2024-01"), SitePaths.archive()]
        for path in pages {
            let frame = try #require(frames.frame(of: path), "\(path)")
            #expect(frame.links.description == renderer.links(from: path).description, "\(path)")
            #expect(frame.feed == SitePaths.relative(from: path, to: SitePaths.feed), "\(path)")
            #expect(frame.site.description == renderer.siteView().description)
        }
        #expect(frames.frame(of: "deeper/folder/page.html") == nil)
    }

    @Test("the files beside the pages reach the writer once each: the index's tables first, then term shards, document shards and feeds interleaved, the sitemap last")
    func discoveryFilesInOrder() throws {
        var digest = DiscoveryFixtures.digest(count: 40, baseURL: "https://digest.example/")
        digest.config.pageSize = 2
        let templates = try TemplateSet(folder: BuiltInResources.themeFolder, displayFolder: "(default theme)")
        let renderer = SiteRenderer(digest: digest, templates: templates, dates: try Build.dateDisplay(digest.config))
        var written: [String] = []
        let made = try renderer.discoveryFiles(forPaths: [SitePaths.index]) { batch in written += batch.pages.map(\.path) }
        #expect(made.count == written.count)
        #expect(Set(written).count == written.count)
        func kind(_ path: String) -> Int {
            path.hasPrefix("search/terms/") ? 1 : path.hasPrefix("search/docs/") ? 2 : path.hasSuffix(".xml") && !path.hasPrefix("sitemap") ? 3
                : path.hasPrefix("sitemap") || path == "robots.txt" ? 4 : 0
        }
        let kinds = written.map(kind)
        #expect(Set(kinds) == [0, 1, 2, 3, 4])
        #expect(kinds.prefix { $0 == 0 }.count == kinds.filter { $0 == 0 }.count, "the tables come first")
        #expect(kinds.reversed().prefix { $0 == 4 }.count == kinds.filter { $0 == 4 }.count, "the sitemap comes last")
        // Shards and feeds are interleaved, so that a batch has files of several folders to write at once.
        let middle = kinds.filter { (1...3).contains($0) }
        #expect(middle != middle.sorted())
        #expect(middle.prefix(3).sorted() == [1, 2, 3])
        #expect(written.filter { kind($0) == 2 }.count == 4)
    }

    @Test("an article item with the tag links made once for every item is the item made on its own")
    func itemsWithSharedTagLinks() throws {
        var renderer = try Self.renderer()
        renderer.digest.articles[1].topics = ["energy"]
        renderer.digest = Digest(articles: renderer.digest.articles, config: renderer.digest.config, gazetteer: renderer.digest.gazetteer,
                                 taxonomy: renderer.digest.taxonomy, commentary: renderer.digest.commentary)
        let up = SitePaths.up(1), tags = renderer.tagLinks(up: up)
        #expect(!tags.countries.isEmpty && !tags.topics.isEmpty)
        for analyzed in renderer.digest.articles {
            #expect(renderer.item(for: analyzed, up: up, tags: tags).description == renderer.item(for: analyzed, up: up).description)
        }
    }
}
