import ArabicText

/// What documents add to the search index, read one chunk of documents at a time: each
/// term gets a number the first time the chunk meets it, so a document's weights add up in
/// arrays instead of in dictionaries keyed by strings.
///
/// Terms are the keys of `SearchKeys`: a word's primary key (its stem, when long enough
/// to index) and its alternates (readings without proclitics), weighted by field.
struct SearchTerms {
    /// The terms of a chunk by number, and its documents.
    struct Chunk: Sendable {
        var terms: [String]
        var documents: [Document]
    }

    /// One document: its primary keys and alternates by number, each once, with their
    /// weighted occurrences, and its length (the weights of its indexed words). The
    /// occurrences are kept doubled, as whole numbers (the field weights are multiples of one
    /// half): a pair is 8 bytes, not 16, and every article's are held at once.
    struct Document: Sendable {
        var tf: [(Int32, UInt32)] = []
        var alternates: [(Int32, UInt32)] = []
        var length = 0.0
    }

    /// A word's keys by number; nil in the memo for a word with no key. Its alternates are a
    /// range of `alternatesOfWords`: a word met holds no array, so reading it costs no retain.
    struct Word {
        var primary: Int32?
        var alternates: Range<Int>
    }

    private(set) var terms: [String] = []
    private var numbers: [String: Int32] = [:]
    /// Each word met, numbered by its bytes (its bytes decide its keys), and its keys by that
    /// number: a word met before costs no `String` and no look-up by string.
    private var words = WordNumbers()
    private var keysOfWords: [Word?] = []
    /// The keys of a `WordMemo`'s words by its numbers, for documents made where articles are
    /// analysed.
    private enum MemoWord { case unknown, none, keys(Word) }
    private var memoWords: [MemoWord] = []
    private var alternatesOfWords: [Int32] = []
    /// Each term's weighted occurrences in the document being read, doubled.
    private var tf: [UInt32] = [], alternates: [UInt32] = []
    private var touchedTF: [Int32] = [], touchedAlternates: [Int32] = []

    mutating func document(_ analyzed: AnalyzedArticle, digest: Digest) -> Document {
        var length = 0.0
        func add(_ text: String, _ weight: Double) {
            let doubled = UInt32(weight * 2)
            WordScanner.withBytes(text) { bytes in
                WordScanner.scan(bytes) { word, _ in
                    let (n, isNew) = words.number(of: word)
                    if isNew { keysOfWords.append(keys(of: String(decoding: word, as: UTF8.self))) }
                    guard let found = keysOfWords[Int(n)] else { return }
                    length += weight
                    count(found, doubled)
                }
            }
        }
        let article = analyzed.article
        add(article.title, SearchIndex.weights.title)
        add(Self.names(of: analyzed, country: digest.gazetteer.name, topic: digest.topicName), SearchIndex.weights.names)
        add(analyzed.summary.joined(separator: " "), SearchIndex.weights.summary)
        if let markdown = article.markdownBody?.markdown { add(markdown, SearchIndex.weights.body) }
        for paragraph in article.paragraphs { add(paragraph, SearchIndex.weights.body) }
        return finish(length: length)
    }

    /// The same document, made where the article is analysed from the words analysis found
    /// in its paragraphs (`sentences`, numbered in `memo`): the text is not scanned and its
    /// words not looked up a second time, which was a twentieth of a cold build.
    /// `names`: the names of its countries and topics (`names(of:country:topic:)`).
    mutating func document(_ analyzed: AnalyzedArticle, names: String, sentences: ArticleSentences, memo: WordMemo) -> Document {
        var length = 0.0
        func add(_ n: Int32, _ weight: Double, _ doubled: UInt32) {
            guard let found = keys(ofMemoWord: n, in: memo) else { return }
            length += weight
            count(found, doubled)
        }
        func add(_ text: String, _ weight: Double) {
            let doubled = UInt32(weight * 2)
            WordScanner.withBytes(text) { bytes in
                WordScanner.scan(bytes) { word, _ in add(memo.number(ofBytes: word), weight, doubled) }
            }
        }
        let article = analyzed.article
        add(article.title, SearchIndex.weights.title)
        add(names, SearchIndex.weights.names)
        add(analyzed.summary.joined(separator: " "), SearchIndex.weights.summary)
        if let markdown = article.markdownBody?.markdown { add(markdown, SearchIndex.weights.body) }
        let body = SearchIndex.weights.body, doubled = UInt32(body * 2)
        for (block, sentences) in zip(article.blocks, sentences.ofBlocks) where block.isArticleText {
            for sentence in sentences {
                for n in sentence.words.numbers { add(n, body, doubled) }
            }
        }
        return finish(length: length)
    }

