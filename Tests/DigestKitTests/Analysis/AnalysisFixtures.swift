import Foundation
@testable import DigestKit

/// Articles and analysers for the Analysis tests, built on the shipped resources.
enum AnalysisFixtures {
    static func analyzer(config: SiteConfig = SiteConfig()) throws -> Analyzer {
        let (gazetteer, taxonomy, _) = try Build.resources(config)
        return Analyzer(gazetteer: gazetteer, taxonomy: taxonomy, budget: SummaryBudget(sentences: 3, words: 60))
    }

    static func tagger(config: SiteConfig = SiteConfig()) throws -> CountryTagger {
        try analyzer(config: config).countryTagger
    }

    /// An article with a title and paragraphs, and whatever else the test sets.
    static func article(title: String, _ paragraphs: [String], quotes: [String] = [], dateline: String? = nil) -> Article {
        var article = Article(path: "test.txt", slug: "test", title: title,
                              blocks: paragraphs.map(Block.paragraph) + quotes.map { Block.quote($0, language: "en") })
        article.dateline = dateline
        return article
    }

    /// The seed articles as the Content stage reads them, by file name.
    static func seeds() throws -> [String: Article] {
        let (_, _, contentRules) = try Build.resources(SiteConfig())
        let names = try FileManager.default.contentsOfDirectory(atPath: Repository.seeds.path).filter { $0.hasSuffix(".txt") }
        let files = try names.map { name in
            ContentFile(path: name, bytes: [UInt8](try Data(contentsOf: Repository.seeds.appendingPathComponent(name))))
        }
        let content = ContentParser(rules: contentRules).parse(files)
        return Dictionary(content.articles.map { (String($0.path.prefix(3)), $0) }, uniquingKeysWith: { a, _ in a })
    }
}
