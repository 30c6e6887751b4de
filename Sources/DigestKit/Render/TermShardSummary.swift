/// What a corpus's term shards hold, summed up in one pass over its documents without making
/// the postings: each key's postings hashed, and how many bytes all shards take together. A
/// rebuild tells by it which shards changed and makes the postings of those only
/// (`SearchPostings(_:wanted:)`): an edit changes a few shards of hundreds.
struct TermShardSummary: Sendable {
    /// Keys by number, as in the corpus.
    var terms: [String]
    /// How many postings each key has.
    var counts: [UInt32]
    /// Each key's postings (document, weight), hashed in document order.
    var postingHashes: [UInt64]
    /// The bytes a key and its postings take in a shard, for every key together: the digits of
    /// each posting's document delta and weight, their commas, and each key's name and brackets.
    var bytes: Int

    init(_ corpus: SearchCorpus) {
        let termCount = corpus.terms.count
        var counts = [UInt32](repeating: 0, count: termCount)
        var hashes = [UInt64](repeating: StableHasher().state, count: termCount)
        var previous = [Int32](repeating: 0, count: termCount)
        var bytes = 0
        corpus.forEachPosting { document, term, weight in
            if counts[term] == 0 { bytes += corpus.terms[term].utf8.count + 6 }
            bytes += SearchIndex.decimalLength(Int(document - previous[term])) + SearchIndex.decimalLength(Int(weight)) + 2
            previous[term] = document
            counts[term] += 1
            var hasher = StableHasher(state: hashes[term])
            hasher.mix(UInt64(UInt32(bitPattern: document)) << 32 | UInt64(weight))
            hashes[term] = hasher.state
        }
        terms = corpus.terms
        self.counts = counts
        postingHashes = hashes
        self.bytes = bytes
    }

    /// The keys that have postings, by number.
    var indexedTerms: [Int] { terms.indices.filter { counts[$0] > 0 } }
}
