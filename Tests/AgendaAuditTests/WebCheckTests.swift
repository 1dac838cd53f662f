import Foundation
import Testing
@testable import AgendaAudit

/// The web check's pages without the server: a request in, a page out.
@Suite("Web check pages")
struct WebCheckTests {
    static let web = WebCheck(rubric: Repo.rubric)

    static func form(_ fields: [(name: String, filename: String?, data: Data)], boundary: String = "XyZ123") -> (String, Data) {
        var body = Data()
        for field in fields {
            var header = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field.name)\""
            if let filename = field.filename { header += "; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream" }
            body += Data((header + "\r\n\r\n").utf8) + field.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return ("multipart/form-data; boundary=\(boundary)", body)
    }

    static func post(_ fields: [(name: String, filename: String?, data: Data)]) -> (status: Int, page: String) {
        let (type, body) = form(fields)
        let reply = web.handle(method: "POST", path: "/check", contentType: type, body: body)
        return (reply.status, String(decoding: reply.body, as: UTF8.self))
    }

    /// The decoded `data:` URL of the link with this attribute text in the page.
    static func download(_ page: String, after marker: String) -> String? {
        // Attributes are written in name order: `download` comes just before `href`.
        guard let markerRange = page.range(of: marker),
              let start = page[markerRange.upperBound...].range(of: "base64,")?.upperBound,
              let end = page[start...].firstIndex(of: "\"") else { return nil }
        return Data(base64Encoded: String(page[start..<end])).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A word of letters for a number: paragraphs that differ only in digits are taken for page headers.
    static func word(_ number: Int) -> String {
        var number = number + 27, word = ""
        while number > 0 {
            word = String(UnicodeScalar(UInt8(97 + number % 26))) + word
            number /= 26
        }
        return word
    }

    @Test func anEmptyFileIsNamedAndCalledEmpty() {
        let (status, page) = Self.post([("file", "leeg <b>.docx", Data()), ("text", nil, Data())])
        #expect(status == 400)
        #expect(page.contains("Het bestand “leeg &lt;b&gt;.docx” is leeg"))
        #expect(!page.contains("Kies een bestand of plak"))
    }

    @Test func aDocUploadIsNamedAndToldToSaveAsDocx() {
        let (status, page) = Self.post([("file", "agenda 2025.doc", Data([0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3]))])
        #expect(status == 415)
        #expect(page.contains("“agenda 2025.doc”"))
        #expect(page.contains("sla het bestand op als .docx"))
    }

    @Test func aDraftWithoutFindingsSaysSoUnderTheHeading() throws {
        let text = "Het weer was mooi.\n\nDe vergadering begon om negen uur.\n\nDaarna was er koffie."
        let (status, page) = Self.post([("text", nil, Data(text.utf8))])
        #expect(status == 200)
        let section = try #require(page.range(of: "id=\"passages\"")).upperBound
        #expect(page[section...].contains("id=\"no-findings\""))
        #expect(page[section...].contains("in geen van de 3 passages"))
    }

    @Test func theDownloadIsThePrintableCheckAndTheLanguageLinkKeepsTheResult() throws {
        let draft = try String(contentsOfFile: Repo.path("drafts/voorbeeld-zwak.txt"), encoding: .utf8)
        let (status, page) = Self.post([("file", "zwak.txt", Data(draft.utf8))])
        #expect(status == 200)
        let printable = try #require(Self.download(page, after: "download=\"werkagenda-check.html\""))
        #expect(printable.contains("id=\"verdict\"") && printable.contains("Nog niet klaar om in te dienen"))
        #expect(printable.contains("id=\"missing\"") && printable.contains("id=\"passages\""))
        #expect(!printable.contains("<form") && !printable.contains("class=\"downloads\"") && !printable.contains("<header"))
        // The batch report's agenda count ("N/1") is gone: this is the check itself.
        #expect(!printable.contains("1/1"))
        let english = try #require(Self.download(page, after: "download=\"werkagenda-check-en.html\""))
        #expect(english.contains("<html lang=\"en\">") && english.contains("Not ready to submit yet"))
        #expect(english.contains("What is missing"))
        // The start page keeps its plain link to the English start page.
        let start = String(decoding: Self.web.handle(method: "GET", path: "/", contentType: nil, body: Data()).body, as: UTF8.self)
        #expect(start.contains("href=\"/?lang=en\""))
    }

    @Test func hostileNamesAndTextAreEscapedInPageAndDownloads() throws {
        let name = "<script>alert(1)</script>\"'&.txt"
        let text = "<img src=x onerror=alert(1)> In 2026 plaatsen wij 40 kandidaten op een garantiebaan. </textarea><script>x()</script>"
        let (status, page) = Self.post([("file", name, Data(text.utf8))])
        #expect(status == 200)
        let printable = try #require(Self.download(page, after: "download=\"werkagenda-check.html\""))
        let english = try #require(Self.download(page, after: "download=\"werkagenda-check-en.html\""))
        for html in [page, printable, english] {
            #expect(!html.contains("<script") && !html.contains("<img"))
            #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        }
        let (_, refused) = Self.post([("file", "<b onmouseover=x>.exe", Data("MZ".utf8))])
        #expect(refused.contains("“&lt;b onmouseover=x&gt;.exe”") && !refused.contains("<b onmouseover"))
    }

    @Test func tooManyPassagesAreRefusedNamingTheLimit() {
        let text = (1...(WebCheck.maximumPassages + 1)).map { "Alinea \(Self.word($0)) van de agenda." }.joined(separator: "\n\n")
        let (status, page) = Self.post([("file", "lang.txt", Data(text.utf8))])
        #expect(status == 422)
        #expect(page.contains("5.001 passages") && page.contains("tot 5.000 passages"))
        // The previous agenda is held to the same limit.
        let draft = Data("Werkagenda 2025-2026\n\nWe organiseren in 2025 vier bijeenkomsten.".utf8)
        let (previousStatus, previousPage) = Self.post([("file", "nieuw.txt", draft), ("previous", "lang.txt", Data(text.utf8))])
        #expect(previousStatus == 422)
        #expect(previousPage.contains("“lang.txt” heeft 5.001 passages"))
    }

    @Test func aLongResultIsSummarisedAndSaysSo() throws {
        let text = (0..<(WebCheck.maximumShownPassages + 50)).map {
            "In 2026 organiseren wij voor kandidaten met een arbeidsbeperking een kennismaking bij werkgever \(Self.word($0)) in de regio."
        }.joined(separator: "\n\n")
        let (status, page) = Self.post([("text", nil, Data(text.utf8))])
        #expect(status == 200)
        let shown = page.components(separatedBy: "class=\"passage\"").count - 1
        #expect(shown == WebCheck.maximumShownPassages)
        #expect(page.contains("id=\"summarised\"") && page.contains("de eerste \(WebCheck.maximumShownPassages) van de "))
    }

    @Test func multipartIsParsedInOnePassAndItsPartsAreCapped() throws {
        let many = (0..<20_000).map { (name: "f\($0)", filename: String?.none, data: Data("v\($0)".utf8)) }
        let (type, body) = Self.form(many)
        let boundary = try #require(MultipartForm.boundary(of: type))
        let all = try #require(MultipartForm(body: body, boundary: boundary, maximumParts: 100_000))
        #expect(all.parts.count == 20_000 && !all.tooManyParts)
        #expect(all.text("f19999") == "v19999")
        let capped = try #require(MultipartForm(body: body, boundary: boundary))
        #expect(capped.parts.count == MultipartForm.maximumParts && capped.tooManyParts)
        let reply = Self.web.handle(method: "POST", path: "/check", contentType: type, body: body)
        #expect(reply.status == 400)
        #expect(String(decoding: reply.body, as: UTF8.self).contains("meer dan \(MultipartForm.maximumParts) velden"))
        // A file's bytes, CR and LF included, come back unchanged.
        let bytes = Data([0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0xFF, 0x0D, 0x0A])
        let (_, one) = Self.form([("file", "a.txt", bytes)])
        #expect(MultipartForm(body: one, boundary: "XyZ123")?.part("file")?.data == bytes)
        #expect(MultipartForm(body: Data("--XyZ123\r\ngarbage".utf8), boundary: "XyZ123") == nil)
    }

    @Test func hostsAndOriginsAreChecked() {
        let local = RequestGuard(boundHost: "127.0.0.1")
        #expect(local.isLoopbackOnly && !local.isWildcard)
        for host in ["127.0.0.1:8080", "localhost:8080", "LOCALHOST", "[::1]:8080", "localhost."] {
            #expect(local.admits(host: host), "\(host)")
        }
        for host in ["evil.example:8080", "127.0.0.1.evil.example", "192.168.1.5:8080", "", "localhost.evil"] {
            #expect(!local.admits(host: host), "\(host)")
        }
        #expect(!local.admits(host: nil))
        let everywhere = RequestGuard(boundHost: "0.0.0.0", extraNames: ["werkplek7"])
        #expect(everywhere.isWildcard && !everywhere.isLoopbackOnly)
        #expect(everywhere.admits(host: "192.168.1.5:8080") && everywhere.admits(host: "werkplek7:8080"))
        #expect(!everywhere.admits(host: "evil.example"))
        #expect(local.admits(origin: nil, fetchSite: nil, host: "127.0.0.1:8080"))
        #expect(local.admits(origin: "http://127.0.0.1:8080", fetchSite: "same-origin", host: "127.0.0.1:8080"))
        #expect(!local.admits(origin: "http://evil.example", fetchSite: nil, host: "127.0.0.1:8080"))
        #expect(!local.admits(origin: "null", fetchSite: nil, host: "127.0.0.1:8080"))
        // A browser's own form under Referrer-Policy: no-referrer.
        #expect(local.admits(origin: "null", fetchSite: "same-origin", host: "127.0.0.1:8080"))
        #expect(!local.admits(origin: "null", fetchSite: "same-site", host: "127.0.0.1:8080"))
        #expect(!local.admits(origin: "http://127.0.0.1:9999", fetchSite: nil, host: "127.0.0.1:8080"))
        #expect(!local.admits(origin: nil, fetchSite: "cross-site", host: "127.0.0.1:8080"))
        let refused = Self.web.refusal(local, method: "POST", path: "/check", host: "127.0.0.1:8080",
                                       origin: "http://evil.example", fetchSite: nil)
        #expect(refused?.status == 403)
        #expect(Self.web.refusal(local, method: "GET", path: "/", host: "evil.example", origin: nil, fetchSite: nil)?.status == 421)
        #expect(Self.web.refusal(local, method: "GET", path: "/", host: "localhost:8080", origin: nil, fetchSite: nil) == nil)
    }

    @Test func wordPartsThatCostTooMuchAreRefusedBeforeParsing() throws {
        let folder = TemporaryFolder()
        // 1.2 million empty paragraphs: 7 MB of XML in a file of some kilobytes.
        let bomb = folder.url.appendingPathComponent("leeg.docx")
        try DocxFixture.make(String(repeating: "<w:p/>", count: 1_200_000), at: bomb)
        #expect(try Data(contentsOf: bomb).count < 200_000)
        #expect(throws: IngestError.wordPartTooComplex(part: "word/document.xml", limit: DocxReader.maximumMarkupItems)) {
            try Ingest.load(path: bomb.path)
        }
        let message = IngestError.wordPartTooComplex(part: "word/document.xml", limit: DocxReader.maximumMarkupItems).message(.nl)
        #expect(message.contains("1.000.000 XML-elementen"))
        // Over the inflated size: 40 MB of one repeated letter.
        let big = folder.url.appendingPathComponent("groot.docx")
        try DocxFixture.make("<w:p><w:r><w:t>" + String(repeating: "a", count: 40 * 1024 * 1024) + "</w:t></w:r></w:p>", at: big)
        #expect(throws: IngestError.wordPartTooLarge(part: "word/document.xml", limit: DocxReader.maximumPartSize)) {
            try Ingest.load(path: big.path)
        }
        // An ordinary document still reads, and nothing is left in the temporary folder.
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("agenda-audit-") && $0.hasSuffix(".docx") })
        let fine = folder.url.appendingPathComponent("goed.docx")
        try DocxFixture.make(DocxFixture.paragraph("Wij plaatsen in 2026 veertig kandidaten."), at: fine)
        #expect(try Ingest.load(path: fine.path).passages.count == 1)
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("agenda-audit-") && $0.hasSuffix(".docx") })
        #expect(after.subtracting(before).isEmpty)
    }
}
