import CLibXML2
import Foundation

/// Validates an XML document against a W3C XML Schema with libxml2
/// (`xmlSchemaParse`, `xmlSchemaValidateDoc`). Network access is off and
/// entities are not expanded. Returns every problem as a message
/// (`line N: ...`); an empty list means the document is valid.
public enum XMLSchemaValidator {
    public static func validate(_ xml: String, schemaPath: String) -> [String] {
        validate(Data(xml.utf8), schemaPath: schemaPath)
    }

    public static func validate(_ xml: Data, schemaPath: String) -> [String] {
        let collector = ErrorCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        defer { withExtendedLifetime(collector) {} }

        guard let parserContext = xmlSchemaNewParserCtxt(schemaPath) else {
            return ["schema \(schemaPath): cannot be opened"]
        }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        xmlSchemaSetParserStructuredErrors(parserContext, { userData, error in
            ErrorCollector.record(userData, error?.pointee.message, error?.pointee.line ?? 0, prefix: "schema")
        }, context)
        guard let schema = xmlSchemaParse(parserContext) else {
            return collector.messages.isEmpty ? ["schema \(schemaPath): cannot be parsed"] : collector.messages
        }
        defer { xmlSchemaFree(schema) }

        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = xml.withUnsafeBytes { buffer -> xmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), "document.xml", nil, options)
        }
        guard let document else {
            var message = "document is not well-formed XML"
            if let error = xmlGetLastError(), let text = error.pointee.message {
                message += " (line \(error.pointee.line): \(String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)))"
            }
            return [message]
        }
        defer { xmlFreeDoc(document) }

        guard let validContext = xmlSchemaNewValidCtxt(schema) else { return ["validation context cannot be created"] }
        defer { xmlSchemaFreeValidCtxt(validContext) }
        xmlSchemaSetValidStructuredErrors(validContext, { userData, error in
            ErrorCollector.record(userData, error?.pointee.message, error?.pointee.line ?? 0, prefix: nil)
        }, context)
        let status = xmlSchemaValidateDoc(validContext, document)
        if status != 0 && collector.messages.isEmpty {
            return ["document is not valid (libxml2 status \(status))"]
        }
        return collector.messages
    }

    /// Receives libxml2's structured errors through the `userData` pointer.
    private final class ErrorCollector {
        var messages: [String] = []

        static func record(_ userData: UnsafeMutableRawPointer?, _ message: UnsafeMutablePointer<CChar>?,
                           _ line: Int32, prefix: String?) {
            guard let userData else { return }
            let collector = Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue()
            let text = message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown error"
            collector.messages.append((prefix.map { "\($0): " } ?? "") + "line \(line): \(text)")
        }
    }
}
