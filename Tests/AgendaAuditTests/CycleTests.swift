import Foundation
import Testing
@testable import AgendaAudit

/// Cycle elements found in one piece of text, as a single passage.
func cycleElements(_ text: String) -> [CycleElement: CycleStatus] {
    let checker = CycleChecker(rubric: Repo.rubric)!
    let passage = Passage(id: "p1", kind: .paragraph, start: 0, end: text.unicodeScalars.count, line: 1, section: [], text: text)
    return checker.check(passage).elements.mapValues(\.status)
}

@Suite("Cycle: quantities")
struct QuantityTests {
    let scanner = QuantityScanner(words: Repo.rubric.cycle!.numberWords, percentWords: Set(Repo.rubric.cycle!.percentWords))

    func scan(_ text: String) -> [(Double, Quantity.Kind)] {
        scanner.scan(Tokenizer().tokens(text), text: text, base: 0).map { ($0.value, $0.kind) }
    }

    @Test func dutchDigitsPercentagesAndYears() {
        let found = scan("Van de 5.144 banen 3.749 gerealiseerd; 29,02 fte, 75% en 2,69 procent in 2023.")
        #expect(found.map(\.0) == [5144, 3749, 29.02, 75, 2.69, 2023])
        #expect(found.map(\.1) == [.count, .count, .count, .percentage, .percentage, .year])
    }

    @Test func numberWordsCompose() {
        #expect(scanner.value(ofWord: "twaalf") == 12)
        #expect(scanner.value(ofWord: "twintig") == 20)
        #expect(scanner.value(ofWord: "honderd") == 100)
        #expect(scanner.value(ofWord: "drieduizend") == 3000)
        #expect(scanner.value(ofWord: "vijfentwintig") == 25)
        #expect(scanner.value(ofWord: "tweehonderdvijftig") == 250)
        #expect(scanner.value(ofWord: "werkgevers") == nil)
        #expect(scanner.value(ofWord: "tienen") == nil)
    }
}

@Suite("Cycle: elements")
struct CycleElementTests {
    @Test func goalGranularity() {
        // Broad: the activity happening is the only criterion.
        #expect(cycleElements("In het komende jaar worden werkgevers benaderd en geïnformeerd.")[.measurableGoals] == nil)
        // Middle: a quantity, what is counted and a horizon.
        #expect(cycleElements("In het komende jaar benaderen we ten minste 20 werkgevers.")[.measurableGoals] == .present)
        // Narrow: jobs only.
        let narrow = cycleElements("We creëren in het komende jaar veertig nieuwe banen.")
        #expect(narrow[.jobsTarget] == .present)
        #expect(narrow[.measurableGoals] == nil)
        // The object of an intent verb's preposition is counted; a circumstance is not.
        #expect(cycleElements("Voor deze activiteit rekenen we op 8 extra banen in 2024.")[.jobsTarget] == .present)
        #expect(cycleElements("In 2025 mikken we op 20 deelnemende werkgevers.")[.measurableGoals] == .present)
        #expect(cycleElements("In 2025 werken we in 15 proeftuinen.")[.measurableGoals] == nil)
    }

    @Test func pastFiguresAreNotTargets() {
        let past = cycleElements("In 2022 zijn 312 banen gerealiseerd.")
        #expect(past[.jobsTarget] == nil)
        #expect(past[.monitoring] == nil)
        // A jobs figure without a horizon is only partly a target (DOMAIN §4: "with a horizon"); with one it is.
        #expect(cycleElements("De gemeenten moeten 1.200 extra banen realiseren.")[.jobsTarget] == .partial)
        #expect(cycleElements("De gemeenten moeten eind 2026 1.200 extra banen realiseren.")[.jobsTarget] == .present)
    }

    /// The job agreement's own national totals (`cycle.agreementTotals`) restate the agreement an agenda works under:
    /// they are not the agenda's jobs target, nor a dated plan.
    @Test func theNationalAgreementIsNoTarget() {
        let national = cycleElements("De overheid moet eind 2026 25.000 extra banen realiseren.")
        #expect(national[.jobsTarget] == nil)
        let agreed = cycleElements("In 2013 kwamen overheid, werkgevers en werknemers overeen: eind 2025 zullen zij samen zorgen voor 125.000 extra banen.")
        #expect(agreed[.jobsTarget] == nil && agreed[.planning] == nil)
        // The sector's own share is its target.
        #expect(cycleElements("Eind 2026 moet de provincie 25 extra banen hebben gerealiseerd.")[.jobsTarget] == .present)
    }

    @Test func monitoringNeedsAComparison() {
        #expect(cycleElements("Van de 5.144 beoogde banen zijn er 3.749 gerealiseerd.")[.monitoring] == .partial)
        #expect(cycleElements("Van de vier geplande bijeenkomsten uit de vorige werkagenda zijn er drie georganiseerd.")[.monitoring] == .present)
        #expect(cycleElements("We gaan de voortgang jaarlijks monitoren.")[.monitoring] == nil)
        #expect(cycleElements("De voortgang wordt niet gemonitord.")[.monitoring] == nil)
    }

    /// A goal reached or missed in words, without figures, is partial monitoring; a question about it, or the goal's own
    /// content, is none.
    @Test func aGoalReachedInWords() {
        #expect(cycleElements("De taakstelling is vorig jaar niet gehaald.")[.monitoring] == .partial)
        #expect(cycleElements("De taakstelling is vorig jaar niet gehaald.")[.problemAnalysis] == nil)
        #expect(cycleElements("In 2023 hebben de provincies hun doelstelling gehaald.")[.monitoring] == .partial)
        #expect(cycleElements("Met het programma willen we de doelstelling halen.")[.monitoring] == nil)
        #expect(cycleElements("We gaan na of de doelstellingen van de vorige agenda zijn behaald.")[.monitoring] == nil)
        #expect(cycleElements("Het doel is dat er eind 2026 40 banen zijn bijgekomen.")[.monitoring] == nil)
        #expect(cycleElements("In 2026 zouden er 40 banen moeten zijn gerealiseerd.")[.monitoring] == nil)
        #expect(cycleElements("Vorig jaar had de provincie de ambitie om 12 plaatsingen te realiseren.")[.monitoring] == nil)
    }

    /// The goal further away: two sentences before or after a realisation, counting the same thing; and a realisation cue
    /// whose figure stands in the clause before.
    @Test func aGoalNearTheRealisation() {
        let text = "Wij hebben inmiddels 38 banen gerealiseerd. Daar komen nog enkele detacheringen bij. De doelstelling was 45 banen."
        #expect(cycleElements(text)[.monitoring] != nil)
        #expect(cycleElements("Wij hebben inmiddels 38 banen gerealiseerd. Daar komen nog enkele detacheringen bij. Het doel was 12 bijeenkomsten.")[.monitoring] == nil)
        #expect(cycleElements("In 2023 wilden we 12 werkgevers persoonlijk benaderen, in november was dit al gelukt.")[.monitoring] != nil)
    }

    @Test func problemAnalysisPartialAndPresent() {
        #expect(cycleElements("Werkgevers ervaren te veel administratieve lasten.")[.problemAnalysis] == .partial)
        #expect(cycleElements("De proefplaatsingen kwamen moeizaam op gang omdat leidinggevenden te weinig tijd hadden; daarom trainen we twintig werkplekbegeleiders.")[.problemAnalysis] == .present)
        #expect(cycleElements("De agenda bevat geen probleemanalyse.")[.problemAnalysis] == nil)
        #expect(cycleElements("Er zijn geen knelpunten.")[.problemAnalysis] == nil)
    }

