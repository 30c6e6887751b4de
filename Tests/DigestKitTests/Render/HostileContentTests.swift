import Foundation
import Testing
@testable import DigestKit

/// Scripts, handlers and script URLs in titles, bodies, front matter, commentary and
/// config never reach a page as markup (bench/safety/hostile_pages.py checks the same
/// site in a browser).
@Suite("Hostile content")
struct HostileContentTests {
    static let fixture = Repository.root.appendingPathComponent("Tests/DigestKitTests/Fixtures/Safety/hostile")

    func build(extraConfig: String = "") throws -> (TemporaryFolder, URL) {
        let folder = try TemporaryFolder()
        let config = (try String(contentsOf: Self.fixture.appendingPathComponent("digest.yml"), encoding: .utf8)) + extraConfig
        try folder.write("digest.yml", config)
        _ = try Build.run(BuildOptions(input: Self.fixture.appendingPathComponent("seeds"),
                                       templates: folder.url.appendingPathComponent("no-theme"),
                                       output: folder.url.appendingPathComponent("site"),
                                       config: folder.url.appendingPathComponent("digest.yml")))
        return (folder, folder.url.appendingPathComponent("site"))
    }

    /// Every start tag of a page with its attributes, entities decoded as a browser would.
    static func tags(in html: String) -> [(name: String, attributes: [(String, String)])] {
        guard let tag = try? NSRegularExpression(pattern: #"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s/>=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*/?>"#),
              let attribute = try? NSRegularExpression(pattern: #"([^\s/>=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?"#)
        else { return [] }
        return tag.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            guard let nameRange = Range(match.range(at: 1), in: html), let attrsRange = Range(match.range(at: 2), in: html) else { return nil }
            let attrs = String(html[attrsRange])
            let pairs = attribute.matches(in: attrs, range: NSRange(attrs.startIndex..., in: attrs)).compactMap { m -> (String, String)? in
                guard let n = Range(m.range(at: 1), in: attrs) else { return nil }
                var value = Range(m.range(at: 2), in: attrs).map { String(attrs[$0]) } ?? ""
                if value.hasPrefix("\"") || value.hasPrefix("'") { value = String(value.dropFirst().dropLast()) }
                return (attrs[n].lowercased(), decodeEntities(value))
            }
            return (html[nameRange].lowercased(), pairs)
        }
    }

    static func decodeEntities(_ text: String) -> String {
        guard let entity = try? NSRegularExpression(pattern: #"&#(x?)([0-9a-fA-F]+);?"#) else { return text }
        var result = text
        for match in entity.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let whole = Range(match.range, in: result), let digits = Range(match.range(at: 2), in: text) else { continue }
            let hex = match.range(at: 1).length > 0
            if let value = UInt32(text[digits], radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value) {
                result.replaceSubrange(whole, with: String(Character(scalar)))
            }
        }
        for (name, value) in [("&colon;", ":"), ("&Tab;", "\t"), ("&NewLine;", "\n"), ("&quot;", "\""), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: name, with: value)
        }
        return result
    }

    /// What on a page would run: handlers, script URLs, scripts that carry a payload.
    static func activeContent(in html: String) -> [String] {
        var found: [String] = []
        let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "data", "xlink:href", "poster", "background"]
        for tag in tags(in: html) {
            if ["iframe", "object", "embed", "base"].contains(tag.name) { found.append("<\(tag.name)>") }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") { found.append("<\(tag.name) \(name)=…>") }
                if name == "srcdoc" { found.append("<\(tag.name) srcdoc>") }
                guard urlAttributes.contains(name) else { continue }
                let squeezed = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
                if squeezed.hasPrefix("javascript:") || squeezed.hasPrefix("vbscript:") || squeezed.hasPrefix("data:text/html") {
                    found.append("<\(tag.name) \(name)=\"\(value.prefix(40))\">")
                }
            }
        }
        // Scripts: only the theme's (src into the site, or JSON-LD data that parses).
        if let script = try? NSRegularExpression(pattern: #"<script([^>]*)>(.*?)</script"#, options: [.dotMatchesLineSeparators, .caseInsensitive]) {
            for match in script.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                guard let attrs = Range(match.range(at: 1), in: html), let body = Range(match.range(at: 2), in: html) else { continue }
                let text = String(html[body])
                if html[attrs].contains("application/ld+json") {
                    if (try? JSONSerialization.jsonObject(with: Data(text.utf8))) == nil { found.append("JSON-LD that does not parse (broken out of?)") }
                } else if text.contains("alert(") || text.contains("__digest_pwned") {
                    found.append("<script>\(text.prefix(40))")
                }
            }
        }
        return found
    }

    @Test("no page built from hostile content carries a handler, a script URL or a script from it")
    func noActiveContent() throws {
        let (folder, site) = try build()
        defer { withExtendedLifetime(folder) {} }
        let pages = SiteFiles.htmlPages(in: site)
        #expect(pages.count > 10)
        for page in pages {
            let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
            #expect(Self.activeContent(in: html).isEmpty, "\(page): \(Self.activeContent(in: html))")
        }
    }

    @Test("hostile titles and config strings are shown as text, escaped")
    func shownAsText() throws {
        let (folder, _) = try build()
        let article = folder.read("site/articles/hostile-scraped.html") ?? ""
        #expect(article.contains("&lt;script&gt;window.__digest_pwned="))
        let index = folder.read("site/index.html") ?? ""
        #expect(index.contains("الموجز &quot;&gt;&lt;script&gt;"))
        #expect(!index.contains("<script>window.__digest_pwned"))
    }

    @Test("the checker finds active content when raw HTML is let through (it can fail)")
    func checkerCanFail() throws {
        let (folder, site) = try build(extraConfig: "markdown: {unsafe: true}\n")
        defer { withExtendedLifetime(folder) {} }
        let flagged = SiteFiles.htmlPages(in: site).filter { page in
            let html = (try? String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)) ?? ""
            return !Self.activeContent(in: html).isEmpty
        }
        #expect(flagged.contains("articles/hostile-markdown.html"))
        #expect(flagged.contains("index.html"))
    }

    @Test("front matter countries and topics that are not names are left out with a warning, never used as paths")
    func namesFromFrontMatter() throws {
        let (folder, site) = try build()
        defer { withExtendedLifetime(folder) {} }
        let files = FileManager.default.enumerator(atPath: site.path)?.compactMap { $0 as? String } ?? []
        #expect(files.allSatisfy { !$0.contains("<") && !$0.contains(">") && !$0.contains("'") }, "\(files.filter { $0.contains("<") })")
    }
}
