import Foundation
import Testing
@testable import AgendaAudit

@Suite("Rubric: loading and validation")
struct RubricTests {
    @Test func bundledRubricHasTheTwelveCodebookIds() {
        #expect(Repo.rubric.codes.map(\.id) == [
            "ambassadeurschap", "bemiddelaars", "bestuurlijk-commitment", "centralisatie", "goede-voorbeelden",
            "functies-passend", "inkoop-sroi", "meet-and-greets", "proefplaatsingen", "samenwerken-partners",
            "talenttrajecten", "training-begeleiders",
        ])
        #expect(Repo.rubric.codes.map(\.number) == Array(1...12))
        #expect(Set(Repo.rubric.codes.map(\.color)).count == 12)
    }

    /// Takes the bundled rubric, changes one value, and returns the error.
    func error(afterChanging change: (inout [String: Any]) -> Void) throws -> RubricError? {
        var root = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Repo.path("rubric.json")))) as! [String: Any]
        change(&root)
        let data = try JSONSerialization.data(withJSONObject: root)
        do {
            _ = try Rubric.parse(data: data, file: "rubric.json")
            return nil
        } catch {
            return error
        }
    }

    func editCode(_ index: Int, _ body: @escaping (inout [String: Any]) -> Void) -> (inout [String: Any]) -> Void {
        { root in
            var codes = root["codes"] as! [[String: Any]]
            body(&codes[index])
            root["codes"] = codes
        }
    }

    /// The `action` section: every list required, single words only.
    @Test func actionListsAreValidated() throws {
        let wildcard = try #require(try self.error(afterChanging: { root in
            var action = root["action"] as! [String: Any]
            action["modals"] = ["kun*"]
            root["action"] = action
        }))
        #expect(wildcard.path == "action.modals[0]")
        let missing = try #require(try self.error(afterChanging: { root in
            var action = root["action"] as! [String: Any]
            action["copulas"] = nil
            root["action"] = action
        }))
        #expect(missing.path == "action.copulas")
        let unknown = try #require(try self.error(afterChanging: { root in
            var action = root["action"] as! [String: Any]
            action["modal"] = ["kunnen"]
            root["action"] = action
        }))
        #expect(unknown.path == "action.modal")
        #expect(Repo.rubric.action?.contains(.modals, "kunnen") == true)
        #expect(ActionList.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal })
    }

    @Test func wrongTypeNamesTheJSONPath() throws {
        let error = try #require(try self.error(afterChanging: editCode(1) { code in
            var patterns = code["patterns"] as! [[String: Any]]
            patterns[0]["weight"] = "zwaar"
            code["patterns"] = patterns
        }))
        #expect(error.path == "codes[1].patterns[0].weight")
        #expect(error.problem.contains("expected a number"))
    }

    @Test func unknownKeysDuplicateIdsAndBadValuesAreRejected() throws {
        let typo = try #require(try error(afterChanging: editCode(0) { $0["treshold"] = 2 }))
        #expect(typo.path == "codes[0].treshold")
        #expect(typo.problem.contains("unknown key"))

        let duplicate = try #require(try error(afterChanging: editCode(2) { $0["id"] = "ambassadeurschap" }))
        #expect(duplicate.path == "codes[2].id")
        #expect(duplicate.problem.contains("duplicate"))

        let colour = try #require(try error(afterChanging: editCode(3) { $0["color"] = "red" }))
        #expect(colour.path == "codes[3].color")

        let glob = try #require(try error(afterChanging: editCode(4) { code in
            var patterns = code["patterns"] as! [[String: Any]]
            patterns[0]["terms"] = ["netwerk", "*"]
            code["patterns"] = patterns
        }))
        #expect(glob.path == "codes[4].patterns[0].terms[1]")

        let context = try #require(try error(afterChanging: editCode(0) { code in
            code["patterns"] = [["context": "onbekend", "weight": 1]]
        }))
        #expect(context.path == "codes[0].patterns[0].context")

        let unreachable = try #require(try error(afterChanging: editCode(5) { $0["threshold"] = 50 }))
        #expect(unreachable.path == "codes[5].threshold")
        #expect(unreachable.problem.contains("cannot be reached"))

        let missing = try #require(try error(afterChanging: { $0.removeValue(forKey: "negation") }))
        #expect(missing.path == "negation")
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        let text = "{\n  \"name\": \"x\",\n  \"codes\": [1,,]\n}"
        do {
            _ = try Rubric.parse(data: Data(text.utf8), file: "kapot.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "kapot.json")
            #expect(error.problem.contains("not valid JSON"))
            #expect(error.problem.contains("line 3"))
        }
    }
}
