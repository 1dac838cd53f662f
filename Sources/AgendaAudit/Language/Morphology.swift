/// Dutch inflection undone on folded forms: which verb forms and noun forms
/// a word can be, checked against the lexicon. Context-free: the tagger
/// (`Analyzer`) picks one reading per token from what this returns.
///
/// Rules (spelling of Dutch inflection):
/// - a verb stem's long vowel is written double in a closed syllable and
///   single in an open one (`realiseer` + `en` → `realiseren`, `maak` →
///   `maken`), a short vowel's consonant doubles (`stop` → `stoppen`),
///   and stem-final f/s alternate with v/z (`leef` → `leven`, `reis` → `reizen`);
/// - present: stem, stem + t, infinitive; past: stem + de/te (+ n);
///   participle: ge + stem + d/t (no ge after be-, ge-, her-, ont-, er-, ver-),
///   with a separable particle before ge (`op-ge-leid`);
/// - irregular verbs come from the lexicon's table, also under a prefix or
///   particle (`achter-bleef`, `be-gon`);
/// - nouns: plural -en/-s/-'s/-eren, -heden → -heid, diminutives -(e|p|t)je(s);
///   a compound's last part is lemmatised and the rest kept (`werkplekbegeleiders`).
struct Morphology: Sendable {
    let lexicon: Lexicon

    static let inseparablePrefixes = ["be", "ge", "her", "ont", "er", "ver"]
    /// Separable particles that also make inseparable verbs, whose participle has no ge-: "ondersteund", "onderzocht",
    /// "overlegd", "voldaan", "doorlopen", "omvat", "achterhaald" (beside separable "ondergebracht", "overgenomen").
    static let ambiguousPrefixes = ["onder", "over", "door", "om", "vol", "achter", "mis", "weer"]

