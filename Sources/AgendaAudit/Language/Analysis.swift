import Foundation
import Synchronization

/// What the language layer knows about one passage: every token's part of
/// speech, lemma and clause, every clause's verb features, the time
/// expressions resolved to month ranges and the quantities bound to what
/// they count. The coder and the cycle checker both read it; it indexes the
/// same `[Token]` they match on, so every feature maps back to exact words.
///
/// Words are interned integer ids (`LanguageCache`), per worker.
public struct PassageAnalysis: Sendable {
    public var words: [Word]
    public var clauses: [Clause]
    public var times: [TimeExpression]
    public var quantities: [CountedQuantity]
    /// The sentences that end in a question mark, in order (a yes/no question has no question word: "Maar is het
    /// programma niet te elitair?").
    public var questions: [Int] = []
    /// The verbs of every clause, clause after clause: lemmas (separable verbs reunited, `bleef ... achter` →
    /// `achterblijven`) and, parallel, their token indices. A clause's verbs are `verbs` of these (`verbLemmas(of:)`).
    /// Kept here rather than as two arrays in each `Clause`, so that a `Clause` holds no reference: the rules copy
    /// clauses about 600,000 times per MB of text, and each copy of one with arrays retained and released both.
    public var verbLemmas: [Int32] = []
    public var verbTokens: [Int] = []

    /// The lemmas of `clause`'s verbs (indices into `verbLemmas`, parallel to `verbTokens(of:)`).
    public func verbLemmas(of clause: Clause) -> ArraySlice<Int32> { verbLemmas[clause.verbs] }
    /// The token indices of `clause`'s verbs (indices into `verbTokens`, parallel to `verbLemmas(of:)`).
    public func verbTokens(of clause: Clause) -> ArraySlice<Int> { verbTokens[clause.verbs] }

    /// The word can be a nominalised infinitive: a noun (or infinitive) that is its own lemma and ends in -en ("het
    /// aanstellen", "het delen"); the callers look for the "het" before it.
    func isInfinitiveForm(_ index: Int, cache: LanguageCache) -> Bool {
        let word = words[index]
        return (word.pos == .noun || word.pos == .infinitive) && word.form == word.lemma && cache.string(word.form).hasSuffix("en")
    }

    public enum PartOfSpeech: UInt8, Sendable {
        case noun, properNoun, finiteVerb, participle, infinitive, number, function, other

        /// The tag in `analyze --format tsv` (and `Benchmarks/frog-compare.py`).
        public var tag: String {
            switch self {
            case .noun: return "NOUN"
            case .properNoun: return "PROPN"
            case .finiteVerb: return "VERB-FIN"
            case .participle: return "VERB-PART"
            case .infinitive: return "VERB-INF"
            case .number: return "NUM"
            case .function: return "FUNC"
            case .other: return "OTHER"
            }
        }

        /// A finite verb, participle or infinitive: `[.finiteVerb, .participle, .infinitive].contains(pos)` without an
        /// array (the rules ask it of about 400,000 words per MB).
        var isVerbForm: Bool { self == .finiteVerb || self == .participle || self == .infinitive }
    }

    public enum Tense: UInt8, Sendable { case none, present, past }

    public struct Word: Sendable {
        /// Interned folded form and lemma.
        public var form: Int32
        public var lemma: Int32
        /// The compound's last part (lemma), or -1: `werkplekbegeleiders` → `begeleider`.
        public var head: Int32
        public var pos: PartOfSpeech
        public var tense: Tense
        public var classes: WordClasses
        /// Index into `clauses`.
        public var clause: Int
        /// Starts with a capital letter in the source.
        public var capitalised: Bool
        /// An opening bracket stands before it ("doelstelling 3 (goede voorbeelden ...)").
        public var afterBracket: Bool = false
        /// Joined to the word before by a hyphen, no space: "sw-bedrijf", "2-diploma".
        public var afterHyphen: Bool = false
        /// A participle used as an adjective right before its noun ("afgelopen zomer"): no verb of its clause.
        public var attributive: Bool = false
    }

