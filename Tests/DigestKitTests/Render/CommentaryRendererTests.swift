import Testing
@testable import DigestKit

@Suite("Commentary renderer")
struct CommentaryRendererTests {
    let renderer = CommentaryRenderer(digest: DigestFixtures.digest(DigestFixtures.standard))

    func html(_ markdown: String, on page: String) throws -> String {
        try renderer.html(Commentary(markdown: markdown, file: "commentary/index.md"), on: page)
    }

    @Test("a link to an article by its file name goes to that article's page, relative to the page it is on")
    func rewritesArticleLinks() throws {
        let markdown = "[الخبر](000_a.txt)"
        #expect(try html(markdown, on: SitePaths.index).contains("<a href=\"articles/000_a.html\">الخبر</a>"))
        #expect(try html(markdown, on: SitePaths.article("001_b")).contains("<a href=\"000_a.html\">الخبر</a>"))
        #expect(try html(markdown, on: SitePaths.country("KZ", page: 2)).contains("<a href=\"../articles/000_a.html\">الخبر</a>"))
    }

    @Test("accepts the .md name, a path to the file and a fragment, and follows an article's own slug")
    func namesOfAnArticle() throws {
        let out = try html("""
        [أ](000_a.md) [ب](./000_a.txt) [ج](../../000_a.txt#summary) [د](001_b.txt)
        """, on: SitePaths.relation("kr-kz"))
        #expect(out.contains("<a href=\"../articles/000_a.html\">أ</a>"))
        #expect(out.contains("<a href=\"../articles/000_a.html\">ب</a>"))
        #expect(out.contains("<a href=\"../articles/000_a.html#summary\">ج</a>"))
        #expect(out.contains("<a href=\"../articles/japan-deal.html\">د</a>"), "001_b.txt is published as japan-deal")
    }

    @Test("rewrites article links inside headings and reference-style links too")
    func headingAndReferenceLinks() throws {
        let out = try html("## انظر [الخبر](000_a.txt)\n\nو[الاتفاق الياباني][ja].\n\n[ja]: 001_b.txt\n", on: SitePaths.index)
        #expect(out.contains("<h3 id=\"انظر-الخبر\">انظر <a href=\"articles/000_a.html\">الخبر</a></h3>"))
        #expect(out.contains("<a href=\"articles/japan-deal.html\">الاتفاق الياباني</a>"))
        let broken = Commentary(markdown: "نص\n\n[أ][r]\n\n[r]: 404.txt\n", file: "x.md")
        #expect(renderer.problems(in: broken, on: SitePaths.index).map(\.line) == [3], "reported where the link is used")
    }

    @Test("leaves links to other sites, mail and anchors as they are")
    func leavesOtherLinks() throws {
        let out = try html("[أ](https://example.org/a.txt) [ب](mailto:desk@example.org) [ج](#الخلفية) [د](notes.html)", on: SitePaths.index)
        #expect(out.contains("href=\"https://example.org/a.txt\""))
        #expect(out.contains("href=\"mailto:desk@example.org\""))
        #expect(out.contains("href=\"#%D8%A7%D9%84%D8%AE%D9%84%D9%81%D9%8A%D8%A9\""))
        #expect(out.contains("href=\"notes.html\""))
    }

    @Test("a link to an article the digest does not have is an error at the link's file, line and column")
    func missingArticleIsAnError() throws {
        // The body starts on line 4 of its file, after three lines of front matter.
        let commentary = Commentary(markdown: "فقرة أولى.\n\nفقرة فيها [رابط مكسور](999_missing.txt) هنا.\n",
                                    file: "commentary/countries/kz.md", firstLine: 4)
        do {
            _ = try renderer.html(commentary, on: SitePaths.country("KZ"))
            Issue.record("no error for a link to a missing article")
        } catch {
            #expect(error.file == "commentary/countries/kz.md")
            #expect(error.line == 6)
            #expect(error.column == 11)
            #expect(error.severity == .error)
            #expect(error.message.contains("999_missing.txt"))
        }
    }

    @Test("a link that spans lines is reported at the line it starts on")
    func multiLineLink() {
        let commentary = Commentary(markdown: "سطر أول\nثم [رابط\nطويل](nope.md) بعده\n", file: "x.md")
        let problems = renderer.problems(in: commentary, on: SitePaths.index)
        #expect(problems.map(\.line) == [2])
        #expect(problems.map(\.column) == [4])
    }

    @Test("reports every broken article link, in a list or a quote too")
    func everyProblem() {
        let commentary = Commentary(markdown: "- [أ](a.txt)\n- [ب](000_a.txt)\n\n> [ج](c.md)\n", file: "x.md")
        #expect(renderer.problems(in: commentary, on: SitePaths.index).map(\.line) == [1, 4])
    }
}
