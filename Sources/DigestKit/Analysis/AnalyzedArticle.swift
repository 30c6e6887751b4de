/// Where a country or topic was found in an article, and how much it weighed.
public struct Evidence: Sendable, Hashable, Codable {
    /// The words as they stand in the text.
    public var words: [String]
    /// Where they stand: `title`, `lead` or `body`.
    public var places: [String]
    public var score: Double

    /// One more mention: its words, where they stand, and what it weighs (one look-up of the
    /// evidence in its dictionary, not one for each field).
    mutating func add(_ words: String, at place: String, weighing weight: Double) {
        self.words.append(words)
        places.append(place)
        score += weight
    }
}

/// The countries an article names, and the ones it is about.
public struct CountryTags: Sendable, Hashable, Codable {
    /// ISO 3166-1 alpha-2 codes of the countries the article is about, strongest first.
    public var primary: [String]
    /// Every country named, in code order.
    public var mentioned: [String]
    public var evidence: [String: Evidence]

    public init(primary: [String] = [], mentioned: [String] = [], evidence: [String: Evidence] = [:]) {
        self.primary = primary
        self.mentioned = mentioned
        self.evidence = evidence
    }

    /// The pairs of primary countries, each sorted, as relation keys (`kr-kz`).
    public var relations: [String] {
        let codes = primary.map { $0.lowercased() }.sorted()
        var keys: [String] = []
        for i in codes.indices {
            for j in codes.indices where j > i { keys.append("\(codes[i])-\(codes[j])") }
        }
        return keys
    }
}

/// An article with what Analysis found in it.
public struct AnalyzedArticle: Sendable, Codable {
    public var article: Article
    public var countries: CountryTags
    /// Topic slugs, strongest first.
    public var topics: [String]
    public var topicEvidence: [String: Evidence]
    /// The summary's sentences, in the article's order.
    public var summary: [String]
    /// Slugs of related articles, most related first.
    public var related: [String] = []

    public init(article: Article, countries: CountryTags, topics: [String], topicEvidence: [String: Evidence], summary: [String]) {
        self.article = article
        self.countries = countries
        self.topics = topics
        self.topicEvidence = topicEvidence
        self.summary = summary
    }

    /// Forgets the evidence of its tags, which only `digest inspect` shows.
    mutating func dropEvidence() {
        countries.evidence = [:]
        topicEvidence = [:]
    }
}
