import ArabicText
import Foundation

/// Editors' commentary on the site's pages other than articles.
public struct SiteCommentary: Sendable {
    public var index: Commentary?
    public var countries: [String: Commentary] = [:]
    public var topics: [String: Commentary] = [:]
    public var relations: [String: Commentary] = [:]
    public init() {}
}

/// What the Content stage produces: articles in file order, and the commentary.
public struct Content: Sendable {
    public var articles: [Article]
    public var commentary: SiteCommentary
    public var diagnostics: Diagnostics
}

/// Turns the content folder's files into articles and commentary. Pure: no disk access.
public struct ContentParser: Sendable {
    public var rawParser: RawArticleParser

    public init(rules: ContentRules) {
        self.rawParser = RawArticleParser(rules: rules)
    }

    public func parse(_ files: [ContentFile]) -> Content {
        var diagnostics = Diagnostics()
        var texts: [String: String] = [:]
        for file in files {
            switch TextDecoder.decodeReporting(file.bytes) {
            case .success(let decoded):
                if let note = decoded.note { diagnostics.append(.warning(note.message, file: file.path, line: note.line)) }
                if decoded.text.allSatisfy(\.isWhitespace) {
                    diagnostics.append(.warning(file.bytes.isEmpty ? "is empty; skipped" : "holds only blank space; skipped", file: file.path))
                } else {
                    texts[file.path] = decoded.text
                }
            case .failure(let notText):
                diagnostics.append(.warning("is not a text file (it holds NUL or control bytes); skipped", file: file.path, line: notText.line))
            }
        }

        let skipped = Set(files.map(\.path)).subtracting(texts.keys)
        var articles: [Article] = []
        var commentary = SiteCommentary()
        var seenSlugs: [String: String] = [:]
        for path in texts.keys.sorted() {
            guard let text = texts[path] else { continue }
            if path.hasPrefix("commentary/") {
                if let item = parseCommentary(text, path: path, diagnostics: &diagnostics) {
                    place(item, path: path, in: &commentary, diagnostics: &diagnostics)
                }
                continue
            }
            let base = String(path.dropLast(path.hasSuffix(".md") ? 3 : 4))
            if path.hasSuffix(".md"), texts[base + ".txt"] != nil { continue }  // read with its .txt
            if path.hasSuffix(".md"), skipped.contains(base + ".txt") {
                // Not an article of its own: the editor wrote it about the .txt beside it.
                diagnostics.append(.error("is commentary on \(base).txt, which was skipped (see its warning); fix that file or remove this one", file: path))
                continue
            }
            var article: Article
            if path.hasSuffix(".txt") {
                article = rawParser.parse(text, path: path, slug: Slug.make(base))
                if let editorial = texts[base + ".md"] {
                    apply(editorial, path: base + ".md", to: &article, diagnostics: &diagnostics)
                }
            } else {
                article = Article(path: path, slug: Slug.make(base), title: "", blocks: [])
                apply(text, path: path, to: &article, diagnostics: &diagnostics, isBody: true)
                if article.title.isEmpty {
                    article.title = article.paragraphs.first.map(rawParser.derivedTitle) ?? base
                    article.titleIsDerived = true
                }
            }
            if article.frontMatter.draft { continue }
            if article.paragraphs.isEmpty && article.commentary == nil {
                diagnostics.append(.warning("has no article text left after cleanup; skipped", file: path))
                continue
            }
            Self.claimUniqueSlug(&article, taken: &seenSlugs, diagnostics: &diagnostics)
            diagnostics.append(contentsOf: article.warnings)
            articles.append(article)
        }
        return Content(articles: articles, commentary: commentary, diagnostics: diagnostics)
    }

    /// Gives the article a slug no earlier article has (`taken`: slug → path), with a warning
    /// when it had to change; the incremental build calls it too, over cached articles.
    static func claimUniqueSlug(_ article: inout Article, taken: inout [String: String], diagnostics: inout Diagnostics) {
        if let other = taken[article.slug] {
            let unique = uniqueSlug(article.slug, taken: taken)
            diagnostics.append(.warning("has the slug `\(article.slug)` of \(other); its page is \(unique).html instead", file: article.path))
            article.slug = unique
        }
        taken[article.slug] = article.path
    }

    static func uniqueSlug(_ slug: String, taken: [String: String]) -> String {
        var n = 2
        while taken["\(slug)-\(n)"] != nil { n += 1 }
        return "\(slug)-\(n)"
    }

