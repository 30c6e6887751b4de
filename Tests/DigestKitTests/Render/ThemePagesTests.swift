import Foundation
import Testing
@testable import DigestKit

/// The default theme over a small digest made by hand: what each page type shows.
@Suite("Default theme pages")
struct ThemePagesTests {
    static func article(_ slug: String, _ date: (Int, Int, Int)?, countries: [String], topics: [String] = [],
                        blocks: [Block] = [.paragraph("نص الخبر.")]) -> AnalyzedArticle {
        var article = Article(path: slug + ".txt", slug: slug, title: "خبر \(slug)", blocks: blocks)
        article.published = date.flatMap { ArticleDate(year: $0.0, month: $0.1, day: $0.2) }
        return AnalyzedArticle(article: article, countries: CountryTags(primary: countries), topics: topics,
                               topicEvidence: [:], summary: ["جملة الملخص."])
    }

    static let articles = [
        article("a", (2024, 4, 23), countries: ["KR", "KZ"], topics: ["energy"],
                blocks: [.heading("عنوان فرعي"), .paragraph("قال الوزير."), .quote("We signed today.", language: "en")]),
        article("b", (2024, 4, 2), countries: ["KR", "KZ"], topics: ["energy", "health"]),
        article("c", (2022, 6, 8), countries: ["JP", "KZ"], topics: ["health"]),
        article("d", nil, countries: ["KZ"]),
    ]

