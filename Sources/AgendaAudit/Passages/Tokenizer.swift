/// Tokens for matching: folded words with their ranges in the document.
///
/// Folding lower-cases, strips diacritics (`geïnformeerd` → `geinformeerd`)
/// and drops apostrophes inside words, straight or curly (`werkagenda's`,
/// `werkagenda’s` → `werkagendas`). Hyphens and slashes split words
/// (`sw-bedrijf` → `sw`, `bedrijf`); the matcher joins them again for
/// closed compounds. Each token keeps the scalar range of the source
/// characters, so every match maps back to the exact words.
public struct Token: Sendable, Equatable {
    /// The folded form used for lookup.
    public let form: String
    /// Scalar offsets in the document's extracted text.
    public let start: Int
    public let end: Int
    /// Sentence and clause counters within the passage.
    public let sentence: Int
    public let clause: Int
    /// True when only spaces, hyphens or slashes separate this token from the
    /// previous one in the same clause (so a phrase may run on).
    public let joinsPrevious: Bool
    /// True when the original token is made of digits only (set once: the layer and the rules ask it per token many times).
    public let isNumber: Bool

    public init(form: String, start: Int, end: Int, sentence: Int, clause: Int, joinsPrevious: Bool) {
        self.init(form: form, start: start, end: end, sentence: sentence, clause: clause, joinsPrevious: joinsPrevious,
                  isNumber: form.utf8.allSatisfy { $0 >= 48 && $0 <= 57 })
    }

    /// For the tokenizer, which knows already whether the form is all digits.
    @inline(__always)
    init(form: String, start: Int, end: Int, sentence: Int, clause: Int, joinsPrevious: Bool, isNumber: Bool) {
        self.form = form
        self.start = start
        self.end = end
        self.sentence = sentence
        self.clause = clause
        self.joinsPrevious = joinsPrevious
        self.isNumber = isNumber
    }
}

public struct Tokenizer: Sendable {
    /// Abbreviations whose final period does not end a sentence (folded, without the period).
    public let abbreviations: Set<String>
    /// Words that open a new clause (folded), e.g. "maar".
    public let clauseWords: Set<String>

    /// The longest clause word in UTF-8 bytes: longer tokens skip the lookup.
    private let longestClauseWord: Int
    /// When every clause word is ASCII: which bytes start one (a token starting otherwise skips the lookup).
    private let clauseWordStarts: [Bool]?
    /// When every clause word is ASCII: their bytes, by length.
    private let asciiClauseWords: [[[UInt8]]]?
    /// The longest abbreviation in UTF-8 bytes and, when every abbreviation is ASCII, which bytes start one: an
    /// ASCII word before a period that is longer or starts otherwise is no abbreviation, without hashing it.
    private let longestAbbreviation: Int
    private let abbreviationStarts: [Bool]?

    public init(abbreviations: Set<String> = [], clauseWords: Set<String> = []) {
        self.abbreviations = abbreviations
        self.clauseWords = clauseWords
        longestClauseWord = clauseWords.map(\.utf8.count).max() ?? 0
        if clauseWords.allSatisfy({ word in word.utf8.allSatisfy { $0 < 0x80 } }) {
            var starts = [Bool](repeating: false, count: 256)
            for word in clauseWords { if let first = word.utf8.first { starts[Int(first)] = true } }
            clauseWordStarts = starts
            var byLength = [[[UInt8]]](repeating: [], count: longestClauseWord + 1)
            for word in clauseWords { byLength[word.utf8.count].append(Array(word.utf8)) }
            asciiClauseWords = byLength
        } else {
            clauseWordStarts = nil
            asciiClauseWords = nil
        }
        longestAbbreviation = abbreviations.map(\.utf8.count).max() ?? 0
        if abbreviations.allSatisfy({ word in word.utf8.allSatisfy { $0 < 0x80 } }) {
            var starts = [Bool](repeating: false, count: 256)
            for word in abbreviations { if let first = word.utf8.first { starts[Int(first)] = true } }
            abbreviationStarts = starts
        } else {
            abbreviationStarts = nil
        }
    }

