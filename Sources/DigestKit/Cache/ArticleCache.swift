import Foundation

/// What the Content and Analysis stages made of each article unit, kept in `.digest-cache/`
/// between builds. An entry is reused only when its unit's bytes hash to the same key and
/// the whole cache was made by the same digest, config and resources; anything else is a miss.
struct ArticleCache: Sendable {
    /// One article unit as it was parsed and analysed (related articles are linked afresh).
    struct Entry: Codable, Sendable {
        var key: String
        var articles: [AnalyzedArticle]
        var diagnostics: [Diagnostic]
    }

    /// The cache is a folder of binary files (format 6), its shards: an entry goes to the
    /// shard its path hashes to, so a rebuild after an edit writes one small file again, not
    /// the whole cache. A shard is a header (`magic`, the format number, the fingerprint, the
    /// shard's number), then one record per article unit: its byte length, a checksum of its
    /// bytes, and a `Record` as `ArticleRecordCoding` writes it. Records are found by stepping from
    /// length to length and are encoded and decoded on every core.
    struct Record: Codable, Sendable {
        var path: String
        var entry: Entry
    }

    static let magic = Array("digest-cache".utf8)

    /// Bumped when the file changes shape in a way decoding would not notice.
    static let format: UInt32 = 6

    static let shardCount = 64

    /// The folder, or nil for a build that keeps no cache.
    var folder: URL?
    /// Tool version, executable, config and resources, hashed: entries made under another are ignored.
    var fingerprint: String
    /// Entries as the build reads them: those taken from the file without their bodies.
    private(set) var entries: [String: Entry] = [:]
    /// Each shard's file as it was read, and where each path's record (checksum and bytes) is
    /// in its shard: a save copies the records of entries that were not replaced instead of
    /// encoding them again, and `fullArticles` decodes a record whole.
    private var loaded: [Data] = Array(repeating: Data(), count: shardCount)
    private var loadedRecords: [String: Range<Int>] = [:]
    /// Shards whose file is damaged or missing entries it should hold: written at the next save.
    private var stale: Set<Int> = []
    private var replaced: Set<String> = []
    private var used: Set<String> = []

    /// The cache's folder of shards: named after the fingerprint, so a cache made under other
    /// settings is simply not found (and is removed at the next save).
    var shards: URL? { folder?.appendingPathComponent("articles-\(fingerprint)") }

    func file(ofShard shard: Int) -> URL? {
        shards?.appendingPathComponent(String(format: "%02x.bin", shard))
    }

    /// The shard an article unit's entry is kept in.
    static func shard(of path: String) -> Int {
        var hasher = StableHasher()
        hasher.combine(path)
        return Int(hasher.state % UInt64(shardCount))
    }

    /// Reads the cache in `folder`. A shard that cannot be read is reported as a warning and
    /// treated as empty: it only costs the time to analyse its articles again.
    init(folder: URL?, config: SiteConfig, diagnostics: inout Diagnostics) {
        self.init(folder: folder, fingerprint: Self.fingerprint(config: config), diagnostics: &diagnostics)
    }

