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
        var files: [String: ListedFile] = [:]
        return walk(root, files: &files)
    }

    /// The same, and in `files` the identity of each regular file whose folder's listing gives it
    /// (see `ListedFile`).
    static func walk(_ root: String, files: inout [String: ListedFile]) -> [String] {
        // The entries at the top are walked on every core: a site is a big folder of articles
        // beside folders of lists, and the previous site is listed while the build waits.
        let top = entries(of: root).sorted(by: { $0.name < $1.name })
        let parts = Parallel.map(top) { entry -> WalkPart in
            var part = WalkPart()
            switch entry.isDirectory ?? (kind(root + "/" + entry.name).map { $0 == .directory }) {
            case true?: visit(root, entry.name, into: &part)
            case false?:
                part.paths.append(entry.name)
                if let file = entry.file { part.identified.append((entry.name, file)) }
            case nil: break
            }
            return part
        }
        // Gathered first, so that the table is made once at its size, not grown as it fills.
        files.reserveCapacity(files.count + parts.reduce(0) { $0 + $1.identified.count })
        for part in parts {
            for (path, file) in part.identified { files[path] = file }
        }
        return parts.flatMap(\.paths)
    }

    /// What `walk` finds below one entry of the top folder.
    struct WalkPart: Sendable {
        var paths: [String] = []
        var identified: [(path: String, file: ListedFile)] = []
    }

    private static func visit(_ root: String, _ relative: String, into part: inout WalkPart) {
        for entry in entries(of: root + "/" + relative).sorted(by: { $0.name < $1.name }) {
            let child = relative + "/" + entry.name
            switch entry.isDirectory ?? (kind(root + "/" + child).map { $0 == .directory }) {
            case true?: visit(root, child, into: &part)
            case false?:
                part.paths.append(child)
                if let file = entry.file { part.identified.append((child, file)) }
            case nil: break
            }
        }
    }

    /// Everything below `root`, folders included, as paths relative to it: true for a folder.
    /// Never descends through a symbolic link.
    static func tree(_ root: String) -> [String: Bool] {
        var files: [String: ListedFile] = [:]
        return tree(root, files: &files)
    }

    /// The same, and in `files` the identity of each regular file whose folder's listing gives it.
    static func tree(_ root: String, files: inout [String: ListedFile]) -> [String: Bool] {
        // Gathered first, so that the tables are made once at their size, not grown as they fill.
        var found: [(path: String, isFolder: Bool, file: ListedFile?)] = []
        func visit(_ relative: String) {
            for entry in entries(of: relative.isEmpty ? root : root + "/" + relative) {
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                let folder = entry.isDirectory ?? (kind(root + "/" + child) == .directory)
                found.append((child, folder, entry.file))
                if folder { visit(child) }
            }
        }
        visit("")
        var result: [String: Bool] = [:]
        result.reserveCapacity(found.count)
        files.reserveCapacity(files.count + found.count)
        for entry in found {
            result[entry.path] = entry.isFolder
            if let file = entry.file { files[entry.path] = file }
        }
        return result
    }

    /// The names in the folder at `path` and whether each is a folder (a link is not), as the
    /// folder's listing tells it: a site's 15,000 files are not each asked with `lstat`. Nil
    /// where the listing does not tell. A regular file comes with its identity where the
    /// listing gives it (`ListedFile`).
    static func entries(of path: String) -> [(name: String, isDirectory: Bool?, file: ListedFile?)] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        let device = ListedFile.device(listing: dirfd(folder))
        var entries: [(name: String, isDirectory: Bool?, file: ListedFile?)] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): entries.append((name, true, nil))
            case Int32(DT_UNKNOWN): entries.append((name, nil, nil))
            case Int32(DT_REG): entries.append((name, false, device.map { ListedFile(device: $0, inode: UInt64(entry.pointee.d_ino)) }))
            default: entries.append((name, false, nil))
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

    #if os(Linux)
    /// `O_TMPFILE` and `AT_EMPTY_PATH`, which the Glibc module leaves out: their values on
    /// the architectures Swift runs Linux on (asm-generic's).
    private static let unnamed: Int32 = 0o20000000 | O_DIRECTORY
    private static let emptyPath: Int32 = 0x1000

    /// Whether the file system of the folder at `path` makes unnamed files (`O_TMPFILE`, Linux
    /// 3.11 on ext4, XFS, Btrfs, tmpfs). Asked by making one, which goes when it is closed.
    static func makesUnnamedFiles(in path: String) -> Bool {
        let fd = open(path, unnamed | O_WRONLY | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }

    /// Creates `path` and writes `bytes`, as `create` does, by making the file unnamed in
    /// `folder` (the folder `path` is in) and naming it once written. The kernel looks for a
    /// free inode without locking the folder, which threads making files in one folder take
    /// turns at, and the file is named in a moment: making it in a folder of its own and
    /// moving it in cost as much again (the move looks the name up in both folders).
    static func createUnnamed(_ path: String, in folder: String, _ bytes: [UInt8]) throws(OutputError) {
        let fd = open(folder, unnamed | O_WRONLY | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, call: "create") }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
        if linkat(fd, "", AT_FDCWD, path, emptyPath) == 0 { return }
        // Before Linux 6.10, naming a descriptor took a privilege (CAP_DAC_READ_SEARCH) even for
        // the file's own maker; naming its /proc link does not.
        guard errno == ENOENT || errno == EPERM,
              linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 else {
            throw OutputError(path: path, call: "link")
        }
    }
    #endif

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
    static func writeAll(_ fd: Int32, _ bytes: some ContiguousBytes, path: String) throws(OutputError) {
        var failed = false
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                written += n
            }
        }
        if failed { throw OutputError(path: path, call: "write") }
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

/// A regular file as its folder's listing names it: the folder's device and the entry's inode
/// number. Two equal ones are one file, as two `lstat`s would tell (`OutputFiles.isSameFile`):
/// a rebuild asks that of every file of the site it keeps, and the listings of the output and
/// of the staging folder are read anyway.
struct ListedFile: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    /// The device of the folder open as `fd` when its listing gives each entry the inode
    /// number `lstat` gives, as the usual local file systems do; nil elsewhere (an overlay or a
    /// network file system may number entries otherwise), where files are asked one by one.
    static func device(listing fd: Int32) -> UInt64? {
        #if os(Linux) && (arch(x86_64) || arch(arm64))
        var info = stat()
        guard fd >= 0, let type = fileSystemType(fd), fstat(fd, &info) == 0 else { return nil }
        switch type {
        case 0xEF53, 0x5846_5342, 0x9123_683E, 0x0102_1994: return UInt64(info.st_dev) // ext2/3/4, XFS, Btrfs, tmpfs
        default: return nil
        }
        #else
        return nil
        #endif
    }

    #if os(Linux) && (arch(x86_64) || arch(arm64))
    /// The type of the file system of the open file `fd` (`statfs.f_type`, the structure's first
    /// field on these machines). The Glibc module leaves `fstatfs` out, so it is found by name.
    private static func fileSystemType(_ fd: Int32) -> Int? {
        guard let fstatfs = systemFstatfs else { return nil }
        return withUnsafeTemporaryAllocation(byteCount: 512, alignment: 16) { buffer -> Int? in
            guard fstatfs(fd, buffer.baseAddress!) == 0 else { return nil }
            return buffer.load(as: Int.self)
        }
    }

    private static let systemFstatfs: (@convention(c) (Int32, UnsafeMutableRawPointer) -> Int32)? = {
        guard let symbol = dlsym(nil, "fstatfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, UnsafeMutableRawPointer) -> Int32).self)
    }()
    #endif
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
