/// Jobs of several kinds in one order where every kind advances at its own pace, so that any
/// stretch of the order (a batch) holds some of each: pages of different folders, which the
/// writer makes at once on different cores (`FolderLanes`), instead of a long run of article
/// pages in one folder followed by a long run of list pages.
enum Interleaved {
    /// The items of all `streams`, each stream's in its order: the next item is always taken
    /// from the stream that is least far through its total weight (ties to the first stream).
    static func merge<T>(_ streams: [[T]], weight: (T) -> Int) -> [T] {
        let totals = streams.map { $0.reduce(0) { $0 + max(weight($1), 1) } }
        var next = [Int](repeating: 0, count: streams.count), done = [Int](repeating: 0, count: streams.count)
        var merged: [T] = []
        merged.reserveCapacity(streams.reduce(0) { $0 + $1.count })
        while true {
            // Least far through: done/total smallest, compared without division.
            var pick: Int?
            for s in streams.indices where next[s] < streams[s].count {
                if let p = pick, done[p] * totals[s] <= done[s] * totals[p] { continue }
                pick = s
            }
            guard let s = pick else { return merged }
            let item = streams[s][next[s]]
            merged.append(item)
            next[s] += 1
            done[s] += max(weight(item), 1)
        }
    }
}
