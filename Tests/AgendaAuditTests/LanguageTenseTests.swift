import Testing
@testable import AgendaAudit

/// Finite verbs picked per clause (regression tests for the mechanisms that raised tense agreement with Frog;
/// Benchmarks/frog-compare.sh measures them on real text).
extension LanguageTests {
    static func finite(_ r: Reading, _ form: String) -> Bool { r.word(form).pos == .finiteVerb }

    /// Verb second: the first finite-looking form after a complete first constituent, also when it is a noun too;
    /// a noun-verb homograph there needs a verb's company after it.
    @Test func verbSecondAfterTheFirstConstituent() {
        let staat = Self.read("In het Bestuursakkoord van 2019 staat over de werkagenda het volgende.")
        #expect(Self.finite(staat, "staat") && staat.word("staat").tense == .present)
        let leren = Self.read("Leidinggevenden en kandidaten leren elkaar tijdens een rondleiding op een informele manier kennen.")
        #expect(Self.finite(leren, "leren"))
        #expect(leren.word("kennen").pos == .infinitive)
        let zien = Self.read("Ten slotte zien we dat werkgevers veel knelpunten ervaren.")
        #expect(Self.finite(zien, "zien"))
        let bevatten = Self.read("Daarnaast bevatten de werkagenda's vaak twee acties.")
        #expect(Self.finite(bevatten, "bevatten"))
        // A noun-verb homograph that continues a noun phrase stays a noun.
        let markt = Self.read("De sectoren markt en overheid werken samen.")
        #expect(markt.word("markt").pos == .noun)
        #expect(Self.finite(markt, "werken"))
    }

    /// After a fronted phrase or adverb and a finite "zijn"/"hebben", "dat" is the subject that follows the verb, not a
    /// conjunction; after a subject first, or after other verbs, it opens a clause.
    @Test func datAfterAnInvertedAuxiliaryIsItsSubject() {
        let gelukt = Self.read("In 2018 streefden de provincies naar 170 banen, in juni was dat al ruimschoots gelukt.")
        #expect(gelukt.word("gelukt").pos == .participle)
        #expect(gelukt.word("dat").clause == gelukt.word("was").clause)
        let probleem = Self.read("Het probleem is dat er te weinig begeleiders zijn.")
        #expect(probleem.word("dat").clause != probleem.word("is").clause)
        let kan = Self.read("Ook kan het zijn dat een werkgever niet meteen ziet wat een voorbeeld betekent.")
        #expect(kan.word("dat").clause != kan.word("kan").clause)
        let blijkt = Self.read("Uit de cijfers blijkt dat de instroom is gestegen.")
        #expect(blijkt.word("dat").clause != blijkt.word("blijkt").clause)
    }

    /// An irregular verb's bare stem is no present form unless it is the third person too: "onderwijs" (onderwijzen)
    /// after an adjective or in a table cell is the noun; "kan", "wil" stay finite, "ben", "heb" with "ik".
    @Test func aBareStemIsNoThirdPerson() {
        let cell = Self.read("Primair onderwijs | 12 | 14")
        #expect(cell.word("onderwijs").pos == .noun)
        let sector = Self.read("In het primair en voortgezet onderwijs werken veel mensen.")
        #expect(sector.word("onderwijs").pos == .noun)
        #expect(Self.finite(sector, "werken"))
        let modal = Self.read("De sector kan meer doen en wil dat ook.")
        #expect(Self.finite(modal, "kan") && Self.finite(modal, "wil"))
        let first = Self.read("Ik ben blij en ik heb tijd.")
        #expect(Self.finite(first, "ben") && first.word("ben").tense == .present)
        #expect(Self.finite(first, "heb"))
    }

