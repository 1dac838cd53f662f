/// Where a code comes from. This file is the whole decision:
///
/// 1. The passage is tokenized (folded words with their source ranges).
/// 2. One pass of the `PhraseMatcher` finds every rubric term: the codes'
///    patterns, exclusions, contexts, negation cues and meta-text cues.
/// 3. A code's hit does not count when
///    - a negation cue stands before it (within `negation.windowBefore`
///      tokens) or, for cues with scope `both`, after it (within
///      `negation.windowAfter`), in the same clause, unless the cue is part
///      of an exception such as "niet alleen";
///    - its sentence is meta-text: a meta subject ("werkagenda's", "de
///      studie") together with a meta verb ("genoemd", "ontbreekt");
///    - one of the code's `exclude` patterns matches in the same clause
///      (for `near` exclusions: the same sentence).
///    - its clause is not an action of the author (`ActionScope`, over the
///      language layer's clauses, with the rubric's `action` word lists): a
///      definition, advice to the reader, a possibility, a statistic, a
///      study or someone else's scheme;
/// 4. Each pattern that still matches adds its weight once; a `near`
///    pattern needs a term of each side within its window in one sentence;
///    a `context` pattern needs any of its context's terms in the passage.
///    The language-layer patterns read the passage's analysis instead of its
///    surface forms: a `lemma` word matches a token whose lemma, compound
///    head or reunited separable verb it is; a `clause` (`sentence`) pattern
///    needs a word of each of its lists in one clause of the language layer
///    (one sentence). Their hits go through the same checks as in step 3.
/// 5. The passage gets the code when the sum reaches the code's threshold
///    and at least one non-context pattern matched. The evidence is every
///    counted hit: the rubric term, the source words and their range.
public struct Coder: Sendable {
    public let rubric: Rubric
    let tokenizer: Tokenizer
    let matcher: PhraseMatcher
    let owners: [Owner]
    /// The language layer, for the "is this an action of the author?" decision (when the rubric has an `action` section).
    let analyzer: LanguageAnalyzer
    /// The codes' Dutch labels as folded words: a line that only names a type is no action.
    let labels: [[String]]
    /// Per code (rubric order), what `analyse` reads of it, without the label, advice and term lists it never
    /// reads: copying a whole `Rubric.Code` and its patterns per passage was a fifth of the coder's time.
    let plans: [CodePlan]
    /// Where each code's pattern (and exclusion) hits start in `analyse`'s array of hits per pattern side, by
    /// `code * 2 + list`: an array slot per side instead of a dictionary keyed by code, list, pattern and side.
    let slotBase: [Int]
    let slotCount: Int
    let contextCount: Int
    /// The words of the `lemma`, `clause` and `sentence` patterns, and what each belongs to.
    let lemmaWords: Set<String>
    let lemmaOwners: [String: [LemmaOwner]]
    /// The rubric terms and lemma words hits carry, each distinct string once: a hit holds its term's index here
    /// (`Located.term`), so copying hits copies no string.
    let termNames: [String]

    struct LemmaOwner: Sendable {
        let code: Int
        let list: PatternList
        let index: Int
        let side: Int
        /// The lemma word's index in `termNames`.
        let term: Int32
    }

    /// The language cache's list number of `lemmaWords` (beside `ActionScope`'s lists).
    static let lemmaList = 60

    enum PatternList: Sendable { case patterns, exclude }

    struct CodePlan: Sendable {
        let id: String
        let threshold: Double
        let patterns: [PatternPlan]
        let exclude: [PatternPlan]
    }

    struct PatternPlan: Sendable {
        enum Kind: Sendable { case terms, near(window: Int), context(Int), lemma, clause(sides: Int), sentence(sides: Int) }
        let kind: Kind
        let weight: Double
        let path: String
    }

    /// What a matcher entry belongs to.
    enum Owner: Sendable {
        case pattern(code: Int, list: PatternList, index: Int, side: Int, term: Int32)
        /// `context` is the position of the context's name in sorted order.
        case context(context: Int, term: Int32)
        case negation(cue: Int)
        case negationException
        case metaSubject
        case metaVerb
    }

