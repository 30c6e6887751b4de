import Foundation

/// Every article's search terms, in the digest's order, numbered in one table: what the
/// index's postings are made from. Reading the articles' text is most of the index's work,
/// so a rebuild takes the terms of unchanged articles from the cache (`SearchTermsCache`)
/// and reads only the others.
struct SearchCorpus: Sendable {
    /// Terms by number; a table taken from the cache may hold terms no document uses.
    var terms: [String]
    /// One per article of the digest, in its order; term numbers index `terms`.
    var documents: [SearchTerms.Document]

    /// Reads every article of `digest`, but those with a document made where they were
    /// analysed (`drafts`, by index into the digest's articles, when given).
    init(digest: Digest, drafts: consuming [SearchDraft?] = [], spread: Bool = true) {
        self.init(digest: digest, terms: [], known: [SearchTerms.Document?](repeating: nil, count: digest.articles.count),
                  drafts: drafts, spread: spread)
    }

    init(terms: [String], documents: [SearchTerms.Document]) {
        self.terms = terms
        self.documents = documents
    }

    /// `known[i]` is article i's document, numbered in `terms`, or nil when it must be read,
    /// unless `drafts[i]` (when there) is its document made where it was analysed.
    /// The articles to read are read in few large chunks that each number their own terms (a
    /// word's keys are found once per chunk: stemming is most of the work), on every core, or
    /// one after the other on this thread when not `spread` (the same terms, numbered the same).
    init(digest: Digest, terms known: [String], known documents: [SearchTerms.Document?], drafts: consuming [SearchDraft?] = [],
         spread: Bool = true) {
        let articles = digest.articles
        var numbering = TermNumbering(known)
        var documents = documents
        // A worker's table numbered in the corpus once, for all the drafts of its articles;
        // each draft let go once renumbered (the caller hands them over: `SearchDrafts`).
        var renumbered: [ObjectIdentifier: [Int32]] = [:]
        for i in drafts.indices where i < documents.count {
            guard let draft = drafts[i] else { continue }
            drafts[i] = nil
            guard documents[i] == nil else { continue }
            let table = ObjectIdentifier(draft.table)
            let numbers = renumbered[table] ?? numbering.numbers(of: draft.table.terms)
            renumbered[table] = numbers
            documents[i] = draft.document.renumbered(numbers)
        }
        let missing = articles.indices.filter { documents[$0] == nil }
        let chunkSize = max(64, missing.count / (2 * ProcessInfo.processInfo.activeProcessorCount) + 1)
        let ranges = stride(from: 0, to: missing.count, by: chunkSize).map { $0..<min($0 + chunkSize, missing.count) }
        let read = { @Sendable (range: Range<Int>) -> SearchTerms.Chunk in
            var counter = SearchTerms()
            let read = range.map { counter.document(articles[missing[$0]], digest: digest) }
            return SearchTerms.Chunk(terms: counter.terms, documents: read)
        }
        var chunks = spread ? Parallel.map(ranges, read) : ranges.map(read)
        for (index, range) in ranges.enumerated() {
            // Taken out, so each chunk's documents are freed once renumbered, not at the end.
            let chunk = chunks[index]
            chunks[index] = SearchTerms.Chunk(terms: [], documents: [])
            let global = numbering.numbers(of: chunk.terms)
            for (position, document) in zip(range, chunk.documents) {
                documents[missing[position]] = document.renumbered(global)
            }
        }
        self.terms = numbering.terms
        self.documents = documents.map { $0 ?? SearchTerms.Document() }
    }
}

/// The corpus's table of terms as tables numbered apart join it: each new term numbered next.
struct TermNumbering {
    private(set) var terms: [String]
    private var number: [String: Int32]?

    init(_ terms: [String]) { self.terms = terms }

    /// The corpus's number of each of `local` (terms numbered by their place there).
    mutating func numbers(of local: [String]) -> [Int32] {
        // Made when first needed: a rebuild that reads no article's terms needs none.
        var number = self.number ?? {
            var number = [String: Int32](minimumCapacity: terms.count)
            for (n, term) in terms.enumerated() where number[term] == nil { number[term] = Int32(n) }
            return number
        }()
        defer { self.number = number }
        return local.map { term -> Int32 in
            if let n = number[term] { return n }
            terms.append(term)
            number[term] = Int32(terms.count - 1)
            return Int32(terms.count - 1)
        }
    }
}

extension SearchTerms.Document {
    /// The same document with term `n` numbered `numbers[n]`.
    func renumbered(_ numbers: [Int32]) -> SearchTerms.Document {
        var document = SearchTerms.Document(length: length)
        document.tf = tf.map { (numbers[Int($0.0)], $0.1) }
        document.alternates = alternates.map { (numbers[Int($0.0)], $0.1) }
        return document
    }
}

extension SearchCorpus {
    /// Each document's length (the weights of its indexed words, at least 1), doubled.
    var lengths: [UInt32] { documents.map { max(SearchPostings.doubled($0.length), 2) } }

    /// What the postings of the keys `wanted` (by number; every key when nil) are read from, for
    /// `forEachPosting(of:attested:in:)`: the attested keys among them, in one look-up per pair,
    /// and the documents that hold one of them (every document when nil: a rebuild wants few).
    /// `attested`: `attestedTerms()`, when known.
    func postingSource(of wanted: [Bool]?, attested known: [Bool]? = nil) -> (attested: [Bool], documents: [Int]) {
        var attested = known ?? attestedTerms()
        guard let wanted else { return (attested, Array(documents.indices)) }
        for t in attested.indices where !wanted[t] { attested[t] = false }
        let holding = documents.indices.filter { d in
            documents[d].tf.contains { wanted[Int($0.0)] } || documents[d].alternates.contains { attested[Int($0.0)] }
        }
        return (attested, holding)
    }

    /// Which keys some document has as a primary key: an alternate (a reading without a
    /// proclitic) counts only where one does.
    func attestedTerms() -> [Bool] {
        var attested = [Bool](repeating: false, count: terms.count)
        for document in documents {
            for (id, _) in document.tf { attested[Int(id)] = true }
        }
        return attested
    }

    /// Calls `body` with the postings of the documents in `range`, document by document in its
    /// order: document, key (by number) and weight, doubled; only the keys `wanted`, when given.
    /// A document's weight for a key is its primary weight plus its `attested` alternates' weights.
    func forEachPosting(of wanted: [Bool]?, attested: [Bool], in range: some Sequence<Int>,
                        _ body: (_ document: Int32, _ term: Int, _ weight: UInt32) -> Void) {
        var weights = [UInt32](repeating: 0, count: terms.count)
        var touched: [Int32] = []
        for d in range {
            let document = documents[d]
            for (id, weight) in document.tf where wanted?[Int(id)] ?? true {
                weights[Int(id)] = weight
                touched.append(id)
            }
            for (id, weight) in document.alternates where attested[Int(id)] {
                if weights[Int(id)] == 0 { touched.append(id) }
                weights[Int(id)] += weight
            }
            for id in touched.lazy.map({ Int($0) }) {
                body(Int32(d), id, weights[id])
                weights[id] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
    }
}
