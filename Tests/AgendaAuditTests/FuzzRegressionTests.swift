import Foundation
import Testing
@testable import AgendaAudit

/// Every input the fuzzer found a problem with (Tests/Fixtures/fuzz/) and the
/// hostile seeds it starts from (Fuzz/seeds/), read as each type the way
/// Sources/agenda-audit-fuzz does: each either fails with an `IngestError` or
/// gives a document whose offsets hold, and then codes, cycle-checks and
/// renders the check report without trapping.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folders = ["Tests/Fixtures/fuzz", "Fuzz/seeds"]
    static let formats = ["txt", "xhtml", "html", "docx"]

    static let inputs: [String] = folders.flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: Repo.path(folder))) ?? []).sorted().map { "\(folder)/\($0)" }
    }

    /// What the inputs found by fuzzing must give as .docx (they crashed or leaked before).
    static let expectedWordErrors: [String: IngestError] = [
        // The two bytes "PK": no zip end record (the in-memory archive leaked).
        "Tests/Fixtures/fuzz/leak-zip-without-end-record.docx": .unreadableDocument(detail: "not-a-zip"),
        // A bare end record whose central directory lies past the end (the in-memory archive trapped).
        "Tests/Fixtures/fuzz/crash-zip-offset-past-end.docx": .unreadableDocument(detail: "no-document-part"),
    ]

    static let pipeline = Pipeline(rubric: Repo.rubric)

    @Test func corpusIsPresent() {
        for path in Self.expectedWordErrors.keys { #expect(Self.inputs.contains(path)) }
        #expect(Self.inputs.filter { $0.hasPrefix("Fuzz/seeds/") }.count >= 10)
    }

    @Test func regressionsGiveTheirErrors() throws {
        for (path, expected) in Self.expectedWordErrors {
            let data = try Data(contentsOf: URL(fileURLWithPath: Repo.path(path)))
            #expect(throws: expected) { try Ingest.parse(data: data, path: path, ext: "docx") }
        }
    }

    @Test(arguments: FuzzRegressionTests.inputs)
    func survivesEveryReader(_ path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repo.path(path)))
        var parsed = 0
        for ext in Self.formats {
            let document: Document
            do {
                document = try Ingest.parse(data: data, path: path, ext: ext)
            } catch {
                // Typed throws: only an IngestError gets here; it must be explainable in both languages.
                #expect(!error.message(.nl).isEmpty && !error.message(.en).isEmpty, "\(path) as \(ext)")
                continue
            }
            parsed += 1
            Self.checkOffsets(document, "\(path) as \(ext)")
            let audit = Self.pipeline.audit(document)
            Self.checkEvidence(audit, "\(path) as \(ext)")
            let report = try #require(CheckReport(audit: audit, rubric: Repo.rubric))
            #expect(!report.text(.nl).isEmpty)
            #expect(!report.text(.en).isEmpty)
            _ = try report.json(.nl)
        }
        // Text seeds parse as .txt at least (but blank lines only and a NUL byte), the minimal-* .docx seeds as .docx.
        if path.contains("minimal-") || (path.hasSuffix(".txt") && !path.hasSuffix("empty-lines.txt") && !path.hasSuffix("nul-byte.txt")) {
            #expect(parsed > 0, "\(path) parsed as nothing")
        }
    }

    /// Passages and headings lie inside the text, passages in order and slicing out their own text.
    static func checkOffsets(_ document: Document, _ label: String) {
        for problem in document.offsetProblems() { Issue.record("\(label): \(problem)") }
    }

    /// Code and cycle evidence lies inside the passage it belongs to.
    static func checkEvidence(_ audit: AuditedAgenda, _ label: String) {
        for problem in audit.evidenceProblems() { Issue.record("\(label): \(problem)") }
    }
}
