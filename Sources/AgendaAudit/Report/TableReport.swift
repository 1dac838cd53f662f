/// The code x agenda matrix for an 80-column terminal: rows are agendas,
/// columns the action types by number, then breadth; the last row gives
/// "N/12" per type; a legend names the numbered types.
public enum TableReport {
    public static func render(_ result: AuditResult, lang: Language) -> String {
        let codes = result.rubric.codes
        let audits = result.audits
        let nameWidth = min(max(audits.map { displayName($0).count }.max() ?? 6, lang.pick("Agenda", "Agenda").count, 6), 24)
        func pad(_ text: String, _ width: Int) -> String {
            let cut = text.count > width ? String(text.prefix(width - 1)) + "…" : text
            return cut + String(repeating: " ", count: max(0, width - cut.count))
        }
        func right(_ text: String, _ width: Int) -> String {
            String(repeating: " ", count: max(0, width - text.count)) + text
        }
        var lines: [String] = []
        let breadthLabel = lang.pick("Breedte", "Breadth")
        lines.append(pad(lang.pick("Agenda", "Agenda"), nameWidth) + codes.map { right(String($0.number), 3) }.joined()
                     + "  " + breadthLabel)
        lines.append(String(repeating: "-", count: nameWidth + codes.count * 3 + 2 + breadthLabel.count))
        for audit in audits {
            let present = Set(audit.coded.actionTypes)
            lines.append(pad(displayName(audit), nameWidth)
                         + codes.map { right(present.contains($0.id) ? "●" : "·", 3) }.joined()
                         + "  " + right(String(audit.coded.breadth), breadthLabel.count))
        }
        lines.append(String(repeating: "-", count: nameWidth + codes.count * 3 + 2 + breadthLabel.count))
        let total = audits.count
        lines.append(pad("N/\(total)", nameWidth) + result.codeCounts.map { right(String($0.count), 3) }.joined())
        lines.append("")
        // Legend in two columns.
        let entries = codes.map { right(String($0.number), 2) + " " + $0.id }
        let half = (entries.count + 1) / 2
        for row in 0..<half {
            let left = pad(entries[row], 36)
            let rightEntry = row + half < entries.count ? entries[row + half] : ""
            lines.append((left + rightEntry).trimmingTrailingSpaces())
        }
        if !result.failures.isEmpty {
            lines.append("")
            lines.append(lang.pick("Niet geaudit:", "Not audited:"))
            for failure in result.failures { lines.append("  \(failure.path): \(failure.error.message(lang))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The file name without folder and extension.
    static func displayName(_ audit: AuditedAgenda) -> String {
        let path = audit.document.path
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
