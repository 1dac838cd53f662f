/// The cycle elements of one passage, each a small named rule over the
/// language layer's clauses (`PassageAnalysis`) and the rubric's cues.
/// This file is the whole decision; `CycleChecker` gathers the inputs and
/// `assemble` adds what only neighbouring passages show.
///
/// The common question is a clause's **orientation** (`orientation(clause:)`):
/// - ahead: future (zullen, gaan + infinitive), intent (`cycle.lemmas.intent`
///   as a present verb, or a goal noun as subject of a present clause), or a
///   time expression on or after the agenda's start in a clause that is not
///   in the past tense;
/// - back: past tense, or a perfect without such a time, or a time
///   expression before the agenda's start;
/// - neither: a present clause without time or intent (a description).
///
/// Rules (each finding names its rule):
/// - `jobs-target`: a quantity counting jobs (`jobNouns`, or `peopleNouns`
///   with a `targetGroup` complement) in a clause looking ahead.
/// - `measurable-goals`: a quantity counting anything else (not `units`) in
///   a clause looking ahead, or in a present clause with a `frequency` word.
/// - `planning`: a time expression in a clause looking ahead that holds an
///   activity (a verb that is not a copula, or an activity cue).
/// - `monitoring`: a realisation looking back (a `realise` lemma in a past
///   or perfect clause, or a realisation noun) set against a goal: a goal
///   cue or past intent/obligation with a figure in the same sentence, in
///   the sentence before or after, two percentages of a change, "X van de
///   Y", or a follow-up of the previous agenda. An announced monitor
///   (`announce` in a present or future clause) without such a comparison
///   is not monitoring. Partial when only jobs are compared.
/// - `problem-analysis`: a bottleneck (a bottleneck cue, a `shortfall`
///   verb, a negated realisation, or a cause clause on a shortfall) tied to
///   a remedy cue later in the sentence or in the next sentence: present;
///   without one: partial (a next passage opening with a remedy ties it in
///   `assemble`).
/// - `board-signature`: a board cue and a `signing` lemma in one clause that
///   looks back or is present, not negated, not a request, not intent.
extension CycleChecker {
    /// One passage's inputs, with the indexes the rules look things up in (built once per passage).
    final class Context {
        let passage: Passage
        let tokens: [Token]
        let analysis: PassageAnalysis
        let cache: LanguageCache
        let referenceYear: Int?
        /// Per cue (by `ordinal`), the hits that count, sorted by first token.
        let hits: [[PhraseMatcher.Hit]]
        let scope: CueScope
        /// `cycle.lemmas` by `CycleLemmas.ordinal`.
        let lemmas: [Set<String>?]
        /// The passage's sentence numbers in order, and each one's tokens and clauses (both contiguous).
        let sentences: [Int]
        /// Parallel to `sentences` (looked up by binary search on the sentence number).
        private let sentenceTokens: [ClosedRange<Int>]
        private let sentenceClauses: [Range<Int>]
        /// Sentences that give an example ("Stel dat ...", "Een rekenvoorbeeld: ...").
        private(set) var hypotheticalSentences = Set<Int>()
        /// Per word, the lists (bits by `CycleLemmas.ordinal`) that hold its lemma, compound head or form.
        private let wordMasks: [UInt32]

