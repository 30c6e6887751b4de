import Foundation

/// The stages of a build as a person watching it would name them.
public enum BuildStage: String, Sendable, CaseIterable {
    case analysing = "analysing articles"
    case site = "grouping"
    case rendering = "rendering and writing pages"
    case discovery = "feeds and search"
    case writing = "finishing the site"
}

/// How far a build has come: called from any thread, often; the receiver throttles.
public typealias BuildProgressHandler = @Sendable (_ stage: BuildStage, _ done: Int, _ total: Int) -> Void

/// Counts finished units of one stage across threads and passes the count on.
final class ProgressCounter: @unchecked Sendable {
    let stage: BuildStage
    let total: Int
    let handler: BuildProgressHandler?
    private let lock = NSLock()
    private var done = 0

    init(_ stage: BuildStage, total: Int, handler: BuildProgressHandler?) {
        self.stage = stage
        self.total = total
        self.handler = handler
        handler?(stage, 0, total)
    }

    func step() {
        guard let handler else { return }
        let now = lock.withLock { done += 1; return done }
        handler(stage, now, total)
    }
}

/// How long each stage took, in order; `digest build --timings` prints it.
public struct StageTimings: Sendable {
    public private(set) var stages: [(stage: BuildStage, seconds: Double)] = []
    private var last = DispatchTime.now()

    public init() {}

    mutating func finish(_ stage: BuildStage) {
        let now = DispatchTime.now()
        stages.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }

    /// One line per stage, for a terminal.
    public var table: String {
        stages.map { String(format: "%8.3f s  %@", $0.seconds, $0.stage.rawValue) }.joined(separator: "\n")
    }
}
