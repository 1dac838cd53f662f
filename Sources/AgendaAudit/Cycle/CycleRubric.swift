import Foundation

/// The cycle checker's cues, in the `cycle` section of `rubric.json`.
/// Every list is a list of terms with the same syntax as the codes' terms.
public struct CycleRubric: Sendable {
    /// Cue lists by name; the names are fixed (see `CycleCue`).
    public var cues: [CycleCue: [String]]
    /// Number words and their values ("twee": 2 ... "duizend": 1000); compounds are composed.
    public var numberWords: [String: Int]
    /// Words that make the number before them a percentage ("procent").
    public var percentWords: [String]
    /// Words that stand for a number not yet filled in ("X aantal nieuwe banen"), optional.
    public var placeholders: [String] = []
    /// Lemma lists the rules read from the language layer (`cycle.lemmas`), folded.
    public var lemmas: [CycleLemmas: Set<String>] = [:]
    /// The job agreement's own national totals (125.000, 100.000, 25.000; DOMAIN.md §1), optional: a jobs figure equal
    /// to one of them restates the national agreement, not the agenda's own target or plan.
    public var agreementTotals: Set<Int> = []
}

/// The named lemma lists of `cycle.lemmas`: words matched on their lemma
/// (and a noun's compound head), so one entry covers every inflection.
public enum CycleLemmas: String, Sendable, CaseIterable, Hashable {
    /// Verbs of intent: willen, streven, beogen.
    case intent
    /// Nouns that make a figure a goal: doel, doelstelling, taakstelling, streefcijfer.
    case goalNouns
    /// Verbs and nouns of realisation: realiseren, halen, bereiken, realisatie.
    case realise
    /// Verbs that announce a monitor without comparing: bijhouden, monitoren, volgen.
    case announce
    /// Nouns that count jobs: baan, arbeidsplaats, werkplek, plaatsing.
    case jobNouns
    /// Nouns of people that count jobs with a target-group complement: mens, medewerker, kandidaat.
    case peopleNouns
    /// Words that count as the target group in a complement: doelgroep, arbeidsbeperking, banenafspraak.
    case targetGroup
    /// Nouns that are units, not counted objects: jaar, maand, euro, uur.
    case units
    /// Frequency words that give a standing goal its horizon: jaarlijks, maandelijks.
    case frequency
    /// Verbs of falling short: achterblijven, stranden, tegenvallen.
    case shortfall
    /// Verbs of signing or adopting: ondertekenen, vaststellen, goedkeuren.
    case signing
    /// Words of difficulty that make a statement a complaint: moeite, lastig, beperkt, zelden, knelpunt.
    case difficulty
    /// Degree words that make a figure a norm in a clause that is not past: minstens, minimaal.
    case targetMarkers
    /// Words that make a figure an estimate, a description rather than a goal: ruim, ongeveer, circa.
    case approximators
    /// Words that make a sentence an example, not the author's plan: stel, rekenvoorbeeld.
    case hypothetical
    /// Verbs that state, not act (zijn, hebben, worden, bestaan, blijken): a dated clause with only these plans nothing.
    case copulas
    /// Verbs that report or look for problems (noemen, benoemen, analyseren, ophalen): a problem noun as their
    /// object is named, not stated ("De sectoren noemen vele knelpunten").
    case reporting
    /// Question words (welke, wat, hoe, waarom): a clause or phrase they open asks, it does not state.
    case questionWords
    /// Nouns that name a cause: reden, oorzaak, verklaring.
    case causeNouns
    /// Nouns a number after them labels, not counts: hoofdstuk, paragraaf, tabel, bijlage, pagina.
    case referenceNouns
    /// Prepositions that make the figure after them a circumstance, not a count: "in 15 proeftuinen", "op drie onderdelen".
    case circumstancePrepositions
    /// Prepositions that make the cue word after them a topic, not a finding: "onderzoek naar de knelpunten".
    case topicPrepositions
    /// Verbs under which a problem noun is stated to exist for someone (zijn, vormen, ervaren, aanlopen, stuiten):
    /// "Een knelpunt is ...", "we lopen tegen knelpunten aan". Under any other verb the noun is a category or a
    /// topic ("de knelpunten verschillen per sector", "knelpunten resulteren in aanbevelingen").
    case problemVerbs
    /// Positive evaluations that a negation turns into a problem: "niet motiverend", "niet realistisch", "geen kans".
    case positiveEvaluation
    /// Means to act: budget, tijd, capaciteit, expertise. After a `scarcity` word they are lacking.
    case resources
    /// Words of scarcity before a resource: weinig, onvoldoende, nauwelijks ("maar weinig budget en tijd").
    case scarcity
    /// Nouns whose value a percentage after "van" gives: percentage, aandeel ("een realisatiepercentage van 73%").
    case ratioNouns
    /// Nouns for the parts of a plan or document: spoor, pijler, actielijn, thema. A count of them structures the text,
    /// it sets no goal ("De provincies zetten in op vier sporen").
    case planParts
    /// Verbs whose passive with "door" names a cause: bepalen, veroorzaken, beperken ("De mate waarin een sector banen
    /// kan realiseren, wordt bepaald door de aard van het werk"; active "Wij bepalen de doelen" names none).
    case causalVerbs
    /// Words of dependence, in any voice: afhangen, afhankelijk ("Het aantal plaatsingen hangt af van het budget").
    case dependence
    /// Verbs of knowing and finding out: not being able to know is no bottleneck of acting (weten, achterhalen).
    case knowing
    /// Verbs of attaining whose object is a target by their meaning: halen, behalen, nakomen ("de aantallen niet gehaald").
    case attain
    /// Verbs of lagging behind something, named by a prepositional phrase: "blijft achter bij de doelstelling",
    /// "loopt achter op het quotum" (a comparison with a target), unlike "daalt", "strandt" (achterblijven, achterlopen).
    case lagging
    /// The word that opens the main clause after a conditional that opens with its verb: "Heb je eenmaal het aantal
    /// banen behaald, dan moet je ..." (dan).
    case consequence
    /// The word of a comparison with what was planned: "meer mensen dan afgesproken", "minder dan beoogd" (dan), or with
    /// the goal itself: "onder de norm", "boven de doelstelling" (onder, boven).
    case than
    /// Verbs of commitment: what was agreed or promised to do is a target, whatever the tense of the agreeing ("hebben
    /// hogescholen afgesproken ... 99 extra banen te creëren", "is afgesproken dat met ingang van 2020 ...").
    case commitment
    /// Implicative verbs: their te-infinitive happened ("553 banen weten te creëren", "is erin geslaagd ... te
    /// realiseren", "lukte het om ... te plaatsen"), unlike what was agreed or intended (weten, slagen, lukken).
    case implicative
    /// What measures a workforce, so that a share of it counts jobs: "2,14 procent van hun verloonde uren", "1,93% van
    /// het totaalaantal verloonde uren", "2% van het personeelsbestand" (verlonen, personeelsbestand, formatie;
    /// not a sum of money: "0,5% van hun loonsom" is a contribution, another measurable goal).
    case workforce
    /// National actors, whose dated acts are not the agenda's planning: "Dan presenteert het kabinet de officiële
    /// getallen", "heeft het kabinet besloten het quotum per 2018 te activeren" (kabinet, minister, kamer, ...).
    case nationalActors
    /// Verbs of position, whose "op" + figure gives the subject's value, no circumstance: "De realisatie lag op bijna
    /// 90% van het doel", "stond de teller op 111 banen" (liggen, staan, uitkomen, ...).
    case position
    /// Domains of an impairment: a difficulty word right after one names a person's disability, no problem of the
    /// plan ("auditief beperkt", "fysiek beperkt", "quotum arbeid beperkten"): auditief, fysiek, arbeid, ...
    case impairment
    /// Verbs of taking people on: people counted as their object are jobs ("Doel is het aanstellen van 92 mensen",
    /// "een voorstel om vijf personen aan te nemen"): aanstellen, aannemen, werven.
    case hiring
    /// Distributive words that make a unit of time after them a frequency: "ieder jaar", "elke maand", "per jaar".
    case distributive
    /// Verbs of change, whose percentage measures the change, no share of a goal reached: stijgen, dalen, groeien
    /// ("het aantal groeide 12 procent"; "realiseerden we 61 procent" is a share of the goal).
    case change
    /// Nouns of a plan, whose "om ... te" complement is still to be done: voorstel, plan, besluit, voornemen ("komt met
    /// een voorstel om vijf personen aan te nemen").
    case plans
    /// Collective nouns, whose "van" + figure gives their size: groep, team, pool ("Ieder half jaar start er een groep
    /// van 10 nieuwe collega's").
    case collectives
    /// Verbs of seeking work (vinden, zoeken) and what a job seeker seeks (baan, werk): a difficulty of finding work is
    /// the target group's lot, no bottleneck of the author ("is het vinden van een baan lastig").
    case seeking
    case seekersJobs

