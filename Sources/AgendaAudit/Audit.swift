import Dispatch
import Foundation

/// The batch: expand the inputs, read and code every file (spread over all
/// cores), and keep each failure next to the file that caused it.
public struct AuditInput: Sendable, Equatable {
    public let path: String
    /// Set when the input itself is unusable (a missing path, an unsupported type given explicitly).
    public let problem: IngestError?
}

public enum AuditOutcome: Sendable {
    case audited(AuditedAgenda)
    case failed(path: String, error: IngestError)

    public var path: String {
        switch self {
        case .audited(let audit): return audit.coded.document.path
        case .failed(let path, _): return path
        }
    }
}

/// Everything the tool knows about one agenda.
public struct AuditedAgenda: Sendable {
    public let coded: CodedDocument
    /// Plan-do-check-act; nil when the rubric has no `cycle` section.
    public let cycle: AgendaCycle?
    public var document: Document { coded.document }
}

/// The coder and the cycle checker of one rubric, built once per run.
public struct Pipeline: Sendable {
    public let coder: Coder
    public let cycleChecker: CycleChecker?

    public init(rubric: Rubric) {
        coder = Coder(rubric: rubric)
        cycleChecker = CycleChecker(rubric: rubric)
    }

    /// Tokenizes each passage once for both the coder and the cycle checker.
    public func audit(_ document: Document) -> AuditedAgenda {
        let tokens = document.passages.map { coder.tokenizer.tokens($0.text, base: $0.start) }
        let coded = coder.code(document, tokens: tokens)
        return AuditedAgenda(coded: coded, cycle: cycleChecker?.check(coded, tokens: tokens))
    }
}

public struct AuditResult: Sendable {
    public let rubric: Rubric
    public let outcomes: [AuditOutcome]

    public init(rubric: Rubric, outcomes: [AuditOutcome]) {
        self.rubric = rubric
        self.outcomes = outcomes
    }

    public var audits: [AuditedAgenda] {
        outcomes.compactMap { if case .audited(let audit) = $0 { return audit } else { return nil } }
    }

    public var failures: [(path: String, error: IngestError)] {
        outcomes.compactMap { if case .failed(let path, let error) = $0 { return (path, error) } else { return nil } }
    }

    /// In how many agendas each code occurs, in rubric order.
    public var codeCounts: [(code: Rubric.Code, count: Int)] { summary.codeCounts }

    public var summary: BatchSummary {
        var summary = BatchSummary(rubric: rubric)
        for outcome in outcomes { summary.add(outcome) }
        return summary
    }
}

/// What a batch keeps of an agenda once its full result has been written
/// out: enough for the matrix, the cycle table and the totals.
public struct AgendaSummary: Sendable {
    public let path: String
    public let displayName: String
    public let title: String
    public let actionTypes: [String]
    public let cycle: Cycle?
    public let warnings: [IngestWarning]

    public struct Cycle: Sendable {
        public let statuses: [CycleElement: CycleStatus]
        public let phases: AgendaCycle.Phases
        public func status(_ element: CycleElement) -> CycleStatus { statuses[element] ?? .absent }
    }

    public var breadth: Int { actionTypes.count }

    public init(_ audit: AuditedAgenda) {
        path = audit.document.path
        displayName = audit.document.displayName
        title = audit.document.title
        actionTypes = audit.coded.actionTypes
        warnings = audit.document.warnings
        cycle = audit.cycle.map { cycle in
            Cycle(statuses: cycle.elements.mapValues(\.status), phases: cycle.phases)
        }
    }
}

/// The light, whole-batch view: every agenda's summary and every failure.
public struct BatchSummary: Sendable {
    public let rubric: Rubric
    public private(set) var agendas: [AgendaSummary] = []
    public private(set) var failures: [(path: String, error: IngestError)] = []

    public init(rubric: Rubric) { self.rubric = rubric }

    public mutating func add(_ outcome: AuditOutcome) {
        switch outcome {
        case .audited(let audit): agendas.append(AgendaSummary(audit))
        case .failed(let path, let error): failures.append((path, error))
        }
    }

    public mutating func add(_ agenda: AgendaSummary) { agendas.append(agenda) }

    public mutating func addFailure(path: String, error: IngestError) { failures.append((path, error)) }

    /// In how many agendas each code occurs, in rubric order.
    public var codeCounts: [(code: Rubric.Code, count: Int)] {
        var counts: [String: Int] = [:]
        for agenda in agendas { for id in agenda.actionTypes { counts[id, default: 0] += 1 } }
        return rubric.codes.map { ($0, counts[$0.id] ?? 0) }
    }
}