    /// A prefixed weak verb's stem + t is participle and present ("gebruikt", "bereikt"): the clause decides, and a
    /// clause without another finite verb takes it. An adjective or particle that is also a verb form ("vast",
    /// "kort") is finite only by position.
    @Test func eachClauseHasOneFiniteVerb() {
        let perfect = Self.read("We hebben de aanbevelingen om deze reden als basis gebruikt voor onze analyse.")
        #expect(Self.finite(perfect, "hebben"))
        #expect(perfect.word("gebruikt").pos == .participle)
        #expect(perfect.clause(of: "hebben").isPerfect)
        let present = Self.read("De sector bereikt met deze aanpak veel werkgevers.")
        #expect(Self.finite(present, "bereikt") && present.word("bereikt").tense == .present)
        let adjective = Self.read("Met dit akkoord hebben de sectoren afgesproken een werkagenda vast te stellen.")
        #expect(Self.finite(adjective, "hebben"))
        #expect(adjective.word("vast").pos != .finiteVerb)
        let particle = Self.read("Provinciale Staten stellen jaarlijks de begroting vast.")
        #expect(Self.finite(particle, "stellen"))
        #expect(particle.verbs(of: "stellen").contains("vaststellen"))
    }

    /// The main clause resumes after an embedded subordinate clause when it had no finite verb before it; a
    /// coordinated main clause shares its subject and opens with its finite verb.
    @Test func theMainClauseResumesWithItsFiniteVerb() {
        let relative = Self.read("Sectoren die zelf werkgever zijn hebben meer mogelijkheden dan andere sectoren.")
        #expect(Self.finite(relative, "zijn") && relative.clause(of: "zijn").isSubordinate)
        #expect(Self.finite(relative, "hebben") && !relative.clause(of: "hebben").isSubordinate)
        let lexical = Self.read("Waterschappen die gezamenlijk aanbesteden hanteren dezelfde voorwaarden.")
        #expect(Self.finite(lexical, "hanteren") && !lexical.clause(of: "hanteren").isSubordinate)
        // A verb cluster closing the subordinate clause stays in it.
        let cluster = Self.read("We zien dat de afspraken in de werkagenda's verwerkt moeten worden.")
        #expect(Self.finite(cluster, "moeten") && cluster.clause(of: "worden").isSubordinate)
        let coordinated = Self.read("De vertegenwoordigers hebben invloed op het beleid en kunnen ook bijdragen aan de uitvoering.")
        #expect(Self.finite(coordinated, "kunnen"))
        #expect(coordinated.word("bijdragen").pos != .finiteVerb)
    }

    /// An embedded clause without a comma: after a clause that has its finite verb, a relative or interrogative word
    /// followed by a verb-final form opens a subordinate clause with its own finite verb.
    @Test func anEmbeddedClauseWithoutACommaHasItsOwnFiniteVerb() {
        let relative = Self.read("We kijken naar de mogelijkheden die sectorvertegenwoordigers hebben voor de implementatie.")
        #expect(Self.finite(relative, "kijken"))
        #expect(Self.finite(relative, "hebben") && relative.clause(of: "hebben").isSubordinate)
        let question = Self.read("UWV houdt bij welke werkgevers personen uit de doelgroep in dienst hebben.")
        #expect(Self.finite(question, "hebben") && question.clause(of: "hebben").isSubordinate)
        let whether = Self.read("Het is niet te verifiëren of de activiteiten tot de beoogde resultaten hebben geleid.")
        #expect(Self.finite(whether, "hebben") && whether.clause(of: "hebben").isPerfect)
        // No verb-final form follows: nothing finite is made of the noun phrase.
        let determiner = Self.read("We geven de sector die taak voor de komende jaren.")
        #expect(Self.finite(determiner, "geven"))
        #expect(determiner.word("taak").pos == .noun && determiner.word("jaren").pos == .noun)
        // After a fronted subordinate clause the main clause opens with its verb, also one that is a noun too.
        let fronted = Self.read("Omdat werkgevers de weg nauwelijks weten te vinden, stellen de provincies een contactpersoon aan die de samenwerking regelt.")
        #expect(Self.finite(fronted, "weten") && fronted.clause(of: "weten").isSubordinate)
        #expect(Self.finite(fronted, "stellen") && fronted.verbs(of: "stellen").contains("aanstellen"))
    }

