/// The text model: an immutable document made of passages that keep their
/// exact place in the extracted plain text and in the source file.
///
/// Offsets (`start`, `end`) count Unicode scalars (code points) of
/// `Document.text`, end exclusive, so `text[start..<end]` is the passage.
/// The extracted text is LF-only; blocks (headings, paragraphs, list items,
/// table rows) are separated by a blank line, and the passages an overlong
/// block is cut into by the space between them. `line` is the 1-based line
/// in the source file where the passage begins (for an overlong paragraph
/// cut into several passages, see `Document.maximumPassageLength`, where the
/// paragraph begins).

public enum BlockKind: String, Sendable, Codable, CaseIterable {
    case heading
    case paragraph
    case listItem = "list-item"
    case tableRow = "table-row"
}

/// A block as a reader produces it, before offsets are assigned.
public struct Block: Sendable, Equatable {
    public var kind: BlockKind
    public var text: String
    /// Heading level 1...6 for headings, otherwise 0.
    public var level: Int
    /// 1-based line in the source where the block begins (0 when unknown).
    public var line: Int
    /// 1-based page where the block begins; nil for formats without pages (text, HTML, Word).
    public var page: Int?

    public init(kind: BlockKind, text: String, level: Int = 0, line: Int = 0, page: Int? = nil) {
        self.kind = kind
        self.text = text
        self.level = level
        self.line = line
        self.page = page
    }
}

public struct Passage: Sendable, Equatable, Identifiable {
    /// Stable within a document: `p1`, `p2`, ... in reading order.
    public let id: String
    public let kind: BlockKind
    public let start: Int
    public let end: Int
    public let line: Int
    /// The headings above the passage, outermost first.
    public let section: [String]
    public let text: String
    /// 1-based page where the passage begins (PDF); nil when the source has no pages.
    public let page: Int?

    public init(id: String, kind: BlockKind, start: Int, end: Int, line: Int, section: [String], text: String, page: Int? = nil) {
        self.id = id
        self.kind = kind
        self.start = start
        self.end = end
        self.line = line
        self.section = section
        self.text = text
        self.page = page
    }
}

public struct Heading: Sendable, Equatable {
    public let text: String
    public let level: Int
    public let start: Int
    public let end: Int
    public let line: Int
}

public enum SourceFormat: String, Sendable, Codable {
    case plainText = "text"
    case xhtml
    case html
    case docx
    case pdf
}

public struct Document: Sendable {
    /// The path as given by the user.
    public let path: String
    public let title: String
    public let format: SourceFormat
    /// The extracted plain text the offsets refer to: the blocks' texts joined by blank lines. It is put together
    /// when asked, not kept: the passages and headings hold the same characters (a long document held its text
    /// twice, a byte of memory per byte of input).
    public var text: String {
        var text = ""
        text.reserveCapacity(utf8Count)
        var heading = 0, passage = 0
        for (index, count) in layout.enumerated() {
            if index > 0 { text += "\n\n" }
            guard count >= 0 else {
                text += headings[heading].text
                heading += 1
                continue
            }
            if let left = omitted[index] {
                text += left[0]
                for piece in 0..<Int(count) {
                    text += passages[passage + piece].text
                    text += left[piece + 1]
                }
            } else {
                text += passages[passage].text
            }
            passage += Int(count)
        }
        return text
    }
    /// The length of `text` in UTF-8 bytes.
    public let utf8Count: Int
    public let passages: [Passage]
    public let headings: [Heading]
    /// Non-fatal remarks from ingest, e.g. a detected Windows-1252 encoding.
    public let warnings: [IngestWarning]
    /// Per block, in reading order: -1 for a heading (the next of `headings`), else the number of passages it gave
    /// (the next ones of `passages`).
    private let layout: [Int32]
    /// For each block longer than `maximumPassageLength`, by its index in `layout`: the whitespace its
    /// passages leave out (before the first, between each two, after the last; one more than its passages).
    private let omitted: [Int: [String]]

    public init(path: String, title: String, format: SourceFormat, blocks: [Block], warnings: [IngestWarning] = []) {
        var passages: [Passage] = []
        var headings: [Heading] = []
        var layout: [Int32] = []
        var omitted: [Int: [String]] = [:]
        var sectionStack: [(level: Int, text: String)] = []
        // The headings above, made once per heading and shared by the passages under it (not an array per passage).
        var section: [String] = []
        // Offsets in scalars and the length in bytes of the text the blocks make, joined by blank lines.
        var scalars = 0, bytes = 0
        passages.reserveCapacity(blocks.count)
        layout.reserveCapacity(blocks.count)
        for block in blocks {
            let text = block.text
            guard !text.isEmpty else { continue }
            if !layout.isEmpty {
                scalars += 2
                bytes += 2
            }
            let start = scalars
            scalars += text.scalarCount
            bytes += text.utf8.count
            let end = scalars
            switch block.kind {
            case .heading:
                headings.append(Heading(text: text, level: block.level, start: start, end: end, line: block.line))
                while let last = sectionStack.last, last.level >= block.level { sectionStack.removeLast() }
                sectionStack.append((block.level, text))
                section = sectionStack.map(\.text)
                layout.append(-1)
            case .paragraph, .listItem, .tableRow:
                let pieces = Self.pieces(of: text, length: end - start, maximum: Self.maximumPassageLength)
                if end - start > Self.maximumPassageLength {
                    omitted[layout.count] = Self.whitespace(of: text, around: pieces, length: end - start)
                }
                for piece in pieces {
                    passages.append(Passage(
                        id: "p\(passages.count + 1)", kind: block.kind, start: start + piece.start, end: start + piece.end,
                        line: block.line, section: section, text: piece.text, page: block.page))
                }
                layout.append(Int32(pieces.count))
            }
        }
        self.path = path
        self.title = title
        self.format = format
        self.utf8Count = bytes
        self.passages = passages
        self.headings = headings
        self.warnings = warnings
        self.layout = layout
        self.omitted = omitted
    }