    /// Position in `allCases`: the index of its list in `CycleChecker.lemmaLists` and its number in per-word memos
    /// (no hashing of the raw value on the hot path).
    var ordinal: Int {
        switch self {
        case .intent: return 0
        case .goalNouns: return 1
        case .realise: return 2
        case .announce: return 3
        case .jobNouns: return 4
        case .peopleNouns: return 5
        case .targetGroup: return 6
        case .units: return 7
        case .frequency: return 8
        case .shortfall: return 9
        case .signing: return 10
        case .difficulty: return 11
        case .targetMarkers: return 12
        case .approximators: return 13
        case .hypothetical: return 14
        case .copulas: return 15
        case .reporting: return 16
        case .questionWords: return 17
        case .causeNouns: return 18
        case .referenceNouns: return 19
        case .circumstancePrepositions: return 20
        case .topicPrepositions: return 21
        case .problemVerbs: return 22
        case .positiveEvaluation: return 23
        case .resources: return 24
        case .scarcity: return 25
        case .ratioNouns: return 26
        case .planParts: return 27
        case .causalVerbs: return 28
        case .dependence: return 29
        case .knowing: return 30
        case .attain: return 31
        case .lagging: return 32
        case .consequence: return 33
        case .than: return 34
        case .commitment: return 35
        case .implicative: return 36
        case .workforce: return 37
        case .nationalActors: return 38
        case .position: return 39
        case .impairment: return 40
        case .hiring: return 41
        case .distributive: return 42
        case .change: return 43
        case .plans: return 44
        case .collectives: return 45
        case .seeking: return 46
        case .seekersJobs: return 47
        }
    }
}

