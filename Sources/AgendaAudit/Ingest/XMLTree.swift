import CLibXML2
import Foundation

/// Minimal libxml2 tree access (element children, local names, attributes).
enum XMLTree {
    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        let value = name.withCString { xmlGetProp(node, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        guard let value else { return nil }
        defer { agenda_xml_free(value) }
        return String(cString: value)
    }

    static func content(_ node: xmlNodePtr) -> String {
        guard let value = xmlNodeGetContent(node) else { return "" }
        defer { agenda_xml_free(value) }
        return String(cString: value)
    }
}

/// libxml2 parsing without noise on standard error, with the one limit that
/// must become a clear message instead of silently cut text.
enum XMLParse {
    /// libxml2's limit on one text node (`XML_MAX_TEXT_LENGTH`). Beyond it the
    /// HTML parser stops and keeps what it has read, so a 50 MB paragraph would
    /// be audited as its first 10 MB. `XML_PARSE_HUGE` is not used to lift it:
    /// it also lifts the depth limit, and deeply nested HTML with unmatched end
    /// tags then parses in quadratic time.
    static let maximumTextLength = 10_000_000

    /// Runs `parse` on `context` and tells whether a text node reached the
    /// limit. For XML contexts libxml2's messages go to a handler here instead
    /// of standard error (a few, such as "huge text node", ignore
    /// `XML_PARSE_NOERROR`). The HTML parser does not use that handler, but it
    /// stops at the limit, so its last error tells.
    static func run(_ context: xmlParserCtxtPtr, _ parse: () -> xmlDocPtr?) -> (document: xmlDocPtr?, textTooLong: Bool) {
        let flag = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
        flag.initialize(to: false)
        defer { flag.deallocate() }
        let saved = context.pointee._private
        context.pointee._private = UnsafeMutableRawPointer(flag)
        defer { context.pointee._private = saved }
        context.pointee.sax?.pointee.serror = { _, error in
            guard let error, XMLParse.isTextLimit(error),
                  let parser = error.pointee.ctxt?.assumingMemoryBound(to: xmlParserCtxt.self),
                  let flag = parser.pointee._private else { return }
            flag.assumingMemoryBound(to: Bool.self).pointee = true
        }
        let document = parse()
        let tooLong = flag.pointee || xmlCtxtGetLastError(context).map(isTextLimit) == true
        return (document, tooLong)
    }

    /// "xmlSAX2Characters: huge text node", reported as an out-of-memory error.
    static func isTextLimit(_ error: xmlErrorPtr) -> Bool {
        guard error.pointee.code == Int32(XML_ERR_NO_MEMORY.rawValue), let message = error.pointee.message else { return false }
        return strstr(message, "huge text node") != nil
    }
}
