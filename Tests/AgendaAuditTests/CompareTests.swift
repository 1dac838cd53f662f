import Foundation
import Testing
@testable import AgendaAudit

/// `compare OLD NEW` on three next editions of one old agenda (drafts/edities/), written for the test: one reports
/// on every old goal, one on the jobs target only, one ignores the old agenda.
@Suite("compare: did the new agenda build on the old one?")
struct CompareTests {
    static func comparison(_ new: String) throws -> EditionComparison {
        let pipeline = Pipeline(rubric: Repo.rubric)
        let old = pipeline.audit(try Ingest.load(path: Repo.path("drafts/edities/vorige-2023-2024.txt")))
        let next = pipeline.audit(try Ingest.load(path: Repo.path("drafts/edities/\(new)")))
        return try #require(EditionComparison(old: old, new: next))
    }

    @Test func everyOldGoalReportedOn() throws {
        let c = try Self.comparison("nieuw-alles.txt")
        #expect(c.goals.map(\.goal.text) == ["tien veiligheidsregio's", "50 werkplekbegeleiders", "acht netwerkbijeenkomsten voor hr-adviseurs",
                                             "180 banen voor de doelgroep"])
        #expect(c.goals.map { $0.report?.text } == ["twaalf regio's", "31 begeleiders", "zes netwerkbijeenkomsten", "152 banen voor de doelgroep"])
        // "In 2023 en 2024 zijn 31 begeleiders opgeleid" is dated by its first year: the same object, not near the horizon.
        #expect(c.goals.map(\.rule) == ["same-object+horizon", "same-object", "same-object+horizon", "same-object+horizon"])
        #expect(c.bottlenecks.count == 1 && c.bottlenecks[0].tiedToActivity)
        #expect(c.verdict == .buildsOn)
    }

    @Test func someGoalsReportedOn() throws {
        let c = try Self.comparison("nieuw-deels.txt")
        #expect(c.goals.map { $0.report?.text } == [nil, nil, nil, "152 banen voor de doelgroep"])
        #expect(c.verdict == .partly)
        #expect(c.added.contains("meet-and-greets") && c.dropped.contains("training-begeleiders"))
        let text = c.text(.nl).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("niet gerapporteerd: de nieuwe agenda zegt niet wat er van '50 werkplekbegeleiders' terechtkwam."))
    }

    @Test func oldAgendaIgnored() throws {
        let c = try Self.comparison("nieuw-niets.txt")
        #expect(c.reportedOn == 0 && c.goals.count == 4)
        #expect(c.verdict == .not)
        #expect(!c.advice(.nl).isEmpty)
    }

    @Test func commandExitCodesJsonAndEnglish() throws {
        let old = Repo.path("drafts/edities/vorige-2023-2024.txt")
        let all = try runTool(["compare", old, Repo.path("drafts/edities/nieuw-alles.txt")])
        #expect(all.status == 0)
        #expect(all.stdout.hasPrefix("Oordeel: BOUWT VOORT OP DE VORIGE AGENDA"))
        let none = try runTool(["compare", old, Repo.path("drafts/edities/nieuw-niets.txt"), "--format", "json", "--lang", "en"])
        #expect(none.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(none.stdout.utf8)) as? [String: Any])
        #expect(json["verdict"] as? String == "not")
        #expect((json["headline"] as? String)?.hasPrefix("Does not build") == true)
        let missing = try runTool(["compare", old, "/nonexistent/agenda.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/agenda.txt"))
    }
}
