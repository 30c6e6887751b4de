import ArabicText

/// A piece of an article that analysis reads, with where it stands and its words both
/// as written (for evidence a person can find in the text) and normalized (for matching).
struct Passage: Sendable {
    enum Place: String, Sendable {
        case title, lead, body
        /// The place line a wire story opens with (نور سلطان 7 يونيو (شينخوا)).
        case dateline
        /// A passage in another language quoted in the article.
        case quote
    }

    var place: Place
    var surface: [String]
    var words: [String]

    init(place: Place, surface: [String]) {
        self.place = place
        self.surface = surface
        self.words = surface.map { ArabicNormalizer.normalize($0) }
    }

    init(place: Place, text: String) {
        self.init(place: place, words: WordScanner.writtenAndNormalized(text))
    }

    /// From words found by `WordScanner`, already normalized.
    init(place: Place, words: (written: [String], normalized: [String])) {
        self.place = place
        self.surface = words.written
        self.words = words.normalized
    }

    /// The passages of an article: the title, the lead (its first sentences, however the
    /// text is broken into paragraphs), the rest of the body, and quoted foreign passages.
    /// A dateline at the start of the text is its own passage.
    static func passages(of article: Article, leadWords: Int = 12) -> [Passage] {
        passages(of: article, sentences: ArticleSentences(article), leadWords: leadWords)
    }

    /// With the article's sentences already split (the summarizer reads the same ones).
    static func passages(of article: Article, sentences found: ArticleSentences, leadWords: Int = 12) -> [Passage] {
        var result = [Passage(place: .title, text: article.title)]
        var sentences = found.ofBlocks.joined().map { (written: $0.written, normalized: $0.words) }
        if let dateline = article.dateline.map(WordScanner.writtenAndNormalized), !dateline.normalized.isEmpty,
           let first = sentences.first, first.normalized.starts(with: dateline.normalized) {
            result.append(Passage(place: .dateline, words: dateline))
            sentences[0] = (Array(first.written.dropFirst(dateline.written.count)),
                            Array(first.normalized.dropFirst(dateline.normalized.count)))
        }
        var lead: (written: [String], normalized: [String]) = ([], [])
        var index = 0
        // The lead is the first sentence, and the next while it is shorter than a headline.
        while index < sentences.count, lead.written.count < leadWords {
            lead.written += sentences[index].written
            lead.normalized += sentences[index].normalized
            index += 1
        }
        result.append(Passage(place: .lead, words: lead))
        result.append(contentsOf: sentences[index...].map { Passage(place: .body, words: $0) })
        for block in article.blocks {
            if case .quote(let text, _) = block { result.append(Passage(place: .quote, text: text)) }
        }
        return result
    }

    /// Words as written, split where `Tokenizer` splits (its normalized words are these, normalized).
    static func split(_ text: String) -> [String] { WordScanner.writtenAndNormalized(text).written }
}