    @Test func boardSignature() {
        #expect(cycleElements("Deze werkagenda is vastgesteld door het bestuur van de VNG.")[.boardSignature] == .present)
        #expect(cycleElements("We vragen de bestuurders de agenda te ondertekenen.")[.boardSignature] == nil)
        #expect(cycleElements("Het bestuur heeft de agenda nog niet ondertekend.")[.boardSignature] == nil)
    }

    @Test func planningNeedsATimeAndNotThePast() {
        #expect(cycleElements("In het eerste kwartaal van 2024 start de pilot.")[.planning] == .present)
        #expect(cycleElements("Uiterlijk 1 juni 2024 is het netwerk opgericht.")[.planning] == .present)
        #expect(cycleElements("We zetten in op job carving en werving.")[.planning] == nil)
        #expect(cycleElements("Deze werkagenda beslaat de periode 2023-2024.")[.planning] == nil)
    }
}

/// The sentences issue 10 named as misses of the surface-string checker.
@Suite("Cycle: sentences the language layer reads")
struct CycleLanguageTests {
    func elements(_ text: String, year: Int?) -> [CycleElement: CycleStatus] {
        let checker = CycleChecker(rubric: Repo.rubric)!
        var found: [CycleElement: CycleStatus] = [:]
        for passage in (try? Ingest.parse(data: Data(text.utf8), path: "t.txt", ext: "txt").passages) ?? [] {
            for (element, finding) in checker.check(passage, referenceYear: year).elements where finding.status > (found[element] ?? .absent) {
                found[element] = finding.status
            }
        }
        return found
    }

    @Test func targetsLookAhead() {
        #expect(elements("Wij streven ernaar dat eind 2025 in totaal 45 banen zijn gerealiseerd.", year: 2025)[.jobsTarget] == .present)
        #expect(elements("Eind 2026 hebben de omgevingsdiensten samen 160 banen voor de doelgroep gerealiseerd, 63 meer dan eind 2024.", year: 2025)[.jobsTarget] == .present)
        #expect(elements("Eind 2022 waren er 160 banen voor de doelgroep gerealiseerd.", year: 2025)[.jobsTarget] == nil)
        // "zouden" is the future of a past moment: an earlier goal, not a new one.
        #expect(elements("Het doel was dat ten minste tien regio's een overeenkomst met een sw-bedrijf zouden sluiten.", year: 2025)[.measurableGoals] == nil)
        #expect(elements("In 2025 zullen ten minste tien regio's een overeenkomst met een sw-bedrijf sluiten.", year: 2025)[.measurableGoals] == .present)
        #expect(elements("Elke faculteit draagt jaarlijks 0,5 procent van haar personeelsbudget af aan een centraal banenfonds.", year: nil)[.measurableGoals] == .present)
    }

    /// A problem noun that is only named (reported, asked about, pointed back to out of the passage) is no analysis;
    /// one that is stated, or pointed back to from the next sentence with a remedy, is.
    @Test func problemNamedIsNotProblemStated() {
        #expect(elements("De sectorvertegenwoordigers noemen vele knelpunten bij de realisatie van banen.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("We bezoeken werkgevers om op te halen welke knelpunten er op de werkvloer spelen.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("Dit knelpunt gaat vooral op voor de kleinere sectoren.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("Het grootste knelpunt is de reistijd naar de opleiding.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("Een ander knelpunt waar we op worden gewezen, is de focus op kwantiteit.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("Mogelijke redenen zijn het verkorte ingroeipad en de grote opgave voor de sector.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("Om die reden is er een centraal fonds voor de sector.", year: nil)[.problemAnalysis] == nil)
        let back = elements("Vacatures liggen meestal op wo-niveau, waardoor kandidaten buiten de boot vallen. Dit knelpunt pakken we aan met jobcarving.", year: 2025)
        #expect(back[.problemAnalysis] == .present)
    }

    /// A problem noun counts only under a verb that states it exists for someone (zijn, ervaren, aanlopen tegen, in a
    /// relative clause too); under any other verb it is a category ("verschillen", "resulteren in"), and a
    /// demonstrative after a sentence that named the same noun is that mention again.
    @Test func problemNounNeedsAStatingVerb() {
        #expect(elements("De knelpunten verschillen sterk tussen de sectoren.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("Deze succesfactoren en knelpunten resulteren in een aantal aanbevelingen.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("Wij lopen bij de werving tegen knelpunten aan.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("Het knelpunt dat onze afdeling ervaart, gaat vooral over de reistijd.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("Leidinggevenden hebben veel moeite met de aanvraag van loonkostensubsidie.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("Een werkgever heeft veel moeite gestoken in de werving van kandidaten.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("De werving bleef achter omdat de lange reistijd een knelpunt vormde. Daarom starten we met vervoer.", year: nil)[.problemAnalysis] == .present)
        #expect(elements("De pilots zijn niet geland omdat het tekort aan begeleiders. Om dit op te lossen starten we een training.", year: nil)[.problemAnalysis] == .present)
        #expect(elements("De werving bleef vorig jaar achter vanwege personeelstekorten.", year: nil)[.problemAnalysis] == .partial)
        let repeated = elements("We geven inzicht in de knelpunten bij de uitvoering. Deze knelpunten leiden tot aanbevelingen.", year: nil)
        #expect(repeated[.problemAnalysis] == nil)
    }

    /// A row of a planning table (activity | when | who) plans without a verb; a row of figures for past years does not.
    @Test func planningTableRows() {
        let table = "Actie | Wanneer | Wie\nKennismakingsmiddagen in de eenheden | vanaf het eerste kwartaal van 2026 | Centraal team\n"
        #expect(elements(table, year: 2025)[.planning] == .present)
        #expect(elements("Jaar | Banen\nPeildatum 31 december 2022 | 1.046 banen\n", year: 2025)[.planning] == nil)
        #expect(elements("Actie | Wanneer\nSpeeddates in de eenheden | tweede kwartaal 2023\n", year: 2025)[.planning] == nil)
    }

    /// Realising a number of jobs by a date is a jobs target, not a dated activity; an activity word that is the
    /// target's means does not make it one.
    @Test func aJobsTargetIsNoPlanning() {
        let target = elements("Begin 2026 moeten er 1.200 banen bijgekomen zijn voor mensen met een arbeidsbeperking.", year: 2025)
        #expect(target[.planning] == nil)
        #expect(target[.jobsTarget] != nil)
        #expect(elements("Met dit programma willen de universiteiten eind 2025 samen 1.600 banen hebben gerealiseerd.", year: 2024)[.planning] == nil)
        #expect(elements("In 2025 starten we een pilot jobcarving bij drie organisaties.", year: 2025)[.planning] == .present)
        #expect(elements("In 2025 organiseren we vier bijeenkomsten voor leidinggevenden.", year: 2025)[.planning] == .present)
        // A count of the plan's parts sets no goal.
        #expect(elements("De provincies zetten als werkgever gezamenlijk in op vier sporen.", year: 2025)[.measurableGoals] == nil)
        #expect(elements("De provincies zetten in 2025 in op vier extra werkervaringsplekken.", year: 2025)[.measurableGoals] != nil)
    }

