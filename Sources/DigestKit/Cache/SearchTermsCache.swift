import Foundation

/// Each article's search terms from the previous build, by the article's key (`PageKeys`:
/// what its unit's files hash to), kept in `.digest-cache/` so that a rebuild reads only
/// the text of the articles that changed: tokenizing and stemming every article was most
/// of the search index's time.
///
/// An article's terms follow from its analysis and from the names of its countries and
/// topics, so the file is made under the article cache's fingerprint (digest, config,
/// resources). A file that is missing, damaged or made under another is simply not used.
///
/// The file: `magic`, the format number, the fingerprint, the term table (count, then each
/// term's UTF-8 length and bytes), the documents (count, then each one's key as 8 bytes, its
/// length, its primary keys and its alternates as counts and pairs of term number and
/// weight), and a checksum of everything before it. Lengths and weights are sums of the
/// field weights, all multiples of one half, so they are written doubled, as integers.
struct SearchTermsCache: Sendable {
    static let magic = Array("digest-search".utf8)
    static let format: UInt32 = 1

    /// The cache's file, or nil for a build that keeps no cache.
    let file: URL?
    let fingerprint: String
    private(set) var terms: [String] = []
    private(set) var documents: [UInt64: SearchTerms.Document] = [:]

    init(folder: URL?, fingerprint: String) {
        self.fingerprint = fingerprint
        file = folder?.appendingPathComponent("search-\(fingerprint).bin")
        guard let file, let data = try? Data(contentsOf: file, options: .alwaysMapped),
              let (terms, documents) = Self.decode(data, fingerprint: fingerprint)
        else { return }
        self.terms = terms
        self.documents = documents
    }

    /// The corpus of `digest` (`keys`: each article's key): unchanged articles' terms taken
    /// from here, the others read (on every core when `spread`).
    /// `drafts`: documents made where articles were analysed (`SearchCorpus`).
    func corpus(for digest: Digest, keys: [UInt64], drafts: consuming [SearchDraft?] = [], spread: Bool = true) -> SearchCorpus {
        SearchCorpus(digest: digest, terms: terms, known: keys.map { documents[$0] }, drafts: drafts, spread: spread)
    }

    /// The articles (by index into `keys`) whose terms are not here: they must be read.
    func missing(_ keys: [UInt64]) -> [Int] {
        keys.indices.filter { documents[keys[$0]] == nil }
    }

