import Foundation
import Mustache

/// The theme's Mustache templates, parsed once, with the checks swift-mustache does not
/// make: a partial or parent that does not exist, and a variable that no view model has,
/// are errors with the template's file, line and column instead of empty output.
public struct TemplateSet: Sendable {
    /// The folder the templates came from, for diagnostics.
    public let folder: String
    let library: MustacheLibrary
    /// The same templates in digest's form (`CompiledTemplate`), rendered by `TemplateRenderer`;
    /// nil when swift-mustache's parse could not be taken over, and it renders them itself.
    let renderer: TemplateRenderer?
    /// Template name → its source text, for locating names in errors.
    let sources: [String: String]
    /// Every template's name and text, hashed: pages made with other templates are made again.
    public var fingerprint: String {
        var hasher = StableHasher()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) { hasher.combine("\(name)\u{0}\(text)\u{0}") }
        return hasher.hex
    }

    /// Loads every `*.mustache` below `folder`. Throws every parse error and missing partial.
    public init(folder: URL, displayFolder: String) throws(BuildFailure) {
        self.folder = displayFolder
        let folder = folder.resolvingSymlinksInPath()
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        let fm = FileManager.default
        let names = (fm.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        for name in names {
            let key = String(name.dropLast(".mustache".count))
            let file = displayFolder + "/" + name
            guard let data = fm.contents(atPath: folder.appendingPathComponent(name).path),
                  let text = String(data: data, encoding: .utf8)
            else {
                diagnostics.append(.error("cannot be read as UTF-8 text", file: file))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: Self.escaping + text), named: key)
                sources[key] = text
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error("template does not parse: \(Self.describe(error.error))", file: file,
                                          line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber))
            } catch {
                diagnostics.append(.error("template does not parse: \(error)", file: file))
            }
        }
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            for tag in MustacheTags.scan(text) where tag.kind == .partial || tag.kind == .parent {
                if sources[tag.name] == nil {
                    diagnostics.append(.error("names the \(tag.kind == .parent ? "parent" : "partial") `\(tag.name)`, which is not in the theme; add \(tag.name).mustache or fix the name",
                                              file: "\(displayFolder)/\(name).mustache", line: tag.line, column: tag.column))
                }
            }
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics) }
        self.library = library
        renderer = TemplateRenderer(library, names: sources.keys)
        self.sources = sources
    }

    public func has(_ name: String) -> Bool { sources[name] != nil }

    /// A line put before every template (a standalone tag, so it leaves no trace in the
    /// output; errors' line numbers are taken back by one): its variables are escaped by
    /// `HTML.escape`, which does on bytes what swift-mustache's escaper does character by
    /// character, several times slower. Partials reset the escaper, so each template carries it.
    static let escaping: String = {
        MustacheContentTypes.register(FastHTMLContentType(), named: "DIGEST_HTML")
        return "{{% CONTENT_TYPE: DIGEST_HTML}}\n"
    }()

    struct FastHTMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    static func describe(_ error: Error) -> String {
        switch "\(error)" {
        case "sectionCloseNameIncorrect": return "a section is closed with another name than it was opened with"
        case "unfinishedName": return "a tag is not closed with }}"
        case "expectedSectionEnd": return "a section is never closed"
        case "expectedTagEnd": return "a tag is not closed"
        default: return "\(error)"
        }
    }

    /// Renders the template `name` with a view model. Throws when the template is missing
    /// or names a variable that the view model does not have.
    func render(_ name: String, _ view: ViewModel) throws(Diagnostic) -> String {
        guard sources[name] != nil else {
            throw Diagnostic.error("the theme has no template `\(name).mustache`; add it (see the default theme)", file: folder)
        }
        let root = RecordingView(view)
        let rendered: String?
        if let renderer {
            do {
                rendered = try renderer.render(name, root)
            } catch {
                throw Diagnostic.error("includes `\(error.name)` inside itself without end (more than \(TemplateRenderer.deepestNesting) partials and parents deep); a partial or parent must not name itself, directly or through another",
                                       file: "\(folder)/\(name).mustache")
            }
        } else {
            rendered = library.render(root, withTemplate: name)
        }
        let output = rendered ?? ""
        if let missing = root.missing.names.sorted().first {
            throw unknownVariable(missing, startingAt: name)
        }
        return output
    }

    /// Locates an unknown variable in the template or in one of the templates it includes.
    func unknownVariable(_ variable: String, startingAt name: String) -> Diagnostic {
        var queue = [name]
        var seen: Set<String> = []
        while let current = queue.first {
            queue.removeFirst()
            guard seen.insert(current).inserted, let text = sources[current] else { continue }
            for tag in MustacheTags.scan(text) {
                if tag.kind.readsVariable && tag.name.split(separator: ".").first.map(String.init) == variable {
                    return .error("names the variable `\(variable)`, which this page does not have; see Templates/README.md for the variables of each page",
                                  file: "\(folder)/\(current).mustache", line: tag.line, column: tag.column)
                }
                if tag.kind == .partial || tag.kind == .parent { queue.append(tag.name) }
            }
        }
        return .error("a template names the variable `\(variable)`, which this page does not have", file: "\(folder)/\(name).mustache")
    }
}

/// The root of a page's view model: records names looked up that it does not have.
/// Lookups climb the context stack to the root, so a name missing here is missing everywhere.
/// A struct (a class costs every run-time cast of the engine a look for a boxed value) that
/// records into a class.
struct RecordingView: MustacheParent {
    let view: ViewModel
    let missing = MissingNames()

    init(_ view: ViewModel) { self.view = view }

    func child(named name: String) -> Any? { value(named: name)?.any }

    func value(named name: String) -> TemplateValue? {
        if let value = view.value(named: name) { return value }
        missing.names.insert(name)
        return nil
    }

    final class MissingNames {
        var names: Set<String> = []
    }
}

/// A light scanner for Mustache tags, for locating names in errors. Assumes the default
/// `{{ }}` delimiters, as the default theme uses.
enum MustacheTags {
    enum Kind: Equatable {
        case variable, section, inverted, close, partial, parent, block, comment, other
        var readsVariable: Bool { self == .variable || self == .section || self == .inverted }
    }

    struct Tag {
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
    }

    static func scan(_ text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1, column = 1
        var i = text.startIndex
        while i < text.endIndex {
            if text[i...].hasPrefix("{{"), let close = text[i...].range(of: "}}") {
                var inner = text[text.index(i, offsetBy: 2)..<close.lowerBound]
                var kind = Kind.variable
                if inner.hasPrefix("{") { inner = inner.dropFirst() }
                if let first = inner.first {
                    switch first {
                    case "#": kind = .section
                    case "^": kind = .inverted
                    case "/": kind = .close
                    case ">": kind = .partial
                    case "<": kind = .parent
                    case "$": kind = .block
                    case "!": kind = .comment
                    case "&": kind = .variable
                    case "=": kind = .other
                    default: break
                    }
                    if kind != .variable || first == "&" { inner = inner.dropFirst() }
                }
                let name = inner.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "}"))
                if kind != .comment && kind != .other && name != "." && !name.hasSuffix(")") {
                    tags.append(Tag(kind: kind, name: name, line: line, column: column))
                }
                let end = close.upperBound
                for c in text[i..<end] {
                    if c == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                i = end
                continue
            }
            if text[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i = text.index(after: i)
        }
        return tags
    }
}
