import Foundation
import Testing
@testable import DigestKit

@Suite("Sitemap and base URL")
struct SitemapTests {
    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    @Test("lists every page but 404 and search under the base URL, and robots.txt points at it")
    func sitemapOfTheSeeds() throws {
        let (folder, report) = try DiscoveryFixtures.build(baseURL: DiscoveryFixtures.base)
        #expect(!report.warnings.contains { $0.message.contains("sitemap") })
        let sitemap = try #require(XMLElementNode.parse(folder.read("site/sitemap.xml") ?? ""))
        #expect(sitemap.name == "urlset" && sitemap.namespace == Self.namespace)
        let locations = sitemap.all("url").compactMap { $0.first("loc")?.text }
        let pages = SiteFiles.htmlPages(in: folder.url.appendingPathComponent("site")).filter { $0 != "404.html" && $0 != "search.html" }
        #expect(locations == pages.map { DiscoveryFixtures.base + $0 })
        let lastmods = sitemap.all("url").compactMap { $0.first("lastmod")?.text }
        #expect(!lastmods.isEmpty && lastmods.allSatisfy { $0.count == 10 && $0.hasPrefix("20") })
        #expect(folder.read("site/robots.txt")?.contains("Sitemap: \(DiscoveryFixtures.base)sitemap.xml\n") == true)
    }

    @Test("splits into a sitemap index past the URLs one sitemap may hold")
    func splitsIntoAnIndex() throws {
        let urls = SiteURLs(base: DiscoveryFixtures.base)
        let entries = (1...7).map { (path: "articles/a\($0).html", modified: ArticleDate(year: 2024, month: 1, day: $0)) }
        let files = Sitemap(urls: urls, entries: entries, urlsPerFile: 3).files()
        #expect(files.map(\.path) == ["sitemap.xml", "sitemaps/sitemap-1.xml", "sitemaps/sitemap-2.xml", "sitemaps/sitemap-3.xml", "robots.txt"])
        let index = try #require(XMLElementNode.parse(String(decoding: files[0].bytes, as: UTF8.self)))
        #expect(index.name == "sitemapindex" && index.namespace == Self.namespace)
        #expect(index.all("sitemap").compactMap { $0.first("loc")?.text } == (1...3).map { urls.absolute("sitemaps/sitemap-\($0).xml") })
        let counts = files[1...3].compactMap { XMLElementNode.parse(String(decoding: $0.bytes, as: UTF8.self))?.all("url").count }
        #expect(counts == [3, 3, 1])
        #expect(Sitemap.urlsPerFile == 50_000)
    }

    @Test("percent-encodes Arabic slugs in absolute URLs")
    func encodesArabicPaths() {
        #expect(SiteURLs(base: "https://example.org/d").absolute("articles/خبر-1.html")
                == "https://example.org/d/articles/%D8%AE%D8%A8%D8%B1-1.html")
    }

    @Test("gives pages a canonical link and OpenGraph URL only when the base URL is known")
    func canonicalLinks() throws {
        let (withBase, _) = try DiscoveryFixtures.build(baseURL: DiscoveryFixtures.base)
        let index = try #require(withBase.read("site/countries/kz.html"))
        #expect(index.contains(#"<link rel="canonical" href="https://example.org/digest/countries/kz.html">"#))
        #expect(index.contains(#"<meta property="og:url" content="https://example.org/digest/countries/kz.html">"#))
        #expect(index.contains(#"<meta property="og:title" content="كازاخستان">"#))
        #expect(index.contains(#"<meta name="twitter:card" content="summary">"#))
        let (without, _) = try DiscoveryFixtures.build(baseURL: nil)
        let plain = try #require(without.read("site/countries/kz.html"))
        #expect(!plain.contains("rel=\"canonical\"") && !plain.contains("og:url"))
        #expect(plain.contains(#"<meta property="og:title" content="كازاخستان">"#))
    }

    @Test("refuses a base URL that is not an absolute http(s) URL, naming where it came from", arguments: [
        "example.org", "/digest/", "ftp://example.org/", "https://", "https://example.org/?x=1",
    ])
    func rejectsBadBaseURLs(_ value: String) {
        #expect(throws: Diagnostic.self) { try SiteConfig.checkedBaseURL(value, file: "digest.yml") }
        #expect((try? SiteConfig.parse("base_url: \"\(value)\"\n", file: "digest.yml")) == nil)
    }

    @Test("reads base_url from digest.yml and ends it with a slash")
    func readsBaseURL() throws {
        let (config, _) = try SiteConfig.parse("base_url: https://example.org/digest\n", file: "digest.yml")
        #expect(config.baseURL == "https://example.org/digest/")
    }
}
