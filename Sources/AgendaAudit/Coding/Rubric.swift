import Foundation

/// The codebook as data: every term, pattern, weight and threshold the
/// coder uses. Loaded from `rubric.json` and validated on load; an error
/// names the JSON path and the problem. The format is documented in the
/// README ("Rubric format").
public struct Rubric: Sendable {
    public struct Localized: Sendable, Equatable, Codable {
        public var nl: String
        public var en: String
        public func text(_ lang: Language) -> String { lang == .nl ? nl : en }
    }

    /// One way a code can be signalled in a passage.
    public enum Pattern: Sendable, Equatable {
        /// Any of these terms (words with `*` wildcards, or multi-word phrases).
        case terms([String])
        /// A term of each list within `window` tokens in the same sentence.
        case near([String], [String], window: Int)
        /// Any term of a named context list anywhere in the passage.
        case context(String)
        /// Any word whose lemma, compound head or reunited separable verb is one of these (language layer):
        /// `ontmoeten` matches "ontmoet", "ontmoetten"; `begeleider` matches "werkplekbegeleiders".
        case lemmas([String])
        /// A word of each list (matched as `lemmas`) in one clause of the language layer.
        case clause([[String]])
        /// A word of each list (matched as `lemmas`) in one sentence.
        case sentence([[String]])

        /// The word lists of a language-layer pattern (`lemma`, `clause`, `sentence`), one per side; empty otherwise.
        var lemmaSides: [[String]] {
            switch self {
            case .lemmas(let words): return [words]
            case .clause(let sides), .sentence(let sides): return sides
            default: return []
            }
        }
    }

    public struct WeightedPattern: Sendable, Equatable {
        public var pattern: Pattern
        public var weight: Double
        public var note: String?
        /// JSON path, for messages and lint.
        public var path: String
    }

    public struct Code: Sendable, Identifiable {
        public var id: String
        public var number: Int
        public var label: Localized
        public var definition: Localized
        /// Why the study recommends this type to sector representatives (used in advice).
        public var advice: Localized?
        public var color: String
        public var threshold: Double
        public var patterns: [WeightedPattern]
        /// A hit in the same clause as any of these is not counted.
        public var exclude: [WeightedPattern]
    }

    public struct NegationCue: Sendable, Equatable {
        public enum Scope: String, Sendable { case before, both }
        public var term: String
        public var scope: Scope
    }

    public var name: String
    public var version: String
    public var abbreviations: Set<String>
    public var clauseWords: Set<String>
    /// Folded token → folded canonical form (spelling variants).
    public var spellingVariants: [String: String]
    public var negationCues: [NegationCue]
    public var negationWindowBefore: Int
    public var negationWindowAfter: Int
    /// Phrases in which a cue word does not negate ("niet alleen").
    public var negationExceptions: [String]
    public var metaSubjects: [String]
    public var metaVerbs: [String]
    public var contexts: [String: [String]]
    public var codes: [Code]
    /// The cycle checker's cues (issue 3); empty when the rubric has none.
    public var cycle: CycleRubric?
    /// The language layer's lexicon (`language.lexicon`, a folder beside the rubric); nil when the rubric names none.
    public var lexicon: Lexicon?
    /// The word lists of the "is this an action of the author?" decision (`action`); nil when the rubric has none.
    public var action: ActionRubric?

    public func code(_ id: String) -> Code? { codes.first { $0.id == id } }

    public var tokenizer: Tokenizer {
        Tokenizer(abbreviations: abbreviations, clauseWords: clauseWords)
    }

    // MARK: Loading

    public static func load(path: String) throws(RubricError) -> Rubric {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RubricError(file: path, path: "$", problem: "cannot be read (\((error as NSError).localizedDescription))")
        }
        return try parse(data: data, file: path)
    }

    public static func parse(data: Data, file: String = "rubric.json") throws(RubricError) -> Rubric {
        let root: RubricJSON
        do {
            root = try RubricJSON.parse(data)
        } catch {
            throw RubricError(file: file, path: "$", problem: "is not valid JSON: \(syntaxProblem(data, error))")
        }
        do {
            return try RubricParser(file: file).parse(root)
        } catch let error as RubricError {
            throw error
        } catch {
            throw RubricError(file: file, path: "$", problem: "\(error)")
        }
    }

    /// The JSON parser's message, with a line and column when we can find one.
    private static func syntaxProblem(_ data: Data, _ error: Error) -> String {
        let nsError = error as NSError
        var message = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
        var errorIndex = nsError.userInfo["NSJSONSerializationErrorIndex"] as? Int
        if errorIndex == nil, let range = message.range(of: "around character ") {
            errorIndex = Int(message[range.upperBound...].prefix(while: \.isNumber))
        }
        if let index = errorIndex, index <= data.count {
            let prefix = data.prefix(index)
            let line = prefix.filter { $0 == 0x0A }.count + 1
            let column = index - (prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            message += " (line \(line), column \(column))"
        }
        return message
    }
}

