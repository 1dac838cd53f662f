import CLibXML2
import Foundation
import ZIPFoundation

/// Agreement between agenda-audit and a researcher's hand coding.
///
/// **Units.** Every passage of every compared agenda, crossed with every
/// action type of the rubric, is one binary decision: did the coder give
/// this code to this passage? Both coders decide every unit (no missing
/// values): a passage the researcher left uncoded counts as "not this code".
/// Cycle elements are not compared.
///
/// **Per code** (auto = agenda-audit, human = the hand coding as reference):
/// the 2x2 counts both / auto only / human only / neither, Cohen's kappa,
/// Krippendorff's alpha, percent agreement, precision a/(a+b), recall
/// a/(a+c) and F1 2a/(2a+b+c).
///
/// **Overall**: percent agreement over all units, Krippendorff's alpha
/// (nominal) over all units, and the mean of the per-code kappas that are
/// defined.
///
/// **Edge cases**, never NaN or infinity; an undefined value is `nil`
/// (`null` in JSON, empty in CSV, "n.v.t."/"n/a" in the table):
/// - a code nobody used (all units "neither"): the expected agreement is 1,
///   so kappa and alpha are 0/0: `nil`. The same holds when both coders gave
///   the code to every unit. Precision, recall and F1 are `nil` too (no
///   positives at all); percent agreement is 1.
/// - perfect agreement with both values present: kappa = alpha = 1.
/// - chance level: kappa 0 when the observed agreement equals the agreement
///   expected from the coders' marginals (e.g. one coder never uses the code
///   and the other uses it now and then); kappa is negative below chance.
/// - precision is `nil` when agenda-audit never gave the code, recall `nil`
///   when the human never did; F1 is `nil` only when neither did.
/// - no units at all: every statistic is `nil`.
public enum AgreementStatistics {
    /// The 2x2 table of one code (or the sum over codes).
    public struct Table: Sendable, Equatable, Codable {
        public var both: Int
        public var autoOnly: Int
        public var humanOnly: Int
        public var neither: Int

        public init(both: Int = 0, autoOnly: Int = 0, humanOnly: Int = 0, neither: Int = 0) {
            self.both = both
            self.autoOnly = autoOnly
            self.humanOnly = humanOnly
            self.neither = neither
        }

        public var total: Int { both + autoOnly + humanOnly + neither }

        public mutating func add(auto: Bool, human: Bool) {
            switch (auto, human) {
            case (true, true): both += 1
            case (true, false): autoOnly += 1
            case (false, true): humanOnly += 1
            case (false, false): neither += 1
            }
        }

        public static func + (a: Table, b: Table) -> Table {
            Table(both: a.both + b.both, autoOnly: a.autoOnly + b.autoOnly,
                  humanOnly: a.humanOnly + b.humanOnly, neither: a.neither + b.neither)
        }
    }

    /// Cohen's kappa, (po - pe) / (1 - pe), computed exactly on the counts:
    /// with n units and E = (a+b)(a+c) + (c+d)(b+d),
    /// kappa = (n(a+d) - E) / (n² - E). `nil` when n² = E (pe = 1: both
    /// coders used one and the same value for every unit) or n = 0.
    public static func cohensKappa(_ table: Table) -> Double? {
        let (a, b, c, d) = (Double(table.both), Double(table.autoOnly), Double(table.humanOnly), Double(table.neither))
        let n = a + b + c + d
        let expected = (a + b) * (a + c) + (c + d) * (b + d)
        let denominator = n * n - expected
        guard n > 0, denominator != 0 else { return nil }
        return (n * (a + d) - expected) / denominator
    }

    /// Share of units on which both coders agree; `nil` without units.
    public static func percentAgreement(_ table: Table) -> Double? {
        table.total == 0 ? nil : Double(table.both + table.neither) / Double(table.total)
    }

    /// a / (a + b): of the passages agenda-audit coded, the share the human coded too.
    public static func precision(_ table: Table) -> Double? {
        let predicted = table.both + table.autoOnly
        return predicted == 0 ? nil : Double(table.both) / Double(predicted)
    }

    /// a / (a + c): of the passages the human coded, the share agenda-audit found.
    public static func recall(_ table: Table) -> Double? {
        let actual = table.both + table.humanOnly
        return actual == 0 ? nil : Double(table.both) / Double(actual)
    }

    /// 2a / (2a + b + c), the harmonic mean of precision and recall (0 when one of them is 0 or undefined
    /// while the other coder did use the code); `nil` when neither coder used the code.
    public static func f1(_ table: Table) -> Double? {
        let denominator = 2 * table.both + table.autoOnly + table.humanOnly
        return denominator == 0 ? nil : Double(2 * table.both) / Double(denominator)
    }

    /// Krippendorff's alpha for nominal data, any number of coders, missing
    /// values allowed (`nil`). `units[u][coder]` is the value coder gave unit
    /// u. Units with fewer than two values are not pairable and drop out.
    ///
    /// Coincidences: each ordered pair of values (i ≠ j) within a unit with
    /// m values adds 1/(m-1) to o[v_i][v_j]; n_c = Σ_k o[c][k], n = Σ_c n_c.
    /// alpha = 1 - D_o/D_e = 1 - (n - 1) · Σ_{c≠k} o[c][k] / Σ_{c≠k} n_c·n_k.
    /// `nil` when fewer than two pairable values exist or only one value
    /// occurs (D_e = 0).
    public static func krippendorffAlphaNominal(_ units: [[Int?]]) -> Double? {
        var coincidences: [Int: [Int: Double]] = [:]
        for unit in units {
            let values = unit.compactMap { $0 }
            let m = values.count
            guard m >= 2 else { continue }
            let weight = 1 / Double(m - 1)
            for i in values.indices {
                for j in values.indices where i != j {
                    coincidences[values[i], default: [:]][values[j], default: 0] += weight
                }
            }
        }
        let marginals = coincidences.mapValues { $0.values.reduce(0, +) }
        let n = marginals.values.reduce(0, +)
        guard n > 1 else { return nil }
        var observed = 0.0
        for (c, row) in coincidences {
            for (k, count) in row where k != c { observed += count }
        }
        var expected = 0.0
        for (c, nc) in marginals {
            for (k, nk) in marginals where k != c { expected += nc * nk }
        }
        guard expected > 0 else { return nil }
        return 1 - (n - 1) * observed / expected
    }

    /// Krippendorff's alpha for two coders and binary values from the 2x2
    /// table (the closed form of `krippendorffAlphaNominal`): with N units,
    /// n = 2N pairable values, n₁ = 2a+b+c, n₀ = 2d+b+c and b+c
    /// disagreeing units, alpha = 1 - (2N - 1)(b + c) / (n₁·n₀).
    /// `nil` without units or when one value was never used (n₁·n₀ = 0).
    public static func krippendorffAlpha(_ table: Table) -> Double? {
        let units = Double(table.total)
        let ones = Double(2 * table.both + table.autoOnly + table.humanOnly)
        let zeros = Double(2 * table.neither + table.autoOnly + table.humanOnly)
        guard units > 0, ones * zeros > 0 else { return nil }
        return 1 - (2 * units - 1) * Double(table.autoOnly + table.humanOnly) / (ones * zeros)
    }
}

