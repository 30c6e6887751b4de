import Mustache

/// Commentary as templates see it: `{{{commentary}}}` is its HTML (as it always was); inside
/// `{{#commentary}}`, `{{{html}}}`, `{{title}}` and `{{author}}` from its front matter, false when
/// absent so a theme can fall back (`{{^title}}تعليق المحرر{{/title}}`).
struct CommentaryView: MustacheParent, MustacheCustomRenderable {
    var html: String
    var title: String?
    var author: String?

    init(html: String, commentary: Commentary) {
        self.html = html
        self.title = commentary.title.map(BidiRuns.isolatedText)
        self.author = commentary.author.map(BidiRuns.isolatedText)
    }

    var renderText: String { html }
    var isNull: Bool { false }

    func child(named name: String) -> Any? {
        switch name {
        case "html", "commentary": return html
        case "title": return title ?? false
        case "author": return author ?? false
        default: return nil
        }
    }
}