        init(passage: Passage, tokens: [Token], analysis: PassageAnalysis, cache: LanguageCache, referenceYear: Int?,
             hits: [[PhraseMatcher.Hit]], scope: CueScope, lemmas: [Set<String>?]) {
            self.passage = passage
            self.tokens = tokens
            self.analysis = analysis
            self.cache = cache
            self.referenceYear = referenceYear
            self.hits = hits
            self.scope = scope
            self.lemmas = lemmas
            // Token sentence numbers never decrease, and each sentence's clauses follow each other in order.
            var sentences: [Int] = [], sentenceTokens: [ClosedRange<Int>] = [], sentenceClauses: [Range<Int>] = []
            for (index, token) in tokens.enumerated() {
                if let last = sentences.last, last == token.sentence {
                    sentenceTokens[sentenceTokens.count - 1] = sentenceTokens[sentenceTokens.count - 1].lowerBound...index
                } else {
                    sentences.append(token.sentence)
                    sentenceTokens.append(index...index)
                    sentenceClauses.append(0..<0)
                }
            }
            var position = 0
            for (index, clause) in analysis.clauses.enumerated() {
                while position < sentences.count, sentences[position] != clause.sentence { position += 1 }
                guard position < sentences.count else { break }
                let range = sentenceClauses[position]
                sentenceClauses[position] = (range.isEmpty ? index : range.lowerBound)..<(index + 1)
            }
            self.sentences = sentences
            self.sentenceTokens = sentenceTokens
            self.sentenceClauses = sentenceClauses
            wordMasks = analysis.words.map { word in
                cache.listMask(word.lemma, lemmas) | cache.listMask(word.head, lemmas) | cache.listMask(word.form, lemmas)
            }
            for (index, token) in tokens.enumerated() where !hypotheticalSentences.contains(token.sentence) && isIn(.hypothetical, index) {
                if index == 0 || tokens[index - 1].sentence != token.sentence || token.form == "rekenvoorbeeld" {
                    hypotheticalSentences.insert(token.sentence)
                }
            }
        }

        func has(_ cue: CycleCue, clause: Int) -> Bool { !cueHits(cue, clause: clause).isEmpty }
        func cueHits(_ cue: CycleCue, clause: Int) -> ArraySlice<PhraseMatcher.Hit> {
            let c = analysis.clauses[clause]
            return hitsStarting(cue, in: c.first...c.last)
        }
        func cueHits(_ cue: CycleCue, sentence: Int) -> ArraySlice<PhraseMatcher.Hit> {
            guard let position = position(ofSentence: sentence) else { return [] }
            let range = sentenceTokens[position]
            return hitsStarting(cue, in: range)
        }
        /// Hits of `cue` whose first token lies in `range` (binary search: hits are sorted by first token).
        private func hitsStarting(_ cue: CycleCue, in range: ClosedRange<Int>) -> ArraySlice<PhraseMatcher.Hit> {
            let list = hits[cue.ordinal]
            func firstIndex(from position: Int) -> Int {
                var low = 0, high = list.count
                while low < high {
                    let middle = (low + high) / 2
                    if list[middle].first < position { low = middle + 1 } else { high = middle }
                }
                return low
            }
            let low = firstIndex(from: range.lowerBound)
            return list[low..<max(low, firstIndex(from: range.upperBound + 1))]
        }
        /// Whether the word's lemma, compound head or form is in the list (memoised by word id in the cache).
        func isIn(_ list: CycleLemmas, _ index: Int) -> Bool {
            wordMasks[index] & (1 << UInt32(list.ordinal)) != 0
        }
        func isIn(_ list: CycleLemmas, id: Int32) -> Bool {
            cache.listMask(id, lemmas) & (1 << UInt32(list.ordinal)) != 0
        }
        func clauseVerbs(_ clause: Int, in list: CycleLemmas) -> [Int] {
            let c = analysis.clauses[clause]
            var found: [Int] = []
            for (position, id) in c.verbLemmas.enumerated() where isIn(list, id: id) {
                found.append(c.verbTokens[position])
            }
            return found
        }
        func words(_ clause: Int, in list: CycleLemmas) -> [Int] {
            let c = analysis.clauses[clause]
            return (c.first...c.last).filter { isIn(list, $0) }
        }
        func firstToken(ofSentence sentence: Int) -> Int? { position(ofSentence: sentence).map { sentenceTokens[$0].lowerBound } }
        func clauses(ofSentence sentence: Int) -> Range<Int> { position(ofSentence: sentence).map { sentenceClauses[$0] } ?? 0..<0 }
        /// The sentence's index in `sentences`, or nil.
        private func position(ofSentence sentence: Int) -> Int? {
            var low = 0, high = sentences.count
            while low < high {
                let middle = (low + high) / 2
                if sentences[middle] < sentence { low = middle + 1 } else { high = middle }
            }
            return low < sentences.count && sentences[low] == sentence ? low : nil
        }
        func times(_ clause: Int) -> [TimeExpression] {
            let c = analysis.clauses[clause]
            return analysis.times.filter { $0.first <= c.last && $0.last >= c.first && !isPeriod($0) }
        }
        func isPeriod(_ time: TimeExpression) -> Bool { time.endMonth - time.startMonth > 12 && !time.isRelative }
        /// Negated or meta-text: the clause's content does not count.
        func isBlocked(_ first: Int, _ last: Int) -> Bool {
            scope.blocker(PhraseMatcher.Hit(entry: -1, first: first, last: last)) != nil
        }
    }