    public init(rubric: Rubric) {
        self.rubric = rubric
        tokenizer = rubric.tokenizer
        var matcher = PhraseMatcher(spellingVariants: rubric.spellingVariants)
        var owners: [Owner] = []
        var lemmaOwners: [String: [LemmaOwner]] = [:]
        var termNames: [String] = [], termIndex: [String: Int32] = [:]
        func intern(_ term: String) -> Int32 {
            if let index = termIndex[term] { return index }
            let index = Int32(termNames.count)
            termNames.append(term)
            termIndex[term] = index
            return index
        }
        func add(_ term: String, _ owner: Owner) {
            matcher.add(term)
            owners.append(owner)
        }
        for (codeIndex, code) in rubric.codes.enumerated() {
            for (list, patterns) in [(PatternList.patterns, code.patterns), (.exclude, code.exclude)] {
                for (index, weighted) in patterns.enumerated() {
                    switch weighted.pattern {
                    case .terms(let terms):
                        for term in terms { add(term, .pattern(code: codeIndex, list: list, index: index, side: 0, term: intern(term))) }
                    case .near(let left, let right, _):
                        for term in left { add(term, .pattern(code: codeIndex, list: list, index: index, side: 0, term: intern(term))) }
                        for term in right { add(term, .pattern(code: codeIndex, list: list, index: index, side: 1, term: intern(term))) }
                    case .context:
                        break
                    case .lemmas, .clause, .sentence:
                        for (side, words) in weighted.pattern.lemmaSides.enumerated() {
                            for word in words {
                                lemmaOwners[word, default: []].append(LemmaOwner(code: codeIndex, list: list, index: index, side: side,
                                                                                 term: intern(word)))
                            }
                        }
                    }
                }
            }
        }
        self.lemmaOwners = lemmaOwners
        lemmaWords = Set(lemmaOwners.keys)
        let contexts = rubric.contexts.sorted(by: { $0.key < $1.key })
        for (position, (_, terms)) in contexts.enumerated() {
            for term in terms { add(term, .context(context: position, term: intern(term))) }
        }
        let contextPositions = Dictionary(uniqueKeysWithValues: contexts.enumerated().map { ($1.key, $0) })
        func plan(_ weighted: Rubric.WeightedPattern) -> PatternPlan {
            let kind: PatternPlan.Kind
            switch weighted.pattern {
            case .terms: kind = .terms
            case .near(_, _, let window): kind = .near(window: window)
            // A context the rubric does not define has no hits (position -1).
            case .context(let name): kind = .context(contextPositions[name] ?? -1)
            case .lemmas: kind = .lemma
            case .clause(let sides): kind = .clause(sides: sides.count)
            case .sentence(let sides): kind = .sentence(sides: sides.count)
            }
            return PatternPlan(kind: kind, weight: weighted.weight, path: weighted.path)
        }
        plans = rubric.codes.map { code in
            CodePlan(id: code.id, threshold: code.threshold, patterns: code.patterns.map(plan), exclude: code.exclude.map(plan))
        }
        contextCount = contexts.count
        // Each list reserves four slots per pattern (as the old key did: pattern * 4 + side) and room for more sides.
        var bases: [Int] = [], next = 0
        for plan in plans {
            for list in [plan.patterns, plan.exclude] {
                bases.append(next)
                let sides = list.map { pattern -> Int in
                    switch pattern.kind {
                    case .near: return 2
                    case .clause(let count), .sentence(let count): return count
                    default: return 1
                    }
                }
                next += list.count * 4 + (sides.max() ?? 0) + 4
            }
        }
        slotBase = bases
        slotCount = next
        for (index, cue) in rubric.negationCues.enumerated() { add(cue.term, .negation(cue: index)) }
        for term in rubric.negationExceptions { add(term, .negationException) }
        for term in rubric.metaSubjects { add(term, .metaSubject) }
        for term in rubric.metaVerbs { add(term, .metaVerb) }
        self.matcher = matcher
        self.owners = owners
        self.termNames = termNames
        analyzer = LanguageAnalyzer(lexicon: rubric.lexicon ?? .empty)
        labels = rubric.codes.map { code in rubric.tokenizer.tokens(code.label.nl).map(\.form) }
    }

