import Foundation
import Testing
@testable import AgendaAudit

/// `check` on the two drafts kept apart from the twelve agendas: the model
/// draft completes the cycle, the weak one does not (drafts/expected.json).
@Suite("check: the model and the weak draft")
struct CheckTests {
    struct Expected: Decodable {
        let cycle: [String: String]
        let actionTypes: [String]
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

    @Test func verdictExitCodesAndAdvice() throws {
        let good = try runTool(["check", Repo.path("drafts/voorbeeld-goed.txt")])
        #expect(good.status == 0)
        #expect(good.stdout.hasPrefix("Oordeel: KLAAR OM IN TE DIENEN"))

        let weak = try runTool(["check", Repo.path("drafts/voorbeeld-zwak.txt")])
        #expect(weak.status == 1)
        let lines = weak.stdout.split(separator: "\n")
        #expect(lines.first == "Oordeel: NOG NIET KLAAR OM IN TE DIENEN")
        #expect(weak.stdout.contains("Wat ontbreekt, en hoe je het schrijft"))
        #expect(weak.stdout.contains("Bijvoorbeeld: \"In 2025 benaderen we ten minste 20 werkgevers"))
        #expect(weak.stdout.contains("Aanbevolen door de studie, nog niet in de agenda"))

        let english = try runTool(["check", Repo.path("drafts/voorbeeld-zwak.txt"), "--lang", "en", "--format", "json"])
        #expect(english.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(english.stdout.utf8)) as! [String: Any]
        #expect(json["ready"] as? Bool == false)
        #expect(json["verdict"] as? String == "Not ready to submit yet")
        let missing = (json["missing"] as! [[String: Any]]).map { $0["element"] as! String }
        #expect(missing.contains("measurable-goals") && missing.contains("problem-analysis"))

        let unreadable = try runTool(["check", "/nonexistent/concept.txt"])
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.contains("/nonexistent/concept.txt"))
    }
}
