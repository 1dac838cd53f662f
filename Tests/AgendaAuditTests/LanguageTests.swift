import Foundation
import Testing
@testable import AgendaAudit

/// The language layer on sentences of the kind agendas contain (regression
/// tests; its yardstick on real text is Frog, Benchmarks/frog-compare.sh).
@Suite("Language layer")
struct LanguageTests {
    static let lexicon = Repo.rubric.lexicon!
    static let analyzer = LanguageAnalyzer(lexicon: lexicon)

    struct Reading {
        let analysis: PassageAnalysis
        let cache: LanguageCache
        let tokens: [Token]
        func word(_ form: String) -> PassageAnalysis.Word {
            analysis.words[tokens.firstIndex { $0.form == Folding.fold(form) }!]
        }
        func lemma(_ form: String) -> String { cache.string(word(form).lemma) }
        func clause(of form: String) -> PassageAnalysis.Clause { analysis.clauses[word(form).clause] }
        func verbs(of form: String) -> [String] { analysis.verbLemmas(of: clause(of: form)).map { cache.string($0) } }
    }

    static func read(_ text: String, year: Int? = nil) -> Reading {
        let tokens = Repo.rubric.tokenizer.tokens(text)
        let cache = LanguageCache()
        return Reading(analysis: analyzer.analyze(tokens, text: text, base: 0, referenceYear: year, cache: cache), cache: cache, tokens: tokens)
    }

    @Test func lemmasOfNounsAndVerbs() {
        let r = Self.read("De werkplekbegeleiders hebben in 2023 de nieuwe banen gerealiseerd en bijeenkomsten georganiseerd.")
        #expect(r.lemma("werkplekbegeleiders") == "werkplekbegeleider")
        #expect(r.cache.string(r.word("werkplekbegeleiders").head) == "begeleider")
        #expect(r.lemma("banen") == "baan")
        #expect(r.word("banen").pos == .noun)
        #expect(r.lemma("gerealiseerd") == "realiseren")
        #expect(r.word("gerealiseerd").pos == .participle)
        #expect(r.lemma("bijeenkomsten") == "bijeenkomst")
        #expect(r.word("hebben").pos == .finiteVerb)
        #expect(r.clause(of: "hebben").isPerfect)
    }

    /// After the noun "aantal" comes what it counts, a noun even where the form is also an infinitive ("banen", to pave);
    /// a verb after it stays a verb ("het aantal daalt").
    @Test func nounAfterAantal() {
        let r = Self.read("Het aantal banen is in 2023 licht gegroeid.")
        #expect(r.word("banen").pos == .noun)
        #expect(r.lemma("banen") == "baan")
        #expect(r.word("is").pos == .finiteVerb)
        #expect(Self.read("Het aantal daalt sinds 2022.").word("daalt").pos == .finiteVerb)
    }

    /// A plural noun that is also an infinitive, right before a verb that is only a verb, is its object ("extra banen
    /// creëren"); a verb that governs a bare infinitive stays a verb ("laten doen").
    @Test func objectBeforeTheFinalVerb() {
        let r = Self.read("Ook ziekenhuizen moeten de komende jaren extra banen creëren.")
        #expect(r.word("banen").pos == .noun)
        #expect(r.word("creëren").pos == .infinitive)
        let other = Self.read("Wij hebben daar een onderzoek naar laten doen.")
        #expect(other.word("laten").pos == .infinitive)
        #expect(other.lemma("laten") == "laten")
    }

    /// "Als" first with no main clause after it is the preposition ("als onderdeel van"): its clause is the main clause.
    /// "dat" after the finite verb, before a singular noun with no verb at the end, determines the inverted subject. An
    /// infinitive after one that governs a bare infinitive is a verb, also before an extraposed phrase.
    @Test func prepositionalAlsDemonstrativeDatAndTheGovernedInfinitive() {
        let als = Self.read("Als onderdeel van de Banenafspraak wil ROC Midden Nederland in 2018 18 mensen een baan bieden.")
        #expect(als.analysis.clauses.count == 1)
        #expect(!als.clause(of: "wil").isSubordinate)
        #expect(als.word("wil").pos == .finiteVerb)
        let conditional = Self.read("Als het lukt, willen we in 2018 18 mensen een baan bieden.")
        #expect(conditional.clause(of: "lukt").isSubordinate)
        #expect(!conditional.clause(of: "willen").isSubordinate)
        let dat = Self.read("Vanaf 2014 loopt dat percentage op naar ruim 3% in 2026.")
        #expect(dat.analysis.clauses.count == 1)
        let conjunction = Self.read("Het blijkt dat werk loont.")
        #expect(conjunction.analysis.clauses.count == 2)
        let governed = Self.read("Het is de bedoeling om dit aantal in 2017 te laten groeien tot 22.")
        #expect(governed.word("groeien").pos == .infinitive)
        #expect(governed.lemma("groeien") == "groeien")
    }

