import Dispatch
import Foundation
import Synchronization

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
    /// Where the coded passages went when they were handed off instead of kept (`coded.passages` is then empty).
    public var handedOff: (any PassageSink)? = nil
    public var document: Document { coded.document }
}

/// Takes a long document's coded passages as they are done, in reading order (see `Auditor.audit`).
public protocol PassageSink: AnyObject, Sendable {
    func take(_ passages: [CodedPassage])
}

/// The coder and the cycle checker of one rubric, built once per run.
public struct Pipeline: Sendable {
    public let coder: Coder
    public let cycleChecker: CycleChecker?
    private let caches = CachePool()

    public init(rubric: Rubric) {
        coder = Coder(rubric: rubric)
        cycleChecker = CycleChecker(rubric: rubric)
    }

    /// A document at least this long (UTF-8 bytes of its text) may be split over several workers: below it, a
    /// second worker's cold caches cost more than it saves.
    public static let splitThreshold = 1 << 20
    /// Passages per piece of a split document, handed out to the workers in turn.
    static let piece = 256

    /// One passage at a time: its tokens and its indexed text serve the
    /// coder and the cycle checker and are dropped before the next passage, so a huge document
    /// never holds all its tokens at once. With `workers` > 1 a document of at least `splitThreshold` bytes is
    /// cut into pieces of consecutive passages that the workers take in turn, each with its own caches; the
    /// pieces are put back in reading order, so the result does not depend on the split (a passage is coded and
    /// checked on its own; only `assemble` looks across passages).
    ///
    /// With `handOff` the coded passages are not kept in the result (its `coded.passages` is empty; its action
    /// types and breadth count them all): they are handed to `handOff` in reading order, a run at a time (one call
    /// at a time, on whichever worker completed the run), as soon as they and all before them are done, so a long
    /// document's report can be written out (or set aside) while the rest is read, and its coded passages are never
    /// all held at once.
    public func audit(_ document: Document, workers: Int = 1, splitAt threshold: Int = Pipeline.splitThreshold,
                      handOff: (([CodedPassage]) -> Void)? = nil) -> AuditedAgenda {
        let caches = self.caches.take()
        defer { self.caches.give(caches) }
        // The passages the document's date was read from keep their tokens and reading (same tokenizer, analyser
        // and cache as below); only their times are resolved again for the reference year.
        var dated: [Int: CycleChecker.DatedPassage]? = [:]
        let (year, written) = cycleChecker?.reference(document, cache: caches.language, keeping: &dated) ?? (nil, nil)
        let passages = document.passages
        let delivery = Delivery(handOff: handOff, passages: passages.count, checks: cycleChecker != nil)
        if workers > 1, passages.count > Self.piece, document.utf8Count >= threshold {
            let kept = dated ?? [:]
            let pieces = (passages.count + Self.piece - 1) / Self.piece
            let results = PieceResults(count: pieces)
            // A kept reading holds ids of the caller's language cache: only the caller's own worker uses it; a helper
            // reads such a passage again (`retimed` gives what a fresh reading with the reference year gives).
            let run: @Sendable (Int, Caches, Bool) -> Void = { index, caches, isCaller in
                var coded: [CodedPassage] = [], found: [CycleChecker.PassageFindings] = []
                let range = index * Self.piece..<min(passages.count, (index + 1) * Self.piece)
                coded.reserveCapacity(range.count)
                for i in range {
                    let (c, f) = audit(passages[i], dated: isCaller ? kept[i] : nil, year: year, written: written, caches: caches)
                    coded.append(c)
                    if let f { found.append(f) }
                }
                delivery.put(index, coded, found)
            }
            let helpers = (1..<min(workers, pieces)).map { _ in
                let thread = Thread {
                    let helperCaches = self.caches.take()
                    while let index = results.take() { run(index, helperCaches, false) }
                    self.caches.give(helperCaches)
                    results.finished()
                }
                thread.stackSize = 8 << 20
                return thread
            }
            helpers.forEach { $0.start() }
            while let index = results.take() { run(index, caches, true) }
            results.wait(for: helpers.count)
            precondition(delivery.delivered == pieces, "a piece of the document was not delivered")
        } else {
            var coded: [CodedPassage] = [], found: [CycleChecker.PassageFindings] = []
            for (index, passage) in passages.enumerated() {
                let (c, f) = audit(passage, dated: dated?.removeValue(forKey: index), year: year, written: written, caches: caches)
                coded.append(c)
                if let f { found.append(f) }
                if coded.count >= Self.piece {
                    delivery.add(coded, found)
                    coded.removeAll(keepingCapacity: true)
                    found.removeAll(keepingCapacity: true)
                }
            }
            if !coded.isEmpty || !found.isEmpty { delivery.add(coded, found) }
        }
        let findings = delivery.findings
        let coded = handOff == nil
            ? CodedDocument(document: document, passages: delivery.coded, rubric: coder.rubric)
            : CodedDocument(document: document, passages: [], actionTypes: coder.rubric.codes.map(\.id).filter(delivery.present.contains))
        cycleChecker?.analyzer.lexicon.releasePages()
        return AuditedAgenda(coded: coded, cycle: cycleChecker?.assemble(coded, passages: findings))
    }

