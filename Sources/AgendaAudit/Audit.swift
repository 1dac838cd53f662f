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

    public func audit(_ document: Document) -> AuditedAgenda {
        let coded = coder.code(document)
        return AuditedAgenda(coded: coded, cycle: cycleChecker?.check(coded))
    }
}

public struct AuditResult: Sendable {
    public let rubric: Rubric
    public let outcomes: [AuditOutcome]

    public var audits: [AuditedAgenda] {
        outcomes.compactMap { if case .audited(let audit) = $0 { return audit } else { return nil } }
    }

    public var failures: [(path: String, error: IngestError)] {
        outcomes.compactMap { if case .failed(let path, let error) = $0 { return (path, error) } else { return nil } }
    }

    /// In how many agendas each code occurs, in rubric order.
    public var codeCounts: [(code: Rubric.Code, count: Int)] {
        rubric.codes.map { code in (code, audits.filter { $0.coded.actionTypes.contains(code.id) }.count) }
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

    /// Reads and codes every input; the order of the outcomes is the order of the inputs.
    public static func run(_ inputs: [AuditInput], rubric: Rubric) -> AuditResult {
        let pipeline = Pipeline(rubric: rubric)
        let outcomes = parallelMap(inputs) { input -> AuditOutcome in
            audit(input, pipeline: pipeline)
        }
        return AuditResult(rubric: rubric, outcomes: outcomes)
    }

    public static func audit(_ input: AuditInput, pipeline: Pipeline) -> AuditOutcome {
        if let problem = input.problem { return .failed(path: input.path, error: problem) }
        do {
            return .audited(pipeline.audit(try Ingest.load(path: input.path)))
        } catch {
            return .failed(path: input.path, error: error)
        }
    }

    /// Maps over all cores, keeping the order.
    static func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let box = ResultBox<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            box.set(index, transform(items[index]))
        }
        return box.values()
    }
}

private final class ResultBox<R: Sendable>: @unchecked Sendable {
    private var storage: [R?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: R) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    func values() -> [R] {
        lock.lock()
        defer { lock.unlock() }
        return storage.map { $0! }
    }
}
