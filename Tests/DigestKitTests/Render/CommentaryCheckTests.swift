import Foundation
import Testing
@testable import DigestKit

@Suite("Commentary check")
struct CommentaryCheckTests {
    func problems(_ place: (inout SiteCommentary, Commentary) -> Void, file: String) -> [Diagnostic] {
        var commentary = SiteCommentary()
        place(&commentary, Commentary(markdown: "تعليق.", file: file))
        return CommentaryCheck.problems(in: DigestFixtures.digest(DigestFixtures.standard, commentary: commentary))
    }

    @Test("commentary on pages the digest has passes")
    func validCommentary() {
        var commentary = SiteCommentary()
        commentary.index = Commentary(markdown: "[خبر](000_a.txt)", file: "commentary/index.md")
        commentary.countries["KZ"] = Commentary(markdown: "نص", file: "commentary/countries/kz.md")
        commentary.topics["energy"] = Commentary(markdown: "نص", file: "commentary/topics/energy.md")
        commentary.relations["kr-kz"] = Commentary(markdown: "[خبر](001_b.md)", file: "commentary/relations/kr-kz.md")
        #expect(CommentaryCheck.problems(in: DigestFixtures.digest(DigestFixtures.standard, commentary: commentary)).isEmpty)
    }

    @Test("commentary on a country with no articles, or an unknown code, is an error naming the file")
    func countries() {
        let unknown = problems({ $0.countries["XX"] = $1 }, file: "commentary/countries/xx.md")
        #expect(unknown.map(\.file) == ["commentary/countries/xx.md"])
        #expect(unknown.first?.message.contains("`xx`") == true)
        let empty = problems({ $0.countries["KR"] = $1 }, file: "commentary/countries/kr.md")
        #expect(empty.isEmpty, "Korea has an article through the relation kr-kz")
        var commentary = SiteCommentary()
        commentary.countries["JP"] = Commentary(markdown: "نص", file: "commentary/countries/jp.md")
        let onlyKorea = [DigestFixtures.article("000_a.txt", countries: ["KR"])]
        let noArticles = CommentaryCheck.problems(in: DigestFixtures.digest(onlyKorea, commentary: commentary))
        #expect(noArticles.map(\.file) == ["commentary/countries/jp.md"])
        #expect(noArticles.first?.message.contains("اليابان") == true)
    }

    @Test("commentary on a topic the digest does not have is an error naming the file")
    func topics() {
        let unknown = problems({ $0.topics["sport"] = $1 }, file: "commentary/topics/sport.md")
        #expect(unknown.map(\.file) == ["commentary/topics/sport.md"])
        #expect(unknown.first?.message.contains("energy") == true, "the message lists the topics there are")
        let empty = problems({ $0.topics["health"] = $1 }, file: "commentary/topics/health.md")
        #expect(empty.map(\.file) == ["commentary/topics/health.md"])
    }

    @Test("commentary on a relation must name its codes in order and have articles")
    func relations() {
        let reversed = problems({ $0.relations["kz-kr"] = $1 }, file: "commentary/relations/kz-kr.md")
        #expect(reversed.map(\.file) == ["commentary/relations/kz-kr.md"])
        #expect(reversed.first?.message.contains("kr-kz.md") == true)
        let none = problems({ $0.relations["jp-kr"] = $1 }, file: "commentary/relations/jp-kr.md")
        #expect(none.map(\.file) == ["commentary/relations/jp-kr.md"])
        let unknown = problems({ $0.relations["kr-xx"] = $1 }, file: "commentary/relations/kr-xx.md")
        #expect(unknown.first?.message.contains("`xx`") == true)
        let malformed = problems({ $0.relations["korea"] = $1 }, file: "commentary/relations/korea.md")
        #expect(malformed.map(\.file) == ["commentary/relations/korea.md"])
    }

    @Test("links into the site that it will not have are warnings at their line; its own pages and assets are not")
    func danglingLinks() {
        var commentary = SiteCommentary()
        commentary.countries["KZ"] = Commentary(markdown: """
        [أ](kr.html) [ب](../relations/kr-kz.html) [ج](../assets/style.css) [د](#الخلفية) [هـ](https://example.org/x.html)
        [و](notes.html)
        ![خريطة](map.png)
        [ز](/about.html)
        [ح](../../up.html)
        """, file: "commentary/countries/kz.md", firstLine: 2)
        let problems = CommentaryCheck.problems(in: DigestFixtures.digest(DigestFixtures.standard, commentary: commentary))
        #expect(problems.allSatisfy { $0.severity == .warning && $0.file == "commentary/countries/kz.md" })
        #expect(problems.map(\.line) == [3, 4, 5, 6])
        #expect(problems.first?.message.contains("countries/notes.html") == true, "it says where the link leads")
    }

    @Test("an article's commentary linking to a missing article is an error at its line")
    func articleCommentaryLinks() {
        let articles = [DigestFixtures.article("000_a.txt", countries: ["KR"], commentary: "نص\n\n[خبر](005_gone.txt)")]
        let problems = CommentaryCheck.problems(in: DigestFixtures.digest(articles))
        #expect(problems.map(\.file) == ["000_a.md"])
        #expect(problems.map(\.line) == [3])
    }

    @Test("the build stops on commentary about a country with no page, and names the file")
    func buildStops() throws {
        let folder = try TemporaryFolder()
        try folder.write("seeds/001_x.txt", "كوريا الجنوبية وكازاخستان توقعان اتفاقا\n\nوقعت كوريا الجنوبية وكازاخستان اتفاقا للتعاون في مجال الطاقة.")
        try folder.write("seeds/commentary/countries/xx.md", "تعليق على بلد لا وجود له.")
        do {
            _ = try Build.run(BuildOptions(siteFolder: folder.url))
            Issue.record("the build went on")
        } catch {
            #expect(error.diagnostics.contains { $0.file?.hasSuffix("seeds/commentary/countries/xx.md") == true && $0.severity == .error },
                    "named from the working directory, like the content stage's own errors")
        }
        #expect(folder.read("site/index.html") == nil, "no page is written")
    }
}
