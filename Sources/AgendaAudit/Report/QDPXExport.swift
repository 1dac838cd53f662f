import Foundation
import ZIPFoundation

/// REFI-QDA 1.0 export (QDA-XML, `urn:QDA-XML:project:1.0`) for ATLAS.ti,
/// MAXQDA, NVivo and QualCoder: `project(_:lang:)` is the `project.qde`
/// document, `write(_:to:lang:)` the `.qdpx` zip with `project.qde` and one
/// `sources/<guid>.txt` per agenda.
///
/// - The codebook has two group codes (not codable): the twelve action types
///   (name = label, colour and definition from the rubric) and the six cycle
///   elements.
/// - Every agenda is a `TextSource` whose stored text is exactly
///   `Document.text` (LF only, UTF-8 without BOM), so `startPosition` and
///   `endPosition` of a `PlainTextSelection` are the passage's `start` and
///   `end`: Unicode code points of that text, end exclusive.
/// - One selection per passage that has a code or a cycle element (present
///   or partial), named by its passage id (`p3`), with one `Coding` per
///   action type and per cycle element.
/// - GUIDs are name-based UUIDs (version 5: SHA-1 of a fixed namespace and a
///   name such as `code:bemiddelaars` or `selection:<path>#p3`), so
///   re-exporting the same audit gives the same GUIDs and diffs cleanly.
/// - Elements follow the schema order (Users, CodeBook, Sources); every
///   export is validated against `Project.xsd` in the tests.
public enum QDPXExport {
    /// The namespace of all GUIDs of this tool: UUIDv5(URL namespace, "urn:agenda-audit:refi-qda").
    static let namespace: [UInt8] = StableGUID.bytes(
        namespace: StableGUID.urlNamespace, name: "urn:agenda-audit:refi-qda")

    /// A stable GUID for a name such as `code:bemiddelaars`.
    public static func guid(_ name: String) -> String {
        StableGUID.format(StableGUID.bytes(namespace: namespace, name: name))
    }

    public static let userName = "agenda-audit"

    /// The `project.qde` document. `date` becomes every `creationDateTime`
    /// (second precision, UTC).
    public static func project(_ result: AuditResult, lang: Language, date: Date = Date()) -> String {
        let stamp = timestamp(date)
        let user = guid("user:\(userName)")
        var xml = XMLWriter()
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        xml.open("Project", [("xmlns", "urn:QDA-XML:project:1.0"),
                             ("name", "agenda-audit: \(result.rubric.name)"),
                             ("origin", "agenda-audit"),
                             ("creatingUserGUID", user),
                             ("creationDateTime", stamp)])

        xml.open("Users")
        xml.empty("User", [("guid", user), ("name", userName)])
        xml.close("Users")

        xml.open("CodeBook")
        xml.open("Codes")
        xml.open("Code", [("guid", guid("group:action-types")), ("name", lang.pick("Actietypen", "Action types")),
                          ("isCodable", "false")])
        xml.element("Description", lang.pick(
            "De twaalf actietypen van de studie uit 2023 (Significant APE 2018 plus drie nieuwe), zoals agenda-audit ze codeert.",
            "The twelve action types of the 2023 study (Significant APE 2018 plus three new ones), as coded by agenda-audit."))
        for code in result.rubric.codes {
            xml.open("Code", [("guid", actionCodeGUID(code.id)), ("name", lang.pick(code.label.nl, code.label.en)),
                              ("isCodable", "true"), ("color", code.color)])
            xml.element("Description", lang.pick(code.definition.nl, code.definition.en))
            xml.close("Code")
        }
        xml.close("Code")
        xml.open("Code", [("guid", guid("group:cycle")), ("name", lang.pick("Beleidscyclus", "Policy cycle")),
                          ("isCodable", "false")])
        xml.element("Description", lang.pick(
            "De zes elementen van plan-do-check-act op papier; een passage krijgt een element als het daar aanwezig of deels aanwezig is.",
            "The six elements of plan-do-check-act on paper; a passage gets an element when it is present or partial there."))
        for element in CycleElement.allCases {
            xml.open("Code", [("guid", cycleCodeGUID(element)), ("name", CycleText.label(element, lang)),
                              ("isCodable", "true"), ("color", cycleColor(element))])
            xml.element("Description", cycleDescription(element, lang))
            xml.close("Code")
        }
        xml.close("Code")
        xml.close("Codes")
        xml.close("CodeBook")

        let audits = uniqueAudits(result)
        if !audits.isEmpty {
            xml.open("Sources")
            let names = FileMatcher.uniqueNames(audits.map(\.document.path))
            for (audit, name) in zip(audits, names) {
                let document = audit.document
                let sourceGUID = sourceGUID(document.path)
                xml.open("TextSource", [("guid", sourceGUID), ("name", name),
                                        ("plainTextPath", "internal://\(sourceGUID).txt"),
                                        ("creatingUser", user), ("creationDateTime", stamp)])
                xml.element("Description", document.title)
                for (index, item) in audit.coded.passages.enumerated() {
                    let elements = cycleElements(audit, index)
                    guard !item.codes.isEmpty || !elements.isEmpty else { continue }
                    let passage = item.passage
                    let selection = "\(document.path)#\(passage.id)"
                    xml.open("PlainTextSelection", [("guid", guid("selection:\(selection)")), ("name", passage.id),
                                                    ("startPosition", String(passage.start)),
                                                    ("endPosition", String(passage.end)),
                                                    ("creatingUser", user), ("creationDateTime", stamp)])
                    // The page a PDF passage starts on, as the selection's description.
                    if let page = passage.page { xml.element("Description", lang.pick("blz. \(page)", "p. \(page)")) }
                    var targets: [(key: String, code: String)] = []
                    for assignment in item.codes { targets.append((assignment.code, actionCodeGUID(assignment.code))) }
                    for element in elements { targets.append(("cycle:\(element.rawValue)", cycleCodeGUID(element))) }
                    for target in targets {
                        xml.open("Coding", [("guid", guid("coding:\(selection):\(target.key)")),
                                            ("creatingUser", user), ("creationDateTime", stamp)])
                        xml.empty("CodeRef", [("targetGUID", target.code)])
                        xml.close("Coding")
                    }
                    xml.close("PlainTextSelection")
                }
                xml.close("TextSource")
            }
            xml.close("Sources")
        }
        xml.close("Project")
        return xml.output
    }

