import Foundation

/// Multi-pattern lookup in one pass over the tokens, like spaCy's Matcher
/// or a quanteda dictionary: every term of the rubric (words with `*`
/// wildcards, multi-word phrases) is compiled once into word tables and a
/// phrase trie. Matching walks the tokens once; per token the cost depends
/// on the token's length and the number of hits, not on the rubric's size.
///
/// A multi-word term also matches its closed compound: `job carving`
/// matches "job carving", "job-carving" and "jobcarving".
public struct PhraseMatcher: Sendable {
    /// One matched term: entry `entry` over tokens `first...last`.
    public struct Hit: Sendable, Equatable {
        public let entry: Int
        public let first: Int
        public let last: Int
    }

    /// A word glob compiled for verification: literal segments split at `*`.
    struct WordGlob: Sendable, Hashable {
        let segments: [String]
        let leadingStar: Bool
        let trailingStar: Bool

        init(_ word: String) {
            if !word.isEmpty, !word.utf8.contains(UInt8(ascii: "*")) {
                // No wildcard (most words): the one segment is the word, as the splits below would give it.
                leadingStar = false
                trailingStar = false
                segments = [word]
                return
            }
            if word.utf8.allSatisfy({ $0 < 0x80 }) {
                // ASCII (nearly every term): the same split on bytes, without Character breaking.
                leadingStar = word.utf8.first == UInt8(ascii: "*")
                trailingStar = word.utf8.last == UInt8(ascii: "*")
                segments = word.utf8.split(separator: UInt8(ascii: "*")).map { String(Substring($0)) }
                return
            }
            leadingStar = word.hasPrefix("*")
            trailingStar = word.hasSuffix("*")
            segments = word.split(separator: "*").map(String.init)
        }

        func matches(_ form: String) -> Bool {
            var rest = Substring(form)
            for (index, segment) in segments.enumerated() {
                let isFirst = index == 0, isLast = index == segments.count - 1
                if isFirst && !leadingStar {
                    guard rest.hasPrefix(segment) else { return false }
                    rest = rest.dropFirst(segment.count)
                    if isLast && !trailingStar { return rest.isEmpty }
                    continue
                }
                if isLast && !trailingStar {
                    return rest.count >= segment.count && rest.hasSuffix(segment)
                }
                guard let range = rest.range(of: segment) else { return false }
                rest = rest[range.upperBound...]
            }
            return true
        }
    }

    /// A character trie: node 0 is the root. Folded forms are nearly all
    /// ASCII letters and digits, so those edges sit in a dense table (36
    /// slots per node, no hashing on the hot path); other scalars go
    /// through a dictionary.
    struct Trie: Sendable {
        private static let stride = 36
        private var dense: [Int32] = Array(repeating: -1, count: 36)
        private var sparse: [[Unicode.Scalar: Int32]] = [[:]]
        private var values: [[Int32]] = [[]]

        @inline(__always)
        private static func slot(_ scalar: Unicode.Scalar) -> Int {
            let value = scalar.value
            if value >= 0x61 && value <= 0x7A { return Int(value - 0x61) }
            if value >= 0x30 && value <= 0x39 { return Int(value - 0x30) + 26 }
            return -1
        }

        @inline(__always)
        private func child(_ node: Int, _ scalar: Unicode.Scalar) -> Int32? {
            let slot = Self.slot(scalar)
            if slot >= 0 {
                let next = dense[node * Self.stride + slot]
                return next >= 0 ? next : nil
            }
            return sparse[node][scalar]
        }

        mutating func insert(_ key: some Sequence<Unicode.Scalar>, value: Int32) {
            var node = 0
            for scalar in key {
                if let next = child(node, scalar) {
                    node = Int(next)
                    continue
                }
                let next = Int32(values.count)
                dense.append(contentsOf: repeatElement(-1, count: Self.stride))
                sparse.append([:])
                values.append([])
                let slot = Self.slot(scalar)
                if slot >= 0 { dense[node * Self.stride + slot] = next } else { sparse[node][scalar] = next }
                node = Int(next)
            }
            values[node].append(value)
        }

        var isEmpty: Bool { values.count == 1 }

        /// Calls `body` with the values of every node on the walk of `key`.
        @inline(__always)
        func walk(_ key: some Sequence<Unicode.Scalar>, _ body: (Int32) -> Void) {
            var node = 0
            for scalar in key {
                guard let next = child(node, scalar) else { return }
                node = Int(next)
                for value in values[node] { body(value) }
            }
        }
    }

