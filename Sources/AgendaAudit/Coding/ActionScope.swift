/// Is this an action of the author? DOMAIN.md §3: a sentence that only
/// talks about an action type is not coded. This file is the whole
/// decision, made per passage over the language layer's clauses
/// (`PassageAnalysis`), with every word list in the rubric's `action`
/// section. A hit in a clause that is not an action does not count; it is
/// kept as suppressed with reason `not-an-action`, the rule and the words
/// that decided it.
///
/// Per sentence, first what holds for the whole sentence:
/// - `question`: it ends with a question mark;
/// - `statistic`: it opens with a figure: a `statistics` noun among its
///   first words before any finite verb (`13 procent van de werkgevers ...`,
///   a percent word after a number, or `N%`), in a clause that is not future;
/// - `label`: it names agendas (a meta-text subject) without a finite verb,
///   or counts them (`7. Inkoop en SROI  7/12 werkagenda's`); or it opens
///   with a codebook label (the codes' `label.nl`: `Training voor
///   begeleiders`) and has no finite verb of a main clause after it;
/// - `advice`: it holds the idiom `er` + an `advice` word + `aan` with an
///   `adviceVerbs` verb after or before it (`... er verstandig aan doen om
///   ...`, `Werkgevers doen er goed aan ...`);
/// - `study`: its first main clause has a study noun (`studyNouns`) as
///   subject, as inverted subject (`brengt dit rapport in kaart`) or as the
///   source (`Uit de enquête blijkt ...`, `sourcePrepositions`).
///
/// Then per main clause with a finite verb, where `subject` is the noun
/// phrase before the finite verb (outside prepositional phrases), else the
/// one after it, and a subject is *the author's* when it holds an `authors`
/// word (wij, onze, a sector noun) or a proper name, unless an indefinite
/// introduces it (`Een WSP is ...`):
/// - `advice`: addressed to the reader (second person or an imperative,
///   from the language layer; an `examples` imperative such as "Denk aan"
///   takes the decision of the sentence before); an `opinion` verb
///   (`We denken dat ...`, `raden we aan`); or an impersonal `het` with a
///   copula and an `advice` word (`Het is belangrijk om ...`, `Het helpt om`);
/// - `possibility`: a present `modals` verb (`kunnen`) with a subject that
///   is not the author's, not a bare plural and not one of the
///   `beneficiaries` (`kandidaten kunnen ... meedraaien`, `deze jongeren
///   kunnen ... aan het werk blijven` describe what an arrangement offers
///   the people it is for), or `zijn` + te + infinitive (`zijn in te zetten`; not existential,
///   not after an `infinitiveOpeners` word: `om`, `door ... af te splitsen`)
///   with a subject that is not the author's;
/// - `definition`: a present copula (`copulas`) without participle, not
///   existential (`er`), whose predicate is indefinite (`een`, `geen`), a
///   bare noun or a nominalised infinitive (`Functiecreatie is het afsplitsen
///   van taken`), with a subject that is not the author's; or an `explain`
///   verb (`betekent`, `houdt in`);
/// - `scheme`: a present active clause with a `schemes` noun (not inside a
///   prepositional phrase: `vragen over loonkostensubsidie`) and the rule
///   given per unit (`distributive`: `Per werkervaringsplaats stelt de
///   gemeente een premie beschikbaar`), unless its subject is the author in
///   person (wij, onze ...): a sector noun or a name may be someone else's.
/// A quoted clause (after an opening quote mark: a motto, a slogan) decides
/// nothing. A later main clause of the same sentence continues the first one's
/// decision unless its subject is the author's or it decides on its own.
/// The first main clause of a sentence whose subject opens with a demonstrative
/// (`Deze intermediaire organisaties hebben ...`), or that is in the generic
/// present (present tense, no time, not the author's subject, an agentless
/// passive or a bare plural subject: `Eenvoudige taken worden samengevoegd`),
/// takes the decision of the sentence before when that was a definition or a
/// possibility.
/// A subordinate clause takes the decision of the clause it depends on,
/// except that one reporting an event (past tense or perfect, not opened
/// by a `conditionals` word: `waarin ... is gekeken`) is an action again,
/// with the clauses after it. Leading subordinate clauses take the decision
/// of the main clause after them.
///
/// - `study` (research): a verb of the `research` list among the clause's
///   verbs (`We hebben eerder geschat dat ...`), or an `asking` verb with an
///   indirect question after it (`vroegen we hoeveel ...`): what is
///   estimated or asked is the topic of the author's research; the clauses
///   that depend on it keep that decision even when they are in the past.
///   An indirect question (opened by an `interrogatives` word) reports no
///   event.
///
/// Per hit, finally: a hit that is the topic of a study (a study noun, at
/// most four words without a noun, a `topicPrepositions` word, then the
/// hit, in one clause without a finite verb between: `onderzoek naar de
/// inkoop en SROI`, `een onderzoek uit te voeren naar`) is `study`.
struct ActionScope {
    /// The rule that decided a clause is not an action, and the words that show it (document offsets).
    struct Verdict: Equatable {
        enum Rule: String { case definition, advice, possibility, statistic, study, scheme, question, label }
        let rule: Rule
        let cueStart: Int
        let cueEnd: Int
    }

