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

    /// What one document adds to the index: weighted occurrences of its primary keys and of
    /// the alternates (kept only when some word has them as primary key), and its length.
    struct DocumentTerms: Sendable {
        var tf: [String: Double] = [:]
        var alternates: [String: Double] = [:]
        var length = 0.0
    }

    static func postings(for digest: Digest) -> Postings {
        // Documents are read on every core, in chunks that each keep their own word → keys memo.
        // Few, large chunks: a word's keys are found once per chunk, and stemming is most of the work.
        let articles = digest.articles
        let chunkSize = max(64, articles.count / (2 * ProcessInfo.processInfo.activeProcessorCount) + 1)
        let chunks = stride(from: 0, to: articles.count, by: chunkSize).map { $0..<min($0 + chunkSize, articles.count) }
        let documents = Parallel.map(chunks) { chunk -> [DocumentTerms] in
            var memo: [WordKey: WordTerms?] = [:]
            return chunk.map { Self.terms(of: articles[$0], digest: digest, memo: &memo) }
        }.flatMap { $0 }
        var attested: Set<String> = []
        for document in documents { attested.formUnion(document.tf.keys) }
        let frequencies = documents.map { $0.tf }, alternates = documents.map { $0.alternates }
        let lengths = documents.map { max($0.length, 1) }
        var documentsOfKey: [String: [(Int, Double)]] = [:]
        for (document, tf) in frequencies.enumerated() {
            var merged = tf
            for (key, weight) in alternates[document] where attested.contains(key) { merged[key, default: 0] += weight }
            for (key, weight) in merged { documentsOfKey[key, default: []].append((document, weight)) }
        }
        let count = Double(max(frequencies.count, 1))
        let average = lengths.reduce(0, +) / count
        var result = Postings()
        for (key, list) in documentsOfKey {
            let df = Double(list.count)
            let idf = log(1 + (count - df + 0.5) / (df + 0.5))
            var encoded: [Int] = []
            encoded.reserveCapacity(list.count * 2)
            var previous = 0
            for (document, tf) in list.sorted(by: { $0.0 < $1.0 }) {
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

    /// A word's keys as a document counts them: its primary key, when the word's own stem
    /// is long enough to index, and the alternates (readings without proclitics).
    struct WordTerms {
        var primary: String?
        var alternates: [String]
    }

    /// The terms of `word`; nil when it has no key at all.
    static func wordTerms(_ word: String) -> WordTerms? {
        let found = SearchKeys.keys(word)
        guard let first = found.first else { return nil }
        // When the primary stem was too short to index, only readings without proclitics remain.
        return first == SearchKeys.primary(word) ? WordTerms(primary: first, alternates: Array(found.dropFirst()))
            : WordTerms(primary: nil, alternates: found)
    }

    /// `memo` keeps each word's terms, by its bytes (words are compared often, their bytes
    /// decide their keys, and stemming is most of the work).
    static func terms(of analyzed: AnalyzedArticle, digest: Digest, memo: inout [WordKey: WordTerms?]) -> DocumentTerms {
        var terms = DocumentTerms()
        func add(_ text: String, _ weight: Double) {
            for word in Tokenizer.words(text) {
                let key = WordKey(word)
                let found: WordTerms?
                if let known = memo[key] { found = known } else {
                    found = wordTerms(word)
                    memo[key] = .some(found)
                }
                guard let found else { continue }
                terms.length += weight
                if let primary = found.primary { terms.tf[primary, default: 0] += weight }
                for other in found.alternates { terms.alternates[other, default: 0] += weight }
            }
        }
        let article = analyzed.article
        add(article.title, weights.title)
        let names = analyzed.countries.primary.map { digest.gazetteer.name(of: $0) } + analyzed.topics.map(digest.topicName)
        add(names.joined(separator: " "), weights.names)
        add(analyzed.summary.joined(separator: " "), weights.summary)
        if let markdown = article.markdownBody?.markdown { add(markdown, weights.body) }
        for paragraph in article.paragraphs { add(paragraph, weights.body) }
        return terms
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
