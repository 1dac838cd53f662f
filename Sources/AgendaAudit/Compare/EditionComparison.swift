import Foundation

/// `compare OLD NEW`: did the new edition of an agenda build on the old one
/// (DOMAIN.md §5.1: what worked, which goals were reached, which bottlenecks,
/// and how the new activities solve them)? This file is the whole decision.
///
/// Rules:
/// - **Action types** kept, added and dropped: the coder's types of each edition.
/// - **Goals**: every goal of the old edition (a figure the cycle checker reads
///   as a goal or jobs target: `CountStatement.isGoal`) is *reported on* when the
///   new edition states a result looking back (`isGoal == false`) that counts
///   the same thing: the same lemma (`werkplekbegeleider`), one lemma ending
///   in the other (Dutch compounds are right-headed: `werkplekbegeleiders` ~
///   `begeleiders`, `veiligheidsregio's` ~ `regio's`), the same compound head,
///   or jobs for a jobs target.
///   Of several, the result whose time lies nearest the goal's horizon wins
///   (`same-object+horizon` when the times overlap or the result is dated at most
///   a year after the horizon, else `same-object`). A goal without such a result
///   is named as not reported on.
/// - **Bottlenecks**: the new edition's problem-analysis findings; `present`
///   means an activity is tied to the bottleneck, `partial` that none is.
/// - **Verdict**: `builds-on` when every old goal is reported on and every
///   bottleneck has an activity; `partly` when some goal is reported on, or the
///   old edition had no goals and the new one looks back (monitoring or problem
///   analysis); `not` otherwise.
public struct EditionComparison: Sendable {
    public enum Verdict: String, Sendable, Codable { case buildsOn = "builds-on", partly, not }

    public struct GoalLink: Sendable {
        public let goal: CountStatement
        public let report: CountStatement?
        /// `same-object+horizon`, `same-object`, or nil when not reported on.
        public let rule: String?
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
        goals = oldCycle.passages.flatMap(\.statements).filter(\.isGoal).map { Self.link($0, to: results) }
        bottlenecks = newCycle.passages.compactMap { findings in
            guard let finding = findings.elements[.problemAnalysis], let evidence = finding.evidence.first else { return nil }
            return Bottleneck(evidence: evidence, tiedToActivity: finding.status == .present)
        }
    }

    /// The result in the new edition that reports on an old goal, if any.
    static func link(_ goal: CountStatement, to results: [CountStatement]) -> GoalLink {
        func sameObject(_ result: CountStatement) -> Bool {
            if goal.countsJobs { return result.countsJobs }
            if result.countsJobs { return false }
            // Dutch compounds are right-headed: "werkplekbegeleider" counts "begeleider"s, "veiligheidsregio" "regio"s.
            let (a, b) = (goal.object, result.object)
            guard !a.isEmpty, !b.isEmpty else { return false }
            return a == b || min(a.count, b.count) >= 4 && (a.hasSuffix(b) || b.hasSuffix(a)) || !goal.head.isEmpty && result.head == goal.head
        }
        /// Months from the goal's horizon to the result's time (0 when they overlap); nil without both.
        func distance(_ result: CountStatement) -> Int? {
            guard let horizon = goal.horizon, let time = result.horizon else { return nil }
            if time.overlaps(horizon) { return 0 }
            return time.lowerBound > horizon.upperBound ? time.lowerBound - horizon.upperBound : horizon.lowerBound - time.upperBound + 100
        }
        let candidates = results.filter(sameObject)
        guard let best = candidates.min(by: { (distance($0) ?? 1000) < (distance($1) ?? 1000) }) else {
            return GoalLink(goal: goal, report: nil, rule: nil)
        }
        let near = distance(best).map { $0 <= 12 } ?? false
        return GoalLink(goal: goal, report: best, rule: near ? "same-object+horizon" : "same-object")
    }

    public var reportedOn: Int { goals.filter { $0.report != nil }.count }

