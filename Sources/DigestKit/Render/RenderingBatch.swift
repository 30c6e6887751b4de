import Dispatch

/// A batch of jobs (pages, or the files beside them) made in the background on every core,
/// as `Parallel.map` does, so that meanwhile the caller can write the batch before it.
/// Results keep the jobs' order.
final class RenderingBatch<Result: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Set once by the rendering thread before `done` is signalled; read after waiting on it.
    private var made: [Result] = []
    private var waited = false

    init<Job: Sendable>(_ jobs: [Job], progress: ProgressCounter? = nil, make: @escaping @Sendable (Job) -> Result) {
        DispatchQueue.global().async { [self] in
            made = Parallel.map(jobs, progress: progress, make)
            done.signal()
        }
    }

    /// Waits for the batch to be made (once; later calls return at once).
    func results() -> [Result] {
        if !waited {
            done.wait()
            waited = true
        }
        return made
    }
}
