import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A value made on a thread of its own that yields the cores to the build's other threads:
/// work that fills the time a core would sit idle (while the pages wait on the kernel
/// creating their files) without taking a core from the work the build waits on. Where the
/// priority cannot be lowered, it is made as `Background` makes it.
final class YieldingBackground<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    /// How much lower the thread's priority is than the build's (a nice value). At 10 (a
    /// tenth of a core's share against the build's threads) the search index of a cold build of
    /// 10,000 articles was not done when the pages were: its last 0.07 s ran alone while the
    /// build waited, a core idle. At 5 (a third of a share) it is done half-way through the pages.
    static var yielding: Int32 { 5 }

    init(_ make: @escaping @Sendable () -> T) {
        let thread = Thread {
            #if canImport(Glibc)
            // On Linux a priority is a thread's own, and `0` names the calling thread.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) + Self.yielding)
            #endif
            self.result = make()
            self.done.signal()
        }
        thread.start()
    }

    /// The value, once it is made. The semaphore orders the write before every read.
    var value: T {
        done.wait()
        done.signal()
        guard let result else { preconditionFailure("a background value is set before it is signalled") }
        return result
    }
}
