import ArabicText
import Foundation

/// A country: its ISO code, its Arabic name, and the words that name it.
public struct Country: Sendable, Hashable {
    public var code: String
    public var name: String
    public var aliases: [String]
}

/// The countries the digest knows, and a matcher from words to country codes.
/// Loaded from `countries.json`; `digest.yml` adds countries and aliases.
public struct Gazetteer: Sendable {
    public private(set) var countries: [String: Country]
    /// Normalized alias (one or more words joined by a space) → country code.
    private var aliases: [String: String] = [:]
    /// The longest alias, in words.
    private var longest = 1

    public init(countries: [Country]) {
        self.countries = [:]
        for country in countries { add(country) }
    }

    public mutating func add(_ country: Country) {
        var merged = countries[country.code] ?? Country(code: country.code, name: country.name, aliases: [])
        if !country.name.isEmpty { merged.name = country.name }
        merged.aliases += country.aliases
        countries[country.code] = merged
        for alias in [country.name] + country.aliases {
            let words = Tokenizer.words(alias)
            guard !words.isEmpty else { continue }
            aliases[words.joined(separator: " ")] = country.code
            longest = max(longest, words.count)
        }
    }

    public func name(of code: String) -> String { countries[code]?.name ?? code }

    /// One mention of a country in a run of words.
    public struct Match: Sendable {
        public var code: String
        public var wordIndex: Int
        public var length: Int
    }

    /// Every mention in `words` (normalized), longest alias first, with attached clitics
    /// (و ف ب ل ك ال) allowed on the first word.
    public func matches(in words: [String]) -> [Match] {
        var result: [Match] = []
        var i = 0
        while i < words.count {
            var matched = false
            for length in stride(from: min(longest, words.count - i), through: 1, by: -1) {
                let tail = words[(i + 1)..<(i + length)]
                for head in Clitics.readings(of: words[i]) {
                    let key = ([head] + tail).joined(separator: " ")
                    if let code = aliases[key] {
                        result.append(Match(code: code, wordIndex: i, length: length))
                        i += length
                        matched = true
                        break
                    }
                }
                if matched { break }
            }
            if !matched { i += 1 }
        }
        return result
    }
}

/// The readings of a word with the proclitics Arabic attaches to it removed.
enum Clitics {
    static let prefixes = ["وبال", "وكال", "وفال", "ولل", "فال", "بال", "كال", "وال", "لل", "ال", "و", "ف", "ب", "ل", "ك"]

    static func readings(of word: String) -> [String] {
        var result = [word]
        for prefix in prefixes where word.hasPrefix(prefix) && word.count - prefix.count >= 2 {
            let rest = String(word.dropFirst(prefix.count))
            result.append(rest)
            if prefix.hasSuffix("ل") && !prefix.hasSuffix("ال") { result.append("ال" + rest) }  // لل + word = ل + ال + word
            if !prefix.hasSuffix("ال") { result.append("ال" + rest) }
        }
        return result
    }
}
