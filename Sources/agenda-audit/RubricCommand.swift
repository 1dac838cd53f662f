import AgendaAudit
import ArgumentParser
import Foundation

struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Controleer of exporteer het codeboek.",
        subcommands: [Lint.self, Export.self])

    struct Lint: ParsableCommand {
        // Lint and Export name themselves: otherwise ArgumentParser derives their names from the type names
        // (String(describing:), runtime reflection) at the start of every command, `check` too.
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Valideer het codeboek en meld dubbele, overbodige en onbereikbare termen.",
            discussion: "Exitcode 0: geen dubbele of onbereikbare termen. 1: wel. 2: het codeboek kan niet worden geladen.")

        @Flag(name: .long, help: "Meld ook termen die bij meerdere codes horen.")
        var overlaps = false

        @OptionGroup var common: CommonOptions

        func run() throws {
            let lang = common.lang
            let rubric = try common.loadRubricOrExit()
            let findings = RubricTools.lint(rubric).filter { overlaps || $0.kind != .overlap }
            var out = [lang.pick("Codeboek \(rubric.name) (\(rubric.version)): \(rubric.codes.count) codes, geldig.",
                                 "Rubric \(rubric.name) (\(rubric.version)): \(rubric.codes.count) codes, valid.")]
            if findings.isEmpty {
                out.append(lang.pick("Geen dubbele, overbodige of onbereikbare termen.", "No duplicate, redundant or unreachable terms."))
            }
            out += findings.map { $0.message(lang) }
            try Output.emit(out.joined(separator: "\n") + "\n", to: nil)
            if findings.contains(where: { $0.kind == .duplicate || $0.kind == .unreachable }) { throw ExitCode(1) }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Schrijf het codeboek als LIWC-woordenboek (.dic) of quanteda-woordenboek (YAML).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case liwc, quanteda }

        @Option(name: .long, help: "liwc of quanteda.")
        var format: Format

        @Option(name: .long, help: "Schrijf naar dit bestand.")
        var out: String?

        @OptionGroup var common: CommonOptions

        func run() throws {
            let lang = common.lang
            let rubric = try common.loadRubricOrExit()
            switch format {
            case .liwc:
                // The bundled agendas beside the rubric give the word forms a leading `*` stands for.
                let rubricPath = try RubricLocator.locate(explicit: common.rubric)
                let corpusFolder = URL(fileURLWithPath: rubricPath).deletingLastPathComponent().appendingPathComponent("agendas").path
                var corpus: [String] = []
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: corpusFolder, isDirectory: &isFolder), isFolder.boolValue {
                    for input in Auditor.expand([corpusFolder]) where input.problem == nil {
                        if let document = try? Ingest.load(path: input.path) { corpus.append(document.text) }
                    }
                }
                let (text, expansions) = RubricTools.liwc(rubric, corpus: corpus)
                try Output.emit(text, to: out)
                guard !expansions.isEmpty else { return }
                // On the terminal: standard output when the dictionary went to a file, else standard error.
                var note = [lang.pick(
                    "LIWC kent geen * aan het begin of midden van een woord. \(expansions.count) termen zijn uitgeschreven "
                        + (corpus.isEmpty ? "(geen map agendas/ naast het codeboek gevonden):" : "naar de vormen in \(corpusFolder):"),
                    "LIWC has no * at the start or inside a word. \(expansions.count) terms were written out "
                        + (corpus.isEmpty ? "(no agendas/ folder found beside the rubric):" : "as the forms in \(corpusFolder):"))]
                for expansion in expansions {
                    note.append("  \(expansion.term) → " + (expansion.forms.isEmpty
                        ? lang.pick("weggelaten (geen vorm gevonden)", "left out (no form found)")
                        : expansion.forms.joined(separator: ", ")))
                }
                let message = note.joined(separator: "\n") + "\n"
                if out != nil { try Output.emit(message, to: nil) } else { Output.error(String(message.dropLast())) }
            case .quanteda:
                try Output.emit(RubricTools.quanteda(rubric), to: out)
            }
        }
    }
}