    /// `ActionList` numbers in the language cache's memos start here (the cycle checker's lists use 0..<32).
    static let listBase = 32

    let tokens: [Token]
    let analysis: PassageAnalysis
    let cache: LanguageCache
    let lists: ActionRubric
    /// The codebook's labels as folded words ("bestuurlijk", "commitment"): a line that only names a type.
    let labels: [[String]]
    /// The passage text indexed by scalar, its first offset, and the sentences with a meta-text subject (its hit).
    let text: ScalarIndexedText
    let base: Int
    let metaSubjects: [Int: PhraseMatcher.Hit]
    /// Sentences as ranges of clause indices, and each clause's sentence (index into `sentences`).
    private let sentences: [ClosedRange<Int>]
    private let sentenceOfClause: [Int]
    /// Decided lazily, a sentence at a time, when a hit in it first asks.
    private var clauseVerdicts: [Verdict?]
    private var decided: [Bool]
    private var firstVerdicts: [Verdict?]
    /// `subject(_:)` by clause index, once worked out: the decision asks it of the same clause up to four times
    /// (a class, so that the non-mutating rules can fill it in).
    private final class SubjectMemo {
        var subjects: [(tokens: [Int], before: Bool)?] = []
    }
    private let subjectMemo = SubjectMemo()

    init(tokens: [Token], analysis: PassageAnalysis, cache: LanguageCache, lists: ActionRubric, labels: [[String]] = [],
         text: ScalarIndexedText, base: Int, metaSubjects: [Int: PhraseMatcher.Hit]) {
        self.labels = labels
        self.tokens = tokens
        self.analysis = analysis
        self.cache = cache
        self.lists = lists
        self.text = text
        self.base = base
        self.metaSubjects = metaSubjects
        var sentences: [ClosedRange<Int>] = [], sentenceOfClause: [Int] = []
        sentenceOfClause.reserveCapacity(analysis.clauses.count)
        sentences.reserveCapacity(analysis.clauses.count)
        for (index, clause) in analysis.clauses.enumerated() {
            if let last = sentences.last, analysis.clauses[last.lowerBound].sentence == clause.sentence {
                sentences[sentences.count - 1] = last.lowerBound...index
            } else {
                sentences.append(index...index)
            }
            sentenceOfClause.append(sentences.count - 1)
        }
        self.sentences = sentences
        self.sentenceOfClause = sentenceOfClause
        clauseVerdicts = Array(filledWith: nil, count: analysis.clauses.count)
        decided = Array(filledWith: false, count: sentences.count)
        firstVerdicts = Array(filledWith: nil, count: sentences.count)
    }

    /// Why the hit is not an action of the author, if it is not.
    mutating func verdict(_ hit: PhraseMatcher.Hit) -> Verdict? {
        guard hit.first < analysis.words.count else { return nil }
        let clauseIndex = analysis.words[hit.first].clause
        guard clauseIndex < analysis.clauses.count else { return nil }
        decide(sentence: sentenceOfClause[clauseIndex])
        if let verdict = clauseVerdicts[clauseIndex] { return verdict }
        // The topic of a study: "onderzoek naar de inkoop van diensten en SROI".
        let clauseFirst = analysis.clauses[clauseIndex].first
        var j = hit.first - 1
        while j >= clauseFirst {
            if analysis.words[j].pos == .finiteVerb { break }
            if isIn(.topicPrepositions, j) {
                // The study noun a few words before the preposition, with no other noun between ("onderzoek uit te voeren naar").
                var k = j - 1
                while k >= clauseFirst, k >= j - 4 {
                    if analysis.words[k].pos == .noun {
                        if isIn(.studyNouns, k) { return Verdict(rule: .study, cueStart: tokens[k].start, cueEnd: tokens[j].end) }
                        break
                    }
                    k -= 1
                }
            }
            j -= 1
        }
        return nil
    }

    // MARK: Words

    @inline(__always)  // (half a million calls per MB; called from the mutating `verdict`, each call copied the whole scope)
    func isIn(_ list: ActionList, _ index: Int) -> Bool {
        let word = analysis.words[index]
        return isIn(list, id: word.lemma) || isIn(list, id: word.head) || isIn(list, id: word.form)
    }

    @inline(__always)  // (about a million calls per MB, most answered by `knownMembership`'s two loads)
    func isIn(_ list: ActionList, id: Int32) -> Bool {
        let ordinal = list.ordinal
        if let known = cache.knownMembership(id, of: Self.listBase + ordinal) { return known }
        return cache.isMember(id, of: Self.listBase + ordinal, lists.byOrdinal[ordinal])
    }

    private func isPronoun(_ index: Int) -> Bool {
        let classes = analysis.words[index].classes
        return (classes.contains(.subjectPronoun) || classes.contains(.demonstrative)) && !isDeterminer(index)
    }

