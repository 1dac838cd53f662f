/// The cycle elements of one passage, each a small named rule over the
/// language layer's clauses (`PassageAnalysis`) and the rubric's cues.
/// This file is the whole decision; `CycleChecker` gathers the inputs and
/// `assemble` adds what only neighbouring passages show.
///
/// The common question is a clause's **orientation** (`orientation(clause:)`):
/// - ahead: future (zullen, gaan + infinitive), intent (`cycle.lemmas.intent`
///   as a present verb, or a goal noun as subject of a present clause), or a
///   time expression on or after the agenda's start (or after the month of
///   the document's own date, when it names no period) in a clause that is
///   not in the past tense;
/// - back: past tense, or a perfect without such a time, or a time
///   expression before the agenda's start;
/// - neither: a present clause without time or intent (a description).
///
/// Rules (each finding names its rule):
/// - `jobs-target`: a quantity counting jobs (`jobNouns`, or `peopleNouns`
///   with a `targetGroup` complement) in a clause looking ahead; partial
///   without a time in its sentence, or with a placeholder for its number
///   (`X aantal nieuwe banen`, `cycle.placeholders`).
/// - `measurable-goals`: a quantity counting anything else (not `units`, not
///   the plan's own parts) in a clause looking ahead, or in a present clause
///   with a `frequency` word; partial with a placeholder.
/// - `planning`: a time expression in a clause looking ahead that holds an
///   activity (a verb that is not a copula, or an activity cue), one finding
///   per sentence (present for the agenda when two sentences plan); realising
///   a number of jobs by a date is the jobs target, not an activity.
/// - `monitoring`: a realisation looking back (a `realise` lemma in a past
///   or perfect clause, or a realisation noun) set against a goal: a goal
///   cue or past intent/obligation with a figure in the same sentence, in
///   the sentence before or after, two percentages of a change, "X van de
///   Y", or a follow-up of the previous agenda (`comparison`); or, without a realise verb,
///   a figure looking back that counts what the goal in the sentence before
///   counted (same lemma). An announced monitor
///   (`announce` in a present or future clause) without such a comparison
///   is not monitoring. Partial when only jobs are compared.
/// - `problem-analysis`: a bottleneck (`bottleneck(in:)`, the first of its
///   named sub-rules: a bottleneck cue or difficulty word that a verb states,
///   not only named; a positive evaluation negated; scarce means; a
///   `shortfall` verb; causes named in a copula clause; dependence or a
///   causal verb; an excess, `te` + adjective; a lack of the means to act;
///   not being able to act, a negated `kunnen`;
///   a negated realisation looking back) tied to
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
        /// The document's own date as a month, when it names no period.
        let written: Int?
        /// Per cue (by `ordinal`), the hits that count, sorted by first token.
        let hits: [[PhraseMatcher.Hit]]
        let scope: CueScope
        /// Per word of `cycle.lemmas`, a bit per list (by `CycleLemmas.ordinal`) that holds it.
        let lemmas: [String: UInt64]
        /// The passage's sentence numbers in order, and each one's tokens and clauses (both contiguous).
        let sentences: [Int]
        /// Parallel to `sentences` (looked up by binary search on the sentence number).
        private let sentenceTokens: [ClosedRange<Int>]
        private let sentenceClauses: [Range<Int>]
        /// Sentences that give an example ("Stel dat ...", "Een rekenvoorbeeld: ...").
        private(set) var hypotheticalSentences = Set<Int>()
        /// Clauses that state a condition, opening with their verb: "Heb je eenmaal ... behaald, dan ...".
        private(set) var conditionalClauses = Set<Int>()
        /// Per word, the lists (bits by `CycleLemmas.ordinal`) that hold its lemma, compound head or form.
        private let wordMasks: [UInt64]

        init(passage: Passage, tokens: [Token], analysis: PassageAnalysis, cache: LanguageCache, referenceYear: Int?, written: Int? = nil,
             hits: [[PhraseMatcher.Hit]], scope: CueScope, lemmas: [String: UInt64]) {
            self.passage = passage
            self.tokens = tokens
            self.analysis = analysis
            self.cache = cache
            self.referenceYear = referenceYear
            self.written = written
            self.hits = hits
            self.scope = scope
            self.lemmas = lemmas
            // Token sentence numbers never decrease, and each sentence's clauses follow each other in order.
            var sentences: [Int] = [], sentenceTokens: [ClosedRange<Int>] = [], sentenceClauses: [Range<Int>] = []
            // (room for every sentence number from the first token's to the last's: one allocation each, not a growth per
            // few sentences)
            if let first = tokens.first, let last = tokens.last, last.sentence >= first.sentence {
                let most = min(last.sentence - first.sentence + 1, tokens.count)
                sentences.reserveCapacity(most)
                sentenceTokens.reserveCapacity(most)
                sentenceClauses.reserveCapacity(most)
            }
            // (a sentence's token range is closed when the next one opens: writing it at every token checked the array's
            // uniqueness in a call per token)
            for (index, token) in tokens.enumerated() where sentences.last != token.sentence {
                if let open = sentenceTokens.last { sentenceTokens[sentenceTokens.count - 1] = open.lowerBound...(index - 1) }
                sentences.append(token.sentence)
                sentenceTokens.append(index...index)
                sentenceClauses.append(0..<0)
            }
            if let open = sentenceTokens.last { sentenceTokens[sentenceTokens.count - 1] = open.lowerBound...(tokens.count - 1) }
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
            // (the word's list bit first: most words are in no such list, and the set is then not hashed)
            for (index, token) in tokens.enumerated() where isIn(.hypothetical, index) && !hypotheticalSentences.contains(token.sentence) {
                // First in its sentence ("Stel dat ...", "Indien ..."), or a noun anywhere in it ("In dit rekenvoorbeeld ...");
                // a conjunction only where it opens a subordinate clause, not the preposition "Als onderdeel van ... wil ...".
                let word = analysis.words[index]
                let conjunctionOpensClause = !word.classes.contains(.subordinator) || analysis.clauses[word.clause].isSubordinate
                // (not a nominalised infinitive, whose compound head may be the verb: "het aanstellen van 92 mensen")
                if (index == 0 || tokens[index - 1].sentence != token.sentence) && conjunctionOpensClause
                    || word.pos == .noun && !Self.isNominalisedInfinitive(index, analysis, cache) {
                    hypotheticalSentences.insert(token.sentence)
                }
            }
            // A conditional that opens with its verb, the main clause after it opening with `lemmas.consequence`: "Heb je
            // eenmaal het aantal banen behaald, dan moet je het jaar daarop weer aan de slag" (its realisation is a
            // condition, no fact; the main clause after it may state a fact: "..., dan kan het lastig zijn ...").
            for (index, clause) in analysis.clauses.enumerated() where index + 1 < analysis.clauses.count {
                let next = analysis.clauses[index + 1]
                if clause.finite == clause.first, next.sentence == clause.sentence, isIn(.consequence, next.first) {
                    conditionalClauses.insert(index)
                }
            }
            // A passage that opens with an example is the example: "Een rekenvoorbeeld: ... In 2023 is het aantal ...".
            if let first = sentences.first, hypotheticalSentences.contains(first) { hypotheticalSentences.formUnion(sentences) }
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
        /// A nominalised infinitive: a noun after "het" that is its own lemma and ends in -en ("het aanstellen").
        static func isNominalisedInfinitive(_ index: Int, _ analysis: PassageAnalysis, _ cache: LanguageCache) -> Bool {
            index >= 1 && analysis.words[index - 1].form == cache.specials.het && analysis.isInfinitiveForm(index, cache: cache)
        }
        /// Whether the word's lemma, compound head or form is in the list (memoised by word id in the cache).
        func isIn(_ list: CycleLemmas, _ index: Int) -> Bool {
            wordMasks[index] & (1 << UInt64(list.ordinal)) != 0
        }
        /// A future or modal auxiliary lemma (zullen, gaan, kunnen, moeten, mogen): no activity of its own.
        func isAuxiliary(_ id: Int32) -> Bool {
            let s = cache.specials
            return id == s.zullen || id == s.gaan || id == s.kunnen || id == s.moeten || id == s.mogen
        }
        /// "de", "het", a demonstrative or a possessive: what follows names something known.
        func isDefiniteDeterminer(_ index: Int) -> Bool {
            let word = analysis.words[index]
            return !word.classes.isDisjoint(with: [.demonstrative, .possessive]) || word.form == cache.specials.de || word.form == cache.specials.het
        }
        func isIn(_ list: CycleLemmas, id: Int32) -> Bool {
            cache.listMask(id, lemmas) & (1 << UInt64(list.ordinal)) != 0
        }
        func clauseVerbs(_ clause: Int, in list: CycleLemmas) -> [Int] {
            var found: [Int] = []
            // (by index into the flat verb arrays: about 200,000 calls per MB, nearly all finding none)
            for verb in analysis.clauses[clause].verbs where isIn(list, id: analysis.verbLemmas[verb]) {
                found.append(analysis.verbTokens[verb])
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
        /// The times of a clause: not a period, not the date of a noun ("de brief van 4 juli 2019", "het akkoord van 2019").
        func times(_ clause: Int) -> [TimeExpression] { times(clause, periods: false) }
        /// The periods of a clause ("in de periode 2025-2026"), not the date of a noun.
        func periods(_ clause: Int) -> [TimeExpression] { times(clause, periods: true) }
        private func times(_ clause: Int, periods: Bool) -> [TimeExpression] {
            let c = analysis.clauses[clause]
            return analysis.times.filter { $0.first <= c.last && $0.last >= c.first && isPeriod($0) == periods && !isAttribute($0) }
        }
        func isAttribute(_ time: TimeExpression) -> Bool {
            // Not "met ingang van 2024" (relation `from`).
            time.relation == .at && time.first >= 2 && analysis.words[time.first - 1].form == cache.specials.van
                && [.noun, .properNoun].contains(analysis.words[time.first - 2].pos)
        }
        /// A span of more than a year is a period, no date; but from its start on ("vanaf het schooljaar 2023-2024") it
        /// dates what starts then.
        func isPeriod(_ time: TimeExpression) -> Bool { time.endMonth - time.startMonth > 12 && !time.isRelative && time.relation != .from }
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
        // What has been agreed or promised (the present perfect of a commitment verb) is to be done: "hebben hogescholen
        // afgesproken ... 99 extra banen te creëren", "Wij hebben afgesproken in 2026 20 banen te creëren": the te-infinitive
        // after the participle is the extraposed complement, and a time there dates what was agreed; one before it dates
        // the agreeing ("op 18 oktober is toegezegd"). (The agreement as a goal, "het afgesproken aantal", is attributive.)
        // (so is a goal set: a participle after a goal noun, "hebben als doel gesteld om in 2026 ... uit te komen",
        // "heeft de ambitie uitgesproken om ... te")
        if clause.isPerfect, clause.tense == .present,
           let agreed = context.clauseVerbs(index, in: .commitment).first(where: { !context.analysis.words[$0].attributive })
            ?? context.analysis.verbTokens(of: clause).first(where: { p in
                context.analysis.words[p].pos == .participle && !context.analysis.words[p].attributive
                    && (clause.first..<p).contains { context.isIn(.goalNouns, $0) && context.analysis.words[$0].pos == .noun }
            }),
           times.allSatisfy({ $0.first > agreed }), agreed < clause.last,
           (agreed + 1..<clause.last).contains(where: { context.analysis.words[$0].form == context.cache.specials.te
               && context.analysis.words[$0 + 1].pos == .infinitive }) { return .ahead }
        let start = (context.referenceYear ?? LanguageAnalyzer.currentYear) * 12
        // A present modal over a perfect infinitive sets a deadline, it reports nothing: "Zij moet op 1 januari 2024 in
        // totaal 162 banen gerealiseerd hebben" (not the substitute infinitive, "heeft ... kunnen plaatsen", whose finite
        // verb is "hebben").
        let deadline = clause.tense == .present && clause.modal >= 0
            && clause.finite.map { context.analysis.words[$0].lemma == clause.modal } == true
            && context.analysis.verbTokens(of: clause).contains { context.analysis.words[$0].pos == .participle && !context.analysis.words[$0].attributive }
        if let time = times.first {
            if time.relation == .since || clause.tense == .past { return .back }
            // A perfect dated to a day, or to a month without its year, reports: "op 28 juni 2019 heb ik u geïnformeerd",
            // "eind juni gepubliceerd", "eind september jongstleden uitgebracht" (a horizon names its year: "eind 2026").
            if clause.isPerfect, !deadline, time.relation == .at, time.hasDay || time.isRelative && time.endMonth == time.startMonth { return .back }
            // Against the document's own date: what ends by the month it was written is past.
            if let written = context.written { return time.endMonth <= written ? .back : .ahead }
            if context.referenceYear != nil || time.isRelative {
                return time.endMonth < start ? .back : .ahead
            }
            // No agenda period: a dated present clause is a plan ("In 2024 start de pilot"), a dated perfect a report.
            if clause.isPerfect && !deadline && time.relation != .by { return .back }
            // A full date at which something happens is an event ("op 11 april 2019", "in de week van 20 januari"); a year,
            // quarter or part of a year is a horizon.
            if time.relation == .at && (time.hasDay && !deadline || clause.finite == nil) { return .neither }
            return .ahead
        }
        // A period is no date, but a present clause in one that has not ended looks ahead to its end: "In de periode
        // 2025-2026 groeien we van 40 naar 60 banen" (one that has ended is looked back on).
        // (with no date of the document or period of the agenda to read it against, it is a plan, as a dated present is)
        if clause.tense == .present, !clause.isPerfect, let period = context.periods(index).first {
            if let written = context.written { return period.endMonth >= written ? .ahead : .back }
            return context.referenceYear == nil || period.endMonth >= start ? .ahead : .back
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
    func isCount(_ quantity: CountedQuantity, _ context: Context, placeholders: Bool = false) -> Bool {
        let q = quantity.quantity
        guard q.kind != .year, placeholders || !q.isPlaceholder else { return false }
        if context.analysis.times.contains(where: { $0.first <= q.last && $0.last >= q.first }) { return false }
        if quantity.noun >= 0, context.analysis.times.contains(where: { $0.first <= quantity.noun && $0.last >= quantity.noun }) { return false }
        if q.value == 1, !context.tokens[q.first].isNumber, context.tokens[q.first].form != "een" { return false }
        // One of a set ("één van de sectoren") picks a member, it counts nothing.
        if q.value == 1, q.kind == .count, quantity.of >= 0, q.last + 1 < context.tokens.count,
           context.analysis.words[q.last + 1].form == context.cache.specials.van { return false }
        // A number after a noun with a preposition before what it would count labels, it does not count: "deel 1 van dit rapport".
        // (not a degree word read as a noun after "ten": "ten minste achttien van de vijfentwintig veiligheidsregio's")
        if q.first > 0, context.analysis.words[q.first - 1].pos == .noun, q.kind == .count, !context.isIn(.targetMarkers, q.first - 1),
           quantity.noun < 0 || quantity.noun > q.last && (q.last + 1..<quantity.noun).contains(where: { context.analysis.words[$0].classes.contains(.preposition) }) {
            return false
        }
        // Nor one that a reference noun follows: "Kamerstukken 33 566, nr. 45".
        if quantity.noun >= 0, context.isIn(.referenceNouns, quantity.noun) { return false }
        if q.first > 0 {
            if context.isIn(.referenceNouns, q.first - 1) { return false }
            // Unless the preposition is the object's of an intent verb: "we rekenen op 8 extra banen", "zetten in op 15 plaatsingen",
            // or a percentage gives the value of the ratio noun before it: "een realisatiepercentage van 73%".
            let ratio = q.kind == .percentage && q.first > 1 && context.analysis.words[q.first - 1].form == context.cache.specials.van
                && context.analysis.words[q.first - 2].pos == .noun && context.isIn(.ratioNouns, q.first - 2)
            // (nor after "op" with a verb of position, which gives the subject's value: "De realisatie lag op bijna 90% van
            // het doel", "stond de Wageningse teller op 111 banen")
            // (asked last: isCount runs for every figure, and most have no preposition before them)
            var before = q.first - 1
            while before > 0, context.isIn(.approximators, before) { before -= 1 }
            if context.analysis.words[before].classes.contains(.preposition), context.isIn(.circumstancePrepositions, before),
               context.clauseVerbs(context.analysis.words[q.first].clause, in: .intent).isEmpty, !ratio,
               !(context.analysis.words[before].form == context.cache.specials.op
                 && !context.clauseVerbs(context.analysis.words[q.first].clause, in: .position).isEmpty),
               !isNominalObject(of: before, context), !isSizeOfCollective(before, context) { return false }
        }
        return true
    }

    /// "van" after a nominalised infinitive gives its object, no circumstance: "het aanstellen van 92 mensen", "het
    /// creëren van 50 banen" (the infinitive after "het", its own lemma, ending in -en).
    func isNominalObject(of preposition: Int, _ context: Context) -> Bool {
        context.analysis.words[preposition].form == context.cache.specials.van && preposition >= 1
            && Context.isNominalisedInfinitive(preposition - 1, context.analysis, context.cache)
    }

    /// The word stands in the "om ... te" complement of a plan noun (`lemmas.plans`: "een voorstel om ... te", "het plan
    /// om", "het voorstel van het college om").
    func isPlanned(_ index: Int, _ context: Context) -> Bool {
        let c = context.analysis.clauses[context.analysis.words[index].clause]
        // (the noun may have its "van" phrase before "om": "het voorstel van het college om ...")
        guard let om = (c.first..<index).last(where: { context.analysis.words[$0].form == context.cache.specials.om }), om > c.first,
              let plan = (max(c.first, om - 5)..<om).last(where: { context.isIn(.plans, $0) && context.analysis.words[$0].pos == .noun }),
              (plan + 1..<om).allSatisfy({ !context.analysis.words[$0].pos.isVerbForm }) else { return false }
        return (index + 1...c.last + 1).contains { k in
            k <= c.last && context.analysis.words[k].form == context.cache.specials.te && k + 1 <= c.last
                && context.analysis.words[k + 1].pos == .infinitive
        }
    }

    /// "van" after a collective noun (`lemmas.collectives`) gives its size, no circumstance: "een groep van 10 nieuwe
    /// collega's", "een pool van 20 kandidaten".
    func isSizeOfCollective(_ preposition: Int, _ context: Context) -> Bool {
        preposition >= 1 && context.analysis.words[preposition].form == context.cache.specials.van
            && context.analysis.words[preposition - 1].pos == .noun && context.isIn(.collectives, preposition - 1)
    }

    /// "minstens 20", "ten minste 3": a degree word that makes the figure a norm.
    func hasTargetMarker(_ quantity: CountedQuantity, _ context: Context) -> Bool {
        if quantity.quantity.isNorm { return true }
        let first = quantity.quantity.first
        for i in max(0, first - 2)..<first where context.isIn(.targetMarkers, i) { return true }
        return false
    }

    /// "Stel dat ...", "Een rekenvoorbeeld: ...": an example, not the author's plan or result.
    func isHypothetical(sentence: Int, _ context: Context) -> Bool { context.hypotheticalSentences.contains(sentence) }

    /// Jobs, another object, or nothing countable.
    enum Counted { case jobs, other, none }

    func counted(_ quantity: CountedQuantity, _ context: Context) -> Counted {
        // A share of the workforce counts jobs: "2,14 procent van hun verloonde uren", "2% van het personeelsbestand",
        // "1,93%, van het totaalaantal verloonde uren" (the workforce word on the counted noun or next to it).
        if quantity.quantity.kind == .percentage, [quantity.of, quantity.noun].contains(where: { i in
            i >= 0 && (i - 1...i + 1).contains { k in k >= 0 && k <= quantity.last && context.isIn(.workforce, k) }
        }) { return .jobs }
        guard quantity.noun >= 0 else { return .none }
        // "87,8 procent van de doelstelling": a ratio of the goal, not another counted object.
        if quantity.quantity.kind == .percentage, quantity.of >= 0, context.isIn(.goalNouns, quantity.of) { return .none }
        if quantity.quantity.kind == .percentage, quantity.of >= 0, context.isIn(.jobNouns, quantity.of) { return .jobs }
        if context.isIn(.units, quantity.noun), !(quantity.quantity.kind == .percentage && quantity.of >= 0) { return .none }
        // A count of goals, or of the plan's parts, is no goal: "Bovenstaande lijst bevat vier doelstellingen", "We zetten in
        // op vier sporen".
        if context.isIn(.goalNouns, quantity.noun) || context.isIn(.planParts, quantity.noun) { return .none }
        if context.isIn(.jobNouns, quantity.noun) { return .jobs }
        if context.isIn(.peopleNouns, quantity.noun) {
            // "45 mensen uit de doelgroep", "medewerkers met een arbeidsbeperking".
            if quantity.of >= 0, context.isIn(.targetGroup, quantity.of) { return .jobs }
            let sentence = context.tokens[quantity.noun].sentence
            for i in quantity.noun..<min(context.tokens.count, quantity.noun + 6) where context.tokens[i].sentence == sentence {
                if context.isIn(.targetGroup, i) { return .jobs }
            }
            // People taken on: "minstens 15 mensen in dienst genomen" (a `jobObjects` cue in the clause), "het aanstellen
            // van 92 mensen" (a verb of hiring, `lemmas.hiring`, finite, infinitive or nominalised).
            let clause = context.analysis.words[quantity.noun].clause
            if context.has(.jobObjects, clause: clause) || !context.words(clause, in: .hiring).isEmpty { return .jobs }
            return .other
        }
        return .other
    }

    // MARK: Rules

    /// `state` hears every figure that counts something, as a goal (true) or a result looking back (false), for `compare`.
    func goalsAndTargets(_ context: Context, monitored: Set<Int>, add: (CycleElement, CycleStatus, Int, Int, String) -> Void,
                         state: (Bool, CountedQuantity, Counted) -> Void = { _, _, _ in }) {
        for quantity in context.analysis.quantities where isCount(quantity, context, placeholders: true) {
            let q = quantity.quantity
            let kind = counted(quantity, context)
            guard kind != .none, !isAgreementTotal(q) else { continue }
            let clause = context.analysis.words[q.first].clause
            let sentence = context.tokens[q.first].sentence
            if context.clauses(ofSentence: sentence).contains(where: { $0 <= clause && isNationalGoal(clause: $0, context) }) { continue }
            if context.isBlocked(q.first, quantity.last) || isHypothetical(sentence: sentence, context) || isAdvice(sentence: sentence, context) { continue }
            var own = effectiveOrientation(clause: clause, context)
            // A figure so far (`cycle.interim`: "al", "inmiddels", "op dit moment") in a present statement reports where the
            // count stands now, even in the current year: "dit jaar hebben we al 10 mensen uit de doelgroep aan het werk".
            let c = context.analysis.clauses[clause]
            // (not a time still to come: "In 2026 hebben we al 20 banen gerealiseerd" looks ahead)
            let now = (context.referenceYear ?? LanguageAnalyzer.currentYear) * 12 + 11
            if own == .ahead, c.tense == .present, !c.isFuture, !c.isPerfect, c.modal < 0, context.clauseVerbs(clause, in: .intent).isEmpty,
               context.has(.interim, clause: clause), context.times(clause).allSatisfy({ $0.startMonth <= now }) {
                own = .back
            }
            // What a plan is for, its "om ... te" complement, is still to be done, whenever the plan was made: "komt met een
            // voorstel om vijf personen met een beperking aan te nemen", "heeft ingestemd met het plan om 12 banen te
            // creëren" (a noun of `lemmas.plans` right before "om", the count after it).
            var planned = false
            if own != .ahead, isPlanned(q.first, context) { own = .ahead; planned = true }
            if own == .back || monitored.contains(sentence) {
                if own == .back { state(false, quantity, kind) }
                continue
            }
            // "ruim 60 instellingen", "ongeveer 500.000 studenten": an estimate describes, it sets no goal.
            // (A jobs forecast may be approximate: "ongeveer 600 extra banen".)
            if kind == .other, (max(0, q.first - 2)..<q.first).contains(where: { context.isIn(.approximators, $0) }) { continue }
            // A definite determiner before the number names a known set, it sets no goal: "de vijf organisaties in Assen",
            // "voor de 35 lidorganisaties" (all of them; "20 werkgevers benaderen" is the goal).
            if kind == .other, q.first > 0, context.tokens[q.first].isNumber || context.analysis.words[q.first].classes.contains(.numeral),
               context.isDefiniteDeterminer(q.first - 1) {
                continue
            }
            var ahead = own == .ahead
            var rule = planned ? "plan" : "ahead"

            // A norm: "minstens 20 werkgevers", or a goal noun in the sentence ("De taakstelling voor 2025 is 160 banen").
            if !ahead, hasTargetMarker(quantity, context) { ahead = true; rule = "norm" }
            if !ahead, context.clauses(ofSentence: sentence).contains(where: { !context.words($0, in: .goalNouns).isEmpty }) {
                ahead = true; rule = "goal-noun"
            }
            // A standing rule: "draagt jaarlijks 0,5 procent af", "leggen 2% van hun inkomsten in".
            let ownShare = q.kind == .percentage && quantity.of > 0 && context.analysis.words[quantity.of - 1].classes.contains(.possessive)
            // (a passive acts on its subject: "dat er ieder jaar drie functies worden ingevuld door iemand uit de doelgroep")
            let passive = c.isPassive && !c.isPerfect
            let acts = passive || c.finite.map { !context.isIn(.copulas, $0) } ?? false
            // The standing rule counts what the verb acts on, after it; a count before the finite verb is its subject
            // ("De 36 hogescholen leiden jaarlijks ... op" describes who acts).
            let countsObject = passive || c.finite.map { $0 < q.first } ?? false
            // A frequency: a word (`lemmas.frequency`: jaarlijks) or a distributive before a unit of time ("ieder jaar",
            // "elk half jaar", "per jaar"). It holds for jobs as for other objects: "Ieder jaar krijgen drie mensen met een
            // afstand tot de arbeidsmarkt de mogelijkheid om aan de slag te gaan".
            let frequent = !context.words(clause, in: .frequency).isEmpty || (c.first...c.last).contains { i in
                context.isIn(.distributive, i) && (i + 1...min(i + 2, c.last + 1)).contains { $0 <= c.last && context.isIn(.units, $0) }
            }
            if !ahead, kind == .other && ownShare || acts && countsObject && frequent && c.tense == .present && !c.isPerfect {
                ahead = true; rule = ownShare ? "share" : "frequency"
            }
            guard ahead else { continue }
            if isSignature(sentence: sentence, context) { continue }
            // A number not yet filled in ("X aantal nieuwe banen") is a goal still to be made measurable: partial.
            if q.isPlaceholder {
                add(kind == .jobs ? .jobsTarget : .measurableGoals, .partial, q.first, quantity.last, Quantity.placeholderRule + "+" + rule)
                continue
            }
            state(true, quantity, kind)
            if kind == .jobs {
                // A jobs target has a horizon (DOMAIN §4): without a time in its sentence it is only partly one
                // ("De overheid moet 25.000 extra banen realiseren").
                let dated = context.clauses(ofSentence: sentence).contains { !context.times($0).isEmpty || !context.periods($0).isEmpty }
                add(.jobsTarget, dated ? .present : .partial, q.first, quantity.last, "quantity+jobs+" + rule + (dated ? "" : "+no-horizon"))
            } else {
                add(.measurableGoals, .present, q.first, quantity.last, "quantity+object+" + rule)
            }
        }
    }

    /// The word stands in a prepositional phrase: a preposition before it, past its article and modifiers ("aan de
    /// Tweede Kamer"); an agent after "door" is no phrase of that kind ("door het kabinet" acts).
    func inPhrase(_ word: Int, from first: Int, _ context: Context) -> Bool {
        var k = word - 1
        while k >= first, !context.analysis.words[k].classes.isDisjoint(with: [.article, .possessive, .demonstrative])
                || context.analysis.words[k].pos == .other || context.analysis.words[k].capitalised && context.analysis.words[k].pos != .function {
            k -= 1
        }
        return k >= first && context.analysis.words[k].classes.contains(.preposition) && context.analysis.words[k].form != context.cache.specials.door
    }

    /// One finding per sentence that ties an activity to a time ahead (the agenda has planning when two do).
    func planning(_ context: Context, monitored: Set<Int>, add: (CycleElement, CycleStatus, Int, Int, String) -> Void) {
        var planned = Set<Int>()
        // (an open stretch, "de komende jaren", ties no activity to a date; nor does a time that runs up to now, "sinds 2012")
        for time in context.analysis.times where !context.isPeriod(time) && !context.isAttribute(time) && !time.isVague
            && time.relation != .since {
            let clause = context.analysis.words[time.first].clause
            let sentence = context.tokens[time.first].sentence
            if planned.contains(sentence) { continue }
            // A year right after a capitalised name is part of a title: "de Monitor Banenafspraak 2020", "Jaarverslag 2023";
            // right after a common noun outside a table, it labels that noun: "Aantal opgelegde boetes 2020 is gebaseerd op
            // ...", "de begroting 2021" (not a unit of time, which the year dates: "in het schooljaar 2024 starten we").
            if time.first > 0, context.tokens[time.first].isNumber, context.tokens[time.first - 1].sentence == sentence,
               [.noun, .properNoun].contains(context.analysis.words[time.first - 1].pos),
               context.analysis.words[time.first - 1].capitalised
                || context.passage.kind != .tableRow && !context.isIn(.units, time.first - 1) { continue }
            // A row of a planning table: "Kennismakingsmiddagen in de eenheden | vanaf het eerste kwartaal van 2024 |
            // Centraal Team". No verb; the row names the activity beside a time on or after the agenda's start.
            if context.passage.kind == .tableRow, context.analysis.clauses[clause].finite == nil {
                let start = (context.referenceYear ?? LanguageAnalyzer.currentYear) * 12
                let activity = context.analysis.words.indices.contains { i in
                    (i < time.first || i > time.last) && context.analysis.words[i].pos == .noun
                        && !context.isIn(.units, i) && !context.analysis.times.contains { $0.first <= i && $0.last >= i }
                }
                if time.endMonth >= start, activity, !context.isBlocked(time.first, time.last) {
                    add(.planning, .present, time.first, time.last, "table-row:time+activity")
                    return
                }
                continue
            }
            guard orientation(clause: clause, context) == .ahead || effectiveOrientation(clause: clause, context) == .ahead
                    && orientation(clause: clause, context) == .neither else { continue }
            if monitored.contains(sentence) || isSignature(sentence: sentence, context) || isHypothetical(sentence: sentence, context)
                || isAdvice(sentence: sentence, context) { continue }
            if context.isBlocked(time.first, time.last) { continue }
            // The national agreement dated: "eind 2025 zullen zij samen zorgen voor 125.000 extra banen".
            if context.analysis.quantities.contains(where: { q in
                context.analysis.words[q.quantity.first].clause == clause && isAgreementTotal(q.quantity) && counted(q, context) != .none
            }) { continue }
            // A heading or caption (no finite verb in the clause) plans nothing: "peildatum 31 december".
            if context.analysis.clauses[clause].finite == nil { continue }
            // Nor a bound with its horizon, a row of indicators: "Aantal uitkeringsgerechtigden dat ... uitstroomt naar
            // betaalde arbeid ≥ 50 in 2020" (the time is the norm's horizon).
            if context.analysis.quantities.contains(where: { $0.quantity.isNorm && context.analysis.words[$0.quantity.first].clause == clause }) { continue }
            // An activity: a verb that acts (not a copula or auxiliary), or an activity cue, in the sentence. Realising a
            // number of jobs is an outcome, not an activity: with a time it is a jobs target ("In 2025 komen er 45
            // plaatsingen bij", "Begin 2026 moeten er 125.000 banen bijgekomen zijn").
            // (a time in a subordinate clause dates that clause only: "Dat houdt in dat de provincie ruim voor het einde
            // van het jaar aan de gestelde opgave voldoet" dates no activity of the main clause)
            let own = context.analysis.clauses[clause].isSubordinate ? clause..<(clause + 1) : context.clauses(ofSentence: sentence)
            // (the clauses after a purpose of the dated clause belong to that purpose: "2018 wordt heffingsvrij om ... de
            // inleenadministratie te operationaliseren die ervoor moet zorgen dat ...")
            let dated = context.analysis.clauses[clause]
            let sentencePurpose = (dated.first...dated.last).first { context.analysis.words[$0].form == context.cache.specials.om } ?? Int.max
            let acts = own.contains { index in
                let c = context.analysis.clauses[index]
                if c.first > sentencePurpose { return false }
                // (a relative clause describes its noun, it is no activity of the dated clause: "De provinciale
                // overheden, waar in totaal 10 duizend ambtenaren werken, moeten voor het jaar 2024 ...")
                if index != clause, c.isSubordinate, c.finite != nil, c.first > 0, context.analysis.words[c.first - 1].pos == .noun,
                   context.analysis.words[c.first].classes.contains(.relative) { return false }
                // A national actor as the clause's subject or agent (not inside another phrase: "een brief aan de Kamer")
                // acts for the country, not for the agenda: "Dan presenteert het kabinet de officiële getallen".
                if (c.first...c.last).contains(where: { i in
                    context.isIn(.nationalActors, i) && [.noun, .properNoun].contains(context.analysis.words[i].pos)
                        && !inPhrase(i, from: c.first, context)
                }) { return false }
                // (jobs themselves, not a kind of placement named by a compound whose head is a job noun: "bieden we per
                // jaar ten minste 40 proefplaatsingen aan" is a dated activity)
                let countsJobs = context.analysis.quantities.contains { q in
                    q.quantity.first >= c.first && q.quantity.first <= c.last && isCount(q, context, placeholders: true) && counted(q, context) == .jobs
                        && !(q.noun >= 0 && !context.isIn(.jobNouns, id: q.lemma) && context.isIn(.jobNouns, id: q.head))
                }
                // (realising is an outcome, not an activity: "hoopt Binnenwerk in 2024 een nog grotere groei te realiseren";
                // nor is any verb of a clause that counts the jobs: "wil ... in 2018 18 mensen met een beperking een baan
                // bieden": the verb brings the jobs about, the time is the target's horizon)
                // (a verb right before the bare infinitive it governs is not the one that acts: "te laten groeien")
                // (nor a verb of a purpose, "om ... te", which says what the dated clause is for: "2018 wordt heffingsvrij om
                // overheidswerkgevers de mogelijkheid te geven een inhaalslag te maken")
                let purpose = (c.first...c.last).first { context.analysis.words[$0].form == context.cache.specials.om } ?? Int.max
                let verbTokens = context.analysis.verbTokens(of: c)
                let acting = !countsJobs && zip(context.analysis.verbLemmas(of: c), verbTokens).contains { id, token in
                    token < purpose && !(verbTokens.contains(token + 1) && context.analysis.words[token + 1].pos == .infinitive)
                        && !context.isIn(.copulas, id: id) && !context.isIn(.intent, id: id)
                        && !context.isAuxiliary(id) && token != time.first && !context.isIn(.realise, id: id)
                }
                // In a target's clause an activity word is its means ("Met dit programma willen we eind 2025 1.600 banen
                // hebben gerealiseerd", "... een baan bieden"), not a dated activity.
                return acting || !countsJobs && context.has(.activity, clause: index)
            }
            guard acts else { continue }
            add(.planning, .present, time.first, time.last, "time+activity+ahead")
            planned.insert(sentence)
        }
    }

    /// Sentences that set a realisation against a goal, with what was compared.
    func monitoring(_ context: Context, add: (CycleElement, CycleStatus, Int, Int, String) -> Void) -> Set<Int> {
        var monitored = Set<Int>()
        let sentences = context.sentences
        // Every kind of realisation needs a count in its sentence: sentences without one are skipped.
        var countSentences = Set<Int>()
        for quantity in context.analysis.quantities where isCount(quantity, context) {
            countSentences.insert(context.tokens[quantity.quantity.first].sentence)
        }
        for (position, sentence) in sentences.enumerated() {
            if isHypothetical(sentence: sentence, context) { continue }
            let hasCount = countSentences.contains(sentence)
            var compared: [Int] = [], rule = "", real = -1
            // Without a figure, only a goal reached or missed in words (partial).
            let realised = hasCount ? realisation(sentence, context) : nil
            if let found = realised ?? goalReached(sentence, context) {
                if context.isBlocked(found, found) && context.scope.isMetaText(sentence: sentence) { continue }
                if let comparison = hasCount ? comparison(sentence, at: position, context) : nil {
                    (compared, rule, real) = (comparison.sentences, comparison.rule, found)
                } else if realised == nil {
                    // A goal reached or missed in words compares by itself, figures in its sentence or not ("zes provincies
                    // halen de aantallen, vier zijn goed op weg").
                    (compared, rule, real) = ([sentence], "goal-reached", found)
                } else if let reached = goalReached(sentence, context) {
                    // (also where the figure is the goal's own: "heeft ruim voldaan aan het quotumpercentage van 1,93%")
                    (compared, rule, real) = ([sentence], "goal-reached", reached)
                } else {
                    continue
                }
            } else if hasCount, let (token, goalSentence) = sameObjectResult(at: position, context), !monitored.contains(sentence) {
                (compared, rule, real) = ([goalSentence, sentence], "goal+result-same-object", token)
            } else {
                continue
            }
            let status: CycleStatus = !hasCount || rule == "goal-reached" ? .partial : rule == "follow-up" || !onlyJobs(compared, context) ? .present : .partial
            // (a target that still runs stays a target and a plan: only the figure so far is monitoring's)
            if rule == "interim+goal-adjacent" { monitored.insert(sentence) } else { monitored.formUnion(compared) }
            let all = compared.flatMap { s in context.tokens.indices.filter { context.tokens[$0].sentence == s } }
            add(.monitoring, status, all.min() ?? real, all.max() ?? real, rule)
        }
        return monitored
    }

    /// What a realisation in the sentence is set against, and the rule: a goal in it, two percentages of a change,
    /// "X van de Y", a follow-up of the previous agenda, or a goal in the sentence before or after. Nil for an
    /// announced monitor ("houdt per activiteit bij wat is gerealiseerd") or nothing to compare with.
    func comparison(_ sentence: Int, at position: Int, _ context: Context) -> (sentences: [Int], rule: String)? {
        let sentences = context.sentences
        let figures = countsIn(sentence, context)
        if earlierGoal(sentence, context) != nil { return ([sentence], "realisation+goal") }
        if figures.filter({ $0.quantity.kind == .percentage }).count >= 2 { return ([sentence], "change-of-percentages") }
        if figures.count >= 2, figures.contains(where: { f in
            let after = f.quantity.last + 1
            guard after < context.tokens.count, context.tokens[after].form == "van" else { return false }
            let next = after + 1 < context.tokens.count && ["de", "het", "in", "totaal"].contains(context.tokens[after + 1].form) ? after + 2 : after + 1
            return figures.contains { $0.quantity.first == next || $0.quantity.first == next + 1 }
        }) { return ([sentence], "x-of-y") }
        if !context.cueHits(.monitoringFollowUp, sentence: sentence).isEmpty {
            let announced = context.clauses(ofSentence: sentence).contains {
                !context.clauseVerbs($0, in: .announce).isEmpty && orientation(clause: $0, context) != .back
            }
            return figures.isEmpty && announced ? nil : ([sentence], "follow-up")
        }
        guard !figures.isEmpty else { return nil }
        // The goal in the sentence before or after: "moesten ... 306 banen creëren. Feitelijk zijn er 321 banen gekomen."
        // A figure so far (`cycle.interim`: "inmiddels", "tot nu toe") is set against a target that still runs, too: "Inmiddels
        // zijn al 24 mensen duurzaam geplaatst. Het doel van Westland is 37,5 garantiebanen in 2025."
        let interim = !context.cueHits(.interim, sentence: sentence).isEmpty
        for neighbour in [position - 1, position + 1] where neighbour >= 0 && neighbour < sentences.count {
            if earlierGoal(sentences[neighbour], earlier: true, context) != nil {
                return ([sentences[neighbour], sentence], "realisation+goal-adjacent")
            }
            if interim, earlierGoal(sentences[neighbour], context) != nil {
                return ([sentences[neighbour], sentence], "interim+goal-adjacent")
            }
        }
        // Two sentences away, a goal that counts the same thing: "... hebben inmiddels 7196 reguliere banen gerealiseerd.
        // Daar mogen nog ... bij opgeteld worden. De doelstelling was in totaal 20.000 banen."
        let counted = Set(figures.map(\.lemma).filter { $0 >= 0 })
        for neighbour in [position - 2, position + 2] where neighbour >= 0 && neighbour < sentences.count {
            if earlierGoal(sentences[neighbour], earlier: true, context) != nil,
               countsIn(sentences[neighbour], context).contains(where: { $0.lemma >= 0 && counted.contains($0.lemma) }) {
                return ([sentences[neighbour], sentence], "realisation+goal-near")
            }
        }
        return nil
    }

    /// The figures of a sentence that can be counts.
    func countsIn(_ sentence: Int, _ context: Context) -> [CountedQuantity] {
        context.analysis.quantities.filter { context.tokens[$0.quantity.first].sentence == sentence && isCount($0, context) }
    }

    func clauseHasFigure(_ clause: Int, _ context: Context) -> Bool {
        let c = context.analysis.clauses[clause]
        return context.analysis.quantities.contains { $0.quantity.first >= c.first && $0.quantity.first <= c.last && isCount($0, context) }
    }

    /// A realisation looking back in the sentence: its first token, or nil.
    func realisation(_ sentence: Int, _ context: Context) -> Int? {
        for clause in context.clauses(ofSentence: sentence) where !context.conditionalClauses.contains(clause) {
            let c = context.analysis.clauses[clause]
            let back = orientation(clause: clause, context) == .back
            // (a te-infinitive is not itself realised, it is what was agreed, intended or possible: "hebben hogescholen
            // afgesproken ... jaarlijks 99 extra banen ... te creëren"; unless an implicative verb, `lemmas.implicative`,
            // makes it happen: "hebben ... 553 extra vaste banen weten te creëren")
            let implicative = !context.clauseVerbs(clause, in: .implicative).isEmpty
            func happened(_ verb: Int) -> Bool { implicative || verb == 0 || context.analysis.words[verb - 1].form != context.cache.specials.te }
            if let verb = context.clauseVerbs(clause, in: .realise).first(where: happened),
               back, clauseHasFigure(clause, context)
                || clause > 0 && context.analysis.clauses[clause - 1].sentence == sentence && clauseHasFigure(clause - 1, context) {
                if c.isFuture || context.clauseVerbs(clause, in: .intent).contains(where: { context.analysis.words[$0].pos != .participle }) {
                    continue
                }
                if c.negation != nil && c.tense != .past { continue }
                if statesGoal(verb, clause: clause, context) { continue }
                return verb
            }
            // Nouns: "de realisatie", "de stand", "het resultaat" with a figure; or an attributive participle, "het aantal
            // gerealiseerde banen". (Not a nominalised infinitive, which names the act without saying it happened: "Doel
            // is het creëren van 92 banen".)
            if let noun = context.words(clause, in: .realise).first(where: {
                context.analysis.words[$0].pos == .noun && !Context.isNominalisedInfinitive($0, context.analysis, context.cache)
                    || context.analysis.words[$0].pos == .participle && context.analysis.words[$0].attributive
            }),
               !c.isFuture, context.clauseVerbs(clause, in: .intent).isEmpty, !countsIn(sentence, context).isEmpty {
                return noun
            }
            // (the figure may stand in the clause before, which "dat" points back to: "streefden naar 170 banen ..., in juni
            // was dat al ruimschoots gelukt")
            if let hit = context.cueHits(.monitoringRealisation, clause: clause).first, back, clauseHasFigure(clause, context)
                || clause > 0 && context.analysis.clauses[clause - 1].sentence == sentence && clauseHasFigure(clause - 1, context) {
                return hit.first
            }
            // The value a count stands at, "op" + the figure after a verb of position (`lemmas.position`), is a
            // realisation: "Eind 2022 stond de teller op 111 banen", "De realisatie ligt nu op 87%" (jobs or a percentage;
            // not a distance or a place).
            if let verb = context.clauseVerbs(clause, in: .position).first(where: happened),
               back || c.tense == .present && !c.isFuture && c.modal < 0, !statesGoal(verb, clause: clause, context),
               c.negation == nil, context.analysis.quantities.contains(where: { q in
                   q.quantity.first > c.first && q.quantity.first <= c.last
                       && context.analysis.words[q.quantity.first - 1].form == context.cache.specials.op
                       && (q.quantity.kind == .percentage || counted(q, context) == .jobs) && isCount(q, context)
               }) { return verb }
            // A shortfall measured in a figure is a realisation too: "dat de universiteit eind 2019 20,1 banen
            // achterliep op het quotum"; in the present it is the state now, whatever its date ("Met een
            // realisatiepercentage van 73% (in Q1 2023) blijft de realisatie achter op het quotum").
            if let verb = context.clauseVerbs(clause, in: .shortfall).first, back || c.tense == .present && !c.isPerfect,
               !c.isFuture, c.modal < 0, c.negation == nil,
               context.clauseVerbs(clause, in: .intent).allSatisfy({ context.analysis.words[$0].pos == .participle }),
               clauseHasFigure(clause, context) { return verb }
        }
        return nil
    }

    /// A goal reached or missed, said in words: a realise verb looking back, in a statement, with a goal noun as its
    /// subject or object (not inside a topic phrase: "met als doel"), negated or not: "De taakstelling is niet gehaald",
    /// "heeft ruim voldaan aan het quotum". Verbs of attaining and of lagging presuppose the target themselves: an
    /// attain verb (`lemmas.attain`) in the past or perfect with any object but people or jobs ("Over 2017 en 2018 zijn
    /// de aantallen niet gehaald"; not the present passive "worden taken uit een functie gehaald"); a verb of lagging
    /// (`lemmas.lagging`) now or looking back with a goal noun or the phrase it lags behind ("blijft achter bij de
    /// doelstelling", "dat de scholen achterlopen bij het realiseren van de aantallen"). Lagging with nothing it lags
    /// behind ("de overheid blijft achter") compares nothing; nor does a missing goal ("omdat die streefcijfers
    /// ontbraken": `ontbreken` is a shortfall, not lagging).
    func goalReached(_ sentence: Int, _ context: Context) -> Int? {
        let words = context.analysis.words
        /// A statement that neither looks ahead by its verbs nor is under a modal.
        func states(_ clause: Int) -> Bool {
            let c = context.analysis.clauses[clause]
            return !c.isFuture && c.modal < 0 && isStatement(clause: clause, context)
        }
        // Progress judged against the plan (`cycle.onTrack`: "liggen goed op schema", "zijn goed op weg"), now or looking
        // back, in a passage about goals, jobs or results.
        if let hit = context.cueHits(.onTrack, sentence: sentence).first {
            let clause = words[hit.first].clause
            if states(clause), orientation(clause: clause, context) != .ahead,
               words.indices.contains(where: { context.isIn(.goalNouns, $0) || context.isIn(.jobNouns, $0) || context.isIn(.realise, $0) }) {
                return hit.first
            }
        }
        // A result compared with what was planned (`lemmas.than` + a goal cue: "meer mensen ... dan afgesproken hadden
        // tewerkgesteld", "minder plaatsingen dan beoogd"), looking back or now.
        for hit in context.cueHits(.monitoringGoal, sentence: sentence) where hit.first > 0 && context.isIn(.than, hit.first - 1) {
            let clause = words[hit.first].clause
            if states(clause), orientation(clause: clause, context) != .ahead { return hit.first - 1 }
        }
        // ... or with the goal itself, named by a goal noun after "dan" and its article: "165 banen minder dan het quotum".
        for clause in context.clauses(ofSentence: sentence) {
            for than in context.words(clause, in: .than) where than + 1 < context.tokens.count {
                // (past "van" too: "77 procent ten opzichte van de doelstelling")
                let start = words[than + 1].form == context.cache.specials.van && than + 2 < context.tokens.count ? than + 2 : than + 1
                let noun = words[start].classes.contains(.article) || words[start].classes.contains(.possessive) ? start + 1 : start
                if noun < context.tokens.count, context.tokens[noun].sentence == sentence, words[noun].pos == .noun,
                   isGoalNoun(noun, context), states(clause) { return than }
            }
        }
        for clause in context.clauses(ofSentence: sentence) {
            let c = context.analysis.clauses[clause]
            // (a finite verb or participle: "het aantal te realiseren banen" names the goal; and a statement, not a question,
            // direct or indirect: "controleren of meetbare doelstellingen behaald zijn")
            guard states(clause), c.opener != context.cache.specials.of,
                  !context.conditionalClauses.contains(clause),
                  context.clauseVerbs(clause, in: .intent).allSatisfy({ words[$0].pos == .participle }) else { continue }
            let back = orientation(clause: clause, context) == .back
            let goalNoun = (c.first...c.last).contains { isGoalNoun($0, context) && words[$0].pos == .noun && !isTopic($0, context) }
            // A target not reached in the perfect passive reports, whatever date it had: "is de afspraak ... voor 2016
            // (6500 banen) niet gehaald" (nobody plans to miss one).
            let missedPassive = c.isPassive && c.negation != nil && c.finite.map { words[$0].lemma == context.cache.specials.zijn } == true
            // Missing a goal now, a forecast only a check can make: "het einddoel halen we in dit tempo niet" (no time: "in
            // 2027" would be a plan).
            // (also seen so: "lijkt het bedrijfsleven de jaardoelstellingen niet te behalen", a copula's te-infinitive)
            if c.tense == .present, !c.isPerfect, !c.isPassive, c.negation != nil, goalNoun, context.times(clause).isEmpty,
               let verb = context.clauseVerbs(clause, in: .attain).first(where: { v in
                   words[v].pos != .infinitive || v > c.first && words[v - 1].form == context.cache.specials.te
                       && c.finite.map { context.isIn(.copulas, $0) } == true
               }) { return verb }
            if back || missedPassive, let verb = context.clauseVerbs(clause, in: .realise).first(where: { words[$0].pos != .infinitive }),
               !statesGoal(verb, clause: clause, context) {
                if goalNoun { return verb }
                // (not in a relative clause, which describes its noun: "studenten die bij ons een diploma hebben gehaald")
                // (attaining presupposes a known target: a definite object, "de gemaakte afspraken", "hun verplichte aantal";
                // "een diploma gehaald" reaches no goal)
                func definite(_ i: Int) -> Bool {
                    var k = i - 1
                    while k >= c.first, words[k].pos == .other || words[k].pos == .participle { k -= 1 }
                    return k >= c.first && context.isDefiniteDeterminer(k)
                }
                if !describesItsNoun(clause, context), context.clauseVerbs(clause, in: .attain).contains(verb), c.tense == .past || c.isPerfect || missedPassive, (c.first...c.last).contains(where: { i in
                    words[i].pos == .noun && !isTopic(i, context) && !context.isIn(.peopleNouns, i) && !context.isIn(.jobNouns, i)
                        && !context.analysis.times.contains { $0.first <= i && $0.last >= i } && definite(i)
                }) { return verb }
            }
            // A share realised is a share of the goal: "In 2020 realiseerden we 61 procent" (a bare percentage, or one of
            // the jobs, as what a realise verb reached, looking back; not the measure of a verb of change, `lemmas.change`:
            // "het aantal groeide 12 procent", nor after a preposition: "steeg tot 40 procent").
            if back, let verb = context.clauseVerbs(clause, in: .realise).first(where: { words[$0].pos != .infinitive && !context.isIn(.change, $0) }),
               !statesGoal(verb, clause: clause, context),
               context.analysis.quantities.contains(where: { q in
                   q.quantity.kind == .percentage && q.quantity.first > c.first && q.quantity.first <= c.last
                       && (q.of < 0 || context.isIn(.jobNouns, q.of)) && !words[q.quantity.first - 1].classes.contains(.preposition)
                       && isCount(q, context)
               }) { return verb }
            if let verb = context.clauseVerbs(clause, in: .lagging).first(where: { words[$0].pos != .infinitive }),
               back || c.tense == .present && !c.isPerfect, c.negation == nil,
               goalNoun || verb < c.last && (verb + 1..<c.last).contains(where: { i in
                   words[i].classes.contains(.preposition) && words[i + 1...min(c.last, i + 3)].contains { $0.pos == .noun || $0.pos == .infinitive }
               }) { return verb }
        }
        return nil
    }

    /// A goal noun (`lemmas.goalNouns`), or a ratio noun compounded with one: the goal's value ("het quotumpercentage van
    /// 1,93%", "het streefpercentage"): the modifier before the head, with or without a linking "s".
    func isGoalNoun(_ index: Int, _ context: Context) -> Bool {
        if context.isIn(.goalNouns, index) { return true }
        let word = context.analysis.words[index]
        guard word.pos == .noun, word.head >= 0, word.lemma != word.head, context.isIn(.ratioNouns, index),
              let goals = cycle.lemmas[.goalNouns] else { return false }
        let lemma = context.cache.string(word.lemma), head = context.cache.string(word.head)
        guard lemma.hasSuffix(head), lemma.count > head.count else { return false }
        let modifier = String(lemma.dropLast(head.count))
        return goals.contains(modifier) || modifier.hasSuffix("s") && goals.contains(String(modifier.dropLast()))
    }

    /// A goal of the job agreement or law (`lemmas.targetGroup`: banenafspraak, participatiewet) or of a national actor
    /// (`lemmas.nationalActors`) that opens its clause ("De doelstelling van de banenafspraak voor 2023 is het realiseren
    /// van 105.000 extra banen"): the country's goal restated, no target of the author's (not a goal the subject is part
    /// of: "Ons aandeel in de doelstelling van de banenafspraak is ...").
    func isNationalGoal(clause: Int, _ context: Context) -> Bool {
        let c = context.analysis.clauses[clause], words = context.analysis.words
        for i in c.first...c.last where i + 2 <= c.last && words[i].pos == .noun && words[i + 1].form == context.cache.specials.van
            && isGoalNoun(i, context) && !inPhrase(i, from: c.first, context) {
            if let owner = (i + 2...min(c.last, i + 3)).first(where: { [.noun, .properNoun].contains(words[$0].pos) }),
               context.isIn(.nationalActors, owner) || context.isIn(.targetGroup, owner) { return true }
        }
        return false
    }

    /// The realise verb says what a goal or an obligation asks, not what was realised: under `moeten` ("In 2026 zouden er
    /// ... banen moeten zijn gerealiseerd"), in the te-infinitive after `om` that completes a goal noun or an intent verb
    /// ("had de ambitie om in totaal 27 plaatsingen te realiseren", "De ambitie is om ... gerealiseerd te hebben"), or in
    /// the dat-clause that completes a goal noun ("Het doel ... is dat er in 2026 125.000 banen zijn bijgekomen").
    func statesGoal(_ verb: Int, clause: Int, _ context: Context) -> Bool {
        let c = context.analysis.clauses[clause], words = context.analysis.words, specials = context.cache.specials
        if context.analysis.verbLemmas(of: c).contains(specials.moeten) { return true }
        func completesGoal(_ range: Range<Int>) -> Bool {
            range.contains { context.isIn(.goalNouns, $0) && words[$0].pos == .noun || context.isIn(.intent, $0) && words[$0].pos != .participle }
        }
        var j = verb - 1
        while j > c.first, j != c.finite {
            if words[j].form == specials.om { return completesGoal(c.first..<j) }
            j -= 1
        }
        if c.isSubordinate, c.opener == specials.dat, clause > 0, context.analysis.clauses[clause - 1].sentence == c.sentence {
            let governing = context.analysis.clauses[clause - 1]
            return completesGoal(governing.first..<governing.last + 1)
        }
        return false
    }

    /// A count equal to one of the job agreement's own national totals (`cycle.agreementTotals`): counting something
    /// ("125.000 extra banen", "25.000 werkplekken", "125.000 banen extra") it is background to an agenda, not its own
    /// target, goal or plan (the callers know what it counts).
    func isAgreementTotal(_ quantity: Quantity) -> Bool {
        let value = quantity.value
        return quantity.kind == .count && value == value.rounded() && value < 1e9 && cycle.agreementTotals.contains(Int(value))
    }

    /// A goal stated in the sentence: a goal cue or a past intent/obligation with a figure. In a neighbouring
    /// sentence (`earlier`) it must be an earlier one: stated looking back, not a new plan.
    func earlierGoal(_ sentence: Int, earlier: Bool = false, _ context: Context) -> Int? {
        if earlier, context.clauses(ofSentence: sentence).contains(where: { orientation(clause: $0, context) == .ahead }) { return nil }
        let hasFigure = !countsIn(sentence, context).isEmpty
        if let hit = context.cueHits(.monitoringGoal, sentence: sentence).first, hasFigure { return hit.first }
        for clause in context.clauses(ofSentence: sentence) {
            let c = context.analysis.clauses[clause]
            // "moesten ... creëren", "wilden ... opleiden", "dat ... twaalf regio's ... zouden hebben" (the future of a past moment).
            let pastFuture = c.tense == .past && c.finite.map { context.analysis.words[$0].lemma == context.cache.specials.zullen } == true
            if c.tense == .past, c.modal == context.cache.specials.moeten || pastFuture || !context.clauseVerbs(clause, in: .intent).isEmpty,
               hasFigure, let finite = c.finite {
                return finite
            }
            if let noun = context.words(clause, in: .goalNouns).first, hasFigure { return noun }
            // A target that still runs, when asked for one (not `earlier`): a present obligation over a realise verb,
            // "Zij moet op 1 januari 2024 in totaal 162 banen gerealiseerd hebben", for a figure so far beside it.
            if !earlier, c.tense == .present, c.modal == context.cache.specials.moeten, hasFigure,
               let verb = context.clauseVerbs(clause, in: .realise).first { return verb }
        }
        return nil
    }

    /// Whether the compared sentences count only jobs (monitoring `partial`).
    func onlyJobs(_ sentenceList: [Int], _ context: Context) -> Bool {
        let anyOther = sentenceList.flatMap { countsIn($0, context) }.contains { counted($0, context) == .other }
        let mentionsOther = sentenceList.contains { s in
            context.analysis.words.indices.contains { context.tokens[$0].sentence == s && context.has(.goalObjects, clause: context.analysis.words[$0].clause) }
                && !context.analysis.words.indices.contains { context.tokens[$0].sentence == s && context.isIn(.jobNouns, $0) }
        }
        return !(anyOther || mentionsOther)
    }

    /// A result that counts what the earlier goal in the sentence before counted, looking back without a realise
    /// verb: "... dat twaalf regio's een overeenkomst zouden hebben. Eind 2024 hadden negen regio's zo'n overeenkomst."
    func sameObjectResult(at position: Int, _ context: Context) -> (token: Int, goal: Int)? {
        let sentences = context.sentences
        guard position > 0, earlierGoal(sentences[position - 1], earlier: true, context) != nil else { return nil }
        let earlier = countsIn(sentences[position - 1], context).map(\.lemma).filter { $0 >= 0 }
        for q in countsIn(sentences[position], context) where q.lemma >= 0 && earlier.contains(q.lemma) && counted(q, context) != .none {
            // A state looking back ("hadden negen regio's ...", "waren er ..."), not an act ("hebben ... afgesproken").
            let clause = context.analysis.words[q.quantity.first].clause, c = context.analysis.clauses[clause]
            guard let finite = c.finite, context.isIn(.copulas, finite), !c.isPerfect else { continue }
            if orientation(clause: clause, context) == .back { return (q.quantity.first, sentences[position - 1]) }
        }
        return nil
    }

    /// A relative clause right after its noun describes that noun ("mensen die niet direct kunnen voldoen aan de eisen",
    /// "studenten die bij ons een diploma hebben gehaald"): what it says is who they are, no finding of the author.
    func describesItsNoun(_ clause: Int, _ context: Context) -> Bool {
        let c = context.analysis.clauses[clause], specials = context.cache.specials
        return c.isSubordinate && (c.opener == specials.die || c.opener == specials.dat) && c.first > 0
            && context.analysis.words[c.first - 1].pos == .noun
    }

    /// A statement about the author's situation: a clause with a finite verb, in a sentence that is no question.
    func isStatement(clause: Int, _ context: Context) -> Bool {
        let c = context.analysis.clauses[clause]
        guard c.finite != nil || resumes(clause, context) else { return false }
        // Questions: a question word first in the sentence or the clause ("wat werkte daarin, welke knelpunten waren er"),
        // or a question mark at its end ("Maar is het programma niet te elitair?").
        if context.analysis.questions.contains(c.sentence) { return false }
        let first = context.firstToken(ofSentence: c.sentence) ?? c.first
        return !context.isIn(.questionWords, first) && !context.isIn(.questionWords, c.first)
    }

    /// A main clause without its finite verb whose finite verb follows an embedded subordinate clause: "Een ander
    /// knelpunt [waar we op worden gewezen], is de focus op kwantiteit".
    func resumes(_ clause: Int, _ context: Context) -> Bool {
        let c = context.analysis.clauses[clause]
        guard !c.isSubordinate else { return false }
        var next = clause + 1
        while next < context.analysis.clauses.count, context.analysis.clauses[next].sentence == c.sentence {
            let other = context.analysis.clauses[next]
            if !other.isSubordinate { return other.finite != nil && next > clause + 1 }
            next += 1
        }
        return false
    }

    /// A problem noun that is named, not stated: pointing back out of the passage ("Dit knelpunt gaat vooral op
    /// voor ..." first in it), asked about ("welke knelpunten"),
    /// or the object of a verb that reports or looks for problems ("noemen vele knelpunten", "knelpunten benoemen").
    func isNamedOnly(_ index: Int, clause: Int, _ context: Context) -> Bool {
        guard context.analysis.words[index].pos == .noun else { return false }
        let c = context.analysis.clauses[clause]
        // "Dit knelpunt" points back: to the sentence before, which states it, or (first in the passage) out of sight.
        let opensPassage = c.sentence == context.sentences.first
        for j in max(c.first, index - 2)..<index {
            if opensPassage && context.analysis.words[j].classes.contains(.demonstrative) && !context.analysis.words[j].classes.contains(.relative)
                || context.isIn(.questionWords, j) { return true }
        }
        // Stated by a copula: "Eén van de genoemde knelpunten ... is de complexiteit in de wetgeving".
        if let finite = c.finite, context.analysis.words[finite].lemma == context.cache.specials.zijn { return false }
        // A problem word itself ("knelpunten", not "terughoudend") as what a reporting verb (not an attributive
        // participle: "de genoemde knelpunten") reports.
        return context.isIn(.difficulty, index)
            && context.clauseVerbs(clause, in: .reporting).contains { context.analysis.words[$0].pos != .participle || $0 > index }
    }

    /// A problem noun is stated when a `problemVerbs` verb carries it: a verb of its own clause ("Een knelpunt is
    /// ...", "we lopen tegen knelpunten aan"), of the main clause it resumes in ("Een ander knelpunt [waar ...], is
    /// ..."), or of a relative clause right after it ("de knelpunten die wij ervaren"); or it points back with a
    /// demonstrative to the sentence before ("... waardoor kandidaten afhaken. Dit knelpunt pakken we aan met ..."); or
    /// it follows a cause word in its clause ("omdat [knelpunt X]", "vanwege personeelstekorten").
    /// Under any other verb it names
    /// a category or a topic: "de knelpunten verschillen per sector", "knelpunten resulteren in aanbevelingen".
    /// Words that are not nouns ("lastig", "beperkt") state themselves.
    func isStated(_ index: Int, clause: Int, _ context: Context) -> Bool {
        guard context.analysis.words[index].pos == .noun else { return true }
        if stating(clause, context) { return true }
        let clauses = context.analysis.clauses
        // The subject of a verb of causing (`lemmas.causalVerbs`, active): "Het tekort aan werkplekbegeleiders remde de
        // groei" states the problem and its effect.
        if let finite = clauses[clause].finite, index < finite, !clauses[clause].isPassive, context.isIn(.causalVerbs, finite) { return true }
        // Given as a cause: "... niet volledig geland omdat [knelpunt X]", "vanwege personeelstekorten".
        if context.cueHits(.cause, clause: clause).contains(where: { $0.last < index }) { return true }
        let sentence = clauses[clause].sentence
        // "Dit knelpunt" after a sentence that states the problem in other words: that sentence is its content. After
        // one that names the same noun ("inzicht in de knelpunten. Deze knelpunten ...") it is that mention again.
        if (max(clauses[clause].first, index - 2)..<index).contains(where: { j in
            let classes = context.analysis.words[j].classes
            return classes.contains(.demonstrative) && !classes.contains(.relative)
        }), let position = context.sentences.firstIndex(of: sentence), position > 0 {
            let lemma = context.analysis.words[index].lemma
            let before = context.sentences[position - 1]
            return !context.analysis.words.indices.contains { context.tokens[$0].sentence == before && context.analysis.words[$0].lemma == lemma }
        }
        var next = clause + 1
        while next < clauses.count, clauses[next].sentence == sentence {
            let other = clauses[next]
            if other.isSubordinate {
                // A relative clause opening right after the noun (a comma may stand between).
                if other.first <= index + 2, stating(next, context) { return true }
            } else {
                return resumes(clause, context) && stating(next, context)
            }
            next += 1
        }
        return false
    }

    /// The clause has a `problemVerbs` verb that is not just the auxiliary of a perfect or passive ("heeft veel moeite
    /// gestoken in": steken carries the noun, not hebben).
    func stating(_ clause: Int, _ context: Context) -> Bool {
        let c = context.analysis.clauses[clause]
        let s = context.cache.specials
        return context.clauseVerbs(clause, in: .problemVerbs).contains { verb in
            let lemma = context.analysis.words[verb].lemma
            return !(verb == c.finite && (c.isPerfect || c.isPassive) && (lemma == s.hebben || lemma == s.zijn || lemma == s.worden))
        }
    }

    /// A cue word inside a prepositional phrase ("onderzoek naar de knelpunten", "over de knelpunten") is a topic, not a finding.
    func isTopic(_ index: Int, _ context: Context) -> Bool {
        for j in max(0, index - 6)..<index {
            let word = context.analysis.words[j]
            // (A partitive after a count is no topic: "Eén van de genoemde knelpunten ... is ...".)
            if word.classes.contains(.preposition), context.isIn(.topicPrepositions, j),
               !(j > 0 && word.form == context.cache.specials.van
                 // ("één"/"een" right before a preposition is the numeral, not an article)
                 && (!context.analysis.words[j - 1].classes.isDisjoint(with: [.numeral, .article]) || context.tokens[j - 1].isNumber)) {
                // Only when nothing but determiners, adjectives and coordinated nouns stand between ("inzicht in de
                // succesfactoren en knelpunten").
                let between = (j + 1)..<index
                if between.allSatisfy({ k in
                    let pos = context.analysis.words[k].pos
                    return pos != .finiteVerb && (pos != .noun || k + 1 < index && context.analysis.words[k + 1].classes.contains(.coordinator))
                }) { return true }
            }
        }
        return false
    }

    /// A shortfall or missed realisation without a cause in a sentence that monitoring set against a goal ("20,1
    /// banen achterliep op het quotum", "niet in geslaagd het afgesproken aantal te realiseren") is that
    /// comparison's finding, not a complaint.
    func problemAnalysis(_ context: Context, monitored: Set<Int>, add: (CycleElement, CycleStatus, Int, Int, String) -> Void) {
        let sentences = context.sentences
        for (position, sentence) in sentences.enumerated() {
            if context.scope.isMetaText(sentence: sentence) || isHypothetical(sentence: sentence, context) { continue }
            let clauses = context.clauses(ofSentence: sentence)
            let hasCause = clauses.contains { context.has(.cause, clause: $0) }
            // A plain loop, not lazy.filter/compactMap: their stored closures captured a copy of the whole checker per sentence.
            var named: (Int, String)?
            // A cause clause states its cause without a verb too: "niet volledig geland omdat [knelpunt X]".
            for clause in clauses where isStatement(clause: clause, context)
                || context.analysis.clauses[clause].isSubordinate && context.cueHits(.cause, clause: clause).first?.first == context.analysis.clauses[clause].first {
                if let bottleneck = bottleneck(in: clause, sentence: sentence, hasCause: hasCause, context) { named = bottleneck; break }
            }
            guard let (found, rule) = named else { continue }
            // (also a bottleneck cue on the realisation or the shortfall itself: "de taakstelling ... niet gehaald", "blijft
            // achter bij de doelstelling")
            let onRealisation = rule == "bottleneck"
                && (found...min(found + 2, context.tokens.count - 1)).contains { i in
                    context.isIn(.realise, i) || context.clauseVerbs(context.analysis.words[i].clause, in: .shortfall).contains(i)
                }
            if rule == "shortfall" || rule == "negated-realisation" || onRealisation, !hasCause, monitored.contains(sentence) { continue }
            // A shortfall of the jobs count itself names no bottleneck: "twee hebben een achterstand met de aantallen",
            // "hebben te weinig banen gecreëerd", "niet het afgesproken aantal extra banen gerealiseerd". That is what a
            // check finds; an analysis names what held the count back (a cause), a stalled process ("viel de werving
            // stil") or a difficulty ("lastig om een functie te creëren"). A job, goal or ratio noun, or "aantal", in
            // the shortfall's clause says it is about the count.
            let lagging = rule == "shortfall" || rule == "negated-realisation" || onRealisation
                || rule == "bottleneck" && (context.isIn(.lagging, found)
                    || (found...min(found + 2, context.tokens.count - 1)).contains { context.isIn(.jobNouns, $0) })
            if !hasCause, lagging {
                let c = context.analysis.clauses[context.analysis.words[found].clause]
                let aboutCount = (c.first...c.last).contains { i in
                    context.isIn(.jobNouns, i) || context.isIn(.goalNouns, i) || context.isIn(.ratioNouns, i)
                        || context.analysis.words[i].lemma == context.cache.specials.aantal
                }
                // (lagging is itself measured against a norm or others, "de overheid blijft achter": a result, no
                // bottleneck, without a cause)
                if aboutCount || context.isIn(.lagging, found) || !context.clauseVerbs(context.analysis.words[found].clause, in: .lagging).isEmpty { continue }
            }
            let remedyHere = context.cueHits(.remedy, sentence: sentence).first { $0.first > found }
            let remedyNext = position + 1 < sentences.count ? context.cueHits(.remedy, sentence: sentences[position + 1]).first : nil
            if let remedy = remedyHere ?? remedyNext {
                add(.problemAnalysis, .present, min(found, remedy.first), max(found, remedy.last), rule + "+remedy")
            } else {
                add(.problemAnalysis, .partial, found, found, rule)
            }
        }
    }

    /// The bottleneck a statement clause names, with its rule: the first of the named sub-rules below that fires.
    func bottleneck(in clause: Int, sentence: Int, hasCause: Bool, _ context: Context) -> (Int, String)? {
        namedProblem(in: clause, context)
            ?? negatedEvaluation(in: clause, context)
            ?? scarcity(in: clause, context)
            ?? shortfall(in: clause, hasCause: hasCause, context)
            ?? causesNamed(in: clause, context)
            ?? dependence(in: clause, sentence: sentence, context)
            ?? excess(in: clause, context)
            ?? lack(in: clause, sentence: sentence, context)
            ?? inability(in: clause, context)
            ?? negatedRealisation(in: clause, context)
    }

    /// A named bottleneck or difficulty that a verb states: "Het knelpunt is ...", "we hebben moeite om ...".
    func namedProblem(in clause: Int, _ context: Context) -> (Int, String)? {
        // (a cue word inside a fixed expression, `cycle.idioms`, means something else: "de moeite waard")
        let idioms = context.cueHits(.idioms, clause: clause)
        func inIdiom(_ i: Int) -> Bool { idioms.contains { $0.first <= i && $0.last >= i } }
        if let hit = context.cueHits(.bottleneck, clause: clause).first(where: {
            !inIdiom($0.first) && !isTopic($0.first, context) && !isNamedOnly($0.first, clause: clause, context) && isStated($0.first, clause: clause, context)
                && !isTargetGroupsLot($0.first, clause: clause, context)
        }),
           context.scope.blocker(hit, lookingAhead: false) == nil {
            return (hit.first, "bottleneck")
        }
        // (not a word for people that a difficulty word ends: "arbeidsbeperkten" are people, no "beperkt")
        if let word = context.words(clause, in: .difficulty).first(where: {
            !inIdiom($0) && !isTopic($0, context) && !isNamedOnly($0, clause: clause, context) && isStated($0, clause: clause, context)
                && !isTargetGroupsLot($0, clause: clause, context) && !context.isIn(.peopleNouns, $0) && !context.isIn(.targetGroup, $0)
                && !($0 > 0 && context.tokens[$0 - 1].sentence == context.tokens[$0].sentence && context.isIn(.impairment, $0 - 1))
        }),
           context.scope.blocker(PhraseMatcher.Hit(entry: -1, first: word, last: word), lookingAhead: false) == nil {
            return (word, "difficulty")
        }
        return nil
    }

    /// A difficulty whose experiencer is the target group, in finding work: "Deze mensen hebben vaak moeite om een baan te
    /// vinden", "mensen die ... moeite hebben met het vinden van een baan", "Voor mensen met een arbeidsbeperking is het
    /// soms lastig een werkplek te vinden". That is why the job agreement exists, not a bottleneck of the author's job
    /// creation: people (`lemmas.peopleNouns`, `targetGroup`) before the word in its clause, or before the relative
    /// clause it stands in, and a job (`lemmas.jobNouns`) after it in the sentence.
    func isTargetGroupsLot(_ word: Int, clause: Int, _ context: Context) -> Bool {
        let c = context.analysis.clauses[clause], sentence = c.sentence
        // Finding work, in the difficulty's clause, is the job seeker's: "is het vinden van een baan lastig", "moeite om
        // werk te vinden" (`lemmas.seeking` with a `lemmas.seekersJobs` word beside it; an employer finds candidates).
        // (the job word is what is sought: the noun after "het vinden van", or the nearest noun before the verb that is
        // not inside a prepositional phrase; "taken voor de nieuwe banen te vinden" seeks tasks)
        let words = context.analysis.words
        if (c.first...c.last).contains(where: { i in
            guard context.isIn(.seeking, i) else { return false }
            if i + 1 <= c.last, words[i + 1].form == context.cache.specials.van,
               let noun = (i + 2...min(c.last + 1, i + 5)).first(where: { $0 <= c.last && words[$0].pos == .noun }), noun <= c.last {
                return context.isIn(.seekersJobs, noun)
            }
            guard let noun = (c.first..<i).last(where: { words[$0].pos == .noun }), i - noun <= 4 else { return false }
            return context.isIn(.seekersJobs, noun) && !inPhrase(noun, from: c.first, context)
        }) { return true }
        let people = { (i: Int) in context.isIn(.peopleNouns, i) || context.isIn(.targetGroup, i) }
        let antecedent = c.isSubordinate && c.first > 0 && context.tokens[c.first - 1].sentence == sentence && people(c.first - 1)
        guard antecedent || (c.first..<word).contains(where: people) else { return false }
        var j = word + 1
        while j < context.tokens.count, context.tokens[j].sentence == sentence {
            if context.isIn(.jobNouns, j) { return true }
            j += 1
        }
        return false
    }

    /// A positive evaluation negated: "werkt niet motiverend", "wordt als niet realistisch ervaren", "geen reële kans".
    func negatedEvaluation(in clause: Int, _ context: Context) -> (Int, String)? {
        let c = context.analysis.clauses[clause]
        guard let negation = c.negation, negation < c.last,
              let word = (negation + 1...min(c.last, negation + 3)).first(where: { context.isIn(.positiveEvaluation, $0) }),
              (negation + 1..<word).allSatisfy({ context.analysis.words[$0].pos != .finiteVerb && context.analysis.words[$0].pos != .noun })
        else { return nil }
        return (word, "negated-evaluation")
    }

    /// Scarce means: "waardoor er maar weinig budget en tijd beschikbaar is", "onvoldoende capaciteit".
    func scarcity(in clause: Int, _ context: Context) -> (Int, String)? {
        let c = context.analysis.clauses[clause]
        for word in context.words(clause, in: .scarcity) where word + 1 <= c.last {
            if let resource = (word + 1...min(c.last, word + 2)).first(where: { context.isIn(.resources, $0) && context.analysis.words[$0].pos == .noun }),
               !isTopic(word, context) {
                return (resource, "scarcity")
            }
        }
        return nil
    }

    /// Falling short: "bleef achter doordat ...", "De werving strandde" (with a cause, or in a past main clause).
    func shortfall(in clause: Int, hasCause: Bool, _ context: Context) -> (Int, String)? {
        let c = context.analysis.clauses[clause]
        guard let verb = context.clauseVerbs(clause, in: .shortfall).first, !c.isFuture,
              hasCause || c.tense == .past && !c.isSubordinate else { return nil }
        return (verb, "shortfall")
    }

    /// Causes named: "Mogelijke redenen zijn ...", "De oorzaak is dat ..." (a cause noun in a copula clause; not the
    /// remedy "om die reden", not negated).
    func causesNamed(in clause: Int, _ context: Context) -> (Int, String)? {
        let c = context.analysis.clauses[clause]
        guard let finite = c.finite, context.analysis.words[finite].lemma == context.cache.specials.zijn, c.negation == nil,
              let word = context.words(clause, in: .causeNouns).first(where: { word in
                  context.analysis.words[word].pos == .noun
                      && context.scope.blocker(PhraseMatcher.Hit(entry: -1, first: word, last: word), lookingAhead: false) == nil
                      && !context.cueHits(.remedy, clause: clause).contains { $0.first <= word && $0.last >= word }
              }) else { return nil }
        return (word, "causes")
    }

    /// What a result depends on, in a sentence about realising results (a realise verb, a job noun or a realise noun:
    /// "Deze daling"): dependence ("hangt af van", "is afhankelijk
    /// van") or a causal verb in the passive with its cause as agent ("wordt bepaald door de aard van het werk", "is
    /// deels te verklaren door regelgeving").
    func dependence(in clause: Int, sentence: Int, _ context: Context) -> (Int, String)? {
        let c = context.analysis.clauses[clause]
        let door = context.cache.specials.door
        let agent = (c.first...c.last).contains { context.analysis.words[$0].form == door }
        guard let verb = context.clauseVerbs(clause, in: .dependence).first ?? context.words(clause, in: .dependence).first
                ?? (agent ? context.clauseVerbs(clause, in: .causalVerbs).first(where: { verb in
                    // the passive, or "zijn te" + infinitive: "is deels te verklaren door regelgeving"
                    context.analysis.words[verb].pos == .participle || context.analysis.words[verb].pos == .infinitive && verb > c.first
                        && context.analysis.words[verb - 1].form == context.cache.specials.te
                        && c.finite.map { context.analysis.words[$0].lemma == context.cache.specials.zijn } == true
                }) : nil),
              !c.isFuture, c.negation == nil,
              context.clauses(ofSentence: sentence).contains(where: {
                  !context.clauseVerbs($0, in: .realise).isEmpty || !context.words($0, in: .jobNouns).isEmpty
                      || context.words($0, in: .realise).contains { context.analysis.words[$0].pos == .noun }
              }) else { return nil }
        return (verb, "causes")
    }

    /// Too much or too little: "te" before an adjective that modifies a noun ("een te smalle afbakening") or is the
    /// predicate of a copula ("is te duur"); not before an infinitive, nor a fixed phrase ("te rade gaan").
    func excess(in clause: Int, _ context: Context) -> (Int, String)? {
        let c = context.analysis.clauses[clause]
        for i in c.first..<c.last where context.analysis.words[i].form == context.cache.specials.te {
            let next = context.analysis.words[i + 1]
            guard next.pos == .other, !context.tokens[i + 1].isNumber, next.classes.isEmpty else { continue }
            let beforeNoun = i + 2 <= c.last && context.analysis.words[i + 2].pos == .noun
            let predicate = c.finite.map { context.isIn(.copulas, $0) } == true && !c.isPerfect && !c.isPassive
            if beforeNoun || predicate { return (i + 1, "excess") }
        }
        return nil
    }

    /// A lack of the means to act: "De vo-raad heeft het mandaat niet om te sturen", "Werkgevers hebben niet altijd de
    /// tijd en/of expertise om de regels te doorgronden" (negated possession with an om-te purpose).
    func lack(in clause: Int, sentence: Int, _ context: Context) -> (Int, String)? {
        let c = context.analysis.clauses[clause]
        guard let negation = c.negation, let finite = c.finite, context.analysis.words[finite].lemma == context.cache.specials.hebben,
              !c.isPerfect, c.modal < 0, hasPurpose(after: finite, sentence: sentence, context) else { return nil }
        return (negation, "lack")
    }

    /// Not able to act: "maar ze kunnen meestal nergens op aandringen", "omdat we niet alle kandidaten konden begeleiden":
    /// a `kunnen` clause, not looking ahead, whose verb a negation cue blocks (so "niet alleen" and the other negation
    /// exceptions are none) and is no verb of knowing (`cycle.lemmas.knowing`).
    func inability(in clause: Int, _ context: Context) -> (Int, String)? {
        let c = context.analysis.clauses[clause]
        guard c.negation != nil, c.modal == context.cache.specials.kunnen, !c.isFuture, let finite = c.finite else { return nil }
        // A relative clause describes its noun: "mensen die niet direct kunnen voldoen aan de eisen" is who they are.
        if describesItsNoun(clause, context) { return nil }
        // The infinitive "kunnen" governs: the first after it ("kunnen niet achterhalen waarom ... zetten"), else the last.
        let infinitives = context.analysis.verbTokens(of: c).filter { context.analysis.words[$0].pos == .infinitive }
        let verb = infinitives.first(where: { $0 > finite }) ?? infinitives.last ?? finite
        // Not being able to know or find out ("Wij kunnen niet achterhalen waarom ...") is no bottleneck of acting.
        if context.isIn(.knowing, verb) { return nil }
        guard case .negation(let cue)? = context.scope.blocker(PhraseMatcher.Hit(entry: -1, first: verb, last: verb)) else { return nil }
        return (cue.first, "inability")
    }

    /// "lukte niet", "niet gehaald", "kwam niet van de grond": a negated realisation looking back.
    func negatedRealisation(in clause: Int, _ context: Context) -> (Int, String)? {
        let c = context.analysis.clauses[clause]
        // A relative clause describes its noun, and "zou(den)" is what would have happened: "voor mensen die anders de
        // startkwalificatie niet zouden halen".
        if describesItsNoun(clause, context) { return nil }
        if c.tense == .past, c.finite.map({ context.analysis.words[$0].lemma == context.cache.specials.zullen }) == true { return nil }
        guard let negation = c.negation, orientation(clause: clause, context) == .back,
              let verb = context.clauseVerbs(clause, in: .realise).first, negation < verb || c.finite == verb else { return nil }
        return (verb, "negated-realisation")
    }

    /// "om ... te" + infinitive after a word in its sentence: a purpose ("de tijd om de regels te doorgronden").
    func hasPurpose(after index: Int, sentence: Int, _ context: Context) -> Bool {
        guard let om = (index..<context.tokens.count).first(where: { context.tokens[$0].sentence != sentence || context.analysis.words[$0].form == context.cache.specials.om }),
              context.tokens[om].sentence == sentence else { return false }
        return (om..<context.tokens.count).prefix(12).contains { j in
            context.tokens[j].sentence == sentence && context.analysis.words[j].form == context.cache.specials.te
                && j + 1 < context.tokens.count && context.analysis.words[j + 1].pos == .infinitive
        }
    }

    /// A sentence addressed to the reader (an imperative, "u kunt ..."): advice, not the author's goal, plan or signature.
    func isAdvice(sentence: Int, _ context: Context) -> Bool {
        context.clauses(ofSentence: sentence).contains { context.analysis.clauses[$0].addressesReader }
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
        // A signing to be done, as a te-infinitive: "is het belangrijk om de werkagenda te laten ondertekenen".
        if (max(c.first, sign - 2)..<sign).contains(where: { context.analysis.words[$0].form == context.cache.specials.te }) { return nil }
        // Advice to the reader signs nothing.
        if isAdvice(sentence: sentence, context) { return nil }
        // "nog", "concept", "ter ondertekening", "vragen": a request or a draft (a future or intended signature is the clause's tense).
        if !context.cueHits(.notSigned, sentence: sentence).isEmpty { return nil }
        if context.isBlocked(min(board, sign), max(board, sign)) { return nil }
        // Signed "met" another party is a contract between two, not the board adopting its agenda: "Vijf Rijksorganisaties
        // hebben met Binnenwerk ... een overeenkomst getekend".
        if (c.first..<sign).contains(where: { i in
            context.analysis.words[i].form == context.cache.specials.met && i + 1 < sign
                && (i + 1...min(sign - 1, i + 3)).contains { [.noun, .properNoun].contains(context.analysis.words[$0].pos) }
        }) { return nil }
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