    public var verdict: Verdict {
        let untied = bottlenecks.contains { !$0.tiedToActivity }
        if !goals.isEmpty && reportedOn == goals.count && !untied { return .buildsOn }
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
        if !bottlenecks.isEmpty {
            parts.append(lang.pick("\(bottlenecks.count - untied) van de \(bottlenecks.count) genoemde knelpunten hebben een activiteit",
                                   "\(bottlenecks.count - untied) of the \(bottlenecks.count) bottlenecks named have an activity"))
        }
        let text = parts.joined(separator: lang.pick("; ", "; "))
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    // MARK: Output

    func place(_ statement: CountStatement, in audit: AuditedAgenda, _ lang: Language) -> String {
        guard let passage = audit.document.passages.first(where: { $0.id == statement.passage }) else { return statement.passage }
        return "\(statement.passage), " + audit.document.place(passage, lang)
    }

    func sentence(of statement: CountStatement, in audit: AuditedAgenda, limit: Int = 150) -> String {
        guard let passage = audit.document.passages.first(where: { $0.id == statement.passage }) else { return statement.text }
        let text = passage.text.replacingOccurrences(of: "\n", with: " ")
        return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    public func text(_ lang: Language) -> String {
        var lines: [String] = []
        lines.append(lang.pick("Oordeel: ", "Verdict: ") + headline(lang).uppercased())
        lines += CheckReport.wrap(reason(lang), first: "", indent: 0)
        lines.append("")
        lines.append(lang.pick("Vorige agenda: ", "Previous agenda: ") + "\(old.document.title) (\(old.document.path))")
        lines.append(lang.pick("Nieuwe agenda: ", "New agenda: ") + "\(new.document.title) (\(new.document.path))")
        lines.append("")
        lines.append(lang.pick("Doelen van de vorige agenda", "Goals of the previous agenda"))
        if goals.isEmpty { lines.append(lang.pick("  geen", "  none")) }
        for link in goals {
            lines += CheckReport.wrap("[\(place(link.goal, in: old, lang))] \"\(sentence(of: link.goal, in: old))\"", first: "  - ", indent: 4)
            if let report = link.report {
                lines += CheckReport.wrap(lang.pick("gerapporteerd", "reported on") + " (\(link.rule!)): [\(place(report, in: new, lang))] \"\(sentence(of: report, in: new))\"",
                                          first: "    → ", indent: 6)
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
        let advice = self.advice(lang)
        if !advice.isEmpty {
            lines.append("")
            lines.append(lang.pick("Advies", "Advice"))
            for item in advice { lines += CheckReport.wrap(item, first: "  - ", indent: 4) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func advice(_ lang: Language) -> [String] {
        var items: [String] = []
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
            let reportedOn: Bool
            let rule: String?
            let report: Statement?
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
        let goals: [Goal]
        let bottlenecks: [BottleneckOut]
        let kept: [String]
        let added: [String]
        let dropped: [String]
        let advice: [String]
    }

    public func json(_ lang: Language) throws -> Data {
        func statement(_ s: CountStatement) -> JSONOut.Statement {
            JSONOut.Statement(passage: s.passage, start: s.start, end: s.end, text: s.text, value: s.value, object: s.object, head: s.head, countsJobs: s.countsJobs)
        }
        let out = JSONOut(
            old: old.document.path, new: new.document.path, verdict: verdict.rawValue, headline: headline(lang), reason: reason(lang),
            goals: goals.map { JSONOut.Goal(goal: statement($0.goal), reportedOn: $0.report != nil, rule: $0.rule, report: $0.report.map(statement)) },
            bottlenecks: bottlenecks.map { JSONOut.BottleneckOut(passage: $0.evidence.passage, start: $0.evidence.start, end: $0.evidence.end,
                                                                 text: $0.evidence.text, tiedToActivity: $0.tiedToActivity) },
            kept: kept, added: added, dropped: dropped, advice: advice(lang))
        var data = try JSONReport.encoder().encode(out)
        data.append(0x0A)
        return data
    }
}
