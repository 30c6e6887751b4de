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
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
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

    /// Reads the memo of the site written to `output`. A memo that cannot be read is empty:
    /// it only costs rendering every page again.
    init(folder: URL?, output: String, fingerprint: String) {
        var name = StableHasher()
        name.combine(output)
        self.file = folder?.appendingPathComponent("pages-\(name.hex).txt")
        self.fingerprint = fingerprint
        self.output = output
        guard let file, let data = FileManager.default.contents(atPath: file.path) else { return }
        records = Self.parse(String(decoding: data, as: UTF8.self), fingerprint: fingerprint)
    }

    /// True when the previous build wrote `path` from the same `key` and its file is still there as written.
    func isCurrent(_ path: String, key: UInt64) -> Bool {
        guard let record = records[path], record.key == key else { return false }
        return FileIdentity(path: output + "/" + path) == record.file
    }

    /// Writes the memo of the pages just installed in the output folder. A memo that cannot
    /// be written is no problem for the site: the next build renders every page.
    /// `kept`: the pages kept as they were, whose files are the ones this memo saw (a hard
    /// link keeps the inode, size and modification time): they are not looked at again.
    func save(_ keys: [(path: String, key: UInt64)], kept: Set<String> = []) {
        guard let file else { return }
        var text = "\(Self.header) \(fingerprint)\n"
        for (path, key) in keys where !path.contains("\n") {
            let known = kept.contains(path) ? records[path].flatMap { $0.key == key ? $0.file : nil } : nil
            guard let identity = known ?? FileIdentity(path: output + "/" + path) else { continue }
            text += "\(String(key, radix: 16)) \(identity.size) \(identity.modified) \(identity.inode) \(path)\n"
        }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: file, options: .atomic)
    }

    /// The records of a memo's text; none when it was made under another fingerprint or is damaged.
    static func parse(_ text: String, fingerprint: String) -> [String: Record] {
        var lines = text.split(separator: "\n")
        guard lines.first == "\(header) \(fingerprint)" else { return [:] }
        lines.removeFirst()
        var records: [String: Record] = [:]
        records.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: " ", maxSplits: 4)
            guard fields.count == 5, let key = UInt64(fields[0], radix: 16), let size = Int64(fields[1]),
                  let modified = Int64(fields[2]), let inode = UInt64(fields[3])
            else { return [:] }
            records[String(fields[4])] = Record(key: key, file: FileIdentity(size: size, modified: modified, inode: inode))
        }
        return records
    }
}
