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
            }
        }
        let article = analyzed.article
        add(article.title, SearchIndex.weights.title)
        let names = analyzed.countries.primary.map { digest.gazetteer.name(of: $0) } + analyzed.topics.map(digest.topicName)
        add(names.joined(separator: " "), SearchIndex.weights.names)
        add(analyzed.summary.joined(separator: " "), SearchIndex.weights.summary)
        if let markdown = article.markdownBody?.markdown { add(markdown, SearchIndex.weights.body) }
        for paragraph in article.paragraphs { add(paragraph, SearchIndex.weights.body) }

        var document = Document(length: length)
        document.tf = touchedTF.map { ($0, tf[Int($0)]) }
        document.alternates = touchedAlternates.map { ($0, alternates[Int($0)]) }
        for n in touchedTF { tf[Int(n)] = 0 }
        for n in touchedAlternates { alternates[Int(n)] = 0 }
        touchedTF.removeAll(keepingCapacity: true)
        touchedAlternates.removeAll(keepingCapacity: true)
        return document
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
