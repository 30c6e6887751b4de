import DigestKit
import Foundation

/// A one-line progress bar on standard error, for builds longer than a second. Silent when
/// standard error is not a terminal, so logs and pipes get only the final line.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let start = DispatchTime.now()
    private var lastDraw: UInt64 = 0
    private var lastStage: BuildStage?
    private var drawn = false
    private var finished = false
    private let width = 30

    /// A bar when standard error is a terminal, nil otherwise.
    static func forTerminal() -> ProgressBar? {
        isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
    }

    var handler: BuildProgressHandler {
        { [self] stage, done, total in update(stage, done, total) }
    }

    private func update(_ stage: BuildStage, _ done: Int, _ total: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        lock.withLock {
            // Nothing for the first second, then at most ten redraws a second (and every stage change).
            guard !finished, now - start.uptimeNanoseconds > 1_000_000_000 else { return }
            guard stage != lastStage || now - lastDraw > 100_000_000 || done == total else { return }
            lastStage = stage
            lastDraw = now
            drawn = true
            let share = total == 0 ? 1 : Double(done) / Double(total)
            let filled = Int(share * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) \(stage.rawValue) \(done)/\(total)".utf8))
        }
    }

    /// Clears the bar, so the final line takes its place.
    func finish() {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            drawn = false
            finished = true
        }
    }
}
