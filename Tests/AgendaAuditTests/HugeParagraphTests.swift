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
