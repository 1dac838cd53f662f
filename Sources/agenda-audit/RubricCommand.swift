import AgendaAudit
import ArgumentParser
import Foundation

struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Controleer of exporteer het codeboek.",
        subcommands: [Lint.self, Export.self])

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
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
            out += findings.map(\.description)
            try Output.emit(out.joined(separator: "\n") + "\n", to: nil)
            if findings.contains(where: { $0.kind == .duplicate || $0.kind == .unreachable }) { throw ExitCode(1) }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
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
                let (text, skipped) = RubricTools.liwc(rubric)
                try Output.emit(text, to: out)
                if !skipped.isEmpty {
                    Output.error(lang.pick("let op: LIWC kent geen * aan het begin van een woord; weggelaten: ",
                                           "note: LIWC has no * at the start of a word; left out: ") + skipped.joined(separator: ", "))
                }
            case .quanteda:
                try Output.emit(RubricTools.quanteda(rubric), to: out)
            }
        }
    }
}
