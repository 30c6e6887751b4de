import ArabicText
import Foundation

/// Reads an article as a scraper leaves it (a headline line, perhaps a date line,
/// paragraphs, and the site's furniture around them) into an `Article`: furniture out,
/// the story ended where related articles begin, metadata lines read and removed,
/// the headline found (or a title derived), the lead's dateline taken apart, foreign
/// passages split into quotes, sub-headings marked.
public struct RawArticleParser: Sendable {
    public var rules: ContentRules

    public init(rules: ContentRules) {
        self.rules = rules
    }

    /// A line this long is story text: an end marker before one is the page's header.
    static let minStoryWords = 12
    /// Sub-headings inside the body are short.
    static let maxSubheadingWords = 10
    /// What a paragraph ends with that a sub-heading does not.
    static let finalPunctuation = Set(".،,:؛;!?؟…\"”»)]'’-–—")

    public func parse(_ text: String, path: String, slug: String) -> Article {
        var tidy: [Bool] = [], latin: [Bool] = []
        let lines = storyLines(text).map { line in
            tidy.append(line.isTidy)
            latin.append(line.mayHaveLatin)
            return TitleFinder.Line(text: line.text, metadata: rules.metadata.read(line.text))
        }
        // A line's lead prefix is read when first asked for, and once: the headline search asks
        // of the first lines only, the dateline of the lead's alone.
        var prefixes = [LeadPrefix??](repeating: nil, count: lines.count)
        // The reader alone is captured: capturing `rules` copied every rule table, each
        // retained, at every article.
        let leadPrefix = rules.leadPrefix
        func prefix(_ i: Int) -> LeadPrefix? {
            if let read = prefixes[i] { return read }
            let read = leadPrefix.read(lines[i].text)
            prefixes[i] = .some(read)
            return read
        }

        var published: ArticleDate?, updated: ArticleDate?, source: String?, editor: String?
        for m in lines.compactMap(\.metadata) {
            published = published ?? m.published
            updated = updated ?? m.updated
            source = source ?? m.source
            editor = editor ?? m.editor
        }

        // The headline; what stands above it (section labels) goes, and so do its repeats.
        var title = ""
        // The body as the indices of its lines.
        let bodyLines: [Int]
        if let index = rules.titles.headline(in: lines, hasLeadPrefix: { prefix($0) != nil }) {
            title = lines[index].text
            let key = TitleFinder.key(title)
            bodyLines = lines.indices[(index + 1)...].filter { lines[$0].metadata == nil && !TitleFinder.hasKey(lines[$0].text, key) }
        } else {
            bodyLines = lines.indices.filter { lines[$0].metadata == nil }
        }
        var body = bodyLines.map { lines[$0].text }
        var bodyIsTidy = bodyLines.map { tidy[$0] }
        var bodyMayHaveLatin = bodyLines.map { latin[$0] }

        var dateline: String?
        if let leadIndex = body.firstIndex(where: { $0.unicodeScalars.contains(where: ArabicNormalizer.isArabicLetter) }),
           let prefix = prefix(bodyLines[leadIndex]) {
            body[leadIndex] = prefix.rest
            bodyIsTidy[leadIndex] = false
            bodyMayHaveLatin[leadIndex] = true
            dateline = prefix.place
            source = source ?? prefix.source
            published = published ?? prefix.date
        }

        // Tidying moves spaces and marks, never a letter: a line without Latin letters has none after.
        let blocks = markSubheadings(splitForeign(body.indices.map { bodyIsTidy[$0] ? body[$0] : Spacing.tidy(body[$0]) },
                                                  mayHaveLatin: bodyMayHaveLatin))
        var derived = false
        if title.isEmpty, let lead = blocks.first(where: { if case .paragraph = $0 { return true } else { return false } }) {
            title = rules.titles.derivedTitle(from: lead.text)
            derived = true
        }

        var article = Article(path: path, slug: slug, title: Spacing.collapse(title), blocks: blocks)
        article.titleIsDerived = derived
        article.published = published
        article.updated = updated
        article.source = source
        article.dateline = dateline
        article.editor = editor
        if published == nil {
            let name = String(path.dropLast((path as NSString).pathExtension.count + 1))
            article.warnings.append(.warning(
                "no date found in the text; the article is undated. Date it with `published: YYYY-MM-DD` in the front matter of \(name).md beside it",
                file: path))
        }
        return article
    }

