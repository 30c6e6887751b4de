import Testing
@testable import DigestKit

/// Files shared out between threads so that no two threads make files in one folder.
@Suite("FolderLanes")
struct FolderLanesTests {
    static let paths = (0..<30).map { "articles/a\($0).html" } + (0..<8).map { "topics/t\($0).html" }
        + (0..<7).map { "countries/c\($0).html" } + ["index.html", "search/docs/0.js", "search/terms/0.js"]

    func folder(_ path: String) -> Substring { path.lastIndex(of: "/").map { path[..<$0] } ?? "" }

    @Test("every file is in exactly one lane, and all of one folder's files are in the same lane, in their order")
    func foldersStayWhole() {
        let lanes = FolderLanes.split(Self.paths, count: 2)
        #expect(lanes.flatMap { $0 }.sorted() == Array(Self.paths.indices))
        for lane in lanes {
            for folder in Set(lane.map { self.folder(Self.paths[$0]) }) {
                let mine = lane.filter { self.folder(Self.paths[$0]) == folder }
                let all = Self.paths.indices.filter { self.folder(Self.paths[$0]) == folder }
                #expect(mine == all, "\(folder)")
            }
        }
    }

    @Test("the fullest folder gets a lane, the others share out the rest as evenly as whole folders allow")
    func lanesAreBalanced() {
        let lanes = FolderLanes.split(Self.paths, count: 2)
        #expect(lanes.map(\.count).sorted() == [18, 30])
        let three = FolderLanes.split(Self.paths, count: 3)
        #expect(three.map(\.count).sorted() == [9, 9, 30])
    }

    @Test("no more lanes than folders, one lane for one thread, none for no files")
    func laneCounts() {
        #expect(FolderLanes.split(["a/1", "a/2", "b/1"], count: 8).count == 2)
        #expect(FolderLanes.split(Self.paths, count: 1) == [Array(Self.paths.indices)])
        #expect(FolderLanes.split([], count: 2).isEmpty)
        #expect(FolderLanes.split([], count: 1).isEmpty)
    }

    @Test("the split is the same every time for the same paths")
    func deterministic() {
        #expect(FolderLanes.split(Self.paths, count: 2) == FolderLanes.split(Self.paths, count: 2))
        #expect(FolderLanes.split(["x/1", "y/1"], count: 2) == [[0], [1]])
    }
}