    // Word level.
    private var exactWords: [String: [Int32]] = [:]
    private var prefixTrie = Trie()
    private var suffixTrie = Trie()
    private var infixTrie = Trie()
    private var globs: [WordGlob] = []
    private var globIDs: [WordGlob: Int32] = [:]
    private var variants: [String: String]

    // Phrase level: a trie over word-glob ids.
    private var phraseChildren: [[Int32: Int32]] = [[:]]
    private var phraseEntries: [[Int32]] = [[]]
    /// The root's children by word-glob id (-1: none), `phraseChildren[0]` without hashing: every word of every token starts there.
    private var rootChildren: [Int32] = []

    public private(set) var entryCount = 0

    public init(spellingVariants: [String: String] = [:]) {
        variants = spellingVariants
    }

    /// Adds a term and returns its entry id (ids are dense, in order of adding).
    @discardableResult
    public mutating func add(_ term: String) -> Int {
        let entry = entryCount
        entryCount += 1
        let words = TermSyntax.words(term).map { variants[$0] ?? $0 }
        guard !words.isEmpty else { return entry }
        var ids: [Int32] = []
        for word in words { ids.append(wordID(word)) }
        insertPhrase(ids, entry: Int32(entry))
        if words.count > 1 {
            // The closed compound: "job carving" also as "jobcarving".
            insertPhrase([wordID(words.joined())], entry: Int32(entry))
        }
        return entry
    }

    private mutating func wordID(_ word: String) -> Int32 {
        let glob = WordGlob(word)
        if let id = globIDs[glob] { return id }
        let id = Int32(globs.count)
        globs.append(glob)
        globIDs[glob] = id
        if !word.utf8.contains(UInt8(ascii: "*")) {
            exactWords[word, default: []].append(id)
        } else if !glob.leadingStar {
            prefixTrie.insert(glob.segments[0].unicodeScalars, value: id)
        } else if !glob.trailingStar {
            suffixTrie.insert(glob.segments[glob.segments.count - 1].unicodeScalars.reversed(), value: id)
        } else {
            let longest = glob.segments.max { $0.unicodeScalars.count < $1.unicodeScalars.count } ?? ""
            infixTrie.insert(longest.unicodeScalars, value: id)
        }
        return id
    }

    private mutating func insertPhrase(_ ids: [Int32], entry: Int32) {
        var node = 0
        for id in ids {
            if let next = phraseChildren[node][id] {
                node = Int(next)
            } else {
                phraseChildren.append([:])
                phraseEntries.append([])
                let next = Int32(phraseChildren.count - 1)
                phraseChildren[node][id] = next
                if node == 0 {
                    if Int(id) >= rootChildren.count { rootChildren.append(contentsOf: repeatElement(-1, count: Int(id) + 1 - rootChildren.count)) }
                    rootChildren[Int(id)] = next
                }
                node = Int(next)
            }
        }
        if !phraseEntries[node].contains(entry) { phraseEntries[node].append(entry) }
    }

    /// Remembers the word-glob ids of each form seen, so a word that recurs
    /// is looked up once (`Pipeline` keeps one per worker across documents).
    /// Not shared between threads.
    public final class Cache {
        fileprivate var ids: [String: [Int32]] = [:]
        /// The same by interned word id (`LanguageCache`), when the caller has the tokens' ids: word `w`'s glob ids are
        /// `pool[byWord[w].start...]`, `byWord[w].count` of them (start -1: not looked up yet). One flat pool, read in
        /// place: an array per word was retained and released at every token.
        fileprivate var byWord: [(start: Int32, count: Int32)] = []
        fileprivate var pool: [Int32] = []
        public init() {}
        /// The number of word forms remembered.
        var count: Int { max(ids.count, byWord.count) }
    }

    /// The word-glob ids a token matches.
    func wordIDs(_ rawForm: String, into ids: inout [Int32]) {
        ids.removeAll(keepingCapacity: true)
        let form = variants[rawForm] ?? rawForm
        if let exact = exactWords[form] { ids.append(contentsOf: exact) }
        // A local copy of the glob table keeps the closures below from
        // capturing (and so copying and retaining) the whole matcher.
        let globs = self.globs
        let scalars = form.unicodeScalars
        if !prefixTrie.isEmpty {
            prefixTrie.walk(scalars) { id in if globs[Int(id)].matches(form) { ids.append(id) } }
        }
        if !suffixTrie.isEmpty {
            suffixTrie.walk(scalars.reversed()) { id in if globs[Int(id)].matches(form) { ids.append(id) } }
        }
        if !infixTrie.isEmpty {
            var start = scalars.startIndex
            while start != scalars.endIndex {
                infixTrie.walk(scalars[start...]) { id in
                    if !ids.contains(id), globs[Int(id)].matches(form) { ids.append(id) }
                }
                start = scalars.index(after: start)
            }
        }
    }

