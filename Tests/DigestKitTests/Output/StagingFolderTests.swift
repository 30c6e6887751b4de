import Foundation
import Testing
@testable import DigestKit

/// The folder a new site is staged in: a spare brought up to date file by file, or a new one.
@Suite("StagingFolder")
struct StagingFolderTests {
    func inode(_ path: String) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.systemFileNumber] as? UInt64
    }

    func files(_ path: String) -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test("a staging folder made from the spare keeps what is the output's file, and replaces or removes the rest")
    func spareIsBroughtUpToDate() throws {
        let folder = try TemporaryFolder()
        let root = folder.url.path
        try folder.write("site/a.html", "a")
        try folder.write("site/b.html", "b")
        try folder.write("site/sub/c.html", "c")
        try folder.write("spare/b.html", "old b")
        try folder.write("spare/gone/x.html", "x")
        try folder.write("spare/sub", "a file where a folder goes")
        try FileManager.default.linkItem(atPath: root + "/site/a.html", toPath: root + "/spare/a.html")

        let staging = try StagingFolder.open(at: root + "/staging", from: root + "/spare")
        #expect(!FileManager.default.fileExists(atPath: root + "/spare"))
        for path in ["a.html", "b.html", "sub/c.html"] {
            #expect(try staging.link(path, to: root + "/site/" + path))
            #expect(inode(root + "/staging/" + path) == inode(root + "/site/" + path), "\(path)")
        }
        staging.removeAll(except: ["a.html", "b.html", "sub/c.html"])
        #expect(files(root + "/staging") == ["a.html", "b.html", "sub", "sub/c.html"])
        #expect(folder.read("staging/b.html") == "b")
        #expect(folder.read("site/b.html") == "b")
    }

    @Test("a file is never written through: writing where the spare holds the output's file leaves the output's as it was")
    func createNeverWritesThrough() throws {
        let folder = try TemporaryFolder()
        let root = folder.url.path
        try folder.write("site/a.html", "a")
        try FileManager.default.createDirectory(atPath: root + "/spare", withIntermediateDirectories: true)
        try FileManager.default.linkItem(atPath: root + "/site/a.html", toPath: root + "/spare/a.html")
        let staging = try StagingFolder.open(at: root + "/staging", from: root + "/spare")
        try staging.create("a.html", Array("new".utf8))
        #expect(folder.read("staging/a.html") == "new")
        #expect(folder.read("site/a.html") == "a")
    }

    @Test("without a spare the staging folder starts empty, and an old one at its place is removed")
    func withoutSpareStartsEmpty() throws {
        let folder = try TemporaryFolder()
        let root = folder.url.path
        try folder.write("staging/left-over.html", "x")
        let staging = try StagingFolder.open(at: root + "/staging", from: root + "/no-spare")
        #expect(files(root + "/staging").isEmpty)
        try staging.create("deep/er/page.html", Array("p".utf8))
        staging.removeAll(except: ["deep/er/page.html"])
        #expect(folder.read("staging/deep/er/page.html") == "p")
    }

    @Test("files of many folders are written at once, each with its bytes, and the folders they need are made")
    func batchOfManyFolders() throws {
        let folder = try TemporaryFolder()
        let root = folder.url.path
        let staging = try StagingFolder.open(at: root + "/staging", from: nil)
        let folders = ["articles/", "topics/", "search/docs/", ""]
        let pages = (0..<60).map { i in Page(path: folders[i % 4] + "f\(i).html", text: "page \(i)") }
        try staging.create(pages)
        for page in pages { #expect(folder.read("staging/" + page.path) == String(decoding: page.bytes, as: UTF8.self)) }
        staging.removeAll(except: Set(pages.map(\.path)))
        #expect(files(root + "/staging").filter { $0.hasSuffix(".html") }.count == 60)
    }

    @Test("when a file of a batch cannot be made, the first failure in the batch's order is thrown")
    func batchFailureIsThrown() throws {
        let folder = try TemporaryFolder()
        let staging = try StagingFolder.open(at: folder.url.path + "/staging", from: nil)
        let tooLong = String(repeating: "x", count: 300) + ".html"
        let pages = [Page(path: "a/ok.html", text: "ok"), Page(path: "b/" + tooLong, text: "x"), Page(path: "a/" + tooLong, text: "y")]
        do {
            try staging.create(pages)
            Issue.record("a name longer than the file system allows was written")
        } catch {
            #expect(error.path.hasSuffix("/b/" + tooLong))
        }
    }

    @Test("a batch of one big folder is made on every core, its files named in place or moved in from the lanes' own folders, which are gone once the site is complete")
    func bigFolderThroughLanes() throws {
        let folder = try TemporaryFolder()
        let root = folder.url.path
        let staging = try StagingFolder.open(at: root + "/staging", from: nil)
        let pages = (0..<50).map { Page(path: "articles/a\($0).html", text: "article \($0)") } + [Page(path: "index.html", text: "i")]
        try staging.create(pages)
        for page in pages { #expect(folder.read("staging/" + page.path) == String(decoding: page.bytes, as: UTF8.self)) }
        staging.removeAll(except: Set(pages.map(\.path)))
        #expect(files(root + "/staging").filter { $0.hasPrefix(".") }.isEmpty)
        #expect(files(root + "/staging").count == 52)
    }

    #if os(Linux)
    @Test("a file made unnamed is named only where nothing is, with the permissions of a file made by name")
    func unnamedFileNeverReplaces() throws {
        let folder = try TemporaryFolder()
        let root = folder.url.path
        try folder.write("site/taken.html", "before")
        guard OutputFiles.makesUnnamedFiles(in: root + "/site") else {
            print("skipped: the file system of \(root) makes no unnamed files (O_TMPFILE)")
            return
        }
        try OutputFiles.createUnnamed(root + "/site/new.html", in: root + "/site", Array("new".utf8))
        try OutputFiles.create(root + "/site/named.html", Array("named".utf8))
        #expect(folder.read("site/new.html") == "new")
        let permissions = { (name: String) in
            (try? FileManager.default.attributesOfItem(atPath: root + "/site/" + name))?[.posixPermissions] as? Int
        }
        #expect(permissions("new.html") != nil)
        #expect(permissions("new.html") == permissions("named.html"))
        #expect(throws: OutputError.self) {
            try OutputFiles.createUnnamed(root + "/site/taken.html", in: root + "/site", Array("x".utf8))
        }
        #expect(folder.read("site/taken.html") == "before")
        #expect(files(root + "/site") == ["named.html", "new.html", "taken.html"])
    }
    #endif

    @Test("in a batch, the spare's own file where a page goes is written over in place, and a file the output shares is never written through")
    func batchWritesOverOnlySoleFiles() throws {
        let folder = try TemporaryFolder()
        let root = folder.url.path
        try folder.write("site/shared.html", "output's")
        try folder.write("spare/own.html", "spare's old")
        try FileManager.default.linkItem(atPath: root + "/site/shared.html", toPath: root + "/spare/shared.html")
        let ownInode = inode(root + "/spare/own.html")
        let staging = try StagingFolder.open(at: root + "/staging", from: root + "/spare")
        try staging.create([Page(path: "own.html", text: "new own"), Page(path: "shared.html", text: "new shared")])
        #expect(folder.read("staging/own.html") == "new own")
        #expect(inode(root + "/staging/own.html") == ownInode)
        #expect(folder.read("staging/shared.html") == "new shared")
        #expect(folder.read("site/shared.html") == "output's")
        #expect(inode(root + "/staging/shared.html") != inode(root + "/site/shared.html"))
    }

    @Test("a folder's listing identifies each regular file as `lstat` does: hard links alike, other files apart, no folders or links")
    func listingIdentifiesFiles() throws {
        let folder = try TemporaryFolder()
        let root = folder.url.path
        try folder.write("site/a.html", "a")
        try folder.write("site/sub/b.html", "b")
        try FileManager.default.linkItem(atPath: root + "/site/a.html", toPath: root + "/site/sub/same-as-a.html")
        try FileManager.default.createSymbolicLink(atPath: root + "/site/link", withDestinationPath: "a.html")
        var listed: [String: ListedFile] = [:]
        let paths = OutputFiles.walk(root + "/site", files: &listed)
        #expect(paths == ["a.html", "link", "sub/b.html", "sub/same-as-a.html"])
        #expect(Set(listed.keys) == ["a.html", "sub/b.html", "sub/same-as-a.html"])
        #expect(listed["a.html"] == listed["sub/same-as-a.html"])
        #expect(listed["a.html"] != listed["sub/b.html"])
        #expect(listed["a.html"].map(\.inode) == inode(root + "/site/a.html"))
        var treeListed: [String: ListedFile] = [:]
        #expect(OutputFiles.tree(root + "/site", files: &treeListed)["sub"] == true)
        #expect(treeListed == listed)
    }

    @Test("which spare files are the output's is told from the two listings, and a file the folder made since is not taken for the output's")
    func holdsAlreadyFromListings() throws {
        let folder = try TemporaryFolder()
        let root = folder.url.path
        for name in ["same", "other", "made", "written", "moved"] { try folder.write("site/\(name).html", name) }
        try folder.write("spare/other.html", "other, an older one")
        try folder.write("spare/written.html", "written, the spare's own")
        for name in ["same", "made", "moved"] {
            try FileManager.default.linkItem(atPath: root + "/site/\(name).html", toPath: root + "/spare/\(name).html")
        }
        let staging = try StagingFolder.open(at: root + "/staging", from: root + "/spare")
        try staging.create("made.html", Array("made again".utf8))
        try staging.create([Page(path: "written.html", text: "written again")])
        // Someone else's file now stands in the output where the spare's link of the old one is.
        try FileManager.default.removeItem(atPath: root + "/site/moved.html")
        try folder.write("site/moved.html", "moved")
        var listed: [String: ListedFile] = [:]
        _ = OutputFiles.walk(root + "/site", files: &listed)
        let paths = ["same.html", "other.html", "made.html", "written.html", "moved.html", "missing.html"]
        let expected = [true, false, false, false, false, false]
        #expect(staging.holdsAlready(paths, from: root + "/site", sourceFiles: listed) == expected)
        #expect(staging.holdsAlready(paths, from: root + "/site") == expected, "asked file by file")
    }

    @Test("a walk lists files folder by folder, each folder's names in order, whichever core walked it")
    func walkOrder() throws {
        let folder = try TemporaryFolder()
        for path in ["a-c.html", "a/b.html", "a/z/y.html", "b.html", "c/d/e.html", "c/a.html", "0.html"] {
            try folder.write("site/" + path, path)
        }
        #expect(OutputFiles.walk(folder.url.path + "/site") == ["0.html", "a/b.html", "a/z/y.html", "a-c.html", "b.html", "c/a.html", "c/d/e.html"])
    }
}
