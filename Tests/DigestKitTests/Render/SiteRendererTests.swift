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
}
