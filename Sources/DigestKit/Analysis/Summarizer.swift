import ArabicText

/// The summary's size: at most so many sentences and about so many words.
public struct SummaryBudget: Sendable, Hashable {
    public var sentences: Int
    public var words: Int
    public init(sentences: Int, words: Int) {
        self.sentences = sentences
        self.words = words
    }
}

/// Picks whole sentences of an article, in their original order, as its summary.
public struct Summarizer: Sendable {
    public var budget: SummaryBudget

    public init(budget: SummaryBudget) { self.budget = budget }

    /// The first sentences that fit the budget (the lead baseline).
    public func summarize(title: String, paragraphs: [String]) -> [String] {
        var picked: [String] = []
        var words = 0
        for sentence in paragraphs.flatMap(SentenceSplitter.sentences) {
            let count = Tokenizer.words(sentence).count
            guard count >= 4 else { continue }
            if !picked.isEmpty && words + count > budget.words { break }
            picked.append(sentence)
            words += count
            if picked.count >= budget.sentences { break }
        }
        return picked
    }
}
