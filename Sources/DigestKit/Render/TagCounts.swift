/// Each article's primary countries and topics as numbers, made once for every list page: the first page of each country, topic and relation counts the tags of all its
/// articles (thousands, for a big country), and counting them into dictionaries keyed by
/// strings was 2% of a cold build of 10,000 articles.
///
/// Countries are numbered in the order of their lowercased codes, so that a pair of numbers
/// in order is a relation key (`kr-kz`) in order.
struct TagCounts: Sendable {
    /// Codes as the articles give them, by number.
    let countries: [String]
    let topics: [String]
    /// Article `i`'s countries are `countryNumbers[countryStarts[i]..<countryStarts[i + 1]]`
    /// (the same for topics).
    private let countryStarts: [Int32], countryNumbers: [UInt32]
    private let topicStarts: [Int32], topicNumbers: [UInt32]

    /// From the digest's lists of articles by country and by topic: numbers only, no tag
    /// looked up by its name (an article's tags come in the order of their numbers, which no
    /// count depends on).
    init(_ digest: Digest) {
        countries = digest.byCountry.keys.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        topics = digest.byTopic.keys.sorted()
        (countryStarts, countryNumbers) = Self.byArticle(countries.map { digest.byCountry[$0] ?? [] }, articles: digest.articles.count)
        (topicStarts, topicNumbers) = Self.byArticle(topics.map { digest.byTopic[$0] ?? [] }, articles: digest.articles.count)
    }

    /// Lists of articles by tag number turned into each article's tag numbers, in flat arrays.
    static func byArticle(_ lists: [[Int]], articles: Int) -> (starts: [Int32], numbers: [UInt32]) {
        var starts = [Int32](repeating: 0, count: articles + 1)
        for list in lists {
            for i in list { starts[i + 1] += 1 }
        }
        for i in 0..<articles { starts[i + 1] += starts[i] }
        var next = starts
        var numbers = [UInt32](repeating: 0, count: Int(starts[articles]))
        for (n, list) in lists.enumerated() {
            for i in list {
                numbers[Int(next[i])] = UInt32(n)
                next[i] += 1
            }
        }
        return (starts, numbers)
    }

    func countries(of i: Int) -> ArraySlice<UInt32> { countryNumbers[Int(countryStarts[i])..<Int(countryStarts[i + 1])] }
    func topics(of i: Int) -> ArraySlice<UInt32> { topicNumbers[Int(topicStarts[i])..<Int(topicStarts[i + 1])] }

    /// How many of the articles at `indices` have each topic, most first (`byCount`'s order).
    func topicCounts(_ indices: [Int]) -> [(key: String, count: Int)] {
        var counts = [Int](repeating: 0, count: topics.count)
        for i in indices {
            for t in topics(of: i) { counts[Int(t)] += 1 }
        }
        return Self.byCount(counts, names: topics)
    }

    /// How many of the articles at `indices` have each country, most first.
    func countryCounts(_ indices: [Int]) -> [(key: String, count: Int)] {
        var counts = [Int](repeating: 0, count: countries.count)
        for i in indices {
            for c in countries(of: i) { counts[Int(c)] += 1 }
        }
        return Self.byCount(counts, names: countries)
    }

    /// How often each relation (pair of countries, as its key) that names the country `own`
    /// comes up among the articles at `indices`, most first.
    func partnerCounts(_ indices: [Int], of own: String) -> [(key: String, count: Int)] {
        guard let ownNumber = countries.firstIndex(where: { $0.lowercased() == own }).map(UInt32.init) else { return [] }
        var pairs: [Int: Int] = [:]
        for i in indices {
            let numbers = countries(of: i).sorted()
            for a in numbers.indices {
                for b in numbers.indices where b > a && (numbers[a] == ownNumber || numbers[b] == ownNumber) {
                    pairs[Int(numbers[a]) << 32 | Int(numbers[b]), default: 0] += 1
                }
            }
        }
        var counts: [String: Int] = [:]
        for (pair, count) in pairs {
            counts["\(countries[pair >> 32].lowercased())-\(countries[pair & 0xFFFF_FFFF].lowercased())", default: 0] += count
        }
        return SiteRenderer.byCount(counts)
    }

    /// Counts by number as `byCount` orders them, the numbers never counted left out.
    static func byCount(_ counts: [Int], names: [String]) -> [(key: String, count: Int)] {
        counts.indices.filter { counts[$0] > 0 }.map { (key: names[$0], count: counts[$0]) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
    }
}
