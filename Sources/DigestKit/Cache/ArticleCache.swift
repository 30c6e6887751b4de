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

    /// The cache file is binary (format 3): a header (`magic`, the format number, the
    /// fingerprint), then one record per article unit: its byte length, a checksum of its
    /// bytes, and a `Record` as `BinaryEncoder` writes it. Records are found by stepping
    /// from length to length and are encoded and decoded on every core.
    struct Record: Codable, Sendable {
        var path: String
        var entry: Entry
    }

    static let magic = Array("digest-cache".utf8)

    /// Bumped when the file changes shape in a way decoding would not notice.
    static let format: UInt32 = 3

    /// The folder, or nil for a build that keeps no cache.
    var folder: URL?
    /// Tool version, executable, config and resources, hashed: entries made under another are ignored.
    var fingerprint: String
    private(set) var entries: [String: Entry] = [:]
    /// The file as it was read, and where each path's record (checksum and bytes) is in it:
    /// a save copies the records of entries that were not replaced instead of encoding them again.
    private var loaded = Data()
    private var loadedRecords: [String: Range<Int>] = [:]
    private var replaced: Set<String> = []
    private var used: Set<String> = []
    private var changed = false

    /// The cache's file: named after the fingerprint, so a cache made under other settings is
    /// simply not found (and is removed at the next save).
    var file: URL? { folder?.appendingPathComponent("articles-\(fingerprint).bin") }

    /// Reads the cache in `folder`. A cache that cannot be read is reported as a warning and
    /// treated as empty: it only costs the time to analyse everything again.
    init(folder: URL?, config: SiteConfig, diagnostics: inout Diagnostics) {
        self.init(folder: folder, fingerprint: Self.fingerprint(config: config), diagnostics: &diagnostics)
    }

    init(folder: URL?, fingerprint: String, diagnostics: inout Diagnostics) {
        self.folder = folder
        self.fingerprint = fingerprint
        guard let file, let data = FileManager.default.contents(atPath: file.path) else {
            changed = true
            return
        }
        do {
            (entries, loadedRecords) = try Self.decode(data, fingerprint: fingerprint)
            loaded = data
        } catch {
            diagnostics.append(.warning("the build cache cannot be read, so every article is analysed again (\(Self.reason(error))); it is rewritten after this build", file: file.relativePath))
            changed = true
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
        changed = true
    }

    /// Writes the cache back, without the entries of articles that are gone. A cache that
    /// cannot be written is a warning: the site itself is fine.
    mutating func save(diagnostics: inout Diagnostics) {
        guard let folder, let file else { return }
        let gone = Set(entries.keys).subtracting(used)
        guard changed || !gone.isEmpty else { return }
        for key in gone { entries[key] = nil }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let unchanged = loadedRecords.filter { !replaced.contains($0.key) && entries[$0.key] != nil }
            try Self.encode(entries, fingerprint: fingerprint, copying: unchanged, from: loaded).write(to: file, options: .atomic)
            changed = false
            // Caches made under another version, config or resources, or in an older format,
            // can never be read again.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            where name.hasPrefix("articles-") && [".bin", ".json", ".jsonl"].contains(where: name.hasSuffix) && name != file.lastPathComponent {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        } catch {
            diagnostics.append(.warning("the build cache cannot be written (\(Self.reason(error))); the next build analyses every article again", file: file.relativePath))
        }
    }

    /// The file of `entries`; the records of the paths in `copying` are taken as they are
    /// from `file` (checksum and bytes), the others encoded.
    static func encode(_ entries: [String: Entry], fingerprint: String,
                       copying copied: [String: Range<Int>] = [:], from file: Data = Data()) throws -> Data {
        let sorted = entries.sorted { $0.key < $1.key }
        let records = Parallel.map(sorted) { path, entry -> [UInt8]? in
            guard copied[path] == nil else { return [] }
            return try? BinaryEncoder().encode(Record(path: path, entry: entry))
        }
        var bytes = magic
        BinaryWriter.appendFixed(format, to: &bytes)
        BinaryWriter.appendVarint(UInt64(fingerprint.utf8.count), to: &bytes)
        bytes.append(contentsOf: fingerprint.utf8)
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

    /// The entries of a cache file; throws when it is not one made under `fingerprint`.
    static func decode(_ data: Data, fingerprint: String) throws -> (entries: [String: Entry], records: [String: Range<Int>]) {
        let records = try data.withUnsafeBytes { bytes in try recordRanges(bytes, fingerprint: fingerprint) }
        let decoded = Parallel.map(records) { range in
            data.withUnsafeBytes { bytes -> Result<Record, any Error> in
                let payload = UnsafeRawBufferPointer(rebasing: bytes[range])
                guard checksum(UnsafeRawBufferPointer(rebasing: payload.dropFirst(8)))
                        == payload.loadUnaligned(as: UInt64.self).littleEndian
                else {
                    return .failure(DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "an entry of it is damaged")))
                }
                return Result { try BinaryDecoder().decode(Record.self, from: UnsafeRawBufferPointer(rebasing: payload.dropFirst(8))) }
            }
        }
        var entries: [String: Entry] = [:], ranges: [String: Range<Int>] = [:]
        entries.reserveCapacity(decoded.count)
        for (record, range) in zip(decoded, records) {
            let record = try record.get()
            entries[record.path] = record.entry
            ranges[record.path] = range
        }
        return (entries, ranges)
    }

    /// Checks the header and finds each record: its checksum and bytes, without its length.
    private static func recordRanges(_ bytes: UnsafeRawBufferPointer, fingerprint: String) throws -> [Range<Int>] {
        let reader = BinaryReader(bytes)
        var offset = magic.count
        guard bytes.count >= offset, bytes.prefix(offset).elementsEqual(magic),
              (try? reader.fixed(UInt32.self, at: &offset, limit: bytes.count)) == format,
              let name = try? reader.stringBytes(at: &offset, limit: bytes.count), name == fingerprint
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

    /// A quick 64-bit checksum of a record, a word at a time: it catches a damaged file
    /// before its bytes are taken for text.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) &* 0x100_0000_01b3
            hash ^= hash >> 29
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x100_0000_01b3
            offset += 1
        }
        return hash ^ (hash >> 32)
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
             DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return context.debugDescription
        default:
            return error.localizedDescription
        }
    }
}
