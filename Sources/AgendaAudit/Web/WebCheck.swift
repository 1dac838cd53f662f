import Foundation

/// The dossierhouder's check in the browser, without the HTTP server: a
/// request (method, path, content type, body) in, a page out. The server
/// front end (`agenda-audit serve`) only moves bytes. Nothing is stored:
/// the upload is read in memory, checked and forgotten; downloads are
/// embedded in the result page as data URLs.
public struct WebCheck: Sendable {
    public struct Reply: Sendable {
        public let status: Int
        public let contentType: String
        public let body: Data
    }

    public let pipeline: Pipeline
    public let rubric: Rubric
    /// Uploads above this many bytes are refused with a friendly page.
    public let uploadLimit: Int

    public static let allowedExtensions = ["pdf", "docx", "txt", "xhtml", "html", "htm"]

    public init(rubric: Rubric, uploadLimit: Int = 10 * 1024 * 1024) {
        self.rubric = rubric
        pipeline = Pipeline(rubric: rubric)
        self.uploadLimit = uploadLimit
    }

    static func language(_ query: String?) -> Language {
        guard let query else { return .nl }
        for pair in query.split(separator: "&") where pair.hasPrefix("lang=") {
            return Language(rawValue: String(pair.dropFirst(5))) ?? .nl
        }
        return .nl
    }

    /// Routes one request. `path` may carry a query (`/?lang=en`).
    public func handle(method: String, path: String, contentType: String?, body: Data) -> Reply {
        let pieces = path.split(separator: "?", maxSplits: 1)
        let route = pieces.first.map(String.init) ?? "/"
        var lang = Self.language(pieces.count > 1 ? String(pieces[1]) : nil)
        switch (method.uppercased(), route) {
        case ("GET", "/"), ("HEAD", "/"):
            return page(200, title: lang.pick("Werkagenda-check", "Work agenda check"), lang: lang) { startPage(&$0, lang: lang, message: nil) }
        case ("POST", "/check"):
            guard let boundary = contentType.flatMap(MultipartForm.boundary(of:)),
                  let form = MultipartForm(body: body, boundary: boundary) else {
                return errorPage(400, lang: lang, message: lang.pick("Het formulier kwam niet goed aan. Probeer het opnieuw.",
                                                                     "The form did not arrive correctly. Please try again."))
            }
            if let chosen = form.text("lang").flatMap(Language.init(rawValue:)) { lang = chosen }
            return check(form, lang: lang)
        case ("GET", "/check"):
            return page(200, title: lang.pick("Werkagenda-check", "Work agenda check"), lang: lang) { startPage(&$0, lang: lang, message: nil) }
        default:
            return errorPage(404, lang: lang, message: lang.pick("Deze pagina bestaat niet.", "This page does not exist."))
        }
    }

    /// The reply for an upload that went over the limit before it was read.
    public func tooLarge(lang: Language = .nl) -> Reply {
        errorPage(413, lang: lang, message: lang.pick(
            "Het bestand is te groot. De check neemt bestanden tot \(uploadLimit / (1024 * 1024)) MB aan.",
            "The file is too large. The check accepts files up to \(uploadLimit / (1024 * 1024)) MB."))
    }

