import Foundation

/// Batches of jobs (pages, or the files beside them) made in the background on every core
/// while the caller writes the batches made before: results come batch by batch, in the
/// jobs' order. The workers go on from batch to batch without waiting for the writer, up to
/// `ahead` batches past the one it took last, which bounds the pages held in memory; the
/// caller, waiting for a batch, makes its jobs too.
///
/// When each batch was made through `concurrentPerform` and waited for the one before to be
/// written, the cores sat idle whenever writing took longer than rendering, and a batch often
/// got one thread of the pool's two while the caller wrote on every core (`StagingFolder`): a
/// cold build of 10,000 articles rendered its pages on 1.5 cores of 2 (`perf` samples by
/// thread). The workers are Dispatch's, long-lived: on threads of their own, made for the
/// pipeline, the allocator's heaps were new and every page's memory was faulted in afresh.
final class RenderingPipeline<Job: Sendable, Result: Sendable>: @unchecked Sendable {
    private let jobs: [Job]
    /// Where each batch starts in `jobs`, and past the last one, its end.
    private let starts: [Int]
    /// A slot a job, written by the thread that took the job and read once its batch is made:
    /// no two threads touch one slot.
    private let made: UnsafeMutableBufferPointer<Result?>
    private let ahead: Int
    private let make: @Sendable (Job) -> Result
    private let progress: ProgressCounter?
    private let condition = NSCondition()
    // Under `condition`:
    private var next = 0
    /// Jobs of each batch not made yet.
    private var left: [Int]
    /// Batches the caller has taken; a thread takes no job of batch `taken + ahead` or later.
    private var taken = 0
    private var stopped = false
    private var running: Int

    init(_ batches: [[Job]], ahead: Int = 3, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
         progress: ProgressCounter? = nil, make: @escaping @Sendable (Job) -> Result) {
        jobs = batches.flatMap { $0 }
        var starts = [0]
        for batch in batches { starts.append(starts[starts.count - 1] + batch.count) }
        self.starts = starts
        left = batches.map(\.count)
        self.ahead = max(1, ahead)
        made = .allocate(capacity: jobs.count)
        made.initialize(repeating: nil)
        self.make = make
        self.progress = progress
        running = min(jobs.count, max(1, workers))
        for _ in 0..<running {
            DispatchQueue.global().async { [self] in
                while let (i, batch) = take() { run(i, of: batch) }
            }
        }
    }

    private func run(_ i: Int, of batch: Int) {
        made[i] = make(jobs[i])
        progress?.step()
        finished(batch)
    }

    /// The next job to make and its batch, waiting while it is too far ahead of the writer;
    /// nil when there is none left or the pipeline is stopped.
    private func take() -> (Int, Int)? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            guard !stopped, next < jobs.count else {
                running -= 1
                condition.broadcast()
                return nil
            }
            let batch = batch(of: next)
            if batch < taken + ahead {
                next += 1
                return (next - 1, batch)
            }
            condition.wait()
        }
    }

    private func batch(of job: Int) -> Int {
        // Batches are few (tens) and taken in order: the last one found is checked first.
        var b = lastBatch
        while starts[b + 1] <= job { b += 1 }
        lastBatch = b
        return b
    }
    private var lastBatch = 0

    private func finished(_ batch: Int) {
        condition.lock()
        left[batch] -= 1
        if left[batch] == 0 { condition.broadcast() }
        condition.unlock()
    }

    /// Batch `number`'s results, once it is made; batches are taken in order, each once.
    /// While its jobs are not all taken, the caller makes them too (and the batch is made
    /// however few workers Dispatch starts); once they are, and the workers are still making
    /// the last of them, it makes jobs of the batches after, as far as the workers may go.
    /// Waiting for a long job of its batch (a list of many pages), the caller left a core
    /// idle: in a cold build of 10,000 articles, a fifth of a second of one (`perf` samples by thread).
    func results(_ number: Int) -> [Result] {
        condition.lock()
        while left[number] > 0 {
            if next < jobs.count, next < starts[number + 1] || batch(of: next) < taken + ahead {
                next += 1
                let i = next - 1
                let batch = batch(of: i)
                condition.unlock()
                run(i, of: batch)
                condition.lock()
            } else {
                condition.wait()
            }
        }
        taken = number + 1
        condition.broadcast()
        condition.unlock()
        // Moved out of their slots: a batch is held no longer than the writer holds it.
        return (starts[number]..<starts[number + 1]).map { i in
            defer { made[i] = nil }
            return made[i]!
        }
    }

    /// Stops the threads taking jobs and waits for the jobs they are making: nothing runs
    /// once it returns.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    deinit {
        // The workers hold the pipeline until they are done: by now none is left.
        made.deinitialize()
        made.deallocate()
    }
}
