import ArabicText

/// The summary's size: at most so many sentences and about so many words, or a share of
/// the article's words (the budget evaluations use).
public struct SummaryBudget: Sendable, Hashable {
    public var sentences: Int
    public var words: Int
    /// When set, the word budget is this share of the article's words and the number of
    /// sentences is not limited.
    public var ratio: Double?

    public init(sentences: Int, words: Int) {
        self.sentences = sentences
        self.words = words
    }

    /// A budget of a share of the article's words (0.3 is 30%).
    public static func ratio(_ ratio: Double) -> SummaryBudget {
        var budget = SummaryBudget(sentences: .max, words: .max)
        budget.ratio = ratio
        return budget
    }

    /// The word budget for an article of `total` words.
    func words(forArticleOf total: Int) -> Int {
        guard let ratio else { return words }
        return max(1, Int((ratio * Double(total)).rounded()))
    }
}

/// How sentences are ranked. `digest` is the summarizer the site uses; the others are the
/// classic baselines, kept so evaluations compare them under one tokenizer and one budget.
public enum SummaryMethod: String, Sendable, CaseIterable {
    /// The first sentences.
    case lead
    /// TextRank (Mihalcea and Tarau 2004): PageRank over stem-overlap similarity.
    case textrank
    /// Continuous LexRank (Erkan and Radev 2004): PageRank over TF-IDF cosine similarity.
    case lexrank
    /// LexRank centrality with position and title overlap, picked with redundancy control.
    case digest
}

/// Picks whole sentences of an article, in their original order, as its summary.
///
/// Sentences are ranked, then taken best first while they fit the budget; a sentence too
/// like one already taken is passed over (maximal marginal relevance). Fragments of a few
/// words, introductions to a quotation (ending in `:`), sentences mostly in another script,
/// lines of page furniture (addresses, handles), repeats of the title and of an earlier
/// sentence are never taken.
public struct Summarizer: Sendable {
    public var budget: SummaryBudget
    public var method: SummaryMethod
    public var stopwords: Stopwords
    public var weights = RankingWeights()
    /// Sentences with fewer words are fragments (a dateline, a caption, a heading).
    public var minimumWords = 5

    public init(budget: SummaryBudget, method: SummaryMethod = .digest,
                stopwords: Stopwords = Stopwords.builtIn ?? Stopwords(words: [])) {
        self.budget = budget
        self.method = method
        self.stopwords = stopwords
    }

    /// The summary of an article: some of its sentences, in the article's order.
    public func summarize(title: String, paragraphs: [String], memo: WordMemo = WordMemo()) -> [String] {
        memo.startArticle()
        return summarize(title: title, sentencesOfParagraphs: paragraphs.map { SentenceSplitter.sentences($0).map { ArticleSentence($0, memo: memo) } }, memo: memo)
    }

    /// The same, from the sentences of each paragraph.
    func summarize(title: String, sentencesOfParagraphs paragraphs: [[ArticleSentence]], memo: WordMemo) -> [String] {
        let sentences = SummarySentence.split(paragraphs, title: title, stopwords: stopwords, minimumWords: minimumWords, memo: memo)
        let candidates = method == .digest ? sentences.filter(\.isEligible) : sentences
        guard !candidates.isEmpty else { return [] }
        let vectors = TermVectors(candidates.map(\.stems))
        let ranking = rank(candidates, vectors: vectors, title: title, memo: memo)
        let total = sentences.reduce(0) { $0 + $1.wordCount }
        let picked = pick(from: candidates, ranked: ranking, vectors: vectors,
                          words: budget.words(forArticleOf: total))
        return picked.sorted().map { candidates[$0].text }
    }

    /// Takes sentences best first while they fit. The first may run over the word budget
    /// (a summary needs one sentence, and news leads are long) but not past twice it.
    func pick(from candidates: [SummarySentence], ranked scores: [Double], vectors: TermVectors,
              words: Int) -> [Int] {
        var picked: [Int] = []
        var used = 0
        var remaining = Array(candidates.indices)
        let redundancy = method == .digest ? weights.redundancy : 0
        while picked.count < budget.sentences, !remaining.isEmpty {
            let limit = picked.isEmpty ? words.multipliedReportingOverflow(by: 2).partialValue : words - used
            let fitting = remaining.filter { candidates[$0].wordCount <= limit }
            guard !fitting.isEmpty else { break }
            let best = fitting.max { a, b in
                let (sa, sb) = (marginal(a), marginal(b))
                return sa != sb ? sa < sb : a > b  // ties go to the earlier sentence
            }!
            picked.append(best)
            used += candidates[best].wordCount
            remaining.removeAll { $0 == best }
        }
        return picked

        func marginal(_ i: Int) -> Double {
            guard redundancy > 0 else { return scores[i] }
            let overlap = picked.map { vectors.cosine(i, $0) }.max() ?? 0
            return (1 - redundancy) * scores[i] - redundancy * overlap
        }
    }
}

/// The few knobs of the `digest` ranking. Centrality, position and title overlap are each
/// scaled to [0, 1]; the score is their weighted mean.
///
/// The defaults were set on the EASC development half (bench/rouge_easc.py): position
/// carries most of the weight because readers (and EASC's annotators) find the gist of
/// news and encyclopaedia articles at their start; centrality and title overlap move a
/// sentence that restates the main point ahead of an early aside.
public struct RankingWeights: Sendable, Hashable {
    /// Weight of LexRank centrality over stem TF-IDF vectors.
    public var centrality = 0.10
    /// Weight of the sentence's place in the article.
    public var position = 0.65
    /// Weight of the sentence's similarity to the title (to the lead sentence when there is none).
    public var title = 0.25
    /// Share of the marginal score given to dissimilarity from sentences already taken (MMR).
    public var redundancy = 0.15

    public init() {}
}
