import Testing
@testable import DigestKit

@Suite("Markdown articles and editors' files")
struct ContentParserTests {
    let parser = ContentParser(rules: TestRules.builtIn)
    let lead = "قال وزير الخارجية إن البلدين سيواصلان تعزيز التعاون في مختلف المجالات خلال السنوات المقبلة."

    func file(_ path: String, _ text: String) -> ContentFile { ContentFile(path: path, bytes: Array(text.utf8)) }

    @Test("an editor's NAME.md beside NAME.txt overrides what was extracted and dates an undated article")
    func editorOverrides() throws {
        let content = parser.parse([
            file("005_x.txt", "عنوان مستخرج من النص\n\(lead)"),
            file("005_x.md", "---\ntitle: عنوان المحرر\npublished: 2024-05-01\nupdated: 2024-05-02T10:00\nsource: رويترز\nurl: https://example.org/a\ncountries: [kz, jp]\ntopics: [energy]\nsummary: [جملة الملخص.]\n---\nتعليق المحرر.\n"),
        ])
        let a = try #require(content.articles.first)
        #expect(content.articles.count == 1)
        #expect(a.title == "عنوان المحرر")
        #expect(a.published?.iso8601 == "2024-05-01")
        #expect(a.updated?.iso8601 == "2024-05-02T10:00:00")
        #expect(a.source == "رويترز")
        #expect(a.url == "https://example.org/a")
        #expect(a.frontMatter.countries == ["KZ", "JP"])
        #expect(a.frontMatter.topics == ["energy"])
        #expect(a.frontMatter.summary == ["جملة الملخص."])
        #expect(a.commentary?.markdown.contains("تعليق المحرر") == true)
        #expect(!content.diagnostics.items.contains { $0.message.contains("no date found") })
        #expect(a.paragraphs == [lead], "the editor's body is commentary, not article text")
    }

    @Test("reads a Markdown article: front matter fields and a Markdown body")
    func markdownArticle() throws {
        let content = parser.parse([file("006_y.md", "---\ntitle: مقال\npublished: 2024-01-02\nslug: maqal\n---\n\n## عنوان فرعي\n\n\(lead)\n")])
        let a = try #require(content.articles.first)
        #expect(a.title == "مقال")
        #expect(a.slug == "maqal")
        #expect(a.blocks == [.heading("عنوان فرعي"), .paragraph(lead)])
        #expect(a.markdownBody != nil)
    }

    @Test("leaves out a draft")
    func draft() {
        let content = parser.parse([file("007.md", "---\ntitle: مسودة\ndraft: true\n---\n\(lead)\n")])
        #expect(content.articles.isEmpty)
    }

    @Test("reports front matter that does not parse, naming the file and line")
    func badYAML() throws {
        let content = parser.parse([file("008.md", "---\ntitle: مقال\npublished: [2024-01-02\n---\n\(lead)\n")])
        let error = try #require(content.diagnostics.errors.first)
        #expect(error.file == "008.md")
        #expect(error.line != nil)
        #expect((error.line ?? 0) >= 3)
    }

    @Test("reports a field of the wrong type at its line", arguments: [
        ("published: yesterday", 3), ("draft: maybe", 3), ("countries: {kz: 1}", 3), ("source: [a, b]", 3),
    ])
    func wrongType(_ field: String, _ line: Int) throws {
        let content = parser.parse([file("009.md", "---\ntitle: مقال\n\(field)\n---\n\(lead)\n")])
        let error = try #require(content.diagnostics.errors.first)
        #expect(error.file == "009.md")
        #expect(error.line == line)
    }

    @Test("reports front matter that is never closed")
    func unclosed() throws {
        let content = parser.parse([file("010.md", "---\ntitle: مقال\n\(lead)\n")])
        let error = try #require(content.diagnostics.errors.first)
        #expect(error.file == "010.md")
        #expect(error.line == 1)
    }

    @Test("warns about an unknown front matter key at its line")
    func unknownKey() throws {
        let content = parser.parse([file("011.md", "---\ntitle: مقال\npublishd: 2024-01-02\n---\n\(lead)\n")])
        let warning = try #require(content.diagnostics.warnings.first { $0.message.contains("publishd") })
        #expect(warning.line == 3)
    }
}

@Suite("Content settings in digest.yml")
struct ContentSettingsTests {
    @Test("adds sources, month names and labels")
    func extend() throws {
        let yaml = """
        content:
          sources:
            - name: الأمة
              aliases: [الأمة الإلكترونية, Al Omma]
          months:
            - number: 3
              names: [مارت]
          labels:
            published: [صدر في]
        """
        let (config, warnings) = try SiteConfig.parse(yaml, file: "digest.yml")
        #expect(warnings.isEmpty)
        let rules = try BuiltInResources.contentRules(config: config)
        #expect(rules.metadata.read("المصدر: Al Omma")?.source == "الأمة")
        #expect(rules.metadata.read("صدر في 4 مارت 2020")?.published?.iso8601 == "2020-03-04")
        #expect(rules.metadata.read("المصدر: شينخوا")?.source == "شينخوا", "built-in sources stay")
    }

    @Test("reports a month number out of range at its line")
    func badMonth() {
        let yaml = "content:\n  months:\n    - number: 13\n      names: [x]\n"
        do {
            _ = try SiteConfig.parse(yaml, file: "digest.yml")
            Issue.record("a month 13 was accepted")
        } catch {
            #expect(error.file == "digest.yml")
            #expect(error.line == 3)
        }
    }
}
