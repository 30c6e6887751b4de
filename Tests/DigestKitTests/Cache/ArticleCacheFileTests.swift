import Foundation
import Testing
@testable import DigestKit

/// The cache's files on disk (format 6, binary shards): what a build makes of them when they
/// are whole, cut short, damaged, or left over from an older format.
@Suite("Article cache file")
struct ArticleCacheFileTests {
    static func cacheFiles(in folder: TemporaryFolder) throws -> [URL] {
        let cacheFolder = folder.url.appendingPathComponent(".digest-cache")
        return try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).sorted()
            .map { cacheFolder.appendingPathComponent($0) }
    }

    /// The shard files of the article cache, and the fingerprint they were made under.
    static func shardFiles(in folder: TemporaryFolder) throws -> (files: [URL], fingerprint: String) {
        let shards = try #require(try cacheFiles(in: folder).first { $0.lastPathComponent.hasPrefix("articles-") })
        let files = try FileManager.default.contentsOfDirectory(atPath: shards.path).sorted().map { shards.appendingPathComponent($0) }
        return (files, String(shards.lastPathComponent.dropFirst("articles-".count)))
    }

    @Test("the cache is one folder of binary shards named after its fingerprint, and older caches are removed")
    func oneFolderOfShards() throws {
        let (folder, names) = try IncrementalBuildTests.siteWithSeeds()
        try folder.write(".digest-cache/articles-0123.jsonl", "{\"format\": 2}\n")
        try folder.write(".digest-cache/articles-4567.json", "{}")
        try folder.write(".digest-cache/articles-89ab.bin", "digest-cache")
        try folder.write(".digest-cache/notes.txt", "kept")
        _ = try Build.run(BuildOptions(siteFolder: folder.url))
        let listed = try Self.cacheFiles(in: folder).map(\.lastPathComponent).filter { !["pages-", "search-", "related-", "inputs-", "spare-"].contains(where: $0.hasPrefix) }
        #expect(listed.count == 2)
        #expect(listed.contains("notes.txt"))
        let (shards, _) = try Self.shardFiles(in: folder)
        #expect(!shards.isEmpty && shards.count <= min(names.count, ArticleCache.shardCount))
        #expect(shards.allSatisfy { $0.pathExtension == "bin" })
    }

    @Test("an edit writes again only the shard that holds the edited article")
    func editWritesOneShard() throws {
        let (folder, names) = try IncrementalBuildTests.siteWithSeeds()
        let options = BuildOptions(siteFolder: folder.url)
        _ = try Build.run(options)
        func identities() throws -> [String: PageMemo.FileIdentity?] {
            Dictionary(uniqueKeysWithValues: try Self.shardFiles(in: folder).files.map { ($0.lastPathComponent, PageMemo.FileIdentity(path: $0.path)) })
        }
        let before = try identities()
        let name = try #require(names.first { FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("seeds/\($0).txt").path) })
        try folder.write("seeds/\(name).txt", try #require(folder.read("seeds/\(name).txt")) + "\nوأضاف المتحدث أن التعاون سيتواصل.\n")
        let report = try Build.run(options)
        #expect(report.analysedArticles == 1)
        let after = try identities()
        let rewritten = after.keys.filter { before[$0] != after[$0] }
        #expect(rewritten == [String(format: "%02x.bin", ArticleCache.shard(of: "\(name).txt"))])
    }

    @Test("a cache file cut short is a warning, every article is analysed again, and the next build reuses")
    func truncatedCacheIsIgnored() throws {
        let (folder, names) = try IncrementalBuildTests.siteWithSeeds()
        let options = BuildOptions(siteFolder: folder.url)
        _ = try Build.run(options)
        for file in try Self.shardFiles(in: folder).files {
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
        let (files, fingerprint) = try Self.shardFiles(in: folder)
        let file = try #require(files.max { (PageMemo.FileIdentity(path: $0.path)?.size ?? 0) < (PageMemo.FileIdentity(path: $1.path)?.size ?? 0) })
        let data = try Data(contentsOf: file)
        let shard = try #require(Int(file.deletingPathExtension().lastPathComponent, radix: 16))
        #expect(try ArticleCache.decode(data, fingerprint: fingerprint, shard: shard).entries.count >= 1)
        #expect(throws: (any Error).self, "a shard's file read as another shard") {
            try ArticleCache.decode(data, fingerprint: fingerprint, shard: shard + 1)
        }
        var random = SeededRandom(seed: 7)
        for _ in 0..<300 {
            var damaged = data
            let offset = random.next(below: damaged.count)
            damaged[offset] ^= UInt8(1 + random.next(below: 255))
            #expect(throws: (any Error).self, "a change at byte \(offset) went unnoticed") {
                try ArticleCache.decode(damaged, fingerprint: fingerprint, shard: shard)
            }
        }
        for length in stride(from: 0, to: data.count, by: max(1, data.count / 200)) {
            #expect(throws: (any Error).self) { try ArticleCache.decode(data.prefix(length), fingerprint: fingerprint, shard: shard) }
        }
    }

    @Test("shard files of an older format in the cache's folder are a warning: their articles are analysed again, and the next build reuses")
    func olderFormatIsIgnored() throws {
        let (folder, names) = try IncrementalBuildTests.siteWithSeeds()
        let options = BuildOptions(siteFolder: folder.url)
        let first = try Build.run(options)
        for file in try Self.shardFiles(in: folder).files {
            var data = try Data(contentsOf: file)
            // The format number follows the magic: made an older one, the records left as they were.
            data.replaceSubrange(ArticleCache.magic.count..<(ArticleCache.magic.count + 4), with: [4, 0, 0, 0])
            try data.write(to: file)
        }
        let report = try Build.run(options)
        #expect(report.analysedArticles == names.count)
        #expect(report.warnings.contains { $0.message.contains("the build cache cannot be read") })
        #expect(report.pages == first.pages)
        #expect(try Build.run(options).reusedArticles == names.count)
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

    @Test("a record's checksum changes when any one byte of it does, in each of its lanes and in the tail after them")
    func checksumSeesEveryByte() {
        let bytes = (0..<75).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let original = bytes.withUnsafeBytes(ArticleCache.checksum)
        #expect(original == bytes.withUnsafeBytes(ArticleCache.checksum))
        for i in bytes.indices {
            var changed = bytes
            changed[i] ^= 0x10
            #expect(changed.withUnsafeBytes(ArticleCache.checksum) != original, "byte \(i)")
        }
        #expect(Array(bytes.dropLast()).withUnsafeBytes(ArticleCache.checksum) != original)
        #expect((bytes + [0]).withUnsafeBytes(ArticleCache.checksum) != original)
    }
}
