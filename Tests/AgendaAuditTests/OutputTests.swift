import Foundation
import Testing
@testable import AgendaAudit

/// Issue 14, the audit and check outputs: inputs given twice, skipped
/// files, Word paragraph numbers, the check's warnings and evidence, the
/// Dutch wording, English labels, help texts and the HTML highlighting.
@Suite("Outputs: inputs")
struct OutputInputTests {
    @Test func theSameFileGivenTwiceIsAuditedOnce() throws {
        let folder = TemporaryFolder()
        let a = folder.write("dir/a.txt", CLITests.good)
        let other = folder.url.appendingPathComponent("other").path
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        let link = other + "/link.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: a)
        let dir = folder.url.appendingPathComponent("dir").path
        let result = try runTool(["audit", a, a, dir, link])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("N/1 "))
        // The second `a` and the folder's a.txt (the same path), and the link to it: three notes.
        #expect(result.stderr.components(separatedBy: "\(a): staat twee keer in de invoer; één keer geaudit").count == 3)
        #expect(result.stderr.contains("\(link): is hetzelfde bestand als \(a); één keer geaudit"))
        let (inputs, notes) = Auditor.expandNoting([a, dir + "/", a])
        #expect(inputs.map(\.path) == [a])
        #expect(notes.count == 2)
    }

    @Test func unsupportedDocumentsInAFolderAreNamed() throws {
        let folder = TemporaryFolder()
        folder.write("map/a.txt", CLITests.good)
        folder.write("map/README.md", "# notities")
        folder.write("map/oud.doc", Data([0xD0, 0xCF, 0x11, 0xE0]))
        folder.write("map/concept.odt", Data([0x50, 0x4B, 0x03, 0x04]))
        folder.write("map/notities.rtf", "{\\rtf1 }")
        let map = folder.url.appendingPathComponent("map").path
        let result = try runTool(["audit", map])
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(map)/oud.doc: overgeslagen: het oude Word-formaat .doc wordt niet gelezen; sla het op als .docx"))
        #expect(result.stderr.contains("\(map)/concept.odt: overgeslagen: bestandstype .odt wordt niet gelezen (gelezen worden: .docx"))
        // The list of what is read comes from Ingest.supportedExtensions (a damaged .pdf is read and gets its error: PDFTests).
        #expect(result.stderr.contains("\(map)/notities.rtf: overgeslagen: bestandstype .rtf wordt niet gelezen (gelezen worden: \(Ingest.extensionList(.nl)))"))
        #expect(!result.stderr.contains("README.md"))

        let empty = folder.write("leeg/concept.odt", Data([0x50, 0x4B]))
        _ = empty
        let leeg = folder.url.appendingPathComponent("leeg").path
        let nothing = try runTool(["audit", leeg])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("niets geaudit: geen leesbare werkagenda gevonden in \(leeg)"))
        #expect(nothing.stderr.contains("concept.odt: overgeslagen"))
    }

    @Test func helpListsEveryReadType() throws {
        for command in ["audit", "check"] {
            let help = try runTool([command, "--help"])
            #expect(help.stdout.contains(".docx"), "\(command) --help")
            for ext in Ingest.supportedExtensions where ext != "text" { #expect(help.stdout.contains(".\(ext)"), "\(command) .\(ext)") }
        }
        #expect(Ingest.extensionList(.nl).hasSuffix(" of .htm"))
    }
}

@Suite("Outputs: Word paragraph numbers")
struct OutputDocxTests {
    @Test func docxPassagesCarryTheirParagraphNumber() throws {
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent("concept.docx")
        let body = DocxFixture.paragraph("Werkagenda Proef 2027-2028", style: "Kop1")
            + DocxFixture.paragraph("Via het werkgeversservicepunt werven we kandidaten met een arbeidsbeperking.")
            + "<w:p/>"
            + DocxFixture.table([["Doel", "Realisatie"], ["20 werkgevers", "18 werkgevers"]])
            + DocxFixture.paragraph("In 2027 organiseren we vier netwerkbijeenkomsten om goede voorbeelden te delen.")
        try DocxFixture.make(body, at: url)
        let document = try Ingest.load(path: url.path)
        // Heading 1, paragraph 2, the empty paragraph is not counted, table rows 3-4 and 5-6, paragraph 7.
        #expect(document.passages.map(\.line) == [2, 3, 5, 7])
        #expect(document.place(document.passages[3], .nl) == "alinea 7")
        #expect(document.place(document.passages[3], .en) == "paragraph 7")
        let text = try Ingest.parse(data: Data("Titel\n\nEen zin.\n".utf8), path: "x.txt", ext: "txt")
        #expect(text.place(text.passages[0], .nl) == "regel 3")

        let audit = Pipeline(rubric: Repo.rubric).audit(document)
        let report = try #require(CheckReport(audit: audit, rubric: Repo.rubric))
        let check = report.text(.nl)
        #expect(check.contains("alinea "))
        #expect(!check.contains("regel "))
        let html = HTMLReport.render(AuditResult(rubric: Repo.rubric, outcomes: [.audited(audit)]), lang: .nl)
        #expect(html.contains("p1 · alinea 2"))
    }
}

