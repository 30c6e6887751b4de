import Foundation

/// The data files shipped with digest (countries, topics, furniture, the default theme),
/// read once at the start of a build.
public enum BuiltInResources {
    /// The folder of resources inside the installed bundle.
    public static var folder: URL {
        Bundle.module.url(forResource: "Resources", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("Resources")
    }

    /// The default theme's folder.
    public static var themeFolder: URL { folder.appendingPathComponent("Templates") }

    static func json(_ name: String) throws(Diagnostic) -> [String: Any] {
        let url = folder.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            throw Diagnostic.error("the built-in resource is missing or not JSON; reinstall digest", file: url.path)
        }
        return object
    }

    /// The bytes of every data resource, so caches are invalidated when one changes.
    public static func fingerprint() -> String {
        var hasher = StableHasher()
        for name in ["countries.json", "topics.json"] + contentResourceNames {
            hasher.combine(FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data())
        }
        return hasher.hex
    }

    public static func gazetteer(config: SiteConfig) throws(Diagnostic) -> Gazetteer {
        var gazetteer = Gazetteer(resource: try json("countries.json"))
        for entry in config.countries {
            gazetteer.add(Country(code: entry.code, name: entry.name ?? "", aliases: entry.aliases,
                                  weakAliases: entry.weakAliases))
        }
        return gazetteer
    }

    public static func taxonomy(config: SiteConfig) throws(Diagnostic) -> Taxonomy {
        var taxonomy = Taxonomy(resource: try json("topics.json"))
        for entry in config.topics { taxonomy.apply(entry) }
        return taxonomy
    }

    public static func furniture(config: SiteConfig) throws(Diagnostic) -> Furniture {
        let object = try json("furniture.json")
        let builtIn = try Furniture(lines: object["lines"] as? [String] ?? [],
                                    endMarkers: object["end_markers"] as? [String] ?? [],
                                    file: "furniture.json", checked: false)
        var furniture = builtIn
        try furniture.add(lines: config.furnitureLines, endMarkers: config.furnitureEndMarkers, file: config.file)
        return furniture
    }
}

/// FNV-1a over bytes: a stable fingerprint (Swift's Hasher is seeded per process).
public struct StableHasher {
    var state: UInt64 = 0xcbf2_9ce4_8422_2325
    public init() {}
    public mutating func combine(_ data: some Sequence<UInt8>) {
        for byte in data {
            state ^= UInt64(byte)
            state = state &* 0x100_0000_01b3
        }
    }
    public mutating func combine(_ string: String) { combine(string.utf8) }
    public var hex: String { String(state, radix: 16) }
}
