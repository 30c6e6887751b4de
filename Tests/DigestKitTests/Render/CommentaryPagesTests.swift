import Foundation
import Testing
@testable import DigestKit

/// Commentary through the whole pipeline, templates included, into built pages.
@Suite("Commentary pages")
struct CommentaryPagesTests {
    static let article = "وقعت كوريا الجنوبية وكازاخستان اتفاقا للتعاون في مجال الطاقة والمعادن.\n\nوقال الوزير إن الاتفاق يفتح الباب أمام الاستثمار."

    func build(_ files: [String: String], config: String? = nil) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for (path, text) in files { try folder.write("seeds/" + path, text) }
        if let config { try folder.write("digest.yml", config) }
        _ = try Build.run(BuildOptions(siteFolder: folder.url))
        return folder
    }

    static let attack = """
    ## رأي التحرير

    <script>alert('digest-xss')</script>

    فقرة <img src=x onerror="alert('digest-xss')"> و[رابط](javascript:alert('digest-xss')).

    راجع [الخبر الثاني](002_b.txt) للمقارنة.
    """

    @Test("commentary on the front page and on an article reaches them, links rewritten, active content dropped")
    func safeCommentaryOnPages() throws {
        let folder = try build([
            "001_a.txt": "اتفاق أول\n\n" + Self.article,
            "002_b.txt": "اتفاق ثان\n\n" + Self.article,
            "001_a.md": Self.attack,
            "commentary/index.md": "---\ntitle: كلمة\nauthor: هيئة التحرير\n---\n" + Self.attack,
        ])
        let index = try #require(folder.read("site/index.html"))
        let page = try #require(folder.read("site/articles/001_a.html"))
        #expect(index.contains("<h3 id=\"رأي-التحرير\">رأي التحرير</h3>"), "one level under the aside's heading")
        #expect(index.contains("<h2>كلمة</h2>"), "the commentary's title heads its aside")
        #expect(index.contains("— هيئة التحرير</p>"), "its author signs it")
        #expect(page.contains("<h2>تعليق المحرر</h2>"), "without a title the default heading stays")
        #expect(index.contains("<a href=\"articles/002_b.html\">الخبر الثاني</a>"))
        #expect(page.contains("<a href=\"002_b.html\">الخبر الثاني</a>"))
        for html in [index, page] {
            #expect(!html.contains("digest-xss"))
            #expect(!html.contains("onerror"))
            #expect(!html.contains("href=\"javascript"))
        }
    }

    @Test("with markdown.unsafe, trusted raw HTML reaches the page")
    func unsafeCommentary() throws {
        let folder = try build([
            "001_a.txt": "اتفاق أول\n\n" + Self.article,
            "commentary/index.md": "<figure class=\"editors-map\">خريطة</figure>\n",
        ], config: "markdown:\n  unsafe: true\n")
        #expect(folder.read("site/index.html")?.contains("<figure class=\"editors-map\">خريطة</figure>") == true)
    }

    @Test("a broken article link stops the build with the commentary file and line")
    func brokenLinkStopsTheBuild() throws {
        do {
            _ = try build([
                "001_a.txt": "اتفاق أول\n\n" + Self.article,
                "commentary/index.md": "---\ntitle: كلمة\n---\nنص.\n\n[خبر](404_none.md)\n",
            ])
            Issue.record("the build went on")
        } catch let failure as BuildFailure {
            let problem = failure.diagnostics.first { $0.severity == .error }
            #expect(problem?.file?.hasSuffix("seeds/commentary/index.md") == true)
            #expect(problem?.line == 6)
        }
    }
}