    enum Orientation { case ahead, back, neither }

    func orientation(clause index: Int, _ context: Context) -> Orientation {
        let clause = context.analysis.clauses[index]
        // Intent is a verb that heads the clause ("wij streven", "willen ... creëren"), not an attributive participle ("de beoogde banen").
        let intent = context.clauseVerbs(index, in: .intent).filter { context.analysis.words[$0].pos != .participle }
        if clause.isFuture { return .ahead }
        if !intent.isEmpty { return clause.tense == .past ? .back : .ahead }
        let times = context.times(index)
        let start = (context.referenceYear ?? LanguageAnalyzer.currentYear) * 12
        if let time = times.first {
            if time.relation == .since || clause.tense == .past { return .back }
            if context.referenceYear != nil || time.isRelative {
                return time.endMonth < start ? .back : .ahead
            }
            // No agenda period: a dated present clause is a plan ("In 2024 start de pilot"), a dated perfect a report.
            if clause.isPerfect && time.relation != .by { return .back }
            // A full date at which something happens is an event ("op 11 april 2019", "in de week van 20 januari"); a year,
            // quarter or part of a year is a horizon.
            if time.relation == .at && (time.hasDay || clause.finite == nil) { return .neither }
            return .ahead
        }
        if context.has(.future, clause: index) && clause.tense != .past && !clause.isPerfect { return .ahead }
        if clause.tense == .past || clause.isPerfect { return .back }
        if context.has(.past, clause: index) { return .back }
        return .neither
    }

    /// The orientation of a clause, else (for a subordinate clause) of the main clause before it:
    /// a figure in "dat ..." after "streven ernaar".
    func effectiveOrientation(clause index: Int, _ context: Context) -> Orientation {
        let own = orientation(clause: index, context)
        if own != .neither { return own }
        let clause = context.analysis.clauses[index]
        guard clause.isSubordinate else { return .neither }
        var other = index - 1
        while other >= 0, context.analysis.clauses[other].sentence == clause.sentence {
            if !context.analysis.clauses[other].isSubordinate { return orientation(clause: other, context) }
            other -= 1
        }
        return .neither
    }

    /// A figure that can be a count: not a date ("16 februari"), not part of a time expression ("één eind 2018"),
    /// not a reference ("hoofdstuk 4"), not "alle"/"elke" (a number word worth one), not after a preposition
    /// that makes it a circumstance ("in 15 proeftuinen", "op drie onderdelen").
    func isCount(_ quantity: CountedQuantity, _ context: Context) -> Bool {
        let q = quantity.quantity
        guard q.kind != .year else { return false }
        if context.analysis.times.contains(where: { $0.first <= q.last && $0.last >= q.first }) { return false }
        if quantity.noun >= 0, context.analysis.times.contains(where: { $0.first <= quantity.noun && $0.last >= quantity.noun }) { return false }
        if q.value == 1, !context.tokens[q.first].isNumber, context.tokens[q.first].form != "een" { return false }
        if q.first > 0 {
            let before = context.tokens[q.first - 1].form
            if ["hoofdstuk", "paragraaf", "tabel", "bijlage", "figuur", "artikel", "pagina", "blz", "nummer", "nr"].contains(before) { return false }
            if context.analysis.words[q.first - 1].classes.contains(.preposition),
               ["in", "op", "over", "uit", "van", "bij", "aan", "binnen", "onder", "tussen", "sinds"].contains(before) { return false }
        }
        return true
    }

    /// "minstens 20", "ten minste 3": a degree word that makes the figure a norm.
    func hasTargetMarker(_ quantity: CountedQuantity, _ context: Context) -> Bool {
        let first = quantity.quantity.first
        for i in max(0, first - 2)..<first where context.isIn(.targetMarkers, i) || context.tokens[i].form == "minste" { return true }
        return false
    }

