import Foundation

/// Editors' Markdown (commentary, and the bodies of Markdown articles) as HTML on one page
/// of the site. A link to another article by its file name (`004_moscow-pyongyang.txt` or
/// `.md`) becomes the relative link to that article's page from the page being rendered.
public struct CommentaryRenderer: Sendable {
    /// An article's file name without its extension → the path of its page.
    var articlePages: [String: String] = [:]
    var options: CommonMark.Options
    /// Commentary sits in an aside under its own heading: its headings go one level down.
    var commentaryOptions: CommonMark.Options

    public init(digest: Digest) {
        // By index, not by element: each element taken whole is a copy of an article.
        for i in digest.articles.indices {
            articlePages[ArticleReference.stem(of: digest.articles[i].article.path)] = SitePaths.article(digest.articles[i].article.slug)
        }
        options = CommonMark.Options(unsafe: digest.config.unsafeMarkdown)
        commentaryOptions = options
        commentaryOptions.headingOffset = 1
    }

    /// The HTML of `commentary` on the page at `page`; a link to an article the digest
    /// does not have is an error with the file and line of the link.
    public func html(_ commentary: Commentary, on page: String) throws(Diagnostic) -> String {
        try CommonMark.html(commentary.markdown, options: commentaryOptions) { link throws(Diagnostic) in
            try resolve(link, in: commentary, on: page).get()
        }
    }

    /// The body of a Markdown article: its headings keep the levels the editor wrote.
    public func body(_ markdown: Commentary, on page: String) throws(Diagnostic) -> String {
        try CommonMark.html(markdown.markdown, options: options) { link throws(Diagnostic) in
            try resolve(link, in: markdown, on: page).get()
        }
    }

    /// Every broken article link of `commentary`, not only the first; with `sitePages` (the
    /// paths the build writes), a warning for each other link into the site that has no file.
    public func problems(in commentary: Commentary, on page: String, sitePages: Set<String>? = nil) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        _ = try? CommonMark.html(commentary.markdown, options: options) { link throws(Diagnostic) in
            switch resolve(link, in: commentary, on: page) {
            case .failure(let problem): problems.append(problem)
            case .success(nil):
                if let sitePages, let warning = dangling(link, in: commentary, on: page, sitePages: sitePages) {
                    problems.append(warning)
                }
            case .success: break
            }
            return nil
        }
        return problems
    }

    /// A link to a path inside the site that is neither a page the build writes nor under
    /// the theme's `assets/`, or a root-relative path, which breaks from disk and under a sub-path.
    func dangling(_ link: CommonMark.Link, in commentary: Commentary, on page: String, sitePages: Set<String>) -> Diagnostic? {
        let destination = link.destination
        guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.hasPrefix("//"),
              !ArticleReference.hasScheme(destination) else { return nil }
        func warning(_ message: String) -> Diagnostic {
            .warning(message, file: commentary.file, line: commentary.firstLine - 1 + link.line, column: link.column)
        }
        if destination.hasPrefix("/") {
            return warning("links to `\(destination)` from the root of the host, which breaks when the site is opened from disk or published under a sub-path; link an article by its file name (NAME.txt), or give a full URL")
        }
        let path = destination.prefix { $0 != "#" && $0 != "?" }
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/").map({ String($0).removingPercentEncoding ?? String($0) }) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return warning("links to `\(destination)`, which leaves the site; give a full URL") }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        let target = parts.joined(separator: "/")
        if sitePages.contains(target) || target.hasPrefix("assets/") { return nil }
        return warning("links to `\(destination)`, which is no page of the site (from \(page) it is \(target)); link an article by its file name (NAME.txt), or give a full URL")
    }

    func resolve(_ link: CommonMark.Link, in commentary: Commentary, on page: String) -> Result<String?, Diagnostic> {
        guard let reference = ArticleReference(link.destination) else { return .success(nil) }
        guard let target = articlePages[reference.name] else {
            return .failure(.error(
                "links to `\(link.destination)`, but the digest has no article `\(reference.name).txt` or `\(reference.name).md` (drafts and skipped files have no page); correct the file name or remove the link",
                file: commentary.file, line: commentary.firstLine - 1 + link.line, column: link.column))
        }
        return .success(SitePaths.relative(from: page, to: target) + reference.fragment)
    }
}

/// A link destination that names an article's file: a relative path (no scheme, no host)
/// ending in `.txt` or `.md`. Articles live at the top of the content folder, so only the
/// last path component counts (`../../004_x.txt` from a commentary file names `004_x.txt`).
struct ArticleReference {
    var name: String
    /// `#…` when the link points into the page, else empty.
    var fragment: String

    init?(_ destination: String) {
        guard !destination.isEmpty, !destination.hasPrefix("//"), !ArticleReference.hasScheme(destination) else { return nil }
        var path = Substring(destination)
        fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        let file = path.split(separator: "/").last.map(String.init) ?? ""
        let decoded = file.removingPercentEncoding ?? file
        guard decoded.hasSuffix(".txt") || decoded.hasSuffix(".md") else { return nil }
        name = ArticleReference.stem(of: decoded)
        guard !name.isEmpty else { return nil }
    }

    static func stem(of fileName: String) -> String {
        if fileName.hasSuffix(".txt") { return String(fileName.dropLast(4)) }
        if fileName.hasSuffix(".md") { return String(fileName.dropLast(3)) }
        return fileName
    }

    /// `mailto:`, `https:`, `javascript:`: a scheme is letters, digits, `+`, `-`, `.` before a `:`,
    /// starting with a letter.
    static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":"), colon > destination.startIndex else { return false }
        let scheme = destination[..<colon]
        return scheme.first?.isASCII == true && scheme.first?.isLetter == true
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}
