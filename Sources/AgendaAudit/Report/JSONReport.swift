import Foundation

/// The `--format json` document. Field names are documented in the README
/// ("JSON format"); later features add fields, never rename them.
public enum JSONReport {
    public static let formatVersion = 1

    struct RubricInfo: Encodable { let name: String; let version: String }

    struct CodeInfo: Encodable {
        let id: String
        let number: Int
        let label: String
        let color: String
    }

    struct Agenda: Encodable {
        let file: String
        let title: String
        let format: String
        let actionTypes: [String]
        let breadth: Int
        let cycle: CycleOut?
        let warnings: [IngestWarning]
        let passages: [PassageOut]
    }

    /// Element id -> {status, evidence}, plus "phases" and "completeness".
    struct CycleOut: Encodable {
        let elements: [CycleElement: CycleFinding]
        let phases: AgendaCycle.Phases

        init(_ cycle: AgendaCycle) {
            elements = cycle.elements
            phases = cycle.phases
        }

        init(elements: [CycleElement: CycleFinding], phases: AgendaCycle.Phases) {
            self.elements = elements
            self.phases = phases
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for element in CycleElement.allCases {
                try container.encode(elements[element], forKey: Key(stringValue: element.rawValue))
            }
            try container.encode(phases, forKey: Key(stringValue: "phases"))
            try container.encode(phases.completeness, forKey: Key(stringValue: "completeness"))
        }
    }

    struct PassageOut: Encodable {
        let id: String
        let kind: String
        let start: Int
        let end: Int
        let line: Int
        /// The page where the passage starts (PDF); absent for sources without pages.
        let page: Int?
        let section: [String]
        let text: String
        let codes: [CodeAssignment]
        let suppressed: [SuppressedHit]
        /// Cycle element id -> status, for the elements this passage shows.
        let cycle: [String: CycleStatus]
    }

    struct Summary: Encodable {
        let agendas: Int
        let failed: Int
        /// Code id -> number of agendas that have it.
        let counts: [String: Int]
        /// File -> breadth.
        let breadth: [String: Int]
    }

    struct FileError: Encodable {
        let file: String
        let error: String
    }

    /// The agenda as `Encodable` values: the definition of the format. The
    /// stream writes the same bytes by hand (`JSONWriter.swift`), and
    /// `StreamingTests` holds the two to each other on the twelve agendas.
    static func agenda(_ audit: AuditedAgenda) -> Agenda {
        let coded = audit.coded
        return Agenda(
            file: coded.document.path, title: coded.document.title, format: coded.document.format.rawValue,
            actionTypes: coded.actionTypes, breadth: coded.breadth, cycle: audit.cycle.map(CycleOut.init),
            warnings: coded.document.warnings,
            passages: coded.passages.enumerated().map { index, item in
                let findings = audit.cycle?.passages[index].elements ?? [:]
                return PassageOut(id: item.passage.id, kind: item.passage.kind.rawValue, start: item.passage.start,
                                  end: item.passage.end, line: item.passage.line, page: item.passage.page, section: item.passage.section,
                                  text: item.passage.text, codes: item.codes, suppressed: item.suppressed,
                                  cycle: Dictionary(uniqueKeysWithValues: findings.map { ($0.key.rawValue, $0.value.status) }))
            })
    }

    /// A document with at least this many bytes of text is written to the stream a piece at a time
    /// (`Writer.add(streaming:)`) rather than rendered whole on its worker; its passages may be set aside as they
    /// are done (`JSONPassageSpill`) rather than kept until it is written.
    public static let streamedLength = 4 << 20

    /// One agenda's JSON, as it appears on its line in the stream.
    public static func fragment(_ audit: AuditedAgenda) -> [UInt8] {
        // The JSON is about four times the text: room for five times (at most 128 MB reserved, which a large
        // document's pages fill only as they are written), so the buffer is not copied as it grows.
        var json = JSONBuffer(capacity: min(audit.coded.document.utf8Count * 5, 1 << 27) + (1 << 16))
        write(audit, into: &json) { _ in }
        return json.bytes
    }

