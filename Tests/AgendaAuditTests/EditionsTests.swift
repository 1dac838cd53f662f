import Foundation
import Testing
@testable import AgendaAudit

/// The bundled agendas paired with next editions written for the test (agendas-volgende/), labelled in
/// agendas-volgende/expected.json before the tool was run on them; `check --previous`; `compare --editions`.
@Suite("compare: next editions of the bundled agendas, check --previous, --editions")
struct EditionsTests {
    struct Label: Decodable {
        struct Goal: Decodable {
            let value: Double
            let object: String
            let quote: String
            let report: String?
        }
        let old: String
        let verdict: String
        let goals: [Goal]
    }

    static let labels: [String: Label] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: Repo.path("agendas-volgende/expected.json")))
        var object = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        object["_about"] = nil
        let clean = try! JSONSerialization.data(withJSONObject: object)
        return try! JSONDecoder().decode([String: Label].self, from: clean)
    }()

    static func comparison(_ file: String) throws -> EditionComparison {
        let label = try #require(labels[file])
        let pipeline = Pipeline(rubric: Repo.rubric)
        let old = pipeline.audit(try Ingest.load(path: Repo.path("agendas/\(label.old)")))
        let new = pipeline.audit(try Ingest.load(path: Repo.path("agendas-volgende/\(file)")))
        return try #require(EditionComparison(old: old, new: new))
    }

    /// The tool's goals that stand for a labelled goal: the figure's words inside the label's quote, or the same
    /// number counting the same lemma (a goal restated in a plan table).
    static func toolGoals(for goal: Label.Goal, in c: EditionComparison) -> [EditionComparison.GoalLink] {
        c.goals.filter { link in
            goal.quote.lowercased().contains(link.goal.text.lowercased()) || link.goal.value == goal.value && link.goal.object == goal.object
        }
    }

    /// Where the tool disagrees with the labels, found when the tool was first run on them (labels unchanged):
    /// file and the label's quote, with the cause.
    static let knownDisagreements: [String: String] = [:]

    @Test(arguments: ["defensie.txt", "politie.txt", "universiteiten.txt", "rijk.txt", "gemeenten.txt"])
    func goalsLinkedAsLabelled(file: String) throws {
        let label = try #require(Self.labels[file])
        let c = try Self.comparison(file)
        for goal in label.goals {
            let links = Self.toolGoals(for: goal, in: c)
            let check = {
                #expect(!links.isEmpty, "\(file): the tool does not read '\(goal.quote)' as a goal")
                let reports = links.compactMap(\.report)
                if let expected = goal.report {
                    #expect(reports.contains { $0.text.lowercased().contains(expected.lowercased()) },
                            "\(file): '\(goal.quote)' should be linked to '\(expected)', tool: \(reports.map(\.text))")
                } else {
                    #expect(reports.isEmpty, "\(file): '\(goal.quote)' is not reported on, tool links \(reports.map(\.text))")
                }
            }
            if let cause = Self.knownDisagreements["\(file)|\(goal.quote)"] {
                withKnownIssue(Comment(rawValue: cause)) { check() }
            } else {
                check()
            }
        }
    }

    @Test(arguments: ["defensie.txt", "politie.txt", "universiteiten.txt", "rijk.txt", "gemeenten.txt"])
    func verdictAsLabelled(file: String) throws {
        let label = try #require(Self.labels[file])
        let c = try Self.comparison(file)
        #expect(c.verdict.rawValue == label.verdict)
    }

    /// Every link's evidence quotes both agendas: the old goal's sentence and the new result's.
    @Test func evidenceQuotesBothAgendas() throws {
        let c = try Self.comparison("defensie.txt")
        let json = try #require(try JSONSerialization.jsonObject(with: c.json(.nl)) as? [String: Any])
        let goals = try #require(json["goals"] as? [[String: Any]])
        let linked = goals.filter { $0["reportedOn"] as? Bool == true }
        #expect(linked.count == c.reportedOn && !linked.isEmpty)
        for goal in linked {
            let evidence = try #require(goal["evidence"] as? [String])
            #expect(evidence.count == 2)
            // Each quote is words of its agenda that hold the linked figure.
            let goalText = try #require((goal["goal"] as? [String: Any])?["text"] as? String)
            let reportText = try #require((goal["report"] as? [String: Any])?["text"] as? String)
            #expect(evidence[0].contains(goalText) && evidence[1].contains(reportText))
            let bare = { (quote: String) in quote.trimmingCharacters(in: CharacterSet(charactersIn: "…")) }
            #expect(c.old.document.passages.contains { $0.text.replacingOccurrences(of: "\n", with: " ").contains(bare(evidence[0])) })
            #expect(c.new.document.passages.contains { $0.text.replacingOccurrences(of: "\n", with: " ").contains(bare(evidence[1])) })
        }
    }

    // MARK: check --previous

    @Test func checkFoldsInTheLookBack() throws {
        let pipeline = Pipeline(rubric: Repo.rubric)
        let draft = pipeline.audit(try Ingest.load(path: Repo.path("drafts/stijl-tabel.txt")))
        let own = pipeline.audit(try Ingest.load(path: Repo.path("drafts/edities/omgevingsdiensten-2023-2024.txt")))
        // Another sector's agenda (its goal: 6.200 jobs by the end of 2025; the national 125.000 it quotes is no goal of its own).
        let other = pipeline.audit(try Ingest.load(path: Repo.path("agendas/rijk.xhtml")))
        let alone = try #require(CheckReport(audit: draft, rubric: Repo.rubric))
        #expect(alone.isReady && alone.previous == nil)
        // Its own previous edition: every goal reported on in the table, still ready.
        let builds = try #require(CheckReport(audit: draft, rubric: Repo.rubric, previous: own))
        #expect(builds.isReady)
        #expect(builds.verdict(.nl).reason.contains("De agenda bouwt voort op de vorige agenda: over 3 van de 3 doelen"))
        // An earlier agenda whose goals it ignores: the cycle is complete, but it is not ready.
        let ignores = try #require(CheckReport(audit: draft, rubric: Repo.rubric, previous: other))
        #expect(!ignores.isReady)
        #expect(ignores.verdict(.nl).headline == "Nog niet klaar om in te dienen")
        #expect(ignores.verdict(.nl).reason.hasPrefix("De cyclus is rond. De agenda bouwt niet voort op de vorige agenda: over 0 van de 1 doelen"))
        let text = ignores.text(.nl)
        #expect(text.contains("Terugblik op de vorige agenda"))
        #expect(text.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(
            "Let op: de titels verschillen ('Werkagenda banenafspraak Rijk 2023-2024' en 'Werkagenda banenafspraak Omgevingsdiensten 2025-2026')."))
        #expect(!builds.text(.nl).contains("Let op: de titels"))
        #expect(text.contains("Zet elk doel van de vorige agenda naast wat er gerealiseerd is."))
        #expect(ignores.verdict(.en).reason.contains("The agenda does not build on the previous agenda: 0 of the 1 goals"))
    }

    @Test func checkPreviousCommand() throws {
        let draft = Repo.path("drafts/stijl-tabel.txt")
        let ready = try runTool(["check", draft, "--previous", Repo.path("drafts/edities/omgevingsdiensten-2023-2024.txt")])
        #expect(ready.status == 0)
        #expect(ready.stdout.hasPrefix("Oordeel: KLAAR OM IN TE DIENEN"))
        let not = try runTool(["check", draft, "--previous", Repo.path("agendas/rijk.xhtml"), "--format", "json", "--lang", "en"])
        #expect(not.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(not.stdout.utf8)) as? [String: Any])
        #expect(json["ready"] as? Bool == false)
        let previous = try #require(json["previous"] as? [String: Any])
        #expect(previous["verdict"] as? String == "not" && previous["sameTitle"] as? Bool == false)
        #expect((json["reason"] as? String)?.contains("does not build on the previous agenda") == true)
        let missing = try runTool(["check", draft, "--previous", "/nonexistent/vorige.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/vorige.txt"))
        #expect(missing.stdout.isEmpty)
    }

    // MARK: the web check's previous agenda

    static func multipart(_ fields: [(name: String, filename: String?, data: Data)], boundary: String) -> Data {
        var body = Data()
        for field in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field.name)\"".utf8))
            if let filename = field.filename { body.append(Data("; filename=\"\(filename)\"\r\nContent-Type: text/plain".utf8)) }
            body.append(Data("\r\n\r\n".utf8))
            body.append(field.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return body
    }

    @Test func webCheckTakesAPreviousAgenda() throws {
        let web = WebCheck(rubric: Repo.rubric)
        let start = String(decoding: web.handle(method: "GET", path: "/", contentType: nil, body: Data()).body, as: UTF8.self)
        #expect(start.contains("name=\"previous\"") && start.contains("name=\"previousText\""))
        let draft = try Data(contentsOf: URL(fileURLWithPath: Repo.path("drafts/edities/nieuw-deels.txt")))
        let previous = try Data(contentsOf: URL(fileURLWithPath: Repo.path("drafts/edities/vorige-2023-2024.txt")))
        let boundary = "grens123"
        func post(_ fields: [(name: String, filename: String?, data: Data)]) -> (Int, String) {
            let reply = web.handle(method: "POST", path: "/check", contentType: "multipart/form-data; boundary=\(boundary)",
                                   body: Self.multipart(fields, boundary: boundary))
            return (reply.status, String(decoding: reply.body, as: UTF8.self))
        }
        // Uploaded previous agenda: the look-back section with every old goal.
        let (status, page) = post([("file", "nieuw.txt", draft), ("previous", "vorige.txt", previous)])
        #expect(status == 200)
        #expect(page.contains("id=\"previous\""))
        #expect(page.contains("Bouwt deels voort op de vorige agenda"))
        #expect(page.components(separatedBy: "data-reported=\"false\"").count - 1 == 3)
        #expect(page.components(separatedBy: "data-reported=\"true\"").count - 1 == 1)
        // Pasted previous agenda, in English.
        let (_, pasted) = post([("lang", nil, Data("en".utf8)), ("file", "nieuw.txt", draft), ("previousText", nil, previous)])
        #expect(pasted.contains("Partly builds on the previous agenda"))
        // Without one: no look-back.
        let (_, alone) = post([("file", "nieuw.txt", draft)])
        #expect(!alone.contains("id=\"previous\""))
        // A previous agenda of a type the check cannot read: a friendly page, not a result.
        let (refused, message) = post([("file", "nieuw.txt", draft), ("previous", "vorige.odt", Data([0x50, 0x4B, 0x03, 0x04]))])
        #expect(refused == 415 && message.contains("vorige agenda"))
    }

    // MARK: compare --editions

    @Test func editionsTableTextCsvJson() throws {
        let text = try runTool(["compare", "--editions", Repo.path("agendas"), Repo.path("agendas-volgende")])
        #expect(text.status == 0)
        let rows = text.stdout.split(separator: "\n").map(String.init)
        let row = { (sector: String) in rows.first { $0.hasPrefix(sector + " ") } ?? "" }
        // Rijk: one goal (6.200 jobs), as labelled; the national agreement quoted in the agenda ("... afgesproken dat er
        // tot 2026 125.000 extra banen komen") is no goal of its own (`cycle.agreementTotals`).
        #expect(row("rijk").hasSuffix("0/1         3      0          6  niet"))
        #expect(row("universiteiten").contains("1/1") && row("universiteiten").hasSuffix("bouwt voort"))
        #expect(row("defensie").hasSuffix("deels"))
        // The seven bundled agendas without a next edition are named.
        #expect(text.stdout.contains("vorige editie, geen nieuwe: \(Repo.path("agendas"))/hbo.txt"))
        #expect(rows.filter { $0.hasPrefix("  vorige editie, geen nieuwe: ") }.count == 7)

        let csv = try runTool(["compare", "--editions", Repo.path("agendas"), Repo.path("agendas-volgende"), "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines[0].prefix(6) == ["sector", "old", "new", "paired_by", "goals_reported", "goals_total"])
        let rijk = try #require(lines.first { $0.first == "rijk" })
        #expect(rijk[3] == "name" && rijk[4] == "0" && rijk[5] == "1" && rijk[14] == "not")
        #expect(lines.count == 1 + 5 + 7)

        let json = try runTool(["compare", "--editions", Repo.path("agendas"), Repo.path("agendas-volgende"), "--format", "json", "--lang", "en"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let jsonRows = try #require(object["rows"] as? [[String: Any]])
        #expect(jsonRows.map { $0["sector"] as? String } == ["defensie", "gemeenten", "politie", "rijk", "universiteiten"])
        let politie = try #require(jsonRows.first { $0["sector"] as? String == "politie" })
        #expect(politie["verdict"] as? String == "builds-on")
        #expect(((politie["comparison"] as? [String: Any])?["goals"] as? [Any])?.count == 1)
    }

    /// Pairing by title when the names differ; an unreadable file gives its error and the other pairs go on.
    @Test func editionsPairByTitleAndSurviveABadFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("editions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: Repo.path("agendas-volgende/rijk.txt"), toPath: folder.appendingPathComponent("rijksoverheid-2025.txt").path)
        try FileManager.default.copyItem(atPath: Repo.path("agendas-volgende/universiteiten.txt"), toPath: folder.appendingPathComponent("universiteiten.txt").path)
        try Data("PK\u{3}\u{4}kapot".utf8).write(to: folder.appendingPathComponent("politie.docx"))
        try Data("Werkagenda banenafspraak Waterschappen 2025-2026\n\nWe gaan door.\n".utf8).write(to: folder.appendingPathComponent("nieuw.txt"))
        let table = EditionTable.build(old: Repo.path("agendas"), new: folder.path, rubric: Repo.rubric, lang: .nl)
        #expect(table.rows.map(\.sector) == ["nieuw", "politie", "rijksoverheid-2025", "universiteiten"])
        #expect(table.rows.map(\.pairedBy) == ["title", "name", "title", "name"])
        let politie = try #require(table.rows.first { $0.sector == "politie" })
        #expect(politie.comparison == nil && politie.error?.hasPrefix(folder.appendingPathComponent("politie.docx").path + ": ") == true)
        #expect(table.rows.filter { $0.comparison != nil }.count == 3)
        #expect(!table.complete)
        let run = try runTool(["compare", "--editions", Repo.path("agendas"), folder.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("politie.docx"))
        #expect(run.stdout.contains("rijksoverheid-2025"))
        let notFolder = try runTool(["compare", "--editions", Repo.path("agendas"), "/nonexistent/folder"])
        #expect(notFolder.status == 2 && notFolder.stderr.contains("/nonexistent/folder"))
    }
}
