import Testing
@testable import DigestKit

@Suite("Term shard summary")
struct TermShardSummaryTests {
    let corpus = SearchCorpus(digest: SearchIndexTests.varied(count: 40))

    @Test("counts and hashes each key's postings as the postings made from the corpus hold them")
    func agreesWithThePostings() {
        let summary = TermShardSummary(corpus)
        let postings = SearchPostings(corpus)
        for term in corpus.terms.indices {
            let range = postings.range(of: term)
            #expect(Int(summary.counts[term]) == range.count, "\(corpus.terms[term])")
            let sum = range.reduce(UInt64(0)) { sum, p in
                sum &+ TermShardSummary.mixed(UInt64(UInt32(bitPattern: postings.documents[p])) << 32 | UInt64(postings.frequencies[p]))
            }
            #expect(summary.postingHashes[term] == sum, "\(corpus.terms[term])")
        }
        #expect(summary.indexedTerms == postings.indexedTerms)
    }

    @Test("sums up the documents in parts to what it sums up in one, bytes across the parts too")
    func partsAddUpToTheWhole() {
        let whole = TermShardSummary(corpus, parts: 1)
        for parts in [2, 3, 7] {
            let split = TermShardSummary(corpus, parts: parts)
            #expect(split.bytes == whole.bytes, "\(parts) parts")
            #expect(split.counts == whole.counts && split.postingHashes == whole.postingHashes, "\(parts) parts")
        }
    }

    @Test("counts the bytes of every key's name and brackets and every posting's delta, weight and commas")
    func bytesOfTheShards() {
        let corpus = SearchCorpus(terms: ["ab", "c"], documents: [
            SearchTerms.Document(tf: [(0, 2), (1, 12)], alternates: [], length: 1),
            SearchTerms.Document(tf: [(0, 4)], alternates: [], length: 1),
        ])
        // "ab": 2 + 6, postings (0, 2) and (1 − 0, 4): 1+1+2 twice; "c": 1 + 6, (0, 12): 1+2+2.
        #expect(TermShardSummary(corpus).bytes == 8 + 8 + 7 + 5)
        #expect(TermShardSummary(corpus, parts: 2).bytes == 28)
    }

    @Test("a key whose documents trade their weights hashes apart, with the same count")
    func tradedWeightsChangeTheHash() {
        let before = SearchCorpus(terms: ["ab"], documents: [
            SearchTerms.Document(tf: [(0, 2)], alternates: [], length: 1), SearchTerms.Document(tf: [(0, 4)], alternates: [], length: 1),
        ])
        let after = SearchCorpus(terms: ["ab"], documents: [
            SearchTerms.Document(tf: [(0, 4)], alternates: [], length: 1), SearchTerms.Document(tf: [(0, 2)], alternates: [], length: 1),
        ])
        #expect(TermShardSummary(before).counts == TermShardSummary(after).counts)
        #expect(TermShardSummary(before).postingHashes != TermShardSummary(after).postingHashes)
    }
}