    public struct Clause: Sendable {
        public var first: Int
        public var last: Int
        public var sentence: Int
        /// Opened by a subordinating conjunction or relative pronoun (its lemma id in `opener`).
        public var isSubordinate: Bool
        public var opener: Int32
        /// The finite verb (token index) and its tense.
        public var finite: Int?
        public var tense: Tense
        /// hebben/zijn + participle.
        public var isPerfect: Bool
        /// worden + participle, or zijn + participle of a verb conjugated with hebben.
        public var isPassive: Bool
        /// Present zullen, or present gaan + infinitive (not "zouden": the future of a past moment).
        public var isFuture: Bool
        /// kunnen / moeten / mogen.
        public var modal: Int32
        /// A bare verb stem first, or `u`/`je` as subject: addressed to the reader.
        public var addressesReader: Bool
        /// niet, geen, nooit ... in this clause.
        public var negation: Int?
        /// Where the clause's verbs lie in the analysis's `verbLemmas` and `verbTokens` (`PassageAnalysis.verbLemmas(of:)`).
        public var verbs: Range<Int>
    }
}

/// A time expression resolved to a range of months (`year * 12 + month - 1`).
public struct TimeExpression: Sendable, Equatable {
    public enum Relation: UInt8, Sendable { case at, by, from, since }
    public let first: Int
    public let last: Int
    public let startMonth: Int
    public let endMonth: Int
    /// `voor 1 april`, `uiterlijk`: by; `vanaf`, `per 1 maart`: from; `sinds 2016`: since; otherwise at.
    public let relation: Relation
    /// Resolved from the reference date rather than written out (`volgend jaar`).
    public let isRelative: Bool
    /// Names a day ("op 11 april 2019"): the date of an event, not a horizon.
    public var hasDay: Bool = false
    /// An open number of periods ("de komende jaren"): a stretch of time, no date an activity is tied to.
    public var isVague: Bool = false
}

/// A quantity with the noun phrase it counts: `45 banen`, `0,5 procent van
/// haar personeelsbudget`, `zes van de acht umc's`.
public struct CountedQuantity: Sendable, Equatable {
    public let quantity: Quantity
    /// The counted noun (token index), its lemma and compound head; -1 when none.
    public let noun: Int
    public let lemma: Int32
    public let head: Int32
    /// For percentages and parts (`procent van`, `zes van de acht`): the noun after `van`, or -1.
    public let of: Int
    /// Last token of the phrase (noun or its `van`/`uit` complement).
    public let last: Int
}

/// Interned word ids and the context-free analysis of each word. Nothing in
/// it depends on a document: `Pipeline` keeps one per worker across
/// documents (dropped when it grows past `Pipeline`'s bound), so each word
/// form is analysed once per worker, not once per document.
public final class LanguageCache {
    var ids: [String: Int32] = [:]
    var strings: [String] = []
    var info: [WordInfo?] = []
    var cachedSpecials: Specials?

    public init() {}

    /// ASCII words (nearly all) are interned through `asciiTable` instead of `ids`: an open-addressing table of
    /// ids by a cheap hash of the bytes, without `Hasher` and `String` hashing per token. Other words go through `ids`
    /// (String equality there is canonical equivalence; an ASCII word has no other spelling).
    private var asciiTable = [Int32](repeating: -1, count: 1024)
    private var asciiCount = 0
    /// Per id, the ASCII hash (0 for a word interned through `ids`).
    private var hashes: [UInt32] = []