    /// Writes the terms of `corpus`'s documents (`keys`: each one's article key) when they are
    /// not what was read, but for a few (`isWorthSaving`). A cache that cannot be written costs
    /// the next build some time only.
    func save(_ corpus: SearchCorpus, keys: [UInt64]) {
        guard let file, isWorthSaving(keys) else { return }
        let folder = file.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Written from the array itself: a copy into `Data` first raised a cold build's peak memory.
        guard (try? CacheFile.replace(file, with: Self.encode(corpus, keys: keys, fingerprint: fingerprint))) != nil else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix("search-") && name.hasSuffix(".bin") && name != file.lastPathComponent {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// False when the file holds the terms of all but a few of the articles at `keys` and few
    /// others: the next build reads those few articles' terms again, which costs less than
    /// writing the file again (7 MB for 10,000 articles) after every edit. The terms of articles
    /// gone or edited stay in the file until then; they are keyed by content, so never wrong.
    func isWorthSaving(_ keys: [UInt64]) -> Bool {
        guard !documents.isEmpty else { return !keys.isEmpty }
        let new = keys.reduce(0) { $0 + (documents[$1] == nil ? 1 : 0) }
        let unused = documents.count - (keys.count - new)
        return new + max(0, unused) > max(Self.fewArticles, keys.count / 200)
    }

    /// How many articles' terms a build may read again rather than write the file.
    static let fewArticles = 16

    /// The file's bytes. Terms are numbered afresh in the order the documents use them, so
    /// terms of articles that are gone are left out.
    static func encode(_ corpus: SearchCorpus, keys: [UInt64], fingerprint: String) -> [UInt8] {
        // Two passes, so that the file is made in one array: the term table, which comes
        // first, is known only once every document has been seen.
        var number = [Int32](repeating: -1, count: corpus.terms.count)
        var used: [Int32] = []
        var written = Set<UInt64>()
        var kept: [Int] = []
        for (n, (key, document)) in zip(keys, corpus.documents).enumerated() {
            guard doubled(document.length) != nil, written.insert(key).inserted
            else { continue }
            kept.append(n)
            for (term, _) in document.tf + document.alternates where number[Int(term)] < 0 {
                number[Int(term)] = Int32(used.count)
                used.append(term)
            }
        }
        var bytes = magic
        BinaryWriter.appendFixed(format, to: &bytes)
        BinaryWriter.appendVarint(UInt64(fingerprint.utf8.count), to: &bytes)
        bytes.append(contentsOf: fingerprint.utf8)
        BinaryWriter.appendVarint(UInt64(used.count), to: &bytes)
        for term in used {
            var text = corpus.terms[Int(term)]
            text.withUTF8 { utf8 in
                BinaryWriter.appendVarint(UInt64(utf8.count), to: &bytes)
                bytes.append(contentsOf: utf8)
            }
        }
        BinaryWriter.appendVarint(UInt64(kept.count), to: &bytes)
        for n in kept {
            let document = corpus.documents[n]
            BinaryWriter.appendFixed(keys[n], to: &bytes)
            BinaryWriter.appendVarint(doubled(document.length) ?? 0, to: &bytes)
            for list in [document.tf, document.alternates] {
                BinaryWriter.appendVarint(UInt64(list.count), to: &bytes)
                for (term, weight) in list {
                    BinaryWriter.appendVarint(UInt64(number[Int(term)]), to: &bytes)
                    BinaryWriter.appendVarint(UInt64(weight), to: &bytes)
                }
            }
        }
        let sum = bytes.withUnsafeBytes(ArticleCache.checksum)
        BinaryWriter.appendFixed(sum, to: &bytes)
        return bytes
    }

    /// Twice `value`, when that is a whole number a varint holds.
    static func doubled(_ value: Double) -> UInt64? {
        let twice = value * 2
        guard twice >= 0, twice < 0x1p52, twice.rounded() == twice else { return nil }
        return UInt64(twice)
    }

    /// The terms and documents of a file made under `fingerprint`; nil for any other bytes.
    static func decode(_ data: Data, fingerprint: String) -> (terms: [String], documents: [UInt64: SearchTerms.Document])? {
        BinaryReader.checkedBody(data, magic: magic, format: format, fingerprint: fingerprint) { reader, offset, end
            -> (terms: [String], documents: [UInt64: SearchTerms.Document])? in
            let termCount = try reader.varint(at: &offset, limit: end)
            guard termCount <= UInt64(end - offset), termCount <= UInt64(Int32.max) else { return nil }
            var terms: [String] = []
            terms.reserveCapacity(Int(termCount))
            for _ in 0..<termCount { terms.append(try reader.stringBytes(at: &offset, limit: end)) }
            let documentCount = try reader.varint(at: &offset, limit: end)
            guard documentCount <= UInt64(end - offset) else { return nil }
            var documents: [UInt64: SearchTerms.Document] = [:]
            documents.reserveCapacity(Int(documentCount))
            for _ in 0..<documentCount {
                let key = try reader.fixed(UInt64.self, at: &offset, limit: end)
                var document = SearchTerms.Document(length: Double(try reader.varint(at: &offset, limit: end)) / 2)
                for list in 0..<2 {
                    let count = try reader.varint(at: &offset, limit: end)
                    guard count <= UInt64(end - offset) else { return nil }
                    var pairs: [(Int32, UInt32)] = []
                    pairs.reserveCapacity(Int(count))
                    for _ in 0..<count {
                        let term = try reader.varint(at: &offset, limit: end)
                        let weight = try reader.varint(at: &offset, limit: end)
                        guard term < termCount, let weight = UInt32(exactly: weight) else { return nil }
                        pairs.append((Int32(term), weight))
                    }
                    if list == 0 { document.tf = pairs } else { document.alternates = pairs }
                }
                documents[key] = document
            }
            guard offset == end else { return nil }
            return (terms, documents)
        }
    }
}
