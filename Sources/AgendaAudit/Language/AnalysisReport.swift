/// `agenda-audit analyze`: the language layer's reading of a document, as
/// the extracted passage text (what Frog is given) or one line per token
/// (`passage, sentence, clause, token, lemma, pos, tense`), the format
/// `Benchmarks/frog-compare.py` compares with Frog.
public enum AnalysisReport {
    public static func text(_ document: Document) -> String {
        document.passages.map(\.text).joined(separator: "\n\n") + "\n"
    }

    public static func tsv(_ document: Document, rubric: Rubric, lexicon: Lexicon) -> String {
        let analyzer = LanguageAnalyzer(lexicon: lexicon)
        let tokenizer = rubric.tokenizer
        let cache = LanguageCache()
        let year = CycleChecker(rubric: rubric)?.referenceYear(document) ?? CycleChecker.periodYear(document)
        var out = ""
        for (number, passage) in document.passages.enumerated() {
            let tokens = tokenizer.tokens(passage.text, base: passage.start)
            let analysis = analyzer.analyze(tokens, text: passage.text, base: passage.start, referenceYear: year, cache: cache)
            let indexed = ScalarIndexedText(passage.text)
            var previousSentence = -1
            for (index, token) in tokens.enumerated() {
                if token.sentence != previousSentence && previousSentence >= 0 { out += "\n" }
                previousSentence = token.sentence
                let word = analysis.words[index]
                let surface = indexed.slice(token.start - passage.start, token.end - passage.start)
                let tense = word.tense == .present ? "present" : (word.tense == .past ? "past" : "-")
                let lemma = displayLemma(cache.string(word.lemma), surface: String(surface))
                out += "\(number + 1)\t\(token.sentence + 1)\t\(word.clause + 1)\t\(surface)\t\(lemma)\t\(word.pos.tag)\t\(tense)\n"
            }
            out += "\n"
        }
        return out
    }

    /// The lemma as it is written: the layer keeps lemmas folded (no diacritics), so where the lemma begins like the
    /// word the word's letters are kept ("creëert" → "creëren", "coördinatoren" → "coördinator", "enquête").
    static func displayLemma(_ lemma: String, surface: String) -> String {
        guard surface.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return lemma }
        let target = Array(lemma.unicodeScalars)
        var out = String.UnicodeScalarView()
        var matched = 0
        for scalar in surface.unicodeScalars where !Folding.isApostrophe(scalar) {
            var folded = String.UnicodeScalarView()
            Folding.fold(scalar, into: &folded)
            let piece = Array(folded)
            guard matched + piece.count <= target.count, Array(target[matched..<(matched + piece.count)]) == piece else { break }
            out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            matched += piece.count
        }
        out.append(contentsOf: target[matched...])
        return String(out)
    }
}
