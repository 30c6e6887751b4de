import ArabicText
import Foundation

/// `digest summarize`: the summary of each file, its whole text taken as the body (no
/// headline, date line or furniture handling), as JSON lines `{"path": …, "sentences": […]}`.
/// Evaluations read this: keep the keys.
public enum Summarization {
    public struct Report: Sendable {
        public var lines: [String]
        public var diagnostics: [Diagnostic]
    }

    public static func summarize(paths: [String], with summarizer: Summarizer) -> Report {
        var lines: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.append(.error("cannot be read; check the path and its permissions", file: path))
                continue
            }
            guard case .success(let text) = TextDecoder.decode([UInt8](data)) else {
                diagnostics.append(.error("is not a text file (it holds control bytes); pass text files only", file: path))
                continue
            }
            let paragraphs = LineUnwrapper.paragraphs(text)
            let sentences = summarizer.summarize(title: "", paragraphs: paragraphs)
            lines.append(json(path: path, sentences: sentences))
        }
        return Report(lines: lines, diagnostics: diagnostics)
    }

    static func json(path: String, sentences: [String]) -> String {
        let object: [String: Any] = ["path": path, "sentences": sentences]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
