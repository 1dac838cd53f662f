import Foundation
import Testing
@testable import AgendaAudit

/// The twelve bundled agendas reproduce the intended coding in
/// agendas/expected.json: every cell of the matrix, the N/12 row, the
/// breadth scores and the cycle statuses.
@Suite("Corpus: the twelve agendas")
struct CorpusTests {
    struct Expected: Decodable {
        struct Agenda: Decodable {
            let sector: String
            let actionTypes: [String]
            let cycle: [String: String]
        }
        let agendas: [String: Agenda]
        let counts: [String: Int]
    }

    static let expected: Expected = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: Repo.path("agendas/expected.json")))
        return try! JSONDecoder().decode(Expected.self, from: data)
    }()

    static let result: AuditResult = Auditor.run(Auditor.expand([Repo.path("agendas")]), rubric: Repo.rubric)

    static func audit(_ file: String) -> AuditedAgenda? {
        result.audits.first { URL(fileURLWithPath: $0.document.path).lastPathComponent == file }
    }

    @Test func allTwelveAreReadWithoutErrors() {
        #expect(Self.result.failures.isEmpty)
        #expect(Self.result.audits.count == 12)
        #expect(Self.expected.agendas.count == 12)
        let formats = Self.result.audits.map(\.document.format)
        #expect(formats.filter { $0 == .xhtml }.count >= 4)
    }

    @Test(arguments: Array(CorpusTests.expected.agendas.keys).sorted())
    func everyCellMatches(_ file: String) throws {
        let audit = try #require(Self.audit(file), "no audit for \(file)")
        let expected = Self.expected.agendas[file]!
        for code in Repo.rubric.codes {
            let has = audit.coded.actionTypes.contains(code.id)
            let wants = expected.actionTypes.contains(code.id)
            #expect(has == wants, "\(file) \(code.id): coded \(has), expected \(wants)")
        }
        #expect(audit.coded.breadth == expected.actionTypes.count)
    }

    @Test(arguments: Array(CorpusTests.expected.agendas.keys).sorted())
    func cycleStatusesMatch(_ file: String) throws {
        let audit = try #require(Self.audit(file))
        let cycle = try #require(audit.cycle)
        for (element, status) in Self.expected.agendas[file]!.cycle {
            let id = try #require(CycleElement(rawValue: element), "unknown element \(element)")
            #expect(cycle.status(id).rawValue == status, "\(file) \(element): found \(cycle.status(id).rawValue), expected \(status)")
        }
    }

    @Test func theNTwelveRowMatchesTheStudy() {
        let counts = Dictionary(uniqueKeysWithValues: Self.result.codeCounts.map { ($0.code.id, $0.count) })
        #expect(counts == Self.expected.counts)
        // The study: every type in at least two agendas, breadth 2 to 9, Rijk and Defensie broadest.
        #expect(counts.values.allSatisfy { $0 >= 2 })
        let breadths = Self.result.audits.map(\.coded.breadth)
        #expect(breadths.min() == 2)
        #expect(breadths.max() == 9)
        let broadest = Self.result.audits.filter { $0.coded.breadth == 9 }.map { URL(fileURLWithPath: $0.document.path).lastPathComponent }
        #expect(Set(broadest) == ["rijk.xhtml", "defensie.xhtml"])
    }

    @Test func everyCodeHasEvidenceInItsPassage() {
        for audit in Self.result.audits {
            for item in audit.coded.passages {
                for assignment in item.codes {
                    #expect(!assignment.evidence.isEmpty)
                    for evidence in assignment.evidence {
                        #expect(audit.document.slice(evidence.start, evidence.end) == evidence.text)
                        #expect(evidence.start >= item.passage.start && evidence.end <= item.passage.end)
                    }
                }
                #expect(audit.document.slice(item.passage.start, item.passage.end) == item.passage.text)
            }
        }
    }
}