    /// Writes the `.qdpx` zip: `project.qde` and `sources/<guid>.txt` for
    /// each agenda (exactly `Document.text`, UTF-8 without BOM). The zip is
    /// built in memory and written through `OutputFile` (a temporary file
    /// beside the target, renamed into place), so a failed export never
    /// leaves a truncated file. Entry dates are `date`, so two exports of
    /// the same audit at the same `date` are byte-identical.
    public static func write(_ result: AuditResult, to path: String, lang: Language, date: Date = Date()) throws {
        let seconds = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        let archive = try Archive(accessMode: .create)
        func add(_ name: String, _ data: Data) throws {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: seconds,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("project.qde", Data(project(result, lang: lang, date: date).utf8))
        for audit in uniqueAudits(result) {
            try add("sources/\(sourceGUID(audit.document.path)).txt", Data(audit.document.text.utf8))
        }
        guard let data = archive.data else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        try OutputFile.write(data, to: path)
    }

    // MARK: GUIDs and names

    public static func actionCodeGUID(_ id: String) -> String { guid("code:\(id)") }
    public static func cycleCodeGUID(_ element: CycleElement) -> String { guid("code:cycle:\(element.rawValue)") }
    public static func sourceGUID(_ path: String) -> String { guid("source:\(path)") }

    /// A path given twice is exported once (its GUIDs would collide).
    static func uniqueAudits(_ result: AuditResult) -> [AuditedAgenda] {
        var seen: Set<String> = []
        return result.audits.filter { seen.insert($0.document.path).inserted }
    }

    /// The cycle elements a passage shows (present or partial), in cycle order.
    static func cycleElements(_ audit: AuditedAgenda, _ index: Int) -> [CycleElement] {
        guard let cycle = audit.cycle, cycle.passages.indices.contains(index),
              cycle.passages[index].passage.id == audit.coded.passages[index].passage.id else { return [] }
        let found = cycle.passages[index].elements
        return CycleElement.allCases.filter { (found[$0]?.status ?? .absent) != .absent }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func cycleColor(_ element: CycleElement) -> String {
        switch element {
        // Not the action types' colours (the rubric's are the first twelve of Tableau 20): dark and saturated,
        // so a cycle element never looks like an action type in a QDA tool's margin.
        case .measurableGoals: return "#393B79"
        case .jobsTarget: return "#637939"
        case .planning: return "#8C6D31"
        case .monitoring: return "#843C39"
        case .problemAnalysis: return "#7B4173"
        case .boardSignature: return "#3B7A57"
        }
    }

    static func cycleDescription(_ element: CycleElement, _ lang: Language) -> String {
        switch element {
        case .measurableGoals:
            return lang.pick("Een doel met een aantal voor iets anders dan banen (werkgevers, bijeenkomsten, begeleiders), met een streefdatum of doelformulering.",
                             "A goal with a number for something other than jobs (employers, meetings, supervisors), framed as a target.")
        case .jobsTarget:
            return lang.pick("Een doel met een aantal banen, plaatsingen of fte voor de doelgroep.",
                             "A target number of jobs, placements or FTE for the target group.")
        case .planning:
            return lang.pick("Een activiteit gekoppeld aan een datum, maand, kwartaal of uiterste termijn.",
                             "An activity tied to a date, month, quarter or deadline.")
        case .monitoring:
            return lang.pick("Een vergelijking van doel en realisatie, of een terugblik op de vorige agenda.",
                             "A comparison of goal and realisation, or a follow-up of the previous agenda.")
        case .problemAnalysis:
            return lang.pick("Een knelpunt of oorzaak, met (aanwezig) of zonder (deels) een oplossing erna.",
                             "A bottleneck or cause, with (present) or without (partial) a remedy after it.")
        case .boardSignature:
            return lang.pick("Het bestuur heeft de agenda vastgesteld of ondertekend.",
                             "The board has adopted or signed the agenda.")
        }
    }
}

// MARK: XML

/// A small escaping XML writer with two-space indentation.
struct XMLWriter {
    private(set) var output = ""
    private var depth = 0

    mutating func raw(_ text: String) { output += text }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        output += indent + "<" + name + Self.attributes(attributes) + ">\n"
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        output += indent + "</" + name + ">\n"
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        output += indent + "<" + name + Self.attributes(attributes) + "/>\n"
    }

    mutating func element(_ name: String, _ text: String) {
        output += indent + "<" + name + ">" + Self.escape(text, attribute: false) + "</" + name + ">\n"
    }

    private var indent: String { String(repeating: "  ", count: depth) }

    private static func attributes(_ list: [(String, String)]) -> String {
        list.map { " \($0.0)=\"\(escape($0.1, attribute: true))\"" }.joined()
    }

    /// Escapes markup characters; in attributes also tab, CR and LF (which
    /// attribute normalisation would otherwise turn into spaces). Characters
    /// XML 1.0 does not allow (C0 controls other than tab, CR, LF; U+FFFE,
    /// U+FFFF) become U+FFFD.
    static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

// MARK: Name-based GUIDs

/// UUID version 5 (RFC 9562 §5.5): SHA-1 of a namespace UUID and a name,
/// truncated to 128 bits with the version and variant bits set.
enum StableGUID {
    /// The RFC's URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
    static let urlNamespace: [UInt8] = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                        0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]

    static func bytes(namespace: [UInt8], name: String) -> [UInt8] {
        var digest = Array(SHA1.hash(namespace + Array(name.utf8)).prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        return digest
    }

    /// 8-4-4-4-12 lowercase hex.
    static func format(_ bytes: [UInt8]) -> String {
        let hex = bytes.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }
        return [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }.joined(separator: "-")
    }
}

/// SHA-1 (FIPS 180-4). Only for name-based identifiers, not for security.
enum SHA1 {
    static func hash(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]
        var data = message
        let bitLength = UInt64(message.count) &* 8
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }

        var w = [UInt32](repeating: 0, count: 80)
        for chunk in stride(from: 0, to: data.count, by: 64) {
            for i in 0..<16 {
                let b = chunk + i * 4
                w[i] = UInt32(data[b]) << 24 | UInt32(data[b + 1]) << 16 | UInt32(data[b + 2]) << 8 | UInt32(data[b + 3])
            }
            for i in 16..<80 { w[i] = rotate(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1) }
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for i in 0..<80 {
                let f: UInt32, k: UInt32
                switch i {
                case 0..<20: f = (b & c) | (~b & d); k = 0x5A827999
                case 20..<40: f = b ^ c ^ d; k = 0x6ED9EBA1
                case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC
                default: f = b ^ c ^ d; k = 0xCA62C1D6
                }
                let temp = rotate(a, 5) &+ f &+ e &+ k &+ w[i]
                e = d
                d = c
                c = rotate(b, 30)
                b = a
                a = temp
            }
            h[0] = h[0] &+ a
            h[1] = h[1] &+ b
            h[2] = h[2] &+ c
            h[3] = h[3] &+ d
            h[4] = h[4] &+ e
        }
        return h.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - $0 * 8)) } }
    }

    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value << count) | (value >> (32 - count))
    }
}
