import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder a new site is made in before it takes the output's place: a new empty folder,
/// or the spare site (the one the last build replaced) brought up to date.
///
/// Bringing the spare up to date is cheaper than filling an empty folder: a rebuild after one
/// edit keeps almost every file of the site, and linking 15,000 files into a new folder (and
/// removing the old one after the swap) was a third of its time. The spare already holds
/// most of them as hard links of the output's very files. Whatever the spare holds is safe to
/// start from, because nothing in it is trusted: a file is taken as the output's only when it
/// is the same inode, and everything else is removed or written again. A file is never
/// written through (it may be the output's too): it is removed and created.
final class StagingFolder {
    let path: String
    /// What the folder holds, by path relative to it: true for a folder.
    private var entries: [String: Bool]
    /// The regular files of the spare as its listing identified them, until the folder changes
    /// them: which of them are the output's files is known without asking (`holdsAlready`).
    private var listed: [String: ListedFile]

    private init(path: String, entries: [String: Bool], listed: [String: ListedFile] = [:]) {
        self.path = path
        self.entries = entries
        self.listed = listed
    }

    /// A staging folder at `path`: the spare moved there when there is one on the same file
    /// system, else a new empty folder.
    static func open(at path: String, from spare: String?) throws(OutputError) -> StagingFolder {
        OutputFiles.removeTree(path)
        if let spare, OutputFiles.kind(spare) == .directory, rename(spare, path) == 0 {
            var listed: [String: ListedFile] = [:]
            let entries = OutputFiles.tree(path, files: &listed)
            return StagingFolder(path: path, entries: entries, listed: listed)
        }
        try OutputFiles.makeDirectories(path)
        return StagingFolder(path: path, entries: [:])
    }

    /// Writes `bytes` at `relative` as a new file.
    func create(_ relative: String, _ bytes: [UInt8]) throws(OutputError) {
        try makeRoom(for: relative)
        try OutputFiles.create(path + "/" + relative, bytes)
        entries[relative] = false
        listed[relative] = nil
    }

    /// Writes each of `files` as a new file, on every core: files of different folders on
    /// different threads, and the files of a folder too big for one lane made unnamed in it and
    /// named there, or, where the file system cannot, in each lane's own folder and moved in
    /// (`FolderLanes`). When one fails, the rest of its lane is not
    /// written; the first failure in the files' order is thrown.
    func create(_ files: [Page]) throws(OutputError) {
        let files = try writtenOver(files)
        for file in files { try makeRoom(for: file.path) }
        let lanes = FolderLanes.split(files.map(\.path), count: ProcessInfo.processInfo.activeProcessorCount)
        let path = self.path, unnamed = makesUnnamedFiles
        for k in lanes.indices where !unnamed && lanes[k].contains(where: \.moved) && laneFolders.insert(k).inserted {
            let folder = Self.laneFolder(k, in: path)
            guard mkdir(folder, 0o777) == 0 || errno == EEXIST else { throw OutputError(path: folder, call: "mkdir") }
        }
        let failures = Parallel.map(Array(lanes.enumerated())) { k, lane -> (index: Int, error: OutputError)? in
            for file in lane {
                let target = path + "/" + files[file.index].path
                do throws(OutputError) {
                    guard file.moved else {
                        try OutputFiles.create(target, files[file.index].bytes)
                        continue
                    }
                    #if os(Linux)
                    if unnamed {
                        let folder = target[..<(target.lastIndex(of: "/") ?? target.startIndex)]
                        try OutputFiles.createUnnamed(target, in: String(folder), files[file.index].bytes)
                        continue
                    }
                    #endif
                    let made = Self.laneFolder(k, in: path) + "/\(file.index)"
                    try OutputFiles.create(made, files[file.index].bytes)
                    guard rename(made, target) == 0 else { throw OutputError(path: target, call: "rename") }
                } catch {
                    return (file.index, error)
                }
            }
            return nil
        }
        // Whatever may have been made is the folder's, so that a failed build's goes with the rest.
        for file in files {
            entries[file.path] = false
            listed[file.path] = nil
        }
        if let first = failures.compactMap({ $0 }).min(by: { $0.index < $1.index }) { throw first.error }
    }

    /// Writes over the spare's own files where `files` go (not names of the output's files)
    /// and returns the files left to make: a rebuild's pages are mostly the ones the last build
    /// changed too, and making a new file costs a search for a free inode.
    private func writtenOver(_ files: [Page]) throws(OutputError) -> [Page] {
        guard !entries.isEmpty else { return files }
        var left: [Page] = []
        for file in files {
            if entries[file.path] == false {
                // Whatever happens to it, the listing no longer tells what the file is.
                listed[file.path] = nil
                if try OutputFiles.overwriteIfSole(path + "/" + file.path, file.bytes) { continue }
            }
            left.append(file)
        }
        return left
    }

