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

    /// Drops cues that sit inside an exception phrase; call once after adding.
    mutating func settle() {
        cues.removeAll { cue in exceptions.contains { $0.first <= cue.hit.first && cue.hit.last <= $0.last } }
    }

    enum Block {
        case negation(PhraseMatcher.Hit)
        case metaText(subject: PhraseMatcher.Hit, verb: PhraseMatcher.Hit)
    }

    func isMetaText(sentence: Int) -> Bool { metaSubjects[sentence] != nil && metaVerbs[sentence] != nil }

    /// Why a hit does not count, if it does not.
    func blocker(_ hit: PhraseMatcher.Hit) -> Block? {
        let first = tokens[hit.first], last = tokens[hit.last]
        if let subject = metaSubjects[first.sentence], let verb = metaVerbs[first.sentence] {
            return .metaText(subject: subject, verb: verb)
        }
        for cue in cues {
            if cue.hit.last < hit.first, hit.first - cue.hit.last <= windowBefore,
               tokens[cue.hit.last].clause == first.clause {
                return .negation(cue.hit)
            }
            if cue.scope == .both, cue.hit.first > hit.last, cue.hit.first - hit.last <= windowAfter,
               tokens[cue.hit.first].clause == last.clause {
                return .negation(cue.hit)
            }
        }
        return nil
    }
}
