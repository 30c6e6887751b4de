import ArabicText
import Foundation

/// The search index of the site, written as script files so the search page works
/// opened from disk (browsers refuse `fetch` on file://, but load `<script src>`).
///
/// Terms are the keys of `SearchKeys` (normalized, light-stemmed, proclitics taken
/// off), each with its postings (`SearchPostings`): the documents it occurs in and its weighted
/// occurrences there. The search script scores them with BM25 when a query needs them, from
/// the documents' lengths (one file, `search/lengths.js`) and the document count and average
/// length in the manifest, so a term shard changes only when its own keys' weights do: an edit
/// remakes the shards of the keys whose weight in the edited article changed (a sentence added
/// remakes the shards of its words), not every shard, nor every shard of the article's keys as
/// when each posting held its document's length. Terms are split into shards by a hash of the key, so a
/// query loads one shard per key it looks up, and documents (title, date, summary) into
/// shards of a fixed size, so showing a page of results loads only the shards of those results.
struct SearchIndex: Sendable {
    /// Documents per document shard.
    static let documentsPerShard = 10
    /// Aim for term shards about this big, so a query loads a small part of the index.
    static let termShardBytes = 24_000
    /// Shards a build makes at a time (on every core) and hands on before it makes the next,
    /// so the index is never held whole.
    static let shardsPerBatch = 64
    /// How much a word counts in each field: multiples of one half (see `SearchPostings`).
    static let weights = (title: 3.0, names: 2.0, summary: 1.5, body: 1.0)
    /// BM25's term-frequency saturation and length normalization, read by the script from the manifest.
    static let k1 = 1.2, b = 0.5
    /// The manifest's `version`: 3 since documents' lengths are one file of their own instead of
    /// a number on every posting (2: postings held weights and lengths instead of scores).
    static let version = 3

    var digest: Digest
    var dates: DateDisplay
    /// The articles' terms, until the postings are made from them (`makePostings`): then they
    /// are not needed any more.
    var corpus: SearchCorpus?
    /// The postings of the keys of the term shards to make (every shard's, but in a rebuild).
    var postings: SearchPostings?
    /// What the term shards hold, summed up: how many there are, and which changed.
    var summary: TermShardSummary
    /// Each document's length, doubled.
    var lengths: [UInt32]
    /// How many term shards (see `termShardCount(bytes:shardBytes:)`).
    var termShardCount: Int
    /// Which term shards to make, once planned (`SiteRenderer.planTermShards`).
    var plan: Plan?

    /// Each term shard's keys (`termShardKeys`), its key for the page memo (nil without a
    /// cache), and whether the previous site's file is current.
    struct Plan: Sendable {
        var layout: [[Int]]
        var keys: [UInt64?]
        var current: [Bool]
    }

    /// `shardBytes`: what a term shard should be about, `termShardBytes` but in tests.
    /// `summarized`: false leaves the summary and the shard count to `summarize`, for a rebuild
    /// that may take them from the previous build (`SiteRenderer.planTermShards`).
    init(digest: Digest, dates: DateDisplay, corpus: SearchCorpus? = nil, shardBytes: Int = termShardBytes, summarized: Bool = true) {
        self.digest = digest
        self.dates = dates
        let corpus = corpus ?? SearchCorpus(digest: digest)
        lengths = corpus.lengths
        self.shardBytes = shardBytes
        summary = TermShardSummary(SearchCorpus(terms: [], documents: []))
        termShardCount = 0
        self.corpus = corpus
        if summarized { summarize() }
    }

    /// What a term shard should be about.
    let shardBytes: Int
    /// Whether `summary` and `termShardCount` were worked out from the corpus.
    private(set) var isSummarized = false

    /// Sums up the term shards (see `TermShardSummary`) and counts them.
    mutating func summarize() {
        guard !isSummarized, let corpus else { return }
        summary = TermShardSummary(corpus)
        termShardCount = Self.termShardCount(bytes: summary.bytes, shardBytes: shardBytes)
        isSummarized = true
    }

