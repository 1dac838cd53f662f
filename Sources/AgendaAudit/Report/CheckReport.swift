import Foundation

/// The dossierhouder's self-check of one draft: a verdict first, then per
/// phase what was found (quoted, with its place), what is missing with a
/// suggestion and an example, and the action types present and recommended.
public struct CheckReport: Sendable {
    public let audit: AuditedAgenda
    public let rubric: Rubric
    public let cycle: AgendaCycle
    /// With a previous edition (`check --previous`): did the draft build on it? Its verdict joins the check's.
    public let previous: EditionComparison?

    public init?(audit: AuditedAgenda, rubric: Rubric, previous: AuditedAgenda? = nil) {
        guard let cycle = audit.cycle else { return nil }
        self.audit = audit
        self.rubric = rubric
        self.cycle = cycle
        if let previous {
            guard let comparison = EditionComparison(old: previous, new: audit) else { return nil }
            self.previous = comparison
        } else {
            self.previous = nil
        }
    }

    /// With a previous edition: the draft builds on it (every old goal reported on, every bottleneck answered).
    public var buildsOnPrevious: Bool { previous.map { $0.verdict == .buildsOn } ?? true }

    /// The four elements that make a draft ready to submit.
    public static let required: [CycleElement] = [.measurableGoals, .planning, .monitoring, .problemAnalysis]

    public var isReady: Bool { cycle.isComplete && buildsOnPrevious }

    /// The four phases with their score and the elements behind them ("Do" has the action types).
    public var phaseRows: [(name: String, score: Double, elements: [CycleElement])] {
        [("Plan", cycle.phases.plan, [.measurableGoals, .jobsTarget, .planning]),
         ("Do", cycle.phases.do, []),
         ("Check", cycle.phases.check, [.monitoring]),
         ("Act", cycle.phases.act, [.problemAnalysis])]
    }

    public var missing: [CycleElement] { CycleElement.allCases.filter { cycle.status($0) != .present } }

    /// Recommended action types (those with advice in the rubric) that the draft lacks.
    public var recommendedAbsent: [Rubric.Code] {
        rubric.codes.filter { $0.advice != nil && !audit.coded.actionTypes.contains($0.id) }
    }

    public func verdict(_ lang: Language) -> (headline: String, reason: String) {
        // The look-back on the previous edition, when one was given: "... bouwt deels voort op de vorige agenda: ...".
        let lookBack = previous.map { comparison in
            lang.pick("De agenda \(comparison.headline(lang).lowercased()): ", "The agenda \(comparison.headline(lang).lowercased()): ")
                + comparison.reason(lang).prefix(1).lowercased() + comparison.reason(lang).dropFirst()
        }
        if isReady {
            return (lang.pick("Klaar om in te dienen", "Ready to submit"),
                    lang.pick("De agenda doorloopt de hele cyclus: meetbare doelen, planning, monitoring en een probleemanalyse zijn aanwezig.",
                              "The agenda completes the cycle: measurable goals, planning, monitoring and a problem analysis are present.")
                    + (lookBack.map { " " + $0 } ?? ""))
        }
        let lacking = Self.required.filter { cycle.status($0) != .present }
        let names = lacking.map { CycleText.label($0, lang).lowercased() }
        let cycleReason = lacking.isEmpty
            ? lang.pick("De cyclus is rond.", "The cycle is complete.")
            : lang.pick("De cyclus is niet rond: \(Self.list(names, lang)) \(lacking.count == 1 ? "ontbreekt of is onvolledig" : "ontbreken of zijn onvolledig").",
                        "The cycle is not complete: \(Self.list(names, lang)) \(lacking.count == 1 ? "is" : "are") missing or incomplete.")
        return (lang.pick("Nog niet klaar om in te dienen", "Not ready to submit yet"), cycleReason + (lookBack.map { " " + $0 } ?? ""))
    }

