import Foundation

extension BuildReport {
    /// The line `build` and `serve` print after a build.
    public func summary(output: String) -> String {
        let warnings = warnings.isEmpty ? "" : ", \(warnings.count) warning(s)"
        let reused = reusedArticles == 0 ? "" : " (\(reusedArticles) unchanged, from the cache)"
        let kept = keptPages == 0 ? "" : " (\(keptPages) unchanged, kept)"
        return "built \(articles) articles\(reused) into \(pages) pages\(kept) in \(String(format: "%.2f", seconds)) s\(warnings) → \(output)/"
    }
}
