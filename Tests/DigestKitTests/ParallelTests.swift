import Foundation
import Testing
@testable import DigestKit

@Suite("Parallel")
struct ParallelTests {
    @Test("a value made in the background is the one made, however often it is asked for")
    func backgroundValue() {
        let value = Background { (0..<100_000).reduce(0, +) }
        #expect(value.value == 4_999_950_000)
        #expect(value.value == 4_999_950_000)
    }

    @Test("maps in input order")
    func inOrder() {
        let items = Array(0..<1_000)
        #expect(Parallel.map(items) { $0 * 2 } == items.map { $0 * 2 })
    }

    @Test("makes no more states than chunks run at once, and never hands one state to two chunks at a time")
    func statesAreReused() {
        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var made = 0
            var inUse = Set<ObjectIdentifier>()
            var sharedAtOnce = false
        }
        final class State {}
        let tally = Tally()
        let items = Array(0..<10_000)
        let results = Parallel.map(items, state: { () -> State in
            tally.lock.withLock { tally.made += 1 }
            return State()
        }) { state, item -> Int in
            let id = ObjectIdentifier(state)
            tally.lock.withLock {
                if tally.inUse.contains(id) { tally.sharedAtOnce = true }
                tally.inUse.insert(id)
            }
            defer { tally.lock.withLock { _ = tally.inUse.remove(id) } }
            return item + 1
        }
        #expect(results == items.map { $0 + 1 })
        #expect(tally.made <= ProcessInfo.processInfo.activeProcessorCount)
        #expect(!tally.sharedAtOnce)
    }
}
