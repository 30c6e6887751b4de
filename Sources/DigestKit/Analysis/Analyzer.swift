/// The Analysis stage: for every article, its countries, topics, summary and related articles.
public struct Analyzer: Sendable {
    public var countryTagger: CountryTagger
    public var topicTagger: TopicTagger
    public var summarizer: Summarizer
    public var relatedCount = 5
    /// For the names an article's search document holds.
    let taxonomy: Taxonomy

    public init(gazetteer: Gazetteer, taxonomy: Taxonomy, budget: SummaryBudget) {
        countryTagger = CountryTagger(gazetteer: gazetteer)
        topicTagger = TopicTagger(taxonomy: taxonomy)
        summarizer = Summarizer(budget: budget)
        self.taxonomy = taxonomy
    }

    /// Analyses one article on its own (everything but related articles); `memo` keeps what
    /// was learnt of words in the articles analysed before it on this thread.
    public func analyze(_ article: Article, memo: WordMemo = WordMemo()) -> AnalyzedArticle {
        analyze(article, memo: memo, drafting: false).analyzed
    }

    /// The same, and when `drafting`, the article's search document made from the words
    /// analysis found (`SearchDraft`), numbered in the memo's table of search terms.
    func analyze(_ article: Article, memo: WordMemo, drafting: Bool) -> (analyzed: AnalyzedArticle, search: SearchDraft?) {
        memo.startArticle()
        let sentences = ArticleSentences(article, memo: memo)
        let passages = Passage.passages(of: article, sentences: sentences, memo: memo)
        let countries = countryTagger.tag(article, passages: passages, memo: memo)
        let (topics, topicEvidence) = topicTagger.tag(article, passages: passages, memo: memo)
        let summary = article.frontMatter.summary
            ?? summarizer.summarize(title: article.title, sentencesOfParagraphs: sentences.ofParagraphs(in: article), memo: memo)
        let analyzed = AnalyzedArticle(article: article, countries: countries, topics: topics,
                                       topicEvidence: topicEvidence, summary: summary)
        guard drafting else { return (analyzed, nil) }
        let names = SearchTerms.names(of: analyzed, country: countryTagger.gazetteer.name(of:), topic: taxonomy.name(of:))
        return (analyzed, memo.searchTerms.draft(analyzed, names: names, sentences: sentences, memo: memo))
    }

    /// Analyses every article, then links each to the articles that share most with it.
    public func analyze(_ articles: [Article]) -> [AnalyzedArticle] {
        var analyzed = Parallel.map(articles, state: WordMemo.init) { memo, article in analyze(article, memo: memo) }
        RelatedArticles.link(&analyzed, count: relatedCount)
        return analyzed
    }
}
