/// Where a cycle element comes from. This file is the whole decision; its
/// cues live in the `cycle` section of `rubric.json`.
///
/// Per passage, after the same negation and meta-text rules as the coder
/// (`CueScope`):
/// - **measurable-goals**: a quantity (digits, percentage or number word;
///   not a year, not a background figure such as the national 25.000)
///   whose counted object (`goalObjects`, within `objectWindow` tokens) is
///   not jobs, in a sentence with target framing (a `future` cue or a year
///   after a `horizonWords` cue) and a clause that is not a report of the
///   past (`past` cue without a `future` cue).
/// - **jobs-target**: the same with a `jobObjects` object.
/// - **planning**: a time expression (a `time` cue, or a year after a
///   `horizonWords` cue; an agenda period such as 2023-2024 does not count)
///   in a clause that is not a report of the past.
/// - **monitoring**: in one sentence a goal cue, a realisation cue and a
///   quantity; or a follow-up of the previous agenda with a realisation cue;
///   or a realisation cue with two percentages; or a table row under a
///   header with goal and realisation columns. `partial` when only jobs are
///   compared, `present` when activities or the previous agenda's actions are.
/// - **problem-analysis**: a bottleneck cue is `partial`; with a remedy cue
///   after it in the same passage, or at the start of the next passage,
///   `present`.
/// - **board-signature**: a board cue and a signing cue in one sentence,
///   without a `notSigned` cue (a request to sign is not a signature).
///
/// Per agenda (see `AgendaCycle`): an element is `present` when a passage
/// has it present (planning: two passages), `partial` when only partial
/// passages (planning: one), otherwise `absent`.
public struct CycleChecker: Sendable {
    public let rubric: Rubric
    let cycle: CycleRubric
    let tokenizer: Tokenizer
    let matcher: PhraseMatcher
    let owners: [Owner]
    let scanner: QuantityScanner

    enum Owner: Sendable {
        case cue(CycleCue, term: String)
        case negation(Int)
        case negationException
        case metaSubject
        case metaVerb
    }

    public init?(rubric: Rubric) {
        guard let cycle = rubric.cycle else { return nil }
        self.rubric = rubric
        self.cycle = cycle
        tokenizer = rubric.tokenizer
        var matcher = PhraseMatcher(spellingVariants: rubric.spellingVariants)
        var owners: [Owner] = []
        for cue in CycleCue.allCases {
            for term in cycle.cues[cue] ?? [] {
                matcher.add(term)
                owners.append(.cue(cue, term: term))
            }
        }
        for (index, cue) in rubric.negationCues.enumerated() { matcher.add(cue.term); owners.append(.negation(index)) }
        for term in rubric.negationExceptions { matcher.add(term); owners.append(.negationException) }
        for term in rubric.metaSubjects { matcher.add(term); owners.append(.metaSubject) }
        for term in rubric.metaVerbs { matcher.add(term); owners.append(.metaVerb) }
        self.matcher = matcher
        self.owners = owners
        scanner = QuantityScanner(words: cycle.numberWords, percentWords: Set(cycle.percentWords))
    }

    // MARK: Passages

    /// What one passage shows, with the facts the agenda level needs.
    public struct PassageFindings: Sendable {
        public let passage: Passage
        public var elements: [CycleElement: CycleFinding] = [:]
        /// The first sentence starts with a remedy ("Daarom ..."), tying it to the passage before.
        var opensWithRemedy = false
        /// Header-row facts for tables.
        var hasGoalCue = false
        var hasRealisationCue = false
        var mentionsJobs = false
        var mentionsOtherObjects = false
        /// Numbers other than years (a table row needs two to compare).
        var numberCount = 0
    }

    /// Checks one passage. `referenceYear` is the first year of the agenda's
    /// period: a year before it marks a report of the past, a year from it on
    /// a horizon. Without it only the cue words decide.
    public func check(_ passage: Passage, referenceYear: Int? = nil) -> PassageFindings {
        check(passage, tokens: tokenizer.tokens(passage.text, base: passage.start), text: ScalarIndexedText(passage.text),
              referenceYear: referenceYear, cache: nil)
    }