    init(folder: URL?, fingerprint: String, diagnostics: inout Diagnostics) {
        self.folder = folder
        self.fingerprint = fingerprint
        guard let shards else { return }
        // Mapped, not read: the records of unchanged entries are copied from it at the next
        // save, and most of the bytes (the articles' text) are never looked at. A save
        // replaces a file by renaming, so a mapped file never changes under the build.
        var found: [(shard: Int, data: Data, records: [Range<Int>])] = []
        var reasons: [String] = []
        var seen = 0
        for shard in 0..<Self.shardCount {
            guard let file = file(ofShard: shard), FileManager.default.fileExists(atPath: file.path) else { continue }
            seen += 1
            do {
                let data = try Data(contentsOf: file, options: .alwaysMapped)
                found.append((shard, data, try data.withUnsafeBytes { try Self.recordRanges($0, fingerprint: fingerprint, shard: shard) }))
            } catch {
                stale.insert(shard)
                reasons.append(Self.reason(error))
            }
        }
        // One spread over every core for the records of all shards.
        let work = found.flatMap { shard in shard.records.map { (shard.data, $0) } }
        var decoded = Self.decodeRecords(work, light: true)[...]
        entries.reserveCapacity(work.count)
        loadedRecords.reserveCapacity(work.count)
        for (shard, data, records) in found {
            let results = decoded.prefix(records.count)
            decoded = decoded.dropFirst(records.count)
            var read: [(Record, Range<Int>)] = []
            read.reserveCapacity(records.count)
            do {
                for (result, range) in zip(results, records) {
                    let record = try result.get()
                    guard Self.shard(of: record.path) == shard else {
                        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "an entry of it is in another shard's file"))
                    }
                    read.append((record, range))
                }
            } catch {
                stale.insert(shard)
                reasons.append(Self.reason(error))
                continue
            }
            loaded[shard] = data
            for (record, range) in read {
                entries[record.path] = record.entry
                loadedRecords[record.path] = range
            }
        }
        if let reason = reasons.first {
            let part = stale.count >= seen ? "every article is" : "the articles of \(stale.count) of its \(seen) files are"
            diagnostics.append(.warning("the build cache cannot be read, so \(part) analysed again (\(reason)); it is rewritten after this build",
                                        file: shards.relativePath))
        }
    }

    /// The key every entry is made under: what, besides an article's own bytes, decides what
    /// Content and Analysis make of it.
    static func fingerprint(config: SiteConfig, resources: String = BuiltInResources.fingerprint(),
                            version: String = DigestVersion.current + " " + executableIdentity) -> String {
        var hasher = StableHasher()
        hasher.combine("format \(format)\u{0}digest \(version)\u{0}")
        hasher.combine("config\u{0}\(config.fingerprint)\u{0}resources\u{0}\(resources)")
        return hasher.hex
    }

    /// The running executable's size and modification time: a rebuilt digest (a developer's
    /// build between two releases) does not trust what an older build of it analysed.
    static let executableIdentity: String = {
        guard let path = Bundle.main.executablePath,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        else { return "" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(modified)"
    }()

    /// The entry of `unit` when its files have not changed.
    mutating func entry(for unit: ArticleUnit, key: String) -> Entry? {
        guard let entry = entries[unit.primaryPath], entry.key == key else { return nil }
        used.insert(unit.primaryPath)
        return entry
    }

    mutating func store(_ entry: Entry, for unit: ArticleUnit) {
        entries[unit.primaryPath] = entry
        replaced.insert(unit.primaryPath)
        used.insert(unit.primaryPath)
    }

    /// The articles of the unit at `path`, with what reading the cache left out; nil when
    /// its entry was not read from the file.
    func fullArticles(at path: String) -> [AnalyzedArticle]? {
        guard !replaced.contains(path), let range = loadedRecords[path] else { return nil }
        return loaded[Self.shard(of: path)].withUnsafeBytes { bytes in
            try? ArticleRecordCoding.decode(UnsafeRawBufferPointer(rebasing: bytes[range.dropFirst(8)])).entry.articles
        }
    }

    /// Removes the cache's files: the next build analyses every article again.
    func discard() {
        guard let shards else { return }
        try? FileManager.default.removeItem(at: shards)
    }

    /// Writes back the shards that changed, without the entries of articles that are gone. A
    /// cache that cannot be written is a warning: the site itself is fine.
    mutating func save(diagnostics: inout Diagnostics) {
        guard let folder, let shards else { return }
        let gone = Set(entries.keys).subtracting(used)
        for path in gone { entries[path] = nil }
        var changed = stale
        for path in replaced.union(gone) { changed.insert(Self.shard(of: path)) }
        guard !changed.isEmpty else { return }
        var byShard = [[String: Entry]](repeating: [:], count: Self.shardCount)
        var unchanged = [[String: Range<Int>]](repeating: [:], count: Self.shardCount)
        for (path, entry) in entries {
            let shard = Self.shard(of: path)
            guard changed.contains(shard) else { continue }
            byShard[shard][path] = entry
            if !replaced.contains(path), let range = loadedRecords[path] { unchanged[shard][path] = range }
        }
        do {
            try FileManager.default.createDirectory(at: shards, withIntermediateDirectories: true)
            for shard in changed.sorted() {
                guard let file = file(ofShard: shard) else { continue }
                guard !byShard[shard].isEmpty else {
                    try? FileManager.default.removeItem(at: file)
                    continue
                }
                try CacheFile.replace(file, with: Self.encode(byShard[shard], fingerprint: fingerprint, shard: shard,
                                                              copying: unchanged[shard], from: loaded[shard]))
            }
            stale = []
            // Caches made under another version, config or resources, or in an older format,
            // can never be read again.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            where name.hasPrefix("articles-") && name != shards.lastPathComponent {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        } catch {
            diagnostics.append(.warning("the build cache cannot be written (\(Self.reason(error))); the next build analyses its articles again", file: shards.relativePath))
        }
    }

    /// The file of shard `shard` holding `entries`; the records of the paths in `copying` are
    /// taken as they are from `file` (checksum and bytes), the others encoded.
    static func encode(_ entries: [String: Entry], fingerprint: String, shard: Int = 0,
                       copying copied: [String: Range<Int>] = [:], from file: Data = Data()) throws -> Data {
        let sorted = entries.sorted { $0.key < $1.key }
        let records = Parallel.map(sorted) { path, entry -> [UInt8]? in
            guard copied[path] == nil else { return [] }
            return ArticleRecordCoding.encode(Record(path: path, entry: entry))
        }
        var bytes = magic
        BinaryWriter.appendFixed(format, to: &bytes)
        BinaryWriter.appendVarint(UInt64(fingerprint.utf8.count), to: &bytes)
        bytes.append(contentsOf: fingerprint.utf8)
        BinaryWriter.appendFixed(UInt32(shard), to: &bytes)
        bytes.reserveCapacity(bytes.count + records.reduce(0) { $0 + 12 + ($1?.count ?? 0) } + copied.values.reduce(0) { $0 + 4 + $1.count })
        for ((path, _), record) in zip(sorted, records) {
            if let range = copied[path] {
                BinaryWriter.appendFixed(UInt32(range.count - 8), to: &bytes)
                file.withUnsafeBytes { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[range])) }
                continue
            }
            guard let record, let length = UInt32(exactly: record.count) else {
                throw EncodingError.invalidValue(entries, .init(codingPath: [], debugDescription: "an entry cannot be encoded"))
            }
            BinaryWriter.appendFixed(length, to: &bytes)
            BinaryWriter.appendFixed(record.withUnsafeBytes(checksum), to: &bytes)
            bytes.append(contentsOf: record)
        }
        return Data(bytes)
    }

    /// The entries of a shard's file; throws when it is not one made under `fingerprint` for
    /// `shard`. `light` leaves out what a build does not read: the articles' text (their blocks) and
    /// the evidence of their tags. Only pages rendered again need the text (`fullArticles`), and
    /// only `digest inspect`, which analyses afresh, shows the evidence.
    static func decode(_ data: Data, fingerprint: String, shard: Int = 0, light: Bool = false) throws -> (entries: [String: Entry], records: [String: Range<Int>]) {
        let records = try data.withUnsafeBytes { bytes in try recordRanges(bytes, fingerprint: fingerprint, shard: shard) }
        let decoded = decodeRecords(records.map { (data, $0) }, light: light)
        var entries: [String: Entry] = [:], ranges: [String: Range<Int>] = [:]
        entries.reserveCapacity(decoded.count)
        for (record, range) in zip(decoded, records) {
            let record = try record.get()
            entries[record.path] = record.entry
            ranges[record.path] = range
        }
        return (entries, ranges)
    }

    /// The records at `items` (a file and where a record's checksum and bytes are in it),
    /// decoded on every core; a record whose checksum is wrong is a failure.
    static func decodeRecords(_ items: [(data: Data, range: Range<Int>)], light: Bool) -> [Result<Record, any Error>] {
        Parallel.map(items) { data, range in
            data.withUnsafeBytes { bytes -> Result<Record, any Error> in
                let payload = UnsafeRawBufferPointer(rebasing: bytes[range])
                guard checksum(UnsafeRawBufferPointer(rebasing: payload.dropFirst(8)))
                        == payload.loadUnaligned(as: UInt64.self).littleEndian
                else {
                    return .failure(DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "an entry of it is damaged")))
                }
                return Result { try ArticleRecordCoding.decode(UnsafeRawBufferPointer(rebasing: payload.dropFirst(8)), light: light) }
            }
        }
    }

    /// Checks the header and finds each record: its checksum and bytes, without its length.
    private static func recordRanges(_ bytes: UnsafeRawBufferPointer, fingerprint: String, shard: Int) throws -> [Range<Int>] {
        let reader = BinaryReader(bytes)
        var offset = magic.count
        guard bytes.count >= offset, bytes.prefix(offset).elementsEqual(magic),
              (try? reader.fixed(UInt32.self, at: &offset, limit: bytes.count)) == format,
              let name = try? reader.stringBytes(at: &offset, limit: bytes.count), name == fingerprint,
              (try? reader.fixed(UInt32.self, at: &offset, limit: bytes.count)) == UInt32(shard)
        else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "its header does not match its name"))
        }
        var ranges: [Range<Int>] = []
        while offset < bytes.count {
            let length = try reader.fixed(UInt32.self, at: &offset, limit: bytes.count)
            guard UInt64(length) + 8 <= UInt64(bytes.count - offset) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "it ends in the middle of an entry"))
            }
            ranges.append(offset..<(offset + 8 + Int(length)))
            offset += 8 + Int(length)
        }
        return ranges
    }

    /// A quick 64-bit checksum of a record, a word at a time in four lanes: a rebuild checks
    /// every record of the cache (80 MB at 10,000 articles), and one lane, each word waiting
    /// for the last word's multiplication, took a tenth of a second of its start.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let prime: UInt64 = 0x100_0000_01b3
        let seed: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var lanes = (seed, seed ^ 0x243F_6A88_85A3_08D3, seed ^ 0x1319_8A2E_0370_7344, seed ^ 0xA409_3822_299F_31D0)
        func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
            let hash = (hash ^ word) &* prime
            return hash ^ (hash >> 29)
        }
        func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        var offset = 0
        while offset + 32 <= bytes.count {
            lanes.0 = mix(lanes.0, word(offset))
            lanes.1 = mix(lanes.1, word(offset + 8))
            lanes.2 = mix(lanes.2, word(offset + 16))
            lanes.3 = mix(lanes.3, word(offset + 24))
            offset += 32
        }
        var hash = mix(mix(mix(lanes.0, lanes.1), lanes.2), lanes.3)
        while offset + 8 <= bytes.count {
            hash = mix(hash, word(offset))
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* prime
            offset += 1
        }
        return hash ^ (hash >> 32)
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as OutputError:
            return error.description
        case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
             DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return context.debugDescription
        default:
            return error.localizedDescription
        }
    }
}
