/// Splits a Markdown file into its YAML front matter (between `---` lines at the top)
/// and its body, and reads the front matter's fields.
public enum FrontMatterReader {
    public struct Split: Sendable {
        /// The YAML between the fences, or nil when the file has none.
        public var yaml: String?
        /// The line of the file the YAML starts on (the line after the opening fence), from 1.
        public var yamlFirstLine: Int
        public var body: String
        /// The line of the file the body starts on, from 1.
        public var bodyFirstLine: Int
    }

    public static func split(_ text: String, file: String) throws(Diagnostic) -> Split {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            return Split(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpaces == "---" || $0.trimmingTrailingSpaces == "..." }) else {
            throw Diagnostic.error("front matter opened with `---` on line 1 is never closed; end it with a `---` line",
                                   file: file, line: 1, column: 1)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        lines.removeSubrange(0...close)
        return Split(yaml: yaml, yamlFirstLine: 2, body: lines.joined(separator: "\n"), bodyFirstLine: close + 2)
    }

    static let articleKeys: Set<String> = [
        "title", "published", "updated", "date", "source", "url", "author",
        "countries", "topics", "summary", "slug", "draft",
    ]

    /// Reads the fields of an article's front matter.
    public static func frontMatter(_ yaml: String, file: String, firstLine: Int) throws(Diagnostic) -> (FrontMatter, [Diagnostic]) {
        let document = try YAMLDocument(yaml, file: file, lineOffset: firstLine - 1)
        var matter = FrontMatter()
        matter.title = try document.string("title")
        matter.published = try document.date("published")
        if matter.published == nil { matter.published = try document.date("date") }
        matter.updated = try document.date("updated")
        matter.source = try document.string("source")
        matter.url = try document.string("url")
        matter.author = try document.string("author")
        matter.countries = try document.strings("countries")?.map { $0.uppercased() }
        matter.topics = try document.strings("topics")
        matter.summary = try document.strings("summary")
        matter.slug = try document.string("slug")
        matter.draft = try document.bool("draft") ?? false
        return (matter, document.unknownKeys(known: articleKeys))
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
