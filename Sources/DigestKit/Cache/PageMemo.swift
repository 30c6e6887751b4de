import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What each page of the previous build was made from (its `PageKeys` key) and the file it
/// left in the output folder, kept in `.digest-cache/` so that a rebuild keeps a page whose
/// key did not change instead of rendering it again: after one edit, a few pages.
///
/// A page is kept only when its file is still the one the memo saw (same inode, size and
/// modification time): a page someone edited or removed in `site/` is rendered again.
/// The memo is made under the site's fingerprint (digest, config, resources, theme,
/// dates): when any of those changes, every page is rendered again.
struct PageMemo: Sendable {
    /// A page's key and the identity of the file it was written to.
    struct Record: Equatable, Sendable {
        var key: UInt64
        var file: FileIdentity
    }

    struct FileIdentity: Equatable, Sendable {
        var size: Int64
        var modified: Int64
        var inode: UInt64

        /// The regular file at `path`, not following a link; nil when there is none.
        init?(path: String) {
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            self.init(info)
        }

        /// The regular file `name` in the folder open as `folder`, not following a link.
        init?(in folder: Int32, name: UnsafePointer<CChar>) {
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            self.init(info)
        }

        init?(_ info: stat) {
            guard info.st_mode & S_IFMT == S_IFREG else { return nil }
            size = Int64(info.st_size)
            #if canImport(Darwin)
            let time = info.st_mtimespec
            #else
            let time = info.st_mtim
            #endif
            modified = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
            inode = UInt64(info.st_ino)
        }

        init(size: Int64, modified: Int64, inode: UInt64) {
            self.size = size
            self.modified = modified
            self.inode = inode
        }
    }

    static let header = "digest pages 1"

    /// The memo's file, or nil for a build that keeps no cache.
    let file: URL?
    /// Digest, config, resources, theme and dates, hashed: a memo made under another is empty.
    let fingerprint: String
    /// The output folder as it is on disk: where the previous build's pages are.
    let output: String
    private(set) var records: [String: Record] = [:]
    /// The pages whose file was found as recorded by `checkFiles`; nil before it is called.
    private(set) var intact: Set<String>?

    /// Reads the memo of the site written to `output`. A memo that cannot be read is empty:
    /// it only costs rendering every page again.
    init(folder: URL?, output: String, fingerprint: String) {
        var name = StableHasher()
        name.combine(output)
        self.file = folder?.appendingPathComponent("pages-\(name.hex).txt")
        self.fingerprint = fingerprint
        self.output = output
        guard let file, let data = FileManager.default.contents(atPath: file.path) else { return }
        records = data.withUnsafeBytes { Self.parse($0, fingerprint: fingerprint) }
    }

    /// True when the previous build wrote `path` from the same `key` and its file is still there as written.
    func isCurrent(_ path: String, key: UInt64) -> Bool {
        guard let record = records[path], record.key == key else { return false }
        if let intact { return intact.contains(path) }
        return FileIdentity(path: output + "/" + path) == record.file
    }

    /// Looks at the file of every recorded page at once, on every core, before the build asks
    /// about them one by one: one `lstat` per page of the site was a tenth of a rebuild.
    mutating func checkFiles() {
        let paths = Array(records.keys)
        let records = records
        let folders = OutputFolders(output, holding: paths)
        defer { folders.closeAll() }
        let found = Parallel.map(paths) { path in folders.identity(of: path) == records[path]?.file }
        intact = Set(zip(paths, found).lazy.filter(\.1).map(\.0))
    }

    /// Writes the memo of the pages just installed in the output folder. A memo that cannot
    /// be written is no problem for the site: the next build renders every page.
    /// `kept`: the pages kept as they were, whose files are the ones this memo saw (a hard
    /// link keeps the inode, size and modification time): they are not looked at again.
    func save(_ keys: [(path: String, key: UInt64)], kept: Set<String> = []) {
        guard let file else { return }
        // The pages' files are looked at on every core: one `lstat` per page of the site was
        // a fifth of a second of one core at the end of a 10,000-article cold build.
        let records = records
        let pages = keys.filter { !$0.path.utf8.contains(UInt8(ascii: "\n")) }
        let folders = OutputFolders(output, holding: pages.lazy.filter { !kept.contains($0.path) }.map(\.path))
        defer { folders.closeAll() }
        // Each page's record, and whether it is the one the memo holds, found on every core.
        let found = Parallel.map(pages) { path, key -> (record: Record, asBefore: Bool)? in
            if kept.contains(path), let known = records[path], known.key == key { return (known, true) }
            guard let identity = folders.identity(of: path) else { return nil }
            let record = Record(key: key, file: identity)
            return (record, records[path] == record)
        }
        var made: [(path: String, record: Record)] = []
        made.reserveCapacity(pages.count)
        var asBefore = true
        for ((path, _), found) in zip(pages, found) {
            guard let found else { continue }
            made.append((path, found.record))
            asBefore = asBefore && found.asBefore
        }
        // A build that changed nothing need not write the same 15,000 lines again.
        if made.count == records.count, asBefore { return }
        // Written as bytes, a line per page, part by part on every core: the build waits for it.
        let parts = stride(from: 0, to: made.count, by: 1024).map { $0..<min($0 + 1024, made.count) }
        let lines = Parallel.map(parts) { [made] part -> [UInt8] in
            var text: [UInt8] = []
            text.reserveCapacity(part.count * 80)
            for (path, record) in made[part] { Self.appendLine(path, record, to: &text) }
            return text
        }
        var text = Array("\(Self.header) \(fingerprint)\n".utf8)
        text.reserveCapacity(text.count + lines.reduce(0) { $0 + $1.count })
        for part in lines { text.append(contentsOf: part) }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? CacheFile.replace(file, with: text)
    }

