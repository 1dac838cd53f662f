import Foundation
import Testing
@testable import AgendaAudit

/// The hot paths rewritten for speed (issue 15) give what the plain code gives.
@Suite("Hot paths")
struct HotPathTests {
    /// Tokenizing while interning gives the same tokens as plain tokenizing, and the ids `LanguageCache.id` gives
    /// their forms in token order, over ASCII and other words, repeated words, words longer than the form
    /// buffer's first 64 bytes and more words than the cache's first ASCII table holds.
    @Test func interningTokenizerGivesTheSameTokensAndIDs() {
        let tokenizer = Repo.rubric.tokenizer
        let long = String(repeating: "werkagenda", count: 20)
        let many = (0..<1500).map { "woord\($0)" }.joined(separator: " ")
        let passages = [
            "De werkagenda's van 2024: Geïnformeerd, maar geïnformeerd! Banen banen BANEN en ÆSIR ﬁets Ⱥ-test.",
            "Bijv. 3.500 banen, 29,02 procent; \(long) en \(long.uppercased()) (nog) niet.",
            many,
            "De werkagenda’s van 2024 en banen, \(many.prefix(200)) Straße İstanbul.",
        ]
        let interning = LanguageCache(), afterwards = LanguageCache()
        _ = interning.id("banen")
        _ = afterwards.id("banen")
        for (index, text) in passages.enumerated() {
            var words: [Int32] = [7]
            let tokens = tokenizer.tokens(text, base: index * 10, interningIn: interning, words: &words)
            let plain = tokenizer.tokens(text, base: index * 10)
            #expect(tokens == plain)
            #expect(words.first == 7, "appends to what the caller had")
            #expect(Array(words.dropFirst()) == plain.map { afterwards.id($0.form) })
            #expect(words.dropFirst().map { interning.string($0) } == plain.map(\.form))
        }
        #expect(interning.count == afterwards.count)
        #expect(interning.count > 1500)
        // The String side still finds what the byte side interned, and the other way round.
        #expect(interning.id("geinformeerd") == afterwards.id("geinformeerd"))
        let bytes = Array("woord1499".utf8)
        let found = bytes.withUnsafeBufferPointer { interning.id(ascii: $0) }
        #expect(found.id == interning.id("woord1499"))
        #expect(found.string == "woord1499")
    }

