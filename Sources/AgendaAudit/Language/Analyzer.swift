import Foundation

/// The language layer: from a passage's tokens to parts of speech, lemmas,
/// clauses with their verb features, time expressions and counted
/// quantities (`PassageAnalysis`). Rule-based and context-light, so it runs
/// at the speed of the matcher; Frog is its yardstick
/// (`Benchmarks/frog-compare.sh`).
///
/// Per sentence:
/// 1. each word's context-free readings (`Morphology`, cached per word id);
/// 2. clauses: a new clause at `;` `:`, at a subordinating conjunction or
///    relative pronoun, at `maar`/`want`, and at `en`/`of`/`,` followed by a
///    clause with its own finite verb; subordinate when opened by a
///    conjunction or relative pronoun;
/// 3. per clause the finite verb: an unambiguous finite form, else an -en
///    form in verb position (second in a main clause, last in a
///    subordinate one, after a subject pronoun); determiners, prepositions
///    and adjectives before a word make it a noun;
/// 4. features: perfect, passive, future, modal, negation, reader
///    address, and separable verbs reunited (`richten ... in` → `inrichten`).
public struct LanguageAnalyzer: Sendable {
    public let lexicon: Lexicon
    let morphology: Morphology

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        morphology = Morphology(lexicon: lexicon)
    }

    // MARK: Words

    /// (the known reading inlined at the caller: a call per token for what is nearly always one load cost some 160
    /// instructions)
    @inline(__always)
    func info(_ id: Int32, cache: LanguageCache) -> LanguageCache.WordInfo {
        if let known = cache.info[Int(id)] { return known }
        return newInfo(id, cache: cache)
    }

    @inline(never)
    private func newInfo(_ id: Int32, cache: LanguageCache) -> LanguageCache.WordInfo {
        let form = cache.strings[Int(id)]
        var classes = lexicon.classes(form)
        // Pronominal adverbs: er/daar/hier/waar + preposition ("ernaar", "daarmee", "waarbij").
        if classes.isEmpty {
            for prefix in ["er", "daar", "hier", "waar"] where form.hasPrefix(prefix) && form.utf8.count > prefix.utf8.count + 1 {
                let rest = String(form.dropFirst(prefix.count))
                if lexicon.classes(rest).contains(.preposition) || ["mee", "toe", "heen", "naartoe", "van", "om"].contains(rest) {
                    classes = prefix == "waar" ? [.adverb, .relative] : .adverb
                }
            }
        }
        var verbs: [(lemma: Int32, kind: Lexicon.VerbForm.Kind)] = []
        var noun: Int32 = -1, head: Int32 = -1
        var governsInfinitive = false, governsTeInfinitive = false
        let isDigits = form.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        if !isDigits && form.utf8.count >= 2 {
            for reading in morphology.verbReadings(form) {
                verbs.append((cache.id(reading.lemma), reading.kind))
                if Self.infinitiveGoverning.contains(reading.lemma) { governsInfinitive = true }
                if Self.teInfinitiveGoverning.contains(reading.lemma) { governsTeInfinitive = true }
            }
            if let lemma = morphology.nounLemma(form) {
                noun = cache.id(lemma)
            }
            // A compound the word list does not have: its last part decides (a listed word that is no noun stays what it is).
            // A listed noun whose first part is a separable particle is the noun of a particle verb, no kind of its last
            // part: "achterstand" (achterstaan) is no "stand", "voorstel" no "stel".
            if let split = morphology.split(form), !(noun >= 0 && lexicon.particles.contains(split.first)) {
                if let headLemma = morphology.nounLemma(split.head) {
                    head = cache.id(headLemma)
                    if noun < 0 && verbs.isEmpty && !lexicon.isWord(form) { noun = cache.id(split.first + headLemma) }
                } else if verbs.isEmpty {
                    head = cache.id(split.head)
                }
            } else if noun >= 0 {
                head = noun
            }
            if noun < 0, verbs.isEmpty, classes.isEmpty, Self.looksLikeNoun(form) { noun = cache.id(Self.guessSingular(form)) }
        }
        let isWord = lexicon.isWord(form)
        let isKnown = isWord || noun >= 0 || !verbs.isEmpty
        // A present form that is a separable particle ("los", "vast") or a bare stem in -t that is also an adjective
        // (its -e form is a word but no verb form: "kort"/"korte" of "korten", "echt"/"echte").
        let isAdjective = verbs.contains { $0.kind == .present } && !verbs.contains { $0.kind == .infinitive }
            && (lexicon.particles.contains(form)
                || form.hasSuffix("t") && lexicon.isVerb(form + "en") && lexicon.isWord(form + "e")
                    // (its -e form no verb form: "werkte" is; or, without an inseparable prefix, no past or participle:
                    // "echte", though the generated table lists it for "echten", but "ontmoete" stays a verb's)
                    && !verbs.contains { $0.kind == .participle }
                    && (lexicon.verbLemma(ofForm: form + "e") == nil
                        || !Morphology.inseparablePrefixes.contains(where: { form.hasPrefix($0) })
                            && !morphology.verbReadings(form + "e").contains { $0.kind == .past || $0.kind == .participle }))
        var result = LanguageCache.WordInfo(classes: classes, verbs: .init(verbs), noun: noun, head: head, isKnown: isKnown, isWord: isWord,
                                            endsWithE: form.hasSuffix("e"), endsWithT: form.hasSuffix("t"),
                                            startsWithGe: form.hasPrefix("ge"), isMonth: TimeResolver.months[form] != nil)
        result.isAdjective = isAdjective
        result.governsInfinitive = governsInfinitive
        result.governsTeInfinitive = governsTeInfinitive
        result.isNumber = isDigits
        if !isDigits, classes.isEmpty, let infinitive = morphology.presentParticipleLemma(form) { result.presentParticiple = cache.id(infinitive) }
        cache.info[Int(id)] = result
        return result
    }

    /// Suffixes of Dutch nouns, for words the lexicon does not have.
    static func looksLikeNoun(_ form: String) -> Bool {
        for suffix in ["ing", "ingen", "heid", "heden", "schap", "teit", "tie", "ties", "isme", "aar", "aars", "eur", "eurs",
                       "ist", "isten", "ment", "menten", "agenda", "agendas", "baan", "banen", "plek", "plekken", "er", "ers"]
        where form.hasSuffix(suffix) && form.utf8.count > suffix.utf8.count + 2 { return true }
        return false
    }

    static func guessSingular(_ form: String) -> String {
        if form.hasSuffix("ingen") { return String(form.dropLast(2)) }
        if form.hasSuffix("heden") { return String(form.dropLast(5)) + "heid" }
        if form.hasSuffix("ties") || form.hasSuffix("ers") || form.hasSuffix("aars") || form.hasSuffix("eurs") || form.hasSuffix("agendas") {
            return String(form.dropLast())
        }
        return form
    }

    // MARK: Passages

    /// Relative times ("volgend jaar") without an agenda period resolve against the year the check runs.
    static let currentYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date())

    public func analyze(_ tokens: [Token], text: String, base: Int, referenceYear: Int?, cache: LanguageCache) -> PassageAnalysis {
        analyze(tokens, words: nil, text: text, base: base, referenceYear: referenceYear, cache: cache)
    }

    /// `words`, when given, are the tokens' ids in `cache` (`cache.id(token.form)`).
    func analyze(_ tokens: [Token], words: [Int32]?, text: String, base: Int, referenceYear: Int?, cache: LanguageCache) -> PassageAnalysis {
        analyzeKeepingTimeInputs(tokens, words: words, text: text, base: base, referenceYear: referenceYear, cache: cache).analysis
    }

    /// What the time expressions are resolved from besides the tokens: an analysis made for one reference year
    /// serves another by resolving its times again (`retimed`), the rest of the reading does not depend on the year.
    struct TimeInputs: Sendable {
        let isMonth: [Bool]
        let spaced: [Bool]
    }

    /// `analysis` with its times resolved for `referenceYear` instead.
    func retimed(_ analysis: PassageAnalysis, tokens: [Token], inputs: TimeInputs, referenceYear: Int?) -> PassageAnalysis {
        var analysis = analysis
        analysis.times = TimeResolver().resolve(tokens: tokens, referenceYear: referenceYear ?? Self.currentYear, isMonth: inputs.isMonth,
                                                spaced: inputs.spaced)
        return analysis
    }

    func analyzeKeepingTimeInputs(_ tokens: [Token], words: [Int32]?, text: String, base: Int, referenceYear: Int?,
                                  cache: LanguageCache) -> (analysis: PassageAnalysis, inputs: TimeInputs) {
        var analysis = PassageAnalysis(words: [], clauses: [], times: [], quantities: [])
        guard !tokens.isEmpty else { return (analysis, TimeInputs(isMonth: [], spaced: [])) }
        let specials = cache.specials
        // The words first, from their cached readings; the walk below marks each one's capital, bracket and hyphen in
        // place (it filled three arrays of its own, copied into the words afterwards).
        analysis.words.reserveCapacity(tokens.count)
        // (at most a verb per token, and one reunited separable verb per clause: rarely more than one growth)
        analysis.verbLemmas.reserveCapacity(tokens.count)
        analysis.verbTokens.reserveCapacity(tokens.count)
        // (a clause has some six to ten words: room for most passages' clauses at once, where the array grew three times)
        analysis.clauses.reserveCapacity(tokens.count / 4 + 4)
        var infos: [LanguageCache.WordInfo] = []
        infos.reserveCapacity(tokens.count)
        for position in tokens.indices {
            let id = words?[position] ?? cache.id(tokens[position].form)
            let wordInfo = info(id, cache: cache)
            infos.append(wordInfo)
            analysis.words.append(.init(form: id, lemma: id, head: wordInfo.head, pos: .other, tense: .none,
                                        classes: wordInfo.classes, clause: 0, capitalised: false))
        }
        // One walk over the scalars: capitals and the punctuation before each token. A word after a hyphen, no space,
        // is the second part of a hyphenated compound ("sw-bedrijf"): a noun, whatever else it could be
        // (`Word.afterHyphen`).
        var gaps = [Gap](filledWith: .none, count: tokens.count)
        // The token follows white space ("eind 2026 25.000 banen": a year, then a count; "2024-0000857898" is a code).
        var spaced = [Bool](filledWith: false, count: tokens.count)
        var bracket = false
        do {
            var index = 0
            var offset = base
            var gap = Gap.none
            var previous: Unicode.Scalar = " "
            /// The sentence of the word before a question mark asks (once per sentence).
            var questions: [Int] = []
            func markQuestion() {
                if questions.last != tokens[index - 1].sentence { questions.append(tokens[index - 1].sentence) }
            }
            // (the marks written through buffer pointers: each write into the arrays checked their uniqueness in a call,
            // some five per token)
            defer { analysis.questions = questions }
            analysis.words.withUnsafeMutableBufferPointer { words in
            gaps.withUnsafeMutableBufferPointer { gaps in
            spaced.withUnsafeMutableBufferPointer { spaced in
            // The scalars in order, read from the UTF-8 bytes (`offset` counts scalars). A token's inner scalars change
            // nothing but `previous`, so after a token's first scalar the walk steps over the rest by their lead bytes
            // without decoding them (most of a passage is inside words), and decodes the last one as `previous`.
            var utf8 = text
            utf8.withUTF8 { bytes in
                var position = 0
                while position < bytes.count {
                    let (scalar, width) = UTF8Walk.scalar(bytes, at: position)
                    position += width
                    if index >= tokens.count {
                        // After the last word only a question mark matters, past closing quotes and brackets.
                        if offset < tokens[index - 1].end { offset += 1; previous = scalar; continue }
                        if scalar == "?" { markQuestion(); break }
                        if scalar.isWhitespaceFast || scalar == "\"" || scalar == "\u{201D}" || scalar == "\u{2019}" || scalar == ")" {
                            offset += 1
                            previous = scalar
                            continue
                        }
                        break
                    }
                    if offset == tokens[index].start {
                        words[index].capitalised = scalar.value < 0x80 ? (scalar.value >= 0x41 && scalar.value <= 0x5A)
                            : scalar.properties.isUppercase
                        if index > 0, gap == .none, offset == tokens[index - 1].end + 1, previous == "-" { words[index].afterHyphen = true }
                        spaced[index] = previous.isWhitespaceFast
                        // A decimal comma ("20,1 banen") separates no clauses.
                        if gap == .comma, index > 0, offset == tokens[index - 1].end + 1, tokens[index].isNumber, tokens[index - 1].isNumber {
                            gap = .none
                        }
                        words[index].afterBracket = bracket
                        bracket = false
                        gaps[index] = gap
                        gap = .none
                        index += 1
                        offset += 1
                        previous = scalar
                        // Skip to the token's end (or the next token's start, should tokens overlap).
                        let innerEnd = min(tokens[index - 1].end, index < tokens.count ? tokens[index].start : Int.max)
                        var lastInner = -1
                        while offset < innerEnd, position < bytes.count {
                            lastInner = position
                            position += UTF8Walk.width(bytes[position])
                            offset += 1
                        }
                        if lastInner >= 0 { previous = UTF8Walk.scalar(bytes, at: lastInner).scalar }
                        continue
                    } else if index > 0, offset >= tokens[index - 1].end {
                        switch scalar {
                        case "?": markQuestion()
                        case ";": gap = .semicolon
                        case ":": if gap != .semicolon { gap = .colon }
                        case ",": if gap == .none { gap = .comma }
                        case "(", ")", "\u{2013}", "\u{2014}":
                            if gap == .none { gap = .dash }
                            if scalar == "(" { bracket = true }
                        default: break
                        }
                    }
                    offset += 1
                    previous = scalar
                }
            }
            }
            }
            }
        }

        var sentenceStart = 0
        while sentenceStart < tokens.count {
            var sentenceEnd = sentenceStart
            while sentenceEnd + 1 < tokens.count, tokens[sentenceEnd + 1].sentence == tokens[sentenceStart].sentence { sentenceEnd += 1 }
            // (the readings through a buffer pointer: `Array`'s subscript of a `WordInfo` stayed a call, about 1.4 million per
            // 2 MB of text)
            infos.withUnsafeBufferPointer { infos in
                analyzeSentence(sentenceStart...sentenceEnd, tokens: tokens, infos: infos, gaps: gaps, specials: specials,
                                cache: cache, into: &analysis)
            }
            sentenceStart = sentenceEnd + 1
        }
        let inputs = TimeInputs(isMonth: infos.map(\.isMonth), spaced: spaced)
        analysis.times = TimeResolver().resolve(tokens: tokens, referenceYear: referenceYear ?? Self.currentYear, isMonth: inputs.isMonth,
                                                 spaced: inputs.spaced)
        return (analysis, inputs)
    }

    enum Gap: Equatable { case none, comma, semicolon, colon, dash }

    private func analyzeSentence(_ range: ClosedRange<Int>, tokens: [Token], infos: UnsafeBufferPointer<LanguageCache.WordInfo>, gaps: [Gap],
                                 specials: LanguageCache.Specials, cache: LanguageCache, into analysis: inout PassageAnalysis) {
        // Step 1: provisional parts of speech from the word alone and its left neighbour.
        func hasVerb(_ i: Int) -> Bool { !infos[i].verbs.isEmpty }
        func isNominative(_ i: Int) -> Bool { Self.isNominative(infos[i].classes) }
        /// A subject pronoun: nominative only, or one that is also an object ("ze") opening a clause (after punctuation,
        /// the sentence's start or a coordinator) - no article ("het").
        func isSubject(_ i: Int) -> Bool {
            let classes = infos[i].classes
            return isNominative(i) || classes.contains(.subjectPronoun) && classes.isDisjoint(with: [.article, .possessive])
                && (i == range.lowerBound || gaps[i] != .none || infos[i - 1].classes.contains(.coordinator))
        }
        /// An object pronoun that is nothing else ("zich", "zichzelf", "hen").
        func isObjectOnly(_ i: Int) -> Bool {
            let classes = infos[i].classes
            return classes.contains(.objectPronoun) && classes.isDisjoint(with: [.subjectPronoun, .article, .possessive])
        }
        func invertedSubjectFollows(_ i: Int) -> Bool {
            infos[i].verbs.contains(where: { $0.kind == .present || $0.kind == .past })
                && (isNominative(i + 1) || analysis.words[i + 1].form == specials.er)
        }
        func isNounContext(_ i: Int) -> Bool {
            guard i > range.lowerBound else { return false }
            if analysis.words[i].afterHyphen { return true }
            // A verb that governs a bare infinitive, before one, heads the verb cluster whatever precedes it: "daar een
            // onderzoek naar laten doen" (not the noun "lat").
            if infos[i].governsInfinitive, i + 1 <= range.upperBound, infos[i + 1].verbs.contains(where: { $0.kind == .infinitive }) {
                return false
            }
            // A finite-looking form before a nominative pronoun or existential "er" is the verb of an inversion, whatever
            // precedes it: "Ten slotte zien we", "In de tabel laten we zien", "Lang geleden zijn er afspraken gemaakt".
            // (Not after an article or an inflected modifier: "zien de toegevoegde waarde er niet van".)
            if i + 1 <= range.upperBound, invertedSubjectFollows(i),
               infos[i - 1].classes.isDisjoint(with: [.article, .possessive]),
               !(infos[i - 1].endsWithE && [.participle, .other].contains(analysis.words[i - 1].pos)) { return false }
            let previous = i - 1
            let classes = infos[previous].classes
            if classes.contains(.article) || classes.contains(.possessive) || classes.contains(.numeral) || classes.contains(.preposition) {
                // "te" is marked as a preposition in some lists, but introduces infinitives.
                return analysis.words[previous].form != specials.te
            }
            // "de beoogde banen": an attributive participle.
            if analysis.words[previous].pos == .participle, infos[previous].endsWithE { return true }
            // "100.000 extra banen": the modifier a count put before its noun (step 1 below).
            if analysis.words[previous].pos == .other, previous > range.lowerBound, infos[previous - 1].isNumber { return true }
            if infos[previous].isNumber, !(tokens[previous].form.utf8.count == 4 && (tokens[previous].form.hasPrefix("19") || tokens[previous].form.hasPrefix("20"))) {
                return true
            }
            if classes.contains(.demonstrative), !classes.contains(.relative) { return true }
            // An inflected present participle stands before its noun: "in regionale lerende netwerken".
            if infos[previous].presentParticiple >= 0, infos[previous].endsWithE { return true }
            // An adjective (ends in -e, no verb reading) after a determiner, number or preposition: "de nieuwe banen";
            if infos[previous].endsWithE, infos[previous].verbs.isEmpty, infos[previous].noun < 0,
               infos[previous].classes.isEmpty {
                if previous == range.lowerBound { return true }
                let before = infos[previous - 1].classes
                // ... or after a noun: "X aantal nieuwe banen", "een aantal grote werkgevers".
                if !before.isDisjoint(with: [.article, .possessive, .numeral, .preposition, .demonstrative]) || infos[previous - 1].isNumber
                    || analysis.words[previous - 1].pos == .noun || analysis.words[previous - 1].pos == .properNoun {
                    return true
                }
                // ... or after another such adjective, alone or coordinated: "48 extra, duurzame en structurele banen".
                func isInflectedAdjective(_ k: Int) -> Bool {
                    k >= range.lowerBound && infos[k].endsWithE && infos[k].verbs.isEmpty && infos[k].noun < 0 && infos[k].classes.isEmpty
                }
                if isInflectedAdjective(previous - 1)
                    || before.contains(.coordinator) && previous - 2 >= range.lowerBound && isInflectedAdjective(previous - 2) {
                    return true
                }
            }
            return false
        }
        for i in range {
            let wordInfo = infos[i]
            if infos[i].isNumber { analysis.words[i].pos = .number; continue }
            if wordInfo.classes.contains(.auxiliary) || wordInfo.classes.contains(.modal) {
                // Aux and modal forms: finite unless an infinitive in verb-final position.
                analysis.words[i].pos = .other
                continue
            }
            // A closed-class word, unless it is also a numeral with a noun reading.
            if !wordInfo.classes.isDisjoint(with: WordClasses.closed) && (wordInfo.noun < 0 || !wordInfo.classes.contains(.numeral)) {
                analysis.words[i].pos = .function
                continue
            }
            if wordInfo.classes.contains(.numeral) { analysis.words[i].pos = .number; continue }
            if analysis.words[i].capitalised, i > range.lowerBound, !wordInfo.isWord || wordInfo.noun < 0 && wordInfo.verbs.isEmpty {
                analysis.words[i].pos = .properNoun
                continue
            }
            if wordInfo.isMonth, i > range.lowerBound, infos[i - 1].isNumber || tokens.indices.contains(i + 1) && infos[i + 1].isNumber {
                analysis.words[i].pos = .noun
                continue
            }
            // After a count (not a year) comes what it counts: "45 banen", "per 1 maart", "3 keer"; so after the noun
            // "aantal": "het aantal banen", "een aantal werkgevers".
            // (Not a verb before its inverted subject: "In paragraaf 8.1.7 komen we ...", "In 2023 zijn er ...".)
            let afterAantal = i > range.lowerBound && analysis.words[i - 1].pos == .noun && analysis.words[i - 1].lemma == specials.aantal
                && gaps[i] == .none
            if i > range.lowerBound, infos[i - 1].isNumber || afterAantal, !(tokens[i - 1].form.utf8.count == 4 && tokens[i - 1].form.hasPrefix("20")),
               !(i + 1 <= range.upperBound && invertedSubjectFollows(i)),
               !(tokens[i - 1].form.utf8.count == 4 && tokens[i - 1].form.hasPrefix("19")), !wordInfo.verbs.contains(where: { $0.kind == .participle }),
               wordInfo.classes.isEmpty, wordInfo.noun >= 0 || wordInfo.verbs.isEmpty && !wordInfo.isWord,
               !(wordInfo.endsWithE && wordInfo.verbs.contains(where: { $0.kind == .past || $0.kind == .participle })) {
                // A singular form between a count and a plural noun modifies that noun: "100.000 extra banen",
                // "12 extra werkplekken" (a count above one counts a plural; "extra" is also listed as a noun).
                if wordInfo.noun == analysis.words[i].form, i + 1 <= range.upperBound, infos[i + 1].noun >= 0,
                   infos[i + 1].noun != analysis.words[i + 1].form, infos[i + 1].classes.isEmpty, !infos[i + 1].isNumber {
                    analysis.words[i].pos = .other
                    continue
                }
                analysis.words[i].pos = .noun
                if wordInfo.noun >= 0 { analysis.words[i].lemma = wordInfo.noun }
                continue
            }
            // A present participle is an adjective (or a noun's modifier) with its verb's lemma: "de volgende stap",
            // "de bestaande banen", "funderend onderwijs" (Frog: WW(od), lemma the infinitive).
            // (One that is a noun too stands for a person or thing where no noun follows: "de leidinggevende", "de
            // werkzoekende".)
            if wordInfo.presentParticiple >= 0,
               wordInfo.noun < 0 || i < range.upperBound && gaps[i + 1] == .none && infos[i + 1].classes.isEmpty
                && (infos[i + 1].noun >= 0 || analysis.words[i + 1].capitalised || infos[i + 1].presentParticiple >= 0) {
                analysis.words[i].pos = .other
                analysis.words[i].lemma = wordInfo.presentParticiple
                continue
            }
            // A nominal infinitive: "het" (no plural noun takes it) before an -en form, with at most three adverbs or
            // adjectives between, after a preposition or before "van": "bij het opstellen van", "het delen van goede
            // voorbeelden", "het al dan niet meetellen van" (a noun, its lemma the infinitive).
            if let infinitive = wordInfo.verbs.first(where: { $0.kind == .infinitive }), i > range.lowerBound {
                var k = i - 1
                while k > range.lowerBound, k >= i - 3, analysis.words[k].form != specials.het,
                      analysis.words[k].pos == .other || infos[k].classes.contains(.adverb) || infos[k].classes.contains(.negation) { k -= 1 }
                if analysis.words[k].form == specials.het, gaps[i] == .none,
                   k > range.lowerBound && infos[k - 1].classes.contains(.preposition) && gaps[k] == .none
                    || i < range.upperBound && analysis.words[i + 1].form == specials.van {
                    analysis.words[i].pos = .noun
                    analysis.words[i].lemma = infinitive.lemma
                    continue
                }
            }
            // After "ten"/"ter" (a preposition fused with its article) comes a noun: "ten slotte", "ter ondersteuning".
            if i > range.lowerBound, analysis.words[i - 1].form == specials.ten || analysis.words[i - 1].form == specials.ter {
                analysis.words[i].pos = .noun
                if wordInfo.noun >= 0 { analysis.words[i].lemma = wordInfo.noun }
                continue
            }
            // "de beoogde banen", "de geplande bijeenkomsten": a -de/-te form after a determiner is an attributive participle.
            if isNounContext(i), wordInfo.endsWithE, let past = wordInfo.verbs.first(where: { $0.kind == .past || $0.kind == .participle }),
               wordInfo.noun < 0 || i + 1 <= range.upperBound && infos[i + 1].noun >= 0 && !infos[i + 1].classes.contains(.negation) {
                analysis.words[i].pos = .participle
                analysis.words[i].lemma = past.lemma
                continue
            }
            let participle = wordInfo.verbs.first { $0.kind == .participle }
            // A form that is participle and past plural, before its subject, is the past: "In het vorige hoofdstuk beschreven we".
            let pastBeforeSubject = i + 1 <= range.upperBound && infos[i + 1].classes.contains(.subjectPronoun)
                && wordInfo.verbs.contains { $0.kind == .past }
            // ... and right after a subject pronoun that opens the sentence, in the verb's second place: "We begonnen
            // eigenlijk pas eind 2015".
            let pastAfterSubject = i - 1 == range.lowerBound && isNominative(i - 1) && wordInfo.verbs.contains { $0.kind == .past }
            // An inflected participle ("-e") is one before a noun ("de geïnterviewde respondenten"); else it is the noun
            // it is too ("deze gedachte") or the past it is too ("Elke persoon vervulde dus ...").
            let nextIsNoun = i < range.upperBound && gaps[i + 1] == .none && (infos[i + 1].noun >= 0 || analysis.words[i + 1].capitalised)
                && infos[i + 1].classes.isEmpty
            let inflectedElsewhere = wordInfo.endsWithE && !nextIsNoun && (wordInfo.noun >= 0 || wordInfo.verbs.contains { $0.kind == .past })
            if let participle, !pastBeforeSubject, !pastAfterSubject, !inflectedElsewhere, !(wordInfo.noun >= 0 && isNounContext(i) && !wordInfo.startsWithGe) {
                analysis.words[i].pos = .participle
                analysis.words[i].lemma = participle.lemma
                continue
            }
            if wordInfo.noun >= 0 && (wordInfo.verbs.isEmpty || isNounContext(i)) {
                analysis.words[i].pos = .noun
                analysis.words[i].lemma = wordInfo.noun
                continue
            }
            if hasVerb(i), isNounContext(i), !wordInfo.verbs.contains(where: { $0.kind == .past || $0.kind == .participle }),
               !wordInfo.endsWithT {
                // "de instroom", "per 1 maart": a bare stem or infinitive after a determiner is a noun.
                analysis.words[i].pos = .noun
                continue
            }
            if hasVerb(i) {
                analysis.words[i].pos = .infinitive   // provisional: a verb; finite or not is decided per clause
                analysis.words[i].lemma = wordInfo.verbs[0].lemma
                continue
            }
            if wordInfo.noun >= 0 {
                analysis.words[i].pos = .noun
                analysis.words[i].lemma = wordInfo.noun
                continue
            }
            analysis.words[i].pos = .other
        }

        // A participle without -e right before a noun is used as an adjective ("afgelopen zomer"): a participle of the
        // clause stands in its final verb cluster, not before a noun. It stays a participle (Frog: WW(vd,prenom)) but is
        // no verb of its clause (-e forms, "de beoogde banen", are read as attributive by the rules that need it).
        // (An inflected one, "de beoogde banen", "meer gespecialiseerde intermediairs", likewise.)
        for i in range where i < range.upperBound && analysis.words[i].pos == .participle {
            // The next word a noun, or a provisional verb with a noun reading ("zomer").
            let next = analysis.words[i + 1].pos
            if gaps[i + 1] == .none, next == .noun || next == .infinitive && infos[i + 1].noun >= 0 && !infos[i + 1].endsWithT {
                analysis.words[i].attributive = true
            }
            // Before a count it is an adverb of degree, no verb of the clause: "gemiddeld 224 medewerkers".
            if gaps[i + 1] == .none, next == .number, !infos[i].endsWithE { analysis.words[i].attributive = true }
            // After a noun and a comma, before a preposition, it opens a participle phrase that qualifies the noun, no verb
            // of the clause: "Social return is een voorwaarde, opgenomen in een aanbesteding, ...", "40 banen, verdeeld
            // over de afdelingen, ...".
            if i > range.lowerBound, gaps[i] == .comma, gaps[i + 1] == .none, analysis.words[i - 1].pos == .noun,
               infos[i + 1].classes.contains(.preposition) {
                analysis.words[i].attributive = true
            }
        }

        // Step 2: clauses.
        /// A word that reads as a clause's finite verb before clauses are known: an auxiliary or modal, or a verb form
        /// with a finite reading that is no noun.
        func looksFiniteEarly(_ j: Int) -> Bool {
            !infos[j].classes.isDisjoint(with: [.auxiliary, .modal])
                || analysis.words[j].pos == .infinitive && infos[j].verbs.contains { $0.kind == .present || $0.kind == .past }
                    // a noun too only next to a nominative pronoun (also "ze" opening a clause), before its object's
                    // determiner or before an object pronoun: "We kijken naar ...", ": ze weten precies wat ...",
                    // "Het UWV leveren de gegevens aan", "... vragen zich af of ..."
                    && (infos[j].noun < 0 || j > range.lowerBound && isSubject(j - 1)
                        || j < range.upperBound && (isNominative(j + 1) || !infos[j + 1].classes.isDisjoint(with: [.article, .possessive, .demonstrative])
                            || isObjectOnly(j + 1)
                            // or after a noun before an adverb: "Niet alle werkgevers weten precies wat ..."
                            || j > range.lowerBound && analysis.words[j - 1].pos == .noun && infos[j + 1].classes.contains(.adverb)
                                && infos[j + 1].classes.isDisjoint(with: [.preposition, .subordinator])))
        }
        /// A finite-looking form ends the stretch after `i` (up to punctuation): the verb of a subordinate clause.
        func verbFinalAhead(after i: Int) -> Bool {
            var j = i + 2
            while j <= range.upperBound, j <= i + 12, gaps[j] == .none {
                // (another clause's opener ends the search; "als" is also a comparison: "wat zij als werkgever hebben gedaan")
                if infos[j].classes.contains(.subordinator) && analysis.words[j].form != specials.als || infos[j].classes.contains(.relative) {
                    return false
                }
                if looksFiniteEarly(j) {
                    guard analysis.words[j - 1].form != specials.te else { return false }
                    let atEnd = j == range.upperBound || gaps[j + 1] != .none
                        // or before a coordinator or another clause's opener: "wat er veranderd is en dan ...",
                        // "wat ... de doelstelling was en hoe ..."
                        || (infos[j].noun < 0 || !infos[j].classes.isDisjoint(with: [.auxiliary, .modal]))
                            && !infos[j + 1].classes.isDisjoint(with: [.coordinator, .subordinator, .relative])
                    return atEnd || [.participle, .infinitive].contains(analysis.words[j + 1].pos)
                        || infos[j + 1].classes.contains(.auxiliary) || infos[j + 1].classes.contains(.modal)
                        || infos[j + 1].classes.contains(.preposition) && analysis.words[j + 1].form != specials.te
                }
                j += 1
            }
            return false
        }
        /// The stretch after `i` up to punctuation (within 10 words, no other clause's opener) ends in a form with a
        /// finite reading, even one read as a noun.
        func endsInFiniteForm(after i: Int) -> Bool {
            var j = i + 1
            while j <= range.upperBound, j <= i + 10 {
                if infos[j].classes.contains(.subordinator) || infos[j].classes.contains(.relative) { return false }
                if j == range.upperBound || gaps[j + 1] != .none {
                    return j > i + 1 && infos[j].verbs.contains { $0.kind == .present || $0.kind == .past }
                        && analysis.words[j - 1].form != specials.te
                }
                j += 1
            }
            return false
        }
        /// A separable particle later in the stretch (up to punctuation) that makes a verb with the form at `i`: "en voeren
        /// werkzaamheden uit" (uitvoeren).
        func particleAhead(of i: Int) -> Bool {
            let verb = cache.strings[Int(analysis.words[i].form)]
            var k = i + 2
            while k <= range.upperBound, k <= i + 8, gaps[k] == .none {
                let particle = cache.strings[Int(analysis.words[k].form)]
                // (a preposition only where it is stranded: before punctuation, the end or another preposition)
                if lexicon.particles.contains(particle), lexicon.isVerb(particle + verb),
                   !infos[k].classes.contains(.preposition) || k == range.upperBound || gaps[k + 1] != .none
                    || infos[k + 1].classes.contains(.preposition) { return true }
                k += 1
            }
            return false
        }
        var starts: [Int] = [range.lowerBound]
        /// Main clauses that open with their finite verb (after a fronted or an embedded subordinate clause).
        var opensWithVerb: Set<Int> = []
        var frontedSplit = false
        for i in range where i > range.lowerBound {
            let classes = infos[i].classes
            let gap = gaps[i]
            let form = analysis.words[i].form
            if gap == .semicolon || gap == .colon { starts.append(i); continue }
            // "maar" before a quantity is "only", no conjunction: "waardoor er maar weinig budget is", "maar één kandidaat".
            if form == specials.maar, i < range.upperBound, infos[i + 1].classes.contains(.numeral) || infos[i + 1].isNumber { continue }
            // A parenthesis that opens with a verb is a clause of its own, an imperative: "(zie tabel 2)", "(denk aan ...)".
            if analysis.words[i].afterBracket, infos[i].noun < 0, infos[i].classes.isEmpty,
               infos[i].verbs.contains(where: { $0.kind == .stem || $0.kind == .present }) {
                starts.append(i); opensWithVerb.insert(i); continue
            }
            // After a comma, a bare stem that is nothing else opens an imperative clause: ", zie de tabel in 4.2", ", denk
            // aan een universiteit".
            // (no adjective, whose -e form is a word: ", zeker in de opstartfase", ", bezig om ...")
            if gap == .comma, infos[i].noun < 0, infos[i].classes.isEmpty, !infos[i].isAdjective, i < range.upperBound,
               !lexicon.isWord(cache.strings[Int(form)] + "e"),
               infos[i].verbs.contains(where: { $0.kind == .stem }), !infos[i].verbs.contains(where: { $0.kind != .stem }),
               !infos[i + 1].classes.isDisjoint(with: [.article, .preposition, .possessive, .demonstrative, .adverb]) {
                starts.append(i); opensWithVerb.insert(i); continue
            }
            if form == specials.maar || form == specials.want { starts.append(i); continue }
            if classes.contains(.subordinator) && form != specials.dat && form != specials.of && form != specials.als {
                starts.append(i); continue
            }
            // After a fronted phrase or adverb and a finite "zijn"/"hebben", "dat"/"die" is the subject that follows the
            // verb: "in juni was dat al gelukt", "Daarom is dat belangrijk" (a dat-clause as subject follows other verbs:
            // "blijkt dat").
            if form == specials.dat || form == specials.die, gap == .none, infos[i - 1].classes.contains(.auxiliary),
               infos[i - 1].verbs.contains(where: { ($0.lemma == specials.zijn || $0.lemma == specials.hebben) && ($0.kind == .present || $0.kind == .past) }),
               i - 1 > starts.last!, !infos[starts.last!].classes.isDisjoint(with: [.preposition, .adverb]),
               infos[starts.last!].classes.isDisjoint(with: [.subordinator, .relative]),
               // (the verb in second place, the clause's first: not the infinitive in "Ook kan het zijn dat ...")
               !(starts.last!..<(i - 1)).contains(where: { !infos[$0].classes.isDisjoint(with: [.auxiliary, .modal]) }) {
                continue
            }
            // An embedded clause without a comma: the clause so far has a finite verb, and a verb-final form follows
            // ("de mogelijkheden die sectorvertegenwoordigers hebben", "houdt bij welke werkgevers ... in dienst
            // hebben", "te verifiëren of de activiteiten tot resultaten hebben geleid").
            let opensEmbedded = (form == specials.dat || form == specials.die || classes.contains(.relative)
                                 || form == specials.of && ([.infinitive, .participle].contains(analysis.words[i - 1].pos)
                                    // after a separable particle: "vragen zich af of ..."
                                    || analysis.words[i - 1].pos == .other && lexicon.particles.contains(cache.strings[Int(analysis.words[i - 1].form)])))
                && ((starts.last! ..< i).contains(where: looksFiniteEarly) || opensWithVerb.contains(starts.last!)) && verbFinalAhead(after: i)
            if opensEmbedded { starts.append(i); continue }
            if form == specials.dat || form == specials.die {
                // A conjunction or relative after a verb, a comma or a noun; a determiner before a noun otherwise.
                let previous = analysis.words[i - 1]
                let next = i + 1 <= range.upperBound ? analysis.words[i + 1] : nil
                // "dat" determines no plural: "dat vertegenwoordigers ... besteden" is the conjunction.
                let pluralAfterDat = form == specials.dat && next.map { $0.pos == .noun && $0.lemma != $0.form } == true
                let nextIsNoun = (next?.pos == .noun || next?.pos == .properNoun) && !pluralAfterDat
                    || i + 2 <= range.upperBound && analysis.words[i + 2].pos == .noun && infos[i + 1].endsWithE && infos[i + 1].classes.isEmpty
                // (after a finite verb, "dat" before a singular noun with no verb-final form ahead is the determiner of
                // the inverted subject: "Vanaf 2014 loopt dat percentage op naar ruim 3%"; "blijkt dat werk loont" is not)
                let inversionDeterminer = form == specials.dat && looksFiniteEarly(i - 1) && next?.pos == .noun && !pluralAfterDat
                    && !verbFinalAhead(after: i) && !endsInFiniteForm(after: i)
                if gap == .comma
                    || (previous.pos == .infinitive || previous.pos == .participle || previous.pos == .finiteVerb) && !inversionDeterminer
                    || previous.form == specials.zodat || !nextIsNoun
                    // after a noun, a stretch that ends in a finite-looking form is a relative clause, its noun the
                    // subject: "de activiteiten die werkgevers in de sector al uitvoeren (...)"
                    || form == specials.die && previous.pos == .noun && endsInFiniteForm(after: i) {
                    starts.append(i)
                }
                continue
            }
            if classes.contains(.relative) && (gap == .comma || analysis.words[i - 1].pos == .noun) && form != specials.wat {
                starts.append(i); continue
            }
            if form == specials.als || form == specials.of, gap == .comma { starts.append(i); continue }
            // After a fronted subordinate clause the main clause opens with its finite verb: "Wanneer ... is, is het belangrijk".
            if gap == .comma, !frontedSplit, infos[range.lowerBound].classes.contains(.subordinator),
               infos[i].classes.contains(.auxiliary) || infos[i].classes.contains(.modal)
                || infos[i].verbs.contains(where: { $0.kind == .present || $0.kind == .past })
                    // a noun too only when its subject follows: ", stellen de provincies ... aan"
                    && (infos[i].noun < 0 || i < range.upperBound
                        && !infos[i + 1].classes.isDisjoint(with: [.article, .demonstrative, .possessive, .subjectPronoun])) {
                starts.append(i); frontedSplit = true; opensWithVerb.insert(i); continue
            }
            // ("en"/"of" between two numbers joins them: "in 2014 en 2015 al plaatsingen moeten doen")
            let joinsNumbers = (form == specials.en || form == specials.of) && gap == .none && i > range.lowerBound && i < range.upperBound
                && infos[i - 1].isNumber && infos[i + 1].isNumber
            // (nor between two capitalised words inside the sentence, which joins a name: "de Kamercommissie voor Sociale
            // Zaken en Werkgelegenheid in de Tweede Kamer heeft ...")
            let joinsNames = form == specials.en && gap == .none && i - 1 > range.lowerBound && i < range.upperBound
                && gaps[i + 1] == .none && analysis.words[i - 1].capitalised && analysis.words[i + 1].capitalised
            // (nor between two inflected adjectives after a determiner, before their noun: "Een interne of externe jobcoach
            // kan ...")
            let joinsAdjectives = (form == specials.en || form == specials.of) && gap == .none && i - 2 >= range.lowerBound
                && i + 2 <= range.upperBound && gaps[i + 1] == .none
                && !infos[i - 2].classes.isDisjoint(with: [.article, .demonstrative, .possessive]) && infos[i - 1].endsWithE
                && infos[i + 1].endsWithE && infos[i + 1].classes.isEmpty && !looksFiniteEarly(i + 1)
                && infos[i + 2].classes.isEmpty && !looksFiniteEarly(i + 2)
            if form == specials.en || form == specials.of || gap == .comma || gap == .dash, !joinsNumbers, !joinsNames, !joinsAdjectives,
               let verb = clauseVerb(from: i, includingStart: gap == .comma && form != specials.en && form != specials.of,
                                     afterSubordinate: !infos[starts.last!].classes.isDisjoint(with: [.subordinator, .relative]), range: range,
                                     analysis: analysis, infos: infos, gaps: gaps, specials: specials) {
                starts.append(i)
                // A clause after a comma that opens with its verb: ", laat zien dat ...", ", kunnen veel meer invloed uitoefenen".
                if verb == i { opensWithVerb.insert(i) }
                continue
            }
            // Coordinated predicates sharing the subject: after a clause with its finite verb, "en"/"of" and straight
            // away a finite-looking form with its object ("kennen de werkzoekenden en dragen kandidaten voor",
            // "horen bij de opleiding en staan los van ...").
            if form == specials.en || form == specials.of, i + 2 <= range.upperBound, gaps[i + 1] == .none,
               analysis.words[i + 1].pos == .infinitive || analysis.words[i + 1].pos == .participle,
               infos[i + 1].verbs.contains(where: { $0.kind == .present || $0.kind == .past }),
               !infos[i + 2].classes.isDisjoint(with: [.article, .possessive, .demonstrative, .objectPronoun, .adverb, .numeral])
                || analysis.words[i + 2].pos == .noun && (infos[i + 1].noun < 0 || particleAhead(of: i + 1))
                || analysis.words[i + 2].pos == .other && !infos[i + 2].endsWithE
                // a separable particle straight after it, not a preposition: "en staan los van ..."
                || lexicon.particles.contains(cache.strings[Int(analysis.words[i + 2].form)]) && !infos[i + 2].classes.contains(.preposition)
                    && lexicon.isVerb(cache.strings[Int(analysis.words[i + 2].form)] + cache.strings[Int(analysis.words[i + 1].form)]),
               (starts.last! ..< i).contains(where: looksFiniteEarly) {
                starts.append(i)
            }
        }
        // The main clause resumes after an embedded subordinate clause: "Een ander knelpunt ... waar we op worden gewezen,
        // is de focus op ...", "Eén van de knelpunten waar sectorvertegenwoordigers op stuiten is de complexiteit": an
        // unambiguous finite auxiliary after a subordinate clause that already has its own finite verb, with words after it.
        var resumed: [Int] = []
        func looksFinite(_ j: Int) -> Bool {
            !infos[j].classes.isDisjoint(with: [.auxiliary, .modal])
                || analysis.words[j].pos == .infinitive && infos[j].verbs.contains { $0.kind == .present || $0.kind == .past }
        }
        for (number, start) in starts.enumerated() {
            let opener = infos[start].classes
            // A free relative opening the sentence is the main clause's subject: "Wat we doen is dat ...".
            let freeRelative = start == range.lowerBound && analysis.words[start].form == specials.wat
            guard start > range.lowerBound || freeRelative, opener.contains(.subordinator) || opener.contains(.relative) else { continue }
            let end = number + 1 < starts.count ? starts[number + 1] - 1 : range.upperBound
            // The clause this one is embedded in has no finite verb yet ("Sectoren die zelf werkgever zijn hebben meer
            // ...", "De conclusies die men trekt in de actualisatiefase hoeven niet ..."): the first finite-looking form
            // after the subordinate clause's own, followed by no verb, is the main clause's.
            let previousStart = number > 0 ? starts[number - 1] : range.lowerBound
            let embeddedInVerbless = freeRelative || number > 0 && infos[previousStart].classes.isDisjoint(with: [.subordinator, .relative])
                && !(previousStart..<start).contains(where: looksFinite)
            var ownFinite = false
            var i = start + 1
            while i <= end {
                // The free relative's own verb, then the main clause's, closing the clause: "Wat we doen is | dat ...".
                if freeRelative, ownFinite, i == end, end < range.upperBound, i > start + 1, looksFinite(i),
                   analysis.words[i - 1].form != specials.te {
                    resumed.append(i)
                    opensWithVerb.insert(i)
                    break
                }
                let kinds = infos[i].verbs.map(\.kind)
                let isAux = !infos[i].classes.isDisjoint(with: [.auxiliary, .modal])
                let onlyFinite = isAux && !kinds.isEmpty && !kinds.contains(.infinitive) && !kinds.contains(.participle)
                if onlyFinite, ownFinite, i > start + 1, [.infinitive, .participle].contains(analysis.words[i - 1].pos) || isAux && gaps[i] == .comma,
                   i + 1 <= end, infos[i + 1].verbs.isEmpty || !infos[i + 1].classes.isEmpty {
                    resumed.append(i)
                    break
                }
                if embeddedInVerbless, ownFinite, i > start + 1, looksFinite(i), analysis.words[i - 1].form != specials.te,
                   i + 1 <= end, infos[i + 1].verbs.isEmpty || !infos[i + 1].classes.isEmpty && infos[i + 1].classes.isDisjoint(with: [.auxiliary, .modal])
                    // after the comma that closes the embedded clause, whatever follows: "De mate waarin een sector banen
                    // kan realiseren, wordt bepaald door ...", "Medewerkers die willen doorgroeien, kunnen deelnemen ..."
                    || gaps[i] == .comma && (isAux || kinds.contains(where: { $0 == .present || $0 == .past })),
                   !looksFinite(i - 1) || !infos[i + 1].classes.contains(.preposition) || gaps[i] == .comma {
                    resumed.append(i)
                    opensWithVerb.insert(i)
                    break
                }
                // An unambiguous finite form, no noun, closing the embedded clause before a complement clause is the main
                // clause's verb: "Uit een eerder rapport dat kortgeleden werd gemaakt in opdracht van ... blijkt dat ...".
                if embeddedInVerbless, ownFinite, i > start + 1, i == end, end < range.upperBound,
                   analysis.words[end + 1].form == specials.dat || analysis.words[end + 1].form == specials.of,
                   infos[i].classes.isEmpty, infos[i].noun < 0, !kinds.isEmpty, kinds.allSatisfy({ $0 == .present || $0 == .past }),
                   analysis.words[i - 1].form != specials.te, !looksFinite(i - 1) {
                    resumed.append(i)
                    opensWithVerb.insert(i)
                    break
                }
                if isAux || analysis.words[i].pos == .infinitive && kinds.contains(where: { $0 == .present || $0 == .past }) { ownFinite = true }
                // A form read as a noun that closes the embedded clause (before its comma or before a finite auxiliary)
                // is its verb: "waar werkgevers op stuiten is ...", "die zij ... werk boden, deed ...".
                if !ownFinite, i > start + 1, i < range.upperBound, kinds.contains(where: { $0 == .present || $0 == .past }),
                   analysis.words[i - 1].form != specials.te,
                   gaps[i + 1] == .comma || !infos[i + 1].classes.isDisjoint(with: [.auxiliary, .modal]) && !infos[i + 1].verbs.contains(where: { $0.kind == .infinitive }) {
                    ownFinite = true
                }
                // The comma after the embedded clause already opened a clause there: it opens with the main clause's verb.
                if i == end, ownFinite, embeddedInVerbless, end < range.upperBound, gaps[end + 1] == .comma, looksFinite(end + 1),
                   starts.contains(end + 1) {
                    opensWithVerb.insert(end + 1)
                }
                i += 1
            }
        }
        if !resumed.isEmpty { starts = (starts + resumed).sorted() }
        let sentence = tokens[range.lowerBound].sentence
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] - 1 : range.upperBound
            var clause = PassageAnalysis.Clause(first: start, last: end, sentence: sentence, isSubordinate: false, opener: -1,
                                                finite: nil, tense: .none, isPerfect: false, isPassive: false, isFuture: false,
                                                modal: -1, addressesReader: false, negation: nil, verbs: 0..<0)
            let opener = infos[start].classes
            // "als" first with no main clause after it in the sentence is the preposition, and its clause the main clause:
            // "Als onderdeel van de Banenafspraak wil ROC ... bieden", "Als werkgever willen we mensen die ... helpen"
            // (a sentence has a main clause; "Als het lukt, willen we ..." has one after the comma).
            let prepositionalAls = start == range.lowerBound && analysis.words[start].form == specials.als
                && !starts.dropFirst().contains { infos[$0].classes.isDisjoint(with: [.subordinator, .relative]) }
            if opener.contains(.subordinator) || opener.contains(.relative), start > range.lowerBound || !opener.contains(.demonstrative),
               !prepositionalAls {
                if !(start == range.lowerBound && (analysis.words[start].form == specials.dat || analysis.words[start].form == specials.die)) {
                    clause.isSubordinate = true
                    clause.opener = analysis.words[start].form
                }
            }
            let index = analysis.clauses.count
            for i in start...end { analysis.words[i].clause = index }
            // "en"/"of" without a comma after a subordinate clause of this sentence continues it.
            let verbFinal = number > 0 && gaps[start] == .none && (analysis.words[start].form == specials.en || analysis.words[start].form == specials.of)
                && analysis.clauses.last?.isSubordinate == true
            finishClause(&clause, tokens: tokens, infos: infos, gaps: gaps, specials: specials, cache: cache, analysis: &analysis,
                         opensWithFinite: opensWithVerb.contains(start), verbFinal: verbFinal)
            // "Als" opening the sentence with no verb of its own before the comma is the preposition too: "Als
            // staatssecretaris van Defensie met ... in portefeuille, heeft Visser zich ... ingezet".
            if clause.isSubordinate, clause.finite == nil, start == range.lowerBound, analysis.words[start].form == specials.als,
               end < range.upperBound, gaps[end + 1] == .comma {
                clause.isSubordinate = false
                clause.opener = -1
            }
            analysis.clauses.append(clause)
        }
    }

    /// Whether the words from `start` up to the next boundary hold a finite-looking verb of their own.
    /// `includingStart`: the word at `start` (after punctuation) is the clause's first word, a subject or the verb itself
    /// (", zij noemen zichzelf ...", ") raden we aan ...", ", beargumenteren zij").
    private func clauseHasOwnVerb(from start: Int, includingStart: Bool = false, range: ClosedRange<Int>, analysis: PassageAnalysis,
                                  infos: UnsafeBufferPointer<LanguageCache.WordInfo>, gaps: [Gap], specials: LanguageCache.Specials) -> Bool {
        clauseVerb(from: start, includingStart: includingStart, range: range, analysis: analysis, infos: infos, gaps: gaps, specials: specials) != nil
    }

    /// The finite-looking verb that gives the words from `start` a clause of their own (`clauseHasOwnVerb`).
    /// The word at `start` is the verb when it is an auxiliary or modal, its subject follows, or it follows a subordinate
    /// clause (`afterSubordinate`) and is no noun: not ", aandacht, inspiratie".
    private func clauseVerb(from start: Int, includingStart: Bool = false, afterSubordinate: Bool = false, range: ClosedRange<Int>,
                            analysis: PassageAnalysis, infos: UnsafeBufferPointer<LanguageCache.WordInfo>, gaps: [Gap], specials: LanguageCache.Specials) -> Int? {
        var i = includingStart ? start : start + 1
        var sawSubject = false
        while i <= range.upperBound, i <= start + 6 {
            // Not past the next punctuation: "(41), maar ..." has no verb of its own.
            if gaps[i] != .none && i > start { return nil }
            // (the first word a subject only when it is no article: ", het kennisnetwerk faciliteren" is no clause)
            if infos[i].classes.contains(.subjectPronoun), i > start || infos[i].classes.isDisjoint(with: [.article, .possessive]) {
                sawSubject = true
            }
            if infos[i].classes.contains(.auxiliary) || infos[i].classes.contains(.modal) { return i }
            // Inversion counts too: ", dan leggen we ...".
            let subjectNext = i + 1 <= range.upperBound && infos[i + 1].classes.contains(.subjectPronoun)
            if analysis.words[i].pos == .infinitive, infos[i].verbs.contains(where: { $0.kind == .present || $0.kind == .past }),
               sawSubject || subjectNext || !infos[i].verbs.contains(where: { $0.kind == .infinitive })
                && (i > start || afterSubordinate && infos[i].noun < 0 && !infos[i].isAdjective) {
                return i
            }
            // A bare stem before "ik" or "je": ", vind ik ...", ", dan snap ik ...".
            if i + 1 <= range.upperBound, infos[i].verbs.contains(where: { $0.kind == .stem }),
               analysis.words[i + 1].form == specials.ik || analysis.words[i + 1].form == specials.je {
                return i
            }
            i += 1
        }
        return nil
    }

    /// `verbFinal`: the clause is coordinated with a subordinate one before it ("dat ... en ... spraken").
    private func finishClause(_ clause: inout PassageAnalysis.Clause, tokens: [Token], infos: UnsafeBufferPointer<LanguageCache.WordInfo>, gaps: [Gap],
                              specials: LanguageCache.Specials, cache: LanguageCache, analysis: inout PassageAnalysis,
                              opensWithFinite: Bool = false, verbFinal: Bool = false) {
        let range = clause.first...clause.last
        let startsSentence = clause.first == Self.firstOfSentence(clause.first, tokens)
        // A list marker ("d. Organiseer ...", "3 Wij ...") before the clause's first word: the word after it is first.
        let marker = tokens[clause.first].form
        let isMarker = startsSentence && clause.first < clause.last && analysis.words[clause.first + 1].capitalised
            && (marker.unicodeScalars.count == 1 && marker != "u" && marker.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
                || tokens[clause.first].isNumber && marker.utf8.count <= 2)
        let contentFirst = isMarker ? clause.first + 1 : clause.first
        /// A bare plural or an adjective or participle before a noun follows the word, and the clause has no verb of its
        /// own: the word opening the sentence is an imperative with its object ("Deel geleerde lessen met andere
        /// sectoren"; not a heading "Doel banenafspraak", "Deel 2").
        func bareObjectFollows(_ i: Int) -> Bool {
            guard i + 2 <= range.upperBound, gaps[i + 1] == .none, infos[i + 1].classes.isEmpty, !tokens[i + 1].isNumber,
                  !analysis.words[i + 1].capitalised else { return false }
            let next = analysis.words[i + 1]
            let plural = infos[i + 1].noun >= 0 && infos[i + 1].noun != next.form && infos[i + 1].verbs.allSatisfy { $0.kind == .infinitive || $0.kind == .present }
            let modifier = (next.pos == .participle || next.pos == .other && infos[i + 1].endsWithE) && infos[i + 2].noun >= 0
            guard plural || modifier else { return false }
            return !range.contains { j in
                j != i && (!infos[j].classes.isDisjoint(with: [.auxiliary, .modal])
                           || infos[j].verbs.contains { $0.kind == .present || $0.kind == .past } && infos[j].noun < 0 && !infos[j].isAdjective
                               && analysis.words[j].pos != .participle)
            }
        }
        func finiteReading(_ i: Int) -> Lexicon.VerbForm.Kind? {
            if let kind = infos[i].verbs.first(where: { $0.kind == .present || $0.kind == .past })?.kind { return kind }
            // A bare stem is finite after or before "ik", or first in a main clause (an imperative).
            if infos[i].verbs.contains(where: { $0.kind == .stem }) {
                // (and before "je": the inverted second person drops its -t, "krijg je", "kun je")
                let nextToIk = range.contains(i - 1) && analysis.words[i - 1].form == specials.ik
                    || range.contains(i + 1) && (analysis.words[i + 1].form == specials.ik || analysis.words[i + 1].form == specials.je)
                // A stem that is also a noun ("Zorg", "Deel") is an imperative when a determiner, pronoun or "er" follows:
                // "Zorg er als sector voor dat ...", "Deel de lessen".
                // (the next word of the sentence, also when a clause opens there: "Stel dat ...", "Zorg dat ...")
                let next = i + 1 < tokens.count && tokens[i + 1].sentence == tokens[i].sentence ? infos[i + 1].classes : []
                let first = i == contentFirst || i == Self.firstOfSentence(i, tokens)
                let imperativeNoun = first && (!next.isDisjoint(with: [.adverb, .article, .objectPronoun, .possessive, .demonstrative])
                    && !next.contains(.preposition) || infos[i].noun >= 0 && bareObjectFollows(i))
                if nextToIk || i == contentFirst && !clause.isSubordinate && (infos[i].noun < 0 || imperativeNoun) { return .present }
            }
            return nil
        }
        /// Whether the word at `j` can end the first constituent of a main clause, so that a verb may follow it.
        func closesConstituent(_ j: Int, first: Int) -> Bool {
            let classes = infos[j].classes
            if analysis.words[j].form == specials.te { return false }
            switch analysis.words[j].pos {
            case .noun, .properNoun, .number: return true
            // A noun with only a stem reading ("voortgezet onderwijs werken"): a noun once the clause is read.
            case .infinitive:
                // an infinitival phrase ends the first constituent: "Door goede voorbeelden te delen kunnen werkgevers ..."
                if j > range.lowerBound, analysis.words[j - 1].form == specials.te { return true }
                return infos[j].noun >= 0 && finiteReading(j) == nil
            case .other: return !infos[j].endsWithE && classes.isEmpty
            case .function:
                // A coordinated main clause shares its subject: "en kunnen ook bijdragen", "maar zien de waarde niet".
                let form = analysis.words[j].form
                if j == clause.first, form == specials.en || form == specials.of || form == specials.maar || form == specials.want { return true }
                if !classes.isDisjoint(with: [.subjectPronoun, .objectPronoun]), !classes.contains(.article) { return true }
                // "Dit staat ...", "Deze komen ...": a demonstrative standing alone as the first constituent.
                if classes.contains(.demonstrative), j == first { return true }
                return classes.contains(.adverb) && classes.isDisjoint(with: [.preposition, .article, .subordinator, .relative, .negation])
            default: return false
            }
        }
        // Auxiliaries and modals: finite forms are unambiguous except the -en forms (zijn, hebben, worden, kunnen ...).
        var finite: Int?
        var candidates: [Int] = []
        for i in range {
            let word = analysis.words[i]
            let isAuxiliary = infos[i].classes.contains(.auxiliary) || infos[i].classes.contains(.modal)
            guard isAuxiliary || word.pos == .infinitive else { continue }
            // (the readings' kinds asked in place, without an array of them)
            let verbs = infos[i].verbs
            // An auxiliary's stem is finite ("heb", "kan", "wil").
            let onlyFinite = !verbs.isEmpty && !verbs.contains(where: { $0.kind == .infinitive }) && !verbs.contains(where: { $0.kind == .participle })
                && (!verbs.contains(where: { $0.kind == .stem }) || isAuxiliary)
            if onlyFinite && infos[i].noun < 0 && !infos[i].isAdjective || onlyFinite && isAuxiliary {
                if finite == nil { finite = i }
            } else if finiteReading(i) != nil {
                candidates.append(i)
            }
        }
        // "te" before an -en form makes it an infinitive.
        candidates.removeAll { $0 > range.lowerBound && analysis.words[$0 - 1].form == specials.te }
        // A noun-verb homograph read as a noun after a demonstrative opening a main clause competes too ("Dit staat
        // ook niet ...", "Deze komen vier keer per jaar bijeen"); verb second decides.
        if !clause.isSubordinate, contentFirst + 1 <= range.upperBound, infos[contentFirst].classes.contains(.demonstrative),
           analysis.words[contentFirst + 1].pos == .noun, infos[contentFirst + 1].verbs.contains(where: { $0.kind == .present || $0.kind == .past }) {
            candidates.insert(contentFirst + 1, at: candidates.firstIndex { $0 > contentFirst + 1 } ?? candidates.count)
        }
        let allCandidates = candidates
        // A candidate that is also a noun ("banen") yields the finite slot to one that is not.
        if candidates.count > 1, candidates.contains(where: { infos[$0].noun < 0 && !infos[$0].isAdjective }) {
            // (Not one right after the clause's subject pronoun: "Wij ontzorgen HR ...: coaching, ondersteunen, ...".)
            func afterSubject(_ i: Int) -> Bool {
                guard i > range.lowerBound else { return false }
                let classes = infos[i - 1].classes
                return Self.isNominative(classes)
                    || i - 1 == contentFirst && classes.contains(.subjectPronoun) && classes.isDisjoint(with: [.article, .possessive])
            }
            candidates = candidates.filter {
                infos[$0].noun < 0 && !infos[$0].isAdjective || infos[$0].classes.contains(.auxiliary) || infos[$0].classes.contains(.modal)
                    || afterSubject($0)
            }
        }
        if finite == nil, !candidates.isEmpty {
            // An -en form: after a subject pronoun, second word of a main clause, last of a subordinate clause.
            let preferred: Int?
            func isAuxiliary(_ i: Int) -> Bool { !infos[i].classes.isDisjoint(with: [.auxiliary, .modal]) }
            func afterTe(_ i: Int) -> Bool { i > range.lowerBound && analysis.words[i - 1].form == specials.te }
            if clause.isSubordinate {
                // A conjunction's clause has its subject before the verb: one word alone after it is no verb ("zoals
                // scannen, postverwerking"); a relative pronoun may be the subject itself ("partners die ondersteunen").
                if !infos[clause.first].classes.contains(.relative) {
                    candidates.removeAll { $0 == clause.first + 1 && !isAuxiliary($0) && ($0 == range.upperBound || gaps[$0 + 1] != .none) }
                }
                // The verb cluster at the end: its auxiliary or modal is finite ("die moeten voldoen", "dat ... kunnen worden
                // gerealiseerd"), else its last verb ("omdat ze banen realiseren").
                preferred = candidates.first { isAuxiliary($0) && !afterTe($0) } ?? candidates.last { !afterTe($0) } ?? candidates.last
            } else {
                let secondPlace = candidates.first { i in
                    // Verb first after a fronted constituent: "Net als bij ..., kan de sectorvertegenwoordiger ...".
                    i == range.lowerBound && !startsSentence && (infos[i].classes.contains(.auxiliary) || infos[i].classes.contains(.modal))
                    || i > range.lowerBound && (infos[i - 1].classes.contains(.subjectPronoun) || i - range.lowerBound <= 3)
                        || i + 1 <= range.upperBound && infos[i + 1].classes.contains(.subjectPronoun)
                        // Inversion after a long first constituent: "In het eerste kwartaal van 2024 start de pilot".
                        || i + 1 <= range.upperBound && !infos[i + 1].classes.isDisjoint(with: [.article, .possessive, .demonstrative])
                            && i > range.lowerBound && analysis.words[i - 1].pos != .function && !infos[i - 1].classes.contains(.article)
                }
                // Verb second: the first form with a finite reading right after a complete first constituent (a noun,
                // name, number, pronoun or adverb ends it; an article, preposition or prenominal word leaves it open),
                // also when it is a noun as well: "In het Bestuursakkoord van 2019 staat", "Overigens horen we",
                // "Leidinggevenden en kandidaten leren elkaar ... kennen" (not "kennen").
                // A form that is also a noun needs a verb's company after it: not the clause's end, a noun, or a word
                // that continues a noun phrase ("het aantal banen van ...", "de sectoren markt en overheid").
                func followedAsVerb(_ i: Int) -> Bool {
                    guard infos[i].noun >= 0 || infos[i].isAdjective else { return true }
                    guard i < range.upperBound else { return false }
                    let next = analysis.words[i + 1]
                    // A noun after it is its inverted subject when a prepositional phrase stands first ("Over de kwaliteit
                    // van de banen hoeven werkgevers ...", "Voor de werving maken provincies gebruik van ...").
                    let openedByPhrase = infos[contentFirst].classes.contains(.preposition)
                    // (also a name: "In regionale lerende netwerken wisselen HR-medewerkers ... uit")
                    if (next.pos == .noun || next.pos == .properNoun) && !openedByPhrase || tokens[i + 1].isNumber { return false }
                    return next.form != specials.en && next.form != specials.of && next.form != specials.van
                }
                // A candidate right before its inverted subject ("zijn er", "komen we"), after the first constituent.
                func subjectFollows(_ i: Int) -> Bool {
                    guard i > contentFirst, i < range.upperBound, !afterTe(i), !infos[i - 1].classes.contains(.article) else { return false }
                    let next = analysis.words[i + 1].form
                    return Self.isNominative(infos[i + 1].classes) || next == specials.er
                }
                let beforeSubject = allCandidates.first(where: subjectFollows)
                let verbSecond = beforeSubject ?? allCandidates.first { i in
                    i > contentFirst && !afterTe(i) && closesConstituent(i - 1, first: contentFirst) && followedAsVerb(i)
                }
                // Verb first: a question or a condition ("Hebben de werkgevers vragen ..., dan ...", "Zijn het de
                // werkagenda's zelf die ...?"): an auxiliary or modal opening the sentence before its subject.
                let verbFirst = allCandidates.first { i in
                    i == contentFirst && startsSentence && isAuxiliary(i) && i < range.upperBound
                        && !infos[i + 1].classes.isDisjoint(with: [.article, .demonstrative, .subjectPronoun])
                }
                // Verb second after a long first constituent: "De gesprekken met de sectoren zijn gericht op ...".
                let auxiliary = candidates.first { isAuxiliary($0) && !afterTe($0) }
                // Far from the front, a word that is also a noun ("universiteiten (banen van ...") is the noun.
                // An -en form opening the clause is an infinitive heading or label ("Samenwerken met partners ...").
                let verbOnly = candidates.first { i in
                    !afterTe(i) && infos[i].noun < 0 && !infos[i].isAdjective && !(i == clause.first && infos[i].verbs.contains { $0.kind == .infinitive })
                }
                // An imperative first in the clause: "Zorg er als sector voor dat ...".
                let imperative = candidates.first { $0 == clause.first && infos[$0].verbs.contains { $0.kind == .stem } }
                // The main clause resumed after an embedded subordinate clause opens with its finite verb.
                let resumedVerb = opensWithFinite && allCandidates.contains(range.lowerBound) ? range.lowerBound : nil
                preferred = resumedVerb ?? verbFirst ?? verbSecond ?? secondPlace ?? auxiliary ?? imperative ?? verbOnly
            }
            finite = preferred.flatMap { i in i > range.lowerBound && analysis.words[i - 1].form == specials.te ? nil : i }
        }
        // A subordinate clause (or one coordinated with it) ends in its verb: without a finite verb, the form with a finite
        // reading that closes it is the verb, also one read as a noun, when the clause has a subject before it and the
        // word before is no determiner ("waar werkgevers op stuiten", "waarvan wij er enkele spraken", "dat we ... en
        // onderzoeksinstituten niet over dit onderwerp spraken").
        if finite == nil, clause.isSubordinate || verbFinal {
            var last = range.upperBound
            if let gap = range.first(where: { $0 > range.lowerBound + 1 && gaps[$0] != .none }) { last = gap - 1 }
            let previous = last - 1
            if last > range.lowerBound + 1, infos[last].verbs.contains(where: { $0.kind == .present || $0.kind == .past }),
               [.noun, .infinitive].contains(analysis.words[last].pos), analysis.words[previous].form != specials.te {
                let determiner = !infos[previous].classes.isDisjoint(with: [.article, .possessive, .demonstrative, .numeral])
                    || analysis.words[previous].pos == .participle || infos[previous].endsWithE && infos[previous].classes.isEmpty
                let stranded = infos[previous].classes.contains(.preposition) && clause.opener >= 0
                    && cache.strings[Int(clause.opener)].hasPrefix("waar")
                let pronounSubject = (range.lowerBound..<previous).contains { Self.isNominative(infos[$0].classes) }
                if pronounSubject || stranded || !determiner && !infos[previous].classes.contains(.preposition) {
                    finite = last
                }
            }
        }
        // Each clause has a finite verb: without one, a participle that is also a present form is it ("De sector bereikt
        // veel werkgevers", "We hebben ... gebruikt" keeps "hebben").
        if finite == nil, let i = range.first(where: { analysis.words[$0].pos == .participle && infos[$0].verbs.contains { $0.kind == .present } }) {
            finite = i
        }
        // "Te" before an -en form makes it an infinitive; the -en form of "zijn" after a determiner-less noun is the verb.
        if let finite {
            let kind = finiteReading(finite) ?? .present
            analysis.words[finite].pos = .finiteVerb
            analysis.words[finite].tense = kind == .past ? .past : .present
            if let reading = infos[finite].verbs.first(where: { $0.kind == kind }) ?? infos[finite].verbs.first(where: { $0.kind == .stem }) {
                analysis.words[finite].lemma = reading.lemma
            }
            clause.finite = finite
            clause.tense = analysis.words[finite].tense
        }
        // A finite modal or future auxiliary needs an infinitive: without another verb form in the clause, the last -en
        // form that is also a plural noun is it ("kunnen bijdragen aan de implementatie", "zullen gebruik maken van").
        var modalInfinitive: Int?
        /// Only modifiers (adjectives, adverbs, counts) stand between the word and a determiner or preposition before it.
        func inPhrase(_ j: Int) -> Bool {
            var k = j - 1
            while k > clause.first, analysis.words[k].pos == .other || tokens[k].isNumber
                    || !infos[k].classes.isDisjoint(with: [.adverb, .numeral]) && infos[k].classes.isDisjoint(with: [.preposition, .article]) {
                k -= 1
            }
            return !infos[k].classes.isDisjoint(with: [.preposition, .article, .possessive, .demonstrative, .numeral]) || tokens[k].isNumber
        }
        if let finite, infos[finite].classes.contains(.modal) || analysis.words[finite].lemma == specials.zullen {
            let verbal = range.contains { j in
                j != finite && (analysis.words[j].pos == .infinitive && infos[j].noun < 0 || analysis.words[j].pos == .participle && !analysis.words[j].attributive
                                || !infos[j].classes.isDisjoint(with: [.auxiliary, .modal]))
            }
            if !verbal {
                // (not one inside a noun or prepositional phrase: "kan bijdragen aan ... van meer banen")
                modalInfinitive = range.last { j in
                    j != finite && analysis.words[j].pos == .infinitive && infos[j].verbs.contains { $0.kind == .infinitive }
                        && j > clause.first && analysis.words[j - 1].form != specials.te && !inPhrase(j)
                }
            }
        }
        // Other verb forms in the clause.
        for i in range where i != finite {
            let isAuxiliary = infos[i].classes.contains(.auxiliary) || infos[i].classes.contains(.modal)
            if isAuxiliary {
                if let reading = infos[i].verbs.first(where: { $0.kind == .infinitive }) {
                    analysis.words[i].pos = .infinitive
                    analysis.words[i].lemma = reading.lemma
                } else if let reading = infos[i].verbs.first(where: { $0.kind == .participle }) {
                    analysis.words[i].pos = .participle
                    analysis.words[i].lemma = reading.lemma
                } else if let reading = infos[i].verbs.first {
                    // A second finite form in one clause (a missed boundary): keep it finite.
                    analysis.words[i].pos = .finiteVerb
                    analysis.words[i].tense = reading.kind == .past ? .past : .present
                    analysis.words[i].lemma = reading.lemma
                } else {
                    analysis.words[i].pos = .function
                }
            } else if analysis.words[i].pos == .infinitive {
                // A plural noun that is also an infinitive ("banen", "werken"): a noun unless it closes the clause or follows "te".
                // Before a verb that is only a verb, it is that verb's object, not a verb of the cluster: "moeten de komende
                // jaren extra banen creëren" (the verbs that govern an infinitive are auxiliaries and modals).
                // A verb that takes a te-infinitive (`teInfinitiveGoverning`), right before "te" + infinitive, heads it: "553
                // banen weten te creëren" (not the object "banen te creëren").
                func headsTeInfinitive(_ k: Int) -> Bool {
                    k + 2 <= clause.last && analysis.words[k + 1].form == specials.te && analysis.words[k + 2].pos == .infinitive
                        && infos[k].governsTeInfinitive && infos[k].verbs.contains(where: { $0.kind == .infinitive })
                }
                let objectOfVerb = i + 1 <= clause.last && [.infinitive, .participle].contains(analysis.words[i + 1].pos)
                    && (infos[i + 1].noun < 0 || headsTeInfinitive(i + 1)) && infos[i + 1].classes.isEmpty && infos[i].noun >= 0
                    && !infos[i].governsInfinitive
                // (an infinitive coordinated with the one that closes the clause closes it too: "kan de medewerker coachen
                // en ondersteunen")
                let coordinated = i + 2 == clause.last && (analysis.words[i + 1].form == specials.en || analysis.words[i + 1].form == specials.of)
                    && analysis.words[i + 2].pos == .infinitive && infos[i + 2].noun < 0 && infos[i].verbs.contains(where: { $0.kind == .infinitive })
                let closes = !objectOfVerb && (i == clause.last || coordinated || i + 1 <= clause.last && analysis.words[i + 1].pos.isVerbForm
                    || i + 1 <= clause.last && infos[i + 1].classes.contains(.auxiliary))
                    // (with the modal's infinitive elsewhere, not its object before it or one inside a phrase after it:
                    // "kunnen vragen beantwoorden", "van meer banen")
                    && !(modalInfinitive.map { $0 > i || $0 != i && inPhrase(i) } ?? false)
                // (nor after an infinitive that governs a bare one, the cluster before an extraposed phrase: "om dit aantal
                // te laten groeien tot 22")
                let governed = i > clause.first && infos[i - 1].governsInfinitive && analysis.words[i - 1].pos == .infinitive
                if infos[i].noun >= 0, finite != nil, !closes, !governed, !headsTeInfinitive(i), i != modalInfinitive, !(i > clause.first && analysis.words[i - 1].form == specials.te) {
                    analysis.words[i].pos = .noun
                    analysis.words[i].lemma = infos[i].noun
                } else if let reading = infos[i].verbs.first(where: { $0.kind == .infinitive }) {
                    analysis.words[i].lemma = reading.lemma
                } else if infos[i].noun >= 0 {
                    analysis.words[i].pos = .noun
                    analysis.words[i].lemma = infos[i].noun
                } else if infos[i].isAdjective {
                    analysis.words[i].pos = .other
                    analysis.words[i].lemma = analysis.words[i].form
                } else if let reading = infos[i].verbs.first(where: { $0.kind == .present || $0.kind == .past }) {
                    // A finite form that lost the finite slot (stem + t in a list): finite all the same.
                    analysis.words[i].pos = .finiteVerb
                    analysis.words[i].tense = reading.kind == .past ? .past : .present
                    analysis.words[i].lemma = reading.lemma
                } else {
                    analysis.words[i].pos = .other
                    analysis.words[i].lemma = analysis.words[i].form
                }
            }
        }
        // Features.
        var participles: [Int] = [], infinitives: [Int] = []
        for i in range {
            switch analysis.words[i].pos {
            case .participle: if !analysis.words[i].attributive { participles.append(i) }
            case .infinitive: infinitives.append(i)
            default: break
            }
            if infos[i].classes.contains(.negation), clause.negation == nil { clause.negation = i }
        }
        if let finite {
            let lemma = analysis.words[finite].lemma
            if lemma == specials.hebben && !participles.isEmpty { clause.isPerfect = true }
            if lemma == specials.zijn && !participles.isEmpty {
                // zijn + participle: perfect of a zijn-verb, else a passive ("zijn gerealiseerd").
                let participleLemma = cache.strings[Int(analysis.words[participles[0]].lemma)]
                if lexicon.paradigms[participleLemma]?.auxiliary.hasPrefix("zijn") == true { clause.isPerfect = true } else {
                    clause.isPassive = true
                    clause.isPerfect = true
                }
            }
            if lemma == specials.worden && !participles.isEmpty { clause.isPassive = true }
            // Future: present "zal/zullen", "gaat/gaan" + infinitive. "zou/zouden", "ging" + infinitive is the future of a
            // past moment ("het doel was dat tien regio's ... zouden sluiten"): it looks back.
            let present = analysis.words[finite].tense == .present
            if lemma == specials.zullen && present { clause.isFuture = true }
            if lemma == specials.gaan && !infinitives.isEmpty && present { clause.isFuture = true }
            func isModal(_ l: Int32) -> Bool { l == specials.kunnen || l == specials.moeten || l == specials.mogen }
            if isModal(lemma) { clause.modal = lemma }
            // The substitute infinitive: "had ... moeten realiseren", "heeft kunnen plaatsen" is the modal's perfect.
            if lemma == specials.hebben, infinitives.count >= 2, let modal = infinitives.first(where: { isModal(analysis.words[$0].lemma) }) {
                clause.modal = analysis.words[modal].lemma
                clause.isPerfect = true
            }
            // So is a verb's that takes a te-infinitive: "hebben ... 553 extra vaste banen weten te creëren".
            if lemma == specials.hebben, infinitives.count >= 2, infinitives.contains(where: { k in
                infos[k].governsTeInfinitive && k + 2 <= range.upperBound && analysis.words[k + 1].form == specials.te
            }) {
                clause.isPerfect = true
            }
            // Reader address: u/je as subject, or a bare stem first in a main clause ("Meld uw vacature aan").
            if range.contains(finite - 1) && (analysis.words[finite - 1].form == specials.u || analysis.words[finite - 1].form == specials.je)
                || range.contains(finite + 1) && (analysis.words[finite + 1].form == specials.u || analysis.words[finite + 1].form == specials.je) {
                clause.addressesReader = true
            }
            let surface = cache.strings[Int(analysis.words[finite].form)]
            // A bare stem that is no present or past form ("Organiseer", after a list marker too) is an imperative.
            // A stem does not end in an unstressed -e ("Kleinere instituten ..." is an adjective), short ones aside ("Doe").
            let onlyStem = !infos[finite].verbs.contains(where: { $0.kind == .present || $0.kind == .past })
                && infos[finite].verbs.contains(where: { $0.kind == .stem })
                && (!surface.hasSuffix("e") || surface.utf8.count <= 3)
            if finite == contentFirst, !clause.isSubordinate, analysis.words[finite].tense == .present,
               surface + "en" == cache.strings[Int(analysis.words[finite].lemma)]
                || infos[finite].verbs.contains(where: { $0.kind == .present }) && !surface.hasSuffix("t") && !surface.hasSuffix("en")
                && startsSentence
                || onlyStem && startsSentence {
                clause.addressesReader = true
            }
        }
        // Verb lemmas of the clause, a separable particle reunited with the finite verb (appended to the analysis's
        // `verbLemmas`/`verbTokens` after the clauses before it: clauses are finished in order).
        let firstVerb = analysis.verbLemmas.count
        for i in range where analysis.words[i].pos.isVerbForm && !analysis.words[i].attributive {
            var lemma = analysis.words[i].lemma
            // A separable particle before "te" joins the infinitive: "om ... uit te komen" is `uitkomen`, "aan te nemen"
            // `aannemen` (the words keep their own lemmas; the clause's verbs hold the particle verb).
            if analysis.words[i].pos == .infinitive, i - 2 >= range.lowerBound, analysis.words[i - 1].form == specials.te {
                let form = analysis.words[i - 2].form
                if cache.knownMembership(form, of: Self.particleList) ?? cache.isMember(form, of: Self.particleList, lexicon.particles) {
                    let joined = cache.strings[Int(form)] + cache.strings[Int(lemma)]
                    if lexicon.isVerb(joined) { lemma = cache.id(joined) }
                }
            }
            analysis.verbLemmas.append(lemma)
            analysis.verbTokens.append(i)
        }
        if let finite, !clause.isSubordinate {
            let verb = cache.strings[Int(analysis.words[finite].lemma)]
            // The particle stands at the end of the clause, before any final verbs.
            var j = clause.last
            while j > finite, analysis.words[j].pos == .infinitive || analysis.words[j].pos == .participle { j -= 1 }
            func separable(_ k: Int) -> Int32? {
                // (whether the word is a particle, memoised by word id: hashing its String was most of the cost here)
                let form = analysis.words[k].form
                guard cache.knownMembership(form, of: Self.particleList) ?? cache.isMember(form, of: Self.particleList, lexicon.particles)
                else { return nil }
                let particle = cache.strings[Int(form)]
                return lexicon.isVerb(particle + verb) ? cache.id(particle + verb) : nil
            }
            // Or before a prepositional phrase put after it: "blijft de realisatie achter [op het quotum]", "werken
            // samen [met partners]" (the phrase holds no verb).
            var found = j > finite ? separable(j).map { (j, $0) } : nil
            if found == nil, j > finite + 1 {
                var k = j
                while k > finite + 1, found == nil {
                    if infos[k].classes.contains(.preposition), !analysis.words[k - 1].pos.isVerbForm,
                       (k...j).allSatisfy({ !analysis.words[$0].pos.isVerbForm }) {
                        found = separable(k - 1).map { (k - 1, $0) }
                    }
                    k -= 1
                }
            }
            if let (position, joined) = found {
                if let index = analysis.verbTokens[firstVerb...].firstIndex(of: finite) { analysis.verbLemmas[index] = joined }
                analysis.verbLemmas.append(joined)
                analysis.verbTokens.append(position)
            }
        }
        clause.verbs = firstVerb..<analysis.verbLemmas.count
    }

    /// Verbs besides the auxiliaries and modals that take a bare infinitive in the verb cluster ("laten doen", "gaan
    /// werken", "blijven zoeken"): before an infinitive they are verbs, not the plural nouns some of them also are.
    static let infinitiveGoverning: Set<String> = ["laten", "gaan", "blijven", "komen", "helpen", "leren", "zien", "horen",
                                                   "voelen", "doen", "durven", "hoeven", "liggen", "staan", "zitten", "lopen"]

    /// Verbs that take a te-infinitive in the verb cluster ("weten te creëren", "proberen te vinden"): before "te" and an
    /// infinitive they are verbs, not the plural nouns some of them also are ("banen te creëren" keeps its noun).
    static let teInfinitiveGoverning: Set<String> = ["weten", "proberen", "trachten", "hopen", "dienen", "beginnen", "durven",
                                                     "weigeren", "menen", "plegen", "lijken", "schijnen", "blijken", "beloven",
                                                     "besluiten", "vergeten", "verzuimen", "wensen", "behoeven", "hoeven"]

    /// A pronoun that is only a subject ("we", "ik", "hij"; not "het", "ze", "u", which are also articles or objects).
    static func isNominative(_ classes: WordClasses) -> Bool {
        classes.contains(.subjectPronoun) && classes.isDisjoint(with: [.objectPronoun, .article, .possessive])
    }

    /// The separable particles' number in the language cache's membership memos (`LanguageCache.isMember`; the numbers
    /// in use: the cycle's lists below 32, `ActionScope.listBase` + 23 action lists, 59 here, `Coder.lemmaList` 60,
    /// `QuantityScanner`'s 61 and 62).
    static let particleList = 59

    /// Static: `finishClause`'s local functions call it inside closures, and a method there made each closure context
    /// hold a copy of the whole analyser (its lexicon's `Data` fields retained and released one by one), once per clause.
    private static func firstOfSentence(_ i: Int, _ tokens: [Token]) -> Int {
        var j = i
        while j > 0, tokens[j - 1].sentence == tokens[i].sentence { j -= 1 }
        return j
    }
}

