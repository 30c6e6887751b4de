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

    struct Stored: Codable {
        var format: Int
        var fingerprint: String
        var entries: [String: Entry]
    }

    /// Bumped when `Stored` changes shape in a way decoding would not notice.
    static let format = 1

    /// The folder, or nil for a build that keeps no cache.
    var folder: URL?
    /// Tool version, executable, config and resources, hashed: entries made under another are ignored.
    var fingerprint: String
    private(set) var entries: [String: Entry] = [:]
    private var used: Set<String> = []
    private var changed = false

    /// The cache's file: named after the fingerprint, so a cache made under other settings is
    /// simply not found (and is removed at the next save).
    var file: URL? { folder?.appendingPathComponent("articles-\(fingerprint).json") }

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
            let stored = try JSONDecoder().decode(Stored.self, from: data)
            guard stored.format == Self.format, stored.fingerprint == fingerprint else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "its header does not match its name"))
            }
            entries = stored.entries
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
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(Stored(format: Self.format, fingerprint: fingerprint, entries: entries))
            try data.write(to: file, options: .atomic)
            changed = false
            // Caches made under another version, config or resources can never be read again.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            where name.hasPrefix("articles-") && name.hasSuffix(".json") && name != file.lastPathComponent {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        } catch {
            diagnostics.append(.warning("the build cache cannot be written (\(Self.reason(error))); the next build analyses every article again", file: file.relativePath))
        }
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