    // MARK: Coding

    public func code(_ document: Document) -> CodedDocument {
        let cache = PhraseMatcher.Cache(), language = LanguageCache()
        let passages = document.passages.map {
            code($0, tokens: tokenizer.tokens($0.text, base: $0.start), text: ScalarIndexedText($0.text), cache: cache,
                 language: language)
        }
        return CodedDocument(document: document, passages: passages, rubric: rubric)
    }

    public func code(_ passage: Passage) -> CodedPassage {
        code(passage, tokens: tokenizer.tokens(passage.text, base: passage.start), text: ScalarIndexedText(passage.text),
             cache: nil, language: LanguageCache())
    }

    /// `tokens` and `text` (the passage text, indexed for slicing) are made
    /// once per passage and shared with the cycle checker, and so is the
    /// language layer's `analysis` when the caller has it (otherwise it is
    /// made here, only for a passage with hits).
    func code(_ passage: Passage, tokens: [Token], words: [Int32]? = nil, text: ScalarIndexedText, cache: PhraseMatcher.Cache?,
              analysis: PassageAnalysis? = nil, language: LanguageCache) -> CodedPassage {
        let result = analyse(tokens: tokens, hits: matcher.match(tokens, words: words, cache: cache), passage: passage, indexed: text,
                             analysis: analysis, language: language)
        return CodedPassage(passage: passage, codes: result.codes, suppressed: result.suppressed)
    }

    struct Located {
        let hit: PhraseMatcher.Hit
        /// Index into `termNames`.
        let term: Int32
    }

    /// The hits of each pattern side (a slot), in the order they were added: one array of hits and a chain of
    /// indices per slot, so a passage allocates no array per slot and hashes no key.
    struct SlotHits {
        /// Per slot, the index of its first and of its last hit (-1: none): one array, where two (the second a copy
        /// of the first) were made and filled per passage.
        private var ends: [(first: Int32, last: Int32)]
        /// Each hit with the index of the next hit of its slot (-1 after the last): one array, where two were made per passage.
        private var items: [(located: Located, next: Int32)] = []

        init(slots: Int, expected: Int) {
            ends = Array(filledWith: (-1, -1), count: slots)
            items.reserveCapacity(expected)
        }

        mutating func append(_ located: Located, to slot: Int) {
            let index = Int32(items.count)
            items.append((located, -1))
            if ends[slot].last < 0 { ends[slot].first = index } else { items[Int(ends[slot].last)].next = index }
            ends[slot].last = index
        }

        /// Walking one slot in place (`validOnes(slot:)`), without the array `subscript` makes: the first hit's index
        /// (-1: none), each hit, the index after it (-1 after the last) and the slot's count.
        func head(_ slot: Int) -> Int32 { ends[slot].first }
        func item(_ index: Int32) -> Located { items[Int(index)].located }
        func after(_ index: Int32) -> Int32 { items[Int(index)].next }
        func count(_ slot: Int) -> Int {
            var count = 0, index = ends[slot].first
            while index >= 0 { count += 1; index = items[Int(index)].next }
            return count
        }

        subscript(slot: Int) -> [Located] {
            var index = ends[slot].first
            guard index >= 0 else { return [] }
            var count = 0
            while index >= 0 { count += 1; index = items[Int(index)].next }
            index = ends[slot].first
            var found: [Located] = []
            found.reserveCapacity(count)
            while index >= 0 {
                found.append(items[Int(index)].located)
                index = items[Int(index)].next
            }
            return found
        }
    }

