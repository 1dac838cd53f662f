import Foundation
import Testing
@testable import AgendaAudit

@Suite("Ingest: plain text")
struct PlainTextIngestTests {
    @Test func headingsListsAndSections() throws {
        let doc = try document("""
        Werkagenda Waterschappen 2023-2024

        1. Inleiding
        De waterschappen werken samen aan de banenafspraak.

        2. Activiteiten
        2.1 Werving
        - Via het werkgeversservicepunt werven we kandidaten.
        • Werkplekbegeleiders volgen een training.
        1. Een genummerd punt met een zin.
        """)
        #expect(doc.title == "Werkagenda Waterschappen 2023-2024")
        #expect(doc.headings.map(\.text) == ["Werkagenda Waterschappen 2023-2024", "1. Inleiding", "2. Activiteiten", "2.1 Werving"])
        #expect(doc.passages.map(\.kind) == [.paragraph, .listItem, .listItem, .listItem])
        #expect(doc.passages[0].section == ["1. Inleiding"])
        #expect(doc.passages[1].section == ["2. Activiteiten", "2.1 Werving"])
        #expect(doc.passages[1].text == "Via het werkgeversservicepunt werven we kandidaten.")
        #expect(doc.passages[3].text == "Een genummerd punt met een zin.")
        #expect(doc.passages.map(\.line) == [4, 8, 9, 10])
        #expect(doc.passages.map(\.id) == ["p1", "p2", "p3", "p4"])
    }

    @Test func offsetsCutOutEveryPassage() throws {
        let doc = try document("Kop\n\nEen zin met geïnformeerd en werkagenda’s.\n\n- Tweede: umc's en creëren.\n")
        for passage in doc.passages {
            #expect(doc.slice(passage.start, passage.end) == passage.text)
        }
        #expect(!doc.text.contains("\r"))
    }

    @Test func pdfHyphenationWrappingAndPageChrome() throws {
        let doc = try document("""
        Onze aanpak

        De werkge-
        vers in de provincie bieden plaatsen voor mensen met een arbeids-
        beperking, samen met het sw-bedrijf.
        Werkagenda Provincies 2023-2024    pagina 2 van 3

        Tweede alinea over Sw-bedrijven.
        3
        """)
        #expect(doc.passages.count == 2)
        #expect(doc.passages[0].text == "De werkgevers in de provincie bieden plaatsen voor mensen met een arbeidsbeperking, samen met het sw-bedrijf.")
        #expect(!doc.text.contains("pagina 2"))
        #expect(doc.passages[1].text == "Tweede alinea over Sw-bedrijven.")
    }

    @Test func repeatedRunningHeadersAreDropped() throws {
        let header = "Werkagenda Gemeenten | versie 12 maart 2024"
        let doc = try document("Eerste alinea.\n\(header)\n\nTweede alinea.\n\(header)\n\nDerde alinea.\n\(header)\n")
        #expect(doc.passages.map(\.text) == ["Eerste alinea.", "Tweede alinea.", "Derde alinea."])
    }

    @Test func crlfAndTableRows() throws {
        let doc = try document("Resultaten\r\n\r\nJaar | Doel | Realisatie\r\n2022 | 100 | 80\r\n2023\t120\t95\r\n")
        #expect(doc.passages.map(\.kind) == [.tableRow, .tableRow, .tableRow])
        #expect(doc.passages.map(\.text) == ["Jaar | Doel | Realisatie", "2022 | 100 | 80", "2023 | 120 | 95"])
        #expect(doc.passages.map(\.line) == [3, 4, 5])
    }

    @Test func shortNumberedListIsNotAHeading() throws {
        let doc = try document("Acties\n\n1. Jobcoaching\n2. Job carving\n3. Werving\n")
        #expect(doc.headings.map(\.text) == ["Acties"])
        #expect(doc.passages.map(\.text) == ["Jobcoaching", "Job carving", "Werving"])
    }
}

