import Foundation
import Testing
@testable import DigestKit

/// `build` with `.digest-cache/`: what is reused, what is redone, and that the site is the
/// same either way.
@Suite("Incremental build")
struct IncrementalBuildTests {
    /// A site folder holding a copy of the default seeds (commentary too), and the names of
    /// its articles: one per base name, a `.md` beside a `.txt` being part of that article.
    static func siteWithSeeds() throws -> (TemporaryFolder, [String]) {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: Repository.seeds, to: folder.url.appendingPathComponent("seeds"))
        let names = try FileManager.default.contentsOfDirectory(atPath: Repository.seeds.path)
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }
        let articles = Set(names.map { ($0 as NSString).deletingPathExtension })
        return (folder, articles.sorted())
    }

    static func files(in folder: URL) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        guard let paths = FileManager.default.enumerator(atPath: folder.path) else { return files }
        for case let path as String in paths {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) {
                files[path] = [UInt8](data)
            }
        }
        return files
    }

    @Test("a second build takes every unchanged article from the cache")
    func unchangedArticlesAreReused() throws {
        let (folder, names) = try Self.siteWithSeeds()
        let options = BuildOptions(siteFolder: folder.url)
        let first = try Build.run(options)
        #expect(first.analysedArticles == names.count)
        #expect(first.reusedArticles == 0)
        let second = try Build.run(options)
        #expect(second.analysedArticles == 0)
        #expect(second.reusedArticles == names.count)
        #expect(second.articles == first.articles)
    }

    @Test("an edited article alone is parsed and analysed again, and its page shows the edit")
    func editedArticleIsRedone() throws {
        let (folder, names) = try Self.siteWithSeeds()
        let options = BuildOptions(siteFolder: folder.url)
        _ = try Build.run(options)
        let slug = try #require(names.first { !FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("seeds/\($0).md").path) })
        try folder.write("seeds/\(slug).md", "---\ntitle: عنوان جديد كتبه المحرر\n---\n")
        let report = try Build.run(options)
        #expect(report.analysedArticles == 1)
        #expect(report.reusedArticles == names.count - 1)
        #expect(folder.read("site/articles/\(slug).html")?.contains("عنوان جديد كتبه المحرر") == true)
    }

    @Test("a build from the cache writes the same site, byte for byte, as a build without it")
    func cachedSiteEqualsUncachedSite() throws {
        let (folder, _) = try Self.siteWithSeeds()
        // Two articles that claim the same slug, so the cached path must settle it the same way.
        try folder.write("seeds/same-a.md", "---\ntitle: الأول\nslug: same\npublished: 2024-03-01\n---\nزار رئيس كازاخستان سيول لبحث التعاون.\n")
        try folder.write("seeds/same-b.md", "---\ntitle: الثاني\nslug: same\npublished: 2024-03-02\n---\nزار رئيس كوريا الجنوبية أستانا لبحث التعاون.\n")
        var cached = BuildOptions(siteFolder: folder.url)
        _ = try Build.run(cached)
        cached.output = folder.url.appendingPathComponent("site-cached")
        let fromCache = try Build.run(cached)
        #expect(fromCache.analysedArticles == 0)

        var uncached = BuildOptions(siteFolder: folder.url)
        uncached.cache = nil
        uncached.output = folder.url.appendingPathComponent("site-uncached")
        let fresh = try Build.run(uncached)
        #expect(fresh.warnings.map(\.description).sorted() == fromCache.warnings.map(\.description).sorted())

        let a = Self.files(in: cached.output)
        let b = Self.files(in: uncached.output)
        #expect(a.count > 10)
        #expect(Set(a.keys) == Set(b.keys))
        for (path, bytes) in a where b[path] != bytes {
            Issue.record("\(path) differs between the cached and the uncached build")
        }
        #expect(a["articles/same-2.html"] != nil)
    }

    @Test("the incremental stages give the articles that parsing and analysing everything at once gives, without the tags' evidence")
    func incrementalEqualsWholeParse() throws {
        let (folder, _) = try Self.siteWithSeeds()
        try folder.write("seeds/same-a.md", "---\ntitle: الأول\nslug: same\n---\nزار رئيس كازاخستان سيول.\n")
        try folder.write("seeds/same-b.md", "---\ntitle: الثاني\nslug: same\n---\nزار رئيس كوريا أستانا.\n")
        var diagnostics = Diagnostics()
        let files = ContentLoader.files(in: folder.url.appendingPathComponent("seeds"), diagnostics: &diagnostics)
        let config = SiteConfig()
        let parser = ContentParser(rules: try BuiltInResources.contentRules(config: config))
        let analyzer = Analyzer(gazetteer: try BuiltInResources.gazetteer(config: config),
                                taxonomy: try BuiltInResources.taxonomy(config: config),
                                budget: SummaryBudget(sentences: 3, words: 60))
        let whole = analyzer.analyze(parser.parse(files).articles)
        var cache = ArticleCache(folder: nil, config: config, diagnostics: &diagnostics)
        let incremental = try IncrementalAnalysis(parser: parser, analyzer: analyzer).run(files, cache: &cache)
        #expect(incremental.articles.map(\.article) == whole.map(\.article))
        #expect(incremental.articles.map(\.related) == whole.map(\.related))
        #expect(incremental.articles.map(\.summary) == whole.map(\.summary))
        #expect(incremental.articles.map(\.countries.primary) == whole.map(\.countries.primary))
        #expect(incremental.articles.map(\.countries.mentioned) == whole.map(\.countries.mentioned))
        #expect(incremental.articles.map(\.topics) == whole.map(\.topics))
        // Only `digest inspect`, which analyses afresh, shows it: a build does not hold it.
        #expect(whole.contains { !$0.countries.evidence.isEmpty && !$0.topicEvidence.isEmpty })
        #expect(incremental.articles.allSatisfy { $0.countries.evidence.isEmpty && $0.topicEvidence.isEmpty })
    }

    @Test("files listed unread are read where their units are analysed, giving the articles of files read up front")
    func deferredFilesAreReadWhenAnalysed() throws {
        let (folder, names) = try Self.siteWithSeeds()
        let seeds = folder.url.appendingPathComponent("seeds")
        let stages = try BinaryCoderTests.defaultStages(SiteConfig())
        var diagnostics = Diagnostics()
        let listed = ContentLoader.files(in: seeds, diagnostics: &diagnostics, deferring: true, unchanged: { _, _ in false })
        let articles = listed.filter { !$0.path.hasPrefix("commentary/") }
        #expect(articles.count >= names.count && articles.allSatisfy { !$0.isRead && !$0.isUnchanged && $0.bytes.isEmpty })
        #expect(listed.filter { $0.path.hasPrefix("commentary/") }.allSatisfy { $0.isRead })
        var cache = ArticleCache(folder: nil, config: SiteConfig(), diagnostics: &diagnostics)
        let deferred = try stages.run(listed, cache: &cache, read: { ContentLoader.read($0.path, in: seeds, state: $0.state) })
        var fresh = ArticleCache(folder: nil, config: SiteConfig(), diagnostics: &diagnostics)
        let upFront = try stages.run(ContentLoader.files(in: seeds, diagnostics: &diagnostics), cache: &fresh)
        #expect(deferred.analysed == names.count)
        #expect(deferred.articles.map(\.article) == upFront.articles.map(\.article))
        #expect(deferred.articles.map(\.summary) == upFront.articles.map(\.summary))
        #expect(deferred.articleKeys == upFront.articleKeys)
        #expect(deferred.unreadable.isEmpty && diagnostics.items.isEmpty)
    }

    @Test("a file listed unread and gone when its unit is analysed is left out with a warning naming it; the others are analysed")
    func deferredFileGoneIsAWarning() throws {
        let (folder, names) = try Self.siteWithSeeds()
        let seeds = folder.url.appendingPathComponent("seeds")
        let cacheFolder = folder.url.appendingPathComponent(".digest-cache")
        let stages = try BinaryCoderTests.defaultStages(SiteConfig())
        var diagnostics = Diagnostics()
        let inputs = InputMemo(folder: cacheFolder, input: seeds, now: Date().addingTimeInterval(60))
        let listed = ContentLoader.files(in: seeds, diagnostics: &diagnostics, deferring: true, unchanged: { _, _ in false })
        let gone = try #require(listed.first { $0.path.hasSuffix(".txt") }?.path)
        try FileManager.default.removeItem(at: seeds.appendingPathComponent(gone))
        var cache = ArticleCache(folder: cacheFolder, fingerprint: "test", diagnostics: &diagnostics)
        let result = try stages.run(listed, cache: &cache, inputs: inputs, read: { ContentLoader.read($0.path, in: seeds, state: $0.state) })
        #expect(result.unreadable.count == 1)
        #expect(result.unreadable.first?.file?.hasSuffix(gone) == true)
        #expect(result.unreadable.first?.message.contains("cannot be read") == true)
        #expect(result.analysed == names.count - 1)
        #expect(result.inputs[gone] == nil)
        #expect(result.inputs.count == listed.filter { !$0.path.hasPrefix("commentary/") }.count - 1)
    }

    @Test("units are analysed largest first, a unit's files counted together, ties in their order")
    func largestUnitsFirst() {
        func file(_ path: String, _ size: Int) -> ContentFile { ContentFile(path: path, bytes: Array(repeating: 0x61, count: size)) }
        let units = ArticleUnit.group([file("a.txt", 10), file("b.txt", 30), file("c.txt", 20), file("c.md", 15),
                                       file("d.txt", 30), file("e.txt", 5)]).units
        let order = IncrementalAnalysis.largestFirst(Array(units.indices), of: units).map { units[$0].primaryPath }
        #expect(order == ["c.txt", "b.txt", "d.txt", "a.txt", "e.txt"])
        #expect(IncrementalAnalysis.largestFirst([4, 0], of: units).map { units[$0].primaryPath } == ["a.txt", "e.txt"])
    }

    @Test("a rebuild that parses no file does not make the parser, and one that does makes it once")
    func parserIsMadeOnlyWhenNeeded() throws {
        let (folder, names) = try Self.siteWithSeeds()
        let cacheFolder = folder.url.appendingPathComponent(".digest-cache")
        let seeds = folder.url.appendingPathComponent("seeds")
        let config = SiteConfig()
        let stages = try BinaryCoderTests.defaultStages(config)
        final class Count: @unchecked Sendable { var made = 0 }
        let count = Count()
        let counting = IncrementalAnalysis(parser: { () throws(Diagnostic) -> ContentParser in
            count.made += 1
            return try stages.makeParser()
        }, analyzer: stages.analyzer)
        func run() throws -> IncrementalAnalysis.Result {
            var diagnostics = Diagnostics()
            let files = ContentLoader.files(in: seeds, diagnostics: &diagnostics).filter { !$0.path.hasPrefix("commentary/") }
            var cache = ArticleCache(folder: cacheFolder, fingerprint: "test", diagnostics: &diagnostics)
            let result = try counting.run(files, cache: &cache)
            cache.save(diagnostics: &diagnostics)
            return result
        }
        let first = try run()
        #expect(first.analysed == names.count && count.made == 1)
        let second = try run()
        #expect(second.reused == names.count && count.made == 1)
        #expect(second.articles.map(\.article.slug) == first.articles.map(\.article.slug))
    }

    @Test("a change to digest.yml makes every article be analysed again")
    func configChangeInvalidates() throws {
        let (folder, names) = try Self.siteWithSeeds()
        let options = BuildOptions(siteFolder: folder.url)
        _ = try Build.run(options)
        try folder.write("digest.yml", "summary:\n  sentences: 2\n")
        let changed = try Build.run(options)
        #expect(changed.analysedArticles == names.count)
        let again = try Build.run(options)
        #expect(again.analysedArticles == 0)
        // The cache made under the old config is gone, not left to grow; the pages' memo is one per output folder.
        let caches = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent(".digest-cache").path)
        #expect(caches.filter { $0.hasPrefix("articles-") }.count == 1)
        #expect(caches.filter { $0.hasPrefix("pages-") }.count == 1)
    }

    @Test("the cache's key changes with the resources, the config and the tool's version")
    func fingerprintCoversItsInputs() throws {
        var config = SiteConfig()
        let base = ArticleCache.fingerprint(config: config, resources: "countries v1", version: "1.0")
        #expect(base == ArticleCache.fingerprint(config: config, resources: "countries v1", version: "1.0"))
        #expect(base != ArticleCache.fingerprint(config: config, resources: "countries v2", version: "1.0"))
        #expect(base != ArticleCache.fingerprint(config: config, resources: "countries v1", version: "1.1"))
        config.fingerprint = "title: x\n"
        #expect(base != ArticleCache.fingerprint(config: config, resources: "countries v1", version: "1.0"))
    }

    @Test("entries made under other resources are not reused")
    func resourceChangeInvalidates() throws {
        let (folder, names) = try Self.siteWithSeeds()
        let cacheFolder = folder.url.appendingPathComponent(".digest-cache")
        var diagnostics = Diagnostics()
        let files = ContentLoader.files(in: folder.url.appendingPathComponent("seeds"), diagnostics: &diagnostics)
        let config = SiteConfig()
        let stages = try BinaryCoderTests.defaultStages(config)
        func run(resources: String) throws -> IncrementalAnalysis.Result {
            var cache = ArticleCache(folder: cacheFolder, fingerprint: ArticleCache.fingerprint(config: config, resources: resources),
                                     diagnostics: &diagnostics)
            let result = try stages.run(files, cache: &cache)
            cache.save(diagnostics: &diagnostics)
            return result
        }
        #expect(try run(resources: "old").analysed == names.count)
        #expect(try run(resources: "old").reused == names.count)
        #expect(try run(resources: "new").analysed == names.count)
        #expect(diagnostics.items.isEmpty)
    }

    @Test("a corrupt cache is a warning, every article is analysed, and the next build reuses again")
    func corruptCacheIsIgnored() throws {
        let (folder, names) = try Self.siteWithSeeds()
        let options = BuildOptions(siteFolder: folder.url)
        _ = try Build.run(options)
        let cacheFolder = folder.url.appendingPathComponent(".digest-cache")
        for name in try FileManager.default.subpathsOfDirectory(atPath: cacheFolder.path) {
            let file = cacheFolder.appendingPathComponent(name)
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            try Data("{\"format\": 1, \"entries\": [tr".utf8).write(to: file)
        }
        let report = try Build.run(options)
        #expect(report.analysedArticles == names.count)
        let warning = try #require(report.warnings.first { $0.file?.contains(".digest-cache") == true })
        #expect(warning.message.contains("cannot be read"))
        let next = try Build.run(options)
        #expect(next.reusedArticles == names.count)
        #expect(!next.warnings.contains { $0.file?.contains(".digest-cache") == true })
    }

    @Test("a removed article loses its page and its place in every list and feed")
    func removedArticleDisappears() throws {
        let (folder, names) = try Self.siteWithSeeds()
        let options = BuildOptions(siteFolder: folder.url)
        // An article of its own, so no editor's link points at it once it is gone.
        let slug = "visit-to-astana-removed-later"
        try folder.write("seeds/\(slug).md", """
            ---
            title: زيارة رئيس وزراء اليابان إلى أستانا
            published: 2024-06-10
            ---
            وصل رئيس وزراء اليابان إلى أستانا في زيارة رسمية لبحث التعاون في الطاقة والمعادن مع كازاخستان.

            """)
        let first = try Build.run(options)
        #expect(first.articles == names.count + 1)
        let before = Self.files(in: options.output)
        #expect(before["articles/\(slug).html"] != nil)
        let mentions = before.filter { String(decoding: $0.value, as: UTF8.self).contains(slug) }
        #expect(mentions.count > 2, "the article should be listed and fed somewhere besides its own page")

        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("seeds/\(slug).md"))
        let report = try Build.run(options)
        #expect(report.articles == names.count)
        #expect(report.reusedArticles == names.count)
        let after = Self.files(in: options.output)
        #expect(after["articles/\(slug).html"] == nil)
        for (path, bytes) in after where String(decoding: bytes, as: UTF8.self).contains(slug) {
            Issue.record("\(path) still names the removed article \(slug)")
        }
    }
}
