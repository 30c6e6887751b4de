import Foundation

/// Writes the site so that the output folder is always a whole site: the new one or
/// the previous one, never a mix, whatever happens (a failed build, `kill -9`, a full disk).
///
/// The pages go into a staging folder beside the output (`.site.staging-PID`), which then
/// takes the output's place in one `renameat2(RENAME_EXCHANGE)` on Linux. Files whose
/// bytes did not change, and files digest did not write, are hard-linked from the
/// previous site, so they keep their inode and mtime. With a `spare`, the staging folder
/// starts from the site the last build replaced (`StagingFolder`). The caller holds the `OutputLock`.
public struct SiteWriter {
    public var output: URL
    /// What the build reads (content, theme, config): the output may not be or hold any of them,
    /// since it is replaced whole.
    public var protected: [URL]
    /// Where the site the output replaced is kept until the next build (in the build cache:
    /// `spareFolder(in:)`), which brings it up to date instead of linking every file of the site
    /// into an empty folder; nil removes it after the swap.
    public var spare: URL?

    public init(output: URL, protecting protected: [URL] = [], spare: URL? = nil) {
        self.output = output
        self.protected = protected
        self.spare = spare
    }

    var display: String { output.relativePath }

    /// The output folder as it really is on disk (a link to a folder is followed once).
    var outputPath: String {
        let standard = output.standardizedFileURL
        if OutputFiles.kind(standard.path) == .link { return standard.resolvingSymlinksInPath().path }
        return standard.path
    }

    /// Refuses an output folder that replacing would lose something in: the file-system
    /// root, a file, or a folder holding the content, the theme or the config.
    public func checkLocation() throws(Diagnostic) {
        let path = outputPath
        guard path != "/" else { throw Diagnostic.error("cannot be the root folder; choose an output folder such as site", file: display) }
        if let kind = OutputFiles.kind(path), kind != .directory {
            throw Diagnostic.error("is a file, not a folder; remove it or choose another --output", file: display)
        }
        for url in protected {
            let inside = url.standardizedFileURL.resolvingSymlinksInPath().path
            if inside == path || inside.hasPrefix(path == "/" ? "/" : path + "/") {
                throw Diagnostic.error("holds \(url.relativePath), which the build reads; digest replaces its output folder whole, so give it a folder of its own (--output site)",
                                       file: display)
            }
        }
    }

    /// Writes `pages` and the theme's `assets`, then puts them in place of the output.
    @discardableResult
    public func write(pages: [Page], assets: URL?) throws(Diagnostic) -> OutputChanges {
        let session = try begin()
        do {
            try session.add(pages)
            return try session.finish(assets: assets)
        } catch {
            session.abandon()
            throw error
        }
    }

    /// Starts a build's output: pages are added to it as they are rendered, so the site is
    /// never held in memory whole. Nothing reaches the output folder before `finish`;
    /// `abandon` gives up what was staged.
    public func begin() throws(Diagnostic) -> Session {
        try checkLocation()
        let out = outputPath
        let parent = (out as NSString).deletingLastPathComponent
        let name = (out as NSString).lastPathComponent
        recoverInterruptedBuilds(parent: parent, name: name, output: out)
        // A spare inside the output would leave with it at the swap.
        let sparePath = spare.map(\.standardizedFileURL.path).flatMap { $0.hasPrefix(out + "/") || $0 == out ? nil : $0 }
        return Session(writer: self, staging: parent + "/.\(name).staging-\(getpid())", previous: out,
                       retired: parent + "/.\(name).old-\(getpid())", spare: sparePath)
    }

    /// The spare site of this output in the build cache `folder`: named after the output, as
    /// one cache may serve several.
    public func spareFolder(in folder: URL) -> URL {
        var name = StableHasher()
        name.combine(outputPath)
        return folder.appendingPathComponent("spare-\(name.hex)")
    }

