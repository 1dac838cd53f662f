import CPoppler
import Foundation

/// Limits against hostile PDFs. Poppler cannot be interrupted inside a
/// call, so the time limit is a deadline checked between pages: a file
/// stops at the first page boundary after it.
public struct PDFLimits: Sendable, Equatable {
    /// More pages than this: refused before any page is read.
    public var maximumPages: Int
    /// More extracted text than this many Unicode scalars: refused.
    public var maximumCharacters: Int
    /// Seconds of text extraction per file.
    public var seconds: Double

    public init(maximumPages: Int = 5_000, maximumCharacters: Int = 50_000_000, seconds: Double = 30) {
        self.maximumPages = maximumPages
        self.maximumCharacters = maximumCharacters
        self.seconds = seconds
    }

    /// What `Ingest.load` uses; the command line sets it once (`--pdf-time-limit`) before a batch.
    public static var current: PDFLimits {
        get { store.withLock { $0 } }
        set { store.withLock { $0 = newValue } }
    }
    private static let store = LockedValue(PDFLimits())
}

/// Why a PDF cannot be audited.
public enum PDFProblem: Sendable, Equatable {
    case notPDF
    case encrypted
    case damaged
    case truncated
    /// No page has text: a scan without a text layer.
    case noText(pages: Int)
    /// More than half of the pages are images without text.
    case mostlyImages(imagePages: Int, pages: Int)
    case tooManyPages(pages: Int, limit: Int)
    case tooMuchText(limit: Int)
    /// The time limit passed after `page` of `pages`.
    case timeLimit(seconds: Double, page: Int, pages: Int)
    /// poppler-glib, loaded at the first PDF, is not installed.
    case readerUnavailable

    func message(_ lang: Language) -> String {
        switch self {
        case .notPDF:
            return lang.pick("geen geldig PDF-bestand (het begint niet met %PDF)", "not a valid PDF file (it does not start with %PDF)")
        case .encrypted:
            return lang.pick("PDF is met een wachtwoord beveiligd (versleuteld); sla het op zonder wachtwoord",
                             "PDF is password-protected (encrypted); save it without a password")
        case .damaged:
            return lang.pick("PDF-bestand is beschadigd en kan niet worden gelezen", "PDF file is damaged and cannot be read")
        case .readerUnavailable:
            return lang.pick("PDF-bestanden kunnen hier niet worden gelezen: de bibliotheek libpoppler-glib ontbreekt; installeer die (Debian: libpoppler-glib8)",
                             "PDF files cannot be read here: the library libpoppler-glib is missing; install it (Debian: libpoppler-glib8)")
        case .truncated:
            return lang.pick("PDF-bestand is afgebroken (het einde ontbreekt); download of kopieer het opnieuw",
                             "PDF file is truncated (its end is missing); download or copy it again")
        case .noText(let pages):
            return lang.pick("bevat geen tekst; is het een scan? (\(pages) \(pages == 1 ? "pagina" : "pagina's") zonder tekstlaag; laat er eerst tekstherkenning (OCR) op los)",
                             "contains no text; is it a scan? (\(pages) \(pages == 1 ? "page" : "pages") without a text layer; run text recognition (OCR) first)")
        case .mostlyImages(let imagePages, let pages):
            return lang.pick("PDF bestaat grotendeels uit afbeeldingen: \(imagePages) van de \(pages) pagina's zijn een afbeelding zonder tekst (een scan?), dus het grootste deel zou niet worden gelezen; laat er eerst tekstherkenning (OCR) op los",
                             "PDF is mostly images: \(imagePages) of its \(pages) pages are an image without text (a scan?), so most of it would not be read; run text recognition (OCR) first")
        case .tooManyPages(let pages, let limit):
            return lang.pick("PDF heeft \(IngestError.grouped(pages, ".")) pagina's, meer dan de grens van \(IngestError.grouped(limit, "."))",
                             "PDF has \(IngestError.grouped(pages, ",")) pages, more than the limit of \(IngestError.grouped(limit, ","))")
        case .tooMuchText(let limit):
            return lang.pick("PDF bevat meer dan \(IngestError.grouped(limit, ".")) tekens tekst", "PDF holds more than \(IngestError.grouped(limit, ",")) characters of text")
        case .timeLimit(let seconds, let page, let pages):
            let shown = Self.seconds(seconds)
            return lang.pick("het lezen van de PDF duurde langer dan \(shown.replacingOccurrences(of: ".", with: ",")) s (gestopt na pagina \(page) van \(pages)); de grens staat met --pdf-time-limit hoger",
                             "reading the PDF took longer than \(shown) s (stopped after page \(page) of \(pages)); --pdf-time-limit sets a higher limit")
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.3g", value)
    }
}

/// A value behind a lock.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

/// Reads the text of a PDF with poppler (poppler-glib), page by page, into
/// the same blocks as the other readers, each with the page it starts on.
///
/// - The bytes are read by `Ingest` (regular files only, size-capped) and
///   handed to poppler from memory: poppler gets no path. Only the pages'
///   text is asked for: nothing is rendered, no link, action, form,
///   attachment or JavaScript is followed.
/// - Reading order is poppler's (its text output without physical layout):
///   the columns of a two-column page come one after the other. Within a
///   line, a horizontal gap wider than one and a half line heights between
///   characters separates table cells, so a table row whose cells sit on one
///   line becomes one `table-row` passage.
/// - Lines become text for `PlainTextReader` (hard wraps joined,
///   hyphenation undone, lists and headings found): a vertical gap larger
///   than half a line, or a jump up the page (the next column), is a
///   paragraph break. A paragraph runs on across a page break when the page
///   ends without a sentence end.
/// - Running headers and footers are removed per page: the first and last
///   two lines of a page when they are a page number ("4", "Pagina 4 van
///   12", "- 4 -") or when the same text is there on at least half of the
///   pages (at least two). Table-of-contents lines ("2. Aanpak ..... 4") go
///   too.
enum PDFReader {
    /// Poppler keeps process-wide settings that its first document creates:
    /// documents are opened one at a time; pages are read in parallel.
    private static let openLock = NSLock()

