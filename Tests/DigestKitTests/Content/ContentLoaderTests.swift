import Foundation
import Testing
@testable import DigestKit
#if canImport(Glibc)
import Glibc
#endif

/// The content folder on disk: links, folders, pipes and unreadable files among the articles.
@Suite("ContentLoader")
struct ContentLoaderTests {
    func load(_ folder: URL) -> ([ContentFile], [Diagnostic]) {
        var diagnostics = Diagnostics()
        let files = ContentLoader.files(in: folder, diagnostics: &diagnostics)
        return (files, diagnostics.items)
    }

    @Test("a link in the content folder to a file outside it is skipped with a warning naming the link")
    func linkOutside() throws {
        let folder = try TemporaryFolder()
        try folder.write("secret.txt", "secret")
        try folder.write("seeds/good.txt", "نص")
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("seeds/leak.txt").path,
                                                   withDestinationPath: "../secret.txt")
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("seeds/abs.md").path,
                                                   withDestinationPath: folder.url.appendingPathComponent("secret.txt").path)
        let (files, diagnostics) = load(folder.url.appendingPathComponent("seeds"))
        #expect(files.map(\.path) == ["good.txt"])
        for name in ["leak.txt", "abs.md"] {
            #expect(diagnostics.contains { $0.file?.hasSuffix("seeds/\(name)") == true && $0.message.contains("outside the content folder") })
        }
    }

    @Test("a file's bytes are read whole, an empty file as no bytes, and a missing one as nothing")
    func bytes() throws {
        let folder = try TemporaryFolder()
        let text = String(repeating: "سطر من نص المقال\n", count: 5000)
        try folder.write("long.txt", text)
        try folder.write("empty.txt", "")
        #expect(ContentLoader.bytes(atPath: folder.url.appendingPathComponent("long.txt").path) == Array(text.utf8))
        #expect(ContentLoader.bytes(atPath: folder.url.appendingPathComponent("empty.txt").path) == [])
        #expect(ContentLoader.bytes(atPath: folder.url.appendingPathComponent("missing.txt").path) == nil)
    }

    @Test("a link inside the content folder is read")
    func linkInside() throws {
        let folder = try TemporaryFolder()
        try folder.write("seeds/real/a.txt", "نص")
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("seeds/a.txt").path, withDestinationPath: "real/a.txt")
        let (files, diagnostics) = load(folder.url.appendingPathComponent("seeds"))
        #expect(files.map(\.path) == ["a.txt"])
        #expect(diagnostics.isEmpty)
    }

    @Test("a folder, a named pipe and a dangling link named like articles are skipped with a warning each, without blocking")
    func thingsThatAreNotFiles() throws {
        let folder = try TemporaryFolder()
        let seeds = folder.url.appendingPathComponent("seeds")
        try FileManager.default.createDirectory(at: seeds.appendingPathComponent("folder.txt"), withIntermediateDirectories: true)
        #expect(mkfifo(seeds.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: seeds.appendingPathComponent("gone.md").path, withDestinationPath: "nothing-here.md")
        try folder.write("seeds/good.txt", "نص")
        let (files, diagnostics) = load(seeds)
        #expect(files.map(\.path) == ["good.txt"])
        func message(_ name: String) -> String? { diagnostics.first { $0.file?.hasSuffix("seeds/\(name)") == true }?.message }
        #expect(message("folder.txt")?.contains("is a folder") == true)
        #expect(message("pipe.txt")?.contains("named pipe") == true)
        #expect(message("gone.md")?.contains("link to something that cannot be opened") == true)
    }

    @Test("a file without read permission is skipped with a warning (not checkable as root)")
    func unreadableFile() throws {
        guard getuid() != 0 else {
            print("skipped: running as root, which reads files whatever their permissions; folders, pipes and dangling links are tested instead")
            return
        }
        let folder = try TemporaryFolder()
        try folder.write("seeds/locked.txt", "نص")
        chmod(folder.url.appendingPathComponent("seeds/locked.txt").path, 0)
        let (files, diagnostics) = load(folder.url.appendingPathComponent("seeds"))
        #expect(files.isEmpty)
        #expect(diagnostics.contains { $0.message.contains("cannot be read") })
    }

    @Test("a missing content folder is an error that says what to do")
    func missingFolder() throws {
        let folder = try TemporaryFolder()
        let (_, diagnostics) = load(folder.url.appendingPathComponent("nope"))
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.message.contains("--input") == true)
    }
}