// MARK: The hand coding

/// A researcher's coding, read from CSV or from a REFI-QDA project
/// (`.qdpx` or `.qde`) exported by a QDA tool.
public struct HumanCoding: Sendable {
    public enum Location: Sendable, Equatable {
        /// A passage id as agenda-audit numbers them (`p3`).
        case passage(String)
        /// Code-point offsets, end exclusive; matched to the passage it overlaps most.
        case span(start: Int, end: Int)
    }

    public struct Entry: Sendable, Equatable {
        /// A path or a file name, as the coding names the file.
        public var file: String
        public var location: Location
        /// The code as the coding names it: an id, a label (nl or en) or a number.
        public var code: String

        public init(file: String, location: Location, code: String) {
            self.file = file
            self.location = location
            self.code = code
        }
    }

    public var entries: [Entry]
    /// Every file the coding covers, even without codes (a QDA source without codings, a CSV row with an empty code).
    public var files: [String]
    /// The text the offsets of a file refer to, when the coding carries it
    /// (a QDA project's source). When it differs from the audited text the
    /// selections are found by their text.
    public var sourceTexts: [String: String]
    /// Remarks made while reading.
    public var notes: [AgreementNote]

    public init(entries: [Entry], files: [String]? = nil, sourceTexts: [String: String] = [:], notes: [AgreementNote] = []) {
        self.entries = entries
        var seen: Set<String> = []
        self.files = (files ?? entries.map(\.file)).filter { seen.insert($0).inserted }
        self.sourceTexts = sourceTexts
        self.notes = notes
    }

    /// Reads `.csv` (or `.tsv`/`.txt` with a CSV header), `.qdpx` or `.qde`.
    public static func load(path: String) throws(HumanCodingError) -> HumanCoding {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).code == NSFileReadNoSuchFileError
                              ? "no such file" : error.localizedDescription)
        }
        switch ext {
        case "csv", "tsv", "txt":
            let text: String
            do {
                text = try TextDecoding.decode(data).text
            } catch {
                throw .undecodable(path: path, error: error)
            }
            return try parseCSV(text)
        case "qdpx":
            return try readQDPX(data)
        case "qde", "xml":
            return try readQDE(data, sourceText: { _ in nil })
        default:
            throw .unsupportedType(ext: ext)
        }
    }

    // MARK: CSV

    /// CSV with a header naming the columns: `file,passage,code` or
    /// `file,start,end,code` (order free, extra columns ignored, so the
    /// `audit --format csv --passages` output reads as a coding too; when
    /// both forms are present, `passage` wins). The delimiter is `,`, `;` or
    /// a tab, whichever the header uses; a BOM and CRLF are fine. Passage
    /// ids are `p3` (or just `3`). A row with an empty code marks the file
    /// as coded without naming a code.
    public static func parseCSV(_ text: String) throws(HumanCodingError) -> HumanCoding {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        let headerLine = body.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let delimiter: Character = headerLine.contains(",") ? "," : (headerLine.contains(";") ? ";" : (headerLine.contains("\t") ? "\t" : ","))
        let rows = try CSVParser.rows(body, delimiter: delimiter)
        guard let header = rows.first else { throw .badHeader(found: "") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ options: String...) -> Int? { names.firstIndex { options.contains($0) } }
        let fileColumn = column("file", "bestand")
        let codeColumn = column("code")
        let passageColumn = column("passage")
        let startColumn = column("start", "begin")
        let endColumn = column("end", "eind")
        guard let fileColumn, let codeColumn, passageColumn != nil || (startColumn != nil && endColumn != nil) else {
            throw .badHeader(found: header.fields.joined(separator: String(delimiter)))
        }
        var entries: [Entry] = []
        var files: [String] = []
        for row in rows.dropFirst() {
            if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func field(_ index: Int?) -> String {
                guard let index, index < row.fields.count else { return "" }
                return row.fields[index].trimmingCharacters(in: .whitespaces)
            }
            let file = field(fileColumn)
            guard !file.isEmpty else { throw .badRow(line: row.line, problem: .emptyFile) }
            files.append(file)
            let code = field(codeColumn)
            let passage = field(passageColumn)
            // `file,,` (and `file,,,`): the file was coded and got no code; it needs no place.
            if code.isEmpty && passage.isEmpty && field(startColumn).isEmpty && field(endColumn).isEmpty { continue }
            let location: Location
            if !passage.isEmpty {
                let trimmed = passage.lowercased()
                if let number = Int(trimmed.hasPrefix("p") ? String(trimmed.dropFirst()) : trimmed), number > 0 {
                    location = .passage("p\(number)")
                } else {
                    throw .badRow(line: row.line, problem: .badPassage(passage))
                }
            } else if startColumn != nil, endColumn != nil {
                guard let start = Int(field(startColumn)), let end = Int(field(endColumn)), start >= 0, end >= start else {
                    throw .badRow(line: row.line, problem: .badOffsets(start: field(startColumn), end: field(endColumn)))
                }
                location = .span(start: start, end: end)
            } else {
                throw .badRow(line: row.line, problem: .noPassage(code: code))
            }
            if code.isEmpty { continue }
            entries.append(Entry(file: file, location: location, code: code))
        }
        return HumanCoding(entries: entries, files: files)
    }

    // MARK: REFI-QDA

    /// The largest part read from a `.qdpx` (a zip bomb stops here).
    static let maximumPartSize = 256 * 1024 * 1024

    /// A REFI-QDA project archive: `project.qde` plus the sources it
    /// references as `internal://<name>` (in `sources/` or `Sources/`).
    public static func readQDPX(_ data: Data) throws(HumanCodingError) -> HumanCoding {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .notQDA(detail: "not a zip archive")
        }
        var byName: [String: ZIPFoundation.Entry] = [:]
        var project: ZIPFoundation.Entry?
        for entry in archive where entry.type == .file {
            let path = entry.path
            let lower = path.lowercased()
            if lower == "project.qde" || (project == nil && lower.hasSuffix(".qde") && !lower.contains("/")) { project = entry }
            let name = lower.split(separator: "/").last.map(String.init) ?? lower
            // Sources in sources/ or Sources/ win over files of the same name elsewhere.
            if byName[name] == nil || lower.hasPrefix("sources/") { byName[name] = entry }
        }
        guard let project else { throw .notQDA(detail: "no project.qde in the archive") }
        let qde = try extract(project, from: archive)
        return try readQDE(qde) { reference in
            // internal://<name>; other schemes point outside the archive.
            guard reference.lowercased().hasPrefix("internal://") else { return nil }
            let name = String(reference.dropFirst("internal://".count)).lowercased()
            let key = name.split(separator: "/").last.map(String.init) ?? name
            guard let entry = byName[key], let bytes = try? extract(entry, from: archive) else { return nil }
            return String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...], as: UTF8.self)
        }
    }

    private static func extract(_ entry: ZIPFoundation.Entry, from archive: Archive) throws(HumanCodingError) -> Data {
        guard entry.uncompressedSize <= UInt64(maximumPartSize) else { throw .notQDA(detail: "\(entry.path) is too large") }
        var output = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                output.append(chunk)
                if output.count > maximumPartSize { throw HumanCodingError.notQDA(detail: "\(entry.path) is too large") }
            }
        } catch let error as HumanCodingError {
            throw error
        } catch {
            throw .notQDA(detail: "\(entry.path) cannot be extracted")
        }
        return output
    }

    /// A `project.qde` (QDA-XML 1.0): the codebook's names by GUID, every
    /// `TextSource` by its `name`, and every `PlainTextSelection` with its
    /// `Coding`s. `sourceText` returns the text behind a `plainTextPath`;
    /// `PlainTextContent` is used when present. Codings on a whole source
    /// (not on a selection) have no passage and are skipped with a note.
    public static func readQDE(_ data: Data, sourceText: (String) -> String?) throws(HumanCodingError) -> HumanCoding {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_HUGE.rawValue)
        let parsed = data.withUnsafeBytes { buffer -> xmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), "project.qde", nil, options)
        }
        guard let document = parsed else { throw .notQDA(detail: "project.qde is not well-formed XML") }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), XMLTree.name(root) == "Project" else {
            throw .notQDA(detail: "the root element is not Project")
        }
        var codeNames: [String: String] = [:]
        func collectCodes(_ node: xmlNodePtr) {
            for child in XMLTree.children(node) {
                switch XMLTree.name(child) {
                case "Code":
                    if let guid = XMLTree.attribute(child, "guid") {
                        codeNames[normalizeGUID(guid)] = XMLTree.attribute(child, "name") ?? ""
                    }
                    collectCodes(child)
                case "Codes", "CodeBook":
                    collectCodes(child)
                default: break
                }
            }
        }
        var sources: [xmlNodePtr] = []
        for child in XMLTree.children(root) {
            switch XMLTree.name(child) {
            case "CodeBook": collectCodes(child)
            case "Sources": sources = XMLTree.children(child).filter { XMLTree.name($0) == "TextSource" }
            default: break
            }
        }
        var entries: [Entry] = []
        var files: [String] = []
        var texts: [String: String] = [:]
        var notes: [AgreementNote] = []
        for source in sources {
            let guid = XMLTree.attribute(source, "guid") ?? ""
            let name = XMLTree.attribute(source, "name").flatMap { $0.isEmpty ? nil : $0 } ?? guid
            files.append(name)
            var text: String?
            var sourceCodings = 0
            for child in XMLTree.children(source) {
                switch XMLTree.name(child) {
                case "PlainTextContent":
                    text = XMLTree.content(child)
                case "PlainTextSelection":
                    guard let start = XMLTree.attribute(child, "startPosition").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                          let end = XMLTree.attribute(child, "endPosition").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                          start >= 0, end >= start else {
                        notes.append(.badSelection(file: name))
                        continue
                    }
                    for coding in XMLTree.children(child) where XMLTree.name(coding) == "Coding" {
                        for reference in XMLTree.children(coding) where XMLTree.name(reference) == "CodeRef" {
                            let target = normalizeGUID(XMLTree.attribute(reference, "targetGUID") ?? "")
                            let code = codeNames[target] ?? "{\(target)}"
                            entries.append(Entry(file: name, location: .span(start: start, end: end), code: code))
                        }
                    }
                case "Coding":
                    sourceCodings += 1
                default: break
                }
            }
            if text == nil, let path = XMLTree.attribute(source, "plainTextPath") { text = sourceText(path) }
            if let text { texts[name] = text }
            if sourceCodings > 0 { notes.append(.sourceCodingSkipped(file: name, count: sourceCodings)) }
        }
        return HumanCoding(entries: entries, files: files, sourceTexts: texts, notes: notes)
    }

    static func normalizeGUID(_ guid: String) -> String {
        guid.trimmingCharacters(in: CharacterSet(charactersIn: "{} \t\n")).lowercased()
    }
}

