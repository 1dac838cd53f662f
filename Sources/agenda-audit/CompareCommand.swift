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

        Met --editions MAP_OUD MAP_NIEUW: alle agenda's van twee mappen, per sector gekoppeld (bestandsnaam, anders \
        titel), in één tabel (text, csv of json). Exitcode 0: alle paren vergeleken. 1: een of meer bestanden konden \
        niet worden gelezen (de rest wel). 2: niets vergeleken.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Argument(help: "De vorige agenda (met --editions: de map met de vorige edities).")
    var old: String

    @Argument(help: "De nieuwe agenda of het concept ervan (met --editions: de map met de nieuwe edities).")
    var new: String

    @Flag(name: .long, help: "Vergelijk twee mappen met edities, per sector gekoppeld.")
    var editions = false

    @Option(name: .long, help: "Uitvoer: text, json of csv (csv alleen met --editions).")
    var format: Format = .text

    @Option(name: .long, help: "Scheidingsteken voor csv: comma of semicolon (Nederlandse Excel).")
    var csvDelimiter: CSVReport.Delimiter = .comma

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
            if editions { return try runEditions(rubric: rubric, lang: lang) }
            if format == .csv {
                throw CLIError(message: lang.pick("--format csv hoort bij --editions", "--format csv goes with --editions"), exitCode: 2)
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
            case .json, .csv: try Output.emit(comparison.json(lang), to: out)
            }
            if comparison.verdict != .buildsOn { throw ExitCode(1) }
        } catch let error as CLIError {
            Output.error(lang.pick("fout: ", "error: ") + error.message)
            throw ExitCode(error.exitCode)
        }
    }

    func runEditions(rubric: Rubric, lang: Language) throws {
        for folder in [old, new] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw CLIError(message: "\(folder): " + lang.pick("geen map", "not a folder"), exitCode: 2)
            }
        }
        let table = EditionTable.build(old: old, new: new, rubric: rubric, lang: lang)
        switch format {
        case .text: try Output.emit(table.text(lang), to: out)
        case .csv: try Output.emit(table.csv(lang, delimiter: csvDelimiter), to: out)
        case .json: try Output.emit(table.json(lang), to: out)
        }
        for row in table.rows where row.error != nil { Output.error(lang.pick("fout: ", "error: ") + row.error!) }
        for failure in table.failures { Output.error(lang.pick("fout: ", "error: ") + failure.message) }
        if !table.rows.contains(where: { $0.comparison != nil }) { throw ExitCode(2) }
        if !table.complete { throw ExitCode(1) }
    }
}
