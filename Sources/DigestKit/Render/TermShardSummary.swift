import Foundation

/// What a corpus's term shards hold, summed up in one pass over its documents without making
/// the postings: each key's postings hashed, and how many bytes all shards take together. A
/// rebuild tells by it which shards changed and makes the postings of those only
/// (`SearchPostings(_:wanted:)`): an edit changes a few shards of hundreds.
struct TermShardSummary: Sendable {
    /// Keys by number, as in the corpus.
    var terms: [String]
    /// How many postings each key has.
    var counts: [UInt32]
    /// Each key's postings (document, weight), hashed one by one and summed: the same whatever
    /// order they are met in, so the documents are summed up in parts, on every core.
    var postingHashes: [UInt64]
    /// The bytes a key and its postings take in a shard, for every key together: the digits of
    /// each posting's document delta and weight, their commas, and each key's name and brackets.
    var bytes: Int
    /// The corpus's `attestedTerms()`, for the postings made after.
    var attested: [Bool]

    /// One part of the documents summed up: `first` and `last` are each key's first and last
    /// document in it (-1: none), for the deltas across parts.
    struct Part: Sendable {
        var counts: [UInt32]
        var hashes: [UInt64]
        var first: [Int32]
        var last: [Int32]
        var bytes = 0
    }

    /// `parts`: how many parts the documents are summed up in (one a core, but for small corpora).
    init(_ corpus: SearchCorpus, parts: Int? = nil) {
        let attested = corpus.attestedTerms()
        let documents = corpus.documents.count
        let count = max(1, parts ?? min(ProcessInfo.processInfo.activeProcessorCount, documents / 256))
        let ranges = (0..<count).map { documents * $0 / count..<documents * ($0 + 1) / count }
        let parts = Parallel.map(ranges) { range in Self.part(of: corpus, attested: attested, in: range) }
        var counts = [UInt32](repeating: 0, count: corpus.terms.count)
        var hashes = [UInt64](repeating: 0, count: corpus.terms.count)
        var last = [Int32](repeating: -1, count: corpus.terms.count)
        var bytes = 0
        for part in parts {
            bytes += part.bytes
            for t in counts.indices where part.counts[t] > 0 {
                if last[t] >= 0 {
                    // The part counted its first delta from document 0.
                    bytes += SearchIndex.decimalLength(Int(part.first[t] - last[t])) - SearchIndex.decimalLength(Int(part.first[t]))
                } else {
                    bytes += corpus.terms[t].utf8.count + 6
                }
                counts[t] += part.counts[t]
                hashes[t] &+= part.hashes[t]
                last[t] = part.last[t]
            }
        }
        terms = corpus.terms
        self.attested = attested
        self.counts = counts
        postingHashes = hashes
        self.bytes = bytes
    }

    static func part(of corpus: SearchCorpus, attested: [Bool], in range: Range<Int>) -> Part {
        let termCount = corpus.terms.count
        var part = Part(counts: [UInt32](repeating: 0, count: termCount), hashes: [UInt64](repeating: 0, count: termCount),
                        first: [Int32](repeating: -1, count: termCount), last: [Int32](repeating: -1, count: termCount))
        corpus.forEachPosting(of: nil, attested: attested, in: range) { document, term, weight in
            let previous = part.last[term]
            if previous < 0 { part.first[term] = document }
            part.bytes += SearchIndex.decimalLength(Int(document - max(previous, 0))) + SearchIndex.decimalLength(Int(weight)) + 2
            part.last[term] = document
            part.counts[term] += 1
            part.hashes[term] &+= mixed(UInt64(UInt32(bitPattern: document)) << 32 | UInt64(weight))
        }
        return part
    }

    /// A posting as 64 bits that each depend on all of its bits (MurmurHash3's finalizer): a sum
    /// of them changes whenever the postings do, short of a chance of one in 2^64, where a
    /// sum of near-linear hashes would stay put for two documents trading their weights.
    static func mixed(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x = x &* 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }

    /// The keys that have postings, by number.
    var indexedTerms: [Int] { terms.indices.filter { counts[$0] > 0 } }
}