    /// "Stel dat ...", "Een rekenvoorbeeld: ...": an example, not the author's plan or result.
    func isHypothetical(sentence: Int, _ context: Context) -> Bool { context.hypotheticalSentences.contains(sentence) }

    /// Jobs, another object, or nothing countable.
    enum Counted { case jobs, other, none }

    func counted(_ quantity: CountedQuantity, _ context: Context) -> Counted {
        guard quantity.noun >= 0 else { return .none }
        // "87,8 procent van de doelstelling": a ratio of the goal, not another counted object.
        if quantity.quantity.kind == .percentage, quantity.of >= 0, context.isIn(.goalNouns, quantity.of) { return .none }
        if quantity.quantity.kind == .percentage, quantity.of >= 0, context.isIn(.jobNouns, quantity.of) { return .jobs }
        if context.isIn(.units, quantity.noun), !(quantity.quantity.kind == .percentage && quantity.of >= 0) { return .none }
        if context.isIn(.jobNouns, quantity.noun) { return .jobs }
        if context.isIn(.peopleNouns, quantity.noun) {
            // "45 mensen uit de doelgroep", "medewerkers met een arbeidsbeperking".
            if quantity.of >= 0, context.isIn(.targetGroup, quantity.of) { return .jobs }
            let sentence = context.tokens[quantity.noun].sentence
            for i in quantity.noun..<min(context.tokens.count, quantity.noun + 6) where context.tokens[i].sentence == sentence {
                if context.isIn(.targetGroup, i) { return .jobs }
            }
            return .other
        }
        return .other
    }

    // MARK: Rules

    func goalsAndTargets(_ context: Context, monitored: Set<Int>, add: (CycleElement, CycleStatus, Int, Int, String) -> Void) {
        for quantity in context.analysis.quantities where isCount(quantity, context) {
            let q = quantity.quantity
            let kind = counted(quantity, context)
            guard kind != .none else { continue }
            let clause = context.analysis.words[q.first].clause
            let sentence = context.tokens[q.first].sentence
            if monitored.contains(sentence) || context.isBlocked(q.first, quantity.last) || isHypothetical(sentence: sentence, context) { continue }
            let own = effectiveOrientation(clause: clause, context)
            if own == .back { continue }
            // "ruim 60 instellingen", "ongeveer 500.000 studenten": an estimate describes, it sets no goal.
            // (A jobs forecast may be approximate: "ongeveer 600 extra banen".)
            if kind == .other, (max(0, q.first - 2)..<q.first).contains(where: { context.isIn(.approximators, $0) }) { continue }
            var ahead = own == .ahead
            var rule = "ahead"
            // A norm: "minstens 20 werkgevers", or a goal noun in the sentence ("De taakstelling voor 2025 is 160 banen").
            if !ahead, hasTargetMarker(quantity, context) { ahead = true; rule = "norm" }
            if !ahead, context.clauses(ofSentence: sentence).contains(where: { !context.words($0, in: .goalNouns).isEmpty }) {
                ahead = true; rule = "goal-noun"
            }
            // A standing rule: "draagt jaarlijks 0,5 procent af", "leggen 2% van hun inkomsten in".
            let ownShare = q.kind == .percentage && quantity.of > 0 && context.analysis.words[quantity.of - 1].classes.contains(.possessive)
            let acts = context.analysis.clauses[clause].finite.map { !context.isIn(.copulas, $0) } ?? false
            if !ahead, kind == .other, acts, !context.words(clause, in: .frequency).isEmpty || ownShare {
                ahead = true; rule = ownShare ? "share" : "frequency"
            }
            guard ahead else { continue }
            if isSignature(sentence: sentence, context) { continue }
            if kind == .jobs {
                add(.jobsTarget, .present, q.first, quantity.last, "quantity+jobs+" + rule)
            } else {
                add(.measurableGoals, .present, q.first, quantity.last, "quantity+object+" + rule)
            }
        }
    }

