import Foundation

/// Writes the site: into a staging folder beside the output, then swapped in, so a build
/// that fails leaves the previous site whole.
public struct SiteWriter {
    public var output: URL

    public init(output: URL) { self.output = output }

    /// Writes `pages` and the theme's assets, then replaces the output folder.
    public func write(pages: [Page], assets: URL?) throws(Diagnostic) {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        let old = parent.appendingPathComponent(".\(name).old-\(getpid())")
        do {
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for page in pages {
                let url = staging.appendingPathComponent(page.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(page.bytes).write(to: url)
            }
            if let assets, fm.fileExists(atPath: assets.path) {
                try fm.copyItem(at: assets, to: staging.appendingPathComponent("assets"))
            }
            if fm.fileExists(atPath: output.path) {
                try fm.moveItem(at: output, to: old)
            }
            try fm.moveItem(at: staging, to: output)
            try? fm.removeItem(at: old)
        } catch {
            try? fm.removeItem(at: staging)
            if !fm.fileExists(atPath: output.path), fm.fileExists(atPath: old.path) {
                try? fm.moveItem(at: old, to: output)
            }
            throw Diagnostic.error("cannot write the site: \(error.localizedDescription)", file: output.relativePath)
        }
    }
}
