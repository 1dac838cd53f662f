import Foundation
import Testing
@testable import AgendaAudit

/// The PDF reader (issue 12) on the fixtures made by scripts/make-test-pdfs.py.
@Suite("PDF")
struct PDFTests {
    static func fixture(_ name: String) -> String { Repo.path("Tests/Fixtures/pdf/\(name)") }

    static func load(_ name: String, limits: PDFLimits = PDFLimits()) throws -> Document {
        let path = fixture(name)
        return try Ingest.parse(data: try Data(contentsOf: URL(fileURLWithPath: path)), path: path, ext: "pdf", pdfLimits: limits)
    }

    static func problem(_ name: String, limits: PDFLimits = PDFLimits()) -> IngestError? {
        do {
            _ = try load(name, limits: limits)
            return nil
        } catch {
            return error as? IngestError
        }
    }

    static func passage(_ document: Document, containing words: String) -> Passage? {
        document.passages.first { $0.text.contains(words) }
    }

    // MARK: Layout

    @Test func headersFootersAndTheTableOfContentsAreDropped() throws {
        let document = try Self.load("layout.pdf")
        #expect(document.format == .pdf)
        #expect(document.offsetProblems().isEmpty)
        #expect(!document.text.contains("Werkagenda banenafspraak Voorbeeldsector 2025"))
        #expect(!document.text.contains("Pagina "))
        #expect(!document.text.contains("...."))
        #expect(document.headings.map(\.text) == ["Werkagenda Voorbeeldsector 2025", "Inhoud", "1. Inleiding",
                                                   "2. Aanpak in twee sporen", "3. Doelen en planning", "4. Ondertekening"])
        #expect(document.title == "Werkagenda Voorbeeldsector 2025")
    }

    @Test func hyphenationAndHardWrapsAreUndone() throws {
        let document = try Self.load("layout.pdf")
        let passage = try #require(Self.passage(document, containing: "werkgevers persoonlijk"))
        #expect(passage.text == "In 2025 benaderen wij ten minste twintig werkgevers persoonlijk om samen banen te creëren voor mensen met een arbeidsbeperking.")
        #expect(passage.page == 2)
        #expect(!document.text.contains("werkge-"))
    }

    @Test func aParagraphAcrossAPageBreakIsOnePassageOnItsFirstPage() throws {
        let document = try Self.load("layout.pdf")
        let passage = try #require(Self.passage(document, containing: "Het werkgeversservicepunt"))
        #expect(passage.text.hasSuffix("loopt door op de volgende pagina, zodat wij de lijnen kort houden."))
        #expect(passage.page == 2)
    }

    @Test func twoColumnsAreReadOneAfterTheOther() throws {
        let document = try Self.load("layout.pdf")
        let left = try #require(Self.passage(document, containing: "Het linker spoor"))
        let right = try #require(Self.passage(document, containing: "Het rechter spoor"))
        #expect(left.text == "Het linker spoor: wij stellen een ambassadeur aan die in elke organisatie het gesprek over inclusief werkgeverschap voert en goede voorbeelden verzamelt.")
        #expect(right.text == "Het rechter spoor: wij kopen sociaal in en nemen social return op in elke aanbesteding boven de Europese drempel, zodat leveranciers mensen uit de doelgroep in dienst nemen.")
        #expect(left.start < right.start)
        #expect(left.page == 3 && right.page == 3)
        #expect(left.section == ["2. Aanpak in twee sporen"])
    }

    @Test func aTableRowIsOnePassage() throws {
        let document = try Self.load("layout.pdf")
        let rows = document.passages.filter { $0.kind == .tableRow }
        #expect(rows.map(\.text) == [
            "Activiteit | Doel 2025 | Eigenaar",
            "Proefplaatsingen bij teams | 15 plaatsingen | HR-afdeling",
            "Training van werkbegeleiders | 40 begeleiders | Opleidingscentrum",
            "Meet-and-greets met kandidaten | 4 bijeenkomsten | Programmaleider",
        ])
        #expect(rows.allSatisfy { $0.page == 4 })
    }

    @Test func everyPassageOfTheLayoutHasItsPage() throws {
        let document = try Self.load("layout.pdf")
        let pages = document.passages.map { "\($0.page ?? 0): \($0.text.prefix(24))" }
        #expect(pages == [
            "1: De sector telt veertig o",
            "2: In 2025 benaderen wij te",
            "2: Het werkgeversservicepun",
            "3: Het linker spoor: wij st",
            "3: Het rechter spoor: wij k",
            "4: Activiteit | Doel 2025 |",
            "4: Proefplaatsingen bij tea",
            "4: Training van werkbegelei",
            "4: Meet-and-greets met kand",
            "5: Deze werkagenda is vastg",
        ])
    }

    @Test func twoHundredTenPagesEachPassageOnItsPage() throws {
        let document = try Self.load("long.pdf")
        #expect(document.passages.count == 210)
        for passage in document.passages {
            // Page N says "staat op pagina N."; the header and the footer "Pagina N van 210" are gone.
            let said = passage.text.split(separator: " ").last.map { Int($0.dropLast()) } ?? nil
            #expect(said != nil && passage.page == said, "\(passage.id): page \(passage.page ?? 0), text \(passage.text)")
        }
        #expect(document.headings.count == 210)
        #expect(!document.text.contains("Jaarverslag"))
        #expect(!document.text.contains("van 210"))
    }

    @Test func textAndWordHaveNoPages() throws {
        let text = try document("Werkagenda\n\nWij werven kandidaten via het werkgeversservicepunt.\n")
        #expect(text.passages.allSatisfy { $0.page == nil })
    }

    // MARK: Bad PDFs

    @Test func badPDFsGetTheirOwnError() throws {
        #expect(Self.problem("encrypted.pdf") == .pdf(.encrypted))
        #expect(Self.problem("truncated.pdf") == .pdf(.truncated))
        #expect(Self.problem("image-only.pdf") == .pdf(.noText(pages: 2)))
        #expect(Self.problem("mostly-images.pdf") == .pdf(.mostlyImages(imagePages: 5, pages: 6)))
        #expect(Self.problem("not-a-pdf.pdf") == .pdf(.notPDF))
        #expect(IngestError.pdf(.noText(pages: 2)).message(.nl).hasPrefix("bevat geen tekst; is het een scan?"))
        #expect(IngestError.pdf(.encrypted).message(.nl).contains("wachtwoord"))
        #expect(IngestError.pdf(.encrypted).message(.en).contains("password"))
        // Damaged in the middle, with a header and an end: poppler cannot find its objects.
        let damaged = Data("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ngarbage\n%%EOF\n".utf8)
        #expect(throws: IngestError.pdf(.damaged)) { try Ingest.parse(data: damaged, path: "x.pdf", ext: "pdf") }
        #expect(throws: IngestError.empty) { try Ingest.parse(data: Data(), path: "x.pdf", ext: "pdf") }
    }

    @Test func limitsOnPagesTextAndTime() throws {
        #expect(Self.problem("long.pdf", limits: PDFLimits(maximumPages: 100)) == .pdf(.tooManyPages(pages: 210, limit: 100)))
        #expect(Self.problem("long.pdf", limits: PDFLimits(maximumCharacters: 5_000)) == .pdf(.tooMuchText(limit: 5_000)))
        let slow = Self.problem("long.pdf", limits: PDFLimits(seconds: 0.000_001))
        #expect(slow == .pdf(.timeLimit(seconds: 0.000_001, page: 1, pages: 210)))
        #expect(slow?.message(.nl).contains("gestopt na pagina 1 van 210") == true)
        #expect(Self.problem("long.pdf", limits: PDFLimits(seconds: 600)) == nil)
    }

    // MARK: The batch and the reports

    @Test func aBatchOfBadPDFsGoesOnAndShowsPages() throws {
        let folder = TemporaryFolder()
        for name in ["layout.pdf", "encrypted.pdf", "truncated.pdf", "image-only.pdf", "mostly-images.pdf", "not-a-pdf.pdf"] {
            folder.write(name, try Data(contentsOf: URL(fileURLWithPath: Self.fixture(name))))
        }
        folder.write("tekst.txt", CLITests.good)
        let result = try runTool(["audit", folder.url.path, "--format", "json"], timeout: 120)
        #expect(!result.timedOut)
        #expect(result.status == 1)
        for (name, message) in [("encrypted.pdf", "PDF is met een wachtwoord beveiligd"), ("truncated.pdf", "PDF-bestand is afgebroken"),
                                ("image-only.pdf", "bevat geen tekst; is het een scan?"),
                                ("mostly-images.pdf", "PDF bestaat grotendeels uit afbeeldingen"), ("not-a-pdf.pdf", "geen geldig PDF-bestand")] {
            #expect(result.stderr.contains("\(name): \(message)"), "\(name): \(result.stderr)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let agendas = json["agendas"] as! [[String: Any]]
        #expect(agendas.map { ($0["file"] as! String).split(separator: "/").last! } == ["layout.pdf", "tekst.txt"])
        let pdfPassages = agendas[0]["passages"] as! [[String: Any]]
        #expect(agendas[0]["format"] as? String == "pdf")
        #expect(pdfPassages.map { $0["page"] as? Int } == [1, 2, 2, 3, 3, 4, 4, 4, 4, 5])
        let textPassages = agendas[1]["passages"] as! [[String: Any]]
        #expect(textPassages.allSatisfy { $0["page"] == nil })
        #expect((json["errors"] as! [[String: Any]]).count == 5)
    }

    @Test func theTimeLimitStopsOneFileAndTheBatchGoesOn() throws {
        let folder = TemporaryFolder()
        folder.write("a-lang.pdf", try Data(contentsOf: URL(fileURLWithPath: Self.fixture("long.pdf"))))
        folder.write("b-tekst.txt", CLITests.good)
        let result = try runTool(["audit", folder.url.path, "--format", "csv", "--pdf-time-limit", "0.0001"], timeout: 120)
        #expect(!result.timedOut)
        #expect(result.status == 1)
        #expect(result.stderr.contains("a-lang.pdf: het lezen van de PDF duurde langer dan 0,0001 s (gestopt na pagina 1 van 210)"),
                "\(result.stderr)")
        #expect(result.stdout.contains("b-tekst"))
        #expect(!result.stdout.contains("a-lang"))
        // A limit of 0 is a mistake on the command line (swift-argument-parser's usage error).
        let bad = try runTool(["audit", folder.url.path, "--pdf-time-limit", "0"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--pdf-time-limit moet groter dan 0 zijn"))
    }

    @Test func csvPassagesEndWithThePage() throws {
        let folder = TemporaryFolder()
        folder.write("layout.pdf", try Data(contentsOf: URL(fileURLWithPath: Self.fixture("layout.pdf"))))
        folder.write("tekst.txt", CLITests.good)
        let result = try runTool(["audit", folder.url.path, "--format", "csv", "--passages"])
        #expect(result.status == 0)
        let lines = result.stdout.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "file,passage,start,end,code,evidence,text,page")
        let pdfRows = lines.filter { $0.contains("layout.pdf") }
        let textRows = lines.filter { $0.contains("tekst.txt") }
        #expect(!pdfRows.isEmpty && !textRows.isEmpty)
        // The row of the two-column page's left passage (ambassadeurschap, goede voorbeelden) ends in page 3.
        #expect(pdfRows.contains { $0.contains("Het linker spoor") && $0.hasSuffix(",3") })
        #expect(textRows.allSatisfy { $0.hasSuffix(",") })
    }

    @Test func checkHTMLAndQDPXCiteThePage() throws {
        let pipeline = Pipeline(rubric: Repo.rubric)
        let audit = pipeline.audit(try Self.load("layout.pdf"))
        #expect(audit.evidenceProblems().isEmpty)
        let report = try #require(CheckReport(audit: audit, rubric: Repo.rubric))
        let text = report.text(.nl)
        #expect(text.range(of: #"\[p\d+, blz\. [1-5]\]"#, options: .regularExpression) != nil)
        #expect(!text.contains(", regel "))
        #expect(report.text(.en).contains(", p. "))
        let checkJSON = try JSONSerialization.jsonObject(with: try report.json(.nl)) as! [String: Any]
        #expect((checkJSON["passages"] as! [[String: Any]]).allSatisfy { $0["page"] is Int })

        let result = AuditResult(rubric: Repo.rubric, outcomes: [.audited(audit)])
        let html = HTMLReport.render(result, lang: .nl)
        #expect(html.contains("p4 · blz. 3"))   // the left column: ambassadeurschap
        let qde = QDPXExport.project(result, lang: .nl, date: QDPXFixture.date)
        #expect(qde.contains("<Description>blz. 3</Description>"))
        #expect(XMLSchemaValidator.validate(qde, schemaPath: QDPXFixture.schemaPath).isEmpty)
    }

    @Test func theWebCheckTakesAPDF() throws {
        let web = WebCheck(rubric: Repo.rubric)
        let pdf = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("layout.pdf")))
        let boundary = "----grens"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"concept.pdf\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
        body.append(pdf)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        let reply = web.handle(method: "POST", path: "/check", contentType: "multipart/form-data; boundary=\(boundary)", body: body)
        #expect(reply.status == 200)
        let page = String(decoding: reply.body, as: UTF8.self)
        #expect(page.contains("blz. 3"))
        var encrypted = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"geheim.pdf\"\r\n\r\n".utf8)
        encrypted.append(try Data(contentsOf: URL(fileURLWithPath: Self.fixture("encrypted.pdf"))))
        encrypted.append(Data("\r\n--\(boundary)--\r\n".utf8))
        let refused = web.handle(method: "POST", path: "/check", contentType: "multipart/form-data; boundary=\(boundary)", body: encrypted)
        #expect(refused.status == 422)
        #expect(String(decoding: refused.body, as: UTF8.self).contains("wachtwoord"))
    }

    // MARK: The bundled agendas as PDF

    @Test func theTwelveAgendasAsPDFGiveTheSameMatrixAndCycle() throws {
        let pipeline = Pipeline(rubric: Repo.rubric)
        let sources = try FileManager.default.contentsOfDirectory(atPath: Repo.path("agendas"))
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".xhtml") }.sorted()
        #expect(sources.count == 12)
        for source in sources {
            let name = (source as NSString).deletingPathExtension
            let original = pipeline.audit(try Ingest.load(path: Repo.path("agendas/\(source)")))
            let pdf = pipeline.audit(try Self.load("agendas/\(name).pdf"))
            #expect(pdf.document.offsetProblems().isEmpty)
            #expect(pdf.coded.actionTypes == original.coded.actionTypes, "\(name)")
            let pdfCycle = try #require(pdf.cycle), originalCycle = try #require(original.cycle)
            for element in CycleElement.allCases {
                #expect(pdfCycle.status(element) == originalCycle.status(element), "\(name) \(element)")
            }
            #expect(pdf.document.passages.allSatisfy { ($0.page ?? 0) >= 1 })
            // Table rows, with cells that wrap over several lines, are the source's rows.
            let rows = { (document: Document) in document.passages.filter { $0.kind == .tableRow }.map(\.text) }
            #expect(rows(pdf.document) == rows(original.document), "\(name)")
        }
    }

    @Test func theTableOfTheAgendasAsPDFIsTheTableOfTheSources() throws {
        let sources = try runTool(["audit", Repo.path("agendas")])
        let pdfs = try runTool(["audit", Repo.path("Tests/Fixtures/pdf/agendas")])
        #expect(sources.status == 0 && pdfs.status == 0)
        #expect(pdfs.stdout == sources.stdout)
        #expect(pdfs.stdout.contains("rijk "))
    }

    @Test func runningHeadersWithThePageNumberAfterASeparator() {
        func line(_ text: String, _ top: Double) -> PDFReader.Line { PDFReader.Line(text: text, top: top, bottom: top + 10, isRow: false) }
        var pages = (1...4).map { page in
            [line("Werkagenda Defensie 2025 | \(page)", 40), line("Onderdeel \(page)", 70),
             line("Tekst van pagina \(page) over werkgevers.", 100), line("Vertrouwelijk", 800)]
        }
        PDFReader.removeChrome(&pages)
        #expect(pages.map { $0.map(\.text) } == (1...4).map { ["Onderdeel \($0)", "Tekst van pagina \($0) over werkgevers."] })
        // One page alone: only a page number is chrome.
        var single = [[line("Werkagenda Defensie 2025 | 1", 40), line("Tekst.", 100), line("- 1 -", 800)]]
        PDFReader.removeChrome(&single)
        #expect(single[0].map(\.text) == ["Werkagenda Defensie 2025 | 1", "Tekst."])
    }
}
