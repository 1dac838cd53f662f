import Foundation

/// `compare --editions DIR_OLD DIR_NEW`, for the researcher: every agenda of the
/// old folder paired with its next edition in the new folder, compared as in
/// `EditionComparison`, in one table of sectors.
///
/// Pairing: by file name without extension (`defensie.xhtml` ~ `defensie.txt`,
/// case ignored), then the files left by title with years, periods and the
/// words of every title (werkagenda, banenafspraak, sector) left out
/// ("Werkagenda banenafspraak Defensie 2023-2024" ~ "... Defensie 2025-2026").
/// A pair only when exactly one file on each side has that name or title.
/// Files without a partner are named; a file that cannot be read gives its
/// error in its row and the other pairs are compared all the same.
public struct EditionTable: Sendable {
    public struct Row: Sendable {
        /// The sector: the file name without extension (of the new edition when both are there).
        public let sector: String
        public let oldPath: String
        public let newPath: String
        /// `name` or `title`.
        public let pairedBy: String
        public let comparison: EditionComparison?
        /// Why the pair could not be compared: the file and its problem.
        public let error: String?
    }

    public let oldFolder: String
    public let newFolder: String
    public let rows: [Row]
    /// Files with no partner in the other folder, and folder problems (path, message).
    public let unpairedOld: [String]
    public let unpairedNew: [String]
    /// Unreadable files that could not be paired by title (no title to read), with their error.
    public let failures: [(path: String, message: String)]

    /// Reads both folders (all cores), pairs and compares.
    public static func build(old: String, new: String, rubric: Rubric, lang: Language) -> EditionTable {
        let oldInputs = Auditor.expand([old]), newInputs = Auditor.expand([new])
        var outcomes: [AuditOutcome] = []
        Auditor.stream(oldInputs + newInputs, pipeline: Pipeline(rubric: rubric)) { outcomes.append($0) }
        return pair(old: old, new: new, oldOutcomes: Array(outcomes.prefix(oldInputs.count)),
                    newOutcomes: Array(outcomes.dropFirst(oldInputs.count)), lang: lang)
    }

    static func stem(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
    }

    /// A title without years, periods and the words every agenda's title has.
    static func titleKey(_ title: String) -> String {
        let common: Set<String> = ["werkagenda", "banenafspraak", "sector", "de", "het", "van", "voor", "en"]
        return title.lowercased()
            .split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" })
            .map(String.init)
            .filter { !common.contains($0) }
            .joined(separator: " ")
    }

