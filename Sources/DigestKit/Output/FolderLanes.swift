/// Files to be made, shared out between threads so that no two threads make files in one
/// folder: making a file locks its folder in the kernel, so two threads in one folder take
/// turns, while threads in different folders make files at once. On a file system that
/// searches for a free inode on every file made (ext4 without a journal, after a site was
/// removed), making the files was most of a cold build, on one core.
enum FolderLanes {
    /// The indices of `paths` (relative file paths) in at most `count` lanes: each folder's
    /// files all in one lane, in their order; folders go, the fullest first, to the lane with
    /// the fewest files so far. Lanes with nothing to do are left out.
    static func split(_ paths: [String], count: Int) -> [[Int]] {
        guard count > 1 else { return paths.isEmpty ? [] : [Array(paths.indices)] }
        var byFolder: [Substring: [Int]] = [:]
        var folders: [Substring] = []
        for (i, path) in paths.enumerated() {
            let folder = path.lastIndex(of: "/").map { path[..<$0] } ?? ""
            if byFolder[folder] == nil { folders.append(folder) }
            byFolder[folder, default: []].append(i)
        }
        // Fullest first; among equals, the folder met first, so the split is deterministic.
        let order = folders.indices.sorted { a, b in
            let (x, y) = (byFolder[folders[a]]!.count, byFolder[folders[b]]!.count)
            return x != y ? x > y : a < b
        }
        var lanes = [[Int]](repeating: [], count: min(count, folders.count))
        for k in order {
            let emptiest = lanes.indices.min { lanes[$0].count < lanes[$1].count }!
            lanes[emptiest] += byFolder[folders[k]]!
        }
        return lanes
    }
}