    /// Whether `form` is an abbreviation; `isASCII` when all its bytes are (an ASCII form equals an ASCII word exactly
    /// when their bytes are equal, so the length and the first byte decide first).
    @inline(__always)
    private func isAbbreviation(_ form: String, isASCII: Bool) -> Bool {
        if isASCII, let starts = abbreviationStarts {
            guard form.utf8.count <= longestAbbreviation, let first = form.utf8.first, starts[Int(first)] else { return false }
        }
        return abbreviations.contains(form)
    }

    /// Tokenizes `text`, whose first scalar sits at `base` in the document.
    /// Reads the UTF-8 bytes directly (decoding each scalar once); offsets still count scalars.
    public func tokens(_ text: String, base: Int = 0) -> [Token] {
        var text = text
        var unused: [Int32] = []
        return text.withUTF8 { tokens(bytes: $0, base: base, cache: nil, words: &unused) }
    }

    /// The same, interning each token's form in `cache` as the token is made: `words` receives each token's id,
    /// what `cache.id(token.form)` gives, in token order (so the ids are the same as interning afterwards). An
    /// ASCII form seen before is looked up by its bytes and takes the cache's String: no String is made for it.
    func tokens(_ text: String, base: Int, interningIn cache: LanguageCache, words: inout [Int32]) -> [Token] {
        var text = text
        return text.withUTF8 { tokens(bytes: $0, base: base, cache: cache, words: &words) }
    }

    /// Decodes the scalar starting at `i` of valid UTF-8 (a `String`'s bytes): its value and length.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                    | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// Whether `form` (folded, all ASCII) is a clause word, compared byte for byte.
    @inline(__always)
    private func isClauseWord(_ form: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let words = asciiClauseWords, form.count < words.count else { return false }
        // Byte by byte (the generic `elementsEqual` was a call of about 46 instructions per candidate token).
        for word in words[form.count] {
            var index = 0
            while index < form.count, word[index] == form[index] { index += 1 }
            if index == form.count { return true }
        }
        return false
    }

    private func tokens(bytes: UnsafeBufferPointer<UInt8>, base: Int, cache: LanguageCache?, words: inout [Int32]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 6)
        // The ids, gathered here and handed over at the end: appending to the `inout` parameter from the nested
        // `finishToken` made each append a call that checked uniqueness and capacity.
        // (written through a pointer: a token has at least one byte and a separator before the next, so there are at most
        // half as many tokens as bytes, plus one; `Array.append` here was a call per token that checked uniqueness and room)
        let ids = UnsafeMutablePointer<Int32>.allocate(capacity: cache != nil ? bytes.count / 2 + 1 : 0)
        var idCount = 0
        defer { ids.deallocate() }
        // The folded form's UTF-8 bytes (ASCII appended directly; other scalars folded through `scratch`), in a
        // buffer written through its pointer: an `[UInt8]` checked its uniqueness and capacity per byte appended.
        var form = FormBuffer()
        defer { form.deallocate() }
        var formIsASCII = true, formIsDigits = true
        var scratch = String.UnicodeScalarView()
        var tokenStart = 0
        var offset = base
        var sentence = 0
        var clause = 0
        var gapIsSoft = true      // only spaces/hyphens/slashes since the last token
        var lastIsNumber = false  // tokens.last?.isNumber
        var lastIsASCII = true    // whether tokens.last's form is all ASCII

