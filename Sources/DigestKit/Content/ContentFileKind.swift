#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What sort of thing a content path is, checked before it is opened: opening a FIFO
/// would block the build, and a folder or a dangling link has nothing to read.
enum ContentFileKind {
    /// True when `path` itself is a symbolic link (not followed).
    static func isLink(_ path: String) -> Bool {
        var link = stat()
        return lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
    }

    /// Why the thing at `path` (links followed) cannot be read as a content file; nil when it can.
    static func problem(at path: String) -> String? {
        var info = stat()
        return problem(at: path, info: &info)
    }

    /// The same, leaving what `stat` told of the file in `info`.
    static func problem(at path: String, info: inout stat) -> String? {
        guard stat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            if isLink(path) {
                return "is a link to something that cannot be opened (\(reason)); skipped"
            }
            return "cannot be read (\(reason)); skipped"
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return access(path, R_OK) == 0 ? nil : "cannot be read (check its permissions); skipped"
        case S_IFDIR:
            return "is a folder, not a file; skipped"
        case S_IFIFO:
            return "is a named pipe (FIFO), not a file; skipped without opening it"
        case S_IFSOCK:
            return "is a socket, not a file; skipped"
        default:
            return "is a device, not a file; skipped"
        }
    }
}