    /// A verb that takes a te-infinitive heads it ("weten te creëren"); a plural object before "te" stays a noun.
    @Test func aVerbThatTakesATeInfinitive() {
        let r = Self.read("Werkgevers hebben maar 553 extra vaste banen weten te creëren.")
        #expect(r.word("weten").pos == .infinitive)
        #expect(r.word("banen").pos == .noun)
        let object = Self.read("Wij willen in 2026 om 20 banen te creëren een pilot starten.")
        #expect(object.word("banen").pos == .noun)
    }

    /// A listed noun whose first part is a separable particle keeps itself as head ("achterstand" is no "stand"); an
    /// unlisted compound takes its last part ("werkplekbegeleiders": begeleider).
    @Test func particleNounsAreTheirOwnHead() {
        let r = Self.read("Twee provincies hebben een achterstand en de werkplekbegeleiders helpen.")
        #expect(r.cache.string(r.word("achterstand").head) == "achterstand")
        #expect(r.cache.string(r.word("werkplekbegeleiders").head) == "begeleider")
    }

    /// A past form that is also a participle, right after a subject pronoun opening the sentence, is the finite past;
    /// "en" between two numbers joins them, it opens no clause.
    @Test func pastAfterTheSubjectAndNumbersJoinedByEn() {
        let r = Self.read("We begonnen eigenlijk pas eind 2015 met het zoeken naar arbeidsplaatsen.")
        #expect(r.word("begonnen").pos == .finiteVerb)
        #expect(r.word("begonnen").tense == .past)
        let joined = Self.read("Eigenlijk hadden we in 2014 en 2015 al plaatsingen moeten doen.")
        #expect(joined.analysis.clauses.count == 1)
        #expect(joined.word("hadden").pos == .finiteVerb)
        #expect(joined.word("moeten").pos == .infinitive)
    }

    /// The substitute infinitive: "hadden ... moeten doen" is the past perfect of the modal.
    @Test func aModalsPerfectTakesItsInfinitive() {
        let r = Self.read("Eigenlijk hadden we in 2014 en 2015 al plaatsingen moeten doen.")
        let clause = r.clause(of: "hadden")
        #expect(clause.isPerfect)
        #expect(clause.modal == r.cache.specials.moeten)
        #expect(clause.tense == .past)
    }

    /// The sentences that end in a question mark, also before a closing quote, and not one that only holds a "?" inside.
    @Test func questionsAreTheSentencesEndingInAQuestionMark() {
        let r = Self.read("Het programma loopt goed. Maar is het niet te elitair?\u{201D} Wij denken van niet.")
        #expect(r.analysis.questions == [r.tokens[r.tokens.firstIndex { $0.form == "elitair" }!].sentence])
        #expect(Self.read("Is dit een vraag?").analysis.questions.count == 1)
        #expect(Self.read("Dit is geen vraag.").analysis.questions.isEmpty)
    }

    /// A particle that also makes inseparable verbs (onder, over, door, om, vol ...) takes no ge- in their participle:
    /// "ondersteund", "onderzocht", "voldaan"; the separable verbs keep theirs ("ondergebracht").
    @Test func participlesOfInseparableParticleVerbs() {
        for (sentence, form, lemma) in [("Wij hebben de werkgevers ondersteund.", "ondersteund", "ondersteunen"),
                                        ("De mogelijkheden zijn onderzocht.", "onderzocht", "onderzoeken"),
                                        ("De gemeente heeft voldaan aan het quotum.", "voldaan", "voldoen"),
                                        ("We hebben met de bonden overlegd.", "overlegd", "overleggen"),
                                        ("De medewerkers zijn in een centrale pool ondergebracht.", "ondergebracht", "onderbrengen")] {
            let r = Self.read(sentence)
            #expect(r.word(form).pos == .participle, "\(form)")
            #expect(r.lemma(form) == lemma, "\(form)")
            #expect(r.clause(of: form).isPerfect || r.clause(of: form).isPassive, "\(form)")
        }
        // The present third person stays present: "ondersteunt".
        #expect(Self.read("De gemeente ondersteunt de werkgevers.").word("ondersteunt").pos == .finiteVerb)
    }