    func check(_ form: MultipartForm, lang: Language) -> Reply {
        let upload = form.part("file").flatMap { $0.data.isEmpty || ($0.filename ?? "").isEmpty ? nil : $0 }
        let pasted = form.text("text")?.trimmingWhitespace() ?? ""
        let name: String, ext: String, data: Data
        if let upload {
            name = upload.filename ?? "upload"
            ext = (name as NSString).pathExtension.lowercased()
            guard Self.allowedExtensions.contains(ext) else {
                return errorPage(415, lang: lang, message: lang.pick(
                    "Dit bestandstype kan de check niet lezen. Gebruik een PDF (.pdf), een Word-bestand (.docx), platte tekst (.txt) of een webpagina (.xhtml, .html).",
                    "The check cannot read this file type. Use a PDF (.pdf), a Word file (.docx), plain text (.txt) or a web page (.xhtml, .html)."))
            }
            data = upload.data
        } else if !pasted.isEmpty {
            name = lang.pick("geplakte tekst", "pasted text")
            ext = "txt"
            data = Data(pasted.utf8)
        } else {
            return page(400, title: lang.pick("Werkagenda-check", "Work agenda check"), lang: lang) {
                startPage(&$0, lang: lang, message: lang.pick("Kies een bestand of plak de tekst van de agenda.",
                                                               "Choose a file or paste the text of the agenda."))
            }
        }
        if data.count > uploadLimit { return tooLarge(lang: lang) }
        let document: Document
        do {
            document = try Ingest.parse(data: data, path: name, ext: ext)
        } catch {
            return errorPage(422, lang: lang, message: lang.pick("Het bestand kan niet worden gelezen: ", "The file cannot be read: ")
                             + error.message(lang) + ".")
        }
        let audit = pipeline.audit(document)
        let previous: AuditedAgenda?
        switch previousAgenda(form, lang: lang) {
        case .success(let found): previous = found
        case .failure(let error): return error.reply
        }
        guard let report = CheckReport(audit: audit, rubric: rubric, previous: previous) else {
            return errorPage(500, lang: lang, message: lang.pick("Het codeboek heeft geen beleidscyclus.", "The rubric has no policy cycle."))
        }
        let json = (try? report.json(lang)) ?? Data()
        let html = HTMLReport.render(AuditResult(rubric: rubric, outcomes: [.audited(audit)]), lang: lang)
        return page(200, title: lang.pick("Resultaat: ", "Result: ") + document.title, lang: lang) {
            resultPage(&$0, report: report, lang: lang, json: json, html: Data(html.utf8))
        }
    }

    // MARK: Pages

    func page(_ status: Int, title: String, lang: Language, _ body: (inout HTMLReport.Builder) -> Void) -> Reply {
        var html = HTMLReport.Builder()
        html.raw("<!DOCTYPE html>\n<html lang=\"\(lang.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'\">\n")
        html.element("title", title)
        html.raw("<style>\(HTMLReport.css(rubric))\(Self.css)</style>\n</head>\n<body>\n")
        html.open("header", attributes: ["class": "top"])
        html.element("a", lang.pick("Werkagenda-check", "Work agenda check"), attributes: ["href": "/?lang=\(lang.rawValue)", "class": "brand"])
        html.element("a", lang == .nl ? "English" : "Nederlands",
                     attributes: ["href": lang == .nl ? "/?lang=en" : "/?lang=nl", "lang": lang == .nl ? "en" : "nl"])
        html.close("header")
        html.raw("<main>\n")
        body(&html)
        html.raw("</main>\n</body>\n</html>\n")
        return Reply(status: status, contentType: "text/html; charset=utf-8", body: Data(html.output.utf8))
    }

    func errorPage(_ status: Int, lang: Language, message: String) -> Reply {
        page(status, title: lang.pick("Er ging iets mis", "Something went wrong"), lang: lang) { html in
            html.element("h1", lang.pick("Er ging iets mis", "Something went wrong"))
            html.open("p", attributes: ["class": "notice error", "role": "alert"])
            html.text(message)
            html.close("p")
            html.open("p")
            html.element("a", lang.pick("Terug naar de check", "Back to the check"), attributes: ["href": "/?lang=\(lang.rawValue)"])
            html.close("p")
        }
    }

    func startPage(_ html: inout HTMLReport.Builder, lang: Language, message: String?) {
        html.element("h1", lang.pick("Is uw werkagenda klaar om in te dienen?", "Is your work agenda ready to submit?"))
        html.open("p", attributes: ["class": "lead"])
        html.text(lang.pick(
            "De check leest uw concept-werkagenda en kijkt of die de hele beleidscyclus doorloopt: meetbare doelen, planning, monitoring en een probleemanalyse. U krijgt een oordeel, ziet welke passages iets opleverden en leest per ontbrekend onderdeel hoe u het kunt schrijven. Uw bestand wordt nergens opgeslagen of naartoe gestuurd.",
            "The check reads your draft work agenda and tests whether it completes the policy cycle: measurable goals, planning, monitoring and a problem analysis. You get a verdict, see which passages counted, and read for each missing part how to write it. Your file is not stored or sent anywhere."))
        html.close("p")
        if let message {
            html.open("p", attributes: ["class": "notice error", "role": "alert"])
            html.text(message)
            html.close("p")
        }
        html.open("form", attributes: ["method": "post", "action": "/check", "enctype": "multipart/form-data"])
        html.raw("<input type=\"hidden\" name=\"lang\" value=\"\(lang.rawValue)\">\n")
        html.open("div", attributes: ["class": "field"])
        html.element("label", lang.pick("Concept-agenda (PDF, Word .docx, .txt, .xhtml of .html, tot \(uploadLimit / (1024 * 1024)) MB)",
                                        "Draft agenda (PDF, Word .docx, .txt, .xhtml or .html, up to \(uploadLimit / (1024 * 1024)) MB)"),
                     attributes: ["for": "file"])
        html.raw("<input type=\"file\" id=\"file\" name=\"file\" accept=\".pdf,.docx,.txt,.xhtml,.html,.htm\">\n")
        html.close("div")
        html.open("div", attributes: ["class": "field"])
        html.element("label", lang.pick("Of plak hier de tekst van de agenda", "Or paste the text of the agenda here"), attributes: ["for": "text"])
        html.raw("<textarea id=\"text\" name=\"text\" rows=\"10\"></textarea>\n")
        html.close("div")
        previousFields(&html, lang: lang)
        html.element("button", lang.pick("Controleer de agenda", "Check the agenda"), attributes: ["type": "submit"])
        html.close("form")
    }

