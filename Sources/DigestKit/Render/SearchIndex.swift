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
    /// Every article's terms: read from the articles, or partly taken from the cache.
    var corpus: SearchCorpus

    init(digest: Digest, dates: DateDisplay, corpus: SearchCorpus? = nil) {
        self.digest = digest
        self.dates = dates
        self.corpus = corpus ?? SearchCorpus(digest: digest)
    }

    /// The index's files: its tables, manifest, term shards and every document shard.
    func files() -> [Page] {
        termFiles() + Parallel.map(Array(0..<documentShards)) { documentFile($0) }
    }

    var documentShards: Int { max(1, (digest.articles.count + Self.documentsPerShard - 1) / Self.documentsPerShard) }

    /// The articles document shard `number` shows, by index into the digest's articles.
    func articles(inDocumentShard number: Int) -> Range<Int> {
        let start = min(number * Self.documentsPerShard, digest.articles.count)
        return start..<min(start + Self.documentsPerShard, digest.articles.count)
    }

    /// Document shard `number`: what its results show.
    func documentFile(_ number: Int) -> Page {
        let documents = articles(inDocumentShard: number).map { document(digest.articles[$0]) }
        return Page(path: SitePaths.searchDocuments(number), text: "DigestSearchLoaded(\"docs/\(number)\",\(Self.json(documents)));\n")
    }

    /// The tables, the manifest and the term shards: every one of them depends on every article.
    func termFiles() -> [Page] {
        let postings = Self.postings(for: corpus)
        let shardCount = max(1, (postings.estimatedBytes + Self.termShardBytes - 1) / Self.termShardBytes)
        var shards = Array(repeating: [(String, [Int])](), count: shardCount)
        for key in postings.scores.keys.sorted() {
            shards[Int(Self.shard(of: key, count: shardCount))].append((key, postings.scores[key] ?? []))
        }
        var pages: [Page] = []
        pages.append(Page(path: SitePaths.searchTables, text: "window.DigestSearchTables = \(Self.json(SearchKeys.tables));\n"))
        let manifest: [String: Int] = [
            "version": 1, "documents": digest.articles.count, "documentsPerShard": Self.documentsPerShard,
            "documentShards": documentShards, "termShards": shardCount, "arabicDigits": digest.config.arabicIndicDigits ? 1 : 0,
        ]
        pages.append(Page(path: SitePaths.searchManifest, text: "window.DigestSearchIndex = \(Self.json(manifest));\n"))
        // Written as bytes, digit by digit: strings joined per number were most of this work.
        pages += Parallel.map(Array(shards.enumerated())) { number, shard in
            var bytes = Array("DigestSearchLoaded(\"terms/\(number)\",{".utf8)
            for (i, (key, list)) in shard.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: Self.json(key).utf8)
                bytes.append(contentsOf: ":[".utf8)
                for (j, value) in list.enumerated() {
                    if j > 0 { bytes.append(UInt8(ascii: ",")) }
                    Self.appendDecimal(value, to: &bytes)
                }
                bytes.append(UInt8(ascii: "]"))
            }
            bytes.append(contentsOf: "});\n".utf8)
            return Page(path: SitePaths.searchTerms(number), bytes: bytes)
        }
        return pages
    }

    /// `String(value)`'s bytes, without making the string.
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for k in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[k]) }
        }
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
        postings(for: SearchCorpus(digest: digest))
    }

    static func postings(for corpus: SearchCorpus) -> Postings {
        let keys = corpus.terms
        // An alternate counts only where some document has it as a primary key.
        var attested = [Bool](repeating: false, count: keys.count)
        for document in corpus.documents {
            for (id, _) in document.tf { attested[Int(id)] = true }
        }
        var documentsOfKey = [[(Int, Double)]](repeating: [], count: keys.count)
        var merged = [Double](repeating: 0, count: keys.count), touched: [Int] = []
        var lengths: [Double] = []
        lengths.reserveCapacity(corpus.documents.count)
        for document in corpus.documents {
            let d = lengths.count
            lengths.append(max(document.length, 1))
            for (id, weight) in document.tf {
                merged[Int(id)] = weight
                touched.append(Int(id))
            }
            for (id, weight) in document.alternates where attested[Int(id)] {
                let key = Int(id)
                if merged[key] == 0 { touched.append(key) }
                merged[key] += weight
            }
            for key in touched {
                documentsOfKey[key].append((d, merged[key]))
                merged[key] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        let count = Double(max(lengths.count, 1))
        let average = lengths.reduce(0, +) / count
        // Scores are worked out on every core, in chunks of keys; the digits are counted, not
        // printed (printing every number to count its digits was most of this).
        let used = keys.indices.filter { !documentsOfKey[$0].isEmpty }
        let chunkSize = max(1024, used.count / (4 * ProcessInfo.processInfo.activeProcessorCount) + 1)
        let chunks = stride(from: 0, to: used.count, by: chunkSize).map { used[$0..<min($0 + chunkSize, used.count)] }
        let scored = Parallel.map(chunks) { [documentsOfKey, lengths] chunk -> (lists: [[Int]], bytes: Int) in
            var lists: [[Int]] = []
            lists.reserveCapacity(chunk.count)
            var bytes = 0
            for key in chunk {
                let list = documentsOfKey[key]
                let df = Double(list.count)
                let idf = log(1 + (count - df + 0.5) / (df + 0.5))
                var encoded: [Int] = []
                encoded.reserveCapacity(list.count * 2)
                var previous = 0
                bytes += keys[key].utf8.count + 6
                for (document, tf) in list {
                    let saturation = tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[document] / average))
                    let delta = document - previous, score = max(1, Int((idf * saturation * 100).rounded()))
                    encoded.append(delta)
                    encoded.append(score)
                    bytes += decimalLength(delta) + decimalLength(score) + 2
                    previous = document
                }
                lists.append(encoded)
            }
            return (lists, bytes)
        }
        var result = Postings()
        result.scores.reserveCapacity(used.count)
        for (chunk, part) in zip(chunks, scored) {
            result.estimatedBytes += part.bytes
            for (key, list) in zip(chunk, part.lists) { result.scores[keys[key]] = list }
        }
        return result
    }

    /// How many characters `String(value)` has.
    static func decimalLength(_ value: Int) -> Int {
        var length = value < 0 ? 2 : 1
        var rest = value.magnitude
        while rest >= 10 {
            rest /= 10
            length += 1
        }
        return length
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
