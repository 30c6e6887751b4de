import ArabicText
import Foundation

/// Reads an article as a scraper leaves it (a headline line, perhaps a date line,
/// paragraphs, and the site's furniture around them) into an `Article`.
public struct RawArticleParser: Sendable {
    public var furniture: Furniture

    public init(furniture: Furniture) {
        self.furniture = furniture
    }

    public func parse(_ text: String, path: String, slug: String) -> Article {
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if furniture.isEndMarker(line) { break }
            if furniture.isFurniture(line) { continue }
            lines.append(line)
        }

        var published: ArticleDate?
        var updated: ArticleDate?
        lines.removeAll { line in
            let dates = DateLine.dates(in: line)
            guard !dates.isEmpty, DateLine.isDateLine(line) else { return false }
            if published == nil { published = dates[0] }
            if updated == nil, dates.count > 1 { updated = dates[1] }
            return true
        }

        var title = ""
        var derived = false
        if let headline = lines.first, Self.isHeadline(headline) {
            title = headline
            lines.removeFirst()
            lines.removeAll { $0 == headline }  // pages repeat their headline
        } else if let lead = lines.first {
            title = Self.derivedTitle(from: lead)
            derived = true
        }

        var article = Article(path: path, slug: slug, title: title, blocks: lines.map(Self.block))
        article.titleIsDerived = derived
        article.published = published
        article.updated = updated
        if published == nil {
            article.warnings.append(.warning(
                "no date found in the text; the article is undated. Date it with `published: YYYY-MM-DD` in the front matter of \(slug).md beside it",
                file: path))
        }
        return article
    }

    /// A headline: a short line that does not end like a sentence.
    static func isHeadline(_ line: String) -> Bool {
        let words = Tokenizer.words(line).count
        guard words >= 3, words <= 25 else { return false }
        guard let last = line.last else { return false }
        return !".!؟?:؛".contains(last)
    }

    /// A title cut from the lead sentence at a clause boundary.
    static func derivedTitle(from lead: String) -> String {
        let sentence = lead.split(whereSeparator: { ".!؟?".contains($0) }).first.map(String.init) ?? lead
        let words = sentence.split(separator: " ")
        if words.count <= 14 { return sentence }
        var cut = words.prefix(14).joined(separator: " ")
        if let comma = cut.lastIndex(where: { "،,؛".contains($0) }), cut.distance(from: cut.startIndex, to: comma) > 20 {
            cut = String(cut[..<comma])
        }
        return cut.trimmingCharacters(in: CharacterSet(charactersIn: " ،,؛:")) + "…"
    }

    /// A line mostly in Latin letters is a quoted foreign passage, not article text.
    static func block(_ line: String) -> Block {
        var latin = 0, arabic = 0
        for scalar in line.unicodeScalars {
            if ArabicNormalizer.isArabicLetter(scalar) { arabic += 1 } else if scalar.properties.isAlphabetic && scalar.isASCII { latin += 1 }
        }
        if latin > arabic * 2 && latin > 10 { return .quote(line, language: "en") }
        return .paragraph(line)
    }
}

/// Dates stated on the metadata lines of scraped pages.
enum DateLine {
    static let isoPattern = try? NSRegularExpression(
        pattern: #"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"#)

    static func dates(in line: String) -> [ArticleDate] {
        guard let isoPattern else { return [] }
        let western = String(String.UnicodeScalarView(line.unicodeScalars.map(ArabicDigits.western)))
        let range = NSRange(western.startIndex..., in: western)
        return isoPattern.matches(in: western, range: range).compactMap { match in
            func int(_ i: Int) -> Int? {
                guard let r = Range(match.range(at: i), in: western) else { return nil }
                return Int(western[r])
            }
            guard let y = int(1), let m = int(2), let d = int(3) else { return nil }
            if let h = int(4), let mi = int(5) {
                return ArticleDate(year: y, month: m, day: d, hour: h, minute: mi, second: int(6) ?? 0)
            }
            return ArticleDate(year: y, month: m, day: d)
        }
    }

    /// A line that is mostly a date and its labels, not a sentence of the story.
    static func isDateLine(_ line: String) -> Bool { Tokenizer.words(line).count <= 16 }
}
