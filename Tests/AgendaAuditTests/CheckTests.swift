import Foundation
import Testing
@testable import AgendaAudit

/// `check` on the two drafts kept apart from the twelve agendas: the model
/// draft completes the cycle, the weak one does not (drafts/expected.json).
@Suite("check: the model and the weak draft")
struct CheckTests {
    struct Expected: Decodable {
        let cycle: [String: String]
        /// The two model drafts only.
        let actionTypes: [String]?
        /// The drafts in other styles: the verdict a careful reader of DOMAIN.md gives.
        let ready: Bool?
    }

    static let expected: [String: Expected] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: Repo.path("drafts/expected.json")))
        return try! JSONDecoder().decode([String: Expected].self, from: data)
    }()

    @Test(arguments: ["voorbeeld-goed.txt", "voorbeeld-zwak.txt"])
    func draftMatchesItsIntendedCycle(_ file: String) throws {
        let document = try Ingest.load(path: Repo.path("drafts/\(file)"))
        let audit = Pipeline(rubric: Repo.rubric).audit(document)
        let expected = try #require(Self.expected[file])
        for (element, status) in expected.cycle {
            #expect(audit.cycle?.status(CycleElement(rawValue: element)!).rawValue == status, "\(file) \(element)")
        }
        #expect(audit.coded.actionTypes == expected.actionTypes)
    }

    /// Drafts in four other styles, their cycle labelled from DOMAIN.md §4 before the tool was run on them:
    /// a goals-versus-realisation table (ready), a look back without new goals, goals without any look back,
    /// and a draft whose only "monitoring" is an announcement (none of these three ready).
    @Test(arguments: ["stijl-tabel.txt", "stijl-terugblik.txt", "stijl-alleen-doelen.txt", "stijl-aankondiging.txt"])
    func draftInAnotherStyleGetsTheReadersVerdict(_ file: String) throws {
        let document = try Ingest.load(path: Repo.path("drafts/\(file)"))
        let audit = Pipeline(rubric: Repo.rubric).audit(document)
        let expected = try #require(Self.expected[file])
        for (element, status) in expected.cycle.sorted(by: { $0.key < $1.key }) {
            #expect(audit.cycle?.status(CycleElement(rawValue: element)!).rawValue == status, "\(file) \(element)")
        }
        let report = try #require(CheckReport(audit: audit, rubric: Repo.rubric))
        #expect(report.isReady == expected.ready, "\(file): \(report.verdict(.nl).reason)")
    }

    @Test func verdictExitCodesAndAdvice() throws {
        let good = try runTool(["check", Repo.path("drafts/voorbeeld-goed.txt")])
        #expect(good.status == 0)
        #expect(good.stdout.hasPrefix("Oordeel: KLAAR OM IN TE DIENEN"))

        let weak = try runTool(["check", Repo.path("drafts/voorbeeld-zwak.txt")])
        #expect(weak.status == 1)
        let lines = weak.stdout.split(separator: "\n")
        #expect(lines.first == "Oordeel: NOG NIET KLAAR OM IN TE DIENEN")
        #expect(weak.stdout.contains("Wat ontbreekt, en hoe u het schrijft"))
        // The weak draft names no period: the example is dated from today's date.
        #expect(weak.stdout.contains("Bijvoorbeeld: \"In \(CycleText.defaultExampleYear()) benaderen we ten minste 20 werkgevers"))
        #expect(weak.stdout.contains("Aanbevolen door de studie, nog niet in de agenda"))

        let english = try runTool(["check", Repo.path("drafts/voorbeeld-zwak.txt"), "--lang", "en", "--format", "json"])
        #expect(english.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(english.stdout.utf8)) as! [String: Any]
        #expect(json["ready"] as? Bool == false)
        #expect(json["verdict"] as? String == "Not ready to submit yet")
        let missing = (json["missing"] as! [[String: Any]]).map { $0["element"] as! String }
        #expect(missing.contains("measurable-goals") && missing.contains("problem-analysis"))

        // A draft with a placeholder for the number is told to fill it in, quoting it.
        let draft = FileManager.default.temporaryDirectory.appendingPathComponent("concept-plaatshouder-\(UUID().uuidString).txt")
        try Data("Werkagenda 2025-2026\n\nWe realiseren in 2026 X aantal nieuwe banen.\n".utf8).write(to: draft)
        defer { try? FileManager.default.removeItem(at: draft) }
        let placeholder = try runTool(["check", draft.path])
        #expect(placeholder.stdout.contains("Banendoel — deels"))
        #expect(placeholder.stdout.contains("Vul het aantal in waar nu een plaatshouder staat (‘X aantal nieuwe banen’)"))

        let unreadable = try runTool(["check", "/nonexistent/concept.txt"])
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.contains("/nonexistent/concept.txt"))
    }
}
