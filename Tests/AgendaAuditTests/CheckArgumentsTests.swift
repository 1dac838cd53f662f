import Foundation
import Testing

/// `check FILE` with plain options is read without ArgumentParser (start-up time, issue 15); every other form goes
/// through ArgumentParser. Both must give the same result, and mistakes must still get ArgumentParser's messages.
@Suite("check: arguments read directly and by ArgumentParser")
struct CheckArgumentsTests {
    /// The same request, once in the direct form and once in a form only ArgumentParser reads (`--option=value`).
    @Test(arguments: [
        (["check", "drafts/voorbeeld-goed.txt"], ["check", "--", "drafts/voorbeeld-goed.txt"]),
        (["check", "drafts/voorbeeld-zwak.txt", "--format", "json", "--lang", "en"],
         ["check", "--format=json", "--lang=en", "drafts/voorbeeld-zwak.txt"]),
        (["check", "--lang", "en", "drafts/voorbeeld-goed.txt"], ["check", "drafts/voorbeeld-goed.txt", "--lang=en"]),
        (["check", "drafts/edities/nieuw-deels.txt", "--previous", "drafts/edities/vorige-2023-2024.txt", "--format", "json"],
         ["check", "drafts/edities/nieuw-deels.txt", "--previous=drafts/edities/vorige-2023-2024.txt", "--format=json"]),
        (["check", "drafts/voorbeeld-goed.txt", "--rubric", "rubric.json"], ["check", "drafts/voorbeeld-goed.txt", "--rubric=rubric.json"]),
        (["check", "/nonexistent/agenda.txt", "--lang", "en"], ["check", "/nonexistent/agenda.txt", "--lang=en"]),
    ])
    func directAndParsedAgree(direct: [String], parsed: [String]) throws {
        let one = try runTool(direct, in: Repo.root.path)
        let other = try runTool(parsed, in: Repo.root.path)
        #expect(one.status == other.status)
        #expect(one.stdout == other.stdout)
        #expect(one.stderr == other.stderr)
        #expect(!(one.stdout + one.stderr).isEmpty)
    }

    @Test func outFileIsWrittenTheSame() throws {
        let folder = TemporaryFolder()
        let direct = folder.url.appendingPathComponent("direct.json").path
        let parsed = folder.url.appendingPathComponent("parsed.json").path
        let one = try runTool(["check", "drafts/voorbeeld-goed.txt", "--format", "json", "--out", direct], in: Repo.root.path)
        let other = try runTool(["check", "drafts/voorbeeld-goed.txt", "--format", "json", "--out=\(parsed)"], in: Repo.root.path)
        #expect(one.status == other.status)
        let written = try Data(contentsOf: URL(fileURLWithPath: direct))
        #expect(!written.isEmpty)
        #expect(written == (try Data(contentsOf: URL(fileURLWithPath: parsed))))
    }

    @Test func mistakesGetArgumentParsersMessages() throws {
        let badFormat = try runTool(["check", "drafts/voorbeeld-goed.txt", "--format", "xml"], in: Repo.root.path)
        #expect(badFormat.status == 64)
        #expect(badFormat.stderr.contains("'xml' is invalid for '--format <format>'"))
        let extra = try runTool(["check", "drafts/voorbeeld-goed.txt", "extra.txt"], in: Repo.root.path)
        #expect(extra.status == 64)
        #expect(extra.stderr.contains("Unexpected argument 'extra.txt'"))
        let missingValue = try runTool(["check", "drafts/voorbeeld-goed.txt", "--lang"], in: Repo.root.path)
        #expect(missingValue.status == 64)
        #expect(missingValue.stderr.contains("Missing value for '--lang <lang>'"))
        let help = try runTool(["check", "--help"], in: Repo.root.path)
        #expect(help.status == 0)
        #expect(help.stdout.contains("--previous"))
    }
}
