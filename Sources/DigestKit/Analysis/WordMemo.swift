import ArabicText

/// What analysis works out about a word, kept for every article one worker analyses: news
/// prose repeats its vocabulary from article to article, and finding each word's clitic
/// readings and stems again for every article was a tenth of a cold build. Each answer
/// depends on the word alone (and the analyzer's fixed stopwords), so keeping it changes no
/// result. Not shared between threads: each worker of `Parallel.map` makes its own, and it
/// serves one analyzer (its taggers' tables and summarizer's stopwords).
///
/// Every word gets a number the first time it is met (`number(of:)`), and each answer is
/// kept in an array by that number: a sentence's words are looked up once, and the
/// taggers and the summarizer read their answers by number instead of each hashing the
/// word again.
///
/// Its arrays are read at every word of every article, and a class's stored properties are
/// checked for overlapping access at run time (a call into the runtime at each read, ~1% of a
/// cold build); one thread alone uses a memo, so none can overlap and the checks are left out.
public final class WordMemo {
    /// A summary stem not yet found, a stopword (no stem), or the stem's number.
    enum SummaryStem: Equatable {
        case unknown, stopword, stem(Int32)
    }

    @exclusivity(unchecked) private var numbers = WordNumbers()
    @exclusivity(unchecked) private(set) var words: [String] = []
    /// Each word's readings with its clitics taken off, for both taggers.
    @exclusivity(unchecked) private(set) var readings: [[String]?] = []
    /// Each word's heads in the gazetteer, for the country tagger, and (read first, as most
    /// words begin no form) how many words the longest form it begins has, -1 when not yet known.
    @exclusivity(unchecked) private(set) var countryHeads: [Gazetteer.Heads?] = []
    @exclusivity(unchecked) private(set) var countryReach: [Int8] = []
    /// What each word says of a country named after it, for the country tagger.
    @exclusivity(unchecked) private(set) var countryRoles: [CountryTagger.WordRole?] = []
    /// Each word's readings and stems, for the topic tagger.
    @exclusivity(unchecked) private(set) var forms: [TopicTagger.WordForms?] = []
    /// Whether a word can begin a topic phrase (1) or not (0), -1 when not yet known: read at
    /// every word of every article, and most words begin none, so one byte answers without
    /// reaching the word's forms (scattered on the heap: a cache miss each).
    @exclusivity(unchecked) private(set) var topicStarts: [Int8] = []
    /// Each word's stem for the summarizer, as the stem's number in `stemNumbers`: vectors
    /// of numbers are made without hashing a string again.
    @exclusivity(unchecked) private(set) var summaryStems: [SummaryStem] = []
    @exclusivity(unchecked) private(set) var stemNumbers: [WordKey: Int32] = [:]
    /// The search terms of the articles analysed with this memo, when their documents are
    /// made where they are analysed (`Analyzer.analyze(_:memo:drafting:)`).
    let searchTerms = SearchTermTable()

    /// Past this many words the memo forgets them all, between two articles (`startArticle`),
    /// so that memory stays bounded whatever the archive holds (a worker's vocabulary rarely comes near it).
    static let capacity = 400_000

    public init() {}

    /// Called before each article: numbers handed out stay valid until the next call.
    func startArticle() {
        guard words.count >= Self.capacity || stemNumbers.count >= Self.capacity else { return }
        numbers.removeAll()
        words.removeAll(keepingCapacity: true)
        readings.removeAll(keepingCapacity: true)
        countryHeads.removeAll(keepingCapacity: true)
        countryReach.removeAll(keepingCapacity: true)
        countryRoles.removeAll(keepingCapacity: true)
        forms.removeAll(keepingCapacity: true)
        topicStarts.removeAll(keepingCapacity: true)
        summaryStems.removeAll(keepingCapacity: true)
        stemNumbers.removeAll(keepingCapacity: true)
        searchTerms.forgetMemoWords()
    }

