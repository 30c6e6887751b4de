/// What a write did to the output folder, file by file (paths relative to it). The
/// preview server and incremental builds read it: an `unchanged` file is the very file
/// of the previous site (same inode, same mtime), so nothing needs reloading for it.
public struct OutputChanges: Sendable, Equatable {
    /// New files and files whose bytes changed: written afresh.
    public var written: [String] = []
    /// Files with the same bytes as before: the previous file kept as it was.
    public var unchanged: [String] = []
    /// Files digest wrote before and not this time: no longer in the site.
    public var removed: [String] = []
    /// Files digest did not write (`CNAME`, …): carried over untouched.
    public var kept: [String] = []
    /// Problems that did not stop the write (a foreign file replaced by a page, …).
    public var warnings: [Diagnostic] = []
    /// How the new folder took the place of the old: `exchange` (atomic `renameat2`),
    /// `renamePair` or `rename` (there was no output yet); `none` when nothing was written or
    /// removed, so the output folder already was the new site and was left as it was.
    public var swap: String = ""

    public init() {}
}
