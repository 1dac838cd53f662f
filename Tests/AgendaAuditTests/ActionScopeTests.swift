import Foundation
import Testing
@testable import AgendaAudit

/// "Is this an action of the author?" (`ActionScope`): sentences that talk
/// about an action type without an action are not coded, and the hit is
/// kept as suppressed with reason `not-an-action`, the rule and the words.
@Suite("Coder: is this an action of the author?")
struct ActionScopeTests {
    func coded(_ text: String) -> CodedPassage {
        let passage = Passage(id: "p1", kind: .paragraph, start: 0, end: text.unicodeScalars.count, line: 1, section: [], text: text)
        return Repo.coder.code(passage)
    }

    /// The rules that suppressed hits of `code` in `text` (none when the code was given).
    func rules(_ text: String, _ code: String) -> Set<String> {
        let result = coded(text)
        guard !result.codes.contains(where: { $0.code == code }) else { return [] }
        return Set(result.suppressed.filter { $0.code == code && $0.reason == .notAnAction }.compactMap(\.rule))
    }

    /// The code is withheld, and every hit of it that the decision stopped names `rule` and the words `cue`.
    func expectNotAnAction(_ text: String, _ code: String, rule: String, cue: String? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let result = coded(text)
        #expect(!result.codes.contains { $0.code == code }, "\(code) given to: \(text)", sourceLocation: sourceLocation)
        let hits = result.suppressed.filter { $0.code == code && $0.reason == .notAnAction }
        #expect(!hits.isEmpty, "no not-an-action hit of \(code) in: \(text)", sourceLocation: sourceLocation)
        for hit in hits {
            #expect(hit.rule == rule, "\(hit.rule ?? "nil") instead of \(rule): \(hit.text) in \(text)", sourceLocation: sourceLocation)
            if let cue { #expect(hit.cue == cue, "cue \(hit.cue) instead of \(cue)", sourceLocation: sourceLocation) }
            // The words and range of the hit are exact source words.
            #expect(text.scalarSlice(hit.start, hit.end) == hit.text, sourceLocation: sourceLocation)
        }
    }

    // MARK: Not an action

    @Test func definitionsAreNotActions() {
        expectNotAnAction("Social return is een aanpak om mensen met een afstand tot de arbeidsmarkt aan werk te helpen.",
                          "inkoop-sroi", rule: "definition", cue: "is een")
        expectNotAnAction("Een werkgeversservicepunt is een samenwerkingsverband van gemeenten en UWV.",
                          "bemiddelaars", rule: "definition")
        expectNotAnAction("Intermediaire organisaties zijn in elk geval regionale werkgeversservicepunten.",
                          "bemiddelaars", rule: "definition")
        expectNotAnAction("Dat betekent dat een deel van de opdracht naar social return gaat.", "inkoop-sroi", rule: "definition",
                          cue: "betekent")
        // A nominalised infinitive as predicate defines an activity; the author's own goal stated so is no definition.
        expectNotAnAction("Jobcarving is het opsplitsen van taken in eenvoudige werkzaamheden.", "functies-passend", rule: "definition",
                          cue: "is het opsplitsen")
        #expect(coded("Ons doel is het opsplitsen van taken via jobcarving bij alle afdelingen.").codes.contains { $0.code == "functies-passend" })
        #expect(coded("De eerste stap is het opsplitsen van taken via jobcarving bij alle afdelingen.").codes.contains { $0.code == "functies-passend" })
    }

    /// The advice idiom "er goed aan doen", also where a relative clause stands between its words and the subject.
    @Test func theAdviceIdiomIsNoAction() {
        expectNotAnAction("Werkgevers doen er goed aan om hun vacatures te melden bij het WerkgeversServicepunt.", "bemiddelaars",
                          rule: "advice", cue: "doen er goed aan")
        expectNotAnAction("Uit de pilots bleek dat werkgevers die met jobcarving beginnen er verstandig aan doen om eerst een taakanalyse te maken.",
                          "functies-passend", rule: "advice")
        #expect(coded("Wij melden onze vacatures bij het WerkgeversServicepunt.").codes.contains { $0.code == "bemiddelaars" })
    }

    /// A demonstrative subject after a definition goes on about the class defined; with the author as inverted subject,
    /// or after an action, it does not.
    @Test func aDemonstrativeSubjectContinuesADefinition() {
        let definition = "Een werkgeversservicepunt is een samenwerkingsverband van gemeenten en UWV. "
        expectNotAnAction(definition + "Deze servicepunten bemiddelen kandidaten naar werkgevers in de regio.",
                          "bemiddelaars", rule: "definition", cue: "is een")
        // The author as inverted subject: the fronted phrase is the object; the second sentence decides on its own.
        let inverted = coded(definition + "Deze servicepunten vragen we vanaf 2025 om kandidaten voor onze vacatures te bemiddelen.")
        let second = definition.unicodeScalars.count
        #expect(inverted.suppressed.contains { $0.start < second && $0.rule == "definition" })
        #expect(!inverted.suppressed.contains { $0.start >= second && $0.rule == "definition" })
        // After an action, a demonstrative subject is still an action.
        #expect(coded("Wij werken samen met het WerkgeversServicepunt. Dit servicepunt bemiddelt kandidaten naar onze vacatures.")
            .codes.contains { $0.code == "bemiddelaars" })
    }

