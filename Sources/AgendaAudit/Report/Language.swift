/// What users read is Dutch first; English with `--lang en`.
public enum Language: String, Sendable, CaseIterable, Codable {
    case nl
    case en

    /// Picks the Dutch or the English text.
    @inlinable
    public func pick(_ dutch: String, _ english: String) -> String {
        self == .nl ? dutch : english
    }
}

extension IngestWarning {
    /// The warning for people: Dutch, or English with `.en`.
    public func message(_ lang: Language) -> String {
        switch code {
        case "windows-1252":
            return lang.pick("tekst is als Windows-1252 gelezen (geen UTF-8); controleer de speciale tekens",
                             "text was read as Windows-1252 (not UTF-8); check special characters")
        case "utf16":
            return lang.pick("tekst is als UTF-16 gelezen", "text was read as UTF-16")
        case "not-well-formed":
            return lang.pick("geen geldige XHTML, gelezen als HTML (\(detail))", "not well-formed XHTML, read as HTML (\(detail))")
        default:
            return detail
        }
    }
}

extension Document {
    /// What a passage's `line` counts: a line of the source file, or for
    /// Word (which has no lines) the paragraph's number in the document.
    public func placeWord(_ lang: Language) -> String {
        format == .docx ? lang.pick("alinea", "paragraph") : lang.pick("regel", "line")
    }

    /// "regel 41", "alinea 12" for a `.docx`, or "blz. 3" for a PDF (the page the passage starts on).
    public func place(_ passage: Passage, _ lang: Language) -> String {
        if let page = passage.page { return lang.pick("blz. \(page)", "p. \(page)") }
        return "\(placeWord(lang)) \(passage.line)"
    }
}
