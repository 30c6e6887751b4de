import ArabicText

/// A piece of an article that analysis reads, with where it stands and its words both
/// as written (for evidence a person can find in the text) and numbered in the analyzer's
/// `WordMemo` (for matching: the memo holds each number's normalized word).
struct Passage: Sendable {
    enum Place: String, Sendable {
        case title, lead, body
        /// The place line a wire story opens with (نور سلطان 7 يونيو (شينخوا)).
        case dateline
        /// A passage in another language quoted in the article.
        case quote
    }

    var place: Place
    var surface: WrittenWords
    var numbers: [Int32]

    init(place: Place, words: SentenceWords) {
        self.place = place
        self.surface = words.written
        self.numbers = words.numbers
    }

    init(place: Place, text: String, memo: WordMemo) {
        self.init(place: place, words: SentenceWords(text, memo: memo))
    }

    /// The passages of an article: the title, the lead (its first sentences, however the
    /// text is broken into paragraphs), the rest of the body, and quoted foreign passages.
    /// A dateline at the start of the text is its own passage.
    static func passages(of article: Article, memo: WordMemo, leadWords: Int = 12) -> [Passage] {
        passages(of: article, sentences: ArticleSentences(article, memo: memo), memo: memo, leadWords: leadWords)
    }

    /// With the article's sentences already split (the summarizer reads the same ones).
    static func passages(of article: Article, sentences found: ArticleSentences, memo: WordMemo,
                         leadWords: Int = 12) -> [Passage] {
        var result = [Passage(place: .title, text: article.title, memo: memo)]
        var sentences = found.ofBlocks.joined().map(\.words)
        if let dateline = article.dateline.map({ SentenceWords($0, memo: memo) }), !dateline.isEmpty,
           let first = sentences.first, first.numbers.starts(with: dateline.numbers) {
            result.append(Passage(place: .dateline, words: dateline))
            sentences[0] = first.dropFirst(dateline.numbers.count)
        }
        var lead = SentenceWords()
        var index = 0
        // The lead is the first sentence, and the next while it is shorter than a headline.
        while index < sentences.count, lead.written.count < leadWords {
            lead += sentences[index]
            index += 1
        }
        result.append(Passage(place: .lead, words: lead))
        result.append(contentsOf: sentences[index...].map { Passage(place: .body, words: $0) })
        for block in article.blocks {
            if case .quote(let text, _) = block { result.append(Passage(place: .quote, text: text, memo: memo)) }
        }
        return result
    }
}