    /// The JSON buffer grows past its capacity, escapes as before and hands its bytes out in pieces.
    @Test func jsonBufferGrowsAndDrains() throws {
        let text = String(repeating: "tekst \"met\" \\ en\n\u{01} é ", count: 300)
        var buffer = JSONBuffer(capacity: 1)
        buffer.beginObject()
        buffer.key("a"); buffer.strings([text, "", "x"])
        buffer.key("b"); buffer.int(-1234567); buffer.key("c"); buffer.double(2.5)
        buffer.key("d"); buffer.beginArray(); buffer.element(); buffer.beginObject(); buffer.endObject(); buffer.endArray()
        buffer.endObject()
        let expected = try JSONSerialization.data(withJSONObject: ["a": [text, "", "x"], "b": -1234567, "c": 2.5, "d": [[String: Int]()]],
                                                  options: [.sortedKeys])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(buffer.bytes)) as? NSDictionary)
        #expect(parsed == (try JSONSerialization.jsonObject(with: expected) as? NSDictionary))
        #expect(buffer.count == buffer.bytes.count)
        // Drained in two pieces, the bytes are those written in one.
        var pieces = JSONBuffer(capacity: 16)
        var drained: [UInt8] = []
        pieces.beginArray()
        pieces.element(); pieces.string(text)
        pieces.drain { drained.append(contentsOf: $0) }
        #expect(pieces.count == 0)
        pieces.element(); pieces.string("x")
        pieces.endArray()
        pieces.drain { drained.append(contentsOf: $0) }
        var whole = JSONBuffer()
        whole.strings([text, "x"])
        #expect(drained == whole.bytes)
    }

    /// The eight-bytes-at-a-time scans count and find what the scalar and byte views do, at every position of the
    /// eight-byte words and in the tail after them.
    @Test func byteScansAgreeWithTheViews() {
        var samples = ["", "a", "geïnformeerd – 2024 werkagenda’s", "\u{1F600}x\u{301}é\tß", String(repeating: "é", count: 9)]
        for length in 0..<20 {
            for position in 0..<length {
                var scalars = Array(repeating: "é", count: length)
                scalars[position] = position % 2 == 0 ? "|" : "\t"
                samples.append(scalars.joined())
                samples.append(String(repeating: "x", count: length - position) + "|" + String(repeating: "\u{1F600}", count: position))
            }
            samples.append(String(repeating: "x", count: length))
        }
        for sample in samples {
            #expect(sample.scalarCount == sample.unicodeScalars.count, "\(sample)")
            #expect(PlainTextReader.containsByte(sample, 0x7C, or: 0x09) == sample.utf8.contains { $0 == 0x7C || $0 == 0x09 }, "\(sample)")
            #expect(PlainTextReader.containsByte(sample, 0x78, or: 0x78) == sample.utf8.contains(0x78), "\(sample)")
        }
    }

    /// A period after an abbreviation does not end the sentence, after any other word it does (the ASCII pre-checks
    /// on length and first byte, and the plain set for abbreviations that are not all ASCII); a clause word opens a clause.
    @Test func abbreviationsAndClauseWordsAfterTheByteChecks() {
        let ascii = Tokenizer(abbreviations: ["bijv", "zgn", "blz"], clauseWords: ["maar", "en"])
        let tokens = ascii.tokens("Zie bijv. pagina 3 en blz. 4. Daarna volgt bijvoorbeeld. Iets maar niet zgn. anders. Bij. Z. Blzn. x")
        #expect(tokens.map(\.form) == ["zie", "bijv", "pagina", "3", "en", "blz", "4", "daarna", "volgt", "bijvoorbeeld", "iets", "maar",
                                       "niet", "zgn", "anders", "bij", "z", "blzn", "x"])
        #expect(tokens.map(\.sentence) == [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 3, 4, 5, 6])
        #expect(tokens[4].clause == tokens[3].clause + 1 && tokens[11].clause == tokens[10].clause + 1)
        #expect(tokens[2].clause == tokens[1].clause && tokens[14].clause == tokens[13].clause)
        let other = Tokenizer(abbreviations: ["πχ", "ca"], clauseWords: [])
        #expect(other.tokens("Πχ. ca. twee. Een. drie").map(\.sentence) == [0, 0, 0, 1, 2])
    }

    /// The list-marker test on ASCII bytes gives what the test on scalars gives, over every line of up to four
    /// pieces: bullets (ASCII and not), digits (ASCII, superscript, Arabic-Indic), letters, `.`, `)`, space, tab.
    @Test func asciiListMarkersAgreeWithTheScalars() {
        let pieces = ["-", "*", "o", "•", "–", "1", "12", "123", "a", "z", "A", "é", "²", "٣", ".", ")", " ", "\t", "x"]
        var lines = [""]
        for _ in 0..<4 { lines += lines.flatMap { line in pieces.map { line + $0 } } }
        lines = Array(Set(lines)).sorted()
        var markers = 0
        for line in lines + lines.map({ $0 + "tekst" }) {
            let marker = PlainTextReader.listMarker(line), expected = PlainTextReader.listMarkerByScalars(line)
            #expect(marker?.length == expected?.length && marker?.numbered == expected?.numbered, "\(line.debugDescription)")
            if expected != nil { markers += 1 }
        }
        #expect(markers > 100)
        #expect(PlainTextReader.listMarker("12. Doelen")?.length == 4)
        #expect(PlainTextReader.listMarker("o tekst")?.numbered == false)
        #expect(PlainTextReader.listMarker("1234. Jaar") == nil)
    }

    /// The character-count test from the bytes gives `count <= limit` over ASCII, CR LF, combining marks, emoji
    /// sequences and flags, at every length around the limit.
    @Test func characterLimitFromTheBytesAgreesWithCount() {
        let pieces = ["a", " ", "\r\n", "\r", "\n", "e\u{301}", "é", "👍🏽", "🇳🇱", "👨‍👩‍👧", "\u{301}", "x\u{200D}y", "ß"]
        var checked = 0
        for seed in 0..<400 {
            var line = ""
            var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1
            for _ in 0..<(seed % 60) {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                line += pieces[Int(state % UInt64(pieces.count))]
            }
            for limit in [0, 1, 5, 10, 20, 40, 80] {
                #expect(PlainTextReader.hasAtMostCharacters(line, limit) == (line.count <= limit), "\(line.debugDescription) \(limit)")
                checked += 1
            }
        }
        #expect(checked == 2800)
        #expect(PlainTextReader.hasAtMostCharacters(String(repeating: "ab", count: 41), 80) == false)
        #expect(PlainTextReader.hasAtMostCharacters(String(repeating: "e\u{301}", count: 80), 80))
    }

    /// A character to escape is escaped at every position of strings up to 20 bytes long (in the eight-byte words,
    /// in the last eight bytes tested at once, in strings shorter than eight bytes).
    @Test func jsonEscapesAtEveryPosition() {
        for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}"] {
            let escaped = ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\u{01}": "\\u0001", "\u{1F}": "\\u001f"][special]!
            for length in 1...20 {
                for position in 0..<length {
                    let before = String(repeating: "é", count: position / 2) + String(repeating: "a", count: position % 2)
                    let after = String(repeating: "b", count: length - position - 1)
                    var buffer = JSONBuffer(capacity: 16)
                    buffer.string(before + special + after)
                    #expect(String(decoding: buffer.bytes, as: UTF8.self) == "\"" + before + escaped + after + "\"")
                }
                var plain = JSONBuffer(capacity: 16)
                plain.string(String(repeating: "x ", count: length))
                #expect(String(decoding: plain.bytes, as: UTF8.self) == "\"" + String(repeating: "x ", count: length) + "\"")
            }
        }
    }

    /// The scalar index of a passage (built only for text that is not all ASCII) slices what the scalar view slices.
    @Test func scalarIndexSlicesAsTheScalarView() {
        for text in ["", "abc", "werkagenda's 2024", "geïnformeerd", String(repeating: "a", count: 9) + "é", "é" + String(repeating: "b", count: 16),
                     "👍🏽 ß e\u{301} 🇳🇱 x"] {
            let indexed = ScalarIndexedText(text)
            let scalars = Array(text.unicodeScalars)
            #expect(indexed.count == scalars.count)
            for from in 0...scalars.count {
                #expect(indexed.scalar(at: from) == (from < scalars.count ? scalars[from] : nil))
                for to in from...scalars.count {
                    #expect(indexed.slice(from, to) == text.scalarSlice(from, to), "\(text) \(from) \(to)")
                }
            }
        }
    }

    /// Fractional numbers written again come out as the first time (the remembered text is keyed by the exact
    /// value), past the 256 remembered ones too; whole numbers as integers.
    @Test func rememberedFractionsAreWrittenAsFirstSpelled() {
        var buffer = JSONBuffer(capacity: 16)
        var expected = ""
        let values = (0..<300).map { Double($0) / 8 + 0.125 } + [0.1, 0.2, 0.30000000000000004, -0.0, 1e-7, 2.5e20, -1.75]
        for round in 0..<3 {
            for value in values + values.reversed() where round < 2 || value < 3 {
                buffer.double(value); buffer.raw(",")
                expected += (value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : "\(value)") + ","
            }
        }
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == expected)
    }

    /// The eight-byte tests answer as the byte-by-byte ones, for every byte value in every position.
    @Test func byteWordTestsMatchTheBytes() {
        var words: [[UInt8]] = []
        for position in 0..<8 {
            for value in UInt8.min...UInt8.max {
                var bytes = [UInt8](repeating: 0x61, count: 8)
                bytes[position] = value
                words.append(bytes)
            }
        }
        words.append([0x00, 0xFF, 0x20, 0x80, 0x7F, 0x01, 0x5C, 0x22])
        for bytes in words {
            let word = bytes.withUnsafeBufferPointer { ByteWord.load($0.baseAddress!, 0) }
            #expect(ByteWord.hasHighByte(word) == bytes.contains { $0 >= 0x80 })
            for bound: UInt8 in [0x01, 0x0A, 0x20, 0x80] {
                #expect(ByteWord.hasByte(below: bound, in: word) == bytes.contains { $0 < bound }, "\(bytes) below \(bound)")
            }
            for byte: UInt8 in [0x00, 0x22, 0x5C, 0x0A, 0xFF] {
                #expect(ByteWord.hasByte(byte, in: word) == bytes.contains(byte), "\(bytes) has \(byte)")
            }
        }
    }

    /// `UTF8Walk` reads the scalars the scalar view gives, at their byte widths: one-, two-, three- and four-byte
    /// scalars, at the start, the end and next to each other.
    @Test func utf8WalkReadsTheScalarsOfTheView() {
        let texts = ["", "a", "é", "werkagenda’s – “banen” — 2024", "Ⱥ€𝄞😀x", "ﬁets\u{0301}e\u{00A0}?", "𝄞", "日本語 en Straße"]
        for text in texts {
            var read: [Unicode.Scalar] = []
            var widths: [Int] = []
            var copy = text
            copy.withUTF8 { bytes in
                var position = 0
                while position < bytes.count {
                    let (scalar, width) = UTF8Walk.scalar(bytes, at: position)
                    #expect(UTF8Walk.width(bytes[position]) == width)
                    read.append(scalar)
                    widths.append(width)
                    position += width
                }
            }
            #expect(read == Array(text.unicodeScalars), "\(text)")
            #expect(widths == text.unicodeScalars.map { String($0).utf8.count }, "\(text)")
        }
    }

    /// A word's `isNumber` (the language layer's per-word facts) is its tokens' `Token.isNumber`: digits only, not
    /// numbers with separators, letters or other digits.
    @Test func wordInfoIsNumberAsTheToken() {
        let text = "In 2024 zijn 3.500 banen, 29,02 procent, 45 extra (12) werkplekken; ¹¹ 2-diploma en nr 7b."
        let tokens = Repo.rubric.tokenizer.tokens(text)
        let cache = LanguageCache()
        let analyzer = LanguageAnalyzer(lexicon: Repo.rubric.lexicon!)
        #expect(tokens.contains { $0.isNumber } && tokens.contains { !$0.isNumber })
        for token in tokens {
            #expect(analyzer.info(cache.id(token.form), cache: cache).isNumber == token.isNumber, "\(token.form)")
        }
    }

    /// `PartOfSpeech.isVerbForm` is membership in the three verb forms, for every part of speech.
    @Test func isVerbFormIsTheThreeVerbForms() {
        let all: [PassageAnalysis.PartOfSpeech] = [.noun, .properNoun, .finiteVerb, .participle, .infinitive, .number, .function, .other]
        for pos in all {
            #expect(pos.isVerbForm == [.finiteVerb, .participle, .infinitive].contains(pos), "\(pos)")
        }
        #expect(all.filter(\.isVerbForm).count == 3)
    }

    /// `Array(filledWith:count:)` makes what `Array(repeating:count:)` makes, for values, optionals, tuples and arrays,
    /// and a copy written to leaves the original as it was.
    @Test func filledArraysAsRepeating() {
        for count in [0, 1, 2, 7, 100] {
            #expect([Bool](filledWith: false, count: count) == [Bool](repeating: false, count: count))
            #expect([Int](filledWith: -1, count: count) == [Int](repeating: -1, count: count))
            #expect([Int?](filledWith: nil, count: count) == [Int?](repeating: nil, count: count))
            #expect([[Int]](filledWith: [], count: count) == [[Int]](repeating: [], count: count))
            let pairs = [(first: Int32, last: Int32)](filledWith: (-1, -1), count: count)
            #expect(pairs.count == count && pairs.allSatisfy { $0.first == -1 && $0.last == -1 })
        }
        let original = [Int](filledWith: 3, count: 5)
        var copy = original
        copy[2] = 9
        #expect(original == [3, 3, 3, 3, 3] && copy == [3, 3, 9, 3, 3])
    }
}
