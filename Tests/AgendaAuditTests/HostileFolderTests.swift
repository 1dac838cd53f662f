import Foundation
import Testing
@testable import AgendaAudit

/// The hostile and broken inputs of the issue "Fast and unbreakable", each
/// with the behaviour it must keep. (More live next to the feature they
/// test: IngestTests, DocxTests, RubricTests, CLITests.)

@Suite("Hostile input: a folder with unreadable entries")
struct HostileFolderTests {
    /// Root reads everything, so as root the tool runs as `nobody` through
    /// util-linux `setpriv`; nil when that is impossible.
    static var unprivileged: [String]? {
        if geteuid() != 0 { return [] }
        let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
        return setpriv.map { [$0, "--reuid=65534", "--regid=65534", "--clear-groups"] }
    }

    @Test func eachBadEntryIsNamedAndTheRestIsAudited() throws {
        let wrapper = try #require(Self.unprivileged, "running as root without setpriv: permissions cannot be tested")
        let folder = TemporaryFolder()
        let root = folder.url.path
        let manager = FileManager.default
        func set(_ mode: Int, _ path: String) throws { try manager.setAttributes([.posixPermissions: mode], ofItemAtPath: path) }
        try set(0o755, root)
        // A copied rubric names the lexicon by an absolute path (`language.lexicon` is relative to the rubric file).
        let rubricText = try String(contentsOfFile: Repo.path("rubric.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"lexicon\": \"lexicon\"", with: "\"lexicon\": \"\(Repo.path("lexicon"))\"")
        let rubric = folder.write("codeboek/rubric.json", Data(rubricText.utf8))
        try set(0o755, folder.url.appendingPathComponent("codeboek").path)
        let good = folder.write("agendas/a-gemeenten.txt", try Data(contentsOf: URL(fileURLWithPath: Repo.path("agendas/gemeenten.txt"))))
        let agendas = (good as NSString).deletingLastPathComponent
        try set(0o755, agendas)
        try set(0o644, good)
        try set(0o644, rubric)
        let locked = folder.write("agendas/geheim.txt", "Via het werkgeversservicepunt werven we kandidaten.")
        try set(0o000, locked)
        folder.write("agendas/dicht/binnen.txt", "Via het werkgeversservicepunt werven we kandidaten.")
        let closed = agendas + "/dicht"
        try set(0o000, closed)
        defer { try? set(0o755, closed) }
        let fifo = agendas + "/x.txt"
        #expect(mkfifo(fifo, 0o644) == 0)
        let dangling = agendas + "/y.txt"
        try manager.createSymbolicLink(atPath: dangling, withDestinationPath: agendas + "/bestaat-niet.txt")
        try manager.createDirectory(atPath: agendas + "/z.txt", withIntermediateDirectories: false)
        let loop = agendas + "/lus.txt"
        try manager.createSymbolicLink(atPath: loop, withDestinationPath: "lus.txt")
        try manager.createDirectory(atPath: agendas + "/sub", withIntermediateDirectories: false)
        try manager.createSymbolicLink(atPath: agendas + "/sub/terug", withDestinationPath: "..")

        let dutch = try runTool(["audit", agendas, "--rubric", rubric, "--format", "json"], in: root, wrapper: wrapper, timeout: 60)
        #expect(!dutch.timedOut)
        #expect(dutch.status == 1, "\(dutch.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(dutch.stdout.utf8)) as? [String: Any]
        let audited = (json?["agendas"] as? [[String: Any]])?.compactMap { $0["file"] as? String } ?? []
        // Audited once, although sub/terug leads back to the folder.
        #expect(audited.map { ($0 as NSString).lastPathComponent } == ["a-gemeenten.txt"])
        let lines = dutch.stderr.split(separator: "\n").map(String.init)
        func line(_ path: String) -> String? { lines.first { $0.contains(path + ":") } }
        let expectations: [(path: String, dutch: String, english: String)] = [
            (locked, "bestand kan niet worden gelezen (geen leesrechten)", "file cannot be read (permission denied)"),
            (closed, "map kan niet worden gelezen (geen leesrechten)", "folder cannot be read (permission denied)"),
            (fifo, "named pipe (FIFO), geen gewoon bestand; niet geopend", "named pipe (FIFO), not a regular file; not opened"),
            (dangling, "symbolische koppeling wijst naar iets dat niet bestaat", "symbolic link points to something that does not exist"),
            (loop, "symbolische koppeling vormt een lus", "symbolic link forms a loop"),
        ]
        for item in expectations {
            #expect(line(item.path)?.hasPrefix("fout: ") == true, "\(item.path) missing in \(dutch.stderr)")
            #expect(line(item.path)?.contains(item.dutch) == true, "\(line(item.path) ?? "-")")
        }
        #expect(line(agendas + "/z.txt") == nil)
        #expect((json?["errors"] as? [[String: Any]])?.count == expectations.count)

        let english = try runTool(["audit", agendas, "--rubric", rubric, "--lang", "en", "--format", "table"],
                                  in: root, wrapper: wrapper, timeout: 60)
        #expect(!english.timedOut)
        #expect(english.status == 1)
        #expect(english.stdout.contains("a-gemeenten"))
        let englishLines = english.stderr.split(separator: "\n").map(String.init)
        for item in expectations {
            #expect(englishLines.contains { $0.hasPrefix("error: ") && $0.contains(item.path + ":") && $0.contains(item.english) },
                    "\(item.path) in \(english.stderr)")
        }

        // Named on the command line, the FIFO is refused as well (by `audit` and by `check`), without waiting for a writer.
        let named = try runTool(["audit", good, fifo, "--rubric", rubric], in: root, wrapper: wrapper, timeout: 60)
        #expect(!named.timedOut)
        #expect(named.status == 1)
        #expect(named.stderr.contains(fifo + ": is een named pipe"))
        let check = try runTool(["check", fifo, "--rubric", rubric], in: root, wrapper: wrapper, timeout: 60)
        #expect(!check.timedOut)
        #expect(check.status == 2)
        #expect(check.stderr.contains(fifo + ": is een named pipe"))
    }