    /// A problem can be said without a problem word: a positive evaluation negated, or scarce means ("maar weinig"
    /// is "only a little", no conjunction).
    @Test func negatedEvaluationsAndScarceMeans() {
        #expect(elements("We merken dat de invulling van het quotum niet motiverend werkt.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("In het onderwijs wordt de opgave vaak als niet realistisch ervaren.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("Het onderwerp staat laag op de lijst, waardoor er maar weinig budget beschikbaar is.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("Het onderwerp staat laag op de lijst, waardoor er maar weinig budget beschikbaar is. Daarom vragen we het bestuur om extra middelen.", year: nil)[.problemAnalysis] == .present)
        // Not a problem: a positive evaluation, or plenty of means.
        #expect(elements("De aanpak werkt motiverend voor leidinggevenden.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("Er is voldoende budget voor de training.", year: nil)[.problemAnalysis] == nil)
    }

    /// Causes named by a causal verb in a sentence about results, and "te" + adjective (too much, too little).
    @Test func causalVerbsAndExcess() {
        #expect(elements("Het aantal plaatsingen wordt vooral bepaald door de aard van het werk.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("Het aantal plaatsingen is afhankelijk van de beschikbare begeleiding.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("Het aantal plaatsingen hangt vooral af van het beschikbare budget.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("Wij bepalen samen met de sector de doelen voor de banen.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("De reistijd naar de werkplek is voor veel kandidaten te lang.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("Het ministerie noemt een te smalle afbakening van de doelgroep.", year: nil)[.problemAnalysis] != nil)
        #expect(elements("Voor deze agenda zijn we bij enkele werkgevers te rade gegaan.", year: nil)[.problemAnalysis] == nil)
    }

    /// A number not filled in yet ("X aantal nieuwe banen", a draft's placeholder) makes a goal still to be made
    /// measurable: partial, with its own rule; "3 x per jaar" is a frequency, no placeholder.
    @Test func placeholdersAreGoalsStillToFillIn() throws {
        let jobs = elements("We realiseren in het komende jaar X aantal nieuwe banen.", year: 2025)
        #expect(jobs[.jobsTarget] == .partial)
        #expect(jobs[.planning] == nil)   // realising jobs by a date is the target, not a dated activity
        #expect(elements("In 2026 trainen we xx werkplekbegeleiders.", year: 2025)[.measurableGoals] == .partial)
        #expect(elements("We organiseren 3 x per jaar een netwerkbijeenkomst.", year: 2025)[.measurableGoals] != .partial)
        // A placeholder is no figure: a realisation "of X banen" compares nothing.
        #expect(elements("In 2024 zijn X banen gerealiseerd; het doel was 40 banen.", year: 2025)[.monitoring] == nil)
        let checker = try #require(CycleChecker(rubric: Repo.rubric))
        let passage = try #require(try Ingest.parse(data: Data("Eind 2026 hebben we XX nieuwe banen gerealiseerd.".utf8), path: "t.txt", ext: "txt").passages.first)
        let evidence = try #require(checker.check(passage, referenceYear: 2025).elements[.jobsTarget]?.evidence.first)
        #expect(evidence.rule.hasPrefix("placeholder+"))
        #expect(evidence.text == "XX nieuwe banen")
    }

    /// Not able to act is a bottleneck: a negated "kunnen" that blocks its verb; not "niet alleen", not ahead.
    @Test func inabilityIsABottleneck() {
        #expect(elements("Ze kunnen succesvolle werkgevers prijzen, maar ze kunnen meestal nergens op aandringen.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("Wij konden niet alle kandidaten begeleiden omdat de jobcoaches vol zaten.", year: nil)[.problemAnalysis] != nil)
        #expect(elements("Wij kunnen niet alleen plaatsen aanbieden, maar ook begeleiding.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("Wij kunnen kandidaten begeleiden bij hun eerste werkdagen.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("Wij kunnen niet achterhalen waarom sommige werkgevers meer banen hebben.", year: nil)[.problemAnalysis] == nil)
    }

    /// An inflected adjective is read as its base form in the cue lists: "beperkte invloed" is "beperkt".
    @Test func inflectedAdjectivesMatchTheirBase() {
        #expect(elements("De sectorvertegenwoordigers hebben een beperkte invloed op de werkgevers.", year: nil)[.problemAnalysis] == .partial)
    }

    /// A shortfall measured in a figure against a goal is monitoring; a decimal comma does not split the clause.
    @Test func shortfallAgainstAGoalIsMonitoring() {
        // A separable particle before a phrase put after it ("blijft ... achter op het quotum"); a percentage that gives
        // a ratio noun's value ("een realisatiepercentage van 73%") is a figure, not a circumstance.
        #expect(elements("De realisatie van directe banen blijft met 300 banen achter op het quotum.", year: nil)[.monitoring] != nil)
        #expect(elements("Met een realisatiepercentage van 73% blijft de realisatie van directe banen achter op het quotum.", year: nil)[.monitoring] != nil)
        #expect(elements("In 15 proeftuinen blijft de realisatie achter.", year: nil)[.monitoring] == nil)
        let found = elements("Hieruit blijkt dat de universiteit eind 2019 20,1 banen achterliep op het quotum.", year: 2025)
        #expect(found[.monitoring] != nil)
        #expect(found[.problemAnalysis] == nil)
        #expect(elements("Eind 2019 liep de universiteit 20 banen achter, omdat de werving stil lag.", year: 2025)[.problemAnalysis] != nil)
    }

    /// Reports and references are no plans: a perfect dated to a day or to a month without its year, the date of a
    /// noun, the rest of a worked example. A horizon with its year, or "met ingang van", still plans.
    @Test func reportsAndReferencesAreNoPlans() {
        #expect(elements("Op 28 juni 2025 hebben wij de werkagenda aan de Kamer gestuurd.", year: 2025)[.planning] == nil)
        #expect(elements("Zij hebben de agenda eind juni gepubliceerd op de site.", year: 2025)[.planning] == nil)
        #expect(elements("Wij sturen u in vervolg op de brief van 4 juli 2025 de stukken.", year: 2025)[.planning] == nil)
        #expect(elements("Een rekenvoorbeeld: een organisatie heeft 300 fte. In 2026 moet zij dan 13 banen realiseren.", year: 2025)[.planning] == nil)
        #expect(elements("Met ingang van 2026 neemt het centrale fonds deze kosten over.", year: 2025)[.planning] == .present)
        #expect(elements("Eind 2026 hebben wij de opleiding in elke regio aangeboden.", year: 2025)[.planning] == .present)
    }

    /// What a number labels or counts decides whether it can be a goal: a section ("4.2"), a label after a noun
    /// ("deel 1 van dit rapport"), a count of goals are none; "het einde van het jaar" is a horizon.
    @Test func labelsAndCountsOfGoalsAreNoGoals() {
        #expect(elements("Bovenstaande lijst bevat vier doelstellingen voor de sector.", year: 2025)[.measurableGoals] == nil)
        #expect(elements("Het doel van dit onderzoek staat in deel 1 van dit rapport.", year: 2025)[.measurableGoals] == nil)
        #expect(elements("Meetbare doelstellingen, zie de tabel in 4.2 voor voorbeelden, maken de agenda toetsbaar.", year: 2025)[.measurableGoals] == nil)
        #expect(elements("Aan het einde van het jaar zijn minstens 3 mensen in dienst genomen op de afdeling.", year: 2025)[.jobsTarget] == .present)
        #expect(elements("In totaal 45 banen is het doel voor 2026.", year: 2025)[.jobsTarget] == .present)
    }

