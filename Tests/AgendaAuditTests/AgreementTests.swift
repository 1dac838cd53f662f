import Foundation
import Testing
@testable import AgendaAudit

private typealias Table = AgreementStatistics.Table

private func close(_ value: Double?, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
    guard let value else { return false }
    return abs(value - expected) < tolerance
}

@Suite("Agreement: statistics")
struct AgreementStatisticsTests {
    @Test func cohensKappaOfAWorkedTwoByTwoTable() {
        // both 20, auto only 5, human only 10, neither 15 (n = 50).
        // po = (20 + 15) / 50 = 0.70
        // auto says yes 25/50 = 0.5, human says yes 30/50 = 0.6
        // pe = 0.5 * 0.6 + 0.5 * 0.4 = 0.50
        // kappa = (0.70 - 0.50) / (1 - 0.50) = 0.40
        let table = Table(both: 20, autoOnly: 5, humanOnly: 10, neither: 15)
        #expect(close(AgreementStatistics.cohensKappa(table), 0.4))
        #expect(close(AgreementStatistics.percentAgreement(table), 0.7))
        #expect(close(AgreementStatistics.precision(table), 20.0 / 25))   // 0.8
        #expect(close(AgreementStatistics.recall(table), 20.0 / 30))      // 0.667
        #expect(close(AgreementStatistics.f1(table), 40.0 / 55))          // 2 * 0.8 * 0.667 / 1.467 = 0.727
    }

    @Test func perfectAgreementIsOne() {
        let table = Table(both: 3, neither: 7)
        #expect(AgreementStatistics.cohensKappa(table) == 1)
        #expect(AgreementStatistics.krippendorffAlpha(table) == 1)
        #expect(AgreementStatistics.precision(table) == 1)
        #expect(AgreementStatistics.recall(table) == 1)
        #expect(AgreementStatistics.f1(table) == 1)
    }

    @Test func aCodeNobodyUsedIsUndefinedNotNaN() {
        let table = Table(neither: 10)
        #expect(AgreementStatistics.cohensKappa(table) == nil)
        #expect(AgreementStatistics.krippendorffAlpha(table) == nil)
        #expect(AgreementStatistics.precision(table) == nil)
        #expect(AgreementStatistics.recall(table) == nil)
        #expect(AgreementStatistics.f1(table) == nil)
        #expect(AgreementStatistics.percentAgreement(table) == 1)
        // Both coders gave the code everywhere: also no variation, also undefined.
        #expect(AgreementStatistics.cohensKappa(Table(both: 4)) == nil)
        // No units at all.
        let empty = Table()
        #expect(AgreementStatistics.cohensKappa(empty) == nil)
        #expect(AgreementStatistics.percentAgreement(empty) == nil)
        #expect(AgreementStatistics.krippendorffAlpha(empty) == nil)
    }

    @Test func chanceLevelIsZero() {
        // po = 2/4 = 0.5; both coders say yes half the time, pe = 0.25 + 0.25 = 0.5: kappa 0.
        #expect(AgreementStatistics.cohensKappa(Table(both: 1, autoOnly: 1, humanOnly: 1, neither: 1)) == 0)
        // The human never used the code, the tool did twice in ten: po = pe = 0.8, kappa 0.
        let oneSided = Table(autoOnly: 2, neither: 8)
        #expect(AgreementStatistics.cohensKappa(oneSided) == 0)
        #expect(AgreementStatistics.precision(oneSided) == 0)
        #expect(AgreementStatistics.recall(oneSided) == nil)
        #expect(AgreementStatistics.f1(oneSided) == 0)
        // Systematic disagreement is below chance.
        #expect(AgreementStatistics.cohensKappa(Table(autoOnly: 5, humanOnly: 5))! < 0)
    }