    func planning(_ context: Context, monitored: Set<Int>, add: (CycleElement, CycleStatus, Int, Int, String) -> Void) {
        for time in context.analysis.times where !context.isPeriod(time) {
            let clause = context.analysis.words[time.first].clause
            let sentence = context.tokens[time.first].sentence
            guard orientation(clause: clause, context) == .ahead || effectiveOrientation(clause: clause, context) == .ahead
                    && orientation(clause: clause, context) == .neither else { continue }
            if monitored.contains(sentence) || isSignature(sentence: sentence, context) || isHypothetical(sentence: sentence, context) { continue }
            if context.isBlocked(time.first, time.last) { continue }
            // A heading or caption (no finite verb in the clause) plans nothing: "peildatum 31 december".
            if context.analysis.clauses[clause].finite == nil { continue }
            // An activity: a verb that acts (not a copula or auxiliary), or an activity cue, in the sentence.
            let acts = context.clauses(ofSentence: sentence).contains { index in
                let c = context.analysis.clauses[index]
                let acting = zip(c.verbLemmas, c.verbTokens).contains { id, token in
                    !context.isIn(.copulas, id: id) && !context.isIn(.intent, id: id)
                        && !["zullen", "gaan", "kunnen", "moeten", "mogen", "willen"].contains(context.cache.string(id)) && token != time.first
                }
                return acting || context.has(.activity, clause: index)
            }
            guard acts else { continue }
            add(.planning, .present, time.first, time.last, "time+activity+ahead")
            return
        }
    }