    /// Advice to the reader (an imperative, also one spelled like a noun: "Zorg", "Deel") sets no goal and signs
    /// nothing; a signing still to be done ("te laten ondertekenen") is no signature.
    @Test func adviceAndSigningsToBeDoneCountForNothing() {
        #expect(elements("Zorg er als sector voor dat vertegenwoordigers minstens de helft van hun werktijd aan de banenafspraak besteden.", year: 2025)[.measurableGoals] == nil)
        #expect(elements("Het is belangrijk om de werkagenda te laten ondertekenen door bestuursleden.", year: 2025)[.boardSignature] == nil)
        #expect(elements("Het bestuur heeft de werkagenda op 12 maart 2025 ondertekend.", year: 2025)[.boardSignature] == .present)
        #expect(elements("In 2025 besteden de vertegenwoordigers minstens de helft van hun werktijd aan de banenafspraak.", year: 2025)[.measurableGoals] == .present)
    }

    /// A lack of the means to act is a bottleneck; a fact of possession is not. People taken on count as jobs.
    @Test func lackOfMeansAndPeopleTakenOn() {
        #expect(elements("De vo-raad heeft het mandaat niet om te sturen op de werkagenda.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("Werkgevers hebben niet altijd de tijd om de regels te doorgronden.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("Gemeenten hebben geen centraal budget voor de banenafspraak.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("In 2025 worden minstens 15 mensen in dienst genomen.", year: 2025)[.jobsTarget] == .present)
    }

    /// Full dates read from the bytes: day, month name and year as separate words, in any case, with any separators.
    @Test func fullDatesFromTheText() {
        #expect(CycleChecker.fullDates("Den Haag, 17 December 2019 en 3 juni 2020.") == [2019 * 12 + 11, 2020 * 12 + 5])
        #expect(CycleChecker.fullDates("op 1-april-2023") == [2023 * 12 + 3])
        #expect(CycleChecker.fullDates("in december 2019, 32 mei 2020, 5 decembers 2021, 5 december 20199, x5 mei 2022").isEmpty)
        #expect(CycleChecker.fullDates("5 mei 1989 en 7 mei 2100").isEmpty)
    }

    /// Without a period, times are read against the document's own date: its latest full date in a date line or a
    /// clause looking back, not a planned date.
    @Test func documentDateIsTheLatestReportedDay() throws {
        let text = "Kamerbrief over de banenafspraak\n\nDen Haag, 17 december 2019\n\nOp 28 juni 2019 heb ik u geïnformeerd over de afspraken.\n\nOp 3 december 2024 staat een debat gepland.\n"
        let document = try Ingest.parse(data: Data(text.utf8), path: "brief.txt", ext: "txt")
        let checker = try #require(CycleChecker(rubric: Repo.rubric))
        let reference = checker.reference(document)
        #expect(reference.written == 2019 * 12 + 11)
        #expect(reference.year == 2019)
        let reported = try #require(document.passages.first { $0.text.hasPrefix("Op 28 juni") })
        #expect(checker.check(reported, referenceYear: reference.year, written: reference.written).elements[.planning] == nil)
        let period = try Ingest.parse(data: Data("Werkagenda 2025-2026\n\nOp 3 maart 2024 is de agenda besproken.\n".utf8), path: "a.txt", ext: "txt")
        #expect(checker.reference(period).year == 2025 && checker.reference(period).written == nil)
    }

    @Test func problemAnalysisAcrossASeparableVerb() {
        let found = elements("Vorig jaar bleef de instroom achter doordat leidinggevenden de loonkostensubsidie te ingewikkeld vonden; daarom richten we per 1 maart een loket in.", year: 2025)
        #expect(found[.problemAnalysis] == .present)
        #expect(found[.planning] == .present)
    }

    @Test func monitoringAcrossTwoSentencesButNotAnAnnouncement() {
        #expect(elements("Gezamenlijk moesten de provincies in 2019 306,17 nieuwe banen creëren. Feitelijk zijn er 321,18 nieuwe banen gekomen.", year: 2021)[.monitoring] != nil)
        #expect(elements("Het centrale team houdt per activiteit bij wat is gerealiseerd.", year: 2025)[.monitoring] == nil)
    }

    /// Verbs that presuppose a target compare with it without a figure of realisation: lagging behind a goal or a
    /// phrase, attaining in the past; the lag set against a goal is monitoring's finding, not a complaint. Lagging with
    /// nothing it lags behind, a missing goal, a present passive of "halen" and a conditional compare nothing.
    @Test func goalsMissedInWords() {
        let lag = elements("Het aantal banen is in 2023 licht gegroeid, maar blijft achter bij de doelstelling.", year: nil)
        #expect(lag[.monitoring] == .partial)
        #expect(lag[.problemAnalysis] == nil)
        #expect(elements("Het blijkt dat de scholen achterlopen bij het realiseren van de aantallen.", year: nil)[.monitoring] == .partial)
        #expect(elements("Over 2017 en 2018 zijn de aantallen niet gehaald.", year: nil)[.monitoring] == .partial)
        let missed = elements("Werkgevers hebben tot op heden 3.600 extra banen gecreëerd. Met dit aantal is de afspraak voor 2016 (6500 banen) niet gehaald.", year: nil)
        #expect(missed[.monitoring] != nil)
        #expect(missed[.problemAnalysis] == nil)
        #expect(elements("De marktsector doet het goed, de overheid blijft achter.", year: nil)[.monitoring] == nil)
        #expect(elements("Bij een meting in juli 2016 bleek dat de overheid meer mensen met een arbeidsbeperking dan afgesproken had aangenomen.", year: nil)[.monitoring] == .partial)
        #expect(elements("Wij nemen in 2027 meer mensen aan dan afgesproken.", year: 2026)[.monitoring] == nil)
        // Missing a goal now is a forecast only a check makes; reaching it later is a plan.
        #expect(elements("Maar het einddoel halen we in dit tempo niet.", year: nil)[.monitoring] == .partial)
        #expect(elements("Het einddoel halen we in 2027.", year: 2026)[.monitoring] == nil)
        #expect(elements("Voor het eerst lijkt het bedrijfsleven de jaardoelstellingen niet te behalen.", year: nil)[.monitoring] == .partial)
        #expect(elements("Een vergelijking is niet mogelijk, omdat de streefcijfers ontbraken.", year: nil)[.monitoring] == nil)
        #expect(elements("Bij jobcarving worden taken uit een bestaande functie gehaald.", year: nil)[.monitoring] == nil)
        #expect(elements("Het gaat hierbij om een verdubbeling van het aantal uren van 2015. De beschikbare uren worden wederom deels ingezet om studenten die bij ons een diploma hebben gehaald en voldoen aan de doelgroep indicatie een baan te bieden.", year: nil)[.monitoring] == nil)
        #expect(elements("Heb je eenmaal het aantal banen voor een bepaald jaar behaald, dan moet je het jaar daarop weer aan de slag.", year: nil)[.monitoring] == nil)
    }

    /// A figure so far beside a target that still runs is a check of progress, and the target stays a target.
    @Test func progressSoFarAgainstARunningTarget() {
        let found = elements("Inmiddels zijn al 24 mensen duurzaam geplaatst. Het doel van de gemeente is 37 garantiebanen in 2027.", year: 2026)
        #expect(found[.monitoring] != nil)
        #expect(found[.jobsTarget] == .present)
        #expect(elements("Vorig jaar zijn 24 mensen geplaatst. Het doel van de gemeente is 37 garantiebanen in 2027.", year: 2026)[.monitoring] == nil)
    }