    @Test func tenseAndSeparableVerbs() {
        let r = Self.read("Vorig jaar bleef de instroom achter doordat leidinggevenden de regeling te ingewikkeld vonden; daarom richten we per 1 maart een loket in.")
        #expect(r.word("bleef").tense == .past)
        #expect(r.verbs(of: "bleef").contains("achterblijven"))
        #expect(r.clause(of: "doordat").isSubordinate)
        #expect(r.word("vonden").tense == .past)
        #expect(r.word("richten").tense == .present)
        #expect(r.verbs(of: "richten").contains("inrichten"))
        #expect(r.word("maart").pos == .noun)
    }

    /// Homographs and -en forms the Frog comparison showed wrong: an auxiliary reads as the auxiliary, a prefixed
    /// irregular verb by its base's table, an -en form finite by verb second or as the cluster's auxiliary.
    @Test func auxiliariesIrregularPrefixesAndFiniteEnForms() {
        let past = Self.read("Eind 2022 waren er 3.749 banen; in voorgaande jaren was er geen inzicht.")
        #expect(past.lemma("waren") == "zijn" && past.word("waren").tense == .past)
        #expect(past.lemma("was") == "zijn" && past.word("was").tense == .past)
        let present = Self.read("Een uitzendbureau geeft dan advies en het akkoord betreft twee delen.")
        #expect(present.word("geeft").pos == .finiteVerb && present.word("geeft").tense == .present)
        #expect(present.word("betreft").pos == .finiteVerb)
        let prefixed = Self.read("De achterstand ontstond doordat de pilot pas laat begon.")
        #expect(prefixed.lemma("ontstond") == "ontstaan" && prefixed.word("ontstond").tense == .past)
        #expect(prefixed.lemma("begon") == "beginnen" && prefixed.word("begon").tense == .past)
        let second = Self.read("De gesprekken met de sectoren zijn gericht op het benutten van kansen.")
        #expect(second.word("zijn").pos == .finiteVerb)
        let imperative = Self.read("Zorg er als sector voor dat het lukt.")
        #expect(imperative.word("Zorg").pos == .finiteVerb && imperative.clause(of: "Zorg").addressesReader)
        let cluster = Self.read("Zij hebben leerkrachten in dienst die moeten voldoen aan wettelijke eisen.")
        #expect(cluster.word("moeten").pos == .finiteVerb)
        #expect(cluster.word("voldoen").pos == .infinitive)
    }

    /// The main clause resumes after an embedded relative clause that has its own finite verb; a finite verb that
    /// closes the subordinate clause stays in it.
    @Test func mainClauseResumesAfterAnEmbeddedClause() {
        let r = Self.read("Een ander knelpunt waar we op worden gewezen, is de focus op kwantiteit.")
        #expect(r.clause(of: "worden").isSubordinate)
        #expect(!r.clause(of: "is").isSubordinate)
        #expect(r.clause(of: "is").finite != nil)
        let closing = Self.read("We zien dat het doel gehaald is door de sector.")
        #expect(closing.clause(of: "is").isSubordinate)
        // A plain finite verb (no auxiliary) closing a relative clause with a verb of its own, before "dat": the main
        // clause's verb, whose fronted phrase stands before the relative clause.
        let fronted = Self.read("Uit de evaluatie die vorig jaar werd uitgevoerd door een extern bureau blijkt dat de werving stokt.")
        #expect(fronted.clause(of: "werd").isSubordinate)
        #expect(!fronted.clause(of: "blijkt").isSubordinate)
        #expect(fronted.clause(of: "blijkt").finite != nil)
        // (not an -en form the relative clause may end in: "die ... hebben" stays the relative clause's own)
        let own = Self.read("De werkgevers die vorig jaar een kandidaat plaatsten hebben dat gemeld.")
        #expect(own.clause(of: "plaatsten").isSubordinate)
    }