@Suite("Ingest: encodings and bad files")
struct DecodingTests {
    @Test func utf8WithBOM() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("Eén alinea met geïnformeerd.".utf8))
        let doc = try Ingest.parse(data: data, path: "bom.txt", ext: "txt")
        #expect(doc.passages.first?.text == "Eén alinea met geïnformeerd.")
        #expect(doc.warnings.isEmpty)
    }

    @Test func windows1252IsDetectedWithAWarning() throws {
        // "geïnformeerd – werkagenda’s" in Windows-1252.
        let bytes: [UInt8] = Array("ge".utf8) + [0xEF] + Array("nformeerd ".utf8) + [0x96] + Array(" werkagenda".utf8) + [0x92] + Array("s.".utf8)
        let doc = try Ingest.parse(data: Data(bytes), path: "word.txt", ext: "txt")
        #expect(doc.passages.first?.text == "geïnformeerd – werkagenda’s.")
        #expect(doc.warnings.map(\.code) == ["windows-1252"])
    }

    @Test func utf16WithBOM() throws {
        var data = Data([0xFF, 0xFE])
        for unit in "Alinea één.".utf16 { data.append(UInt8(unit & 0xFF)); data.append(UInt8(unit >> 8)) }
        let doc = try Ingest.parse(data: data, path: "u16.txt", ext: "txt")
        #expect(doc.passages.first?.text == "Alinea één.")
    }

    @Test func badFilesGiveNamedErrors() throws {
        #expect(throws: IngestError.empty) { try Ingest.parse(data: Data(), path: "leeg.txt", ext: "txt") }
        #expect(throws: IngestError.binary) {
            try Ingest.parse(data: Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01]), path: "zip.txt", ext: "txt")
        }
        #expect(throws: IngestError.noPassages) { try Ingest.parse(data: Data("\n\n   \n".utf8), path: "wit.txt", ext: "txt") }
        #expect(throws: IngestError.unsupportedType(ext: "odt")) { try Ingest.load(path: "/tmp/x.odt") }
        do {
            _ = try Ingest.load(path: "/nonexistent/agenda.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.message(.nl).contains("kan niet worden gelezen"))
        }
    }
}

@Suite("Ingest: XHTML and HTML through libxml2")
struct MarkupIngestTests {
    static let xhtml = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml">
    <head><title>Werkagenda Politie</title><style>p { color: red }</style></head>
    <body>
    <nav><ul><li>Home</li><li>Menu</li></ul></nav>
    <h1>Werkagenda Politie 2023</h1>
    <h2>Aanpak</h2>
    <p>De korpsleiding heeft de <em>banenafspraak</em> op de agenda gezet.</p>
    <ul>
      <li>Een centrale pool voor de doelgroep.<ul><li>Genest punt.</li></ul></li>
      <li>Meet &amp; greets met leidinggevenden.</li>
    </ul>
    <table><tr><th>Jaar</th><th>Banen</th></tr><tr><td>2022</td><td>120</td></tr></table>
    <div>Losse tekst in een div.<p>Alinea in de div.</p></div>
    <script>var x = "<p>geen tekst</p>";</script>
    </body></html>
    """

    @Test func blocksHeadingsTablesAndChrome() throws {
        let doc = try document(Self.xhtml, ext: "xhtml", path: "politie.xhtml")
        #expect(doc.title == "Werkagenda Politie")
        #expect(doc.format == .xhtml)
        #expect(doc.headings.map(\.text) == ["Werkagenda Politie 2023", "Aanpak"])
        #expect(doc.passages.map(\.text) == [
            "De korpsleiding heeft de banenafspraak op de agenda gezet.",
            "Een centrale pool voor de doelgroep.",
            "Genest punt.",
            "Meet & greets met leidinggevenden.",
            "Jaar | Banen",
            "2022 | 120",
            "Losse tekst in een div.",
            "Alinea in de div.",
        ])
        #expect(doc.passages.map(\.kind) == [.paragraph, .listItem, .listItem, .listItem, .tableRow, .tableRow, .paragraph, .paragraph])
        #expect(doc.passages[0].section == ["Werkagenda Politie 2023", "Aanpak"])
        #expect(doc.passages[0].line == 9)
        for passage in doc.passages { #expect(doc.slice(passage.start, passage.end) == passage.text) }
        #expect(!doc.text.contains("geen tekst"))
        #expect(!doc.text.contains("Menu"))
    }

    @Test func tagSoupIsRecovered() throws {
        let doc = try document("<html><body><h2>Kop<p>Eerste alinea<p>Tweede <b>vet</i> alinea<li>los punt</body>",
                               ext: "html", path: "soep.html")
        #expect(doc.format == .html)
        #expect(doc.passages.map(\.text) == ["Eerste alinea", "Tweede vet alinea", "los punt"])
    }

    @Test func malformedXHTMLFallsBackToHTMLWithAWarning() throws {
        let doc = try document("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Open alinea<p>Nog een</body></html>",
                               ext: "xhtml", path: "kapot.xhtml")
        #expect(doc.passages.map(\.text) == ["Open alinea", "Nog een"])
        #expect(doc.warnings.map(\.code) == ["not-well-formed"])
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-secret-\(UUID().uuidString).txt")
        try "GEHEIME-INHOUD".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE html [ <!ENTITY xxe SYSTEM "file://\(secret.path)"> <!ENTITY lol "lol"> ]>
        <html xmlns="http://www.w3.org/1999/xhtml"><body><p>Voor &xxe; na &lol;.</p></body></html>
        """
        let doc = try document(xml, ext: "xhtml", path: "xxe.xhtml")
        #expect(!doc.text.contains("GEHEIME-INHOUD"))
        #expect(doc.passages.first?.text.hasPrefix("Voor") == true)
    }
}

