import CLibXML2
import Foundation

/// The bounded worker pool of `serve`: a check (reading and coding a
/// document) runs on one of `workers` threads of its own, never on the
/// server's event loops, Swift's cooperative pool or libdispatch's global
/// queues (on Linux those share one pool of about as many threads as cores,
/// so checks on an OperationQueue held every page request until they ended:
/// 2.97 s for the start page during two 1 MB checks), so a page request is
/// answered while uploads are being checked. At most `workers + waiting`
/// uploads are admitted at once; the next is told the check is busy.
public final class CheckPool: @unchecked Sendable {
    public let workers: Int
    public let waiting: Int
    private let lock = NSLock()
    private var admitted = 0
    private let jobsReady = NSCondition()
    private var jobs: [@Sendable () -> Void] = []

    public init(workers: Int, waiting: Int) {
        self.workers = max(1, workers)
        self.waiting = max(0, waiting)
        for index in 0..<self.workers {
            let thread = Thread { [self] in self.work() }
            thread.name = "agenda-audit check \(index + 1)"
            thread.stackSize = 16 * 1024 * 1024
            thread.start()
        }
    }

    /// A worker thread: takes the next job, forever (the pool lives as long as the server).
    private func work() {
        while true {
            jobsReady.lock()
            while jobs.isEmpty { jobsReady.wait() }
            let job = jobs.removeFirst()
            jobsReady.unlock()
            job()
        }
    }

    /// A place in the pool, held from before the upload is read until its check ends.
    public final class Ticket: @unchecked Sendable {
        private let pool: CheckPool
        private let lock = NSLock()
        private var released = false

        fileprivate init(pool: CheckPool) { self.pool = pool }

        /// Gives the place back (once; later calls do nothing).
        public func release() {
            lock.lock()
            let first = !released
            released = true
            lock.unlock()
            if first { pool.giveBack() }
        }

        deinit { release() }
    }

    /// A place, or nil when `workers + waiting` uploads are already admitted.
    public func admit() -> Ticket? {
        lock.lock()
        defer { lock.unlock() }
        guard admitted < workers + waiting else { return nil }
        admitted += 1
        return Ticket(pool: self)
    }

    /// Uploads admitted now (being read, waiting or checked).
    public var load: Int {
        lock.lock()
        defer { lock.unlock() }
        return admitted
    }

    private func giveBack() {
        lock.lock()
        admitted -= 1
        lock.unlock()
    }

    /// Runs `work` on a worker thread and returns its result. Afterwards the
    /// freed heap is given back to the system, so the server's memory returns
    /// near its baseline after a large upload.
    public func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            jobsReady.lock()
            jobs.append {
                let result = work()
                agenda_release_memory()
                continuation.resume(returning: result)
            }
            jobsReady.signal()
            jobsReady.unlock()
        }
    }
}