    /// A demonstrative or article before a noun ("dit rapport"), not a pronoun ("Dat kan ...").
    private func isDeterminer(_ index: Int) -> Bool {
        let classes = analysis.words[index].classes
        guard classes.contains(.article) || classes.contains(.demonstrative) || classes.contains(.possessive) else { return false }
        let next = index + 1
        return next < analysis.words.count && analysis.words[next].clause == analysis.words[index].clause
            && [.noun, .properNoun, .other, .number].contains(analysis.words[next].pos)
    }

    private func isNominal(_ index: Int) -> Bool {
        let pos = analysis.words[index].pos
        return pos == .noun || pos == .properNoun || isPronoun(index)
    }

    /// The finite verb's lemma, a separable verb reunited ("raden ... aan" → aanraden).
    private func finiteLemma(_ clause: PassageAnalysis.Clause) -> Int32 {
        guard let finite = clause.finite else { return -1 }
        // (the slice's indices are the flat arrays' own)
        if let position = analysis.verbTokens(of: clause).firstIndex(of: finite) { return analysis.verbLemmas[position] }
        return analysis.words[finite].lemma
    }

    /// The subject: the nominal words before the finite verb outside prepositional phrases, else the noun
    /// phrase right after it (inversion). `before` tells which.
    private func subject(_ clause: PassageAnalysis.Clause) -> (tokens: [Int], before: Bool) {
        // (every clause asked about is one of the analysis's: its index is its first word's clause)
        let index = analysis.words[clause.first].clause
        if index < subjectMemo.subjects.count, let known = subjectMemo.subjects[index] { return known }
        let found = findSubject(clause)
        if subjectMemo.subjects.isEmpty { subjectMemo.subjects = Array(filledWith: nil, count: analysis.clauses.count) }
        if index < subjectMemo.subjects.count { subjectMemo.subjects[index] = found }
        return found
    }

    /// `subject(_:)` worked out.
    private func findSubject(_ clause: PassageAnalysis.Clause) -> (tokens: [Int], before: Bool) {
        guard let finite = clause.finite else { return ([], false) }
        // A main clause that resumes with its verb after an embedded clause has its subject before that clause:
        // "Schoolleiders en mentoren [die ... begeleiden], kunnen deelnemen aan een training".
        if finite == clause.first, !clause.isSubordinate, let index = analysis.clauses.firstIndex(where: { $0.first == clause.first }), index > 0 {
            var k = index - 1
            while k > 0, analysis.clauses[k].isSubordinate, analysis.clauses[k - 1].sentence == clause.sentence { k -= 1 }
            let head = analysis.clauses[k]
            if k < index - 1, head.sentence == clause.sentence, !head.isSubordinate, head.finite == nil {
                let nominals = subjectWords(head.first..<head.last + 1)
                if nominals.contains(where: { isNominal($0) }) { return (nominals, true) }
            }
        }
        var found = subjectWords(clause.first..<finite)
        if found.contains(where: { isNominal($0) }) { return (found, true) }
        found = []
        var j = finite + 1
        while j <= clause.last, j <= finite + 5 {
            let word = analysis.words[j]
            if word.classes.contains(.preposition) || word.pos.isVerbForm && !word.attributive { break }
            if isNominal(j) {
                found.append(j)
                break
            }
            if word.classes.contains(.possessive) { found.append(j) }
            j += 1
        }
        return (found, false)
    }

    /// The subject is the author, a sector or a named organisation; not when it is introduced by an indefinite
    /// ("Een WSP is een ...": any WSP).
    private func isAuthors(_ subject: [Int]) -> Bool {
        if let first = subject.first, first > 0, analysis.words[first - 1].clause == analysis.words[first].clause,
           isIn(.indefinites, first - 1) { return false }
        // (a name in brackets right after a noun is its abbreviation, no name of the subject: "Social return (SROI)
        // betekent ...")
        return subject.contains { i in
            isIn(.authors, i) || analysis.words[i].pos == .properNoun
                && !(analysis.words[i].afterBracket && i > 0 && analysis.words[i - 1].pos == .noun)
        }
    }

    /// The subject is the author in person: wij, ik, onze ... (not a sector noun or a name).
    private func isAuthorInPerson(_ subject: [Int]) -> Bool {
        subject.contains { i in
            isIn(.authors, i) && !analysis.words[i].classes.isDisjoint(with: [.subjectPronoun, .possessive, .objectPronoun])
        }
    }

    private func verdict(_ rule: Verdict.Rule, _ first: Int, _ last: Int) -> Verdict {
        Verdict(rule: rule, cueStart: tokens[min(first, last)].start, cueEnd: tokens[max(first, last)].end)
    }

    // MARK: The decision