    /// Candidate infinitives for a stem as written in a closed syllable.
    func infinitives(ofStem stem: [UInt8]) -> [String] {
        guard stem.count >= 1 else { return [] }
        var candidates: [[UInt8]] = []
        var base = stem
        // f/s at the end may be v/z in the infinitive.
        var variants: [[UInt8]] = [base]
        if let last = base.last {
            if last == UInt8(ascii: "f") { variants.append(Array(base.dropLast()) + [UInt8(ascii: "v")]) }
            if last == UInt8(ascii: "s") { variants.append(Array(base.dropLast()) + [UInt8(ascii: "z")]) }
        }
        for variant in variants {
            base = variant
            let n = base.count
            // Double vowel before the last consonant: undouble (realiseer → realiseren).
            if n >= 3, isVowel(base[n - 2]), base[n - 2] == base[n - 3], !isVowel(base[n - 1]),
               base[n - 2] != UInt8(ascii: "i") {
                candidates.append(Array(base[0..<(n - 2)]) + [base[n - 1]] + Array("en".utf8))
            }
            candidates.append(base + Array("en".utf8))
            // Short vowel + one consonant: double the consonant (stop → stoppen).
            if n >= 2, !isVowel(base[n - 1]), isVowel(base[n - 2]), n < 3 || !isVowel(base[n - 3]) {
                candidates.append(base + [base[n - 1]] + Array("en".utf8))
            }
            // Stems ending in a vowel: gaan/doen/zien/staan handled by the table; "creeer" style handled above.
            if let last = base.last, last == UInt8(ascii: "e") || last == UInt8(ascii: "a") || last == UInt8(ascii: "o") {
                candidates.append(base + Array("n".utf8))
            }
        }
        return candidates.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The verb readings of a folded form. A participle inflected with -e ("genoemde", "geïnterviewde", "beoogde") is
    /// a participle too, not a stem ("genoemde" is in the generated table as a form of "noemen" without a kind).
    func verbReadings(_ form: String) -> [Lexicon.VerbForm] {
        var readings = uninflectedReadings(form)
        guard form.hasSuffix("e"), form.utf8.count >= 6, !readings.contains(where: { $0.kind == .participle }) else { return readings }
        // (the uninflected participle a word: "gemeente" is no "gemeent" + e)
        let base = String(form.dropLast())
        guard lexicon.isWord(base) else { return readings }
        let participles = uninflectedReadings(base).filter { $0.kind == .participle }
        guard !participles.isEmpty else { return readings }
        readings.removeAll { reading in reading.kind == .stem && participles.contains { $0.lemma == reading.lemma } }
        for participle in participles where !readings.contains(participle) { readings.append(participle) }
        return readings
    }

    /// A present participle ("volgende", "bestaande", "funderend", "passend"): the infinitive before -d/-de.
    func presentParticipleLemma(_ form: String) -> String? {
        let base: Substring
        if form.hasSuffix("nde") { base = form.dropLast(2) } else if form.hasSuffix("nd") { base = form.dropLast(1) } else { return nil }
        guard base.utf8.count >= 4, base.hasSuffix("n"), lexicon.isVerb(String(base)) else { return nil }
        return String(base)
    }

    private func uninflectedReadings(_ form: String) -> [Lexicon.VerbForm] {
        var readings: [Lexicon.VerbForm] = []
        func add(_ reading: Lexicon.VerbForm) { if !readings.contains(reading) { readings.append(reading) } }
        let bytes = Array(form.utf8)
        // An auxiliary or modal form reads as that verb first: "waren" is "zijn" before it is "waren" (to roam).
        if !lexicon.classes(form).isDisjoint(with: [.auxiliary, .modal]), let table = lexicon.irregular[form] {
            table.filter { !lexicon.classes($0.lemma).isDisjoint(with: [.auxiliary, .modal]) }.forEach(add)
        }
        // An infinitive is also the present plural ("voeren", though the table also has it as a past of "varen").
        if form.hasSuffix("n"), lexicon.isVerb(form) {
            add(.init(lemma: form, kind: .infinitive))
            add(.init(lemma: form, kind: .present))
        }
        if let table = lexicon.irregular[form] { table.forEach(add) }
        // The generated form table: its lemma is certain, the kind is read from the form.
        if let lemma = lexicon.verbLemma(ofForm: form) {
            if form == lemma { add(.init(lemma: lemma, kind: .infinitive)); add(.init(lemma: lemma, kind: .present)) }
            else if isParticiple(form, lemma: lemma) {
                add(.init(lemma: lemma, kind: .participle))
                // A weak verb with an inseparable prefix: stem + t is its participle and its present too ("bereikt",
                // "gebruikt", "verwacht"); the clause decides.
                if form.hasSuffix("t"), !form.hasSuffix("dt"), lexicon.paradigms[lemma] == nil,
                   infinitives(ofStem: Array(form.utf8.dropLast())).contains(lemma) {
                    add(.init(lemma: lemma, kind: .present))
                }
                // "beschreven", "vergeleken": also the past plural of the prefixed strong verb.
                if let kind = prefixedIrregularKind(form, lemma: lemma), kind == .past { add(.init(lemma: lemma, kind: .past)) }
            }
            else if isPast(form, lemma: lemma) { add(.init(lemma: lemma, kind: .past)) }
            else if let kind = prefixedIrregularKind(form, lemma: lemma) { add(.init(lemma: lemma, kind: kind)) }
            else if form.hasSuffix("t") { add(.init(lemma: lemma, kind: .present)) }
            // An irregular form: the table's kind (a bare stem there is no third person: "geld" of "gelden").
            else if let table = lexicon.irregular[form] { add(.init(lemma: lemma, kind: table.first { $0.lemma == lemma }?.kind ?? .present)) }
            else { add(.init(lemma: lemma, kind: .stem)) }
            if !readings.isEmpty && readings.count >= (lexicon.irregular[form]?.count ?? 0) + 1 { return readings }
        }
        guard bytes.count >= 2 else { return readings }
        func firstVerb(_ candidates: [String]) -> String? { candidates.first(where: lexicon.isVerb) }
        func stemReadings(_ stem: [UInt8], _ kind: Lexicon.VerbForm.Kind) {
            if let lemma = firstVerb(infinitives(ofStem: stem)) { add(.init(lemma: lemma, kind: kind)) }
        }
        // Participles.
        if bytes.count >= 5, let last = bytes.last, last == UInt8(ascii: "d") || last == UInt8(ascii: "t") {
            let body = Array(bytes.dropLast())
            if form.hasPrefix("ge") {
                stemReadings(Array(body.dropFirst(2)), .participle)
            }
            for prefix in Self.inseparablePrefixes where form.hasPrefix(prefix) && prefix != "ge" {
                if let lemma = firstVerb(infinitives(ofStem: body)) { add(.init(lemma: lemma, kind: .participle)) }
            }
        }
        // Present: stem + t, stem.
        if let last = bytes.last, last == UInt8(ascii: "t"), bytes.count >= 3 {
            stemReadings(Array(bytes.dropLast()), .present)
        }
        if bytes.count >= 3 { stemReadings(bytes, .stem) }
        // Past: stem + de/te(n).
        for suffix in ["den", "ten", "de", "te"] where form.hasSuffix(suffix) && bytes.count > suffix.count + 2 {
            stemReadings(Array(bytes.dropLast(suffix.count)), .past)
        }
        // A separable particle or inseparable prefix before a verb form: opgeleid, achterbleef, begon, aangenomen.
        if readings.isEmpty || !readings.contains(where: { $0.kind != .present }) {
            for particle in lexicon.particles where particle.utf8.count < bytes.count - 2 && form.hasPrefix(particle) {
                let rest = String(decoding: bytes.dropFirst(particle.utf8.count), as: UTF8.self)
                for reading in verbReadings(rest) where reading.kind != .present || readings.isEmpty {
                    let lemma = particle + reading.lemma
                    // (a listed word that is only a noun makes no particle verb: "aandacht" is no past of "aandenken")
                    if lexicon.isVerb(lemma) || lexicon.isWord(lemma) && !lexicon.isNoun(lemma) { add(.init(lemma: lemma, kind: reading.kind)) }
                }
            }
            for prefix in Self.inseparablePrefixes where form.hasPrefix(prefix) && bytes.count > prefix.utf8.count + 2 {
                let rest = String(decoding: bytes.dropFirst(prefix.utf8.count), as: UTF8.self)
                guard let table = lexicon.irregular[rest] else { continue }
                for reading in table {
                    let lemma = prefix + reading.lemma
                    // A strong participle after be-/ver- has no ge-: "begonnen", "vergeten".
                    let kind = reading.kind
                    if lexicon.isVerb(lemma) { add(.init(lemma: lemma, kind: kind)) }
                }
                if rest.hasPrefix("ge") { continue }
                // "begonnen": be + gonnen is no form; strong participles of prefixed verbs carry no ge.
                if let table = lexicon.irregular["ge" + rest] {
                    for reading in table where reading.kind == .participle {
                        let lemma = prefix + reading.lemma
                        if lexicon.isVerb(lemma) { add(.init(lemma: lemma, kind: .participle)) }
                    }
                }
            }
        }
        return readings
    }

    /// A participle of `lemma`: ge-...-d/t/en, or an inseparable prefix verb's form ending in d/t/en that is no infinitive.
    func isParticiple(_ form: String, lemma: String) -> Bool {
        if form == lemma { return false }
        // An irregular verb, also under a prefix or particle, has its participle in the table:
        // "geeft", "bespreekt", "begint" are present forms, "gegeven", "besproken", "begonnen" participles.
        if let paradigm = lexicon.paradigms[lemma] { return paradigm.participles.contains(form) }
        for prefix in Self.inseparablePrefixes where lemma.hasPrefix(prefix) {
            if let paradigm = lexicon.paradigms[String(lemma.dropFirst(prefix.count))] {
                return paradigm.participles.contains { prefix + $0.dropFirst($0.hasPrefix("ge") ? 2 : 0) == form }
            }
        }
        for particle in lexicon.particles where lemma.hasPrefix(particle) {
            if let paradigm = lexicon.paradigms[String(lemma.dropFirst(particle.count))] {
                let inseparable = Self.ambiguousPrefixes.contains(particle)
                return paradigm.participles.contains { particle + $0 == form || inseparable && particle + $0.dropFirst($0.hasPrefix("ge") ? 2 : 0) == form }
            }
        }
        // A weak verb whose lemma begins with ge- ("gebeuren") takes no second ge-: the prefix rule below.
        let lemmaHasGe = lemma.hasPrefix("ge") && !form.hasPrefix("gege")
        let particle = lexicon.particles.first { lemma.hasPrefix($0) && form.hasPrefix($0 + "ge") }
        if !lemmaHasGe, form.hasPrefix("ge") || particle != nil { return form.hasSuffix("d") || form.hasSuffix("t") || form.hasSuffix("en") }
        if lemmaHasGe || Self.inseparablePrefixes.contains(where: { lemma.hasPrefix($0) })
            || Self.ambiguousPrefixes.contains(where: { lemma.hasPrefix($0) && lemma.utf8.count > $0.utf8.count + 3 }) {
            // 't kofschip: a weak participle ends in -t only after t, k, f, s, ch, p; "verschijnt", "verbetert" are present.
            if form.hasSuffix("t"), !form.hasSuffix("dt") {
                let stem = form.dropLast()
                guard let last = stem.last, "tkfsxp".contains(last) || stem.hasSuffix("ch") else { return false }
                return true
            }
            return form.hasSuffix("d") && !form.hasSuffix("dt")
                || form.hasSuffix("en") && form != lemma && !form.hasSuffix("den") && !form.hasSuffix("ten")
        }
        return false
    }

    /// The kind of a form of a prefixed irregular verb, read from its base's table: "ontstond" is the past of
    /// "ont" + "staan", "achterbleef" of "achter" + "blijven".
    func prefixedIrregularKind(_ form: String, lemma: String) -> Lexicon.VerbForm.Kind? {
        func kind(_ prefix: String) -> Lexicon.VerbForm.Kind? {
            guard lemma.hasPrefix(prefix), form.hasPrefix(prefix) else { return nil }
            let base = String(lemma.dropFirst(prefix.count)), rest = String(form.dropFirst(prefix.count))
            return lexicon.irregular[rest]?.first(where: { $0.lemma == base })?.kind
        }
        // The two lists walked in place (joining them copied the particle set on every call).
        for prefix in Self.inseparablePrefixes { if let found = kind(prefix) { return found } }
        for particle in lexicon.particles { if let found = kind(particle) { return found } }
        return nil
    }

    func isPast(_ form: String, lemma: String) -> Bool {
        for suffix in ["de", "te", "den", "ten"] where form.hasSuffix(suffix) {
            let stem = String(form.dropLast(suffix.count))
            if infinitives(ofStem: Array(stem.utf8)).contains(lemma) { return true }
        }
        return false
    }

    /// The noun lemma of a folded form, or nil when it is not a known noun form.
    func nounLemma(_ form: String) -> String? {
        if lexicon.isNoun(form) { return form }
        if let lemma = lexicon.nounLemma(ofForm: form) { return lemma }
        let bytes = Array(form.utf8)
        let n = bytes.count
        guard n >= 3 else { return nil }
        var candidates: [[UInt8]] = []
        func ends(_ suffix: String) -> Bool { form.hasSuffix(suffix) && n > suffix.utf8.count + 1 }
        func stripped(_ count: Int) -> [UInt8] { Array(bytes.dropLast(count)) }
        if ends("heden") { candidates.append(stripped(5) + Array("heid".utf8)) }
        if ends("eren") { candidates.append(stripped(4)) }
        if ends("tjes") || ends("pjes") { candidates.append(stripped(4)) }
        if ends("etjes") { candidates.append(stripped(5)) }
        if ends("jes") { candidates.append(stripped(3)) }
        if ends("tje") || ends("pje") { candidates.append(stripped(3)) }
        if ends("etje") { candidates.append(stripped(4)) }
        if ends("je") { candidates.append(stripped(2)) }
        if ends("s") { candidates.append(stripped(1)) }
        if ends("en") {
            let stem = stripped(2)
            let m = stem.count
            // banen → baan, scholen → school: a single vowel in an open syllable is long, written double when closed.
            if m >= 2, !isVowel(stem[m - 1]), isVowel(stem[m - 2]), stem[m - 2] != UInt8(ascii: "i"), m < 3 || !isVowel(stem[m - 3]) {
                candidates.append(Array(stem[0..<(m - 1)]) + [stem[m - 2], stem[m - 1]])
            }
            // werkplekken → werkplek
            if m >= 2, stem[m - 1] == stem[m - 2], !isVowel(stem[m - 1]) { candidates.append(Array(stem.dropLast())) }
            // brieven → brief, huizen → huis
            if let last = stem.last, last == UInt8(ascii: "v") || last == UInt8(ascii: "z") {
                let alternate: UInt8 = last == UInt8(ascii: "v") ? UInt8(ascii: "f") : UInt8(ascii: "s")
                let base = Array(stem.dropLast())
                let k = base.count
                if k >= 2, isVowel(base[k - 1]), !isVowel(base[k - 2]) { candidates.append(base + [base[k - 1], alternate]) }
                candidates.append(base + [alternate])
            }
            candidates.append(stem)
            // leidinggevenden → leidinggevende, ideeen (ideeën) → idee
            candidates.append(stripped(1))
        }
        for candidate in candidates where !candidate.isEmpty {
            let word = String(decoding: candidate, as: UTF8.self)
            if lexicon.isNoun(word) { return word }
        }
        return nil
    }

    @inline(__always)
    func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): return true
        default: return false
        }
    }

    /// Splits a compound against the lexicon: the longest known last part
    /// (a noun lemma or noun form, at least 3 letters) whose rest is a known
    /// word, allowing a linking -s-, -e- or -en- ("werkplek+begeleider",
    /// "arbeids+beperking"). Returns the parts, or nil.
    func split(_ form: String) -> (first: String, head: String)? {
        let bytes = Array(form.utf8)
        let n = bytes.count
        guard n >= 7 else { return nil }
        func known(_ part: ArraySlice<UInt8>) -> Bool {
            part.count >= 2 && lexicon.isWord(String(decoding: part, as: UTF8.self))
        }
        for cut in 3...(n - 3) {
            // The first part is checked before the head: it costs one or two lookups and fails at most cuts,
            // where the head's check (`nounLemma` tries several forms) costs up to eight. Both must hold at
            // the same cut, so the order of the two checks does not change the answer.
            let left = bytes[..<cut]
            var firstKnown = known(left)
            if !firstKnown {
                for link in ["s", "en", "e", "-"] where left.count > link.utf8.count + 2 && left.suffix(link.utf8.count).elementsEqual(link.utf8) {
                    if known(left.dropLast(link.utf8.count)) { firstKnown = true; break }
                }
            }
            guard firstKnown else { continue }
            let head = String(decoding: bytes[cut...], as: UTF8.self)
            // `nounLemma` looks the form up as a noun first.
            guard nounLemma(head) != nil || lexicon.isVerb(head) else { continue }
            return (String(decoding: left, as: UTF8.self), head)
        }
        return nil
    }
}