    struct Line {
        var text: String
        var top: Double
        var bottom: Double
        var isRow: Bool
    }

    static func read(data: Data, limits: PDFLimits) throws(IngestError) -> [Block] {
        if data.isEmpty { throw .empty }
        let head = data.prefix(1024)
        guard head.range(of: Data("%PDF-".utf8)) != nil else { throw .pdf(.notPDF) }
        guard data.suffix(2048).range(of: Data("%%EOF".utf8)) != nil else { throw .pdf(.truncated) }

        var failure: Int32 = 0
        openLock.lock()
        let opened = data.withUnsafeBytes { buffer in agenda_pdf_open(buffer.baseAddress, buffer.count, &failure) }
        openLock.unlock()
        guard let document = opened else {
            switch Int(failure) {
            case Int(AGENDA_PDF_ENCRYPTED): throw .pdf(.encrypted)
            case Int(AGENDA_PDF_UNAVAILABLE): throw .pdf(.readerUnavailable)
            default: throw .pdf(.damaged)
            }
        }
        defer { agenda_pdf_close(document) }

        let pageCount = Int(agenda_pdf_page_count(document))
        if pageCount > limits.maximumPages { throw .pdf(.tooManyPages(pages: pageCount, limit: limits.maximumPages)) }
        let started = DispatchTime.now().uptimeNanoseconds
        var pages: [[Line]] = []
        pages.reserveCapacity(pageCount)
        var characters = 0, imagePages = 0, textPages = 0
        for index in 0..<pageCount {
            let page = agenda_pdf_page(document, Int32(index))
            let lines = Self.lines(page)
            agenda_pdf_free_page(page)
            if lines.isEmpty {
                if page.images > 0 { imagePages += 1 }
            } else {
                textPages += 1
            }
            for line in lines { characters += line.text.unicodeScalars.count }
            if characters > limits.maximumCharacters { throw .pdf(.tooMuchText(limit: limits.maximumCharacters)) }
            pages.append(lines)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            if elapsed > limits.seconds, index + 1 < pageCount {
                throw .pdf(.timeLimit(seconds: limits.seconds, page: index + 1, pages: pageCount))
            }
        }
        if textPages == 0 { throw .pdf(.noText(pages: pageCount)) }
        if imagePages * 2 > pageCount { throw .pdf(.mostlyImages(imagePages: imagePages, pages: pageCount)) }

        removeChrome(&pages)
        return blocks(pages)
    }

    // MARK: Lines of a page