    static func pair(old: String, new: String, oldOutcomes: [AuditOutcome], newOutcomes: [AuditOutcome], lang: Language) -> EditionTable {
        var rows: [Row] = []
        var failures: [(String, String)] = []
        var leftOld = Array(oldOutcomes.indices), leftNew = Array(newOutcomes.indices)
        func error(_ outcome: AuditOutcome) -> String? {
            if case .failed(let path, let problem) = outcome { return "\(path): \(problem.message(lang))" }
            return nil
        }
        func compare(_ o: Int, _ n: Int, by: String) {
            let a = oldOutcomes[o], b = newOutcomes[n]
            let sector = stem(b.path)
            if let message = error(a) ?? error(b) {
                rows.append(Row(sector: sector, oldPath: a.path, newPath: b.path, pairedBy: by, comparison: nil, error: message))
                return
            }
            guard case .audited(let x) = a, case .audited(let y) = b, let comparison = EditionComparison(old: x, new: y) else {
                rows.append(Row(sector: sector, oldPath: a.path, newPath: b.path, pairedBy: by, comparison: nil,
                                error: lang.pick("het codeboek heeft geen 'cycle'-sectie", "the rubric has no 'cycle' section")))
                return
            }
            rows.append(Row(sector: sector, oldPath: a.path, newPath: b.path, pairedBy: by, comparison: comparison, error: nil))
        }
        // Pairs by a key when exactly one file on each side has it.
        func pairBy(_ by: String, _ key: (AuditOutcome) -> String?) {
            var oldKeys: [String: [Int]] = [:], newKeys: [String: [Int]] = [:]
            for o in leftOld { if let k = key(oldOutcomes[o]), !k.isEmpty { oldKeys[k, default: []].append(o) } }
            for n in leftNew { if let k = key(newOutcomes[n]), !k.isEmpty { newKeys[k, default: []].append(n) } }
            var pairedOld = Set<Int>(), pairedNew = Set<Int>()
            for (k, os) in oldKeys where os.count == 1 {
                guard let ns = newKeys[k], ns.count == 1 else { continue }
                compare(os[0], ns[0], by: by)
                pairedOld.insert(os[0]); pairedNew.insert(ns[0])
            }
            leftOld.removeAll(where: pairedOld.contains)
            leftNew.removeAll(where: pairedNew.contains)
        }
        pairBy("name") { stem($0.path) }
        pairBy("title") { outcome in
            if case .audited(let audit) = outcome { return titleKey(audit.document.title) }
            return nil
        }
        // What is left: unreadable files name their error, the others that they have no partner.
        var unpairedOld: [String] = [], unpairedNew: [String] = []
        for o in leftOld { if let message = error(oldOutcomes[o]) { failures.append((oldOutcomes[o].path, message)) } else { unpairedOld.append(oldOutcomes[o].path) } }
        for n in leftNew { if let message = error(newOutcomes[n]) { failures.append((newOutcomes[n].path, message)) } else { unpairedNew.append(newOutcomes[n].path) } }
        rows.sort { $0.sector < $1.sector }
        return EditionTable(oldFolder: old, newFolder: new, rows: rows, unpairedOld: unpairedOld, unpairedNew: unpairedNew,
                            failures: failures.map { (path: $0.0, message: $0.1) })
    }

    /// Every pair compared and nothing unreadable.
    public var complete: Bool { !rows.isEmpty && rows.allSatisfy { $0.error == nil } && failures.isEmpty }

    static func verdictLabel(_ verdict: EditionComparison.Verdict, _ lang: Language) -> String {
        switch verdict {
        case .buildsOn: return lang.pick("bouwt voort", "builds on")
        case .partly: return lang.pick("deels", "partly")
        case .not: return lang.pick("niet", "not")
        }
    }

    // MARK: Text