    /// Coordinated inflected adjectives before their noun open no clause ("Een interne of externe jobcoach kan ..."), and
    /// an -en form coordinated with the infinitive that closes the clause is an infinitive too ("coachen en ondersteunen").
    @Test func coordinatedAdjectivesAndInfinitives() {
        let r = Self.read("Een interne of externe jobcoach kan de nieuwe medewerker coachen en ondersteunen.")
        #expect(r.clause(of: "externe").first == r.clause(of: "kan").first)
        #expect(r.word("coachen").pos == .infinitive)
        #expect(r.verbs(of: "kan").contains("coachen"))
        // (a clause of its own after "of" stays one: "... of zij kan ...")
        let two = Self.read("De werkgever plaatst de kandidaat zelf of de gemeente zoekt een werkplek.")
        #expect(r.analysis.clauses.count == 1)
        #expect(two.clause(of: "zoekt").first != two.clause(of: "plaatst").first)
        // (and nouns coordinated before the closing infinitive stay nouns: "banen en werkplekken creëren")
        #expect(Self.read("Wij willen extra banen en werkplekken creëren.").word("werkplekken").pos == .noun)
    }

    /// A participle after a noun and a comma, before a preposition, qualifies the noun: no passive of the clause.
    @Test func aParticiplePhraseAfterACommaIsNoPassive() {
        let r = Self.read("Een leerwerkplek is een plaats, bedoeld voor mensen die werkervaring willen opdoen.")
        #expect(r.word("bedoeld").attributive)
        #expect(!r.clause(of: "is").isPassive)
        let passive = Self.read("De plaatsen zijn in 2024 bedoeld voor mensen uit de doelgroep.")
        #expect(passive.clause(of: "zijn").isPassive)
    }

    @Test func futurePassiveModalAndReader() {
        let future = Self.read("We zullen twintig werkgevers benaderen.")
        #expect(future.clause(of: "zullen").isFuture)
        let passive = Self.read("De kandidaten worden geplaatst.")
        #expect(passive.clause(of: "worden").isPassive)
        let advice = Self.read("U kunt uw vacature aanmelden bij het WerkgeversServicepunt.")
        #expect(advice.clause(of: "kunt").addressesReader)
        #expect(advice.cache.string(advice.clause(of: "kunt").modal) == "kunnen")
        let negated = Self.read("De voortgang wordt niet gemonitord, maar de werving loopt door.")
        #expect(negated.clause(of: "wordt").negation != nil)
        #expect(negated.clause(of: "loopt").negation == nil)
    }

    @Test func timeExpressionsResolveAgainstTheAgendaPeriod() {
        let r = Self.read("Eind 2026 zijn er 160 banen; in Q2 2025 starten we, voor 1 april 2026 is het klaar en volgend jaar evalueren we.", year: 2025)
        let times = r.analysis.times
        #expect(times.contains { $0.startMonth == 2026 * 12 + 9 && $0.endMonth == 2026 * 12 + 11 })
        #expect(times.contains { $0.startMonth == 2025 * 12 + 3 && $0.endMonth == 2025 * 12 + 5 })
        #expect(times.contains { $0.endMonth == 2026 * 12 + 3 && $0.relation == .by })
        #expect(times.contains { $0.isRelative && $0.startMonth == 2026 * 12 })
        // A count right after a year: the year is still a time; a reference code is none.
        #expect(Self.read("De overheid moet eind 2026 25.000 banen realiseren.").analysis.times.contains { $0.endMonth == 2026 * 12 + 11 })
        #expect(Self.read("Zie kenmerk 2024-0000857898 van de brief.").analysis.times.isEmpty)
    }

    @Test func quantitiesAreBoundToWhatTheyCount() throws {
        let text = "Elke faculteit draagt jaarlijks 0,5 procent van haar personeelsbudget af en zes van de acht umc's plaatsen minstens 15 leidinggevenden."
        let r = Self.read(text)
        let scanner = QuantityScanner(words: Repo.rubric.cycle!.numberWords, percentWords: Set(Repo.rubric.cycle!.percentWords))
        let bound = QuantityBinder(specials: r.cache.specials).bind(scanner.scan(r.tokens, text: text, base: 0), tokens: r.tokens, analysis: r.analysis)
        let percent = try #require(bound.first { $0.quantity.kind == .percentage })
        #expect(percent.of >= 0 && r.tokens[percent.of].form == "personeelsbudget")
        #expect(bound.contains { $0.quantity.value == 15 && $0.noun >= 0 && r.tokens[$0.noun].form == "leidinggevenden" })
    }