    /// A parenthesis opening with a verb is an imperative clause; a stem before "je" is the inverted second person.
    @Test func parentheticalImperativesAndInvertedStems() {
        let see = Self.read("We gebruiken eerder onderzoek als basis (zie het analysekader in paragraaf 2).")
        #expect(Self.finite(see, "gebruiken") && Self.finite(see, "zie"))
        let inverted = Self.read("Dan krijg je proeftuinen en dan zie je of dat werkt.")
        #expect(Self.finite(inverted, "krijg") && Self.finite(inverted, "zie"))
        // "geld" is no third person of "gelden" ("geldt" is): a noun in a list.
        let money = Self.read("Het is voor een vertegenwoordiger met weinig tijd en geld lastig om verandering te brengen.")
        #expect(money.word("geld").pos == .noun)
    }

    /// Coordinated predicates share the subject: "en" straight before a finite-looking form with its object.
    @Test func coordinatedPredicatesEachHaveAFiniteVerb() {
        let r = Self.read("Accountmanagers van het werkgeversservicepunt kennen de werkzoekenden in de regio en dragen kandidaten voor.")
        #expect(Self.finite(r, "kennen") && Self.finite(r, "dragen"))
        #expect(r.verbs(of: "dragen").contains("voordragen"))
        // An infinitive coordinated under "te" stays one.
        let te = Self.read("We proberen kandidaten te plaatsen en werkgevers te overtuigen.")
        #expect(r.word("kennen").pos == .finiteVerb && te.word("overtuigen").pos == .infinitive)
    }

    /// Verb first (a question or condition opened by an auxiliary before its subject), a demonstrative standing
    /// alone before a noun-verb homograph, and an imperative stem before "dat".
    @Test func verbFirstDemonstrativeSubjectsAndImperatives() {
        let condition = Self.read("Hebben de werkgevers vragen over de wet, dan kunnen ze bij ons terecht.")
        #expect(Self.finite(condition, "Hebben") && Self.finite(condition, "kunnen"))
        let staat = Self.read("Dit staat ook niet als afspraak in het Bestuursakkoord.")
        #expect(Self.finite(staat, "staat") && staat.lemma("staat") == "staan")
        let komen = Self.read("Deze komen vier keer per jaar bijeen.")
        #expect(Self.finite(komen, "komen"))
        #expect(komen.verbs(of: "komen").contains("bijeenkomen"))
        let stel = Self.read("Stel dat de organisatie gegroeid is.")
        #expect(Self.finite(stel, "Stel") && stel.clause(of: "Stel").addressesReader)
        // The demonstrative before a noun stays a determiner.
        let noun = Self.read("Dat onderzoek ging over knelpunten.")
        #expect(noun.word("onderzoek").pos == .noun && Self.finite(noun, "ging"))
    }

    /// A free relative after a preposition is a clause of its own ("naar wat er nog mogelijk is"), and an
    /// infinitival phrase ends a first constituent ("Door ... te delen kunnen werkgevers ...").
    @Test func freeRelativesAndInfinitivalFirstConstituents() {
        let wat = Self.read("De gesprekken met de sectoren zijn gericht op het benutten van het potentieel en te kijken naar wat er nog mogelijk is.")
        #expect(Self.finite(wat, "zijn") && Self.finite(wat, "is"))
        #expect(wat.clause(of: "is").isSubordinate && !wat.clause(of: "zijn").isSubordinate)
        let te = Self.read("Door goede voorbeelden te delen kunnen werkgevers aan de ene kant inzien wat de waarde is.")
        #expect(Self.finite(te, "kunnen"))
        #expect(te.word("inzien").pos == .infinitive)
    }

    /// Inversion with existential "er" or a pronoun subject, also after a participle or a count, and a free
    /// relative opening the sentence before the main verb.
    @Test func inversionAndFreeRelatives() {
        let er = Self.read("Lang geleden zijn er afspraken gemaakt.")
        #expect(Self.finite(er, "zijn") && er.word("afspraken").pos == .noun)
        #expect(er.clause(of: "zijn").isPassive)
        let count = Self.read("In paragraaf 8.1.7 komen we tot een schatting.")
        #expect(Self.finite(count, "komen"))
        let free = Self.read("Wat we doen is dat we de agenda erbij pakken.")
        #expect(Self.finite(free, "doen") && free.clause(of: "doen").isSubordinate)
        #expect(Self.finite(free, "is") && !free.clause(of: "is").isSubordinate)
    }

