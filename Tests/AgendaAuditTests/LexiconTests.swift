import Foundation
import Testing
@testable import AgendaAudit

/// The lexicon's files: the committed hash index answers exactly as the binary search over the lists, every
/// line of every list is found through it, and a missing or damaged file is refused with its name.
@Suite("Lexicon files")
struct LexiconTests {
    static let directory = Repo.path("lexicon")
    static let lexicon = Repo.rubric.lexicon!
    static let lists: [(name: String, keyed: Bool, list: SortedWordList)] = [
        ("words.txt", false, lexicon.words), ("nouns.txt", false, lexicon.nouns), ("verbs.txt", false, lexicon.verbs),
        ("noun-forms.tsv", true, lexicon.nounForms), ("verb-forms.tsv", true, lexicon.verbForms),
    ]

    /// The lines of a list as (key, value), in file order.
    static func lines(_ name: String, keyed: Bool) throws -> [(key: String, value: String)] {
        let text = try String(contentsOfFile: (directory as NSString).appendingPathComponent(name), encoding: .utf8)
        return text.utf8.split(separator: 10).map { line in
            guard keyed, let tab = line.firstIndex(of: 9) else { return (String(Substring(line)), "") }
            return (String(Substring(line[..<tab])), String(Substring(line[line.index(after: tab)...])))
        }
    }

    /// A copy of lexicon/ in a new temporary folder, for damaging.
    static func copy() throws -> String {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: directory, toPath: target)
        return target
    }

    @Test func theRepositoryLexiconUsesItsIndex() {
        for (name, _, list) in Self.lists { #expect(list.slots != nil, "\(name)") }
    }

    /// Every line's key is found through the index, at the first line with that key (the index matches its lists:
    /// a list changed without `python3 scripts/make-lexicon-index.py` fails here).
    @Test func everyLineIsFoundThroughTheIndex() throws {
        for (name, keyed, list) in Self.lists {
            var firstValue: [String: String] = [:]
            var missing: [String] = []
            for (key, value) in try Self.lines(name, keyed: keyed) {
                if firstValue[key] == nil { firstValue[key] = value }
                if list.find(key, keyed: keyed) != firstValue[key]! { missing.append(key) }
            }
            #expect(missing.isEmpty, "\(name): \(missing.prefix(5)) and \(max(0, missing.count - 5)) more not found as in the list")
        }
    }

    /// The index and the binary search give the same answer for words in the lists, their neighbours and
    /// words that are not there (a letter added, the last removed), on a sample of every list.
    @Test func indexAndBinarySearchAgree() throws {
        for (name, keyed, list) in Self.lists {
            let lines = try Self.lines(name, keyed: keyed)
            var disagreements: [String] = []
            for position in stride(from: 0, to: lines.count, by: 37) {
                let key = lines[position].key
                for probe in [key, key + "e", key + "s", String(key.dropLast()), "x" + key, key.uppercased()] {
                    if list.find(probe, keyed: keyed) != list.find(probe, keyed: keyed, binarySearch: true) { disagreements.append(probe) }
                }
            }
            for probe in ["", "a", "zzzzzz", "é", "kandidaten", "werkgevers", "banen", "gerealiseerd"] {
                if list.find(probe, keyed: keyed) != list.find(probe, keyed: keyed, binarySearch: true) { disagreements.append(probe) }
            }
            #expect(disagreements.isEmpty, "\(name): \(disagreements.prefix(10))")
        }
    }

    @Test func lookupsThroughTheInterface() {
        let lexicon = Self.lexicon
        #expect(lexicon.isWord("werkgevers"))
        #expect(!lexicon.isWord("werkgeversxq"))
        #expect(lexicon.isNoun("werkgever"))
        #expect(lexicon.nounLemma(ofForm: "kandidaten") == "kandidaat")
        #expect(lexicon.verbLemma(ofForm: "realiseerde") == "realiseren")
        #expect(lexicon.nounLemma(ofForm: "werkgeversxq") == nil)
        #expect(lexicon.classes("die").contains(.relative))
        #expect(lexicon.particles.contains("mee"))
        #expect(lexicon.irregular["ging"]?.contains(.init(lemma: "gaan", kind: .past)) == true)
    }

    /// A folder without an index (a lexicon of one's own) is binary-searched, with the same answers.
    @Test func withoutAnIndexTheListsAreBinarySearched() throws {
        let folder = try Self.copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent("lexicon.index"))
        let plain = try Lexicon.load(directory: folder)
        #expect(plain.words.slots == nil)
        for form in ["werkgevers", "kandidaten", "realiseerde", "werkgeversxq", "banen"] {
            #expect(plain.isWord(form) == Self.lexicon.isWord(form))
            #expect(plain.nounLemma(ofForm: form) == Self.lexicon.nounLemma(ofForm: form))
            #expect(plain.verbLemma(ofForm: form) == Self.lexicon.verbLemma(ofForm: form))
        }
    }

    /// Loads `folder` and returns the error's text (nil when it loads).
    static func error(loading folder: String) -> String? {
        do {
            _ = try Lexicon.load(directory: folder)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aMissingListIsNamed() throws {
        let folder = try Self.copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let words = (folder as NSString).appendingPathComponent("words.txt")
        try FileManager.default.removeItem(atPath: words)
        #expect(Self.error(loading: folder) == "\(words): ontbreekt (missing)")
    }

    @Test func aListThatDoesNotMatchTheIndexIsRefused() throws {
        let folder = try Self.copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let verbs = (folder as NSString).appendingPathComponent("verbs.txt")
        try Data("aaien\nzwemmen\n".utf8).write(to: URL(fileURLWithPath: verbs))
        let message = try #require(Self.error(loading: folder))
        #expect(message.hasPrefix((folder as NSString).appendingPathComponent("lexicon.index") + ": hoort niet bij verbs.txt"))
        #expect(message.contains("scripts/make-lexicon-index.py"))
    }

    @Test func aDamagedIndexIsRefused() throws {
        let folder = try Self.copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = (folder as NSString).appendingPathComponent("lexicon.index")
        let original = try Data(contentsOf: URL(fileURLWithPath: index))
        // Cut short (a table's slots beyond the end), then not an index at all, then empty.
        for damaged in [original.prefix(original.count / 2), Data("not an index".utf8), Data()] {
            try damaged.write(to: URL(fileURLWithPath: index))
            let message = try #require(Self.error(loading: folder))
            #expect(message.hasPrefix(index + ": beschadigd"), "\(message)")
        }
    }

    @Test func anUnsortedOrBrokenTableIsNamed() throws {
        let folder = try Self.copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent("lexicon.index"))
        let nouns = (folder as NSString).appendingPathComponent("nouns.txt")
        try Data("zwaan\naap\n".utf8).write(to: URL(fileURLWithPath: nouns))
        #expect(Self.error(loading: folder) == "\(nouns): niet gesorteerd in byte-volgorde (not sorted in byte order)")
        let irregular = (folder as NSString).appendingPathComponent("irregular-verbs.tsv")
        try Data([0x68, 0x65, 0x61, 0x64, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: irregular))
        #expect(Self.error(loading: folder) == "\(irregular): ontbreekt of is geen UTF-8 (missing or not UTF-8)")
        try Data("infinitive\tpresent-stem\nbakken\tbak\tbakte\n".utf8).write(to: URL(fileURLWithPath: irregular))
        #expect(Self.error(loading: folder) == "\(irregular): regel 2: minder dan 6 kolommen (fewer than 6 columns)")
    }
}