    /// What an article's `names` field reads: its countries' names, then its topics'.
    static func names(of analyzed: AnalyzedArticle, country: (String) -> String, topic: (String) -> String) -> String {
        (analyzed.countries.primary.map(country) + analyzed.topics.map(topic)).joined(separator: " ")
    }

    /// Adds a word's keys to the document being read.
    private mutating func count(_ found: Word, _ doubled: UInt32) {
        if let primary = found.primary {
            if tf[Int(primary)] == 0 { touchedTF.append(primary) }
            tf[Int(primary)] += doubled
        }
        for k in found.alternates {
            let other = alternatesOfWords[k]
            if alternates[Int(other)] == 0 { touchedAlternates.append(other) }
            alternates[Int(other)] += doubled
        }
    }

    /// The document read since the last one, and a clean slate for the next.
    private mutating func finish(length: Double) -> Document {
        var document = Document(length: length)
        document.tf = touchedTF.map { ($0, tf[Int($0)]) }
        document.alternates = touchedAlternates.map { ($0, alternates[Int($0)]) }
        for n in touchedTF { tf[Int(n)] = 0 }
        for n in touchedAlternates { alternates[Int(n)] = 0 }
        touchedTF.removeAll(keepingCapacity: true)
        touchedAlternates.removeAll(keepingCapacity: true)
        return document
    }

    /// The keys of word `n` of `memo`, found once for every article its worker analyses.
    private mutating func keys(ofMemoWord n: Int32, in memo: WordMemo) -> Word? {
        let i = Int(n)
        if i >= memoWords.count { memoWords.append(contentsOf: repeatElement(.unknown, count: i + 1 - memoWords.count)) }
        switch memoWords[i] {
        case .keys(let found): return found
        case .none: return nil
        case .unknown: break
        }
        let found = keys(of: memo.words[i])
        memoWords[i] = found.map(MemoWord.keys) ?? .none
        return found
    }

    /// Lets go of everything but the terms, once no more documents are read: the tables of the
    /// analysis workers are kept until their articles' documents join the corpus.
    mutating func keepTermsOnly() {
        self = SearchTerms(terms: terms)
    }

    private init(terms: [String]) { self.terms = terms }
    init() {}

    /// Forgets the memo's word numbers, which the memo hands out afresh once it has forgotten
    /// its words (`WordMemo.startArticle`); the terms and their numbers stay.
    mutating func forgetMemoWords() {
        memoWords.removeAll(keepingCapacity: true)
    }

    /// The keys of a (normalized) word by number; nil when it has none.
    mutating func keys(of word: String) -> Word? {
        let found = SearchKeys.keys(word)
        guard let first = found.first else { return nil }
        // When the primary stem was too short to index, only readings without proclitics remain.
        let hasPrimary = first == SearchKeys.primary(word)
        let primary = hasPrimary ? number(first) : nil
        let start = alternatesOfWords.count
        for key in found.dropFirst(hasPrimary ? 1 : 0) { alternatesOfWords.append(number(key)) }
        return Word(primary: primary, alternates: start..<alternatesOfWords.count)
    }

    mutating func number(_ term: String) -> Int32 {
        if let n = numbers[term] { return n }
        let n = Int32(terms.count)
        terms.append(term)
        numbers[term] = n
        tf.append(0)
        alternates.append(0)
        return n
    }
}
