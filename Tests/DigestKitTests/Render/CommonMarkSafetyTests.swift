import Foundation
import Testing
@testable import DigestKit

/// Random Markdown built from pieces that exercise the tree surgery (headings re-rendered,
/// text split around runs, links rewritten) next to active content: whatever the mix, safe
/// mode writes no tag that runs script.
@Suite("CommonMark safety")
struct CommonMarkSafetyTests {
    static let pieces = [
        "# ", "## ", "\n", "\n\n", "> ", "- ", "1. ", "    ", "```\n", "`", "*", "**", "_", "\\", "!", "[", "](", ")",
        "<", ">", "\"", "'", "&", "&amp;", "&#x3C;script&#x3E;", "\r\n", "\u{0}", "\u{FEFF}", "\u{200F}",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">",
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<b>", "<javascript:alert(1)>",
        "عنوان", "الموقفُ", "ـــ", "C++", "5+1", "G7", "Alexander Kozlov", "000_a.txt", "2023-11-17", " ",
    ]

    /// A small deterministic generator, so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Every tag in the HTML (text is escaped, so every `<` starts one).
    static func tags(in html: String) -> [Substring] {
        var tags: [Substring] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            let close = rest[open...].firstIndex(of: ">") ?? rest.endIndex
            tags.append(rest[open..<close])
            rest = close < rest.endIndex ? rest[rest.index(after: close)...] : ""
        }
        return tags
    }

    /// A tag's name and its attributes; every attribute must be `name="value"`, else the
    /// unparsed rest is returned as an attribute named by it, which fails the checks.
    static func parse(_ tag: Substring) -> (String, [(String, String)]) {
        var rest = tag.dropFirst().drop { $0 == "/" }
        let name = String(rest.prefix { $0.isLetter || $0.isNumber }).lowercased()
        rest = rest.dropFirst(name.count)
        var attributes: [(String, String)] = []
        while true {
            rest = rest.drop { $0 == " " || $0 == "\n" }
            if rest.isEmpty || rest == "/" { break }
            guard let equals = rest.firstIndex(of: "="), rest[rest.index(after: equals)...].first == "\"",
                  let close = rest[rest.index(equals, offsetBy: 2)...].firstIndex(of: "\"") else {
                attributes.append(("on-unparsed " + rest, ""))
                break
            }
            attributes.append((rest[..<equals].lowercased(), String(rest[rest.index(equals, offsetBy: 2)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        return (name, attributes)
    }

    @Test("no script tag, event handler or script link in 3000 random documents")
    func randomDocuments() {
        var random = Generator(state: 20261123)
        for _ in 0..<3000 {
            var markdown = ""
            for _ in 0..<(1 + random.next(40)) { markdown += Self.pieces[random.next(Self.pieces.count)] }
            let html = CommonMark.html(markdown)
            for tag in Self.tags(in: html) where tag != "<!-- raw HTML omitted --" {
                let (name, attributes) = Self.parse(tag)
                #expect(!["script", "iframe", "object", "embed"].contains(name), "\(markdown.debugDescription) gave \(tag)")
                for (attribute, value) in attributes {
                    #expect(!attribute.hasPrefix("on"), "\(markdown.debugDescription) gave \(tag)")
                    if attribute == "href" || attribute == "src" {
                        let scheme = value.lowercased().drop { $0 == " " }
                        #expect(!scheme.hasPrefix("javascript:") && !scheme.hasPrefix("vbscript:") && !scheme.hasPrefix("data:text"),
                                "\(markdown.debugDescription) gave \(tag)")
                    }
                }
            }
        }
    }
}