    /// `tokens` and `text` (the passage text, indexed for slicing) as the coder had them.
    func check(_ passage: Passage, tokens: [Token], text indexed: ScalarIndexedText, referenceYear: Int?,
               cache: PhraseMatcher.Cache?) -> PassageFindings {
        var findings = PassageFindings(passage: passage)
        guard !tokens.isEmpty else { return findings }
        var scope = CueScope(tokens: tokens, rubric: rubric)
        let cueCount = CycleCue.allCases.count
        var raw = [[PhraseMatcher.Hit]](repeating: [], count: cueCount)
        var terms: [Int: String] = [:]
        for hit in matcher.match(tokens, cache: cache) {
            switch owners[hit.entry] {
            case .cue(let cue, let term):
                raw[cue.ordinal].append(hit)
                terms[hit.entry] = term
            case .negation(let index): scope.addCue(hit, scope: rubric.negationCues[index].scope)
            case .negationException: scope.addException(hit)
            case .metaSubject: scope.addMetaSubject(hit)
            case .metaVerb: scope.addMetaVerb(hit)
            }
        }
        scope.settle()
        // Per cue (indexed by `ordinal`): the hits that count, sorted by first
        // token, and indexes so that long passages stay linear: hits by
        // sentence, clauses with a hit.
        var hits = [[PhraseMatcher.Hit]](repeating: [], count: cueCount)
        var bySentence = [[Int: [PhraseMatcher.Hit]]](repeating: [:], count: cueCount)
        var clauses = [Set<Int>](repeating: [], count: cueCount)
        for cue in CycleCue.allCases where !raw[cue.ordinal].isEmpty {
            // Framing cues keep their place even under negation; content cues do not.
            let framing = cue == .future || cue == .past || cue == .horizonWords || cue == .notSigned
                || cue == .cause || cue == .shortfall
            let list = (framing ? raw[cue.ordinal].filter { !scope.isMetaText(sentence: tokens[$0.first].sentence) }
                                              : raw[cue.ordinal].filter { scope.blocker($0, lookingAhead: cue != .bottleneck) == nil })
                .sorted { $0.first < $1.first }
            hits[cue.ordinal] = list
            for hit in list {
                bySentence[cue.ordinal][tokens[hit.first].sentence, default: []].append(hit)
                clauses[cue.ordinal].insert(tokens[hit.first].clause)
                clauses[cue.ordinal].insert(tokens[hit.last].clause)
            }
        }
        func cueHits(_ cue: CycleCue) -> [PhraseMatcher.Hit] { hits[cue.ordinal] }
        func inSentence(_ cue: CycleCue, _ sentence: Int) -> [PhraseMatcher.Hit] { bySentence[cue.ordinal][sentence] ?? [] }
        func inClause(_ cue: CycleCue, _ clause: Int) -> Bool { clauses[cue.ordinal].contains(clause) }
        /// Hits of `cue` whose first token lies in `range` (hits are sorted by first token).
        func hitsStarting(_ cue: CycleCue, in range: ClosedRange<Int>) -> ArraySlice<PhraseMatcher.Hit> {
            let list = cueHits(cue)
            /// The first index whose hit starts at or after `position` (binary search, so an
            /// open-ended range costs log n, not a walk to the end).
            func firstIndex(from position: Int) -> Int {
                var low = 0, high = list.count
                while low < high {
                    let middle = (low + high) / 2
                    if list[middle].first < position { low = middle + 1 } else { high = middle }
                }
                return low
            }
            let low = firstIndex(from: range.lowerBound)
            let end = range.upperBound == Int.max ? list.count : max(low, firstIndex(from: range.upperBound + 1))
            return list[low..<end]
        }
        let quantities = scanner.scan(tokens, text: passage.text, base: passage.start)
        var pastYearClauses = Set<Int>(), futureYearSentences = Set<Int>()
        if let referenceYear {
            for quantity in quantities where quantity.kind == .year {
                if Int(quantity.value) < referenceYear {
                    pastYearClauses.insert(tokens[quantity.first].clause)
                } else {
                    futureYearSentences.insert(tokens[quantity.first].sentence)
                }
            }
        }
        /// A report of the past: a past cue or a year before the agenda's period, without a future cue
        /// ("wil eind 2024 150 banen hebben gerealiseerd ten opzichte van eind 2022" looks ahead).
        func isPast(clause: Int) -> Bool {
            (inClause(.past, clause) || pastYearClauses.contains(clause)) && !inClause(.future, clause)
        }
        /// "31 december", "1 juni": a day, not a count; "25,5 uur", "drie maanden": a duration.
        func isDay(_ quantity: Quantity) -> Bool {
            let next = (quantity.last + 1)...(quantity.last + 1)
            return !hitsStarting(.time, in: next).isEmpty || !hitsStarting(.durationUnits, in: next).isEmpty
        }
        func evidence(_ first: Int, _ last: Int, _ rule: String) -> CycleEvidence {
            let start = tokens[first].start, end = tokens[last].end
            return CycleEvidence(passage: passage.id, start: start, end: end,
                                 text: indexed.slice(start - passage.start, end - passage.start), rule: rule)
        }
        func add(_ element: CycleElement, _ status: CycleStatus, _ item: CycleEvidence) {
            // Mutated in place: a copy per append would make long passages quadratic.
            findings.elements[element, default: CycleFinding(status: status, evidence: [])].evidence.append(item)
            if status > findings.elements[element]!.status { findings.elements[element]!.status = status }
        }

        findings.numberCount = quantities.filter { $0.kind != .year }.count
        // Agenda periods ("2023-2024") are marked.
        var periodYears = Set<Int>()
        for (a, b) in zip(quantities, quantities.dropFirst()) where a.kind == .year && b.kind == .year && b.first == a.last + 1 {
            let gap = indexed.slice(tokens[a.last].end - passage.start, tokens[b.first].start - passage.start)
            if gap.trimmingWhitespace() == "-" || gap.trimmingWhitespace() == "–" || gap.trimmingWhitespace() == "/" {
                periodYears.insert(a.first)
                periodYears.insert(b.first)
            }
        }
        /// A year on the time line: "in 2025", "eind 2024", "uiterlijk 1 juni 2024".
        func horizonYears() -> [Quantity] {
            quantities.filter { quantity in
                guard quantity.kind == .year, !periodYears.contains(quantity.first) else { return false }
                let before = max(0, quantity.first - 3)
                let near = before...max(before, quantity.first - 1)
                return hitsStarting(.horizonWords, in: max(0, before - 4)...near.upperBound).contains { near.contains($0.last) }
                    || hitsStarting(.time, in: max(0, before - 4)...near.upperBound).contains { near.contains($0.last) }
            }
        }
        let horizons = horizonYears()
        let horizonSentences = Set(horizons.map { tokens[$0.first].sentence })
        /// Target framing: a future cue, or a year on the horizon (from the agenda's period on, when it is known).
        func hasFraming(sentence: Int) -> Bool {
            !inSentence(.future, sentence).isEmpty || futureYearSentences.contains(sentence)
                || (referenceYear == nil && horizonSentences.contains(sentence))
        }

        // Sentences that set a realisation against a goal report on the past: they set no new goals.
        let background = cycle.backgroundNumbers
        var monitoredSentences = Set<Int>()
        for quantity in quantities where quantity.kind != .year && !background.contains(quantity.value) {
            let sentence = tokens[quantity.first].sentence
            if !inSentence(.monitoringRealisation, sentence).isEmpty,
               !inSentence(.monitoringGoal, sentence).isEmpty || !inSentence(.monitoringFollowUp, sentence).isEmpty {
                monitoredSentences.insert(sentence)
            }
        }
        func isSignature(_ sentence: Int) -> Bool {
            !inSentence(.board, sentence).isEmpty && !inSentence(.signed, sentence).isEmpty
        }
        var jobQuantitySentences = Set<Int>(), goalQuantitySentences = Set<Int>()

        // Measurable goals and jobs targets.
        for quantity in quantities where quantity.kind != .year && !background.contains(quantity.value) && !isDay(quantity) {
            let token = tokens[quantity.first]
            if scope.blocker(PhraseMatcher.Hit(entry: -1, first: quantity.first, last: quantity.last)) != nil { continue }
            // "alle", "elke" (number words worth 1) after a preposition are no target: "openstaat voor alle collega's".
            if quantity.value == 1, !token.isNumber, quantity.first > 0,
               !hitsStarting(.prepositions, in: (quantity.first - 1)...(quantity.first - 1)).isEmpty { continue }
            let window = cycle.objectWindow
            func objectAfter(_ cue: CycleCue) -> PhraseMatcher.Hit? {
                hitsStarting(cue, in: (quantity.last + 1)...(quantity.last + window))
                    .first { tokens[$0.first].clause == token.clause }
            }
            func objectBefore(_ cue: CycleCue) -> PhraseMatcher.Hit? {
                guard quantity.kind == .percentage, quantity.first > 0 else { return nil }
                return hitsStarting(cue, in: max(0, quantity.first - window - 6)...(quantity.first - 1)).filter {
                    $0.last < quantity.first && $0.last >= quantity.first - window && tokens[$0.last].clause == token.clause
                }.max { $0.last < $1.last }
            }
            let duration = objectAfter(.durationUnits)
            let job = objectAfter(.jobObjects) ?? objectBefore(.jobObjects)
            let other = objectAfter(.goalObjects) ?? objectBefore(.goalObjects)
            if let duration, duration.first == quantity.last + 1 { continue }
            let isJob: Bool
            let object: PhraseMatcher.Hit
            switch (job, other) {
            case (nil, nil): continue
            case (let job?, nil): isJob = true; object = job
            case (nil, let other?): isJob = false; object = other
            case (let job?, let other?):
                // The nearer object is what is counted; jobs win a tie ("medewerkers uit de doelgroep").
                let jobDistance = job.first > quantity.last ? job.first - quantity.last : quantity.first - job.last
                let otherDistance = other.first > quantity.last ? other.first - quantity.last : quantity.first - other.last
                isJob = jobDistance <= otherDistance
                object = isJob ? job : other
            }
            if isJob { findings.mentionsJobs = true } else { findings.mentionsOtherObjects = true }
            if isJob { jobQuantitySentences.insert(token.sentence) } else { goalQuantitySentences.insert(token.sentence) }
            guard hasFraming(sentence: token.sentence), !isPast(clause: token.clause),
                  !monitoredSentences.contains(token.sentence), !isSignature(token.sentence) else { continue }
            let first = min(quantity.first, object.first), last = max(quantity.last, object.last)
            if isJob {
                add(.jobsTarget, .present, evidence(first, last, "quantity+jobs+target"))
            } else {
                add(.measurableGoals, .present, evidence(first, last, "quantity+object+target"))
            }
        }
        if !cueHits(.jobObjects).isEmpty { findings.mentionsJobs = true }
        if !cueHits(.goalObjects).isEmpty { findings.mentionsOtherObjects = true }

        // Planning: a time on the horizon tied to an activity; not a signature's date, not a bare jobs figure.
        var timeExpressions: [PhraseMatcher.Hit] = cueHits(.time)
        timeExpressions += horizons.map { PhraseMatcher.Hit(entry: -1, first: $0.first, last: $0.last) }
        for expression in timeExpressions.sorted(by: { $0.first < $1.first }) {
            let token = tokens[expression.first]
            if isPast(clause: token.clause) || !hasFraming(sentence: token.sentence) { continue }
            let sentence = token.sentence
            let activity = !inSentence(.activity, sentence).isEmpty || goalQuantitySentences.contains(sentence)
            if isSignature(sentence) || monitoredSentences.contains(sentence) { continue }
            if !activity { continue }
            if scope.blocker(expression) != nil { continue }
            add(.planning, .present, evidence(expression.first, expression.last, "time"))
            break
        }

        // Monitoring.
        findings.hasGoalCue = !cueHits(.monitoringGoal).isEmpty
        findings.hasRealisationCue = !cueHits(.monitoringRealisation).isEmpty
        var countsBySentence: [Int: [Quantity]] = [:]
        for quantity in quantities where quantity.kind != .year && !background.contains(quantity.value) && !isDay(quantity) {
            countsBySentence[tokens[quantity.first].sentence, default: []].append(quantity)
        }
        let sentences = Set(tokens.map(\.sentence)).sorted()
        for sentence in sentences {
            // A realisation looked forward to ("willen ... hebben gerealiseerd") is a target, not a check.
            let real = inSentence(.monitoringRealisation, sentence).filter { !inClause(.future, tokens[$0.first].clause) }
            guard let realisation = real.first else { continue }
            let goal = inSentence(.monitoringGoal, sentence)
            let followUp = inSentence(.monitoringFollowUp, sentence)
            let counts = countsBySentence[sentence] ?? []
            let percentages = counts.filter { $0.kind == .percentage }
            let compared = (!goal.isEmpty && !counts.isEmpty) || !followUp.isEmpty || percentages.count >= 2
            guard compared else { continue }
            // Present when activities are counted ("zes van de acht umc's", "vier bijeenkomsten") or the
            // previous agenda's actions are followed up; comparing jobs or percentages alone is partial.
            let countsActivities = counts.contains { quantity in
                hitsStarting(.goalObjects, in: (quantity.last + 1)...(quantity.last + cycle.objectWindow)).contains {
                    tokens[$0.first].sentence == sentence
                } && hitsStarting(.jobObjects, in: (quantity.last + 1)...(quantity.last + 1)).isEmpty
            }
            let activitiesOnly = !inSentence(.goalObjects, sentence).isEmpty && inSentence(.jobObjects, sentence).isEmpty
            let status: CycleStatus = (!followUp.isEmpty || countsActivities || activitiesOnly) ? .present : .partial
            let all = real + goal + followUp
            let first = min(all.map(\.first).min() ?? realisation.first, counts.map(\.first).min() ?? Int.max)
            let last = max(all.map(\.last).max() ?? realisation.last, counts.map(\.last).max() ?? 0)
            add(.monitoring, status, evidence(first, last, status == .present ? "goal-vs-realisation" : "jobs-vs-target"))
        }

        // Problem analysis.
        let remedies = cueHits(.remedy)
        if let firstSentence = tokens.first?.sentence, let remedy = remedies.first,
           tokens[remedy.first].sentence == firstSentence, remedy.first <= 2 {
            findings.opensWithRemedy = true
        }
        // A cause with a shortfall in one sentence names a bottleneck too ("bleef achter doordat ... geen ruimte").
        var bottlenecks = cueHits(.bottleneck)
        for cause in cueHits(.cause) where inSentence(.shortfall, tokens[cause.first].sentence).contains(where: { $0.first > cause.last }) {
            bottlenecks.append(cause)
        }
        for bottleneck in bottlenecks.sorted(by: { $0.first < $1.first }) {
            let sentence = tokens[bottleneck.first].sentence
            if let remedy = inSentence(.remedy, sentence).first ?? hitsStarting(.remedy, in: (bottleneck.last + 1)...Int.max).first {
                add(.problemAnalysis, .present, evidence(min(bottleneck.first, remedy.first), max(bottleneck.last, remedy.last),
                                                         "bottleneck+remedy"))
            } else {
                add(.problemAnalysis, .partial, evidence(bottleneck.first, bottleneck.last, "bottleneck"))
            }
        }

        // Board signature.
        for sentence in sentences {
            let boards = inSentence(.board, sentence), signs = inSentence(.signed, sentence)
            guard let board = boards.first, let sign = signs.first, inSentence(.notSigned, sentence).isEmpty else { continue }
            add(.boardSignature, .present, evidence(min(board.first, sign.first), max(board.last, sign.last), "board+signed"))
        }
        return findings
    }