@Suite("Outputs: check")
struct OutputCheckTests {
    @Test func checkShowsTheWindows1252Warning() throws {
        let folder = TemporaryFolder()
        var bytes = Data("Werkagenda Test\n\nVia het werkgeversservicepunt werven we kandidaten met een arbeidsbeperking; co".utf8)
        bytes.append(0xF6)  // ö in Windows-1252
        bytes.append(contentsOf: Array("rdinatie door het team.\n".utf8))
        let path = folder.write("cp1252.txt", bytes)
        let text = try runTool(["check", path])
        #expect(text.stdout.contains("Let op: tekst is als Windows-1252 gelezen"), "\(text.stdout)")
        let json = try runTool(["check", path, "--format", "json"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let warnings = try #require(object["warnings"] as? [[String: Any]])
        #expect(warnings.first?["code"] as? String == "windows-1252")
    }

    @Test func checkJSONListsEachEvidenceOnce() throws {
        for file in ["voorbeeld-goed.txt", "voorbeeld-zwak.txt", "stijl-tabel.txt", "stijl-terugblik.txt"] {
            let audit = Pipeline(rubric: Repo.rubric).audit(try Ingest.load(path: Repo.path("drafts/\(file)")))
            let report = try #require(CheckReport(audit: audit, rubric: Repo.rubric))
            let object = try #require(JSONSerialization.jsonObject(with: report.json(.nl)) as? [String: Any])
            let cycle = try #require(object["cycle"] as? [String: Any])
            for element in CycleElement.allCases {
                guard let finding = cycle[element.rawValue] as? [String: Any],
                      let evidence = finding["evidence"] as? [[String: Any]] else { continue }
                // No item repeats another or lies within another of the same passage (voorbeeld-goed p8 had
                // "knelpunt" beside the whole bottleneck+remedy sentence that contains it).
                let spans = evidence.map { ($0["passage"] as! String, $0["start"] as! Int, $0["end"] as! Int) }
                for (index, item) in spans.enumerated() {
                    let inside = spans.enumerated().contains { other, covering in
                        other != index && covering.0 == item.0 && covering.1 <= item.1 && item.2 <= covering.2
                    }
                    #expect(!inside, "\(file) \(element): \(item) repeats other evidence")
                }
            }
        }
    }

    @Test func dutchWordingAndExampleYears() throws {
        let weak = Pipeline(rubric: Repo.rubric).audit(try Ingest.load(path: Repo.path("drafts/voorbeeld-zwak.txt")))
        let report = try #require(CheckReport(audit: weak, rubric: Repo.rubric))
        let text = report.text(.nl)
        #expect(text.contains("Wat ontbreekt, en hoe u het schrijft"))
        #expect(!text.contains(" je ") && !text.contains("middenweg"))
        #expect(!text.contains("actietype(n)") && !text.contains("passage(s)"))
        #expect(!text.contains(") ("), "no '(anders dan banen) (aanwezig)'")
        // The example sentences are dated in the draft's period, or else from today's date.
        let year = CycleChecker.periodYear(weak.document) ?? CycleText.defaultExampleYear()
        #expect(report.exampleYear == year)
        #expect(text.contains("Bijvoorbeeld: \"In \(year) benaderen we"))
        let period = try Ingest.parse(data: Data("Werkagenda Proef 2031-2032\n\nWe werven kandidaten.\n".utf8), path: "p.txt", ext: "txt")
        let future = try #require(CheckReport(audit: Pipeline(rubric: Repo.rubric).audit(period), rubric: Repo.rubric))
        #expect(future.exampleYear == 2031)
        #expect(future.text(.nl).contains("eerste kwartaal van 2031"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        #expect(CycleText.defaultExampleYear(today: calendar.date(from: DateComponents(year: 2026, month: 12, day: 7))!) == 2027)
        #expect(CycleText.defaultExampleYear(today: calendar.date(from: DateComponents(year: 2026, month: 3, day: 1))!) == 2026)
        #expect(CycleText.actionTypesFound(1, .nl) == "1 actietype gevonden")
        #expect(CycleText.actionTypesFound(3, .nl) == "3 actietypen gevonden")
        for element in CycleElement.allCases {
            for status in [CycleStatus.present, .partial, .absent] { #expect(!CycleText.advice(element, status, .nl).contains(" je ")) }
        }
    }
}

@Suite("Outputs: tables, lint and HTML")
struct OutputTableTests {
    @Test func englishTableHasEnglishLegendAndDistinctHeaders() throws {
        let document = try Ingest.parse(data: Data(CLITests.good.utf8), path: "a.txt", ext: "txt")
        let result = AuditResult(rubric: Repo.rubric, outcomes: [.audited(Pipeline(rubric: Repo.rubric).audit(document))])
        let en = TableReport.render(result, lang: .en)
        #expect(en.contains(" 1 Ambassadors / personal motivation"))
        #expect(!en.contains("ambassadeurschap"))
        let cycleHeader = try #require(en.split(separator: "\n").first { $0.contains("Goal") && $0.contains("Jobs") })
        #expect(cycleHeader.hasPrefix("Agenda "))
        #expect(cycleHeader.hasSuffix("Cycle"))
        for line in en.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        let nl = TableReport.render(result, lang: .nl)
        #expect(nl.contains(" 1 ambassadeurschap"))
        #expect(HTMLReport.render(result, lang: .nl).contains(" · 1 agenda</p>"))
    }

    @Test func lintSpeaksDutchUnderItsDutchHeader() throws {
        let run = try runTool(["rubric", "lint", "--overlaps"])
        let lines = run.stdout.split(separator: "\n").dropFirst()
        #expect(lines.contains { $0.hasPrefix("overlap: ") })
        #expect(!run.stdout.contains("signals several codes"))
        #expect(run.stdout.contains("wijst op meerdere codes"))
        let english = try runTool(["rubric", "lint", "--overlaps", "--lang", "en"])
        #expect(english.stdout.contains("signals several codes"))
    }

    @Test func liwcExportSaysOnTheTerminalWhatItWroteOut() throws {
        let folder = TemporaryFolder()
        let out = folder.url.appendingPathComponent("codeboek.dic").path
        let run = try runTool(["rubric", "export", "--format", "liwc", "--out", out], in: Repo.root.path)
        #expect(run.status == 0)
        #expect(run.stdout.contains("*ambassadeur* → ambassadeur*"), "\(run.stdout)")
        let dic = try String(contentsOfFile: out, encoding: .utf8)
        #expect(dic.contains("\nambassadeur*\t1\n"))
        #expect(!dic.contains("\n*"))
    }

    @Test func htmlHighlightsCycleWordsAndMarksSupportingWords() throws {
        let text = """
        Werkagenda Proef 2027-2028

        Het bestuur heeft de werkagenda banenafspraak op 12 maart 2027 vastgesteld en ondertekend.

        In het eerste kwartaal van 2027 starten we de pilot job carving; uiterlijk 1 oktober 2027 evalueren we die.
        """
        let document = try Ingest.parse(data: Data(text.utf8), path: "proef.txt", ext: "txt")
        let audit = Pipeline(rubric: Repo.rubric).audit(document)
        let coded = audit.coded.passages[0].codes.first { $0.code == "bestuurlijk-commitment" }
        try #require(coded != nil, "the board sentence is coded")
        let html = HTMLReport.render(AuditResult(rubric: Repo.rubric, outcomes: [.audited(audit)]), lang: .nl)
        // The deciding word in the code's colour, the topic words marked as support.
        #expect(html.contains("class=\"c-bestuurlijk-commitment\" data-code=\"bestuurlijk-commitment\" title=\"bestuurlijk-commitment: bestuur\">bestuur</mark>"),
                "\(html)")
        #expect(html.contains("class=\"c-bestuurlijk-commitment support\" data-code=\"bestuurlijk-commitment\""))
        #expect(html.range(of: "support\"[^>]*>werkagenda</mark>", options: .regularExpression) != nil)
        // A code given by supporting words only: they decided together, so they have the code's colour.
        let together = HTMLReport.render(AuditResult(rubric: Repo.rubric, outcomes: [.audited(Pipeline(rubric: Repo.rubric).audit(
            try Ingest.load(path: Repo.path("agendas/rijk.xhtml"))))]), lang: .nl)
        #expect(together.contains("<mark class=\"c-goede-voorbeelden\" data-code=\"goede-voorbeelden\" title=\"goede-voorbeelden: praktijkverhal*\">praktijkverhalen</mark>"))
        // Cycle evidence is highlighted in the text, not only in a tooltip.
        let planning = try #require(audit.cycle?.elements[.planning])
        #expect(planning.status != .absent)
        #expect(html.contains("<span class=\"cycle-ev\" data-element=\"planning\""))
    }
}