public struct RubricError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// JSON path such as `codes[3].patterns[1].weight`.
    public var path: String
    public var problem: String
    public var description: String { "\(file): \(path): \(problem)" }
}

/// Validating reader of the rubric JSON, with paths in every error.
struct RubricParser {
    let file: String

    func fail(_ path: String, _ problem: String) -> RubricError {
        RubricError(file: file, path: path, problem: problem)
    }

    func object(_ value: RubricJSON?, _ path: String, allowed: Set<String>) throws -> RubricJSON.Object {
        guard let object = value?.object else { throw fail(path, "expected an object, found \(kind(value))") }
        for key in object.keys.sorted() where !allowed.contains(key) {
            throw fail(path + "." + key, "unknown key (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
        return object
    }

    func string(_ object: RubricJSON.Object, _ key: String, _ path: String, required: Bool = true) throws -> String? {
        guard let value = object[key] else {
            if required { throw fail(path + "." + key, "is required") }
            return nil
        }
        guard let text = value.string else { throw fail(path + "." + key, "expected a string, found \(kind(value))") }
        if text.trimmingWhitespace().isEmpty { throw fail(path + "." + key, "must not be empty") }
        return text
    }

    func number(_ object: RubricJSON.Object, _ key: String, _ path: String, default fallback: Double?,
                range: ClosedRange<Double>) throws -> Double {
        guard let value = object[key] else {
            if let fallback { return fallback }
            throw fail(path + "." + key, "is required")
        }
        guard case .number(let double, _) = value else { throw fail(path + "." + key, "expected a number, found \(kind(value))") }
        guard double.isFinite, range.contains(double) else {
            throw fail(path + "." + key, "must be between \(format(range.lowerBound)) and \(format(range.upperBound)), found \(format(double))")
        }
        return double
    }

    func integer(_ object: RubricJSON.Object, _ key: String, _ path: String, default fallback: Int?,
                 range: ClosedRange<Int>) throws -> Int {
        let value = try number(object, key, path, default: fallback.map(Double.init),
                               range: Double(range.lowerBound)...Double(range.upperBound))
        guard value == value.rounded() else { throw fail(path + "." + key, "expected a whole number, found \(format(value))") }
        return Int(value)
    }

    func strings(_ value: RubricJSON?, _ path: String, allowEmpty: Bool = false) throws -> [String] {
        guard let array = value?.array else { throw fail(path, "expected a list of strings, found \(kind(value))") }
        if array.isEmpty && !allowEmpty { throw fail(path, "must not be empty") }
        return try array.enumerated().map { index, element in
            guard let text = element.string else { throw fail("\(path)[\(index)]", "expected a string, found \(kind(element))") }
            return text
        }
    }

    /// Terms must be valid phrases of glob words.
    func terms(_ value: RubricJSON?, _ path: String) throws -> [String] {
        let list = try strings(value, path)
        for (index, term) in list.enumerated() {
            if let problem = TermSyntax.problem(term) { throw fail("\(path)[\(index)]", "\(problem): \"\(term)\"") }
        }
        return list
    }

    /// The words of a `lemma`, `clause` or `sentence` pattern: single words, no wildcards (a compound is
    /// reached through its head, `begeleider`, not `*begeleider`), folded.
    func lemmaWords(_ value: RubricJSON?, _ path: String) throws -> [String] {
        let list = try strings(value, path)
        return try list.enumerated().map { index, word in
            if let problem = TermSyntax.problem(word) { throw fail("\(path)[\(index)]", "\(problem): \"\(word)\"") }
            guard !word.containsASCII("*"), TermSyntax.words(word).count == 1 else {
                throw fail("\(path)[\(index)]", "expected one word without spaces or wildcards (matched on its lemma and compound head): \"\(word)\"")
            }
            return TermSyntax.words(word)[0]
        }
    }

    func localized(_ object: RubricJSON.Object, _ key: String, _ path: String, required: Bool = true) throws -> Rubric.Localized? {
        guard let value = object[key] else {
            if required { throw fail(path + "." + key, "is required") }
            return nil
        }
        let inner = try self.object(value, path + "." + key, allowed: ["nl", "en"])
        return Rubric.Localized(nl: try string(inner, "nl", path + "." + key)!, en: try string(inner, "en", path + "." + key)!)
    }

    func kind(_ value: RubricJSON?) -> String {
        switch value {
        case nil: return "nothing"
        case .null: return "null"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        case .bool: return "a boolean"
        case .number: return "a number"
        }
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    func pattern(_ value: RubricJSON?, _ path: String, contexts: [String: [String]]) throws -> Rubric.WeightedPattern {
        let object = try self.object(value, path, allowed: ["terms", "near", "window", "context", "lemma", "clause", "sentence",
                                                            "weight", "note"])
        let weight = try number(object, "weight", path, default: 1.0, range: 0...100)
        let note = try string(object, "note", path, required: false)
        let kinds = ["terms", "near", "context", "lemma", "clause", "sentence"].filter { object[$0] != nil }
        guard kinds.count == 1 else {
            throw fail(path, kinds.isEmpty ? "needs one of \"terms\", \"near\", \"context\", \"lemma\", \"clause\" or \"sentence\""
                             : "has both \(kinds.map { "\"\($0)\"" }.joined(separator: " and ")); use one per pattern")
        }
        if kinds[0] != "near", object["window"] != nil { throw fail(path + ".window", "only applies to \"near\"") }
        switch kinds[0] {
        case "lemma":
            return .init(pattern: .lemmas(try lemmaWords(object["lemma"], path + ".lemma")), weight: weight, note: note, path: path)
        case "clause", "sentence":
            let key = kinds[0]
            guard let sides = object[key]?.array, (2...4).contains(sides.count) else {
                throw fail(path + "." + key, "expected a list of two to four word lists, found \(kind(object[key]))"
                           + (object[key]?.array.map { " of \($0.count)" } ?? ""))
            }
            let lists = try sides.enumerated().map { try lemmaWords($1, "\(path).\(key)[\($0)]") }
            return .init(pattern: key == "clause" ? .clause(lists) : .sentence(lists), weight: weight, note: note, path: path)
        case "terms":
            if object["window"] != nil { throw fail(path + ".window", "only applies to \"near\"") }
            return .init(pattern: .terms(try terms(object["terms"], path + ".terms")), weight: weight, note: note, path: path)
        case "near":
            guard let sides = object["near"]?.array, sides.count == 2 else {
                throw fail(path + ".near", "expected a list of two term lists, found \(kind(object["near"]))")
            }
            let left = try terms(sides[0], path + ".near[0]")
            let right = try terms(sides[1], path + ".near[1]")
            let window = try integer(object, "window", path, default: 8, range: 1...50)
            return .init(pattern: .near(left, right, window: window), weight: weight, note: note, path: path)
        default:
            let name = try string(object, "context", path)!
            guard contexts[name] != nil else {
                throw fail(path + ".context", "unknown context \"\(name)\" (defined: \(contexts.keys.sorted().joined(separator: ", ")))")
            }
            if object["window"] != nil { throw fail(path + ".window", "only applies to \"near\"") }
            return .init(pattern: .context(name), weight: weight, note: note, path: path)
        }
    }

    func parse(_ root: RubricJSON) throws -> Rubric {
        let top = try object(root, "$", allowed: ["$schema", "name", "version", "description", "language", "negation",
                                                  "metaText", "contexts", "defaults", "codes", "cycle", "action"])
        let name = try string(top, "name", "$")!
        let version = try string(top, "version", "$")!

        let language = try object(top["language"] ?? .object(.init()), "language",
                                  allowed: ["abbreviations", "clauseWords", "spellingVariants", "lexicon"])
        let abbreviations = Set(try strings(language["abbreviations"] ?? .array([]), "language.abbreviations", allowEmpty: true)
            .map { Folding.fold($0.removingASCII(".")) })
        let clauseWords = Set(try strings(language["clauseWords"] ?? .array([]), "language.clauseWords", allowEmpty: true)
            .map(Folding.fold))
        var variants: [String: String] = [:]
        if let raw = language["spellingVariants"] {
            guard let map = raw.object else {
                throw fail("language.spellingVariants", "expected an object mapping a variant to its standard form")
            }
            for (variant, standard) in zip(map.keys, map.values) {
                guard let standard = standard.string, !standard.isEmpty else {
                    throw fail("language.spellingVariants.\(variant)", "expected a non-empty string")
                }
                if variant.containsASCII(" ") || standard.containsASCII(" ") || variant.containsASCII("*") {
                    throw fail("language.spellingVariants.\(variant)", "variants are single words without wildcards")
                }
                variants[Folding.fold(variant)] = Folding.fold(standard)
            }
        }

        let negation = try object(top["negation"], "negation", allowed: ["cues", "windowBefore", "windowAfter", "exceptions"])
        guard let cueList = negation["cues"]?.array, !cueList.isEmpty else {
            throw fail("negation.cues", "expected a non-empty list of cues")
        }
        let cues: [Rubric.NegationCue] = try cueList.enumerated().map { index, raw in
            let path = "negation.cues[\(index)]"
            let cue = try object(raw, path, allowed: ["term", "scope"])
            let term = try string(cue, "term", path)!
            if let problem = TermSyntax.problem(term) { throw fail(path + ".term", problem) }
            let scopeText = try string(cue, "scope", path, required: false) ?? "before"
            guard let scope = Rubric.NegationCue.Scope(rawValue: scopeText) else {
                throw fail(path + ".scope", "expected \"before\" or \"both\", found \"\(scopeText)\"")
            }
            return .init(term: term, scope: scope)
        }
        let windowBefore = try integer(negation, "windowBefore", "negation", default: 4, range: 0...30)
        let windowAfter = try integer(negation, "windowAfter", "negation", default: 6, range: 0...30)
        let exceptions = try terms(negation["exceptions"] ?? .array([.string("niet alleen")]), "negation.exceptions")

        let meta = try object(top["metaText"], "metaText", allowed: ["subjects", "verbs", "note"])
        let metaSubjects = try terms(meta["subjects"], "metaText.subjects")
        let metaVerbs = try terms(meta["verbs"], "metaText.verbs")

        var contexts: [String: [String]] = [:]
        if let raw = top["contexts"] {
            guard let map = raw.object else { throw fail("contexts", "expected an object of named term lists") }
            for (key, list) in zip(map.keys, map.values) { contexts[key] = try terms(list, "contexts.\(key)") }
        }

        let defaults = try object(top["defaults"] ?? .object(.init()), "defaults", allowed: ["threshold"])
        let defaultThreshold = try number(defaults, "threshold", "defaults", default: 1.0, range: 0.01...100)

        guard let codeList = top["codes"]?.array else { throw fail("codes", "expected a list of codes, found \(kind(top["codes"]))") }
        var codes: [Rubric.Code] = []
        var seen = Set<String>()
        for (index, raw) in codeList.enumerated() {
            let path = "codes[\(index)]"
            let code = try object(raw, path, allowed: ["id", "number", "label", "definition", "advice", "color",
                                                       "threshold", "patterns", "exclude"])
            let id = try string(code, "id", path)!
            guard id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" || ("0"..."9").contains($0) }) else {
                throw fail(path + ".id", "use lower-case letters, digits and hyphens, found \"\(id)\"")
            }
            guard seen.insert(id).inserted else { throw fail(path + ".id", "duplicate id \"\(id)\"") }
            let codeNumber = try integer(code, "number", path, default: index + 1, range: 1...999)
            let color = try string(code, "color", path)!
            guard Self.isHexColor(color) else { throw fail(path + ".color", "expected a colour as #RRGGBB, found \"\(color)\"") }
            guard let patternList = code["patterns"]?.array, !patternList.isEmpty else {
                throw fail(path + ".patterns", "expected a non-empty list of patterns")
            }
            let patterns = try patternList.enumerated().map { try pattern($1, "\(path).patterns[\($0)]", contexts: contexts) }
            let excludeList = code["exclude"].map { $0.array } ?? []
            guard let excludeList else { throw fail(path + ".exclude", "expected a list of patterns") }
            let exclude = try excludeList.enumerated().map { try pattern($1, "\(path).exclude[\($0)]", contexts: contexts) }
            let threshold = try number(code, "threshold", path, default: defaultThreshold, range: 0.01...100)
            let reachable = patterns.map(\.weight).reduce(0, +)
            if reachable < threshold {
                throw fail(path + ".threshold", "\(threshold) cannot be reached: the pattern weights add up to \(reachable)")
            }
            codes.append(.init(id: id, number: codeNumber, label: try localized(code, "label", path)!,
                               definition: try localized(code, "definition", path)!,
                               advice: try localized(code, "advice", path, required: false),
                               color: color, threshold: threshold, patterns: patterns, exclude: exclude))
        }
        if codes.isEmpty { throw fail("codes", "must not be empty") }

        let cycle = try top["cycle"].map { try CycleRubricParser(parser: self).parse($0) }
        let action = try top["action"].map { try ActionRubricParser(parser: self).parse($0) }

        // The language layer's word lists, in a folder relative to the rubric file.
        var lexicon: Lexicon?
        if let folder = try string(language, "lexicon", "language", required: false) {
            let directory = folder.hasPrefix("/") ? folder
                : ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(folder)
            do {
                lexicon = try Lexicon.load(directory: directory)
            } catch {
                throw fail("language.lexicon", error.description)
            }
        }

        var rubric = Rubric(name: name, version: version, abbreviations: abbreviations, clauseWords: clauseWords,
                            spellingVariants: variants, negationCues: cues, negationWindowBefore: windowBefore,
                            negationWindowAfter: windowAfter, negationExceptions: exceptions, metaSubjects: metaSubjects,
                            metaVerbs: metaVerbs, contexts: contexts, codes: codes, cycle: cycle)
        rubric.lexicon = lexicon
        rubric.action = action
        return rubric
    }

    static func isBoolean(_ number: NSNumber) -> Bool {
        // A plain NSNumber (every JSON number) is no boolean: its type is not named "…Boolean", and naming it costs a
        // runtime type lookup per number.
        String(cString: number.objCType) == "c"
            || (type(of: number) != NSNumber.self && String(describing: type(of: number)).contains("Boolean"))
    }

    static func isHexColor(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.count == 7 && scalars[0] == "#"
            && scalars.dropFirst().allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
    }
}

extension String {
    /// Whether the text contains `character` (one ASCII character) as Foundation's `contains` finds it; an ASCII
    /// text (nearly every rubric word, all read at every start) is searched byte by byte, the rest by Foundation.
    func containsASCII(_ character: String) -> Bool {
        if utf8.allSatisfy({ $0 < 0x80 }) { return utf8.contains(character.utf8.first!) }
        return contains(character)
    }