    /// A verb that is also a noun counts as the clause's finite verb before its object's determiner, so an
    /// embedded clause after it gets its own ("leveren de gegevens aan waarop ... zijn gebaseerd"); "als" inside
    /// an embedded clause is a comparison; a coordinated predicate may be a present form that is also a participle.
    @Test func embeddedClausesAfterNounVerbsAndCoordinatedParticiples() {
        let waarop = Self.read("De DUO en het UWV leveren de gegevens aan waarop de sectorcijfers zijn gebaseerd.")
        #expect(Self.finite(waarop, "leveren") && Self.finite(waarop, "zijn"))
        #expect(waarop.clause(of: "zijn").isSubordinate && waarop.clause(of: "zijn").isPassive)
        let als = Self.read("In hun bestuursverslag beschrijven steeds meer schoolbesturen wat zij als werkgever hebben gedaan.")
        #expect(Self.finite(als, "beschrijven") && Self.finite(als, "hebben") && als.clause(of: "hebben").isPerfect)
        let beslist = Self.read("Iedere schoolbestuurder is zelf werkgever en beslist zelf over het personeelsbeleid.")
        #expect(Self.finite(beslist, "is") && Self.finite(beslist, "beslist"))
    }

    /// A prepositional phrase first: the noun after the verb is its inverted subject; "hoeveel" opens an indirect
    /// question like "hoe".
    @Test func invertedNounSubjectsAndIndirectQuestions() {
        let pp = Self.read("Over de kwaliteit van de banen hoeven werkgevers zich ook niet te verantwoorden.")
        #expect(Self.finite(pp, "hoeven") && pp.word("werkgevers").pos == .noun)
        let question = Self.read("Alle marktwerkgevers gaven in de enquête aan hoeveel mensen zij in dienst hadden.")
        #expect(Self.finite(question, "gaven") && question.word("gaven").tense == .past)
        #expect(Self.finite(question, "hadden") && question.clause(of: "hadden").isSubordinate)
        // Without a phrase first, a noun after a noun-verb homograph keeps the noun phrase together.
        let list = Self.read("De sectoren markt en overheid werken samen.")
        #expect(list.word("markt").pos == .noun)
    }

    /// A subordinate clause is closed before the main clause's verb: a form read as a noun that ends it (before a
    /// finite auxiliary or its comma) is its verb, and after the comma the main clause resumes with its verb, also
    /// before a participle or an infinitive.
    @Test func aSubordinateClauseClosesBeforeTheMainVerb() {
        let stuiten = Self.read("Het knelpunt waar werkgevers op stuiten is de complexiteit van de regels.")
        #expect(Self.finite(stuiten, "stuiten") && stuiten.lemma("stuiten") == "stuiten")
        #expect(stuiten.clause(of: "stuiten").isSubordinate)
        #expect(Self.finite(stuiten, "is") && !stuiten.clause(of: "is").isSubordinate)
        let mate = Self.read("De mate waarin een sector banen kan realiseren, wordt bepaald door de omvang.")
        #expect(Self.finite(mate, "kan") && mate.clause(of: "kan").isSubordinate)
        #expect(Self.finite(mate, "wordt") && !mate.clause(of: "wordt").isSubordinate && mate.clause(of: "wordt").isPassive)
        let kunnen = Self.read("Medewerkers die willen doorgroeien, kunnen deelnemen aan het programma.")
        #expect(Self.finite(kunnen, "kunnen") && !kunnen.clause(of: "kunnen").isSubordinate)
        #expect(kunnen.word("deelnemen").pos == .infinitive)
        let boden = Self.read("Alle werkgevers die geen verplichting hadden, boden dus uit andere overwegingen werk aan.")
        #expect(Self.finite(boden, "boden") && boden.word("boden").tense == .past && boden.lemma("boden") == "bieden")
        // A comma before a noun in a list opens no clause.
        let list = Self.read("Wij hebben bewustzijn gegeven, aandacht, inspiratie en kennis.")
        #expect(list.word("aandacht").pos == .noun && Self.finite(list, "hebben"))
    }

