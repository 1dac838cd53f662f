import Foundation
import Testing
@testable import AgendaAudit

@Suite("HTML report in a real browser")
struct HTMLReportTests {
    static let agenda = """
    Werkagenda Proef

    Aanpak

    Via het werkgeversservicepunt werven we kandidaten met een arbeidsbeperking.

    We delen goede voorbeelden in een nieuwsbrief. <script>alert("x")</script> <img src="http://example.invalid/a.png">
    """

    @Test func rendersMatrixHighlightsAndEscapesText() throws {
        let folder = TemporaryFolder()
        let path = folder.write("proef.txt", Self.agenda)
        let report = folder.url.appendingPathComponent("rapport.html").path
        let run = try runTool(["audit", path, "--format", "html", "--out", report])
        #expect(run.status == 0)
        let html = try String(contentsOfFile: report, encoding: .utf8)
        // Self-contained: nothing outside the file is referenced.
        #expect(!html.contains("<link"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("<script"))

        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-audit-report.png").path
        let page = try Browser.load(URL(fileURLWithPath: report).absoluteString, screenshot: screenshot)
        // The matrix: the bemiddelaars cell of the agenda row is present, ambassadeurschap absent.
        #expect(page.dom.contains("class=\"cell present c-bemiddelaars\" data-code=\"bemiddelaars\""))
        #expect(page.dom.contains("class=\"cell absent\" data-code=\"ambassadeurschap\""))
        #expect(page.dom.contains("<th scope=\"row\">N/1</th>"))
        // A highlighted passage.
        #expect(page.dom.contains(">werkgeversservicepunt</mark>"))
        #expect(page.dom.contains("data-code=\"goede-voorbeelden\""))
        // The agenda's markup is shown as text, not run or loaded.
        #expect(page.dom.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;"))
        #expect(!page.dom.contains("<img"))
        #expect(page.pageRequests.filter { !$0.hasPrefix("file:") && !$0.hasPrefix("data:") }.isEmpty,
                "the page fetched: \(page.pageRequests)")
    }

    @Test func netLogCatchesARequestingPage() throws {
        // The check above must be able to fail: a page with an external image is caught.
        let folder = TemporaryFolder()
        let path = folder.write("extern.html", "<html><body><img src=\"http://example.invalid/x.png\"><p>hoi</p></body></html>")
        let page = try Browser.load(URL(fileURLWithPath: path).absoluteString)
        #expect(page.pageRequests.contains("http://example.invalid/x.png"))
    }
}
