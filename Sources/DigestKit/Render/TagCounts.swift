/// Each article's primary countries and topics as small numbers, made once for every list
/// page: the first page of each country, topic and relation counts the tags of all its
/// articles (thousands, for a big country), and counting them into dictionaries keyed by
/// strings was 2% of a cold build of 10,000 articles.
///
/// Countries are numbered in the order of their lowercased codes, so that a pair of numbers
/// in order is a relation key (`kr-kz`) in order.
struct TagCounts: Sendable {
    /// Codes as the articles give them, by number.
    let countries: [String]
    let topics: [String]
    /// Article `i`'s countries are `countryNumbers[countryStarts[i]..<countryStarts[i + 1]]`,
    /// in its order (the same for topics).
    private let countryStarts: [Int32], countryNumbers: [UInt16]
    private let topicStarts: [Int32], topicNumbers: [UInt16]

    init(_ articles: [AnalyzedArticle]) {
        // By index: each article taken whole from the array is a copy of it (a retain a field).
        var countrySet = Set<String>(), topicSet = Set<String>()
        for i in articles.indices {
            countrySet.formUnion(articles[i].countries.primary)
            topicSet.formUnion(articles[i].topics)
        }
        countries = countrySet.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        topics = topicSet.sorted()
        let countryNumber = Dictionary(uniqueKeysWithValues: countries.enumerated().map { ($1, UInt16($0)) })
        let topicNumber = Dictionary(uniqueKeysWithValues: topics.enumerated().map { ($1, UInt16($0)) })
        var countryStarts: [Int32] = [0], countryNumbers: [UInt16] = []
        var topicStarts: [Int32] = [0], topicNumbers: [UInt16] = []
        countryStarts.reserveCapacity(articles.count + 1)
        topicStarts.reserveCapacity(articles.count + 1)
        for i in articles.indices {
            for code in articles[i].countries.primary { if let n = countryNumber[code] { countryNumbers.append(n) } }
            for slug in articles[i].topics { if let n = topicNumber[slug] { topicNumbers.append(n) } }
            countryStarts.append(Int32(countryNumbers.count))
            topicStarts.append(Int32(topicNumbers.count))
        }
        (self.countryStarts, self.countryNumbers) = (countryStarts, countryNumbers)
        (self.topicStarts, self.topicNumbers) = (topicStarts, topicNumbers)
    }

    func countries(of i: Int) -> ArraySlice<UInt16> { countryNumbers[Int(countryStarts[i])..<Int(countryStarts[i + 1])] }
    func topics(of i: Int) -> ArraySlice<UInt16> { topicNumbers[Int(topicStarts[i])..<Int(topicStarts[i + 1])] }

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
        guard let ownNumber = countries.firstIndex(where: { $0.lowercased() == own }).map(UInt16.init) else { return [] }
        var pairs: [Int: Int] = [:]
        for i in indices {
            let numbers = countries(of: i).sorted()
            for a in numbers.indices {
                for b in numbers.indices where b > a && (numbers[a] == ownNumber || numbers[b] == ownNumber) {
                    pairs[Int(numbers[a]) << 16 | Int(numbers[b]), default: 0] += 1
                }
            }
        }
        var counts: [String: Int] = [:]
        for (pair, count) in pairs {
            counts["\(countries[pair >> 16].lowercased())-\(countries[pair & 0xFFFF].lowercased())", default: 0] += count
        }
        return SiteRenderer.byCount(counts)
    }

    /// Counts by number as `byCount` orders them, the numbers never counted left out.
    static func byCount(_ counts: [Int], names: [String]) -> [(key: String, count: Int)] {
        counts.indices.filter { counts[$0] > 0 }.map { (key: names[$0], count: counts[$0]) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
    }
}
