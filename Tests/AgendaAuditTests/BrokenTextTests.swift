import Foundation
import Testing
@testable import AgendaAudit

/// The hostile and broken inputs of the issue "Fast and unbreakable", each
/// with the behaviour it must keep. (More live next to the feature they
/// test: IngestTests, DocxTests, RubricTests, CLITests.)

@Suite("Hostile input: encodings, binary, empty and passage-less files")
struct BrokenTextTests {
    @Test func invalidUTF8IsAnErrorNamingTheByte() throws {
        // 0x81 is neither UTF-8 nor Windows-1252, so no guess is made.
        let bytes = Array("Werkagenda ".utf8) + [0x81] + Array(" banenafspraak.".utf8)
        #expect(throws: IngestError.invalidEncoding(detail: "byte 11")) {
            try Ingest.parse(data: Data(bytes), path: "kapot.txt", ext: "txt")
        }
        // With a UTF-8 byte-order mark there is no Windows-1252 fallback: a broken sequence is an error.
        let marked = [0xEF, 0xBB, 0xBF] + Array("Goed begin ".utf8) + [0xC3, 0x28] + Array(" einde.".utf8)
        #expect(throws: IngestError.invalidEncoding(detail: "byte 14")) {
            try Ingest.parse(data: Data(marked), path: "bom.txt", ext: "txt")
        }
        #expect(IngestError.invalidEncoding(detail: "byte 14").message(.nl).contains("geen geldige UTF-8"))
        #expect(IngestError.invalidEncoding(detail: "byte 14").message(.en).contains("not valid UTF-8"))
    }

    @Test func utf16BigEndianAndBrokenUTF16() throws {
        var bigEndian = Data([0xFE, 0xFF])
        for unit in "Eén alinea over de banenafspraak.".utf16 { bigEndian.append(UInt8(unit >> 8)); bigEndian.append(UInt8(unit & 0xFF)) }
        let doc = try Ingest.parse(data: bigEndian, path: "u16be.txt", ext: "txt")
        #expect(doc.passages.map(\.text) == ["Eén alinea over de banenafspraak."])
        #expect(doc.warnings.map(\.code) == ["utf16"])
        // An odd number of bytes, and a lone surrogate, are errors, not garbage text.
        #expect(throws: IngestError.self) { try Ingest.parse(data: Data([0xFF, 0xFE, 0x41, 0x00, 0x42]), path: "oneven.txt", ext: "txt") }
        #expect(throws: IngestError.self) { try Ingest.parse(data: Data([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00]), path: "los.txt", ext: "txt") }
    }

    @Test func binaryFilesRenamedToTextAreRefused() throws {
        // The test program itself (ELF or Mach-O), a PNG header and a PDF with binary streams.
        let program = try Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[0])).prefix(65_536)
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52])
        for (name, data) in [("programma", program), ("plaatje", png)] {
            for ext in ["txt", "html", "xhtml"] {
                #expect(throws: IngestError.binary, "\(name).\(ext)") { try Ingest.parse(data: data, path: "\(name).\(ext)", ext: ext) }
            }
        }
        #expect(IngestError.binary.message(.nl).contains("binaire inhoud"))
    }

    @Test func emptyFilesOfEveryType() {
        for ext in ["txt", "text", "html", "htm", "xhtml", "docx"] {
            #expect(throws: IngestError.empty, ".\(ext)") { try Ingest.parse(data: Data(), path: "leeg.\(ext)", ext: ext) }
        }
    }

    @Test func filesWithoutPassagesSayso() throws {
        #expect(throws: IngestError.noPassages) { try document("# Werkagenda\n\n## Inleiding\n\n   \n## Aanpak\n") }
        #expect(throws: IngestError.noPassages) { try document("\u{FEFF}\n\u{0C}\n\t\n") }
        let chrome = "<html><head><title>Werkagenda</title><script>var passage = 1;</script></head>"
            + "<body><nav><p>Home</p></nav><h1>Alleen een kop</h1><p hidden=\"\">verborgen</p></body></html>"
        #expect(throws: IngestError.noPassages) { try document(chrome, ext: "html", path: "kop.html") }
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent("kop.docx")
        try DocxFixture.make(DocxFixture.paragraph("Werkagenda 2025", style: "Kop1"), at: url)
        #expect(throws: IngestError.noPassages) { try Ingest.load(path: url.path) }
        #expect(IngestError.noPassages.message(.nl) == "geen tekstpassages gevonden")
    }
}