    // MARK: Agendas

    /// The agenda's cycle from the findings of its passages (in order):
    /// what only neighbouring passages show, then the agenda's totals.
    func assemble(_ coded: CodedDocument, passages findings: [PassageFindings]) -> AgendaCycle {
        var passages = findings
        // A remedy that opens the next passage ties a bottleneck to the plan.
        for index in passages.indices.dropLast() where passages[index + 1].opensWithRemedy {
            if var finding = passages[index].elements[.problemAnalysis], finding.status == .partial {
                finding.status = .present
                finding.evidence = finding.evidence.map {
                    CycleEvidence(passage: $0.passage, start: $0.start, end: $0.end, text: $0.text, rule: "bottleneck+remedy-next")
                }
                passages[index].elements[.problemAnalysis] = finding
            }
        }
        // Goal-versus-realisation tables: rows under a header with both columns.
        var index = 0
        while index < passages.count {
            guard passages[index].passage.kind == .tableRow else { index += 1; continue }
            let header = passages[index]
            var end = index + 1
            while end < passages.count, passages[end].passage.kind == .tableRow { end += 1 }
            if header.hasGoalCue && header.hasRealisationCue {
                for row in (index + 1)..<end {
                    guard passages[row].numberCount >= 2 else { continue }
                    // Activities compared (bijeenkomsten, werkgevers) are monitoring; jobs alone are partial.
                    let activities = passages[row].mentionsOtherObjects || header.mentionsOtherObjects
                    let status: CycleStatus = activities ? .present : .partial
                    let passage = passages[row].passage
                    var finding = passages[row].elements[.monitoring] ?? CycleFinding(status: status, evidence: [])
                    finding.status = max(finding.status, status)
                    finding.evidence.append(CycleEvidence(passage: passage.id, start: passage.start, end: passage.end,
                                                          text: passage.text, rule: "goal-vs-realisation-table"))
                    passages[row].elements[.monitoring] = finding
                }
            }
            index = end
        }
        return AgendaCycle(passages: passages, breadth: coded.breadth)
    }

