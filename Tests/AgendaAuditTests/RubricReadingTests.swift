import Foundation
import Testing
@testable import AgendaAudit

/// The rubric's own JSON reader and the byte-wise term checks (start-up time, issue 15) must give what
/// JSONSerialization and the scalar-wise term checks give.
@Suite("Rubric: reading JSON and terms")
struct RubricReadingTests {
    @Test func termWordsAndProblems() {
        #expect(TermSyntax.words("Werk-Plek'ken* en  BAN*") == ["werk", "plekken*", "en", "ban*"])
        #expect(TermSyntax.words("''") == [])
        #expect(TermSyntax.words("a`b 12") == ["ab", "12"])
        #expect(TermSyntax.problem("  ") == "empty term")
        #expect(TermSyntax.problem("' -") == "term has no letters")
        #expect(TermSyntax.problem("a**b") == "\"**\" in a term; use a single *")
        #expect(TermSyntax.problem("*a") == "wildcard word \"*a\" is too broad (needs at least two letters)")
        #expect(TermSyntax.problem("werk #1")
                == "unsupported character \"#\" in term (use words, spaces, hyphens and * wildcards)")
        #expect(TermSyntax.problem(" werk*plek ") == nil)
    }

    /// An ASCII term read byte-wise, and the same term with a word that is not ASCII (read scalar-wise) after it.
    @Test(arguments: ["Werk-Plek'ken* en  BAN*", "a`b 12", "a**b", "*a", "werk #1", " werk*plek ", "A.B/C&D+E", "x\ty",
                      "  Doel  ", "'s-Hertogenbosch", "*'*ab", "Ab'*", "''' x", "b*'"])
    func asciiTermsReadAsTheScalarPathReadsThem(term: String) {
        #expect(TermSyntax.words(term + " é") == TermSyntax.words(term) + TermSyntax.words("é"))
        #expect(TermSyntax.problem(term + " é") == TermSyntax.problem(term))
    }

    /// Documents the direct reader handles, and ones it leaves to JSONSerialization: the same values either way.
    @Test(arguments: [
        #"{"a": [1, -2, 3.25, 0, -0.5, true, false, null, "x\"y\\z\/\n\t\u00e9", {}], "b": {"c": []}, "é": "ü"}"#,
        #"{"big": 1234567890123456789, "exp": 1e3, "dup": 1, "dup": 2, "pair": "\ud83d\ude00", "zero": -0}"#,
        #"[ {"a" : 1.5 } , [ ] ]"#,
    ])
    func readerAgreesWithJSONSerialization(text: String) throws {
        let ours = try RubricJSON.parse(Data(text.utf8))
        let foundation = RubricJSON(foundation: try JSONSerialization.jsonObject(with: Data(text.utf8)))
        #expect(Self.canonical(ours) == Self.canonical(foundation))
    }

    @Test func invalidJSONKeepsJSONSerializationsMessage() {
        for text in ["{\"a\": 01}", "{\"a\": [1,,2]}", "{\"a\": \"\u{01}\"}", "", "\"top\"", "{\"a\": 1} x"] {
            do {
                _ = try Rubric.parse(data: Data(text.utf8), file: "kapot.json")
                Issue.record("expected an error for \(text)")
            } catch {
                var message = ""
                do { _ = try JSONSerialization.jsonObject(with: Data(text.utf8)) } catch { message = "\(error)" }
                #expect(error.file == "kapot.json")
                #expect(error.path == "$")
                #expect(!message.isEmpty, "JSONSerialization accepts \(text)")
                #expect(error.problem.hasPrefix("is not valid JSON: "))
            }
        }
    }

    /// A value as text, objects with their keys sorted (JSONSerialization's dictionaries have no order).
    static func canonical(_ value: RubricJSON) -> String {
        switch value {
        case .object(let object):
            let members = zip(object.keys, object.values).sorted { $0.0 < $1.0 }
            return "{" + members.map { "\($0.0.debugDescription):\(canonical($0.1))" }.joined(separator: ",") + "}"
        case .array(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .string(let text): return text.debugDescription
        case .number(let double, let integer): return "\(double)/\(integer)"
        case .bool(let flag): return "\(flag)"
        case .null: return "null"
        }
    }
}
