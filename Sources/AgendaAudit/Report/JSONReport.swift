import Foundation

/// The `--format json` document. Field names are documented in the README
/// ("JSON format"); later features add fields, never rename them.
public enum JSONReport {
    public static let formatVersion = 1

    struct Root: Encodable {
        let tool = "agenda-audit"
        let formatVersion = JSONReport.formatVersion
        let rubric: RubricInfo
        let codes: [CodeInfo]
        let agendas: [Agenda]
        let summary: Summary
        let errors: [FileError]
    }

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

    static func agenda(_ audit: AuditedAgenda) -> Agenda {
        let coded = audit.coded
        return Agenda(
            file: coded.document.path, title: coded.document.title, format: coded.document.format.rawValue,
            actionTypes: coded.actionTypes, breadth: coded.breadth, cycle: audit.cycle.map(CycleOut.init),
            warnings: coded.document.warnings,
            passages: coded.passages.enumerated().map { index, item in
                let findings = audit.cycle?.passages[index].elements ?? [:]
                return PassageOut(id: item.passage.id, kind: item.passage.kind.rawValue, start: item.passage.start,
                                  end: item.passage.end, line: item.passage.line, section: item.passage.section,
                                  text: item.passage.text, codes: item.codes, suppressed: item.suppressed,
                                  cycle: Dictionary(uniqueKeysWithValues: findings.map { ($0.key.rawValue, $0.value.status) }))
            })
    }

    public static func render(_ result: AuditResult, lang: Language) throws -> Data {
        let root = Root(
            rubric: RubricInfo(name: result.rubric.name, version: result.rubric.version),
            codes: result.rubric.codes.map { CodeInfo(id: $0.id, number: $0.number, label: $0.label.text(lang), color: $0.color) },
            agendas: result.audits.map(agenda),
            summary: Summary(
                agendas: result.audits.count, failed: result.failures.count,
                counts: Dictionary(uniqueKeysWithValues: result.codeCounts.map { ($0.code.id, $0.count) }),
                breadth: Dictionary(result.audits.map { ($0.document.path, $0.coded.breadth) }, uniquingKeysWith: { a, _ in a })),
            errors: result.failures.map { FileError(file: $0.path, error: $0.error.message(lang)) })
        return try encoder().encode(root)
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