    /// Sentences that set a realisation against a goal, with what was compared.
    func monitoring(_ context: Context, add: (CycleElement, CycleStatus, Int, Int, String) -> Void) -> Set<Int> {
        var monitored = Set<Int>()
        let sentences = context.sentences
        func quantities(_ sentence: Int) -> [CountedQuantity] {
            context.analysis.quantities.filter { context.tokens[$0.quantity.first].sentence == sentence && isCount($0, context) }
        }
        func clauseHasFigure(_ clause: Int) -> Bool {
            let c = context.analysis.clauses[clause]
            return context.analysis.quantities.contains { $0.quantity.first >= c.first && $0.quantity.first <= c.last && isCount($0, context) }
        }
        /// A realisation looking back in the sentence: its first token, or nil.
        func realisation(_ sentence: Int) -> Int? {
            for clause in context.clauses(ofSentence: sentence) {
                let c = context.analysis.clauses[clause]
                let verbs = context.clauseVerbs(clause, in: .realise)
                let back = orientation(clause: clause, context) == .back
                if let verb = verbs.first, clauseHasFigure(clause) || clause > 0 && context.analysis.clauses[clause - 1].sentence == sentence
                    && clauseHasFigure(clause - 1),
                   back {
                    if c.isFuture || context.clauseVerbs(clause, in: .intent).contains(where: { context.analysis.words[$0].pos != .participle }) {
                        continue
                    }
                    if c.negation != nil && c.tense != .past { continue }
                    return verb
                }
                // Nouns: "de realisatie", "de stand", "het resultaat" with a figure.
                if let noun = context.words(clause, in: .realise).first(where: { context.analysis.words[$0].pos == .noun }),
                   !c.isFuture, context.clauseVerbs(clause, in: .intent).isEmpty, !quantities(sentence).isEmpty {
                    return noun
                }
                if let hit = context.cueHits(.monitoringRealisation, clause: clause).first, back, clauseHasFigure(clause) { return hit.first }
            }
            return nil
        }
        /// A goal stated in the sentence: a goal cue or a past intent/obligation with a figure.
        func goal(_ sentence: Int, earlier: Bool = false) -> Int? {
            // A goal in a neighbouring sentence must be an earlier one: stated looking back, not a new plan.
            if earlier, context.clauses(ofSentence: sentence).contains(where: { orientation(clause: $0, context) == .ahead }) { return nil }
            if let hit = context.cueHits(.monitoringGoal, sentence: sentence).first, !quantities(sentence).isEmpty { return hit.first }
            for clause in context.clauses(ofSentence: sentence) {
                let c = context.analysis.clauses[clause]
                if c.tense == .past, c.modal == context.cache.specials.moeten || !context.clauseVerbs(clause, in: .intent).isEmpty,
                   !quantities(sentence).isEmpty, let finite = c.finite {
                    return finite
                }
                if let noun = context.words(clause, in: .goalNouns).first, !quantities(sentence).isEmpty { return noun }
            }
            return nil
        }
        func onlyJobs(_ sentenceList: [Int]) -> Bool {
            let kinds = sentenceList.flatMap(quantities).map { counted($0, context) }
            let anyOther = kinds.contains(.other)
            let mentionsOther = sentenceList.contains { s in
                context.analysis.words.indices.contains { context.tokens[$0].sentence == s && context.has(.goalObjects, clause: context.analysis.words[$0].clause) }
                    && !context.analysis.words.indices.contains { context.tokens[$0].sentence == s && context.isIn(.jobNouns, $0) }
            }
            return !(anyOther || mentionsOther)
        }
        // Every kind of realisation needs a count in its sentence: sentences without one are skipped.
        var countSentences = Set<Int>()
        for quantity in context.analysis.quantities where isCount(quantity, context) {
            countSentences.insert(context.tokens[quantity.quantity.first].sentence)
        }
        guard !countSentences.isEmpty else { return monitored }
        for (position, sentence) in sentences.enumerated() {
            if isHypothetical(sentence: sentence, context) || !countSentences.contains(sentence) { continue }
            guard let real = realisation(sentence) else { continue }
            if context.isBlocked(real, real) && context.scope.isMetaText(sentence: sentence) { continue }
            var compared: [Int] = []
            var rule = ""
            let figures = quantities(sentence)
            if goal(sentence) != nil {
                compared = [sentence]; rule = "realisation+goal"
            } else if figures.filter({ $0.quantity.kind == .percentage }).count >= 2 {
                compared = [sentence]; rule = "change-of-percentages"
            } else if figures.count >= 2, figures.contains(where: { f in
                let after = f.quantity.last + 1
                guard after < context.tokens.count, context.tokens[after].form == "van" else { return false }
                let next = after + 1 < context.tokens.count && ["de", "het", "in", "totaal"].contains(context.tokens[after + 1].form) ? after + 2 : after + 1
                return figures.contains { $0.quantity.first == next || $0.quantity.first == next + 1 }
            }) {
                compared = [sentence]; rule = "x-of-y"
            } else if !context.cueHits(.monitoringFollowUp, sentence: sentence).isEmpty {
                compared = [sentence]; rule = "follow-up"
            } else if !figures.isEmpty {
                // The goal in the sentence before or after: "moesten ... 306 banen creëren. Feitelijk zijn er 321 banen gekomen."
                for neighbour in [position - 1, position + 1] where neighbour >= 0 && neighbour < sentences.count {
                    if goal(sentences[neighbour], earlier: true) != nil { compared = [sentences[neighbour], sentence]; rule = "realisation+goal-adjacent"; break }
                }
            }
            guard !compared.isEmpty else { continue }
            // An announced monitor compares nothing: "houdt per activiteit bij wat is gerealiseerd".
            if rule == "follow-up", figures.isEmpty,
               context.clauses(ofSentence: sentence).contains(where: { !context.clauseVerbs($0, in: .announce).isEmpty
                && orientation(clause: $0, context) != .back }) { continue }
            let status: CycleStatus = rule == "follow-up" || !onlyJobs(compared) ? .present : .partial
            monitored.formUnion(compared)
            let all = compared.flatMap { s in context.tokens.indices.filter { context.tokens[$0].sentence == s } }
            add(.monitoring, status, all.min() ?? real, all.max() ?? real, rule)
        }
        return monitored
    }

    /// A statement about the author's situation: a clause with a finite verb, in a sentence that is no question.
    func isStatement(clause: Int, _ context: Context) -> Bool {
        let c = context.analysis.clauses[clause]
        guard c.finite != nil else { return false }
        // Questions: a wh-word or "wat zijn" first in the sentence.
        let first = context.firstToken(ofSentence: c.sentence) ?? c.first
        return !["welke", "wat", "hoe", "waarom", "wie", "waar"].contains(context.tokens[first].form)
    }

    /// A cue word inside a prepositional phrase ("onderzoek naar de knelpunten", "over de knelpunten") is a topic, not a finding.
    func isTopic(_ index: Int, _ context: Context) -> Bool {
        for j in max(0, index - 3)..<index {
            let word = context.analysis.words[j]
            if word.classes.contains(.preposition), ["naar", "over", "op", "van", "met", "voor", "bij", "in"].contains(context.tokens[j].form) {
                // Only when nothing but determiners and adjectives stand between.
                let between = (j + 1)..<index
                if between.allSatisfy({ context.analysis.words[$0].pos != .finiteVerb && context.analysis.words[$0].pos != .noun }) { return true }
            }
        }
        return false
    }

