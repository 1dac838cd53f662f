import Foundation
import Testing
@testable import AgendaAudit

@Suite("Rubric lint and export")
struct RubricToolsTests {
    @Test func bundledRubricLintsClean() {
        let findings = RubricTools.lint(Repo.rubric).filter { $0.kind != .overlap }
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func lintFindsDuplicatesShadowsAndUnreachablePhrases() throws {
        var root = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Repo.path("rubric.json")))) as! [String: Any]
        var codes = root["codes"] as! [[String: Any]]
        codes[0]["patterns"] = [["terms": ["ambassadeur*", "ambassadeurs", "Ambassadeur*", "ambassadeur maar collega"], "weight": 1]]
        root["codes"] = codes
        let rubric = try Rubric.parse(data: JSONSerialization.data(withJSONObject: root))
        let findings = RubricTools.lint(rubric)
        #expect(findings.contains { $0.kind == .shadowed && $0.path == "codes[0].patterns[0].terms[1]" })
        #expect(findings.contains { $0.kind == .duplicate && $0.path == "codes[0].patterns[0].terms[2]" })
        #expect(findings.contains { $0.kind == .unreachable && $0.path == "codes[0].patterns[0].terms[3]" })
    }

    /// The `action` lists: duplicates, words that can never match as written, and a word that is author and study at once.
    @Test func lintChecksTheActionLists() throws {
        var root = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Repo.path("rubric.json")))) as! [String: Any]
        var action = root["action"] as! [String: Any]
        action["modals"] = ["kunnen", "kunnen"]
        action["opinion"] = ["denkt"]
        action["distributive"] = ["perr"]
        action["schemes"] = ["premies"]
        action["authors"] = (action["authors"] as! [String]) + ["onderzoek"]
        root["action"] = action
        let rubric = try Rubric.parse(data: JSONSerialization.data(withJSONObject: root), file: Repo.path("rubric.json"))
        let findings = RubricTools.lint(rubric)
        #expect(findings.contains { $0.kind == .duplicate && $0.path == "action.modals[1]" }, "\(findings)")
        #expect(findings.contains { $0.kind == .unreachable && $0.path == "action.opinion[0]" }, "\(findings)")
        #expect(findings.contains { $0.kind == .unreachable && $0.path == "action.distributive[0]" }, "\(findings)")
        #expect(findings.contains { $0.kind == .unreachable && $0.path == "action.schemes[0]" && $0.detail.contains("premie") }, "\(findings)")
        #expect(findings.contains { $0.kind == .overlap && $0.term == "onderzoek" }, "\(findings)")
    }

    @Test func liwcAndQuantedaExports() throws {
        let (liwc, expansions) = RubricTools.liwc(Repo.rubric, corpus: ["De sectorambassadeur en de ambassadeurs spreken werkgevers aan; de talentpool groeit."])
        let sections = liwc.components(separatedBy: "%\n")
        #expect(sections.count == 3)
        #expect(sections[1].split(separator: "\n").count == 12)
        #expect(sections[1].hasPrefix("1\tambassadeurschap\n"))
        #expect(liwc.contains("\nwerkgevers servicepunt*\t2\n"))
        // `*ambassadeur*`: the words it starts, and the corpus's compound that the matcher accepts.
        #expect(liwc.contains("\nambassadeur*\t1\n"))
        #expect(liwc.contains("\nsectorambassadeur\t1\n"))
        #expect(!liwc.contains("\nambassadeurs\t"))  // covered by ambassadeur*
        #expect(liwc.contains("\ntalentpool\t4\n") && liwc.contains("\npool\t4\n"))
        #expect(liwc.contains("\nmensen met een beperking\t7\t8\n"))
        #expect(!liwc.contains("*ambassadeur*") && !liwc.contains("\t*") && !liwc.contains("\n*"))
        #expect(expansions.first { $0.term == "*ambassadeur*" }?.forms == ["ambassadeur*", "sectorambassadeur"])
        for line in sections[2].split(separator: "\n") {
            let fields = line.split(separator: "\t")
            #expect(fields.count >= 2 && fields.dropFirst().allSatisfy { Int($0) != nil }, "\(line)")
        }

        let yaml = RubricTools.quanteda(Repo.rubric)
        var keys: [String] = []
        for line in yaml.split(separator: "\n") where !line.hasPrefix("#") {
            if line.hasPrefix("  - \"") { #expect(line.hasSuffix("\"")) } else {
                #expect(line.hasSuffix(":"))
                keys.append(String(line.dropLast()))
            }
        }
        #expect(keys == Repo.rubric.codes.map(\.id))
        #expect(yaml.contains("  - \"job carving\""))
    }
}
