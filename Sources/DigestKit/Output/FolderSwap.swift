import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a finished folder in place of the output in one step where the system allows it.
enum FolderSwap {
    enum Method: String, Sendable {
        /// Linux `renameat2(RENAME_EXCHANGE)`: both names always exist, the swap is atomic.
        case exchange
        /// Two renames: the output is missing for an instant, which the next build repairs.
        case renamePair
        /// There was no output yet: one rename.
        case rename
    }

    #if os(Linux)
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    /// `renameat2` from the C library, found at run time: Swift's Glibc module does not
    /// declare it (it needs _GNU_SOURCE), and glibc before 2.28 lacks it.
    static let renameat2: RenameAt2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")
        .map { unsafeBitCast($0, to: RenameAt2.self) }
    /// From <linux/fs.h>; part of the kernel's stable interface.
    static let renameExchange: UInt32 = 1 << 1
    #endif

    /// Exchanges the folders `a` and `b` atomically; false when the system or the file
    /// system cannot (then nothing changed).
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        guard let renameat2 else { return false }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// Moves `staging` to `output`. Whatever was at `output` ends at `retired` (removed by the caller).
    static func install(_ staging: String, at output: String, retiring retired: String) throws(OutputError) -> Method {
        guard OutputFiles.kind(output) != nil else {
            guard rename(staging, output) == 0 else { throw OutputError(path: output, call: "rename") }
            return .rename
        }
        if exchange(staging, output) {
            guard rename(staging, retired) == 0 else { throw OutputError(path: staging, call: "rename") }
            return .exchange
        }
        guard rename(output, retired) == 0 else { throw OutputError(path: output, call: "rename") }
        guard rename(staging, output) == 0 else {
            let failure = OutputError(path: output, call: "rename")
            _ = rename(retired, output)
            throw failure
        }
        return .renamePair
    }
}
