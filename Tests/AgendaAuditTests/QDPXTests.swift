import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import AgendaAudit

/// Two small agendas, coded, as one batch.
enum QDPXFixture {
    static let gemeenten = """
    Werkagenda Gemeenten 2025-2026

    Via het werkgeversservicepunt werven we kandidaten met een arbeidsbeperking.

    In het eerste kwartaal van 2025 organiseren we vier netwerkbijeenkomsten om goede voorbeelden te delen.

    Werkplekbegeleiders volgen een training; zij worden geïnformeerd over “job carving” 👍 en functiecreatie.

    Deze werkagenda is op 12 maart 2025 vastgesteld en ondertekend door het bestuur.
    """

    /// XHTML with markup characters in the text and a file name that needs escaping.
    static let rijk = """
    <?xml version="1.0" encoding="UTF-8"?>
    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Werkagenda Rijk &amp; partners 2025-2026</title></head>
    <body>
    <h1>Werkagenda Rijk &amp; partners 2025-2026</h1>
    <p>Bij aanbestedingen nemen we social return (SROI) op: 5 % &lt; 10 % van de opdrachtwaarde.</p>
    <p>Binnenwerk is het centrale werkgeversonderdeel van het Rijk voor mensen uit de doelgroep.</p>
    <p>Een alinea zonder codes.</p>
    </body></html>
    """

    static let paths = ["sector/gemeenten.txt", "sector/R&D <rijk> \"2025\".xhtml"]

    static func result() throws -> AuditResult {
        let pipeline = Pipeline(rubric: Repo.rubric)
        let documents = [
            try Ingest.parse(data: Data(gemeenten.utf8), path: paths[0], ext: "txt"),
            try Ingest.parse(data: Data(rijk.utf8), path: paths[1], ext: "xhtml"),
        ]
        return AuditResult(rubric: Repo.rubric, outcomes: documents.map { .audited(pipeline.audit($0)) })
    }

    static let date = Date(timeIntervalSince1970: 1_795_341_600) // 2026-11-22T10:00:00Z

    static var schemaPath: String {
        Repo.root.deletingLastPathComponent().appendingPathComponent("shared/refi-qda/Project.xsd").path
    }
}

/// What a reader of project.qde sees: sources with their selections and codings, and every GUID.
final class QDEContents: NSObject, XMLParserDelegate {
    struct Selection { var name: String; var start: Int; var end: Int; var codeRefs: [String] }
    struct Source { var name: String; var plainTextPath: String; var selections: [Selection] }

    var sources: [Source] = []
    var codes: [String: String] = [:]  // guid -> name
    var guids: [String] = []
    var references: [String] = []
    var creationDateTimes: [String] = []

    static func parse(_ data: Data) -> QDEContents {
        let contents = QDEContents()
        let parser = XMLParser(data: data)
        parser.delegate = contents
        parser.shouldProcessNamespaces = true
        #expect(parser.parse(), "project.qde is not well-formed")
        return contents
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if let guid = attributes["guid"] { guids.append(guid) }
        for key in ["targetGUID", "creatingUser", "creatingUserGUID"] { if let value = attributes[key] { references.append(value) } }
        if let date = attributes["creationDateTime"] { creationDateTimes.append(date) }
        switch name {
        case "Code":
            codes[attributes["guid"] ?? ""] = attributes["name"]
        case "TextSource":
            sources.append(Source(name: attributes["name"] ?? "", plainTextPath: attributes["plainTextPath"] ?? "", selections: []))
        case "PlainTextSelection":
            sources[sources.count - 1].selections.append(Selection(
                name: attributes["name"] ?? "", start: Int(attributes["startPosition"] ?? "") ?? -1,
                end: Int(attributes["endPosition"] ?? "") ?? -1, codeRefs: []))
        case "CodeRef":
            let source = sources.count - 1
            sources[source].selections[sources[source].selections.count - 1].codeRefs.append(attributes["targetGUID"] ?? "")
        default:
            break
        }
    }
}

