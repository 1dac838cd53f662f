import Foundation

/// The Dutch word knowledge of the language layer, read from `lexicon/`
/// beside `rubric.json`:
///
/// - `words.txt`, `nouns.txt`, `verbs.txt`: folded word forms, noun lemmas
///   and verb infinitives, one per line in byte order, generated from
///   Debian's OpenTaal word lists by `scripts/make-lexicon.py`. They are
///   memory-mapped and binary-searched, so loading costs nothing;
/// - `irregular-verbs.tsv`: strong and irregular verbs with their forms;
/// - `separable-particles.txt`: particles of separable verbs;
/// - `function-words.tsv`: closed-class words and their classes.
///
/// All lookups take folded forms (`Folding.fold`): lower case, no
/// diacritics, no apostrophes, as the tokenizer makes them.
public struct Lexicon: Sendable {
    let words: SortedWordList
    let nouns: SortedWordList
    let verbs: SortedWordList
    /// `form<TAB>lemma` tables of inflected forms generated from the word list's affix rules.
    let nounForms: SortedWordList
    let verbForms: SortedWordList
    /// Folded irregular form → its verb forms (a form may belong to two verbs).
    let irregular: [String: [VerbForm]]
    /// Infinitive → its irregular paradigm.
    let paradigms: [String: IrregularVerb]
    let particles: Set<String>
    let functionWords: [String: WordClasses]

    public struct LexiconError: Error, CustomStringConvertible {
        public let file: String
        public let problem: String
        public var description: String { "\(file): \(problem)" }
    }

    struct IrregularVerb: Sendable {
        let infinitive: String
        let auxiliary: String
        /// The participle forms (folded; "gegolden").
        let participles: [String]
    }

    /// One reading of a form as a verb.
    struct VerbForm: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            case present, past, participle, infinitive
            /// The bare stem: first person or imperative ("maak", "eind"); finite only next to "ik" or as an imperative.
            case stem
        }
        let lemma: String
        let kind: Kind
    }

    /// Loads the lexicon in `directory`; every file must be present and well formed.
    public static func load(directory: String) throws(LexiconError) -> Lexicon {
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        func text(_ name: String) throws(LexiconError) -> String {
            guard let data = FileManager.default.contents(atPath: path(name)), let string = String(data: data, encoding: .utf8) else {
                throw LexiconError(file: path(name), problem: "ontbreekt of is geen UTF-8 (missing or not UTF-8)")
            }
            return string
        }
        func list(_ name: String) throws(LexiconError) -> SortedWordList {
            guard let (data, mapped) = SortedWordList.map(path(name)) else {
                throw LexiconError(file: path(name), problem: "ontbreekt (missing)")
            }
            guard let list = SortedWordList(data: data, isFileMapping: mapped) else {
                throw LexiconError(file: path(name), problem: "niet gesorteerd in byte-volgorde (not sorted in byte order)")
            }
            return list
        }
        var irregular: [String: [VerbForm]] = [:]
        var paradigms: [String: IrregularVerb] = [:]
        for (number, line) in try text("irregular-verbs.tsv").split(separator: "\n").enumerated() where number > 0 {
            if line.hasPrefix("#") || line.isEmpty { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 6 else {
                throw LexiconError(file: path("irregular-verbs.tsv"), problem: "regel \(number + 1): minder dan 6 kolommen (fewer than 6 columns)")
            }
            let infinitive = Folding.fold(columns[0])
            paradigms[infinitive] = IrregularVerb(infinitive: infinitive, auxiliary: columns[5],
                                                 participles: columns[4].split(separator: "/").map { Folding.fold(String($0)) })
            func add(_ cell: String, _ kind: VerbForm.Kind) {
                for form in cell.split(whereSeparator: { $0 == "/" || $0 == "," || $0 == " " }) {
                    let folded = Folding.fold(String(form))
                    guard !folded.isEmpty else { continue }
                    let reading = VerbForm(lemma: infinitive, kind: kind)
                    if irregular[folded]?.contains(reading) != true { irregular[folded, default: []].append(reading) }
                }
            }
            add(columns[0], .infinitive)
            add(columns[0], .present)   // the infinitive is also the present plural
            // The bare stem is a present form only where it is also the third person ("kan", "wil", "zal"); else it is
            // the first person or an imperative ("wijs", "ga", "sta"), a stem like a regular verb's ("werk").
            let thirdPerson = columns.count > 6 ? Set(columns[6].split(separator: "/").map { Folding.fold(String($0)) }) : []
            for stem in columns[1].split(separator: "/") {
                add(String(stem), thirdPerson.isEmpty || thirdPerson.contains(Folding.fold(String(stem))) ? .present : .stem)
            }
            add(columns[2], .past)
            add(columns[3], .past)
            add(columns[4], .participle)
            if columns.count > 6 { add(columns[6], .present) }
        }
        var particles = Set<String>()
        for line in try text("separable-particles.txt").split(separator: "\n") where !line.hasPrefix("#") {
            let word = Folding.fold(line.trimmingCharacters(in: .whitespaces))
            if !word.isEmpty { particles.insert(word) }
        }
        var functionWords: [String: WordClasses] = [:]
        for line in try text("function-words.tsv").split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t")
            guard columns.count >= 2 else { continue }
            guard let wordClass = WordClasses(name: columns[1].trimmingCharacters(in: .whitespaces)) else { continue }
            functionWords[Folding.fold(String(columns[0])), default: []].insert(wordClass)
        }
        return Lexicon(words: try list("words.txt"), nouns: try list("nouns.txt"), verbs: try list("verbs.txt"),
                       nounForms: try list("noun-forms.tsv"), verbForms: try list("verb-forms.tsv"),
                       irregular: irregular, paradigms: paradigms, particles: particles, functionWords: functionWords)
    }

    /// No words at all: the layer still finds sentences, clauses, times and quantities, and reads only closed-class words.
    public static let empty = Lexicon(words: SortedWordList(data: Data())!, nouns: SortedWordList(data: Data())!,
                                      verbs: SortedWordList(data: Data())!, nounForms: SortedWordList(data: Data())!,
                                      verbForms: SortedWordList(data: Data())!, irregular: [:], paradigms: [:], particles: [],
                                      functionWords: [:])

    /// Drops the word lists' mapped pages from the process's resident set; they come back from the page cache
    /// on the next lookup. A lookup's binary search touches pages all over a list (and the kernel maps 64 kB
    /// around each), so the whole 11 MB of lists stays resident after the first documents although later
    /// documents, whose words are mostly cached per worker (`LanguageCache`), need few lookups. `Pipeline`
    /// calls this after each document.
    public func releasePages() {
        for list in [words, nouns, verbs, nounForms, verbForms] { list.releasePages() }
    }

    func isWord(_ form: String) -> Bool { words.contains(form) }
    func isNoun(_ form: String) -> Bool { nouns.contains(form) }
    func isVerb(_ form: String) -> Bool { verbs.contains(form) || paradigms[form] != nil }
    func classes(_ form: String) -> WordClasses { functionWords[form] ?? [] }
    func nounLemma(ofForm form: String) -> String? { nounForms.value(for: form) }
    func verbLemma(ofForm form: String) -> String? { verbForms.value(for: form) }
}

