import Foundation

/// The related articles of the previous build, kept in `.digest-cache/` with what they were
/// made from (`signature`): an edit that changes no article's date, slug, countries, topics
/// or title, as most edits of an article's text do not, gives the same lists, so a rebuild
/// takes them instead of scoring every article's neighbours again.
///
/// The file: `magic`, the format number, the fingerprint (the article cache's: the tool and
/// its settings), the signature, the number of articles, then each one's list as a count
/// and indices into the articles, and a checksum of everything before it.
struct RelatedMemo: Sendable {
    static let magic = Array("digest-related".utf8)
    static let format: UInt32 = 2

    let file: URL?
    let fingerprint: String

    init(folder: URL?, fingerprint: String) {
        self.fingerprint = fingerprint
        file = folder?.appendingPathComponent("related-\(fingerprint).bin")
    }

    /// Everything `RelatedArticles` reads of the articles, in their order, and `count`. Each
    /// string goes in as its checksum, a word at a time, and the articles by index: hashing
    /// every title byte by byte took a twentieth of a rebuild that changed nothing.
    static func signature(_ articles: [AnalyzedArticle], count: Int) -> UInt64 {
        var hasher = StableHasher()
        func add(_ string: String) {
            var string = string
            hasher.mix(string.withUTF8 { ArticleCache.checksum(UnsafeRawBufferPointer($0)) })
        }
        func add(_ strings: [String]) {
            hasher.mix(UInt64(strings.count))
            for string in strings { add(string) }
        }
        hasher.mix(UInt64(count))
        hasher.mix(UInt64(articles.count))
        for i in articles.indices {
            add(articles[i].article.slug)
            if let date = articles[i].article.published {
                hasher.mix(1)
                hasher.mix(UInt64(bitPattern: Int64(date.sortKey)))
                hasher.mix(date.secondsOfDay == nil ? 0 : 1)
            } else {
                hasher.mix(0)
            }
            add(articles[i].countries.primary)
            add(articles[i].topics)
            add(articles[i].article.title)
        }
        return hasher.state
    }

    /// Fills `related` of every article: from the file when it was made from the same
    /// signature, else by `RelatedArticles`, and then saved.
    func link(_ articles: inout [AnalyzedArticle], count: Int) {
        let signature = Self.signature(articles, count: count)
        if let file, let data = try? Data(contentsOf: file),
           let lists = Self.decode(data, fingerprint: fingerprint, signature: signature, articles: articles.count) {
            RelatedArticles.fill(&articles, with: lists)
            return
        }
        let lists = RelatedArticles.lists(articles, count: count)
        RelatedArticles.fill(&articles, with: lists)
        guard let file else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? CacheFile.replace(file, with: Self.encode(lists, fingerprint: fingerprint, signature: signature))
        let folder = file.deletingLastPathComponent()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix("related-") && name != file.lastPathComponent {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    static func encode(_ lists: [[Int]], fingerprint: String, signature: UInt64) -> [UInt8] {
        var bytes = magic
        BinaryWriter.appendFixed(format, to: &bytes)
        BinaryWriter.appendVarint(UInt64(fingerprint.utf8.count), to: &bytes)
        bytes.append(contentsOf: fingerprint.utf8)
        BinaryWriter.appendFixed(signature, to: &bytes)
        BinaryWriter.appendVarint(UInt64(lists.count), to: &bytes)
        for list in lists {
            BinaryWriter.appendVarint(UInt64(list.count), to: &bytes)
            for i in list { BinaryWriter.appendVarint(UInt64(i), to: &bytes) }
        }
        BinaryWriter.appendFixed(bytes.withUnsafeBytes(ArticleCache.checksum), to: &bytes)
        return bytes
    }

    /// The lists of a file made under `fingerprint` from `signature` for `articles` articles;
    /// nil for any other bytes.
    static func decode(_ data: Data, fingerprint: String, signature: UInt64, articles: Int) -> [[Int]]? {
        BinaryReader.checkedBody(data, magic: magic, format: format, fingerprint: fingerprint) { reader, offset, end -> [[Int]]? in
            guard try reader.fixed(UInt64.self, at: &offset, limit: end) == signature,
                  try reader.varint(at: &offset, limit: end) == UInt64(articles)
            else { return nil }
            var lists: [[Int]] = []
            lists.reserveCapacity(articles)
            for _ in 0..<articles {
                let count = try reader.varint(at: &offset, limit: end)
                guard count <= UInt64(end - offset) else { return nil }
                var list: [Int] = []
                for _ in 0..<count {
                    let i = try reader.varint(at: &offset, limit: end)
                    guard i < UInt64(articles) else { return nil }
                    list.append(Int(i))
                }
                lists.append(list)
            }
            return offset == end ? lists : nil
        }
    }
}
