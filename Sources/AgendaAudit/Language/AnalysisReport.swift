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
                out += "\(number + 1)\t\(token.sentence + 1)\t\(word.clause + 1)\t\(surface)\t\(cache.string(word.lemma))\t\(word.pos.tag)\t\(tense)\n"
            }
            out += "\n"
        }
        return out
    }
}
