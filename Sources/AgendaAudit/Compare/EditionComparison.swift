import Foundation

/// `compare OLD NEW`: did the new edition of an agenda build on the old one
/// (DOMAIN.md §5.1: what worked, which goals were reached, which bottlenecks,
/// and how the new activities solve them)? This file is the whole decision.
///
/// Rules:
/// - **Action types** kept, added and dropped: the coder's types of each edition.
/// - **Goals**: every goal of the old edition (a figure the cycle checker reads
///   as a goal or jobs target: `CountStatement.isGoal`); a goal stated twice (in
///   the text and again in a plan table) is one goal: the same number counting
///   the same thing.
/// - **Results**: the new edition's figures looking back (`isGoal == false`),
///   and the realisation column of a goal-versus-realisation table
///   (`CountStatement.fromTable`); not a figure that restates an earlier goal
///   ("we namen ons voor 150 banen te realiseren").
/// - A result **reports on** a goal when all of these hold:
///   1. *same object*: the same lemma (`werkplekbegeleider`), one lemma ending in
///      the other (Dutch compounds are right-headed: `werkplekbegeleiders` ~
///      `begeleiders`, `veiligheidsregio's` ~ `regio's`), the same compound head,
///      or jobs for a jobs target;
///   2. *horizon near the report's date*: the result's date (its own time, else
///      the new edition's report date: the start of its period) lies from the
///      start of the old edition's period to a year after the goal's horizon
///      (the goal's own time, else the old edition's period); a result of
///      before the old agenda cannot report on it;
///   3. *numbers*: both percentages or both counts, and the result at most five
///      times larger or smaller than the goal (a larger figure is a stock, such
///      as all employees, a smaller one a part), unless the result's passage
///      also states the goal's figure ("31 van de 50 beoogde begeleiders").
///   Each result reports on one goal at most. Pairs are chosen best first: the
///   passage states the goal's figure, dated within a year of the horizon, the
///   same lemma, nearest in value, nearest in time. The rule names what held:
///   `same-object`, `+horizon` (within a year of the horizon), `+interim` (dated
///   before the horizon: a state on the way), `+figure` (the goal's figure in
///   the same passage).
/// - A reported goal is **short** when the result lies below the goal and is
///   not an interim figure.
/// - **Bottlenecks**: the new edition's problem-analysis findings; `present`
///   means an activity is tied to the bottleneck, `partial` that none is.
/// - **Verdict**: `builds-on` when every old goal is reported on, every
///   bottleneck has an activity and a shortfall comes with a bottleneck (the new
///   edition names at least one); `partly` when some goal is reported on, or the
///   old edition had no goals and the new one looks back (monitoring or problem
///   analysis); `not` otherwise.
public struct EditionComparison: Sendable {
    public enum Verdict: String, Sendable, Codable { case buildsOn = "builds-on", partly, not }

    public struct GoalLink: Sendable {
        public let goal: CountStatement
        public let report: CountStatement?
        /// `same-object` with `+horizon`, `+interim`, `+figure`; nil when not reported on.
        public let rule: String?
        /// The same goal stated again elsewhere in the old edition (passage ids).
        public let alsoAt: [String]
        /// The result was dated before the goal's horizon: a state on the way.
        public let interim: Bool
        /// The result reaches the goal's figure; nil when not reported on.
        public var reached: Bool? { report.map { $0.value >= goal.value } }
        /// Reported, below the goal and not an interim figure.
        public var short: Bool { reached == false && !interim }
    }

    public struct Bottleneck: Sendable {
        public let evidence: CycleEvidence
        public let tiedToActivity: Bool
    }

    public let old: AuditedAgenda
    public let new: AuditedAgenda
    public let kept: [String]
    public let added: [String]
    public let dropped: [String]
    public let goals: [GoalLink]
    /// The new edition's results looking back (what a goal may be linked to).
    public let results: [CountStatement]
    public let bottlenecks: [Bottleneck]

