import Testing
@testable import DigestKit

/// Jobs of several kinds merged so that any stretch of the order holds some of each.
@Suite("Interleaved")
struct InterleavedTests {
    @Test("every item of every stream comes once, each stream's in its own order")
    func keepsEveryItemInOrder() {
        let streams = [(0..<10).map { "a\($0)" }, (0..<3).map { "b\($0)" }, ["c0"]]
        let merged = Interleaved.merge(streams, weight: { _ in 1 })
        #expect(merged.count == 14)
        for stream in streams { #expect(merged.filter { stream.contains($0) } == stream) }
    }

    @Test("streams advance at the pace of their weight: no stream runs ahead by more than one item")
    func evenPace() {
        // 300 items of weight 1 against 40 of weight 5: both 300 and 200 in all.
        let light = (0..<300).map { (stream: 0, weight: 1, n: $0) }, heavy = (0..<40).map { (stream: 1, weight: 5, n: $0) }
        let merged = Interleaved.merge([light, heavy], weight: \.weight)
        var done = [0, 0]
        for item in merged {
            done[item.stream] += item.weight
            // Fractions of 300 and 200 apart by less than one item of the stream that moved.
            let apart = abs(Double(done[0]) / 300 - Double(done[1]) / 200)
            #expect(apart <= Double(item.weight) / (item.stream == 0 ? 300 : 200) + 5.0 / 200)
        }
        #expect(merged.prefix(17).contains { $0.stream == 1 })
    }

    @Test("one stream, or streams with empty ones, come out as they were")
    func degenerateStreams() {
        #expect(Interleaved.merge([[1, 2, 3]], weight: { _ in 1 }) == [1, 2, 3])
        #expect(Interleaved.merge([[], [1, 2], []], weight: { _ in 1 }) == [1, 2])
        #expect(Interleaved.merge([[Int]](), weight: { _ in 1 }).isEmpty)
    }
}
