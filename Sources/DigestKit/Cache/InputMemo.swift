import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What each article unit's files were (size, times, inode) when the last build read them and
/// the key their bytes hashed to, kept in `.digest-cache/`, so that a rebuild does not read
/// and hash the files that did not change: for 10,000 articles, 69 MB read for nothing.
///
/// A file is taken as unchanged only when all of it matches: size, modification and status
/// change times (nanoseconds), inode and device. Writing a file changes its status change
/// time, which no one can set back. A file changed in the two seconds before a build is not
/// recorded: a later write within the same tick of the file system's clock could leave its
/// times as they were (git's "racily clean" files), so it is read again the next time.
///
/// The file: `magic`, the format number, the content folder's path, the number of records,
/// then each file's path, its unit's key and number of files, its size, times, inode and
/// device; and a checksum of everything before it.
struct InputMemo: Sendable {
    static let magic = Array("digest-inputs".utf8)
    static let format: UInt32 = 1

    /// A file as `stat` (links followed) tells it.
    struct FileState: Equatable, Sendable {
        var size: Int64
        var modified: Int64
        var changed: Int64
        var inode: UInt64
        var device: UInt64

        init(_ info: stat) {
            size = Int64(info.st_size)
            #if canImport(Darwin)
            let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
            #else
            let (modified, changed) = (info.st_mtim, info.st_ctim)
            #endif
            self.modified = Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec)
            self.changed = Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec)
            inode = UInt64(info.st_ino)
            device = UInt64(info.st_dev)
        }

        init(size: Int64, modified: Int64, changed: Int64, inode: UInt64, device: UInt64) {
            self.size = size
            self.modified = modified
            self.changed = changed
            self.inode = inode
            self.device = device
        }
    }

    /// One file of a unit: its state, and the key and number of files of its unit.
    struct Record: Equatable, Sendable {
        var key: String
        var files: Int
        var state: FileState
    }

    /// The memo's file, or nil for a build that keeps no cache.
    let file: URL?
    let input: String
    /// Files changed after this (nanoseconds since 1970) are not recorded.
    let settled: Int64
    private(set) var records: [String: Record] = [:]

    /// Reads the memo of the content folder `input`; a memo that cannot be read is empty, which
    /// costs reading every file once.
    init(folder: URL?, input: URL, now: Date = Date()) {
        self.input = input.standardizedFileURL.path
        var name = StableHasher()
        name.combine(self.input)
        file = folder?.appendingPathComponent("inputs-\(name.hex).bin")
        settled = Int64((now.timeIntervalSince1970 - 2) * 1_000_000_000)
        guard let file, let data = try? Data(contentsOf: file) else { return }
        records = Self.decode(data, input: self.input) ?? [:]
    }

    /// True when the file at `path` (relative to the content folder) is as recorded.
    func isUnchanged(_ path: String, _ state: FileState) -> Bool {
        records[path]?.state == state
    }

    /// The key of the unit made of `files` when each is as recorded, in one unit of as many files.
    func key(of files: [ContentFile]) -> String? {
        guard let first = files.first.flatMap({ records[$0.path] }), first.files == files.count else { return nil }
        for file in files {
            guard let state = file.state, let record = records[file.path], record.state == state, record.key == first.key else { return nil }
        }
        return first.key
    }

    /// The records of `units` with their keys, leaving out the files changed too recently to be trusted.
    /// `expected`: about how many files the units have.
    func records(of units: some Sequence<(unit: ArticleUnit, key: String)>, expected: Int = 0) -> [String: Record] {
        var made: [String: Record] = [:]
        // Mostly the files of the last build, or one per unit in the first: made at that size,
        // not grown step by step (a cold build of 10,000 articles grew it some fifteen times).
        made.reserveCapacity(max(records.count, expected))
        for (unit, key) in units {
            for file in unit.files {
                guard let state = file.state, state.changed < settled, state.modified < settled else { continue }
                made[file.path] = Record(key: key, files: unit.files.count, state: state)
            }
        }
        return made
    }

    /// Writes `records` when they are not what was read. A memo that cannot be written costs
    /// the next build reading the files again.
    func save(_ made: [String: Record]) {
        guard let file, made != records else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? CacheFile.replace(file, with: Self.encode(made, input: input))
    }

    static func encode(_ records: [String: Record], input: String) -> [UInt8] {
        var bytes = magic
        BinaryWriter.appendFixed(format, to: &bytes)
        appendString(input, to: &bytes)
        BinaryWriter.appendVarint(UInt64(records.count), to: &bytes)
        for (path, record) in records.sorted(by: { $0.key < $1.key }) {
            appendString(path, to: &bytes)
            appendString(record.key, to: &bytes)
            BinaryWriter.appendVarint(UInt64(record.files), to: &bytes)
            let state = record.state
            BinaryWriter.appendFixed(state.size, to: &bytes)
            BinaryWriter.appendFixed(state.modified, to: &bytes)
            BinaryWriter.appendFixed(state.changed, to: &bytes)
            BinaryWriter.appendFixed(state.inode, to: &bytes)
            BinaryWriter.appendFixed(state.device, to: &bytes)
        }
        BinaryWriter.appendFixed(bytes.withUnsafeBytes(ArticleCache.checksum), to: &bytes)
        return bytes
    }

    /// The records of a memo made for `input`; nil for any other bytes.
    static func decode(_ data: Data, input: String) -> [String: Record]? {
        BinaryReader.checkedBody(data, magic: magic, format: format, fingerprint: input) { reader, offset, end -> [String: Record]? in
            let count = try reader.varint(at: &offset, limit: end)
            guard count <= UInt64(end - offset) else { return nil }
            var records: [String: Record] = [:]
            records.reserveCapacity(Int(count))
            for _ in 0..<count {
                let path = try reader.stringBytes(at: &offset, limit: end)
                let key = try reader.stringBytes(at: &offset, limit: end)
                let files = try reader.varint(at: &offset, limit: end)
                guard files > 0, files <= UInt64(Int.max) else { return nil }
                let state = FileState(size: try reader.fixed(Int64.self, at: &offset, limit: end),
                                      modified: try reader.fixed(Int64.self, at: &offset, limit: end),
                                      changed: try reader.fixed(Int64.self, at: &offset, limit: end),
                                      inode: try reader.fixed(UInt64.self, at: &offset, limit: end),
                                      device: try reader.fixed(UInt64.self, at: &offset, limit: end))
                records[path] = Record(key: key, files: Int(files), state: state)
            }
            return offset == end ? records : nil
        }
    }

    private static func appendString(_ string: String, to bytes: inout [UInt8]) {
        BinaryWriter.appendVarint(UInt64(string.utf8.count), to: &bytes)
        bytes.append(contentsOf: string.utf8)
    }
}