    /// The lanes' own folders made so far (see `create`): emptied by the moves, removed with
    /// what the site does not keep.
    private var laneFolders = Set<Int>()

    /// Whether files of a folder every lane shares are made unnamed in it and named there
    /// (`OutputFiles.createUnnamed`) rather than in the lanes' own folders and moved in.
    private lazy var makesUnnamedFiles: Bool = {
        #if os(Linux)
        return OutputFiles.makesUnnamedFiles(in: path)
        #else
        return false
        #endif
    }()

    /// Where lane `k` makes files before moving them to their place: inside the staging
    /// folder, so that it goes with it, under a name digest gives no page.
    static func laneFolder(_ k: Int, in path: String) -> String { path + "/.digest-lane-\(k)" }

    /// Makes `relative` the file at `source` (a hard link): nothing to do when it already is.
    /// False when the link cannot be made.
    func link(_ relative: String, to source: String) throws(OutputError) -> Bool {
        if entries[relative] == false, OutputFiles.isSameFile(source, path + "/" + relative) { return true }
        try makeRoom(for: relative)
        guard OutputFiles.hardLink(source, path + "/" + relative) else { return false }
        entries[relative] = false
        listed[relative] = nil
        return true
    }

    /// For each of `paths`, whether the file there is already the one at the same path below
    /// `source`: in a spare, most are. A file both listings identified (`sourceFiles`, the
    /// source's, from `OutputFiles.walk`) is known without a call; the others are asked with
    /// two `lstat`s, on every core. Asking every file was most of finishing a rebuild.
    func holdsAlready(_ paths: [String], from source: String, sourceFiles: [String: ListedFile] = [:]) -> [Bool] {
        let entries = self.entries, listed = self.listed, path = self.path
        return Parallel.map(paths) { relative in
            if let mine = listed[relative], let theirs = sourceFiles[relative] { return mine == theirs }
            return entries[relative] == false && OutputFiles.isSameFile(source + "/" + relative, path + "/" + relative)
        }
    }

    /// Makes `relative` a copy of the symbolic link at `source`.
    func copyLink(_ relative: String, from source: String) throws(OutputError) -> Bool {
        try makeRoom(for: relative)
        guard OutputFiles.copyLink(source, path + "/" + relative) else { return false }
        entries[relative] = false
        listed[relative] = nil
        return true
    }

    /// Creates the folders above `relative` and removes whatever is at it, so a file can be
    /// made there. A folder may stand where a file goes (or the other way round) only in a
    /// spare someone changed; it is removed all the same.
    func makeRoom(for relative: String) throws(OutputError) {
        var folder = ""
        for part in relative.split(separator: "/").dropLast() {
            folder = folder.isEmpty ? String(part) : folder + "/" + part
            if entries[folder] == true { continue }
            if entries[folder] == false { remove(folder) }
            let target = path + "/" + folder
            guard mkdir(target, 0o777) == 0 || (errno == EEXIST && OutputFiles.kind(target) == .directory) else {
                throw OutputError(path: target, call: "mkdir")
            }
            entries[folder] = true
        }
        if entries[relative] != nil { remove(relative) }
    }

    /// Removes everything but the files at `paths` and the folders above them (`folders`, when
    /// the caller knows them already): what is left of a spare once the new site's files are in.
    func removeAll(except paths: Set<String>, folders: Set<String>? = nil) {
        for k in laneFolders { OutputFiles.removeTree(Self.laneFolder(k, in: path)) }
        laneFolders = []
        let folders = folders ?? SiteWriter.folders(above: paths)
        let gone = entries.compactMap { relative, isFolder in
            (isFolder ? folders.contains(relative) : paths.contains(relative)) ? nil : relative
        }
        // Shortest first, so a folder's contents go with it and are not visited again.
        for relative in gone.sorted(by: { $0.utf8.count < $1.utf8.count }) where entries[relative] != nil {
            remove(relative)
        }
    }

    private func remove(_ relative: String) {
        let target = path + "/" + relative
        if entries[relative] == true {
            OutputFiles.removeTree(target)
            let inside = relative + "/"
            for key in entries.keys where key.hasPrefix(inside) {
                entries[key] = nil
                listed[key] = nil
            }
        } else {
            unlink(target)
        }
        entries[relative] = nil
        listed[relative] = nil
    }
}
