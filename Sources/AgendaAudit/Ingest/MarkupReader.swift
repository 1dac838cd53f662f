import CLibXML2
import Foundation

/// Reads XHTML (libxml2's XML parser) and HTML tag soup (libxml2's HTML
/// parser with recovery) into blocks. Network access stays off and entities
/// are never substituted or loaded: no `XML_PARSE_NOENT`, no
/// `XML_PARSE_DTDLOAD`; entity references are not expanded into the text.
enum MarkupReader {
    struct Result {
        var blocks: [Block]
        var title: String?
        var format: SourceFormat
        var warnings: [IngestWarning]
    }

    private static let initialize: Void = { xmlInitParser() }()

    static func read(data: Data, preferXML: Bool) throws(IngestError) -> Result {
        _ = initialize
        var warnings: [IngestWarning] = []
        if preferXML {
            switch parseXML(data) {
            case .success(let document):
                defer { xmlFreeDoc(document) }
                return extract(document, format: .xhtml, warnings: warnings)
            case .failure(let detail):
                if detail.textTooLong { throw .textBlockTooLong(limit: XMLParse.maximumTextLength) }
                if detail.fatal { throw .malformedMarkup(detail: detail.message) }
                warnings.append(IngestWarning(code: "not-well-formed", detail: detail.message))
            }
        }
        let (parsed, textTooLong) = parseHTML(data)
        if textTooLong {
            if let parsed { xmlFreeDoc(parsed) }
            throw .textBlockTooLong(limit: XMLParse.maximumTextLength)
        }
        guard let document = parsed else {
            throw .malformedMarkup(detail: "no document")
        }
        defer { xmlFreeDoc(document) }
        return extract(document, format: preferXML ? .xhtml : .html, warnings: warnings)
    }

    struct ParseFailure: Error { var message: String; var fatal: Bool; var textTooLong = false }