    /// Coordinated inflected adjectives stand before their noun, and a count counts that noun; a number hyphened to the
    /// word after it is part of a compound and counts nothing.
    @Test func coordinatedAdjectivesAndHyphenedNumbers() {
        let text = "Tot 2027 moeten er 48 extra, duurzame en structurele banen zijn gecreëerd. Zij hebben een niveau 2-diploma."
        let r = Self.read(text)
        #expect(r.word("banen").pos == .noun)
        let scanner = QuantityScanner(words: Repo.rubric.cycle!.numberWords, percentWords: Set(Repo.rubric.cycle!.percentWords))
        let bound = QuantityBinder(specials: r.cache.specials).bind(scanner.scan(r.tokens, text: text, base: 0), tokens: r.tokens, analysis: r.analysis)
        #expect(bound.contains { $0.quantity.value == 48 && $0.noun >= 0 && r.tokens[$0.noun].form == "banen" })
        #expect(!bound.contains { $0.quantity.value == 2 })
    }

    /// A singular form between a count and a plural noun modifies it ("extra" is also listed as a noun).
    @Test func aModifierBetweenACountAndItsNoun() {
        let text = "Het bedrijfsleven moet 100.000 extra banen realiseren en wij scheppen 12 extra werkplekken."
        let r = Self.read(text)
        #expect(r.word("banen").pos == .noun)
        #expect(r.lemma("banen") == "baan")
        #expect(r.word("extra").pos == .other)
        #expect(r.lemma("werkplekken") == "werkplek")
        let scanner = QuantityScanner(words: Repo.rubric.cycle!.numberWords, percentWords: Set(Repo.rubric.cycle!.percentWords))
        let bound = QuantityBinder(specials: r.cache.specials).bind(scanner.scan(r.tokens, text: text, base: 0), tokens: r.tokens, analysis: r.analysis)
        #expect(bound.contains { $0.quantity.value == 100_000 && $0.noun >= 0 && r.tokens[$0.noun].form == "banen" })
        #expect(Self.read("We realiseren 45 banen.").word("banen").pos == .noun)
    }

    /// No preposition stands between a count and its noun: an elliptical count counts nothing of its own.
    /// A listed word that is only a noun makes no particle verb: "aandacht" is no past of "aandenken", also where a
    /// subordinate clause still wants its finite verb; a particle verb that is listed stays one.
    @Test func aNounIsNoParticleVerbsForm() {
        let r = Self.read("Afgesproken is dat alle scholen die nieuwe contracten sluiten, hierbij extra aandacht schenken aan de doelgroep.")
        #expect(r.word("aandacht").pos == .noun)
        let lagging = Self.read("Vorig jaar bleef de instroom achter.")
        #expect(lagging.analysis.verbLemmas.contains { lagging.cache.string($0) == "achterblijven" })
    }

    @Test func aPrepositionEndsTheCountedPhrase() {
        let text = "Er komen tot 2026 125.000 extra banen, van wie 25.000 bij de overheid, en 600 à 700 mensen uit de doelgroep."
        let r = Self.read(text)
        let scanner = QuantityScanner(words: Repo.rubric.cycle!.numberWords, percentWords: Set(Repo.rubric.cycle!.percentWords))
        let bound = QuantityBinder(specials: r.cache.specials).bind(scanner.scan(r.tokens, text: text, base: 0), tokens: r.tokens, analysis: r.analysis)
        #expect(bound.contains { $0.quantity.value == 125_000 && $0.noun >= 0 && r.tokens[$0.noun].form == "banen" })
        #expect(bound.contains { $0.quantity.value == 25_000 && $0.noun < 0 })
        #expect(bound.contains { $0.quantity.value == 600 && $0.noun >= 0 && r.tokens[$0.noun].form == "mensen" })
        // Nor an article, but in a part; nor a mark ("(").
        let label = "Doelstelling 2 (het inzichtelijk maken van resultaten) en doelstelling 3 (goede voorbeelden) gelden voor zes van de acht instellingen."
        let l = Self.read(label)
        let labelled = QuantityBinder(specials: l.cache.specials).bind(scanner.scan(l.tokens, text: label, base: 0), tokens: l.tokens, analysis: l.analysis)
        #expect(labelled.contains { $0.quantity.value == 2 && $0.noun < 0 })
        #expect(labelled.contains { $0.quantity.value == 3 && $0.noun < 0 })
        #expect(labelled.contains { $0.quantity.value == 6 && $0.noun >= 0 && l.tokens[$0.noun].form == "instellingen" })
    }
}
