import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file of the content folder: its path relative to the folder, and its bytes.
public struct ContentFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    /// The file as the folder's listing found it, for the incremental build (`InputMemo`).
    var state: InputMemo.FileState?
    /// False for a file left unread: `bytes` is empty, and the file is read only when its
    /// unit is analysed (`ContentLoader.read`).
    var isRead = true
    /// True for a file as the last build read it (`InputMemo`); it comes unread.
    var isUnchanged = false

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The file as listed, without the bytes once they are parsed.
    var withoutBytes: ContentFile {
        var file = self
        file.bytes = []
        return file
    }
}

/// Reads the content folder: the one place of the Content stage that touches the disk.
public enum ContentLoader {
    /// The files of `folder`: articles at the top (`*.txt`, `*.md`) and editors' commentary
    /// below `commentary/`. Files it cannot read, and links that point outside the folder,
    /// are reported and left out.
    public static func files(in folder: URL, diagnostics: inout Diagnostics) -> [ContentFile] {
        files(in: folder, diagnostics: &diagnostics, unchanged: { _, _ in false })
    }

    /// The same, but the articles' files that `unchanged` says are as they were come unread.
    /// With `deferring`, so do the other plain files right in the folder: they are read where
    /// their unit is analysed, on the core that parses them, into memory freed by the file
    /// before (10,000 articles read up front were 70 MB held through the analysis, and the
    /// kernel cleared every page of them).
    static func files(in folder: URL, diagnostics: inout Diagnostics, deferring: Bool = false,
                      unchanged: @Sendable (String, InputMemo.FileState) -> Bool) -> [ContentFile] {
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
        // Paths as strings, not URLs: making 10,000 URLs took a third of the listing's time.
        let base = folder.path
        // The files right in the folder are looked at relative to it, opened once: the kernel
        // then finds one name, not every folder of the path, for each of 10,000 files.
        let opened = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if opened >= 0 { close(opened) } }
        let read = Parallel.map(relativePaths.sorted()) { relative -> Result<ContentFile, Diagnostic> in
            let topLevel = !relative.utf8.contains(UInt8(ascii: "/"))
            // A plain file right in the folder: one `lstat` tells it is inside the folder and
            // gives its state, where a link is resolved and checked below. Unchanged since the
            // last build read it, it was readable then (a change of its permissions would
            // have changed its status-change time), so it is not asked again.
            var plain = stat()
            if topLevel, (opened >= 0 ? fstatat(opened, relative, &plain, AT_SYMLINK_NOFOLLOW) : lstat(base + "/" + relative, &plain)) == 0,
               plain.st_mode & S_IFMT == S_IFREG {
                let state = InputMemo.FileState(plain)
                let isUnchanged = unchanged(relative, state)
                if isUnchanged || deferring {
                    var file = ContentFile(path: relative, bytes: [])
                    file.state = state
                    file.isRead = false
                    file.isUnchanged = isUnchanged
                    return .success(file)
                }
            }
            let path = base + "/" + relative
            // A file right in the folder that is no link is inside it, without resolving its
            // path component by component (for 10,000 files, a tenth of a rebuild).
            let inside = (topLevel && !ContentFileKind.isLink(path)) || {
                let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                return resolved == root || resolved.hasPrefix(root + "/")
            }()
            guard inside else {
                return .failure(.warning("is a link to a file outside the content folder; skipped", file: display(relative, in: folder)))
            }
            var info = stat()
            if let problem = ContentFileKind.problem(at: path, info: &info) {
                return .failure(.warning(problem, file: display(relative, in: folder)))
            }
            let state = InputMemo.FileState(info)
            if !relative.hasPrefix("commentary/"), unchanged(relative, state) {
                var file = ContentFile(path: relative, bytes: [])
                file.state = state
                file.isRead = false
                file.isUnchanged = true
                return .success(file)
            }
            return ContentLoader.read(relative, in: folder, at: base, state: state)
        }
        files.reserveCapacity(read.count)
        for result in read {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return files
    }

    /// Reads the file at `relative` in `folder`; `state` is what the listing found.
    static func read(_ relative: String, in folder: URL, state: InputMemo.FileState?) -> Result<ContentFile, Diagnostic> {
        read(relative, in: folder, at: folder.path, state: state)
    }

    /// The same, with the folder's path as a string (`URL.path` decodes the URL again each time).
    static func read(_ relative: String, in folder: URL, at base: String, state: InputMemo.FileState?) -> Result<ContentFile, Diagnostic> {
        guard let bytes = bytes(atPath: base + "/" + relative) else {
            return .failure(.warning("cannot be read (check its permissions); skipped", file: display(relative, in: folder)))
        }
        var file = ContentFile(path: relative, bytes: bytes)
        file.state = state
        return .success(file)
    }

    /// The bytes of the file at `path`, read straight into the array (through `Data` they
    /// were copied once more). Nil when it cannot be opened or read.
    static func bytes(atPath path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var bytes: [UInt8] = []
        // A byte more than its size, so that the end is seen: a file that grew meanwhile is read on.
        var chunk = max(Int(info.st_size), 0) + 1
        while true {
            var failed = false, atEnd = false
            let part = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, count in
                count = 0
                while count < buffer.count {
                    let n = readBytes(fd, buffer.baseAddress! + count, buffer.count - count)
                    if n > 0 { count += n; continue }
                    if n < 0, errno == EINTR { continue }
                    failed = n < 0
                    atEnd = true
                    return
                }
            }
            if failed { return nil }
            if bytes.isEmpty { bytes = part } else { bytes += part }
            if atEnd { return bytes }
            chunk = 1 << 16
        }
    }

    private static func readBytes(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    static func display(_ relative: String, in folder: URL) -> String {
        folder.appendingPathComponent(relative).relativePath
    }

    static func isContent(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".txt") || name.hasSuffix(".md"))
    }
}