    /// One build's output. Files with new bytes go to the staging folder at once; files that
    /// are to be the previous site's (kept pages, equal bytes, others' files) are only noted,
    /// and linked in at `finish` if the site changed at all: a build that changes nothing
    /// leaves the output folder as it was, without staging anything.
    public final class Session {
        let writer: SiteWriter
        let staging: String
        let previous: String
        let retired: String
        let spare: String?
        let hadOutput: Bool
        let manifestText: String?
        var ours: Set<String>
        var changes = OutputChanges()
        var newPaths = Set<String>()
        /// Opened at the first file written.
        var folder: StagingFolder?
        /// Paths whose file is to be the previous site's file, and others' symbolic links to copy.
        var sameAsBefore: [String] = []
        var links: [String] = []
        /// The previous site's regular files as its listing identified them (`keepForeignFiles`).
        var previousFiles: [String: ListedFile] = [:]

        init(writer: SiteWriter, staging: String, previous: String, retired: String, spare: String?) {
            self.writer = writer
            self.staging = staging
            self.previous = previous
            self.retired = retired
            self.spare = spare
            hadOutput = OutputFiles.kind(previous) == .directory
            manifestText = OutputFiles.read(previous + "/" + OutputManifest.fileName).map { String(decoding: $0, as: UTF8.self) }
            ours = manifestText.map(OutputManifest.init(text:))?.paths ?? []
            // Mostly the previous site's paths again: made at their size, not grown as pages come.
            newPaths.reserveCapacity(ours.count)
            sameAsBefore.reserveCapacity(ours.count)
            changes.unchanged.reserveCapacity(ours.count)
        }

        /// Checks and writes `pages`: new bytes written, equal bytes taken from the previous site.
        public func add(_ pages: [Page]) throws(Diagnostic) {
            for page in pages {
                guard SiteWriter.isInside(page.path) else {
                    throw Diagnostic.error("a page would be written at `\(page.path)`, outside the output folder; nothing was written", file: writer.display)
                }
                guard newPaths.insert(page.path).inserted else {
                    throw Diagnostic.error("two pages would be written at `\(page.path)`; nothing was written", file: writer.display)
                }
            }
            do {
                try write(pages)
            } catch {
                throw Diagnostic.error("cannot write the site (\(error)); the previous site was left as it was", file: writer.display)
            }
        }

        /// Carries pages of the previous site into the new one as they are (the caller knows
        /// they would come out the same).
        public func keep(_ paths: [String]) throws(Diagnostic) {
            for path in paths {
                guard SiteWriter.isInside(path), newPaths.insert(path).inserted else {
                    throw Diagnostic.error("a page would be kept at `\(path)` twice or outside the output folder; nothing was written", file: writer.display)
                }
                sameAsBefore.append(path)
                changes.unchanged.append(path)
            }
        }

        func stagingFolder() throws(OutputError) -> StagingFolder {
            if let folder { return folder }
            let opened = try StagingFolder.open(at: staging, from: spare)
            folder = opened
            return opened
        }

        /// Writes the pages whose bytes are new (all at once, see `StagingFolder.create`) and
        /// notes the others as the previous site's. A rebuild compares each page with the
        /// previous site's file on every core.
        func write(_ pages: [Page]) throws(OutputError) {
            let previous = self.previous
            let same = hadOutput ? Parallel.map(pages) { OutputFiles.holds(previous + "/" + $0.path, $0.bytes) }
                : [Bool](repeating: false, count: pages.count)
            var fresh: [Page] = []
            for (page, same) in zip(pages, same) {
                if same {
                    sameAsBefore.append(page.path)
                    changes.unchanged.append(page.path)
                    continue
                }
                fresh.append(page)
                changes.written.append(page.path)
                if hadOutput, manifestText != nil, !ours.contains(page.path), OutputFiles.kind(previous + "/" + page.path) != nil {
                    changes.warnings.append(.warning("was not written by digest, and a page of the site goes there; it was replaced",
                                                     file: writer.output.appendingPathComponent(page.path).relativePath))
                }
            }
            guard !fresh.isEmpty else { return }
            try stagingFolder().create(fresh)
        }