    /// Appends the memo's line of the page at `path`: its key, its file's size, time and inode, its path.
    static func appendLine(_ path: String, _ record: Record, to text: inout [UInt8]) {
        let identity = record.file
        append(record.key, radix: 16, to: &text)
        text.append(UInt8(ascii: " "))
        append(identity.size, to: &text)
        text.append(UInt8(ascii: " "))
        append(identity.modified, to: &text)
        text.append(UInt8(ascii: " "))
        append(identity.inode, radix: 10, to: &text)
        text.append(UInt8(ascii: " "))
        text.append(contentsOf: path.utf8)
        text.append(UInt8(ascii: "\n"))
    }

    /// Appends the digits of `value` (lowercase, as `String(value, radix:)` writes it) without
    /// making a string: four numbers a page, 15,000 pages.
    static func append(_ value: UInt64, radix: UInt64, to text: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { digits in
            var value = value, start = digits.count
            repeat {
                let digit = UInt8(value % radix)
                start -= 1
                digits[start] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                value /= radix
            } while value > 0
            text.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// The same for a signed number in decimal, a minus sign before a negative one.
    static func append(_ value: Int64, to text: inout [UInt8]) {
        if value < 0 { text.append(UInt8(ascii: "-")) }
        append(value.magnitude, radix: 10, to: &text)
    }

    /// The records of a memo's text; none when it was made under another fingerprint or is damaged.
    static func parse(_ text: String, fingerprint: String) -> [String: Record] {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0), fingerprint: fingerprint) }
    }

    /// The same from the file's bytes, read field by field: splitting 15,000 lines into
    /// substrings and numbers took a tenth of a rebuild that changed nothing.
    static func parse(_ bytes: UnsafeRawBufferPointer, fingerprint: String) -> [String: Record] {
        let header = Array("\(header) \(fingerprint)\n".utf8)
        guard bytes.count >= header.count, bytes.prefix(header.count).elementsEqual(header) else { return [:] }
        var records: [String: Record] = [:]
        var offset = header.count
        let end = bytes.count
        func number(radix: UInt64) -> UInt64? {
            var value: UInt64 = 0, digits = 0
            while offset < end, bytes[offset] != UInt8(ascii: " ") {
                let byte = bytes[offset]
                let digit: UInt64
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt64(byte - UInt8(ascii: "a") + 10)
                default: return nil
                }
                let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
                guard !overflow, shifted <= UInt64.max - digit else { return nil }
                value = shifted + digit
                digits += 1
                offset += 1
            }
            guard digits > 0, offset < end else { return nil }
            offset += 1
            return value
        }
        while offset < end {
            guard let key = number(radix: 16), let size = number(radix: 10).flatMap(Int64.init(exactly:)) else { return [:] }
            // A file last changed before 1970 has a negative time.
            let negative = offset < end && bytes[offset] == UInt8(ascii: "-")
            if negative { offset += 1 }
            guard let time = number(radix: 10).flatMap(Int64.init(exactly:)), let inode = number(radix: 10) else { return [:] }
            let modified = negative ? -time : time
            var lineEnd = offset
            while lineEnd < end, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            guard lineEnd > offset else { return [:] }
            let path = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<lineEnd]), as: UTF8.self)
            records[path] = Record(key: key, file: FileIdentity(size: size, modified: modified, inode: inode))
            offset = lineEnd + 1
        }
        return records
    }
}

/// The folders of the output that hold the pages, each opened once: a page's file is then
/// looked up by its name in its folder, where `lstat` of its whole path went through every
/// folder above it, for each of 15,000 pages.
struct OutputFolders: @unchecked Sendable {
    let output: String
    /// Open folders by path relative to the output ("" for the output itself).
    private let opened: [String: Int32]

    init(_ output: String, holding paths: some Sequence<String>) {
        self.output = output
        var opened: [String: Int32] = [:]
        for path in paths {
            let folder = Self.folder(of: path)
            guard opened[folder] == nil else { continue }
            opened[folder] = open(folder.isEmpty ? output : output + "/" + folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
        self.opened = opened
    }

    static func folder(of path: String) -> String {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
    }

    /// The file at `path` (relative to the output) as `PageMemo.FileIdentity(path:)` finds it.
    func identity(of path: String) -> PageMemo.FileIdentity? {
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        guard let folder = opened[slash.map { String(path[..<$0]) } ?? ""], folder >= 0 else {
            return PageMemo.FileIdentity(path: output + "/" + path)
        }
        let nameStart = slash.map { path.utf8.distance(from: path.utf8.startIndex, to: $0) + 1 } ?? 0
        return path.withCString { PageMemo.FileIdentity(in: folder, name: $0 + nameStart) }
    }

    func closeAll() {
        for fd in opened.values where fd >= 0 { close(fd) }
    }
}
