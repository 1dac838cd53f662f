/// Checks on a rubric beyond what loading validates, and exports of its
/// codebook to other tools' dictionary formats.
public enum RubricTools {
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable { case duplicate, shadowed, unreachable, overlap }
        public let kind: Kind
        /// JSON path of the term, e.g. `codes[1].patterns[0].terms[3]`.
        public let path: String
        public let term: String
        public let detail: String
        /// The same in Dutch.
        public let detailNL: String

        init(kind: Kind, path: String, term: String, detail: String, nl: String) {
            self.kind = kind
            self.path = path
            self.term = term
            self.detail = detail
            self.detailNL = nl
        }

        public var description: String { message(.en) }

        /// One line: the kind, the JSON path, the term and what is wrong, in `lang`.
        public func message(_ lang: Language) -> String {
            let kindName: String
            switch kind {
            case .duplicate: kindName = lang.pick("dubbel", "duplicate")
            case .shadowed: kindName = lang.pick("overbodig", "shadowed")
            case .unreachable: kindName = lang.pick("onbereikbaar", "unreachable")
            case .overlap: kindName = lang.pick("overlap", "overlap")
            }
            return "\(kindName): \(path) \"\(term)\": " + lang.pick(detailNL, detail)
        }
    }

    struct TermRef {
        let code: Int
        let path: String
        let term: String
        let words: [String]
        let weight: Double
        let pattern: Int
        /// The side of a `near`, `clause` or `sentence` pattern (0 otherwise).
        var side = 0
        /// A word of a language-layer pattern (`lemma`, `clause`, `sentence`), matched on lemmas.
        var isLemma = false
    }

    static func terms(of rubric: Rubric) -> [TermRef] {
        var refs: [TermRef] = []
        for (codeIndex, code) in rubric.codes.enumerated() {
            for (listName, list) in [("patterns", code.patterns), ("exclude", code.exclude)] {
                for (index, weighted) in list.enumerated() {
                    let base = "codes[\(codeIndex)].\(listName)[\(index)]"
                    let pattern = listName == "patterns" ? index : -1 - index
                    switch weighted.pattern {
                    case .terms(let terms):
                        for (termIndex, term) in terms.enumerated() {
                            refs.append(TermRef(code: codeIndex, path: "\(base).terms[\(termIndex)]", term: term,
                                                words: TermSyntax.words(term), weight: weighted.weight, pattern: pattern))
                        }
                    case .near(let left, let right, _):
                        for (side, terms) in [left, right].enumerated() {
                            for (termIndex, term) in terms.enumerated() {
                                refs.append(TermRef(code: codeIndex, path: "\(base).near[\(side)][\(termIndex)]", term: term,
                                                    words: TermSyntax.words(term), weight: weighted.weight, pattern: pattern, side: side))
                            }
                        }
                    case .context:
                        break
                    case .lemmas(let words):
                        for (termIndex, word) in words.enumerated() {
                            refs.append(TermRef(code: codeIndex, path: "\(base).lemma[\(termIndex)]", term: word, words: [word],
                                                weight: weighted.weight, pattern: pattern, isLemma: true))
                        }
                    case .clause(let sides), .sentence(let sides):
                        let name: String
                        if case .clause = weighted.pattern { name = "clause" } else { name = "sentence" }
                        for (side, words) in sides.enumerated() {
                            for (termIndex, word) in words.enumerated() {
                                refs.append(TermRef(code: codeIndex, path: "\(base).\(name)[\(side)][\(termIndex)]", term: word,
                                                    words: [word], weight: weighted.weight, pattern: pattern, side: side, isLemma: true))
                            }
                        }
                    }
                }
            }
        }
        return refs
    }

    /// Duplicate terms, terms shadowed by a glob of the same pattern, terms
    /// that can never match, and terms shared by two codes.
    public static func lint(_ rubric: Rubric) -> [Finding] {
        var findings: [Finding] = []
        let refs = terms(of: rubric)
        let clauseWords = rubric.clauseWords
        // Unreachable: a phrase with a clause word inside can never run on; a
        // spelling variant is read as its standard form, so a term written as
        // the variant only matches where the standard form would too.
        for ref in refs {
            if ref.words.count > 1, let word = ref.words.dropFirst().first(where: clauseWords.contains) {
                findings.append(Finding(kind: .unreachable, path: ref.path, term: ref.term,
                                        detail: "\"\(word)\" opens a new clause, so the words never stand in one phrase",
                                        nl: "\"\(word)\" opent een nieuw zinsdeel, dus de woorden staan nooit in één woordgroep"))
            }
            if ref.words.contains(where: { $0.allSatisfy { $0 == "*" } }) {
                findings.append(Finding(kind: .unreachable, path: ref.path, term: ref.term, detail: "a word of only wildcards",
                                        nl: "een woord van alleen jokertekens"))
            }
        }
        // Duplicates and shadowing within one pattern list of a code.
        let grouped = Dictionary(grouping: refs) { "\($0.code)/\($0.pattern)/\($0.side)" }
        for (_, group) in grouped.sorted(by: { $0.key < $1.key }) {
            var seen: [String: TermRef] = [:]
            for ref in group {
                let key = ref.words.joined(separator: " ")
                if let first = seen[key] {
                    findings.append(Finding(kind: .duplicate, path: ref.path, term: ref.term, detail: "same as \(first.path)",
                                            nl: "hetzelfde als \(first.path)"))
                    continue
                }
                seen[key] = ref
            }
            for ref in group where ref.words.count == 1 {
                for other in group where other.path != ref.path && other.words.count == 1 && other.words[0].contains("*") {
                    let glob = PhraseMatcher.WordGlob(other.words[0])
                    if !ref.words[0].contains("*"), glob.matches(ref.words[0]) {
                        findings.append(Finding(kind: .shadowed, path: ref.path, term: ref.term,
                                                detail: "already matched by \"\(other.term)\" (\(other.path))",
                                                nl: "valt al onder \"\(other.term)\" (\(other.path))"))
                        break
                    }
                }
            }
        }
        findings += lintLemmas(rubric, refs)
        findings += lintAction(rubric)
        // The same term signalling two codes: not wrong, but worth knowing.
        var byTerm: [String: [TermRef]] = [:]
        for ref in refs where ref.pattern >= 0 { byTerm[ref.words.joined(separator: " "), default: []].append(ref) }
        for (_, list) in byTerm.sorted(by: { $0.key < $1.key }) {
            let codes = Set(list.map(\.code))
            guard codes.count > 1, let first = list.first else { continue }
            let names = codes.sorted().map { rubric.codes[$0].id }.joined(separator: ", ")
            findings.append(Finding(kind: .overlap, path: first.path, term: first.term, detail: "signals several codes: \(names)",
                                    nl: "wijst op meerdere codes: \(names)"))
        }
        return findings
    }

    /// The words of `lemma`, `clause` and `sentence` patterns are matched on a token's lemma, compound head or
    /// reunited separable verb (and its form): an inflected form the lexicon reads as another lemma ("kandidaten",
    /// "ontmoet") only matches where that very form is written, which is not what such a pattern means.
    static func lintLemmas(_ rubric: Rubric, _ refs: [TermRef]) -> [Finding] {
        guard let lexicon = rubric.lexicon else { return [] }
        let morphology = Morphology(lexicon: lexicon)
        var findings: [Finding] = []
        for ref in refs where ref.isLemma {
            let word = ref.term
            if lexicon.isVerb(word) { continue }
            if let lemma = morphology.nounLemma(word), lemma != word, lexicon.classes(word).isEmpty {
                findings.append(Finding(kind: .unreachable, path: ref.path, term: word,
                                        detail: "an inflected form; the language layer reads it as \"\(lemma)\", write that",
                                        nl: "een verbogen vorm; de taallaag leest die als \"\(lemma)\", schrijf dat"))
            } else if morphology.nounLemma(word) == nil, lexicon.classes(word).isEmpty,
                      let verb = morphology.verbReadings(word).first(where: { $0.lemma != word }) {
                findings.append(Finding(kind: .unreachable, path: ref.path, term: word,
                                        detail: "a verb form; the language layer reads it as \"\(verb.lemma)\", write that",
                                        nl: "een werkwoordsvorm; de taallaag leest die als \"\(verb.lemma)\", schrijf dat"))
            }
        }
        return findings
    }

    /// The `action` lists: a word twice in a list; a verb list word that is no verb the lexicon knows, a
    /// function-word list word that is no function word, an inflected noun where the lemma is matched (these can
    /// never match as written); and a word that is both an author and a study, statistic or scheme noun.
    static func lintAction(_ rubric: Rubric) -> [Finding] {
        guard let action = rubric.action else { return [] }
        var findings: [Finding] = []
        let verbs: Set<ActionList> = [.copulas, .explain, .modals, .opinion, .examples, .research, .asking]
        let functionWords: Set<ActionList> = [.indefinites, .existential, .impersonal, .sourcePrepositions, .topicPrepositions,
                                              .distributive, .conditionals, .infinitiveOpeners]
        let nouns: Set<ActionList> = [.studyNouns, .statistics, .schemes, .authors, .beneficiaries]
        let morphology = rubric.lexicon.map { Morphology(lexicon: $0) }
        for list in ActionList.allCases {
            var seen: [String: Int] = [:]
            for (index, word) in (action.written[list] ?? []).enumerated() {
                let path = "action.\(list.rawValue)[\(index)]"
                if let first = seen[word] {
                    findings.append(Finding(kind: .duplicate, path: path, term: word, detail: "same as action.\(list.rawValue)[\(first)]",
                                            nl: "hetzelfde als action.\(list.rawValue)[\(first)]"))
                    continue
                }
                seen[word] = index
                guard let lexicon = rubric.lexicon, let morphology else { continue }
                // (`examples` also holds the adverbs that open an example fragment, "bijvoorbeeld": any word the lexicon knows)
                if verbs.contains(list), !lexicon.isVerb(word), list != .examples || !lexicon.isWord(word) {
                    findings.append(Finding(kind: .unreachable, path: path, term: word,
                                            detail: "not a verb the lexicon knows: the finite verb's lemma is never this word",
                                            nl: "geen werkwoord dat het lexicon kent: het lemma van de persoonsvorm is nooit dit woord"))
                } else if functionWords.contains(list), lexicon.classes(word).isEmpty {
                    findings.append(Finding(kind: .unreachable, path: path, term: word,
                                            detail: "not in lexicon/function-words.tsv: the rule reads this word's class",
                                            nl: "staat niet in lexicon/function-words.tsv: de regel leest de woordsoort van dit woord"))
                } else if nouns.contains(list), let lemma = morphology.nounLemma(word), lemma != word, lexicon.classes(word).isEmpty,
                          lexicon.isWord(lemma) {
                    findings.append(Finding(kind: .unreachable, path: path, term: word,
                                            detail: "an inflected form; words are matched on their lemma \"\(lemma)\"",
                                            nl: "een verbogen vorm; woorden worden op hun lemma \"\(lemma)\" vergeleken"))
                }
            }
        }
        for other in [ActionList.studyNouns, .statistics, .schemes] {
            for word in (action.written[.authors] ?? []) where action.contains(other, word) {
                findings.append(Finding(kind: .overlap, path: "action.authors[\((action.written[.authors] ?? []).firstIndex(of: word)!)]",
                                        term: word, detail: "also in action.\(other.rawValue): the author's subject and not an action at once",
                                        nl: "ook in action.\(other.rawValue): tegelijk onderwerp van de auteur en geen actie"))
            }
        }
        return findings
    }

    // MARK: Exports

    /// What the LIWC export did with a term LIWC cannot express (a `*` at the start or inside a word).
    public struct LIWCExpansion: Sendable, Equatable {
        public let term: String
        /// The LIWC entries written for it; empty when the term was left out.
        public let forms: [String]
    }

    /// A LIWC `.dic`: the category table, then one line per term with its
    /// category numbers. LIWC globs only at the end of a word, so a word
    /// with a leading or inner `*` is written out: `*ambassadeur*` becomes
    /// `ambassadeur*` (the words it starts) plus every word of `corpus` (the
    /// bundled agendas) that the rubric's matcher accepts for it and that
    /// entry does not cover (`sectorambassadeur`); `*pool` becomes `pool`
    /// and the corpus's `talentpool`. A term with no form left is left out.
    /// Every such term is returned in `expansions`.
    public static func liwc(_ rubric: Rubric, corpus: [String] = []) -> (text: String, expansions: [LIWCExpansion]) {
        var lines = ["%"]
        for code in rubric.codes { lines.append("\(code.number)\t\(code.id)") }
        lines.append("%")
        var categories: [String: Set<Int>] = [:]
        var expansions: [String: [String]] = [:]
        var order: [String] = []
        // The corpus's distinct word forms, folded like the matcher folds them.
        var vocabulary: [String] = []
        if !corpus.isEmpty {
            var seen = Set<String>()
            for text in corpus {
                for token in rubric.tokenizer.tokens(text) where seen.insert(token.form).inserted { vocabulary.append(token.form) }
            }
            vocabulary.sort()
        }
        func needsExpansion(_ word: String) -> Bool { word.hasPrefix("*") || word.dropLast().contains("*") }
        func alternatives(_ word: String) -> [String] {
            guard needsExpansion(word) else { return [word] }
            let glob = PhraseMatcher.WordGlob(word)
            var forms: [String] = []
            var prefix: PhraseMatcher.WordGlob?
            if glob.leadingStar, glob.segments.count == 1, let segment = glob.segments.first {
                // `*x*` -> `x*`, `*x` -> `x`: what LIWC can say of it.
                let entry = glob.trailingStar ? segment + "*" : segment
                forms.append(entry)
                prefix = PhraseMatcher.WordGlob(entry)
            }
            for form in vocabulary where glob.matches(form) && !(prefix?.matches(form) ?? false) { forms.append(form) }
            return forms
        }
        for ref in terms(of: rubric) where ref.pattern >= 0 {
            let words = ref.words
            guard words.contains(where: needsExpansion) else {
                categories[words.joined(separator: " "), default: []].insert(rubric.codes[ref.code].number)
                continue
            }
            var combinations: [[String]] = [[]]
            for word in words {
                let options = alternatives(word)
                combinations = combinations.flatMap { prefix in options.map { prefix + [$0] } }
                if combinations.count > 200 { combinations = Array(combinations.prefix(200)) }
            }
            let forms = combinations.map { $0.joined(separator: " ") }
            for form in forms { categories[form, default: []].insert(rubric.codes[ref.code].number) }
            if expansions[ref.term] == nil { order.append(ref.term) }
            expansions[ref.term, default: []].append(contentsOf: forms.filter { !(expansions[ref.term] ?? []).contains($0) })
        }
        for (term, numbers) in categories.sorted(by: { $0.key < $1.key }) {
            lines.append(([term] + numbers.sorted().map(String.init)).joined(separator: "\t"))
        }
        return (lines.joined(separator: "\n") + "\n", order.map { LIWCExpansion(term: $0, forms: expansions[$0] ?? []) })
    }

    /// A quanteda dictionary in YAML (`dictionary(file = ..., format = "YAML")`):
    /// one key per code, its terms as glob values; multi-word values are kept.
    public static func quanteda(_ rubric: Rubric) -> String {
        var lines = ["# agenda-audit rubric \(rubric.version): \(rubric.name)",
                     "# Terms are folded (lower case, no diacritics, no apostrophes); '*' is a glob."]
        let refs = terms(of: rubric)
        for (index, code) in rubric.codes.enumerated() {
            lines.append("\(code.id):")
            var seen = Set<String>()
            for ref in refs where ref.code == index && ref.pattern >= 0 {
                let value = ref.words.joined(separator: " ")
                guard seen.insert(value).inserted else { continue }
                lines.append("  - \"\(value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
