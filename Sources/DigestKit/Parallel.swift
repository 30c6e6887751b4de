import Dispatch
import Foundation

/// Work spread over every core, with results in input order so output stays deterministic.
public enum Parallel {
    /// `items.map(transform)`, computed in chunks on all cores.
    /// Each finished item steps `progress`.
    static func map<T: Sendable, R: Sendable>(_ items: [T], progress: ProgressCounter?,
                                              _ transform: @Sendable (T) -> R) -> [R] {
        map(items, progress: progress, state: {}) { _, item in transform(item) }
    }

    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        map(items, state: {}) { _, item in transform(item) }
    }

    /// With progress, and state that each chunk makes for itself and hands to every item it
    /// maps (a memo of work the items share), so no state is shared between threads.
    static func map<T: Sendable, R: Sendable, S>(_ items: [T], progress: ProgressCounter?, state: @Sendable () -> S,
                                                 _ transform: @Sendable (S, T) -> R) -> [R] {
        guard let progress else { return map(items, state: state, transform) }
        return map(items, state: state) { state, item in
            let result = transform(state, item)
            progress.step()
            return result
        }
    }

    /// `items.map(transform)` with state each chunk makes for itself (see above).
    public static func map<T: Sendable, R: Sendable, S>(_ items: [T], state: @Sendable () -> S,
                                                        _ transform: @Sendable (S, T) -> R) -> [R] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard items.count > 1, cores > 1 else {
            let shared = state()
            return items.map { transform(shared, $0) }
        }
        let chunks = min(items.count, cores * 8)
        var results = [R?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeMutableBufferPointerBox(buffer)
            withoutActuallyEscaping(transform) { transform in
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let start = items.count * chunk / chunks, end = items.count * (chunk + 1) / chunks
                    let local = state()
                    for i in start..<end { out.buffer[i] = transform(local, items[i]) }
                }
            }
        }
        return results.map { $0! }
    }
}

/// Lets chunks write disjoint slots of one buffer from several threads.
private struct UnsafeMutableBufferPointerBox<R>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<R?>
    init(_ buffer: UnsafeMutableBufferPointer<R?>) { self.buffer = buffer }
}
