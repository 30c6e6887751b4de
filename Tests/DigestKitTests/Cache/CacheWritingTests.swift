import Foundation
import Testing
@testable import DigestKit

/// The cache written on another core while the site is made (`CacheWriting`): written as a
/// build that wrote it in place writes it, and its warnings where that build put them.
@Suite("Cache writing")
struct CacheWritingTests {
    /// A site whose cache cannot be written: a file stands where its folder of shards goes.
    static func siteWithUnwritableCache() throws -> (TemporaryFolder, BuildOptions) {
        let (folder, _) = try IncrementalBuildTests.siteWithSeeds()
        try folder.write(".digest-cache/articles-\(ArticleCache.fingerprint(config: SiteConfig()))", "")
        return (folder, BuildOptions(siteFolder: folder.url))
    }

    @Test("a cache that cannot be written is a warning, before those of the stages after analysis")
    func unwritableCacheIsAWarningInItsPlace() throws {
        let (folder, options) = try Self.siteWithUnwritableCache()
        let report = try withExtendedLifetime(folder) { try Build.run(options) }
        let cache = try #require(report.warnings.firstIndex { $0.message.contains("the build cache cannot be written") })
        let feeds = try #require(report.warnings.firstIndex { $0.message.contains("no base URL") })
        #expect(cache < feeds)
    }

    @Test("a build that fails after analysis still tells that the cache cannot be written")
    func failedBuildTellsOfTheCache() throws {
        let (folder, options) = try Self.siteWithUnwritableCache()
        try folder.write("seeds/commentary/unknown.md", "تعليق في غير موضعه.\n")
        let failure = try #require(throws: BuildFailure.self) { try Build.run(options) }
        #expect(failure.diagnostics.contains { $0.severity == .error && $0.message.contains("not a known commentary file") })
        #expect(failure.diagnostics.contains { $0.message.contains("the build cache cannot be written") })
    }
}