    /// The target group's difficulty in finding work is why the agreement exists, not the author's bottleneck; the
    /// employers' difficulty is one.
    @Test func theTargetGroupsLotIsNoBottleneck() {
        #expect(elements("Deze mensen hebben vaak moeite om een baan te vinden.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("Voor mensen met een arbeidsbeperking is het soms lastig een werkplek te vinden die bij hen past.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("We willen mensen die moeite hebben met het vinden van een baan hier een kans geven.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("Leidinggevenden hebben moeite om geschikte taken voor de nieuwe banen te vinden.", year: nil)[.problemAnalysis] == .partial)
        // A word for people that a difficulty word ends is no difficulty.
        #expect(elements("Om aan deze wens te voldoen, heeft het ministerie van SZW De Beleidsonderzoekers opdracht gegeven onderzoek uit te voeren naar de uitvoering van de Wet banenafpraak en het quotum arbeidsbeperkten bij overheidswerkgevers.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("Werkgevers vinden het lastig om de banen te begeleiden.", year: nil)[.problemAnalysis] == .partial)
    }

    /// A question states nothing, with a question word or only a question mark; the sentence before it still does.
    @Test func aYesNoQuestionStatesNoProblem() {
        #expect(elements("Het programma is bedoeld voor jongeren. Maar is het programma niet te elitair?", year: nil)[.problemAnalysis] == nil)
        #expect(elements("Het programma is te elitair. Wat doen we daaraan?", year: nil)[.problemAnalysis] == .partial)
    }

    /// A result explained by its cause, in the passive or with "zijn te": a cause named.
    @Test func aResultExplainedByItsCause() {
        #expect(elements("Deze daling is deels te verklaren door regelgeving die het voor uitzenders minder aantrekkelijk maakt.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("De stijging van het aantal plaatsingen wordt verklaard door de centrale pool.", year: nil)[.problemAnalysis] == .partial)
        #expect(elements("Wij verklaren ons bereid de agenda uit te voeren.", year: nil)[.problemAnalysis] == nil)
    }

    /// Progress judged against the plan in words is a check: "op schema", "goed op weg", also beside figures that are no
    /// realisation ("zes provincies halen de aantallen, vier zijn goed op weg"); "achterstand" is no "stand" (a
    /// realisation noun) but a backlog.
    @Test func progressAgainstThePlanInWords() {
        #expect(elements("De provincies liggen op schema met de banen.", year: nil)[.monitoring] == .partial)
        #expect(elements("Wij zien dat zes provincies de banen halen, vier goed op weg zijn en twee een achterstand hebben.", year: nil)[.monitoring] == .partial)
        #expect(elements("De pilot ligt op schema.", year: nil)[.monitoring] == nil)
        #expect(elements("In 2027 willen we goed op weg zijn met de banen.", year: 2026)[.monitoring] == nil)
    }

    /// A negated realisation in a relative clause describes its noun, and one under "zou(den)" is counterfactual: no
    /// bottleneck. Said of the author's result, it is one.
    @Test func negatedRealisationsThatDescribe() {
        #expect(elements("Met Binnenwerk worden extra kansen gecreëerd voor mensen die anders de startkwalificatie niet zouden halen.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("Vorig jaar kwam de pilot niet van de grond.", year: 2025)[.problemAnalysis] == .partial)
    }

    /// A time dates its own clause: in a subordinate clause it dates no activity of the main clause; a period from its
    /// start on ("vanaf het schooljaar 2023-2024", over the year noun) dates what starts then.
    @Test func aTimeDatesItsOwnClause() {
        #expect(elements("In juni is de achtste medewerker gestart. Dat houdt in dat de provincie ruim voor het einde van het jaar aan de gestelde opgave voldoet.", year: 2023)[.planning] == nil)
        #expect(elements("Vanaf het schooljaar 2023-2024 breiden de besturen de bestaande pools uit naar nieuwe regio's.", year: 2023)[.planning] != nil)
        #expect(elements("In het schooljaar 2023-2024 hebben de besturen de pools uitgebreid.", year: 2025)[.planning] == nil)
        // A figure a reference noun follows is a reference: "Kamerstukken 33 566, nr. 45".
        #expect(elements("De doelstelling staat in de brief van de minister (Kamerstukken II, 33 566, nr. 45).", year: nil)[.measurableGoals] == nil)
        // A year right after a capitalised name is part of a title, no date of the clause.
        #expect(elements("Data van de vandaag gepubliceerde Monitor Banenafspraak 2020 laten zien dat de stijging is afgevlakt.", year: nil)[.planning] == nil)
        // A participle before a count is an adverb, no activity: a dated jobs target, no plan.
        let target = elements("Eind 2023 moet iedere umc gemiddeld 224 medewerkers met een arbeidsbeperking aan het werk hebben.", year: 2022)
        #expect(target[.planning] == nil)
        #expect(target[.jobsTarget] == .present)
    }

    /// A dated clause that counts the jobs states a target, whatever its verb: the time is the target's horizon, no
    /// planned activity ("een baan bieden", "te laten groeien tot"). A dated activity stays planning.
    @Test func aDatedJobsCountIsATargetNotAPlan() {
        let target = elements("Als onderdeel van de Banenafspraak wil ROC Midden Nederland in 2018 18 mensen met een beperking een baan bieden.", year: 2017)
        #expect(target[.jobsTarget] == .present)
        #expect(target[.planning] == nil)
        #expect(elements("Het is de bedoeling om dit aantal in 2017 te laten groeien tot 22.", year: 2016)[.planning] == nil)
        #expect(elements("Vanaf 2014 loopt dat percentage op naar ruim 3% in 2026.", year: 2014)[.planning] == nil)
        #expect(elements("In 2018 starten we een pilot job carving bij twee afdelingen.", year: 2017)[.planning] == .present)
        // A kind of placement is an activity, not the jobs themselves.
        #expect(elements("Vanaf het eerste kwartaal van 2024 bieden we per jaar ten minste 40 proefplaatsingen en werkervaringsplekken aan.", year: 2023)[.planning] == .present)
    }

    /// A shortfall of the jobs count itself is what a check finds, no bottleneck; a stalled process or a difficulty is one.
    @Test func aShortfallOfTheCountIsNoBottleneck() {
        #expect(elements("Hogescholen en universiteiten hebben te weinig banen gecreëerd voor mensen met een beperking.", year: 2022)[.problemAnalysis] == nil)
        #expect(elements("Vier provincies zijn goed op weg en twee hebben een achterstand met de aantallen.", year: 2022)[.problemAnalysis] == nil)
        #expect(elements("In 2022 hebben we niet het afgesproken aantal banen gerealiseerd.", year: 2023)[.problemAnalysis] == nil)
        #expect(elements("Wel viel de werving van arbeidsparticipanten tijdens de eerste lockdown vrijwel stil.", year: 2021)[.problemAnalysis] == .partial)
        #expect(elements("Voor kleine scholen is het lastig om een functie voor iemand met een arbeidsbeperking te creëren.", year: 2022)[.problemAnalysis] == .partial)
    }

    /// A number after a definite determiner names a known set ("de vijf organisaties"), no goal; a bare count ahead is one.
    @Test func aDefiniteNumberNamesAKnownSet() {
        #expect(elements("Het pilotteam gaat op de rijkslocaties van de vijf organisaties in Assen de werkplekken schoonhouden.", year: 2019)[.measurableGoals] == nil)
        #expect(elements("Het programma gaat de 35 lidorganisaties ondersteunen bij het realiseren van banen.", year: 2019)[.measurableGoals] == nil)
        #expect(elements("Het programma gaat 35 lidorganisaties ondersteunen bij het realiseren van banen.", year: 2019)[.measurableGoals] == .present)
        // The part is the goal, the whole after "van de" the known set.
        #expect(elements("Uiterlijk eind 2025 hebben ten minste achttien van de vijfentwintig veiligheidsregio's een samenwerkingsovereenkomst met een sw-bedrijf.", year: 2025)[.measurableGoals] == .present)
    }

