import ArabicText
import Foundation

/// A country: its ISO code, its Arabic name, and the words that name it.
public struct Country: Sendable, Hashable {
    public var code: String
    public var name: String
    /// Names, variants, nisba forms, capitals and seats of power, in Arabic script.
    public var aliases: [String]
    /// Forms that are also a common word or a name: they count only when the article
    /// names the same country by another form.
    public var weakAliases: [String]
    /// Names in Latin script, matched in quoted foreign passages only.
    public var latinNames: [String]

    public init(code: String, name: String, aliases: [String], weakAliases: [String] = [], latinNames: [String] = []) {
        self.code = code
        self.name = name
        self.aliases = aliases
        self.weakAliases = weakAliases
        self.latinNames = latinNames
    }
}

/// The countries the digest knows, and a matcher from words to country codes.
/// Loaded from `countries.json`; `digest.yml` adds countries and aliases.
public struct Gazetteer: Sendable {
    public private(set) var countries: [String: Country]

    /// What a normalized form (one or more words joined by a space) names.
    enum Sense: Sendable, Hashable {
        /// One country; `weak` when the form alone is not enough.
        case country(String, weak: Bool)
        /// One of several countries, decided by the rest of the article (first is the default).
        case ambiguous([String])
        /// A region or phrase that contains a country's name but is not the country.
        case notACountry
    }

    private var arabic: [WordKey: Sense] = [:]
    private var latin: [WordKey: Sense] = [:]
    /// The most words of any form that starts with a given word, so a match tries only
    /// the lengths some form has.
    private var longestFrom: [WordKey: Int] = [:]
    /// The longest form, in words.
    private var longest = 1
    /// Words before a mention that make the country the one acting (وزير الخارجية الروسي).
    public private(set) var actorWords: Set<String> = []
    /// Words before a mention that make it a news source's home (وكالة الأنباء الروسية).
    public private(set) var mediaWords: Set<String> = []
    /// Words that end the look back for actor and media words (في، من …).
    public private(set) var breakWords: Set<String> = []
    /// How mentions weigh and which countries are primary (from the resource's `scoring`).
    public var scoring = CountryTagger.Weights()

    public init(countries: [Country]) {
        self.countries = [:]
        for country in countries { add(country) }
    }

    /// Adds a country or extends one: a new name replaces the old; aliases add up.
    public mutating func add(_ country: Country) {
        var merged = countries[country.code]
            ?? Country(code: country.code, name: country.name, aliases: [])
        if !country.name.isEmpty { merged.name = country.name }
        merged.aliases += country.aliases
        merged.weakAliases += country.weakAliases
        merged.latinNames += country.latinNames
        countries[country.code] = merged
        let weak = Set(country.weakAliases.map(Self.key))
        for alias in [country.name] + country.aliases + country.weakAliases {
            let key = Self.key(alias)
            if Self.isLatin(key) { continue }
            // A form the resource declares ambiguous stays ambiguous.
            guard !key.isEmpty, !Self.isAmbiguous(arabic[WordKey(key)]) else { continue }
            arabic[WordKey(key)] = .country(country.code, weak: weak.contains(key))
            noteLength(of: key)
        }
        for name in country.latinNames + country.weakAliases.filter({ Self.isLatin(Self.key($0)) }) {
            let key = Self.key(name)
            guard !key.isEmpty, !Self.isAmbiguous(latin[WordKey(key)]) else { continue }
            latin[WordKey(key)] = .country(country.code, weak: weak.contains(key))
            noteLength(of: key)
        }
    }

    /// Declares a form that may name any of `codes`; the first is the default.
    public mutating func addAmbiguous(_ form: String, codes: [String]) {
        let key = Self.key(form)
        guard !key.isEmpty, !codes.isEmpty else { return }
        if Self.isLatin(key) { latin[WordKey(key)] = .ambiguous(codes) } else { arabic[WordKey(key)] = .ambiguous(codes) }
        noteLength(of: key)
    }

    /// Declares a phrase that contains a country's name but is not the country (أمريكا اللاتينية).
    public mutating func addRegion(_ form: String) {
        let key = Self.key(form)
        guard !key.isEmpty else { return }
        if Self.isLatin(key) { latin[WordKey(key)] = .notACountry } else { arabic[WordKey(key)] = .notACountry }
        noteLength(of: key)
    }

    private mutating func noteLength(of key: String) {
        let words = key.split(separator: " ")
        guard let first = words.first else { return }
        longest = max(longest, words.count)
        longestFrom[WordKey(String(first)), default: 1] = max(longestFrom[WordKey(String(first))] ?? 1, words.count)
    }

    public mutating func addContextWords(actors: [String], media: [String], breaks: [String] = []) {
        actorWords.formUnion(actors.flatMap(Tokenizer.words))
        mediaWords.formUnion(media.flatMap(Tokenizer.words))
        breakWords.formUnion(breaks.flatMap(Tokenizer.words))
    }

    public func name(of code: String) -> String { countries[code]?.name ?? code }

    /// One mention of a country in a run of words.
    public struct Match: Sendable, Hashable {
        /// The country, or the candidates of an ambiguous form (first is the default).
        public var codes: [String]
        public var weak: Bool
        public var wordIndex: Int
        public var length: Int
    }

