/// The cycle checker's cues in `rubric.json` (filled in by the cycle checker).
public struct CycleRubric: Sendable {}

struct CycleRubricParser {
    let parser: RubricParser
    func parse(_ value: Any) throws -> CycleRubric {
        _ = try parser.object(value, "cycle", allowed: [])
        return CycleRubric()
    }
}
