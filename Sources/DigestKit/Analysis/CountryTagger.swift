import ArabicText

/// Finds the countries an article names and the ones it is about.
public struct CountryTagger: Sendable {
    public var gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// Weights of a mention by where it stands: the title and the lead say what the story is about.
    static let weights: [String: Double] = ["title": 3, "lead": 2, "body": 1]

    public func tag(_ article: Article) -> CountryTags {
        var evidence: [String: Evidence] = [:]
        let places: [(String, String)] = [("title", article.title)]
            + article.paragraphs.enumerated().map { ($0.offset == 0 ? "lead" : "body", $0.element) }
        for (place, text) in places {
            let words = Tokenizer.words(text)
            for match in gazetteer.matches(in: words) {
                var item = evidence[match.code] ?? Evidence(words: [], places: [], score: 0)
                item.words.append(words[match.wordIndex..<(match.wordIndex + match.length)].joined(separator: " "))
                item.places.append(place)
                item.score += Self.weights[place] ?? 1
                evidence[match.code] = item
            }
        }
        let ranked = evidence.sorted { $0.value.score != $1.value.score ? $0.value.score > $1.value.score : $0.key < $1.key }
        guard let top = ranked.first?.value.score else { return CountryTags() }
        let primary = ranked.prefix(3).filter { $0.value.score >= top * 0.4 }.map(\.key)
        if let fixed = article.frontMatter.countries {
            return CountryTags(primary: fixed, mentioned: Array(Set(fixed).union(evidence.keys)).sorted(), evidence: evidence)
        }
        return CountryTags(primary: primary, mentioned: evidence.keys.sorted(), evidence: evidence)
    }
}