    /// All hits in `tokens`, in one left-to-right pass. `words`, when given, holds each token's interned
    /// form (`LanguageCache.id`, the same cache for every call with this `cache`): the cache is then read by id.
    public func match(_ tokens: [Token], cache: Cache? = nil) -> [Hit] { match(tokens, words: nil, cache: cache) }

    func match(_ tokens: [Token], words: [Int32]?, cache: Cache?) -> [Hit] {
        var hits: [Hit] = []
        // About one hit per two tokens in agenda text: room for that, so the array rarely grows.
        hits.reserveCapacity(tokens.count / 2 + 4)
        // Active partial phrases: (trie node, first token).
        var active: [(node: Int32, first: Int)] = []
        var nextActive: [(node: Int32, first: Int)] = []
        // Room for a few phrases under way at once: the two arrays swap each token, and grew by turns otherwise.
        active.reserveCapacity(8)
        nextActive.reserveCapacity(8)
        var ids: [Int32] = []
        // The token's glob ids are `pool[idStart..<idEnd]`: with word ids, the cache's pool at the word's place in
        // `known`, both taken from the cache for the pass (read as locals: a class's array property was retained and
        // released per token) and handed back at the end; without word ids, each token's ids are put after the pool's
        // end for the step and dropped again.
        let byWord = cache != nil && words != nil
        var pool: [Int32] = [], known: [(start: Int32, count: Int32)] = []
        if byWord, let cache { swap(&pool, &cache.pool); swap(&known, &cache.byWord) }
        defer { if byWord, let cache { swap(&pool, &cache.pool); swap(&known, &cache.byWord) } }
        let poolCount = pool.count, tokenWords = words ?? []
        // By index, not `for (position, token) in tokens.enumerated()`: that copied every token (and retained its form).
        for position in tokens.indices {
            var idStart = pool.count, idEnd = pool.count
            if byWord {
                let word = Int(tokenWords[position])
                if word >= known.count || known[word].start < 0 {
                    wordIDs(tokens[position].form, into: &ids)
                    if word >= known.count { known.append(contentsOf: repeatElement((start: Int32(-1), count: Int32(0)), count: word + 1 - known.count)) }
                    known[word] = (Int32(pool.count), Int32(ids.count))
                    pool.append(contentsOf: ids)
                }
                let (start, count) = known[word]
                idStart = Int(start)
                idEnd = idStart + Int(count)
            } else {
                if let cache {
                    if let known = cache.ids[tokens[position].form] {
                        ids = known
                    } else {
                        wordIDs(tokens[position].form, into: &ids)
                        cache.ids[tokens[position].form] = ids
                    }
                } else {
                    wordIDs(tokens[position].form, into: &ids)
                }
                if pool.count > poolCount { pool.removeLast(pool.count - poolCount) }
                idStart = pool.count
                pool.append(contentsOf: ids)
                idEnd = pool.count
            }
            // Nearly always empty already (no phrase under way): `removeAll` of an empty array was a generic call per token.
            if !nextActive.isEmpty { nextActive.removeAll(keepingCapacity: true) }
            if idStart < idEnd {
                if tokens[position].joinsPrevious {
                    for state in active {
                        for k in idStart..<idEnd {
                            guard let child = phraseChildren[Int(state.node)][pool[k]] else { continue }
                            nextActive.append((child, state.first))
                        }
                    }
                }
                for k in idStart..<idEnd {
                    let id = pool[k]
                    let child = Int(id) < rootChildren.count ? rootChildren[Int(id)] : -1
                    guard child >= 0 else { continue }
                    nextActive.append((child, position))
                }
                for state in nextActive {
                    // By index: iterating the node's entries with for-in retained and released its array per state.
                    let node = Int(state.node), count = phraseEntries[node].count
                    var k = 0
                    while k < count {
                        hits.append(Hit(entry: Int(phraseEntries[node][k]), first: state.first, last: position))
                        k += 1
                    }
                }
            }
            swap(&active, &nextActive)
        }
        return hits
    }
}
