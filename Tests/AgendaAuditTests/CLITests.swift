import Foundation
import Testing
@testable import AgendaAudit

@Suite("Command line")
struct CLITests {
    static let good = """
    Werkagenda Test

    Via het werkgeversservicepunt werven we kandidaten met een arbeidsbeperking.

    In 2024 organiseren we vier netwerkbijeenkomsten om goede voorbeelden te delen.
    """

    @Test func oneBadFileDoesNotStopTheBatch() throws {
        let folder = TemporaryFolder()
        folder.write("a-goed.txt", Self.good)
        folder.write("b-kapot.txt", Data([0x00, 0x01, 0x02, 0xFF, 0x00]))
        folder.write("c-leeg.txt", "")
        folder.write("notities.md", "genegeerd")
        let result = try runTool(["audit", folder.url.path, "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("b-kapot.txt"))
        #expect(result.stderr.contains("binaire inhoud"))
        #expect(result.stderr.contains("c-leeg.txt: bestand is leeg"))
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let agendas = json["agendas"] as! [[String: Any]]
        #expect(agendas.count == 1)
        #expect((agendas[0]["file"] as! String).hasSuffix("a-goed.txt"))
        #expect(Set(agendas[0]["actionTypes"] as! [String]) == ["bemiddelaars", "goede-voorbeelden"])
        #expect((json["errors"] as! [[String: Any]]).count == 2)
    }

    @Test func missingInputAndNothingAuditedExitTwo() throws {
        let result = try runTool(["audit", "/nonexistent/map"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/map"))
        let english = try runTool(["audit", "/nonexistent/map", "--lang", "en"])
        #expect(english.stderr.contains("no such file or folder"))
    }

    @Test func malformedRubricNamesThePath() throws {
        let folder = TemporaryFolder()
        let agenda = folder.write("a.txt", Self.good)
        let rubric = folder.write("rubric.json", "{\"name\": \"x\", \"version\": \"1\", \"negation\": {\"cues\": [{\"term\": \"geen\", \"scope\": \"soms\"}]}}")
        let result = try runTool(["audit", agenda, "--rubric", rubric])
        #expect(result.status == 2)
        #expect(result.stderr.contains("negation.cues[0].scope"))
    }

    @Test func outWritesTheFileAndCSVHasTheMatrix() throws {
        let folder = TemporaryFolder()
        let agenda = folder.write("gemeenten.txt", Self.good)
        let out = folder.url.appendingPathComponent("matrix.csv").path
        let result = try runTool(["audit", agenda, "--format", "csv", "--out", out])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("file,title,ambassadeurschap,bemiddelaars,"))
        #expect(lines[0].hasSuffix(",training-begeleiders,breadth"))
        #expect(lines[1].hasSuffix(",0,1,0,0,1,0,0,0,0,0,0,0,2"))
        // No temporary file is left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)

        let passages = try runTool(["audit", agenda, "--format", "csv", "--passages", "--csv-delimiter", "semicolon"])
        let rows = passages.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows[0] == "\u{FEFF}file;passage;start;end;code;evidence;text;page")
        #expect(rows.count == 3)
        #expect(rows[1].contains(";bemiddelaars;"))
        #expect(rows[1].hasSuffix(";"))   // a text file has no page: the last column is empty
    }

    @Test func tableFitsEightyColumns() throws {
        let folder = TemporaryFolder()
        let agenda = folder.write("een-hele-lange-bestandsnaam-voor-een-sector.txt", Self.good)
        let result = try runTool(["audit", agenda])
        #expect(result.status == 0)
        for line in result.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        #expect(result.stdout.contains("N/1"))
        #expect(result.stdout.contains("Breedte"))
    }
}
