/// The Analysis stage: for every article, its countries, topics, summary and related articles.
public struct Analyzer: Sendable {
    public var countryTagger: CountryTagger
    public var topicTagger: TopicTagger
    public var summarizer: Summarizer
    public var relatedCount = 5

    public init(gazetteer: Gazetteer, taxonomy: Taxonomy, budget: SummaryBudget) {
        countryTagger = CountryTagger(gazetteer: gazetteer)
        topicTagger = TopicTagger(taxonomy: taxonomy)
        summarizer = Summarizer(budget: budget)
    }

    /// Analyses one article on its own (everything but related articles).
    public func analyze(_ article: Article) -> AnalyzedArticle {
        let countries = countryTagger.tag(article)
        let (topics, topicEvidence) = topicTagger.tag(article)
        let summary = article.frontMatter.summary
            ?? summarizer.summarize(title: article.title, paragraphs: article.paragraphs)
        return AnalyzedArticle(article: article, countries: countries, topics: topics,
                               topicEvidence: topicEvidence, summary: summary)
    }

    /// Analyses every article, then links each to the articles that share most with it.
    public func analyze(_ articles: [Article]) -> [AnalyzedArticle] {
        var analyzed = articles.map(analyze)
        RelatedArticles.link(&analyzed, count: relatedCount)
        return analyzed
    }
}

/// Related articles: those sharing primary countries and topics, newest first among equals.
enum RelatedArticles {
    static func link(_ articles: inout [AnalyzedArticle], count: Int) {
        var byKey: [String: [Int]] = [:]
        for (i, a) in articles.enumerated() {
            for code in a.countries.primary { byKey["c:" + code, default: []].append(i) }
            for topic in a.topics { byKey["t:" + topic, default: []].append(i) }
        }
        for i in articles.indices {
            var scores: [Int: Double] = [:]
            for code in articles[i].countries.primary {
                for j in byKey["c:" + code] ?? [] where j != i { scores[j, default: 0] += 2 }
            }
            for topic in articles[i].topics {
                for j in byKey["t:" + topic] ?? [] where j != i { scores[j, default: 0] += 1 }
            }
            let best = scores.sorted { lhs, rhs in
                if lhs.value != rhs.value { return lhs.value > rhs.value }
                let (l, r) = (articles[lhs.key].article, articles[rhs.key].article)
                if l.published != r.published { return (l.published ?? .distantPast) > (r.published ?? .distantPast) }
                return l.slug < r.slug
            }
            articles[i].related = best.prefix(count).map { articles[$0.key].article.slug }
        }
    }
}

extension ArticleDate {
    static let distantPast = ArticleDate(year: 1, month: 1, day: 1)!
}