public enum Auditor {
    /// Expands folders (recursively, supported types only, sorted) and keeps
    /// files given by name even when they will fail, so they are reported.
    public static func expand(_ paths: [String]) -> [AuditInput] {
        var inputs: [AuditInput] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                inputs.append(AuditInput(path: path, problem: .unreadable(reason: "no such file or folder")))
                continue
            }
            guard isDirectory.boolValue else {
                inputs.append(AuditInput(path: path, problem: nil))
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else {
                inputs.append(AuditInput(path: path, problem: .unreadable(reason: "folder cannot be listed")))
                continue
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { enumerator.skipDescendants() }
                    continue
                }
                let ext = (relative as NSString).pathExtension.lowercased()
                guard Ingest.supportedExtensions.contains(ext) else { continue }
                let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
                var isDir: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { found.append(full) }
            }
            inputs.append(contentsOf: found.sorted().map { AuditInput(path: $0, problem: nil) })
        }
        return inputs
    }

    /// Reads and codes every input and keeps every result in memory; the
    /// order of the outcomes is the order of the inputs. For reports that
    /// need all agendas at once (HTML, REFI-QDA); batches use `stream`.
    public static func run(_ inputs: [AuditInput], rubric: Rubric) -> AuditResult {
        let pipeline = Pipeline(rubric: rubric)
        var outcomes: [AuditOutcome] = []
        outcomes.reserveCapacity(inputs.count)
        stream(inputs, pipeline: pipeline) { outcomes.append($0) }
        return AuditResult(rubric: rubric, outcomes: outcomes)
    }

    /// Reads and codes the inputs on all cores and hands each outcome to
    /// `body` on the calling thread, in input order, as soon as it and all
    /// before it are done. At most `window` documents are read ahead of
    /// `body`, so memory stays bounded however long the batch is: each
    /// document is released once `body` returns.
    ///
    /// Returns false when `cancellation` stopped the batch (then `body` has
    /// seen a prefix of the outcomes and the workers are left to finish
    /// the document in hand, whose result is dropped). An error thrown by
    /// `body` stops the batch the same way and is rethrown.
    @discardableResult
    public static func stream(_ inputs: [AuditInput], pipeline: Pipeline, window: Int? = nil,
                              cancellation: Cancellation? = nil,
                              _ body: (AuditOutcome) throws -> Void) rethrows -> Bool {
        try stream(inputs, pipeline: pipeline, window: window, cancellation: cancellation, prepare: { $0 }, body)
    }

    /// The same, with `prepare` run on the worker right after a document
    /// is audited: it turns the outcome into what `body` needs (a rendered
    /// report fragment and a summary, say), so rendering is spread over the
    /// cores too and the full result is released on the worker.
    @discardableResult
    public static func stream<Prepared: Sendable>(
        _ inputs: [AuditInput], pipeline: Pipeline, window: Int? = nil, cancellation: Cancellation? = nil,
        prepare: @escaping @Sendable (AuditOutcome) -> Prepared, _ body: (Prepared) throws -> Void) rethrows -> Bool {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let queue = OrderedQueue<Prepared>(count: inputs.count, window: max(window ?? 2 * cores, 1))
        for _ in 0..<min(cores, inputs.count) {
            let worker = Thread {
                while let index = queue.take() {
                    if cancellation?.isCancelled == true { queue.stop(); return }
                    queue.put(index, prepare(audit(inputs[index], pipeline: pipeline)))
                }
            }
            worker.stackSize = 8 << 20
            worker.start()
        }
        for index in inputs.indices {
            guard let outcome = queue.result(index, cancellation: cancellation) else { return false }
            do {
                try body(outcome)
            } catch {
                queue.stop()
                throw error
            }
        }
        return true
    }

    public static func audit(_ input: AuditInput, pipeline: Pipeline) -> AuditOutcome {
        if let problem = input.problem { return .failed(path: input.path, error: problem) }
        do {
            return .audited(pipeline.audit(try Ingest.load(path: input.path)))
        } catch {
            return .failed(path: input.path, error: error)
        }
    }

}

/// Set from a signal handler (Ctrl-C) or anywhere else; a running
/// `Auditor.stream` stops handing out documents once it is set.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }
}

/// The hand-over between the workers and the consumer of `Auditor.stream`:
/// workers `take` the next index (waiting while `window` results are
/// ahead of the consumer) and `put` its result; the consumer waits for
/// each index in turn.
private final class OrderedQueue<R>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var slots: [Int: R] = [:]
    private var next = 0
    private var consumed = 0
    private var stopped = false

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && next < count && next - consumed >= window { condition.wait() }
        guard !stopped && next < count else { return nil }
        next += 1
        return next - 1
    }

    func put(_ index: Int, _ value: R) {
        condition.lock()
        slots[index] = value
        condition.broadcast()
        condition.unlock()
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// The result for `index`, or nil once cancelled.
    func result(_ index: Int, cancellation: Cancellation?) -> R? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if cancellation?.isCancelled == true || stopped {
                stopped = true
                condition.broadcast()
                return nil
            }
            if slots[index] != nil { break }
            // Timed, so a cancellation from a signal handler is seen promptly.
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.05))
        }
        let value = slots.removeValue(forKey: index)!
        consumed = index + 1
        condition.broadcast()
        return value
    }
}
