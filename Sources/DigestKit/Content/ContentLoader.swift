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
        for relative in relativePaths.sorted() {
            let url = folder.appendingPathComponent(relative)
            let display = folder.appendingPathComponent(relative).relativePath
            let resolved = url.resolvingSymlinksInPath().path
            guard resolved == root || resolved.hasPrefix(root + "/") else {
                diagnostics.append(.warning("is a link to a file outside the content folder; skipped", file: display))
                continue
            }
            if let problem = ContentFileKind.problem(at: url.path) {
                diagnostics.append(.warning(problem, file: display))
                continue
            }
            guard let data = fm.contents(atPath: url.path) else {
                diagnostics.append(.warning("cannot be read (check its permissions); skipped", file: display))
                continue
            }
            files.append(ContentFile(path: relative, bytes: [UInt8](data)))
        }
        return files
    }

    static func isContent(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".txt") || name.hasSuffix(".md"))
    }
}
