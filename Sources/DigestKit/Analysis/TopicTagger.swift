import ArabicText

/// Scores each topic by its keywords in the article and keeps every topic above the
/// taxonomy's threshold (an article may have several, or none).
///
/// Words are compared by their light stems (ArabicText's `LightStemmer`), after the
/// clitics و ف ب ل ك are taken off, so `بالطاقة` and `الطاقات` both match `طاقة`.
/// At each word the longest keyword phrase wins, so `مجلس الأمن` counts for diplomacy
/// and not its `الأمن` for security.
public struct TopicTagger: Sendable {
    /// One word of a keyword phrase.
    enum Pattern: Sendable, Hashable {
        case stem(WordKey)
        case exact(WordKey)
        case prefix(String)
    }

    struct Phrase: Sendable {
        var patterns: [Pattern]
        var slug: String
        var weight: Double
    }

    let weights: Taxonomy.Weights
    let phrases: [Phrase]
    /// Each phrase's number of words and where its patterns start in `patterns`, by place:
    /// matching reads these few small arrays, not each phrase's own array of patterns (one
    /// more cache miss for every candidate phrase at every word).
    let phraseLengths: [Int]
    let patternStarts: [Int]
    let patterns: [Pattern]
    /// Phrases (their places in `phrases`) by the key of their first word (a stem or an exact word).
    let phrasesByFirst: [WordKey: [Int]]
    /// Phrases whose first word matches by prefix (checked at every word).
    let prefixPhrases: [Int]
    /// Stems shorter than this are only matched as the stem of the whole word, never of a
    /// clitic-stripped reading (so a stray letter taken for a clitic cannot make a match).
    static let shortestReadingStem = 3

    public init(taxonomy: Taxonomy) {
        weights = taxonomy.weights
        var all: [Phrase] = []
        var byFirst: [WordKey: [Int]] = [:]
        var prefixed: [Int] = []
        for topic in taxonomy.topics {
            let keywords = topic.keywords.map { ($0, 1.0) } + topic.weakKeywords.map { ($0, taxonomy.weights.weak) }
            for (keyword, weight) in keywords {
                let patterns = Self.patterns(keyword)
                guard let first = patterns.first else { continue }
                all.append(Phrase(patterns: patterns, slug: topic.slug, weight: weight))
                switch first {
                case .stem(let key), .exact(let key): byFirst[key, default: []].append(all.count - 1)
                case .prefix: prefixed.append(all.count - 1)
                }
            }
        }
        phrases = all
        phraseLengths = all.map { $0.patterns.count }
        patterns = all.flatMap(\.patterns)
        var start = 0
        patternStarts = all.map { phrase in
            defer { start += phrase.patterns.count }
            return start
        }
        phrasesByFirst = byFirst
        prefixPhrases = prefixed
    }

    static func patterns(_ keyword: String) -> [Pattern] {
        keyword.split(separator: " ").compactMap { piece -> Pattern? in
            var text = String(piece)
            let exact = text.hasPrefix("=")
            let prefix = text.hasSuffix("*")
            text = text.trimmingCharacters(in: ["=", "*"])
            guard let word = Tokenizer.words(text).first else { return nil }
            let stem = LightStemmer.stem(word)
            // A stem of one or two letters is shared by too many words: match the word itself.
            if exact || stem.unicodeScalars.count < shortestReadingStem { return .exact(WordKey(word)) }
            return prefix ? .prefix(stem) : .stem(WordKey(stem))
        }
    }

    /// What a word of the text offers to patterns: its readings and their stems. A word
    /// has a handful of each, so arrays search them faster than sets would. A class, as
    /// `Gazetteer.Heads` is: handed out at every place the word stands.
    final class WordForms {
        let exact: [WordKey]
        let stems: [WordKey]
        /// The phrases (by place) whose first word is one of its readings or stems: found
        /// once for the word, not looked up again at every place it stands.
        let phraseStarts: [Int]

        init(_ word: String, readings: [String], phrasesByFirst: [WordKey: [Int]]) {
            exact = readings.map(WordKey.init)
            var stems = [WordKey(LightStemmer.stem(word))]
            for reading in readings.dropFirst() {
                let stem = LightStemmer.stem(reading)
                if stem.unicodeScalars.count >= TopicTagger.shortestReadingStem {
                    let key = WordKey(stem)
                    if !stems.contains(key) { stems.append(key) }
                }
            }
            self.stems = stems
            var keys = exact
            for stem in stems where !keys.contains(stem) { keys.append(stem) }
            phraseStarts = keys.flatMap { phrasesByFirst[$0] ?? [] }
        }

