import Foundation
import Testing
@testable import DigestKit

/// Writing `site/`: whole sites only, unchanged files untouched, others' files kept.
@Suite("SiteWriter")
struct SiteWriterTests {
    func pages(_ pairs: [(String, String)]) -> [Page] { pairs.map { Page(path: $0.0, text: $0.1) } }

    func inode(_ url: URL) -> (UInt64, Date)? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              let inode = attributes[.systemFileNumber] as? NSNumber,
              let date = attributes[.modificationDate] as? Date else { return nil }
        return (inode.uint64Value, date)
    }

    @Test("writes every page and a manifest that lists exactly the files digest wrote")
    func writesPagesAndManifest() throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        let changes = try SiteWriter(output: site).write(pages: pages([("index.html", "a"), ("articles/x.html", "b")]), assets: nil)
        #expect(folder.read("site/index.html") == "a")
        #expect(folder.read("site/articles/x.html") == "b")
        let manifest = OutputManifest(text: folder.read("site/.digest-manifest") ?? "")
        #expect(manifest.paths == ["index.html", "articles/x.html"])
        #expect(changes.written.sorted() == ["articles/x.html", "index.html"])
        #expect(changes.swap == "rename")
    }

    @Test("a file with the same bytes keeps its inode and mtime; a changed one is new")
    func unchangedFilesKeepTheirInode() throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        let writer = SiteWriter(output: site)
        try writer.write(pages: pages([("same.html", "same"), ("changes.html", "one")]), assets: nil)
        let sameBefore = try #require(inode(site.appendingPathComponent("same.html")))
        let changesBefore = try #require(inode(site.appendingPathComponent("changes.html")))
        Thread.sleep(forTimeInterval: 0.02)
        let changes = try writer.write(pages: pages([("same.html", "same"), ("changes.html", "two")]), assets: nil)
        let sameAfter = try #require(inode(site.appendingPathComponent("same.html")))
        let changesAfter = try #require(inode(site.appendingPathComponent("changes.html")))
        #expect(sameAfter.0 == sameBefore.0)
        #expect(sameAfter.1 == sameBefore.1)
        #expect(changesAfter.0 != changesBefore.0)
        #expect(folder.read("site/changes.html") == "two")
        #expect(changes.unchanged == ["same.html"])
        #expect(changes.written == ["changes.html"])
    }

    @Test("files digest did not write are carried over; pages it no longer writes are removed")
    func foreignFilesAreKept() throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        let writer = SiteWriter(output: site)
        try writer.write(pages: pages([("index.html", "a"), ("articles/old.html", "old")]), assets: nil)
        try folder.write("site/CNAME", "digest.example.org\n")
        try folder.write("site/.well-known/security.txt", "Contact: x\n")
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("latest").path, withDestinationPath: "index.html")
        let changes = try writer.write(pages: pages([("index.html", "a2")]), assets: nil)
        #expect(folder.read("site/CNAME") == "digest.example.org\n")
        #expect(folder.read("site/.well-known/security.txt") == "Contact: x\n")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: site.appendingPathComponent("latest").path)) == "index.html")
        #expect(folder.read("site/articles/old.html") == nil)
        #expect(changes.removed == ["articles/old.html"])
        #expect(changes.kept.sorted() == [".well-known/security.txt", "CNAME", "latest"])
        // Kept on the next build too: the manifest never claims them.
        try writer.write(pages: pages([("index.html", "a3")]), assets: nil)
        #expect(folder.read("site/CNAME") == "digest.example.org\n")
    }

    @Test("an output folder with no manifest keeps every file the build does not write, and says so")
    func noManifestKeepsEverything() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/index.html", "someone's")
        try folder.write("site/notes.txt", "mine")
        let changes = try SiteWriter(output: folder.url.appendingPathComponent("site")).write(pages: pages([("index.html", "digest's")]), assets: nil)
        #expect(folder.read("site/notes.txt") == "mine")
        #expect(folder.read("site/index.html") == "digest's")
        #expect(changes.warnings.contains { $0.message.contains("has no .digest-manifest") })
    }

    @Test("a page path that leaves the output folder is refused and nothing is written anywhere",
          arguments: ["../escape.html", "/tmp/escape.html", "a/../../escape.html", "./x.html", "a//b.html", ".digest-manifest"])
    func pathsOutsideAreRefused(path: String) throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        try SiteWriter(output: site).write(pages: pages([("index.html", "old")]), assets: nil)
        #expect(throws: Diagnostic.self) {
            try SiteWriter(output: site).write(pages: pages([("index.html", "new"), (path, "x")]), assets: nil)
        }
        #expect(folder.read("site/index.html") == "old")
        #expect(folder.read("escape.html") == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["site"])
    }

    @Test("a path inside the output folder is plain names joined by slashes, none empty, `.` or `..`, without NUL")
    func insidePaths() {
        for path in ["a.html", "articles/a.html", "a/b/c.json", "..a.html", "a../b", ".well-known/x", "a/.b"] {
            #expect(SiteWriter.isInside(path), "\(path)")
        }
        for path in ["", "/", "/a", "a/", "a//b", ".", "..", "./a", "a/.", "a/..", "a/../b", "a\u{0}b", "\u{0}", ".digest-manifest"] {
            #expect(!SiteWriter.isInside(path), "\(path)")
        }
    }

    @Test("two pages at one path are refused before anything is written")
    func duplicatePathsAreRefused() throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        #expect(throws: Diagnostic.self) {
            try SiteWriter(output: site).write(pages: pages([("a.html", "1"), ("a.html", "2")]), assets: nil)
        }
        #expect(FileManager.default.fileExists(atPath: site.path) == false)
    }

    @Test("an output folder that holds the content, or is the content, is refused")
    func outputMayNotHoldTheInput() throws {
        let folder = try TemporaryFolder()
        try folder.write("seeds/a.txt", "x")
        let seeds = folder.url.appendingPathComponent("seeds")
        for output in [folder.url, seeds] {
            let error = #expect(throws: Diagnostic.self) {
                try SiteWriter(output: output, protecting: [seeds]).write(pages: pages([("index.html", "a")]), assets: nil)
            }
            #expect(error?.message.contains("holds") == true)
        }
        #expect(folder.read("seeds/a.txt") == "x")
    }

    @Test("the swap is an atomic exchange on Linux")
    func swapIsAnExchangeOnLinux() throws {
        #if os(Linux)
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        try SiteWriter(output: site).write(pages: pages([("index.html", "a")]), assets: nil)
        let changes = try SiteWriter(output: site).write(pages: pages([("index.html", "b")]), assets: nil)
        #expect(FolderSwap.renameat2 != nil)
        #expect(changes.swap == "exchange")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(leftovers == ["site"])
        #else
        print("skipped: renameat2 is Linux only")
        #endif
    }

    @Test("a build killed between its two renames is repaired: the previous site comes back, leftovers go")
    func interruptedRenamePairIsRepaired() throws {
        let folder = try TemporaryFolder()
        // What a kill leaves: no site/, the previous one under .site.old-PID, a half staging folder.
        try folder.write(".site.old-4242/index.html", "previous")
        try folder.write(".site.old-4242/.digest-manifest", "index.html\n")
        try folder.write(".site.old-4242/CNAME", "keep.example.org")
        try folder.write(".site.staging-4242/index.html", "half")
        let changes = try SiteWriter(output: folder.url.appendingPathComponent("site")).write(pages: pages([("index.html", "new")]), assets: nil)
        #expect(folder.read("site/index.html") == "new")
        #expect(folder.read("site/CNAME") == "keep.example.org")
        #expect(changes.kept == ["CNAME"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["site"])
    }

    @Test("a build that writes nothing new leaves the output folder as it was, without a swap")
    func unchangedSiteIsNotSwapped() throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        let writer = SiteWriter(output: site)
        try writer.write(pages: pages([("index.html", "a"), ("articles/x.html", "x")]), assets: nil)
        try folder.write("site/CNAME", "digest.example.org\n")
        let before = try #require(inode(site))
        let changes = try writer.write(pages: pages([("index.html", "a"), ("articles/x.html", "x")]), assets: nil)
        #expect(changes.swap == "none")
        #expect(changes.written.isEmpty)
        #expect(changes.unchanged.sorted() == ["articles/x.html", "index.html"])
        #expect(changes.kept == ["CNAME"])
        #expect(inode(site)?.0 == before.0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["site"])
    }

    @Test("with a spare, the site a build replaces becomes the spare, and the next build brings it up to date into the same site a new folder gives")
    func spareIsBroughtUpToDate() throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        let spare = folder.url.appendingPathComponent("cache/spare")
        let writer = SiteWriter(output: site, spare: spare)
        try writer.write(pages: pages([("index.html", "a"), ("b.html", "b"), ("sub/c.html", "c")]), assets: nil)
        try folder.write("site/CNAME", "digest.example.org\n")
        let second = try writer.write(pages: pages([("index.html", "a2"), ("b.html", "b"), ("d.html", "d")]), assets: nil)
        #expect(second.removed == ["sub/c.html"])
        #expect(folder.read("cache/spare/index.html") == "a", "the replaced site is the spare")
        let kept = try #require(inode(site.appendingPathComponent("b.html")))
        let third = try writer.write(pages: pages([("index.html", "a2"), ("b.html", "b3"), ("d.html", "d")]), assets: nil)
        #expect(third.written == ["b.html"])
        #expect(inode(site.appendingPathComponent("d.html")) != nil)
        #expect(inode(site.appendingPathComponent("b.html"))?.0 != kept.0)

        let fresh = folder.url.appendingPathComponent("fresh")
        try SiteWriter(output: fresh).write(pages: pages([("index.html", "a2"), ("b.html", "b3"), ("d.html", "d")]), assets: nil)
        try folder.write("fresh/CNAME", "digest.example.org\n")
        let listed = { (url: URL) in ((try? FileManager.default.subpathsOfDirectory(atPath: url.path)) ?? []).sorted() }
        #expect(listed(site) == listed(fresh))
        for path in listed(site) where !path.hasSuffix("manifest") {
            #expect(folder.read("site/" + path) == folder.read("fresh/" + path), "\(path)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["cache", "fresh", "site"])
    }

    @Test("theme assets are written under assets/ and listed in the manifest")
    func assetsAreWritten() throws {
        let folder = try TemporaryFolder()
        try folder.write("theme/assets/style.css", "body{}")
        try folder.write("theme/assets/img/logo.svg", "<svg/>")
        try SiteWriter(output: folder.url.appendingPathComponent("site"))
            .write(pages: pages([("index.html", "a")]), assets: folder.url.appendingPathComponent("theme/assets"))
        #expect(folder.read("site/assets/style.css") == "body{}")
        #expect(folder.read("site/assets/img/logo.svg") == "<svg/>")
        #expect(OutputManifest(text: folder.read("site/.digest-manifest") ?? "").paths.contains("assets/img/logo.svg"))
    }

    @Test("the folders above paths are every folder at any depth, named as the file system splits the path, at each slash")
    func foldersAbovePaths() {
        #expect(SiteWriter.folders(above: ["index.html", "a/b/c.html", "a/d.html", "x/\u{301}y.html"]) == ["a", "a/b", "x"])
        #expect(SiteWriter.folders(above: []).isEmpty)
    }
}