    private mutating func decide(sentence: Int) {
        guard !decided[sentence] else { return }
        decided[sentence] = true
        let clauses = analysis.clauses
        let range = sentences[sentence]
        let end = range.upperBound
        if let sentenceVerdict = wholeSentence(range, text: text, base: base) {
            for c in range { clauseVerdicts[c] = sentenceVerdict }
            firstVerdicts[sentence] = sentenceVerdict
            return
        }
        // A fragment without a finite verb that opens with an `examples` word ("Bijvoorbeeld door het creëren van
        // stageplekken.") gives an example of the sentence before and takes its decision.
        if sentence > 0, isIn(.examples, clauses[range.lowerBound].first), !range.contains(where: { clauses[$0].finite != nil }) {
            decide(sentence: sentence - 1)
            if let before = firstVerdicts[sentence - 1] {
                for c in range { clauseVerdicts[c] = before }
                firstVerdicts[sentence] = before
            }
            return
        }
        // "Denk aan ..." takes the decision of the sentence before: decide that one first.
        var previous: Verdict?
        if sentence > 0, range.contains(where: { c in
            !clauses[c].isSubordinate && clauses[c].addressesReader && isIn(.examples, id: finiteLemma(clauses[c]))
        }) {
            decide(sentence: sentence - 1)
            previous = firstVerdicts[sentence - 1]
        }
        var first: Verdict?? = .none          // the first main clause's decision, once seen
        var main: Verdict?                    // the governing main clause's decision
        var current: Verdict?                 // what a subordinate clause takes
        var leading: [Int] = []
        for c in range {
            let clause = clauses[c]
            if isQuoted(clause, text: text, base: base) { continue }
            if !clause.isSubordinate, clause.finite != nil {
                var own = mainClause(clause, previous: previous, text: text, base: base)
                if own == nil, first != nil, !isAuthors(subject(clause).tokens) { own = main }
                // "Deze intermediaire organisaties hebben ...": a demonstrative subject after a definition or a possibility
                // goes on about the class it defined.
                // So does a sentence in the generic present ("... betekent het afsplitsen van taken. Eenvoudige taken worden
                // samengevoegd tot ...").
                if own == nil, first == nil, sentence > 0, pointsBack(clause) || isGeneric(clause) {
                    decide(sentence: sentence - 1)
                    if let before = firstVerdicts[sentence - 1], before.rule == .definition || before.rule == .possibility { own = before }
                }
                main = own
                current = own
                clauseVerdicts[c] = own
                for l in leading { clauseVerdicts[l] = own }
                leading = []
                if first == nil { first = .some(own) }
            } else if first == nil {
                // A leading subordinate clause depends on the main clause after it, and so does a fragment fronted
                // before a comma ("Net als bij de samenwerking ..., kan de sectorvertegenwoordiger ...").
                if clause.isSubordinate || c < end && endsWithComma(clause, text: text, base: base) { leading.append(c) }
            } else if clause.isSubordinate {
                // What research estimated or asked stays its topic, in the past too.
                if reportsEvent(clause), current?.rule != .study { current = nil }
                clauseVerdicts[c] = current
            } else {
                clauseVerdicts[c] = main
                current = main
            }
        }
        firstVerdicts[sentence] = first ?? nil
    }

    /// The clause's subject, before its finite verb, opens with a demonstrative determiner ("Deze organisaties").
    private func pointsBack(_ clause: PassageAnalysis.Clause) -> Bool {
        let (subject, before) = self.subject(clause)
        guard before, let noun = subject.first(where: { analysis.words[$0].pos == .noun }), let finite = clause.finite else { return false }
        // "Deze jobcoaches zetten we in": the fronted phrase is the object, the subject comes after the verb.
        if finite + 1 <= clause.last, analysis.words[finite + 1].classes.contains(.subjectPronoun) { return false }
        var k = noun - 1
        while k >= clause.first, analysis.words[k].pos == .other, analysis.words[k].classes.isEmpty { k -= 1 }
        return k >= clause.first && analysis.words[k].classes.contains(.demonstrative) && isDeterminer(k)
    }

    /// A clause in the generic present: present tense, no time, a subject that is not the author's, and an agentless
    /// passive or a bare plural subject ("Eenvoudige taken worden samengevoegd tot een of meerdere functies"). After a
    /// definition it goes on describing what was defined; a dated or the author's sentence does not ("In 2025 worden
    /// ...", "Wij bundelen ...").
    private func isGeneric(_ clause: PassageAnalysis.Clause) -> Bool {
        guard clause.tense == .present, !clause.isFuture, !clause.isPerfect, clause.finite != nil,
              !analysis.times.contains(where: { $0.first >= clause.first && $0.first <= clause.last }) else { return false }
        let (subject, before) = self.subject(clause)
        if isAuthors(subject) { return false }
        let agent = (clause.first...clause.last).contains { analysis.words[$0].form == cache.specials.door }
        // (or the impersonal "het" as its whole subject: "Het gaat dan meestal om ...")
        return clause.isPassive && !agent || isBarePlural(subject, before: before, clause)
            || subject.count == 1 && isIn(.impersonal, subject[0])
    }