        func matches(_ pattern: Pattern) -> Bool {
            switch pattern {
            case .stem(let stem): return stems.contains(stem)
            case .exact(let word): return exact.contains(word)
            case .prefix(let start): return stems.contains { $0.text.utf8.starts(with: start.utf8) }
            }
        }
    }

    public func tag(_ article: Article) -> (topics: [String], evidence: [String: Evidence]) {
        let memo = WordMemo()
        return tag(article, passages: Passage.passages(of: article, memo: memo), memo: memo)
    }

    /// True when `words` holds at least `count` different words: counted only that far, as
    /// a topic named a hundred times needs its second word, not all of them.
    static func hasDistinct(_ words: [String], _ count: Int) -> Bool {
        var seen: [String] = []
        for word in words where !seen.contains(word) {
            seen.append(word)
            if seen.count >= count { return true }
        }
        return seen.count >= count
    }

    /// With the article's passages already read (the country tagger reads the same ones),
    /// and the forms of words met in articles before.
    func tag(_ article: Article, passages: [Passage], memo: WordMemo) -> (topics: [String], evidence: [String: Evidence]) {
        // The tables as locals: the functions below capture them, not the whole tagger (a
        // copy of it, every field retained, at every article).
        let (phrases, phraseLengths, patternStarts, patterns) = (self.phrases, self.phraseLengths, self.patternStarts, self.patterns)
        let (phrasesByFirst, prefixPhrases) = (self.phrasesByFirst, self.prefixPhrases)
        var evidence: [String: Evidence] = [:]
        // Topics found through at least one (not weak) keyword: weak ones only add weight.
        var strong: Set<String> = []
        for passage in passages {
            let place: Double
            switch passage.place {
            case .title: place = weights.title
            case .lead: place = weights.lead
            case .body: place = weights.body
            case .dateline, .quote: continue
            }
            let numbers = passage.numbers
            func forms(_ k: Int) -> WordForms { memo.forms(of: numbers[k], phrasesByFirst: phrasesByFirst) }
            // A phrase (by place) that matches at `i`: each of its patterns matches a word from there on.
            func matches(_ p: Int, at i: Int) -> Bool {
                let length = phraseLengths[p]
                guard i + length <= numbers.count else { return false }
                let start = patternStarts[p]
                for k in 0..<length where !forms(i + k).matches(patterns[start + k]) { return false }
                return true
            }
            var i = 0
            while i < numbers.count {
                if prefixPhrases.isEmpty && !memo.beginsTopicPhrase(numbers[i], phrasesByFirst: phrasesByFirst) {
                    i += 1
                    continue
                }
                let starts = forms(i).phraseStarts
                // Candidates come from sets, in an order that changes from run to run: a fixed
                // order (a strong keyword before a weak one of the same topic) keeps tags stable.
                var matching: [Int] = []
                var length = 0
                for p in prefixPhrases where matches(p, at: i) {
                    matching.append(p)
                    length = max(length, phraseLengths[p])
                }
                for p in starts where matches(p, at: i) {
                    matching.append(p)
                    length = max(length, phraseLengths[p])
                }
                guard !matching.isEmpty else {
                    i += 1
                    continue
                }
                if matching.count > 1 {
                    matching.sort { phrases[$0].weight != phrases[$1].weight ? phrases[$0].weight > phrases[$1].weight : phrases[$0].slug < phrases[$1].slug }
                }
                let words = passage.surface.joined(i..<(i + length))
                // A phrase listed under several topics counts once for each.
                var credited: [String] = []
                for p in matching where phraseLengths[p] == length && !credited.contains(phrases[p].slug) {
                    let phrase = phrases[p]
                    credited.append(phrase.slug)
                    if phrase.weight >= 1 { strong.insert(phrase.slug) }
                    // In place: a copy taken out and put back is quadratic in the mentions.
                    evidence[phrase.slug, default: Evidence(words: [], places: [], score: 0)]
                        .add(words, at: passage.place.rawValue, weighing: place * phrase.weight)
                }
                i += length
            }
        }
        if let fixed = article.frontMatter.topics { return (fixed, evidence) }
        let top = evidence.values.map { $0.score }.max() ?? 0
        let bar = max(weights.threshold, top * weights.share)
        let kept = evidence.filter { slug, found in
            found.score >= bar && strong.contains(slug)
                && (Self.hasDistinct(found.words, weights.distinct) || found.places.contains(Passage.Place.title.rawValue))
        }
            .sorted { $0.value.score != $1.value.score ? $0.value.score > $1.value.score : $0.key < $1.key }
        return (kept.map { $0.key }, evidence)
    }
}
