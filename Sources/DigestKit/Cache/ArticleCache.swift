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

    /// The cache file is JSON lines: this header, then one `Line` per article unit, so that
    /// entries are encoded and decoded on every core and no whole-file JSON tree is built.
    struct Header: Codable {
        var format: Int
        var fingerprint: String
    }

    struct Line: Codable {
        var path: String
        var entry: Entry
    }

    /// Bumped when the file changes shape in a way decoding would not notice.
    static let format = 2

    /// The folder, or nil for a build that keeps no cache.
    var folder: URL?
    /// Tool version, executable, config and resources, hashed: entries made under another are ignored.
    var fingerprint: String
    private(set) var entries: [String: Entry] = [:]
    private var used: Set<String> = []
    private var changed = false

    /// The cache's file: named after the fingerprint, so a cache made under other settings is
    /// simply not found (and is removed at the next save).
    var file: URL? { folder?.appendingPathComponent("articles-\(fingerprint).jsonl") }

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
            entries = try Self.decode(data, fingerprint: fingerprint)
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
            try Self.encode(entries, fingerprint: fingerprint).write(to: file, options: .atomic)
            changed = false
            // Caches made under another version, config or resources can never be read again.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            where name.hasPrefix("articles-") && (name.hasSuffix(".json") || name.hasSuffix(".jsonl")) && name != file.lastPathComponent {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        } catch {
            diagnostics.append(.warning("the build cache cannot be written (\(Self.reason(error))); the next build analyses every article again", file: file.relativePath))
        }
    }

    static func encode(_ entries: [String: Entry], fingerprint: String) throws -> Data {
        @Sendable func line(_ value: some Encodable) throws -> Data {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return try encoder.encode(value) + Data([0x0A])
        }
        let lines = Parallel.map(entries.sorted { $0.key < $1.key }) { path, entry in
            try? line(Line(path: path, entry: entry))
        }
        var data = try line(Header(format: format, fingerprint: fingerprint))
        for encoded in lines {
            guard let encoded else { throw EncodingError.invalidValue(entries, .init(codingPath: [], debugDescription: "an entry cannot be encoded")) }
            data += encoded
        }
        return data
    }

    /// The entries of a cache file; throws when it is not one made under `fingerprint`.
    static func decode(_ data: Data, fingerprint: String) throws -> [String: Entry] {
        // JSON escapes line ends inside strings: every raw newline ends a line.
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let first = lines.first,
              let header = try? JSONDecoder().decode(Header.self, from: Data(first)),
              header.format == format, header.fingerprint == fingerprint
        else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "its header does not match its name"))
        }
        let decoded = Parallel.map(Array(lines.dropFirst())) { bytes in
            try? JSONDecoder().decode(Line.self, from: Data(bytes))
        }
        var entries: [String: Entry] = [:]
        for line in decoded {
            guard let line else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "a line of it cannot be read")) }
            entries[line.path] = line.entry
        }
        return entries
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