    /// The page's lines without furniture, up to the marker where related articles begin, and
    /// whether each is tidy already (`Spacing.isTidy`), seen as it is collapsed, and whether
    /// it may have a Latin letter (false when it certainly has none).
    func storyLines(_ text: String) -> [(text: String, isTidy: Bool, mayHaveLatin: Bool)] {
        var lines: [(text: String, isTidy: Bool, mayHaveLatin: Bool)] = []
        var seenStory = false
        for range in Self.lineRanges(text) {
            // Cut from the text itself: its bytes are whole scalars already, not checked again.
            let raw = String(UTF8Bytes.slice(text, range))
            let (collapsed, tidy, folding, latin) = Spacing.collapsedTidyAndFolded(raw)
            let line = collapsed ? raw : Spacing.collapsed(raw)
            if line.isEmpty { continue }
            var folded = folding.map { Furniture.FoldedLine(line, folded: $0) } ?? Furniture.FoldedLine(line)
            if rules.furniture.isEndMarker(line, folded: &folded) {
                if seenStory { break }
                continue
            }
            if rules.furniture.isFurniture(line, folded: &folded) { continue }
            if !seenStory, Tokenizer.wordCount(line) >= Self.minStoryWords { seenStory = true }
            lines.append((line, collapsed && tidy, latin))
        }
        return lines
    }

    /// The byte ranges of the text's lines that are not empty. Split on the byte: Character
    /// splitting pays for grapheme breaking on every letter.
    static func lineRanges(_ text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                if end > start { ranges.append(start..<end) }
                start = end + 1
            }
            return ranges
        }
    }

    /// Paragraphs with their foreign passages split out; a passage's lines become one quote.
    /// `mayHaveLatin`, for each line, false when it certainly has no Latin letter (and no passage).
    func splitForeign(_ lines: [String], mayHaveLatin: [Bool]? = nil) -> [Block] {
        var blocks: [Block] = []
        for (i, line) in lines.enumerated() {
            let afterQuote: Bool
            if case .quote = blocks.last { afterQuote = true } else { afterQuote = false }
            for block in rules.foreign.blocks(line, afterQuote: afterQuote, mayHaveLatin: mayHaveLatin?[i] ?? true) {
                if case .quote(let text, let language) = block, case .quote(let previous, let lastLanguage) = blocks.last,
                   language == lastLanguage || afterQuote {
                    blocks[blocks.count - 1] = .quote(previous + "\n" + text, language: lastLanguage)
                } else {
                    blocks.append(block)
                }
            }
        }
        return blocks.filter { !$0.text.isEmpty }
    }

    /// Short lines without final punctuation between paragraphs are sub-headings.
    func markSubheadings(_ blocks: [Block]) -> [Block] {
        var result = blocks
        for i in blocks.indices.dropFirst().dropLast() {
            guard case .paragraph(let text) = blocks[i], case .paragraph = blocks[i + 1] else { continue }
            if case .heading = result[i - 1] { continue }
            // Most paragraphs end with punctuation: that is seen before their words are counted.
            guard let last = text.last, !Self.finalPunctuation.contains(last) else { continue }
            let words = Self.wordCount(text, upTo: Self.maxSubheadingWords + 1)
            guard words >= 1, words <= Self.maxSubheadingWords else { continue }
            result[i] = .heading(text)
        }
        return result
    }

    /// Space-separated words of `text`, counted no further than `limit`: paragraphs are long,
    /// and only whether one is short matters.
    static func wordCount(_ text: String, upTo limit: Int) -> Int {
        var count = 0, inWord = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count >= limit { break }
            }
        }
        return count
    }

    /// A title cut from the lead sentence at a clause boundary (for Markdown articles without one).
    public func derivedTitle(from lead: String) -> String { rules.titles.derivedTitle(from: lead) }
}