    @Test func adviceToTheReaderIsNotAnAction() {
        expectNotAnAction("U kunt uw vacature aanmelden bij het WerkgeversServicepunt.", "bemiddelaars", rule: "advice")
        // An imperative, also after a list marker.
        expectNotAnAction("Organiseer netwerkbijeenkomsten om goede voorbeelden te delen.", "goede-voorbeelden", rule: "advice",
                          cue: "Organiseer")
        expectNotAnAction("d. Organiseer netwerkbijeenkomsten om goede voorbeelden te delen.", "goede-voorbeelden", rule: "advice")
        // Impersonal advice and opinion.
        expectNotAnAction("Het is belangrijk om werkplekbegeleiders goed te trainen.", "training-begeleiders", rule: "advice",
                          cue: "is belangrijk")
        expectNotAnAction("We denken dat een centrale pool werkgevers kan ontzorgen.", "centralisatie", rule: "advice", cue: "denken")
    }

    @Test func possibilitiesAreNotActions() {
        expectNotAnAction("De sectorvertegenwoordiger kan goede voorbeelden delen in een nieuwsbrief.", "goede-voorbeelden",
                          rule: "possibility", cue: "kan")
        expectNotAnAction("Zij kunnen persoonlijk contact opnemen met ongemotiveerde werkgevers.", "ambassadeurschap",
                          rule: "possibility")
        expectNotAnAction("Goede voorbeelden zijn op veel manieren te delen.", "goede-voorbeelden", rule: "possibility")
    }

    @Test func statisticsAreNotActions() {
        expectNotAnAction("13 procent van de werkgevers heeft mensen in dienst vanwege de SROI-verplichting.", "inkoop-sroi",
                          rule: "statistic", cue: "13 procent")
        expectNotAnAction("Tussen de 12 en 14 procent van de werkenden werkt vanwege inkoop door overheidsorganisaties en social return.",
                          "inkoop-sroi", rule: "statistic")
        expectNotAnAction("34% van de werkgevers past social return toe.", "inkoop-sroi", rule: "statistic", cue: "34")
    }

    @Test func studiesAreNotActions() {
        expectNotAnAction("Uit de enquête blijkt dat werkgevers social return toepassen.", "inkoop-sroi", rule: "study",
                          cue: "Uit de enquête")
        expectNotAnAction("Het tweede deel betreft een kwantitatief onderzoek naar de inkoop van diensten en SROI door overheidswerkgevers.",
                          "inkoop-sroi", rule: "study", cue: "onderzoek naar")
        expectNotAnAction("Daarnaast brengt dit rapport in kaart hoeveel banen de overheid realiseert door social return.",
                          "inkoop-sroi", rule: "study", cue: "rapport")
    }

    @Test func someoneElsesSchemeIsNotAnAction() {
        expectNotAnAction("Per werkervaringsplaats stelt de gemeente een premie beschikbaar.", "proefplaatsingen", rule: "scheme",
                          cue: "premie")
    }

