import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls the Output stage makes, at the POSIX level so that nothing
/// follows a symbolic link or overwrites a file another folder shares by hard link.
enum OutputFiles {
    enum Kind: Equatable {
        case file(size: Int)
        case directory
        case link
        case other
    }

    /// What is at `path`, without following a final symbolic link; nil when nothing is.
    static func kind(_ path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(size: Int(info.st_size))
        case S_IFDIR: return .directory
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// Every file and link below `root` (not directories), as paths relative to it, sorted.
    /// Never descends through a symbolic link.
    static func walk(_ root: String) -> [String] {
        var result: [String] = []
        func visit(_ relative: String) {
            let here = relative.isEmpty ? root : root + "/" + relative
            for (name, isDirectory) in entries(of: here).sorted(by: { $0.name < $1.name }) {
                let child = relative.isEmpty ? name : relative + "/" + name
                switch isDirectory ?? (kind(root + "/" + child).map { $0 == .directory }) {
                case true?: visit(child)
                case false?: result.append(child)
                case nil: break
                }
            }
        }
        visit("")
        return result
    }

    /// Everything below `root`, folders included, as paths relative to it: true for a folder.
    /// Never descends through a symbolic link.
    static func tree(_ root: String) -> [String: Bool] {
        var result: [String: Bool] = [:]
        func visit(_ relative: String) {
            for (name, isDirectory) in entries(of: relative.isEmpty ? root : root + "/" + relative) {
                let child = relative.isEmpty ? name : relative + "/" + name
                let folder = isDirectory ?? (kind(root + "/" + child) == .directory)
                result[child] = folder
                if folder { visit(child) }
            }
        }
        visit("")
        return result
    }

    /// The names in the folder at `path` and whether each is a folder (a link is not), as the
    /// folder's listing tells it: a site's 15,000 files are not each asked with `lstat`. Nil
    /// where the listing does not tell.
    static func entries(of path: String) -> [(name: String, isDirectory: Bool?)] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var entries: [(name: String, isDirectory: Bool?)] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): entries.append((name, true))
            case Int32(DT_UNKNOWN): entries.append((name, nil))
            default: entries.append((name, false))
            }
        }
        return entries
    }

    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// True when the regular file at `path` holds exactly `bytes`.
    static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard case .file(let size)? = kind(path), size == bytes.count else { return false }
        return read(path) == bytes
    }

    /// Creates `path` and writes `bytes`; fails if anything is already there, so a file
    /// shared by hard link with the previous site is never written through.
    static func create(_ path: String, _ bytes: [UInt8]) throws(OutputError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, call: "create") }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
    }

    /// Writes `bytes` over the regular file at `path` when it is that file's only name, and
    /// tells whether it did: then no other folder (the output's site) can see the change, and
    /// no new inode is needed. False, having written nothing, for anything else.
    static func overwriteIfSole(_ path: String, _ bytes: [UInt8]) throws(OutputError) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1 else { return false }
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
        return true
    }

    /// Writes all of `bytes` to `fd`.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(OutputError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress! + written, buffer.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path, call: "write")
            }
            written += n
        }
    }

    /// Creates `path` as a second name of the file at `existing`: same inode, same mtime.
    static func hardLink(_ existing: String, _ path: String) -> Bool {
        link(existing, path) == 0
    }

    /// True when `a` and `b` are one regular file (hard links of the same inode): then
    /// they hold the same bytes, whoever wrote them.
    static func isSameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard lstat(a, &first) == 0, lstat(b, &second) == 0, first.st_mode & S_IFMT == S_IFREG else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// Recreates the symbolic link at `existing` as `path` (a link is copied, never followed).
    static func copyLink(_ existing: String, _ path: String) -> Bool {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: existing) else { return false }
        return symlink(target, path) == 0
    }

    static func makeDirectories(_ path: String) throws(OutputError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: path, call: "mkdir", message: error.localizedDescription)
        }
    }

    /// Removes a folder tree; links inside it are removed, never followed.
    static func removeTree(_ path: String) {
        guard kind(path) != nil else { return }
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A file-system call of the Output stage that failed, with the system's reason.
struct OutputError: Error, CustomStringConvertible {
    var path: String
    var call: String
    var message: String

    init(path: String, call: String, message: String? = nil) {
        self.path = path
        self.call = call
        self.message = message ?? String(cString: strerror(errno))
    }

    var description: String { "\(call) \(path): \(message)" }
}