    /// The characters of a block's `text` (`length` scalars) that its `pieces` leave out: before the first, between
    /// each two, after the last (all of it when there is no piece). One walk over the text.
    static func whitespace(of text: String, around pieces: [(start: Int, end: Int, text: String)], length: Int) -> [String] {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex, offset = 0
        func advance(to target: Int) {
            while offset < target {
                index = scalars.index(after: index)
                offset += 1
            }
        }
        var left: [String] = []
        var gapStart = index
        for piece in pieces {
            advance(to: piece.start)
            left.append(String(scalars[gapStart..<index]))
            advance(to: piece.end)
            gapStart = index
        }
        advance(to: length)
        left.append(String(scalars[gapStart..<index]))
        return left
    }

    /// A paragraph, list item or table row longer than this many Unicode
    /// scalars becomes several passages of at most this length, cut after a
    /// sentence end where there is one (else at a space, else hard). The
    /// extracted text stays as it was: the pieces are consecutive ranges of
    /// it, the spaces between them belong to no passage, and each piece keeps
    /// the block's line and section. Without this a 50 MB paragraph would be
    /// one passage, and every per-passage step (tokens, hits, the cycle
    /// checks) would hold and search all of it at once.
    public static let maximumPassageLength = 10_000

    /// The exact characters of a range of the extracted text.
    public func slice(_ start: Int, _ end: Int) -> String { text.scalarSlice(start, end) }

    /// The file name of `path`, without its folders.
    public var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }

    /// The file name without its extension: how reports name the agenda.
    public var displayName: String {
        let name = fileName
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }
}

extension Document {
    /// Cuts a block's text (`length` scalars) into ranges of at most
    /// `maximum` scalars, relative to the block's start. Preferred cut: after
    /// `.`, `!`, `?` or `…` (and any closing quote or bracket) before a space
    /// and a capital, digit or opening quote; then after such punctuation
    /// before any space; then at any space; without any space, at `maximum`.
    /// Whitespace between two pieces is left out of both.
    static func pieces(of text: String, length: Int, maximum: Int) -> [(start: Int, end: Int, text: String)] {
        guard length > maximum, maximum > 0 else { return [(0, length, text)] }
        typealias Cut = (index: String.UnicodeScalarView.Index, offset: Int)
        let scalars = text.unicodeScalars
        var result: [(start: Int, end: Int, text: String)] = []
        var pieceStart: Cut = (scalars.startIndex, 0)
        func skipWhitespace(_ cut: inout Cut) {
            while cut.index != scalars.endIndex, scalars[cut.index].isWhitespaceFast {
                cut.index = scalars.index(after: cut.index)
                cut.offset += 1
            }
        }
        skipWhitespace(&pieceStart)
        while length - pieceStart.offset > maximum {
            var sentence: Cut?, punctuation: Cut?, space: Cut?
            var wordEnd: Cut?
            var afterTerminal = false
            var position = pieceStart
            let limit = pieceStart.offset + maximum
            while position.offset < limit {
                let scalar = scalars[position.index]
                let next = scalars.index(after: position.index)
                if scalar.isWhitespaceFast {
                    if let end = wordEnd {
                        space = end
                        if afterTerminal {
                            punctuation = end
                            if next != scalars.endIndex, opensSentence(scalars[next]) { sentence = end }
                        }
                    }
                } else {
                    switch scalar {
                    case ".", "!", "?", "…": afterTerminal = true
                    case ")", "]", "\"", "'", "”", "’", "»": break
                    default: afterTerminal = false
                    }
                    wordEnd = (next, position.offset + 1)
                }
                position = (next, position.offset + 1)
            }
            let cut = sentence ?? punctuation ?? space ?? position
            result.append((pieceStart.offset, cut.offset, String(scalars[pieceStart.index..<cut.index])))
            pieceStart = cut
            skipWhitespace(&pieceStart)
        }
        if pieceStart.offset < length {
            var end: Cut = (scalars.endIndex, length)
            // Trailing whitespace is not part of the last piece.
            while end.offset > pieceStart.offset {
                let previous = scalars.index(before: end.index)
                guard scalars[previous].isWhitespaceFast else { break }
                end = (previous, end.offset - 1)
            }
            result.append((pieceStart.offset, end.offset, String(scalars[pieceStart.index..<end.index])))
        }
        return result
    }

