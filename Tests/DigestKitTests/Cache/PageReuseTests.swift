import Foundation
import Testing
@testable import DigestKit

/// Rebuilds that keep the pages whose inputs did not change (`PageKeys`, `PageMemo`): the
/// site must be the one a build from scratch writes, whatever was edited.
@Suite("Page reuse")
struct PageReuseTests {
    /// Builds `folder` with the cache into `site/` and without it into `site-fresh/`, and
    /// records every file that differs, naming `after`.
    static func expectSameAsFresh(_ folder: TemporaryFolder, templates: URL? = nil, after change: String) throws -> BuildReport {
        var options = BuildOptions(siteFolder: folder.url)
        if let templates { options.templates = templates }
        let report = try Build.run(options)
        var fresh = options
        fresh.cache = nil
        fresh.output = folder.url.appendingPathComponent("site-fresh")
        _ = try Build.run(fresh)
        let kept = IncrementalBuildTests.files(in: options.output), made = IncrementalBuildTests.files(in: fresh.output)
        #expect(Set(kept.keys) == Set(made.keys), "after \(change)")
        for (path, bytes) in kept where made[path] != nil && made[path] != bytes {
            Issue.record("after \(change): \(path) differs from a build from scratch")
        }
        return report
    }

    static func article(_ title: String, date: String, body: String) -> String {
        "---\ntitle: \(title)\npublished: \(date)\n---\n\(body)\n"
    }

    @Test("a rebuild with nothing changed keeps every page and renders none")
    func nothingChangedKeepsEveryPage() throws {
        let (folder, _) = try IncrementalBuildTests.siteWithSeeds()
        let first = try Self.expectSameAsFresh(folder, after: "the first build")
        #expect(first.keptPages == 0)
        let second = try Self.expectSameAsFresh(folder, after: "nothing")
        #expect(second.keptPages > 20)
        let files = IncrementalBuildTests.files(in: folder.url.appendingPathComponent("site")).keys
        let htmlPages = files.filter { $0.hasSuffix(".html") }
        // Feeds and the search index's document and term shards are kept like pages.
        let keyedFiles = files.filter { $0.hasSuffix(".xml") && $0 != "sitemap.xml" || $0.hasPrefix("search/docs/") || $0.hasPrefix("search/terms/") }
        #expect(!keyedFiles.isEmpty)
        // The front page, archive, search and 404 pages are always made: they are few, and show everything.
        #expect(second.keptPages == htmlPages.count - 4 + keyedFiles.count)
    }

    @Test("after each kind of edit, the rebuilt site is the one a build from scratch writes")
    func everyEditGivesTheFreshSite() throws {
        let (folder, names) = try IncrementalBuildTests.siteWithSeeds()
        _ = try Self.expectSameAsFresh(folder, after: "the first build")
        let txt = try #require(names.first { FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("seeds/\($0).txt").path) })
        let body = try #require(folder.read("seeds/\(txt).txt"))

        try folder.write("seeds/\(txt).txt", body + "\nوأضاف المتحدث أن التعاون سيتواصل بين البلدين.\n")
        let edited = try Self.expectSameAsFresh(folder, after: "a sentence added to an article")
        #expect(edited.keptPages > 0, "an edit that moves nothing keeps the pages that do not show the article")
        #expect(folder.read("site/articles/\(txt).html")?.contains("سيتواصل بين البلدين") == true)

        try folder.write("seeds/added.md", Self.article("وزير خارجية اليابان يزور سيول", date: "2024-05-02",
                                                        body: "بحث وزير خارجية اليابان في سيول مع نظيره الكوري التعاون في الطاقة."))
        _ = try Self.expectSameAsFresh(folder, after: "an article added")
        try folder.write("seeds/added.md", Self.article("وزير خارجية اليابان يزور سيول", date: "2021-01-09",
                                                        body: "بحث وزير خارجية اليابان في سيول مع نظيره الكوري التعاون في الطاقة."))
        _ = try Self.expectSameAsFresh(folder, after: "an article re-dated")
        try folder.write("seeds/added.md", Self.article("وزير خارجية اليابان يزور سيول", date: "2021-01-09",
                                                        body: "بحث وزير خارجية اليابان في موسكو مع نظيره الروسي الأمن النووي."))
        _ = try Self.expectSameAsFresh(folder, after: "an article's countries and topics changed")
        try folder.write("seeds/commentary/countries/kz.md", "تعليق جديد على كازاخستان، مع [رابط](added.md).\n")
        _ = try Self.expectSameAsFresh(folder, after: "the commentary on a country changed")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("seeds/added.md"))
        try folder.write("seeds/commentary/countries/kz.md", "تعليق على كازاخستان.\n")
        _ = try Self.expectSameAsFresh(folder, after: "an article removed")
        try folder.write("digest.yml", "page_size: 2\n")
        _ = try Self.expectSameAsFresh(folder, after: "the config changed")