    static func list(_ items: [String], _ lang: Language) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + lang.pick(" en ", " and ") + items.last!
    }

    func passage(_ id: String) -> Passage? { audit.document.passages.first { $0.id == id } }

    /// A short quote of a passage around the evidence words.
    func quote(_ evidence: CycleEvidence, limit: Int = 140) -> String {
        guard let passage = passage(evidence.passage) else { return evidence.text }
        let text = passage.text
        if text.count <= limit { return text }
        let scalars = Array(text.unicodeScalars)
        let localStart = max(0, evidence.start - passage.start), localEnd = min(scalars.count, evidence.end - passage.start)
        let room = max(0, limit - (localEnd - localStart)) / 2
        var from = max(0, localStart - room), to = min(scalars.count, localEnd + room)
        // Cut at word boundaries, never inside the evidence.
        while from > 0, from < localStart, scalars[from - 1] != " " { from += 1 }
        while to < scalars.count, to > localEnd, scalars[to] != " " { to -= 1 }
        return (from > 0 ? "…" : "") + String(String.UnicodeScalarView(scalars[from..<to])).trimmingWhitespace() + (to < scalars.count ? "…" : "")
    }

    func place(_ evidence: CycleEvidence, _ lang: Language) -> String {
        guard let passage = passage(evidence.passage) else { return evidence.passage }
        return "\(passage.id), " + audit.document.place(passage, lang)
    }

    /// The year of the example sentences: the first year of the draft's
    /// period, else `CycleText.defaultExampleYear` (from today's date).
    public var exampleYear: Int { CycleChecker.periodYear(audit.document) ?? CycleText.defaultExampleYear() }

    // MARK: Text

    /// Wraps `text` at `width` columns; continuation lines get `indent` spaces, the first `first`.
    static func wrap(_ text: String, first: String, indent: Int, width: Int = 80) -> [String] {
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }

    public func text(_ lang: Language) -> String {
        var out: [String] = []
        let (headline, reason) = verdict(lang)
        out.append(lang.pick("Oordeel: ", "Verdict: ") + headline.uppercased())
        out += Self.wrap(reason, first: "", indent: 0)
        out.append("")
        out.append(lang.pick("Werkagenda: ", "Work agenda: ") + "\(audit.document.title) (\(audit.document.path))")
        for warning in audit.document.warnings {
            out += Self.wrap(lang.pick("Let op: ", "Warning: ") + warning.message(lang), first: "", indent: 2)
        }
        out.append("")
        out.append(lang.pick("Plan-do-check-act", "Plan-do-check-act") + " — " + lang.pick("cycluscompleetheid", "cycle completeness")
                   + " \(CycleText.score(cycle.phases.completeness)) " + lang.pick("van 4", "of 4"))
        for (name, score, elements) in phaseRows {
            let detail = elements.isEmpty
                ? CycleText.actionTypesFound(audit.coded.breadth, lang)
                : elements.map { "\(CycleText.label($0, lang).lowercased()): \(CycleText.status(cycle.status($0), lang))" }
                    .joined(separator: "; ")
            out.append("  \(name.padding(toLength: 5, withPad: " ", startingAt: 0))  \(CycleText.score(score).padding(toLength: 2, withPad: " ", startingAt: 0))  \(detail)")
        }
        out.append("  " + CycleText.label(.boardSignature, lang) + ": " + CycleText.status(cycle.status(.boardSignature), lang))
        out.append("")

        out.append(lang.pick("Gevonden", "Found"))
        var anyFound = false
        for element in CycleElement.allCases {
            guard let finding = cycle.elements[element], finding.status != .absent else { continue }
            anyFound = true
            out.append("  \(CycleText.label(element, lang)): \(CycleText.status(finding.status, lang))")
            var seen = Set<String>()
            for evidence in finding.evidence where seen.insert(evidence.passage).inserted {
                if seen.count > 3 {
                    let more = Set(finding.evidence.map(\.passage)).count - 3
                    out.append("    " + lang.pick("… en \(more) \(more == 1 ? "andere passage" : "andere passages")",
                                                  "… and \(more) more \(more == 1 ? "passage" : "passages")"))
                    break
                }
                out += Self.wrap("\"\(quote(evidence))\"", first: "    [\(place(evidence, lang))] ", indent: 6)
            }
        }
        if !anyFound { out.append("  " + lang.pick("geen van de cyclus-elementen", "none of the cycle elements")) }
        out.append("")

        if let previous {
            out.append(lang.pick("Terugblik op de vorige agenda", "Looking back on the previous agenda") + ": "
                       + "\(previous.old.document.title) (\(previous.old.document.path))")
            out.append("  " + previous.headline(lang))
            if let note = previous.titleNote(lang) { out += Self.wrap(note, first: "  ", indent: 2) }
            out += previous.details(lang).map { "  " + $0 }
            out.append("")
        }

        if !missing.isEmpty || !(previous?.advice(lang).isEmpty ?? true) {
            out.append(lang.pick("Wat ontbreekt, en hoe u het schrijft", "What is missing, and how to write it"))
            for item in previous?.advice(lang) ?? [] {
                out.append("  " + lang.pick("Voortbouwen op de vorige agenda", "Building on the previous agenda"))
                out += Self.wrap(item, first: "    ", indent: 4)
            }
            for element in missing {
                let status = cycle.status(element)
                out.append("  \(CycleText.label(element, lang)) — \(CycleText.status(status, lang))")
                out += Self.wrap(CycleText.advice(element, in: cycle, lang), first: "    ", indent: 4)
                out += Self.wrap(lang.pick("Bijvoorbeeld: ", "For example: ") + "\"\(CycleText.example(element, lang, year: exampleYear))\"",
                                 first: "    ", indent: 6)
            }
            out.append("")
        }

        out.append(lang.pick("Actietypen", "Action types"))
        if audit.coded.actionTypes.isEmpty {
            out.append("  " + lang.pick("geen actietypen gevonden", "no action types found"))
        } else {
            for id in audit.coded.actionTypes {
                guard let code = rubric.code(id) else { continue }
                let places = audit.coded.passages.filter { $0.codes.contains { $0.code == id } }.map(\.passage.id)
                out.append("  ● \(code.label.text(lang)) (\(places.prefix(4).joined(separator: ", "))\(places.count > 4 ? ", …" : ""))")
            }
        }
        if !recommendedAbsent.isEmpty {
            out.append(lang.pick("  Aanbevolen door de studie, nog niet in de agenda:", "  Recommended by the study, not yet in the agenda:"))
            for code in recommendedAbsent {
                out += Self.wrap("\(code.label.text(lang)): \(code.advice!.text(lang))", first: "  ○ ", indent: 4)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    struct JSONOut: Encodable {
        let file: String
        let title: String
        let ready: Bool
        let verdict: String
        let reason: String
        let phases: AgendaCycle.Phases
        let completeness: Double
        let cycle: JSONReport.CycleOut
        let warnings: [Warning]
        let missing: [Missing]
        let actionTypes: [String]
        let recommendedAbsent: [Recommended]
        /// With `--previous`: the comparison with the previous edition (as `compare --format json`).
        let previous: EditionComparison.JSONOut?
        let passages: [JSONReport.PassageOut]
    }

    struct Warning: Encodable {
        let code: String
        let detail: String
        let message: String
    }

    struct Missing: Encodable {
        let element: String
        let status: CycleStatus
        let advice: String
        let example: String
    }

    struct Recommended: Encodable {
        let code: String
        let label: String
        let why: String
    }

    /// The finding with each piece of evidence once: an item whose words lie
    /// within another item of the same passage (`knelpunt` inside the
    /// sentence `bottleneck+remedy` quotes) is the same evidence and is left out.
    static func distinct(_ finding: CycleFinding) -> CycleFinding {
        let items = finding.evidence
        let kept = items.enumerated().filter { index, item in
            !items.enumerated().contains { other, covering in
                other != index && covering.passage == item.passage && covering.start <= item.start && item.end <= covering.end
                    && (covering.end - covering.start > item.end - item.start || other < index)
            }
        }.map(\.element)
        return CycleFinding(status: finding.status, evidence: kept)
    }

    public func json(_ lang: Language) throws -> Data {
        let (headline, reason) = verdict(lang)
        let agenda = JSONReport.agenda(audit)
        let out = JSONOut(
            file: audit.document.path, title: audit.document.title, ready: isReady, verdict: headline, reason: reason,
            phases: cycle.phases, completeness: cycle.phases.completeness,
            cycle: JSONReport.CycleOut(elements: cycle.elements.mapValues(Self.distinct), phases: cycle.phases),
            warnings: audit.document.warnings.map { Warning(code: $0.code, detail: $0.detail, message: $0.message(lang)) },
            missing: missing.map { Missing(element: $0.rawValue, status: cycle.status($0), advice: CycleText.advice($0, in: cycle, lang),
                                           example: CycleText.example($0, lang, year: exampleYear)) },
            actionTypes: audit.coded.actionTypes,
            recommendedAbsent: recommendedAbsent.map { Recommended(code: $0.id, label: $0.label.text(lang), why: $0.advice!.text(lang)) },
            previous: previous?.output(lang),
            passages: agenda.passages)
        var data = try JSONReport.encoder().encode(out)
        data.append(0x0A)
        return data
    }
}