    /// Signed with another party is a contract between two, not the board adopting its agenda.
    @Test func aContractWithAPartnerIsNoBoardSignature() {
        #expect(elements("Vijf Rijksorganisaties hebben met Binnenwerk van het Ministerie van Binnenlandse Zaken een overeenkomst getekend.", year: 2019)[.boardSignature] == nil)
        #expect(elements("De werkagenda is op 3 maart 2025 ondertekend door de voorzitters van de besturen.", year: 2025)[.boardSignature] == .present)
    }

    /// A goal reached in words compares also where the figure in its sentence is the goal's own; attaining presupposes a
    /// known target, a definite object ("hun verplichte aantal"), not "een diploma".
    @Test func aGoalReachedBesideItsOwnFigure() {
        #expect(elements("Daarmee heeft de gemeente in 2018 ruim voldaan aan het quotum van 1,93%.", year: 2019)[.monitoring] != nil)
        #expect(elements("In 2022 haalden zes provincies hun verplichte aantal.", year: 2023)[.monitoring] != nil)
        #expect(elements("MC Slotervaart heeft inmiddels honderd jongeren opgeleid, waarvan tweederde een diploma heeft gehaald bij ROC Amsterdam.", year: 2016)[.monitoring] == nil)
    }

    /// Under or above the goal is a comparison with it ("blijft ... onder de norm van 2,76%"), and the count beside it a
    /// result, no target.
    @Test func underOrAboveTheGoal() {
        let found = elements("Met 605 participatiebanen blijft het aandeel van 1,0% echter onder de norm van 2,76%.", year: 2025)
        #expect(found[.monitoring] != nil)
        #expect(found[.jobsTarget] == nil)
    }

    /// A figure so far ("al", "inmiddels") in a present statement reports where the count stands, also in the current
    /// year; a time still to come keeps it a target.
    @Test func aFigureSoFarIsNoTarget() {
        #expect(elements("Dit jaar hebben we al 10 mensen uit de doelgroep aan het werk.", year: 2016)[.jobsTarget] == nil)
        #expect(elements("In 2018 hebben we al 20 mensen uit de doelgroep aan het werk.", year: 2016)[.jobsTarget] == .present)
        #expect(elements("Dit jaar hebben we 10 mensen uit de doelgroep aan het werk.", year: 2016)[.jobsTarget] == .present)
    }

    /// A te-infinitive is not itself realised: what was agreed to create is no realisation.
    @Test func anAgreedCreationIsNoRealisation() {
        #expect(elements("Naar aanleiding hiervan hebben hogescholen afgesproken in de periode 2014-2024 jaarlijks 99 extra banen ten opzichte van de nulmeting te creëren.", year: 2013)[.monitoring] == nil)
        #expect(elements("In 2023 hebben de hogescholen 99 extra banen gecreëerd, tegen een doelstelling van 120.", year: 2024)[.monitoring] != nil)
    }

    /// What has been agreed to do is a target, whatever the tense of the agreeing: a time in the extraposed te-infinitive
    /// after the participle dates what was agreed; a time before it, or a participle without that complement, does not.
    @Test func whatWasAgreedIsATarget() {
        #expect(elements("Wij hebben met de besturen afgesproken in 2026 20 extra banen te creëren.", year: 2025)[.jobsTarget] == .present)
        #expect(elements("Dat hebben we toegezegd.", year: 2025).isEmpty)
        #expect(elements("Dit is informatie die is toegezegd in de beantwoording van vragen op 18 oktober 2024.", year: 2025)[.planning] == nil)
    }

    /// An implicative verb's te-infinitive happened, and "hebben ... weten te" is its perfect (the substitute infinitive):
    /// a realisation that can be set against the goal.
    @Test func whatWasManagedHappened() {
        let found = elements("Werkgevers bij de overheid hebben in vijf jaar tijd maar 553 extra vaste banen weten te creëren. Volgens het banenplan had de overheid eind 2017 al 10.000 werkplekken moeten realiseren.", year: 2018)
        #expect(found[.monitoring] != nil)
        #expect(found[.jobsTarget] == nil)
    }

    /// A share of the workforce counts jobs: a dated share of the paid hours is a jobs target, not a planned activity.
    @Test func aShareOfTheWorkforceCountsJobs() {
        let found = elements("De hogescholen moeten in 2026 2,14 procent van hun verloonde uren aan mensen uit de doelgroep besteden.", year: 2025)
        #expect(found[.jobsTarget] == .present)
        #expect(found[.planning] == nil)
        #expect(found[.measurableGoals] == nil)
        // A share of a sum of money is a contribution, another measurable goal.
        let fund = elements("Alle veiligheidsregio's dragen vanaf 1 januari 2025 0,5% van hun loonsom bij aan het centrale fonds.", year: 2025)
        #expect(fund[.measurableGoals] == .present)
        #expect(fund[.jobsTarget] == nil)
    }

    /// A national actor's dated act is not the agenda's planning; the author's is. "en" between capitalised words joins a
    /// name and opens no clause.
    @Test func aNationalActorsDatedActIsNoPlanning() {
        #expect(elements("In 2026 stuurt het kabinet een brief aan de Tweede Kamer.", year: 2025)[.planning] == nil)
        #expect(elements("In 2026 sturen wij een brief aan de Tweede Kamer.", year: 2025)[.planning] == .present)
        #expect(elements("De vaste Kamercommissie voor Sociale Zaken en Werkgelegenheid in de Tweede Kamer heeft de jaarplanning van het departement voor 2026 ontvangen.", year: 2025)[.planning] == nil)
    }

    /// A copula dates no activity ("bedraagt met ingang van 2018"), nor does a purpose ("om ... te") of a clause that
    /// does not act; an acting verb before the purpose does.
    @Test func aPurposeOrACopulaIsNoDatedActivity() {
        #expect(elements("Het quotum voor de overheid bedraagt met ingang van 2026 het percentage van 2,5%.", year: 2025)[.planning] == nil)
        #expect(elements("2026 wordt heffingsvrij om overheidswerkgevers de mogelijkheid te geven een inhaalslag te maken.", year: 2025)[.planning] == nil)
        #expect(elements("In 2026 starten we een pilot om overheidswerkgevers te helpen.", year: 2025)[.planning] == .present)
        // (the clauses after the purpose belong to it)
        #expect(elements("2026 wordt heffingsvrij om een registratie in te richten die ervoor moet zorgen dat uren worden overgedragen.", year: 2025)[.planning] == nil)
    }

    /// A present modal over a perfect infinitive sets a deadline, also to a day; the substitute infinitive reports.
    @Test func aModalOverAPerfectInfinitiveIsADeadline() {
        #expect(elements("Zij moet op 1 januari 2027 in totaal 162 banen gerealiseerd hebben voor mensen met een arbeidsbeperking.", year: nil)[.jobsTarget] == .present)
        #expect(elements("Op 1 januari 2024 heeft zij in totaal 162 mensen met een arbeidsbeperking kunnen plaatsen.", year: 2025)[.jobsTarget] == nil)
    }