    public init?(old: AuditedAgenda, new: AuditedAgenda) {
        guard let oldCycle = old.cycle, let newCycle = new.cycle else { return nil }
        self.old = old
        self.new = new
        let before = Set(old.coded.actionTypes), after = Set(new.coded.actionTypes)
        kept = new.coded.actionTypes.filter(before.contains)
        added = new.coded.actionTypes.filter { !before.contains($0) }
        dropped = old.coded.actionTypes.filter { !after.contains($0) }
        let results = newCycle.passages.flatMap(\.statements).filter { !$0.isGoal }
        self.results = results
        let oldPeriod = Self.period(old.document)
        // Without a period, the new edition reports up to its latest dated result.
        let report = Self.period(new.document)?.lowerBound ?? results.compactMap { $0.horizon?.upperBound }.max()
        // The figures each passage of the new edition states (digits, number words, table cells), for `+figure`.
        var figures: [String: Set<Double>] = [:]
        for findings in newCycle.passages {
            var values = Set((findings.statements + findings.cells).map(\.value))
            values.formUnion(Self.numbers(in: findings.passage.text))
            figures[findings.passage.id] = values
        }
        goals = Self.link(Self.distinctGoals(oldCycle.passages.flatMap(\.statements).filter(\.isGoal)), to: results,
                          dating: Dating(oldPeriod: oldPeriod, report: report), figures: figures)
        bottlenecks = newCycle.passages.compactMap { findings in
            guard let finding = findings.elements[.problemAnalysis], let evidence = finding.evidence.first else { return nil }
            return Bottleneck(evidence: evidence, tiedToActivity: finding.status == .present)
        }
    }

    /// What dates the goals and results: the old edition's period (months) and the new edition's report date.
    struct Dating {
        let oldPeriod: ClosedRange<Int>?
        let report: Int?
    }

