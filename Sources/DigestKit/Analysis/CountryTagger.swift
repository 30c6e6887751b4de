import ArabicText

/// Finds the countries an article names and the ones it is about.
///
/// Every mention weighs by where it stands (the title and the lead say what a story is
/// about) and by the words before it: a country after an official's title is the one
/// acting (وزير الخارجية الروسي); after a news outlet's name it is only where the news
/// came from (وكالة الأنباء الروسية) and weighs nothing, like the dateline and quoted
/// foreign passages. Primary countries are those whose weight comes near the strongest.
public struct CountryTagger: Sendable {
    public var gazetteer: Gazetteer
    public var weights = Weights()

    public struct Weights: Sendable {
        public var title = 3.0
        public var lead = 2.0
        public var body = 1.0
        /// Factor for a mention after an actor word.
        public var actor = 1.5
        /// How many words before a mention are read for actor and media words.
        public var window = 3
        /// A primary country weighs at least this share of the strongest one …
        public var primaryShare = 0.4
        /// … and at least this much in all.
        public var primaryMinimum = 2.0
        public var maxPrimary = 4

        public init() {}

        mutating func apply(_ values: [String: Double]) {
            title = values["title"] ?? title
            lead = values["lead"] ?? lead
            body = values["body"] ?? body
            actor = values["actor"] ?? actor
            window = values["window"].map { Int($0) } ?? window
            primaryShare = values["share"] ?? primaryShare
            primaryMinimum = values["minimum"] ?? primaryMinimum
            maxPrimary = values["max"].map { Int($0) } ?? maxPrimary
        }
    }

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        weights = gazetteer.scoring
    }

    /// One mention found in the text, before ambiguity and weak forms are settled.
    struct Mention {
        var codes: [String]
        var weak: Bool
        var words: String
        var place: Passage.Place
        var role: Role
    }

    enum Role: String {
        case plain, actor, media
    }

    public func tag(_ article: Article) -> CountryTags {
        let memo = WordMemo()
        return tag(article, passages: Passage.passages(of: article, memo: memo), memo: memo)
    }

    /// With the article's passages already read (the topic tagger reads the same ones),
    /// and the clitic readings of words met in articles before.
    func tag(_ article: Article, passages: [Passage], memo: WordMemo) -> CountryTags {
        let mentions = settle(find(in: passages, memo: memo))
        var evidence: [String: Evidence] = [:]
        for mention in mentions {
            guard let code = mention.codes.first else { continue }
            // Mutated in place: a copy taken out and put back makes every append copy the
            // whole list, quadratic in the mentions of a long article.
            evidence[code, default: Evidence(words: [], places: [], score: 0)]
                .add(mention.words, at: mention.role == .plain ? mention.place.rawValue : "\(mention.place.rawValue):\(mention.role.rawValue)",
                     weighing: weight(of: mention))
        }
        let mentioned = evidence.keys.sorted()
        if let fixed = article.frontMatter.countries {
            return CountryTags(primary: fixed, mentioned: Array(Set(fixed).union(mentioned)).sorted(), evidence: evidence)
        }
        let ranked = evidence.filter { $0.value.score > 0 }
            .sorted { $0.value.score != $1.value.score ? $0.value.score > $1.value.score : $0.key < $1.key }
        guard let top = ranked.first?.value.score else {
            return CountryTags(primary: [], mentioned: mentioned, evidence: evidence)
        }
        // An article that names countries is about one of them, however lightly it names it.
        let bar = min(top, max(weights.primaryMinimum, top * weights.primaryShare))
        let primary = ranked.prefix(weights.maxPrimary).filter { $0.value.score >= bar }.map(\.key)
        return CountryTags(primary: primary, mentioned: mentioned, evidence: evidence)
    }

    func weight(of mention: Mention) -> Double {
        let place: Double
        switch mention.place {
        case .title: place = weights.title
        case .lead: place = weights.lead
        case .body: place = weights.body
        case .dateline, .quote: return 0
        }
        switch mention.role {
        case .plain: return place
        case .actor: return place * weights.actor
        case .media: return 0
        }
    }

    /// Every form of the gazetteer in the passages, with its place and role.
    func find(in passages: [Passage], memo: WordMemo) -> [Mention] {
        var mentions: [Mention] = []
        for passage in passages {
            var matches = gazetteer.matches(count: passage.numbers.count, word: { memo.words[Int(passage.numbers[$0])] },
                                            reach: { memo.countryReach(of: passage.numbers[$0], in: gazetteer) },
                                            heads: { memo.countryHeads(of: passage.numbers[$0], in: gazetteer) })
            if passage.place == .quote {
                matches += gazetteer.matches(in: passage.numbers.map { memo.words[Int($0)] }, latinScript: true)
            }
            var previousEnd = 0
            for match in matches {
                let words = passage.surface.joined(match.wordIndex..<(match.wordIndex + match.length))
                // The look back stops at the mention before: its actor word is its own.
                let start = max(previousEnd, match.wordIndex - weights.window)
                mentions.append(Mention(codes: match.codes, weak: match.weak, words: words, place: passage.place,
                                        role: role(of: passage.numbers[start..<match.wordIndex], memo: memo)))
                previousEnd = match.wordIndex + match.length
            }
        }
        return mentions
    }

    /// Actor or media words among the few words before a mention.
    func role(of before: ArraySlice<Int32>, memo: WordMemo) -> Role {
        var role = Role.plain
        for number in before.reversed() {
            switch memo.countryRole(of: number, in: gazetteer) {
            case .breaks: return role
            case .media: return .media
            case .actor: role = .actor
            case .none: continue
            }
        }
        return role
    }

    /// What one word says of a country named after it: a break word ends the look back; a
    /// word with a reading among the media words makes the mention the source's, among the
    /// actor words the actor's.
    enum WordRole {
        case breaks, media, actor, none

        init(_ word: String, readings: [String], gazetteer: Gazetteer) {
            if gazetteer.breakWords.contains(word) {
                self = .breaks
            } else if readings.contains(where: gazetteer.mediaWords.contains) {
                self = .media
            } else if readings.contains(where: gazetteer.actorWords.contains) {
                self = .actor
            } else {
                self = .none
            }
        }
    }

    /// Resolves ambiguous forms by the article's other mentions (the default candidate when
    /// nothing decides) and drops weak forms of countries named no other way.
    func settle(_ mentions: [Mention]) -> [Mention] {
        var named: [String: Int] = [:]
        for mention in mentions where mention.codes.count == 1 && !mention.weak && mention.place != .quote {
            named[mention.codes[0], default: 0] += 1
        }
        return mentions.compactMap { mention in
            var mention = mention
            if mention.codes.count > 1 {
                let best = mention.codes.enumerated().max { lhs, rhs in
                    let (l, r) = (named[lhs.element] ?? 0, named[rhs.element] ?? 0)
                    return l != r ? l < r : lhs.offset > rhs.offset
                }
                mention.codes = [best?.element ?? mention.codes[0]]
            }
            if mention.weak && named[mention.codes[0]] == nil { return nil }
            return mention
        }
    }
}