    @Test func questionsAndLabelsAreNotActions() {
        expectNotAnAction("Zijn er bijvoorbeeld meet and greets voor kandidaten beschikbaar?", "meet-and-greets", rule: "question")
        expectNotAnAction("7. Inkoop en SROI\t7/12 werkagenda's", "inkoop-sroi", rule: "label")
        // The codebook's own label names the type.
        expectNotAnAction("Training voor begeleiders", "training-begeleiders", rule: "label", cue: "Training voor begeleiders")
        expectNotAnAction("Samenwerken met partners die ondersteunen en ontzorgen (intermediairs, sw-bedrijf)", "samenwerken-partners",
                          rule: "label")
        // A label followed by what is done is an action.
        #expect(codes("Training voor begeleiders: in 2024 trainen wij twintig werkplekbegeleiders.").contains("training-begeleiders"))
    }

    /// "Denk aan ..." gives examples: it takes the decision of the sentence before.
    @Test func examplesTakeTheSentenceBefore() {
        expectNotAnAction("Deze partijen kunnen ontzorgen. Denk daarbij aan het sw-bedrijf en een jobcoachorganisatie.",
                          "samenwerken-partners", rule: "possibility")
        #expect(codes("Wij werken samen met gespecialiseerde partijen. Denk aan het sw-bedrijf en de jobcoachorganisatie in de regio.")
                .contains("samenwerken-partners"))
    }

    // MARK: Actions that must still be coded

    @Test func actionsInEveryTenseAreCoded() {
        // Past and perfect.
        #expect(codes("In 2022 hebben wij twintig werkplekbegeleiders opgeleid tot jobcoach.").contains("training-begeleiders"))
        #expect(codes("Vorig jaar organiseerde de sector drie netwerkbijeenkomsten om goede voorbeelden te delen.")
                .contains("goede-voorbeelden"))
        // Present and future.
        #expect(codes("Wij passen social return toe bij alle aanbestedingen boven 100.000 euro.") == ["inkoop-sroi"])
        #expect(codes("In 2025 organiseren we vier netwerkbijeenkomsten om goede voorbeelden te delen.").contains("goede-voorbeelden"))
        #expect(codes("De sector zal in 2025 een centrale pool voor de doelgroep inrichten.").contains("centralisatie"))
    }

    @Test func sectorAndNamedSubjectsAreTheAuthor() {
        #expect(codes("Defensie werft kandidaten via het werkgeversservicepunt.") == ["bemiddelaars"])
        #expect(codes("Ook kunnen de waterschappen kosteloos een beroep doen op een jobcoachorganisatie voor ondersteuning.")
                .contains("samenwerken-partners"))
        // A bare plural with "kunnen": what an arrangement offers the people it is for.
        #expect(codes("Na de speeddate kunnen kandidaten een proefplaatsing van zes weken afspreken.").contains("proefplaatsingen"))
        // The target group as subject: what an arrangement offers them.
        #expect(codes("Na hun stage kunnen deze jongeren met een arbeidsbeperking via een proefplaatsing bij de provincie aan het werk blijven.")
                .contains("proefplaatsingen"))
        // A scheme noun inside a phrase is no scheme described ("per jaar" is a frequency).
        #expect(codes("Het netwerk komt een paar keer per jaar bijeen om ervaringen uit te wisselen over loonkostensubsidie.")
                .contains("goede-voorbeelden"))
        // An adjective first is no imperative.
        #expect(codes("Kleinere instituten schakelen de gemeente in, die werkzoekenden met een indicatie banenafspraak voorstelt.")
                .contains("bemiddelaars"))
        // "Wij" with a scheme noun is the author's own scheme.
        #expect(codes("Wij stellen per werkervaringsplaats een premie beschikbaar.").contains("proefplaatsingen"))
    }

    @Test func reportedEventsAndExistentialsAreActions() {
        // A definition whose relative clause reports what was done.
        #expect(codes("De handreiking is een resultaat van het project, waarin wij met leveranciers afspraken hebben gemaakt over social return.")
                .contains("inkoop-sroi"))
        // "Er is": existence, not a definition.
        #expect(codes("Zo is er een centrale pool voor de doelgroep bij de Rijksoverheid.").contains("centralisatie"))
        // A quoted motto decides nothing.
        #expect(codes("Om leidinggevenden te enthousiasmeren organiseren we lunches waar zij kandidaten ontmoeten onder het motto ‘Ontmoet je nieuwe collega’.")
                .contains("meet-and-greets"))
    }

    @Test func suppressionIsInTheJSONReport() throws {
        let text = "Kop\n\nSocial return is een aanpak om mensen aan werk te helpen.\n"
        let doc = try document(text)
        let audit = Pipeline(rubric: Repo.rubric).audit(doc)
        let hit = try #require(audit.coded.passages.flatMap(\.suppressed).first { $0.reason == .notAnAction })
        #expect(hit.rule == "definition" && hit.cue == "is een" && hit.code == "inkoop-sroi")
        #expect(doc.slice(hit.start, hit.end) == hit.text)
    }

    /// After a definition, a sentence in the generic present goes on describing what was defined; a dated one or the
    /// author's own is an action again.
    @Test func theGenericPresentContinuesADefinition() {
        #expect(!codes("Functiecreatie betekent het anders inrichten van bedrijfsprocessen. Eenvoudige taken worden samengevoegd tot een of meerdere nieuwe functies.")
                .contains("functies-passend"))
        #expect(codes("Functiecreatie betekent het anders inrichten van bedrijfsprocessen. Wij voegen eenvoudige taken samen tot nieuwe functies.")
                .contains("functies-passend"))
        #expect(codes("Functiecreatie betekent het anders inrichten van bedrijfsprocessen. In 2025 worden eenvoudige taken samengevoegd tot nieuwe functies.")
                .contains("functies-passend"))
    }

    /// A jobcoach is a role, not a party: a team with its own jobcoach is no cooperation with a partner; an external
    /// party that does the coaching is one.
    @Test func aJobcoachIsARoleNotAPartner() {
        #expect(!codes("De vaste teamleider en een jobcoach zorgen voor voldoende aandacht en begeleiding.").contains("samenwerken-partners"))
        #expect(codes("Voor de umc's neemt een externe partij de loonwaardebepaling, de jobcoaching en de subsidieaanvragen over.").contains("samenwerken-partners"))
        #expect(codes("De samenwerking met Jobstap loopt goed: Jobstap verzorgt de werving en de jobcoaching.").contains("samenwerken-partners"))
    }

    /// "één van de ..." names a member of a group: no definition.
    @Test func oneOfTheGroupIsNoDefinition() {
        #expect(codes("Hij is één van de vier sectorambassadeurs voor het programma Onbeperkte Denkers om inclusiviteit binnen de sector waterschappen naar een hoger plan te tillen.")
                .contains("ambassadeurschap"))
        #expect(!codes("Een ambassadeur is een medewerker die collega's vertelt over de banenafspraak.").contains("ambassadeurschap"))
    }
    /// The generic present framed by a concept ("Bij jobcarving wordt ...") says how the method works; framed by a plural
    /// or a name it is practice. "X is iets anders dan Y" defines.
    @Test func theGenericPresentFramedByAConceptDefines() {
        #expect(!codes("Bij jobcarving worden taken uit een bestaande functie gehaald en gebundeld tot een takenpakket voor iemand uit de doelgroep.")
                .contains("functies-passend"))
        #expect(codes("Bij Defensie worden taken uit bestaande functies gehaald en gebundeld tot een takenpakket voor iemand uit de doelgroep.")
                .contains("functies-passend"))
        #expect(!codes("Jobcarving is iets anders dan functiecreatie, waarbij een nieuwe functie wordt gecreëerd.").contains("functies-passend"))
    }
    /// Departments are the employer's side of a meeting with candidates.
    @Test func departmentsMeetingCandidatesIsAMeetAndGreet() {
        #expect(codes("Daarom organiseerde de provincie bijeenkomsten om de verschillende afdelingen kennis te laten maken met mensen uit de doelgroep.")
                .contains("meet-and-greets"))
        #expect(!codes("De afdelingen kwamen bijeen voor de jaarlijkse evaluatie van de begroting.").contains("meet-and-greets"))
    }
    /// The concept that frames a generic present may take two words ("Bij social return ..."), and an indefinite subject
    /// is generic; the author's practice framed by a name still counts.
    @Test func aTwoWordConceptFramesTheGenericPresent() {
        #expect(!codes("Bij social return krijgt een leverancier een korting op de aanneemsom als hij mensen uit de doelgroep inzet.").contains("inkoop-sroi"))
        #expect(codes("Bij Rijkswaterstaat nemen wij in elke aanbesteding een social return-eis op voor mensen uit de doelgroep.").contains("inkoop-sroi"))
    }

    /// An activity named as a concept, a nominalised infinitive with its object as the subject, is explained or evaluated,
    /// not done; a verb of taking place (`action.occurrence`) reports it as practice.
    @Test func anActivityNamedAsAConceptIsNotDone() {
        #expect(!codes("Het actief delen van goede voorbeelden helpt werkgevers om sneller te beginnen.").contains("goede-voorbeelden"))
        #expect(!codes("Voor scholen is het vinden van een stageplek voor leerlingen met een beperking van groot belang.").contains("proefplaatsingen"))
        #expect(codes("Het delen van goede voorbeelden gebeurt via onze nieuwsbrief en het intranet.").contains("goede-voorbeelden"))
    }

    /// A purpose noun as subject (`action.purposes`) says what a thing is for: no definition; a concept defined stays one.
    @Test func aPurposeIsNoDefinition() {
        #expect(codes("Doel van ons netwerk is vooral ervaringen uitwisselen en goede voorbeelden delen tijdens de bijeenkomsten.").contains("goede-voorbeelden"))
        #expect(!codes("Een lerend netwerk is een groep werkgevers die ervaringen uitwisselen en goede voorbeelden delen.").contains("goede-voorbeelden"))
    }

    /// A subject before an embedded clause stands in the clause it opens: the definition's checks read from there (they
    /// trapped on a reversed range: "De eerste stap, die we vorig jaar zetten, is het opsplitsen van taken").
    @Test func aSubjectBeforeAnEmbeddedClause() {
        #expect(!codes("Functiecreatie, waar veel werkgevers mee werken, is het afsplitsen van taken tot een nieuwe functie voor mensen uit de doelgroep.").contains("functies-passend"))
        _ = codes("De eerste stap, die we vorig jaar zetten, is het opsplitsen van taken.")
        _ = codes("Eerst de vraag wie dat betaalt, is het delen van goede voorbeelden daarna van groot belang.")
    }

    /// A study as the source of a main clause that resumes after a relative clause ("Uit X dat ... werd gemaakt, blijkt
    /// dat ..."), and a definition whose predicate a participle phrase qualifies, are no actions.
    @Test func aStudyBeforeARelativeClauseAndADefinitionWithAParticiplePhrase() {
        expectNotAnAction("Uit een rapport dat vorig jaar werd opgesteld door de rekenkamer blijkt dat de gemeente weinig controleert op social return.",
                          "inkoop-sroi", rule: "study")
        expectNotAnAction("Social return is een eis, vastgelegd in het bestek, om mensen met een afstand tot de arbeidsmarkt werk te bieden.",
                          "inkoop-sroi", rule: "definition")
        #expect(codes("Wij nemen sinds 2023 in elke aanbesteding boven de drempel een social return-eis op.").contains("inkoop-sroi"))
    }

    /// An abbreviation in brackets after a noun is no name that makes the subject the author's; a sentence with the
    /// impersonal "het" as subject and a fragment opening with an example ("Bijvoorbeeld ...") go on about what the
    /// sentence before defined.
    @Test func anAbbreviationAndWhatFollowsADefinition() {
        expectNotAnAction("Social return (SROI) betekent dat een opdrachtgever in het contract eist dat de leverancier mensen uit de doelgroep inzet.",
                          "inkoop-sroi", rule: "definition")
        let passage = "Een leerwerktraject is een combinatie van werken en leren. Het gaat meestal om een plek bij een werkgever. Bijvoorbeeld een werkervaringsplaats of een stageplek."
        #expect(!codes(passage).contains("proefplaatsingen"), "\(coded(passage).codes)")
        // (a name that is the subject stays the author's: the university acts)
        #expect(codes("De Universiteit Utrecht (UU) biedt sinds 2023 werkervaringsplaatsen aan mensen uit de doelgroep.").contains("proefplaatsingen"))
        // (without a definition before it, the example fragment keeps its hits)
        #expect(codes("Wij bieden meer plekken aan mensen uit de doelgroep. Bijvoorbeeld werkervaringsplaatsen bij de facilitaire dienst.").contains("proefplaatsingen"))
    }
}
