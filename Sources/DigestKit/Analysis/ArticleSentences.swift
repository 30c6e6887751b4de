import ArabicText

/// A sentence of an article with its words as written and normalized, found once for all
/// of analysis: the taggers' passages and the summarizer read the same words.
struct ArticleSentence: Sendable {
    var text: String
    var written: [String]
    /// The sentence's words as `Tokenizer` gives them.
    var words: [String]

    init(_ text: String) {
        self.text = text
        (written, words) = WordScanner.writtenAndNormalized(text)
    }
}

/// The sentences of each block of an article (none for a quote), split once for all of
/// analysis.
struct ArticleSentences: Sendable {
    var ofBlocks: [[ArticleSentence]]

    init(_ article: Article) {
        ofBlocks = article.blocks.map { $0.isArticleText ? SentenceSplitter.sentences($0.text).map(ArticleSentence.init) : [] }
    }

    /// The sentences of each paragraph, headings left out (they are signposts, not statements).
    func ofParagraphs(in article: Article) -> [[ArticleSentence]] {
        zip(article.blocks, ofBlocks).compactMap { block, sentences in
            if case .paragraph = block { sentences } else { nil }
        }
    }
}
