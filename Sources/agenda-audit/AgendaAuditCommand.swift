import AgendaAudit
import ArgumentParser
import Foundation

/// The command line: thin commands over the AgendaAudit library.
@main
struct AgendaAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda-audit",
        abstract: "Codeert werkagenda's banenafspraak met twaalf actietypen. (Audits Dutch public-sector work agendas.)",
        version: "0.1.0",
        subcommands: [AuditCommand.self, CheckCommand.self, CompareCommand.self, AgreeCommand.self, RubricCommand.self, ServeCommand.self,
                      AnalyzeCommand.self])

    /// `check FILE` with at most the plain options goes straight to the check (ArgumentParser's two passes over the
    /// command tree, its reflection and runtime type lookups, cost about 19 million instructions, a sixth of a
    /// check). Anything else, help and every mistake included, is parsed by ArgumentParser as before.
    static func main() async {
        if let check = CheckCommand.Plain(arguments: CommandLine.arguments.dropFirst()) {
            do {
                try check.run()
            } catch let code as ExitCode {
                // What exit(withError:) does with an ExitCode, without first composing the usage text it then drops
                // (about 6 million instructions).
                Foundation.exit(code.rawValue)
            } catch {
                exit(withError: error)
            }
            return
        }
        await main(nil)
    }
}

struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Codeboek (rubric.json); standaard ./rubric.json of die naast het programma.")
    var rubric: String?

    @Option(name: .long, help: "Taal van de uitvoer: nl of en.")
    var lang: Language = .nl

    /// Loads the rubric; on a mistake prints the error and exits with 2.
    func loadRubricOrExit() throws -> Rubric {
        do {
            return try loadRubric()
        } catch let error as CLIError {
            Output.error(lang.pick("fout: ", "error: ") + error.message)
            throw ExitCode(error.exitCode)
        }
    }

    func loadRubric() throws -> Rubric {
        try Self.loadRubric(rubric, lang: lang)
    }

    static func loadRubric(_ rubric: String?, lang: Language) throws -> Rubric {
        let path = try RubricLocator.locate(explicit: rubric)
        do {
            return try Rubric.load(path: path)
        } catch {
            throw CLIError(message: lang.pick("fout in codeboek: ", "error in rubric: ") + error.description, exitCode: 2)
        }
    }
}

extension Language: ExpressibleByArgument {}

/// Runs a command body: a `CLIError` or any other error is printed (Dutch
/// first) and becomes its exit code; an `ExitCode` passes through.
func reportingErrors(_ lang: Language, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CLIError {
        Output.error(lang.pick("fout: ", "error: ") + error.message)
        throw ExitCode(error.exitCode)
    } catch let error as ExitCode {
        throw error
    } catch {
        Output.error(lang.pick("fout: ", "error: ") + "\(error.localizedDescription)")
        throw ExitCode(2)
    }
}

struct CLIError: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32
    var description: String { message }
}

enum RubricLocator {
    static func locate(explicit: String?) throws -> String {
        if let explicit { return explicit }
        if let fromEnvironment = ProcessInfo.processInfo.environment["AGENDA_AUDIT_RUBRIC"] { return fromEnvironment }
        // ./rubric.json first, before the executable's own path is resolved (a symlink walk, about a million
        // instructions at every start).
        if FileManager.default.fileExists(atPath: "rubric.json") { return "rubric.json" }
        var candidates: [String] = []
        // Next to the executable and up from there (.build/release/agenda-audit -> the package root).
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(directory.appendingPathComponent("rubric.json").path)
            directory = directory.deletingLastPathComponent()
        }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) { return found }
        throw CLIError(message: "rubric.json niet gevonden; geef --rubric PATH (rubric.json not found; pass --rubric PATH)",
                       exitCode: 2)
    }
}

/// Ctrl-C (SIGINT) and SIGTERM set a cancellation instead of killing the
/// process, so a long batch stops between documents, removes its
/// temporary report files and exits with 130. The handler is installed
/// before `install` returns (a dispatch signal source registers later, and
/// a signal in between was lost) and only stores an atomic flag.
enum Interrupt {
    private static let cancellation = Cancellation()

    static func install() -> Cancellation {
        let cancellation = Self.cancellation   // made now, never inside the handler
        for number in [SIGINT, SIGTERM] {
            signal(number) { _ in Interrupt.cancellation.cancel() }
        }
        return cancellation
    }
}

