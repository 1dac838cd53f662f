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
            if form.tooManyParts {
                return errorPage(400, lang: lang, message: lang.pick(
                    "Het formulier heeft meer dan \(MultipartForm.maximumParts) velden; de check leest er niet meer dan \(MultipartForm.maximumParts).",
                    "The form has more than \(MultipartForm.maximumParts) fields; the check reads no more than \(MultipartForm.maximumParts)."))
            }
            return check(form, lang: lang)
        case ("GET", "/check"):
            return page(200, title: lang.pick("Werkagenda-check", "Work agenda check"), lang: lang) { startPage(&$0, lang: lang, message: nil) }
        default:
            return errorPage(404, lang: lang, message: lang.pick("Deze pagina bestaat niet.", "This page does not exist."))
        }
    }

    /// The refusal of a request that names another host (a DNS rebinding page)
    /// or posts from another site's page; nil when the request may go on.
    public func refusal(_ guardian: RequestGuard, method: String, path: String, host: String?, origin: String?,
                        fetchSite: String?) -> Reply? {
        let pieces = path.split(separator: "?", maxSplits: 1)
        let lang = Self.language(pieces.count > 1 ? String(pieces[1]) : nil)
        guard guardian.admits(host: host) else {
            return errorPage(421, lang: lang, message: lang.pick(
                "Deze check neemt alleen verzoeken aan voor zijn eigen adres (localhost of het adres waarop hij is gestart), niet voor een andere naam.",
                "This check only answers requests for its own address (localhost or the address it was started on), not for another name."))
        }
        if method.uppercased() != "GET", method.uppercased() != "HEAD",
           !guardian.admits(origin: origin, fetchSite: fetchSite, host: host) {
            return errorPage(403, lang: lang, message: lang.pick(
                "Het formulier kwam van een andere website. De check neemt alleen formulieren van zijn eigen pagina aan.",
                "The form came from another website. The check only accepts forms from its own page."))
        }
        return nil
    }

    /// The reply when every worker is busy and the queue is full.
    public func busy(lang: Language = .nl) -> Reply {
        errorPage(503, lang: lang, message: lang.pick(
            "De check is druk, probeer het zo opnieuw.",
            "The check is busy, please try again in a moment."))
    }

    /// The reply for an upload that broke off or was too slow to arrive.
    public func unreadableRequest(lang: Language = .nl) -> Reply {
        errorPage(400, lang: lang, message: lang.pick(
            "Het bestand kwam niet volledig aan. Probeer het opnieuw.",
            "The file did not arrive completely. Please try again."))
    }

    /// The reply for an upload that went over the limit before it was read.
    public func tooLarge(lang: Language = .nl) -> Reply {
        errorPage(413, lang: lang, message: lang.pick(
            "Het bestand is te groot. De check neemt bestanden tot \(uploadLimit / (1024 * 1024)) MB aan.",
            "The file is too large. The check accepts files up to \(uploadLimit / (1024 * 1024)) MB."))
    }

    func check(_ form: MultipartForm, lang: Language) -> Reply {
        // A browser sends an empty part without a file name when no file was chosen.
        let upload = form.part("file").flatMap { ($0.filename ?? "").isEmpty ? nil : $0 }
        let pasted = form.text("text")?.trimmingWhitespace() ?? ""
        let name: String, ext: String, data: Data
        if let upload {
            name = upload.filename ?? "upload"
            ext = (name as NSString).pathExtension.lowercased()
            guard Self.allowedExtensions.contains(ext) else {
                return errorPage(415, lang: lang, message: "“\(name)”: " + IngestError.unsupportedType(ext: ext).message(lang) + ".")
            }
            guard !upload.data.isEmpty else {
                return page(400, title: lang.pick("Werkagenda-check", "Work agenda check"), lang: lang) {
                    startPage(&$0, lang: lang, message: lang.pick(
                        "Het bestand “\(name)” is leeg (0 bytes). Kies het bestand met de tekst van de agenda, of plak de tekst hieronder.",
                        "The file “\(name)” is empty (0 bytes). Choose the file with the text of the agenda, or paste the text below."))
                }
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
            return errorPage(422, lang: lang, message: lang.pick("“\(name)” kan niet worden gelezen: ", "“\(name)” cannot be read: ")
                             + error.message(lang) + ".")
        }
        if let refused = tooManyPassages(document, name: name, lang: lang) { return refused }
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
        let printable = printablePage(report, lang: lang)
        let other: Language = lang == .nl ? .en : .nl
        let alternate = printablePage(report, lang: other)
        return page(200, title: lang.pick("Resultaat: ", "Result: ") + document.title, lang: lang,
                    alternate: (alternate, "werkagenda-check-\(other.rawValue).html")) {
            resultPage(&$0, report: report, lang: lang, downloads: (json, printable))
        }
    }

    /// Agendas with more passages are refused (a work agenda has a few hundred).
    public static let maximumPassages = 5_000

    /// The reply refusing a document over `maximumPassages`, for the draft and the previous agenda alike; nil when it is within.
    func tooManyPassages(_ document: Document, name: String, lang: Language) -> Reply? {
        guard document.passages.count > Self.maximumPassages else { return nil }
        return errorPage(422, lang: lang, message: lang.pick(
            "“\(name)” heeft \(IngestError.grouped(document.passages.count, ".")) passages; de check neemt agenda's tot \(IngestError.grouped(Self.maximumPassages, ".")) passages aan (een werkagenda heeft er meestal een paar honderd). Controleer of dit het goede bestand is.",
            "“\(name)” has \(IngestError.grouped(document.passages.count, ",")) passages; the check accepts agendas of up to \(IngestError.grouped(Self.maximumPassages, ",")) passages (a work agenda usually has a few hundred). Check that this is the right file."))
    }

    /// The file types the form's file fields offer, from `allowedExtensions`: ".pdf,.docx,...".
    static var acceptedTypes: String { allowedExtensions.map { "." + $0 }.joined(separator: ",") }
    /// The result page shows at most this many passages with findings ...
    public static let maximumShownPassages = 400
    /// ... and at most this much of their text (characters); the rest is summarised.
    public static let maximumShownText = 400_000
    /// A JSON download larger than this is left off the page (it would double the page).
    public static let maximumEmbeddedJSON = 4 * 1024 * 1024

    /// The check as a page of its own, for printing or saving: no menu, no downloads.
    func printablePage(_ report: CheckReport, lang: Language) -> Data {
        var html = HTMLReport.Builder()
        html.raw("<!DOCTYPE html>\n<html lang=\"\(lang.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
        html.element("title", lang.pick("Werkagenda-check: ", "Work agenda check: ") + report.audit.document.title)
        html.raw("<style>\(HTMLReport.css(rubric))\(Self.css)\(Self.printCSS)</style>\n</head>\n<body class=\"printable\">\n<main>\n")
        resultPage(&html, report: report, lang: lang, downloads: nil)
        html.raw("</main>\n</body>\n</html>\n")
        return Data(html.output.utf8)
    }

    // MARK: Pages

    func page(_ status: Int, title: String, lang: Language, alternate: (page: Data, filename: String)? = nil,
              _ body: (inout HTMLReport.Builder) -> Void) -> Reply {
        var html = HTMLReport.Builder()
        html.raw("<!DOCTYPE html>\n<html lang=\"\(lang.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'\">\n")
        html.element("title", title)
        html.raw("<style>\(HTMLReport.css(rubric))\(Self.css)</style>\n</head>\n<body>\n")
        html.open("header", attributes: ["class": "top"])
        html.element("a", lang.pick("Werkagenda-check", "Work agenda check"), attributes: ["href": "/?lang=\(lang.rawValue)", "class": "brand"])
        if let alternate {
            // A result page: the other language is this result, as a page to download (the upload is not kept).
            html.element("a", lang == .nl ? "English (download)" : "Nederlands (download)", attributes: [
                "href": "data:text/html;charset=utf-8;base64," + alternate.page.base64EncodedString(),
                "download": alternate.filename, "lang": lang == .nl ? "en" : "nl", "id": "other-language"])
        } else {
            html.element("a", lang == .nl ? "English" : "Nederlands",
                         attributes: ["href": lang == .nl ? "/?lang=en" : "/?lang=nl", "lang": lang == .nl ? "en" : "nl"])
        }
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
        html.raw("<input type=\"file\" id=\"file\" name=\"file\" accept=\"\(Self.acceptedTypes)\">\n")
        html.close("div")
        html.open("div", attributes: ["class": "field"])
        html.element("label", lang.pick("Of plak hier de tekst van de agenda", "Or paste the text of the agenda here"), attributes: ["for": "text"])
        html.raw("<textarea id=\"text\" name=\"text\" rows=\"10\"></textarea>\n")
        html.close("div")
        previousFields(&html, lang: lang)
        html.element("button", lang.pick("Controleer de agenda", "Check the agenda"), attributes: ["type": "submit"])
        html.close("form")
    }

    func resultPage(_ html: inout HTMLReport.Builder, report: CheckReport, lang: Language, downloads: (json: Data, printable: Data)?) {
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
                html.element("p", CycleText.advice(element, in: cycle, lang))
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
        var withFindings = 0, shown = 0, shownText = 0
        for (position, item) in report.audit.coded.passages.enumerated() {
            let findings = cycle.passages[position].elements
            guard !item.codes.isEmpty || !findings.isEmpty else { continue }
            withFindings += 1
            guard shown < Self.maximumShownPassages, shownText < Self.maximumShownText else { continue }
            shown += 1
            shownText += item.passage.text.utf16.count
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
        if withFindings == 0 {
            html.element("p", lang.pick(
                "De check vond in geen van de \(report.audit.coded.passages.count) passages een actietype of een onderdeel van de beleidscyclus. Hierboven staat wat er nog bij moet.",
                "The check found no action type and no part of the policy cycle in any of the \(report.audit.coded.passages.count) passages. What is missing is listed above."),
                attributes: ["class": "notice", "id": "no-findings"])
        } else if shown < withFindings {
            html.element("p", lang.pick(
                "Deze pagina toont de eerste \(shown) van de \(withFindings) passages met bevindingen (de grens van de pagina is \(Self.maximumShownPassages) passages of \(IngestError.grouped(Self.maximumShownText, ".")) tekens); het oordeel en de tellingen hierboven gaan over de hele agenda.",
                "This page shows the first \(shown) of the \(withFindings) passages with findings (the page's limit is \(Self.maximumShownPassages) passages or \(IngestError.grouped(Self.maximumShownText, ",")) characters); the verdict and counts above cover the whole agenda."),
                attributes: ["class": "notice", "id": "summarised"])
        }
        html.close("section")

        guard let downloads else { return }
        html.open("p", attributes: ["class": "downloads"])
        if downloads.json.count <= Self.maximumEmbeddedJSON {
            html.element("a", lang.pick("Download als JSON", "Download as JSON"), attributes: [
                "href": "data:application/json;base64," + downloads.json.base64EncodedString(), "download": "werkagenda-check.json"])
        } else {
            html.text(lang.pick("(De JSON is groter dan \(Self.maximumEmbeddedJSON / (1024 * 1024)) MB en staat niet op deze pagina.)",
                                "(The JSON is larger than \(Self.maximumEmbeddedJSON / (1024 * 1024)) MB and is not on this page.)"))
        }
        html.text(" · ")
        html.element("a", lang.pick("Download de check om te printen (HTML)", "Download the check for printing (HTML)"), attributes: [
            "href": "data:text/html;charset=utf-8;base64," + downloads.printable.base64EncodedString(), "download": "werkagenda-check.html"])
        html.text(" · ")
        html.element("a", lang.pick("Nog een agenda controleren", "Check another agenda"), attributes: ["href": "/?lang=\(lang.rawValue)"])
        html.close("p")
    }

    static let printCSS = """
    body.printable main{max-width:none}
    @media print{.verdict,.advice,.passage{break-inside:avoid}a{color:inherit;text-decoration:none}}

    """

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