    public func text(_ lang: Language) -> String {
        let pad = Columns.pad, right = Columns.right
        var lines: [String] = []
        let header = pad(lang.pick("Sector", "Sector"), 22) + right(lang.pick("Doelen", "Goals"), 8)
            + right(lang.pick("Behouden", "Kept"), 10) + right(lang.pick("Nieuw", "Added"), 7) + right(lang.pick("Vervallen", "Dropped"), 11)
            + "  " + lang.pick("Oordeel", "Verdict")
        lines.append(header)
        lines.append(String(repeating: "-", count: header.count + 6))
        for row in rows {
            guard let c = row.comparison else {
                lines.append(pad(row.sector, 22) + "  " + lang.pick("fout: ", "error: ") + (row.error ?? ""))
                continue
            }
            lines.append(pad(row.sector, 22) + right("\(c.reportedOn)/\(c.goals.count)", 8) + right("\(c.kept.count)", 10)
                         + right("\(c.added.count)", 7) + right("\(c.dropped.count)", 11) + "  " + Self.verdictLabel(c.verdict, lang))
        }
        lines.append("")
        lines.append(lang.pick("Doelen: doelen van de vorige agenda waarover de nieuwe rapporteert / alle doelen met een aantal.",
                               "Goals: goals of the previous agenda the new one reports on / all goals with a number."))
        lines.append(lang.pick("Behouden, Nieuw, Vervallen: actietypen van de vorige agenda die bleven, erbij kwamen of verdwenen.",
                               "Kept, Added, Dropped: action types of the previous agenda that stayed, were added or dropped."))
        lines.append(lang.pick("Per paar de doelen met bewijs: agenda-audit compare OUD NIEUW.",
                               "The goals of a pair with their evidence: agenda-audit compare OLD NEW."))
        if !unpairedOld.isEmpty || !unpairedNew.isEmpty {
            lines.append("")
            lines.append(lang.pick("Zonder partner", "Without a partner"))
            for path in unpairedOld { lines.append("  " + lang.pick("vorige editie, geen nieuwe: ", "previous edition, no new one: ") + path) }
            for path in unpairedNew { lines.append("  " + lang.pick("nieuwe editie, geen vorige: ", "new edition, no previous one: ") + path) }
        }
        if !failures.isEmpty {
            lines.append("")
            lines.append(lang.pick("Niet te lezen", "Cannot be read"))
            for failure in failures { lines.append("  " + failure.message) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: CSV

    public func csv(_ lang: Language, delimiter: CSVReport.Delimiter = .comma) -> String {
        var table: [[String]] = [["sector", "old", "new", "paired_by", "goals_reported", "goals_total", "kept", "added", "dropped",
                                  "kept_types", "added_types", "dropped_types", "bottlenecks", "bottlenecks_with_activity", "verdict", "error"]]
        for row in rows {
            guard let c = row.comparison else {
                table.append([row.sector, row.oldPath, row.newPath, row.pairedBy, "", "", "", "", "", "", "", "", "", "", "", row.error ?? ""])
                continue
            }
            table.append([row.sector, row.oldPath, row.newPath, row.pairedBy, "\(c.reportedOn)", "\(c.goals.count)", "\(c.kept.count)",
                          "\(c.added.count)", "\(c.dropped.count)", c.kept.joined(separator: ";"), c.added.joined(separator: ";"),
                          c.dropped.joined(separator: ";"), "\(c.bottlenecks.count)", "\(c.bottlenecks.filter(\.tiedToActivity).count)",
                          c.verdict.rawValue, ""])
        }
        for path in unpairedOld { table.append([Self.stem(path), path, "", "", "", "", "", "", "", "", "", "", "", "", "", lang.pick("geen nieuwe editie", "no new edition")]) }
        for path in unpairedNew { table.append([Self.stem(path), "", path, "", "", "", "", "", "", "", "", "", "", "", "", lang.pick("geen vorige editie", "no previous edition")]) }
        for failure in failures { table.append([Self.stem(failure.path), "", "", "", "", "", "", "", "", "", "", "", "", "", "", failure.message]) }
        return CSVReport.render(table, delimiter: delimiter)
    }

    // MARK: JSON

    struct JSONOut: Encodable {
        struct RowOut: Encodable {
            let sector: String
            let old: String
            let new: String
            let pairedBy: String
            let goalsReported: Int?
            let goalsTotal: Int?
            let kept: [String]?
            let added: [String]?
            let dropped: [String]?
            let verdict: String?
            let error: String?
            let comparison: EditionComparison.JSONOut?
        }
        struct Failure: Encodable { let path: String; let error: String }
        let oldFolder: String
        let newFolder: String
        let rows: [RowOut]
        let unpairedOld: [String]
        let unpairedNew: [String]
        let failures: [Failure]
    }

    public func json(_ lang: Language) throws -> Data {
        let out = JSONOut(
            oldFolder: oldFolder, newFolder: newFolder,
            rows: rows.map { row in
                let c = row.comparison
                return JSONOut.RowOut(sector: row.sector, old: row.oldPath, new: row.newPath, pairedBy: row.pairedBy,
                                      goalsReported: c?.reportedOn, goalsTotal: c?.goals.count, kept: c?.kept, added: c?.added,
                                      dropped: c?.dropped, verdict: c?.verdict.rawValue, error: row.error, comparison: c?.output(lang))
            },
            unpairedOld: unpairedOld, unpairedNew: unpairedNew,
            failures: failures.map { JSONOut.Failure(path: $0.path, error: $0.message) })
        var data = try JSONReport.encoder().encode(out)
        data.append(0x0A)
        return data
    }
}