enum Output {
    static func emit(_ text: String, to path: String?) throws {
        // The bytes copied as they are (Data of a UTF-8 view goes through a generic path with a dynamic cast).
        var text = text
        try text.withUTF8 { try emit(Data(buffer: $0), to: path) }
    }

    static func emit(_ data: Data, to path: String?) throws {
        if let path {
            try OutputFile.write(data, to: path)
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Codeer een of meer werkagenda's (bestanden of mappen) en toon de matrix actietype x agenda.",
        discussion: """
        Exitcode 0: alle invoer geaudit. 1: een of meer bestanden konden niet worden gelezen (de rest wel). \
        2: niets geaudit, of een fout in het codeboek of de opdracht.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, html }

    @Argument(help: ArgumentHelp("Bestanden (\(Ingest.extensionList(.nl))) en mappen."))
    var paths: [String]

    @Option(name: .long, help: "Uitvoer: table, json, csv of html (een zelfstandig rapport).")
    var format: Format = .table

    @Flag(name: .long, help: "Bij csv: een rij per gecodeerde passage in plaats van de matrix.")
    var passages = false

    @Option(name: .long, help: "Scheidingsteken voor csv: comma of semicolon (Nederlandse Excel).")
    var csvDelimiter: CSVReport.Delimiter = .comma

    @Option(name: .long, help: "Schrijf het resultaat naar dit bestand in plaats van naar de terminal.")
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Schrijf ook een REFI-QDA-project (.qdpx) voor ATLAS.ti, MAXQDA, NVivo of QualCoder.", valueName: "FILE"))
    var qdpx: String?

    @Option(name: .long, help: ArgumentHelp("Hoe lang één PDF gelezen mag worden, in seconden (standaard 30).", valueName: "SECONDS"))
    var pdfTimeLimit: Double?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if let pdfTimeLimit, !(pdfTimeLimit > 0) {
            throw ValidationError("--pdf-time-limit moet groter dan 0 zijn (--pdf-time-limit must be above 0)")
        }
        if passages && format != .csv {
            throw ValidationError("--passages hoort bij --format csv (--passages goes with --format csv)")
        }
    }

    func run() throws {
        let lang = common.lang
        try reportingErrors(lang) {
            let rubric = try common.loadRubric()
            if let pdfTimeLimit { PDFLimits.current.seconds = pdfTimeLimit }
            let cancellation = Interrupt.install()
            // The report is streamed: each agenda is rendered (JSON, CSV per
            // passage) on the worker that audited it and written as soon as
            // it and all before it are done; the table and the CSV matrix
            // need only the light summary. HTML and REFI-QDA need every
            // agenda at once and keep them.
            let keepAll = format == .html || qdpx != nil
            let format = format, passages = passages, csvDelimiter = csvDelimiter
            var kept: [AuditOutcome] = []
            var summary = BatchSummary(rubric: rubric)
            let output = try openOutput()
            let json = format == .json
                ? JSONReport.Writer(rubric: rubric, lang: lang) { try output.write($0) } : nil
            let csvPassages = format == .csv && passages
                ? CSVReport.PassageWriter(delimiter: csvDelimiter) { try output.write($0) } : nil
            let (inputs, inputNotes) = Auditor.expandNoting(paths)
            for note in inputNotes { Output.error(lang.pick("let op: ", "warning: ") + note.message(lang)) }
            // A long document's passages, in a JSON report that keeps no agenda, are set aside as they are done
            // (in an unlinked temporary file) instead of held until the whole document is read.
            let spill = format == .json && !keepAll ? Self.spill : nil
            let completed = try Auditor.stream(
                inputs, pipeline: Pipeline(rubric: rubric), cancellation: cancellation, handOff: spill,
                prepare: { outcome -> Piece in
                    guard case .audited(let audit) = outcome else { return Piece(failed: outcome, keep: keepAll) }
                    var piece = Piece(summary: AgendaSummary(audit), kept: keepAll ? outcome : nil)
                    switch format {
                    case .json where audit.document.utf8Count >= JSONReport.streamedLength: piece.streamed = audit
                    case .json: piece.bytes = JSONReport.fragment(audit)
                    case .csv where passages: piece.bytes = Array(CSVReport.passageRows(audit, delimiter: csvDelimiter).utf8)
                    default: break
                    }
                    return piece
                }) { piece in
                if let outcome = piece.kept { kept.append(outcome) }
                if let failure = piece.failure {
                    summary.addFailure(path: failure.path, error: failure.error)
                    Output.error(lang.pick("fout: ", "error: ") + "\(failure.path): \(failure.error.message(lang))")
                }
                guard let agenda = piece.summary else { return }
                summary.add(agenda)
                for warning in agenda.warnings {
                    Output.error(lang.pick("let op: ", "warning: ") + "\(agenda.path): " + warningText(warning, lang))
                }
                if let audit = piece.streamed { try json?.add(streaming: audit) } else { try json?.add(fragment: piece.bytes) }
                try csvPassages?.add(rows: piece.bytes)
            }
            /// Ctrl-C seen: drop the report (also while the last pieces are rendered).
            func stopIfInterrupted() throws {
                guard cancellation.isCancelled else { return }
                output.abandon()
                throw CLIError(message: lang.pick("afgebroken; er is geen rapport geschreven", "interrupted; no report was written"),
                               exitCode: 130)
            }
            if !completed { cancellation.cancel() }
            try stopIfInterrupted()
            if summary.agendas.isEmpty {
                output.abandon()
                let given = paths.joined(separator: ", ")
                throw CLIError(message: lang.pick("niets geaudit: geen leesbare werkagenda gevonden in \(given)",
                                                  "nothing audited: no readable work agenda found in \(given)")
                               + lang.pick(" (gelezen worden: ", " (read: ") + Ingest.extensionList(lang) + ")", exitCode: 2)
            }
            let result = AuditResult(rubric: rubric, outcomes: kept)
            switch format {
            case .table:
                try output.write(TableReport.render(summary, lang: lang))
            case .json:
                try json?.finish(summary)
            case .csv:
                if let csvPassages {
                    try csvPassages.finish()
                } else {
                    try output.write(CSVReport.matrix(summary, delimiter: csvDelimiter))
                }
            case .html:
                try output.write(HTMLReport.render(result, lang: lang))
            }
            try stopIfInterrupted()
            if let qdpx {
                do {
                    try QDPXExport.write(result, to: qdpx, lang: lang)
                } catch {
                    output.abandon()
                    throw CLIError(message: "\(qdpx): \(error.localizedDescription)", exitCode: 2)
                }
            }
            try stopIfInterrupted()
            do {
                try output.commit()
            } catch {
                throw CLIError(message: "\(out ?? "-"): \(error.localizedDescription)", exitCode: 2)
            }
            if !summary.failures.isEmpty { throw ExitCode(1) }
        }
    }

    /// Where a long document's coded passages go in a streamed JSON report: a temporary file, not memory.
    static let spill: @Sendable (Document) -> (any PassageSink)? = { document in
        guard document.utf8Count >= JSONReport.streamedLength else { return nil }
        return JSONPassageSpill()
    }

    /// What a worker hands back for one input: the light summary, the
    /// rendered report fragment, and the full result only when kept.
    struct Piece: Sendable {
        var summary: AgendaSummary?
        var failure: (path: String, error: IngestError)?
        var bytes: [UInt8] = []
        /// A long agenda, written to the JSON stream a piece at a time instead of as `bytes`.
        var streamed: AuditedAgenda?
        var kept: AuditOutcome?

        init(summary: AgendaSummary, kept: AuditOutcome?) {
            self.summary = summary
            self.kept = kept
        }

        init(failed outcome: AuditOutcome, keep: Bool) {
            if case .failed(let path, let error) = outcome { failure = (path, error) }
            kept = keep ? outcome : nil
        }
    }

    /// The report's destination: a temporary file beside `--out`, renamed into place at the end, or standard output.
    func openOutput() throws -> OutputFile.Stream {
        do {
            return try OutputFile.Stream(path: out)
        } catch {
            throw CLIError(message: "\(out ?? "-"): \(error.localizedDescription)", exitCode: 2)
        }
    }

    func warningText(_ warning: IngestWarning, _ lang: Language) -> String { warning.message(lang) }
}

extension CSVReport.Delimiter: ExpressibleByArgument {}

/// Values a one-shot command keeps until the process exits (see `CheckCommand.run`).
final class KeptUntilExit {
    let values: [Any]
    init(_ values: [Any]) { self.values = values }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Controleer een concept-werkagenda: doorloopt hij de beleidscyclus, en wat ontbreekt?",
        discussion: """
        Exitcode 0: klaar om in te dienen (meetbare doelen, planning, monitoring en probleemanalyse aanwezig; met \
        --previous ook: bouwt voort op de vorige agenda). 1: nog niet klaar. 2: een bestand kan niet worden gelezen \
        (of een fout in het codeboek).
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("De concept-agenda (\(Ingest.extensionList(.nl)))."))
    var file: String

    @Option(name: .long, help: "De vorige agenda: bouwt het concept daarop voort (doelen, knelpunten, actietypen)?")
    var previous: String?

    @Option(name: .long, help: "Uitvoer: text of json.")
    var format: Format = .text

    @Option(name: .long, help: "Schrijf het resultaat naar dit bestand.")
    var out: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        try Plain(file: file, previous: previous, format: format, out: out, rubric: common.rubric, lang: common.lang).run()
    }