    /// The subject opens with an indefinite article: "een opdrachtnemer" (generic in the present).
    private func hasIndefiniteSubject(_ clause: PassageAnalysis.Clause) -> Bool {
        let (subject, before) = self.subject(clause)
        guard let head = subject.first, let finite = clause.finite else { return false }
        let from = before ? subjectClauseStart(head, clause) : finite + 1
        guard head >= from else { return false }   // (never reversed now; a reversed range would trap)
        return (from..<head).contains { isIn(.indefinites, $0) }
    }

    /// A comma follows the clause's last word.
    private func endsWithComma(_ clause: PassageAnalysis.Clause, text: ScalarIndexedText, base: Int) -> Bool {
        let end = tokens[clause.last].end - base
        let next = clause.last + 1 < tokens.count ? tokens[clause.last + 1].start - base : text.count
        return text.slice(end, min(next, end + 4)).contains(",")
    }

    /// The clause opens right after a quote mark: words quoted, not the author's statement.
    private func isQuoted(_ clause: PassageAnalysis.Clause, text: ScalarIndexedText, base: Int) -> Bool {
        isQuoted(clause.first, text: text, base: base)
    }

    /// The word follows a quote mark ("onder het motto ‘Ontmoet je nieuwe collega’").
    private func isQuoted(_ token: Int, text: ScalarIndexedText, base: Int) -> Bool {
        let start = tokens[token].start - base
        let before = text.slice(max(0, start - 2), start + 1)
        // (a switch over the quote marks: the literal's scalar view was made anew for every scalar tested)
        return before.unicodeScalars.contains { scalar in
            switch scalar {
            case "‘", "“", "\"", "'", "„", "«": return true
            default: return false
            }
        }
    }

    /// A subordinate clause in the past or perfect that is not a condition: it reports what happened.
    private func reportsEvent(_ clause: PassageAnalysis.Clause) -> Bool {
        guard clause.finite != nil, clause.tense == .past || clause.isPerfect else { return false }
        return !(clause.opener >= 0 && (isIn(.conditionals, id: clause.opener) || isIn(.interrogatives, id: clause.opener)))
    }

    /// Decisions that hold for the whole sentence: a question, a statistic, a label naming agendas, a study.
    private func wholeSentence(_ range: ClosedRange<Int>, text: ScalarIndexedText, base: Int) -> Verdict? {
        let clauses = analysis.clauses
        let firstToken = clauses[range.lowerBound].first, lastToken = clauses[range.upperBound].last
        // A question: a question mark after the last word, before the next word.
        let after = lastToken + 1 < tokens.count ? tokens[lastToken + 1].start : base + text.count
        let tail = text.slice(tokens[lastToken].end - base, min(after, tokens[lastToken].end + 8) - base)
        if let mark = tail.unicodeScalars.firstIndex(of: "?") {
            let offset = tail.unicodeScalars.distance(from: tail.unicodeScalars.startIndex, to: mark)
            return Verdict(rule: .question, cueStart: tokens[lastToken].start, cueEnd: tokens[lastToken].end + offset + 1)
        }
        // (the earliest finite verb of the sentence's clauses, without an array of them)
        var firstFinite: Int?
        for c in range { if let finite = clauses[c].finite { firstFinite = min(firstFinite ?? finite, finite) } }
        // The advice idiom "er verstandig aan doen" / "doen er goed aan", wherever the clauses fall ("werkgevers die ... er
        // verstandig aan doen").
        if firstToken + 2 <= lastToken {
            for k in firstToken...(lastToken - 2) where analysis.words[k].form == cache.specials.er && isIn(.advice, k + 1)
                && tokens[k + 2].form == "aan" {
                if k + 3 <= lastToken, isIn(.adviceVerbs, k + 3) { return verdict(.advice, k, k + 3) }
                if k > firstToken, isIn(.adviceVerbs, k - 1) { return verdict(.advice, k - 1, k + 2) }
            }
        }
        // A statistic: a figure opens the sentence, before any finite verb.
        if !range.contains(where: { clauses[$0].isFuture }) {
            var k = firstToken
            while k <= min(lastToken, firstToken + 6), k < (firstFinite ?? Int.max) {
                let isNumber = tokens[k].isNumber || analysis.words[k].pos == .number
                if isNumber {
                    let next = text.slice(tokens[k].end - base, tokens[k].end - base + 2)
                    if next.hasPrefix("%") || next.hasPrefix(" %") { return verdict(.statistic, k, k) }
                }
                if isIn(.statistics, k), analysis.words[k].pos == .noun || analysis.words[k].pos == .other {
                    return verdict(.statistic, k > firstToken && (tokens[k - 1].isNumber || analysis.words[k - 1].pos == .number) ? k - 1 : k, k)
                }
                k += 1
            }
        }
        // A label: no finite verb, and it names agendas.
        if let meta = metaSubjects[tokens[firstToken].sentence],
           firstFinite == nil || meta.first > firstToken && (tokens[meta.first - 1].isNumber || analysis.words[meta.first - 1].pos == .number) {
            return verdict(.label, meta.first > firstToken ? meta.first - 1 : meta.first, meta.last)
        }
        // A codebook label without a verb of its own ("Training voor begeleiders", "Delen van goede voorbeelden (omdat ...)").
        do {
            var start = firstToken
            if start < lastToken, tokens[start].isNumber || tokens[start].form.utf8.count == 1
                || tokens[start].form.utf8.count <= 4 && tokens[start].form.unicodeScalars.count == 1 { start += 1 }
            for label in labels where !label.isEmpty && start + label.count - 1 <= lastToken {
                let end = start + label.count - 1
                // The words first: nearly every sentence is none of the labels.
                guard (0..<label.count).allSatisfy({ tokens[start + $0].form == label[$0] }) else { continue }
                // No finite verb of a main clause outside the label's words ("Samenwerken met partners ..." is the label).
                let verbOutside = range.contains { c in
                    !clauses[c].isSubordinate && clauses[c].finite.map { $0 < start || $0 > end } == true
                }
                if !verbOutside {
                    return verdict(.label, start, end)
                }
            }
        }
        // A study as subject or source of the first main clause.
        if let main = range.first(where: { !clauses[$0].isSubordinate && clauses[$0].finite != nil }).map({ clauses[$0] }),
           let finite = main.finite {
            var preposition: Int?
            // (a main clause resumed after an embedded one reads its fronted words before it: "Uit een rapport dat ... werd
            // gemaakt, blijkt dat ...")
            var i = main.first == finite ? clauses[range.lowerBound].first : main.first
            while i < finite {
                let word = analysis.words[i]
                if clauses[word.clause].isSubordinate { i += 1; continue }
                if word.classes.contains(.preposition) && !word.classes.contains(.subjectPronoun) {
                    preposition = i
                } else if word.pos == .noun || word.pos == .properNoun {
                    if isIn(.studyNouns, i), preposition.map({ isIn(.sourcePrepositions, $0) }) ?? true {
                        return verdict(.study, preposition ?? i, i)
                    }
                    preposition = nil
                }
                i += 1
            }
            let (subject, before) = self.subject(main)
            if !before, let noun = subject.first, analysis.words[noun].pos == .noun, isIn(.studyNouns, noun) {
                return verdict(.study, noun, noun)
            }
        }
        return nil
    }