    /// One passage: coded, and checked for the cycle's elements (nil without a cycle checker). `dated` is the
    /// reading kept from the document's date, when this passage gave one.
    private func audit(_ passage: Passage, dated: CycleChecker.DatedPassage?, year: Int?, written: Int?,
                       caches: Caches) -> (CodedPassage, CycleChecker.PassageFindings?) {
        let text = ScalarIndexedText(passage.text)
        let language = caches.language
        let tokens: [Token], words: [Int32], analysis: PassageAnalysis?
        if cycleChecker != nil, let read = dated {
            tokens = read.tokens
            words = read.analysis.words.map(\.form)
            analysis = coder.analyzer.retimed(read.analysis, tokens: tokens, inputs: read.inputs, referenceYear: year)
        } else {
            // Each token's form interned once, as it is tokenized, for both matchers' caches and the language layer;
            // one reading by the language layer serves the coder and the cycle checker.
            var interned: [Int32] = []
            tokens = coder.tokenizer.tokens(passage.text, base: passage.start, interningIn: language, words: &interned)
            words = interned
            analysis = cycleChecker != nil && !tokens.isEmpty
                ? coder.analyzer.analyze(tokens, words: words, text: passage.text, base: passage.start, referenceYear: year, cache: language)
                : nil
        }
        let coded = coder.code(passage, tokens: tokens, words: words, text: text, cache: caches.code, analysis: analysis,
                               language: language)
        // Optional chaining borrows the checker; `if let` copied it (and retained its fields) per passage.
        let found = cycleChecker?.check(passage, tokens: tokens, words: words, text: text, referenceYear: year, written: written,
                                        cache: caches.cycle, language: language, analysis: analysis)
        return (coded, found)
    }

    typealias Caches = CachePool.Caches

    /// Where a document's coded passages and cycle findings go, in reading order: kept, or (with `handOff`) the
    /// passages handed off and only their codes remembered.
    final class Delivery: @unchecked Sendable {
        private(set) var coded: [CodedPassage] = []
        private(set) var findings: [CycleChecker.PassageFindings] = []
        /// The codes of the passages handed off.
        private(set) var present = Set<String>()
        private let handOff: (([CodedPassage]) -> Void)?
        // The pieces of a split document done before one ahead of them, guarded by `lock`.
        private let lock = NSLock()
        private var waiting: [Int: ([CodedPassage], [CycleChecker.PassageFindings])] = [:]
        private(set) var delivered = 0
        private var draining = false

        init(handOff: (([CodedPassage]) -> Void)?, passages: Int, checks: Bool) {
            self.handOff = handOff
            if handOff == nil { coded.reserveCapacity(passages) }
            if checks { findings.reserveCapacity(passages) }
        }

        /// The next run of passages in reading order (called by one worker at a time).
        func add(_ passages: [CodedPassage], _ found: [CycleChecker.PassageFindings]) {
            findings.append(contentsOf: found)
            guard let handOff else { coded.append(contentsOf: passages); return }
            for passage in passages { for assignment in passage.codes { present.insert(assignment.code) } }
            handOff(passages)
        }

        /// Piece `index` of a split document, from any worker. It goes on, with the pieces after it already done, as
        /// soon as every piece before it has: on the worker that completes the run, one worker at a time (another
        /// that finishes a piece meanwhile leaves it to that one), so no worker waits and pieces done out of order are
        /// held only until the ones before them are done.
        func put(_ index: Int, _ passages: [CodedPassage], _ found: [CycleChecker.PassageFindings]) {
            lock.lock()
            waiting[index] = (passages, found)
            guard !draining else { lock.unlock(); return }
            draining = true
            while let (passages, found) = waiting.removeValue(forKey: delivered) {
                delivered += 1
                lock.unlock()
                add(passages, found)
                lock.lock()
            }
            draining = false
            lock.unlock()
        }
    }

