import ArabicText

/// What analysis works out about a word, kept for every article one worker analyses: news
/// prose repeats its vocabulary from article to article, and finding each word's clitic
/// readings and stems again for every article was a tenth of a cold build. Each answer
/// depends on the word alone (and the analyzer's fixed stopwords), so keeping it changes no
/// result. Not shared between threads: each worker of `Parallel.map` makes its own, and it
/// serves one analyzer (its taggers' tables and summarizer's stopwords).
public final class WordMemo {
    /// Each word's readings with its clitics taken off, for both taggers.
    var readings: [WordKey: [String]] = [:]
    /// Each word's heads in the gazetteer, for the country tagger.
    var countryHeads: [WordKey: Gazetteer.Heads] = [:]
    /// Each word's readings and stems, for the topic tagger.
    var forms: [WordKey: TopicTagger.WordForms] = [:]
    /// Each word's stem for the summarizer, as the stem's number in `stemNumbers`, or nil
    /// for a stopword: vectors of numbers are made without hashing a string again.
    var summaryStems: [WordKey: Int32?] = [:]
    var stemNumbers: [WordKey: Int32] = [:]

    /// A worker's vocabulary rarely comes near this; past it the memo starts again, so that
    /// memory stays bounded whatever the archive holds.
    static let capacity = 400_000

    public init() {}

    func readings(of word: String) -> [String] {
        let key = WordKey(word)
        if let known = readings[key] { return known }
        if readings.count >= Self.capacity { readings.removeAll(keepingCapacity: true) }
        let found = Clitics.readings(of: word)
        readings[key] = found
        return found
    }

    /// The heads of a word in a gazetteer (one gazetteer's: a memo serves one analyzer).
    func countryHeads(of word: String, in gazetteer: Gazetteer) -> Gazetteer.Heads {
        let key = WordKey(word)
        if let known = countryHeads[key] { return known }
        if countryHeads.count >= Self.capacity { countryHeads.removeAll(keepingCapacity: true) }
        let found = gazetteer.heads(readings: readings(of: word))
        countryHeads[key] = found
        return found
    }

    /// The forms of a word for a topic tagger's phrases (one tagger's: a memo serves one analyzer).
    func forms(of word: String, phrasesByFirst: [WordKey: [Int]]) -> TopicTagger.WordForms {
        let key = WordKey(word)
        if let known = forms[key] { return known }
        if forms.count >= Self.capacity { forms.removeAll(keepingCapacity: true) }
        let found = TopicTagger.WordForms(word, readings: readings(of: word), phrasesByFirst: phrasesByFirst)
        forms[key] = found
        return found
    }

    /// The number of a word's stem for the summarizer (equal numbers, equal stems), or nil for
    /// a stopword.
    func summaryStem(of word: String, stopwords: Stopwords) -> Int32? {
        let key = WordKey(word)
        if let known = summaryStems[key] { return known }
        if summaryStems.count >= Self.capacity {
            // Both go together: a stem's number must not change while a word still holds it.
            summaryStems.removeAll(keepingCapacity: true)
            stemNumbers.removeAll(keepingCapacity: true)
        }
        var found: Int32?
        if !stopwords.contains(word) {
            let stem = WordKey(LightStemmer.stem(word))
            found = stemNumbers[stem] ?? {
                let number = Int32(stemNumbers.count)
                stemNumbers[stem] = number
                return number
            }()
        }
        summaryStems[key] = .some(found)
        return found
    }
}