    @Test func irregularFilesAreRefusedBeforeOpening() throws {
        let folder = TemporaryFolder()
        let fifo = folder.url.appendingPathComponent("pijp.txt").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // Opening a FIFO without a writer would block this test for good.
        #expect(throws: IngestError.notRegularFile(kind: "fifo")) { try Ingest.load(path: fifo) }
        #expect(throws: IngestError.notRegularFile(kind: "directory")) {
            try FileManager.default.createDirectory(atPath: folder.url.path + "/map.txt", withIntermediateDirectories: false)
            return try Ingest.load(path: folder.url.path + "/map.txt")
        }
        if FileManager.default.fileExists(atPath: "/dev/zero") {
            // A device behind a link with a text name: /dev/zero never ends.
            try FileManager.default.createSymbolicLink(atPath: folder.url.path + "/nul.txt", withDestinationPath: "/dev/zero")
            #expect(throws: IngestError.notRegularFile(kind: "device")) { try Ingest.load(path: folder.url.path + "/nul.txt") }
        }
        try FileManager.default.createSymbolicLink(atPath: folder.url.path + "/weg.txt", withDestinationPath: "nergens.txt")
        #expect(throws: IngestError.danglingLink) { try Ingest.load(path: folder.url.path + "/weg.txt") }
        try FileManager.default.createSymbolicLink(atPath: folder.url.path + "/rond.txt", withDestinationPath: "rond.txt")
        #expect(throws: IngestError.linkLoop) { try Ingest.load(path: folder.url.path + "/rond.txt") }
        #expect(throws: IngestError.unreadable(reason: "no such file")) { try Ingest.load(path: folder.url.path + "/geen.txt") }

        let inputs = Auditor.expand([folder.url.path])
        #expect(inputs.map { ($0.path as NSString).lastPathComponent } == ["nul.txt", "pijp.txt", "rond.txt", "weg.txt"]
                || inputs.map { ($0.path as NSString).lastPathComponent } == ["pijp.txt", "rond.txt", "weg.txt"])
        #expect(inputs.allSatisfy { $0.problem != nil })
    }
}
