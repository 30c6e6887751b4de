import Foundation
import Testing
@testable import DigestKit

/// Pages render a batch ahead of the writer: what the writer gets is still every page, in
/// order, and nothing after it fails.
@Suite("Rendering batches")
struct RenderingBatchTests {
    static func renderer() throws -> SiteRenderer {
        var config = SiteConfig()
        config.pageSize = 1
        let articles = (1...20).map { ThemePagesTests.article("k\($0)", (2024, 1, $0), countries: ["KZ"], topics: ["energy"]) }
        let digest = Digest(articles: articles, config: config, gazetteer: DigestFixtures.gazetteer,
                            taxonomy: DigestFixtures.taxonomy, commentary: SiteCommentary())
        let templates = try TemplateSet(folder: BuiltInResources.themeFolder, displayFolder: "(default theme)")
        return SiteRenderer(digest: digest, templates: templates, dates: try Build.dateDisplay(config))
    }

    @Test("the writer gets every page once, batch after batch in the order of the paths returned")
    func everyPageInOrder() throws {
        let renderer = try Self.renderer()
        var written: [String] = []
        var batches = 0
        let paths = try renderer.render(batchSize: 3) { batch in
            batches += 1
            written += batch.pages.map(\.path)
        }
        #expect(batches > 3)
        #expect(written == paths)
        #expect(Set(written).count == written.count)
        #expect(written == (try renderer.pages()).map(\.path))
    }

    @Test("when the writer fails, the build stops with its error and no later batch reaches it")
    func writerFailureStops() throws {
        let renderer = try Self.renderer()
        var batches = 0
        #expect(throws: BuildFailure.self) {
            _ = try renderer.render(batchSize: 3) { (_: SiteRenderer.Batch) throws(Diagnostic) in
                batches += 1
                if batches == 2 { throw Diagnostic.error("disk full", file: "site") }
            }
        }
        #expect(batches == 2)
    }

    @Test("list pages weigh more than article pages when jobs are put into batches")
    func batchesByWeight() {
        let articles = (0..<8).map(SiteRenderer.PageJob.article)
        #expect(SiteRenderer.batches(articles, size: 4).map(\.count) == [4, 4])
        let lists = [SiteRenderer.PageJob.country("KZ", pages: 1..<3), .topic("energy", pages: 1..<2)]
        #expect(SiteRenderer.batches(lists + articles, size: 8).map(\.count) == [1, 5, 4])
    }

    @Test("article pages and list pages are interleaved, so batches hold pages of several folders")
    func batchesMixFolders() throws {
        let renderer = try Self.renderer()
        var folders: [Set<String>] = []
        _ = try renderer.render(batchSize: 6) { batch in
            folders.append(Set(batch.pages.map { $0.path.split(separator: "/").first.map(String.init) ?? "" }))
        }
        #expect(folders.count > 3)
        // 20 articles, and about as many list pages: all but the last batch hold both.
        for set in folders.dropLast() { #expect(set.contains("articles") && set.count > 1, "\(set)") }
    }
}