    @Test func krippendorffAlphaOfASmallBinaryDataSet() {
        // Two coders, ten units, values 1 (code given) / 0:
        //   unit      1 2 3 4 5 6 7 8 9 10
        //   tool      1 1 1 1 0 0 0 0 0 0
        //   human     1 1 1 0 1 0 0 0 0 0
        // 2x2: both 3, tool only 1, human only 1, neither 5.
        // Coincidences (each unit adds its pair both ways, weight 1/(m-1) = 1):
        //   o11 = 2*3 = 6, o00 = 2*5 = 10, o10 = o01 = 1 + 1 = 2
        //   n1 = 6 + 2 = 8, n0 = 10 + 2 = 12, n = 20
        // alpha = 1 - (n - 1) * (o10 + o01) / (n1*n0 + n0*n1)
        //       = 1 - 19 * 4 / 192 = 1 - 0.395833 = 0.604167
        // (Cohen's kappa of the same table: po = 0.8, pe = 0.4*0.4 + 0.6*0.6 = 0.52,
        //  kappa = 0.28 / 0.48 = 0.583333.)
        let table = Table(both: 3, autoOnly: 1, humanOnly: 1, neither: 5)
        #expect(close(AgreementStatistics.krippendorffAlpha(table), 1 - 76.0 / 192))
        #expect(close(AgreementStatistics.cohensKappa(table), 0.28 / 0.48))
        let units: [[Int?]] = [[1, 1], [1, 1], [1, 1], [1, 0], [0, 1], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]
        #expect(close(AgreementStatistics.krippendorffAlphaNominal(units), 1 - 76.0 / 192))
    }

    @Test func krippendorffAlphaOfThePublishedExampleWithMissingValues() {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability": four observers,
        // twelve units, missing values; the paper gives nominal alpha = 0.743 (0.7434210526 unrounded).
        let observers: [[Int?]] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
            [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
        ]
        let units = (0..<12).map { unit in observers.map { $0[unit] } }
        #expect(close(AgreementStatistics.krippendorffAlphaNominal(units), 0.743421052631579, tolerance: 1e-9))
        #expect(AgreementStatistics.krippendorffAlphaNominal([[1, 1], [1, 1]]) == nil)  // one value only
        #expect(AgreementStatistics.krippendorffAlphaNominal([[1, nil], [nil, 0]]) == nil)  // nothing pairable
    }

    @Test func closedFormAlphaMatchesTheGeneralOne() {
        for (a, b, c, d) in [(0, 1, 2, 7), (5, 0, 0, 5), (2, 3, 4, 11), (1, 0, 9, 0), (0, 4, 4, 0)] {
            let table = Table(both: a, autoOnly: b, humanOnly: c, neither: d)
            let units: [[Int?]] = Array(repeating: [1, 1], count: a) + Array(repeating: [1, 0], count: b)
                + Array(repeating: [0, 1], count: c) + Array(repeating: [0, 0], count: d)
            let closed = AgreementStatistics.krippendorffAlpha(table)
            let general = AgreementStatistics.krippendorffAlphaNominal(units)
            #expect(closed == nil && general == nil || close(closed, general ?? .nan, tolerance: 1e-12), "\(table)")
        }
    }
}

/// Two agendas whose coding is known (see the CSV probe in the comments).
enum AgreementFixture {
    // p1 17-93 bemiddelaars; p2 95-174 goede-voorbeelden; p3 176-207 none; p4 209-249 training-begeleiders
    static let a = """
    Werkagenda Test

    Via het werkgeversservicepunt werven we kandidaten met een arbeidsbeperking.

    In 2024 organiseren we vier netwerkbijeenkomsten om goede voorbeelden te delen.

    We hebben geen centraal budget.

    Werkplekbegeleiders volgen een training.
    """
    // p1 17-93 bemiddelaars; p2 95-174 goede-voorbeelden
    static let b = """
    Werkagenda Test

    Via het werkgeversservicepunt werven we kandidaten met een arbeidsbeperking.

    In 2024 organiseren we vier netwerkbijeenkomsten om goede voorbeelden te delen.
    """

    /// Hand coding: agrees on a/p1, a/p4, b/p2; adds centralisatie to a/p3; leaves out a/p2 and b/p1.
    static let byPassage = """
    file,passage,code
    a.txt,p1,bemiddelaars
    a.txt,p3,centralisatie
    a.txt,p4,training-begeleiders
    b.txt,p2,Delen van goede voorbeelden
    """

    /// The same coding by offsets (a/p4 by a span that also touches p3, but overlaps p4 most).
    static let byOffsets = """
    file,start,end,code
    a.txt,17,93,bemiddelaars
    a.txt,180,190,centralisatie
    a.txt,200,249,training-begeleiders
    b.txt,95,174,goede-voorbeelden
    """