/// Why the hand coding cannot be read.
public enum HumanCodingError: Error, Sendable, Equatable {
    case unreadable(path: String, reason: String)
    case undecodable(path: String, error: IngestError)
    case unsupportedType(ext: String)
    case badHeader(found: String)
    case badRow(line: Int, problem: RowProblem)
    case notQDA(detail: String)

    /// What is wrong with one CSV row.
    public enum RowProblem: Sendable, Equatable {
        case emptyFile
        /// A passage that is not an id like `p3`.
        case badPassage(String)
        case badOffsets(start: String, end: String)
        /// A code without a passage or offsets.
        case noPassage(code: String)
        case unterminatedQuote

        public func message(_ lang: Language) -> String {
            switch self {
            case .emptyFile:
                return lang.pick("de kolom file is leeg", "the file column is empty")
            case .badPassage(let passage):
                return lang.pick("passage '\(passage)' is geen passage-id zoals p3", "passage '\(passage)' is not an id like p3")
            case .badOffsets(let start, let end):
                return lang.pick("start '\(start)' en end '\(end)' zijn geen posities met start <= end",
                                 "start '\(start)' and end '\(end)' are not offsets with start <= end")
            case .noPassage(let code):
                return lang.pick("code '\(code)' zonder passage of posities; laat ook de code leeg om een bestand zonder codes te melden",
                                 "code '\(code)' without a passage or offsets; leave the code empty too to report a file without codes")
            case .unterminatedQuote:
                return lang.pick("veld met een aanhalingsteken dat niet wordt gesloten", "unterminated quoted field")
            }
        }
    }

    public func message(_ lang: Language) -> String {
        switch self {
        case .unreadable(let path, let reason):
            return lang.pick("\(path): bestand kan niet worden gelezen (\(reason))", "\(path): file cannot be read (\(reason))")
        case .undecodable(let path, let error):
            return "\(path): " + error.message(lang)
        case .unsupportedType(let ext):
            return lang.pick("bestandstype .\(ext) wordt niet ondersteund voor de handmatige codering; gebruik .csv, .qdpx of .qde",
                             "file type .\(ext) is not supported for the hand coding; use .csv, .qdpx or .qde")
        case .badHeader(let found):
            return lang.pick("de CSV moet een kopregel file,passage,code of file,start,end,code hebben (gevonden: '\(found)')",
                             "the CSV needs a header file,passage,code or file,start,end,code (found: '\(found)')")
        case .badRow(let line, let problem):
            return lang.pick("CSV-regel \(line): ", "CSV line \(line): ") + problem.message(lang)
        case .notQDA(let detail):
            return lang.pick("geen leesbaar REFI-QDA-project: \(detail)", "not a readable REFI-QDA project: \(detail)")
        }
    }
}

