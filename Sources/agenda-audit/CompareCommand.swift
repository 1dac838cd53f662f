import AgendaAudit
import ArgumentParser
import Foundation

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Vergelijk twee edities van een werkagenda: bouwt de nieuwe voort op de vorige?",
        discussion: """
        Per doel van de vorige agenda: rapporteert de nieuwe erover? Welke knelpunten noemt de nieuwe, met of zonder \
        activiteit? Welke actietypen bleven, kwamen erbij of vervielen? Exitcode 0: bouwt voort op de vorige agenda. \
        1: deels of niet. 2: een bestand kan niet worden gelezen (of een fout in het codeboek).
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "De vorige agenda.")
    var old: String

    @Argument(help: "De nieuwe agenda (of het concept ervan).")
    var new: String

    @Option(name: .long, help: "Uitvoer: text of json.")
    var format: Format = .text

    @Option(name: .long, help: "Schrijf het resultaat naar dit bestand.")
    var out: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let lang = common.lang
        do {
            let rubric = try common.loadRubric()
            guard rubric.cycle != nil else {
                throw CLIError(message: lang.pick("het codeboek heeft geen 'cycle'-sectie", "the rubric has no 'cycle' section"), exitCode: 2)
            }
            let pipeline = Pipeline(rubric: rubric)
            func audit(_ path: String) throws -> AuditedAgenda {
                do { return pipeline.audit(try Ingest.load(path: path)) } catch {
                    throw CLIError(message: "\(path): \(error.message(lang))", exitCode: 2)
                }
            }
            guard let comparison = EditionComparison(old: try audit(old), new: try audit(new)) else { throw ExitCode(2) }
            switch format {
            case .text: try Output.emit(comparison.text(lang), to: out)
            case .json: try Output.emit(comparison.json(lang), to: out)
            }
            if comparison.verdict != .buildsOn { throw ExitCode(1) }
        } catch let error as CLIError {
            Output.error(lang.pick("fout: ", "error: ") + error.message)
            throw ExitCode(error.exitCode)
        }
    }
}
