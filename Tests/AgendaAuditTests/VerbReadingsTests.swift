import Testing
@testable import AgendaAudit

/// A word's verb readings are held inline up to seven and in an overflow list beyond: both give back every reading,
/// in order (the analyser's decisions read them by position and by kind).
@Suite("Language layer: verb readings held inline")
struct VerbReadingsTests {
    @Test(arguments: [0, 1, 6, 7, 8, 12])
    func readingsComeBackInOrder(count: Int) {
        let kinds: [Lexicon.VerbForm.Kind] = [.present, .past, .participle, .infinitive, .stem]
        let readings: [(lemma: Int32, kind: Lexicon.VerbForm.Kind)] = (0..<count).map { (Int32(100 + $0 * 3), kinds[$0 % kinds.count]) }
        let held = LanguageCache.VerbReadings(readings)
        #expect(held.count == count)
        #expect(held.isEmpty == readings.isEmpty)
        #expect(held.map { $0.lemma } == readings.map { $0.lemma })
        #expect(held.map { $0.kind } == readings.map { $0.kind })
        #expect(held.first?.lemma == readings.first?.lemma)
        #expect(held.contains { $0.kind == .stem } == readings.contains { $0.kind == .stem })
    }

    @Test func aCopyKeepsTheReadings() {
        let readings: [(lemma: Int32, kind: Lexicon.VerbForm.Kind)] = (0..<9).map { (Int32($0), .past) }
        let held = LanguageCache.VerbReadings(readings)
        let copy = held
        #expect(copy.map { $0.lemma } == Array(0..<9).map(Int32.init))
    }
}
