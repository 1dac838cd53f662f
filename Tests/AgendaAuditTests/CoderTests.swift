import Foundation
import Testing
@testable import AgendaAudit

@Suite("Matcher: one pass, globs, phrases and compounds")
struct MatcherTests {
    func hits(_ terms: [String], _ text: String, variants: [String: String] = [:]) -> [(String, String)] {
        var matcher = PhraseMatcher(spellingVariants: variants)
        for term in terms { matcher.add(term) }
        let tokens = Tokenizer().tokens(text)
        let scalars = Array(text.unicodeScalars)
        return matcher.match(tokens).map { hit in
            (terms[hit.entry], String(String.UnicodeScalarView(scalars[tokens[hit.first].start..<tokens[hit.last].end])))
        }
    }

    @Test func globsMatchWithinOneWord() {
        #expect(hits(["bemiddel*"], "Het UWV bemiddelt en bemiddeling volgt.").map(\.1) == ["bemiddelt", "bemiddeling"])
        #expect(hits(["*begeleiders"], "Werkplekbegeleiders en begeleiders, geen begeleiding.").map(\.1) == ["Werkplekbegeleiders", "begeleiders"])
        #expect(hits(["*ambassadeur*"], "Inclusieambassadeurs zijn er.").map(\.1) == ["Inclusieambassadeurs"])
        #expect(hits(["werk*plek"], "werkplek werkervaringsplek werkplekken").map(\.1) == ["werkplek", "werkervaringsplek"])
    }

    @Test func phrasesMatchSpacedHyphenatedAndClosedCompounds() {
        let found = hits(["job carving"], "Job carving, job-carving en jobcarving; job. Carving niet.").map(\.1)
        #expect(found == ["Job carving", "job-carving", "jobcarving"])
        #expect(hits(["sw bedrij*"], "Het sw-bedrijf en SW-bedrijven.").map(\.1) == ["sw-bedrijf", "SW-bedrijven"])
    }

    @Test func foldingCoversCaseDiacriticsAndApostrophes() {
        #expect(hits(["geinformeerd"], "Zij zijn GEÏNFORMEERD.").count == 1)
        #expect(hits(["werkagendas"], "De werkagenda's en werkagenda’s.").count == 2)
        #expect(hits(["banenafspraak"], "De banenafpraak.", variants: ["banenafpraak": "banenafspraak"]).count == 1)
    }
}

@Suite("Coder: decision rules")
struct CoderRuleTests {
    @Test func negationBlocksACode() {
        #expect(codes("Wij hebben geen centraal budget voor de doelgroep.") == [])
        #expect(codes("Job carving hebben we nog niet toegepast.") == [])
        #expect(codes("We werken met een centraal budget voor de doelgroep.") == ["centralisatie"])
        // The cue is in another clause.
        #expect(codes("Een centraal budget is er niet, maar we werven kandidaten via het werkgeversservicepunt.") == ["bemiddelaars"])
        // "niet alleen" does not negate.
        #expect(codes("We zetten niet alleen in op job carving, maar ook op functiecreatie.") == ["functies-passend"])
    }

    @Test func metaTextDoesNotCode() {
        #expect(codes("Job carving wordt in de meeste werkagenda's niet genoemd.") == [])
        #expect(codes("In veel agenda's ontbreekt training voor werkplekbegeleiders.") == [])
    }

    @Test func goodExamplesNeedASharingActivity() {
        #expect(codes("Gemeente Zwolle startte een project dat tot drie plaatsingen leidde.") == [])
        #expect(codes("We delen goede voorbeelden in een kwartaalnieuwsbrief.") == ["goede-voorbeelden"])
    }

    @Test func brokersVersusSupportingPartners() {
        #expect(codes("Het werkgeversservicepunt draagt geschikte kandidaten voor.") == ["bemiddelaars"])
        #expect(codes("Het sw-bedrijf begeleidt de medewerkers en ontzorgt de werkgever.") == ["samenwerken-partners"])
        #expect(Set(codes("Het WSP brengt kandidaten aan; het sw-bedrijf neemt de begeleiding uit handen.")) == ["bemiddelaars", "samenwerken-partners"])
    }

    @Test func studentInternshipsAreNotTrialPlacements() {
        #expect(codes("Studenten van de hogeschool lopen stage op onze afdelingen.") == [])
        #expect(codes("We bieden proefplaatsingen aan kandidaten uit het doelgroepregister.") == ["proefplaatsingen"])
    }

    @Test func evidenceCarriesExactSourceWordsAndRanges() throws {
        let text = "Via het Werkgeversservicepunt werven we kandidaten."
        let doc = try document("Kop\n\n" + text)
        let coded = Repo.coder.code(doc)
        let assignment = try #require(coded.passages.first?.codes.first)
        #expect(assignment.code == "bemiddelaars")
        for evidence in assignment.evidence {
            #expect(doc.slice(evidence.start, evidence.end) == evidence.text)
            #expect(evidence.pattern.hasPrefix("codes[1].patterns["))
        }
        #expect(assignment.evidence.map(\.text).contains("Werkgeversservicepunt"))
    }

    @Test func suppressedHitsSayWhy() throws {
        let passage = Passage(id: "p1", kind: .paragraph, start: 0, end: 40, line: 1, section: [],
                              text: "We hebben geen centraal budget.")
        let coded = Repo.coder.code(passage)
        #expect(coded.codes.isEmpty)
        #expect(coded.suppressed.contains { $0.code == "centralisatie" && $0.reason == .negation && $0.cue == "geen" })
    }
}
