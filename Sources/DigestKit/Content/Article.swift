import Foundation

/// One piece of the cleaned body of an article.
public enum Block: Sendable, Hashable, Codable {
    case paragraph(String)
    case heading(String)
    /// A passage in another language quoted inside the article (an English post, say):
    /// kept, marked with its language, never used for the title, the summary or analysis.
    case quote(String, language: String)

    /// The text of the block.
    public var text: String {
        switch self {
        case .paragraph(let text), .heading(let text), .quote(let text, _): return text
        }
    }

    /// True when the block is Arabic text of the article (paragraphs and headings).
    public var isArticleText: Bool {
        if case .quote = self { return false }
        return true
    }
}

/// A date as an article states it: a day, or a day with a time of day.
public struct ArticleDate: Sendable, Hashable, Comparable, Codable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Seconds since midnight, when the article gives a time.
    public var time: (hour: Int, minute: Int, second: Int)? {
        get { secondsOfDay.map { ($0 / 3600, ($0 % 3600) / 60, $0 % 60) } }
        set { secondsOfDay = newValue.map { $0.hour * 3600 + $0.minute * 60 + $0.second } }
    }
    var secondsOfDay: Int?

    public init?(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int = 0, second: Int = 0) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...ArticleDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        if let hour {
            guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
            self.secondsOfDay = hour * 3600 + minute * 60 + second
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601: `2024-04-23` or `2024-04-23T15:48:47`.
    public var iso8601: String {
        let date = monthKey + "-" + Self.padded(day, 2)
        guard let t = time else { return date }
        return date + "T" + Self.padded(t.hour, 2) + ":" + Self.padded(t.minute, 2) + ":" + Self.padded(t.second, 2)
    }

    /// `yyyy-MM`, the month an article is archived under.
    public var monthKey: String { Self.padded(year, 4) + "-" + Self.padded(month, 2) }

    /// `value` in at least `width` characters, zeros after the sign, as `%0*d` writes it:
    /// `String(format:)` went through Foundation's formatter for every article of every build.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        let zeros = max(0, width - sign.count - digits.count)
        return sign + String(repeating: "0", count: zeros) + digits
    }

    /// Sort key: dates without a time sort as midnight.
    var sortKey: Int { ((year * 13 + month) * 32 + day) * 86401 + (secondsOfDay ?? 0) }

    public static func < (lhs: ArticleDate, rhs: ArticleDate) -> Bool { lhs.sortKey < rhs.sortKey }
    public static func == (lhs: ArticleDate, rhs: ArticleDate) -> Bool {
        lhs.year == rhs.year && lhs.month == rhs.month && lhs.day == rhs.day && lhs.secondsOfDay == rhs.secondsOfDay
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(sortKey) }
}

/// What an editor's front matter says about an article; each field set overrides
/// what was extracted from the text.
public struct FrontMatter: Sendable, Hashable, Codable {
    public var title: String?
    public var published: ArticleDate?
    public var updated: ArticleDate?
    public var source: String?
    public var url: String?
    public var author: String?
    public var countries: [String]?
    public var topics: [String]?
    public var summary: [String]?
    public var slug: String?
    public var draft: Bool = false

    public init() {}
}

/// An article as the Content stage hands it on: decoded, cleaned, with its metadata.
public struct Article: Sendable, Hashable, Codable {
    /// The file the article came from, relative to the input folder (`000_x.txt`).
    public var path: String
    /// The name its page is written under (`000_x`), unique in the digest.
    public var slug: String
    public var title: String
    /// True when the text had no headline and the title was cut from the lead sentence.
    public var titleIsDerived: Bool = false
    public var published: ArticleDate?
    public var updated: ArticleDate?
    public var source: String?
    public var dateline: String?
    /// The editor credited by the source (`تحرير: …`).
    public var editor: String?
    public var url: String?
    public var blocks: [Block]
    /// The editor's front matter, from `NAME.md` beside `NAME.txt` or from a Markdown article.
    public var frontMatter: FrontMatter = FrontMatter()
    /// The editor's commentary, CommonMark source, with the line its body starts on.
    public var commentary: Commentary?
    /// The body of a Markdown article, rendered by cmark rather than from `blocks`.
    public var markdownBody: Commentary?
    public var warnings: [Diagnostic] = []

    public init(path: String, slug: String, title: String, blocks: [Block]) {
        self.path = path
        self.slug = slug
        self.title = title
        self.blocks = blocks
    }

    /// The Arabic text of the article, paragraph by paragraph, as analysis sees it.
    public var paragraphs: [String] { blocks.filter(\.isArticleText).map(\.text) }
}

/// Markdown written by an editor, and where it came from (for errors with line numbers).
public struct Commentary: Sendable, Hashable, Codable {
    public var markdown: String
    /// The file it was read from, relative to the input folder.
    public var file: String
    /// The line of the file the Markdown body starts on (after any front matter), from 1.
    public var firstLine: Int
    public var title: String?
    public var author: String?
    public var published: ArticleDate?

    public init(markdown: String, file: String, firstLine: Int = 1) {
        self.markdown = markdown
        self.file = file
        self.firstLine = firstLine
    }
}