/// Closed word classes (a word may have several: `die` is demonstrative and relative).
public struct WordClasses: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let article = WordClasses(rawValue: 1 << 0)
    public static let subjectPronoun = WordClasses(rawValue: 1 << 1)
    public static let objectPronoun = WordClasses(rawValue: 1 << 2)
    public static let possessive = WordClasses(rawValue: 1 << 3)
    public static let demonstrative = WordClasses(rawValue: 1 << 4)
    public static let preposition = WordClasses(rawValue: 1 << 5)
    public static let subordinator = WordClasses(rawValue: 1 << 6)
    public static let coordinator = WordClasses(rawValue: 1 << 7)
    public static let relative = WordClasses(rawValue: 1 << 8)
    public static let adverb = WordClasses(rawValue: 1 << 9)
    public static let negation = WordClasses(rawValue: 1 << 10)
    public static let auxiliary = WordClasses(rawValue: 1 << 11)
    public static let modal = WordClasses(rawValue: 1 << 12)
    public static let numeral = WordClasses(rawValue: 1 << 13)

    init?(name: String) {
        switch name {
        case "article": self = .article
        case "pronoun-subject": self = .subjectPronoun
        case "pronoun-object": self = .objectPronoun
        case "possessive": self = .possessive
        case "demonstrative": self = .demonstrative
        case "preposition": self = .preposition
        case "conj-sub": self = .subordinator
        case "conj-coord": self = .coordinator
        case "relative": self = .relative
        case "adverb": self = .adverb
        case "negation": self = .negation
        case "aux-tense": self = .auxiliary
        case "modal": self = .modal
        case "numeral": self = .numeral
        default: return nil
        }
    }

    /// Classes that make a word a closed-class word, never a content noun or verb.
    static let closed: WordClasses = [.article, .subjectPronoun, .objectPronoun, .possessive, .demonstrative, .preposition,
                                      .subordinator, .coordinator, .relative, .adverb, .negation]
}

