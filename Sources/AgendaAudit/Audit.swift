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
    ///
    /// In a folder, names starting with `.` are skipped. Nothing is opened
    /// here; what cannot be audited becomes an input with its problem, named
    /// by path: a subfolder that cannot be listed, and, among names with a
    /// supported extension, a FIFO, socket or device, a symbolic link to
    /// nothing or to itself, or an entry that cannot be examined. A folder
    /// named like a file (`z.txt/`) is walked as a folder. Symbolic links to
    /// folders are followed, but a folder already walked is not walked again,
    /// so a link to a parent cannot loop.
    public static func expand(_ paths: [String]) -> [AuditInput] {
        var inputs: [AuditInput] = []
        for path in paths {
            var info = stat()
            guard lstat(path, &info) == 0 else {
                inputs.append(AuditInput(path: path, problem: errno == ENOENT
                    ? .unreadable(reason: "no such file or folder") : Ingest.problem(path: path, errno: errno)))
                continue
            }
            if Ingest.FileKind(info).isLink, stat(path, &info) != 0 {
                inputs.append(AuditInput(path: path, problem: Ingest.problem(path: path, errno: errno)))
                continue
            }
            guard Ingest.FileKind(info).isDirectory else {
                // A file given by name: `Ingest.load` says what is wrong with it, if anything.
                inputs.append(AuditInput(path: path, problem: nil))
                continue
            }
            inputs.append(contentsOf: walk(folder: path, info: info).sorted { $0.path < $1.path })
        }
        return inputs
    }

    /// The inputs in a folder and its subfolders, unsorted.
    private static func walk(folder root: String, info rootInfo: stat) -> [AuditInput] {
        struct Identity: Hashable { let device: UInt64; let inode: UInt64 }
        func identity(_ info: stat) -> Identity { Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) }
        var found: [AuditInput] = []
        var visited: Set<Identity> = [identity(rootInfo)]
        var pending = [root]
        while let folder = pending.popLast() {
            let names: [String]
            switch listFolder(folder) {
            case .success(let list): names = list
            case .failure(let error):
                found.append(AuditInput(path: folder, problem: error))
                continue
            }
            for name in names where !name.hasPrefix(".") {
                let full = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                let ext = (name as NSString).pathExtension.lowercased()
                let supported = Ingest.supportedExtensions.contains(ext)
                var info = stat()
                guard lstat(full, &info) == 0 else {
                    if supported { found.append(AuditInput(path: full, problem: Ingest.problem(path: full, errno: errno))) }
                    continue
                }
                if Ingest.FileKind(info).isLink, stat(full, &info) != 0 {
                    if supported { found.append(AuditInput(path: full, problem: Ingest.problem(path: full, errno: errno))) }
                    continue
                }
                let kind = Ingest.FileKind(info)
                if kind.isDirectory {
                    if visited.insert(identity(info)).inserted { pending.append(full) }
                } else if supported {
                    found.append(AuditInput(path: full, problem: kind.irregular.map { .notRegularFile(kind: $0) }))
                }
            }
        }
        return found
    }

    /// The names in a folder (without `.` and `..`), or why it cannot be listed.
    private static func listFolder(_ path: String) -> Result<[String], IngestError> {
        guard let directory = opendir(path) else {
            return .failure(.unreadableFolder(reason: Ingest.reason(errno)))
        }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { return .failure(.unreadableFolder(reason: Ingest.reason(errno))) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return .success(names)
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
