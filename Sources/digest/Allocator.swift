import Cmimalloc

/// The program allocates with mimalloc: the library comes before the C library in the
/// program's links, so every `malloc` of the process (Swift's runtime, Foundation, cmark) is
/// its. Articles are read on one thread and analysed on another, pages made on one and
/// written and freed on another; glibc's allocator takes the lock of the arena a block came
/// from to free it, and in a cold build of 10,000 articles its threads waited 0.7 s on those
/// locks (`perf record -e sched:sched_switch`). mimalloc frees a block from another thread
/// without a lock, and grows its heaps without glibc's `mprotect` call a page.
enum Allocator {
    /// mimalloc's version; asking for it keeps the library among the program's links, which
    /// a linker that drops unused libraries would otherwise leave out.
    static var version: Int32 { mi_version() }
}
