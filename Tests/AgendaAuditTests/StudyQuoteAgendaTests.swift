import Foundation
import Testing
@testable import AgendaAudit

/// Agenda level on real text (issue 11): the study's example quotes (the table of section 4.1 of the 2023 study,
/// `Tests/Fixtures/study-quotes.json`), put together per sector as a mini-agenda, give that sector the study's
/// codes for them, and no type that the labels of those passages do not hold or accept (`accept` in
/// real-dev.jsonl).
@Suite("Real text: the study's quotes as mini-agendas")
struct StudyQuoteAgendaTests {
    struct Quote: Decodable {
        let sector: String
        let code: String
        let realDev: String
        let source: String
        let bron: String
        let text: String
    }

    struct File: Decodable { let quotes: [Quote] }

    static let quotes: [Quote] = {
        let data = try! Data(contentsOf: Repo.root.appendingPathComponent("Tests/Fixtures/study-quotes.json"))
        return try! JSONDecoder().decode(File.self, from: data).quotes
    }()

    @Test func quotesAreTheLabelledRealDevPassages() throws {
        let items = Dictionary(uniqueKeysWithValues: RealDevTests.items.map { ($0.id, $0) })
        #expect(Self.quotes.count == 13)
        for quote in Self.quotes {
            let item = try #require(items[quote.realDev])
            #expect(item.text == quote.text)
            #expect((item.codes ?? []).contains(quote.code), "\(quote.realDev)")
            #expect(item.source == quote.source)
        }
        // Every type of the codebook has its quote.
        #expect(Set(Self.quotes.map(\.code)) == Set(Repo.rubric.codes.map(\.id)))
        if let seeds = RealDevTests.seeds {
            let study = try String(contentsOf: seeds.appendingPathComponent("002_2b2594fba6a7e8b7.txt"), encoding: .utf8)
            for quote in Self.quotes { #expect(study.contains(String(quote.text.prefix(60))), "\(quote.realDev)") }
        }
    }

    @Test func miniAgendasGetTheStudysCodes() throws {
        let sectors = Dictionary(grouping: Self.quotes, by: \.sector)
        #expect(sectors.count == 6)
        var missing: [String] = []
        let items = Dictionary(uniqueKeysWithValues: RealDevTests.items.map { ($0.id, $0) })
        for (sector, quotes) in sectors.sorted(by: { $0.key < $1.key }) {
            let text = quotes.map(\.text).joined(separator: "\n\n") + "\n"
            let document = try Ingest.parse(data: Data(text.utf8), path: "\(sector).txt", ext: "txt")
            let coded = Repo.coder.code(document)
            let expected = Set(quotes.map(\.code))
            let found = Set(coded.actionTypes)
            for code in expected.subtracting(found).sorted() { missing.append("\(sector): \(code)") }
            let allowed = expected.union(quotes.flatMap { (items[$0.realDev]?.codes ?? []) + (items[$0.realDev]?.accept ?? []) })
            #expect(found.isSubset(of: allowed), "\(sector): \(found.subtracting(allowed).sorted())")
            print("study quotes, \(sector): study \(expected.sorted()), found \(coded.actionTypes)")
            // Every code carries its words and their range in the mini-agenda's text.
            for passage in coded.passages {
                for code in passage.codes {
                    for evidence in code.evidence {
                        #expect(passage.passage.slice(evidence.start - passage.passage.start, evidence.end - passage.passage.start)
                                == evidence.text)
                    }
                }
            }
        }
        #expect(missing.isEmpty, "\(missing)")
    }
}
