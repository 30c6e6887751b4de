#if canImport(Glibc)
import Glibc
#endif

/// glibc grows a thread's heap by the page as the thread needs it, one `mprotect` call each:
/// about 14,000 of them in a rebuild after one edit of 10,000 articles, most of its system time.
/// A heap grown 64 MB at a time makes them few; the pages are touched only when used, so
/// resident memory does not grow (10,000 articles, cold and edited, measured side by side).
enum HeapPadding {
    static let bytes: Int32 = 64 << 20

    static func apply() {
        #if canImport(Glibc)
        // `mallopt` is in <malloc.h>, which Swift's Glibc module does not take in: found at run
        // time, and skipped where the C library has none (musl).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(topPad, bytes)
        #endif
    }

    /// `M_TOP_PAD` of <malloc.h>.
    static let topPad: Int32 = -2
}