    /// Lines of one paragraph (or one table cell) are less than this many
    /// line heights apart (the height of the characters' boxes, about the
    /// font size): 13 pt leading under 10 pt type leaves a gap of about 0.4;
    /// a blank line, 1.7.
    static let closeGap = 0.8

    /// A run of characters on one line between wide gaps: a table cell, or the whole line.
    struct Segment {
        var text: String
        var x1: Double, x2: Double, top: Double, bottom: Double
    }

    /// The page's lines in poppler's order, with their vertical extent;
    /// table rows (lines cut into cells by wide gaps, and the wrapped lines
    /// of their cells) become one line each, cells separated by tabs.
    static func lines(_ page: AgendaPDFPage) -> [Line] {
        guard let cText = page.text else { return [] }
        let text = String(cString: cText)
        let scalars = Array(text.unicodeScalars)
        let boxes: UnsafeBufferPointer<Double>? = page.boxes.map { UnsafeBufferPointer(start: $0, count: Int(page.count) * 4) }
        let haveBoxes = boxes != nil && Int(page.count) == scalars.count
        var raw: [[Segment]] = []
        var start = 0
        while start < scalars.count {
            var end = start
            while end < scalars.count, scalars[end] != "\n" { end += 1 }
            let segments = Self.segments(scalars, start, end, haveBoxes ? boxes : nil)
            if !segments.isEmpty { raw.append(segments) }
            start = end + 1
        }
        return tables(raw)
    }

