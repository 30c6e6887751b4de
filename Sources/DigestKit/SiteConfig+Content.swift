/// What `digest.yml` adds to the Content stage's word lists, under `content:`:
///
///     content:
///       sources:                    # agencies and outlets, one name each
///         - name: الأمة
///           aliases: [الأمة الإلكترونية]
///       months:                     # more ways to write a month
///         - number: 6
///           names: [حزيران]
///       labels:                     # more words before metadata values
///         published: [صدر في]
///         updated: []
///         source: []
///         editor: []
///       date_words: [بتوقيت]        # words a line holding only a date may also have
///       languages:                  # common words of Latin-script languages in quotes
///         it: [il, della, che]
public struct ContentSettings: Sendable, Hashable {
    public var sources: [SourceEntry] = []
    public var months: [Int: [String]] = [:]
    public var labels: [String: [String]] = [:]
    public var dateWords: [String] = []
    public var languages: [String: [String]] = [:]
    public init() {}

    static let labelKinds: Set<String> = ["published", "updated", "source", "editor", "byline"]

    static func parse(_ doc: YAMLDocument) throws(Diagnostic) -> (ContentSettings, [Diagnostic]) {
        var settings = ContentSettings()
        var warnings = doc.unknownKeys(known: ["sources", "months", "labels", "date_words", "languages"])
        for entry in try doc.documents("sources") ?? [] {
            guard let name = try entry.string("name"), !name.isEmpty else {
                throw Diagnostic.error("each source under content.sources needs `name:`, the name pages show", file: doc.file)
            }
            settings.sources.append(SourceEntry(name: name, aliases: try entry.strings("aliases") ?? []))
            warnings += entry.unknownKeys(known: ["name", "aliases"])
        }
        for entry in try doc.documents("months") ?? [] {
            guard let number = try entry.int("number", in: 1...12) else {
                throw Diagnostic.error("each month under content.months needs `number:`, from 1 (January) to 12", file: doc.file)
            }
            settings.months[number, default: []] += try entry.strings("names") ?? []
            warnings += entry.unknownKeys(known: ["number", "names"])
        }
        if let labels = try doc.document("labels") {
            for kind in labels.keys where labelKinds.contains(kind) {
                settings.labels[kind] = try labels.strings(kind) ?? []
            }
            warnings += labels.unknownKeys(known: labelKinds)
        }
        settings.dateWords = try doc.strings("date_words") ?? []
        if let languages = try doc.document("languages") {
            for code in languages.keys { settings.languages[code] = try languages.strings(code) ?? [] }
        }
        return (settings, warnings)
    }
}

/// An agency or outlet as `digest.yml` adds or extends it.
public struct SourceEntry: Sendable, Hashable {
    public var name: String
    public var aliases: [String]
}
