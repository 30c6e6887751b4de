import Foundation

extension BuiltInResources {
    /// The Content stage's rules: `furniture.json`, `months.json`, `metadata.json`,
    /// `sources.json` and `languages.json`, extended by `digest.yml`.
    public static func contentRules(config: SiteConfig) throws(Diagnostic) -> ContentRules {
        let furniture = try self.furniture(config: config)
        var lists = ContentRules.Lists()
        let months = try json("months.json")
        for item in months["gregorian"] as? [[String: Any]] ?? [] {
            guard let number = item["number"] as? Int, let names = item["names"] as? [String] else { continue }
            lists.months[number, default: []] += names
        }
        lists.hijriMonths = months["hijri"] as? [String] ?? []
        let metadata = try json("metadata.json")
        lists.labels = metadata["labels"] as? [String: [String]] ?? [:]
        lists.labels["byline"] = metadata["byline_words"] as? [String] ?? []
        lists.dateWords = metadata["date_words"] as? [String] ?? []
        lists.am = metadata["am"] as? [String] ?? []
        lists.pm = metadata["pm"] as? [String] ?? []
        lists.timeWords = metadata["time_words"] as? [String] ?? []
        lists.titleCutWords = metadata["title_cut_words"] as? [String] ?? []
        let sources = try json("sources.json")
        lists.sources = (sources["sources"] as? [[String: Any]] ?? []).compactMap { item in
            guard let name = item["name"] as? String else { return nil }
            return SourceEntry(name: name, aliases: item["aliases"] as? [String] ?? [])
        }
        let languages = try json("languages.json")
        lists.languages = languages["languages"] as? [String: [String]] ?? [:]
        lists.defaultLanguage = languages["default"] as? String ?? "en"
        lists.minForeignWords = languages["min_words"] as? Int ?? 4
        lists.add(config.content)
        return ContentRules(furniture: furniture, lists: lists)
    }

    /// The resource files whose bytes decide what the Content stage makes of a text.
    static let contentResourceNames = ["furniture.json", "months.json", "metadata.json", "sources.json", "languages.json"]
}
