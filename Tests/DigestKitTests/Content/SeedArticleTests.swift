import Foundation
import Testing
@testable import DigestKit

/// The five seed articles, read as the build reads them: the expected table of issue 3.
@Suite("The seed articles")
struct SeedArticleTests {
    static func seeds() throws -> [String: AnalyzedArticle] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Repository.seeds.path).sorted()
        let files = try names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.map { name in
            ContentFile(path: name, bytes: [UInt8](try Data(contentsOf: Repository.seeds.appendingPathComponent(name))))
        }
        let content = ContentParser(rules: TestRules.builtIn).parse(files)
        let config = SiteConfig()
        let analyzer = Analyzer(gazetteer: try BuiltInResources.gazetteer(config: config),
                                taxonomy: try BuiltInResources.taxonomy(config: config),
                                budget: SummaryBudget(sentences: config.summarySentences, words: config.summaryWords))
        var byNumber: [String: AnalyzedArticle] = [:]
        for article in analyzer.analyze(content.articles) { byNumber[String(article.article.path.prefix(3))] = article }
        return byNumber
    }

    @Test("000 has no headline: its title is derived from the lead, it is undated, its source is the lead's prefix")
    func seed000() throws {
        let a = try #require(try Self.seeds()["000"]).article
        #expect(a.titleIsDerived)
        #expect(a.title.hasPrefix("وقع الرئيس الكوري الجنوبي"))
        #expect(a.frontMatter.published != nil || a.published == nil)
        if a.frontMatter.published == nil {
            #expect(a.warnings.contains { $0.message.contains("undated") })
        }
        #expect(a.source == "الأمة")
        #expect(a.paragraphs.first?.hasPrefix("وقع الرئيس") == true, "the prefix `الأمة/` is out of the lead")
    }

    @Test("001 keeps its headline, has no date and no source, and its sub-heading is a heading")
    func seed001() throws {
        let a = try #require(try Self.seeds()["001"]).article
        #expect(a.title == "كازاخستان واليابان توقعان اتفاقا بقيمة 3 مليارات يورو")
        #expect(!a.titleIsDerived)
        if a.frontMatter.published == nil { #expect(a.published == nil) }
        #expect(a.source == nil)
        #expect(a.blocks.contains(.heading("أكثر من مجرد عمل")))
    }

    @Test("002 collapses its duplicated headline and reads Write/Update")
    func seed002() throws {
        let a = try #require(try Self.seeds()["002"]).article
        #expect(a.title == "انعقاد أول مباحثات رسمية بين وزيري الصناعة الكوري والياباني منذ 6 أعوام")
        #expect(a.published?.iso8601 == "2024-04-23T15:48:47")
        #expect(a.updated?.iso8601 == "2024-04-23T16:00:59")
        #expect(a.source == nil, "the photo credit is not the source")
        #expect(!a.paragraphs.contains(a.title))
    }

    @Test("003 reads its time line, the Xinhua dateline and the editor credit")
    func seed003() throws {
        let a = try #require(try Self.seeds()["003"]).article
        #expect(a.title == "وزيرا الخارجية الصيني والقازاقي يجريان محادثات حول تعزيز التعاون الثنائي")
        #expect(a.published?.iso8601 == "2022-06-08T09:37:57")
        #expect(a.dateline == "نور سلطان")
        #expect(a.source == "شينخوا")
        #expect(a.editor == "تشن لو يي")
        #expect(a.paragraphs.first?.hasPrefix("قال عضو مجلس الدولة") == true)
        #expect(!a.paragraphs.contains { $0.contains("تحرير") })
    }

    @Test("004 reads its English-style date and its source, and quotes the English posts")
    func seed004() throws {
        let a = try #require(try Self.seeds()["004"]).article
        #expect(a.title == "موسكو وبيونغ يانغ تتفقان على توسيع تعاونهما الثنائي")
        #expect(a.published?.iso8601 == "2023-11-17")
        #expect(a.source == "موقع 24")
        let quotes = a.blocks.compactMap { block -> String? in
            if case .quote(let text, "en") = block { return text }
            return nil
        }
        #expect(quotes.contains { $0.contains("Russian delegation") })
        #expect(quotes.contains { $0.contains("— Reuters (@Reuters) November 14, 2023") })
        #expect(a.paragraphs.contains { $0.hasPrefix("أثار التقارب السريع") })
    }

    @Test("no title, paragraph or summary holds page furniture or the story after 'إقرأ أيضاً'")
    func noFurniture() throws {
        let furniture = ["Go Top", "الذهاب إلى", "الكوكيز", "رابط المصدر", "كلمات دلالية", "موضوعات بارزة", "Photo :",
                         "إقرأ أيضاً", "إعلان", "Close"]
        // Sentences of the Wang Yi story that 004 shows after its related-articles marker.
        let otherStory = ["وزير خارجية الصين من موسكو", "وانغ يي", "ريا نوفوستي", "لافروف إن العلاقات", "وعززت موسكو وبكين"]
        for (number, analyzed) in try Self.seeds() {
            let a = analyzed.article
            let texts = [a.title] + a.blocks.map(\.text) + analyzed.summary
            for text in texts {
                for bad in furniture + (number == "004" ? otherStory : []) {
                    #expect(!text.contains(bad), "\(number): `\(bad)` in `\(text.prefix(60))`")
                }
            }
        }
    }

    @Test("no title or summary holds a foreign passage")
    func noForeignInTitleOrSummary() throws {
        for (number, analyzed) in try Self.seeds() {
            for text in [analyzed.article.title] + analyzed.summary {
                #expect(!text.contains("Reuters") && !text.contains("Russian"), "\(number): \(text.prefix(60))")
            }
        }
    }
}