    /// The check's arguments as values, from ArgumentParser or read directly (see `AgendaAuditCommand.main`).
    struct Plain {
        var file: String
        var previous: String?
        var format: Format
        var out: String?
        var rubric: String?
        var lang: Language
    }
}

extension CheckCommand.Plain {
    /// `check FILE` and the options `--previous`, `--format`, `--out`, `--rubric`, `--lang`, each at most once with
    /// its value as the next argument; nil for anything else (left to ArgumentParser, which also reports mistakes).
    init?(arguments: ArraySlice<String>) {
        guard arguments.first == "check" else { return nil }
        var file: String?
        var previous: String?, format: CheckCommand.Format?, out: String?, rubric: String?, lang: Language?
        var index = arguments.index(after: arguments.startIndex)
        while index < arguments.endIndex {
            let argument = arguments[index]
            let isOption = ["--previous", "--format", "--out", "--rubric", "--lang"].contains(argument)
            if !isOption {
                guard file == nil, !argument.isEmpty, !argument.hasPrefix("-"), argument != "help" else { return nil }
                file = argument
                index += 1
                continue
            }
            let next = arguments.index(after: index)
            guard next < arguments.endIndex, !arguments[next].isEmpty, !arguments[next].hasPrefix("-") else { return nil }
            let value = arguments[next]
            switch argument {
            case "--previous":
                guard previous == nil else { return nil }
                previous = value
            case "--format":
                guard format == nil, let parsed = CheckCommand.Format(rawValue: value) else { return nil }
                format = parsed
            case "--out":
                guard out == nil else { return nil }
                out = value
            case "--rubric":
                guard rubric == nil else { return nil }
                rubric = value
            default:
                guard lang == nil, let parsed = Language(rawValue: value) else { return nil }
                lang = parsed
            }
            index = arguments.index(after: next)
        }
        guard let file else { return nil }
        self.init(file: file, previous: previous, format: format ?? .text, out: out, rubric: rubric, lang: lang ?? .nl)
    }