@Suite("Ingest: hostile input")
struct HostileInputTests {
    @Test func billionLaughsIsRefusedNotExpanded() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n<!ENTITY lol \"lol\">\n"
        var previous = "lol"
        for level in 1...9 {
            xml += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
            previous = "lol\(level)"
        }
        xml += "]>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Begin &lol9; eind</p></body></html>\n"
        do {
            let doc = try document(xml, ext: "xhtml", path: "lachen.xhtml")
            // If libxml2 accepts it, the entity must not have been expanded.
            #expect(doc.text.count < 1000)
        } catch {
            #expect((error as? IngestError)?.message(.nl).contains("(X)HTML kan niet worden gelezen") == true)
        }
    }

    @Test func deepNestingGivesAnErrorOrTextWithoutCrashing() {
        let depth = 10_000
        let xml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>" + String(repeating: "<div>", count: depth)
            + "<p>diep</p>" + String(repeating: "</div>", count: depth) + "</body></html>"
        #expect(throws: IngestError.self) { try document(xml, ext: "xhtml", path: "diep.xhtml") }
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>diep genest</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        // The HTML parser may recover part of it; what matters is a clear answer and no crash.
        do {
            let doc = try document(html, ext: "html", path: "diep.html")
            #expect(doc.passages.allSatisfy { !$0.text.isEmpty })
        } catch {
            #expect(error is IngestError)
        }
    }

    @Test func oneHugeParagraphIsCutIntoPassagesAtSentenceEnds() throws {
        let sentence = "Via het werkgeversservicepunt werven we kandidaten met een arbeidsbeperking. "
        let text = String(repeating: sentence, count: 5_000)
        let doc = try document(text)
        let length = sentence.unicodeScalars.count
        // As many whole sentences as fit in one passage, then the next passage.
        let perPassage = (Document.maximumPassageLength + 1) / length
        #expect(doc.passages.count == (5_000 + perPassage - 1) / perPassage)
        #expect(doc.text == String(text.dropLast()))
        for passage in doc.passages {
            #expect(passage.end - passage.start <= Document.maximumPassageLength)
            #expect(passage.text.hasPrefix("Via het") && passage.text.hasSuffix("arbeidsbeperking."))
            #expect(passage.kind == .paragraph && passage.line == 1)
        }
        #expect(doc.passages.first?.start == 0)
        #expect(doc.passages.last?.end == doc.text.unicodeScalars.count)
        for (a, b) in zip(doc.passages, doc.passages.dropFirst()) { #expect(b.start == a.end + 1) }
        for passage in doc.passages.prefix(3) { #expect(doc.slice(passage.start, passage.end) == passage.text) }
        #expect(Repo.coder.code(doc).actionTypes == ["bemiddelaars"])
    }
}
