import Foundation

/// The Render stage: turns the digest into pages with the theme's templates.
/// It decides how things look, never what is on a page (that is the Digest's).
/// Each page type lives in its own extension: `+Front`, `+Article`, `+Lists`, `+Discovery`; the pieces
/// of view model they share are in `+ViewModel`.
public struct SiteRenderer: Sendable {
    public var digest: Digest
    public var templates: TemplateSet
    public var dates: DateDisplay
    let commentary: CommentaryRenderer

    public init(digest: Digest, templates: TemplateSet, dates: DateDisplay) {
        self.digest = digest
        self.templates = templates
        self.dates = dates
        self.commentary = CommentaryRenderer(digest: digest)
    }

    /// Every page of the site, in a deterministic order.
    public func pages() throws(BuildFailure) -> [Page] {
        var pages: [Page] = []
        var diagnostics: [Diagnostic] = []
        func add(_ make: () throws(Diagnostic) -> [Page]) {
            do { pages += try make() } catch { diagnostics.append(error) }
        }
        add { () throws(Diagnostic) in [try indexPage()] }
        for i in digest.articles.indices { add { () throws(Diagnostic) in [try articlePage(i)] } }
        for code in digest.countryCodes { add { () throws(Diagnostic) in try countryPages(code) } }
        for slug in digest.topicSlugs { add { () throws(Diagnostic) in try topicPages(slug) } }
        for key in digest.relationKeys { add { () throws(Diagnostic) in try relationPages(key) } }
        for month in digest.months { add { () throws(Diagnostic) in try monthPages(month) } }
        add { () throws(Diagnostic) in [try archivePage()] }
        add { () throws(Diagnostic) in [try searchPage()] }
        add { () throws(Diagnostic) in [try notFoundPage()] }
        if !diagnostics.isEmpty {
            // One broken template fails every page: report each distinct problem once.
            var seen = Set<Diagnostic>()
            throw BuildFailure(diagnostics.filter { seen.insert($0).inserted })
        }
        return pages
    }

    func render(_ template: String, _ view: [String: Any], path: String) throws(Diagnostic) -> Page {
        Page(path: path, text: try templates.render(template, view))
    }
}
