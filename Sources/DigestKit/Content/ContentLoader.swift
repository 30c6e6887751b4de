import Foundation

/// A file of the content folder: its path relative to the folder, and its bytes.
public struct ContentFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Reads the content folder: the one place of the Content stage that touches the disk.
public enum ContentLoader {
    /// The files of `folder`: articles at the top (`*.txt`, `*.md`) and editors' commentary
    /// below `commentary/`. Files it cannot read, and links that point outside the folder,
    /// are reported and left out.
    public static func files(in folder: URL, diagnostics: inout Diagnostics) -> [ContentFile] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(.error("content folder not found; create it or pass --input FOLDER", file: folder.relativePath))
            return []
        }
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        var files: [ContentFile] = []
        var relativePaths: [String] = []
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: folder.path)
        } catch {
            diagnostics.append(.error("the content folder cannot be listed: \(error.localizedDescription)", file: folder.relativePath))
            return []
        }
        for name in names where isContent(name) {
            relativePaths.append(name)
        }
        let commentary = folder.appendingPathComponent("commentary")
        if let enumerator = fm.enumerator(atPath: commentary.path) {
            for case let name as String in enumerator where name.hasSuffix(".md") {
                relativePaths.append("commentary/" + name)
            }
        }
        // Each file is checked and read on its own, so they are spread over the cores (a rebuild
        // with nothing changed read 10,000 files one by one for 0.6 s); messages keep their order.
        let read = Parallel.map(relativePaths.sorted()) { relative -> Result<ContentFile, Diagnostic> in
            let url = folder.appendingPathComponent(relative)
            let display = url.relativePath
            // A file right in the folder that is no link is inside it, without resolving its
            // path component by component (for 10,000 files, a tenth of a rebuild).
            let inside = (!relative.contains("/") && !ContentFileKind.isLink(url.path)) || {
                let resolved = url.resolvingSymlinksInPath().path
                return resolved == root || resolved.hasPrefix(root + "/")
            }()
            guard inside else {
                return .failure(.warning("is a link to a file outside the content folder; skipped", file: display))
            }
            if let problem = ContentFileKind.problem(at: url.path) {
                return .failure(.warning(problem, file: display))
            }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return .failure(.warning("cannot be read (check its permissions); skipped", file: display))
            }
            return .success(ContentFile(path: relative, bytes: [UInt8](data)))
        }
        for result in read {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return files
    }

    static func isContent(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".txt") || name.hasSuffix(".md"))
    }
}
