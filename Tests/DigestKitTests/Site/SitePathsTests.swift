import Testing
@testable import DigestKit

/// Relative links between the site's pages, so the site works from disk and under any path.
@Suite("SitePaths")
struct SitePathsTests {
    @Test("a link goes up out of the folders the two paths do not share and down into the other's")
    func relativeLinks() {
        #expect(SitePaths.relative(from: "countries/kz.html", to: "countries/kz-2.html") == "kz-2.html")
        #expect(SitePaths.relative(from: "articles/a.html", to: "index.html") == "../index.html")
        #expect(SitePaths.relative(from: "index.html", to: "countries/kz.html") == "countries/kz.html")
        #expect(SitePaths.relative(from: "topics/energy.html", to: "countries/kz.html") == "../countries/kz.html")
        #expect(SitePaths.relative(from: "a/b/c.html", to: "a/d/e.html") == "../d/e.html")
        #expect(SitePaths.relative(from: "a/b/c.html", to: "a/b/c.html") == "c.html")
        // A folder named like the start of another is not shared.
        #expect(SitePaths.relative(from: "archive/x.html", to: "archives/y.html") == "../archives/y.html")
        #expect(SitePaths.relative(from: "محتوى/أ.html", to: "محتوى/ب.html") == "ب.html")
    }

    @Test("links made on the paths' bytes are those made by splitting them, odd paths included")
    func bytesAgreeWithSplitting() {
        // Seeded paths of one to four names, empty names among them (`a//b`, `/a`, `a/`).
        var numbers = SeededNumbers()
        func next(_ bound: Int) -> Int { numbers.next(bound) }
        let names = ["a", "b", "ab", "index.html", "kz-2.html", "أ", ""]
        func path() -> String { (0...next(4)).map { _ in names[next(names.count)] }.joined(separator: "/") }
        for _ in 0..<2_000 {
            let (from, to) = (path(), path())
            #expect(SitePaths.relative(from: from, to: to) == SitePaths.relativeBySplitting(from: from, to: to), "\(from) → \(to)")
        }
    }
}
