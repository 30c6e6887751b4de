import Foundation
import Testing
@testable import DigestKit

/// Content as it arrives from scrapers and editors: wrong encodings, empty or binary
/// files, broken front matter. Every problem names its file (and line), nothing crashes,
/// and the other articles still make a site.
@Suite("Bad content")
struct BadContentTests {
    /// A scraped article that is fine, to show the rest of the site still builds.
    static let goodArticle = """
    كازاخستان والصين توقعان اتفاقا جديدا للتعاون في مجال الطاقة
    2024-04-23
    وقعت كازاخستان والصين اليوم اتفاقا للتعاون في مجال الطاقة خلال زيارة رسمية إلى أستانا.
    وقال وزير الخارجية إن العلاقات بين البلدين تشهد نموا مطردا في جميع المجالات.
    """

    func parse(_ files: [(String, [UInt8])]) -> Content {
        let rules = try! BuiltInResources.contentRules(config: SiteConfig())  // built-in resource, not input
        return ContentParser(rules: rules).parse(files.map { ContentFile(path: $0.0, bytes: $0.1) })
    }

    func parse(_ path: String, _ bytes: [UInt8]) -> Content { parse([(path, bytes)]) }

    func diagnostics(_ content: Content, for path: String) -> [Diagnostic] {
        content.diagnostics.items.filter { $0.file == path }
    }

    /// Windows-1256 bytes of `text`, from the decoder's own table read backwards.
    func windows1256(_ text: String) -> [UInt8] {
        var byCodePoint: [UInt32: UInt8] = [:]
        for (offset, value) in Windows1256.high.enumerated() { byCodePoint[value] = UInt8(0x80 + offset) }
        return text.unicodeScalars.compactMap { $0.value < 0x80 ? UInt8($0.value) : byCodePoint[$0.value] }
    }

    @Test("UTF-8 with a few damaged bytes is read, and the warning names the line of the first one")
    func damagedUTF8() {
        var bytes = Array(Self.goodArticle.utf8)
        let thirdLine = bytes.indices.filter { bytes[$0] == 0x0A }[1] + 1
        bytes.insert(contentsOf: [0xFF, 0xC3], at: thirdLine + 2)
        let content = parse("damaged.txt", bytes)
        let warnings = diagnostics(content, for: "damaged.txt")
        #expect(warnings.contains { $0.line == 3 && $0.message.contains("not valid UTF-8") && $0.message.contains("2 byte(s)") })
        #expect(content.articles.first?.title == "كازاخستان والصين توقعان اتفاقا جديدا للتعاون في مجال الطاقة")
    }

    @Test("a Windows-1256 file is read as Arabic, with a warning to save it as UTF-8")
    func windows1256File() throws {
        let bytes = windows1256(Self.goodArticle)
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let content = parse("cp1256.txt", bytes)
        #expect(diagnostics(content, for: "cp1256.txt").contains { $0.message.contains("Windows-1256") })
        let article = try #require(content.articles.first)
        #expect(article.title == "كازاخستان والصين توقعان اتفاقا جديدا للتعاون في مجال الطاقة")
        #expect(article.paragraphs.first?.hasPrefix("وقعت كازاخستان والصين") == true)
    }

    @Test("UTF-16 is read with a byte-order mark silently, and without one with a warning",
          arguments: [(true, false), (true, true), (false, false), (false, true)])
    func utf16(hasMark: Bool, bigEndian: Bool) throws {
        var bytes: [UInt8] = hasMark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in Self.goodArticle.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let content = parse("utf16.txt", bytes)
        let article = try #require(content.articles.first)
        #expect(article.title == "كازاخستان والصين توقعان اتفاقا جديدا للتعاون في مجال الطاقة")
        let warned = diagnostics(content, for: "utf16.txt").contains { $0.message.contains("UTF-16 without a byte-order mark") }
        #expect(warned == !hasMark)
    }

    @Test("an empty file and a file of blank space are skipped with a warning each")
    func emptyAndBlank() {
        let content = parse([("empty.txt", []), ("blank.md", Array(" \n\t\n\u{00A0}\r\n".utf8)), ("good.txt", Array(Self.goodArticle.utf8))])
        #expect(diagnostics(content, for: "empty.txt").map(\.message) == ["is empty; skipped"])
        #expect(diagnostics(content, for: "blank.md").map(\.message) == ["holds only blank space; skipped"])
        #expect(content.articles.map(\.path) == ["good.txt"])
    }