        func finishToken(at end: Int) {
            guard !form.isEmpty else { return }
            let formBytes = form.bytes
            let folded: String
            if let cache {
                if formIsASCII {
                    let (id, string) = cache.id(ascii: formBytes)
                    folded = string
                    ids[idCount] = id
                } else {
                    folded = String(decoding: formBytes, as: UTF8.self)
                    ids[idCount] = cache.id(folded)
                }
                idCount += 1
            } else {
                folded = String(decoding: formBytes, as: UTF8.self)
            }
            // An all-ASCII form equals an all-ASCII clause word exactly when their bytes are equal.
            let isNewClause = !tokens.isEmpty && form.count <= longestClauseWord && clauseWordStarts?[Int(formBytes[0])] != false
                && (formIsASCII && asciiClauseWords != nil ? isClauseWord(formBytes) : clauseWords.contains(folded))
            if isNewClause { clause += 1 }
            tokens.append(Token(form: folded, start: tokenStart, end: end, sentence: sentence, clause: clause,
                                joinsPrevious: gapIsSoft && !isNewClause && !tokens.isEmpty, isNumber: formIsDigits))
            lastIsNumber = formIsDigits
            lastIsASCII = formIsASCII
            form.removeAll()
            formIsASCII = true
            formIsDigits = true
            gapIsSoft = true
        }

        let count = bytes.count
        var i = 0
        while i < count {
            // ASCII letters and digits (most of the text): lower-cased onto the form, nothing else to decide.
            let first = bytes[i]
            if first < 0x80 {
                let lowered = first | 0x20
                if lowered >= 0x61 && lowered <= 0x7A {
                    if form.isEmpty { tokenStart = offset }
                    formIsDigits = false
                    form.append(lowered)
                    offset += 1
                    i += 1
                    continue
                }
                if first >= 0x30 && first <= 0x39 {
                    if form.isEmpty { tokenStart = offset }
                    form.append(first)
                    offset += 1
                    i += 1
                    continue
                }
            }
            let (value, length) = Self.decode(bytes, at: i)
            let next = i + length
            let scalar = Unicode.Scalar(value).unsafelyUnwrapped
            if Folding.isWordScalar(scalar) {
                if form.isEmpty { tokenStart = offset }
                if value < 0x80 {
                    let byte = UInt8(value >= 0x41 && value <= 0x5A ? value + 32 : value)
                    if byte < 48 || byte > 57 { formIsDigits = false }
                    form.append(byte)
                } else {
                    scratch.removeAll(keepingCapacity: true)
                    Folding.fold(scalar, into: &scratch)
                    for byte in String(scratch).utf8 {
                        if byte >= 0x80 { formIsASCII = false }
                        if byte < 48 || byte > 57 { formIsDigits = false }
                        form.append(byte)
                    }
                }
            } else if Folding.isApostrophe(scalar), !form.isEmpty, next < count,
                      Folding.isWordScalar(Unicode.Scalar(Self.decode(bytes, at: next).0).unsafelyUnwrapped) {
                // werkagenda's, umc’s: the apostrophe stays inside the word and is dropped.
            } else {
                let wasInWord = !form.isEmpty
                finishToken(at: offset)
                switch scalar {
                case ".", "!", "?", "…":
                    let nextScalar: Unicode.Scalar = next < count ? Unicode.Scalar(Self.decode(bytes, at: next).0).unsafelyUnwrapped : " "
                    let insideNumber = scalar == "." && lastIsNumber && wasInWord && Folding.isDigit(nextScalar)
                    let isAbbreviation = scalar == "." && wasInWord && tokens.last.map { self.isAbbreviation($0.form, isASCII: lastIsASCII) } == true
                    let insideWord = scalar == "." && wasInWord && Folding.isWordScalar(nextScalar)
                    if !insideNumber && !isAbbreviation && !insideWord {
                        sentence += 1
                        clause += 1
                    }
                    gapIsSoft = false
                case ",", ";", ":", "[", "]", "\"", "“", "”", "„", "«", "»", "|", "•":
                    // A comma between digits (29,02) is part of a number, not a clause break.
                    let nextScalar: Unicode.Scalar = next < count ? Unicode.Scalar(Self.decode(bytes, at: next).0).unsafelyUnwrapped : " "
                    if !(scalar == "," && wasInWord && lastIsNumber && Folding.isDigit(nextScalar)) {
                        clause += 1
                    }
                    gapIsSoft = false
                case "-", "–", "/", "\u{2010}", "\u{2011}", "&", "+":
                    break
                case "(", ")":
                    // "(nog) niet": a bracket neither joins a phrase nor ends a clause.
                    gapIsSoft = false
                default:
                    if !scalar.isWhitespaceFast, !Folding.isApostrophe(scalar) { gapIsSoft = false }
                }
            }
            offset += 1
            i = next
        }
        finishToken(at: offset)
        if cache != nil { words.append(contentsOf: UnsafeBufferPointer(start: ids, count: idCount)) }
        return tokens
    }
}

