/// A topic of the digest: its slug, Arabic name and keywords.
public struct Topic: Sendable, Hashable {
    public var slug: String
    public var name: String
    /// Words and phrases that point at the topic (stemmed when matched).
    public var keywords: [String]
    /// Keywords that point at it less surely (shared with other subjects); they weigh less.
    public var weakKeywords: [String]

    public init(slug: String, name: String, keywords: [String], weakKeywords: [String] = []) {
        self.slug = slug
        self.name = name
        self.keywords = keywords
        self.weakKeywords = weakKeywords
    }
}

/// The topics the digest sorts articles into, and how surely a topic must show to count.
/// Loaded from `topics.json`; `digest.yml` adds topics, renames them, or adds keywords.
public struct Taxonomy: Sendable {
    public private(set) var topics: [Topic]
    public var weights = Weights()

    /// How much a keyword weighs by where it stands, and the score a topic needs.
    public struct Weights: Sendable, Hashable {
        public var title = 3.0
        public var lead = 2.0
        public var body = 1.0
        /// Factor for weak keywords.
        public var weak = 0.5
        public var threshold = 2.0
        /// A topic also needs this many different words, unless the title names it: one
        /// word repeated is more often a word in passing than a subject.
        public var distinct = 2
        /// And at least this share of the strongest topic's score.
        public var share = 0.0
        public init() {}
    }

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

    /// A topic's Arabic name, or its slug when the taxonomy has no such topic.
    public func name(of slug: String) -> String { topic(slug)?.name ?? slug }
}

extension Taxonomy {
    /// The taxonomy of `topics.json`.
    init(resource object: [String: Any]) {
        let list = object["topics"] as? [[String: Any]] ?? []
        self.init(topics: list.compactMap { item in
            guard let slug = item["slug"] as? String, let name = item["name"] as? String else { return nil }
            return Topic(slug: slug, name: name, keywords: item["keywords"] as? [String] ?? [],
                         weakKeywords: item["weak"] as? [String] ?? [])
        })
        if let threshold = object["threshold"] as? Double { weights.threshold = threshold }
        if let distinct = object["distinct"] as? Int { weights.distinct = distinct }
        if let share = object["share"] as? Double { weights.share = share }
        if let w = object["weights"] as? [String: Double] {
            weights.title = w["title"] ?? weights.title
            weights.lead = w["lead"] ?? weights.lead
            weights.body = w["body"] ?? weights.body
            weights.weak = w["weak"] ?? weights.weak
        }
    }
}