    /// A subordinate clause ends in its verb: the form that closes it is finite also when it could be a noun
    /// ("die werkgevers ... uitvoeren", "waarvan wij er enkele spraken"); "die" after a noun, before a noun, opens a
    /// relative clause when a finite-looking form closes the stretch.
    @Test func clauseFinalFormsAreVerbs() {
        let uitvoeren = Self.read("De inhoud beslaat deels de activiteiten die werkgevers in de sector al uitvoeren (bottom-up).")
        #expect(Self.finite(uitvoeren, "beslaat"))
        #expect(Self.finite(uitvoeren, "uitvoeren") && uitvoeren.clause(of: "uitvoeren").isSubordinate)
        #expect(uitvoeren.lemma("uitvoeren") == "uitvoeren")
        let spraken = Self.read("Er zijn veel intermediairs, waarvan wij er enkele spraken.")
        #expect(Self.finite(spraken, "spraken") && spraken.word("spraken").tense == .past)
        // A determiner before the last word keeps it a noun: "zoals de kosten" has no verb.
        let kosten = Self.read("Werkgevers dragen veel lasten, zoals de kosten.")
        #expect(kosten.word("kosten").pos == .noun)
    }

    /// A clause's first word after a comma may be its subject ("zij noemen zichzelf"), and a noun-verb homograph before
    /// an object pronoun ("vragen zich af of ...") or after a clause-opening "ze" is the verb, so the embedded clause
    /// after it gets its own; a verb-final form before "en" ends an embedded clause ("wat ... was en hoe ...").
    @Test func subjectsAndObjectsAroundNounVerbs() {
        let zij = Self.read("Andere sectoren vertegenwoordigen een grotere groep werkgevers, zij noemen zichzelf publieke werkgevers.")
        #expect(Self.finite(zij, "vertegenwoordigen") && Self.finite(zij, "noemen"))
        let zich = Self.read("De sectoren politie en Rijksoverheid vragen zich af of het werk passend is.")
        #expect(Self.finite(zich, "vragen") && Self.finite(zich, "is") && zich.clause(of: "is").isSubordinate)
        let ze = Self.read("De vertegenwoordigers kennen de sector goed: ze weten precies wat de banenafpraak lastig maakt.")
        #expect(Self.finite(ze, "weten") && Self.finite(ze, "maakt"))
        let wat = Self.read("We gaan na wat de oorspronkelijke doelstelling was en hoe de agenda's worden ingezet.")
        #expect(Self.finite(wat, "gaan") && !wat.clause(of: "gaan").isSubordinate)
        #expect(Self.finite(wat, "was") && wat.clause(of: "was").isSubordinate)
        // "het" after a comma is an article, not a subject: a list of infinitives under "blijft".
        let list = Self.read("De Vereniging blijft haar leden ondersteunen, het kennisnetwerk faciliteren en de verzameling aanvullen.")
        #expect(Self.finite(list, "blijft") && list.word("faciliteren").pos == .infinitive)
    }