    /// The first year of the agenda's period: "2023-2024" in the title or a
    /// heading, else the first year in the title.
    static func referenceYear(_ document: Document) -> Int? {
        let lines = [document.title] + document.headings.map(\.text)
        for line in lines {
            let scalars = Array(line.unicodeScalars)
            var index = 0
            while index + 9 <= scalars.count {
                let window = String(String.UnicodeScalarView(scalars[index..<index + 9]))
                let parts = window.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "/" })
                if parts.count == 2, parts.allSatisfy({ $0.count == 4 && $0.allSatisfy(\.isNumber) }),
                   let first = Int(parts[0]), (1990...2099).contains(first) {
                    return first
                }
                index += 1
            }
        }
        let words = document.title.split(whereSeparator: { !$0.isNumber })
        return words.lazy.compactMap { Int($0) }.first { (1990...2099).contains($0) }
    }

}

// MARK: Results

public enum CycleElement: String, Sendable, CaseIterable, Codable, Comparable {
    case measurableGoals = "measurable-goals"
    case jobsTarget = "jobs-target"
    case planning
    case monitoring
    case problemAnalysis = "problem-analysis"
    case boardSignature = "board-signature"

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public enum CycleStatus: String, Sendable, Codable, Comparable {
    case absent, partial, present

    var rank: Int { self == .absent ? 0 : (self == .partial ? 1 : 2) }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    /// 0, 1/2 or 1.
    public var score: Double { Double(rank) / 2 }
}

public struct CycleEvidence: Sendable, Equatable, Codable {
    public let passage: String
    public let start: Int
    public let end: Int
    /// The words that made the finding.
    public let text: String
    /// Which rule fired, e.g. `quantity+object+target`.
    public let rule: String
}

public struct CycleFinding: Sendable, Equatable, Codable {
    public var status: CycleStatus
    public var evidence: [CycleEvidence]
}

/// Plan-do-check-act on paper for one agenda.
public struct AgendaCycle: Sendable {
    public let passages: [CycleChecker.PassageFindings]
    public let elements: [CycleElement: CycleFinding]
    public let phases: Phases