    func resultPage(_ html: inout HTMLReport.Builder, report: CheckReport, lang: Language, json: Data, html reportHTML: Data) {
        let cycle = report.cycle
        let (headline, reason) = report.verdict(lang)
        html.open("section", attributes: ["class": "verdict \(report.isReady ? "ready" : "not-ready")", "id": "verdict"])
        html.element("h1", headline)
        html.element("p", reason)
        html.element("p", lang.pick("Werkagenda: ", "Work agenda: ") + report.audit.document.title, attributes: ["class": "meta"])
        html.close("section")

        html.element("h2", lang.pick("Plan-do-check-act", "Plan-do-check-act"))
        html.open("table", attributes: ["class": "cycle", "id": "phases"])
        html.open("thead")
        html.open("tr")
        for header in [lang.pick("Fase", "Phase"), lang.pick("Score", "Score"), lang.pick("Onderdelen", "Elements")] {
            html.element("th", header, attributes: ["scope": "col"])
        }
        html.close("tr")
        html.close("thead")
        html.open("tbody")
        for (name, score, elements) in report.phaseRows {
            html.open("tr")
            html.element("th", name, attributes: ["scope": "row"])
            html.element("td", CycleText.score(score), attributes: ["class": "phase"])
            html.open("td", attributes: ["class": "elements"])
            if elements.isEmpty {
                html.text(CycleText.actionTypesFound(report.audit.coded.breadth, lang))
            }
            for element in elements {
                let status = cycle.status(element)
                html.element("span", "\(CycleText.label(element, lang)): \(CycleText.status(status, lang))",
                             attributes: ["class": "status \(status.rawValue)", "data-element": element.rawValue])
            }
            html.close("td")
            html.close("tr")
        }
        html.close("tbody")
        html.close("table")
        let signature = cycle.status(.boardSignature)
        html.element("p", "\(CycleText.label(.boardSignature, lang)): \(CycleText.status(signature, lang)) · "
                     + lang.pick("cycluscompleetheid", "cycle completeness") + " \(CycleText.score(cycle.phases.completeness)) "
                     + lang.pick("van 4", "of 4"), attributes: ["class": "meta"])

        lookBackSection(&html, report: report, lang: lang)

        if !report.missing.isEmpty {
            html.open("section", attributes: ["id": "missing"])
            html.element("h2", lang.pick("Wat ontbreekt, en hoe u het schrijft", "What is missing, and how to write it"))
            for element in report.missing {
                let status = cycle.status(element)
                html.open("div", attributes: ["class": "advice", "data-element": element.rawValue])
                html.element("h3", "\(CycleText.label(element, lang)) — \(CycleText.status(status, lang))")
                html.element("p", CycleText.advice(element, status, lang))
                html.open("p", attributes: ["class": "example"])
                html.element("strong", lang.pick("Bijvoorbeeld: ", "For example: "))
                html.text("“\(CycleText.example(element, lang, year: report.exampleYear))”")
                html.close("p")
                html.close("div")
            }
            html.close("section")
        }

        html.open("section", attributes: ["id": "types"])
        html.element("h2", lang.pick("Actietypen", "Action types"))
        html.open("ul")
        for id in report.audit.coded.actionTypes {
            guard let code = report.rubric.code(id) else { continue }
            html.open("li")
            html.element("span", code.label.text(lang), attributes: ["class": "chip c-\(id)"])
            html.close("li")
        }
        if report.audit.coded.actionTypes.isEmpty { html.element("li", lang.pick("Geen actietypen gevonden.", "No action types found.")) }
        html.close("ul")
        if !report.recommendedAbsent.isEmpty {
            html.element("h3", lang.pick("Aanbevolen door de studie, nog niet in de agenda", "Recommended by the study, not yet in the agenda"))
            html.open("ul")
            for code in report.recommendedAbsent {
                html.open("li")
                html.element("strong", code.label.text(lang) + ": ")
                html.text(code.advice!.text(lang))
                html.close("li")
            }
            html.close("ul")
        }
        html.close("section")

        html.open("section", attributes: ["id": "passages"])
        html.element("h2", lang.pick("Uw tekst, met wat de check vond", "Your text, with what the check found"))
        for (position, item) in report.audit.coded.passages.enumerated() {
            let findings = cycle.passages[position].elements
            guard !item.codes.isEmpty || !findings.isEmpty else { continue }
            html.open("div", attributes: ["class": "passage", "data-passage": item.passage.id])
            html.open("div", attributes: ["class": "margin"])
            html.element("span", report.audit.document.place(item.passage, lang), attributes: ["class": "place"])
            for assignment in item.codes {
                html.element("span", assignment.code, attributes: ["class": "chip c-\(assignment.code)"])
            }
            for (element, finding) in findings.sorted(by: { $0.key < $1.key }) {
                html.element("span", CycleText.label(element, lang) + (finding.status == .partial ? ": " + CycleText.status(.partial, lang) : ""),
                             attributes: ["class": "chip cycle-chip"])
            }
            html.close("div")
            html.open("p", attributes: ["class": "text"])
            HTMLReport.highlighted(item, cycle: findings, rubric: report.rubric, lang: lang, into: &html)
            html.close("p")
            html.close("div")
        }
        html.close("section")

        html.open("p", attributes: ["class": "downloads"])
        html.element("a", lang.pick("Download als JSON", "Download as JSON"), attributes: [
            "href": "data:application/json;base64," + json.base64EncodedString(), "download": "werkagenda-check.json"])
        html.text(" · ")
        html.element("a", lang.pick("Download het rapport (HTML)", "Download the report (HTML)"), attributes: [
            "href": "data:text/html;charset=utf-8;base64," + reportHTML.base64EncodedString(), "download": "werkagenda-rapport.html"])
        html.text(" · ")
        html.element("a", lang.pick("Nog een agenda controleren", "Check another agenda"), attributes: ["href": "/?lang=\(lang.rawValue)"])
        html.close("p")
    }

