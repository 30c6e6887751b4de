/// Files to be made, shared out between threads. Making a file locks its folder in the
/// kernel for as long as the file system takes to find a free inode, so two threads making
/// files in one folder take turns, while threads in different folders make files at once. On
/// a file system that searches long for a free inode (ext4 without a journal, after a site
/// was removed), making the files was most of a cold build, on one core.
///
/// Folders go whole to a lane where that keeps the lanes even. A folder too big for that (the
/// article pages) is shared by every lane: its files are made unnamed and then named in it,
/// or, where the file system cannot make unnamed files, made elsewhere and moved in (see
/// `StagingFolder.create`). Naming or moving a file in locks the folder only for a moment.
enum FolderLanes {
    /// One file of a lane: its index in the paths given, and whether it goes to the folder
    /// every lane shares (made unnamed and named there, or made aside and moved in).
    struct File: Equatable {
        var index: Int
        var moved: Bool
    }

    /// The files of `paths` (relative file paths) in at most `count` lanes, each lane's in the
    /// paths' order. Lanes with nothing to do are left out.
    static func split(_ paths: [String], count: Int) -> [[File]] {
        guard count > 1, !paths.isEmpty else { return paths.isEmpty ? [] : [paths.indices.map { File(index: $0, moved: false) }] }
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
        let even = (paths.count + count - 1) / count
        // The fullest folder is shared when it alone is well over a lane's even share.
        let shared: [Int] = byFolder[folders[order[0]]]!.count > even + even / 8 ? byFolder[folders[order[0]]]! : []
        var lanes = [[File]](repeating: [], count: count)
        for k in order.dropFirst(shared.isEmpty ? 0 : 1) {
            let emptiest = lanes.indices.min { lanes[$0].count < lanes[$1].count }!
            lanes[emptiest] += byFolder[folders[k]]!.map { File(index: $0, moved: false) }
        }
        // The shared folder's files go one by one to the lane with the fewest files.
        for i in shared {
            let emptiest = lanes.indices.min { lanes[$0].count < lanes[$1].count }!
            lanes[emptiest].append(File(index: i, moved: true))
        }
        for lane in lanes.indices { lanes[lane].sort { $0.index < $1.index } }
        return lanes.filter { !$0.isEmpty }
    }
}
