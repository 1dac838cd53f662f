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

    func message(_ lang: Language) -> String {
        switch self {
        case .notPDF:
            return lang.pick("geen geldig PDF-bestand (het begint niet met %PDF)", "not a valid PDF file (it does not start with %PDF)")
        case .encrypted:
            return lang.pick("PDF is met een wachtwoord beveiligd (versleuteld); sla het op zonder wachtwoord",
                             "PDF is password-protected (encrypted); save it without a password")
        case .damaged:
            return lang.pick("PDF-bestand is beschadigd en kan niet worden gelezen", "PDF file is damaged and cannot be read")
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

    /// The page's lines in poppler's order, with their vertical extent;
    /// wide gaps inside a line become tabs (table cells).
    static func lines(_ page: AgendaPDFPage) -> [Line] {
        guard let cText = page.text else { return [] }
        let text = String(cString: cText)
        let scalars = Array(text.unicodeScalars)
        let boxes: UnsafeBufferPointer<Double>? = page.boxes.map { UnsafeBufferPointer(start: $0, count: Int(page.count) * 4) }
        let haveBoxes = boxes != nil && Int(page.count) == scalars.count
        var result: [Line] = []
        var start = 0
        while start < scalars.count {
            var end = start
            while end < scalars.count, scalars[end] != "\n" { end += 1 }
            if let line = makeLine(scalars, start, end, haveBoxes ? boxes : nil) { result.append(line) }
            start = end + 1
        }
        return result
    }

    private static func makeLine(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int,
                                 _ boxes: UnsafeBufferPointer<Double>?) -> Line? {
        var top = Double.infinity, bottom = -Double.infinity
        var visible: [Int] = []
        for index in start..<end {
            let scalar = scalars[index]
            if scalar.isWhitespaceFast || scalar.properties.generalCategory == .control { continue }
            visible.append(index)
            if let boxes {
                top = min(top, boxes[4 * index + 1])
                bottom = max(bottom, boxes[4 * index + 3])
            }
        }
        guard !visible.isEmpty else { return nil }
        if boxes == nil { top = 0; bottom = 0 }
        let height = max(bottom - top, 4)
        var out = String.UnicodeScalarView()
        var cells = 1
        var previous: Int?
        for index in start..<end {
            var scalar = scalars[index]
            // Line and page separators inside a line would split it again later.
            if scalar.properties.generalCategory == .control || ["\u{2028}", "\u{2029}", "\u{85}"].contains(scalar) {
                scalar = " "
            }
            let isVisible = !scalar.isWhitespaceFast
            if isVisible, let boxes, let before = previous, boxes[4 * index] - boxes[4 * before + 2] > 1.5 * height {
                while let last = out.last, last == " " || last == "\t" { out.removeLast() }
                out.append("\t")
                cells += 1
            }
            if !isVisible, out.isEmpty { continue }
            out.append(scalar)
            if isVisible { previous = index }
        }
        while let last = out.last, last.isWhitespaceFast { out.removeLast() }
        return Line(text: String(out), top: top, bottom: bottom, isRow: cells > 1)
    }

    // MARK: Headers, footers, tables of contents

    /// How many lines at the top and at the bottom of a page may be running headers or footers.
    static let chromeDepth = 2

    static func removeChrome(_ pages: inout [[Line]]) {
        var counts: [String: Int] = [:]
        for page in pages {
            var seen = Set<String>()
            for line in edges(page) { seen.insert(key(line.text)) }
            for key in seen { counts[key, default: 0] += 1 }
        }
        let threshold = max(2, (pages.count + 1) / 2)
        func isChrome(_ line: Line) -> Bool {
            let text = line.text.trimmingWhitespace()
            guard text.unicodeScalars.count <= 160 else { return false }
            return PlainTextReader.isPageNumberLine(text) || (counts[key(text)] ?? 0) >= threshold
        }
        for index in pages.indices {
            var page = pages[index]
            var removed = 0
            while removed < chromeDepth, let first = page.first, isChrome(first) { page.removeFirst(); removed += 1 }
            removed = 0
            while removed < chromeDepth, let last = page.last, isChrome(last) { page.removeLast(); removed += 1 }
            page.removeAll { PlainTextReader.isTableOfContentsLine($0.text.trimmingWhitespace()) }
            pages[index] = page
        }
    }

    private static func edges(_ page: [Line]) -> [Line] {
        page.count <= 2 * chromeDepth ? page : Array(page.prefix(chromeDepth) + page.suffix(chromeDepth))
    }

    private static func key(_ text: String) -> String { text.collapsingWhitespace().lowercased() }

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
                        blank = line.top - before.bottom > 0.5 * height || line.top < before.top - 0.5 * height
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