    static func result(paths: [String] = ["a.txt", "b.txt"]) throws -> AuditResult {
        let pipeline = Pipeline(rubric: Repo.rubric)
        return AuditResult(rubric: Repo.rubric, outcomes: try zip(paths, [a, b]).map { path, text in
            .audited(pipeline.audit(try Ingest.parse(data: Data(text.utf8), path: path, ext: "txt")))
        })
    }

    /// The expected comparison of `byPassage` (and `byOffsets`) with the tool:
    /// bemiddelaars and goede-voorbeelden: both 1, tool only 1, neither 4:
    ///   E = 2*1 + 4*5 = 22, kappa = (6*5 - 22) / (36 - 22) = 8/14 = 0.5714
    /// training-begeleiders: both 1, neither 5: kappa 1
    /// centralisatie: human only 1, neither 5: kappa 0
    /// the other eight codes: neither 6: kappa undefined
    /// all 72 units: both 3, tool only 2, human only 1, neither 66:
    ///   agreement 69/72; alpha = 1 - 143 * 3 / (9 * 135) = 1 - 429/1215 = 0.64691
    ///   mean kappa = (4/7 + 4/7 + 1 + 0) / 4 = 0.53571
    static func check(_ report: AgreementReport) {
        let byId = Dictionary(uniqueKeysWithValues: report.codes.map { ($0.id, $0) })
        #expect(report.units == 72)
        #expect(byId["bemiddelaars"]!.table == Table(both: 1, autoOnly: 1, humanOnly: 0, neither: 4))
        #expect(close(byId["bemiddelaars"]!.kappa, 8.0 / 14))
        #expect(byId["bemiddelaars"]!.precision == 0.5)
        #expect(byId["bemiddelaars"]!.recall == 1)
        #expect(close(byId["goede-voorbeelden"]!.kappa, 8.0 / 14))
        #expect(byId["training-begeleiders"]!.kappa == 1)
        #expect(byId["centralisatie"]!.table == Table(humanOnly: 1, neither: 5))
        #expect(byId["centralisatie"]!.kappa == 0)
        #expect(byId["centralisatie"]!.precision == nil)
        #expect(byId["ambassadeurschap"]!.kappa == nil)
        #expect(report.kappaCodes == 4)
        #expect(close(report.percentAgreement, 69.0 / 72))
        #expect(close(report.alpha, 1 - 429.0 / 1215))
        #expect(close(report.meanKappa, (8.0 / 14 * 2 + 1) / 4))
        #expect(report.disagreements.map { "\($0.file) \($0.passage) \($0.code) \($0.who.rawValue)" } == [
            "a.txt p2 goede-voorbeelden auto", "a.txt p3 centralisatie human", "b.txt p1 bemiddelaars auto",
        ])
        #expect(report.disagreements[1].text == "We hebben geen centraal budget.")
    }
}

@Suite("Agreement: hand coding and comparison")
struct AgreementComparisonTests {
    @Test func csvByPassageId() throws {
        let coding = try HumanCoding.parseCSV(AgreementFixture.byPassage)
        #expect(coding.entries.count == 4)
        #expect(coding.entries[0] == HumanCoding.Entry(file: "a.txt", location: .passage("p1"), code: "bemiddelaars"))
        #expect(coding.files == ["a.txt", "b.txt"])
        let report = AgreementReport.compare(try AgreementFixture.result(), with: coding)
        AgreementFixture.check(report)
        #expect(report.notes.isEmpty)
    }

    @Test func csvByOffsets() throws {
        let coding = try HumanCoding.parseCSV(AgreementFixture.byOffsets)
        #expect(coding.entries[2].location == .span(start: 200, end: 249))
        AgreementFixture.check(AgreementReport.compare(try AgreementFixture.result(), with: coding))
    }

    @Test func csvDialects() throws {
        // BOM, semicolons, CRLF, quotes, columns in another order, extra columns, "3" for p3, an empty code.
        let text = "\u{FEFF}code;extra;passage;file\r\n\"training-begeleiders\";\"x;\"\"y\"\"\";4;a.txt\r\n;;1;b.txt\r\n\r\n"
        let coding = try HumanCoding.parseCSV(text)
        #expect(coding.entries == [HumanCoding.Entry(file: "a.txt", location: .passage("p4"), code: "training-begeleiders")])
        #expect(coding.files == ["a.txt", "b.txt"])
        // The tool's own passages CSV reads as a coding: passage ids win over offsets.
        let own = CSVReport.passages(try AgreementFixture.result())
        let report = AgreementReport.compare(try AgreementFixture.result(), with: try HumanCoding.parseCSV(own))
        #expect(report.disagreements.isEmpty)
        #expect(report.kappaCodes == 3)
        #expect(report.percentAgreement == 1)
    }