    /// Makes the postings of the keys of the term shards `numbers` (of `layout`, from
    /// `termShardKeys`), and lets the articles' terms go.
    mutating func makePostings(forShards numbers: some Sequence<Int>, of layout: [[Int]]) {
        guard let corpus else { return }
        var wanted = [Bool](repeating: false, count: corpus.terms.count)
        for number in numbers {
            for term in layout[number] { wanted[term] = true }
        }
        postings = SearchPostings(corpus, wanted: wanted, attested: summary.attested)
        self.corpus = nil
    }

    /// The index's files all at once: its tables, manifest, lengths, term shards and every document shard.
    func files() -> [Page] {
        var made = self
        let layout = termShardKeys()
        made.makePostings(forShards: layout.indices, of: layout)
        let index = made
        return queryFiles() + Parallel.map(Array(layout.enumerated())) { index.termShard($0, keys: $1) }
            + Parallel.map(Array(0..<documentShards)) { documentFile($0) }
    }

    var documentShards: Int { max(1, (digest.articles.count + Self.documentsPerShard - 1) / Self.documentsPerShard) }

    /// The articles document shard `number` shows, by index into the digest's articles.
    func articles(inDocumentShard number: Int) -> Range<Int> {
        let start = min(number * Self.documentsPerShard, digest.articles.count)
        return start..<min(start + Self.documentsPerShard, digest.articles.count)
    }

