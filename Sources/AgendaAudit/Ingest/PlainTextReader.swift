/// Splits plain text (typed, exported from Word or extracted from PDF) into
/// blocks: headings, paragraphs, list items and table rows.
///
/// - Blank lines separate blocks; a bullet (`-`, `•`, `*`, `–`) or numbered
///   (`1.`, `2)`, `a)`) line starts a list item.
/// - Hard-wrapped lines are joined; a word hyphenated across a line break
///   (`werkge-` / `vers`) is joined without the hyphen.
/// - Page headers and footers (`pagina 2 van 3`, lines repeated on every
///   page) are dropped.
/// - Lines with tabs or `|` between cells are table rows.
enum PlainTextReader {
    /// `detectChrome: false` when the caller has removed page headers,
    /// footers and tables of contents itself (the PDF reader, which knows the pages).
    static func blocks(from raw: String, detectChrome: Bool = true) -> [Block] {
        let lines = splitLines(raw)
        let chrome = detectChrome ? pageChrome(lines) : []
        var blocks: [Block] = []
        var current: (kind: BlockKind, lines: [String], line: Int)?

        func flush() {
            guard let block = current else { return }
            current = nil
            let text = joinWrapped(block.lines)
            guard !text.isEmpty else { return }
            blocks.append(Block(kind: block.kind, text: text, line: block.line))
        }

        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            if chrome.contains(index) { continue }
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty {
                flush()
                continue
            }
            if let cells = tableCells(rawLine) {
                flush()
                blocks.append(Block(kind: .tableRow, text: cells.joined(separator: " | "), line: lineNumber))
                continue
            }
            let next = nextContentLine(lines, after: index, skipping: chrome)
            if let marker = listMarker(line) {
                let rest = String(line.dropFirst(marker.length)).trimmingWhitespace()
                if marker.numbered, current == nil, let level = headingLevel(line, next: next) {
                    blocks.append(Block(kind: .heading, text: headingText(line), level: level, line: lineNumber))
                    continue
                }
                flush()
                current = (.listItem, [rest], lineNumber)
                continue
            }
            if current == nil, let level = headingLevel(line, next: next) {
                blocks.append(Block(kind: .heading, text: headingText(line), level: level, line: lineNumber))
                continue
            }
            if current == nil {
                current = (.paragraph, [line], lineNumber)
            } else {
                current!.lines.append(line)
            }
        }
        flush()
        return blocks
    }

    // MARK: Lines

    /// Lines split at LF, CR, CRLF, form feed, U+2028, U+2029 and NEL;
    /// each line is copied in one piece.
    static func splitLines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            // Each line's bytes lie between scalar boundaries of valid UTF-8, so decoding them copies them as they are.
            func line(_ from: Int, _ to: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
            }
            let count = bytes.count
            var lineStart = 0
            var previousWasCR = false
            var index = 0
            while index < count {
                // Eight bytes at a time while none is a control byte or starts a multi-byte scalar (no line break among
                // them): each would take the `default` branch below.
                if index + 8 <= count, let base = bytes.baseAddress {
                    let word = ByteWord.load(base, index)
                    if (ByteWord.below(0x20, word) | word) & ByteWord.highs == 0 {
                        previousWasCR = false
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                switch byte {
                case 0x0D:
                    lines.append(line(lineStart, index))
                    lineStart = index + 1
                    previousWasCR = true
                    index += 1
                    continue
                case 0x0A:
                    if !previousWasCR { lines.append(line(lineStart, index)) }
                    lineStart = index + 1
                case 0x0C:
                    lines.append(line(lineStart, index))
                    lineStart = index + 1
                case 0xC2 where index + 1 < count && bytes[index + 1] == 0x85:  // NEL
                    lines.append(line(lineStart, index))
                    lineStart = index + 2
                    index += 1
                case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028, U+2029
                    lines.append(line(lineStart, index))
                    lineStart = index + 3
                    index += 2
                default:
                    break
                }
                previousWasCR = false
                index += 1
            }
            if lineStart != count { lines.append(line(lineStart, count)) }
            return lines
        }
    }

    /// Whether any scalar of `text` has a numeric type (ASCII: the digits; other scalars: their property).
    private static func containsNumeric(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                if scalar.value >= 0x30 && scalar.value <= 0x39 { return true }
            } else if scalar.properties.numericType != nil {
                return true
            }
        }
        return false
    }

    /// Eight bytes at a time (no high bit set), then byte by byte.
    private static func isASCII(_ text: String) -> Bool {
        !ByteWord.anyByte(in: text, word: ByteWord.hasHighByte, byte: { $0 >= 0x80 })
    }

    /// Whether `line` has at most `limit` characters (`line.count <= limit`), walking its characters only when
    /// its bytes do not decide: it has no more characters than bytes, and between two ASCII bytes other than CR LF
    /// there is always a character boundary (Unicode's rule GB999; nothing joins two ASCII scalars but CR LF), so
    /// those boundaries plus one are at most its characters.
    static func hasAtMostCharacters(_ line: String, _ limit: Int) -> Bool {
        if line.utf8.count <= limit { return true }
        var copy = line
        let more = copy.withUTF8 { bytes -> Bool in
            // Stops as soon as `limit` boundaries (so more than `limit` characters) are found.
            var boundaries = 0, index = 0
            while index + 1 < bytes.count {
                let this = bytes[index], next = bytes[index + 1]
                if this < 0x80 && next < 0x80 && !(this == 0x0D && next == 0x0A) {
                    boundaries += 1
                    if boundaries >= limit { return true }
                }
                index += 1
            }
            return false
        }
        if more { return false }
        return line.dropFirst(limit).isEmpty
    }

    /// Whether `text`'s UTF-8 holds `byte` (an ASCII byte), without walking the string's views.
    /// Eight bytes at a time (an exact test: some byte XOR the wanted one is zero), then byte by byte.
    static func containsByte(_ text: String, _ byte: UInt8, or other: UInt8) -> Bool {
        ByteWord.anyByte(in: text, word: { ByteWord.equal(byte, $0) | ByteWord.equal(other, $0) != 0 },
                         byte: { $0 == byte || $0 == other })
    }

    private static func nextContentLine(_ lines: [String], after index: Int, skipping chrome: Set<Int>) -> String? {
        var next = index + 1
        while next < lines.count, chrome.contains(next) { next += 1 }
        guard next < lines.count else { return nil }
        return lines[next].trimmingWhitespace()
    }

    /// Joins the lines of one block; undoes hyphenation at line ends.
    static func joinWrapped(_ lines: [String]) -> String {
        var result = ""
        for line in lines {
            let piece = line.collapsingWhitespace()
            if piece.isEmpty { continue }
            if result.isEmpty {
                result = piece
                continue
            }
            let scalars = result.unicodeScalars
            if scalars.last == "-", scalars.count >= 2,
               scalars[scalars.index(scalars.endIndex, offsetBy: -2)].properties.isAlphabetic,
               let first = piece.unicodeScalars.first, first.properties.isLowercase {
                result.unicodeScalars.removeLast()
                result += piece
            } else {
                result += " " + piece
            }
        }
        return result
    }

    // MARK: Page headers and footers

    /// Lines that are page numbers or headers repeated across pages.
    static func pageChrome(_ lines: [String]) -> Set<Int> {
        var chrome = Set<Int>()
        var shapes: [String: [Int]] = [:]
        for (index, raw) in lines.enumerated() {
            // 120 characters take at most 480 bytes: longer lines are prose.
            guard raw.utf8.count <= 480 else { continue }
            let line = raw.trimmingWhitespace()
            // At most 120 bytes are at most 120 characters; only longer lines are counted.
            // An ASCII line (no CR or LF inside) has as many characters as bytes.
            guard !line.isEmpty, line.utf8.count <= 120 || !isASCII(line) && hasAtMostCharacters(line, 120) else { continue }
            if isPageNumberLine(line) || isTableOfContentsLine(line) {
                chrome.insert(index)
                continue
            }
            if containsNumeric(line) {
                shapes[shape(of: line), default: []].append(index)
            }
        }
        for (_, indices) in shapes where indices.count >= 3 {
            chrome.formUnion(indices)
        }
        return chrome
    }

    private static func shape(of line: String) -> String {
        // ASCII: lower-cased bytes with each run of digits as '#' (the only ASCII scalars with a numeric type).
        if isASCII(line) {
            var out: [UInt8] = []
            out.reserveCapacity(line.utf8.count)
            var lastWasDigit = false
            for byte in line.utf8 {
                if byte >= 0x30 && byte <= 0x39 {
                    if !lastWasDigit { out.append(0x23) }
                    lastWasDigit = true
                } else {
                    out.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
                    lastWasDigit = false
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        var lastWasDigit = false
        for scalar in line.lowercased().unicodeScalars {
            if scalar.properties.numericType != nil {
                if !lastWasDigit { out.append("#") }
                lastWasDigit = true
            } else {
                out.append(scalar)
                lastWasDigit = false
            }
        }
        return String(out)
    }

    /// "12", "- 3 -", "pagina 2", "Pagina 2 van 5", "page 4 of 9", "2 / 7",
    /// or a longer header line ending in such an expression.
    static func isPageNumberLine(_ line: String) -> Bool {
        // A line ending in an ASCII character other than a digit, a space, a tab, '-' or '|' ends in a word that is
        // no number and no dash, so none of the forms below can match.
        if let last = line.utf8.last, last < 0x80, !(last >= 0x30 && last <= 0x39),
           last != 0x20, last != 0x09, last != 0x2D, last != 0x7C { return false }
        if isASCII(line) { return isASCIIPageNumberLine(Array(line.utf8)) }
        let words = line.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let isNumber: (String) -> Bool = { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        let stripped = words.filter { $0 != "-" && $0 != "–" && $0 != "|" }
        if stripped.count == 1, isNumber(stripped[0]) { return true }
        if stripped.count == 3, isNumber(stripped[0]), ["/", "van", "of"].contains(stripped[1]), isNumber(stripped[2]) {
            return true
        }
        for (index, word) in words.enumerated() where word == "pagina" || word == "page" || word == "blz." || word == "p." {
            guard index + 1 < words.count, isNumber(words[index + 1]) else { continue }
            // The page expression must end the line: "pagina 2" or "pagina 2 van 5".
            let tail = words.count - (index + 2)
            if tail == 0 { return true }
            if tail == 2, ["van", "of", "/"].contains(words[index + 2]), isNumber(words[index + 3]) { return true }
        }
        return false
    }

    /// `isPageNumberLine` for an ASCII line (one character per byte, no line break inside), on its bytes: the same
    /// words (split at spaces and tabs, lower-cased), the same tests, without making strings.
    private static func isASCIIPageNumberLine(_ bytes: [UInt8]) -> Bool {
        var words: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            let start = index
            while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x09 { index += 1 }
            if index > start { words.append(start..<index) }
        }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }
        func isNumber(_ word: Range<Int>) -> Bool { !word.isEmpty && word.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 } }
        func equals(_ word: Range<Int>, _ text: StaticString) -> Bool {
            text.withUTF8Buffer { expected in
                expected.count == word.count && zip(word, expected).allSatisfy { lower(bytes[$0]) == $1 }
            }
        }
        let stripped = words.filter { !equals($0, "-") && !equals($0, "|") }
        if stripped.count == 1, isNumber(stripped[0]) { return true }
        if stripped.count == 3, isNumber(stripped[0]), equals(stripped[1], "/") || equals(stripped[1], "van") || equals(stripped[1], "of"),
           isNumber(stripped[2]) {
            return true
        }
        for (index, word) in words.enumerated() where equals(word, "pagina") || equals(word, "page") || equals(word, "blz.") || equals(word, "p.") {
            guard index + 1 < words.count, isNumber(words[index + 1]) else { continue }
            let tail = words.count - (index + 2)
            if tail == 0 { return true }
            if tail == 2, equals(words[index + 2], "van") || equals(words[index + 2], "of") || equals(words[index + 2], "/"),
               isNumber(words[index + 3]) { return true }
        }
        return false
    }

    /// Whether `bytes` hold the ASCII `needle`.
    private static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { pattern in
            guard !pattern.isEmpty, bytes.count >= pattern.count else { return false }
            outer: for start in 0...(bytes.count - pattern.count) {
                for offset in 0..<pattern.count where bytes[start + offset] != pattern[offset] { continue outer }
                return true
            }
            return false
        }
    }

    /// "3.2 Samenwerking met partners ........ 14": a line of a table of contents.
    static func isTableOfContentsLine(_ line: String) -> Bool {
        // A last character that is ASCII, no digit and no space is a single-scalar character and no number.
        if let last = line.utf8.last, last < 0x80, !(last >= 0x30 && last <= 0x39), last != 0x20 { return false }
        if isASCII(line) {
            // One character per byte: the last word (after the last space) must be all digits.
            let bytes = Array(line.utf8)
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
            var start = end
            while start > 0, bytes[start - 1] != 0x20 { start -= 1 }
            guard end > 0, bytes[start..<end].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
            // An ASCII line holds no "…", and its characters are its bytes: the other two searched as bytes.
            return contains(bytes, "....") || contains(bytes, ". . .")
        }
        guard let last = line.split(separator: " ").last, last.allSatisfy(\.isNumber) else { return false }
        return line.contains("....") || line.contains("…") || line.contains(". . .")
    }

    // MARK: Structure

    struct Marker { var length: Int; var numbered: Bool }

    /// A bullet or number at the start of a line, followed by a space.
    static func listMarker(_ line: String) -> Marker? {
        if let marker = asciiListMarker(line) { return marker }
        return listMarkerByScalars(line)
    }

    /// `listMarkerByScalars` for a line whose first six bytes (or all, when fewer) are ASCII, decided on those bytes:
    /// they are then its first six scalars, and among ASCII scalars only the digits have a numeric type and only
    /// `-`, `*` and `o` are bullets. Nil when a byte among them is not ASCII (the caller asks the scalars). The scalar
    /// version made an array of the scalars and one of the bullets and asked each scalar's numeric type per line.
    private static func asciiListMarker(_ line: String) -> Marker?? {
        var line = line
        return line.withUTF8 { bytes -> Marker?? in
            let count = min(bytes.count, 6)
            for index in 0..<count where bytes[index] >= 0x80 { return nil }
            guard count > 0 else { return .some(nil) }
            let first = bytes[0]
            if first == 0x2D || first == 0x2A || first == 0x6F {
                if count > 1, bytes[1] == 0x20 || bytes[1] == 0x09 { return .some(Marker(length: 2, numbered: false)) }
                return .some(nil)
            }
            var index = 0
            while index < count, index < 3, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
            if index == 0, count > 1, first >= 0x61 && first <= 0x7A, bytes[1] == 0x29 { index = 1 }
            guard index > 0, index + 1 < count, bytes[index] == 0x2E || bytes[index] == 0x29,
                  bytes[index + 1] == 0x20 || bytes[index + 1] == 0x09 else { return .some(nil) }
            return .some(Marker(length: index + 2, numbered: true))
        }
    }

    /// The same, on the first six scalars (any line).
    static func listMarkerByScalars(_ line: String) -> Marker? {
        // A marker is at most three digits and two more scalars: a long line is not copied whole.
        let scalars = Array(line.unicodeScalars.prefix(6))
        guard let first = scalars.first else { return nil }
        if ["-", "•", "*", "–", "—", "▪", "◦", "·", "o", "‣", "►", "✓"].contains(first) {
            if scalars.count > 1, scalars[1] == " " || scalars[1] == "\t" { return Marker(length: 2, numbered: false) }
            return nil
        }
        // 1. / 1) / 12. / a) / a.
        var index = 0
        while index < scalars.count, index < 3, scalars[index].properties.numericType != nil { index += 1 }
        if index == 0, scalars.count > 1, ("a"..."z").contains(scalars[0]), scalars[1] == ")" {
            index = 1
        }
        guard index > 0, index + 1 < scalars.count, scalars[index] == "." || scalars[index] == ")",
              scalars[index + 1] == " " || scalars[index + 1] == "\t" else { return nil }
        return Marker(length: index + 2, numbered: true)
    }

    /// Returns a heading level when the line reads as a heading: markdown
    /// `#`, a numbered section ("2.1 Aanpak"), or a short line without final
    /// punctuation that starts with a capital.
    static func headingLevel(_ line: String, next: String?) -> Int? {
        if line.hasPrefix("#") {
            let level = line.prefix(while: { $0 == "#" }).count
            return (1...6).contains(level) ? level : nil
        }
        // 80 characters take at most 320 bytes: a long line is prose, without counting its words.
        guard line.utf8.count <= 320, hasAtMostCharacters(line, 80) else { return nil }
        let words = line.split(separator: " ")
        guard words.count <= 10, let last = line.unicodeScalars.last else { return nil }
        if ".,;:!?-–(".unicodeScalars.contains(last) { return nil }
        // Two sentences on one line, or a line that runs on in lower case, is prose.
        let body = line.drop(while: { $0.isNumber || $0 == "." }).trimmingWhitespace()
        if body.contains(". ") || body.contains("? ") || body.contains("! ") { return nil }
        if let next, let first = next.unicodeScalars.first, first.properties.isLowercase { return nil }
        if let numbering = sectionNumbering(line) {
            // "3. Activiteiten" directly followed by "4. ..." is a short list, not a heading.
            if let next, listMarker(next)?.numbered == true { return nil }
            return numbering
        }
        if listMarker(line) != nil { return nil }
        guard let first = line.unicodeScalars.first(where: { $0.properties.isAlphabetic }),
              first.properties.isUppercase else { return nil }
        // A lone short line is a heading when text follows it; a last line is not.
        guard next != nil else { return nil }
        return 1
    }

    /// "2 Aanpak", "2. Aanpak", "2.1 Aanpak", "2.1. Aanpak" → depth of the number.
    static func sectionNumbering(_ line: String) -> Int? {
        let head = line.prefix(while: { $0 != " " && $0 != "\t" })
        guard !head.isEmpty, head.first!.isNumber,
              head.allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
        let parts = head.split(separator: ".")
        guard parts.allSatisfy({ $0.count <= 2 }) else { return nil }
        let rest = line.dropFirst(head.count).trimmingWhitespace()
        guard let first = rest.unicodeScalars.first, first.properties.isUppercase else { return nil }
        return min(max(parts.count, 1), 6)
    }

    static func headingText(_ line: String) -> String {
        var text = Substring(line)
        while text.first == "#" { text = text.dropFirst() }
        return String(text).collapsingWhitespace()
    }

    /// Cells of a table row: `a | b | c` or tab-separated columns.
    static func tableCells(_ line: String) -> [String]? {
        guard containsByte(line, 0x7C, or: 0x09) else { return nil }
        let trimmed = line.trimmingWhitespace()
        if trimmed.contains("|") {
            var cells = trimmed.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            if cells.first == "" { cells.removeFirst() }
            if cells.last == "" { cells.removeLast() }
            // A separator row such as |---|---| has no content.
            if cells.allSatisfy({ $0.allSatisfy { "-:= ".contains($0) } }) { return cells.count >= 2 ? [] : nil }
            return cells.count >= 2 ? cells : nil
        }
        if trimmed.contains("\t") {
            let cells = trimmed.split(separator: "\t").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            return cells.count >= 2 ? cells : nil
        }
        return nil
    }
}

