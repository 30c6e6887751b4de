@testable import DigestKit

/// A small digest built by hand, for tests of the stages after Analysis.
enum DigestFixtures {
    static let gazetteer = Gazetteer(countries: [
        Country(code: "JP", name: "اليابان", aliases: []),
        Country(code: "KR", name: "كوريا الجنوبية", aliases: []),
        Country(code: "KZ", name: "كازاخستان", aliases: []),
    ])
    static let taxonomy = Taxonomy(topics: [
        Topic(slug: "energy", name: "الطاقة", keywords: []),
        Topic(slug: "health", name: "الصحة", keywords: []),
    ])

    /// An article from `file` (its page is `slug`, the file name without extension unless given),
    /// about `countries` and `topics`.
    static func article(_ file: String, slug: String? = nil, countries: [String] = [], topics: [String] = [],
                        commentary: String? = nil) -> AnalyzedArticle {
        let name = String(file.prefix { $0 != "." })
        var article = Article(path: file, slug: slug ?? name, title: "خبر \(name)", blocks: [.paragraph("نص الخبر.")])
        article.commentary = commentary.map { Commentary(markdown: $0, file: name + ".md") }
        return AnalyzedArticle(article: article, countries: CountryTags(primary: countries), topics: topics,
                               topicEvidence: [:], summary: [])
    }

    static func digest(_ articles: [AnalyzedArticle], commentary: SiteCommentary = SiteCommentary(),
                       unsafeMarkdown: Bool = false) -> Digest {
        var config = SiteConfig()
        config.unsafeMarkdown = unsafeMarkdown
        return Digest(articles: articles, config: config, gazetteer: gazetteer, taxonomy: taxonomy, commentary: commentary)
    }

    /// Two articles about Korea and Kazakhstan and energy, one about Japan.
    static var standard: [AnalyzedArticle] {
        [
            article("000_a.txt", countries: ["KR", "KZ"], topics: ["energy"]),
            article("001_b.txt", slug: "japan-deal", countries: ["JP", "KZ"]),
        ]
    }
}