    /// The text without `character` (one ASCII character), as Foundation's `replacingOccurrences(of:with: "")`
    /// removes it; an ASCII text byte by byte.
    func removingASCII(_ character: String) -> String {
        if utf8.allSatisfy({ $0 < 0x80 }) {
            let byte = character.utf8.first!
            return String(decoding: utf8.filter { $0 != byte }, as: UTF8.self)
        }
        return replacingOccurrences(of: character, with: "")
    }
}

/// The syntax of a term: words separated by spaces (a phrase); a word may
/// carry `*` wildcards (any letters within one word).
enum TermSyntax {
    /// Splits a term into folded glob words, the way the tokenizer splits text.
    static func words(_ term: String) -> [String] {
        var text = term
        if let words = text.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? asciiWords($0) : nil }) { return words }
        var words: [String] = []
        // The word so far as UTF-8 (ASCII letters and digits go straight in; appending to a scalar view cost
        // about 270 instructions a scalar, 3 ms of every start over the rubric's terms).
        var current: [UInt8] = []
        current.reserveCapacity(term.utf8.count)
        var folded = String.UnicodeScalarView()
        for scalar in term.unicodeScalars {
            let value = scalar.value
            if value < 0x80 && (scalar == "*" || Folding.isWordScalar(scalar)) {
                current.append(value >= 0x41 && value <= 0x5A ? UInt8(value + 32) : UInt8(value))
            } else if Folding.isWordScalar(scalar) {
                folded.removeAll(keepingCapacity: true)
                Folding.fold(scalar, into: &folded)
                current.append(contentsOf: String(folded).utf8)
            } else if Folding.isApostrophe(scalar) {
                continue
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// `words` of an ASCII term (nearly every rubric term, all split at every start), on its bytes: a run of letters,
    /// digits, `*` and apostrophes is a word, lower-cased and without its apostrophes.
    private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var words: [String] = []
        var index = 0
        while index < bytes.count {
            let start = index
            var plain = true
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x41 && byte <= 0x5A || byte == 0x27 || byte == 0x60 {
                    plain = false
                } else if !(byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39 || byte == UInt8(ascii: "*")) {
                    break
                }
                index += 1
            }
            if index == start {
                index += 1
                continue
            }
            if plain {
                words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
            } else {
                var folded: [UInt8] = []
                for byte in bytes[start..<index] where byte != 0x27 && byte != 0x60 {
                    folded.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
                }
                if !folded.isEmpty { words.append(String(decoding: folded, as: UTF8.self)) }
            }
        }
        return words
    }

