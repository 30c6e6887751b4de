import Foundation
import Testing
@testable import DigestKit

/// The content files' sizes, times and inodes from the last build, so a rebuild reads only
/// the files that changed.
@Suite("InputMemo")
struct InputMemoTests {
    static let state = InputMemo.FileState(size: 10, modified: 1_000, changed: 2_000, inode: 7, device: 1)

    static func file(_ path: String, state: InputMemo.FileState? = Self.state) -> ContentFile {
        var file = ContentFile(path: path, bytes: [])
        file.state = state
        return file
    }

    @Test("records come back from the file as they were saved, and a damaged file is no memo")
    func roundTrip() throws {
        let records = ["a.txt": InputMemo.Record(key: "k1", files: 2, state: Self.state),
                       "a.md": InputMemo.Record(key: "k1", files: 2, state: InputMemo.FileState(size: 3, modified: -5, changed: 9, inode: 8, device: 1))]
        let bytes = InputMemo.encode(records, input: "/seeds")
        #expect(InputMemo.decode(Data(bytes), input: "/seeds") == records)
        #expect(InputMemo.decode(Data(bytes), input: "/other") == nil)
        var damaged = bytes
        damaged[damaged.count / 2] ^= 0xff
        #expect(InputMemo.decode(Data(damaged), input: "/seeds") == nil)
    }

    @Test("a unit's key is known only when every file of it is as recorded, in a unit of as many files")
    func keyNeedsTheWholeUnit() throws {
        let folder = try TemporaryFolder()
        let input = folder.url.appendingPathComponent("seeds")
        let unit = ArticleUnit(primaryPath: "a.txt", files: [Self.file("a.md"), Self.file("a.txt")])
        let future = Date(timeIntervalSince1970: 1_000_000)
        let memo = InputMemo(folder: folder.url, input: input, now: future)
        memo.save(memo.records(of: [(unit: unit, key: "k1")]))
        let read = InputMemo(folder: folder.url, input: input, now: future)
        #expect(read.key(of: unit.files) == "k1")
        #expect(read.isUnchanged("a.txt", Self.state))
        // One file of the two: the `.md` was removed, so the key no longer holds.
        #expect(read.key(of: [Self.file("a.txt")]) == nil)
        var changed = Self.state
        changed.changed += 1
        #expect(read.key(of: [Self.file("a.md"), Self.file("a.txt", state: changed)]) == nil)
        #expect(!read.isUnchanged("a.txt", changed))
    }

    @Test("a file as the last build read it comes unread with the state stat gives; a link to a file outside never does")
    func unchangedFilesComeUnread() throws {
        let folder = try TemporaryFolder()
        try folder.write("secret.txt", "secret")
        try folder.write("seeds/a.txt", "نص")
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("seeds/leak.txt").path,
                                                   withDestinationPath: "../secret.txt")
        let seeds = folder.url.appendingPathComponent("seeds")
        var diagnostics = Diagnostics()
        // Every file said unchanged: the link is still found to point outside the folder.
        let files = ContentLoader.files(in: seeds, diagnostics: &diagnostics, unchanged: { _, _ in true })
        #expect(files.map(\.path) == ["a.txt"])
        #expect(files.first?.isRead == false)
        var info = stat()
        #expect(stat(seeds.appendingPathComponent("a.txt").path, &info) == 0)
        #expect(files.first?.state == InputMemo.FileState(info))
        #expect(diagnostics.items.contains { $0.file?.hasSuffix("seeds/leak.txt") == true && $0.message.contains("outside the content folder") })
    }

    @Test("files changed in the two seconds before the build are not recorded")
    func recentFilesAreNotRecorded() throws {
        let now = Date(timeIntervalSince1970: 100)
        let memo = InputMemo(folder: nil, input: URL(fileURLWithPath: "/seeds"), now: now)
        let recent = InputMemo.FileState(size: 1, modified: 1, changed: 99_000_000_000, inode: 1, device: 1)
        let old = InputMemo.FileState(size: 1, modified: 1, changed: 97_000_000_000, inode: 2, device: 1)
        let units = [(unit: ArticleUnit(primaryPath: "new.txt", files: [Self.file("new.txt", state: recent)]), key: "k"),
                     (unit: ArticleUnit(primaryPath: "old.txt", files: [Self.file("old.txt", state: old)]), key: "k")]
        #expect(Array(memo.records(of: units).keys) == ["old.txt"])
    }

    @Test("a rebuild reads only the files that changed, and a lost cache reads them all again")
    func rebuildReadsOnlyChangedFiles() throws {
        let (folder, names) = try IncrementalBuildTests.siteWithSeeds()
        let seeds = folder.url.appendingPathComponent("seeds")
        let cacheFolder = folder.url.appendingPathComponent(".digest-cache")
        let stages = try BinaryCoderTests.defaultStages(SiteConfig())
        func build() throws -> (result: IncrementalAnalysis.Result, read: [String]) {
            var diagnostics = Diagnostics()
            // The files were just copied: a clock a minute ahead takes them as settled.
            let inputs = InputMemo(folder: cacheFolder, input: seeds, now: Date().addingTimeInterval(60))
            let files = ContentLoader.files(in: seeds, diagnostics: &diagnostics, unchanged: { inputs.isUnchanged($0, $1) })
            var cache = ArticleCache(folder: cacheFolder, fingerprint: "test", diagnostics: &diagnostics)
            let result = try stages.run(files, cache: &cache, inputs: inputs, read: { ContentLoader.read($0.path, in: seeds, state: $0.state) })
            cache.save(diagnostics: &diagnostics)
            inputs.save(result.inputs)
            return (result, files.filter { $0.isRead && !$0.path.hasPrefix("commentary/") }.map(\.path))
        }
        let first = try build()
        #expect(first.result.analysed == names.count)
        let second = try build()
        #expect(second.read.isEmpty)
        #expect(second.result.reused == names.count)
        #expect(second.result.articles.map(\.summary) == first.result.articles.map(\.summary))

        let edited = try #require(try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted().first { $0.hasSuffix(".txt") })
        let handle = try FileHandle(forWritingTo: seeds.appendingPathComponent(edited))
        handle.seekToEndOfFile()
        handle.write(Data("\nوأضاف المتحدث أن التعاون سيتواصل.\n".utf8))
        try handle.close()
        let third = try build()
        #expect(third.read == [edited])
        #expect(third.result.analysed == 1)

        try FileManager.default.removeItem(at: cacheFolder.appendingPathComponent("articles-test"))
        let fourth = try build()
        #expect(fourth.result.analysed == names.count)
        #expect(fourth.result.articles.map(\.summary) == third.result.articles.map(\.summary))
    }
}