    /// The pieces of a split document: workers `take` the next piece; the caller waits until every helper is
    /// `finished`.
    final class PieceResults: @unchecked Sendable {
        private let condition = NSCondition()
        private let count: Int
        // Guarded by `condition`.
        private var next = 0
        private var done = 0

        init(count: Int) { self.count = count }

        func take() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        func finished() {
            condition.lock()
            done += 1
            condition.broadcast()
            condition.unlock()
        }

        func wait(for helpers: Int) {
            condition.lock()
            while done < helpers { condition.wait() }
            condition.unlock()
        }
    }

    /// The matchers' and the language layer's caches, one set per worker: what they remember about a
    /// word form does not depend on the document, so they are kept from one document to the next and
    /// each form is looked up once per worker. A set that has grown past `limit` word forms is dropped
    /// (and started afresh) when handed back, so memory stays bounded on any vocabulary.
    final class CachePool: @unchecked Sendable {
        final class Caches {
            let code = PhraseMatcher.Cache(), cycle = PhraseMatcher.Cache(), language = LanguageCache()
            var size: Int { max(code.count, cycle.count, language.count) }
        }
        static let limit = 50_000
        // Guarded by `lock`.
        private var idle: [Caches] = []
        private let lock = NSLock()

        func take() -> Caches {
            lock.lock()
            defer { lock.unlock() }
            return idle.popLast() ?? Caches()
        }

        func give(_ caches: Caches) {
            guard caches.size <= Self.limit else { return }
            lock.lock()
            defer { lock.unlock() }
            idle.append(caches)
        }
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

/// Something about the inputs that is not an error: a file skipped in a
/// folder, or given twice.
public enum InputNote: Sendable, Equatable {
    /// A document in a folder whose type is not read.
    case unsupported(path: String, ext: String)
    /// The same file as `first` (the same path, or the same file through another path or a link).
    case duplicate(path: String, first: String)

    /// Extensions of documents someone may expect to be read; a file with
    /// one of these that `Ingest.supportedExtensions` lacks is named when a
    /// folder is walked. (Once a reader for a type exists, it is read instead.)
    public static let documentExtensions: Set<String> = [
        "pdf", "doc", "docm", "dot", "dotx", "odt", "ott", "rtf", "wpd", "pages", "epub",
        "xls", "xlsx", "ods", "ppt", "pptx", "odp",
    ]

    public var path: String {
        switch self {
        case .unsupported(let path, _), .duplicate(let path, _): return path
        }
    }

    public func message(_ lang: Language) -> String {
        switch self {
        case .unsupported(let path, let ext):
            let reason = ext == "doc"
                ? lang.pick("het oude Word-formaat .doc wordt niet gelezen; sla het op als .docx",
                            "the old Word format .doc is not read; save it as .docx")
                : lang.pick("bestandstype .\(ext) wordt niet gelezen", "file type .\(ext) is not read")
            return "\(path): " + lang.pick("overgeslagen: ", "skipped: ") + reason
                + lang.pick(" (gelezen worden: ", " (read: ") + Ingest.extensionList(lang) + ")"
        case .duplicate(let path, let first):
            return path == first
                ? lang.pick("\(path): staat twee keer in de invoer; één keer geaudit", "\(path): given twice; audited once")
                : lang.pick("\(path): is hetzelfde bestand als \(first); één keer geaudit",
                            "\(path): is the same file as \(first); audited once")
        }
    }
}

/// A file on disk whatever the path to it: its device and inode (a link, or the same path twice, is one file).
private struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64
    init(_ info: stat) { device = UInt64(info.st_dev); inode = UInt64(info.st_ino) }
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
    public static func expand(_ paths: [String]) -> [AuditInput] { expandNoting(paths).inputs }

    /// `expand`, and what was left out on the way: a file given twice (by
    /// name, through a folder or a link: the same device and inode) is
    /// audited once, at its first place; a document in a folder whose type is
    /// not read (`InputNote.documentExtensions` minus
    /// `Ingest.supportedExtensions`) is named. Other files in a folder
    /// (`README.md`, `expected.json`) are passed over in silence.
    public static func expandNoting(_ paths: [String]) -> (inputs: [AuditInput], notes: [InputNote]) {
        var skipped: [InputNote] = []
        var expanded: [AuditInput] = []
        for path in paths { expanded += expandOne(path, skipped: &skipped) }
        var firstPlace: [FileIdentity: String] = [:]
        var seenPaths: Set<String> = []
        var inputs: [AuditInput] = []
        var notes = skipped
        for input in expanded {
            guard seenPaths.insert(input.path).inserted else {
                if input.problem == nil { notes.append(.duplicate(path: input.path, first: input.path)) }
                continue
            }
            if input.problem == nil, case .success(let info) = Ingest.examine(input.path) {
                let identity = FileIdentity(info)
                if let first = firstPlace[identity] {
                    notes.append(.duplicate(path: input.path, first: first))
                    continue
                }
                firstPlace[identity] = input.path
            }
            inputs.append(input)
        }
        return (inputs, notes)
    }

