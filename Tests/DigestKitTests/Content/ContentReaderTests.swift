import Foundation
import Testing
@testable import DigestKit
#if canImport(Glibc)
import Glibc
#endif

/// Reading the articles' files where they are analysed, and reading them ahead when they are not in memory.
@Suite("ContentReader")
struct ContentReaderTests {
    static func listed(_ folder: TemporaryFolder) throws -> (URL, [ContentFile]) {
        try folder.write("seeds/a.txt", "نص أول")
        try folder.write("seeds/b.txt", "نص ثان")
        let seeds = folder.url.appendingPathComponent("seeds")
        var diagnostics = Diagnostics()
        return (seeds, ContentLoader.files(in: seeds, diagnostics: &diagnostics, deferring: true, unchanged: { path, _ in path == "b.txt" }))
    }

    @Test("reads a listed file's bytes with the state the listing found, and a file gone since is a warning naming it")
    func readsListedFiles() throws {
        let folder = try TemporaryFolder()
        let (seeds, files) = try Self.listed(folder)
        let reader = ContentReader(folder: seeds, files: files)
        #expect(reader.paths == ["a.txt"])
        let a = try #require(files.first { $0.path == "a.txt" })
        let read = try reader.read(a).get()
        #expect(read.bytes == Array("نص أول".utf8) && read.isRead && read.state == a.state)
        try FileManager.default.removeItem(at: seeds.appendingPathComponent("a.txt"))
        guard case .failure(let warning) = reader.read(a) else { Issue.record("a removed file was read"); return }
        #expect(warning.file?.hasSuffix("seeds/a.txt") == true && warning.message.contains("cannot be read"))
    }

    @Test("files just written are in memory and not read ahead; asked to, it reads ahead once, past a file gone meanwhile")
    func readsAheadOnlyWhenAsked() throws {
        let folder = try TemporaryFolder()
        let (seeds, files) = try Self.listed(folder)
        let reader = ContentReader(folder: seeds, files: files)
        #expect(ContentReader.isInMemory(seeds.appendingPathComponent("a.txt").path) == true)
        #expect(ContentReader.isInMemory(seeds.appendingPathComponent("missing.txt").path) == nil)
        reader.readAheadUnlessInMemory()
        #expect(!reader.isReadingAhead)
        try FileManager.default.removeItem(at: seeds.appendingPathComponent("a.txt"))
        reader.readAhead()
        reader.readAhead()
        #expect(reader.isReadingAhead)
    }

    @Test("a file out of memory is read ahead (where the file system lets a file's clean pages go)")
    func readsAheadWhenOutOfMemory() throws {
        let folder = try TemporaryFolder()
        let (seeds, files) = try Self.listed(folder)
        let path = seeds.appendingPathComponent("a.txt").path
        let fd = open(path, O_RDONLY)
        try #require(fd >= 0)
        fsync(fd)
        #if canImport(Glibc)
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED)
        #endif
        close(fd)
        guard ContentReader.isInMemory(path) == false else {
            print("skipped: this file system keeps the file in memory (tmpfs, or no POSIX_FADV_DONTNEED)")
            return
        }
        let reader = ContentReader(folder: seeds, files: files)
        reader.readAheadUnlessInMemory()
        #expect(reader.isReadingAhead)
    }
}
