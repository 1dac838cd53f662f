import Foundation

/// Why a file could not be turned into a document.
public enum IngestError: Error, Sendable, Equatable {
    case unreadable(reason: String)
    case unsupportedType(ext: String)
    case empty
    case binary
    case invalidEncoding(detail: String)
    case malformedMarkup(detail: String)
    case noPassages
    case tooLarge(bytes: Int, limit: Int)
    /// A Word file that cannot be opened: "encrypted-or-doc", "not-a-zip", "no-document-part", "corrupt".
    case unreadableDocument(detail: String)

    public func message(_ lang: Language) -> String {
        switch self {
        case .unreadable(let reason):
            return lang.pick("bestand kan niet worden gelezen (\(reason))", "file cannot be read (\(reason))")
        case .unsupportedType(let ext):
            let shown = ext.isEmpty ? lang.pick("geen extensie", "no extension") : ".\(ext)"
            if ext == "doc" {
                return lang.pick("het oude Word-formaat .doc wordt niet ondersteund; sla het bestand op als .docx",
                                 "the old Word format .doc is not supported; save the file as .docx")
            }
            return lang.pick("bestandstype \(shown) wordt niet ondersteund; gebruik .docx, .txt, .xhtml, .html of .htm",
                             "file type \(shown) is not supported; use .docx, .txt, .xhtml, .html or .htm")
        case .empty:
            return lang.pick("bestand is leeg", "file is empty")
        case .binary:
            return lang.pick("bestand is geen tekst (binaire inhoud)", "file is not text (binary content)")
        case .invalidEncoding(let detail):
            return lang.pick("tekst is geen geldige UTF-8 of Windows-1252 (\(detail))",
                             "text is not valid UTF-8 or Windows-1252 (\(detail))")
        case .malformedMarkup(let detail):
            return lang.pick("(X)HTML kan niet worden gelezen: \(detail)", "(X)HTML cannot be read: \(detail)")
        case .noPassages:
            return lang.pick("geen tekstpassages gevonden", "no text passages found")
        case .unreadableDocument(let detail):
            switch detail {
            case "encrypted-or-doc":
                return lang.pick("Word-bestand is met een wachtwoord beveiligd of in het oude .doc-formaat; sla het op als .docx zonder wachtwoord",
                                 "Word file is password-protected or in the old .doc format; save it as .docx without a password")
            case "no-document-part":
                return lang.pick("geen geldig Word-document (word/document.xml ontbreekt)", "not a valid Word document (word/document.xml is missing)")
            case "not-a-zip":
                return lang.pick("geen geldig .docx-bestand (geen zip-archief)", "not a valid .docx file (not a zip archive)")
            default:
                return lang.pick("Word-bestand is beschadigd of afgebroken", "Word file is damaged or truncated")
            }
        case .tooLarge(let bytes, let limit):
            return lang.pick("bestand is te groot (\(bytes) bytes, maximaal \(limit))",
                             "file is too large (\(bytes) bytes, at most \(limit))")
        }
    }
}

/// Reads a file from disk (or bytes from elsewhere) into a `Document`.
public enum Ingest {
    public static let supportedExtensions: Set<String> = ["txt", "text", "xhtml", "html", "htm", "docx"]
    /// Files above this size are refused rather than read into memory.
    public static let maximumFileSize = 512 * 1024 * 1024

    public static func load(path: String) throws(IngestError) -> Document {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        guard supportedExtensions.contains(ext) else { throw .unsupportedType(ext: ext) }
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > maximumFileSize {
                throw IngestError.tooLarge(bytes: size, limit: maximumFileSize)
            }
            data = try Data(contentsOf: url)
        } catch let error as IngestError {
            throw error
        } catch {
            throw .unreadable(reason: describe(error))
        }
        return try parse(data: data, path: path, ext: ext)
    }

    /// Parses bytes as the type named by `ext` ("txt", "xhtml", "html", ...).
    public static func parse(data: Data, path: String, ext: String) throws(IngestError) -> Document {
        let fallbackTitle = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        switch ext.lowercased() {
        case "txt", "text":
            let decoded = try TextDecoding.decode(data)
            let blocks = PlainTextReader.blocks(from: decoded.text)
            return try makeDocument(path: path, format: .plainText, blocks: blocks, title: nil,
                                    fallbackTitle: fallbackTitle, warnings: decoded.warnings)
        case "xhtml", "html", "htm":
            if data.isEmpty { throw .empty }
            if TextDecoding.looksBinary([UInt8](data.prefix(65_536))) { throw .binary }
            let result = try MarkupReader.read(data: data, preferXML: ext.lowercased() == "xhtml")
            return try makeDocument(path: path, format: result.format, blocks: result.blocks, title: result.title,
                                    fallbackTitle: fallbackTitle, warnings: result.warnings)
        case "docx":
            let result = try DocxReader.read(data: data)
            return try makeDocument(path: path, format: .docx, blocks: result.blocks, title: result.title,
                                    fallbackTitle: fallbackTitle, warnings: [])
        default:
            throw .unsupportedType(ext: ext)
        }
    }

    private static func makeDocument(path: String, format: SourceFormat, blocks: [Block], title: String?,
                                     fallbackTitle: String, warnings: [IngestWarning]) throws(IngestError) -> Document {
        let document = Document(
            path: path,
            title: title ?? blocks.first(where: { $0.kind == .heading })?.text ?? fallbackTitle,
            format: format, blocks: blocks, warnings: warnings)
        if document.passages.isEmpty { throw .noPassages }
        return document
    }

    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError: return "permission denied"
            default: break
            }
        }
        return nsError.localizedDescription
    }
}