    @Test("a file with NUL bytes, or a binary file, is skipped with the line where it stops being text")
    func binary() {
        let withNul = Array("سطر أول\nسطر\0 ثان\n".utf8)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x01, 0x02, 0x03, 0x04]
        let content = parse([("nul.txt", withNul), ("image.txt", png)])
        #expect(diagnostics(content, for: "nul.txt").map(\.line) == [2])
        #expect(diagnostics(content, for: "nul.txt").first?.message.contains("not a text file") == true)
        #expect(diagnostics(content, for: "image.txt").first?.message.contains("not a text file") == true)
        #expect(content.articles.isEmpty)
    }

    @Test("a 20 MB article and a 100,000-line article are read whole")
    func largeArticles() throws {
        let paragraph = "وقعت كازاخستان والصين اليوم اتفاقا للتعاون في مجال الطاقة خلال زيارة رسمية إلى أستانا، وقال الوزير إن العلاقات تنمو."
        let lines = 20_000_000 / (paragraph.utf8.count + 1) + 1
        let big = "كازاخستان والصين توقعان اتفاقا جديدا\n2024-04-23\n" + Array(repeating: paragraph, count: lines).joined(separator: "\n")
        #expect(big.utf8.count > 20_000_000)
        let many = "كازاخستان والصين توقعان اتفاقا جديدا\n" + (0..<100_000).map { "سطر رقم \($0) عن العلاقات بين البلدين." }.joined(separator: "\n")
        let content = parse([("big.txt", Array(big.utf8)), ("many.txt", Array(many.utf8))])
        let byPath = Dictionary(uniqueKeysWithValues: content.articles.map { ($0.path, $0) })
        #expect(byPath["big.txt"]?.paragraphs.count == lines)
        #expect(byPath["many.txt"]?.paragraphs.count == 100_000)
        #expect(byPath["many.txt"]?.paragraphs.last == "سطر رقم 99999 عن العلاقات بين البلدين.")
    }

    @Test("front matter that does not parse is an error at its line and column")
    func unparsableFrontMatter() {
        let text = "---\ntitle: عنوان\nsource: [غير مغلق\n---\nنص المقال هنا.\n"
        let content = parse("broken.md", Array(text.utf8))
        let errors = diagnostics(content, for: "broken.md").filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("YAML does not parse") == true)
        #expect((3...4).contains(errors.first?.line ?? 0))
        #expect(errors.first?.column != nil)
    }

    @Test("front matter opened and never closed is an error at line 1")
    func unclosedFrontMatter() {
        let content = parse("open.md", Array("---\ntitle: x\nنص\n".utf8))
        #expect(diagnostics(content, for: "open.md").contains { $0.severity == .error && $0.line == 1 && $0.message.contains("never closed") })
    }

    @Test("`published: yesterday` is an error at that field's line, saying what a date looks like")
    func wrongType() {
        let text = "---\ntitle: عنوان\npublished: yesterday\n---\nنص المقال هنا.\n"
        let content = parse("dated.md", Array(text.utf8))
        let error = diagnostics(content, for: "dated.md").first { $0.severity == .error }
        #expect(error?.line == 3)
        #expect(error?.message.contains("`published` must be a date such as 2024-04-23") == true)
    }

    @Test("`draft: maybe` is an error, so a draft is never published by mistake")
    func draftOfWrongType() {
        let content = parse("draft.md", Array("---\ndraft: maybe\n---\nنص.\n".utf8))
        #expect(diagnostics(content, for: "draft.md").contains { $0.severity == .error && $0.line == 2 })
    }

    @Test("two articles with one slug both get a page; the second is renamed with a warning")
    func duplicateSlugs() {
        let a = "---\ntitle: الأول\nslug: same\npublished: 2024-01-01\n---\nنص المقال الأول.\n"
        let b = "---\ntitle: الثاني\nslug: same\npublished: 2024-01-02\n---\nنص المقال الثاني.\n"
        let content = parse([("a.md", Array(a.utf8)), ("b.md", Array(b.utf8))])
        #expect(content.articles.map(\.slug) == ["same", "same-2"])
        #expect(diagnostics(content, for: "b.md").contains { $0.message.contains("has the slug `same` of a.md") })
    }

    @Test("a slug that is a path is refused with a warning, and the file's own name is used",
          arguments: ["../../etc/evil", "a/b", "/etc/passwd", "..", "x\\y"])
    func slugThatIsAPath(slug: String) throws {
        let text = "---\ntitle: عنوان\nslug: \"\(slug.replacingOccurrences(of: "\\", with: "\\\\"))\"\npublished: 2024-01-01\n---\nنص المقال.\n"
        let content = parse("safe-name.md", Array(text.utf8))
        #expect(content.articles.first?.slug == "safe-name")
        #expect(diagnostics(content, for: "safe-name.md").contains { $0.message.contains("is not one safe file name") })
    }

    @Test("a `url:` that is not a web address is left out with a warning",
          arguments: ["javascript:alert(1)", " JaVa\tScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x"])
    func urlThatIsNotAWebAddress(url: String) {
        let text = "---\ntitle: عنوان\nurl: \"\(url.replacingOccurrences(of: "\t", with: "\\t"))\"\npublished: 2024-01-01\n---\nنص المقال.\n"
        let content = parse("link.md", Array(text.utf8))
        #expect(content.articles.first?.url == nil)
        #expect(diagnostics(content, for: "link.md").contains { $0.message.contains("`url:` must be an http:// or https:// address") })
    }
}