    /// The pages of the digest, by path.
    static func pages(pageSize: Int = 50, arabicDigits: Bool = false, baseURL: String? = nil,
                      articles: [AnalyzedArticle] = articles) throws -> [String: String] {
        var config = SiteConfig()
        config.pageSize = pageSize
        config.arabicIndicDigits = arabicDigits
        config.baseURL = baseURL
        let digest = Digest(articles: articles, config: config, gazetteer: DigestFixtures.gazetteer,
                            taxonomy: DigestFixtures.taxonomy, commentary: SiteCommentary())
        let templates = try TemplateSet(folder: BuiltInResources.themeFolder, displayFolder: "(default theme)")
        let renderer = SiteRenderer(digest: digest, templates: templates, dates: try Build.dateDisplay(config))
        var byPath: [String: String] = [:]
        for page in try renderer.pages() { byPath[page.path] = String(decoding: page.bytes, as: UTF8.self) }
        return byPath
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    @Test("writes every page type: front, article, country, topic, relation, month, archive, 404")
    func everyPageType() throws {
        let pages = try Self.pages()
        for path in ["index.html", "articles/a.html", "articles/d.html", "countries/kz.html", "topics/energy.html",
                     "relations/kr-kz.html", "archive/2024-04.html", "archive/index.html", "404.html"] {
            #expect(pages[path] != nil, "no \(path)")
        }
    }

    @Test("every date on every page is in a <time datetime>, and an undated article says so")
    func everyDateIsATime() throws {
        let pages = try Self.pages()
        var dated = 0
        for (path, html) in pages {
            for date in Self.matches(#"<p class="date[^"]*">.*?</p>"#, in: html) {
                if date.contains("undated") {
                    #expect(date.contains("غير مؤرَّخ") && !date.contains("<time"), "\(path): \(date)")
                } else {
                    #expect(date.contains("<time datetime=\""), "\(path): \(date)")
                    dated += 1
                }
            }
        }
        #expect(dated > 10)
        let a = try #require(pages["articles/a.html"])
        #expect(a.contains("<time datetime=\"2024-04-23\">23 أبريل 2024</time>"))
        #expect(a.contains("<time datetime=\"2024-04-23\">14 شوال 1445 هـ</time>"))
        #expect(try #require(pages["articles/d.html"]).contains("<p class=\"date undated\">غير مؤرَّخ</p>"))
    }

    @Test("with `digits: arabic`, dates and counts are written in Arabic-Indic digits, datetime stays ISO")
    func arabicDigits() throws {
        let pages = try Self.pages(arabicDigits: true)
        let a = try #require(pages["articles/a.html"])
        #expect(a.contains("<time datetime=\"2024-04-23\">٢٣ أبريل ٢٠٢٤</time>"))
        let kz = try #require(pages["countries/kz.html"])
        #expect(kz.contains("عدد الأخبار: ٤"))
        #expect(!kz.contains("عدد الأخبار: 4"))
    }

    @Test("the front page draws the relation graph as inline SVG with links, beside the list of relations")
    func frontPageGraph() throws {
        let index = try #require(try Self.pages()["index.html"])
        let svg = try #require(Self.matches("<svg class=\"relation-graph\".*?</svg>", in: index).first)
        #expect(svg.contains("<a href=\"relations/kr-kz.html\""))
        #expect(svg.contains("<a href=\"relations/jp-kz.html\""))
        for code in ["kz", "kr", "jp"] { #expect(svg.contains("<a href=\"countries/\(code).html\"")) }
        let list = try #require(Self.matches("<ul class=\"chips relation-list\">.*?</ul>", in: index).first)
        #expect(list.contains("relations/kr-kz.html") && list.contains("relations/jp-kz.html"))
        #expect(!index.contains("<script"))
    }

    @Test("an article shows its headings, and a foreign quote marked with its language and direction")
    func articleBody() throws {
        let a = try #require(try Self.pages()["articles/a.html"])
        #expect(a.contains("<h2>عنوان فرعي</h2>"))
        #expect(a.contains("<blockquote lang=\"en\" dir=\"ltr\"><p>We signed today.</p></blockquote>"))
        #expect(a.contains("href=\"../countries/kz.html\"") && a.contains("href=\"../topics/energy.html\""))
    }

    @Test("a country page lists its partners with counts linking to relation pages, and a timeline by month")
    func countryPage() throws {
        let kz = try #require(try Self.pages()["countries/kz.html"])
        #expect(kz.contains("<a href=\"../relations/kr-kz.html\">كوريا الجنوبية وكازاخستان <span class=\"count\">2</span></a>")
                || kz.contains("<a href=\"../relations/kr-kz.html\">كازاخستان وكوريا الجنوبية <span class=\"count\">2</span></a>"))
        #expect(kz.contains("<a href=\"../relations/jp-kz.html\">"))
        let timeline = try #require(Self.matches("<ol class=\"timeline\">.*?</ol>", in: kz).first)
        let months = Self.matches(#"datetime="\d{4}-\d{2}""#, in: timeline)
        #expect(months == ["datetime=\"2024-04\"", "datetime=\"2022-06\""])
        #expect(timeline.contains("share-100") && timeline.contains("share-50"))
        #expect(kz.contains("وبلا تاريخ: 1"))
        // Newest first, the undated last.
        let order = ["articles/a.html", "articles/b.html", "articles/c.html", "articles/d.html"]
            .compactMap { kz.range(of: "../" + $0)?.lowerBound }
        #expect(order.count == 4 && order == order.sorted())
    }

    @Test("a relation page names both countries and shows its topics month by month")
    func relationPage() throws {
        let page = try #require(try Self.pages()["relations/kr-kz.html"])
        #expect(page.contains("href=\"../countries/kr.html\"") && page.contains("href=\"../countries/kz.html\""))
        let table = try #require(Self.matches("<table class=\"over-time\">.*?</table>", in: page).first)
        #expect(table.contains("<time datetime=\"2024-04\">أبريل 2024</time>"))
        #expect(table.contains("<a class=\"tag topic\" href=\"../topics/energy.html\">الطاقة <span class=\"count\">2</span></a>"))
        #expect(table.contains("<a class=\"tag topic\" href=\"../topics/health.html\">الصحة <span class=\"count\">1</span></a>"))
    }

    @Test("long lists are split into pages with numbered links, the current one marked")
    func pagination() throws {
        let pages = try Self.pages(pageSize: 3)
        let first = try #require(pages["countries/kz.html"])
        let second = try #require(pages["countries/kz-2.html"])
        #expect(pages["countries/kz-3.html"] == nil)
        #expect(first.contains("<a href=\"kz.html\" aria-current=\"page\">1</a>"))
        #expect(first.contains("<a href=\"kz-2.html\">2</a>") && first.contains("<a href=\"kz-2.html\" rel=\"next\">"))
        #expect(second.contains("<a href=\"kz-2.html\" aria-current=\"page\">2</a>") && second.contains("rel=\"prev\""))
        #expect(Self.matches("class=\"article-item\"", in: first).count == 3)
        #expect(Self.matches("class=\"article-item\"", in: second).count == 1)
        #expect(try Self.pages()["countries/kz.html"].map { !$0.contains("class=\"pagination\"") } == true)
    }

    @Test("a long list links its first and last page and the pages near the current one, with a gap between")
    func paginationWindow() throws {
        #expect(SiteRenderer.pagesShown(count: 1, current: 1) == [1])
        #expect(SiteRenderer.pagesShown(count: 5, current: 3) == [1, 2, 3, 4, 5])
        #expect(SiteRenderer.pagesShown(count: 400, current: 1) == [1, 2, 3, 400])
        #expect(SiteRenderer.pagesShown(count: 400, current: 200) == [1, 198, 199, 200, 201, 202, 400])
        #expect(SiteRenderer.pagesShown(count: 400, current: 400) == [1, 398, 399, 400])
        // Nine articles on Kazakhstan, one a page.
        let many = (1...9).map { Self.article("k\($0)", (2024, 1, $0), countries: ["KZ"]) }
        let pages = try Self.pages(pageSize: 1, articles: many)
        let first = try #require(pages["countries/kz.html"])
        #expect(pages["countries/kz-9.html"] != nil)
        #expect(first.contains("<a href=\"kz-3.html\">") && first.contains("<a href=\"kz-9.html\">"))
        #expect(!first.contains("<a href=\"kz-4.html\">"))
        #expect(first.contains("<span class=\"gap\">…</span>"))
    }

    @Test("a list longer than one job's pages has each page once, the overview on the first only")
    func listSplitOverJobs() throws {
        let count = SiteRenderer.listPagesPerJob * 2 + 3
        let many = (1...count).map { Self.article("k\($0)", (2024, 1, 1 + $0 % 28), countries: ["KZ"], topics: ["energy"]) }
        let pages = try Self.pages(pageSize: 1, articles: many)
        let country = pages.keys.filter { $0.hasPrefix("countries/kz") }
        #expect(country.count == count)
        let paths = ["countries/kz.html"] + (2...count).map { "countries/kz-\($0).html" }
        #expect(Set(paths) == Set(country))
        let listed = paths.compactMap { pages[$0] }.flatMap { Self.matches("articles/k[0-9]+\\.html", in: $0) }
        #expect(Set(listed).count == count)
        let first = try #require(pages["countries/kz.html"])
        #expect(first.contains("id=\"country-topics\""))
        // Pages of the first job and of later jobs alike open on the list.
        for path in paths.dropFirst() { #expect(pages[path].map { !$0.contains("id=\"country-topics\"") } == true, "\(path)") }
    }

    @Test("the archive groups months by year and counts the undated articles it cannot place")
    func archive() throws {
        let page = try #require(try Self.pages()["archive/index.html"])
        #expect(page.contains("<h2 id=\"year-2024\">2024</h2>") && page.contains("<h2 id=\"year-2022\">2022</h2>"))
        #expect(page.contains("<a href=\"2024-04.html\"><time datetime=\"2024-04\">أبريل 2024</time></a>"))
        #expect(page.contains("1 من الأخبار بلا تاريخ"))
    }

    @Test("the 404 page names the site's base URL as its base only when digest.yml gives one")
    func notFound() throws {
        #expect(try Self.pages(baseURL: "https://example.org/digest/")["404.html"]?.contains("<base href=\"https://example.org/digest/\">") == true)
        #expect(try Self.pages()["404.html"]?.contains("<base ") == false)
    }
}

/// The default stylesheet: right-to-left by construction and self-contained.
@Suite("Default stylesheet")
struct DefaultStylesheetTests {
    static func stylesheets() throws -> [(String, String)] {
        let assets = BuiltInResources.themeFolder.appendingPathComponent("assets")
        return try FileManager.default.contentsOfDirectory(atPath: assets.path).filter { $0.hasSuffix(".css") }.sorted().map {
            ($0, try String(contentsOf: assets.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test("uses logical properties only: no left, right, top, bottom, width or height")
    func logicalPropertiesOnly() throws {
        let physical = #"(?<![\w-])(margin|padding|border|inset)-(left|right|top|bottom)\b|(?<![\w-])(left|right|top|bottom|width|height|min-width|max-width|min-height|max-height)\s*:|float\s*:\s*(left|right)|text-align\s*:\s*(left|right)|clear\s*:\s*(left|right)"#
        let sheets = try Self.stylesheets()
        #expect(!sheets.isEmpty)
        for (name, css) in sheets {
            // Media queries test the viewport's width, which is not a property.
            let rules = css.replacingOccurrences(of: #"\((min|max)-width:[^)]*\)"#, with: "", options: .regularExpression)
            #expect(ThemePagesTests.matches(physical, in: rules).isEmpty, "\(name): \(ThemePagesTests.matches(physical, in: rules))")
        }
    }

    @Test("makes no external request, and has dark colours, a print stylesheet and a visible focus")
    func selfContained() throws {
        let css = try #require(try Self.stylesheets().first { $0.0 == "style.css" }?.1)
        #expect(!css.contains("http:") && !css.contains("https:") && !css.contains("@import") && !css.contains("@font-face"))
        #expect(css.contains("@media (prefers-color-scheme: dark)"))
        #expect(css.contains("@media print"))
        #expect(css.contains(":focus-visible { outline: 3px"))
        #expect(css.contains("\"Noto Naskh Arabic\", \"Noto Kufi Arabic\", \"Geeza Pro\", \"Segoe UI\", Tahoma"))
    }
}
