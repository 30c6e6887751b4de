import Foundation

/// Writes the site so that the output folder is always a whole site: the new one or
/// the previous one, never a mix, whatever happens (a failed build, `kill -9`, a full disk).
///
/// The pages go into a staging folder beside the output (`.site.staging-PID`), which then
/// takes the output's place in one `renameat2(RENAME_EXCHANGE)` on Linux. Files whose
/// bytes did not change, and files digest did not write, are hard-linked from the
/// previous site, so they keep their inode and mtime. The caller holds the `OutputLock`.
public struct SiteWriter {
    public var output: URL
    /// What the build reads (content, theme, config): the output may not be or hold any of them,
    /// since it is replaced whole.
    public var protected: [URL]

    public init(output: URL, protecting protected: [URL] = []) {
        self.output = output
        self.protected = protected
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

    /// Starts a build's output: a staging folder that pages are added to as they are
    /// rendered, so the site is never held in memory whole. Nothing reaches the output
    /// folder before `finish`; `abandon` removes the staging folder.
    public func begin() throws(Diagnostic) -> Session {
        try checkLocation()
        let out = outputPath
        let parent = (out as NSString).deletingLastPathComponent
        let name = (out as NSString).lastPathComponent
        recoverInterruptedBuilds(parent: parent, name: name, output: out)
        let staging = parent + "/.\(name).staging-\(getpid())"
        do {
            OutputFiles.removeTree(staging)
            try OutputFiles.makeDirectories(staging)
        } catch {
            OutputFiles.removeTree(staging)
            throw Diagnostic.error("cannot write the site (\(error)); the previous site was left as it was", file: display)
        }
        return Session(writer: self, staging: staging, previous: out, retired: parent + "/.\(name).old-\(getpid())")
    }

    /// One build's staging folder, filled page batch by page batch.
    public final class Session {
        let writer: SiteWriter
        let staging: String
        let previous: String
        let retired: String
        let hadOutput: Bool
        let manifestText: String?
        let ours: Set<String>
        var changes = OutputChanges()
        var newPaths = Set<String>()
        var madeFolders: Set<String> = [""]

        init(writer: SiteWriter, staging: String, previous: String, retired: String) {
            self.writer = writer
            self.staging = staging
            self.previous = previous
            self.retired = retired
            hadOutput = OutputFiles.kind(previous) == .directory
            manifestText = OutputFiles.read(previous + "/" + OutputManifest.fileName).map { String(decoding: $0, as: UTF8.self) }
            ours = manifestText.map(OutputManifest.init(text:))?.paths ?? []
        }

        /// Checks and writes `pages`: new bytes written, equal bytes linked from the previous site.
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
                for page in pages { try write(page) }
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
                do {
                    try folder(of: path)
                } catch {
                    throw Diagnostic.error("cannot write the site (\(error)); the previous site was left as it was", file: writer.display)
                }
                guard OutputFiles.hardLink(previous + "/" + path, staging + "/" + path) else {
                    throw Diagnostic.error("cannot keep `\(path)` of the previous site (\(String(cString: strerror(errno)))); build again with --no-cache", file: writer.display)
                }
                changes.unchanged.append(path)
            }
        }

        func folder(of relative: String) throws(OutputError) {
            let dir = (relative as NSString).deletingLastPathComponent
            guard madeFolders.insert(dir).inserted else { return }
            try OutputFiles.makeDirectories(staging + "/" + dir)
        }

        func write(_ file: Page) throws(OutputError) {
            try folder(of: file.path)
            let old = previous + "/" + file.path
            if hadOutput, OutputFiles.holds(old, file.bytes), OutputFiles.hardLink(old, staging + "/" + file.path) {
                changes.unchanged.append(file.path)
                return
            }
            try OutputFiles.create(staging + "/" + file.path, file.bytes)
            changes.written.append(file.path)
            if hadOutput, manifestText != nil, !ours.contains(file.path), OutputFiles.kind(old) != nil {
                changes.warnings.append(.warning("was not written by digest, and a page of the site goes there; it was replaced",
                                                 file: writer.output.appendingPathComponent(file.path).relativePath))
            }
        }

        /// Adds the theme's assets, carries over what digest did not write, writes the
        /// manifest and puts the staging folder in place of the output.
        public func finish(assets: URL?) throws(Diagnostic) -> OutputChanges {
            try add(writer.assetFiles(assets))
            do {
                try keepForeignFiles()
                try writeManifest()
                changes.swap = try FolderSwap.install(staging, at: previous, retiring: retired).rawValue
            } catch {
                throw Diagnostic.error("cannot write the site (\(error)); the previous site was left as it was", file: writer.display)
            }
            OutputFiles.removeTree(retired)
            return changes
        }

        public func abandon() {
            OutputFiles.removeTree(staging)
        }

        /// Files of the previous site this build does not write: removed when digest wrote
        /// them (its manifest says), linked into the new site otherwise.
        func keepForeignFiles() throws(OutputError) {
            let oldFiles = hadOutput ? OutputFiles.walk(previous) : []
            var keptWithoutManifest = 0
            for relative in oldFiles where relative != OutputManifest.fileName && !newPaths.contains(relative) {
                if ours.contains(relative) {
                    changes.removed.append(relative)
                    continue
                }
                if manifestText == nil { keptWithoutManifest += 1 }
                let source = previous + "/" + relative, target = staging + "/" + relative
                do {
                    try folder(of: relative)
                } catch {
                    throw OutputError(path: source, call: "keep",
                                      message: "digest did not write it and a page of the site needs its folder's name; move it away")
                }
                let linked = OutputFiles.kind(source) == .link ? OutputFiles.copyLink(source, target) : OutputFiles.hardLink(source, target)
                guard linked else {
                    throw OutputError(path: source, call: "keep", message: "digest did not write it and cannot carry it over: \(String(cString: strerror(errno)))")
                }
                changes.kept.append(relative)
            }
            if keptWithoutManifest > 0 {
                changes.warnings.append(.warning(
                    "has no \(OutputManifest.fileName), so digest cannot tell its own files from others: \(keptWithoutManifest) file(s) this build does not write were kept. Remove the folder once to start clean",
                    file: writer.display))
            }
        }

        func writeManifest() throws(OutputError) {
            let manifest = OutputManifest(paths: newPaths).text
            let target = staging + "/" + OutputManifest.fileName
            // An unchanged manifest keeps its mtime too, so deploying an unchanged site sends nothing.
            if manifest == manifestText, OutputFiles.hardLink(previous + "/" + OutputManifest.fileName, target) { return }
            try OutputFiles.create(target, Array(manifest.utf8))
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

    /// True for a relative path of plain names: no `..`, `.`, empty part or leading `/`.
    static func isInside(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"), path != OutputManifest.fileName else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
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
