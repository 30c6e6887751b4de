import Dispatch

/// A batch of page jobs rendering in the background (on every core, as `Parallel.map`
/// does), so that meanwhile the caller can write the batch before it. Results keep the jobs' order.
final class RenderingBatch: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Set once by the rendering thread before `done` is signalled; read after waiting on it.
    private var made: [Result<[SiteRenderer.Made], Diagnostic>] = []
    private var waited = false

    init(_ jobs: [SiteRenderer.PageJob], renderer: SiteRenderer, progress: ProgressCounter) {
        DispatchQueue.global().async { [self] in
            made = Parallel.map(jobs, progress: progress) { renderer.render($0) }
            done.signal()
        }
    }

    /// Waits for the batch to be rendered (once; later calls return at once).
    func results() -> [Result<[SiteRenderer.Made], Diagnostic>] {
        if !waited {
            done.wait()
            waited = true
        }
        return made
    }
}
