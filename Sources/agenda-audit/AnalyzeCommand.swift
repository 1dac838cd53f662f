import AgendaAudit
import ArgumentParser
import Foundation

/// The language layer's reading of one document (for checking it against Frog).
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Toon hoe de taallaag een document leest: woordsoort, lemma, zin en deelzin per woord.",
        discussion: "--format text geeft de tekst van de passages (invoer voor Frog); tsv één regel per woord.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case tsv, text }

    @Argument(help: "Een werkagenda (.txt, .xhtml, .html, .docx).")
    var file: String

    @Option(name: .long, help: "tsv of text.")
    var format: Format = .tsv

    @OptionGroup var common: CommonOptions

    func run() throws {
        try reportingErrors(common.lang) {
            let rubric = try common.loadRubric()
            let document: Document
            do {
                document = try Ingest.load(path: file)
            } catch let error as IngestError {
                throw CLIError(message: error.message(common.lang), exitCode: 2)
            }
            switch format {
            case .text:
                try Output.emit(AnalysisReport.text(document), to: nil)
            case .tsv:
                guard let lexicon = rubric.lexicon else {
                    throw CLIError(message: common.lang.pick("het codeboek noemt geen lexicon (language.lexicon)",
                                                             "the rubric names no lexicon (language.lexicon)"), exitCode: 2)
                }
                try Output.emit(AnalysisReport.tsv(document, rubric: rubric, lexicon: lexicon), to: nil)
            }
        }
    }
}
