import ArabicText

/// A sentence of an article with its words as written, normalized and numbered, found once
/// for all of analysis: the taggers' passages and the summarizer read the same words.
struct ArticleSentence: Sendable {
    var text: String
    var words: SentenceWords
    /// Its letters, and how many of them are Arabic (`CommonScalars.letters(in:)`), counted
    /// as its words are found: the summarizer takes a sentence mostly in another script for
    /// no statement of the article.
    var letters: (all: Int32, arabic: Int32)

    init(_ text: String, memo: WordMemo) {
        self.text = text
        var letters = (all: 0, arabic: 0)
        words = SentenceWords(text, memo: memo, letters: &letters)
        self.letters = (Int32(truncatingIfNeeded: letters.all), Int32(truncatingIfNeeded: letters.arabic))
    }
}

/// Words of a piece of text: as written (for evidence a person can find in the text), and
/// their numbers in a `WordMemo` (for what is known of each word, its normalized form, as
/// `Tokenizer` gives it, among the rest: equal numbers, equal words).
struct SentenceWords: Sendable {
    var written: WrittenWords
    var numbers: [Int32]

    init(_ text: String, memo: WordMemo) {
        var letters = (all: 0, arabic: 0)
        self.init(text, memo: memo, letters: &letters)
    }

    /// The same, with the text's letters counted (see `ArticleSentence.letters`).
    init(_ text: String, memo: WordMemo, letters: inout (all: Int, arabic: Int)) {
        var spans: [WrittenWords.Span] = [], numbers: [Int32] = []
        letters = WordScanner.withBytes(text) { bytes in
            WordScanner.scanCountingLetters(bytes) { normalized, range in
                numbers.append(memo.number(ofBytes: normalized))
                spans.append(WrittenWords.Span(text: 0, start: Int32(range.lowerBound), end: Int32(range.upperBound)))
            }
        }
        self.written = WrittenWords(texts: [text], spans: spans)
        self.numbers = numbers
    }

    init(written: WrittenWords = WrittenWords(), numbers: [Int32] = []) {
        self.written = written
        self.numbers = numbers
    }

    var isEmpty: Bool { numbers.isEmpty }

    func dropFirst(_ k: Int) -> SentenceWords {
        SentenceWords(written: written.dropFirst(k), numbers: Array(numbers.dropFirst(k)))
    }

    static func += (lhs: inout SentenceWords, rhs: SentenceWords) {
        lhs.written += rhs.written
        lhs.numbers += rhs.numbers
    }
}

/// Words as they stand in a text, as places in it: a `String` is made only of the few that
/// become evidence of a country or topic, not of every word of every article.
struct WrittenWords: Sendable {
    struct Span: Sendable {
        /// Which of `texts`, and where in its UTF-8.
        var text: Int32
        var start: Int32
        var end: Int32
    }

    var texts: [String] = []
    var spans: [Span] = []

    var count: Int { spans.count }

    /// The words at `range`, as written, with a space between each two. Cut from the texts as
    /// slices (`UTF8Bytes.slice`): every mention of every article passes through here.
    func joined(_ range: Range<Int>) -> String {
        var joined = ""
        for k in range {
            if k > range.lowerBound { joined += " " }
            let span = spans[k]
            let word = UTF8Bytes.slice(texts[Int(span.text)], Int(span.start)..<Int(span.end))
            if range.count == 1 { return String(word) }
            joined += word
        }
        return joined
    }

    func dropFirst(_ k: Int) -> WrittenWords {
        WrittenWords(texts: texts, spans: Array(spans.dropFirst(k)))
    }

    static func += (lhs: inout WrittenWords, rhs: WrittenWords) {
        let shift = Int32(lhs.texts.count)
        lhs.texts += rhs.texts
        lhs.spans += rhs.spans.map { Span(text: $0.text + shift, start: $0.start, end: $0.end) }
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
