import ArabicText

/// What analysis works out about a word, kept for every article one worker analyses: news
/// prose repeats its vocabulary from article to article, and finding each word's clitic
/// readings and stems again for every article was a tenth of a cold build. Each answer
/// depends on the word alone (and the analyzer's fixed stopwords), so keeping it changes no
/// result. Not shared between threads: each worker of `Parallel.map` makes its own, and it
/// serves one analyzer (its taggers' tables and summarizer's stopwords).
public final class WordMemo {
    /// Answers by word, forgotten all at once past `capacity` so that memory stays bounded
    /// whatever the archive holds (a worker's vocabulary rarely comes near it).
    struct Table<Value> {
        private(set) var values: [WordKey: Value] = [:]

        var isEmpty: Bool { values.isEmpty }
        var count: Int { values.count }
        var isFull: Bool { values.count >= WordMemo.capacity }

        mutating func value(for word: String, make: () -> Value) -> Value {
            let key = WordKey(word)
            if let known = values[key] { return known }
            if isFull { removeAll() }
            let found = make()
            values[key] = found
            return found
        }

        mutating func removeAll() { values.removeAll(keepingCapacity: true) }
    }

    static let capacity = 400_000

    /// Each word's readings with its clitics taken off, for both taggers.
    var readings = Table<[String]>()
    /// Each word's heads in the gazetteer, for the country tagger.
    var countryHeads = Table<Gazetteer.Heads>()
    /// Each word's readings and stems, for the topic tagger.
    var forms = Table<TopicTagger.WordForms>()
    /// Each word's stem for the summarizer, as the stem's number in `stemNumbers`, or nil
    /// for a stopword: vectors of numbers are made without hashing a string again.
    var summaryStems = Table<Int32?>()
    var stemNumbers = Table<Int32>()

    public init() {}

    func readings(of word: String) -> [String] {
        readings.value(for: word) { Clitics.readings(of: word) }
    }

    /// The heads of a word in a gazetteer (one gazetteer's: a memo serves one analyzer).
    func countryHeads(of word: String, in gazetteer: Gazetteer) -> Gazetteer.Heads {
        countryHeads.value(for: word) { gazetteer.heads(readings: readings(of: word)) }
    }

    /// The forms of a word for a topic tagger's phrases (one tagger's: a memo serves one analyzer).
    func forms(of word: String, phrasesByFirst: [WordKey: [Int]]) -> TopicTagger.WordForms {
        forms.value(for: word) { TopicTagger.WordForms(word, readings: readings(of: word), phrasesByFirst: phrasesByFirst) }
    }

    /// The number of a word's stem for the summarizer (equal numbers, equal stems), or nil for
    /// a stopword.
    func summaryStem(of word: String, stopwords: Stopwords) -> Int32? {
        // Both tables are forgotten together: a stem's number must not change while a word still holds it.
        if summaryStems.isFull || stemNumbers.isFull {
            summaryStems.removeAll()
            stemNumbers.removeAll()
        }
        return summaryStems.value(for: word) {
            guard !stopwords.contains(word) else { return nil }
            let stem = LightStemmer.stem(word)
            let next = Int32(stemNumbers.count)
            return stemNumbers.value(for: stem) { next }
        }
    }
}