    private static func parseXML(_ data: Data) -> Swift.Result<xmlDocPtr, ParseFailure> {
        guard let context = xmlNewParserCtxt() else { return .failure(ParseFailure(message: "no parser", fatal: true)) }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue)
        let (document, textTooLong) = XMLParse.run(context) {
            data.withUnsafeBytes { buffer -> xmlDocPtr? in
                guard let base = buffer.baseAddress else { return nil }
                return xmlCtxtReadMemory(context, base.assumingMemoryBound(to: CChar.self), Int32(buffer.count),
                                         nil, nil, options)
            }
        }
        if textTooLong {
            if let document { xmlFreeDoc(document) }
            return .failure(ParseFailure(message: "huge text node", fatal: true, textTooLong: true))
        }
        if let document, context.pointee.wellFormed != 0 {
            return .success(document)
        }
        if let document { xmlFreeDoc(document) }
        let message = lastError(context) ?? "not well-formed"
        // Entity amplification and depth limits are refusals, not tag soup to recover.
        let lowered = message.lowercased()
        let fatal = lowered.contains("entity") && (lowered.contains("amplification") || lowered.contains("loop"))
            || lowered.contains("depth") || lowered.contains("huge")
        return .failure(ParseFailure(message: message, fatal: fatal))
    }

    private static func parseHTML(_ data: Data) -> (document: xmlDocPtr?, textTooLong: Bool) {
        guard let context = htmlNewParserCtxt() else { return (nil, false) }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        return XMLParse.run(context) {
            data.withUnsafeBytes { buffer -> xmlDocPtr? in
                guard let base = buffer.baseAddress else { return nil }
                return htmlCtxtReadMemory(context, base.assumingMemoryBound(to: CChar.self), Int32(buffer.count),
                                          nil, "UTF-8", options)
            }
        }
    }

    private static func lastError(_ context: xmlParserCtxtPtr) -> String? {
        guard let error = xmlCtxtGetLastError(context), let message = error.pointee.message else { return nil }
        let text = String(cString: message).trimmingWhitespace()
        return error.pointee.line > 0 ? "line \(error.pointee.line): \(text)" : text
    }

    // MARK: Tree walk

    /// Elements whose text is never part of the agenda.
    static let skipped: Set<String> = [
        "script", "style", "nav", "noscript", "template", "iframe", "object", "embed", "svg", "math",
        "button", "select", "option", "textarea", "input", "form", "head", "menu",
    ]
    /// Elements that start a passage of their own.
    static let blockElements: Set<String> = [
        "p", "li", "dt", "dd", "blockquote", "pre", "address", "figcaption", "caption",
        "div", "section", "article", "main", "header", "footer", "aside", "body", "html",
        "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "figure", "hr", "center",
        "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
    ]
    static let headingLevels: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]

    private static func name(_ node: xmlNodePtr) -> String {
        guard let raw = node.pointee.name else { return "" }
        return String(cString: raw).lowercased()
    }

    private static func attribute(_ node: xmlNodePtr, _ attributeName: String) -> String? {
        guard let value = xmlGetProp(node, attributeName) else { return nil }
        defer { agenda_xml_free(value) }
        return String(cString: value)
    }

    private static func isChrome(_ node: xmlNodePtr, name: String) -> Bool {
        if skipped.contains(name) { return true }
        if let role = attribute(node, "role")?.lowercased(),
           ["navigation", "search", "menu", "menubar"].contains(role) { return true }
        if let hidden = attribute(node, "aria-hidden"), hidden == "true" { return true }
        if xmlHasProp(node, "hidden") != nil { return true }
        return false
    }

    /// Walks the tree without recursion (deeply nested input must not
    /// overflow the stack) and collects blocks.
    private static func extract(_ document: xmlDocPtr, format: SourceFormat, warnings: [IngestWarning]) -> Result {
        var blocks: [Block] = []
        var title: String?
        // Every top-level element, not only the first: HTML tag soup can have
        // several (text before `<html>`, such as the rest of an internal DTD
        // subset, becomes an element of its own and `<body>` follows it).
        var roots: [xmlNodePtr] = []
        var top = document.pointee.children
        while let current = top {
            if current.pointee.type == XML_ELEMENT_NODE { roots.append(current) }
            top = current.pointee.next
        }
        guard !roots.isEmpty else {
            return Result(blocks: [], title: nil, format: format, warnings: warnings)
        }
        title = findTitle(roots)

        // Text being gathered for the innermost open block element.
        struct Open {
            var node: xmlNodePtr
            var kind: BlockKind
            var level: Int
            var text = ""
            var line: Int
            var cells: [String]? = nil
        }
        var openBlocks: [Open] = []

        func flush(_ open: inout Open) {
            let text = open.text.collapsingWhitespace()
            open.text = ""
            guard !text.isEmpty else { return }
            blocks.append(Block(kind: open.kind, text: text, level: open.level, line: open.line))
        }

        var stack: [Step] = roots.reversed().map { .enter($0) }
        var rowDepth = 0
        while let step = stack.popLast() {
            switch step {
            case .enter(let node):
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content, !openBlocks.isEmpty {
                        openBlocks[openBlocks.count - 1].text += String(cString: content)
                    }
                case XML_ELEMENT_NODE:
                    let elementName = name(node)
                    if isChrome(node, name: elementName) { continue }
                    if elementName == "br", !openBlocks.isEmpty {
                        openBlocks[openBlocks.count - 1].text += " "
                        continue
                    }
                    if rowDepth > 0, elementName == "td" || elementName == "th" {
                        // A cell's text joins its row; nested blocks inside the cell too.
                        stack.append(.leave(node))
                        openBlocks.append(Open(node: node, kind: .tableRow, level: 0, line: Int(xmlGetLineNo(node)),
                                               cells: []))
                        pushChildren(node, onto: &stack)
                        continue
                    }
                    if blockElements.contains(elementName) {
                        if !openBlocks.isEmpty, openBlocks[openBlocks.count - 1].cells == nil, rowDepth == 0 {
                            flush(&openBlocks[openBlocks.count - 1])
                        }
                        let isRow = elementName == "tr"
                        if isRow { rowDepth += 1 }
                        let inCell = rowDepth > 0 && !isRow
                        let kind: BlockKind = headingLevels[elementName] != nil ? .heading
                            : (isRow ? .tableRow : (elementName == "li" ? .listItem : .paragraph))
                        stack.append(.leave(node))
                        if !inCell {
                            openBlocks.append(Open(node: node, kind: kind, level: headingLevels[elementName] ?? 0,
                                                   line: Int(xmlGetLineNo(node)), cells: isRow ? [] : nil))
                        } else {
                            // Block content inside a cell stays part of the cell's text.
                            openBlocks[openBlocks.count - 1].text += " "
                        }
                        pushChildren(node, onto: &stack)
                    } else {
                        // Inline element: its text flows into the enclosing block.
                        pushChildren(node, onto: &stack)
                    }
                default:
                    // Entity references, comments, processing instructions and DTD
                    // nodes are not followed: no entity expansion reaches the text.
                    break
                }
            case .leave(let node):
                let elementName = name(node)
                if rowDepth > 0, elementName == "td" || elementName == "th",
                   let cell = openBlocks.popLast() {
                    let text = cell.text.collapsingWhitespace()
                    if !text.isEmpty, !openBlocks.isEmpty { openBlocks[openBlocks.count - 1].cells?.append(text) }
                    continue
                }
                if elementName == "tr" {
                    rowDepth -= 1
                    if var row = openBlocks.popLast() {
                        let loose = row.text.collapsingWhitespace()
                        var cells = row.cells ?? []
                        if !loose.isEmpty { cells.append(loose) }
                        row.text = cells.joined(separator: " | ")
                        flush(&row)
                    }
                    continue
                }
                if rowDepth > 0 {
                    if !openBlocks.isEmpty { openBlocks[openBlocks.count - 1].text += " " }
                    continue
                }
                if var open = openBlocks.last, open.node == node {
                    openBlocks.removeLast()
                    flush(&open)
                }
            }
        }
        return Result(blocks: blocks, title: title, format: format, warnings: warnings)
    }

    private static func pushChildren(_ node: xmlNodePtr, onto stack: inout [Step]) {
        var children: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            children.append(current)
            child = current.pointee.next
        }
        for child in children.reversed() { stack.append(.enter(child)) }
    }

    private enum Step { case enter(xmlNodePtr), leave(xmlNodePtr) }

    /// `<title>` in the head, else the first `<h1>`.
    private static func findTitle(_ roots: [xmlNodePtr]) -> String? {
        var firstH1: String?
        var queue: [xmlNodePtr] = roots
        var index = 0
        while index < queue.count, index < 10_000 {
            let node = queue[index]
            index += 1
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            let elementName = name(node)
            if elementName == "title" || (elementName == "h1" && firstH1 == nil) {
                if let content = xmlNodeGetContent(node) {
                    let text = String(cString: content).collapsingWhitespace()
                    agenda_xml_free(content)
                    if elementName == "title", !text.isEmpty { return text }
                    if !text.isEmpty { firstH1 = text }
                }
                continue
            }
            var child = node.pointee.children
            while let current = child {
                queue.append(current)
                child = current.pointee.next
            }
        }
        return firstH1
    }
}