    /// Applies an editor's Markdown file to an article: front matter overrides, the body is
    /// commentary (beside a .txt) or the article itself (a Markdown article).
    func apply(_ text: String, path: String, to article: inout Article, diagnostics: inout Diagnostics, isBody: Bool = false) {
        let split: FrontMatterReader.Split
        do {
            split = try FrontMatterReader.split(text, file: path)
        } catch {
            diagnostics.append(error)
            return
        }
        if let yaml = split.yaml {
            do {
                let (read, warnings) = try FrontMatterReader.frontMatter(yaml, file: path, firstLine: split.yamlFirstLine)
                let (matter, unsafeNames) = read.withSafeNames(file: path)
                diagnostics.append(contentsOf: warnings + unsafeNames)
                article.frontMatter = matter
                if let title = matter.title { article.title = title; article.titleIsDerived = false }
                if let published = matter.published {
                    article.published = published
                    article.warnings.removeAll { $0.message.hasPrefix("no date found") }
                }
                if let updated = matter.updated { article.updated = updated }
                if let source = matter.source { article.source = source }
                if let url = matter.url {
                    if let safe = SafeURL.webAddress(url) {
                        article.url = safe
                    } else {
                        diagnostics.append(.warning("`url:` must be an http:// or https:// address; `\(url)` was left out", file: path))
                    }
                }
                if let slug = matter.slug {
                    if Slug.isSafe(slug) {
                        article.slug = slug
                    } else {
                        diagnostics.append(.warning("the slug `\(slug)` is not one safe file name (letters, digits, - and _ only); using \(article.slug)", file: path))
                    }
                }
            } catch {
                diagnostics.append(error)
            }
        }
        let body = split.body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { return }
        let source = Commentary(markdown: split.body, file: path, firstLine: split.bodyFirstLine)
        if isBody {
            article.markdownBody = source
            article.blocks = MarkdownText.blocks(split.body)
            if article.published == nil {
                article.warnings.append(.warning("has no `published:` date in its front matter; the article is undated", file: path))
            }
        } else {
            article.commentary = source
        }
    }

    func parseCommentary(_ text: String, path: String, diagnostics: inout Diagnostics) -> Commentary? {
        do {
            let split = try FrontMatterReader.split(text, file: path)
            var item = Commentary(markdown: split.body, file: path, firstLine: split.bodyFirstLine)
            if let yaml = split.yaml {
                let document = try YAMLDocument(yaml, file: path, lineOffset: split.yamlFirstLine - 1)
                item.title = try document.string("title")
                item.author = try document.string("author")
                item.published = try document.date("published")
                diagnostics.append(contentsOf: document.unknownKeys(known: ["title", "author", "published"]))
            }
            if item.markdown.allSatisfy(\.isWhitespace) {
                diagnostics.append(.warning("has no commentary below its front matter; nothing of it is shown", file: path))
                return nil
            }
            return item
        } catch {
            diagnostics.append(error)
            return nil
        }
    }

    func place(_ item: Commentary, path: String, in commentary: inout SiteCommentary, diagnostics: inout Diagnostics) {
        let parts = path.split(separator: "/").map(String.init)
        let name = parts.last.map { String($0.dropLast(3)) } ?? ""
        switch (parts.count, parts.count > 2 ? parts[1] : "") {
        case (2, _) where name == "index": commentary.index = item
        case (3, "countries"): commentary.countries[name.uppercased()] = item
        case (3, "topics"): commentary.topics[name] = item
        case (3, "relations"): commentary.relations[name.lowercased()] = item
        default:
            diagnostics.append(.error(
                "is not a known commentary file: use commentary/index.md, commentary/countries/<code>.md, commentary/topics/<slug>.md or commentary/relations/<a>-<b>.md",
                file: path))
        }
    }
}

/// The plain text of Markdown, paragraph by paragraph, for analysis of Markdown articles.
enum MarkdownText {
    static func blocks(_ markdown: String) -> [Block] {
        var blocks: [Block] = []
        var current: [String] = []
        func flush() {
            if !current.isEmpty { blocks.append(.paragraph(current.joined(separator: " "))) }
            current = []
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("#") {
                flush()
                blocks.append(.heading(line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)))
                continue
            }
            var text = line
            for marker in [">", "- ", "* ", "+ "] where text.hasPrefix(marker) {
                text = String(text.dropFirst(marker.count)).trimmingCharacters(in: .whitespaces)
            }
            current.append(stripInline(text))
        }
        flush()
        return blocks
    }

    /// Drops emphasis markers and keeps link text.
    static func stripInline(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        if let pattern = try? NSRegularExpression(pattern: #"!?\[([^\]]*)\]\([^)]*\)"#) {
            result = pattern.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: "$1")
        }
        return result
    }
}