    func run() throws {
        do {
            let rubric = try CommonOptions.loadRubric(self.rubric, lang: lang)
            guard rubric.cycle != nil else {
                throw CLIError(message: lang.pick("het codeboek heeft geen 'cycle'-sectie", "the rubric has no 'cycle' section"), exitCode: 2)
            }
            let document: Document
            do {
                document = try Ingest.load(path: file)
            } catch {
                throw CLIError(message: "\(file): \(error.message(lang))", exitCode: 2)
            }
            let pipeline = Pipeline(rubric: rubric)
            // The process ends after the report: the rubric's and matchers' tables are left for the exit to reclaim
            // instead of being freed one by one (about 5 million instructions, 3% of a check).
            _ = Unmanaged.passRetained(KeptUntilExit([pipeline, rubric]))
            let audit = pipeline.audit(document)
            var previousAudit: AuditedAgenda?
            if let previous {
                do {
                    previousAudit = pipeline.audit(try Ingest.load(path: previous))
                } catch {
                    throw CLIError(message: "\(previous): \(error.message(lang))", exitCode: 2)
                }
            }
            guard let report = CheckReport(audit: audit, rubric: rubric, previous: previousAudit) else { throw ExitCode(2) }
            switch format {
            case .text: try Output.emit(report.text(lang), to: out)
            case .json: try Output.emit(report.json(lang), to: out)
            }
            if !report.isReady { throw ExitCode(1) }
        } catch let error as CLIError {
            Output.error(lang.pick("fout: ", "error: ") + error.message)
            throw ExitCode(error.exitCode)
        }
    }
}