    private func analyse(tokens: [Token], hits: [PhraseMatcher.Hit], passage: Passage, indexed: ScalarIndexedText,
                         analysis given: PassageAnalysis?, language: LanguageCache)
        -> (codes: [CodeAssignment], suppressed: [SuppressedHit]) {
        guard !hits.isEmpty || !lemmaWords.isEmpty, !tokens.isEmpty else { return ([], []) }

        // Sort the hits by what they belong to.
        var scope = CueScope(tokens: tokens, rubric: rubric)
        // The context words' hits in hit order, each with its context: a few per passage, so one array, read per context
        // by filtering (an array per context, nearly all empty, was made and released for every passage).
        var contextHits: [(context: Int, located: Located)] = []
        // [code][list][pattern index][side] -> hits
        var patternHits = SlotHits(slots: slotCount, expected: hits.count)
        let slotBase = self.slotBase
        func key(_ code: Int, _ list: PatternList, _ index: Int, _ side: Int) -> Int {
            slotBase[code * 2 + (list == .patterns ? 0 : 1)] + index * 4 + side
        }
        // A code without a hit of its own patterns can get no code and no suppressed hit: it is skipped below.
        var hasPatternHit = [Bool](filledWith: false, count: rubric.codes.count)
        for hit in hits {
            switch owners[hit.entry] {
            case .pattern(let code, let list, let index, let side, let term):
                patternHits.append(Located(hit: hit, term: term), to: key(code, list, index, side))
                if list == .patterns { hasPatternHit[code] = true }
            case .context(let context, let term):
                contextHits.append((context, Located(hit: hit, term: term)))
            case .negation(let cue):
                scope.addCue(hit, scope: rubric.negationCues[cue].scope)
            case .negationException:
                scope.addException(hit)
            case .metaSubject:
                scope.addMetaSubject(hit)
            case .metaVerb:
                scope.addMetaVerb(hit)
            }
        }
        scope.settle()
        // Read-only from here: the nested functions below read it in place (a captured `var` was copied, with its
        // arrays retained, at every blocker call).
        let settled = scope

        // The language layer's reading: for the action decision, and for the lemma patterns of every passage.
        var analysisMade: PassageAnalysis? = given
        func analysis() -> PassageAnalysis {
            if let analysisMade { return analysisMade }
            let made = analyzer.analyze(tokens, text: passage.text, base: passage.start, referenceYear: nil, cache: language)
            analysisMade = made
            return made
        }
        // Language-layer hits: a token whose form, lemma, compound head or reunited separable verb is a pattern word.
        // A word's clause (language layer) per token, for `clause` patterns.
        // (by token, -1 for none; made at the first such token: most passages have none)
        var lemmaClause: [Int] = []
        if !lemmaWords.isEmpty {
            let read = analysis()
            var seen = Set<Int>()
            func consider(_ id: Int32, at position: Int) {
                guard id >= 0 else { return }
                if let known = language.knownMembership(id, of: Self.lemmaList) {
                    guard known else { return }
                } else {
                    guard language.isMember(id, of: Self.lemmaList, lemmaWords) else { return }
                }
                let word = language.string(id)
                for owner in lemmaOwners[word] ?? [] {
                    let slot = key(owner.code, owner.list, owner.index, owner.side)
                    // One hit per token and pattern side.
                    guard seen.insert(slot &* 65_536 &+ position).inserted else { continue }
                    patternHits.append(Located(hit: PhraseMatcher.Hit(entry: -1, first: position, last: position), term: owner.term),
                                       to: slot)
                    if owner.list == .patterns { hasPatternHit[owner.code] = true }
                    if lemmaClause.isEmpty { lemmaClause = [Int](filledWith: -1, count: tokens.count) }
                    lemmaClause[position] = read.words[position].clause
                }
            }
            for (position, word) in read.words.enumerated() where position < tokens.count {
                consider(word.lemma, at: position)
                if word.head != word.lemma { consider(word.head, at: position) }
                if word.form != word.lemma { consider(word.form, at: position) }
            }
            for clause in read.clauses {
                for (lemma, position) in zip(read.verbLemmas(of: clause), read.verbTokens(of: clause)) where position < tokens.count {
                    consider(lemma, at: position)
                }
            }
        }
        if hits.isEmpty && !hasPatternHit.contains(true) { return ([], []) }
        /// Where the words of a `clause` pattern must meet (their clause in the language layer) or of a
        /// `sentence` pattern (their sentence), for its hits and its exclusions alike.
        func meetingUnit(_ kind: PatternPlan.Kind) -> (Located) -> Int {
            if case .clause = kind { return { $0.hit.first < lemmaClause.count ? lemmaClause[$0.hit.first] : -1 } }
            return { tokens[$0.hit.first].sentence }
        }

        func words(_ hit: PhraseMatcher.Hit) -> (String, Int, Int) {
            let start = tokens[hit.first].start, end = tokens[hit.last].end
            return (indexed.slice(start - passage.start, end - passage.start), start, end)
        }

        // Is this an action of the author? Decided once per passage, when a hit first asks.
        var actionScope: ActionScope?
        func actionVerdict(_ hit: PhraseMatcher.Hit) -> ActionScope.Verdict? {
            guard let lists = rubric.action else { return nil }
            if actionScope == nil {
                actionScope = ActionScope(tokens: tokens, analysis: analysis(), cache: language, lists: lists, labels: labels, text: indexed,
                                          base: passage.start, metaSubjects: settled.metaSubjectsBySentence)
            }
            return actionScope!.verdict(hit)
        }

        /// Why a hit does not count, if it does not.
        func blocker(_ hit: PhraseMatcher.Hit) -> (reason: SuppressedHit.Reason, cue: String, rule: String?)? {
            switch settled.blocker(hit) {
            case nil:
                guard let verdict = actionVerdict(hit) else { return nil }
                return (.notAnAction, indexed.slice(verdict.cueStart - passage.start, verdict.cueEnd - passage.start),
                        verdict.rule.rawValue)
            case .negation(let cue): return (.negation, words(cue).0, nil)
            case .metaText(let subject, let verb): return (.metaText, words(subject).0 + " … " + words(verb).0, nil)
            }
        }

        var codes: [CodeAssignment] = []
        var suppressed: [SuppressedHit] = []
        struct SuppressedKey: Hashable { let code: Int, start: Int, end: Int }
        struct EvidenceKey: Hashable { let start: Int, end: Int, term: String }
        var suppressedKeys = Set<SuppressedKey>()
        for codeIndex in plans.indices where hasPatternHit[codeIndex] {
            let code = plans[codeIndex]
            // Clauses and sentences closed to this code by its exclusions.
            var excludedClauses = Set<Int>(), excludedSentences = Set<Int>()
            var exclusionCue: [Int: String] = [:]
            /// Every side of pattern `index` of `list` has a hit: else its words meet nowhere, and the sides' arrays
            /// need not be made (`together` of them is empty, and no hit of theirs is checked).
            func everySideHit(_ list: PatternList, _ index: Int, _ count: Int) -> Bool {
                for side in 0..<count where patternHits.head(key(codeIndex, list, index, side)) < 0 { return false }
                return true
            }
            for (index, weighted) in code.exclude.enumerated() {
                if case .clause(let count) = weighted.kind, !everySideHit(.exclude, index, count) { continue }
                if case .sentence(let count) = weighted.kind, !everySideHit(.exclude, index, count) { continue }
                let left = patternHits[key(codeIndex, .exclude, index, 0)]
                switch weighted.kind {
                case .terms, .lemma:
                    for located in left where settled.blocker(located.hit) == nil {
                        excludedClauses.insert(tokens[located.hit.first].clause)
                        exclusionCue[tokens[located.hit.first].clause] = words(located.hit).0
                    }
                case .near(let window):
                    let right = patternHits[key(codeIndex, .exclude, index, 1)]
                    for pair in nearPairs(left, right, window: window, tokens: tokens) {
                        excludedSentences.insert(tokens[pair.0.hit.first].sentence)
                        exclusionCue[-1 - tokens[pair.0.hit.first].sentence] = words(pair.0.hit).0 + " … " + words(pair.1.hit).0
                    }
                case .context:
                    break
                case .clause(let count), .sentence(let count):
                    let sides = [left] + (1..<count).map { patternHits[key(codeIndex, .exclude, index, $0)] }
                    let unit = meetingUnit(weighted.kind)
                    for group in together(sides, by: unit) {
                        excludedSentences.insert(tokens[group[0].hit.first].sentence)
                        exclusionCue[-1 - tokens[group[0].hit.first].sentence] = group.map { words($0.hit).0 }.joined(separator: " … ")
                    }
                }
            }
            func valid(_ located: Located) -> Bool {
                let token = tokens[located.hit.first]
                var reason: (SuppressedHit.Reason, String, String?)?
                if excludedClauses.contains(token.clause) {
                    reason = (.exclusion, exclusionCue[token.clause] ?? "", nil)
                } else if excludedSentences.contains(token.sentence) {
                    reason = (.exclusion, exclusionCue[-1 - token.sentence] ?? "", nil)
                } else if let blocked = blocker(located.hit) {
                    reason = blocked
                }
                guard let reason else { return true }
                let (text, start, end) = words(located.hit)
                guard suppressedKeys.insert(SuppressedKey(code: codeIndex, start: start, end: end)).inserted else { return false }
                suppressed.append(SuppressedHit(code: code.id, term: termNames[Int(located.term)], text: text, start: start, end: end,
                                                reason: reason.0, cue: reason.1, rule: reason.2))
                return false
            }
            /// The valid ones of `hits`, in order. `valid` is called directly: passed to `filter` as a closure, it
            /// captured a copy of the whole coder (its rubric, analyzer, ...) at every call, a tenth of an audit's time
            /// in swift_retain/release.
            func validOnes(_ hits: [Located]) -> [Located] {
                var kept: [Located] = []
                kept.reserveCapacity(hits.count)
                for located in hits where valid(located) { kept.append(located) }
                return kept
            }
            /// `validOnes(patternHits[slot])`, walking the slot's chain in place (the same hits in the same order, so
            /// `valid` records the same suppressed hits), and allocating only when one is valid.
            func validOnes(slot: Int) -> [Located] {
                var kept: [Located] = []
                var index = patternHits.head(slot)
                while index >= 0 {
                    let located = patternHits.item(index)
                    if valid(located) {
                        if kept.isEmpty { kept.reserveCapacity(patternHits.count(slot)) }
                        kept.append(located)
                    }
                    index = patternHits.after(index)
                }
                return kept
            }
            /// `valid` of each hit of the slot, in order, for the suppressed hits it records.
            func checkOnly(slot: Int) {
                var index = patternHits.head(slot)
                while index >= 0 {
                    _ = valid(patternHits.item(index))
                    index = patternHits.after(index)
                }
            }

            var score = 0.0
            var matchedNonContext = false
            var evidence: [Evidence] = []
            var evidenceKeys = Set<EvidenceKey>()
            for (index, weighted) in code.patterns.enumerated() {
                var found: [Located] = []
                var role = Evidence.Role.term
                switch weighted.kind {
                case .terms:
                    found = validOnes(slot: key(codeIndex, .patterns, index, 0))
                case .near(let window):
                    let leftSlot = key(codeIndex, .patterns, index, 0), rightSlot = key(codeIndex, .patterns, index, 1)
                    // A side without hits pairs nothing: the other side's hits are only checked (`valid` records the
                    // same suppressed hits in the same order), and no array of either side is made.
                    if patternHits.head(leftSlot) < 0 || patternHits.head(rightSlot) < 0 {
                        checkOnly(slot: leftSlot)
                        checkOnly(slot: rightSlot)
                        break
                    }
                    let left = validOnes(slot: leftSlot)
                    let right = validOnes(slot: rightSlot)
                    for pair in nearPairs(left, right, window: window, tokens: tokens) {
                        found.append(pair.0)
                        found.append(pair.1)
                    }
                case .context(let context):
                    found = context >= 0 ? contextHits.filter { $0.context == context }.map(\.located) : []
                    role = .context
                case .lemma:
                    found = validOnes(slot: key(codeIndex, .patterns, index, 0))
                case .clause(let count), .sentence(let count):
                    guard everySideHit(.patterns, index, count) else { break }
                    let unit = meetingUnit(weighted.kind)
                    // Only where the words meet at all are their hits checked (and suppressed ones kept): a lone
                    // "functie" is no hit of a pattern that needs "taak" and "losknippen" beside it.
                    let raw = (0..<count).map { patternHits[key(codeIndex, .patterns, index, $0)] }
                    let meeting = together(raw, by: unit)
                    guard !meeting.isEmpty else { break }
                    found = together(validOnes(meeting.flatMap { $0 }).reduce(into: [[Located]](repeating: [], count: count)) { sides, located in
                        for side in 0..<count where raw[side].contains(where: { $0.hit.first == located.hit.first && $0.term == located.term }) {
                            sides[side].append(located)
                        }
                    }, by: unit).flatMap { $0 }
                }
                guard !found.isEmpty else { continue }
                score += weighted.weight
                if role == .term { matchedNonContext = true }
                for located in found {
                    let (text, start, end) = words(located.hit)
                    let item = Evidence(term: termNames[Int(located.term)], text: text, start: start, end: end,
                                        pattern: weighted.path, weight: weighted.weight, role: role)
                    // A few items are compared directly; past that, their keys go into a set (hashing a term costs more).
                    let isNew: Bool
                    if evidence.count < 16 {
                        isNew = !evidence.contains { $0.start == item.start && $0.end == item.end && $0.term == item.term }
                    } else {
                        if evidenceKeys.isEmpty {
                            for old in evidence { evidenceKeys.insert(EvidenceKey(start: old.start, end: old.end, term: old.term)) }
                        }
                        isNew = evidenceKeys.insert(EvidenceKey(start: item.start, end: item.end, term: item.term)).inserted
                    }
                    if isNew {
                        // (room for a few at the first: the array grew one, two, four items at a time)
                        if evidence.isEmpty { evidence.reserveCapacity(8) }
                        evidence.append(item)
                    }
                }
            }
            if matchedNonContext, score + 1e-9 >= code.threshold {
                // Keep the longest words: "job-carving" makes "carving" redundant.
                // Sorted by start, longest first, an item inside an earlier longer one of its role is dropped.
                evidence.sort { ($0.start, $1.end) < ($1.start, $0.end) }
                // Per role (term, context), the reach so far: two slots, not a dictionary.
                var reach: [(start: Int, end: Int)?] = [nil, nil]
                var kept: [Evidence] = []
                kept.reserveCapacity(evidence.count)
                for item in evidence {
                    let slot = item.role == .term ? 0 : 1
                    if let covering = reach[slot], item.end <= covering.end,
                       (covering.end - covering.start) > (item.end - item.start) { continue }
                    if item.end > (reach[slot]?.end ?? -1) { reach[slot] = (item.start, item.end) }
                    kept.append(item)
                }
                evidence = kept
                evidence.sort { ($0.start, $0.end) < ($1.start, $1.end) }
                codes.append(CodeAssignment(code: code.id, score: score, evidence: evidence))
            }
        }
        return (codes, suppressed)
    }