    @Test func csvErrorsNameTheProblem() {
        #expect(throws: HumanCodingError.badHeader(found: "bestand,code")) { try HumanCoding.parseCSV("bestand,code\na.txt,x\n") }
        #expect(throws: HumanCodingError.self) { try HumanCoding.parseCSV("file,start,end,code\na.txt,10,zes,x\n") }
        do throws(HumanCodingError) {
            _ = try HumanCoding.parseCSV("file,passage,code\na.txt,p1,x\na.txt,alinea 2,x\n")
            Issue.record("expected an error")
        } catch {
            #expect(error == .badRow(line: 3, problem: .badPassage("alinea 2")))
            #expect(error.message(.nl).hasPrefix("CSV-regel 3:"))
        }
        #expect(throws: HumanCodingError.self) { try HumanCoding.parseCSV("file,passage,code\n\"a.txt,p1,x\n") }
    }

    @Test func spansGoToThePassageTheyOverlapMost() throws {
        let document = try AgendaAudit.Ingest.parse(data: Data(AgreementFixture.a.utf8), path: "a.txt", ext: "txt")
        #expect(AgreementReport.passage(in: document, start: 17, end: 93) == 0)
        #expect(AgreementReport.passage(in: document, start: 90, end: 100) == 1)   // 3 in p1, 5 in p2
        #expect(AgreementReport.passage(in: document, start: 91, end: 97) == 0)    // 2 and 2: the earlier
        #expect(AgreementReport.passage(in: document, start: 0, end: 200) == 1)    // a whole stretch: p2 is longest
        #expect(AgreementReport.passage(in: document, start: 20, end: 20) == 0)    // a point
        #expect(AgreementReport.passage(in: document, start: 93, end: 95) == nil)  // the blank line
        #expect(AgreementReport.passage(in: document, start: 0, end: 15) == nil)   // the title heading
        #expect(AgreementReport.passage(in: document, start: 900, end: 990) == nil)
    }

    @Test func filesAndCodesAreMatchedLeniently() throws {
        let coding = HumanCoding(entries: [
            .init(file: "sector/a.txt", location: .passage("p1"), code: "Bemiddelaars en uitzendbureaus"),
            .init(file: "B", location: .passage("p2"), code: "5. Delen van goede voorbeelden"),
            .init(file: "a.txt", location: .passage("p4"), code: "12"),
            .init(file: "a.txt", location: .passage("p9"), code: "bemiddelaars"),
            .init(file: "a.txt", location: .span(start: 93, end: 95), code: "bemiddelaars"),
            .init(file: "a.txt", location: .passage("p2"), code: "Planning"),
            .init(file: "a.txt", location: .passage("p2"), code: "Memo"),
            .init(file: "a.txt", location: .passage("p3"), code: "Memo"),
            .init(file: "c.txt", location: .passage("p1"), code: "bemiddelaars"),
        ])
        let report = AgreementReport.compare(try AgreementFixture.result(paths: ["sector/a.txt", "other/b.txt"]), with: coding)
        let byId = Dictionary(uniqueKeysWithValues: report.codes.map { ($0.id, $0) })
        #expect(byId["bemiddelaars"]!.table.both == 1)
        #expect(byId["goede-voorbeelden"]!.table.both == 1)
        #expect(byId["training-begeleiders"]!.table.both == 1)
        #expect(report.notes.contains(.unknownPassage(file: "a.txt", passage: "p9")))
        #expect(report.notes.contains(.spanOutsidePassages(file: "a.txt", start: 93, end: 95)))
        #expect(report.notes.contains(.unknownCode(name: "Memo", count: 2)))
        #expect(report.notes.contains(.cycleCodesSkipped(count: 1)))
        #expect(report.notes.contains(.fileNotAudited(file: "c.txt")))
        // Two audited files with the same name: the bare name is ambiguous, the path is not.
        let twins = AgreementReport.compare(
            try AgreementFixture.result(paths: ["x/a.txt", "y/a.txt"]),
            with: HumanCoding(entries: [.init(file: "a.txt", location: .passage("p1"), code: "bemiddelaars"),
                                        .init(file: "y/a.txt", location: .passage("p1"), code: "bemiddelaars")]))
        #expect(twins.notes.contains(.ambiguousFile(file: "a.txt", candidates: ["x/a.txt", "y/a.txt"])))
        #expect(twins.notes.contains(.notInCoding(path: "x/a.txt")))
        #expect(twins.codes.first { $0.id == "bemiddelaars" }!.table.both == 1)
    }

