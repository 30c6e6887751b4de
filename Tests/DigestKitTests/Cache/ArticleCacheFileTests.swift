import Foundation
import Testing
@testable import DigestKit

/// The cache file on disk (format 3, binary): what a build makes of it when it is whole,
/// cut short, damaged, or left over from an older format.
@Suite("Article cache file")
struct ArticleCacheFileTests {
    static func cacheFiles(in folder: TemporaryFolder) throws -> [URL] {
        let cacheFolder = folder.url.appendingPathComponent(".digest-cache")
        return try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).sorted()
            .map { cacheFolder.appendingPathComponent($0) }
    }

    @Test("the cache is one binary file named after its fingerprint, and older JSON caches are removed")
    func oneBinaryFile() throws {
        let (folder, _) = try IncrementalBuildTests.siteWithSeeds()
        try folder.write(".digest-cache/articles-0123.jsonl", "{\"format\": 2}\n")
        try folder.write(".digest-cache/articles-4567.json", "{}")
        try folder.write(".digest-cache/notes.txt", "kept")
        _ = try Build.run(BuildOptions(siteFolder: folder.url))
        let names = try Self.cacheFiles(in: folder).map(\.lastPathComponent).filter { !$0.hasPrefix("pages-") }
        #expect(names.count == 2)
        #expect(names.contains("notes.txt"))
        let cache = try #require(names.first { $0.hasPrefix("articles-") })
        #expect(cache.hasSuffix(".bin"))
    }

    @Test("a cache file cut short is a warning, every article is analysed again, and the next build reuses")
    func truncatedCacheIsIgnored() throws {
        let (folder, names) = try IncrementalBuildTests.siteWithSeeds()
        let options = BuildOptions(siteFolder: folder.url)
        _ = try Build.run(options)
        for file in try Self.cacheFiles(in: folder) {
            let data = try Data(contentsOf: file)
            try data.prefix(data.count / 2).write(to: file)
        }
        let report = try Build.run(options)
        #expect(report.analysedArticles == names.count)
        #expect(report.reusedArticles == 0)
        let warning = try #require(report.warnings.first { $0.file?.contains(".digest-cache") == true })
        #expect(warning.message.contains("the build cache cannot be read, so every article is analysed again"))
        let next = try Build.run(options)
        #expect(next.reusedArticles == names.count)
    }

    @Test("a cache file with any byte changed is refused as a whole, never half read and never a crash")
    func damagedCacheIsRefused() throws {
        let (folder, _) = try IncrementalBuildTests.siteWithSeeds()
        _ = try Build.run(BuildOptions(siteFolder: folder.url))
        let file = try #require(try Self.cacheFiles(in: folder).first)
        let data = try Data(contentsOf: file)
        let fingerprint = String(file.deletingPathExtension().lastPathComponent.dropFirst("articles-".count))
        #expect(try ArticleCache.decode(data, fingerprint: fingerprint).entries.count >= 5)
        var random = SeededRandom(seed: 7)
        for _ in 0..<300 {
            var damaged = data
            let offset = random.next(below: damaged.count)
            damaged[offset] ^= UInt8(1 + random.next(below: 255))
            #expect(throws: (any Error).self, "a change at byte \(offset) went unnoticed") {
                try ArticleCache.decode(damaged, fingerprint: fingerprint)
            }
        }
        for length in stride(from: 0, to: data.count, by: max(1, data.count / 200)) {
            #expect(throws: (any Error).self) { try ArticleCache.decode(data.prefix(length), fingerprint: fingerprint) }
        }
    }

    @Test("a cache saved and read back gives the entries it was given")
    func savedEntriesReadBack() throws {
        let byPath = try BinaryCoderTests.analysedSeedsByPath()
        let data = try ArticleCache.encode(byPath, fingerprint: "f")
        let back = try ArticleCache.decode(data, fingerprint: "f").entries
        #expect(Set(back.keys) == Set(byPath.keys))
        for (path, entry) in byPath {
            #expect(back[path]?.key == entry.key)
            #expect(back[path]?.diagnostics == entry.diagnostics)
            #expect(back[path]?.articles.map(\.article) == entry.articles.map(\.article))
            #expect(back[path]?.articles.map(\.summary) == entry.articles.map(\.summary))
        }
        #expect(throws: (any Error).self) { try ArticleCache.decode(data, fingerprint: "g") }
    }

    @Test("a save copies the records of unchanged entries from the file it read, and they read back the same")
    func unchangedRecordsAreCopied() throws {
        let byPath = try BinaryCoderTests.analysedSeedsByPath()
        let first = try ArticleCache.encode(byPath, fingerprint: "f")
        let (_, records) = try ArticleCache.decode(first, fingerprint: "f")
        // Every other entry copied, the rest encoded again.
        let copied = records.filter { path, _ in path.hasSuffix("0.txt") || path.hasSuffix("2.txt") || path.hasSuffix("4.txt") }
        #expect(!copied.isEmpty && copied.count < records.count)
        let second = try ArticleCache.encode(byPath, fingerprint: "f", copying: copied, from: first)
        let back = try ArticleCache.decode(second, fingerprint: "f").entries
        #expect(Set(back.keys) == Set(byPath.keys))
        for (path, entry) in byPath {
            #expect(back[path]?.key == entry.key)
            #expect(back[path]?.articles.map(\.article) == entry.articles.map(\.article))
        }
    }
}
