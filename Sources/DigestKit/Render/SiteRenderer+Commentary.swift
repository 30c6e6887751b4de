/// The editor's commentary, as cmark renders it (`CommentaryRenderer`).
extension SiteRenderer {
    func commentaryHTML(_ commentary: Commentary?, on path: String) throws(Diagnostic) -> Any {
        guard let commentary else { return false }
        return CommentaryView(html: try self.commentary.html(commentary, on: path), commentary: commentary)
    }
}
