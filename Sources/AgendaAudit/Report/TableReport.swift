/// The code x agenda matrix for an 80-column terminal: rows are agendas,
/// columns the action types by number, then breadth; the last row gives
/// "N/12" per type; a legend names the numbered types.
public enum TableReport {
    public static func render(_ result: AuditResult, lang: Language) -> String {
        render(result.summary, lang: lang)
    }

    public static func render(_ result: BatchSummary, lang: Language) -> String {
        let codes = result.rubric.codes
        let audits = result.agendas
        let nameWidth = min(max(audits.map { $0.displayName.count }.max() ?? 6, lang.pick("Agenda", "Agenda").count, 6), 20)
        let pad = Columns.pad, right = Columns.right
        var lines: [String] = []
        let breadthLabel = lang.pick("Breedte", "Breadth")
        lines.append(pad(lang.pick("Agenda", "Agenda"), nameWidth) + codes.map { right(String($0.number), 3) }.joined()
                     + "  " + breadthLabel)
        lines.append(String(repeating: "-", count: nameWidth + codes.count * 3 + 2 + breadthLabel.count))
        for audit in audits {
            let present = Set(audit.actionTypes)
            lines.append(pad(audit.displayName, nameWidth)
                         + codes.map { right(present.contains($0.id) ? "●" : "·", 3) }.joined()
                         + "  " + right(String(audit.breadth), breadthLabel.count))
        }
        lines.append(String(repeating: "-", count: nameWidth + codes.count * 3 + 2 + breadthLabel.count))
        let total = audits.count
        lines.append(pad("N/\(total)", nameWidth) + result.codeCounts.map { right(String($0.count), 3) }.joined())
        lines.append("")
        // Legend in two columns: the codebook ids (Dutch words), in English the English labels, cut to fit 80 columns.
        let entries = codes.map { right(String($0.number), 2) + " " + (lang == .nl ? $0.id : $0.label.en) }
        let half = (entries.count + 1) / 2
        for row in 0..<half {
            let left = pad(entries[row], 36)
            let rightEntry = row + half < entries.count ? pad(entries[row + half], 44) : ""
            lines.append((left + rightEntry).trimmingTrailingSpaces())
        }
        if audits.contains(where: { $0.cycle != nil }) {
            lines.append("")
            lines.append(contentsOf: cycleTable(audits, nameWidth: nameWidth, lang: lang, pad: pad, right: right))
        }
        if !result.failures.isEmpty {
            lines.append("")
            lines.append(lang.pick("Niet geaudit:", "Not audited:"))
            for failure in result.failures { lines.append("  \(failure.path): \(failure.error.message(lang))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Plan-do-check-act per agenda: the six elements, the four phase scores and their sum.
    static func cycleTable(_ audits: [AgendaSummary], nameWidth: Int, lang: Language,
                           pad: (String, Int) -> String, right: (String, Int) -> String) -> [String] {
        let elements = CycleElement.allCases
        let phaseLabels = ["P", "D", "C", "A"]
        let totalLabel = lang.pick("Cyclus", "Cycle")
        var lines: [String] = []
        let header = pad(lang.pick("Agenda", "Agenda"), nameWidth) + elements.map { right(CycleText.short($0, lang), 6) }.joined()
            + "  " + phaseLabels.map { right($0, 3) }.joined() + "  " + totalLabel
        lines.append(header)
        lines.append(String(repeating: "-", count: header.count))
        for audit in audits {
            guard let cycle = audit.cycle else { continue }
            let phases = [cycle.phases.plan, cycle.phases.do, cycle.phases.check, cycle.phases.act]
            lines.append(pad(audit.displayName, nameWidth)
                         + elements.map { right(CycleText.symbol(cycle.status($0)), 6) }.joined()
                         + "  " + phases.map { right(CycleText.score($0), 3) }.joined()
                         + "  " + right(CycleText.score(cycle.phases.completeness) + "/4", totalLabel.count))
        }
        lines.append("")
        lines.append(lang.pick("● aanwezig  ◐ deels  · ontbreekt     P D C A: plan, do, check, act (0, ½ of 1)",
                               "● present  ◐ partial  · absent     P D C A: plan, do, check, act (0, ½ or 1)"))
        lines.append(lang.pick("Doel: meetbare doelen anders dan banen   Banen: banendoel   Plan: planning",
                               "Goal: measurable goals other than jobs   Jobs: jobs target   Plan: planning"))
        lines.append(lang.pick("Monit: monitoring   Probl: probleemanalyse   Onder: bestuurlijke ondertekening",
                               "Monit: monitoring   Probl: problem analysis   Sign: board signature"))
        return lines
    }

}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}

/// Fixed-width columns for terminal tables.
enum Columns {
    /// Left-aligned in `width`, cut with "…" when longer.
    static func pad(_ text: String, _ width: Int) -> String {
        let cut = text.count > width ? String(text.prefix(width - 1)) + "…" : text
        return cut + String(repeating: " ", count: max(0, width - cut.count))
    }

    /// Right-aligned in `width`.
    static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