/// A remark about the comparison: something in the hand coding that could
/// not be used, or was used in a particular way.
public enum AgreementNote: Sendable, Equatable {
    /// The coding names a file that was not audited.
    case fileNotAudited(file: String)
    /// The coding's file name fits several audited files.
    case ambiguousFile(file: String, candidates: [String])
    /// An audited file that the coding does not mention: counted as coded without any code.
    case notInCoding(path: String)
    case unknownPassage(file: String, passage: String)
    /// Offsets that overlap no passage (a heading, the blank line between passages, past the end).
    case spanOutsidePassages(file: String, start: Int, end: Int)
    /// A code name that is neither an action type nor a cycle element.
    case unknownCode(name: String, count: Int)
    /// Codings with cycle elements: not compared.
    case cycleCodesSkipped(count: Int)
    /// The QDA tool's text differs from the audited text: selections were found by their words.
    case textRemapped(file: String)
    case selectionNotFound(file: String, excerpt: String)
    case badSelection(file: String)
    case sourceCodingSkipped(file: String, count: Int)
    /// The QDA project's text has CRLF line ends or characters outside the BMP, so the ways of counting
    /// offsets differ; this is the one whose selections fit the words.
    case offsetConvention(file: String, convention: OffsetConvention)

    public func message(_ lang: Language) -> String {
        switch self {
        case .fileNotAudited(let file):
            return lang.pick("\(file): staat in de handmatige codering maar is niet geaudit; overgeslagen",
                             "\(file): is in the hand coding but was not audited; skipped")
        case .ambiguousFile(let file, let candidates):
            return lang.pick("\(file): past bij meer dan één bestand (\(candidates.joined(separator: ", "))); overgeslagen; geef het pad",
                             "\(file): fits more than one file (\(candidates.joined(separator: ", "))); skipped; give the path")
        case .notInCoding(let path):
            return lang.pick("\(path): komt niet voor in de handmatige codering; telt als zonder codes",
                             "\(path): does not occur in the hand coding; counted as without codes")
        case .unknownPassage(let file, let passage):
            return lang.pick("\(file): passage \(passage) bestaat niet; overgeslagen",
                             "\(file): passage \(passage) does not exist; skipped")
        case .spanOutsidePassages(let file, let start, let end):
            return lang.pick("\(file): posities \(start)-\(end) vallen buiten de passages (een kop?); overgeslagen",
                             "\(file): offsets \(start)-\(end) fall outside the passages (a heading?); skipped")
        case .unknownCode(let name, let count):
            return lang.pick("code '\(name)' is geen actietype van het codeboek; \(count)× overgeslagen",
                             "code '\(name)' is not an action type of the rubric; skipped \(count)×")
        case .cycleCodesSkipped(let count):
            return lang.pick("\(count) coderingen met cyclus-elementen worden niet vergeleken",
                             "\(count) codings with cycle elements are not compared")
        case .textRemapped(let file):
            return lang.pick("\(file): de tekst in het QDA-project wijkt af van de geaudite tekst; selecties zijn op hun woorden teruggezocht",
                             "\(file): the text in the QDA project differs from the audited text; selections were located by their words")
        case .selectionNotFound(let file, let excerpt):
            return lang.pick("\(file): selectie \"\(excerpt)\" niet teruggevonden in de geaudite tekst; overgeslagen",
                             "\(file): selection \"\(excerpt)\" not found in the audited text; skipped")
        case .badSelection(let file):
            return lang.pick("\(file): selectie zonder geldige start- en eindpositie; overgeslagen",
                             "\(file): selection without valid start and end positions; skipped")
        case .sourceCodingSkipped(let file, let count):
            return lang.pick("\(file): \(count) coderingen op de hele bron (geen passage); overgeslagen",
                             "\(file): \(count) codings on the whole source (no passage); skipped")
        case .offsetConvention(let file, let convention):
            return lang.pick("\(file): de posities in het QDA-project tellen \(convention.description(lang)); zo gelezen",
                             "\(file): the offsets in the QDA project count \(convention.description(lang)); read that way")
        }
    }
}

// MARK: The comparison

public struct AgreementReport: Sendable {
    public struct FileSummary: Sendable {
        public let path: String
        public let passages: Int
        /// Passage x code decisions with the code, per coder.
        public let autoCodings: Int
        public let humanCodings: Int
    }

    public struct CodeResult: Sendable {
        public let id: String
        public let number: Int
        public let label: Rubric.Localized
        public let table: AgreementStatistics.Table
        public var kappa: Double? { AgreementStatistics.cohensKappa(table) }
        public var alpha: Double? { AgreementStatistics.krippendorffAlpha(table) }
        public var percentAgreement: Double? { AgreementStatistics.percentAgreement(table) }
        public var precision: Double? { AgreementStatistics.precision(table) }
        public var recall: Double? { AgreementStatistics.recall(table) }
        public var f1: Double? { AgreementStatistics.f1(table) }
    }

    public struct Disagreement: Sendable, Equatable {
        public enum Who: String, Sendable, Codable { case auto, human }
        public let file: String
        public let passage: String
        public let code: String
        /// The coder that gave the code (the other did not).
        public let who: Who
        public let text: String
    }

    /// The hand coding's file, as given.
    public let source: String
    public let files: [FileSummary]
    public let codes: [CodeResult]
    public let disagreements: [Disagreement]
    public let notes: [AgreementNote]

    /// Sum over the codes.
    public var total: AgreementStatistics.Table { codes.map(\.table).reduce(AgreementStatistics.Table(), +) }
    public var units: Int { total.total }
    public var percentAgreement: Double? { AgreementStatistics.percentAgreement(total) }
    /// Krippendorff's alpha over all passage x code units (two coders, nominal).
    public var alpha: Double? { AgreementStatistics.krippendorffAlpha(total) }
    /// The mean of the defined per-code kappas; `nil` when none is defined.
    public var meanKappa: Double? {
        let defined = codes.compactMap(\.kappa)
        return defined.isEmpty ? nil : defined.reduce(0, +) / Double(defined.count)
    }
    public var kappaCodes: Int { codes.filter { $0.kappa != nil }.count }

