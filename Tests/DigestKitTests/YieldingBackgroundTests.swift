import Foundation
import Testing
@testable import DigestKit
#if canImport(Glibc)
import Glibc
#endif

@Suite("Yielding background")
struct YieldingBackgroundTests {
    @Test("a value made in the background is the one made, however often it is asked for")
    func backgroundValue() {
        let value = YieldingBackground { (0..<100_000).reduce(0, +) }
        #expect(value.value == 4_999_950_000)
        #expect(value.value == 4_999_950_000)
    }

    #if canImport(Glibc)
    @Test("the value is made at a lower priority than the caller's, which keeps its own")
    func madeAtLowerPriority() {
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        let caller = getpriority(which, 0)
        let made = YieldingBackground { getpriority(which, 0) }
        #expect(made.value == min(caller + YieldingBackground<Int32>.yielding, 19))
        #expect(getpriority(which, 0) == caller)
    }
    #endif
}
