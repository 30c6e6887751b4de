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
        // The expressions need a bracket or a slash, and only a few words before it; most
        // lines have neither, or have them further on.
        let shape = Shape(lead)
        return (shape.mayOpenWithDateline ? readDateline(lead) : nil) ?? (shape.mayOpenWithSlashes ? readSlashes(lead) : nil)
    }

    /// What the start of a line allows, read off its bytes: whether `dateline` and `slashes`
    /// can match it. Before the bracket a dateline ends with (the line's first: no part of
    /// it holds one) stand up to three words of a place, a separator or two, and from the
    /// first digit on at most a short date; before the slash of `slashes`, up to three words.
    struct Shape {
        var mayOpenWithDateline = false
        var mayOpenWithSlashes = false

        /// Three words, and a separator on each side of the date, either of which may stand apart.
        static let maxTokensBeforeBracket = 5
        /// Scalars from the date's first digit to the bracket, spaces aside: the date's 41 and a separator.
        static let maxDateScalars = 42
        static let maxTokensBeforeSlash = 3

        init(_ line: String) {
            let tables = ScalarTraits.tables
            var line = line
            line.withUTF8 { bytes in
                var tokens = 0, inToken = false, sawDigit = false, dateScalars = 0
                var bracketOpen = true, slashOpen = true
                var i = 0
                while i < bytes.count, bracketOpen || slashOpen {
                    let (v, length) = UTF8Bytes.scalar(at: i, in: bytes)
                    i += length
                    if v == 0x28 {  // (
                        mayOpenWithDateline = bracketOpen
                        return
                    }
                    if v == 0x2F {  // /
                        if slashOpen { mayOpenWithSlashes = true }
                        slashOpen = false
                        // Only a date holds a slash before the bracket.
                        if !sawDigit { bracketOpen = false }
                    }
                    // Spaces `\s` takes; a few it takes are left out, which can only join
                    // words and let more lines through.
                    let traits = v < 0x80 ? [] : tables.traits(v)
                    let isSpace = v == 0x20 || (v >= 0x09 && v <= 0x0D && v != 0x0B) || traits.contains(.space)
                        || v == 0x2028 || v == 0x2029
                    if !sawDigit, v >= 0x30 && v <= 0x39 || traits.contains(.decimalDigit) {
                        sawDigit = true
                        slashOpen = false  // the words before a slash hold no digit
                    }
                    if sawDigit {
                        if !isSpace { dateScalars += 1 }
                        if dateScalars > Self.maxDateScalars { bracketOpen = false }
                    } else if isSpace {
                        inToken = false
                    } else if !inToken {
                        inToken = true
                        tokens += 1
                        if tokens > Self.maxTokensBeforeSlash { slashOpen = false }
                        if tokens > Self.maxTokensBeforeBracket { bracketOpen = false }
                    }
                }
            }
        }
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
