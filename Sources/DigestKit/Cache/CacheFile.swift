import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the build cache's files: each into a new file beside the one it replaces, then
/// renamed over it, so that no build reads half of one.
///
/// Not flushed to the disk, as Foundation's `.atomic` writing is (`fsync` before the rename):
/// every cache file is checked when it is read (a checksum, or a header and well-formed
/// lines), so one lost or torn by a power cut costs the next build some work, never a wrong
/// site, and the site's own files are not flushed either. The flushes made the build wait for
/// the disk: 0.06–0.1 s of a cold build of 10,000 articles (64 shards of the article cache, on
/// the thread that writes them while the others start the pages).
enum CacheFile {
    /// Replaces `file` with `bytes`; on failure, `file` is as it was and no new file is left.
    static func replace(_ file: URL, with bytes: some ContiguousBytes) throws(OutputError) {
        let path = file.path
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw OutputError(path: temporary, call: "create") }
        var failure: OutputError?
        do { try OutputFiles.writeAll(fd, bytes, path: temporary) } catch { failure = error }
        if close(fd) != 0, failure == nil { failure = OutputError(path: temporary, call: "close") }
        if failure == nil, rename(temporary, path) != 0 { failure = OutputError(path: path, call: "rename") }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }
}