        /// Adds the theme's assets, carries over what digest did not write, writes the
        /// manifest and puts the staging folder in place of the output. When nothing was
        /// written or removed, the output already is the new site and stays as it is.
        public func finish(assets: URL?) throws(Diagnostic) -> OutputChanges {
            try add(writer.assetFiles(assets))
            // What the new site's paths alone decide is worked out on another core while the
            // previous site is listed: whether the manifest is the same, and the site's folders.
            let newPaths = self.newPaths, manifestText = self.manifestText
            let known = Background { () -> (sameManifest: Bool, folders: Set<String>) in
                (manifestText.map(OutputManifest(paths: newPaths).isText) ?? false, SiteWriter.folders(above: newPaths))
            }
            do {
                try keepForeignFiles()
                try writeManifest(same: known.value.sameManifest)
                guard folder != nil || !changes.removed.isEmpty || !hadOutput else {
                    changes.swap = "none"
                    letGoOfPaths()
                    return changes
                }
                let folder = try stagingFolder()
                try takeFromPrevious(into: folder)
                var keep = newPaths
                keep.formUnion(changes.kept)
                keep.insert(OutputManifest.fileName)
                folder.removeAll(except: keep, folders: known.value.folders.union(SiteWriter.folders(above: changes.kept)))
                changes.swap = try FolderSwap.install(staging, at: previous, retiring: retired).rawValue
            } catch {
                throw Diagnostic.error("cannot write the site (\(error)); the previous site was left as it was", file: writer.display)
            }
            letGoOfPaths()
            // The site just replaced is the next build's spare; without one, it goes.
            if let spare, OutputFiles.kind(retired) == .directory {
                OutputFiles.removeTree(spare)
                try? FileManager.default.createDirectory(atPath: (spare as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                if rename(retired, spare) != 0 { OutputFiles.removeTree(retired) }
            } else {
                OutputFiles.removeTree(retired)
            }
            return changes
        }

        /// Gives up what was staged; a staging folder made from the spare goes back to be
        /// the spare (whatever it holds, it is checked file by file when used).
        public func abandon() {
            guard folder != nil else { return }
            folder = nil
            if let spare, rename(staging, spare) == 0 { return }
            OutputFiles.removeTree(staging)
        }

        /// Links the files that are to be the previous site's into the staging folder; a file
        /// that cannot be linked is copied.
        func takeFromPrevious(into folder: StagingFolder) throws(OutputError) {
            for (relative, linked) in zip(sameAsBefore, folder.holdsAlready(sameAsBefore, from: previous, sourceFiles: previousFiles)) where !linked {
                let source = previous + "/" + relative
                if try folder.link(relative, to: source) { continue }
                guard let bytes = OutputFiles.read(source) else {
                    throw OutputError(path: source, call: "keep", message: "\(String(cString: strerror(errno))); build again with --no-cache")
                }
                try folder.create(relative, bytes)
            }
            for relative in links {
                let source = previous + "/" + relative
                guard try folder.copyLink(relative, from: source) else {
                    throw OutputError(path: source, call: "keep", message: "digest did not write it and cannot carry it over: \(String(cString: strerror(errno)))")
                }
            }
        }

        /// Files of the previous site this build does not write: removed when digest wrote
        /// them (its manifest says), carried into the new site otherwise.
        func keepForeignFiles() throws(OutputError) {
            let oldFiles = hadOutput ? OutputFiles.walk(previous, files: &previousFiles) : []
            var keptWithoutManifest = 0
            // The folders the new site's files are in, made only when there are others' files to check.
            lazy var folders = SiteWriter.folders(above: newPaths)
            for relative in oldFiles where relative != OutputManifest.fileName && !newPaths.contains(relative) {
                if ours.contains(relative) {
                    changes.removed.append(relative)
                    continue
                }
                if manifestText == nil { keptWithoutManifest += 1 }
                // A page goes where one of the file's folders is: both cannot be.
                var end = relative.endIndex
                while let slash = relative.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
                    if newPaths.contains(String(relative[..<slash])) {
                        throw OutputError(path: previous + "/" + relative, call: "keep",
                                          message: "digest did not write it and a page of the site needs its folder's name; move it away")
                    }
                    end = slash
                }
                if folders.contains(relative) {
                    throw OutputError(path: previous + "/" + relative, call: "keep",
                                      message: "digest did not write it and a page of the site needs its name for a folder; move it away")
                }
                if OutputFiles.kind(previous + "/" + relative) == .link { links.append(relative) } else { sameAsBefore.append(relative) }
                changes.kept.append(relative)
            }
            if keptWithoutManifest > 0 {
                changes.warnings.append(.warning(
                    "has no \(OutputManifest.fileName), so digest cannot tell its own files from others: \(keptWithoutManifest) file(s) this build does not write were kept. Remove the folder once to start clean",
                    file: writer.display))
            }
        }

        /// `same`: the previous site's manifest is this one's text.
        func writeManifest(same: Bool) throws(OutputError) {
            // An unchanged manifest keeps its mtime too, so deploying an unchanged site sends nothing.
            if same {
                sameAsBefore.append(OutputManifest.fileName)
                return
            }
            try stagingFolder().create(OutputManifest.fileName, Array(OutputManifest(paths: newPaths).text.utf8))
        }

        /// Lets go of the paths of both sites (sets and arrays of 15,000 strings) and of the
        /// staging folder (its listing; it is the output now, or was never used) on another
        /// core: the build returns once the site is in place, and freeing them was its last work.
        func letGoOfPaths() {
            let leftovers = Leftovers()
            leftovers.keep((newPaths, ours, sameAsBefore, previousFiles, folder))
            (newPaths, ours, sameAsBefore, previousFiles, folder) = ([], [], [], [:], nil)
            leftovers.release()
        }
    }