    /// One path given on the command line: a file (kept even when it will fail, so it is reported) or a folder's inputs.
    private static func expandOne(_ path: String, skipped: inout [InputNote]) -> [AuditInput] {
        let info: stat
        switch Ingest.examine(path) {
        case .success(let found): info = found
        case .failure(.unreadable(reason: "no such file")):
            return [AuditInput(path: path, problem: .unreadable(reason: "no such file or folder"))]
        case .failure(let problem):
            return [AuditInput(path: path, problem: problem)]
        }
        // A file given by name: `Ingest.load` says what is wrong with it, if anything.
        guard Ingest.FileKind(info).isDirectory else { return [AuditInput(path: path, problem: nil)] }
        var notes: [InputNote] = []
        let inputs = walk(folder: path, info: info, skipped: &notes).sorted { $0.path < $1.path }
        skipped += notes.sorted { $0.path < $1.path }
        return inputs
    }

    /// The inputs in a folder and its subfolders, unsorted.
    private static func walk(folder root: String, info rootInfo: stat, skipped: inout [InputNote]) -> [AuditInput] {
        var found: [AuditInput] = []
        var visited: Set<FileIdentity> = [FileIdentity(rootInfo)]
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
                let info: stat
                switch Ingest.examine(full) {
                case .success(let examined): info = examined
                case .failure(let problem):
                    if supported { found.append(AuditInput(path: full, problem: problem)) }
                    continue
                }
                let kind = Ingest.FileKind(info)
                if kind.isDirectory {
                    if visited.insert(FileIdentity(info)).inserted { pending.append(full) }
                } else if supported {
                    found.append(AuditInput(path: full, problem: kind.irregular.map { .notRegularFile(kind: $0) }))
                } else if InputNote.documentExtensions.contains(ext) {
                    skipped.append(.unsupported(path: full, ext: ext))
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
    ///
    /// `handOff`, asked for each document once it is read, may give a sink its coded passages go to instead of
    /// its result (`Pipeline.audit(_:workers:splitAt:handOff:)`; the outcome's `handedOff`).
    @discardableResult
    public static func stream<Prepared: Sendable>(
        _ inputs: [AuditInput], pipeline: Pipeline, window: Int? = nil, cancellation: Cancellation? = nil,
        handOff: (@Sendable (Document) -> (any PassageSink)?)? = nil,
        prepare: @escaping @Sendable (AuditOutcome) -> Prepared, _ body: (Prepared) throws -> Void) rethrows -> Bool {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let queue = OrderedQueue<Prepared>(count: inputs.count, window: max(window ?? 2 * cores, 1))
        // Fewer documents than cores: each document's passages are split over the cores left over.
        let perDocument = max(1, cores / max(1, inputs.count))
        for _ in 0..<min(cores, inputs.count) {
            let worker = Thread {
                while let index = queue.take() {
                    if cancellation?.isCancelled == true { queue.stop(); return }
                    queue.put(index, prepare(audit(inputs[index], pipeline: pipeline, workers: perDocument, handOff: handOff)))
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

    public static func audit(_ input: AuditInput, pipeline: Pipeline, workers: Int = 1,
                             handOff: (@Sendable (Document) -> (any PassageSink)?)? = nil) -> AuditOutcome {
        if let problem = input.problem { return .failed(path: input.path, error: problem) }
        do {
            let document = try Ingest.load(path: input.path)
            guard let sink = handOff?(document) else { return .audited(pipeline.audit(document, workers: workers)) }
            var audit = pipeline.audit(document, workers: workers, handOff: { sink.take($0) })
            audit.handedOff = sink
            return .audited(audit)
        } catch {
            return .failed(path: input.path, error: error)
        }
    }

}

/// Set from a signal handler (Ctrl-C) or anywhere else; a running
/// `Auditor.stream` stops handing out documents once it is set. One atomic
/// flag, so `cancel` is safe inside a signal handler.
public final class Cancellation: Sendable {
    private let cancelled = Atomic<Bool>(false)

    public init() {}

    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    public func cancel() { cancelled.store(true, ordering: .relaxed) }
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
