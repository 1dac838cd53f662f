/// What users read is Dutch first; English with `--lang en`.
public enum Language: String, Sendable, CaseIterable, Codable {
    case nl
    case en

    /// Picks the Dutch or the English text.
    @inlinable
    public func pick(_ dutch: String, _ english: String) -> String {
        self == .nl ? dutch : english
    }
}
