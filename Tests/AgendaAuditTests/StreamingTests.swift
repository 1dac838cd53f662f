import Foundation
import Testing
@testable import AgendaAudit

/// The batch as a stream: order, bounded read-ahead, cancellation, the
/// hand-written JSON, and report files that are whole or absent.
@Suite("Streaming batch")
struct StreamingTests {
    static let agendas = Auditor.expand([Repo.path("agendas")])

    /// The twelve agendas' passages three times over as one long document, so that it holds several pieces.
    static func longDocument() throws -> Document {
        var blocks: [Block] = []
        for input in agendas {
            let document = try Ingest.load(path: input.path)
            blocks += document.passages.map { Block(kind: $0.kind, text: $0.text, line: $0.line) }
        }
        return Document(path: "twaalf.txt", title: "Twaalf agenda's", format: .plainText, blocks: blocks + blocks + blocks)
    }

    @Test func outcomesArriveInInputOrderWithAnyWindow() throws {
        let pipeline = Pipeline(rubric: Repo.rubric)
        // Twelve agendas plus a missing file in the middle, three times over.
        var inputs = Self.agendas
        inputs.insert(AuditInput(path: "/nonexistent.txt", problem: .unreadable(reason: "no such file or folder")), at: 5)
        inputs = inputs + inputs + inputs
        for window in [1, 2, 7] {
            var seen: [String] = []
            let completed = Auditor.stream(inputs, pipeline: pipeline, window: window) { seen.append($0.path) }
            #expect(completed)
            #expect(seen == inputs.map(\.path))
        }
    }

    @Test func cancellationStopsTheBatchEarly() throws {
        let pipeline = Pipeline(rubric: Repo.rubric)
        let inputs = Array(repeating: Self.agendas, count: 4).flatMap { $0 }
        let cancellation = Cancellation()
        var seen = 0
        let completed = Auditor.stream(inputs, pipeline: pipeline, window: 2, cancellation: cancellation) { _ in
            seen += 1
            if seen == 3 { cancellation.cancel() }
        }
        #expect(!completed)
        #expect(seen == 3)
    }

