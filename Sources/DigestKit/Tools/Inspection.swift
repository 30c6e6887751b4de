import Foundation

/// `digest inspect`: what the Content and Analysis stages make of each article, as JSON
/// lines. The keys are a contract other tools read: keep them.
public enum Inspection {
    public struct Report: Sendable {
        public var lines: [String]
        public var diagnostics: [Diagnostic]
    }

    public static func inspect(paths: [String], config: SiteConfig) throws(BuildFailure) -> Report {
        let (gazetteer, taxonomy, contentRules) = try Build.resources(config)
        var diagnostics: [Diagnostic] = []
        var files: [ContentFile] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                diagnostics.append(.error("cannot be read; check the path and its permissions", file: path))
                continue
            }
            files.append(ContentFile(path: url.lastPathComponent, bytes: [UInt8](data)))
            // The editor's file beside a scraped article is part of it.
            if path.hasSuffix(".txt") {
                let editorial = url.deletingPathExtension().appendingPathExtension("md")
                if !paths.contains(editorial.path), let md = FileManager.default.contents(atPath: editorial.path) {
                    files.append(ContentFile(path: editorial.lastPathComponent, bytes: [UInt8](md)))
                }
            }
        }
        let content = ContentParser(rules: contentRules).parse(files)
        diagnostics += content.diagnostics.items
        let analyzer = Analyzer(gazetteer: gazetteer, taxonomy: taxonomy,
                                budget: SummaryBudget(sentences: config.summarySentences, words: config.summaryWords))
        let byName = Dictionary(content.articles.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var lines: [String] = []
        for path in paths {
            let name = URL(fileURLWithPath: path).lastPathComponent
            guard let article = byName[name] else { continue }
            lines.append(json(analyzer.analyze(article), path: path))
        }
        return Report(lines: lines, diagnostics: diagnostics)
    }

    static func json(_ analyzed: AnalyzedArticle, path: String) -> String {
        let a = analyzed.article
        func evidence(_ items: [String: Evidence]) -> [String: Any] {
            items.mapValues { ["words": $0.words, "places": $0.places, "score": $0.score] as [String: Any] }
        }
        let object: [String: Any] = [
            "path": path,
            "slug": a.slug,
            "title": a.title,
            "title_derived": a.titleIsDerived,
            "published": a.published?.iso8601 ?? NSNull(),
            "updated": a.updated?.iso8601 ?? NSNull(),
            "source": a.source ?? NSNull(),
            "dateline": a.dateline ?? NSNull(),
            "editor": a.editor ?? NSNull(),
            "countries": ["primary": analyzed.countries.primary, "mentioned": analyzed.countries.mentioned],
            "topics": analyzed.topics,
            "evidence": ["countries": evidence(analyzed.countries.evidence), "topics": evidence(analyzed.topicEvidence)],
            "summary": analyzed.summary,
            "paragraphs": a.paragraphs,
            "quotes": a.blocks.compactMap { block -> [String: String]? in
                if case .quote(let text, let language) = block { return ["text": text, "lang": language] }
                return nil
            },
            "warnings": a.warnings.map(\.message),
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