    func problemAnalysis(_ context: Context, add: (CycleElement, CycleStatus, Int, Int, String) -> Void) {
        let sentences = context.sentences
        for (position, sentence) in sentences.enumerated() {
            if context.scope.isMetaText(sentence: sentence) || isHypothetical(sentence: sentence, context) { continue }
            var bottleneck: Int?
            var rule = ""
            let clauses = context.clauses(ofSentence: sentence)
            let hasCause = clauses.contains { context.has(.cause, clause: $0) }
            for clause in clauses where isStatement(clause: clause, context) {
                let c = context.analysis.clauses[clause]
                // A named bottleneck or difficulty: "Het knelpunt is ...", "we hebben moeite om ...".
                if let hit = context.cueHits(.bottleneck, clause: clause).first(where: { !isTopic($0.first, context) }),
                   context.scope.blocker(hit, lookingAhead: false) == nil {
                    bottleneck = hit.first; rule = "bottleneck"; break
                }
                if let word = context.words(clause, in: .difficulty).first(where: { !isTopic($0, context) }),
                   context.scope.blocker(PhraseMatcher.Hit(entry: -1, first: word, last: word), lookingAhead: false) == nil {
                    bottleneck = word; rule = "difficulty"; break
                }
                // Falling short: "bleef achter doordat ...", "De werving strandde".
                if let verb = context.clauseVerbs(clause, in: .shortfall).first, !c.isFuture, hasCause || c.tense == .past && !c.isSubordinate {
                    bottleneck = verb; rule = "shortfall"; break
                }
                // "lukte niet", "niet gehaald", "kwam niet van de grond": a negated realisation looking back.
                if let negation = c.negation, orientation(clause: clause, context) == .back,
                   let verb = context.clauseVerbs(clause, in: .realise).first, negation < verb || c.finite == verb {
                    bottleneck = verb; rule = "negated-realisation"; break
                }
            }
            guard let found = bottleneck else { continue }
            let remedyHere = context.cueHits(.remedy, sentence: sentence).first { $0.first > found }
            let remedyNext = position + 1 < sentences.count ? context.cueHits(.remedy, sentence: sentences[position + 1]).first : nil
            if let remedy = remedyHere ?? remedyNext {
                add(.problemAnalysis, .present, min(found, remedy.first), max(found, remedy.last), rule + "+remedy")
            } else {
                add(.problemAnalysis, .partial, found, found, rule)
            }
        }
    }

    func isSignature(sentence: Int, _ context: Context) -> Bool {
        for clause in context.clauses(ofSentence: sentence) where signature(clause: clause, context) != nil { return true }
        return false
    }

    /// The board and signing tokens of a signature in the clause, if it is one.
    func signature(clause: Int, _ context: Context) -> (Int, Int)? {
        // No board cue in the passage, no signature.
        if context.hits[CycleCue.board.ordinal].isEmpty { return nil }
        let c = context.analysis.clauses[clause]
        let sentence = c.sentence
        guard let sign = context.words(clause, in: .signing).first ?? context.cueHits(.signed, clause: clause).first?.first else { return nil }
        guard let board = context.cueHits(.board, sentence: sentence).first?.first else { return nil }
        if c.negation != nil || c.isFuture || !context.clauseVerbs(clause, in: .intent).isEmpty || c.modal >= 0 { return nil }
        // "nog", "concept", "ter ondertekening", "vragen": a request or a draft (a future or intended signature is the clause's tense).
        if !context.cueHits(.notSigned, sentence: sentence).isEmpty { return nil }
        if context.isBlocked(min(board, sign), max(board, sign)) { return nil }
        return (board, sign)
    }

    func boardSignature(_ context: Context, add: (CycleElement, CycleStatus, Int, Int, String) -> Void) {
        for clause in context.analysis.clauses.indices {
            if let (board, sign) = signature(clause: clause, context) {
                add(.boardSignature, .present, min(board, sign), max(board, sign), "board+signed")
            }
        }
    }
}
