import ArabicText
import Foundation

/// What a lead paragraph says before its first sentence: a dateline
/// (`نور سلطان 7 يونيو 2022 (شينخوا) قال …`, `واشنطن (رويترز) - …`) or an outlet's
/// prefix (`الأمة/ وقع …`, `أنقرة/ الأناضول/ …`). The prefix is taken out of the
/// paragraph so the lead reads as a sentence; the page shows the place, date and source.
struct LeadPrefix: Sendable, Hashable {
    var place: String?
    var date: ArticleDate?
    var source: String?
    /// The paragraph without the prefix.
    var rest: String
}

struct LeadPrefixReader: Sendable {
    let sources: SourceNames
    let metadata: MetadataReader
    /// Keys of the words that open a byline (`كتب`, `بقلم`).
    let bylineWords: Set<String>

    /// The fewest words left in the lead after its prefix: less, and it was not a prefix.
    static let minRestWords = 3

    static let word = "[\\p{L}\\p{M}][\\p{L}\\p{M}'’\\-]*"
    static let dateline = try? NSRegularExpression(pattern:
        "^\\s*(\(word)(?:\\s+\(word)){0,2})\\s*[،,\\-–—]?\\s*(\\d[^()\\n]{0,40}?)?\\s*[،,\\-–—]?\\s*\\(([^()\\n]{1,40})\\)\\s*[\\-–—:،,]*\\s*")
    static let slashes = try? NSRegularExpression(pattern:
        "^\\s*(\(word)(?:\\s+\(word)){0,2})\\s*/\\s*(?:(\(word)(?:\\s+\(word)){0,2})\\s*/\\s*)?")

    func read(_ lead: String) -> LeadPrefix? {
        // The expressions need a bracket or a slash; most lines have neither.
        var brackets = false, slash = false
        for c in lead.unicodeScalars {
            if c == "(" { brackets = true } else if c == "/" { slash = true }
        }
        return (brackets ? readDateline(lead) : nil) ?? (slash ? readSlashes(lead) : nil)
    }

    func readDateline(_ lead: String) -> LeadPrefix? {
        guard let match = Self.dateline?.matchAtStart(of: lead),
              let place = match.group(1, in: lead), let inParens = match.group(3, in: lead) else { return nil }
        let middle = match.group(2, in: lead) ?? ""
        var date: ArticleDate?
        if !middle.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let found = metadata.onlyDates(middle) else { return nil }
            date = found
        }
        // Words in brackets after a place are a dateline only with a known agency or a date.
        guard date != nil || sources.isKnown(inParens) else { return nil }
        return prefix(match, in: lead, place: place, date: date, source: sources.normalize(inParens))
    }

    func readSlashes(_ lead: String) -> LeadPrefix? {
        guard let match = Self.slashes?.matchAtStart(of: lead), let first = match.group(1, in: lead) else { return nil }
        // `كتب/ فلان` is a byline, not an outlet.
        if let word = Tokenizer.words(first).first, bylineWords.contains(word) { return nil }
        if let second = match.group(2, in: lead) {
            return prefix(match, in: lead, place: first, date: nil, source: sources.normalize(second))
        }
        return prefix(match, in: lead, place: nil, date: nil, source: sources.normalize(first))
    }

    func prefix(_ match: NSTextCheckingResult, in lead: String, place: String?, date: ArticleDate?, source: String?) -> LeadPrefix? {
        let rest = (lead as NSString).substring(from: match.range.location + match.range.length)
        guard Tokenizer.words(rest).count >= Self.minRestWords else { return nil }
        return LeadPrefix(place: place.map(SourceNames.clean), date: date, source: source, rest: rest)
    }
}
