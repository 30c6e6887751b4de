import Foundation
import Testing
@testable import DigestKit

@Suite("JSON-LD")
struct StructuredDataTests {
    static func scripts(in html: String) -> [String] {
        let pattern = try? NSRegularExpression(pattern: #"<script type="application/ld\+json">(.*?)</script>"#, options: [.dotMatchesLineSeparators])
        return pattern?.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        } ?? []
    }

    @Test("every article page describes itself as a schema.org NewsArticle in Arabic")
    func everyArticleHasNewsArticle() throws {
        let (folder, _) = try DiscoveryFixtures.build(baseURL: DiscoveryFixtures.base)
        let articles = SiteFiles.htmlPages(in: folder.url.appendingPathComponent("site")).filter { $0.hasPrefix("articles/") }
        #expect(articles.count >= 5)
        for page in articles {
            let html = try #require(folder.read("site/" + page))
            let scripts = Self.scripts(in: html)
            #expect(scripts.count == 1, "\(page) has \(scripts.count) JSON-LD scripts")
            let object = try #require(try JSONSerialization.jsonObject(with: Data((scripts.first ?? "").utf8)) as? [String: Any])
            #expect(object["@context"] as? String == "https://schema.org")
            #expect(object["@type"] as? String == "NewsArticle")
            #expect(object["inLanguage"] as? String == "ar")
            #expect((object["headline"] as? String)?.isEmpty == false)
            #expect((object["publisher"] as? [String: Any])?["@type"] as? String == "Organization")
            #expect(object["url"] as? String == DiscoveryFixtures.base + page)
            if let about = object["about"] as? [[String: Any]] {
                #expect(about.allSatisfy { $0["@type"] as? String == "Country" && ($0["identifier"] as? String)?.count == 2 })
            }
            let title = html.range(of: "<h1>").map { html[$0.upperBound...].prefix { $0 != "<" } }.map(String.init)
            #expect(object["headline"] as? String == title.map { NewsArticleData.shortened(Self.unescape($0)) }, "\(page)")
        }
    }

    static func unescape(_ html: String) -> String {
        html.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test("carries dates, source, original URL and the primary countries")
    func fields() throws {
        var digest = DiscoveryFixtures.digest(count: 1)
        digest.articles[0].article.updated = ArticleDate(year: 2024, month: 2, day: 3, hour: 10)
        digest.articles[0].article.url = "https://news.example/1"
        let json = NewsArticleData(digest.articles[0], digest: digest).scriptJSON()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["datePublished"] as? String == "2024-01-01T09:00:00")
        #expect(object["dateModified"] as? String == "2024-02-03T10:00:00")
        #expect((object["sourceOrganization"] as? [String: Any])?["name"] as? String == "المصدر 0")
        #expect(object["isBasedOn"] as? String == "https://news.example/1")
        #expect((object["about"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["كازاخستان", "اليابان"])
        #expect(object["url"] == nil, "no URL without a base URL")
    }

    @Test("a title with </script> or <!-- cannot end the script early, and still reads back the same")
    func escapesScriptEnd() throws {
        var digest = DiscoveryFixtures.digest(count: 1)
        let title = "خبر </script><script>alert(1)</script> <!-- &"
        digest.articles[0].article.title = title
        let json = NewsArticleData(digest.articles[0], digest: digest).scriptJSON()
        #expect(!json.contains("<") && !json.contains(">"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["headline"] as? String == title)
    }

    @Test("cuts a headline past 110 characters at a word")
    func shortensHeadlines() {
        let long = Array(repeating: "كلمة", count: 40).joined(separator: " ")
        let short = NewsArticleData.shortened(long)
        #expect(short.count <= NewsArticleData.headlineLimit && short.hasSuffix("كلمة…"))
        #expect(NewsArticleData.shortened("عنوان قصير") == "عنوان قصير")
    }

    @Test("writes what JSONEncoder writes with sorted keys, with <, > and & as escapes", arguments: [false, true])
    func sameAsJSONEncoder(withBaseURL: Bool) throws {
        var digest = DiscoveryFixtures.digest(count: 2, baseURL: withBaseURL ? DiscoveryFixtures.base : nil)
        let controls = String(String.UnicodeScalarView((UInt8(0)..<0x20).map(Unicode.Scalar.init)))
        digest.articles[0].article.title = "خبر \"مقتبس\" \\ / </script> & <!-- \u{2028}\u{7F} 😀 " + controls
        digest.articles[0].article.source = "Source/المصدر \t"
        digest.articles[0].article.url = "https://news.example/a?b=1&c=2"
        digest.articles[0].article.updated = ArticleDate(year: 2024, month: 2, day: 3, hour: 10)
        digest.articles[1].article.source = nil
        digest.articles[1].article.published = nil
        for analyzed in digest.articles {
            let data = NewsArticleData(analyzed, digest: digest)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let encoded = try #require(String(data: try encoder.encode(data), encoding: .utf8))
            let expected = encoded.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
                .replacingOccurrences(of: "&", with: "\\u0026")
            #expect(data.scriptJSON() == expected)
        }
    }
}
