import Testing
@testable import DigestKit

/// Files shared out between threads so that no two threads make files in one folder, except
/// a folder too big for one lane, whose files are made aside and moved in.
@Suite("FolderLanes")
struct FolderLanesTests {
    static let lists = (0..<8).map { "topics/t\($0).html" } + (0..<7).map { "countries/c\($0).html" }
        + ["index.html", "search/docs/0.js", "search/terms/0.js"]

    func folder(_ path: String) -> Substring { path.lastIndex(of: "/").map { path[..<$0] } ?? "" }

    func check(_ paths: [String], lanes: [[FolderLanes.File]]) {
        #expect(lanes.flatMap { $0.map(\.index) }.sorted() == Array(paths.indices), "every file in exactly one lane")
        for lane in lanes { #expect(lane.map(\.index) == lane.map(\.index).sorted(), "each lane in the paths' order") }
        // A folder whose files are made directly is one lane's alone.
        var owner: [Substring: Int] = [:]
        for (k, lane) in lanes.enumerated() {
            for file in lane where !file.moved {
                let folder = self.folder(paths[file.index])
                #expect(owner[folder, default: k] == k, "\(folder) is made directly in two lanes")
                owner[folder] = k
            }
        }
        // And never shared with lanes that move files into it.
        for lane in lanes {
            for file in lane where file.moved { #expect(owner[folder(paths[file.index])] == nil) }
        }
    }

    @Test("folders that fit go whole to one lane each, made where they are, the lanes as even as whole folders allow")
    func wholeFolders() {
        let paths = (0..<9).map { "articles/a\($0).html" } + Self.lists
        let lanes = FolderLanes.split(paths, count: 2)
        check(paths, lanes: lanes)
        #expect(!lanes.joined().contains { $0.moved })
        // 27 files in folders of 9, 8, 7, 1, 1 and 1: no whole folders make 13 and 14; 12 and 15 is the closest.
        #expect(lanes.map(\.count).sorted() == [12, 15])
    }

    @Test("a folder well over a lane's share is shared by every lane, its files moved in, so the lanes come out even")
    func bigFolderIsShared() {
        let paths = (0..<400).map { "articles/a\($0).html" } + Self.lists
        let lanes = FolderLanes.split(paths, count: 2)
        check(paths, lanes: lanes)
        #expect(lanes.map(\.count) == [209, 209])
        #expect(lanes.joined().filter(\.moved).map(\.index).sorted() == Array(0..<400), "the articles, and only they, are moved in")
        #expect(lanes.allSatisfy { $0.contains(where: \.moved) })
    }

    @Test("one folder alone on two cores is split evenly; one core, or no files, makes one lane or none")
    func laneCounts() {
        let one = (0..<10).map { "articles/a\($0).html" }
        #expect(FolderLanes.split(one, count: 2).map(\.count) == [5, 5])
        #expect(FolderLanes.split(one, count: 1) == [one.indices.map { FolderLanes.File(index: $0, moved: false) }])
        #expect(FolderLanes.split([], count: 2).isEmpty)
        #expect(FolderLanes.split(["a/1", "b/1"], count: 8).count == 2)
    }

    @Test("the split is the same every time for the same paths")
    func deterministic() {
        let paths = (0..<50).map { "articles/a\($0).html" } + Self.lists
        #expect(FolderLanes.split(paths, count: 2) == FolderLanes.split(paths, count: 2))
        #expect(FolderLanes.split(["x/1", "y/1"], count: 2) == [[.init(index: 0, moved: false)], [.init(index: 1, moved: false)]])
    }
}
