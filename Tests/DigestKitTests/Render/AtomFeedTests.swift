import Foundation
import Testing
@testable import DigestKit

@Suite("Atom feeds")
struct AtomFeedTests {
    static let atom = "http://www.w3.org/2005/Atom"

    @Test("the whole digest and every country, topic and relation have a well-formed Atom feed in Arabic")
    func everyCollectionHasAFeed() throws {
        let (folder, _) = try DiscoveryFixtures.build(baseURL: nil)
        let site = folder.url.appendingPathComponent("site")
        let feeds = (FileManager.default.enumerator(atPath: site.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".xml") }.sorted()
        let countries = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("countries").path)
        #expect(feeds.contains("feed.xml"))
        for page in countries where page.hasSuffix(".html") && !page.contains("-") {
            #expect(feeds.contains("countries/" + page.replacingOccurrences(of: ".html", with: ".xml")), "no feed for \(page)")
        }
        #expect(feeds.contains { $0.hasPrefix("topics/") } && feeds.contains { $0.hasPrefix("relations/") })
        for path in feeds {
            let text = try #require(folder.read("site/" + path))
            let feed = try #require(XMLElementNode.parse(text), "\(path) is not well-formed XML")
            #expect(feed.name == "feed" && feed.namespace == Self.atom, "\(path)")
            #expect(feed.attributes["xml:lang"] == "ar", "\(path) is not marked Arabic")
            for required in ["id", "title", "updated", "author"] {
                #expect(feed.first(required) != nil, "\(path) has no <\(required)>")
            }
            let entries = feed.all("entry")
            #expect(entries.count <= AtomFeed.limit)
            for entry in entries {
                for required in ["id", "title", "updated", "published", "summary", "content"] {
                    #expect(entry.first(required) != nil, "an entry of \(path) has no <\(required)>")
                }
                #expect(entry.all("link").contains { $0.attributes["rel"] == "alternate" })
            }
        }
    }

    @Test("without a base URL, links are relative to xml:base and resolve to pages of the site")
    func relativeLinksResolve() throws {
        let (folder, report) = try DiscoveryFixtures.build(baseURL: nil)
        #expect(report.warnings.contains { $0.message.contains("sitemap.xml") }, "no warning that the sitemap was skipped")
        #expect(folder.read("site/sitemap.xml") == nil)
        let site = folder.url.appendingPathComponent("site")
        for path in ["feed.xml", "countries/kz.xml"] {
            let feed = try #require(XMLElementNode.parse(folder.read("site/" + path) ?? ""))
            let base = try #require(feed.attributes["xml:base"])
            #expect(!base.contains(":"))
            let links = feed.all("link") + feed.all("entry").flatMap { $0.all("link") }
            #expect(links.count >= 3)
            for link in links {
                let href = try #require(link.attributes["href"])
                #expect(!href.contains(":") && !href.hasPrefix("/"))
                let target = site.appendingPathComponent(path).deletingLastPathComponent()
                    .appendingPathComponent(base).appendingPathComponent(href).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path), "\(path) links to \(href), not a file")
            }
            for id in feed.all("entry").compactMap({ $0.first("id")?.text }) + [feed.first("id")?.text ?? ""] {
                #expect(id.hasPrefix("urn:uuid:") && id.count == 45, "\(id) is not a UUID URN")
            }
        }
    }

    @Test("with a base URL, every link and id is absolute under it")
    func absoluteLinks() throws {
        let (folder, _) = try DiscoveryFixtures.build(baseURL: DiscoveryFixtures.base)
        let feed = try #require(XMLElementNode.parse(folder.read("site/countries/kz.xml") ?? ""))
        let links = feed.all("link") + feed.all("entry").flatMap { $0.all("link") }
        #expect(!links.isEmpty)
        for link in links { #expect(link.attributes["href"]?.hasPrefix(DiscoveryFixtures.base) == true) }
        #expect(feed.all("link").contains { $0.attributes["rel"] == "self" && $0.attributes["href"] == DiscoveryFixtures.base + "countries/kz.xml" })
        #expect(feed.first("id")?.text == DiscoveryFixtures.base + "countries/kz.html")
    }

    @Test("holds the latest 50 articles, newest first, with the summary as content")
    func latestFifty() throws {
        let digest = DiscoveryFixtures.digest(count: 120)
        let feed = AtomFeed(path: "countries/kz.xml", pagePath: "countries/kz.html", title: "كازاخستان", articles: digest.articles)
        let xml = try #require(XMLElementNode.parse(feed.xml(site: digest.config, gazetteer: digest.gazetteer, topicName: { $0 })))
        let entries = xml.all("entry")
        #expect(entries.count == 50)
        let published = entries.compactMap { $0.first("published")?.text }
        #expect(published == published.sorted(by: >))
        #expect(published.first == digest.articles[0].article.published?.rfc3339)
        #expect(xml.first("updated")?.text == published.first)
        #expect(entries[0].first("content")?.attributes["type"] == "html")
        #expect(entries[0].first("content")?.text.contains(digest.articles[0].summary[0]) == true)
        #expect(entries[0].first("author")?.first("name")?.text == digest.articles[0].article.source)
        #expect(entries[0].all("category").map { $0.attributes["term"] } == ["kz", "jp"])
    }

    @Test("escapes markup in titles and drops characters XML cannot hold")
    func escapes() throws {
        var digest = DiscoveryFixtures.digest(count: 1)
        digest.articles[0].article.title = "<b>عنوان</b> & \"اقتباس\" \u{1}"
        let feed = AtomFeed(path: "feed.xml", pagePath: "index.html", title: "الموجز", articles: digest.articles)
        let xml = try #require(XMLElementNode.parse(feed.xml(site: digest.config, gazetteer: digest.gazetteer, topicName: { $0 })))
        #expect(xml.first("entry")?.first("title")?.text == "<b>عنوان</b> & \"اقتباس\" ")
    }

    @Test("country, topic and relation pages link to their own feed and to the digest's")
    func pagesLinkToFeeds() throws {
        let (folder, _) = try DiscoveryFixtures.build(baseURL: nil)
        let country = try #require(folder.read("site/countries/kz.html"))
        #expect(country.contains(#"<link rel="alternate" type="application/atom+xml" title="كازاخستان" href="kz.xml">"#))
        #expect(country.contains(#"type="application/atom+xml" title="الموجز" href="../feed.xml""#))
        let index = try #require(folder.read("site/index.html"))
        #expect(index.contains(#"type="application/atom+xml" title="الموجز" href="feed.xml""#))
        let relations = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("site/relations").path)
        let relation = try #require(relations.first { $0.hasSuffix(".html") })
        #expect(folder.read("site/relations/" + relation)?.contains("href=\"\(relation.replacingOccurrences(of: ".html", with: ".xml"))\"") == true)
    }

    @Test("an article's entry reads the same in every feed it is in, so it is written once")
    func entriesAreShared() throws {
        let digest = DiscoveryFixtures.digest(count: 3)
        let all = AtomFeed(path: "feed.xml", pagePath: "index.html", title: "الموجز", articles: digest.articles)
        let one = AtomFeed(path: "countries/kz.xml", pagePath: "countries/kz.html", title: "كازاخستان", articles: [digest.articles[1]])
        let entry = AtomFeed.entry(digest.articles[1], site: digest.config, gazetteer: digest.gazetteer, topicName: { $0 })
        #expect(entry.hasPrefix("<entry>\n") && entry.hasSuffix("</entry>\n"))
        for feed in [all, one] {
            #expect(feed.xml(site: digest.config, gazetteer: digest.gazetteer, topicName: { $0 }).contains(entry))
        }
    }

    @Test("escapes for XML the text that needs it and returns the rest as it is")
    func xmlEscape() {
        #expect(XML.escape("نص عادي / plain") == "نص عادي / plain")
        #expect(XML.escape("a & b <c> \"d\" 'e'") == "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;")
        #expect(XML.escape("x\u{1}\u{B}y\tz\n\u{FFFE}\u{FFFF}\u{FFFD}\u{F8FF}") == "xy\tz\n\u{FFFD}\u{F8FF}")
    }

    @Test("writes RFC 3339 times with two digits each, as UTC")
    func rfc3339() throws {
        let date = try #require(ArticleDate(year: 2024, month: 4, day: 3, hour: 7))
        #expect(date.rfc3339 == "2024-04-03T07:00:00Z")
        #expect(ArticleDate.twoDigits(5) == "05" && ArticleDate.twoDigits(12) == "12" && ArticleDate.twoDigits(0) == "00")
    }
}
