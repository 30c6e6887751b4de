import ArabicText

/// A topic of the digest: its slug, Arabic name and keyword stems.
public struct Topic: Sendable, Hashable {
    public var slug: String
    public var name: String
    public var keywords: [String]
}

/// The topics the digest sorts articles into. Loaded from `topics.json`;
/// `digest.yml` adds topics, renames them, or adds keywords.
public struct Taxonomy: Sendable {
    public private(set) var topics: [Topic]

    public init(topics: [Topic]) { self.topics = topics }

    public mutating func apply(_ entry: TopicEntry) {
        if let i = topics.firstIndex(where: { $0.slug == entry.slug }) {
            if let name = entry.name { topics[i].name = name }
            topics[i].keywords += entry.keywords
        } else {
            topics.append(Topic(slug: entry.slug, name: entry.name ?? entry.slug, keywords: entry.keywords))
        }
    }

    public func topic(_ slug: String) -> Topic? { topics.first { $0.slug == slug } }
}

/// Scores each topic by its keywords' stems in the article and keeps those above a threshold.
public struct TopicTagger: Sendable {
    /// Per topic: keyword phrases as lists of stems.
    let phrases: [(slug: String, stems: [[String]])]
    public var threshold: Double = 2

    public init(taxonomy: Taxonomy) {
        phrases = taxonomy.topics.map { topic in
            (topic.slug, topic.keywords.map { Tokenizer.words($0).map(LightStemmer.stem) })
        }
    }

    public func tag(_ article: Article) -> (topics: [String], evidence: [String: Evidence]) {
        if let fixed = article.frontMatter.topics { return (fixed, [:]) }
        var evidence: [String: Evidence] = [:]
        let texts = [("title", article.title)] + article.paragraphs.map { ("body", $0) }
        for (place, text) in texts {
            let words = Tokenizer.words(text)
            let stems = words.map(LightStemmer.stem)
            for (slug, keywordStems) in phrases {
                for keyword in keywordStems where !keyword.isEmpty {
                    for start in stems.indices where start + keyword.count <= stems.count {
                        guard zip(stems[start...], keyword).allSatisfy({ $0.hasPrefix($1) }) else { continue }
                        var item = evidence[slug] ?? Evidence(words: [], places: [], score: 0)
                        item.words.append(words[start..<(start + keyword.count)].joined(separator: " "))
                        item.places.append(place)
                        item.score += place == "title" ? 2 : 1
                        evidence[slug] = item
                    }
                }
            }
        }
        let kept = evidence.filter { $0.value.score >= threshold }
            .sorted { $0.value.score != $1.value.score ? $0.value.score > $1.value.score : $0.key < $1.key }
        return (kept.map(\.key), evidence)
    }
}