    /// Participles as adjectives carry their verb's lemma: a present participle ("volgende", "bestaande",
    /// "funderend") is an adjective with the infinitive as lemma, an inflected past participle before a noun is an
    /// attributive participle ("de geïnterviewde respondenten"), not a noun and no verb of its clause; an -e form
    /// that is also a noun or a past stays that elsewhere ("deze gedachte", "Elke persoon vervulde ...").
    @Test func participlesAsAdjectivesKeepTheirVerbLemma() {
        let present = Self.read("De volgende stap is belangrijk voor de komende jaren en de bestaande banen in het funderend onderwijs.")
        #expect(present.lemma("volgende") == "volgen" && present.lemma("komende") == "komen")
        #expect(present.lemma("bestaande") == "bestaan" && present.lemma("funderend") == "funderen")
        #expect(present.word("bestaande").pos == .other && present.word("banen").pos == .noun)
        #expect(Self.finite(present, "is"))
        // One that is a noun too, with no noun after it, is that noun: "de leidinggevende", "het volgende".
        let person = Self.read("De leidinggevende ontmoet de kandidaat en het volgende valt op.")
        #expect(person.word("leidinggevende").pos == .noun && person.lemma("leidinggevende") == "leidinggevende")
        #expect(person.word("volgende").pos == .noun && Self.finite(person, "ontmoet"))
        let blijven = Self.read("De bestaande banen blijven.")
        #expect(blijven.word("banen").pos == .noun && Self.finite(blijven, "blijven"))
        let past = Self.read("De geïnterviewde respondenten noemen de door Significant genoemde acties.")
        #expect(past.word("geïnterviewde").pos == .participle && past.lemma("geïnterviewde") == "interviewen")
        #expect(past.lemma("genoemde") == "noemen" && Self.finite(past, "noemen"))
        // Attributive participles make no passive: "Er zijn meer gespecialiseerde intermediairs".
        let er = Self.read("Er zijn meer gespecialiseerde intermediairs.")
        #expect(er.word("gespecialiseerde").pos == .participle && !er.clause(of: "zijn").isPassive)
        let noun = Self.read("Met deze gedachte in het achterhoofd werken we.")
        #expect(noun.word("gedachte").pos == .noun && noun.lemma("gedachte") == "gedachte")
        let vervulde = Self.read("Elke persoon uit de doelgroep vervulde dus een baan.")
        #expect(Self.finite(vervulde, "vervulde") && vervulde.word("vervulde").tense == .past)
        // "gemeente" is no participle ("gemeent" is no word).
        let gemeente = Self.read("Iedere gemeente is een werkgever.")
        #expect(gemeente.word("gemeente").pos == .noun)
    }

    /// A nominal infinitive: "het" (which no plural noun takes) before an -en form, after a preposition or before
    /// "van", is a noun with the infinitive as lemma ("bij het opstellen van", "het delen van goede voorbeelden"),
    /// not "het" as an object before a verb-final form ("zodat we het halen").
    @Test func nominalInfinitivesKeepTheirVerbLemma() {
        let delen = Self.read("Het delen van goede voorbeelden is nuttig.")
        #expect(delen.word("delen").pos == .noun && delen.lemma("delen") == "delen" && Self.finite(delen, "is"))
        let opstellen = Self.read("Bij het opstellen van de agenda zijn de aanbevelingen gebruikt.")
        #expect(opstellen.lemma("opstellen") == "opstellen" && opstellen.word("opstellen").pos != .finiteVerb)
        let adverb = Self.read("Het gaat om het al dan niet meetellen van de externe inzet.")
        #expect(adverb.lemma("meetellen") == "meetellen" && adverb.word("meetellen").pos != .finiteVerb)
        let object = Self.read("We doen alles zodat we het halen.")
        #expect(Self.finite(object, "halen"))
    }

    /// A finite modal needs an infinitive: without another verb in its clause, the last -en form that is also a
    /// plural noun is it ("kunnen bijdragen aan"), not one a quantifier modifies ("meer banen").
    @Test func aModalTakesAnInfinitive() {
        let r = Self.read("De sectorvertegenwoordigers kunnen bijdragen aan het realiseren van meer banen.")
        #expect(Self.finite(r, "kunnen"))
        #expect(r.word("bijdragen").pos == .infinitive && r.lemma("bijdragen") == "bijdragen")
        #expect(r.word("banen").pos == .noun && r.lemma("banen") == "baan")
        // The infinitive stands last: the homograph before it is its object.
        let object = Self.read("We kunnen vragen beantwoorden uit de sector.")
        #expect(object.word("vragen").pos == .noun && object.word("beantwoorden").pos == .infinitive)
    }