    static func problem(_ term: String) -> String? {
        var text = term
        if let problem = text.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? asciiProblem($0) : nil }) { return problem }
        let trimmed = term.trimmingWhitespace()
        if trimmed.isEmpty { return "empty term" }
        for scalar in trimmed.unicodeScalars {
            let ok: Bool
            switch scalar {
            case "*", " ", "-", "/", "&", "+", ".": ok = true
            default: ok = Folding.isWordScalar(scalar) || Folding.isApostrophe(scalar)
            }
            if !ok { return "unsupported character \"\(scalar)\" in term (use words, spaces, hyphens and * wildcards)" }
        }
        let words = words(trimmed)
        if words.isEmpty { return "term has no letters" }
        for word in words {
            // One pass over the word's scalars (no arrays: every term of the rubric comes through here at start-up).
            var doubleStar = false, star = false, previousStar = false, others = 0
            for scalar in word.unicodeScalars {
                if scalar == "*" {
                    if previousStar { doubleStar = true }
                    star = true
                    previousStar = true
                } else {
                    others += 1
                    previousStar = false
                }
            }
            if doubleStar { return "\"**\" in a term; use a single *" }
            if star, others < 2 { return "wildcard word \"\(word)\" is too broad (needs at least two letters)" }
        }
        return nil
    }

    /// `problem` of an ASCII term, on its bytes: `.some(nil)` when it has none.
    private static func asciiProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var start = 0, end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        if start == end { return .some("empty term") }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
        for byte in trimmed {
            switch byte {
            case UInt8(ascii: "*"), UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "&"), UInt8(ascii: "+"),
                 UInt8(ascii: "."), UInt8(ascii: "'"), UInt8(ascii: "`"),
                 UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                continue
            default:
                return .some("unsupported character \"\(Unicode.Scalar(byte))\" in term (use words, spaces, hyphens and * wildcards)")
            }
        }
        // The words' wildcards, on the bytes of each run (as `asciiWords` cuts them: apostrophes dropped); a word's
        // text is made only for the message.
        var index = 0, words = 0
        while index < trimmed.count {
            let start = index
            var doubleStar = false, star = false, previousStar = false, others = 0
            while index < trimmed.count {
                let byte = trimmed[index]
                if byte == UInt8(ascii: "*") {
                    if previousStar { doubleStar = true }
                    star = true
                    previousStar = true
                } else if byte >= 0x61 && byte <= 0x7A || byte >= 0x41 && byte <= 0x5A || byte >= 0x30 && byte <= 0x39 {
                    others += 1
                    previousStar = false
                } else if byte != 0x27 && byte != 0x60 {
                    break
                }
                index += 1
            }
            if index == start {
                index += 1
                continue
            }
            if !star && others == 0 { continue }
            words += 1
            if doubleStar { return .some("\"**\" in a term; use a single *") }
            if star, others < 2 {
                let word = asciiWords(UnsafeBufferPointer(rebasing: trimmed[start..<index]))[0]
                return .some("wildcard word \"\(word)\" is too broad (needs at least two letters)")
            }
        }
        if words == 0 { return .some("term has no letters") }
        return .some(nil)
    }
}
