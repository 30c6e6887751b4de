import Testing
@testable import DigestKit

@Suite("Commentary files")
struct CommentaryFilesTests {
    func parse(_ files: [String: String]) throws -> Content {
        let parser = ContentParser(rules: try BuiltInResources.contentRules(config: SiteConfig()))
        return parser.parse(files.sorted { $0.key < $1.key }.map { ContentFile(path: $0.key, bytes: Array($0.value.utf8)) })
    }

    @Test("the body of NAME.md beside NAME.txt is commentary, with the line it starts on")
    func articleCommentary() throws {
        let content = try parse([
            "001_x.txt": "عنوان الخبر\n\nوقعت كوريا الجنوبية وكازاخستان اتفاقا للتعاون في مجال الطاقة.",
            "001_x.md": "---\nauthor: هيئة التحرير\n---\n## رأينا\n\nنص التعليق.\n",
        ])
        let article = try #require(content.articles.first)
        #expect(article.commentary?.markdown.contains("## رأينا") == true)
        #expect(article.commentary?.firstLine == 4)
        #expect(article.frontMatter.author == "هيئة التحرير")
        #expect(article.title == "عنوان الخبر", "front matter without a title keeps the extracted one")
    }

    @Test("commentary beside an article that was skipped is an error naming the commentary file")
    func commentaryOnASkippedArticle() throws {
        let content = try parse(["002_y.txt": "  \n", "002_y.md": "تعليق على خبر فارغ."])
        #expect(content.articles.isEmpty, "the commentary is not published as an article of its own")
        #expect(content.diagnostics.errors.map(\.file) == ["002_y.md"])
    }

    @Test("site commentary files land on their page's key")
    func siteCommentary() throws {
        let content = try parse([
            "commentary/index.md": "الواجهة",
            "commentary/countries/kz.md": "كازاخستان",
            "commentary/topics/energy.md": "الطاقة",
            "commentary/relations/KR-KZ.md": "العلاقة",
        ])
        #expect(content.commentary.index?.markdown == "الواجهة")
        #expect(content.commentary.countries["KZ"]?.file == "commentary/countries/kz.md")
        #expect(content.commentary.topics["energy"] != nil)
        #expect(content.commentary.relations["kr-kz"] != nil)
    }

    @Test("a commentary file with front matter and no text is left out with a warning")
    func emptyCommentary() throws {
        let content = try parse(["commentary/index.md": "---\ntitle: كلمة\n---\n\n"])
        #expect(content.commentary.index == nil)
        #expect(content.diagnostics.warnings.map(\.file) == ["commentary/index.md"])
    }
}