    /// Compares every audited agenda with the hand coding.
    ///
    /// Files are matched by path (as given, or standardised), then by file
    /// name, then by file name without extension (QDA tools often drop it),
    /// case-insensitively; a name that fits several audited files is
    /// skipped. Code names are matched to the rubric by id, Dutch or English
    /// label, or number (also "3 bestuurlijk-commitment"), folded like the
    /// coder folds words. An offset span goes to the passage it overlaps
    /// most (the earliest on a tie; an empty span to the passage containing
    /// it). When a QDA project carries a source text that differs from the
    /// audited text, each selection is located by its words (whitespace
    /// collapsed), taking the occurrence nearest its relative position.
    public static func compare(_ result: AuditResult, with human: HumanCoding, source: String = "") -> AgreementReport {
        let rubric = result.rubric
        let audits = QDPXExport.uniqueAudits(result)
        var notes = human.notes
        let matcher = FileMatcher(paths: audits.map(\.document.path))

        var fileIndex: [String: Int] = [:]
        var covered: Set<Int> = []
        for file in human.files {
            switch matcher.match(file) {
            case .found(let index):
                fileIndex[file] = index
                covered.insert(index)
            case .ambiguous(let candidates):
                notes.append(.ambiguousFile(file: file, candidates: candidates))
            case .none:
                notes.append(.fileNotAudited(file: file))
            }
        }
        for (index, audit) in audits.enumerated() where !covered.contains(index) {
            notes.append(.notInCoding(path: audit.document.path))
        }

        // Human codes per audit and passage index.
        var humanCodes: [[Set<String>]] = audits.map { Array(repeating: [], count: $0.document.passages.count) }
        var unknown: [String: Int] = [:]
        var unknownOrder: [String] = []
        var cycleSkipped = 0
        var remapped: Set<Int> = []
        var locators: [Int: TextLocator] = [:]
        // Whether a stored text differs from the agenda's (Document.text is put together on each use: once per agenda).
        var storedDiffers: [Int: Bool] = [:]
        // Per file of the coding with a stored text: how its offsets count (decided once, on all its selections).
        var conventions: [String: OffsetConvention.Reader] = [:]
        for (file, stored) in human.sourceTexts where fileIndex[file] != nil {
            let spans = human.entries.compactMap { entry -> (Int, Int)? in
                guard entry.file == file, case .span(let start, let end) = entry.location else { return nil }
                return (start, end)
            }
            guard !spans.isEmpty else { continue }
            let index = fileIndex[file]!
            let audited = audits[index].document.text
            storedDiffers[index] = stored != audited
            let locator = stored == audited ? nil : (locators[index] ?? TextLocator(audited))
            if let locator { locators[index] = locator }
            let reader = OffsetConvention.detect(stored, spans: spans, audited: locator)
            conventions[file] = reader
            if reader.ambiguous { notes.append(.offsetConvention(file: file, convention: reader.convention)) }
        }
        for entry in human.entries {
            guard let index = fileIndex[entry.file] else { continue }
            let code: String
            switch CodeResolver.resolve(entry.code, rubric: rubric) {
            case .action(let id): code = id
            case .cycle:
                cycleSkipped += 1
                continue
            case .unknown:
                if unknown[entry.code] == nil { unknownOrder.append(entry.code) }
                unknown[entry.code, default: 0] += 1
                continue
            }
            let document = audits[index].document
            let passageIndex: Int?
            switch entry.location {
            case .passage(let id):
                passageIndex = document.passages.firstIndex { $0.id == id }
                if passageIndex == nil { notes.append(.unknownPassage(file: entry.file, passage: id)) }
            case .span(var start, var end):
                if let reader = conventions[entry.file] {
                    // Offsets in the tool's counting -> code points of the stored text.
                    guard let converted = reader.scalarRange(start, end) else {
                        notes.append(.spanOutsidePassages(file: entry.file, start: start, end: end))
                        continue
                    }
                    (start, end) = converted
                }
                if let stored = human.sourceTexts[entry.file], storedDiffers[index] ?? {
                    let differs = stored != document.text
                    storedDiffers[index] = differs
                    return differs
                }() {
                    let locator = locators[index] ?? TextLocator(document.text)
                    locators[index] = locator
                    if remapped.insert(index).inserted { notes.append(.textRemapped(file: entry.file)) }
                    let fragment = stored.scalarSlice(start, end)
                    let storedCount = max(stored.unicodeScalars.count, 1)
                    guard let found = locator.locate(fragment, near: Double(start) / Double(storedCount)) else {
                        let excerpt = fragment.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                        notes.append(.selectionNotFound(file: entry.file,
                                                        excerpt: excerpt.count > 40 ? String(excerpt.prefix(39)) + "…" : excerpt))
                        continue
                    }
                    (start, end) = found
                }
                passageIndex = Self.passage(in: document, start: start, end: end)
                if passageIndex == nil { notes.append(.spanOutsidePassages(file: entry.file, start: start, end: end)) }
            }
            if let passageIndex { humanCodes[index][passageIndex].insert(code) }
        }
        for name in unknownOrder { notes.append(.unknownCode(name: name, count: unknown[name]!)) }
        if cycleSkipped > 0 { notes.append(.cycleCodesSkipped(count: cycleSkipped)) }

        // The units: every passage x every code.
        var tables = Array(repeating: AgreementStatistics.Table(), count: rubric.codes.count)
        var disagreements: [Disagreement] = []
        var files: [FileSummary] = []
        for (index, audit) in audits.enumerated() {
            var autoCount = 0, humanCount = 0
            for (passageIndex, item) in audit.coded.passages.enumerated() {
                let auto = Set(item.codes.map(\.code))
                let hand = humanCodes[index][passageIndex]
                autoCount += auto.count
                humanCount += hand.count
                for (codeIndex, code) in rubric.codes.enumerated() {
                    let a = auto.contains(code.id), h = hand.contains(code.id)
                    tables[codeIndex].add(auto: a, human: h)
                    if a != h {
                        disagreements.append(Disagreement(file: audit.document.path, passage: item.passage.id, code: code.id,
                                                          who: a ? .auto : .human, text: item.passage.text))
                    }
                }
            }
            files.append(FileSummary(path: audit.document.path, passages: audit.coded.passages.count,
                                     autoCodings: autoCount, humanCodings: humanCount))
        }
        let codes = rubric.codes.enumerated().map { index, code in
            CodeResult(id: code.id, number: code.number, label: code.label, table: tables[index])
        }
        return AgreementReport(source: source, files: files, codes: codes, disagreements: disagreements, notes: notes)
    }

    /// The passage a span belongs to: the one it overlaps most (earliest on a
    /// tie); an empty span belongs to the passage that contains its position.
    static func passage(in document: Document, start: Int, end: Int) -> Int? {
        if start == end {
            return document.passages.firstIndex { $0.start <= start && start < $0.end }
                ?? document.passages.firstIndex { $0.start <= start && start <= $0.end }
        }
        var best: (index: Int, overlap: Int)?
        for (index, passage) in document.passages.enumerated() {
            let overlap = min(end, passage.end) - max(start, passage.start)
            if overlap > 0, overlap > (best?.overlap ?? 0) { best = (index, overlap) }
        }
        return best?.index
    }
}

/// How a QDA tool counted the offsets of its selections in the source text
/// it stored. The REFI-QDA schema says only "integer": tools count Unicode
/// code points or UTF-16 units, and a CRLF line end as two characters or as
/// one (ATLAS.ti; QualCoder's "MAXQDA line endings" export). For text with
/// LF line ends and without characters outside the Basic Multilingual Plane
/// all four agree.
public struct OffsetConvention: Sendable, Equatable, CaseIterable {
    /// UTF-16 code units instead of code points.
    public var utf16: Bool
    /// CRLF counted as one character.
    public var crlfAsOne: Bool