@Suite("REFI-QDA export")
struct QDPXTests {
    @Test func sha1AndNameBasedUUIDsMatchKnownValues() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(SHA1.hash([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(SHA1.hash(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        // 56 bytes: the padding spills into a second block.
        #expect(hex(SHA1.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(hex(SHA1.hash(Array(repeating: UInt8(ascii: "a"), count: 1_000_000)))
                == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        let dns: [UInt8] = [0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]
        #expect(StableGUID.format(StableGUID.bytes(namespace: dns, name: "python.org")) == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        // uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "urn:agenda-audit:refi-qda"), "code:bemiddelaars")
        #expect(QDPXExport.guid("code:bemiddelaars") == "e259ceda-dc32-55b4-9d17-d9ca684e24e4")
    }

    @Test func projectValidatesAgainstTheSchema() throws {
        let result = try QDPXFixture.result()
        for lang in Language.allCases {
            let xml = QDPXExport.project(result, lang: lang, date: QDPXFixture.date)
            let errors = XMLSchemaValidator.validate(xml, schemaPath: QDPXFixture.schemaPath)
            #expect(errors.isEmpty, "\(lang): \(errors.joined(separator: "\n"))")
        }
        let xml = QDPXExport.project(result, lang: .nl, date: QDPXFixture.date)
        #expect(xml.contains("<Project xmlns=\"urn:QDA-XML:project:1.0\""))
        #expect(xml.contains("origin=\"agenda-audit\""))
        #expect(xml.contains("creationDateTime=\"2026-11-22T10:00:00Z\""))
        #expect(xml.contains("name=\"R&amp;D &lt;rijk&gt; &quot;2025&quot;.xhtml\""))
        #expect(!xml.contains("richTextPath"))
        // Schema order: Users, CodeBook, Sources.
        let users = try #require(xml.range(of: "<Users>")), codebook = try #require(xml.range(of: "<CodeBook>"))
        let sources = try #require(xml.range(of: "<Sources>"))
        #expect(users.lowerBound < codebook.lowerBound && codebook.lowerBound < sources.lowerBound)
    }

    @Test func theValidatorReallyRejectsInvalidProjects() {
        let missingIsCodable = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes>
        <Code guid="e259ceda-dc32-55b4-9d17-d9ca684e24e4" name="a"/></Codes></CodeBook></Project>
        """
        #expect(!XMLSchemaValidator.validate(missingIsCodable, schemaPath: QDPXFixture.schemaPath).isEmpty)
        let wrongOrder = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes>
        <Code guid="e259ceda-dc32-55b4-9d17-d9ca684e24e4" name="a" isCodable="true"/></Codes></CodeBook>
        <Users><User guid="not-a-guid"/></Users></Project>
        """
        #expect(XMLSchemaValidator.validate(wrongOrder, schemaPath: QDPXFixture.schemaPath).count >= 1)
        #expect(!XMLSchemaValidator.validate("<Project", schemaPath: QDPXFixture.schemaPath).isEmpty)
    }

    @Test func selectionsCutExactlyThePassagesOutOfTheStoredText() throws {
        let result = try QDPXFixture.result()
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("project.qdpx").path
        try QDPXExport.write(result, to: path, lang: .nl, date: QDPXFixture.date)

        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        func read(_ name: String) throws -> Data {
            let entry = try #require(archive[name], "\(name) is missing from the archive")
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return data
        }
        let qde = try read("project.qde")
        #expect(XMLSchemaValidator.validate(qde, schemaPath: QDPXFixture.schemaPath).isEmpty)
        let contents = QDEContents.parse(qde)
        #expect(contents.sources.count == 2)
        #expect(archive.filter { $0.type == .file }.count == 3)

        var selections = 0
        for (audit, source) in zip(result.audits, contents.sources) {
            let document = audit.document
            #expect(source.name == document.fileName)
            let guid = QDPXExport.sourceGUID(document.path)
            #expect(source.plainTextPath == "internal://\(guid).txt")
            let bytes = try read("sources/\(guid).txt")
            #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]), "no BOM")
            #expect(!bytes.contains(0x0D), "LF only")
            let stored = try #require(String(bytes: bytes, encoding: .utf8))
            #expect(stored == document.text)
            let scalars = Array(stored.unicodeScalars)

            // Every passage with a code or a cycle element has a selection, and nothing else does.
            let expected = audit.coded.passages.enumerated().filter { index, item in
                !item.codes.isEmpty || !QDPXExport.cycleElements(audit, index).isEmpty
            }
            #expect(source.selections.map(\.name) == expected.map(\.element.passage.id))
            for selection in source.selections {
                let index = try #require(document.passages.firstIndex { $0.id == selection.name })
                let passage = document.passages[index]
                #expect(selection.start >= 0 && selection.end <= scalars.count)
                // Count code points: the emoji is one, not two UTF-16 units.
                let cut = String(String.UnicodeScalarView(scalars[selection.start..<selection.end]))
                #expect(cut == passage.text, "\(selection.name)")
                let codes = audit.coded.passages[index].codes.map { QDPXExport.actionCodeGUID($0.code) }
                    + QDPXExport.cycleElements(audit, index).map(QDPXExport.cycleCodeGUID)
                #expect(selection.codeRefs == codes)
                for reference in selection.codeRefs { #expect(contents.codes[reference] != nil) }
                selections += 1
            }
        }
        #expect(selections >= 5)
        // The emoji passage is coded, and its offsets are code points.
        let emoji = try #require(result.audits[0].document.passages.first { $0.text.contains("👍") })
        #expect(emoji.end - emoji.start == emoji.text.unicodeScalars.count)
        #expect(emoji.end - emoji.start != emoji.text.utf16.count)
    }

    @Test func codebookHasTheTwelveTypesAndTheSixCycleElements() throws {
        let result = try QDPXFixture.result()
        let contents = QDEContents.parse(Data(QDPXExport.project(result, lang: .en, date: QDPXFixture.date).utf8))
        #expect(contents.codes.count == 2 + 12 + 6)
        for code in Repo.rubric.codes { #expect(contents.codes[QDPXExport.actionCodeGUID(code.id)] == code.label.en) }
        for element in CycleElement.allCases {
            #expect(contents.codes[QDPXExport.cycleCodeGUID(element)] == CycleText.label(element, .en))
        }
        #expect(contents.codes.values.contains("Action types"))
        #expect(contents.codes.values.contains("Policy cycle"))
        let xml = QDPXExport.project(result, lang: .nl, date: QDPXFixture.date)
        let bemiddelaars = try #require(Repo.rubric.codes.first { $0.id == "bemiddelaars" })
        #expect(xml.contains("name=\"\(bemiddelaars.label.nl)\" isCodable=\"true\" color=\"\(bemiddelaars.color)\""))
        #expect(xml.contains("<Description>" + XMLWriter.escape(bemiddelaars.definition.nl, attribute: false) + "</Description>"))
    }

    @Test func guidsAreStableAndWellFormed() throws {
        let pattern = try Regex("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
        let first = QDPXExport.project(try QDPXFixture.result(), lang: .nl, date: QDPXFixture.date)
        let second = QDPXExport.project(try QDPXFixture.result(), lang: .nl, date: QDPXFixture.date)
        #expect(first == second)
        // A later export (another date, other language) keeps every GUID.
        let later = QDPXExport.project(try QDPXFixture.result(), lang: .en, date: Date())
        let a = QDEContents.parse(Data(first.utf8)), b = QDEContents.parse(Data(later.utf8))
        #expect(a.guids == b.guids)
        #expect(a.guids.count > 20)
        #expect(Set(a.guids).count == a.guids.count, "GUIDs are unique")
        for guid in a.guids + a.references { #expect(guid.wholeMatch(of: pattern) != nil, "\(guid)") }
        // Every reference points at something in the project.
        for reference in a.references { #expect(a.guids.contains(reference)) }
        #expect(Set(a.creationDateTimes) == ["2026-11-22T10:00:00Z"])
    }

    @Test func writeIsAtomicAndReproducible() throws {
        let result = try QDPXFixture.result()
        let folder = TemporaryFolder()
        let one = folder.url.appendingPathComponent("a.qdpx"), two = folder.url.appendingPathComponent("b.qdpx")
        try QDPXExport.write(result, to: one.path, lang: .nl, date: QDPXFixture.date)
        try QDPXExport.write(result, to: two.path, lang: .nl, date: QDPXFixture.date)
        #expect(try Data(contentsOf: one) == Data(contentsOf: two))
        // Overwriting keeps a valid archive and leaves no temporary file.
        try QDPXExport.write(result, to: one.path, lang: .en, date: QDPXFixture.date)
        #expect(try Archive(url: one, accessMode: .read)["project.qde"] != nil)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(names.sorted() == ["a.qdpx", "b.qdpx"])
        // A folder that does not exist is an error, not a crash.
        #expect(throws: (any Error).self) {
            try QDPXExport.write(result, to: folder.url.appendingPathComponent("missing/x.qdpx").path, lang: .nl)
        }
    }

    @Test func auditWritesTheQDPXBesideTheReport() throws {
        let folder = TemporaryFolder()
        folder.write("agendas/gemeenten.txt", QDPXFixture.gemeenten)
        folder.write("agendas/rijk.xhtml", QDPXFixture.rijk)
        let qdpx = folder.url.appendingPathComponent("project.qdpx").path
        let run = try runTool(["audit", folder.url.appendingPathComponent("agendas").path, "--qdpx", qdpx])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Breedte"))
        let archive = try Archive(url: URL(fileURLWithPath: qdpx), accessMode: .read)
        let entry = try #require(archive["project.qde"])
        var qde = Data()
        _ = try archive.extract(entry) { qde.append($0) }
        #expect(XMLSchemaValidator.validate(qde, schemaPath: QDPXFixture.schemaPath).isEmpty)
        #expect(QDEContents.parse(qde).sources.map(\.name) == ["gemeenten.txt", "rijk.xhtml"])

        let bad = try runTool(["audit", folder.url.appendingPathComponent("agendas").path,
                               "--qdpx", folder.url.appendingPathComponent("nope/project.qdpx").path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("nope/project.qdpx"))
    }
}
