import CLibXML2
import Foundation
import ZIPFoundation

/// Reads Word `.docx` files without an external converter: the zip is
/// opened with ZIPFoundation, `word/document.xml` and `word/styles.xml` are
/// parsed with libxml2 (network off, no entity expansion). Paragraphs become
/// passages, numbered and bulleted paragraphs list items, table rows
/// passages with their cells joined, and paragraphs with a heading style
/// (`Heading 1`, Dutch `Kop 1`, or an outline level) headings.
enum DocxReader {
    /// Refuse to inflate more than this from one part (a zip bomb stops here).
    /// A 1,000-page document's `word/document.xml` is about 30 MB.
    static let maximumPartSize = 32 * 1024 * 1024
    /// Refuse a part with more tags and attributes than this, counted before it
    /// is parsed: libxml2 spends about 150 bytes per node, so 60 MB of empty
    /// paragraphs (10 million tags, a 92 KB file) would take 1.5 GB.
    static let maximumMarkupItems = 1_000_000

    static func read(data: Data) throws(IngestError) -> (blocks: [Block], title: String?) {
        if data.isEmpty { throw .empty }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw .unreadableDocument(detail: "encrypted-or-doc")
        }
        guard data.starts(with: [0x50, 0x4B]) else { throw .unreadableDocument(detail: "not-a-zip") }
        // Opened from a file, not from ZIPFoundation's in-memory archive: that (0.9.20)
        // traps when a damaged zip points past the end of the data (MemoryFile.readData
        // makes a negative range) and leaks its memory file when the zip has no end
        // record; a file reads short there and is closed. Both found by fuzzing
        // (Tests/Fixtures/fuzz/crash-zip-offset-past-end.docx,
        // leak-zip-without-end-record.docx). Left: a file-backed archive leaks its
        // path as a C string on Linux (Fuzz/lsan.supp).
        // On Linux the file is anonymous memory (memfd), reached by its
        // /proc/self/fd path: nothing is written to disk, and nothing is left if
        // the process dies. Elsewhere it is a temporary file, readable by this
        // user only, removed as soon as the archive has it open.
        let (descriptor, path, named) = try backingFile()
        let written = data.withUnsafeBytes { OutputFile.writeAll($0, to: descriptor) }
        let writeError = errno
        guard written else {
            close(descriptor)
            if named { unlink(path) }
            throw .unreadable(reason: "temporary file: \(String(cString: strerror(writeError)))")
        }
        defer {
            close(descriptor)
            if named { unlink(path) }
        }
        let file = URL(fileURLWithPath: path)
        let archive: Archive
        do {
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            // It starts like a zip (a local file header) but has no readable
            // central directory at its end: a cut-off download or copy.
            throw .unreadableDocument(detail: data.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? "corrupt" : "not-a-zip")
        }
        // The archive holds its own handle now: the name can go.
        if named { unlink(path) }
        guard let documentXML = try part("word/document.xml", in: archive) else {
            throw .unreadableDocument(detail: "no-document-part")
        }
        let styles = try part("word/styles.xml", in: archive).map(headingStyles) ?? [:]
        let title = try part("docProps/core.xml", in: archive).flatMap(coreTitle)
        return (try blocks(documentXML, headingStyles: styles), title)
    }

    /// A descriptor to write the zip to, the path to open it by, and whether that path is a name on disk.
    private static func backingFile() throws(IngestError) -> (Int32, String, Bool) {
        let memory = agenda_memory_file("agenda-audit-docx")
        if memory >= 0 { return (memory, "/proc/self/fd/\(memory)", false) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-audit-\(UUID().uuidString).docx").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .unreadable(reason: "temporary file: \(String(cString: strerror(errno)))")
        }
        return (descriptor, path, true)
    }

    private static func part(_ path: String, in archive: Archive) throws(IngestError) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= UInt64(maximumPartSize) else {
            throw .wordPartTooLarge(part: path, limit: maximumPartSize)
        }
        var output = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                output.append(chunk)
                if output.count > maximumPartSize { throw IngestError.wordPartTooLarge(part: path, limit: maximumPartSize) }
            }
        } catch let error as IngestError {
            throw error
        } catch {
            throw .unreadableDocument(detail: "corrupt")
        }
        if markupItems(output, above: maximumMarkupItems) { throw .wordPartTooComplex(part: path, limit: maximumMarkupItems) }
        return output
    }

    /// Whether `data` has more than `limit` tags and attributes (`<` and `=` bytes: an upper bound).
    static func markupItems(_ data: Data, above limit: Int) -> Bool {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            var count = 0
            for byte in bytes where byte == 0x3C || byte == 0x3D {
                count += 1
                if count > limit { return true }
            }
            return false
        }
    }

    // MARK: XML

    private static func parse(_ data: Data) -> xmlDocPtr? {
        parseReportingLimit(data).document
    }

    /// Parses a part; `textTooLong` when a text run reached libxml2's limit (the parse then fails).
    private static func parseReportingLimit(_ data: Data) -> (document: xmlDocPtr?, textTooLong: Bool) {
        guard let context = xmlNewParserCtxt() else { return (nil, false) }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let result = XMLParse.run(context) {
            data.withUnsafeBytes { buffer -> xmlDocPtr? in
                guard let base = buffer.baseAddress else { return nil }
                // No forced encoding: the parts declare theirs (UTF-8), and forcing one makes
                // libxml2 2.9 refuse a part over 10 MB ("Huge input lookup").
                return xmlCtxtReadMemory(context, base.assumingMemoryBound(to: CChar.self), Int32(buffer.count),
                                         nil, nil, options)
            }
        }
        if result.textTooLong, let document = result.document {
            xmlFreeDoc(document)
            return (nil, true)
        }
        return result
    }

    /// The value of `w:val` (or any attribute with that local name).
    private static func value(_ node: xmlNodePtr, _ name: String = "val") -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, String(cString: attributeName) == name,
               let content = xmlNodeGetContent(UnsafeMutablePointer<xmlNode>(OpaquePointer(current))) {
                defer { agenda_xml_free(content) }
                return String(cString: content)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Style id -> heading level, from the style's name ("heading 2", "Kop 2", "Title") or outline level.
    static func headingStyles(_ data: Data) -> [String: Int] {
        guard let document = parse(data) else { return [:] }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return [:] }
        var levels: [String: Int] = [:]
        for style in XMLTree.children(root) where XMLTree.name(style) == "style" {
            guard let id = value(style, "styleId") else { continue }
            var level: Int?
            for child in XMLTree.children(style) {
                switch XMLTree.name(child) {
                case "name":
                    let name = (value(child) ?? "").lowercased()
                    for prefix in ["heading ", "kop "] where name.hasPrefix(prefix) {
                        level = Int(name.dropFirst(prefix.count))
                    }
                    if name == "title" || name == "titel" { level = 1 }
                case "pPr":
                    for property in XMLTree.children(child) where XMLTree.name(property) == "outlineLvl" {
                        if let outline = Int(value(property) ?? ""), outline < 9, level == nil { level = outline + 1 }
                    }
                default: break
                }
            }
            if let level, (1...6).contains(level) { levels[id] = level }
        }
        return levels
    }

    static func coreTitle(_ data: Data) -> String? {
        guard let document = parse(data) else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        for child in XMLTree.children(root) where XMLTree.name(child) == "title" {
            if let content = xmlNodeGetContent(child) {
                defer { agenda_xml_free(content) }
                let text = String(cString: content).collapsingWhitespace()
                return text.isEmpty ? nil : text
            }
        }
        return nil
    }

    /// Paragraph text: runs' `w:t`, tabs and breaks as spaces; deleted text (`w:del`) is skipped.
    private static func paragraphText(_ paragraph: xmlNodePtr) -> String {
        var text = ""
        var stack = XMLTree.children(paragraph).reversed() as [xmlNodePtr]
        while let node = stack.popLast() {
            switch XMLTree.name(node) {
            case "t":
                if let content = xmlNodeGetContent(node) {
                    text += String(cString: content)
                    agenda_xml_free(content)
                }
            case "tab", "br", "cr": text += " "
            case "del", "pPr", "rPr", "instrText", "fldChar": continue
            default: stack.append(contentsOf: XMLTree.children(node).reversed())
            }
        }
        return text.collapsingWhitespace()
    }

    private static func blocks(_ data: Data, headingStyles: [String: Int]) throws(IngestError) -> [Block] {
        let (parsed, textTooLong) = parseReportingLimit(data)
        if textTooLong { throw .textBlockTooLong(limit: XMLParse.maximumTextLength) }
        guard let document = parsed else { throw .unreadableDocument(detail: "corrupt") }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document),
              let body = XMLTree.children(root).first(where: { XMLTree.name($0) == "body" }) else {
            throw .unreadableDocument(detail: "no-document-part")
        }
        var blocks: [Block] = []
        // A Word file has no lines worth naming (document.xml is often one line): a block's `line` is the number of
        // its paragraph among the document's paragraphs with text, in reading order, those in table cells included
        // (a table row gets the number of its first paragraph).
        var paragraphNumber = 0
        // Body children, and the children of content controls (w:sdt/w:sdtContent), in order.
        var queue = XMLTree.children(body).reversed() as [xmlNodePtr]
        while let node = queue.popLast() {
            switch XMLTree.name(node) {
            case "p":
                let text = paragraphText(node)
                guard !text.isEmpty else { continue }
                paragraphNumber += 1
                let line = paragraphNumber
                var kind = BlockKind.paragraph
                var level = 0
                for property in XMLTree.children(node) where XMLTree.name(property) == "pPr" {
                    for item in XMLTree.children(property) {
                        switch XMLTree.name(item) {
                        case "pStyle":
                            if let style = value(item), let heading = headingStyles[style] ?? builtInHeading(style) {
                                kind = .heading
                                level = heading
                            } else if let style = value(item)?.lowercased(), style.contains("list") || style.contains("lijst") {
                                if kind == .paragraph { kind = .listItem }
                            }
                        case "numPr":
                            if kind == .paragraph { kind = .listItem }
                        case "outlineLvl":
                            if let outline = Int(value(item) ?? ""), outline < 6 { kind = .heading; level = outline + 1 }
                        default: break
                        }
                    }
                }
                blocks.append(Block(kind: kind, text: text, level: level, line: line))
            case "tbl":
                for row in XMLTree.children(node) where XMLTree.name(row) == "tr" {
                    var cells: [String] = []
                    let line = paragraphNumber + 1
                    for cell in XMLTree.children(row) where XMLTree.name(cell) == "tc" {
                        let paragraphs = XMLTree.children(cell).filter { XMLTree.name($0) == "p" }.map(paragraphText)
                            .filter { !$0.isEmpty }
                        paragraphNumber += paragraphs.count
                        let text = paragraphs.joined(separator: " ")
                        if !text.isEmpty { cells.append(text) }
                    }
                    if !cells.isEmpty { blocks.append(Block(kind: .tableRow, text: cells.joined(separator: " | "), line: line)) }
                }
            case "sdt", "sdtContent", "customXml", "ins":
                queue.append(contentsOf: XMLTree.children(node).reversed())
            default:
                continue
            }
        }
        return blocks
    }

    /// Word's built-in style ids when styles.xml is missing: Heading1, Kop1, Title.
    private static func builtInHeading(_ style: String) -> Int? {
        let lowered = style.lowercased()
        for prefix in ["heading", "kop"] where lowered.hasPrefix(prefix) {
            if let level = Int(lowered.dropFirst(prefix.count)), (1...6).contains(level) { return level }
        }
        return lowered == "title" || lowered == "titel" ? 1 : nil
    }
}
