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

    /// Analyses one article on its own (everything but related articles); `memo` keeps what
    /// was learnt of words in the articles analysed before it on this thread.
    public func analyze(_ article: Article, memo: WordMemo = WordMemo()) -> AnalyzedArticle {
        memo.startArticle()
        let sentences = ArticleSentences(article, memo: memo)
        let passages = Passage.passages(of: article, sentences: sentences, memo: memo)
        let countries = countryTagger.tag(article, passages: passages, memo: memo)
        let (topics, topicEvidence) = topicTagger.tag(article, passages: passages, memo: memo)
        let summary = article.frontMatter.summary
            ?? summarizer.summarize(title: article.title, sentencesOfParagraphs: sentences.ofParagraphs(in: article), memo: memo)
        return AnalyzedArticle(article: article, countries: countries, topics: topics,
                               topicEvidence: topicEvidence, summary: summary)
    }

    /// Analyses every article, then links each to the articles that share most with it.
    public func analyze(_ articles: [Article]) -> [AnalyzedArticle] {
        var analyzed = Parallel.map(articles, state: WordMemo.init) { memo, article in analyze(article, memo: memo) }
        RelatedArticles.link(&analyzed, count: relatedCount)
        return analyzed
    }
}