    @Test func anErrorInTheConsumerStopsTheBatchAndIsRethrown() throws {
        struct Full: Error {}
        let pipeline = Pipeline(rubric: Repo.rubric)
        var seen = 0
        #expect(throws: Full.self) {
            try Auditor.stream(Self.agendas, pipeline: pipeline) { _ in
                seen += 1
                if seen == 2 { throw Full() }
            }
        }
        #expect(seen == 2)
    }

    /// A long document split over several workers (pieces of consecutive passages, each worker with its own
    /// caches) gives the same agenda, byte for byte, as one worker reading it from start to end.
    @Test func aSplitDocumentGivesTheSameResultAsOneWorker() throws {
        let pipeline = Pipeline(rubric: Repo.rubric)
        let document = try Self.longDocument()
        #expect(document.passages.count > 3 * Pipeline.piece)
        let whole = pipeline.audit(document)
        #expect(whole.coded.breadth >= 10)
        for workers in [2, 3] {
            let split = pipeline.audit(document, workers: workers, splitAt: 0)
            #expect(split.coded.passages.map(\.passage.id) == whole.coded.passages.map(\.passage.id))
            #expect(JSONReport.fragment(split) == JSONReport.fragment(whole))
        }
        // Below the threshold the document is read by one worker, also when more are offered.
        #expect(JSONReport.fragment(pipeline.audit(document, workers: 2)) == JSONReport.fragment(whole))
    }

    /// A long document whose coded passages are handed off as they are done (set aside in a temporary file,
    /// not kept in its result) gives the report of the document kept whole, byte for byte, read by one worker or
    /// split over several; the hand-off sees every passage once, in reading order.
    @Test func handedOffPassagesGiveTheSameReport() throws {
        let pipeline = Pipeline(rubric: Repo.rubric)
        let document = try Self.longDocument()
        #expect(document.passages.count > 3 * Pipeline.piece)
        let whole = pipeline.audit(document)
        func report(_ add: (JSONReport.Writer) throws -> Void) throws -> Data {
            var data = Data()
            let writer = JSONReport.Writer(rubric: Repo.rubric, lang: .nl) { data.append($0) }
            try add(writer)
            var summary = BatchSummary(rubric: Repo.rubric)
            summary.add(.audited(whole))
            try writer.finish(summary)
            return data
        }
        let expected = try report { try $0.add(fragment: JSONReport.fragment(whole)) }
        for workers in [1, 2, 3] {
            let spill = try #require(JSONPassageSpill())
            var ids: [String] = []
            var audit = pipeline.audit(document, workers: workers, splitAt: 0) { passages in
                ids += passages.map(\.passage.id)
                spill.take(passages)
            }
            audit.handedOff = spill
            #expect(ids == whole.coded.passages.map(\.passage.id))
            #expect(audit.coded.passages.isEmpty)
            #expect(audit.coded.actionTypes == whole.coded.actionTypes)
            #expect(AgendaSummary(audit).actionTypes == AgendaSummary(whole).actionTypes)
            for chunk in [1, 1 << 20] {
                #expect(try report { try $0.add(streaming: audit, chunk: chunk) } == expected, "workers \(workers), chunk \(chunk)")
            }
        }
    }

    /// A batch whose documents hand their passages to a spill (as `audit --format json` does for long documents)
    /// streams the same report as one that keeps them, a failed file in the middle included.
    @Test func batchWithSpilledDocumentsStreamsTheSameReport() throws {
        let pipeline = Pipeline(rubric: Repo.rubric)
        var inputs = Self.agendas
        inputs.insert(AuditInput(path: "/nonexistent.txt", problem: .unreadable(reason: "no such file or folder")), at: 3)
        func report(handOff: (@Sendable (Document) -> (any PassageSink)?)?) throws -> Data {
            var data = Data()
            var summary = BatchSummary(rubric: Repo.rubric)
            let writer = JSONReport.Writer(rubric: Repo.rubric, lang: .nl) { data.append($0) }
            let completed = try Auditor.stream(inputs, pipeline: pipeline, handOff: handOff, prepare: { $0 }) { outcome in
                summary.add(outcome)
                guard case .audited(let audit) = outcome else { return }
                #expect((audit.handedOff != nil) == (handOff != nil))
                #expect(audit.coded.passages.isEmpty == (handOff != nil))
                try writer.add(streaming: audit, chunk: 4096)
            }
            #expect(completed)
            try writer.finish(summary)
            return data
        }
        let kept = try report(handOff: nil)
        let spilled = try report(handOff: { _ in JSONPassageSpill() })
        #expect(spilled == kept)
        #expect(try JSONSerialization.jsonObject(with: spilled) is [String: Any])
    }

    /// A long agenda written to the stream a piece at a time gives the bytes of the agenda rendered whole.
    @Test func streamedAgendaMatchesTheRenderedFragment() throws {
        let result = Auditor.run(Self.agendas, rubric: Repo.rubric)
        func stream(_ add: (JSONReport.Writer, AuditedAgenda) throws -> Void) throws -> Data {
            var data = Data()
            var pieces = 0
            let writer = JSONReport.Writer(rubric: result.rubric, lang: .nl) { data.append($0); pieces += 1 }
            for audit in result.audits { try add(writer, audit) }
            try writer.finish(result.summary)
            #expect(pieces > 0)
            return data
        }
        let whole = try stream { try $0.add(fragment: JSONReport.fragment($1)) }
        #expect(try JSONSerialization.jsonObject(with: whole) is [String: Any])
        for chunk in [1, 4096, 1 << 20] {
            #expect(try stream { try $0.add(streaming: $1, chunk: chunk) } == whole)
        }
    }

    /// The stream's hand-written JSON is byte for byte what JSONEncoder
    /// with sorted keys makes of the same agenda.
    @Test func handWrittenJSONMatchesJSONEncoder() throws {
        let result = Auditor.run(Self.agendas, rubric: Repo.rubric)
        #expect(result.audits.count == 12)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for audit in result.audits {
            let expected = try encoder.encode(JSONReport.agenda(audit))
            let actual = Data(JSONReport.fragment(audit))
            #expect(actual == expected, "\(audit.document.path)")
        }
        // Escapes: quotes, backslashes, control characters, non-ASCII as is.
        var buffer = JSONBuffer()
        buffer.string("a\"b\\c\nd\te\u{01}f é’")
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == #""a\"b\\c\nd\te\u0001f é’""#)
        var check = JSONBuffer()
        check.double(0.5); check.raw(","); check.double(3); check.raw(","); check.double(-1.25)
        #expect(String(decoding: check.bytes, as: UTF8.self) == "0.5,3,-1.25")
    }

    @Test func streamedDocumentParsesAndHasOneAgendaPerLine() throws {
        let result = Auditor.run(Self.agendas, rubric: Repo.rubric)
        let data = try JSONReport.render(result, lang: .nl)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((json["agendas"] as? [Any])?.count == 12)
        #expect((json["summary"] as? [String: Any])?["agendas"] as? Int == 12)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("{\"actionTypes\":") }.count == 12)
    }

    @Test func outputStreamIsAllOrNothing() throws {
        let folder = TemporaryFolder()
        let target = folder.write("report.json", "good old report")
        // Abandoned: the old report stays, no temporary file remains.
        let abandoned = try OutputFile.Stream(path: target)
        try abandoned.write("half a rep")
        abandoned.abandon()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "good old report")
        // Dropped without commit (an error path): the same.
        do {
            let dropped = try OutputFile.Stream(path: target)
            try dropped.write(Data(repeating: 0x41, count: 3 << 20))
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "good old report")
        // Committed: replaced whole, including what went past the buffer.
        // (a piece past the buffer's size goes straight to the file, after what was buffered before it)
        let committed = try OutputFile.Stream(path: target)
        try committed.write("begin")
        try committed.write(Data(repeating: 0x42, count: 3 << 20))
        try committed.write([UInt8](repeating: 0x43, count: 2 << 20))
        try committed.write("end")
        try committed.commit()
        let written = try Data(contentsOf: URL(fileURLWithPath: target))
        #expect(written.count == 5 + (3 << 20) + (2 << 20) + 3)
        #expect(written.prefix(5) == Data("begin".utf8))
        #expect(written[5 + (3 << 20) - 1] == 0x42 && written[5 + (3 << 20)] == 0x43)
        #expect(written.suffix(3) == Data("end".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
        // A folder that does not exist: an error, nothing written.
        #expect(throws: (any Error).self) { try OutputFile.Stream(path: folder.url.appendingPathComponent("nee/x.json").path) }
    }

    /// Ctrl-C on a long batch: exit 130, a message, the previous report
    /// untouched and no temporary file left.
    @Test func interruptStopsCleanly() throws {
        let folder = TemporaryFolder()
        let corpus = folder.url.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for copy in 0..<40 {
            for input in Self.agendas {
                let name = "\(copy)-" + URL(fileURLWithPath: input.path).lastPathComponent
                try FileManager.default.copyItem(atPath: input.path, toPath: corpus.appendingPathComponent(name).path)
            }
        }
        let out = folder.write("report.json", "previous report")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repo.executable)
        process.arguments = ["audit", corpus.path, "--format", "json", "--out", out, "--rubric", Repo.path("rubric.json")]
        let errURL = folder.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until the run has opened its temporary report, then interrupt.
        let deadline = Date(timeIntervalSinceNow: 30)
        func temporaries() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.url.path)) ?? []).filter { $0.contains(".tmp-") }
        }
        while temporaries().isEmpty && process.isRunning && Date() < deadline { usleep(10_000) }
        #expect(process.isRunning, "the batch ended before it could be interrupted")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        try err.close()
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130)
        #expect(stderr.contains("afgebroken"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "previous report")
        #expect(temporaries().isEmpty)
    }
}