    /// The decision of one main clause with a finite verb, or nil when it is (or may be) an action.
    private func mainClause(_ clause: PassageAnalysis.Clause, previous: Verdict?, text: ScalarIndexedText, base: Int) -> Verdict? {
        guard let finite = clause.finite else { return nil }
        let lemma = finiteLemma(clause)
        let words = analysis.words
        let present = clause.tense == .present && !clause.isPerfect && !clause.isFuture
        // Advice: the reader addressed, an opinion, an impersonal recommendation.
        if clause.addressesReader, !isQuoted(finite, text: text, base: base) {
            if isIn(.examples, id: lemma) { return previous }
            return verdict(.advice, finite, finite)
        }
        if isIn(.opinion, id: lemma) { return verdict(.advice, finite, finite) }
        // Research: the author estimates, counts, assumes, or asks a question.
        // (positions in the analysis's flat verb arrays: a slice keeps its base's indices)
        if let position = analysis.verbLemmas(of: clause).firstIndex(where: { isIn(.research, id: $0) }) {
            return verdict(.study, analysis.verbTokens[position], analysis.verbTokens[position])
        }
        if let position = analysis.verbLemmas(of: clause).firstIndex(where: { isIn(.asking, id: $0) }),
           let index = analysis.clauses.firstIndex(where: { $0.first == clause.last + 1 }),
           analysis.clauses[index].isSubordinate, analysis.clauses[index].opener >= 0,
           isIn(.interrogatives, id: analysis.clauses[index].opener) {
            return verdict(.study, analysis.verbTokens[position], analysis.clauses[index].first)
        }
        let impersonal = (finite - 1 >= clause.first && isIn(.impersonal, finite - 1))
            || (finite + 1 <= clause.last && isIn(.impersonal, finite + 1))
        if impersonal, present {
            if isIn(.advice, id: lemma) { return verdict(.advice, finite, finite) }
            if isIn(.copulas, id: lemma), finite < clause.last,
               let word = (finite + 1...clause.last).first(where: { isIn(.advice, $0) }) {
                return verdict(.advice, finite, word)
            }
        }
        let (subject, before) = self.subject(clause)
        let authors = isAuthors(subject)
        // (an attributive participle is an adjective: "De minst genoemde typen ... zijn ...")
        let participle = (clause.first...clause.last).contains { words[$0].pos == .participle && !words[$0].attributive }
        // A possibility: "kunnen" or "zijn ... te" + infinitive, with a subject that is not the author's.
        if clause.tense == .present, !clause.isFuture, !authors {
            if isIn(.modals, id: lemma), !isBarePlural(subject, before: before, clause),
               !subject.contains(where: { analysis.words[$0].pos == .noun && isIn(.beneficiaries, $0) }) {
                return verdict(.possibility, finite, finite)
            }
            let existential = (finite - 1 >= clause.first && isIn(.existential, finite - 1))
                || (finite + 1 <= clause.last && isIn(.existential, finite + 1))
            let te = cache.specials.te
            if isIn(.copulas, id: lemma), !participle, !existential, finite < clause.last,
               let marker = (finite + 1..<clause.last).first(where: { words[$0].form == te && words[$0 + 1].pos == .infinitive }),
               !(finite + 1..<marker).contains(where: { isIn(.infinitiveOpeners, $0) }) {
                return verdict(.possibility, finite, marker + 1)
            }
        }
        // A scheme: a scheme noun as a rule per unit, not of the author in person ("Per werkervaringsplaats stelt de
        // gemeente een premie beschikbaar").
        if present, !clause.isPassive, !participle, !isAuthorInPerson(subject),
           let scheme = outsidePhrases(clause).first(where: { words[$0].pos == .noun && isIn(.schemes, $0) }),
           (clause.first...clause.last).contains(where: { isIn(.distributive, $0) }) {
            return verdict(.scheme, scheme, scheme)
        }
        guard present, !authors else { return nil }
        // A definition: a copula with an indefinite or bare predicate; an explaining verb; an indefinite subject.
        if isIn(.explain, id: lemma) { return verdict(.definition, finite, finite) }
        // The generic present framed by a concept, a bare singular noun after the opening preposition: "Bij jobcarving
        // worden taken uit een bestaande functie gehaald en gebundeld" says how the method works, not what the author
        // does ("Bij vacatures wordt eerst gekeken ...", a plural, and "Bij Defensie ...", a name, are practice).
        // (the concept may take two words, "Bij social return krijgt een opdrachtnemer ...", none capitalised, no
        // determiner; an indefinite subject is generic too: "een opdrachtnemer")
        if clause.first + 1 < finite, finite <= clause.first + 3, words[clause.first].classes.contains(.preposition),
           words[finite - 1].pos == .noun, words[finite - 1].lemma == words[finite - 1].form, !isIn(.authors, finite - 1),
           finite == clause.first + 2 || (clause.first + 1..<finite).allSatisfy({ !words[$0].capitalised && !isDeterminer($0) && words[$0].pos != .number }),
           isGeneric(clause) || hasIndefiniteSubject(clause) {
            return verdict(.definition, clause.first, finite - 1)
        }
        // An activity named as a concept, a nominalised infinitive with its object as the subject ("Het proactief delen
        // van goede voorbeelden dient twee doeleinden", "is het vinden van een stageplek van groot belang"): the clause
        // explains or evaluates the activity, nobody does it (unless a verb of taking place, `action.occurrence`, reports
        // it: "Het delen van goede voorbeelden gebeurt via de nieuwsbrief").
        if !clause.isPassive, !isIn(.occurrence, id: lemma),
           let article = [clause.first, clause.first + 1, finite + 1].first(where: { k in
               k <= clause.last && k != finite && words[k].form == cache.specials.het
                   && (k != clause.first + 1 || tokens[clause.first].isNumber || cache.string(words[clause.first].form).utf8.count == 1)
           }),
           let activity = nominalisedInfinitive(after: article, in: clause), activity < clause.last,
           words[activity + 1].form == cache.specials.van,
           // (after the finite verb only behind a fronted adverbial, "Juist voor ... is het vinden van een stageplek van
           // groot belang"; after a subject it is the predicate: "De eerste stap is het opsplitsen van taken")
           activity < finite || (clause.first..<min(clause.first + 2, finite)).contains(where: { words[$0].classes.contains(.preposition) }) {
            return verdict(.definition, activity, activity)
        }
        if isIn(.copulas, id: lemma), !participle, !clause.isPassive, before, !subject.isEmpty,
           !(finite - 1 >= clause.first && isIn(.existential, finite - 1)),
           // (a purpose noun as subject, "Doel van het netwerk is ervaringen uitwisselen", says what a thing is for)
           !subject.contains(where: { analysis.words[$0].pos == .noun && isIn(.purposes, $0) }),
           let predicate = indefinitePredicate(clause, after: finite) {
            // A nominalised infinitive defines a concept named bare ("Functiecreatie is het afsplitsen van taken"), not a
            // step of the plan ("De eerste stap is het in kaart brengen van taken").
            // (from the start of the clause the subject stands in: "Eerst de vraag wie dat betaalt, is het delen van ...")
            if predicate.activity, let head = subject.first, (subjectClauseStart(head, clause)..<head).contains(where: { k in
                !analysis.words[k].classes.isDisjoint(with: [.article, .demonstrative, .possessive])
            }) { return nil }
            return verdict(.definition, finite, predicate.word)
        }
        return nil
    }