    /// Document shard `number`: what its results show. Written as `json` writes the documents,
    /// string by string, without an encoder for each of the thousand shards of 10,000 articles.
    func documentFile(_ number: Int) -> Page {
        var bytes = Array("DigestSearchLoaded(\"docs/\(number)\",[".utf8)
        for (k, i) in articles(inDocumentShard: number).enumerated() {
            bytes.append(contentsOf: k == 0 ? "[".utf8 : ",[".utf8)
            for (n, field) in document(digest.articles[i]).enumerated() {
                if n > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.appendJSONString(field, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(contentsOf: "]);\n".utf8)
        return Page(path: SitePaths.searchDocuments(number), bytes: bytes)
    }

    /// What every query needs besides its keys' term shards: the normalizer's tables and the
    /// manifest (how many shards, and the corpus-wide numbers of BM25), which the search page
    /// loads with itself, and the documents' lengths, which the script loads with a query's first
    /// term shards.
    func queryFiles() -> [Page] {
        let count = Double(max(lengths.count, 1))
        let totalLength = lengths.reduce(0) { $0 + UInt64($1) }
        let manifest = Manifest(version: Self.version, documents: digest.articles.count,
                                averageLength: Double(totalLength) / 2 / count, k1: Self.k1, b: Self.b,
                                documentsPerShard: Self.documentsPerShard, documentShards: documentShards,
                                termShards: termShardCount, arabicDigits: digest.config.arabicIndicDigits ? 1 : 0)
        return [Page(path: SitePaths.searchTables, text: "window.DigestSearchTables = \(Self.json(SearchKeys.tables));\n"),
                Page(path: SitePaths.searchManifest, text: "window.DigestSearchIndex = \(Self.json(manifest));\n"),
                lengthsFile()]
    }

    /// Every document's length (doubled, as on the postings before), by document number: BM25
    /// normalizes a posting's weight by its document's length.
    func lengthsFile() -> Page {
        var bytes = Array("DigestSearchLoaded(\"lengths\",[".utf8)
        bytes.reserveCapacity(bytes.count + lengths.count * 5 + 4)
        for (d, length) in lengths.enumerated() {
            if d > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.appendDecimal(Int(length), to: &bytes)
        }
        bytes.append(contentsOf: "]);\n".utf8)
        return Page(path: SitePaths.searchLengths, bytes: bytes)
    }

    /// The manifest's fields. The average length is written as the shortest decimal that reads
    /// back as the same double, so the script divides by exactly the number Swift would.
    struct Manifest: Encodable {
        var version: Int
        var documents: Int
        var averageLength: Double
        var k1: Double
        var b: Double
        var documentsPerShard: Int
        var documentShards: Int
        var termShards: Int
        var arabicDigits: Int
    }

    /// How many term shards: the index's size (`TermShardSummary.bytes`) over `shardBytes`,
    /// rounded up to a power of two. An edit moves the size a little, so it almost never changes
    /// the count, which would move keys between every shard and remake them all.
    static func termShardCount(bytes: Int, shardBytes: Int) -> Int {
        let needed = max(1, (bytes + shardBytes - 1) / shardBytes)
        var count = 1
        while count < needed { count *= 2 }
        return count
    }

    /// Each term shard's keys by number, in key order.
    func termShardKeys() -> [[Int]] {
        let count = termShardCount
        var shards = Array(repeating: [Int](), count: count)
        let terms = summary.terms
        for term in summary.indexedTerms {
            shards[Int(Self.shard(of: terms[term], count: count))].append(term)
        }
        return Parallel.map(shards) { keys in keys.sorted { terms[$0] < terms[$1] } }
    }

    /// What a term shard of the keys numbered `keys` is made from, hashed: the keys and their
    /// postings, which its bytes spell out. Known without the postings, so a rebuild makes the
    /// postings of the shards whose hash changed only.
    func hash(ofTermShard keys: [Int]) -> UInt64 {
        var hasher = StableHasher()
        for term in keys {
            hasher.combine(summary.terms[term])
            hasher.mix(UInt64(summary.counts[term]))
            hasher.mix(summary.postingHashes[term])
        }
        return hasher.state
    }

    /// Term shard `number`, of the keys numbered `keys`: each key with its postings as
    /// `[document delta, weight × 2, …]`, documents ascending (so newest first),
    /// deltas from the previous document. Written as bytes, digit by digit: strings joined per
    /// number were most of this work.
    func termShard(_ number: Int, keys: [Int]) -> Page {
        // `makePostings` made them for this shard, or the corpus is still here to make them from
        // (one of the two always is).
        guard let postings = postings ?? corpus.map({ SearchPostings($0) }) else { return Page(path: SitePaths.searchTerms(number), text: "") }
        var bytes = Array("DigestSearchLoaded(\"terms/\(number)\",{".utf8)
        for (i, term) in keys.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.appendJSONString(postings.terms[term], to: &bytes)
            bytes.append(contentsOf: ":[".utf8)
            var previous: Int32 = 0
            for p in postings.range(of: term) {
                if p > postings.starts[term] { bytes.append(UInt8(ascii: ",")) }
                let document = postings.documents[p]
                Self.appendDecimal(Int(document - previous), to: &bytes)
                bytes.append(UInt8(ascii: ","))
                Self.appendDecimal(Int(postings.frequencies[p]), to: &bytes)
                previous = document
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(contentsOf: "});\n".utf8)
        return Page(path: SitePaths.searchTerms(number), bytes: bytes)
    }

    /// `text` as a JSON string, as `json` writes it, without an encoder per key.
    static func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        func hex(_ digit: UInt8) -> UInt8 { digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10 }
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes.append(contentsOf: #"\""#.utf8)
            case 0x5C: bytes.append(contentsOf: #"\\"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(hex(byte >> 4))
                bytes.append(hex(byte & 0xF))
            case 0xA8...0xA9:
                // The last byte of U+2028/2029 (E2 80 A8/A9), line ends to older JavaScript
                // parsers (see `json`); of any other character (ب is D8 A8), just a byte.
                if bytes.count >= 2, bytes[bytes.count - 2] == 0xE2, bytes[bytes.count - 1] == 0x80 {
                    bytes.removeLast(2)
                    bytes.append(contentsOf: (byte == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                } else {
                    bytes.append(byte)
                }
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
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
