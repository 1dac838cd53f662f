import Foundation
import Testing
@testable import AgendaAudit

/// The language-layer pattern forms of the rubric (`lemma`, `clause`, `sentence`; issue 11): validated on
/// load, checked by `rubric lint`, and matched on lemmas, compound heads and reunited separable verbs.
@Suite("Rubric: lemma, clause and sentence patterns")
struct LemmaPatternTests {
    /// The bundled rubric with code `index`'s patterns (and exclusions) replaced.
    static func rubric(code index: Int, patterns: [[String: Any]], exclude: [[String: Any]] = []) throws -> Rubric {
        var root = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Repo.path("rubric.json")))) as! [String: Any]
        var codes = root["codes"] as! [[String: Any]]
        codes[index]["patterns"] = patterns
        codes[index]["exclude"] = exclude
        codes[index]["threshold"] = 1
        root["codes"] = codes
        return try Rubric.parse(data: JSONSerialization.data(withJSONObject: root), file: Repo.path("rubric.json"))
    }

    static func error(_ patterns: [[String: Any]]) -> RubricError? {
        do {
            _ = try rubric(code: 7, patterns: patterns)
            return nil
        } catch let error as RubricError {
            return error
        } catch {
            return RubricError(file: "", path: "", problem: "\(error)")
        }
    }

    static func codes(_ coder: Coder, _ text: String) -> [CodeAssignment] {
        ValidationTests.passages(text).flatMap { coder.code($0).codes }
    }

    @Test func newFormsAreValidatedOnLoad() throws {
        let wildcard = try #require(Self.error([["lemma": ["*begeleider"], "weight": 1]]))
        #expect(wildcard.path == "codes[7].patterns[0].lemma[0]", "\(wildcard)")
        let phrase = try #require(Self.error([["clause": [["kandidaat"], ["elkaar ontmoeten"]], "weight": 1]]))
        #expect(phrase.path == "codes[7].patterns[0].clause[1][0]", "\(phrase)")
        let oneSide = try #require(Self.error([["sentence": [["taak"]], "weight": 1]]))
        #expect(oneSide.path == "codes[7].patterns[0].sentence", "\(oneSide)")
        let window = try #require(Self.error([["lemma": ["ontmoeten"], "window": 3, "weight": 1]]))
        #expect(window.path == "codes[7].patterns[0].window", "\(window)")
        let both = try #require(Self.error([["lemma": ["ontmoeten"], "terms": ["ontmoet*"], "weight": 1]]))
        #expect(both.problem.contains("use one per pattern"), "\(both)")
        let empty = try #require(Self.error([["clause": [["kandidaat"], []], "weight": 1]]))
        #expect(empty.path == "codes[7].patterns[0].clause[1]", "\(empty)")
        #expect(Self.error([["clause": [["Kandidaat"], ["ontmoeten"]], "weight": 1]]) == nil)
    }

    /// One entry covers every inflection: present, past, participle.
    @Test func aLemmaCoversItsForms() throws {
        let coder = Coder(rubric: try Self.rubric(code: 7, patterns: [["lemma": ["ontmoeten"], "weight": 1]]))
        for text in ["Wij ontmoeten de kandidaten.", "De leidinggevende ontmoet de kandidaat.", "Vorig jaar ontmoetten wij twintig kandidaten.",
                     "Wij hebben kandidaten ontmoet."] {
            #expect(Self.codes(coder, text).contains { $0.code == "meet-and-greets" }, "\(text)")
        }
        #expect(!Self.codes(coder, "Wij organiseren een ontmoeting met de minister.").contains { $0.code == "meet-and-greets" })
    }

    /// A compound is reached through the language layer's split, not a wildcard list.
    @Test func aCompoundHeadMatches() throws {
        let coder = Coder(rubric: try Self.rubric(code: 11, patterns: [["sentence": [["begeleider"], ["training"]], "weight": 1]]))
        let found = Self.codes(coder, "Wij geven de werkplekbegeleiders een training.")
        let code = try #require(found.first { $0.code == "training-begeleiders" })
        #expect(code.evidence.map(\.text).contains("werkplekbegeleiders"))
        #expect(!Self.codes(coder, "Wij geven de begeleiding een training.").contains { $0.code == "training-begeleiders" })
    }

    /// A separable verb split over the clause is read as one verb.
    @Test func separableVerbsAreReunited() throws {
        let coder = Coder(rubric: try Self.rubric(code: 5, patterns: [["clause": [["taak"], ["losknippen"]], "weight": 1]]))
        let split = "Wij knippen eenvoudige taken los."
        let code = try #require(Self.codes(coder, split).first { $0.code == "functies-passend" })
        // Both parts of the verb are evidence, each with its own words and range.
        let text = ValidationTests.passages(split)[0].text
        for item in code.evidence {
            let start = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: item.start)
            let end = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: item.end)
            #expect(String(text.unicodeScalars[start..<end]) == item.text)
        }
        #expect(Set(code.evidence.map(\.text)).isSuperset(of: ["taken", "knippen", "los"]), "\(code.evidence.map(\.text))")
        #expect(Self.codes(coder, "Wij analyseren welke taken kunnen worden losgeknipt tot een nieuwe functie.")
            .contains { $0.code == "functies-passend" })
        // The particle before a prepositional phrase put after it: "knippen ... los [uit de functie]".
        #expect(Self.codes(coder, "Wij knippen eenvoudige taken los uit de bestaande functies.").contains { $0.code == "functies-passend" })
        // The bundled rubric: meeting needs someone to meet, not the work ("maken kennis met het werk").
        let bundled = Coder(rubric: Repo.rubric)
        #expect(Self.codes(bundled, "Kandidaten maken kennis met hun nieuwe leidinggevende.").contains { $0.code == "meet-and-greets" })
        #expect(!Self.codes(bundled, "Kandidaten maken kennis met het werk in de buitendienst.").contains { $0.code == "meet-and-greets" })
    }

    /// `clause` needs its words in one clause of the language layer, `sentence` in one sentence.
    @Test func clauseAndSentenceScopes() throws {
        let clause = Coder(rubric: try Self.rubric(code: 7, patterns: [["clause": [["kandidaat"], ["ontmoeten"]], "weight": 1]]))
        #expect(Self.codes(clause, "Wij organiseren bijeenkomsten waarin schoolleiders en kandidaten elkaar ontmoeten.")
            .contains { $0.code == "meet-and-greets" })
        #expect(!Self.codes(clause, "De kandidaten krijgen een plek, nadat wij de leidinggevenden ontmoeten.")
            .contains { $0.code == "meet-and-greets" })
        #expect(!Self.codes(clause, "Wij plaatsen kandidaten. Daarna ontmoeten wij de minister.").contains { $0.code == "meet-and-greets" })
        let sentence = Coder(rubric: try Self.rubric(code: 7, patterns: [["sentence": [["kandidaat"], ["ontmoeten"]], "weight": 1]]))
        #expect(Self.codes(sentence, "De kandidaten krijgen een plek, nadat wij de leidinggevenden ontmoeten.")
            .contains { $0.code == "meet-and-greets" })
        #expect(!Self.codes(sentence, "Wij plaatsen kandidaten. Daarna ontmoeten wij de minister.").contains { $0.code == "meet-and-greets" })
        // One word does not fill two sides.
        let same = Coder(rubric: try Self.rubric(code: 7, patterns: [["clause": [["kandidaat"], ["kandidaat"]], "weight": 1]]))
        #expect(!Self.codes(same, "Wij zoeken een kandidaat.").contains { $0.code == "meet-and-greets" })
    }

    /// Hits of the new forms go through negation and the action decision like any other, and say why.
    @Test func newHitsAreSuppressedWithAReason() throws {
        let coder = Coder(rubric: try Self.rubric(code: 7, patterns: [["clause": [["kandidaat"], ["ontmoeten"]], "weight": 1]]))
        let negated = coder.code(ValidationTests.passages("Wij laten kandidaten en leidinggevenden elkaar niet ontmoeten.")[0])
        #expect(!negated.codes.contains { $0.code == "meet-and-greets" })
        #expect(negated.suppressed.contains { $0.code == "meet-and-greets" && $0.reason == .negation && $0.cue == "niet" })
        let advice = coder.code(ValidationTests.passages("Organiseer bijeenkomsten waarin kandidaten en leidinggevenden elkaar ontmoeten.")[0])
        #expect(!advice.codes.contains { $0.code == "meet-and-greets" })
        #expect(advice.suppressed.contains { $0.code == "meet-and-greets" && $0.reason == .notAnAction })
    }

    /// An exclusion in the new forms closes its clause (`lemma`) or sentence (`clause`, `sentence`).
    @Test func exclusionsInTheNewForms() throws {
        let coder = Coder(rubric: try Self.rubric(code: 8, patterns: [["lemma": ["stage"], "weight": 1]],
                                                  exclude: [["clause": [["stage"], ["student"]]]]))
        #expect(Self.codes(coder, "Wij bieden stages aan mensen uit de doelgroep.").contains { $0.code == "proefplaatsingen" })
        let student = coder.code(ValidationTests.passages("Wij bieden stages aan studenten.")[0])
        #expect(!student.codes.contains { $0.code == "proefplaatsingen" })
        #expect(student.suppressed.contains { $0.code == "proefplaatsingen" && $0.reason == .exclusion && $0.cue.contains("studenten") })
    }

    @Test func lintChecksTheNewForms() throws {
        let rubric = try Self.rubric(code: 7, patterns: [["lemma": ["kandidaten", "ontmoet", "ontmoeten", "ontmoeten"], "weight": 1],
                                                        ["clause": [["kandidaat"], ["kennismaken"]], "weight": 1]])
        let findings = RubricTools.lint(rubric)
        #expect(findings.contains { $0.kind == .unreachable && $0.path == "codes[7].patterns[0].lemma[0]" && $0.detail.contains("kandidaat") },
                "\(findings)")
        #expect(findings.contains { $0.kind == .unreachable && $0.path == "codes[7].patterns[0].lemma[1]" && $0.detail.contains("ontmoeten") },
                "\(findings)")
        #expect(findings.contains { $0.kind == .duplicate && $0.path == "codes[7].patterns[0].lemma[3]" }, "\(findings)")
        #expect(!findings.contains { $0.path.hasPrefix("codes[7].patterns[1]") && $0.kind != .overlap }, "\(findings)")
    }

    /// Issue 11's paraphrases, coded by the bundled rubric through the new forms (the rubric before them coded
    /// none), and its words for something else, not coded.
    @Test func bundledRubricCodesTheIssueParaphrases() {
        let cases: [(String, String?)] = [
            ("Wij organiseren bijeenkomsten waarin schoolleiders en kandidaten elkaar ontmoeten.", "meet-and-greets"),
            ("We analyseren welke taken kunnen worden losgeknipt tot een nieuwe functie.", "functies-passend"),
            ("Zo staat de banenafspraak periodiek op de agenda op bestuurlijk niveau.", "bestuurlijk-commitment"),
            ("De werkagenda wordt pas ingediend wanneer besturen er hun handtekening onder gezet hebben.", "bestuurlijk-commitment"),
            ("Via een uitzendbureau dat gespecialiseerd is in mensen met autisme zijn zes kandidaten geplaatst.", "bemiddelaars"),
            ("Wij bieden stages aan studenten van de hogeschool.", nil),
            ("Het Rijk heeft een algemeen traineeship voor pas afgestudeerden.", nil),
            ("De gemeente voert als uitkeringsinstantie de loonkostensubsidie uit voor andere werkgevers.", nil),
        ]
        for (text, code) in cases {
            let found = Self.codes(Repo.coder, text).map(\.code)
            if let code { #expect(found == [code], "\(text)") } else { #expect(found.isEmpty, "\(text): \(found)") }
        }
    }

    /// Sharing examples without a sharing noun: an example or story (the compound's head: praktijkvoorbeeld,
    /// succesverhaal) that is shown ("laten zien") or collected and published in one clause; seeing or describing
    /// examples is no sharing.
    @Test func showingOrPublishingExamplesIsSharing() {
        let shared = [
            "De sectorraad laat de scholen geslaagde praktijkvoorbeelden zien.",
            "Wij tekenen de succesverhalen van onze nieuwe collega's op.",
        ]
        for text in shared { #expect(Self.codes(Repo.coder, text).map(\.code) == ["goede-voorbeelden"], "\(text)") }
        let notShared = [
            "In de sector zien we steeds meer voorbeelden van nieuwe functies.",
            "Het rapport beschrijft enkele voorbeelden uit de praktijk.",
        ]
        for text in notShared { #expect(!Self.codes(Repo.coder, text).map(\.code).contains("goede-voorbeelden"), "\(text)") }
    }

    /// Relieving the employer (`ontzorgen`) is what a partner does, but a central team or a colleague relieves too: it
    /// counts with a supporting party or the work with it.
    @Test func relievingNeedsAPartner() {
        #expect(!Self.codes(Repo.coder, "Met zijn werkzaamheden ontzorgt de nieuwe collega de leraren van de school.").map(\.code).contains("samenwerken-partners"))
        #expect(Self.codes(Repo.coder, "Het sw-bedrijf ontzorgt onze leidinggevenden bij de begeleiding van de nieuwe collega's.").map(\.code).contains("samenwerken-partners"))
    }

    /// The research rule: what the author estimates or asks is the topic of a study, in the past too.
    @Test func researchIsNoAction() {
        let estimated = Repo.coder.code(ValidationTests.passages(
            "We hebben eerder geschat dat ongeveer 12 procent van de werkenden werkzaam was vanwege SROI.")[0])
        #expect(estimated.codes.isEmpty)
        #expect(estimated.suppressed.contains { $0.code == "inkoop-sroi" && $0.rule == "study" && $0.cue == "geschat" })
        let asked = Repo.coder.code(ValidationTests.passages(
            "We hebben alle werkgevers gevraagd of zij mensen via een uitzendbureau hebben geworven.")[0])
        #expect(asked.codes.isEmpty, "\(asked.codes)")
        let request = Repo.coder.code(ValidationTests.passages(
            "We vragen het uitzendbureau om kandidaten uit de doelgroep te werven.")[0])
        #expect(request.codes.contains { $0.code == "bemiddelaars" })
    }
}