    /// A capital, a digit or an opening quote or bracket: what a new sentence starts with.
    private static func opensSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "A"..."Z", "(", "[", "\"", "'", "“", "‘", "«": return true
        default: return scalar.value >= 0x80 && scalar.properties.isUppercase
        }
    }
}

public struct IngestWarning: Sendable, Equatable, Codable {
    public let code: String
    public let detail: String
}

/// A string with the index of every Unicode scalar, so slices by scalar
/// offset cost their length, not a walk from the start.
/// The index is built on the first slice, so a passage without hits never pays for it.
final class ScalarIndexedText {
    let text: String
    /// The UTF-8 offset of each scalar and of the end (4 bytes a scalar, not a 16-byte `String.Index`);
    /// empty when the text is ASCII, where scalar and byte offsets are the same.
    private lazy var offsets: [Int32] = {
        var text = text
        return text.withUTF8 { utf8 in
            let count = utf8.count
            guard let base = utf8.baseAddress else { return [] }
            // ASCII (eight bytes at a time with no high bit set): no index.
            var index = 0
            while index + 8 <= count, !ByteWord.hasHighByte(ByteWord.load(base, index)) {
                index += 8
            }
            while index < count, base[index] < 0x80 { index += 1 }
            guard index < count else { return [] }
            // Written straight into the array's storage (an append per scalar checked capacity and uniqueness).
            return [Int32](unsafeUninitializedCapacity: count + 1) { offsets, initialized in
                var scalars = 0
                for offset in 0..<count where base[offset] & 0xC0 != 0x80 {
                    offsets[scalars] = Int32(offset)
                    scalars += 1
                }
                offsets[scalars] = Int32(count)
                initialized = scalars + 1
            }
        }
    }()

    init(_ text: String) {
        self.text = text
    }

    /// The number of scalars (remembered: the rules ask it for every slice).
    private(set) lazy var count: Int = offsets.isEmpty ? text.utf8.count : offsets.count - 1

    @inline(__always)
    private func utf8Index(_ scalarOffset: Int) -> String.Index {
        let utf8 = text.utf8
        return utf8.index(utf8.startIndex, offsetBy: utf8Offset(scalarOffset))
    }

    /// No index (ASCII text), remembered: asking the lazy `offsets` retained and released the array at every offset.
    private lazy var isASCII: Bool = offsets.isEmpty

    @inline(__always)
    private func utf8Offset(_ scalarOffset: Int) -> Int {
        if isASCII { return scalarOffset }
        return offsets.withUnsafeBufferPointer { Int($0[scalarOffset]) }
    }

    /// The scalar at `offset` (relative to the text), or nil outside it.
    func scalar(at offset: Int) -> Unicode.Scalar? {
        offset >= 0 && offset < count ? text.unicodeScalars[utf8Index(offset)] : nil
    }

    /// The scalars `from..<to`, clamped to the text.
    func slice(_ from: Int, _ to: Int) -> String {
        let count = self.count
        let lower = max(0, min(count, from)), upper = max(lower, min(count, to))
        let start = utf8Offset(lower), end = utf8Offset(upper)
        // The bytes between two scalar boundaries, copied straight from the string's storage.
        if let slice = text.utf8.withContiguousStorageIfAvailable({
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
        }) {
            return slice
        }
        return String(decoding: text.utf8[utf8Index(lower)..<utf8Index(upper)], as: UTF8.self)
    }
}

extension String {
    /// `unicodeScalars.count`, counted on the UTF-8 bytes: every byte that is not a continuation byte starts a scalar.
    var scalarCount: Int {
        var copy = self
        return copy.withUTF8 { bytes in
            // Counted as bytes minus continuation bytes (10xxxxxx), eight bytes at a time: in each byte of
            // `word & ~(word << 1)` the high bit is bit 7 and not bit 6.
            let count = bytes.count
            var continuations = 0, index = 0
            if let base = bytes.baseAddress {
                while index + 8 <= count {
                    let word = ByteWord.load(base, index)
                    continuations += (word & ~(word << 1) & ByteWord.highs).nonzeroBitCount
                    index += 8
                }
            }
            while index < count {
                if bytes[index] & 0xC0 == 0x80 { continuations += 1 }
                index += 1
            }
            return count - continuations
        }
    }

    /// The characters between two Unicode scalar offsets ("" when out of range).
    func scalarSlice(_ start: Int, _ end: Int) -> String {
        let scalars = unicodeScalars
        guard start >= 0, end >= start,
              let from = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex),
              let to = scalars.index(from, offsetBy: end - start, limitedBy: scalars.endIndex)
        else { return "" }
        return String(scalars[from..<to])
    }
}