    /// The number of a (normalized) word.
    func number(of word: String) -> Int32 {
        WordScanner.withBytes(word) { number(ofBytes: $0) }
    }

    /// The number of a normalized word's bytes: a `String` is made only of a new word.
    func number(ofBytes word: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (number, isNew) = numbers.number(of: word)
        guard isNew else { return number }
        words.append(String(decoding: word, as: UTF8.self))
        readings.append(nil)
        countryHeads.append(nil)
        countryReach.append(-1)
        countryRoles.append(nil)
        forms.append(nil)
        topicStarts.append(-1)
        summaryStems.append(.unknown)
        return number
    }

    func numbers(of words: [String]) -> [Int32] { words.map(number(of:)) }

    func readings(of number: Int32) -> [String] {
        let i = Int(number)
        if let known = readings[i] { return known }
        let found = Clitics.readings(of: words[i])
        readings[i] = found
        return found
    }

    /// The heads of a word in a gazetteer (one gazetteer's: a memo serves one analyzer).
    func countryHeads(of number: Int32, in gazetteer: Gazetteer) -> Gazetteer.Heads {
        let i = Int(number)
        if let known = countryHeads[i] { return known }
        let found = gazetteer.heads(readings: readings(of: number))
        countryHeads[i] = found
        return found
    }

    /// How many words the longest form of the gazetteer that a word begins has (0 for none).
    func countryReach(of number: Int32, in gazetteer: Gazetteer) -> Int {
        let known = countryReach[Int(number)]
        if known >= 0 { return Int(known) }
        let most = countryHeads(of: number, in: gazetteer).most
        countryReach[Int(number)] = Int8(clamping: most)
        return most
    }

    /// What a word says of a country named after it (one gazetteer's: a memo serves one analyzer).
    func countryRole(of number: Int32, in gazetteer: Gazetteer) -> CountryTagger.WordRole {
        if let known = countryRoles[Int(number)] { return known }
        let found = CountryTagger.WordRole(words[Int(number)], readings: readings(of: number), gazetteer: gazetteer)
        countryRoles[Int(number)] = found
        return found
    }

    /// The forms of a word for a topic tagger's phrases (one tagger's: a memo serves one analyzer).
    func forms(of number: Int32, phrasesByFirst: [WordKey: [Int]]) -> TopicTagger.WordForms {
        let i = Int(number)
        if let known = forms[i] { return known }
        let found = TopicTagger.WordForms(words[i], readings: readings(of: number), phrasesByFirst: phrasesByFirst)
        forms[i] = found
        topicStarts[i] = found.phraseStarts.isEmpty ? 0 : 1
        return found
    }

    /// Whether a word begins one of a topic tagger's phrases (one tagger's, as `forms`).
    func beginsTopicPhrase(_ number: Int32, phrasesByFirst: [WordKey: [Int]]) -> Bool {
        let known = topicStarts[Int(number)]
        if known >= 0 { return known == 1 }
        return !forms(of: number, phrasesByFirst: phrasesByFirst).phraseStarts.isEmpty
    }

    /// The number of a word's stem for the summarizer (equal numbers, equal stems), or nil for
    /// a stopword.
    func summaryStem(of number: Int32, stopwords: Stopwords) -> Int32? {
        let i = Int(number)
        switch summaryStems[i] {
        case .stem(let stem): return stem
        case .stopword: return nil
        case .unknown: break
        }
        let word = words[i]
        guard !stopwords.contains(word) else {
            summaryStems[i] = .stopword
            return nil
        }
        let stem = WordKey(LightStemmer.stem(word))
        let found = stemNumbers[stem] ?? Int32(stemNumbers.count)
        stemNumbers[stem] = found
        summaryStems[i] = .stem(found)
        return found
    }

    /// The same, for a word not numbered yet.
    func summaryStem(of word: String, stopwords: Stopwords) -> Int32? {
        summaryStem(of: number(of: word), stopwords: stopwords)
    }
}
