/// Negation and meta-text scope over one passage's tokens, shared by the
/// coder and the cycle checker so both apply the same rules:
///
/// - a negation cue blocks a hit that starts within `windowBefore` tokens
///   after it, or (scope `both`) one that ends within `windowAfter` tokens
///   before it, in the same clause; cues inside an exception phrase
///   ("niet alleen") do not count;
/// - a sentence with a meta subject ("werkagenda's", "de studie") and a meta
///   verb ("genoemd", "ontbreekt") is meta-text: it talks about actions, it
///   reports none.
struct CueScope {
    struct Cue {
        let hit: PhraseMatcher.Hit
        let scope: Rubric.NegationCue.Scope
    }

    let tokens: [Token]
    let windowBefore: Int
    let windowAfter: Int
    private(set) var cues: [Cue] = []
    private var exceptions: [PhraseMatcher.Hit] = []
    private var metaSubjects: [Int: PhraseMatcher.Hit] = [:]
    private var metaVerbs: [Int: PhraseMatcher.Hit] = [:]

    init(tokens: [Token], rubric: Rubric) {
        self.tokens = tokens
        windowBefore = rubric.negationWindowBefore
        windowAfter = rubric.negationWindowAfter
    }

    mutating func addCue(_ hit: PhraseMatcher.Hit, scope: Rubric.NegationCue.Scope) { cues.append(Cue(hit: hit, scope: scope)) }
    mutating func addException(_ hit: PhraseMatcher.Hit) { exceptions.append(hit) }
    mutating func addMetaSubject(_ hit: PhraseMatcher.Hit) { metaSubjects[tokens[hit.first].sentence] = hit }
    mutating func addMetaVerb(_ hit: PhraseMatcher.Hit) { metaVerbs[tokens[hit.first].sentence] = hit }

    /// Drops cues that sit inside an exception phrase and sorts the rest;
    /// call once after adding.
    mutating func settle() {
        // (most passages have no cue: nothing to drop, sort or index)
        guard !cues.isEmpty else { return }
        if !exceptions.isEmpty {
            let exceptionTokens = Set(exceptions.flatMap { $0.first...$0.last })
            cues.removeAll { cue in (cue.hit.first...cue.hit.last).allSatisfy(exceptionTokens.contains) }
        }
        cues.sort { $0.hit.first < $1.hit.first }
        cueFirsts = cues.map(\.hit.first)
        // (sorted in place: `sorted()` of the mapped array made a second one)
        cueLasts = cues.map(\.hit.last)
        cueLasts.sort()
        cuesByLast = cues.sorted { $0.hit.last < $1.hit.last }
    }

    private var cueFirsts: [Int] = []
    private var cueLasts: [Int] = []
    private var cuesByLast: [Cue] = []

    enum Block {
        case negation(PhraseMatcher.Hit)
        case metaText(subject: PhraseMatcher.Hit, verb: PhraseMatcher.Hit)
    }

    /// Sentences with a meta-text subject, and its hit.
    var metaSubjectsBySentence: [Int: PhraseMatcher.Hit] { metaSubjects }

    func isMetaText(sentence: Int) -> Bool { metaSubjects[sentence] != nil && metaVerbs[sentence] != nil }

    /// Why a hit does not count, if it does not. With `lookingAhead` false
    /// only cues before the hit negate it ("geen knelpunten"), for words that
    /// are negative themselves ("een drempel omdat ... niet").
    func blocker(_ hit: PhraseMatcher.Hit, lookingAhead: Bool = true) -> Block? {
        // The fields read in place (copying the tokens retained and released their forms per call).
        let sentence = tokens[hit.first].sentence, firstClause = tokens[hit.first].clause, lastClause = tokens[hit.last].clause
        if let subject = metaSubjects[sentence], let verb = metaVerbs[sentence] {
            return .metaText(subject: subject, verb: verb)
        }
        // Cues that end just before the hit (binary search on their last token).
        var low = lowerBound(cueLasts, hit.first - windowBefore)
        while low < cuesByLast.count, cuesByLast[low].hit.last < hit.first {
            let cue = cuesByLast[low]
            if tokens[cue.hit.last].clause == firstClause { return .negation(cue.hit) }
            low += 1
        }
        guard lookingAhead else { return nil }
        // Cues with scope "both" that start just after it.
        var index = lowerBound(cueFirsts, hit.last + 1)
        while index < cues.count, cues[index].hit.first - hit.last <= windowAfter {
            let cue = cues[index]
            if cue.scope == .both, tokens[cue.hit.first].clause == lastClause { return .negation(cue.hit) }
            index += 1
        }
        return nil
    }

    /// The first index whose value is >= `value` in a sorted array.
    private func lowerBound(_ sorted: [Int], _ value: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
