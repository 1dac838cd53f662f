/// One self-contained HTML file: no network, no external assets, no
/// JavaScript. Inline CSS (with print rules) and inline SVG drawn here.
/// All document text is escaped, so an agenda containing `<script>` shows
/// it as text.
public enum HTMLReport {
    public static func render(_ result: AuditResult, lang: Language) -> String {
        var html = Builder()
        html.raw("<!DOCTYPE html>\n<html lang=\"\(lang.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
        html.element("title", lang.pick("Audit werkagenda's", "Work agenda audit"))
        html.raw("<style>\(css(result.rubric))</style>\n</head>\n<body>\n<main>\n")
        html.element("h1", lang.pick("Audit werkagenda's banenafspraak", "Audit of job agreement work agendas"))
        html.open("p", attributes: ["class": "meta"])
        html.text(lang.pick("Codeboek: ", "Codebook: ") + "\(result.rubric.name) (\(result.rubric.version)) · "
                  + lang.pick("\(result.audits.count) agenda's", "\(result.audits.count) agendas"))
        html.close("p")
        if !result.failures.isEmpty {
            html.open("section", attributes: ["class": "errors"])
            html.element("h2", lang.pick("Niet geaudit", "Not audited"))
            html.open("ul")
            for failure in result.failures { html.element("li", "\(failure.path): \(failure.error.message(lang))") }
            html.close("ul")
            html.close("section")
        }
        matrix(result, lang: lang, into: &html)
        breadthChart(result, lang: lang, into: &html)
        cycleTable(result, lang: lang, into: &html)
        for (index, audit) in result.audits.enumerated() {
            agenda(audit, index: index, rubric: result.rubric, lang: lang, into: &html)
        }
        html.raw("</main>\n</body>\n</html>\n")
        return html.output
    }

    // MARK: Sections

    static func anchor(_ index: Int) -> String { "agenda-\(index + 1)" }

    static func matrix(_ result: AuditResult, lang: Language, into html: inout Builder) {
        let codes = result.rubric.codes
        html.open("section", attributes: ["id": "matrix"])
        html.element("h2", lang.pick("Actietypen per agenda", "Action types per agenda"))
        html.open("table", attributes: ["class": "matrix"])
        html.open("thead")
        html.open("tr")
        html.element("th", "Agenda", attributes: ["scope": "col"])
        for code in codes {
            html.open("th", attributes: ["scope": "col", "title": code.label.text(lang), "class": "code-head"])
            html.element("span", "\(code.number)")
            html.element("span", code.id, attributes: ["class": "code-id"])
            html.close("th")
        }
        html.element("th", lang.pick("Breedte", "Breadth"), attributes: ["scope": "col"])
        html.close("tr")
        html.close("thead")
        html.open("tbody")
        for (index, audit) in result.audits.enumerated() {
            html.open("tr", attributes: ["data-agenda": audit.document.path])
            html.open("th", attributes: ["scope": "row"])
            html.element("a", audit.document.displayName, attributes: ["href": "#" + anchor(index)])
            html.close("th")
            for code in codes {
                let count = audit.coded.passages.filter { $0.codes.contains { $0.code == code.id } }.count
                if count > 0 {
                    html.element("td", "\(count)", attributes: [
                        "class": "cell present c-\(code.id)", "data-code": code.id,
                        "title": lang.pick("\(count) passage(s) met \(code.id)", "\(count) passage(s) with \(code.id)")])
                } else {
                    html.element("td", "·", attributes: ["class": "cell absent", "data-code": code.id])
                }
            }
            html.element("td", "\(audit.coded.breadth)", attributes: ["class": "breadth"])
            html.close("tr")
        }
        html.close("tbody")
        html.open("tfoot")
        html.open("tr")
        html.element("th", "N/\(result.audits.count)", attributes: ["scope": "row"])
        for (code, count) in result.codeCounts {
            html.element("td", "\(count)", attributes: ["class": "count", "data-code": code.id])
        }
        html.element("td", "")
        html.close("tr")
        html.close("tfoot")
        html.close("table")
        html.open("p", attributes: ["class": "note"])
        html.text(lang.pick("Een gekleurde cel geeft het aantal passages met het actietype; · betekent afwezig.",
                            "A coloured cell gives the number of passages with the action type; · means absent."))
        html.close("p")
        html.close("section")
    }

    static func breadthChart(_ result: AuditResult, lang: Language, into html: inout Builder) {
        let audits = result.audits
        guard !audits.isEmpty else { return }
        let maxBreadth = max(result.rubric.codes.count, 1)
        let rowHeight = 22, labelWidth = 190, barWidth = 420
        let height = audits.count * rowHeight + 30
        html.open("section", attributes: ["id": "breadth"])
        html.element("h2", lang.pick("Breedte per agenda", "Breadth per agenda"))
        html.raw("<svg role=\"img\" aria-label=\"\(escape(lang.pick("Staafdiagram van de breedte per agenda", "Bar chart of breadth per agenda")))\" "
                 + "width=\"\(labelWidth + barWidth + 40)\" height=\"\(height)\" viewBox=\"0 0 \(labelWidth + barWidth + 40) \(height)\" "
                 + "xmlns=\"http://www.w3.org/2000/svg\">\n")
        for tick in stride(from: 0, through: maxBreadth, by: 2) {
            let x = labelWidth + barWidth * tick / maxBreadth
            html.raw("<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(height - 20)\" class=\"grid\"/>")
            html.raw("<text x=\"\(x)\" y=\"\(height - 6)\" class=\"tick\">\(tick)</text>\n")
        }
        for (index, audit) in audits.enumerated() {
            let y = index * rowHeight + 4
            let width = barWidth * audit.coded.breadth / maxBreadth
            html.raw("<text x=\"\(labelWidth - 8)\" y=\"\(y + 14)\" class=\"label\">\(escape(audit.document.displayName))</text>")
            html.raw("<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(width)\" height=\"\(rowHeight - 6)\" class=\"bar\"/>")
            html.raw("<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 14)\" class=\"value\">\(audit.coded.breadth)</text>\n")
        }
        html.raw("</svg>\n")
        html.close("section")
    }

    static func cycleTable(_ result: AuditResult, lang: Language, into html: inout Builder) {
        guard result.audits.contains(where: { $0.cycle != nil }) else { return }
        html.open("section", attributes: ["id": "cycle"])
        html.element("h2", lang.pick("Beleidscyclus (plan-do-check-act)", "Policy cycle (plan-do-check-act)"))
        html.open("table", attributes: ["class": "cycle"])
        html.open("thead")
        html.open("tr")
        html.element("th", "Agenda", attributes: ["scope": "col"])
        for element in CycleElement.allCases { html.element("th", CycleText.label(element, lang), attributes: ["scope": "col"]) }
        for phase in ["Plan", "Do", "Check", "Act"] { html.element("th", phase, attributes: ["scope": "col"]) }
        html.element("th", lang.pick("Compleet", "Complete"), attributes: ["scope": "col"])
        html.close("tr")
        html.close("thead")
        html.open("tbody")
        for audit in result.audits {
            guard let cycle = audit.cycle else { continue }
            html.open("tr")
            html.element("th", audit.document.displayName, attributes: ["scope": "row"])
            for element in CycleElement.allCases {
                let finding = cycle.elements[element]
                let status = finding?.status ?? .absent
                var places: [String] = []
                for evidence in finding?.evidence ?? [] where !places.contains(evidence.passage) { places.append(evidence.passage) }
                let title: String = places.isEmpty ? "" : lang.pick("bewijs: ", "evidence: ") + places.joined(separator: ", ")
                let attributes: [String: String] = ["class": "status " + status.rawValue, "data-element": element.rawValue, "title": title]
                html.element("td", CycleText.status(status, lang), attributes: attributes)
            }
            for score in [cycle.phases.plan, cycle.phases.do, cycle.phases.check, cycle.phases.act] {
                html.element("td", CycleText.score(score), attributes: ["class": "phase"])
            }
            html.element("td", CycleText.score(cycle.phases.completeness) + "/4", attributes: ["class": "phase"])
            html.close("tr")
        }
        html.close("tbody")
        html.close("table")
        html.close("section")
    }

    static func agenda(_ audit: AuditedAgenda, index: Int, rubric: Rubric, lang: Language, into html: inout Builder) {
        html.open("section", attributes: ["class": "agenda", "id": anchor(index)])
        html.element("h2", audit.document.title)
        html.open("p", attributes: ["class": "meta"])
        html.text("\(audit.document.path) · " + lang.pick("breedte", "breadth") + " \(audit.coded.breadth) · "
                  + audit.coded.actionTypes.joined(separator: ", "))
        html.close("p")
        var lastSection: [String] = []
        for (position, item) in audit.coded.passages.enumerated() {
            let cycleFindings = audit.cycle?.passages[position].elements ?? [:]
            guard !item.codes.isEmpty || !cycleFindings.isEmpty else { continue }
            if item.passage.section != lastSection, let heading = item.passage.section.last {
                html.element("h3", heading)
                lastSection = item.passage.section
            }
            html.open("div", attributes: ["class": "passage", "id": "\(anchor(index))-\(item.passage.id)",
                                          "data-passage": item.passage.id])
            html.open("div", attributes: ["class": "margin"])
            html.element("span", "\(item.passage.id) · " + item.passage.placeWithoutID(lang),
                         attributes: ["class": "place"])
            for assignment in item.codes {
                html.element("span", assignment.code, attributes: [
                    "class": "chip c-\(assignment.code)",
                    "title": assignment.evidence.map { "\($0.text) [\($0.term)]" }.joined(separator: "; ")])
            }
            for (element, finding) in cycleFindings.sorted(by: { $0.key < $1.key }) {
                html.element("span", CycleText.label(element, lang) + (finding.status == .partial ? " (" + CycleText.status(.partial, lang) + ")" : ""),
                             attributes: ["class": "chip cycle-chip", "title": finding.evidence.map(\.text).joined(separator: "; ")])
            }
            html.close("div")
            html.open("p", attributes: ["class": "text"])
            highlighted(item, into: &html)
            html.close("p")
            html.close("div")
        }
        html.close("section")
    }

    /// The passage text with each coded word range wrapped in a `mark` in the code's colour.
    static func highlighted(_ item: CodedPassage, into html: inout Builder) {
        struct Span { var start: Int; var end: Int; var code: String; var title: String }
        var spans: [Span] = []
        for assignment in item.codes {
            for evidence in assignment.evidence where evidence.role == .term {
                spans.append(Span(start: evidence.start - item.passage.start, end: evidence.end - item.passage.start,
                                  code: assignment.code, title: "\(assignment.code): \(evidence.term)"))
            }
        }
        spans.sort { ($0.start, $1.end) < ($1.start, $0.end) }
        // Keep non-overlapping spans; an overlapped one adds its code to the title of the first.
        var kept: [Span] = []
        for span in spans {
            if let last = kept.last, span.start < last.end {
                if !last.title.contains(span.code) { kept[kept.count - 1].title += "; \(span.title)" }
                continue
            }
            kept.append(span)
        }
        let scalars = Array(item.passage.text.unicodeScalars)
        var cursor = 0
        func piece(_ from: Int, _ to: Int) -> String {
            String(String.UnicodeScalarView(scalars[max(0, min(from, scalars.count))..<max(0, min(to, scalars.count))]))
        }
        for span in kept where span.start >= cursor && span.end <= scalars.count {
            html.text(piece(cursor, span.start))
            html.element("mark", piece(span.start, span.end), attributes: ["class": "c-\(span.code)", "title": span.title,
                                                                            "data-code": span.code])
            cursor = span.end
        }
        html.text(piece(cursor, scalars.count))
    }

    static func css(_ rubric: Rubric) -> String {
        var css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:0;line-height:1.45}
        main{max-width:1100px;margin:0 auto;padding:1.5rem}
        h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
        h3{font-size:1rem;color:#444;margin:1.2rem 0 .4rem}
        .meta,.note{color:#555;font-size:.9rem}
        table{border-collapse:collapse;font-size:.88rem}
        th,td{border:1px solid #d0d0d0;padding:.25rem .4rem;text-align:center}
        th[scope=row]{text-align:left;font-weight:600;white-space:nowrap}
        .code-head span{display:block}.code-id{font-size:.65rem;font-weight:400;writing-mode:vertical-rl;transform:rotate(180deg);max-height:9rem;margin:0 auto}
        .cell.absent{color:#999}.cell.present{font-weight:700;color:#111}
        tfoot td,tfoot th{font-weight:700;background:#f3f3f3}
        svg .bar{fill:#2b6cb0}svg .grid{stroke:#e2e2e2}svg text{font-size:12px;fill:#222}
        svg .label{text-anchor:end}svg .tick{text-anchor:middle;fill:#666}
        .status.present{background:#c6efce;color:#0b4f1c}.status.partial{background:#ffeb9c;color:#6b4e00}.status.absent{background:#f4cccc;color:#7a1010}
        .passage{display:grid;grid-template-columns:14rem 1fr;gap:.8rem;border-top:1px solid #eee;padding:.4rem 0;break-inside:avoid}
        .margin{font-size:.75rem}.place{display:block;color:#666}
        .chip{display:inline-block;border-radius:.6rem;padding:0 .45rem;margin:.1rem .15rem .1rem 0;font-size:.72rem;color:#111}
        .cycle-chip{background:#e8e8e8;border:1px dashed #888}
        .text{margin:0}mark{padding:0 .1rem;border-radius:.2rem;color:#111}
        .errors{border:1px solid #c00;padding:.5rem 1rem;background:#fff5f5}
        @media print{main{max-width:none;padding:0}.passage{grid-template-columns:10rem 1fr}a{color:inherit;text-decoration:none}
        h2{break-after:avoid}section.agenda{break-before:page}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}

        """
        for code in rubric.codes {
            // A light tint for marks and cells, the full colour as a left border.
            css += ".c-\(code.id){background:\(tint(code.color));box-shadow:inset 0 -2px 0 \(code.color)}\n"
        }
        return css
    }

    /// The colour mixed 60% with white, so dark text stays readable on it.
    static func tint(_ hex: String) -> String {
        let digits = Array(hex.dropFirst())
        func channel(_ index: Int) -> Int { Int(String(digits[index * 2...index * 2 + 1]), radix: 16) ?? 0 }
        let mixed = (0..<3).map { (channel($0) * 2 + 255 * 3) / 5 }
        return "#" + mixed.map { String($0, radix: 16).leftPadded(2) }.joined()
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escaping HTML writer.
    struct Builder {
        private(set) var output = ""

        mutating func raw(_ text: String) { output += text }
        mutating func text(_ text: String) { output += HTMLReport.escape(text) }

        mutating func open(_ name: String, attributes: [String: String] = [:]) {
            output += "<\(name)"
            for (key, value) in attributes.sorted(by: { $0.key < $1.key }) where !value.isEmpty {
                output += " \(key)=\"\(HTMLReport.escape(value))\""
            }
            output += ">"
        }

        mutating func close(_ name: String) { output += "</\(name)>\n" }

        mutating func element(_ name: String, _ content: String, attributes: [String: String] = [:]) {
            open(name, attributes: attributes)
            text(content)
            output += "</\(name)>"
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