    public static let allCases: [OffsetConvention] = [
        .init(utf16: false, crlfAsOne: false), .init(utf16: false, crlfAsOne: true),
        .init(utf16: true, crlfAsOne: false), .init(utf16: true, crlfAsOne: true),
    ]

    public func description(_ lang: Language) -> String {
        let unit = utf16 ? lang.pick("UTF-16-eenheden", "UTF-16 units") : lang.pick("Unicode-codepunten", "Unicode code points")
        let lineEnd = crlfAsOne ? lang.pick("CRLF als één teken", "CRLF as one character")
            : lang.pick("CRLF als twee tekens", "CRLF as two characters")
        return unit + ", " + lineEnd
    }

    /// The number of units each scalar of `scalars` counts for; the CR of a CRLF counts 0 when `crlfAsOne`.
    func units(_ scalars: [Unicode.Scalar]) -> [Int] {
        scalars.indices.map { index in
            let scalar = scalars[index]
            if crlfAsOne, scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { return 0 }
            return utf16 && scalar.value > 0xFFFF ? 2 : 1
        }
    }

    /// Converts offsets in one convention to code points of one text.
    public struct Reader: Sendable {
        public let convention: OffsetConvention
        /// True when the text has CRLF or characters outside the BMP, so the conventions differ.
        public let ambiguous: Bool
        /// For each unit offset, the code point it starts at (nil inside a surrogate pair or a CRLF).
        private let scalarAt: [Int?]

        init(_ convention: OffsetConvention, scalars: [Unicode.Scalar], ambiguous: Bool) {
            self.convention = convention
            self.ambiguous = ambiguous
            let units = convention.units(scalars)
            var map: [Int?] = []
            map.reserveCapacity(scalars.count + 1)
            for (index, count) in units.enumerated() {
                // A CR counted as 0 shares its unit with the LF after it: the unit starts at the CR.
                if count == 0 { continue }
                if index > 0, units[index - 1] == 0 {
                    map.append(index - 1)
                } else {
                    map.append(index)
                }
                if count == 2 { map.append(nil) }
            }
            map.append(scalars.count)
            scalarAt = map
        }

        /// Code-point offsets for unit offsets; nil when one falls outside the text or inside a character.
        public func scalarRange(_ start: Int, _ end: Int) -> (Int, Int)? {
            guard start >= 0, end >= start, end < scalarAt.count, let from = scalarAt[start], let to = scalarAt[end] else { return nil }
            return (from, to)
        }
    }

    /// The convention whose selections fall on word boundaries and, when
    /// the audited text differs from the stored one, are found there by their
    /// words; on a tie the earlier of `allCases` (code points, CRLF as two).
    static func detect(_ stored: String, spans: [(Int, Int)], audited: TextLocator?) -> Reader {
        let scalars = Array(stored.unicodeScalars)
        let ambiguous = scalars.contains { $0 == "\r" || $0.value > 0xFFFF }
        guard ambiguous else { return Reader(allCases[0], scalars: scalars, ambiguous: false) }
        func isWord(_ index: Int) -> Bool {
            guard index >= 0, index < scalars.count else { return false }
            let properties = scalars[index].properties
            return properties.isAlphabetic || properties.numericType != nil
        }
        func boundary(_ index: Int) -> Bool { !(isWord(index - 1) && isWord(index)) }
        var best: (reader: Reader, score: Int)?
        for convention in allCases {
            let reader = Reader(convention, scalars: scalars, ambiguous: true)
            var score = 0
            for (start, end) in spans {
                guard let (from, to) = reader.scalarRange(start, end), from < to, boundary(from), boundary(to) else { continue }
                if let audited {
                    let fragment = String(String.UnicodeScalarView(scalars[from..<to]))
                    guard audited.locate(fragment, near: Double(from) / Double(max(scalars.count, 1))) != nil else { continue }
                }
                score += 1
            }
            if best == nil || score > best!.score { best = (reader, score) }
        }
        return best!.reader
    }
}

/// Matches the hand coding's file names to the audited paths.
struct FileMatcher {
    enum Match: Equatable { case found(Int), ambiguous([String]), none }
    let paths: [String]

    func match(_ name: String) -> Match {
        let standardized = URL(fileURLWithPath: name).standardizedFileURL.path
        if let exact = paths.firstIndex(of: name)
            ?? paths.firstIndex(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == standardized }) {
            return .found(exact)
        }
        // A name with folders (`x/a.txt`, how the REFI-QDA export names two agendas of the same file name):
        // the audited path that ends in those components.
        let wantedComponents = Self.components(name)
        if wantedComponents.count > 1 {
            let suffixKeys: [(String) -> String] = [{ $0 }, { $0.lowercased() }]
            for key in suffixKeys {
                let wanted = wantedComponents.map(key)
                let hits = paths.indices.filter { index in
                    let have = Self.components(paths[index]).map(key)
                    return have.count >= wanted.count && Array(have.suffix(wanted.count)) == wanted
                }
                if hits.count == 1 { return .found(hits[0]) }
                if hits.count > 1 { return .ambiguous(hits.map { paths[$0] }) }
            }
        }
        let fileName = Self.fileName(name)
        let keys: [(String) -> String] = [{ Self.fileName($0) }, { Self.fileName($0).lowercased() }, { Self.stem($0).lowercased() }]
        for key in keys {
            let wanted = key(fileName)
            let hits = paths.indices.filter { key(paths[$0]) == wanted }
            if hits.count == 1 { return .found(hits[0]) }
            if hits.count > 1 { return .ambiguous(hits.map { paths[$0] }) }
        }
        return .none
    }

    /// The folders and the file name of a path, without `.` and empty parts (`/` or `\\`).
    static func components(_ path: String) -> [String] {
        path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).map(String.init).filter { $0 != "." }
    }

    /// A unique name per path: the file name, or, for paths that share it,
    /// as many trailing folders as make them differ (`x/a.txt`, `y/a.txt`).
    static func uniqueNames(_ paths: [String]) -> [String] {
        let parts = paths.map(components)
        var depth = Array(repeating: 1, count: paths.count)
        func name(_ index: Int) -> String { parts[index].suffix(depth[index]).joined(separator: "/") }
        while true {
            let groups = Dictionary(grouping: paths.indices, by: name)
            var changed = false
            for (_, members) in groups where members.count > 1 {
                for index in members where depth[index] < parts[index].count {
                    depth[index] += 1
                    changed = true
                }
            }
            if !changed { break }
        }
        return paths.indices.map { parts[$0].isEmpty ? paths[$0] : name($0) }
    }

    static func fileName(_ path: String) -> String {
        path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? path
    }

    static func stem(_ path: String) -> String {
        let name = fileName(path)
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }
}

/// Maps a code name from the hand coding to the rubric.
enum CodeResolver {
    enum Resolved: Equatable { case action(String), cycle(CycleElement), unknown }