    /// "op" + a figure after a verb of position gives the subject's value ("lag op bijna 90% van het doel"), and an
    /// opening "Als" with no verb of its own before the comma is the preposition: the passage states, it supposes nothing.
    @Test func aValueAfterAPositionVerbAndAPrepositionalAls() {
        #expect(elements("De realisatie lag op 1 januari op bijna 90% van het doel.", year: nil)[.monitoring] != nil)
        let passage = "Als staatssecretaris van Defensie met het onderwerp personeelsbeleid in portefeuille, heeft Visser zich ingezet voor de doelstellingen. De realisatie lag op 1 januari op bijna 90% van het tussengelegen doel."
        #expect(elements(passage, year: nil)[.monitoring] != nil)
        #expect(elements("Als werken (nog) niet mogelijk is, is de ondersteuning gericht op participeren.", year: nil)[.problemAnalysis] == nil)
    }

    /// A cue word inside a fixed expression (`cycle.idioms`) means something else: worth the effort is no difficulty.
    @Test func anIdiomIsNoBottleneck() {
        #expect(elements("De Banenafspraak is geen eenvoudige opgave, maar wel één die de moeite waard is.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("Wij hebben veel moeite om geschikte kandidaten te vinden voor de nieuwe functies.", year: nil)[.problemAnalysis] != nil)
    }

    /// A figure "ten opzichte van" the goal compares with it; a plan adopted by the municipal council is signed.
    @Test func aFigureAgainstTheGoalAndTheCouncilsAdoption() {
        #expect(elements("Als werkgever zit het Rijk nu op een realisatiepercentage van 77 procent ten opzichte van de doelstelling.", year: 2023)[.monitoring] != nil)
        #expect(elements("Het Uitvoeringsplan Participatie 2017 - 2018 is door de Gemeenteraad op 7 maart 2017 vastgesteld.", year: 2017)[.boardSignature] == .present)
    }

    /// A row of indicators: a bound ("≥ 50", "< 410") is a norm that counts what the row opens with after "Aantal", its
    /// time the norm's horizon (no planning); "§3" numbers a section, it counts nothing.
    @Test func aRowOfIndicatorsStatesNorms() {
        let row = elements("Aantal uitkeringsgerechtigden dat volledig uitstroomt naar betaalde arbeid ≥ 50 in 2020", year: 2020)
        #expect(row[.measurableGoals] == .present)
        #expect(row[.planning] == nil)
        #expect(elements("Aantal uitkeringen Participatiewet (incl. IOAW, IOAZ, BBZ) < 410 eind 2020", year: 2020)[.measurableGoals] == .present)
        #expect(elements("§3: Voortgang van de beschreven beoogde Resultaten te behalen in 2017 en 2018", year: 2017)[.measurableGoals] == nil)
    }

    /// A difference from the goal itself is a comparison: "165 banen minder dan het quotum", and its count no target.
    @Test func aDifferenceFromTheGoal() {
        let found = elements("De teller blijft staan op 262 gerealiseerde banen. Dit zijn 165 banen minder dan het quotum voor de totale sector in 2020 (427).", year: nil)
        #expect(found[.monitoring] != nil)
        #expect(found[.jobsTarget] == nil)
    }

    /// A standing rate of jobs is a target: a frequency ("jaarlijks", or a distributive before a unit of time: "ieder
    /// jaar", "per jaar") over a present clause that acts on the count, also a passive whose subject is counted; a
    /// report in the past is none, nor is one of a set ("één van de sectoren").
    @Test func aStandingRateOfJobsIsATarget() {
        #expect(elements("Elk jaar krijgen vier mensen met een afstand tot de arbeidsmarkt een plek in onze teams.", year: 2025)[.jobsTarget] != nil)
        #expect(elements("Wij verwachten dat er per jaar ongeveer vijf functies worden ingevuld door iemand uit de doelgroep.", year: 2025)[.jobsTarget] != nil)
        #expect(elements("Dit houdt in dat ieder jaar twee banen worden ingevuld door kandidaten uit de doelgroep.", year: 2025)[.jobsTarget] != nil)
        #expect(elements("Vorig jaar kregen vier mensen met een afstand tot de arbeidsmarkt een plek in onze teams.", year: 2025)[.jobsTarget] == nil)
        #expect(elements("Elke maand bespreken we één van de regio's in de nieuwsbrief.", year: 2025)[.measurableGoals] == nil)
    }

    /// People counted as the object of hiring (`lemmas.hiring`), also of a nominalised infinitive ("het aanstellen van"),
    /// count jobs; "van" after the nominalised infinitive gives its object, and the infinitive's compound head
    /// ("stellen") makes no hypothetical; a goal whose predicate is the nominalised realising is no realisation.
    @Test func peopleHiredCountJobs() {
        #expect(elements("Het doel is het aanstellen van 40 mensen eind 2026.", year: 2025)[.jobsTarget] == .present)
        #expect(elements("In 2026 willen we 12 personen aannemen.", year: 2025)[.jobsTarget] == .present)
        let creating = elements("Doel is het creëren van 30 banen eind 2026.", year: 2025)
        #expect(creating[.jobsTarget] == .present)
        #expect(creating[.monitoring] == nil)
        #expect(elements("In 2026 willen we 12 personen spreken over hun loopbaan.", year: 2025)[.jobsTarget] == nil)
    }

    /// "beperkt" after the domain of an impairment (`lemmas.impairment`: "fysiek beperkt", "arbeid beperkten") names a
    /// disability, no difficulty; a limited budget is one.
    @Test func anImpairmentIsNoDifficulty() {
        #expect(elements("Onze nieuwe collega op de receptie is visueel beperkt en werkt met een brailleleesregel.", year: nil)[.problemAnalysis] == nil)
        #expect(elements("Het budget voor begeleiding is beperkt, waardoor er minder plaatsingen waren.", year: nil)[.problemAnalysis] != nil)
    }

    /// An open stretch of years ("de komende jaren") ties no activity to a date; a year does.
    @Test func anOpenStretchOfYearsIsNoPlanning() {
        #expect(elements("De komende jaren zoeken we meer werkplekken in de onderzoeksgroepen.", year: 2025)[.planning] == nil)
        #expect(elements("In 2026 zoeken we meer werkplekken in de onderzoeksgroepen.", year: 2025)[.planning] == .present)
        #expect(elements("In de komende twee jaar zoeken we meer werkplekken in de onderzoeksgroepen.", year: 2025)[.planning] == .present)
    }

    /// A ratio noun compounded with a goal noun is the goal's value: meeting "het quotumpercentage" reaches a goal, like
    /// meeting "het quotum"; a plain percentage is none.
    @Test func aGoalCompoundedWithARatioNoun() {
        #expect(elements("Daarmee heeft de provincie in 2024 ruim voldaan aan het taakstellingspercentage van 3% afspraakbanen.", year: 2025)[.monitoring] != nil)
        #expect(elements("Daarmee heeft de provincie in 2024 ruim voldaan aan het quotumpercentage.", year: 2025)[.monitoring] != nil)
        #expect(elements("Daarmee heeft de provincie in 2024 een percentage van 3% bereikt in de enquête.", year: 2025)[.monitoring] == nil)
    }

    /// A time that runs up to now ("sinds 2012") dates no planned activity.
    @Test func aTimeSinceIsNoPlanning() {
        #expect(elements("Sinds 2025 organiseren wij elk kwartaal een netwerkbijeenkomst.", year: 2025)[.planning] == nil)
        #expect(elements("Vanaf 2026 organiseren wij elk kwartaal een netwerkbijeenkomst.", year: 2025)[.planning] == .present)
    }

    /// A share realised is a share of the goal ("realiseerden we 61 procent"): monitoring, partly; the measure of a verb of
    /// change (`lemmas.change`) or a percentage after a preposition is none.
    @Test func aShareRealisedIsAShareOfTheGoal() {
        #expect(elements("In 2024 realiseerden de waterschappen samen 83 procent.", year: 2025)[.monitoring] == .partial)
        #expect(elements("In 2024 groeide het aantal medewerkers 12 procent.", year: 2025)[.monitoring] == nil)
        #expect(elements("In 2024 steeg het ziekteverzuim tot 6 procent.", year: 2025)[.monitoring] == nil)
    }