    static let css = """
    .top{display:flex;justify-content:space-between;max-width:1100px;margin:0 auto;padding:.8rem 1.5rem;border-bottom:1px solid #ddd}
    .brand{font-weight:700;color:#123;text-decoration:none}
    .lead{font-size:1.05rem;max-width:48rem}
    .field{margin:1rem 0}label{display:block;font-weight:600;margin-bottom:.3rem}
    textarea{width:100%;max-width:48rem;font:inherit;border:1px solid #767676;border-radius:.3rem;padding:.5rem}
    input[type=file]{font:inherit}
    button{font:inherit;font-weight:600;background:#1d4f91;color:#fff;border:0;border-radius:.3rem;padding:.6rem 1.2rem;cursor:pointer}
    button:focus,a:focus,input:focus,textarea:focus{outline:3px solid #f0b400;outline-offset:2px}
    .notice.error{background:#fdecea;border-left:4px solid #b00020;padding:.6rem 1rem;color:#5f0010}
    .verdict{border-radius:.4rem;padding:.8rem 1.2rem;margin:1rem 0}
    .verdict.ready{background:#e3f4e6;border-left:6px solid #17692e}.verdict.not-ready{background:#fff4e0;border-left:6px solid #a35c00}
    .verdict h1{margin:.2rem 0}
    td.elements{text-align:left}td.elements .status{display:inline-block;margin:.1rem .3rem .1rem 0;padding:0 .4rem;border-radius:.3rem}
    .advice{border-top:1px solid #eee;padding:.3rem 0}.advice h3{margin:.5rem 0 .2rem}.example{color:#333;font-style:italic}
    .downloads{margin-top:2rem}

    """
}