    static func resolve(_ name: String, rubric: Rubric) -> Resolved {
        let key = Folding.fold(name.trimmingCharacters(in: .whitespacesAndNewlines))
        func lookup(_ key: String) -> Resolved? {
            for code in rubric.codes {
                if [code.id, code.label.nl, code.label.en, String(code.number)].contains(where: { Folding.fold($0) == key }) {
                    return .action(code.id)
                }
            }
            for element in CycleElement.allCases {
                if [element.rawValue, CycleText.label(element, .nl), CycleText.label(element, .en)]
                    .contains(where: { Folding.fold($0) == key }) {
                    return .cycle(element)
                }
            }
            return nil
        }
        if let found = lookup(key) { return found }
        // "3 bestuurlijk-commitment", "3. Bestuurlijk commitment", "3) ..."
        let scalars = Array(key.unicodeScalars)
        var index = 0
        while index < scalars.count, (48...57).contains(scalars[index].value) { index += 1 }
        if index > 0 {
            let rest = String(String.UnicodeScalarView(scalars[index...]))
                .trimmingCharacters(in: CharacterSet(charactersIn: ".):- \t"))
            if !rest.isEmpty, case .action(let id)? = lookup(rest) { return .action(id) }
        }
        return .unknown
    }
}

/// Finds a fragment of another version of a text in this text, comparing
/// with whitespace runs collapsed to one space.
struct TextLocator {
    private let scalars: [Unicode.Scalar]
    /// For each collapsed scalar, its offset in the original text.
    private let offsets: [Int]

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var offset = 0
        var pendingSpace: Int?
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if pendingSpace == nil { pendingSpace = offset }
            } else {
                if let space = pendingSpace, !scalars.isEmpty {
                    scalars.append(" ")
                    offsets.append(space)
                }
                pendingSpace = nil
                scalars.append(scalar)
                offsets.append(offset)
            }
            offset += 1
        }
        self.scalars = scalars
        self.offsets = offsets
    }

    /// The original offsets of the occurrence of `fragment` nearest to `near` (0...1 of the text).
    func locate(_ fragment: String, near: Double) -> (start: Int, end: Int)? {
        let needle = Array(TextLocator(fragment).scalars)
        guard let first = needle.first, needle.count <= scalars.count else { return nil }
        let target = near * Double(scalars.count)
        var best: Int?
        var index = 0
        while index + needle.count <= scalars.count {
            if scalars[index] == first, scalars[index..<index + needle.count].elementsEqual(needle) {
                if best == nil || abs(Double(index) - target) < abs(Double(best!) - target) { best = index }
            }
            index += 1
        }
        guard let best else { return nil }
        return (offsets[best], offsets[best + needle.count - 1] + 1)
    }
}

/// RFC 4180 rows with their 1-based starting line.
enum CSVParser {
    struct Row { var fields: [String]; var line: Int }