    /// The value a count stands at ("stond de teller op 111 banen") is a realisation, set against a goal beside it; a
    /// distance after a verb of position is none; "voor ogen hebben" states a goal.
    @Test func theValueACountStandsAtIsARealisation() {
        #expect(elements("Eind 2024 stond de teller op 64 banen. Het doel voor 2024 was 90 banen.", year: 2025)[.monitoring] != nil)
        #expect(elements("Eind 2024 stond de teller op 64 banen. Dat zijn er 10 meer dan het jaar ervoor, maar nog lang niet de 120 die het waterschap voor 2026 voor ogen had.", year: 2025)[.monitoring] != nil)
        #expect(elements("Het nieuwe kantoor ligt op 3 kilometer van het station. Het doel voor 2024 was 90 banen.", year: 2025)[.monitoring] == nil)
    }

    /// A separable particle before "te" joins the infinitive ("op 2,5% ... uit te komen" is `uitkomen`, a verb of
    /// position); a goal set in the perfect ("hebben als doel gesteld om ... te") looks ahead like an agreement.
    @Test func aGoalSetWithASeparableTeInfinitive() {
        let found = elements("We hebben als doel gesteld om in 2026 op 2,5% van ons personeelsbestand uit te komen.", year: 2025)
        #expect(found[.jobsTarget] == .present)
        #expect(found[.monitoring] == nil)
        #expect(elements("Wij hebben ons tot doel gesteld om in 2026 40 mensen uit de doelgroep aan te nemen.", year: 2025)[.jobsTarget] == .present)
        #expect(elements("Wij hebben in 2024 40 mensen uit de doelgroep aangenomen.", year: 2025)[.jobsTarget] == nil)
    }

    /// A difficulty as the subject of a verb of causing (`lemmas.causalVerbs`) is stated, its remedy after it.
    @Test func aDifficultyThatCausesIsStated() {
        #expect(elements("Het tekort aan jobcoaches remde de instroom; daarom werven we in 2026 twee extra jobcoaches.", year: 2025)[.problemAnalysis] == .present)
    }

    /// A present clause in a period that has not ended looks ahead to its end (a horizon, no planning date); in one that
    /// has ended it looks back.
    @Test func aPresentClauseInAPeriodLooksToItsEnd() {
        #expect(elements("In de periode 2025-2026 groeien we van 40 naar 60 banen voor mensen uit de doelgroep.", year: 2025)[.jobsTarget] == .present)
        #expect(elements("In de periode 2021-2022 groeien we van 40 naar 60 banen voor mensen uit de doelgroep.", year: 2025)[.jobsTarget] == nil)
    }

    /// Lagging (`lemmas.lagging`) is measured against a norm or others: without a cause it is a result, no bottleneck;
    /// with one it is analysed.
    @Test func laggingWithoutACauseIsNoBottleneck() {
        #expect(elements("De marktsector doet het goed, de overheid blijft achter.", year: 2025)[.problemAnalysis] == nil)
        #expect(elements("De instroom bleef achter doordat leidinggevenden de regelingen niet kenden.", year: 2025)[.problemAnalysis] != nil)
    }

    /// What a plan is for, the "om ... te" complement of a plan noun (`lemmas.plans`), is a target whenever the plan was
    /// made; a purpose of something else is not.
    @Test func whatAPlanIsForIsATarget() {
        #expect(elements("Het college komt nu met een voorstel om zes personen met een beperking aan te nemen.", year: 2025)[.jobsTarget] != nil)
        #expect(elements("In 2024 stemde de raad in met het voorstel van het college om in 2026 acht afspraakbanen te creëren.", year: 2025)[.jobsTarget] == .present)
        #expect(elements("In 2024 gebruikte de raad het budget om acht afspraakbanen te financieren.", year: 2025)[.jobsTarget] == nil)
    }

    /// "van" after a collective noun (`lemmas.collectives`) gives its size, a count; after another noun it stays a
    /// circumstance.
    @Test func theSizeOfACollectiveIsACount() {
        #expect(elements("Elk kwartaal start er een groep van 8 nieuwe leerwerkers.", year: 2025)[.measurableGoals] != nil)
        #expect(elements("Elk kwartaal start er een project van 8 maanden.", year: 2025)[.measurableGoals] == nil)
    }

    /// A figure so far ("al") beside a target that still runs, a present obligation over a realise verb, is monitoring;
    /// the obligation alone is a target.
    @Test func aFigureSoFarBesideAnObligation() {
        let passage = "Het waterschap moet op 1 januari 2027 in totaal 40 banen gerealiseerd hebben. Afgelopen voorjaar had het al voor 31 medewerkers uit de doelgroep een baan gerealiseerd."
        #expect(elements(passage, year: 2025)[.monitoring] != nil)
        #expect(elements("Het waterschap moet op 1 januari 2027 in totaal 40 banen gerealiseerd hebben.", year: 2025)[.monitoring] == nil)
    }

    /// A relative clause with its own verb describes its noun: no activity of the dated main clause it stands in.
    @Test func aRelativeClauseIsNoDatedActivity() {
        let found = elements("De provinciale overheden, waar in totaal 10 duizend ambtenaren werken, moeten voor het jaar 2027 in totaal 340 garantiebanen realiseren.", year: 2025)
        #expect(found[.planning] == nil)
        #expect(found[.jobsTarget] == .present)
    }

    /// A difficulty of finding work (`lemmas.seeking` with `lemmas.seekersJobs`) is the job seeker's lot; finding
    /// candidates is the employer's bottleneck.
    @Test func findingWorkIsTheSeekersLot() {
        #expect(elements("Ondanks hun diploma is het vinden van een baan voor deze jongeren lastig.", year: 2025)[.problemAnalysis] == nil)
        #expect(elements("Voor onze afdelingen is het vinden van geschikte kandidaten lastig.", year: 2025)[.problemAnalysis] != nil)
    }

    /// A bare year right after a common noun labels it ("de begroting 2026"): it dates no activity; after a unit of time
    /// ("het schooljaar 2026") it does.
    @Test func aYearAfterANounLabelsIt() {
        #expect(elements("Het aantal opgelegde boetes 2026 is gebaseerd op de cijfers over de eerste helft van het jaar.", year: 2025)[.planning] == nil)
        #expect(elements("In het kalenderjaar 2026 organiseren we vier bijeenkomsten voor leidinggevenden.", year: 2025)[.planning] == .present)
    }

    /// The goal of the job agreement or of a national actor, opening its clause, is the country's goal restated; a share
    /// of it the author takes on is the author's target.
    @Test func theAgreementsOwnGoalIsNoTarget() {
        #expect(elements("De doelstelling van de banenafspraak voor 2026 is het realiseren van 105.000 extra banen.", year: 2025)[.jobsTarget] == nil)
        #expect(elements("Het doel van het kabinet is dat er eind 2026 bij de overheid 30.000 extra banen zijn.", year: 2025)[.jobsTarget] == nil)
        #expect(elements("Ons aandeel in de doelstelling van de banenafspraak is 160 extra banen eind 2026.", year: 2025)[.jobsTarget] == .present)
        #expect(elements("Onze doelstelling voor 2026 is het realiseren van 40 extra banen.", year: 2025)[.jobsTarget] == .present)
    }
}