        let theme = folder.url.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: BuiltInResources.themeFolder, to: theme)
        _ = try Self.expectSameAsFresh(folder, templates: theme, after: "a theme of the site's own")
        let itemTemplate = theme.appendingPathComponent("partials/article-item.mustache")
        try (String(contentsOf: itemTemplate, encoding: .utf8) + "<!-- changed -->\n").write(to: itemTemplate, atomically: true, encoding: .utf8)
        _ = try Self.expectSameAsFresh(folder, templates: theme, after: "a partial of the theme changed")
        #expect(folder.read("site/countries/kz.html")?.contains("<!-- changed -->") == true)
    }

    @Test("a page changed or removed by hand in site/ is made again")
    func handEditedPageIsMadeAgain() throws {
        let (folder, names) = try IncrementalBuildTests.siteWithSeeds()
        _ = try Self.expectSameAsFresh(folder, after: "the first build")
        let page = "site/articles/\(names[0]).html"
        let original = try #require(folder.read(page))
        try folder.write(page, original + "<!-- by hand -->")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("site/countries/kz.html"))
        _ = try Self.expectSameAsFresh(folder, after: "pages changed by hand")
        #expect(folder.read(page) == original)
    }

    @Test("with the articles as before, the search index's files changed or removed by hand are made again")
    func handEditedSearchFilesAreMadeAgain() throws {
        let (folder, _) = try IncrementalBuildTests.siteWithSeeds()
        _ = try Self.expectSameAsFresh(folder, after: "the first build")
        // The second build takes the term shards from the memo; these builds must see the damage.
        _ = try Self.expectSameAsFresh(folder, after: "nothing")
        let shard = "site/search/terms/0.js", manifest = "site/search/index.js"
        let original = try #require(folder.read(shard))
        try folder.write(shard, original + "// by hand")
        _ = try Self.expectSameAsFresh(folder, after: "a term shard changed by hand")
        #expect(folder.read(shard) == original)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent(shard))
        _ = try Self.expectSameAsFresh(folder, after: "a term shard removed by hand")
        try folder.write(manifest, "window.DigestSearchIndex = {};\n")
        _ = try Self.expectSameAsFresh(folder, after: "the manifest changed by hand")
        #expect(folder.read(shard) == original)
    }

    @Test("a memo saved with the pages it holds is left as it was; a changed key writes it again")
    func unchangedMemoIsNotRewritten() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/a.html", "a")
        let site = folder.url.appendingPathComponent("site").path
        let cache = folder.url.appendingPathComponent("cache")
        PageMemo(folder: cache, output: site, fingerprint: "f").save([("a.html", 1)])
        let memo = PageMemo(folder: cache, output: site, fingerprint: "f")
        let file = try #require(memo.file)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: file.path)
        let before = try #require(PageMemo.FileIdentity(path: file.path))
        memo.save([("a.html", 1)])
        // An atomic write would have made a new inode with a new time.
        #expect(PageMemo.FileIdentity(path: file.path) == before)
        memo.save([("a.html", 2)])
        #expect(PageMemo(folder: cache, output: site, fingerprint: "f").records["a.html"]?.key == 2)
    }

    @Test("pages whose files were looked at all at once are current as when looked at one by one")
    func filesCheckedAtOnce() throws {
        let folder = try TemporaryFolder()
        for name in ["a", "b", "c"] { try folder.write("site/\(name).html", name) }
        let site = folder.url.appendingPathComponent("site").path
        let cache = folder.url.appendingPathComponent("cache")
        PageMemo(folder: cache, output: site, fingerprint: "f").save([("a.html", 1), ("b.html", 2), ("c.html", 3)])
        try folder.write("site/b.html", "changed by hand")
        try FileManager.default.removeItem(atPath: site + "/c.html")
        let oneByOne = PageMemo(folder: cache, output: site, fingerprint: "f")
        var atOnce = oneByOne
        atOnce.checkFiles()
        #expect(atOnce.intact == ["a.html"])
        for (path, key) in [("a.html", UInt64(1)), ("a.html", 9), ("b.html", 2), ("c.html", 3), ("d.html", 4)] {
            #expect(atOnce.isCurrent(path, key: key) == oneByOne.isCurrent(path, key: key), "\(path)")
        }
        #expect(atOnce.isCurrent("a.html", key: 1))
    }

    @Test("a memo made under another fingerprint, or damaged, keeps nothing")
    func foreignMemoIsEmpty() {
        let line = "1f 10 5 7 articles/a.html\n"
        #expect(PageMemo.parse("\(PageMemo.header) abc\n" + line, fingerprint: "abc").count == 1)
        #expect(PageMemo.parse("\(PageMemo.header) abc\n" + line, fingerprint: "abd").isEmpty)
        #expect(PageMemo.parse("\(PageMemo.header) abc\nzz 10 5 7 articles/a.html\n", fingerprint: "abc").isEmpty)
        #expect(PageMemo.parse("", fingerprint: "abc").isEmpty)
    }

    @Test("a memo's records read back as written: paths with spaces, times before 1970, every field in range")
    func memoRecordsReadBack() {
        let text = "\(PageMemo.header) abc\nffffffffffffffff 0 -1500000000 18446744073709551615 a b/c d.html\n1f 10 5 7 x.html\n"
        let records = PageMemo.parse(text, fingerprint: "abc")
        #expect(records.count == 2)
        #expect(records["a b/c d.html"] == PageMemo.Record(key: .max, file: .init(size: 0, modified: -1_500_000_000, inode: .max)))
        #expect(records["x.html"] == PageMemo.Record(key: 0x1f, file: .init(size: 10, modified: 5, inode: 7)))
        #expect(PageMemo.parse("\(PageMemo.header) abc\n1f 10 5 7 x.html", fingerprint: "abc").count == 1)
        #expect(PageMemo.parse("\(PageMemo.header) abc\n1f 10 5 x.html\n", fingerprint: "abc").isEmpty)
        #expect(PageMemo.parse("\(PageMemo.header) abc\n1f 10 5 7 \n", fingerprint: "abc").isEmpty)
        #expect(PageMemo.parse("\(PageMemo.header) abc\n1ffffffffffffffff 10 5 7 x.html\n", fingerprint: "abc").isEmpty)
    }

    @Test("a memo's numbers are written as `String(_:radix:)` writes them")
    func numbersAsStringsWriteThem() {
        for value: UInt64 in [0, 1, 9, 10, 15, 16, 255, 1_000_000_007, .max] {
            for radix: UInt64 in [10, 16] {
                var text: [UInt8] = Array("x ".utf8)
                PageMemo.append(value, radix: radix, to: &text)
                #expect(String(decoding: text, as: UTF8.self) == "x " + String(value, radix: Int(radix)))
            }
        }
        for value: Int64 in [0, -1, 42, -1_500_000_000, .min, .max] {
            var text: [UInt8] = []
            PageMemo.append(value, to: &text)
            #expect(String(decoding: text, as: UTF8.self) == String(value))
        }
    }

    @Test("a page's file looked up by name in its opened folder is the file its whole path names, and nothing where none is")
    func filesThroughOpenedFolders() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/index.html", "i")
        try folder.write("site/articles/a.html", "a")
        try folder.write("site/deep/er/b.html", "b")
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("site/articles/folder.html"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.url.path + "/site/articles/link.html", withDestinationPath: "a.html")
        let site = folder.url.appendingPathComponent("site").path
        let paths = ["index.html", "articles/a.html", "deep/er/b.html", "articles/folder.html", "articles/link.html",
                     "articles/missing.html", "missing/x.html"]
        let folders = OutputFolders(site, holding: paths)
        defer { folders.closeAll() }
        for path in paths {
            #expect(folders.identity(of: path) == PageMemo.FileIdentity(path: site + "/" + path), "\(path)")
        }
        #expect(folders.identity(of: "articles/a.html") != nil)
        #expect(folders.identity(of: "articles/link.html") == nil)
        #expect(folders.identity(of: "not/opened.html") == nil)
    }

    @Test("a memo written in parts on every core reads back whole: every page, each with its own key and file")
    func memoInPartsReadsBack() throws {
        let folder = try TemporaryFolder()
        let paths = (0..<2100).map { "p/\($0).html" } + ["index.html"]
        for path in paths { try folder.write("site/" + path, path) }
        let site = folder.url.appendingPathComponent("site").path
        let cache = folder.url.appendingPathComponent("cache")
        PageMemo(folder: cache, output: site, fingerprint: "f").save(paths.enumerated().map { ($1, UInt64($0)) })
        let records = PageMemo(folder: cache, output: site, fingerprint: "f").records
        #expect(records.count == paths.count)
        for (i, path) in paths.enumerated() {
            #expect(records[path] == PageMemo.Record(key: UInt64(i), file: try #require(PageMemo.FileIdentity(path: site + "/" + path))))
        }
    }
}