    static func rows(_ text: String, delimiter: Character) throws(HumanCodingError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var rowLine = 1
        var atFieldStart = true
        var iterator = text.makeIterator()
        var pending: Character?
        func next() -> Character? {
            if let character = pending { pending = nil; return character }
            return iterator.next()
        }
        func endRow() {
            fields.append(field)
            rows.append(Row(fields: fields, line: rowLine))
            fields = []
            field = ""
            atFieldStart = true
        }
        while let character = next() {
            if quoted {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { quoted = false; pending = following }
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where atFieldStart:
                quoted = true
                atFieldStart = false
            case delimiter:
                fields.append(field)
                field = ""
                atFieldStart = true
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                rowLine = line
            default:
                field.append(character)
                atFieldStart = false
            }
        }
        if quoted { throw .badRow(line: rowLine, problem: .unterminatedQuote) }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}


// MARK: Output

extension AgreementReport {
    /// For an 80-column terminal: the per-code table, the overall figures,
    /// a legend, the remarks and the disagreements.
    public func table(lang: Language) -> String {
        func number(_ value: Double?, digits: Int = 2) -> String {
            guard let value else { return lang.pick("n.v.t.", "n/a") }
            let text = String(format: "%.\(digits)f", value == 0 ? 0 : value)  // never "-0,00"
            return lang == .nl ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        func percent(_ value: Double?) -> String {
            guard let value else { return lang.pick("n.v.t.", "n/a") }
            return number(value * 100, digits: 1) + "%"
        }
        let pad = Columns.pad, right = Columns.right
        var lines: [String] = []
        let title = lang.pick("Overeenstemming agenda-audit en handmatige codering", "Agreement of agenda-audit and hand coding")
        lines.append(source.isEmpty ? title : title + " (" + FileMatcher.fileName(source) + ")")
        let passages = files.map(\.passages).reduce(0, +)
        lines.append(CycleText.agendas(files.count, lang) + ", " + CycleText.passages(passages, lang) + ", "
                     + lang.pick("\(units) \(units == 1 ? "beslissing" : "beslissingen") (passage x actietype)",
                                 "\(units) \(units == 1 ? "decision" : "decisions") (passage x action type)"))
        lines.append("")
        // 23 + 5 x 7 + 22 = 80 columns: the id (at most 22 characters), five statistics, four counts.
        let nameWidth = 23
        let widths = [7, 7, 7, 7, 7, 6, 5, 6, 5]
        let headers = lang == .nl
            ? ["kappa", "alfa", "prec", "recall", "F1", "beide", "tool", "hand", "geen"]
            : ["kappa", "alpha", "prec", "recall", "F1", "both", "tool", "human", "none"]
        let header = pad(lang.pick("Actietype", "Action type"), nameWidth) + zip(headers, widths).map { right($0, $1) }.joined()
        lines.append(header)
        lines.append(String(repeating: "-", count: header.count))
        for code in codes {
            let cells = [number(code.kappa), number(code.alpha), number(code.precision), number(code.recall), number(code.f1),
                         String(code.table.both), String(code.table.autoOnly), String(code.table.humanOnly), String(code.table.neither)]
            lines.append(pad(code.id, nameWidth) + zip(cells, widths).map { right($0, $1) }.joined())
        }
        lines.append(String(repeating: "-", count: header.count))
        let sum = total
        let totals = ["", "", number(AgreementStatistics.precision(sum)), number(AgreementStatistics.recall(sum)),
                      number(AgreementStatistics.f1(sum)), String(sum.both), String(sum.autoOnly), String(sum.humanOnly),
                      String(sum.neither)]
        lines.append(pad(lang.pick("Totaal", "Total"), nameWidth) + zip(totals, widths).map { right($0, $1) }.joined())
        lines.append("")
        let labelWidth = 54
        lines.append(pad(lang.pick("Overeenstemming over alle beslissingen samen", "Agreement over all decisions pooled"), labelWidth)
                     + percent(percentAgreement))
        lines.append(pad(lang.pick("Krippendorffs alfa over alle beslissingen samen", "Krippendorff's alpha over all decisions pooled"),
                         labelWidth) + number(alpha, digits: 3))
        lines.append(pad(lang.pick("Gemiddelde kappa per actietype (\(kappaCodes) van \(codes.count))",
                                   "Mean kappa per action type (\(kappaCodes) of \(codes.count))"), labelWidth) + number(meanKappa, digits: 3))
        lines.append("")
        lines.append(contentsOf: lang == .nl ? [
            "kappa: Cohens kappa; alfa: Krippendorffs alfa (nominaal) per actietype;",
            "prec(isie), recall en F1 met de handmatige codering als referentie.",
            "beide/tool/hand/geen: passages met de code bij beide, alleen bij agenda-audit,",
            "alleen bij de hand, bij geen van beide. n.v.t.: niet te berekenen (niemand,",
            "of iedereen overal, gaf de code). De alfa over alle beslissingen samen telt",
            "elke passage x actietype als één beslissing; dat is geen gemiddelde per type.",
        ] : [
            "kappa: Cohen's kappa; alpha: Krippendorff's alpha (nominal) per action type;",
            "prec(ision), recall and F1 with the hand coding as reference.",
            "both/tool/human/none: passages with the code from both, from agenda-audit",
            "only, from the hand coding only, from neither. n/a: cannot be computed",
            "(nobody, or everybody everywhere, gave the code). The alpha over all decisions",
            "pooled counts every passage x action type as one decision; it is no mean.",
        ])
        if !notes.isEmpty {
            lines.append("")
            lines.append(lang.pick("Opmerkingen", "Remarks"))
            for note in notes { lines.append(contentsOf: wrap("- " + note.message(lang), width: 80, indent: "  ")) }
        }
        lines.append("")
        lines.append(lang.pick("Verschillen (\(disagreements.count))", "Disagreements (\(disagreements.count))"))
        if disagreements.isEmpty { lines.append(lang.pick("  geen", "  none")) }
        for item in disagreements {
            let who = item.who == .auto ? lang.pick("alleen tool", "tool only") : lang.pick("alleen hand", "human only")
            lines.append(pad("\(FileMatcher.fileName(item.file))  \(item.passage)  \(item.code)  \(who)", 80).trimmingTrailingSpaces())
            let text = item.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            lines.append(pad("    " + text, 80).trimmingTrailingSpaces())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func wrap(_ text: String, width: Int, indent: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if candidate.count > width, !current.isEmpty {
                lines.append(current)
                current = indent + word
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// One JSON document; undefined statistics are `null`.
    public func json(lang: Language) throws -> Data {
        try JSONReport.encoder().encode(JSONRoot(report: self, lang: lang))
    }

    /// One row per code and a last row `overall` (its `kappa` is the mean
    /// kappa, `alpha` and `agreement` are over all units pooled); undefined
    /// statistics are empty cells; numbers use a decimal point, or a decimal
    /// comma with the semicolon delimiter (Dutch Excel reads `0.6194` as text).
    public func csv(delimiter: CSVReport.Delimiter = .comma) -> String {
        func cell(_ value: Double?) -> String {
            guard let value else { return "" }
            let text = String(format: "%.4f", value == 0 ? 0 : value)
            return delimiter == .semicolon ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        var rows: [[String]] = [["code", "number", "kappa", "alpha", "agreement", "precision", "recall", "f1",
                                 "both", "auto_only", "human_only", "neither"]]
        func row(_ code: String, _ number: String, _ kappa: Double?, _ table: AgreementStatistics.Table) -> [String] {
            [code, number, cell(kappa), cell(AgreementStatistics.krippendorffAlpha(table)),
             cell(AgreementStatistics.percentAgreement(table)), cell(AgreementStatistics.precision(table)),
             cell(AgreementStatistics.recall(table)), cell(AgreementStatistics.f1(table)),
             String(table.both), String(table.autoOnly), String(table.humanOnly), String(table.neither)]
        }
        for code in codes { rows.append(row(code.id, String(code.number), code.kappa, code.table)) }
        rows.append(row("overall", "", meanKappa, total))
        return CSVReport.render(rows, delimiter: delimiter)
    }

    private struct JSONRoot: Encodable {
        let report: AgreementReport
        let lang: Language

        enum Keys: String, CodingKey {
            case tool, formatVersion, human, files, units, codes, overall, disagreements, notes
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("agenda-audit agree", forKey: .tool)
            try container.encode(1, forKey: .formatVersion)
            try container.encode(report.source, forKey: .human)
            try container.encode(report.files.map(FileOut.init), forKey: .files)
            try container.encode(report.units, forKey: .units)
            try container.encode(report.codes.map { CodeOut(code: $0, lang: lang) }, forKey: .codes)
            try container.encode(Overall(report: report), forKey: .overall)
            try container.encode(report.disagreements.map(DisagreementOut.init), forKey: .disagreements)
            try container.encode(report.notes.map { $0.message(lang) }, forKey: .notes)
        }
    }

    private struct FileOut: Encodable {
        let file: String, passages: Int, autoCodings: Int, humanCodings: Int
        init(_ summary: FileSummary) {
            file = summary.path
            passages = summary.passages
            autoCodings = summary.autoCodings
            humanCodings = summary.humanCodings
        }
    }

    private struct CodeOut: Encodable {
        let code: CodeResult
        let lang: Language
        enum Keys: String, CodingKey {
            case code, number, label, kappa, alpha, agreement, precision, recall, f1, both, autoOnly, humanOnly, neither
        }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(code.id, forKey: .code)
            try container.encode(code.number, forKey: .number)
            try container.encode(lang.pick(code.label.nl, code.label.en), forKey: .label)
            // Optionals are encoded explicitly, so an undefined value is `null`, not a missing key.
            try container.encode(code.kappa, forKey: .kappa)
            try container.encode(code.alpha, forKey: .alpha)
            try container.encode(code.percentAgreement, forKey: .agreement)
            try container.encode(code.precision, forKey: .precision)
            try container.encode(code.recall, forKey: .recall)
            try container.encode(code.f1, forKey: .f1)
            try container.encode(code.table.both, forKey: .both)
            try container.encode(code.table.autoOnly, forKey: .autoOnly)
            try container.encode(code.table.humanOnly, forKey: .humanOnly)
            try container.encode(code.table.neither, forKey: .neither)
        }
    }

    private struct Overall: Encodable {
        let report: AgreementReport
        enum Keys: String, CodingKey { case agreement, krippendorffAlpha, meanKappa, kappaCodes, precision, recall, f1 }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            let total = report.total
            try container.encode(report.percentAgreement, forKey: .agreement)
            try container.encode(report.alpha, forKey: .krippendorffAlpha)
            try container.encode(report.meanKappa, forKey: .meanKappa)
            try container.encode(report.kappaCodes, forKey: .kappaCodes)
            try container.encode(AgreementStatistics.precision(total), forKey: .precision)
            try container.encode(AgreementStatistics.recall(total), forKey: .recall)
            try container.encode(AgreementStatistics.f1(total), forKey: .f1)
        }
    }

    private struct DisagreementOut: Encodable {
        let file: String, passage: String, code: String, coder: String, text: String
        init(_ item: Disagreement) {
            file = item.file
            passage = item.passage
            code = item.code
            coder = item.who.rawValue
            text = item.text
        }
    }
}
