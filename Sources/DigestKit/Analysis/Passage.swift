import ArabicText

/// The sentences of each block of an article (none for a quote), split once for all of
/// analysis: the taggers' passages and the summarizer read the same sentences.
struct ArticleSentences: Sendable {
    var ofBlocks: [[String]]

    init(_ article: Article) {
        ofBlocks = article.blocks.map { $0.isArticleText ? SentenceSplitter.sentences($0.text) : [] }
    }

    /// The sentences of each paragraph, headings left out (they are signposts, not statements).
    func ofParagraphs(in article: Article) -> [[String]] {
        zip(article.blocks, ofBlocks).compactMap { block, sentences in
            if case .paragraph = block { sentences } else { nil }
        }
    }
}

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
        self.init(place: place, surface: Self.split(text))
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
        var sentences = found.ofBlocks.joined().map(split)
        if let dateline = article.dateline.map(split), !dateline.isEmpty, let first = sentences.first,
           first.count >= dateline.count, zip(first, dateline).allSatisfy({ normalize($0) == normalize($1) }) {
            result.append(Passage(place: .dateline, surface: dateline))
            sentences[0] = Array(first.dropFirst(dateline.count))
        }
        var lead: [String] = []
        var index = 0
        // The lead is the first sentence, and the next while it is shorter than a headline.
        while index < sentences.count, lead.count < leadWords {
            lead += sentences[index]
            index += 1
        }
        result.append(Passage(place: .lead, surface: lead))
        result.append(contentsOf: sentences[index...].map { Passage(place: .body, surface: $0) })
        for block in article.blocks {
            if case .quote(let text, _) = block { result.append(Passage(place: .quote, text: text)) }
        }
        return result
    }

    private static func normalize(_ word: String) -> String { ArabicNormalizer.normalize(word) }

    /// Words as written, split where `Tokenizer` splits (its normalized words are these, normalized).
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = TextBuilder()
        var hasLetters = false
        for scalar in text.unicodeScalars {
            guard let folded = ArabicNormalizer.fold(scalar) else {
                current.append(scalar)  // a diacritic inside a word stays with it
                continue
            }
            if isWordScalar(folded) {
                current.append(scalar)
                hasLetters = true
            } else if hasLetters {
                words.append(current.string)
                current.removeAll()
                hasLetters = false
            } else {
                current.removeAll()
            }
        }
        if hasLetters { words.append(current.string) }
        return words
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
        }
        return ArabicNormalizer.isArabicLetter(scalar) || CommonScalars.isAlphabetic(scalar)
            || CommonScalars.isNumeric(scalar)
    }
}
