import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps two builds from writing the same output folder at once. The lock is an
/// `flock` on a file beside the output (`.site.lock` for `site/`), so the kernel releases it
/// when the build ends in any way, `kill -9` included: a stale lock file never blocks.
public final class OutputLock: @unchecked Sendable {
    /// The lock file.
    public let path: String
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { release() }

    /// The lock file for `output`: beside it, named after it.
    public static func lockFile(for output: URL) -> URL {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock")
    }

    /// Takes the lock for `output` or fails at once with what to do: never waits.
    public static func acquire(for output: URL) throws(Diagnostic) -> OutputLock {
        let file = lockFile(for: output)
        let display = output.relativePath
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw Diagnostic.error("cannot create the folder the site goes in: \(error.localizedDescription)", file: display)
        }
        let fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            throw Diagnostic.error("cannot open the lock file \(file.path): \(String(cString: strerror(errno)))", file: display)
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = FileManager.default.contents(atPath: file.path)
                .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            close(fd)
            let who = holder.isEmpty ? "another digest build" : "another digest build (process \(holder))"
            throw Diagnostic.error("\(who) is writing this folder now; wait for it to finish and build again (lock: \(file.path))",
                                   file: display)
        }
        // Who holds it, for the message the next build prints.
        _ = ftruncate(fd, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return OutputLock(path: file.path, descriptor: fd)
    }

    /// Gives the lock up; the build that waits may go on. The file stays, empty.
    public func release() {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }
}
