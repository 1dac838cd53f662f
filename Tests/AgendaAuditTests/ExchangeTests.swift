import Foundation
import Testing
@testable import AgendaAudit

/// Issue 14, exchange with QDA tools and agreement: offset conventions,
/// unique source names, cycle colours, the CSV `file,,` row, the table's
/// per-type alpha and Dutch decimal commas.
enum ExchangeFixture {
    /// A `project.qde` with one text source whose text is `stored` and one
    /// selection per span, coded with the given code names.
    static func qde(name: String, stored: String, spans: [(start: Int, end: Int, codes: [String])]) -> String {
        let codeNames = Array(Set(spans.flatMap(\.codes))).sorted()
        func codeGUID(_ name: String) -> String { QDPXExport.guid("test-code:\(name)") }
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Project xmlns="urn:QDA-XML:project:1.0" name="hand">
          <CodeBook><Codes>

        """
        for code in codeNames {
            xml += "    <Code guid=\"\(codeGUID(code))\" name=\"\(XMLWriter.escape(code, attribute: true))\" isCodable=\"true\"/>\n"
        }
        xml += "  </Codes></CodeBook>\n  <Sources>\n"
        xml += "    <TextSource guid=\"\(QDPXExport.guid("test-source:\(name)"))\" name=\"\(XMLWriter.escape(name, attribute: true))\">\n"
        xml += "      <PlainTextContent>\(XMLWriter.escape(stored, attribute: false))</PlainTextContent>\n"
        for (index, span) in spans.enumerated() {
            xml += "      <PlainTextSelection guid=\"\(QDPXExport.guid("test-selection:\(index)"))\" startPosition=\"\(span.start)\" endPosition=\"\(span.end)\">\n"
            for code in span.codes {
                xml += "        <Coding guid=\"\(QDPXExport.guid("test-coding:\(index):\(code)"))\"><CodeRef targetGUID=\"\(codeGUID(code))\"/></Coding>\n"
            }
            xml += "      </PlainTextSelection>\n"
        }
        xml += "    </TextSource>\n  </Sources>\n</Project>\n"
        return xml
    }

    static func audit(_ text: String, path: String) throws -> AuditResult {
        let document = try Ingest.parse(data: Data(text.utf8), path: path, ext: "txt")
        return AuditResult(rubric: Repo.rubric, outcomes: [.audited(Pipeline(rubric: Repo.rubric).audit(document))])
    }

    /// The tool's own coding of every coded passage, as spans in the audited text's code points.
    static func ownSpans(_ result: AuditResult) -> [(start: Int, end: Int, codes: [String])] {
        result.audits[0].coded.passages.filter { !$0.codes.isEmpty }
            .map { ($0.passage.start, $0.passage.end, $0.codes.map(\.code)) }
    }

    /// Converts code-point offsets of `text` to another counting.
    static func offsets(_ spans: [(start: Int, end: Int, codes: [String])], in text: String,
                        utf16: Bool, crlfAsOne: Bool) -> [(start: Int, end: Int, codes: [String])] {
        let scalars = Array(text.unicodeScalars)
        var position = [0]
        for (index, scalar) in scalars.enumerated() {
            let crOfCRLF = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
            position.append(position.last! + (crlfAsOne && crOfCRLF ? 0 : (utf16 && scalar.value > 0xFFFF ? 2 : 1)))
        }
        return spans.map { (position[$0.start], position[$0.end], $0.codes) }
    }
}

@Suite("Exchange: REFI-QDA offsets, names and colours")
struct ExchangeOffsetTests {
    /// An agenda as a researcher has it: hard-wrapped at 30 characters, CRLF line ends (a Windows `.txt`).
    static let wrapped: String = {
        let raw = try! String(contentsOfFile: Repo.path("agendas/gemeenten.txt"), encoding: .utf8)
        var lines: [String] = []
        for paragraph in raw.components(separatedBy: "\n\n") {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty, line.count + 1 + word.count > 30 { lines.append(line); line = "" }
                line += (line.isEmpty ? "" : " ") + word
            }
            lines.append(line)
            lines.append("")
        }
        return lines.joined(separator: "\r\n")
    }()

    /// The audit of `wrapped` and its coded passages as code-point spans of `wrapped` (CRLF = two characters).
    static func wrappedAudit() throws -> (AuditResult, [(start: Int, end: Int, codes: [String])]) {
        let result = try ExchangeFixture.audit(wrapped, path: "agendas/gemeenten.txt")
        let locator = TextLocator(wrapped)
        let count = Double(result.audits[0].document.text.unicodeScalars.count)
        let spans = try ExchangeFixture.ownSpans(result).map { span in
            let text = result.audits[0].document.slice(span.start, span.end)
            let found = try #require(locator.locate(text, near: Double(span.start) / count))
            return (found.start, found.end, span.codes)
        }
        return (result, spans)
    }

    /// ATLAS.ti's convention: the stored text has CRLF, the offsets count CRLF as one character.
    @Test func crlfTextWithLFCountedOffsets() throws {
        let (result, codePoints) = try Self.wrappedAudit()
        #expect(codePoints.count >= 10)
        let lfCounted = ExchangeFixture.offsets(codePoints, in: Self.wrapped, utf16: false, crlfAsOne: true)
        let qde = ExchangeFixture.qde(name: "gemeenten.txt", stored: Self.wrapped, spans: lfCounted)
        #expect(XMLSchemaValidator.validate(qde, schemaPath: QDPXFixture.schemaPath).isEmpty)
        let coding = try HumanCoding.readQDE(Data(qde.utf8), sourceText: { _ in nil })
        let report = AgreementReport.compare(result, with: coding)
        #expect(report.disagreements.isEmpty, "\(report.disagreements.map { "\($0.passage) \($0.code) \($0.who)" })")
        #expect(report.percentAgreement == 1)
        #expect(report.notes.contains(.offsetConvention(file: "gemeenten.txt", convention: .init(utf16: false, crlfAsOne: true))))
        #expect(report.notes.first { if case .offsetConvention = $0 { true } else { false } }!.message(.nl)
            .contains("CRLF als één teken"))
    }

    /// The other convention on the same text: CRLF counted as two characters.
    @Test func crlfTextWithCodePointOffsets() throws {
        let (result, spans) = try Self.wrappedAudit()
        let coding = try HumanCoding.readQDE(Data(ExchangeFixture.qde(name: "gemeenten", stored: Self.wrapped, spans: spans).utf8),
                                             sourceText: { _ in nil })
        let report = AgreementReport.compare(result, with: coding)
        #expect(report.disagreements.isEmpty)
        #expect(report.notes.contains(.offsetConvention(file: "gemeenten", convention: .init(utf16: false, crlfAsOne: false))))
    }

    /// Text with characters outside the BMP: offsets in UTF-16 units, and in code points.
    @Test func emojiTextWithUTF16AndCodePointOffsets() throws {
        // Distinct lines: a line repeated through the file would be read as a running header and dropped.
        let sentences = [
            "Via het werkgeversservicepunt werven we kandidaten met een arbeidsbeperking.",
            "We hebben geen centraal budget.",
            "In 2024 organiseren we vier netwerkbijeenkomsten om goede voorbeelden te delen.",
            "Werkplekbegeleiders volgen een training.",
            "Samen met het UWV bemiddelen we kandidaten naar werk.",
            "De kantine is op vrijdag gesloten.",
            "Op de regionale bijeenkomst delen we goede voorbeelden van job carving.",
            "Leidinggevenden volgen een workshop over begeleiding op de werkvloer.",
            "Via uitzendbureaus vinden we kandidaten voor tijdelijke banen.",
        ]
        var text = "Werkagenda 🎯 Test\n\n"
        for (index, sentence) in sentences.enumerated() {
            text += String(repeating: "🎯🚀", count: index + 1) + " \(sentence) ✅🎉\n\n"
        }
        let result = try ExchangeFixture.audit(text, path: "emoji.txt")
        let audited = result.audits[0].document.text
        #expect(audited.unicodeScalars.contains { $0.value > 0xFFFF })
        let spans = ExchangeFixture.ownSpans(result)
        #expect(spans.count >= 5)
        for utf16 in [true, false] {
            let counted = ExchangeFixture.offsets(spans, in: audited, utf16: utf16, crlfAsOne: false)
            let coding = try HumanCoding.readQDE(Data(ExchangeFixture.qde(name: "emoji.txt", stored: audited, spans: counted).utf8),
                                                 sourceText: { _ in nil })
            let report = AgreementReport.compare(result, with: coding)
            #expect(report.disagreements.isEmpty, "utf16 \(utf16): \(report.disagreements.map { "\($0.passage) \($0.code) \($0.who)" })")
            #expect(report.notes.contains(.offsetConvention(file: "emoji.txt", convention: .init(utf16: utf16, crlfAsOne: false))))
        }
    }

    @Test func plainLFTextNeedsNoRemark() throws {
        let result = try AgreementFixture.result()
        let coding = try HumanCoding.readQDE(
            Data(ExchangeFixture.qde(name: "a.txt", stored: AgreementFixture.a, spans: [(17, 93, ["bemiddelaars"])]).utf8),
            sourceText: { _ in nil })
        let report = AgreementReport.compare(result, with: coding)
        #expect(!report.notes.contains { if case .offsetConvention = $0 { true } else { false } })
    }

    /// Two agendas named a.txt in different folders: two sources with different names, matched back by them.
    @Test func sameFileNameInTwoFoldersGetsUniqueSourceNames() throws {
        let result = try AgreementFixture.result(paths: ["agendas/x/a.txt", "agendas/y/a.txt"])
        let project = QDPXExport.project(result, lang: .nl, date: QDPXFixture.date)
        #expect(project.contains("name=\"x/a.txt\""))
        #expect(project.contains("name=\"y/a.txt\""))
        #expect(XMLSchemaValidator.validate(project, schemaPath: QDPXFixture.schemaPath).isEmpty)
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("twins.qdpx").path
        try QDPXExport.write(result, to: path, lang: .nl, date: QDPXFixture.date)
        let coding = try HumanCoding.load(path: path)
        #expect(coding.files == ["x/a.txt", "y/a.txt"])
        let report = AgreementReport.compare(result, with: coding)
        // Only the cycle codes, which agree does not compare, are remarked on: no ambiguous or unmatched file.
        #expect(report.notes == [.cycleCodesSkipped(count: report.notes.compactMap {
            if case .cycleCodesSkipped(let count) = $0 { count } else { nil } }.first ?? -1)],
                "\(report.notes.map { $0.message(.en) })")
        #expect(report.percentAgreement == 1)
        #expect(FileMatcher.uniqueNames(["a/b/c.txt", "a/d/c.txt", "e.txt", "x/e.txt"]) == ["b/c.txt", "d/c.txt", "e.txt", "x/e.txt"])
    }

    @Test func cycleCodesHaveTheirOwnColours() {
        let actionColours = Set(Repo.rubric.codes.map { $0.color.lowercased() })
        let cycleColours = CycleElement.allCases.map { QDPXExport.cycleColor($0).lowercased() }
        #expect(Set(cycleColours).count == CycleElement.allCases.count)
        #expect(actionColours.isDisjoint(with: cycleColours))
    }
}

@Suite("Exchange: agree input and output")
struct ExchangeAgreeTests {
    @Test func aRowWithoutCodeOrPassageMarksAFileCodedWithoutCodes() throws {
        let coding = try HumanCoding.parseCSV("file,passage,code\na.txt,p1,bemiddelaars\nb.txt,,\n")
        #expect(coding.files == ["a.txt", "b.txt"])
        #expect(coding.entries.count == 1)
        let byOffsets = try HumanCoding.parseCSV("file,start,end,code\r\nb.txt,,,\r\n")
        #expect(byOffsets.files == ["b.txt"] && byOffsets.entries.isEmpty)
        let report = AgreementReport.compare(try AgreementFixture.result(), with: coding)
        #expect(!report.notes.contains(.notInCoding(path: "b.txt")))
        // A code without a place is still an error, in one language.
        do throws(HumanCodingError) {
            _ = try HumanCoding.parseCSV("file,passage,code\na.txt,,bemiddelaars\n")
            Issue.record("expected an error")
        } catch {
            #expect(error == .badRow(line: 2, problem: .noPassage(code: "bemiddelaars")))
            #expect(error.message(.nl) == "CSV-regel 2: code 'bemiddelaars' zonder passage of posities; laat ook de code leeg om een bestand zonder codes te melden")
            #expect(!error.message(.nl).contains("no passage"))
        }
        do throws(HumanCodingError) {
            _ = try HumanCoding.parseCSV("file,passage,code\na.txt,alinea 2,x\n")
        } catch {
            #expect(error.message(.nl) == "CSV-regel 2: passage 'alinea 2' is geen passage-id zoals p3")
            #expect(error.message(.en) == "CSV line 2: passage 'alinea 2' is not an id like p3")
        }
    }

    @Test func tableShowsAlphaPerTypeAndNamesThePooledAlpha() throws {
        let report = AgreementReport.compare(try AgreementFixture.result(), with: try HumanCoding.parseCSV(AgreementFixture.byPassage))
        let nl = report.table(lang: .nl)
        let header = try #require(nl.split(separator: "\n").first { $0.hasPrefix("Actietype") })
        #expect(header.contains(" kappa") && header.contains(" alfa"))
        // bemiddelaars: both 1, tool only 1, neither 4: kappa 8/14 = 0.57; alpha 1 - 11 * 1 / (3 * 9) = 0.59.
        let row = try #require(nl.split(separator: "\n").first { $0.hasPrefix("bemiddelaars ") })
        #expect(row.contains("0,57   0,59"), "\(row)")
        #expect(nl.contains("Krippendorffs alfa over alle beslissingen samen"))
        #expect(report.table(lang: .en).contains("Krippendorff's alpha over all decisions pooled"))
        // One agenda is "1 agenda", not "1 agenda's".
        let one = AgreementReport.compare(try AgreementFixture.result(paths: ["a.txt"]), with: try HumanCoding.parseCSV(AgreementFixture.byPassage))
        #expect(one.table(lang: .nl).contains("\n1 agenda, 4 passages, 48 beslissingen"))
        for lang in Language.allCases {
            for line in report.table(lang: lang).split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        }
    }

    @Test func semicolonCSVHasDecimalCommas() throws {
        let report = AgreementReport.compare(try AgreementFixture.result(), with: try HumanCoding.parseCSV(AgreementFixture.byPassage))
        let semicolon = report.csv(delimiter: .semicolon)
        #expect(semicolon.contains("\r\nbemiddelaars;2;0,5714;0,5926;"))
        #expect(!semicolon.contains("0.5714"))
        #expect(report.csv().contains("\r\nbemiddelaars,2,0.5714,0.5926,"))
    }
}
