/// What each page is made from, hashed into a key: a page whose key is the one its file was
/// written with would come out the same, so a rebuild keeps the file (`PageMemo`).
///
/// Every key starts from the digest's shape: the site's fingerprint (digest, config,
/// resources, theme, dates), the articles in reading order with their files and slugs
/// (links between pages), the counts of every country, topic, relation and month (which
/// list items show), and the site's commentary. An edit that changes none of these
/// changes only the keys of the pages that show the edited article: its own page, the
/// list pages it is on (a list's first page shows an overview of the whole list, keyed by
/// what the overview reads), and those that show it as related. Any other change (an article
/// added, removed, re-dated or tagged differently) changes every key.
struct PageKeys: Sendable {
    /// The site's fingerprint alone: what feeds and search documents start from (they show no counts).
    let site: UInt64
    let shape: UInt64
    /// Each article's key (by index into the digest's articles): what its unit's files hash to,
    /// and which article of the unit it is. Its analysis follows from them and the fingerprint.
    let articles: [UInt64]
    /// What a list's overview reads of each article (by index): its date and its primary
    /// countries and topics (`SiteRenderer.listPages`: counts, partners, timelines). An edit of
    /// an article's text changes the overview of none of its lists.
    let overviews: [UInt64]

    /// `articleKeys` are by slug; `commentary` is what the site's commentary files hash to.
    init(digest: Digest, site fingerprint: String, articleKeys: [String: UInt64], commentary: UInt64) {
        var hasher = StableHasher()
        hasher.combine("\(fingerprint)\u{0}")
        site = hasher.state
        hasher.combine(commentary)
        // Field by field, by index: the same bytes as one string of each article, without
        // making the string or copying the article.
        let articles = digest.articles
        for i in articles.indices {
            hasher.combine(articles[i].article.path)
            hasher.combine(CollectionOfOne(0))
            hasher.combine(articles[i].article.slug)
            hasher.combine(CollectionOfOne(0))
        }
        for (name, groups) in [("countries", digest.byCountry), ("topics", digest.byTopic),
                               ("relations", digest.byRelation), ("months", digest.byMonth)] {
            hasher.combine("\(name)\u{0}")
            for key in groups.keys.sorted() { hasher.combine("\(key)\u{0}\(groups[key]?.count ?? 0)\u{0}") }
        }
        shape = hasher.state
        // An article without a key (none was given) gets a fresh one: its pages never match.
        self.articles = articles.indices.map { articleKeys[articles[$0].article.slug] ?? UInt64.random(in: .min ... .max) }
        overviews = articles.indices.map { i in
            var hasher = StableHasher()
            if let date = articles[i].article.published {
                hasher.combine(UInt64(bitPattern: Int64(date.sortKey)))
                hasher.combine(date.secondsOfDay == nil ? "d" : "t")
            }
            hasher.combine(CollectionOfOne(0))
            hasher.combine(articles[i].countries.primary, separator: ",")
            hasher.combine(CollectionOfOne(0))
            hasher.combine(articles[i].topics, separator: ",")
            hasher.combine(CollectionOfOne(0))
            return hasher.state
        }
    }

    /// An article's page: the article and the articles it shows as related.
    func article(_ index: Int, path: String, related: [Int]) -> UInt64 {
        var hasher = start(path)
        hasher.combine(articles[index])
        for j in related { hasher.combine(articles[j]) }
        return hasher.state
    }

    /// A page of a list: the articles on it, how many the list has, and for the first page,
    /// which shows the list's overview (counts, timelines), what the overview reads of each
    /// article of the list.
    func listPage(path: String, number: Int, slice: some Sequence<Int>, all: [Int]) -> UInt64 {
        var hasher = start(path)
        hasher.combine(UInt64(number))
        for i in slice { hasher.combine(articles[i]) }
        hasher.combine(UInt64(all.count))
        if number == 1 {
            for i in all { hasher.combine(overviews[i]) }
        }
        return hasher.state
    }

    /// A file that shows `articles` (their slugs link to their pages) and nothing else of the
    /// digest: a feed, a shard of the search documents. `title` is what names the file's
    /// collection. Unlike pages, these do not depend on the digest's shape.
    func file(path: String, title: String = "", articles shown: some Sequence<Int>, slugs: (Int) -> String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(site)
        hasher.combine("\(path)\u{0}\(title)\u{0}")
        for i in shown {
            hasher.combine(articles[i])
            hasher.combine("\(slugs(i))\u{0}")
        }
        return hasher.state
    }

    /// A file whose maker hashes what it is made from itself (`content`): a term shard of the
    /// search index, made from its keys' postings. Unlike pages, it depends on nothing else.
    func file(path: String, content: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(site)
        hasher.combine("\(path)\u{0}")
        hasher.combine(content)
        return hasher.state
    }

    private func start(_ path: String) -> StableHasher {
        var hasher = StableHasher()
        hasher.combine(shape)
        hasher.combine("\(path)\u{0}")
        return hasher
    }
}

extension StableHasher {
    /// A hasher that goes on from `state`: one of many kept in an array, such as a key's postings'.
    init(state: UInt64) { self.state = state }

    /// Adds a number in one step, not byte by byte: for the millions of numbers of a search
    /// index's postings. Each step is a bijection of the state, for any number, and distinct
    /// numbers give distinct states, so two runs of numbers that differ in one never meet.
    mutating func mix(_ value: UInt64) {
        state = (state ^ value) &* 0x100_0000_01b3
        state ^= state >> 29
    }

    /// Adds `bytes` eight at a time (little-endian words, the last zero-padded, then the count),
    /// each in one `mix`: a file's contents, 70 MB at 10,000 articles, which byte-by-byte FNV-1a
    /// (a multiply a byte, each waiting on the one before) took 0.8% of a cold build to hash.
    /// Two contents of one length that differ in one word never meet (every step is a bijection).
    mutating func combine(wordsOf bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i + 8 <= raw.count {
                mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                i += 8
            }
            var last: UInt64 = 0
            for k in 0..<(raw.count - i) { last |= UInt64(raw[i + k]) << (8 * UInt64(k)) }
            mix(last)
            mix(UInt64(raw.count))
        }
    }

    /// Adds `strings` as the bytes of `strings.joined(separator:)`, without joining them.
    mutating func combine(_ strings: [String], separator: String) {
        for (n, string) in strings.enumerated() {
            if n > 0 { combine(separator) }
            combine(string)
        }
    }

    /// Adds a number's eight bytes (little-endian: the same on every machine digest runs on).
    mutating func combine(_ value: UInt64) {
        var value = value.littleEndian
        withUnsafeBytes(of: &value) { combine($0) }
    }
}
