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
        // "In 2023 en 2024 zijn 31 begeleiders opgeleid" is dated by both years of its clause: near the goal's horizon (eind 2024).
        #expect(c.goals.map(\.rule) == ["same-object+horizon", "same-object+horizon", "same-object+horizon", "same-object+horizon"])
        // 31 of 50 supervisors is short, and the new edition explains it (a bottleneck with a remedy).
        #expect(c.goals.map(\.reached) == [true, false, false, false])
        #expect(!c.unexplainedShortfall)
        #expect(c.bottlenecks.count == 1 && c.bottlenecks[0].tiedToActivity)
        #expect(c.verdict == .buildsOn)
    }

    @Test func someGoalsReportedOn() throws {
        let c = try Self.comparison("nieuw-deels.txt")
        #expect(c.goals.map { $0.report?.text } == [nil, nil, nil, "152 banen voor de doelgroep"])
        #expect(c.verdict == .partly)
        // 152 of 180 jobs, and no bottleneck named: the shortfall is not explained.
        #expect(c.unexplainedShortfall)
        #expect(c.advice(.nl).contains { $0.hasPrefix("Zeg bij elk doel dat niet gehaald is waarom") })
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

    /// Rows of a goal-versus-realisation table in the new edition are results: drafts/stijl-tabel.txt reports on the
    /// three goals of drafts/edities/omgevingsdiensten-2023-2024.txt in its table only.
    @Test func tableRowsAreResults() throws {
        let pipeline = Pipeline(rubric: Repo.rubric)
        let old = pipeline.audit(try Ingest.load(path: Repo.path("drafts/edities/omgevingsdiensten-2023-2024.txt")))
        let next = pipeline.audit(try Ingest.load(path: Repo.path("drafts/stijl-tabel.txt")))
        let c = try #require(EditionComparison(old: old, new: next))
        #expect(c.goals.map { $0.report?.text } == ["23 diensten", "41 begeleiders", "118 banen"])
        #expect(c.goals.allSatisfy { $0.report?.fromTable == true && $0.rule == "same-object+horizon+figure" })
        #expect(c.goals.map(\.reached) == [true, false, false])
        #expect(c.verdict == .buildsOn)
        // The evidence quotes both agendas: the old goal's sentence and the new table row.
        let text = c.text(.nl)
        #expect(text.contains("Eind 2024 hebben we 60 werkplekbegeleiders opgeleid."))
        #expect(text.contains("Werkplekbegeleiders opgeleid | 60 begeleiders | 41 begeleiders"))
        #expect(text.contains("doel 60, gerapporteerd 41: niet gehaald"))
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
