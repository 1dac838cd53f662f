import Foundation

/// The web check's optional previous agenda (`check --previous` in the browser): the form fields, reading the
/// upload or pasted text, and the look-back section of the result page. Kept apart from `WebCheck.swift`, which
/// only calls these.
extension WebCheck {
    /// The fields for the previous agenda, inside the check's form.
    func previousFields(_ html: inout HTMLReport.Builder, lang: Language) {
        html.open("details", attributes: ["class": "field", "id": "previous-fields"])
        html.element("summary", lang.pick("Optioneel: vergelijk met de vorige agenda", "Optional: compare with the previous agenda"))
        html.element("p", lang.pick(
            "Bouwt uw nieuwe agenda voort op de vorige? Geef de vorige agenda mee; de check kijkt dan of de nieuwe agenda over elk doel van de vorige rapporteert en de knelpunten aanpakt.",
            "Does your new agenda build on the previous one? Add the previous agenda; the check then tests whether the new agenda reports on each goal of the previous one and addresses the bottlenecks."))
        html.element("label", lang.pick("Vorige agenda (bestand)", "Previous agenda (file)"), attributes: ["for": "previous"])
        html.raw("<input type=\"file\" id=\"previous\" name=\"previous\" accept=\"\(Self.acceptedTypes)\">\n")
        html.element("label", lang.pick("Of plak hier de tekst van de vorige agenda", "Or paste the text of the previous agenda here"),
                     attributes: ["for": "previousText"])
        html.raw("<textarea id=\"previousText\" name=\"previousText\" rows=\"6\"></textarea>\n")
        html.close("details")
    }

    /// The previous agenda from the form, audited: nil when none was given, or the page that says what is wrong.
    func previousAgenda(_ form: MultipartForm, lang: Language) -> Result<AuditedAgenda?, ErrorReply> {
        let upload = form.part("previous").flatMap { $0.data.isEmpty || ($0.filename ?? "").isEmpty ? nil : $0 }
        let pasted = form.text("previousText")?.trimmingWhitespace() ?? ""
        let name: String, ext: String, data: Data
        if let upload {
            name = upload.filename ?? "upload"
            ext = (name as NSString).pathExtension.lowercased()
            guard Self.allowedExtensions.contains(ext) else {
                return .failure(ErrorReply(reply: errorPage(415, lang: lang, message: lang.pick("De vorige agenda “\(name)”: ", "The previous agenda “\(name)”: ")
                    + IngestError.unsupportedType(ext: ext).message(lang) + ".")))
            }
            data = upload.data
        } else if !pasted.isEmpty {
            name = lang.pick("geplakte vorige agenda", "pasted previous agenda")
            ext = "txt"
            data = Data(pasted.utf8)
        } else {
            return .success(nil)
        }
        if data.count > uploadLimit { return .failure(ErrorReply(reply: tooLarge(lang: lang))) }
        do {
            let document = try Ingest.parse(data: data, path: name, ext: ext)
            if let refused = tooManyPassages(document, name: name, lang: lang) { return .failure(ErrorReply(reply: refused)) }
            return .success(pipeline.audit(document))
        } catch {
            return .failure(ErrorReply(reply: errorPage(422, lang: lang, message: lang.pick(
                "De vorige agenda kan niet worden gelezen: ", "The previous agenda cannot be read: ") + error.message(lang) + ".")))
        }
    }

    struct ErrorReply: Error { let reply: Reply }

    /// The look-back on the result page: the verdict, every old goal with the result that reports on it (both quoted).
    func lookBackSection(_ html: inout HTMLReport.Builder, report: CheckReport, lang: Language) {
        guard let comparison = report.previous else { return }
        html.open("section", attributes: ["id": "previous"])
        html.element("h2", lang.pick("Terugblik op de vorige agenda", "Looking back on the previous agenda"))
        html.element("p", comparison.headline(lang) + ". " + comparison.reason(lang), attributes: ["class": "lookback \(comparison.verdict.rawValue)"])
        if let note = comparison.titleNote(lang) { html.element("p", note, attributes: ["class": "notice"]) }
        html.open("ul")
        for link in comparison.goals {
            html.open("li", attributes: ["data-reported": link.report == nil ? "false" : "true"])
            html.element("q", comparison.sentence(of: link.goal, in: comparison.old))
            html.text(" — ")
            if let result = link.report {
                html.text(lang.pick("gerapporteerd: ", "reported on: "))
                html.element("q", comparison.sentence(of: result, in: comparison.new))
                html.text(" (" + comparison.figures(link, lang) + ")")
            } else {
                html.element("strong", lang.pick("niet gerapporteerd", "not reported on"))
            }
            html.close("li")
        }
        if comparison.goals.isEmpty { html.element("li", lang.pick("De vorige agenda had geen doelen met een aantal.", "The previous agenda had no goals with a number.")) }
        html.close("ul")
        for item in comparison.advice(lang) { html.element("p", item, attributes: ["class": "example"]) }
        html.close("section")
    }
}
