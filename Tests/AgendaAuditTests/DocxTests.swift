import Foundation
import Testing
import ZIPFoundation
@testable import AgendaAudit

/// Builds small .docx files in the test: a real zip with the parts Word writes.
enum DocxFixture {
    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
    <Default Extension="xml" ContentType="application/xml"/>
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
    </Types>
    """

    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    <w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/></w:style>
    <w:style w:type="paragraph" w:styleId="Lijstalinea"><w:name w:val="List Paragraph"/></w:style>
    </w:styles>
    """

    static func paragraph(_ text: String, style: String? = nil, numbered: Bool = false) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if numbered { properties += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>" }
        // Split the text over two runs, as Word does.
        let middle = text.index(text.startIndex, offsetBy: text.count / 2)
        return "<w:p><w:pPr>\(properties)</w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">\(text[..<middle])</w:t></w:r><w:r><w:t>\(text[middle...])</w:t></w:r></w:p>"
    }

    static func table(_ rows: [[String]]) -> String {
        "<w:tbl>" + rows.map { row in
            "<w:tr>" + row.map { "<w:tc><w:p><w:r><w:t>\($0)</w:t></w:r></w:p></w:tc>" }.joined() + "</w:tr>"
        }.joined() + "</w:tbl>"
    }

    static func document(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr/></w:body></w:document>
        """
    }

    static func make(_ body: String, at url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in [("[Content_Types].xml", contentTypes), ("word/document.xml", document(body)), ("word/styles.xml", styles)] {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}

@Suite("Ingest: Word .docx")
struct DocxTests {
    @Test func headingsListsAndTables() throws {
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent("concept.docx")
        try DocxFixture.make([
            DocxFixture.paragraph("Werkagenda Hogescholen 2025-2026", style: "Kop1"),
            DocxFixture.paragraph("Onze aanpak", style: "Kop2"),
            DocxFixture.paragraph("Via het werkgeversservicepunt werven we kandidaten met een arbeidsbeperking."),
            DocxFixture.paragraph("We delen goede voorbeelden in een nieuwsbrief.", numbered: true),
            DocxFixture.paragraph("Werkplekbegeleiders volgen een training.", style: "Lijstalinea"),
            DocxFixture.table([["Activiteit", "Doel", "Realisatie"], ["Netwerkbijeenkomsten", "4", "3"]]),
        ].joined(), at: url)
        let doc = try Ingest.load(path: url.path)
        #expect(doc.format == .docx)
        #expect(doc.title == "Werkagenda Hogescholen 2025-2026")
        #expect(doc.headings.map(\.level) == [1, 2])
        #expect(doc.passages.map(\.kind) == [.paragraph, .listItem, .listItem, .tableRow, .tableRow])
        #expect(doc.passages[0].text == "Via het werkgeversservicepunt werven we kandidaten met een arbeidsbeperking.")
        #expect(doc.passages[0].section == ["Werkagenda Hogescholen 2025-2026", "Onze aanpak"])
        #expect(doc.passages[3].text == "Activiteit | Doel | Realisatie")
        let audit = Pipeline(rubric: Repo.rubric).audit(doc)
        #expect(audit.coded.actionTypes == ["bemiddelaars", "goede-voorbeelden", "training-begeleiders"])
        #expect(audit.cycle?.status(.monitoring) == .present)
    }

    @Test func brokenWordFilesGiveClearErrors() throws {
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent("heel.docx")
        try DocxFixture.make(DocxFixture.paragraph("Een alinea over de banenafspraak."), at: url)
        let whole = try Data(contentsOf: url)
        let truncated = folder.write("afgebroken.docx", whole.prefix(whole.count / 2))
        #expect(throws: IngestError.unreadableDocument(detail: "corrupt")) { try Ingest.load(path: truncated) }
        #expect(IngestError.unreadableDocument(detail: "corrupt").message(.nl).contains("afgebroken"))
        // Cut anywhere (inside a header, inside the compressed text, just before the end): a clear error, no crash.
        for length in [4, 30, whole.count / 10, whole.count * 9 / 10, whole.count - 22, whole.count - 1] {
            let cut = folder.write("cut-\(length).docx", whole.prefix(length))
            #expect(throws: IngestError.unreadableDocument(detail: "corrupt"), "cut at \(length) bytes") {
                try Ingest.load(path: cut)
            }
        }
        // An encrypted Word file is an OLE compound file, not a zip.
        let encrypted = folder.write("wachtwoord.docx", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 512)))
        do {
            _ = try Ingest.load(path: encrypted)
            Issue.record("expected an error")
        } catch {
            #expect(error.message(.nl).contains("wachtwoord"))
        }
        let text = folder.write("tekst.docx", "Dit is gewoon tekst.")
        #expect(throws: IngestError.unreadableDocument(detail: "not-a-zip")) { try Ingest.load(path: text) }
        let result = try runTool(["check", truncated])
        #expect(result.status == 2)
        #expect(result.stderr.contains("afgebroken.docx"))
    }
}
