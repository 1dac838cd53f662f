import Foundation

/// The Dutch word knowledge of the language layer, read from `lexicon/`
/// beside `rubric.json`:
///
/// - `words.txt`, `nouns.txt`, `verbs.txt`: folded word forms, noun lemmas
///   and verb infinitives, one per line in byte order, generated from
///   Debian's OpenTaal word lists by `scripts/make-lexicon.py`. They are
///   memory-mapped, so loading costs nothing, and looked up through
///   `lexicon.index` (hash tables over their lines, generated from them by
///   `scripts/make-lexicon-index.py`), or by binary search where a folder
///   has no index;
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
        let index = try LexiconIndex.open(path("lexicon.index"))
        func list(_ name: String) throws(LexiconError) -> SortedWordList {
            guard let (data, mapped) = SortedWordList.map(path(name)) else {
                throw LexiconError(file: path(name), problem: "ontbreekt (missing)")
            }
            guard var list = SortedWordList(data: data, isFileMapping: mapped) else {
                throw LexiconError(file: path(name), problem: "niet gesorteerd in byte-volgorde (not sorted in byte order)")
            }
            if let index {
                list.slots = try index.table(for: name, size: data.count, keyed: name.hasSuffix(".tsv"))
            }
            return list
        }
        // The three small tables are split on bytes (line feeds, tabs, the cell separators: all ASCII, so every
        // piece is whole UTF-8) by index ranges, not as Characters: splitting the text as Characters cost about 4 ms
        // of every start.
        var irregular: [String: [VerbForm]] = [:]
        var paradigms: [String: IrregularVerb] = [:]
        let verbTable = Table(try text("irregular-verbs.tsv"))
        for (number, line) in verbTable.split(verbTable.all, at: { $0 == 10 }).enumerated() where number > 0 {
            if verbTable.bytes[line.lowerBound] == UInt8(ascii: "#") { continue }
            let columns = verbTable.split(line, at: { $0 == 9 }, omittingEmpty: false)
            guard columns.count >= 6 else {
                throw LexiconError(file: path("irregular-verbs.tsv"), problem: "regel \(number + 1): minder dan 6 kolommen (fewer than 6 columns)")
            }
            func folded(_ range: Range<Int>, at separator: (UInt8) -> Bool) -> [String] {
                verbTable.split(range, at: separator).map { Folding.fold(verbTable.string($0)) }
            }
            let infinitive = Folding.fold(verbTable.string(columns[0]))
            paradigms[infinitive] = IrregularVerb(infinitive: infinitive, auxiliary: verbTable.string(columns[5]),
                                                 participles: folded(columns[4], at: { $0 == UInt8(ascii: "/") }))
            func add(_ cell: Range<Int>, _ kind: VerbForm.Kind) {
                for form in folded(cell, at: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: " ") }) {
                    guard !form.isEmpty else { continue }
                    let reading = VerbForm(lemma: infinitive, kind: kind)
                    if irregular[form]?.contains(reading) != true { irregular[form, default: []].append(reading) }
                }
            }
            add(columns[0], .infinitive)
            add(columns[0], .present)   // the infinitive is also the present plural
            // The bare stem is a present form only where it is also the third person ("kan", "wil", "zal"); else it is
            // the first person or an imperative ("wijs", "ga", "sta"), a stem like a regular verb's ("werk").
            let thirdPerson = columns.count > 6 ? Set(folded(columns[6], at: { $0 == UInt8(ascii: "/") })) : []
            for stem in verbTable.split(columns[1], at: { $0 == UInt8(ascii: "/") }) {
                add(stem, thirdPerson.isEmpty || thirdPerson.contains(Folding.fold(verbTable.string(stem))) ? .present : .stem)
            }
            add(columns[2], .past)
            add(columns[3], .past)
            add(columns[4], .participle)
            if columns.count > 6 { add(columns[6], .present) }
        }
        var particles = Set<String>()
        let particleTable = Table(try text("separable-particles.txt"))
        for line in particleTable.split(particleTable.all, at: { $0 == 10 }) where particleTable.bytes[line.lowerBound] != UInt8(ascii: "#") {
            let word = Folding.fold(Self.trimmingWhitespace(particleTable.string(line)))
            if !word.isEmpty { particles.insert(word) }
        }
        var functionWords: [String: WordClasses] = [:]
        let wordTable = Table(try text("function-words.tsv"))
        for line in wordTable.split(wordTable.all, at: { $0 == 10 }) where wordTable.bytes[line.lowerBound] != UInt8(ascii: "#") {
            let columns = wordTable.split(line, at: { $0 == 9 })
            guard columns.count >= 2 else { continue }
            guard let wordClass = WordClasses(name: Self.trimmingWhitespace(wordTable.string(columns[1]))) else { continue }
            functionWords[Folding.fold(wordTable.string(columns[0])), default: []].insert(wordClass)
        }
        return Lexicon(words: try list("words.txt"), nouns: try list("nouns.txt"), verbs: try list("verbs.txt"),
                       nounForms: try list("noun-forms.tsv"), verbForms: try list("verb-forms.tsv"),
                       irregular: irregular, paradigms: paradigms, particles: particles, functionWords: functionWords)
    }

    /// The UTF-8 of a small table, cut into pieces by index ranges.
    private struct Table {
        let bytes: [UInt8]
        init(_ text: String) { bytes = Array(text.utf8) }
        var all: Range<Int> { 0..<bytes.count }

        /// The pieces of `range` between separator bytes (the empty ones too, unless `omittingEmpty`), as
        /// `split(separator:omittingEmptySubsequences:)` cuts them.
        func split(_ range: Range<Int>, at isSeparator: (UInt8) -> Bool, omittingEmpty: Bool = true) -> [Range<Int>] {
            var pieces: [Range<Int>] = []
            var start = range.lowerBound
            for index in range where isSeparator(bytes[index]) {
                if !omittingEmpty || index > start { pieces.append(start..<index) }
                start = index + 1
            }
            if !omittingEmpty || range.upperBound > start { pieces.append(start..<range.upperBound) }
            return pieces
        }

        /// A piece as a string (cut at ASCII bytes, so whole UTF-8).
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    }

    /// A piece without the spaces and tabs around it, as `trimmingCharacters(in: .whitespaces)` trims
    /// (Unicode's space separators and the tab).
    private static func trimmingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value == 9 || scalar.value == 32 || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(scalars[first...last])
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
    /// The list's hash table in `lexicon.index`; nil: binary search.
    var slots: LexiconIndex.Slots?

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
        // Check the order of a sample of neighbouring lines (the whole file in a debug build would be slow),
        // comparing them in place.
        var checked = 0
        var ok = true
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var previous = 0..<0
            var start = 0
            var index = 0
            while index <= bytes.count, checked < 2000 {
                if index == bytes.count || bytes[index] == 10 {
                    let line = start..<index
                    if !line.isEmpty {
                        if !previous.isEmpty && !Self.precedesOrEquals(bytes[previous], bytes[line]) { ok = false }
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

    /// Whether `a` sorts before `b` in byte order or equals it.
    private static func precedesOrEquals(_ a: Slice<UnsafeBufferPointer<UInt8>>, _ b: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var i = a.startIndex, j = b.startIndex
        while i < a.endIndex && j < b.endIndex {
            if a[i] != b[j] { return a[i] < b[j] }
            i += 1
            j += 1
        }
        return i == a.endIndex
    }

    func contains(_ word: String) -> Bool { find(word, keyed: false) != nil }

    func releasePages() {
        slots?.releasePages()
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

    /// The line equal to `word` (or, `keyed`, the first whose part before a tab is `word`), found through the
    /// list's hash table or, without one (or `binarySearch`), by binary search; returns the rest of the line after
    /// the tab ("" when not keyed).
    func find(_ word: String, keyed: Bool, binarySearch: Bool = false) -> String? {
        var word = word
        return word.withUTF8 { needle -> String? in
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
                guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
                if !binarySearch, let slots {
                    return slots.find(needle, keyed: keyed, in: UnsafeBufferPointer(start: base, count: raw.count))
                }
                let bytes = UnsafeBufferPointer(start: base, count: raw.count)
                let count = bytes.count
                var low = 0, high = count
                while low < high {
                    // The start of the line around the middle: after the last line feed in low..<middle, or low.
                    var middle = (low + high) / 2
                    while middle > low && bytes[middle - 1] != 10 { middle -= 1 }
                    // Compare needle with the line's key (the line, or in a keyed file its part before the tab) byte by
                    // byte, stopping at the first difference: a key that ends first sorts before a longer needle.
                    var offset = 0
                    var order = 0
                    while true {
                        let position = middle + offset
                        let byte: UInt8 = position < count ? bytes[position] : 10
                        let keyEnded = byte == 10 || (keyed && byte == 9)
                        if offset == needle.count { order = keyEnded ? 0 : -1; break }
                        if keyEnded { order = 1; break }
                        let letter = needle[offset]
                        if letter != byte { order = letter < byte ? -1 : 1; break }
                        offset += 1
                    }
                    // The end of the line (its line feed, or the end of the file).
                    var end = middle + offset
                    if end < count, let feed = memchr(base + end, 10, count - end) {
                        end = base.distance(to: feed.assumingMemoryBound(to: UInt8.self))
                    } else {
                        end = count
                    }
                    if order == 0 {
                        let keyEnd = middle + offset
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

/// `lexicon.index`: for each word list a hash table over its lines, written by `scripts/make-lexicon-index.py`
/// (the format is described there). A lookup hashes the word (FNV-1a), reads a slot or two and compares one line,
/// where a binary search over the text touched about ten cold cache lines. Mapped read-only; a table is used only
/// if it was made for a list of the same size.
struct LexiconIndex: @unchecked Sendable {
    // Immutable after init: the mapped bytes are only read.
    private let data: Data
    private let isFileMapping: Bool
    private let path: String
    private let entries: [String: (size: Int, count: Int, keyed: Bool, bits: Int, offset: Int)]

    /// The hash table of one list: `count` (a power of two) little-endian UInt32 slots from byte `offset` of `data`,
    /// each 0 (empty) or, in its low `bits` bits, 1 + the byte offset of the first line of the list with a key and,
    /// in the bits above, the same bits of the key's hash (a tag: a line is compared only where the tag matches).
    struct Slots: @unchecked Sendable {
        let data: Data
        let offset: Int
        let count: Int
        let bits: Int
        let isFileMapping: Bool

        /// The FNV-1a hash of `bytes` (32 bits), as the script computes it.
        @inline(__always)
        static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
            var hash: UInt32 = 0x811C_9DC5
            for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
            return hash
        }

        /// The rest after the tab of the first line whose key is `needle` ("" for a line without one), or nil.
        func find(_ needle: UnsafeBufferPointer<UInt8>, keyed: Bool, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
                let mask = count - 1
                let hash = Self.hash(needle)
                let tagMask: UInt32 = bits >= 32 ? 0 : ~((1 << UInt32(bits)) &- 1)
                var slot = Int(hash) & mask
                for _ in 0..<count {
                    let entry = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4 * slot, as: UInt32.self))
                    if entry == 0 { return nil }
                    guard entry & tagMask == hash & tagMask else {
                        slot = (slot + 1) & mask
                        continue
                    }
                    let start = Int(entry & ~tagMask) - 1
                    // Compare needle with the line's key; a slot that points outside the list (a damaged index) never matches.
                    var length = 0
                    var equal = false
                    while start < bytes.count {
                        let position = start + length
                        let byte: UInt8 = position < bytes.count ? bytes[position] : 10
                        let keyEnded = byte == 10 || (keyed && byte == 9)
                        if length == needle.count { equal = keyEnded; break }
                        if keyEnded || needle[length] != byte { break }
                        length += 1
                    }
                    if equal {
                        let keyEnd = start + length
                        guard keyed, keyEnd < bytes.count, bytes[keyEnd] == 9 else { return "" }
                        var end = keyEnd + 1
                        while end < bytes.count && bytes[end] != 10 { end += 1 }
                        return String(decoding: UnsafeBufferPointer(rebasing: bytes[(keyEnd + 1)..<end]), as: UTF8.self)
                    }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }

        /// Drops the table's mapped pages from the resident set (whole pages inside the table only).
        func releasePages() {
            guard isFileMapping else { return }
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let page = Int(sysconf(Int32(_SC_PAGESIZE)))
                guard let base = raw.baseAddress, Int(bitPattern: base) % page == 0 else { return }
                let first = (offset + page - 1) / page * page, last = (offset + 4 * count) / page * page
                guard last > first else { return }
                _ = madvise(UnsafeMutableRawPointer(mutating: base + first), last - first, MADV_DONTNEED)
            }
        }
    }

    private static let magic = Array("AALEXIX1".utf8)
    private static let entrySize = 56

    /// The index at `path`; nil when there is none (the lists are then binary-searched).
    static func open(_ path: String) throws(Lexicon.LexiconError) -> LexiconIndex? {
        if access(path, F_OK) != 0 && errno == ENOENT { return nil }
        let fix = "; maak het opnieuw met python3 scripts/make-lexicon-index.py (remake it)"
        guard let (data, mapped) = SortedWordList.map(path) else {
            throw Lexicon.LexiconError(file: path, problem: "niet te lezen (cannot be read)")
        }
        func damaged(_ what: String) -> Lexicon.LexiconError {
            Lexicon.LexiconError(file: path, problem: "beschadigd: \(what) (damaged)\(fix)")
        }
        var entries: [String: (size: Int, count: Int, keyed: Bool, bits: Int, offset: Int)] = [:]
        var problem: String?
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
            func u64(_ at: Int) -> Int? { Int(exactly: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))) }
            guard raw.count >= 16, Array(raw[0..<8]) == magic else { problem = "geen lexicon-index (no lexicon index header)"; return }
            let tables = u32(8)
            guard tables <= 64, raw.count >= 16 + tables * entrySize else { problem = "te kort (truncated)"; return }
            for table in 0..<tables {
                let at = 16 + table * entrySize
                let nameBytes = raw[at..<(at + 32)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                let count = u32(at + 40), flags = u32(at + 44), bits = (flags >> 8) & 0xFF
                guard let size = u64(at + 32), let offset = u64(at + 48), count > 0, count & (count - 1) == 0,
                      flags & ~0xFF01 == 0, (1...32).contains(bits), size < 1 << bits,
                      offset <= raw.count, (raw.count - offset) / 4 >= count else {
                    problem = "tabel \(table + 1) (\(name)) valt buiten het bestand of is onleesbaar (table outside the file or unreadable)"
                    return
                }
                entries[name] = (size, count, flags & 1 == 1, bits, offset)
            }
        }
        if let problem { throw damaged(problem) }
        return LexiconIndex(data: data, isFileMapping: mapped, path: path, entries: entries)
    }

    /// The hash table of the list `name` of `size` bytes.
    func table(for name: String, size: Int, keyed: Bool) throws(Lexicon.LexiconError) -> Slots {
        let fix = "; maak het opnieuw met python3 scripts/make-lexicon-index.py (remake it)"
        guard let entry = entries[name] else {
            throw Lexicon.LexiconError(file: path, problem: "heeft geen tabel voor \(name) (no table for it)\(fix)")
        }
        guard entry.size == size, entry.keyed == keyed else {
            throw Lexicon.LexiconError(file: path, problem: "hoort niet bij \(name): gemaakt voor \(entry.size) bytes, de lijst heeft er \(size) "
                                       + "(made for another version of the list)\(fix)")
        }
        return Slots(data: data, offset: entry.offset, count: entry.count, bits: entry.bits, isFileMapping: isFileMapping)
    }
}