    /// Every mention in `words` (normalized, from `Tokenizer.words`), longest form first.
    /// Arabic forms may carry the clitics و ف ب ل ك ال on their first word; Latin forms
    /// are matched as they are, and only when `latinScript` is set.
    public func matches(in words: [String], latinScript: Bool = false) -> [Match] {
        let heads = { (i: Int) in self.heads(readings: latinScript ? [words[i]] : Clitics.readings(of: words[i])) }
        return matches(count: words.count, word: { words[$0] }, latinScript: latinScript, reach: { heads($0).most }, heads: heads)
    }

    /// The ways a word may begin a form: its readings, and how many words the longest form
    /// starting with each has (0 for none). A class: a memo hands it out at every place the
    /// word stands, and a reference is one count to keep where two arrays were two.
    final class Heads: Sendable {
        let readings: [String]
        let reach: [Int]
        let most: Int

        init(readings: [String], reach: [Int], most: Int) {
            self.readings = readings
            self.reach = reach
            self.most = most
        }
    }

    func heads(readings: [String]) -> Heads {
        let reach = readings.map { longestFrom[WordKey($0)] ?? 0 }
        return Heads(readings: readings, reach: reach, most: reach.max() ?? 0)
    }

    /// With the heads of the word at each place from `heads` (a memo's, say), asked only
    /// where `reach`, the `most` of those heads, is not 0.
    /// The words are read through `word` (from a memo, say), and only past a form's first word.
    func matches(count: Int, word: (Int) -> String, latinScript: Bool = false, reach: (Int) -> Int,
                 heads: (Int) -> Heads) -> [Match] {
        let table = latinScript ? latin : arabic
        var result: [Match] = []
        var i = 0
        while i < count {
            var found: (Sense, Int)?
            guard reach(i) > 0 else {
                i += 1
                continue
            }
            let here = heads(i)
            // Longest form first; only lengths that some form starting with a reading has.
            search: for length in stride(from: min(here.most, count - i), through: 1, by: -1) {
                let tail = length > 1 ? " " + ((i + 1)..<(i + length)).map(word).joined(separator: " ") : ""
                for (head, reach) in zip(here.readings, here.reach) where reach >= length {
                    if let sense = table[WordKey(head + tail)] {
                        found = (sense, length)
                        break search
                    }
                }
            }
            guard let (sense, length) = found else {
                i += 1
                continue
            }
            switch sense {
            case .country(let code, let weak):
                result.append(Match(codes: [code], weak: weak, wordIndex: i, length: length))
            case .ambiguous(let codes):
                result.append(Match(codes: codes, weak: false, wordIndex: i, length: length))
            case .notACountry:
                break
            }
            i += length
        }
        return result
    }

    static func key(_ form: String) -> String { Tokenizer.words(form).joined(separator: " ") }

    static func isLatin(_ key: String) -> Bool {
        key.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
            && !key.unicodeScalars.contains(where: ArabicNormalizer.isArabicLetter)
    }

    private static func isAmbiguous(_ sense: Sense?) -> Bool {
        if case .ambiguous = sense { return true }
        return false
    }
}

/// The readings of a word with the proclitics Arabic attaches to it removed: a
/// conjunction (و ف), then a preposition (ب ل ك), then the article (ال, or ل after ل).
enum Clitics {
    static let conjunctions = ["", "و", "ف"]
    static let prepositions = ["", "ب", "ل", "ك"]
    /// The shortest stem a reading may keep, so one-letter leftovers never match.
    static let shortest = 2

    static func readings(of word: String) -> [String] {
        // On scalars, not Characters: this runs for every word of every article.
        let scalars = Array(word.unicodeScalars)
        var result = [word]
        func add(_ reading: ArraySlice<Unicode.Scalar>, prefix: String = "") {
            guard reading.count + prefix.unicodeScalars.count >= shortest else { return }
            // Made from UTF-8 bytes: appending scalars to a String one by one costs more.
            var bytes = Array(prefix.utf8)
            for scalar in reading { UTF8.encode(scalar) { bytes.append($0) } }
            let text = String(decoding: bytes, as: UTF8.self)
            if !result.contains(where: { $0.utf8.elementsEqual(text.utf8) }) { result.append(text) }
        }
        for conjunction in conjunctionScalars {
            guard scalars.starts(with: conjunction) else { continue }
            for preposition in prepositionScalars {
                let prefixLength = conjunction.count + preposition.count
                guard scalars.dropFirst(conjunction.count).starts(with: preposition) else { continue }
                let rest = scalars[prefixLength...]
                if prefixLength > 0 { add(rest) }
                // ل + ال is written لل: للصين is ل + الصين.
                if preposition == lam, rest.first == "\u{0644}" { add(rest.dropFirst(), prefix: "ال") }
                // بالكوري → الكوري. The article is never taken off: a surname like اللومي
                // is not لومي, and the gazetteer lists definite forms where they exist.
                if rest.starts(with: article) { add(rest) }
            }
        }
        return result
    }

    static let conjunctionScalars = conjunctions.map { Array($0.unicodeScalars) }
    static let prepositionScalars = prepositions.map { Array($0.unicodeScalars) }
    static let lam: [Unicode.Scalar] = ["\u{0644}"]
    static let article: [Unicode.Scalar] = ["\u{0627}", "\u{0644}"]
}
