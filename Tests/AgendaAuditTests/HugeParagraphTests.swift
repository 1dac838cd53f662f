import Foundation
import Testing
@testable import AgendaAudit

/// The hostile and broken inputs of the issue "Fast and unbreakable", each
/// with the behaviour it must keep. (More live next to the feature they
/// test: IngestTests, DocxTests, RubricTests, CLITests.)

@Suite("Hostile input: one enormous paragraph")
struct HugeParagraphTests {
    /// 50 MB on one line, no blank line and no newline: the whole pipeline
    /// (read, decode, passages, coding, cycle) must finish, cut the paragraph
    /// into bounded passages and cover every character, with code-point
    /// offsets. To keep a debug `swift test` well under a minute the text has
    /// fewer words than prose: one real agenda sentence with rubric terms per
    /// about 530 bytes, each followed by a run of 150 `…` (dot leaders as in
    /// a PDF's table of contents, three bytes and one code point each). The
    /// README gives release figures for 50 MB of real agenda sentences.
    /// The document's text is put together from its headings and passages when asked (not kept): it is the
    /// blocks joined by blank lines, also where an overlong block was cut and the whitespace between its pieces,
    /// before the first and after the last belongs to no passage, and for an overlong block of only whitespace.
    @Test func textIsTheBlocksJoinedAlsoAroundCutBlocks() throws {
        let sentence = "Wij werven  kandidaten via het werkgeversservicepunt.\t "
        let long = "  " + String(repeating: sentence, count: 400) + " é\u{00A0} "
        let blocks = [
            Block(kind: .heading, text: "Werkagenda 2025-2026", level: 1),
            Block(kind: .paragraph, text: long),
            Block(kind: .paragraph, text: ""),
            Block(kind: .tableRow, text: "Doel | 40 banen"),
            Block(kind: .paragraph, text: String(repeating: " ", count: Document.maximumPassageLength + 5)),
            Block(kind: .heading, text: "Monitoring", level: 2),
            Block(kind: .listItem, text: "één overleg per kwartaal"),
            Block(kind: .paragraph, text: long + "x"),
        ]
        let document = Document(path: "a.txt", title: "a", format: .plainText, blocks: blocks)
        let expected = blocks.map(\.text).filter { !$0.isEmpty }.joined(separator: "\n\n")
        #expect(document.passages.count > 6)
        #expect(document.text == expected)
        #expect(document.utf8Count == expected.utf8.count)
        for passage in document.passages {
            #expect(document.slice(passage.start, passage.end) == passage.text)
        }
        for heading in document.headings {
            #expect(document.slice(heading.start, heading.end) == heading.text)
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func fiftyMegabytesOnOneLine() throws {
        let sentences = [
            "Via het werkgeversservicepunt werven we kandidaten met een arbeidsbeperking.",
            "In 2025 organiseren we vier netwerkbijeenkomsten om goede voorbeelden te delen.",
            "Werkplekbegeleiders volgen een training en jobcoaches ondersteunen de leidinggevenden.",
            "We maken afspraken over social return bij de inkoop van diensten.",
        ]
        let leaders = String(repeating: "…", count: 150)
        let size = 50 * 1024 * 1024
        var text = ""
        text.reserveCapacity(size + 1_000)
        var index = 0
        while text.utf8.count < size {
            text += sentences[index % sentences.count] + " " + leaders + " "
            index += 1
        }
        text.removeLast()
        let folder = TemporaryFolder()
        let path = folder.write("een-alinea.txt", text)
        #expect(!text.utf8.contains(UInt8(ascii: "\n")))

        let clock = ContinuousClock()
        let started = clock.now
        let doc = try Ingest.load(path: path)
        let audit = Pipeline(rubric: Repo.rubric).audit(doc)
        print("50 MB paragraph: \(doc.passages.count) passages, ingest and audit in \(clock.now - started)")

        let scalars = Array(doc.text.unicodeScalars)
        #expect(doc.text == text)
        let maximum = Document.maximumPassageLength
        #expect(doc.passages.count >= scalars.count / maximum)
        #expect(doc.passages.first?.start == 0)
        #expect(doc.passages.last?.end == scalars.count)
        var previousEnd = 0
        var problems: [String] = []
        for (number, passage) in doc.passages.enumerated() {
            let length = passage.end - passage.start
            if length > maximum || length != passage.text.unicodeScalars.count || passage.start < previousEnd {
                problems.append("\(passage.id): \(passage.start)..<\(passage.end)")
            }
            // Between two passages only the space that separated them.
            if scalars[previousEnd..<passage.start].contains(where: { $0 != " " }) { problems.append("\(passage.id): gap") }
            // Cut after a sentence end: here every passage ends with its run of leaders.
            if passage.text.unicodeScalars.last != "…" { problems.append("\(passage.id): ends mid-sentence") }
            if number % 500 == 0, !scalars[passage.start..<passage.end].elementsEqual(passage.text.unicodeScalars) {
                problems.append("\(passage.id): text differs from its range")
            }
            previousEnd = passage.end
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(Set(audit.coded.actionTypes).isSuperset(of: ["bemiddelaars", "goede-voorbeelden", "training-begeleiders"]))
        #expect(audit.coded.passages.count == doc.passages.count)
        #expect(audit.cycle?.passages.count == doc.passages.count)
    }

    /// libxml2 keeps at most about 10,000,000 characters of one text node
    /// (the HTML parser stops there, the XML parser a little later, depending
    /// on its buffer growth): an (X)HTML or Word file with a longer paragraph
    /// gets a clear error or is read whole, never audited as its first 10 MB.
    @Test func markupParagraphsBeyondLibxml2sLimitAreRefusedNotCut() throws {
        let sentence = "Via het werkgeversservicepunt werven we kandidaten met een arbeidsbeperking. "
        let long = String(repeating: sentence, count: 12_500_000 / sentence.utf8.count)
        let expected = long.utf8.count - 1
        let folder = TemporaryFolder()
        let xhtml = "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>\(long)</p></body></html>"
        let html = folder.write("groot.html", xhtml)
        let word = folder.url.appendingPathComponent("groot.docx")
        try EntityTests.docx(DocxFixture.document("<w:p><w:r><w:t>\(long)</w:t></w:r></w:p>"), at: word)
        for path in [folder.write("groot.xhtml", xhtml), html, word.path] {
            do {
                let doc = try Ingest.load(path: path)
                #expect(doc.text.utf8.count == expected, "\(path): \(doc.text.utf8.count) of \(expected) bytes read")
            } catch {
                #expect(error == .textBlockTooLong(limit: 10_000_000), "\(path)")
            }
        }
        #expect(IngestError.textBlockTooLong(limit: 10_000_000).message(.nl).contains("langer dan 10.000.000 tekens"))
        // Through the tool: a clear line and nothing else on standard error (libxml2 prints
        // "huge text node" itself unless its errors are caught).
        let result = try runTool(["audit", html], timeout: 300)
        #expect(!result.timedOut)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("fout: ") }, "\(result.stderr.prefix(2_000))")
        #expect(result.status == 0 || (result.status == 2 && lines.first?.contains("tekstblok is langer") == true))

        // A 2 MB paragraph is read whole from HTML and from Word.
        let shorter = String(repeating: sentence, count: 2_000_000 / sentence.utf8.count)
        let small = try Ingest.load(path: folder.write("korter.html", "<html><body><p>\(shorter)</p></body></html>"))
        #expect(small.text.utf8.count == shorter.utf8.count - 1)
        try EntityTests.docx(DocxFixture.document("<w:p><w:r><w:t>\(shorter)</w:t></w:r></w:p>"), at: word)
        #expect(try Ingest.load(path: word.path).text.utf8.count == shorter.utf8.count - 1)
    }

    @Test func piecesPreferSentenceEndsThenSpacesThenAHardCut() {
        func cut(_ text: String, _ maximum: Int) -> [String] {
            let pieces = Document.pieces(of: text, length: text.unicodeScalars.count, maximum: maximum)
            for piece in pieces {
                #expect(text.scalarSlice(piece.start, piece.end) == piece.text)
                #expect(piece.end - piece.start <= maximum)
            }
            return pieces.map(\.text)
        }
        // A short text is left alone.
        #expect(cut("Een zin. Nog een.", 100) == ["Een zin. Nog een."])
        // After a sentence end followed by a capital, not after an abbreviation ("o.a. de").
        #expect(cut("Eén geïnformeerde zin. Werkagenda’s o.a. de tweede zin. Derde.", 45)
                == ["Eén geïnformeerde zin.", "Werkagenda’s o.a. de tweede zin. Derde."])
        // Closing quotes and brackets stay with their sentence.
        #expect(cut("Hij zei \"klaar.\" (Echt.) Daarna iets anders dat lang is.", 32)
                == ["Hij zei \"klaar.\" (Echt.)", "Daarna iets anders dat lang is."])
        // No sentence end in reach: at the last space.
        #expect(cut("een twee drie vier vijf zes zeven acht", 15) == ["een twee drie", "vier vijf zes", "zeven acht"])
        // No space at all: a hard cut, nothing lost.
        #expect(cut(String(repeating: "x", count: 25), 10) == ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"])
        // Offsets count code points, also with combining marks and emoji.
        let mixed = "Één e\u{301}\u{301} 🇳🇱 🇳🇱 🇳🇱 🇳🇱."
        #expect(cut(mixed, 8).joined(separator: " ") == mixed)
    }

    @Test func aCutParagraphKeepsItsSectionLineAndKind() throws {
        let list = "- " + String(repeating: "Werkplekbegeleiders volgen een training. ", count: 400)
        let doc = try document("Aanpak\n\nEerste alinea.\n\n" + list + "\n\nLaatste alinea.\n")
        #expect(doc.passages.count > 3)
        let cut = doc.passages.dropFirst().dropLast()
        #expect(cut.allSatisfy { $0.kind == .listItem && $0.line == 5 && $0.section == ["Aanpak"] })
        #expect(doc.passages.map(\.id) == (1...doc.passages.count).map { "p\($0)" })
        #expect(doc.passages.last?.text == "Laatste alinea.")
        for passage in doc.passages { #expect(doc.slice(passage.start, passage.end) == passage.text) }
    }
}
