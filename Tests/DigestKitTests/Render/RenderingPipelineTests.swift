import Foundation
import Testing
@testable import DigestKit

@Suite("RenderingPipeline")
struct RenderingPipelineTests {
    /// Jobs started, in the order they started, from every thread.
    final class Started: @unchecked Sendable {
        private let lock = NSLock()
        private var jobs: [Int] = []
        func add(_ job: Int) { lock.withLock { jobs.append(job) } }
        var all: [Int] { lock.withLock { jobs } }
    }

    @Test("gives each batch's results in the jobs' order, however long each job takes")
    func batchesInOrder() {
        var numbers = SeededNumbers()
        let batches = (0..<7).map { b in (0..<numbers.next(9)).map { b * 100 + $0 } }
        let delays = (0..<1000).map { _ in numbers.next(300) }
        let pipeline = RenderingPipeline(batches) { (job: Int) -> Int in
            usleep(UInt32(delays[job]))
            return job * 2
        }
        for (b, batch) in batches.enumerated() {
            #expect(pipeline.results(b) == batch.map { $0 * 2 })
        }
    }

    @Test("makes no job more than `ahead` batches past the batch the writer took last")
    func staysAhead() {
        let started = Started()
        let batches = (0..<5).map { b in (0..<4).map { b * 4 + $0 } }
        let pipeline = RenderingPipeline(batches, ahead: 1) { (job: Int) -> Int in
            started.add(job)
            return job
        }
        _ = pipeline.results(0)
        // Batch 1 may be made now, batch 2 not until batch 1 is taken.
        usleep(50_000)
        #expect(started.all.allSatisfy { $0 < 8 })
        for b in 1..<5 { _ = pipeline.results(b) }
        #expect(Set(started.all) == Set(0..<20))
    }

    @Test("waiting for a job of its batch that a worker is making, the writer makes the jobs of the batches after")
    func writerMakesLaterJobsWhileWaiting() {
        // The one worker's job is held until the next job is made: only the writer is left to make it.
        let started = DispatchSemaphore(value: 0), secondMade = DispatchSemaphore(value: 0)
        let makers = Makers()
        let pipeline = RenderingPipeline([[0], [1]], ahead: 2, workers: 1) { (job: Int) -> Int in
            makers.add(job, by: pthread_self())
            if job == 0 {
                started.signal()
                _ = secondMade.wait(timeout: .now() + 5)
            } else {
                secondMade.signal()
            }
            return job
        }
        _ = started.wait(timeout: .now() + 5)
        let writer = pthread_self()
        #expect(pipeline.results(0) == [0])
        #expect(pipeline.results(1) == [1])
        #expect(makers.thread(of: 0) != writer)
        #expect(makers.thread(of: 1) == writer)
    }

    /// The thread that made each job.
    final class Makers: @unchecked Sendable {
        private let lock = NSLock()
        private var threads: [Int: pthread_t] = [:]
        func add(_ job: Int, by thread: pthread_t) { lock.withLock { threads[job] = thread } }
        func thread(of job: Int) -> pthread_t? { lock.withLock { threads[job] } }
    }

    @Test("once stopped, makes no job more, and nothing runs after stop returns")
    func stopsWhenTheWriterFails() {
        let started = Started()
        let batches = (0..<10).map { b in (0..<4).map { b * 4 + $0 } }
        let pipeline = RenderingPipeline(batches, ahead: 2) { (job: Int) -> Int in
            started.add(job)
            usleep(1000)
            return job
        }
        _ = pipeline.results(0)
        pipeline.stop()
        let count = started.all.count
        usleep(30_000)
        #expect(started.all.count == count)
        #expect(count < 40)
    }
}
