import Foundation

/// The word lists of the "is this an action of the author?" decision
/// (`ActionScope`), in the `action` section of `rubric.json`. Every list is
/// a non-empty list of single words (no spaces, no wildcards), matched on a
/// word's lemma, its compound head or its form, like `cycle.lemmas`.
public struct ActionRubric: Sendable {
    /// The lists by name, folded.
    public var lists: [ActionList: Set<String>]
    /// The lists as written (for `rubric lint`: duplicates keep their place).
    public var written: [ActionList: [String]]
    /// The lists by `ActionList.ordinal`.
    var byOrdinal: [Set<String>] = []

    public func contains(_ list: ActionList, _ word: String) -> Bool { lists[list]?.contains(word) ?? false }
}

/// The named lists of the `action` section.
public enum ActionList: String, Sendable, CaseIterable, Hashable {
    /// Verbs of a definition with an indefinite predicate: zijn, heten ("Social return is een aanpak om ...").
    case copulas
    /// Verbs that explain what something means: betekenen, inhouden ("Dat betekent dat ...").
    case explain
    /// Determiners of an indefinite predicate or subject: een, geen.
    case indefinites
    /// The word that makes a copula existential, not a definition: er ("Zo is er een centrale pool").
    case existential
    /// Modals of a possibility when the subject is generic: kunnen ("Werkgevers kunnen ...").
    case modals
    /// Verbs of opinion and recommendation whose content is not an action: denken, aanraden.
    case opinion
    /// Imperatives that introduce examples of the sentence before ("Denk aan ..."), and words that open a fragment giving
    /// one ("Bijvoorbeeld door ..."): they take its decision.
    case examples
    /// Words of advice in an impersonal clause: belangrijk, raadzaam, helpen ("Het is belangrijk om ...").
    case advice
    /// The impersonal subject of such advice: het.
    case impersonal
    /// People an arrangement is for: with them as subject "kunnen" describes what it offers (kandidaat, jongere).
    case beneficiaries
    /// Subjects that are the author or a sector: wij, we, ik, onze, gemeente, defensie ...
    case authors
    /// Nouns of a study or survey: onderzoek, enquête, rapport ("Uit de enquête blijkt", "onderzoek naar").
    case studyNouns
    /// Prepositions that make a study the source of a statement: uit, volgens.
    case sourcePrepositions
    /// Prepositions that make what follows the topic of a study: naar, over, van.
    case topicPrepositions
    /// Nouns that open a statistic: procent, percentage, helft ("13 procent van de werkgevers ...").
    case statistics
    /// Nouns of a scheme described as a rule: regeling, premie, subsidie, verplichting.
    case schemes
    /// Words that make a scheme a rule per unit: per.
    case distributive
    /// Words that open a te-infinitive phrase, so its "te" is no modal passive: om, door, zonder.
    case infinitiveOpeners
    /// Openers of a condition (not a reported event): als, wanneer, indien.
    case conditionals
    /// Verbs of doing research: with one of them the clause is the author's study, not an action (`We hebben
    /// geschat dat ...`, `we gaan ervan uit dat ...`). Optional (empty when absent).
    case research
    /// Verbs of asking: with an `interrogatives` word opening the clause after, a question put to someone
    /// (`vroegen we hoeveel ...`, `We hebben werkgevers gevraagd of ...`). Optional.
    case asking
    /// Openers of an indirect question: of, hoeveel, welke, waarom. Such a clause reports no event. Optional.
    case interrogatives
    /// The verb of the advice idiom `er` + an `advice` word + `aan` + this verb: doen ("werkgevers doen er verstandig
    /// aan om ..."). Optional.
    case adviceVerbs
    /// Verbs of taking place: with an activity named as a concept for subject they report practice ("Het delen van goede
    /// voorbeelden gebeurt via de nieuwsbrief"), unlike other verbs, which explain or evaluate it ("Het delen van goede
    /// voorbeelden dient twee doeleinden"). Optional.
    case occurrence
    /// Nouns of purpose: a copula after one states what something is for, it defines nothing ("Doel van het
    /// ambassadeursnetwerk is vooral ervaringen uitwisselen"). Optional.
    case purposes

    /// Lists a rubric may leave out (added after the first format; empty when absent).
    static let optional: Set<ActionList> = [.research, .asking, .interrogatives, .adviceVerbs, .occurrence, .purposes]

    /// Position in `allCases`; with `ActionScope.listBase` the list's number in the language cache's memos
    /// (a switch: no array or hashing on the hot path).
    var ordinal: Int {
        switch self {
        case .copulas: return 0
        case .explain: return 1
        case .indefinites: return 2
        case .existential: return 3
        case .modals: return 4
        case .opinion: return 5
        case .examples: return 6
        case .advice: return 7
        case .impersonal: return 8
        case .beneficiaries: return 9
        case .authors: return 10
        case .studyNouns: return 11
        case .sourcePrepositions: return 12
        case .topicPrepositions: return 13
        case .statistics: return 14
        case .schemes: return 15
        case .distributive: return 16
        case .infinitiveOpeners: return 17
        case .conditionals: return 18
        case .research: return 19
        case .asking: return 20
        case .interrogatives: return 21
        case .adviceVerbs: return 22
        case .occurrence: return 23
        case .purposes: return 24
        }
    }
}

struct ActionRubricParser {
    let parser: RubricParser

    func parse(_ value: RubricJSON) throws -> ActionRubric {
        let object = try parser.object(value, "action", allowed: Set(ActionList.allCases.map(\.rawValue) + ["note"]))
        var lists: [ActionList: Set<String>] = [:], written: [ActionList: [String]] = [:]
        for name in ActionList.allCases {
            let path = "action.\(name.rawValue)"
            if object[name.rawValue] == nil, ActionList.optional.contains(name) {
                written[name] = []
                lists[name] = []
                continue
            }
            guard let list = object[name.rawValue]?.array, !list.isEmpty else {
                throw parser.fail(path, object[name.rawValue] == nil ? "is required (a non-empty list of words)"
                                                                      : "expected a non-empty list of words")
            }
            var words: [String] = []
            for (index, item) in list.enumerated() {
                guard let word = item.string, !word.trimmingWhitespace().isEmpty else {
                    throw parser.fail("\(path)[\(index)]", "expected a word, found \(parser.kind(item))")
                }
                guard !word.containsASCII("*"), !word.containsASCII(" "), TermSyntax.problem(word) == nil else {
                    throw parser.fail("\(path)[\(index)]", "expected one word without spaces or wildcards: \"\(word)\"")
                }
                words.append(Folding.fold(word))
            }
            written[name] = words
            lists[name] = Set(words)
        }
        var rubric = ActionRubric(lists: lists, written: written)
        rubric.byOrdinal = ActionList.allCases.map { lists[$0] ?? [] }
        return rubric
    }
}