extension LanguageCache {
    /// Ids of the words the rules name, interned once per cache.
    struct Specials {
        let te, dat, die, of, als, en, maar, want, wat, zodat, u, je, ik: Int32
        let hebben, zijn, worden, zullen, gaan, kunnen, moeten, mogen: Int32
        let van, uit, ten, ter, er, door, om, aantal, het, de, met, op: Int32
    }

    /// Inlined (the making kept out of line): the rules ask for one id at a time (`cache.specials.er`) about a million
    /// times per MB, and a call returned the whole struct of 30 ids, copied out of its optional, every time.
    var specials: Specials {
        @inline(__always) get {
            if let cached = cachedSpecials { return cached }
            return makeSpecials()
        }
    }

    @inline(never)
    private func makeSpecials() -> Specials {
        let made = Specials(te: id("te"), dat: id("dat"), die: id("die"), of: id("of"), als: id("als"), en: id("en"), maar: id("maar"),
                            want: id("want"), wat: id("wat"), zodat: id("zodat"), u: id("u"), je: id("je"), ik: id("ik"),
                            hebben: id("hebben"), zijn: id("zijn"), worden: id("worden"), zullen: id("zullen"), gaan: id("gaan"),
                            kunnen: id("kunnen"), moeten: id("moeten"), mogen: id("mogen"),
                            van: id("van"), uit: id("uit"), ten: id("ten"), ter: id("ter"), er: id("er"),
                            door: id("door"), om: id("om"), aantal: id("aantal"), het: id("het"), de: id("de"), met: id("met"), op: id("op"))
        cachedSpecials = made
        return made
    }
}
