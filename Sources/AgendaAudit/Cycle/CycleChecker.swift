/// Where a cycle element comes from: the rules are in `CycleRules.swift`,
/// one per element, over the language layer's reading of the passage; their
/// cues (term lists and `lemmas`) live in the `cycle` section of
/// `rubric.json`. This file gathers a passage's inputs for the rules (cue
/// hits after the coder's negation and meta-text scope, the analysis, the
/// counted quantities) and assembles the agenda: what only neighbouring
/// passages show (a remedy opening the next passage, goal-versus-realisation
/// tables), then per element `present` when a passage has it present
/// (planning: two dated activities), `partial` when only partial passages
/// (planning: one), otherwise `absent` (see `AgendaCycle`).
public struct CycleChecker: Sendable {
    public let rubric: Rubric
    let cycle: CycleRubric
    let tokenizer: Tokenizer
    let matcher: PhraseMatcher
    let owners: [Owner]
    let scanner: QuantityScanner
    let analyzer: LanguageAnalyzer
    /// `cycle.lemmas` by `CycleLemmas.ordinal`.
    let lemmaLists: [Set<String>?]
    /// Per word of `lemmaLists`, a bit per list that holds it (`LanguageCache.listMasks`).
    let lemmaMasks: [String: UInt64]

    enum Owner: Sendable {
        case cue(CycleCue)
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
                owners.append(.cue(cue))
            }
        }
        for (index, cue) in rubric.negationCues.enumerated() { matcher.add(cue.term); owners.append(.negation(index)) }
        for term in rubric.negationExceptions { matcher.add(term); owners.append(.negationException) }
        for term in rubric.metaSubjects { matcher.add(term); owners.append(.metaSubject) }
        for term in rubric.metaVerbs { matcher.add(term); owners.append(.metaVerb) }
        self.matcher = matcher
        self.owners = owners
        scanner = QuantityScanner(words: cycle.numberWords, percentWords: Set(cycle.percentWords), placeholders: Set(cycle.placeholders))
        analyzer = LanguageAnalyzer(lexicon: rubric.lexicon ?? .empty)
        lemmaLists = CycleLemmas.allCases.map { cycle.lemmas[$0] }
        lemmaMasks = LanguageCache.listMasks(lemmaLists)
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
        /// The figures the passage states as goals or as results looking back, with what they count (for `compare`).
        public var statements: [CountStatement] = []
        /// A table row's counted cells (`column` set), for the goal-versus-realisation tables of `assemble`.
        var cells: [CountStatement] = []
    }

    /// Checks one passage. `referenceYear` is the first year of the agenda's
    /// period: a time before it marks a report of the past, a time from it on
    /// a horizon. Without it tense and intent decide.
    /// `written` (a month, `year * 12 + month - 1`) is the document's own date when it names no period: a time up to
    /// that month is the past.
    public func check(_ passage: Passage, referenceYear: Int? = nil, written: Int? = nil) -> PassageFindings {
        check(passage, tokens: tokenizer.tokens(passage.text, base: passage.start), text: ScalarIndexedText(passage.text),
              referenceYear: referenceYear, written: written, cache: nil, language: LanguageCache())
    }

    /// `tokens` and `text` (the passage text, indexed for slicing) as the coder had them.
    /// `words`, when given, are the tokens' ids in `language` (and `cache` is read by them).
    func check(_ passage: Passage, tokens: [Token], words: [Int32]? = nil, text indexed: ScalarIndexedText, referenceYear: Int?,
               written: Int? = nil, cache: PhraseMatcher.Cache?, language: LanguageCache, analysis given: PassageAnalysis? = nil) -> PassageFindings {
        var findings = PassageFindings(passage: passage)
        guard !tokens.isEmpty else { return findings }
        var scope = CueScope(tokens: tokens, rubric: rubric)
        let cueCount = CycleCue.allCases.count
        let found = matcher.match(tokens, words: words, cache: cache)
        for hit in found {
            switch owners[hit.entry] {
            case .cue: break
            case .negation(let index): scope.addCue(hit, scope: rubric.negationCues[index].scope)
            case .negationException: scope.addException(hit)
            case .metaSubject: scope.addMetaSubject(hit)
            case .metaVerb: scope.addMetaVerb(hit)
            }
        }
        scope.settle()
        // Framing cues keep their place even under negation; content cues do not. The cue hits are read in a second
        // pass over the matcher's hits, once the scope is settled, each kept or not as it comes (in the matcher's order,
        // as before): no array per cue of all its hits to filter afterwards.
        var hits = [[PhraseMatcher.Hit]](filledWith: [], count: cueCount)
        for hit in found {
            guard case .cue(let cue) = owners[hit.entry] else { continue }
            let framing = cue == .future || cue == .past || cue == .notSigned || cue == .cause || cue == .bottleneck
            if framing ? !scope.isMetaText(sentence: tokens[hit.first].sentence) : scope.blocker(hit) == nil {
                hits[cue.ordinal].append(hit)
            }
        }
        for ordinal in hits.indices where hits[ordinal].count > 1 {
            // (sorted in place: the same algorithm and order as `sorted`, without a second array)
            hits[ordinal].sort { $0.first < $1.first }
        }
        var analysis = given ?? analyzer.analyze(tokens, words: words, text: passage.text, base: passage.start, referenceYear: referenceYear,
                                                 cache: language)
        let quantities = scanner.scan(tokens, words: words, cache: language, text: indexed, base: passage.start)
        analysis.quantities = QuantityBinder(specials: language.specials).bind(quantities, tokens: tokens, analysis: analysis)
        let context = Context(passage: passage, tokens: tokens, analysis: analysis, cache: language, referenceYear: referenceYear,
                              written: written, hits: hits, scope: scope, lemmas: lemmaMasks)

        func add(_ element: CycleElement, _ status: CycleStatus, _ first: Int, _ last: Int, _ rule: String) {
            let start = tokens[first].start, end = tokens[last].end
            let item = CycleEvidence(passage: passage.id, start: start, end: end,
                                     text: indexed.slice(start - passage.start, end - passage.start), rule: rule)
            // Mutated in place: a copy per append would make long passages quadratic.
            findings.elements[element, default: CycleFinding(status: status, evidence: [])].evidence.append(item)
            if status > findings.elements[element]!.status { findings.elements[element]!.status = status }
        }
        let monitored = monitoring(context, add: add)
        /// A counted figure with what it counts and when: the times of its own clause ("In 2023 en 2024 zijn 31
        /// begeleiders opgeleid": 2023-2024), else the sentence's first time.
        func statement(_ isGoal: Bool, _ quantity: CountedQuantity, _ kind: Counted, column: Int? = nil) -> CountStatement {
            let sentence = tokens[quantity.quantity.first].sentence
            let own = context.times(context.analysis.words[quantity.quantity.first].clause)
            let horizon: ClosedRange<Int>? = own.isEmpty
                ? context.clauses(ofSentence: sentence).lazy.flatMap { context.times($0) }.first.map { $0.startMonth...$0.endMonth }
                : own.map(\.startMonth).min()!...own.map(\.endMonth).max()!
            let start = tokens[quantity.quantity.first].start, end = tokens[quantity.last].end
            return CountStatement(
                isGoal: isGoal, value: quantity.quantity.value, isPercentage: quantity.quantity.kind == .percentage, countsJobs: kind == .jobs,
                object: language.string(quantity.lemma), head: language.string(quantity.head),
                horizon: horizon, passage: passage.id, start: start, end: end,
                text: indexed.slice(start - passage.start, end - passage.start),
                column: column, restatesGoal: !isGoal && earlierGoal(sentence, context) != nil)
        }
        goalsAndTargets(context, monitored: monitored, add: add) { isGoal, quantity, kind in
            findings.statements.append(statement(isGoal, quantity, kind))
        }
        // A table row's counted cells, with their column: `assemble` reads the realisation column of a
        // goal-versus-realisation table as results.
        if passage.kind == .tableRow {
            let scalars = Array(passage.text.unicodeScalars)
            for quantity in analysis.quantities where isCount(quantity, context) {
                let kind = counted(quantity, context)
                guard kind != .none else { continue }
                let offset = min(scalars.count, max(0, tokens[quantity.quantity.first].start - passage.start))
                let column = scalars[..<offset].filter { $0 == "|" }.count
                findings.cells.append(statement(false, quantity, kind, column: column))
            }
        }
        planning(context, monitored: monitored, add: add)
        problemAnalysis(context, monitored: monitored, add: add)
        boardSignature(context, add: add)

        // Facts for the agenda level: a remedy opening the passage, table headers, what is counted.
        if let remedy = hits[CycleCue.remedy.ordinal].first, tokens[remedy.first].sentence == tokens[0].sentence, remedy.first <= 2 {
            findings.opensWithRemedy = true
        }
        findings.hasGoalCue = !hits[CycleCue.monitoringGoal.ordinal].isEmpty
            || analysis.words.indices.contains { context.isIn(.goalNouns, $0) }
        findings.hasRealisationCue = !hits[CycleCue.monitoringRealisation.ordinal].isEmpty
            || analysis.words.indices.contains { context.isIn(.realise, $0) }
        for quantity in analysis.quantities {
            switch counted(quantity, context) {
            case .jobs: findings.mentionsJobs = true
            case .other: findings.mentionsOtherObjects = true
            case .none: break
            }
        }
        if !hits[CycleCue.jobObjects.ordinal].isEmpty { findings.mentionsJobs = true }
        if !hits[CycleCue.goalObjects.ordinal].isEmpty { findings.mentionsOtherObjects = true }
        findings.numberCount = quantities.filter { $0.kind != .year && !$0.isPlaceholder }.count
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
        // Goal-versus-realisation tables: rows under a header with both columns. Their headers are read with one language
        // cache for the document (its readings depend on no document; a fresh one per header read every word anew).
        let tableCache = LanguageCache()
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
                tableResults(header: header.passage, rows: &passages[(index + 1)..<end], cache: tableCache)
            }
            index = end
        }
        return AgendaCycle(passages: passages, breadth: coded.breadth)
    }

    /// The realisation column of a goal-versus-realisation table as results looking back (for `compare`): the
    /// header cell with a realisation word (`lemmas.realise`: "Gerealiseerd eind 2024", "Realisatie") that has no goal
    /// word. A cell's figure counts what its own noun counts ("41 begeleiders"), else what the header cell names
    /// ("Gerealiseerd (banen)"); it is dated by a year cell of its row ("2024"), else by the header cell's year.
    func tableResults(header: Passage, rows: inout ArraySlice<PassageFindings>, cache: LanguageCache = LanguageCache()) {
        func isIn(_ list: CycleLemmas, _ lemma: String) -> Bool { lemmaLists[list.ordinal]?.contains(lemma) ?? false }
        func year(_ text: Substring) -> Int? {
            text.split(whereSeparator: { !$0.isNumber }).lazy.compactMap { Int($0) }.first { (1990...2099).contains($0) }
        }
        let cells = header.text.components(separatedBy: "|").map { $0.trimmingWhitespace() }
        var column: Int?
        var noun: (lemma: String, head: String)?
        for (index, cell) in cells.enumerated() {
            let tokens = tokenizer.tokens(cell, base: 0)
            let analysis = analyzer.analyze(tokens, text: cell, base: 0, referenceYear: nil, cache: cache)
            let lemmas = analysis.words.map { cache.string($0.lemma) }
            guard lemmas.contains(where: { isIn(.realise, $0) }), !lemmas.contains(where: { isIn(.goalNouns, $0) }) else { continue }
            column = index
            let inTime = { (i: Int) in analysis.times.contains { $0.first <= i && i <= $0.last } }
            if let word = analysis.words.indices.reversed().lazy.filter({ !inTime($0) }).map({ analysis.words[$0] }).first(where: {
                $0.pos == .noun && !isIn(.realise, cache.string($0.lemma)) && !isIn(.units, cache.string($0.lemma))
            }) {
                noun = (cache.string(word.lemma), cache.string(word.head))
            }
            break
        }
        guard let column else { return }
        let headerYear = year(Substring(cells[column]))
        for row in rows.indices {
            let passage = rows[row].passage
            let rowCells = passage.text.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard column < rowCells.count else { continue }
            let rowYear = rowCells.first { $0.count == 4 && $0.allSatisfy(\.isNumber) }.flatMap { year(Substring($0)) } ?? headerYear
            let horizon = rowYear.map { $0 * 12...$0 * 12 + 11 }
            func result(_ statement: CountStatement) -> CountStatement {
                var result = CountStatement(isGoal: false, value: statement.value, isPercentage: statement.isPercentage, countsJobs: statement.countsJobs,
                                            object: statement.object, head: statement.head, horizon: horizon ?? statement.horizon,
                                            passage: statement.passage, start: statement.start, end: statement.end, text: statement.text,
                                            column: column)
                result.fromTable = true
                return result
            }
            if let cell = rows[row].cells.first(where: { $0.column == column }) {
                rows[row].statements.append(result(cell))
            } else if let noun, let value = Self.bareNumber(rowCells[column]) {
                // A bare number ("1.447") counts what the header names.
                let offset = rowCells[..<column].reduce(0) { $0 + $1.unicodeScalars.count + 3 }
                let text = rowCells[column]
                let start = passage.start + offset, end = start + text.unicodeScalars.count
                let jobs = isIn(.jobNouns, noun.lemma) || isIn(.jobNouns, noun.head)
                rows[row].statements.append(result(CountStatement(
                    isGoal: false, value: value.value, isPercentage: value.percentage, countsJobs: jobs, object: noun.lemma, head: noun.head,
                    horizon: nil, passage: passage.id, start: start, end: end, text: text)))
            }
        }
    }

    /// A cell that is only a number: "1.447" (dots group thousands), "94,0%" (a comma for decimals).
    static func bareNumber(_ cell: String) -> (value: Double, percentage: Bool)? {
        var text = cell.trimmingWhitespace()
        let percentage = text.hasSuffix("%")
        if percentage { text = String(text.dropLast()).trimmingWhitespace() }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }), text.first!.isNumber else { return nil }
        return Double(text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")).map { ($0, percentage) }
    }

    /// The first year of the agenda's period: "2023-2024" in the title or one
    /// of the first three headings, else the first year in the title, else the
    /// year of the document's own date (`documentDate`).
    func referenceYear(_ document: Document) -> Int? {
        reference(document).year
    }

    /// The reference of a document's times: its period's first year, else its own date (the year, and the
    /// month as `year * 12 + month - 1`, the months of `TimeExpression`), else nothing.
    func reference(_ document: Document, cache: LanguageCache = LanguageCache()) -> (year: Int?, written: Int?) {
        var unused: [Int: DatedPassage]? = nil
        return reference(document, cache: cache, keeping: &unused)
    }

    /// The same, keeping in `kept` (when not nil) the tokens and the reading of each passage `documentDate` read,
    /// by passage index, so that the audit does not tokenize and analyse those passages twice.
    func reference(_ document: Document, cache: LanguageCache, keeping kept: inout [Int: DatedPassage]?) -> (year: Int?, written: Int?) {
        if let year = Self.periodYear(document) { return (year, nil) }
        if let written = documentDate(document, cache: cache, keeping: &kept) { return (written / 12, written) }
        return (nil, nil)
    }

    /// A passage read for the document's date: its tokens, the language layer's reading (times resolved without a
    /// reference year) and what its times are resolved from (`LanguageAnalyzer.retimed`).
    struct DatedPassage: Sendable {
        let tokens: [Token]
        let analysis: PassageAnalysis
        let inputs: LanguageAnalyzer.TimeInputs
    }

    /// At most this many tokens are kept for the audit: the rest is read again, so memory stays bounded on a huge document.
    static let keptTokenLimit = 100_000

    /// The document's own date, as a month: the latest full date ("17 december 2019", "26 januari 2023") that
    /// stands on its own (a date line, no finite verb) or in a clause that looks back. A letter, memo or report is
    /// written on or after every day it reports, so what lies up to that month is the past; a full date in a
    /// present or future clause may be a plan ("op 3 december 2024 staat een debat gepland") and does not count.
    func documentDate(_ document: Document, cache: LanguageCache = LanguageCache()) -> Int? {
        var unused: [Int: DatedPassage]? = nil
        return documentDate(document, cache: cache, keeping: &unused)
    }

    func documentDate(_ document: Document, cache: LanguageCache, keeping kept: inout [Int: DatedPassage]?) -> Int? {
        var latest: Int?
        // A heading or the title holding a date is a date line ("Den Haag, 17 december 2019").
        for line in [document.title] + document.headings.map(\.text) {
            if let date = Self.fullDates(line).max() { latest = max(latest ?? 0, date) }
        }
        var keptTokens = 0
        for (index, passage) in document.passages.enumerated() where !Self.fullDates(passage.text).isEmpty {
            let tokens = tokenizer.tokens(passage.text, base: passage.start)
            let (analysis, inputs) = analyzer.analyzeKeepingTimeInputs(tokens, words: nil, text: passage.text, base: passage.start,
                                                                       referenceYear: nil, cache: cache)
            if kept != nil, !tokens.isEmpty, keptTokens + tokens.count <= Self.keptTokenLimit {
                keptTokens += tokens.count
                kept![index] = DatedPassage(tokens: tokens, analysis: analysis, inputs: inputs)
            }
            for time in analysis.times where time.hasDay && !time.isRelative && time.startMonth == time.endMonth {
                let explicitYear = (time.first...time.last).contains { tokens[$0].isNumber && tokens[$0].form.utf8.count == 4 }
                guard explicitYear else { continue }
                let clause = analysis.clauses[analysis.words[time.first].clause]
                guard clause.finite == nil || clause.tense == .past || clause.isPerfect && !clause.isFuture else { continue }
                latest = max(latest ?? 0, time.endMonth)
            }
        }
        return latest
    }

    /// Days, month names and four-digit years in a row ("17 december 2019"), read from the text alone, as months.
    /// One walk over the UTF-8 bytes, allocating nothing unless a year is found: it runs over every passage of a
    /// document that names no period. Words are runs of letters and digits (any byte of a multi-byte scalar counts
    /// as a letter), separated by anything else.
    static func fullDates(_ text: String) -> [Int] {
        var dates: [Int] = []
        var text = text
        text.withUTF8 { bytes in
            let n = bytes.count
            func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
            func isWordByte(_ b: UInt8) -> Bool { isDigit(b) || b >= 65 && b <= 90 || b >= 97 && b <= 122 || b >= 0x80 }
            var i = 0
            while i < n {
                // Eight bytes without a digit at a time (an exact test: some byte XOR '0' below 10).
                if i + 8 <= n, let base = bytes.baseAddress {
                    if !ByteWord.hasByte(below: 0x0A, in: ByteWord.load(base, i) ^ 0x3030_3030_3030_3030) { i += 8; continue }
                }
                // A word of exactly four digits, 1990-2099.
                guard isDigit(bytes[i]), i == 0 || !isWordByte(bytes[i - 1]) else { i += 1; continue }
                var end = i
                while end < n, isWordByte(bytes[end]) { end += 1 }
                defer { i = end }
                guard end - i == 4, (i..<end).allSatisfy({ isDigit(bytes[$0]) }) else { continue }
                let year = (i..<end).reduce(0) { $0 * 10 + Int(bytes[$1] - 48) }
                guard (1990...2099).contains(year) else { continue }
                // Before it, after separators: a month name; before that, after separators: a day of one or two digits.
                var j = i - 1
                while j >= 0, !isWordByte(bytes[j]) { j -= 1 }
                let monthEnd = j + 1
                while j >= 0, isWordByte(bytes[j]) { j -= 1 }
                let monthStart = j + 1
                guard monthEnd > monthStart, monthEnd - monthStart <= 9,
                      let month = TimeResolver.months[String(decoding: bytes[monthStart..<monthEnd], as: UTF8.self).lowercased()] else { continue }
                while j >= 0, !isWordByte(bytes[j]) { j -= 1 }
                let dayEnd = j + 1
                while j >= 0, isWordByte(bytes[j]) { j -= 1 }
                let dayStart = j + 1
                guard dayEnd > dayStart, dayEnd - dayStart <= 9, (dayStart..<dayEnd).allSatisfy({ isDigit(bytes[$0]) }) else { continue }
                let day = (dayStart..<dayEnd).reduce(0) { $0 * 10 + Int(bytes[$1] - 48) }
                guard (1...31).contains(day) else { continue }
                dates.append(year * 12 + month - 1)
            }
        }
        return dates
    }

    static func periodYear(_ document: Document) -> Int? {
        // The cover: an agenda names its period in its title or first headings; a period further on is a citation
        // ("(Bron: werkagenda van sector Defensie, 2021-2022)" in a study of agendas).
        let lines = [document.title] + document.headings.prefix(3).map(\.text)
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

/// A figure a passage states, with what it counts and when: a goal looking ahead or a result looking back.
public struct CountStatement: Sendable, Equatable {
    public let isGoal: Bool
    public let value: Double
    public let isPercentage: Bool
    public let countsJobs: Bool
    /// The counted noun's lemma and its compound head ("werkplekbegeleider", "begeleider").
    public let object: String
    public let head: String
    /// The months of the sentence's first time expression (`year * 12 + month - 1`), if any.
    public let horizon: ClosedRange<Int>?
    public let passage: String
    public let start: Int
    public let end: Int
    public let text: String
    /// The cell of a table row that holds the figure (0 is the first), nil outside tables.
    public var column: Int? = nil
    /// A result that restates an earlier goal rather than what became of it: a figure in a sentence that names
    /// it as a goal ("In de vorige werkagenda namen we ons voor eind 2024 150 extra banen ... te realiseren").
    public var restatesGoal = false
    /// Read from the realisation column of a goal-versus-realisation table.
    public var fromTable = false
}

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
                let dated = found.reduce(0) { $0 + $1.evidence.count }
                status = dated >= 2 ? .present : (dated == 1 ? .partial : .absent)
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