    /// The segments of one line: cut where the gap between two visible
    /// characters is wider than one and a half line heights (half a line
    /// without a space between them), or where the line jumps up, down or
    /// back.
    private static func segments(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int,
                                 _ boxes: UnsafeBufferPointer<Double>?) -> [Segment] {
        var height = 0.0
        if let boxes {
            var top = Double.infinity, bottom = -Double.infinity
            for index in start..<end where !scalars[index].isWhitespaceFast {
                top = min(top, boxes[4 * index + 1])
                bottom = max(bottom, boxes[4 * index + 3])
            }
            height = max(bottom - top, 4)
        }
        var result: [Segment] = []
        var out = String.UnicodeScalarView()
        var current = Segment(text: "", x1: .infinity, x2: -.infinity, top: .infinity, bottom: -.infinity)
        var previous: Int?
        func finish() {
            while let last = out.last, last.isWhitespaceFast { out.removeLast() }
            if !out.isEmpty {
                current.text = String(out)
                if boxes == nil { current = Segment(text: current.text, x1: 0, x2: 0, top: 0, bottom: 0) }
                result.append(current)
            }
            out = String.UnicodeScalarView()
            current = Segment(text: "", x1: .infinity, x2: -.infinity, top: .infinity, bottom: -.infinity)
        }
        for index in start..<end {
            var scalar = scalars[index]
            // Control characters and line or page separators inside a line would split it again later.
            if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}" {
                scalar = " "
            }
            let isVisible = !scalar.isWhitespaceFast
            if isVisible, let boxes, let before = previous {
                // A new cell: a wide gap; a smaller gap with no space between (poppler joins the cells
                // of a row without one); a jump up or down by half a line (another line of the row);
                // or a step back to the left.
                let gap = boxes[4 * index] - boxes[4 * before + 2]
                let spaced = index > before + 1
                let jump = abs(boxes[4 * index + 1] - boxes[4 * before + 1]) > 0.5 * height
                if gap > 1.5 * height || (!spaced && gap > 0.5 * height) || jump || gap < -height { finish() }
            }
            if !isVisible, out.isEmpty { continue }
            out.append(scalar)
            if isVisible {
                previous = index
                if let boxes {
                    current.x1 = min(current.x1, boxes[4 * index])
                    current.x2 = max(current.x2, boxes[4 * index + 2])
                    current.top = min(current.top, boxes[4 * index + 1])
                    current.bottom = max(current.bottom, boxes[4 * index + 3])
                }
            }
        }
        finish()
        return result
    }

    /// Lines of one segment pass through. A table is a run of lines with
    /// several segments, with the single-segment lines between them (a
    /// cell's wrapped lines, when a line with several segments follows
    /// within a row gap) and close below them (the last row's wrapped cells),
    /// inside the table's width. Its segments are cut into rows where the
    /// vertical gap exceeds half a line, and each row into columns where
    /// segments overlap horizontally; a cell's lines are joined as wrapped
    /// text (hyphenation undone), its cells by tabs.
    static func tables(_ raw: [[Segment]]) -> [Line] {
        func height(_ segment: Segment) -> Double { max(segment.bottom - segment.top, 4) }
        func top(_ line: [Segment]) -> Double { line.map(\.top).min() ?? 0 }
        func bottom(_ line: [Segment]) -> Double { line.map(\.bottom).max() ?? 0 }
        func lineHeight(_ a: [Segment], _ b: [Segment]) -> Double { min(a.map(height).min() ?? 4, b.map(height).min() ?? 4) }
        /// The gap from `a` down to `b` is below `lines` line heights (and `b` is not above `a`).
        func near(_ a: [Segment], _ b: [Segment], _ lines: Double) -> Bool {
            let h = lineHeight(a, b)
            return top(b) - bottom(a) < lines * h && top(b) > top(a) - 0.5 * h
        }
        func inside(_ line: [Segment], _ left: Double, _ right: Double) -> Bool {
            line.count == 1 && line[0].x1 >= left - 2 && line[0].x2 <= right + 2
        }
        var runs: [ClosedRange<Int>] = []
        var index = 0
        while index < raw.count {
            guard raw[index].count > 1 else { index += 1; continue }
            var left = raw[index].map(\.x1).min() ?? 0, right = raw[index].map(\.x2).max() ?? 0
            let floor = runs.last.map { $0.upperBound + 1 } ?? 0
            var first = index
            while first > floor, inside(raw[first - 1], left, right), near(raw[first - 1], raw[first], closeGap) { first -= 1 }
            var last = index
            while last + 1 < raw.count {
                if raw[last + 1].count > 1 {
                    last += 1
                    left = min(left, raw[last].map(\.x1).min() ?? 0)
                    right = max(right, raw[last].map(\.x2).max() ?? 0)
                    continue
                }
                // Single-segment lines: a chain of close lines inside the table, the first within a
                // row gap, that ends in a multi-segment line; or lines close below the table.
                var end = last + 1
                while end < raw.count, inside(raw[end], left, right), near(raw[end - 1], raw[end], end == last + 1 ? 2 : closeGap) {
                    end += 1
                }
                if end < raw.count, end > last + 1, raw[end].count > 1 {
                    last = end - 1
                    continue
                }
                var tail = last + 1
                while tail < raw.count, inside(raw[tail], left, right), near(raw[tail - 1], raw[tail], closeGap) { tail += 1 }
                last = tail - 1
                break
            }
            runs.append(first...last)
            index = last + 1
        }
        var result: [Line] = []
        var position = 0
        for run in runs {
            while position < run.lowerBound { result.append(plain(raw[position])); position += 1 }
            result += rows(Array(raw[run].joined()))
            position = run.upperBound + 1
        }
        while position < raw.count { result.append(plain(raw[position])); position += 1 }
        return result
    }

    private static func plain(_ segments: [Segment]) -> Line {
        Line(text: segments.map(\.text).joined(separator: " "), top: segments.map(\.top).min() ?? 0,
             bottom: segments.map(\.bottom).max() ?? 0, isRow: false)
    }

    /// The rows of a table's segments (see `tables`).
    static func rows(_ segments: [Segment]) -> [Line] {
        let heights = segments.map { max($0.bottom - $0.top, 4) }.sorted()
        let lineHeight = heights.isEmpty ? 4 : heights[heights.count / 2]
        var groups: [[Segment]] = []
        var rowBottom = -Double.infinity
        for segment in segments.sorted(by: { ($0.top, $0.x1) < ($1.top, $1.x1) }) {
            if groups.isEmpty || segment.top - rowBottom > closeGap * lineHeight {
                groups.append([segment])
                rowBottom = segment.bottom
            } else {
                groups[groups.count - 1].append(segment)
                rowBottom = max(rowBottom, segment.bottom)
            }
        }
        return groups.map { row in
            var columns: [(x1: Double, x2: Double, parts: [Segment])] = []
            for segment in row.sorted(by: { $0.x1 < $1.x1 }) {
                if let column = columns.firstIndex(where: { segment.x1 < $0.x2 + 1 && segment.x2 > $0.x1 - 1 }) {
                    columns[column].x1 = min(columns[column].x1, segment.x1)
                    columns[column].x2 = max(columns[column].x2, segment.x2)
                    columns[column].parts.append(segment)
                } else {
                    columns.append((segment.x1, segment.x2, [segment]))
                }
            }
            let cells = columns.sorted { $0.x1 < $1.x1 }.map { column in
                PlainTextReader.joinWrapped(column.parts.sorted { ($0.top, $0.x1) < ($1.top, $1.x1) }.map(\.text))
            }
            return Line(text: cells.joined(separator: "\t"), top: row.map(\.top).min() ?? 0,
                        bottom: row.map(\.bottom).max() ?? 0, isRow: cells.count > 1)
        }
    }

    // MARK: Headers, footers, tables of contents

    /// How many lines at the top and at the bottom of a page may be running headers or footers.
    static let chromeDepth = 2

    static func removeChrome(_ pages: inout [[Line]]) {
        var counts: [String: Int] = [:]
        for (index, page) in pages.enumerated() {
            var seen = Set<String>()
            for line in edges(page) { seen.insert(key(line.text, page: index + 1)) }
            for key in seen { counts[key, default: 0] += 1 }
        }
        let threshold = max(2, (pages.count + 1) / 2)
        func isChrome(_ line: Line, _ page: Int) -> Bool {
            let text = line.text.trimmingWhitespace()
            guard text.unicodeScalars.count <= 160 else { return false }
            return PlainTextReader.isPageNumberLine(text) || (counts[key(text, page: page)] ?? 0) >= threshold
        }
        for index in pages.indices {
            var page = pages[index]
            var removed = 0
            while removed < chromeDepth, let first = page.first, isChrome(first, index + 1) { page.removeFirst(); removed += 1 }
            removed = 0
            while removed < chromeDepth, let last = page.last, isChrome(last, index + 1) { page.removeLast(); removed += 1 }
            page.removeAll { PlainTextReader.isTableOfContentsLine($0.text.trimmingWhitespace()) }
            pages[index] = page
        }
    }

    private static func edges(_ page: [Line]) -> [Line] {
        page.count <= 2 * chromeDepth ? page : Array(page.prefix(chromeDepth) + page.suffix(chromeDepth))
    }

    /// The text that must repeat: lower case, and the page's own number at the
    /// start or end of the line after a separator ("Werkagenda 2025 | 4") as `#`.
    static func key(_ text: String, page: Int) -> String {
        var words = text.collapsingWhitespace().lowercased().split(separator: " ").map(String.init)
        let separators: Set<String> = ["|", "-", "–", "—", "•", "·", "/"]
        let number = String(page)
        if words.count >= 3, words[words.count - 1] == number, separators.contains(words[words.count - 2]) {
            words[words.count - 1] = "#"
        }
        if words.count >= 3, words[0] == number, separators.contains(words[1]) { words[0] = "#" }
        return words.joined(separator: " ")
    }

    // MARK: Blocks

    /// The pages as one text for `PlainTextReader`, then each block's page from its first line.
    static func blocks(_ pages: [[Line]]) -> [Block] {
        var lines: [String] = []
        var pageOfLine: [Int] = []
        var previous: Line?
        for (pageIndex, page) in pages.enumerated() {
            for (index, line) in page.enumerated() {
                if let before = previous {
                    let blank: Bool
                    if index == 0 {
                        // A new page: the paragraph runs on unless the page ended a sentence (or a row).
                        let last = before.text.unicodeScalars.last
                        blank = before.isRow || line.isRow || last.map { ".!?:;".unicodeScalars.contains($0) } ?? true
                    } else {
                        let height = max(min(before.bottom - before.top, line.bottom - line.top), 4)
                        blank = line.top - before.bottom > closeGap * height || line.top < before.top - 0.5 * height
                    }
                    if blank {
                        lines.append("")
                        pageOfLine.append(pageIndex + 1)
                    }
                }
                lines.append(line.text)
                pageOfLine.append(pageIndex + 1)
                previous = line
            }
        }
        var blocks = PlainTextReader.blocks(from: lines.joined(separator: "\n"), detectChrome: false)
        for index in blocks.indices where blocks[index].line >= 1 && blocks[index].line <= pageOfLine.count {
            blocks[index].page = pageOfLine[blocks[index].line - 1]
        }
        return blocks
    }
}