    func id(_ string: String) -> Int32 {
        let hash = string.utf8.withContiguousStorageIfAvailable { Self.asciiHash($0) } ?? Self.asciiHash(Array(string.utf8))
        guard hash != 0 else {
            if let id = ids[string] { return id }
            return append(string, hash: 0, ids: true)
        }
        let mask = asciiTable.count - 1
        var slot = Int(hash) & mask
        while true {
            let id = asciiTable[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash && strings[Int(id)] == string { return id }
            slot = (slot + 1) & mask
        }
        let id = append(string, hash: hash, ids: false)
        asciiTable[slot] = id
        asciiCount += 1
        if asciiCount * 2 > asciiTable.count { growASCIITable() }
        return id
    }

    /// The id of an ASCII word given as its bytes (every byte below 0x80, at least one), and the word as a String:
    /// the same id as `id(_:)` of that String, but a word seen before is found by its bytes and its String is the
    /// one kept here (the tokenizer interns each token this way instead of making a String per token).
    func id(ascii bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, string: String) {
        let hash = Self.asciiHash(bytes)
        let mask = asciiTable.count - 1
        var slot = Int(hash) & mask
        while true {
            let id = asciiTable[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash && hasBytes(Int(id), bytes) { return (id, strings[Int(id)]) }
            slot = (slot + 1) & mask
        }
        let string = String(decoding: bytes, as: UTF8.self)
        let id = append(string, hash: hash, ids: false)
        asciiTable[slot] = id
        asciiCount += 1
        if asciiCount * 2 > asciiTable.count { growASCIITable() }
        return (id, string)
    }

    /// Whether the ASCII word `id` (its bytes in `asciiBytes`) is `bytes`.
    @inline(__always)
    private func hasBytes(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = asciiStarts[id], end = asciiStarts[id + 1]
        guard end - start == bytes.count else { return false }
        guard let other = bytes.baseAddress, !bytes.isEmpty else { return true }
        // (one memcmp: the byte loop checked bounds and loaded the array per byte, once per token)
        return asciiBytes.withUnsafeBufferPointer { stored in memcmp(stored.baseAddress! + start, other, bytes.count) == 0 }
    }

    /// The bytes of the ASCII words, one after the other: word `id`'s lie at `asciiStarts[id]..<asciiStarts[id + 1]`
    /// (a word interned through `ids` has none).
    private var asciiBytes: [UInt8] = []
    private var asciiStarts: [Int] = [0]

    private func append(_ string: String, hash: UInt32, ids inDictionary: Bool) -> Int32 {
        let id = Int32(strings.count)
        if inDictionary { ids[string] = id }
        strings.append(string)
        hashes.append(hash)
        info.append(nil)
        if hash != 0 { asciiBytes.append(contentsOf: string.utf8) }
        asciiStarts.append(asciiBytes.count)
        return id
    }

    private func growASCIITable() {
        var table = [Int32](repeating: -1, count: asciiTable.count * 2)
        let mask = table.count - 1
        for (id, hash) in hashes.enumerated() where hash != 0 {
            var slot = Int(hash) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(id)
        }
        asciiTable = table
    }

    /// FNV-1a of ASCII bytes, never 0; 0 when a byte is not ASCII.
    @inline(__always)
    private static func asciiHash(_ bytes: some Collection<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            if byte >= 0x80 { return 0 }
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return hash == 0 ? 1 : hash
    }

    /// The number of interned words.
    var count: Int { strings.count }

    public func string(_ id: Int32) -> String { id >= 0 && Int(id) < strings.count ? strings[Int(id)] : "" }

    /// Per word id, a bit per word list (the caller's list number) for the lists that hold it, and
    /// `maskKnown` once computed. Each word is hashed against the lists once per cache, then looked up by id.
    private var masks: [UInt64] = []
    static let maskKnown: UInt64 = 1 << 63

    /// The lists (by position, at most 63; the same position must always mean the same set) that hold word `id`. `lists`
    /// maps each word of the lists to a bit per list that holds it (`LanguageCache.listMasks`).
    @inline(__always)
    func listMask(_ id: Int32, _ lists: [String: UInt64]) -> UInt64 {
        // No word (-1, e.g. a word without a compound head): in no list, without a call.
        if id < 0 { return 0 }
        // Known already (nearly always, three times per token): one load, inlined at the caller.
        if Int(id) < masks.count {
            let known = masks[Int(id)]
            if known & Self.maskKnown != 0 { return known }
        }
        return computeListMask(id, lists)
    }

    @inline(never)
    private func computeListMask(_ id: Int32, _ lists: [String: UInt64]) -> UInt64 {
        guard id >= 0 else { return 0 }
        let index = Int(id)
        if masks.count <= index { masks.append(contentsOf: repeatElement(0, count: strings.count - masks.count)) }
        let known = masks[index]
        if known & Self.maskKnown != 0 { return known }
        var mask = Self.maskKnown
        let string = strings[index]
        // An inflected adjective or participle is in a list when its base form is: "beperkte invloed", "lastige regels".
        // (one lookup of the word and one of its base, where each list's set was asked in turn: some 20,000 instructions
        // per new word)
        mask |= lists[string] ?? 0
        if string.utf8.count > 4 && string.hasSuffix("e") { mask |= lists[String(string.dropLast())] ?? 0 }
        masks[index] = mask
        return mask
    }

    /// Per word of `lists`, a bit per list (by position, below 63) that holds it: the argument of `listMask`.
    static func listMasks(_ lists: [Set<String>?]) -> [String: UInt64] {
        var masks: [String: UInt64] = [:]
        for (list, set) in lists.enumerated() {
            for word in set ?? [] { masks[word, default: 0] |= 1 << UInt64(list) }
        }
        return masks
    }

    /// Per word id, a bit per list number (below 64) once asked, and a bit per list that holds the word: two flat
    /// arrays indexed by id (a nested array per list cost an exclusivity check and a bounds check per level).
    /// For the coder's action lists (their own numbering, apart from `listMask`'s positions).
    private var asked: [UInt64] = []
    private var member: [UInt64] = []
    /// Lists numbered 64 and above: per list, 0 not asked yet, 1 no, 2 yes.
    private var membership: [[UInt8]] = []

    /// Whether the word `id` is in list number `list`, when that is known already (nil: ask `isMember`). A caller can
    /// so leave the set where it is: fetching it from a struct of sets for every call retained and released it.
    @inline(__always)
    func knownMembership(_ id: Int32, of list: Int) -> Bool? {
        guard id >= 0 else { return false }
        let index = Int(id), bit: UInt64 = 1 << UInt64(list & 63)
        guard list < 64, index < asked.count, asked[index] & bit != 0 else { return nil }
        return member[index] & bit != 0
    }

    /// Whether the word `id` is in `set`, the caller's list number `list` (the same number must always mean the same set).
    func isMember(_ id: Int32, of list: Int, _ set: Set<String>) -> Bool {
        guard id >= 0 else { return false }
        let index = Int(id)
        guard list < 64 else { return isMemberWide(index, of: list, set) }
        if asked.count <= index {
            asked.append(contentsOf: repeatElement(0, count: strings.count - asked.count))
            member.append(contentsOf: repeatElement(0, count: strings.count - member.count))
        }
        let bit: UInt64 = 1 << UInt64(list)
        if asked[index] & bit == 0 {
            asked[index] |= bit
            if set.contains(strings[index]) { member[index] |= bit }
        }
        return member[index] & bit != 0
    }

    private func isMemberWide(_ index: Int, of list: Int, _ set: Set<String>) -> Bool {
        while membership.count <= list { membership.append([]) }
        if membership[list].count <= index {
            membership[list].append(contentsOf: repeatElement(0, count: strings.count - membership[list].count))
        }
        if membership[list][index] == 0 { membership[list][index] = set.contains(strings[index]) ? 2 : 1 }
        return membership[list][index] == 2
    }

    /// A number word's value per word id (`QuantityScanner`): `Int.min` not asked yet, `Int.min + 1` no number.
    private var numberValues: [Int] = []

    func numberValue(_ id: Int32, _ compute: () -> Int?) -> Int? {
        let index = Int(id)
        if numberValues.count <= index { numberValues.append(contentsOf: repeatElement(Int.min, count: strings.count - numberValues.count)) }
        let known = numberValues[index]
        if known == Int.min + 1 { return nil }
        if known != Int.min { return known }
        let value = compute()
        numberValues[index] = value ?? Int.min + 1
        return value
    }

    struct WordInfo {
        var classes: WordClasses
        var verbs: VerbReadings
        var noun: Int32
        var head: Int32
        var isKnown: Bool
        /// Facts about the form the tagger asks per token: in the word list, its last letter e / t, starts with ge, a month name.
        var isWord: Bool
        var endsWithE: Bool
        var endsWithT: Bool
        var startsWithGe: Bool
        var isMonth: Bool
        /// An adjective or separable particle that is also a verb form ("vast", "kort", "echt"): finite only by position.
        var isAdjective: Bool = false
        /// A present participle's infinitive ("volgende" → "volgen"), or -1.
        var presentParticiple: Int32 = -1
        /// A reading of a verb that takes a bare infinitive in the verb cluster (`LanguageAnalyzer.infinitiveGoverning`).
        var governsInfinitive: Bool = false
        /// A reading of a verb that takes a te-infinitive (`LanguageAnalyzer.teInfinitiveGoverning`).
        var governsTeInfinitive: Bool = false
        /// The form is all digits: the same as its tokens' `Token.isNumber`, read here because the tagger's long loop reads
        /// `infos` anyway, where a `tokens[i].isNumber` there copied the whole token (retaining its form) through a call.
        var isNumber: Bool = false
    }

    /// A word's verb readings (lemma id and kind), up to seven held inline: copying a `WordInfo` (the analyser does
    /// per token, several times) then copies plain bytes instead of retaining and releasing an array. A word with more
    /// readings (rare: a long irregular table) keeps them in `overflow`, a process-wide list that only grows.
    struct VerbReadings: RandomAccessCollection {
        typealias Element = (lemma: Int32, kind: Lexicon.VerbForm.Kind)
        private static let none: Element = (-1, .present)
        private static let capacity = 7
        private var slots: (Element, Element, Element, Element, Element, Element, Element)
        private let readingCount: Int32
        /// Index into `overflow` when there are more than `capacity` readings, else -1.
        private let overflowIndex: Int32
        private static let overflow = Mutex<[[Element]]>([])

        init(_ readings: [Element]) {
            let none = Self.none
            slots = (none, none, none, none, none, none, none)
            readingCount = Int32(readings.count)
            if readings.count <= Self.capacity {
                overflowIndex = -1
                // The tuple's elements lie at `Element`'s stride: rebound as seven elements (a raw buffer of its size,
                // 53 bytes, holds only six strides).
                withUnsafeMutablePointer(to: &slots) { tuple in
                    tuple.withMemoryRebound(to: Element.self, capacity: Self.capacity) { buffer in
                        for (index, reading) in readings.enumerated() { buffer[index] = reading }
                    }
                }
            } else {
                overflowIndex = Self.overflow.withLock { list in
                    list.append(readings)
                    return Int32(list.count - 1)
                }
            }
        }

        var startIndex: Int { 0 }
        var endIndex: Int { Int(readingCount) }

        subscript(position: Int) -> Element {
            precondition(position >= 0 && position < Int(readingCount), "verb reading index out of range")
            if overflowIndex >= 0 { return Self.overflow.withLock { $0[Int(overflowIndex)][position] } }
            return withUnsafePointer(to: slots) { tuple in
                tuple.withMemoryRebound(to: Element.self, capacity: Self.capacity) { $0[position] }
            }
        }
    }
}
