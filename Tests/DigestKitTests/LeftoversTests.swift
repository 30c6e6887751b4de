import Foundation
import Testing
@testable import DigestKit

/// What a build made, let go of on another core once it returns (`Leftovers`).
@Suite("Leftovers")
struct LeftoversTests {
    /// Tells when it is freed, and on which thread.
    final class Watched: @unchecked Sendable {
        let freed: DispatchSemaphore
        let thread: UnsafeMutablePointer<pthread_t>
        init(freed: DispatchSemaphore, thread: UnsafeMutablePointer<pthread_t>) {
            self.freed = freed
            self.thread = thread
        }
        deinit {
            thread.pointee = pthread_self()
            freed.signal()
        }
    }

    @Test("what is kept is freed after release, not before, and on another thread than the caller's")
    func keptValuesAreFreedElsewhere() {
        let freed = DispatchSemaphore(value: 0)
        let thread = UnsafeMutablePointer<pthread_t>.allocate(capacity: 1)
        defer { thread.deallocate() }
        thread.pointee = pthread_self()
        let leftovers = Leftovers()
        do {
            let watched = Watched(freed: freed, thread: thread)
            leftovers.keep((watched, [1, 2, 3]))
        }
        #expect(freed.wait(timeout: .now()) == .timedOut)
        leftovers.release()
        #expect(freed.wait(timeout: .now() + 60) == .success)
        #expect(pthread_equal(thread.pointee, pthread_self()) == 0)
    }
}