    /// A sentence opening with a stem that is also a noun, before a bare plural or an adjective or participle with
    /// its noun, and without a verb of its own, is an imperative ("Deel geleerde lessen met andere sectoren"); a
    /// heading with a singular noun or a number stays a noun.
    @Test func imperativesBeforeABareObject() {
        let deel = Self.read("Deel geleerde lessen met andere sectoren.")
        #expect(Self.finite(deel, "Deel") && deel.lemma("Deel") == "delen" && deel.clause(of: "Deel").addressesReader)
        #expect(deel.word("lessen").pos == .noun)
        let heading = Self.read("Deel 2 gaat over de aanpak.")
        #expect(heading.word("Deel").pos == .noun && Self.finite(heading, "gaat"))
        let withVerb = Self.read("Deel geleerde lessen is een van de acties.")
        #expect(withVerb.word("Deel").pos != .finiteVerb && Self.finite(withVerb, "is"))
    }

    /// The readers of the layer take an attributive participle for the adjective it is: a copula with one in its subject
    /// is still a definition (no action), and "het aantal gerealiseerde banen" with a figure is a realisation.
    @Test func attributiveParticiplesAreAdjectivesToTheReaders() {
        let text = "De minst genoemde typen activiteiten zijn talenttrajecten voor hoogopgeleide mensen met een arbeidsbeperking."
        let passage = Passage(id: "p1", kind: .paragraph, start: 0, end: text.unicodeScalars.count, line: 1, section: [], text: text)
        #expect(!Repo.coder.code(passage).codes.contains { $0.code == "talenttrajecten" })
        let monitoring = "Het aantal gerealiseerde banen in het mbo bedraagt 29,02% van de opgave voor 2023."
        let checked = CycleChecker(rubric: Repo.rubric)!.check(
            Passage(id: "p1", kind: .paragraph, start: 0, end: monitoring.unicodeScalars.count, line: 1, section: [], text: monitoring),
            referenceYear: 2024)
        #expect(checked.elements[.monitoring]?.status == .partial)
    }

    /// Coordinated predicates also with a separable particle ("en staan los van ...", "en voeren werkzaamheden uit")
    /// and after "maar"; an adjective that is also a verb's stem + t is no finite verb ("niet echt", "kort gezegd"),
    /// and a noun after an inflected modifier is no inverted verb before "er" ("de toegevoegde waarde er niet van").
    @Test func coordinatedPredicatesWithParticlesAndAdjectives() {
        let los = Self.read("Die stages zijn onderdeel van hun opleiding en staan los van de banenafspraak.")
        #expect(Self.finite(los, "zijn") && Self.finite(los, "staan"))
        let uit = Self.read("De medewerkers zijn in dienst van de organisatie en voeren werkzaamheden uit voor faculteiten.")
        #expect(Self.finite(uit, "voeren") && uit.verbs(of: "voeren").contains("uitvoeren"))
        let maar = Self.read("Ze kunnen actief zijn, maar zien de toegevoegde waarde er niet echt van.")
        #expect(Self.finite(maar, "zien") && maar.word("waarde").pos == .noun && maar.word("echt").pos != .finiteVerb)
        let kort = Self.read("Kort gezegd zijn voor het grootste deel van de banen geen afspraken gemaakt.")
        #expect(Self.finite(kort, "zijn") && kort.word("Kort").pos != .finiteVerb)
        // A preposition right after the verb is no particle of a coordinated predicate: a name stays a name.
        let name = Self.read("Het project loopt samen met de Stichting Studeren en Werken op Maat.")
        #expect(name.word("Werken").pos != .finiteVerb)
    }

    /// After a comma a bare stem that is nothing else opens an imperative clause (", zie de tabel in 4.2"), not an
    /// adjective (", zeker in de opstartfase"); a stem before "ik" or "je" after a comma opens a clause with its verb
    /// (", vind ik", "dan snap ik").
    @Test func stemsAfterACommaAreVerbs() {
        let zie = Self.read("Het gaat dan om het aantal banen, zie de tabel in 4.2 voor de cijfers.")
        #expect(Self.finite(zie, "gaat") && Self.finite(zie, "zie") && zie.clause(of: "zie").first == zie.clause(of: "zie").finite)
        let zeker = Self.read("Er is begeleiding nodig voor voldoende capaciteit, zeker in de opstartfase.")
        #expect(zeker.word("zeker").pos != .finiteVerb)
        let vind = Self.read("De bijeenkomsten waarin we elkaar bijstaan, vind ik veel nuttiger dan een werkagenda.")
        #expect(Self.finite(vind, "vind") && !vind.clause(of: "vind").isSubordinate)
        let snap = Self.read("Als een werkgever dit moet doen, dan snap ik dat de HR het niet altijd weet.")
        #expect(Self.finite(snap, "snap") && snap.lemma("snap") == "snappen")
    }