    /// The clause's words outside prepositional phrases ("... met vragen over loonkostensubsidie" leaves the subsidy out).
    private func outsidePhrases(_ clause: PassageAnalysis.Clause) -> [Int] { outsidePhrases(clause.first..<clause.last + 1) }

    /// A subject's words in `range`: nominals and possessive determiners outside prepositional phrases.
    private func subjectWords(_ range: Range<Int>) -> [Int] { outsidePhrases(range, subjectWordsOnly: true) }

    /// The words of `range` outside prepositional phrases; a phrase ends with its noun (the last of the nouns in a row).
    /// `subjectWordsOnly`: only the nominals and possessive determiners among them (`subjectWords`), kept as they are
    /// found rather than filtered from the whole list afterwards: one array, and none when there is none (about 80,000
    /// calls per MB).
    private func outsidePhrases(_ range: Range<Int>, subjectWordsOnly: Bool = false) -> [Int] {
        var result: [Int] = []
        if !subjectWordsOnly { result.reserveCapacity(range.count) }
        var inPhrase = false
        for i in range {
            let word = analysis.words[i]
            if word.classes.contains(.preposition) && !word.classes.contains(.subjectPronoun) {
                inPhrase = true
            } else if inPhrase {
                let nextIsNoun = i + 1 < range.upperBound && [.noun, .properNoun].contains(analysis.words[i + 1].pos)
                if (isNominal(i) || word.pos == .number) && !nextIsNoun { inPhrase = false }
            } else if !subjectWordsOnly || isNominal(i) || word.classes.contains(.possessive) && isDeterminer(i) {
                result.append(i)
            }
        }
        return result
    }

