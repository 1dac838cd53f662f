/// CSV that opens in Excel and R: RFC 4180 quoting, a UTF-8 byte-order mark
/// (Excel needs it for diacritics; R's readr and read.csv with
/// `fileEncoding = "UTF-8-BOM"` skip it), CRLF line ends, and a choice of
/// comma or semicolon (Dutch Excel) as the delimiter.
public enum CSVReport {
    public enum Delimiter: String, Sendable, CaseIterable {
        case comma, semicolon
        var character: String { self == .comma ? "," : ";" }
    }

    /// One row per agenda: file, title, a 0/1 column per action type, breadth.
    public static func matrix(_ result: AuditResult, delimiter: Delimiter = .comma) -> String {
        matrix(result.summary, delimiter: delimiter)
    }

    public static func matrix(_ result: BatchSummary, delimiter: Delimiter = .comma) -> String {
        var rows: [[String]] = [["file", "title"] + result.rubric.codes.map(\.id) + ["breadth"]]
        for agenda in result.agendas {
            let present = Set(agenda.actionTypes)
            rows.append([agenda.path, agenda.title]
                        + result.rubric.codes.map { present.contains($0.id) ? "1" : "0" }
                        + [String(agenda.breadth)])
        }
        return render(rows, delimiter: delimiter)
    }

    /// One row per coded passage and code: file, passage, start, end, code, evidence, text, page.
    public static func passages(_ result: AuditResult, delimiter: Delimiter = .comma) -> String {
        passageHeader(delimiter) + result.audits.map { passageRows($0, delimiter: delimiter) }.joined()
    }

    /// The header line of the per-passage CSV, with the byte-order mark.
    static func passageHeader(_ delimiter: Delimiter) -> String { render([passageHeader], delimiter: delimiter) }

    /// Streams the per-passage CSV: the header (with the byte-order mark)
    /// before the first rows, or alone at the end of a batch without codes.
    public final class PassageWriter {
        private let delimiter: Delimiter
        private let emit: ([UInt8]) throws -> Void
        private var wroteHeader = false

        public init(delimiter: Delimiter, emit: @escaping ([UInt8]) throws -> Void) {
            self.delimiter = delimiter
            self.emit = emit
        }

        /// Adds the UTF-8 of rows made by `passageRows` (made on any thread).
        public func add(rows: [UInt8]) throws {
            try header()
            try emit(rows)
        }

        public func finish() throws { try header() }

        private func header() throws {
            guard !wroteHeader else { return }
            wroteHeader = true
            try emit(Array(passageHeader(delimiter).utf8))
        }
    }

    /// `page`: the page where the passage starts (PDF), empty for sources without pages.
    static let passageHeader = ["file", "passage", "start", "end", "code", "evidence", "text", "page"]

    /// The rows of one agenda, for streaming after the header.
    public static func passageRows(_ audit: AuditedAgenda, delimiter: Delimiter = .comma) -> String {
        var rows: [[String]] = []
        for item in audit.coded.passages {
            for assignment in item.codes {
                let evidence = assignment.evidence.map { "\($0.text) [\($0.term)]" }.joined(separator: "; ")
                rows.append([audit.document.path, item.passage.id, String(item.passage.start), String(item.passage.end),
                             assignment.code, evidence, item.passage.text, item.passage.page.map(String.init) ?? ""])
            }
        }
        return rows.isEmpty ? "" : render(rows, delimiter: delimiter, bom: false)
    }

    static func render(_ rows: [[String]], delimiter: Delimiter, bom: Bool = true) -> String {
        (bom ? "\u{FEFF}" : "") + rows.map { row in row.map { quote($0, delimiter) }.joined(separator: delimiter.character) }
            .joined(separator: "\r\n") + "\r\n"
    }

    static func quote(_ field: String, _ delimiter: Delimiter) -> String {
        let needsQuotes = field.contains(delimiter.character) || field.contains("\"") || field.contains("\n")
            || field.contains("\r") || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
