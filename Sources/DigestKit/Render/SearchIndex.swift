import ArabicText
import Foundation

/// The search index of the site, written as script files so the search page works
/// opened from disk (browsers refuse `fetch` on file://, but load `<script src>`).
///
/// Terms are the keys of `SearchKeys` (normalized, light-stemmed, proclitics taken
/// off), each with the documents it occurs in and a BM25 score weighted by field.
/// They are split into shards by a hash of the key, so a query loads one shard per
/// key it looks up, and documents (title, date, summary) into shards of a fixed size,
/// so showing a page of results loads only the shards of those results.
struct SearchIndex: Sendable {
    /// Documents per document shard.
    static let documentsPerShard = 10
    /// Aim for term shards about this big, so a query loads a small part of the index.
    static let termShardBytes = 24_000
    /// How much a word counts in each field.
    static let weights = (title: 3.0, names: 2.0, summary: 1.5, body: 1.0)
    /// BM25's term-frequency saturation and length normalization.
    static let k1 = 1.2, b = 0.5

    var digest: Digest
    var dates: DateDisplay

    func files() -> [Page] {
        let postings = Self.postings(for: digest)
        let shardCount = max(1, (postings.estimatedBytes + Self.termShardBytes - 1) / Self.termShardBytes)
        var shards = Array(repeating: [(String, [Int])](), count: shardCount)
        for key in postings.scores.keys.sorted() {
            shards[Int(Self.shard(of: key, count: shardCount))].append((key, postings.scores[key] ?? []))
        }
        var pages: [Page] = []
        pages.append(Page(path: SitePaths.searchTables, text: "window.DigestSearchTables = \(Self.json(SearchKeys.tables));\n"))
        let documentShards = max(1, (digest.articles.count + Self.documentsPerShard - 1) / Self.documentsPerShard)
        let manifest: [String: Int] = [
            "version": 1, "documents": digest.articles.count, "documentsPerShard": Self.documentsPerShard,
            "documentShards": documentShards, "termShards": shardCount, "arabicDigits": digest.config.arabicIndicDigits ? 1 : 0,
        ]
        pages.append(Page(path: SitePaths.searchManifest, text: "window.DigestSearchIndex = \(Self.json(manifest));\n"))
        for (number, shard) in shards.enumerated() {
            var body = "{"
            for (i, (key, list)) in shard.enumerated() {
                body += (i == 0 ? "" : ",") + Self.json(key) + ":[" + list.map(String.init).joined(separator: ",") + "]"
            }
            body += "}"
            pages.append(Page(path: SitePaths.searchTerms(number), text: "DigestSearchLoaded(\"terms/\(number)\",\(body));\n"))
        }
        let index = self
        pages += Parallel.map(Array(0..<documentShards)) { number in
            let slice = index.digest.articles.indices.dropFirst(number * Self.documentsPerShard).prefix(Self.documentsPerShard)
            let documents = slice.map { index.document(index.digest.articles[$0]) }
            return Page(path: SitePaths.searchDocuments(number), text: "DigestSearchLoaded(\"docs/\(number)\",\(Self.json(documents)));\n")
        }
        return pages
    }

    /// What a result shows: title, page, date (as readers read it and ISO) and summary.
    func document(_ analyzed: AnalyzedArticle) -> [String] {
        let article = analyzed.article
        return [article.title, SitePaths.article(article.slug),
                article.published.map(dates.gregorian) ?? "", article.published?.iso8601 ?? "",
                analyzed.summary.joined(separator: " ")]
    }

    /// Key → `[document delta, score, document delta, score, …]`, documents ascending
    /// (so newest first), deltas from the previous document, scores as integers.
    struct Postings {
        var scores: [String: [Int]] = [:]
        var estimatedBytes = 0
    }

    static func postings(for digest: Digest) -> Postings {
        // Documents are read on every core, in few large chunks that each number their own
        // terms (a word's keys are found once per chunk: stemming is most of the work).
        let articles = digest.articles
        let chunkSize = max(64, articles.count / (2 * ProcessInfo.processInfo.activeProcessorCount) + 1)
        let ranges = stride(from: 0, to: articles.count, by: chunkSize).map { $0..<min($0 + chunkSize, articles.count) }
        let chunks = Parallel.map(ranges) { range -> SearchTerms.Chunk in
            var counter = SearchTerms()
            let documents = range.map { counter.document(articles[$0], digest: digest) }
            return SearchTerms.Chunk(terms: counter.terms, documents: documents)
        }
        // One numbering of the keys of every chunk.
        var number: [String: Int] = [:], keys: [String] = []
        let global = chunks.map { chunk in
            chunk.terms.map { term -> Int in
                if let n = number[term] { return n }
                keys.append(term)
                number[term] = keys.count - 1
                return keys.count - 1
            }
        }
        // An alternate counts only where some document has it as a primary key.
        var attested = [Bool](repeating: false, count: keys.count)
        for (c, chunk) in chunks.enumerated() {
            for document in chunk.documents { for (id, _) in document.tf { attested[global[c][Int(id)]] = true } }
        }
        var documentsOfKey = [[(Int, Double)]](repeating: [], count: keys.count)
        var merged = [Double](repeating: 0, count: keys.count), touched: [Int] = []
        var lengths: [Double] = []
        for (c, chunk) in chunks.enumerated() {
            for document in chunk.documents {
                let d = lengths.count
                lengths.append(max(document.length, 1))
                for (id, weight) in document.tf {
                    let key = global[c][Int(id)]
                    merged[key] = weight
                    touched.append(key)
                }
                for (id, weight) in document.alternates where attested[global[c][Int(id)]] {
                    let key = global[c][Int(id)]
                    if merged[key] == 0 { touched.append(key) }
                    merged[key] += weight
                }
                for key in touched {
                    documentsOfKey[key].append((d, merged[key]))
                    merged[key] = 0
                }
                touched.removeAll(keepingCapacity: true)
            }
        }
        let count = Double(max(lengths.count, 1))
        let average = lengths.reduce(0, +) / count
        var result = Postings()
        for (key, list) in zip(keys, documentsOfKey) where !list.isEmpty {
            let df = Double(list.count)
            let idf = log(1 + (count - df + 0.5) / (df + 0.5))
            var encoded: [Int] = []
            encoded.reserveCapacity(list.count * 2)
            var previous = 0
            for (document, tf) in list {
                let saturation = tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[document] / average))
                encoded.append(document - previous)
                encoded.append(max(1, Int((idf * saturation * 100).rounded())))
                previous = document
            }
            result.estimatedBytes += key.utf8.count + 6 + encoded.reduce(0) { $0 + String($1).count + 1 }
            result.scores[key] = encoded
        }
        return result
    }

    /// FNV-1a (32-bit) over the key's UTF-8 bytes: the search script computes the same.
    static func shard(of key: String, count: Int) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in key.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash % UInt32(count)
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else { return "null" }
        // U+2028/2029 are line ends to older JavaScript parsers. Their UTF-8 starts E2 80 A8/A9;
        // looking for the bytes first spares the slow search in nearly every file, which has none.
        guard hasLineSeparator(text) else { return text }
        return text.replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    static func hasLineSeparator(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if previous == (0xE2, 0x80), byte == 0xA8 || byte == 0xA9 { return true }
            previous = (previous.1, byte)
        }
        return false
    }
}