    public struct Phases: Sendable, Equatable, Codable {
        /// 1 with measurable goals and planning present; 1/2 when any of
        /// measurable goals, jobs target or planning is present or partial.
        public let plan: Double
        /// 1 with two or more action types; 1/2 with one.
        public let `do`: Double
        /// Monitoring: present 1, partial 1/2.
        public let check: Double
        /// Problem analysis: present 1, partial 1/2.
        public let act: Double
        public var completeness: Double { plan + `do` + check + act }
    }

    init(passages: [CycleChecker.PassageFindings], breadth: Int) {
        self.passages = passages
        var elements: [CycleElement: CycleFinding] = [:]
        for element in CycleElement.allCases {
            let found = passages.compactMap { $0.elements[element] }
            var status: CycleStatus = found.map(\.status).max() ?? .absent
            if element == .planning {
                status = found.count >= 2 ? .present : (found.count == 1 ? .partial : .absent)
            }
            elements[element] = CycleFinding(status: status, evidence: found.flatMap(\.evidence))
        }
        self.elements = elements
        let goals = elements[.measurableGoals]!.status, jobs = elements[.jobsTarget]!.status
        let planning = elements[.planning]!.status
        let plan: Double = goals == .present && planning == .present ? 1
            : ([goals, jobs, planning].contains { $0 != .absent } ? 0.5 : 0)
        phases = Phases(plan: plan, do: breadth >= 2 ? 1 : (breadth == 1 ? 0.5 : 0),
                        check: elements[.monitoring]!.status.score, act: elements[.problemAnalysis]!.status.score)
    }

    public func status(_ element: CycleElement) -> CycleStatus { elements[element]?.status ?? .absent }

    /// Ready to submit: measurable goals, planning, monitoring and problem analysis all present.
    public var isComplete: Bool {
        [.measurableGoals, .planning, .monitoring, .problemAnalysis].allSatisfy { status($0) == .present }
    }
}