    /// A main clause resumed after an embedded clause has its subject before that clause, for the coder too:
    /// "Schoolleiders en mentoren [die ... begeleiden], kunnen deelnemen aan een training" is an action of theirs.
    @Test func aResumedMainClauseKeepsItsSubject() {
        let text = "Schoolleiders en mentoren die een onderwijsassistent uit de doelgroep begeleiden, kunnen deelnemen aan een training van drie dagdelen."
        let r = Self.read(text)
        #expect(Self.finite(r, "begeleiden") && Self.finite(r, "kunnen") && !r.clause(of: "kunnen").isSubordinate)
        let passage = Passage(id: "p1", kind: .paragraph, start: 0, end: text.unicodeScalars.count, line: 1, section: [], text: text)
        #expect(Repo.coder.code(passage).codes.contains { $0.code == "training-begeleiders" })
    }

    /// A partitive "één van de ..." is no topic phrase: the bottleneck it names is stated by the main clause
    /// resumed after the relative clause ("Eén van de genoemde knelpunten waar ... op stuiten is de complexiteit").
    @Test func aPartitiveIsNoTopic() {
        let text = "Eén van de genoemde knelpunten waar sectorvertegenwoordigers op stuiten is de complexiteit in de wetgeving."
        let checked = CycleChecker(rubric: Repo.rubric)!.check(
            Passage(id: "p1", kind: .paragraph, start: 0, end: text.unicodeScalars.count, line: 1, section: [], text: text), referenceYear: 2023)
        #expect(checked.elements[.problemAnalysis]?.status == .partial)
        // A topic phrase stays one: "een overzicht van de knelpunten" names them.
        let topic = "We maken een overzicht van de knelpunten in de sector."
        let named = CycleChecker(rubric: Repo.rubric)!.check(
            Passage(id: "p1", kind: .paragraph, start: 0, end: topic.unicodeScalars.count, line: 1, section: [], text: topic), referenceYear: 2023)
        #expect(named.elements[.problemAnalysis] == nil)
    }

    /// `analyze` prints lemmas as written: the word's letters with their diacritics where the folded lemma begins
    /// like the word; the layer itself keeps folded lemmas.
    @Test func lemmasArePrintedWithTheirDiacritics() {
        #expect(AnalysisReport.displayLemma("creeren", surface: "creëert") == "creëren")
        #expect(AnalysisReport.displayLemma("coordinator", surface: "Coördinatoren") == "coördinator")
        #expect(AnalysisReport.displayLemma("enquete", surface: "enquête") == "enquête")
        #expect(AnalysisReport.displayLemma("interviewen", surface: "geïnterviewde") == "interviewen")
        #expect(AnalysisReport.displayLemma("baan", surface: "banen") == "baan")
        let r = Self.read("De overheid creëert banen.")
        #expect(r.lemma("creëert") == "creeren" && Self.finite(r, "creëert"))
    }

    /// A noun-verb homograph after a noun and before an adverb is verb-like enough to give the embedded clause after
    /// it a verb of its own: "Niet alle werkgevers weten precies wat dit concreet inhoudt".
    @Test func aHomographBeforeAnAdverbKeepsTheVerbSlot() {
        let r = Self.read("Niet alle werkgevers weten precies wat dit concreet inhoudt.")
        #expect(Self.finite(r, "weten") && Self.finite(r, "inhoudt") && r.clause(of: "inhoudt").isSubordinate)
        let verschillen = Self.read("Deze sectoren verschillen natuurlijk sterk van elkaar.")
        #expect(Self.finite(verschillen, "verschillen"))
    }
}