    /// The hits of every side that share a unit (a clause or a sentence, by `unit`) with a hit of each other
    /// side: one group per such unit, the hits of all sides in it. A token that is a hit of two sides does not
    /// count for both ("taak" alone is not "taak" + "taak").
    private func together(_ sides: [[Located]], by unit: (Located) -> Int) -> [[Located]] {
        guard !sides.isEmpty, sides.allSatisfy({ !$0.isEmpty }) else { return [] }
        var units: Set<Int>? = nil
        for side in sides {
            let here = Set(side.map(unit).filter { $0 >= 0 })
            units = units.map { $0.intersection(here) } ?? here
        }
        var groups: [[Located]] = []
        for value in (units ?? []).sorted() {
            let members = sides.map { $0.filter { unit($0) == value } }
            // Distinct tokens across the sides: each side needs a token of its own.
            let positions = Set(members.flatMap { $0.map(\.hit.first) })
            guard positions.count >= sides.count else { continue }
            groups.append(members.flatMap { $0 })
        }
        return groups
    }

    /// Pairs of a left and a right hit within `window` tokens in one sentence.
    /// Right hits are sorted once, so each left hit looks only at its window.
    private func nearPairs(_ left: [Located], _ right: [Located], window: Int, tokens: [Token]) -> [(Located, Located)] {
        guard !left.isEmpty, !right.isEmpty else { return [] }
        let sortedRight = right.sorted { $0.hit.first < $1.hit.first }
        var pairs: [(Located, Located)] = []
        for a in left {
            // The first right hit that could be in the window: first >= a.first - window - longest phrase.
            var low = 0, high = sortedRight.count
            let from = a.hit.first - window - 8
            while low < high {
                let middle = (low + high) / 2
                if sortedRight[middle].hit.first < from { low = middle + 1 } else { high = middle }
            }
            var index = low
            while index < sortedRight.count, sortedRight[index].hit.first <= a.hit.last + window {
                let b = sortedRight[index]
                index += 1
                guard tokens[a.hit.first].sentence == tokens[b.hit.first].sentence else { continue }
                if a.hit.first <= b.hit.last && b.hit.first <= a.hit.last { continue }
                let gap = a.hit.last < b.hit.first ? b.hit.first - a.hit.last : a.hit.first - b.hit.last
                if gap <= window { pairs.append((a, b)) }
            }
        }
        return pairs
    }
}

