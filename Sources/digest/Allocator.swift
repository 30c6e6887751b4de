import Cmimalloc
import Foundation

/// The program allocates with mimalloc: the library comes before the C library in the
/// program's links, so every `malloc` of the process (Swift's runtime, Foundation, cmark) is
/// its. Articles are read on one thread and analysed on another, pages made on one and
/// written and freed on another; glibc's allocator takes the lock of the arena a block came
/// from to free it, and in a cold build of 10,000 articles its threads waited 0.7 s on those
/// locks (`perf record -e sched:sched_switch`). mimalloc frees a block from another thread
/// without a lock, and grows its heaps without glibc's `mprotect` call a page.
enum Allocator {
    /// Sets mimalloc up for a build, and returns its version; asking for it keeps the library
    /// among the program's links, which a linker that drops unused libraries would otherwise
    /// leave out.
    ///
    /// mimalloc's memory is asked for in large pages (2 MiB, where the system makes them on
    /// request: Linux's transparent huge pages set to `madvise` or `always`). A cold build of
    /// 10,000 articles touches half a gigabyte once; in pages of 4 KiB that was 70,000 faults,
    /// each page zeroed on its own, and a TLB miss at every page the build walks: with large
    /// pages it took 5–6% less CPU (cold builds of `bench/speed.sh`'s corpus, alternated ten
    /// times, three times over), for 7–12% more peak memory. `MIMALLOC_LARGE_OS_PAGES=0` in
    /// the environment turns it off.
    @discardableResult
    static func prepare() -> Int32 {
        if ProcessInfo.processInfo.environment["MIMALLOC_LARGE_OS_PAGES"] == nil {
            mi_option_set_enabled(mi_option_large_os_pages, true)
        }
        return mi_version()
    }
}