    @Test func ownQDPXExportReadsBackAsPerfectAgreement() throws {
        let result = try AgreementFixture.result()
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("export.qdpx").path
        try QDPXExport.write(result, to: path, lang: .en, date: QDPXFixture.date)
        let coding = try HumanCoding.load(path: path)
        #expect(coding.files == ["a.txt", "b.txt"])
        #expect(coding.sourceTexts["a.txt"] == result.audits[0].document.text)
        let report = AgreementReport.compare(result, with: coding, source: path)
        #expect(report.disagreements.isEmpty)
        #expect(report.percentAgreement == 1)
        #expect(report.codes.allSatisfy { $0.kappa == nil || $0.kappa == 1 })
        #expect(report.kappaCodes == 3)
        #expect(!report.notes.contains { if case .textRemapped = $0 { true } else { false } })
    }

    /// A project from a QDA tool that imported the original, hard-wrapped text:
    /// other offsets, so the selections are found by their words.
    @Test func qdeWithAnotherVersionOfTheTextIsRemapped() throws {
        let raw = "Werkagenda Test\n\nVia het werkgeversservicepunt werven we\nkandidaten met een arbeidsbeperking.\n\n"
            + "In 2024 organiseren we vier\nnetwerkbijeenkomsten om goede voorbeelden te delen.\n\n"
            + "We hebben geen centraal budget.\n\nWerkplekbegeleiders volgen een training.\n"
        func span(_ fragment: String) -> (Int, Int) {
            let scalars = Array(raw.unicodeScalars), needle = Array(fragment.unicodeScalars)
            let start = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<$0 + needle.count]) == needle }!
            return (start, start + needle.count)
        }
        let bemiddelaars = Repo.rubric.codes.first { $0.id == "bemiddelaars" }!
        let training = Repo.rubric.codes.first { $0.id == "training-begeleiders" }!
        let (s1, e1) = span("werkgeversservicepunt werven we\nkandidaten")
        let (s2, e2) = span("Werkplekbegeleiders volgen een training.")
        let escapedRaw = XMLWriter.escape(raw, attribute: false)
        let qde = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Project xmlns="urn:QDA-XML:project:1.0" name="hand">
          <CodeBook><Codes>
            <Code guid="{AAAAAAAA-0000-4000-8000-000000000001}" name="\(bemiddelaars.label.en)" isCodable="true"/>
            <Code guid="aaaaaaaa-0000-4000-8000-000000000002" name="\(training.label.nl)" isCodable="true">
              <Code guid="aaaaaaaa-0000-4000-8000-000000000003" name="Probleemanalyse" isCodable="true"/>
            </Code>
          </Codes></CodeBook>
          <Sources>
            <TextSource guid="bbbbbbbb-0000-4000-8000-000000000001" name="a">
              <PlainTextContent>\(escapedRaw)</PlainTextContent>
              <PlainTextSelection guid="cccccccc-0000-4000-8000-000000000001" startPosition="\(s1)" endPosition="\(e1)">
                <Coding guid="dddddddd-0000-4000-8000-000000000001"><CodeRef targetGUID="aaaaaaaa-0000-4000-8000-000000000001"/></Coding>
              </PlainTextSelection>
              <PlainTextSelection guid="cccccccc-0000-4000-8000-000000000002" startPosition="\(s2)" endPosition="\(e2)">
                <Coding guid="dddddddd-0000-4000-8000-000000000002"><CodeRef targetGUID="aaaaaaaa-0000-4000-8000-000000000002"/></Coding>
                <Coding guid="dddddddd-0000-4000-8000-000000000003"><CodeRef targetGUID="aaaaaaaa-0000-4000-8000-000000000003"/></Coding>
              </PlainTextSelection>
              <PlainTextSelection guid="cccccccc-0000-4000-8000-000000000003" startPosition="0" endPosition="10">
                <Coding guid="dddddddd-0000-4000-8000-000000000004"><CodeRef targetGUID="aaaaaaaa-0000-4000-8000-000000000001"/></Coding>
              </PlainTextSelection>
              <Coding guid="dddddddd-0000-4000-8000-000000000005"><CodeRef targetGUID="aaaaaaaa-0000-4000-8000-000000000001"/></Coding>
            </TextSource>
          </Sources>
        </Project>
        """
        #expect(XMLSchemaValidator.validate(qde, schemaPath: QDPXFixture.schemaPath).isEmpty)
        let coding = try HumanCoding.readQDE(Data(qde.utf8), sourceText: { _ in nil })
        #expect(coding.entries.count == 4)
        #expect(coding.entries[0].code == bemiddelaars.label.en)
        let result = try AgreementFixture.result(paths: ["agendas/a.txt", "agendas/b.txt"])
        let report = AgreementReport.compare(result, with: coding)
        let byId = Dictionary(uniqueKeysWithValues: report.codes.map { ($0.id, $0) })
        #expect(byId["bemiddelaars"]!.table == Table(both: 1, autoOnly: 1, humanOnly: 0, neither: 4))
        #expect(byId["training-begeleiders"]!.table == Table(both: 1, neither: 5))
        #expect(report.notes.contains(.textRemapped(file: "a")))
        // "Werkagenda" (the title) is found, but in the heading: outside the passages.
        #expect(report.notes.contains { if case .spanOutsidePassages(file: "a", _, _) = $0 { true } else { false } })
        #expect(report.notes.contains(.sourceCodingSkipped(file: "a", count: 1)))
        #expect(report.notes.contains(.cycleCodesSkipped(count: 1)))
        #expect(report.notes.contains(.notInCoding(path: "agendas/b.txt")))
    }

    @Test func unreadableHumanCodingIsAnError() throws {
        let folder = TemporaryFolder()
        #expect(throws: HumanCodingError.self) { try HumanCoding.load(path: folder.url.appendingPathComponent("nope.csv").path) }
        let odt = folder.write("codes.odt", "x")
        #expect(throws: HumanCodingError.unsupportedType(ext: "odt")) { try HumanCoding.load(path: odt) }
        let broken = folder.write("codes.qdpx", "not a zip")
        #expect(throws: HumanCodingError.notQDA(detail: "not a zip archive")) { try HumanCoding.load(path: broken) }
        let notProject = folder.write("codes.qde", "<?xml version=\"1.0\"?><Other/>")
        #expect(throws: HumanCodingError.notQDA(detail: "the root element is not Project")) { try HumanCoding.load(path: notProject) }
    }

    @Test func outputsAreNaNFreeAndTheTableFitsEightyColumns() throws {
        let report = AgreementReport.compare(try AgreementFixture.result(),
                                             with: try HumanCoding.parseCSV(AgreementFixture.byPassage), source: "codes.csv")
        for lang in Language.allCases {
            let table = report.table(lang: lang)
            for line in table.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
            #expect(!table.lowercased().contains("nan"))
        }
        let nl = report.table(lang: .nl)
        #expect(nl.contains("Overeenstemming"))
        #expect(nl.contains("n.v.t."))
        #expect(nl.contains(" 0,57 "))
        #expect(nl.contains("95,8%"))
        #expect(report.table(lang: .en).contains("n/a"))

        let json = try #require(JSONSerialization.jsonObject(with: report.json(lang: .nl)) as? [String: Any])
        let codes = try #require(json["codes"] as? [[String: Any]])
        #expect(codes.count == 12)
        let ambassadeurschap = try #require(codes.first { $0["code"] as? String == "ambassadeurschap" })
        #expect(ambassadeurschap["kappa"] is NSNull)
        #expect(ambassadeurschap["precision"] is NSNull)
        let overall = try #require(json["overall"] as? [String: Any])
        #expect(close(overall["krippendorffAlpha"] as? Double, 1 - 429.0 / 1215))
        #expect((json["disagreements"] as? [Any])?.count == 3)

        let csv = report.csv()
        let rows = csv.dropFirst().split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows[0].joined(separator: ",") == "code,number,kappa,alpha,agreement,precision,recall,f1,both,auto_only,human_only,neither")
        #expect(rows.count == 14)
        #expect(rows[1][0] == "ambassadeurschap" && rows[1][2] == "" && rows[1][11] == "6")
        #expect(rows[2][0] == "bemiddelaars" && rows[2][2] == "0.5714")
        #expect(rows[13][0] == "overall" && rows[13][2] == "0.5357" && rows[13][3] == "0.6469")
        #expect(!csv.lowercased().contains("nan"))
    }
}

@Suite("Agreement: command line")
struct AgreeCommandTests {
    @Test func agreeEndToEnd() throws {
        let folder = TemporaryFolder()
        folder.write("agendas/a.txt", AgreementFixture.a)
        folder.write("agendas/b.txt", AgreementFixture.b)
        let csv = folder.write("codes.csv", AgreementFixture.byPassage)
        let agendas = folder.url.appendingPathComponent("agendas").path

        let table = try runTool(["agree", "--human", csv, agendas])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Overeenstemming agenda-audit en handmatige codering (codes.csv)"))
        #expect(table.stdout.contains("2 agenda's, 6 passages, 72 beslissingen"))
        #expect(table.stdout.contains("Verschillen (3)"))
        #expect(table.stdout.contains("a.txt  p3  centralisatie  alleen hand"))
        for line in table.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }

        let json = try runTool(["agree", "--human", csv, agendas, "--format", "json", "--lang", "en"])
        #expect(json.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["units"] as? Int == 72)
        let overall = try #require(object["overall"] as? [String: Any])
        #expect(close(overall["agreement"] as? Double, 69.0 / 72))
        #expect(close(overall["meanKappa"] as? Double, (8.0 / 14 * 2 + 1) / 4))
        let codes = try #require(object["codes"] as? [[String: Any]])
        #expect(codes.first { $0["code"] as? String == "training-begeleiders" }?["kappa"] as? Double == 1)

        let offsets = folder.write("offsets.csv", AgreementFixture.byOffsets)
        let out = folder.url.appendingPathComponent("agree.csv").path
        let csvRun = try runTool(["agree", "--human", offsets, agendas, "--format", "csv", "--out", out])
        #expect(csvRun.status == 0)
        #expect(csvRun.stdout.isEmpty)
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.contains("\r\ncentralisatie,4,0.0000,"))
        #expect(written.contains("\r\noverall,,0.5357,0.6469,"))

        // The tool's own REFI-QDA export agrees perfectly with itself.
        let qdpx = folder.url.appendingPathComponent("export.qdpx").path
        #expect(try runTool(["audit", agendas, "--qdpx", qdpx]).status == 0)
        let own = try runTool(["agree", "--human", qdpx, agendas, "--format", "json"])
        #expect(own.status == 0)
        let ownObject = try #require(JSONSerialization.jsonObject(with: Data(own.stdout.utf8)) as? [String: Any])
        #expect((ownObject["overall"] as? [String: Any])?["agreement"] as? Double == 1)
    }

    @Test func agreeFailsClearly() throws {
        let folder = TemporaryFolder()
        let agenda = folder.write("a.txt", AgreementFixture.a)
        let bad = folder.write("codes.csv", "bestand,code\na.txt,x\n")
        let result = try runTool(["agree", "--human", bad, agenda])
        #expect(result.status == 2)
        #expect(result.stderr.contains("file,passage,code"))
        let missing = try runTool(["agree", "--human", folder.url.appendingPathComponent("nope.csv").path, agenda, "--lang", "en"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.csv"))
        let good = folder.write("good.csv", AgreementFixture.byPassage)
        let partly = try runTool(["agree", "--human", good, agenda, folder.url.appendingPathComponent("weg.txt").path])
        #expect(partly.status == 1)
        #expect(partly.stderr.contains("weg.txt"))
        #expect(partly.stdout.contains("b.txt: staat in de handmatige codering maar is niet geaudit"))
        let nothing = try runTool(["agree", "--human", good, folder.url.appendingPathComponent("weg.txt").path])
        #expect(nothing.status == 2)
    }
}