    /// Where a subject's clause starts: a subject before an embedded clause stands in the clause it opens, before this
    /// clause's first word ("Schoolleiders en mentoren [die ...], kunnen"); ranges up to the subject start there.
    private func subjectClauseStart(_ head: Int, _ clause: PassageAnalysis.Clause) -> Int {
        head < clause.first ? analysis.clauses[analysis.words[head].clause].first : clause.first
    }

    /// A plural noun without a determiner as subject ("kandidaten kunnen ..."):
    /// for a possibility the people an arrangement is for, not the generic reader of advice.
    private func isBarePlural(_ subject: [Int], before: Bool, _ clause: PassageAnalysis.Clause) -> Bool {
        guard let head = subject.first, analysis.words[head].pos == .noun,
              cache.string(analysis.words[head].form) != cache.string(analysis.words[head].lemma) else { return false }
        let from = before ? subjectClauseStart(head, clause) : max(clause.first, (clause.finite ?? head) + 1)
        return !(from..<head).contains { isDeterminer($0) || analysis.words[$0].classes.contains(.numeral) }
    }

    /// A nominalised infinitive after `het`, perhaps after one adverb: "het (proactief) delen van ...", read as a noun
    /// that is its own lemma and ends in -en.
    private func nominalisedInfinitive(after article: Int, in clause: PassageAnalysis.Clause) -> Int? {
        var k = article + 1
        if k < clause.last, analysis.words[k].pos == .other, analysis.words[k].classes.isEmpty { k += 1 }
        guard k <= clause.last else { return nil }
        return analysis.isInfinitiveForm(k, cache: cache) ? k : nil
    }

    /// The first word of an indefinite (`een`, `geen`) or bare-noun predicate after the copula, skipping adverbs and
    /// prepositional phrases, or the nominalised infinitive after `het` (`activity`); nil for a definite, pronominal,
    /// adjectival or verbal predicate, or an existential `er`.
    private func indefinitePredicate(_ clause: PassageAnalysis.Clause, after finite: Int) -> (word: Int, activity: Bool)? {
        var inPhrase = false
        var j = finite + 1
        while j <= clause.last {
            let word = analysis.words[j]
            let nextIsNoun = j + 1 <= clause.last && [.noun, .properNoun].contains(analysis.words[j + 1].pos)
            let nextIsNominal = nextIsNoun || j + 1 <= clause.last && analysis.words[j + 1].pos == .other
            if isIn(.existential, j) { return nil }
            if word.classes.contains(.preposition) && !word.classes.contains(.subjectPronoun) {
                inPhrase = true
            } else if inPhrase {
                // The phrase ends with its noun ("binnen het eigen departement": the last of the nouns in a row).
                if (isNominal(j) || word.pos == .number) && !nextIsNoun { inPhrase = false }
            } else if word.pos == .other && !nextIsNominal && word.classes.isEmpty {
                return nil   // an adjective as predicate: "zijn zelf verantwoordelijk voor ..."
            } else if isIn(.indefinites, j) {
                // "één van de vier sectorambassadeurs" names a member of a group, defines nothing
                if j + 1 <= clause.last, analysis.words[j + 1].form == cache.specials.van { return nil }
                return (j, false)
            } else if word.form == cache.specials.het, let activity = nominalisedInfinitive(after: j, in: clause) {
                return (activity, true)   // "is het afsplitsen van taken": the definition of an activity
            } else if word.classes.contains(.article) || word.classes.contains(.possessive) || word.classes.contains(.demonstrative)
                        || word.classes.contains(.subjectPronoun) || word.classes.contains(.objectPronoun) || word.pos == .properNoun
                        || word.pos.isVerbForm && !word.attributive {
                return nil
            } else if word.pos == .noun {
                return (j, false)
            }
            j += 1
        }
        return nil
    }
}
