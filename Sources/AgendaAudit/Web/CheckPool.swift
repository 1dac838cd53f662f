import CLibXML2
import Foundation

/// The bounded worker pool of `serve`: a check (reading and coding a
/// document) runs on one of `workers` threads of its own, never on the
/// server's event loops or Swift's cooperative pool, so a page request is
/// answered while uploads are being checked. At most `workers + waiting`
/// uploads are admitted at once; the next is told the check is busy.
public final class CheckPool: @unchecked Sendable {
    public let workers: Int
    public let waiting: Int
    private let queue: OperationQueue
    private let lock = NSLock()
    private var admitted = 0

    public init(workers: Int, waiting: Int) {
        self.workers = max(1, workers)
        self.waiting = max(0, waiting)
        queue = OperationQueue()
        queue.name = "agenda-audit check"
        queue.maxConcurrentOperationCount = self.workers
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
            queue.addOperation {
                let result = work()
                agenda_release_memory()
                continuation.resume(returning: result)
            }
        }
    }
}