extension String {
    /// The same as the `StringProtocol` version, without a scalar-by-scalar
    /// copy: a line with nothing to trim is returned as it is (a 50 MB line
    /// is not copied for every look at it).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespaceFast }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isWhitespaceFast })!
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }

    /// Runs of whitespace (including no-break spaces and tabs) become one
    /// space; soft hyphens and zero-width spaces go. Text between them is
    /// copied in runs, not scalar by scalar.
    func collapsingWhitespace() -> String {
        let text = String(self)
        if text.isCollapsed { return text }
        let scalars = text.unicodeScalars
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var runStart: String.UnicodeScalarView.Index? = nil
        var pendingSpace = false
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let isSpace = scalar.isWhitespaceFast || scalar == "\u{200B}"
            if isSpace || scalar == "\u{AD}" {
                if let start = runStart {
                    out.append(contentsOf: Substring(scalars[start..<index]))
                    runStart = nil
                }
                if isSpace { pendingSpace = !out.isEmpty }
            } else if runStart == nil {
                if pendingSpace { out.append(" "); pendingSpace = false }
                runStart = index
            }
            index = scalars.index(after: index)
        }
        if let start = runStart { out.append(contentsOf: Substring(scalars[start...])) }
        return out
    }
}

extension String {
    /// True when `collapsingWhitespace` would return the text unchanged:
    /// single ASCII spaces between words and none of the scalars it drops
    /// or turns into spaces. A byte scan; anything unusual says false.
    var isCollapsed: Bool {
        var previousWasSpace = true   // a leading space is not collapsed
        var result = true
        var copy = self
        copy.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                // Eight ASCII bytes at a time (0x20-0x7E: no control character or multi-byte scalar) when no space
                // follows a space among them or before them: what the byte loop below would find, in a few operations.
                if index + 8 <= bytes.count, let base = bytes.baseAddress {
                    let word = ByteWord.load(base, index)
                    let ones = ByteWord.ones, highs = ByteWord.highs
                    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
                    // Some byte below 0x20; some byte above 0x7E (exact tests, as in JSONBuffer).
                    let below = (word &- ones &* 0x20) & ~word & highs
                    let above = ((word &+ ones) | word) & highs
                    if below | above == 0 {
                        // The high bit of each byte that is a space (exact, no borrow between bytes).
                        let t = word ^ (ones &* 0x20)
                        let spaces = ~(((t & low7) &+ low7) | t | low7)
                        if spaces & (spaces << 8) == 0 && !(word & 0xFF == 0x20 && previousWasSpace) {
                            previousWasSpace = word >> 56 == 0x20
                            index += 8
                            continue
                        }
                    }
                }
                let byte = bytes[index]
                if byte == 0x20 {
                    if previousWasSpace { result = false; return }
                    previousWasSpace = true
                } else if byte < 0x20 || byte == 0x7F {
                    result = false; return
                } else {
                    previousWasSpace = false
                    // C2 85/A0/AD, E1 9A 80 / E1 A0 8E, E2 80 80-8B/A8/A9/AF, E2 81 9F, E3 80 80.
                    if byte == 0xC2, index + 1 < bytes.count, [0x85, 0xA0, 0xAD].contains(bytes[index + 1]) {
                        result = false; return
                    }
                    if byte == 0xE1 || byte == 0xE3 { result = false; return }
                    if byte == 0xE2, index + 2 < bytes.count {
                        let second = bytes[index + 1], third = bytes[index + 2]
                        if second == 0x80 && (third <= 0x8B || third == 0xA8 || third == 0xA9 || third == 0xAF) {
                            result = false; return
                        }
                        if second == 0x81 && third == 0x9F { result = false; return }
                    }
                }
                index += 1
            }
            if previousWasSpace && !bytes.isEmpty { result = false }
        }
        return result
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace` with the ASCII cases answered without a table lookup.
    @inline(__always)
    var isWhitespaceFast: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }
}