    /// The theme's assets as files under `assets/`.
    func assetFiles(_ assets: URL?) throws(Diagnostic) -> [Page] {
        guard let assets, OutputFiles.kind(assets.resolvingSymlinksInPath().path) == .directory else { return [] }
        let root = assets.resolvingSymlinksInPath().path
        var files: [Page] = []
        for relative in OutputFiles.walk(root) {
            guard let bytes = OutputFiles.read(root + "/" + relative) else {
                throw Diagnostic.error("cannot be read", file: assets.appendingPathComponent(relative).relativePath)
            }
            files.append(Page(path: "assets/" + relative, bytes: bytes))
        }
        return files
    }

    /// Every folder that holds one of `paths` (relative paths of files), at any depth. Read
    /// byte by byte, as the file system does: asked of every file of the site at every build.
    static func folders(above paths: some Sequence<String>) -> Set<String> {
        var folders = Set<String>()
        for path in paths {
            var end = path.endIndex
            while let slash = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
                guard folders.insert(String(path[..<slash])).inserted else { break }
                end = slash
            }
        }
        return folders
    }

    /// True for a relative path of plain names: no `..`, `.`, empty part or leading `/`.
    /// Read byte by byte, part by part: it is asked of every page of every build.
    static func isInside(_ path: String) -> Bool {
        guard path != OutputManifest.fileName else { return false }
        var path = path
        return path.withUTF8 { bytes in
            let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == slash || bytes[end] == 0 {
                guard end < bytes.count ? bytes[end] == slash : true else { return false }
                switch end - start {
                case 0: return false
                case 1 where bytes[start] == dot: return false
                case 2 where bytes[start] == dot && bytes[start + 1] == dot: return false
                default: start = end + 1
                }
            }
            return true
        }
    }

    /// A build killed between its two renames (where `renameat2` is missing) leaves the
    /// output missing and the previous site under `.site.old-PID`: put it back. Staging
    /// folders of killed builds are removed. Safe because the caller holds the lock.
    func recoverInterruptedBuilds(parent: String, name: String, output: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        let retired = names.filter { $0.hasPrefix(".\(name).old-") }.sorted()
        if OutputFiles.kind(output) == nil, let last = retired.last {
            _ = rename(parent + "/" + last, output)
        }
        for leftover in names where leftover.hasPrefix(".\(name).staging-") || leftover.hasPrefix(".\(name).old-") {
            OutputFiles.removeTree(parent + "/" + leftover)
        }
    }
}