/// The named cue lists of the `cycle` section.
public enum CycleCue: String, Sendable, CaseIterable, Hashable {
    /// What a quantity counts: jobs ("banen", "arbeidsplaatsen", "fte") ...
    case jobObjects
    /// ... or something else ("werkgevers", "bijeenkomsten", "werkplekbegeleiders").
    case goalObjects
    /// Target framing: future, intention, horizon ("willen", "streven", "komend jaar", "uiterlijk").
    case future
    /// Report of the past ("zijn gerealiseerd", "vorig jaar", "waren").
    case past
    /// Monitoring: the goal side ("beoogde", "doelstelling", "taakstelling") ...
    case monitoringGoal
    /// ... the realisation side ("gerealiseerd", "realisatie", "behaald") ...
    case monitoringRealisation
    /// ... and a follow-up of the previous agenda ("vorige werkagenda", "acties uit").
    case monitoringFollowUp
    /// A figure so far, on the way to a target that still runs ("inmiddels", "tot nu toe", "op dit moment").
    case interim
    /// Progress judged against the plan in words: "op schema", "goed op weg", "op koers" (monitoring, partial).
    case onTrack
    /// Problem analysis: bottlenecks and causes ("knelpunt", "bleek lastig") ...
    case bottleneck
    /// ... and a remedy tied to them ("daarom", "om dit op te lossen").
    case remedy
    /// Planning: an activity the time is tied to ("starten", "pilot", "bijeenkomst").
    case activity
    /// Problem analysis also: a cause ("omdat", "doordat") that ties a shortfall (`lemmas.shortfall`) to its reason.
    case cause
    /// Board signature: who signs ("bestuur", "korpsleiding") ...
    case board
    /// ... the act ("ondertekend", "vastgesteld", "w.g.") ...
    case signed
    /// ... and what makes it not (yet) a signature ("vragen", "ter ondertekening").
    case notSigned
    /// Fixed expressions in which a cue word means something else: "de moeite waard" (worth it) names no difficulty.
    case idioms

