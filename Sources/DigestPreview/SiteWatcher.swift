import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches the files a build reads with inotify: the content and theme folders with every
/// folder below them, and single files (`digest.yml`). The kernel wakes it when something
/// changes; nothing is polled. Changes that come in a burst (an editor's save is several
/// events, a `git checkout` hundreds) are reported once the burst has been quiet for
/// `quietPeriod`.
public final class SiteWatcher: @unchecked Sendable {
    // Everything below is touched only by the watching thread once `changes()` has started it.
    private let inotify: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let roots: [Root]
    private let quietMilliseconds: Int32
    private let longestWaitMilliseconds: Int64
    private var folders: [Int32: Watched] = [:]
    private var started = false

    /// What a watch descriptor stands for: a folder of a root, the folder a root is in (where
    /// only the root's own name matters), or both.
    private struct Watched {
        var path: String
        var root: Int?
        var parentOf: [Int] = []
    }

    private struct Root {
        var path: String
        var isFolder: Bool
        var name: String { (path as NSString).lastPathComponent }
        var parent: String { (path as NSString).deletingLastPathComponent }
    }

    /// Which files changed in one burst, as paths; empty when the kernel's queue overflowed
    /// and anything may have changed.
    public typealias Change = [String]

    /// - Parameters:
    ///   - folders: watched with everything below them; they may not exist yet.
    ///   - files: single files, watched through their folder so that an editor's
    ///     write-new-then-rename save is seen too.
    public init(folders: [URL], files: [URL], quietPeriod: Duration = .milliseconds(120),
                longestWait: Duration = .seconds(2)) throws(WatcherError) {
        let fd = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard fd >= 0 else { throw WatcherError("inotify_init1", errno) }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            let code = errno
            close(fd)
            throw WatcherError("pipe", code)
        }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        inotify = fd
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]
        roots = folders.map { Root(path: Self.absolute($0), isFolder: true) }
            + files.map { Root(path: Self.absolute($0), isFolder: false) }
        quietMilliseconds = Int32(clamping: quietPeriod.components.seconds * 1000 + quietPeriod.components.attoseconds / 1_000_000_000_000_000)
        longestWaitMilliseconds = longestWait.components.seconds * 1000 + longestWait.components.attoseconds / 1_000_000_000_000_000
        for (index, root) in roots.enumerated() {
            try addWatches(for: index, root: root)
        }
    }

    deinit {
        close(inotify)
        close(wakeRead)
        close(wakeWrite)
    }

    /// The bursts of changes, until `stop()`. Bursts that come while the consumer is busy
    /// (rebuilding) are merged into one.
    public func changes() -> AsyncStream<Change> {
        let (stream, continuation) = AsyncStream.makeStream(of: Change.self, bufferingPolicy: .bufferingNewest(1))
        guard !started else {
            continuation.finish()
            return stream
        }
        started = true
        let thread = Thread { [self] in
            watch(continuation)
            continuation.finish()
        }
        thread.name = "digest inotify"
        thread.start()
        return stream
    }

    /// Ends the stream of changes; safe to call from any thread, more than once.
    public func stop() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    // MARK: - The watching thread

    private func watch(_ continuation: AsyncStream<Change>.Continuation) {
        var pending: [String] = []
        var overflowed = false
        var firstPending: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let burst = !pending.isEmpty || overflowed
            let timeout: Int32 = burst ? quietMilliseconds : -1
            let ready = poll(&fds, 2, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if fds[1].revents != 0 { return }
            let now = Self.milliseconds()
            if ready == 0 || (burst && now - firstPending > longestWaitMilliseconds) {
                continuation.yield(overflowed ? [] : Array(Set(pending)).sorted())
                pending = []
                overflowed = false
                if ready == 0 { continue }
            }
            guard fds[0].revents != 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            if count <= 0 { continue }
            if pending.isEmpty && !overflowed { firstPending = now }
            for event in Self.events(in: buffer, count: count) {
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    overflowed = true
                    continue
                }
                if let changed = handle(event) { pending.append(changed) }
            }
        }
    }

    private struct Event {
        var descriptor: Int32
        var mask: UInt32
        var name: String
    }

    private static func events(in buffer: [UInt8], count: Int) -> [Event] {
        var events: [Event] = []
        let header = MemoryLayout<inotify_event>.size
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset + header <= count {
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                let nameLength = Int(event.len)
                let nameBytes = raw[(offset + header)..<min(count, offset + header + nameLength)].prefix { $0 != 0 }
                events.append(Event(descriptor: event.wd, mask: event.mask, name: String(decoding: nameBytes, as: UTF8.self)))
                offset += header + nameLength
            }
        }
        return events
    }

    /// Keeps the watches in step with the folders, and returns the changed path when the
    /// event is one a build cares about.
    private func handle(_ event: Event) -> String? {
        if event.mask & UInt32(IN_IGNORED) != 0 {
            folders[event.descriptor] = nil
            return nil
        }
        guard let watched = folders[event.descriptor] else { return nil }
        let isFolder = event.mask & UInt32(IN_ISDIR) != 0
        let appeared = event.mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0
        // In a root's folder only the root itself matters: created, replaced, renamed or removed.
        for index in watched.parentOf where roots[index].name == event.name {
            if appeared && roots[index].isFolder { addFolderWatches(roots[index].path, root: index) }
            return roots[index].path
        }
        guard let root = watched.root else { return nil }
        if event.mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 { return watched.path }
        if event.name.isEmpty { return watched.path }
        // Editors' swap and backup files are not part of the site.
        if event.name.hasPrefix(".") || event.name.hasSuffix("~") { return nil }
        let path = watched.path + "/" + event.name
        if isFolder && appeared { addFolderWatches(path, root: root) }
        return path
    }

    // MARK: - Watches

    private static let changeMask = UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE)
        | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)

    private func addWatches(for index: Int, root: Root) throws(WatcherError) {
        // The parent shows the root being created, removed or replaced by an editor's rename.
        let parent = inotify_add_watch(inotify, root.parent, Self.changeMask | UInt32(IN_ONLYDIR))
        if parent >= 0 {
            folders[parent, default: Watched(path: root.parent)].parentOf.append(index)
        } else if errno != ENOENT {
            throw WatcherError("inotify_add_watch \(root.parent)", errno)
        }
        if root.isFolder { addFolderWatches(root.path, root: index) }
    }

    /// Watches `path` and every folder below it, following a link at the top (a theme folder
    /// may be a link) but not below, so a link loop cannot run away.
    private func addFolderWatches(_ path: String, root: Int) {
        let descriptor = inotify_add_watch(inotify, path, Self.changeMask | UInt32(IN_ONLYDIR))
        guard descriptor >= 0 else { return }
        folders[descriptor, default: Watched(path: path)].root = root
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = path + "/" + name
            var info = stat()
            if lstat(child, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                addFolderWatches(child, root: root)
            }
        }
    }

    private static func absolute(_ url: URL) -> String {
        url.standardizedFileURL.path
    }

    private static func milliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}

/// The kernel refused a watch: too many watches (`fs.inotify.max_user_watches`), or no inotify.
public struct WatcherError: Error, CustomStringConvertible {
    public var call: String
    public var code: Int32
    init(_ call: String, _ code: Int32) {
        self.call = call
        self.code = code
    }
    public var description: String {
        let reason = String(cString: strerror(code))
        let hint = code == ENOSPC ? "; raise fs.inotify.max_user_watches" : ""
        return "cannot watch for changes (\(call): \(reason)\(hint))"
    }
}