/// A token's folded bytes while the tokenizer reads it: a growable buffer written through its pointer (the
/// tokenizer's own, freed when it returns).
private struct FormBuffer {
    private var base = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    private var capacity = 64
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow() }
        base[count] = byte
        count += 1
    }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.update(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    mutating func removeAll() { count = 0 }

    func deallocate() { base.deallocate() }
}

/// Case and diacritic folding shared by the text side and the rubric side.
public enum Folding {
    @inline(__always)
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    @inline(__always)
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x2019, 0x2018, 0x60, 0xB4, 0x2032: return true
        default: return false
        }
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        if value == 0xAD { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }

    /// Appends the folded form of one scalar.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar, into out: inout String.UnicodeScalarView) {
        let value = scalar.value
        if value < 0x80 {
            if value >= 0x41 && value <= 0x5A {
                out.append(Unicode.Scalar(value + 32)!)
            } else {
                out.append(scalar)
            }
            return
        }
        if let mapped = latin[value] {
            out.append(contentsOf: mapped.unicodeScalars)
            return
        }
        // Other scripts: lower-case, then drop combining marks of the decomposition.
        for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
            if lowered.properties.generalCategory == .nonspacingMark { continue }
            out.append(lowered)
        }
    }

    /// Folds a whole string the same way the tokenizer folds a word.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: lower case and no apostrophes, byte by byte (a scalar view appends at about 270 instructions a scalar).
            if !text.utf8.contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x27 || $0 == 0x60 }) { return text }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 where byte != 0x27 && byte != 0x60 { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isApostrophe(scalar) { continue }
            fold(scalar, into: &out)
        }
        return String(out)
    }

    private static let latin: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("ÀÁÂÃÄÅĀĂĄ", "a"), ("çćĉċč", "c"), ("ÇĆĈĊČ", "c"), ("ďđ", "d"), ("ĎĐ", "d"),
            ("èéêëēĕėęě", "e"), ("ÈÉÊËĒĔĖĘĚ", "e"), ("ĝğġģ", "g"), ("ĜĞĠĢ", "g"), ("ĥħ", "h"), ("ĤĦ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ÌÍÎÏĨĪĬĮİ", "i"), ("ĵ", "j"), ("Ĵ", "j"), ("ķ", "k"), ("Ķ", "k"),
            ("ĺļľŀł", "l"), ("ĹĻĽĿŁ", "l"), ("ñńņňŉ", "n"), ("ÑŃŅŇ", "n"), ("òóôõöøōŏő", "o"), ("ÒÓÔÕÖØŌŎŐ", "o"),
            ("ŕŗř", "r"), ("ŔŖŘ", "r"), ("śŝşš", "s"), ("ŚŜŞŠ", "s"), ("ţťŧ", "t"), ("ŢŤŦ", "t"),
            ("ùúûüũūŭůűų", "u"), ("ÙÚÛÜŨŪŬŮŰŲ", "u"), ("ŵ", "w"), ("Ŵ", "w"), ("ýÿŷ", "y"), ("ÝŸŶ", "y"),
            ("źżž", "z"), ("ŹŻŽ", "z"),
        ]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = base }
        }
        table[0xDF] = "ss"; table[0xE6] = "ae"; table[0xC6] = "ae"; table[0x153] = "oe"; table[0x152] = "oe"
        table[0x133] = "ij"; table[0x132] = "ij"; table[0xFB01] = "fi"; table[0xFB02] = "fl"
        return table
    }()
}