    /// The whole document in memory (tests, small batches).
    public static func render(_ result: AuditResult, lang: Language) throws -> Data {
        var data = Data()
        let writer = Writer(rubric: result.rubric, lang: lang) { data.append($0) }
        for audit in result.audits { try writer.add(audit) }
        try writer.finish(result.summary)
        return data
    }

    /// Streams the document: one line per agenda, written as soon as the
    /// agenda is done, so a batch never holds more than one agenda's JSON.
    /// The layout is fixed: the header fields, then `"agendas":[` with
    /// one agenda per line, then `summary` and `errors`.
    public final class Writer {
        private let emit: (Data) throws -> Void
        private let rubric: Rubric
        private let lang: Language
        private let encoder = JSONReport.encoder(pretty: false)
        private var written = 0

        public init(rubric: Rubric, lang: Language, emit: @escaping (Data) throws -> Void) {
            self.rubric = rubric
            self.lang = lang
            self.emit = emit
        }

        private func header() throws {
            let rubricInfo = try encoder.encode(RubricInfo(name: rubric.name, version: rubric.version))
            let codes = try encoder.encode(rubric.codes.map {
                CodeInfo(id: $0.id, number: $0.number, label: $0.label.text(lang), color: $0.color)
            })
            var data = Data("{\"tool\":\"agenda-audit\",\"formatVersion\":\(JSONReport.formatVersion),\n\"rubric\":".utf8)
            data.append(rubricInfo)
            data.append(Data(",\n\"codes\":".utf8))
            data.append(codes)
            data.append(Data(",\n\"agendas\":[\n".utf8))
            try emit(data)
        }

        public func add(_ audit: AuditedAgenda) throws {
            try add(fragment: JSONReport.fragment(audit))
        }

        /// Adds an agenda rendered by `JSONReport.fragment` (on any thread).
        public func add(fragment: [UInt8]) throws {
            try beginAgenda()
            try emit(bytesOf: fragment)
            written += 1
        }

        /// Before an agenda: the header before the first, a separator before the others.
        private func beginAgenda() throws {
            if written == 0 { try header() } else { try emit(Data([0x2C, 0x0A])) }
        }

        /// Adds an agenda by writing it here, `chunk` bytes at a time, instead of rendering it whole first: for a
        /// document so long (`streamedLength`) that its JSON, about four times its text, should not be held at once.
        /// The bytes are those of `add(fragment: JSONReport.fragment(audit))`.
        public func add(streaming audit: AuditedAgenda, chunk: Int = 1 << 20) throws {
            try beginAgenda()
            var json = JSONBuffer(capacity: chunk + (1 << 16))
            let drain = { (json: inout JSONBuffer) throws in
                if json.count >= chunk { try json.drain { try self.emit(bytesOf: $0) } }
            }
            if let spill = audit.handedOff as? JSONPassageSpill {
                try JSONReport.write(audit, spill: spill, into: &json, afterPassage: drain)
            } else {
                try JSONReport.write(audit, into: &json, afterPassage: drain)
            }
            try json.drain { try emit(bytesOf: $0) }
            written += 1
        }

        /// The bytes as they are, not a copy: `emit` uses them before it returns.
        private func emit(bytesOf bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { try emit(bytesOf: $0) }
        }

        private func emit(bytesOf raw: UnsafeRawBufferPointer) throws {
            guard let base = raw.baseAddress else { return }
            try emit(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: raw.count, deallocator: .none))
        }

        public func finish(_ summary: BatchSummary) throws {
            if written == 0 { try header() }
            let totals = Summary(
                agendas: summary.agendas.count, failed: summary.failures.count,
                counts: Dictionary(uniqueKeysWithValues: summary.codeCounts.map { ($0.code.id, $0.count) }),
                breadth: Dictionary(summary.agendas.map { ($0.path, $0.breadth) }, uniquingKeysWith: { a, _ in a }))
            var data = Data("\n],\n\"summary\":".utf8)
            data.append(try encoder.encode(totals))
            data.append(Data(",\n\"errors\":".utf8))
            data.append(try encoder.encode(summary.failures.map { FileError(file: $0.path, error: $0.error.message(lang)) }))
            data.append(Data("}\n".utf8))
            try emit(data)
        }
    }

    /// Pretty for the small documents people read (check, agree); compact
    /// for the audit stream.
    static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
