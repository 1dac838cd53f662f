import AgendaAudit
import ArgumentParser
import Foundation

/// `agenda-audit agree`: how well the tool's coding agrees with a
/// researcher's hand coding (Cohen's kappa, Krippendorff's alpha, precision,
/// recall per action type, and the passages where they differ).
struct AgreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agree",
        abstract: "Vergelijk de codering van agenda-audit met een handmatige codering (kappa, alfa, precisie, recall).",
        discussion: """
        De handmatige codering is een CSV met kopregel file,passage,code of file,start,end,code (posities in \
        codepunten van de geëxtraheerde tekst), of een REFI-QDA-project (.qdpx of .qde) uit een QDA-programma. \
        Exitcode 0: vergeleken. 1: een of meer agenda's konden niet worden gelezen (de rest wel). \
        2: niets vergeleken, de handmatige codering is onleesbaar, of een fout in het codeboek of de opdracht.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Option(name: .long, help: ArgumentHelp("De handmatige codering: .csv, .qdpx of .qde.", valueName: "CODES"))
    var human: String

    @Argument(help: ArgumentHelp("De geaudite agenda's: bestanden (\(Ingest.extensionList(.nl))) en mappen."))
    var paths: [String]

    @Option(name: .long, help: "Uitvoer: table, json of csv.")
    var format: Format = .table

    @Option(name: .long, help: "Scheidingsteken voor csv: comma of semicolon (Nederlandse Excel).")
    var csvDelimiter: CSVReport.Delimiter = .comma

    @Option(name: .long, help: "Schrijf het resultaat naar dit bestand in plaats van naar de terminal.")
    var out: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let lang = common.lang
        try reportingErrors(lang) {
            let rubric = try common.loadRubric()
            let coding: HumanCoding
            do throws(HumanCodingError) {
                coding = try HumanCoding.load(path: human)
            } catch {
                throw CLIError(message: lang.pick("handmatige codering: ", "hand coding: ") + error.message(lang), exitCode: 2)
            }
            let (inputs, inputNotes) = Auditor.expandNoting(paths)
            for note in inputNotes { Output.error(lang.pick("let op: ", "warning: ") + note.message(lang)) }
            let result = Auditor.run(inputs, rubric: rubric)
            for failure in result.failures {
                Output.error(lang.pick("fout: ", "error: ") + "\(failure.path): \(failure.error.message(lang))")
            }
            if result.audits.isEmpty {
                let given = paths.joined(separator: ", ")
                throw CLIError(message: lang.pick("niets vergeleken: geen leesbare werkagenda gevonden in \(given)",
                                                  "nothing compared: no readable work agenda found in \(given)"), exitCode: 2)
            }
            let report = AgreementReport.compare(result, with: coding, source: human)
            // The table and the JSON list the remarks themselves; CSV has no place for them.
            if format == .csv {
                for note in report.notes {
                    Output.error(lang.pick("let op: ", "warning: ") + note.message(lang))
                }
            }
            switch format {
            case .table:
                try Output.emit(report.table(lang: lang), to: out)
            case .json:
                var data = try report.json(lang: lang)
                data.append(0x0A)
                try Output.emit(data, to: out)
            case .csv:
                try Output.emit(report.csv(delimiter: csvDelimiter), to: out)
            }
            if !result.failures.isEmpty { throw ExitCode(1) }
        }
    }
}