// MARK: Results

/// A word or phrase that made a code: the rubric term and the exact source words.
public struct Evidence: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Codable { case term, context }
    /// The rubric term as written, e.g. `werkgeversservicepunt*`.
    public let term: String
    /// The words in the document, e.g. `werkgeversservicepunten`.
    public let text: String
    public let start: Int
    public let end: Int
    /// JSON path of the pattern in the rubric, e.g. `codes[1].patterns[0]`.
    public let pattern: String
    public let weight: Double
    public let role: Role
}

public struct CodeAssignment: Sendable, Equatable, Codable {
    public let code: String
    public let score: Double
    public let evidence: [Evidence]
}

/// A hit that did not count, and why: kept so a researcher can see it.
public struct SuppressedHit: Sendable, Equatable, Codable {
    public enum Reason: String, Sendable, Codable {
        case negation
        case metaText = "meta-text"
        case exclusion
        /// Not an action of the author: a definition, advice, a possibility, a statistic, a study, a scheme (`rule`).
        case notAnAction = "not-an-action"
    }
    public let code: String
    public let term: String
    public let text: String
    public let start: Int
    public let end: Int
    public let reason: Reason
    /// The words that caused it ("geen", "werkagendas … genoemd", "is een").
    public let cue: String
    /// For `not-an-action`: which rule decided (`definition`, `advice`, `possibility`, `statistic`, `study`,
    /// `scheme`, `question`, `label`); nil for the other reasons.
    public var rule: String? = nil
}

public struct CodedPassage: Sendable {
    public let passage: Passage
    public let codes: [CodeAssignment]
    public let suppressed: [SuppressedHit]
}

public struct CodedDocument: Sendable {
    public let document: Document
    public let passages: [CodedPassage]
    /// The action types present, in rubric order.
    public let actionTypes: [String]

    public init(document: Document, passages: [CodedPassage], rubric: Rubric) {
        self.document = document
        self.passages = passages
        let present = Set(passages.flatMap { $0.codes.map(\.code) })
        actionTypes = rubric.codes.map(\.id).filter(present.contains)
    }

    /// A document whose coded passages were handed off as they were done (`Pipeline.audit(_:workers:splitAt:handOff:)`):
    /// `passages` is empty, `actionTypes` those of all of them.
    init(document: Document, passages: [CodedPassage], actionTypes: [String]) {
        self.document = document
        self.passages = passages
        self.actionTypes = actionTypes
    }

    /// The number of distinct action types, 0 to 12.
    public var breadth: Int { actionTypes.count }
}

extension Passage {
    /// Characters of the passage text by scalar offsets relative to the passage.
    func slice(_ start: Int, _ end: Int) -> String { text.scalarSlice(start, end) }
}
