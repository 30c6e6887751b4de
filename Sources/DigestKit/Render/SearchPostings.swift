import Foundation

/// Which documents each search key occurs in, how often (weighted by field) and how long
/// those documents are: everything BM25 needs besides the corpus-wide document count and
/// average length, which the search script reads from the manifest. A posting holds no
/// score, so an edit changes only the postings of the edited article's keys.
///
/// Every key's postings sit in one flat table (key `t`'s at `starts[t]..<starts[t + 1]`):
/// 2.5 million postings at 10,000 articles are two arrays of 4-byte numbers instead of an
/// array of tuples per key, which raised a cold build's peak memory.
///
/// Weights and lengths are sums of the field weights, all multiples of one half
/// (`SearchIndex.weights`), so they are kept doubled, as whole numbers: written so, the
/// script halves them and computes with exactly the numbers a score in Swift would.
struct SearchPostings: Sendable {
    /// Keys by number: the corpus's table, which may hold keys with no postings.
    var terms: [String]
    /// Key `t`'s postings are at `starts[t]..<starts[t + 1]`, documents ascending (newest first).
    var starts: [Int]
    var documents: [Int32]
    /// Each posting's weighted occurrences, doubled.
    var frequencies: [UInt32]
    /// Each document's length (the weights of its indexed words, at least 1), doubled.
    var lengths: [UInt32]

    /// The corpus's postings, of every key or only the keys `wanted` (by number): a rebuild makes
    /// only the term shards that changed. An alternate (a reading without a proclitic) counts
    /// only where some document has it as a primary key; a document's weight for a key is its
    /// primary weight plus its attested alternates' weights.
    /// `attested`: the corpus's `attestedTerms()`, when known.
    init(_ corpus: SearchCorpus, wanted: [Bool]? = nil, attested: [Bool]? = nil) {
        let termCount = corpus.terms.count
        // Two passes over the documents: counting each key's postings places every list in
        // the flat table, then filling it keeps each list in document order.
        let source = corpus.postingSource(of: wanted, attested: attested)
        var starts = [Int](repeating: 0, count: termCount + 1)
        corpus.forEachPosting(of: wanted, attested: source.attested, in: source.documents) { _, id, _ in starts[id + 1] += 1 }
        for t in 0..<termCount { starts[t + 1] += starts[t] }
        var next = starts
        var documents = [Int32](repeating: 0, count: starts[termCount])
        var frequencies = [UInt32](repeating: 0, count: starts[termCount])
        corpus.forEachPosting(of: wanted, attested: source.attested, in: source.documents) { d, id, weight in
            documents[next[id]] = d
            frequencies[next[id]] = weight
            next[id] += 1
        }
        self.terms = corpus.terms
        self.starts = starts
        self.documents = documents
        self.frequencies = frequencies
        lengths = corpus.lengths
    }

    /// Twice a sum of field weights, which is a whole number.
    static func doubled(_ weight: Double) -> UInt32 {
        UInt32((weight * 2).rounded())
    }

    /// The keys that have postings, by number.
    var indexedTerms: [Int] {
        terms.indices.filter { starts[$0 + 1] > starts[$0] }
    }

    /// The postings of `term` by number.
    func range(of term: Int) -> Range<Int> { starts[term]..<starts[term + 1] }

    /// The postings of `key`, as document, weighted occurrences and document length; nil
    /// when no document has the key.
    func list(of key: String) -> [(document: Int, frequency: Double, length: Double)]? {
        guard let term = terms.indices.first(where: { terms[$0] == key && !range(of: $0).isEmpty }) else { return nil }
        return range(of: term).map { p in
            (Int(documents[p]), Double(frequencies[p]) / 2, Double(lengths[Int(documents[p])]) / 2)
        }
    }

    /// The sum of every document's length, doubled: with the document count, the average
    /// length BM25 normalizes by.
    var totalLength: UInt64 { lengths.reduce(0) { $0 + UInt64($1) } }

    /// The BM25 score a document gets for a key, as the search script computes it from a
    /// posting and the manifest: the same operations in the same order, so the same number.
    static func score(frequency tf: Double, length: Double, documentFrequency df: Int, documents: Int, averageLength: Double) -> Int {
        let count = Double(max(documents, 1)), df = Double(df)
        let k1 = SearchIndex.k1, b = SearchIndex.b
        let idf = log(1 + (count - df + 0.5) / (df + 0.5))
        let saturation = tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / averageLength))
        return max(1, Int((idf * saturation * 100).rounded()))
    }
}
