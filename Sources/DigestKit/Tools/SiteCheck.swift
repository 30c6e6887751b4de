import Foundation

/// `digest check`: every problem of a site's config, theme and content, found by running
/// the build in memory: nothing is written, no lock is taken. Unlike a build it does not
/// stop at the first stage with errors, so an editor sees the whole list at once.
public enum SiteCheck {
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        /// Content files read, and articles made from them.
        public var files: Int
        public var articles: Int
        public var pages: Int

        public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
    }

    public static func run(_ options: BuildOptions) -> Report {
        var diagnostics = Diagnostics()
        func collect<T>(_ step: () throws(BuildFailure) -> T) -> T? {
            do { return try step() } catch { diagnostics.append(contentsOf: error.diagnostics); return nil }
        }

        do {
            try SiteWriter(output: options.output, protecting: [options.input, options.templates, options.config]).checkLocation()
        } catch {
            diagnostics.append(error)
        }
        // A broken config is reported, and the rest is checked with the defaults.
        let config = collect { () throws(BuildFailure) in try Build.loadConfig(options.config, diagnostics: &diagnostics) } ?? SiteConfig()
        let resources = collect { () throws(BuildFailure) in try Build.resources(config) }
            ?? collect { () throws(BuildFailure) in try Build.resources(SiteConfig()) }
        let templates = collect { () throws(BuildFailure) in try Build.loadTemplates(options.templates) }

        let files = ContentLoader.files(in: options.input, diagnostics: &diagnostics)
        guard let (gazetteer, taxonomy, contentRules) = resources else {
            return Report(diagnostics: diagnostics.items, files: files.count, articles: 0, pages: 0)
        }
        let content = ContentParser(rules: contentRules).parse(files)
        diagnostics.append(contentsOf: content.diagnostics.items.map { $0.inFolder(options.input) })

        // Render in memory: unknown template variables show only when a page is made.
        var pages = 0
        if let templates, let dates = collect({ () throws(BuildFailure) in try Build.dateDisplay(config) }) {
            let analyzer = Analyzer(gazetteer: gazetteer, taxonomy: taxonomy,
                                    budget: SummaryBudget(sentences: config.summarySentences, words: config.summaryWords))
            let digest = Digest(articles: analyzer.analyze(content.articles), config: config, gazetteer: gazetteer,
                                taxonomy: taxonomy, commentary: content.commentary)
            // Commentary on pages the digest lacks, and broken article links, reported once
            // (rendering meets the same broken links again).
            let commentary = CommentaryCheck.problems(in: digest)
            diagnostics.append(contentsOf: commentary.map { $0.inFolder(options.input) })
            do {
                pages = try SiteRenderer(digest: digest, templates: templates, dates: dates).render { _ in }.count
            } catch {
                diagnostics.append(contentsOf: error.diagnostics.filter { !commentary.contains($0) })
            }
        }
        return Report(diagnostics: diagnostics.items, files: files.count, articles: content.articles.count, pages: pages)
    }
}

extension Diagnostic {
    /// The diagnostic with its file named from the working directory: the Content stage
    /// names files relative to the content folder (`a.md`), editors open `seeds/a.md`.
    public func inFolder(_ folder: URL) -> Diagnostic {
        guard let file, !file.hasPrefix("/") else { return self }
        var copy = self
        copy.file = folder.appendingPathComponent(file).relativePath
        return copy
    }
}