/// A memory-mapped list of words, one per line, sorted in byte order;
/// looked up by binary search on the bytes.
struct SortedWordList: @unchecked Sendable {
    // Immutable after init: the mapped bytes are only read.
    private let data: Data
    /// `data` is a private read-only mapping of a file made by `map`, so its pages may be dropped and read again.
    private let isFileMapping: Bool

    /// The file at `path` mapped read-only (empty data for an empty file), and whether it is a mapping; nil when it cannot be read.
    static func map(_ path: String) -> (Data, Bool)? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return (Data(), false) }
        guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
              pointer != UnsafeMutableRawPointer(bitPattern: -1) else {
            return (try? Data(contentsOf: URL(fileURLWithPath: path))).map { ($0, false) }
        }
        return (Data(bytesNoCopy: pointer, count: size, deallocator: .unmap), true)
    }

    init?(data: Data, isFileMapping: Bool = false) {
        self.data = data
        self.isFileMapping = isFileMapping
        // Check the order of a sample of neighbouring lines (the whole file in a debug build would be slow).
        var previous: [UInt8] = []
        var checked = 0
        var ok = true
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            var index = 0
            while index <= bytes.count, checked < 2000 {
                if index == bytes.count || bytes[index] == 10 {
                    let line = Array(bytes[start..<index])
                    if !line.isEmpty {
                        if !previous.isEmpty && !previous.lexicographicallyPrecedes(line) && previous != line { ok = false }
                        previous = line
                        checked += 1
                    }
                    start = index + 1
                }
                index += 1
            }
        }
        if !ok { return nil }
    }

    func contains(_ word: String) -> Bool { find(word, keyed: false) != nil }

    func releasePages() {
        guard isFileMapping else { return }
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            // Only a whole mapping of its own (page-aligned, larger than a page), never a copy elsewhere.
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            guard let base = raw.baseAddress, raw.count >= page, Int(bitPattern: base) % page == 0 else { return }
            _ = madvise(UnsafeMutableRawPointer(mutating: base), raw.count, MADV_DONTNEED)
        }
    }

    /// The value of a `key<TAB>value` line.
    func value(for key: String) -> String? { find(key, keyed: true) }

    /// Binary search for the line equal to `word` (or, `keyed`, whose part before a tab is `word`);
    /// returns the rest of the line after the tab ("" when not keyed).
    private func find(_ word: String, keyed: Bool) -> String? {
        var word = word
        return word.withUTF8 { needle -> String? in
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
                let bytes = raw.bindMemory(to: UInt8.self)
                var low = 0, high = bytes.count
                while low < high {
                    var middle = (low + high) / 2
                    while middle > low && bytes[middle - 1] != 10 { middle -= 1 }
                    var end = middle
                    while end < bytes.count && bytes[end] != 10 { end += 1 }
                    var keyEnd = end
                    if keyed {
                        keyEnd = middle
                        while keyEnd < end && bytes[keyEnd] != 9 { keyEnd += 1 }
                    }
                    // Compare needle with bytes[middle..<keyEnd]; in a keyed file the tab sorts before any letter.
                    var order = 0
                    let length = min(needle.count, keyEnd - middle)
                    var offset = 0
                    while offset < length {
                        let a = needle[offset], b = bytes[middle + offset]
                        if a != b { order = a < b ? -1 : 1; break }
                        offset += 1
                    }
                    if order == 0 { order = needle.count == keyEnd - middle ? 0 : (needle.count < keyEnd - middle ? -1 : 1) }
                    if order == 0 {
                        guard keyed, keyEnd < end else { return "" }
                        // A form with several lemmas has a line each, sorted by lemma: take the first, so the answer does
                        // not depend on where the search landed ("kandidaten" → kandidaat, not kandidate).
                        var lineStart = middle, lineEnd = end, valueStart = keyEnd + 1
                        while lineStart > 0 {
                            var previous = lineStart - 1
                            while previous > 0 && bytes[previous - 1] != 10 { previous -= 1 }
                            let keyLength = keyEnd - middle
                            guard lineStart - 1 - previous > keyLength, bytes[previous + keyLength] == 9,
                                  (0..<keyLength).allSatisfy({ bytes[previous + $0] == needle[$0] }) else { break }
                            lineEnd = lineStart - 1
                            lineStart = previous
                            valueStart = previous + keyLength + 1
                        }
                        return String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<lineEnd]), as: UTF8.self)
                    }
                    if order < 0 { high = middle } else { low = end + 1 }
                }
                return nil
            }
        }
    }
}