    /// Position in `allCases`, for tables indexed by cue (no hashing on the hot path).
    var ordinal: Int {
        switch self {
        case .jobObjects: return 0
        case .goalObjects: return 1
        case .future: return 2
        case .past: return 3
        case .monitoringGoal: return 4
        case .monitoringRealisation: return 5
        case .monitoringFollowUp: return 6
        case .bottleneck: return 7
        case .remedy: return 8
        case .activity: return 9
        case .cause: return 10
        case .board: return 11
        case .signed: return 12
        case .notSigned: return 13
        case .interim: return 14
        case .onTrack: return 15
        case .idioms: return 16
        }
    }
}

struct CycleRubricParser {
    let parser: RubricParser

    func parse(_ value: RubricJSON) throws -> CycleRubric {
        let allowed = Set(CycleCue.allCases.map(\.rawValue) + ["numberWords", "percentWords", "placeholders", "agreementTotals", "note", "lemmas"])
        let object = try parser.object(value, "cycle", allowed: allowed)
        var cues: [CycleCue: [String]] = [:]
        for cue in CycleCue.allCases {
            cues[cue] = try parser.terms(object[cue.rawValue], "cycle.\(cue.rawValue)")
        }
        guard let words = object["numberWords"]?.object, !words.isEmpty else {
            throw parser.fail("cycle.numberWords", "expected an object mapping number words to values")
        }
        var numberWords: [String: Int] = [:]
        for (word, raw) in zip(words.keys, words.values) {
            let path = "cycle.numberWords.\(word)"
            guard case .number(let value, let number) = raw, value == value.rounded(),
                  number > 0 else { throw parser.fail(path, "expected a positive whole number") }
            guard !word.containsASCII(" "), TermSyntax.problem(word) == nil, !word.containsASCII("*") else {
                throw parser.fail(path, "expected one word without wildcards")
            }
            numberWords[Folding.fold(word)] = number
        }
        let percentWords = try parser.terms(object["percentWords"], "cycle.percentWords").map(Folding.fold)
        var placeholders: [String] = []
        if let raw = object["placeholders"] {
            guard let list = raw.array else { throw parser.fail("cycle.placeholders", "expected a list of words") }
            for (index, item) in list.enumerated() {
                guard let word = item.string, !word.isEmpty, !word.containsASCII("*"), !word.containsASCII(" "),
                      TermSyntax.problem(word) == nil else {
                    throw parser.fail("cycle.placeholders[\(index)]", "expected one word without spaces or wildcards")
                }
                placeholders.append(Folding.fold(word))
            }
        }
        var agreementTotals = Set<Int>()
        if let raw = object["agreementTotals"] {
            guard let list = raw.array else { throw parser.fail("cycle.agreementTotals", "expected a list of whole numbers") }
            for (index, item) in list.enumerated() {
                guard case .number(let value, let number) = item, value == value.rounded(),
                      number > 0 else { throw parser.fail("cycle.agreementTotals[\(index)]", "expected a positive whole number") }
                agreementTotals.insert(number)
            }
        }
        var lemmas: [CycleLemmas: Set<String>] = [:]
        if let raw = object["lemmas"] {
            let lists = try parser.object(raw, "cycle.lemmas", allowed: Set(CycleLemmas.allCases.map(\.rawValue) + ["note"]))
            for name in CycleLemmas.allCases {
                let path = "cycle.lemmas.\(name.rawValue)"
                guard let list = lists[name.rawValue]?.array, !list.isEmpty else {
                    throw parser.fail(path, "expected a non-empty list of lemmas")
                }
                var set = Set<String>()
                for (index, item) in list.enumerated() {
                    guard let word = item.string, !word.isEmpty, !word.containsASCII("*"), !word.containsASCII(" ") else {
                        throw parser.fail("\(path)[\(index)]", "expected one lemma (a word without spaces or wildcards)")
                    }
                    set.insert(Folding.fold(word))
                }
                lemmas[name] = set
            }
        }
        return CycleRubric(cues: cues, numberWords: numberWords, percentWords: percentWords, placeholders: placeholders, lemmas: lemmas,
                           agreementTotals: agreementTotals)
    }
}
