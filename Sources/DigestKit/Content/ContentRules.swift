import ArabicText
import Foundation

/// Everything the Content stage knows about how news pages are written: furniture
/// patterns, month names, metadata labels, agencies, and the languages of quoted
/// passages. Built from the resource files and `digest.yml`; no word list lives in code.
public struct ContentRules: Sendable {
    public var furniture: Furniture
    var metadata: MetadataReader
    var leadPrefix: LeadPrefixReader
    var titles: TitleFinder
    var foreign: ForeignPassageSplitter

    /// The word lists, as the resource files and `digest.yml` give them.
    public struct Lists: Sendable {
        public var months: [Int: [String]] = [:]
        public var hijriMonths: [String] = []
        public var labels: [String: [String]] = [:]
        public var dateWords: [String] = []
        public var am: [String] = []
        public var pm: [String] = []
        public var timeWords: [String] = []
        public var titleCutWords: [String] = []
        public var sources: [SourceEntry] = []
        public var languages: [String: [String]] = [:]
        public var defaultLanguage = "en"
        public var minForeignWords = 4
        public init() {}

        /// Adds what `digest.yml` says under `content:`.
        public mutating func add(_ settings: ContentSettings) {
            for (number, names) in settings.months { months[number, default: []] += names }
            for (kind, words) in settings.labels { labels[kind, default: []] += words }
            dateWords += settings.dateWords
            sources += settings.sources
            for (code, words) in settings.languages { languages[code, default: []] += words }
        }
    }

    public init(furniture: Furniture, lists: Lists) {
        self.furniture = furniture
        var sources = SourceNames([])
        for entry in lists.sources { sources.add(name: entry.name, aliases: entry.aliases) }
        let dates = DateExtractor(months: lists.months, hijriMonths: lists.hijriMonths, am: lists.am, pm: lists.pm)
        var labels: [MetadataReader.Field: [String]] = [:]
        for field in MetadataReader.Field.allCases { labels[field] = lists.labels["\(field)"] ?? [] }
        metadata = MetadataReader(labels: labels, dateWords: lists.dateWords, dates: dates, sources: sources)
        leadPrefix = LeadPrefixReader(sources: sources, metadata: metadata,
                                      bylineWords: Set((lists.labels["byline"] ?? []).flatMap { Tokenizer.words($0) }))
        titles = TitleFinder(timeWords: lists.timeWords, cutWords: lists.titleCutWords, dates: dates)
        foreign = ForeignPassageSplitter(languages: lists.languages, defaultLanguage: lists.defaultLanguage,
                                         minWords: lists.minForeignWords)
    }
}