    /// The months of an agenda's period, "2023-2024" in its title or first three headings (January of the first year
    /// to December of the last).
    static func period(_ document: Document) -> ClosedRange<Int>? {
        for line in [document.title] + document.headings.prefix(3).map(\.text) {
            let words = line.split(whereSeparator: { !$0.isNumber && $0 != "-" && $0 != "–" && $0 != "/" })
            for word in words {
                let parts = word.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "/" })
                guard parts.count == 2, let first = Int(parts[0]), let last = Int(parts[1]),
                      (1990...2099).contains(first), (first...first + 10).contains(last) else { continue }
                return first * 12...last * 12 + 11
            }
        }
        return CycleChecker.periodYear(document).map { $0 * 12...$0 * 12 + 11 }
    }

    /// Digit figures in a text: "1.447" (dots group thousands), "87,8" (a comma for decimals).
    static func numbers(in text: String) -> Set<Double> {
        var values = Set<Double>()
        for word in text.split(whereSeparator: { !($0.isASCII && ($0.isNumber || $0 == "." || $0 == ",")) }) {
            let trimmed = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
            if let value = CycleChecker.bareNumber(trimmed)?.value { values.insert(value) }
        }
        return values
    }

    static func sameObject(_ goal: CountStatement, _ result: CountStatement) -> Bool {
        if goal.countsJobs { return result.countsJobs }
        if result.countsJobs { return false }
        // Dutch compounds are right-headed: "werkplekbegeleider" counts "begeleider"s, "veiligheidsregio" "regio"s.
        let (a, b) = (goal.object, result.object)
        guard !a.isEmpty, !b.isEmpty else { return false }
        return a == b || min(a.count, b.count) >= 4 && (a.hasSuffix(b) || b.hasSuffix(a)) || !goal.head.isEmpty && result.head == goal.head
    }

    /// A goal stated twice (text and plan table) is one goal: the first, with the places of the others.
    static func distinctGoals(_ goals: [CountStatement]) -> [(CountStatement, [String])] {
        var kept: [(CountStatement, [String])] = []
        for goal in goals {
            if let index = kept.firstIndex(where: { $0.0.value == goal.value && $0.0.isPercentage == goal.isPercentage && sameObject($0.0, goal) }) {
                kept[index].1.append(goal.passage)
            } else {
                kept.append((goal, []))
            }
        }
        return kept
    }

    /// Links each goal to the result in the new edition that reports on it, if any (the rules above).
    static func link(_ goals: [(CountStatement, [String])], to results: [CountStatement], dating: Dating,
                     figures: [String: Set<Double>]) -> [GoalLink] {
        struct Pair { let goal: Int; let result: Int; let key: [Double]; let rule: String; let interim: Bool }
        var pairs: [Pair] = []
        for (g, (goal, _)) in goals.enumerated() {
            let horizon = goal.horizon ?? dating.oldPeriod
            for (r, result) in results.enumerated() {
                guard sameObject(goal, result), result.isPercentage == goal.isPercentage else { continue }
                if result.restatesGoal && result.value == goal.value { continue }
                let cites = figures[result.passage]?.contains(goal.value) == true && result.value != goal.value
                if !cites, goal.value > 0, result.value > 0, max(goal.value, result.value) / min(goal.value, result.value) > 5 { continue }
                let date = result.horizon ?? dating.report.map { $0...$0 }
                var gap = 0.0, near = false, interim = false
                if let date, let horizon {
                    if let start = dating.oldPeriod?.lowerBound ?? goal.horizon.map({ $0.lowerBound - 12 }), date.upperBound < start { continue }
                    if date.lowerBound > horizon.upperBound + 12 { continue }
                    gap = Double(date.overlaps(horizon) ? 0 : (date.lowerBound > horizon.upperBound
                        ? date.lowerBound - horizon.upperBound : horizon.lowerBound - date.upperBound))
                    near = gap <= 12
                    interim = date.upperBound < horizon.lowerBound
                } else {
                    gap = 1000
                }
                let sameLemma = goal.object == result.object
                let ratio = goal.value > 0 && result.value > 0 ? abs(log(result.value / goal.value)) : 10
                let rule = "same-object" + (near ? "+horizon" : "") + (interim ? "+interim" : "") + (cites ? "+figure" : "")
                pairs.append(Pair(goal: g, result: r, key: [cites ? 0 : 1, near ? 0 : 1, sameLemma ? 0 : 1, ratio, gap], rule: rule, interim: interim))
            }
        }
        pairs.sort { $0.key.lexicographicallyPrecedes($1.key) }
        var chosen: [Int: Pair] = [:]
        var used = Set<Int>()
        for pair in pairs where chosen[pair.goal] == nil && !used.contains(pair.result) {
            chosen[pair.goal] = pair
            used.insert(pair.result)
        }
        return goals.enumerated().map { g, item in
            guard let pair = chosen[g] else { return GoalLink(goal: item.0, report: nil, rule: nil, alsoAt: item.1, interim: false) }
            return GoalLink(goal: item.0, report: results[pair.result], rule: pair.rule, alsoAt: item.1, interim: pair.interim)
        }
    }

    /// The titles name the same agenda once years and common words are left out (`EditionTable.titleKey`); when
    /// they do not, the output asks whether the previous agenda is of the same sector (the verdict stays).
    public var sameTitle: Bool { EditionTable.titleKey(old.document.title) == EditionTable.titleKey(new.document.title) }

    public func titleNote(_ lang: Language) -> String? {
        sameTitle ? nil : lang.pick(
            "Let op: de titels verschillen ('\(old.document.title)' en '\(new.document.title)'). Is de vorige agenda van dezelfde sector?",
            "Note: the titles differ ('\(old.document.title)' and '\(new.document.title)'). Is the previous agenda of the same sector?")
    }

    public var reportedOn: Int { goals.filter { $0.report != nil }.count }

    /// A goal fell short and the new edition names no bottleneck at all: the shortfall is not explained.
    public var unexplainedShortfall: Bool { bottlenecks.isEmpty && goals.contains(where: \.short) }

    public var verdict: Verdict {
        let untied = bottlenecks.contains { !$0.tiedToActivity }
        if !goals.isEmpty && reportedOn == goals.count && !untied && !unexplainedShortfall { return .buildsOn }
        if reportedOn > 0 { return .partly }
        let looksBack = new.cycle.map { $0.status(.monitoring) != .absent || $0.status(.problemAnalysis) != .absent } ?? false
        return goals.isEmpty && looksBack ? .partly : .not
    }

    public func headline(_ lang: Language) -> String {
        switch verdict {
        case .buildsOn: return lang.pick("Bouwt voort op de vorige agenda", "Builds on the previous agenda")
        case .partly: return lang.pick("Bouwt deels voort op de vorige agenda", "Partly builds on the previous agenda")
        case .not: return lang.pick("Bouwt niet voort op de vorige agenda", "Does not build on the previous agenda")
        }
    }

    public func reason(_ lang: Language) -> String {
        let untied = bottlenecks.filter { !$0.tiedToActivity }.count
        var parts: [String] = []
        if goals.isEmpty {
            parts.append(lang.pick("de vorige agenda had geen doelen met een aantal om op terug te kijken",
                                   "the previous agenda had no goals with a number to look back on"))
        } else {
            parts.append(lang.pick("over \(reportedOn) van de \(goals.count) doelen van de vorige agenda wordt gerapporteerd",
                                   "\(reportedOn) of the \(goals.count) goals of the previous agenda are reported on"))
        }
        if unexplainedShortfall {
            parts.append(lang.pick("niet gehaalde doelen worden niet verklaard: de nieuwe agenda noemt geen knelpunt",
                                   "goals not reached are not explained: the new agenda names no bottleneck"))
        }
        if !bottlenecks.isEmpty {
            let tied = bottlenecks.count - untied
            parts.append(lang.pick("\(tied) van de \(bottlenecks.count) genoemde knelpunten \(tied == 1 ? "heeft" : "hebben") een activiteit",
                                   "\(tied) of the \(bottlenecks.count) bottlenecks named \(tied == 1 ? "has" : "have") an activity"))
        }
        let text = parts.joined(separator: lang.pick("; ", "; "))
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    // MARK: Output

    func place(_ statement: CountStatement, in audit: AuditedAgenda, _ lang: Language) -> String {
        guard let passage = audit.document.passages.first(where: { $0.id == statement.passage }) else { return statement.passage }
        return "\(statement.passage), " + audit.document.place(passage, lang)
    }

    /// The sentence that states the figure, quoted (a long sentence cut around the figure, with "…").
    func sentence(of statement: CountStatement, in audit: AuditedAgenda, limit: Int = 150) -> String {
        guard let passage = audit.document.passages.first(where: { $0.id == statement.passage }) else { return statement.text }
        let scalars = Array(passage.text.unicodeScalars).map { $0 == "\n" ? " " : $0 }
        let localStart = min(scalars.count, max(0, statement.start - passage.start))
        let localEnd = min(scalars.count, max(localStart, statement.end - passage.start))
        func endsSentence(_ i: Int) -> Bool { ".?!".unicodeScalars.contains(scalars[i]) && (i + 1 == scalars.count || scalars[i + 1] == " ") }
        var from = localStart
        while from > 0, !endsSentence(from - 1) { from -= 1 }
        var to = localEnd
        while to < scalars.count, !(to > 0 && endsSentence(to - 1)) { to += 1 }
        // A long sentence: a window around the figure, cut at spaces.
        if to - from > limit {
            let room = max(0, limit - (localEnd - localStart)) / 2
            let a = max(from, localStart - room), b = min(to, localEnd + room)
            var x = a, y = b
            while x > from, x < localStart, scalars[x - 1] != " " { x += 1 }
            while y < to, y > localEnd, scalars[y] != " " { y -= 1 }
            return (x > from ? "…" : "") + String(String.UnicodeScalarView(scalars[x..<y])).trimmingWhitespace() + (y < to ? "…" : "")
        }
        return String(String.UnicodeScalarView(scalars[from..<to])).trimmingWhitespace()
    }

    public func text(_ lang: Language) -> String {
        var lines: [String] = []
        lines.append(lang.pick("Oordeel: ", "Verdict: ") + headline(lang).uppercased())
        lines += CheckReport.wrap(reason(lang), first: "", indent: 0)
        if let note = titleNote(lang) { lines += CheckReport.wrap(note, first: "", indent: 0) }
        lines.append("")
        lines.append(lang.pick("Vorige agenda: ", "Previous agenda: ") + "\(old.document.title) (\(old.document.path))")
        lines.append(lang.pick("Nieuwe agenda: ", "New agenda: ") + "\(new.document.title) (\(new.document.path))")
        lines.append("")
        lines += details(lang)
        let advice = self.advice(lang)
        if !advice.isEmpty {
            lines.append("")
            lines.append(lang.pick("Advies", "Advice"))
            for item in advice { lines += CheckReport.wrap(item, first: "  - ", indent: 4) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The goals with their reports, the bottlenecks and the action types (also in `check --previous`).
    public func details(_ lang: Language) -> [String] {
        var lines: [String] = []
        lines.append(lang.pick("Doelen van de vorige agenda", "Goals of the previous agenda"))
        if goals.isEmpty { lines.append(lang.pick("  geen", "  none")) }
        for link in goals {
            lines += CheckReport.wrap("[\(place(link.goal, in: old, lang))] \"\(sentence(of: link.goal, in: old))\"", first: "  - ", indent: 4)
            if let report = link.report {
                lines += CheckReport.wrap(lang.pick("gerapporteerd", "reported on") + " (\(link.rule!)): [\(place(report, in: new, lang))] \"\(sentence(of: report, in: new))\"",
                                          first: "    → ", indent: 6)
                lines += CheckReport.wrap(figures(link, lang), first: "      ", indent: 6)
            } else {
                lines += CheckReport.wrap(lang.pick("niet gerapporteerd: de nieuwe agenda zegt niet wat er van '\(link.goal.text)' terechtkwam.",
                                                    "not reported on: the new agenda does not say what became of '\(link.goal.text)'."),
                                          first: "    → ", indent: 6)
            }
        }
        lines.append("")
        lines.append(lang.pick("Knelpunten in de nieuwe agenda", "Bottlenecks in the new agenda"))
        if bottlenecks.isEmpty { lines.append(lang.pick("  geen genoemd", "  none named")) }
        for item in bottlenecks {
            let tie = item.tiedToActivity ? lang.pick("met activiteit", "with an activity") : lang.pick("zonder activiteit", "without an activity")
            lines += CheckReport.wrap("[\(item.evidence.passage)] \"\(item.evidence.text)\" — \(tie)", first: "  - ", indent: 4)
        }
        lines.append("")
        let label = { (ids: [String]) in ids.isEmpty ? "-" : ids.joined(separator: ", ") }
        lines.append(lang.pick("Actietypen", "Action types"))
        lines.append(lang.pick("  behouden: ", "  kept: ") + label(kept))
        lines.append(lang.pick("  nieuw: ", "  added: ") + label(added))
        lines.append(lang.pick("  vervallen: ", "  dropped: ") + label(dropped))
        return lines
    }

    /// "doel 50, gerapporteerd 31: niet gehaald".
    func figures(_ link: GoalLink, _ lang: Language) -> String {
        guard let report = link.report, let reached = link.reached else { return "" }
        let f = { (v: Double) in v == v.rounded() ? String(Int(v)) : String(v) }
        let outcome = link.interim ? lang.pick("tussenstand", "interim figure")
            : (reached ? lang.pick("gehaald", "reached") : lang.pick("niet gehaald", "not reached"))
        return lang.pick("doel \(f(link.goal.value)), gerapporteerd \(f(report.value)): \(outcome)",
                         "goal \(f(link.goal.value)), reported \(f(report.value)): \(outcome)")
    }

    public func advice(_ lang: Language) -> [String] {
        var items: [String] = []
        if unexplainedShortfall {
            items.append(lang.pick(
                "Zeg bij elk doel dat niet gehaald is waarom, en wat u daaraan doet. Bijvoorbeeld: \"De opleiding bleef achter doordat leidinggevenden de reistijd niet konden missen; daarom bieden we haar vanaf 2025 ook online aan.\"",
                "For each goal that was not reached, say why and what you do about it. For example: \"The training fell behind because managers could not spare the travel time; so from 2025 we also offer it online.\""))
        }
        if goals.contains(where: { $0.report == nil }) {
            items.append(lang.pick(
                "Zet elk doel van de vorige agenda naast wat er gerealiseerd is. Bijvoorbeeld: \"Het doel was 60 werkplekbegeleiders op te leiden; eind 2024 waren er 41 opgeleid.\"",
                "Set each goal of the previous agenda against what was achieved. For example: \"The goal was to train 60 workplace supervisors; by the end of 2024, 41 were trained.\""))
        }
        if bottlenecks.contains(where: { !$0.tiedToActivity }) {
            items.append(lang.pick(
                "Koppel aan elk knelpunt een activiteit. Bijvoorbeeld: \"Om dit op te lossen bieden we de opleiding vanaf 2025 ook online aan.\"",
                "Tie an activity to each bottleneck. For example: \"To solve this, we will also offer the training online from 2025.\""))
        }
        if goals.isEmpty && verdict == .not {
            items.append(lang.pick(
                "Kijk terug op de vorige agenda: wat werkte, wat niet, en waarom? Noem de activiteiten van toen en wat ze opleverden.",
                "Look back on the previous agenda: what worked, what did not, and why? Name its activities and what they achieved."))
        }
        return items
    }

    struct JSONOut: Encodable {
        struct Goal: Encodable {
            let goal: Statement
            let alsoAt: [String]
            let reportedOn: Bool
            let rule: String?
            let report: Statement?
            let reached: Bool?
            let interim: Bool
            /// The sentences of both editions, quoted.
            let evidence: [String]
        }
        struct Statement: Encodable {
            let passage: String
            let start: Int
            let end: Int
            let text: String
            let value: Double
            let object: String
            let head: String
            let countsJobs: Bool
        }
        struct BottleneckOut: Encodable {
            let passage: String
            let start: Int
            let end: Int
            let text: String
            let tiedToActivity: Bool
        }
        let old: String
        let new: String
        let verdict: String
        let headline: String
        let reason: String
        let sameTitle: Bool
        let goals: [Goal]
        let results: [Statement]
        let bottlenecks: [BottleneckOut]
        let kept: [String]
        let added: [String]
        let dropped: [String]
        let advice: [String]
    }

    public func json(_ lang: Language) throws -> Data {
        var data = try JSONReport.encoder().encode(output(lang))
        data.append(0x0A)
        return data
    }

    func output(_ lang: Language) -> JSONOut {
        func statement(_ s: CountStatement) -> JSONOut.Statement {
            JSONOut.Statement(passage: s.passage, start: s.start, end: s.end, text: s.text, value: s.value, object: s.object, head: s.head, countsJobs: s.countsJobs)
        }
        let out = JSONOut(
            old: old.document.path, new: new.document.path, verdict: verdict.rawValue, headline: headline(lang), reason: reason(lang), sameTitle: sameTitle,
            goals: goals.map { link in
                JSONOut.Goal(goal: statement(link.goal), alsoAt: link.alsoAt, reportedOn: link.report != nil, rule: link.rule,
                             report: link.report.map(statement), reached: link.reached, interim: link.interim,
                             evidence: [sentence(of: link.goal, in: old, limit: 400)] + (link.report.map { [sentence(of: $0, in: new, limit: 400)] } ?? []))
            },
            results: results.map(statement),
            bottlenecks: bottlenecks.map { JSONOut.BottleneckOut(passage: $0.evidence.passage, start: $0.evidence.start, end: $0.evidence.end,
                                                                 text: $0.evidence.text, tiedToActivity: $0.tiedToActivity) },
            kept: kept, added: added, dropped: dropped, advice: advice(lang))
        return out
    }
}
