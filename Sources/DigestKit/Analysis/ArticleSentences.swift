import ArabicText

/// A sentence of an article with its words as written, normalized and numbered, found once
/// for all of analysis: the taggers' passages and the summarizer read the same words.
struct ArticleSentence: Sendable {
    var text: String
    var words: SentenceWords

    init(_ text: String, memo: WordMemo) {
        self.text = text
        words = SentenceWords(text, memo: memo)
    }
}

/// Words of a piece of text: as written (for evidence a person can find in the text), and
/// their numbers in a `WordMemo` (for what is known of each word, its normalized form, as
/// `Tokenizer` gives it, among the rest: equal numbers, equal words).
struct SentenceWords: Sendable {
    var written: [String]
    var numbers: [Int32]

    init(_ text: String, memo: WordMemo) {
        var written: [String] = [], numbers: [Int32] = []
        WordScanner.withBytes(text) { bytes in
            WordScanner.scan(bytes) { normalized, range in
                numbers.append(memo.number(ofBytes: normalized))
                written.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            }
        }
        self.written = written
        self.numbers = numbers
    }

    init(written: [String] = [], numbers: [Int32] = []) {
        self.written = written
        self.numbers = numbers
    }

    var isEmpty: Bool { numbers.isEmpty }

    func dropFirst(_ k: Int) -> SentenceWords {
        SentenceWords(written: Array(written.dropFirst(k)), numbers: Array(numbers.dropFirst(k)))
    }

    static func += (lhs: inout SentenceWords, rhs: SentenceWords) {
        lhs.written += rhs.written
        lhs.numbers += rhs.numbers
    }
}

/// The sentences of each block of an article (none for a quote), split once for all of
/// analysis.
struct ArticleSentences: Sendable {
    var ofBlocks: [[ArticleSentence]]

    init(_ article: Article, memo: WordMemo) {
        ofBlocks = article.blocks.map { block in
            block.isArticleText ? SentenceSplitter.sentences(block.text).map { ArticleSentence($0, memo: memo) } : []
        }
    }

    /// The sentences of each paragraph, headings left out (they are signposts, not statements).
    func ofParagraphs(in article: Article) -> [[ArticleSentence]] {
        zip(article.blocks, ofBlocks).compactMap { block, sentences in
            if case .paragraph = block { sentences } else { nil }
        }
    }
}
