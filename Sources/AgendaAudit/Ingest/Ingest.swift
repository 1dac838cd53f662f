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
    /// Not a regular file, so never opened: "directory", "fifo", "socket", "device" or "other".
    case notRegularFile(kind: String)
    /// A symbolic link whose target does not exist.
    case danglingLink
    /// A symbolic link that leads back to itself (the system gives up resolving it).
    case linkLoop
    /// A folder whose contents cannot be listed (the reason as for `unreadable`).
    case unreadableFolder(reason: String)
    /// (X)HTML or Word text with one text block longer than libxml2 reads (`XMLParse.maximumTextLength`).
    case textBlockTooLong(limit: Int)
    /// A PDF that cannot be audited: encrypted, damaged, a scan, over a limit.
    case pdf(PDFProblem)
    /// A part of a Word file inflates beyond `DocxReader.maximumPartSize` bytes (a zip bomb).
    case wordPartTooLarge(part: String, limit: Int)
    /// A part of a Word file has more XML tags and attributes than `DocxReader.maximumMarkupItems`.
    case wordPartTooComplex(part: String, limit: Int)

    public func message(_ lang: Language) -> String {
        switch self {
        case .pdf(let problem):
            return problem.message(lang)
        case .unreadable(let reason):
            return lang.pick("bestand kan niet worden gelezen (\(Self.dutch(reason)))", "file cannot be read (\(reason))")
        case .unreadableFolder(let reason):
            return lang.pick("map kan niet worden gelezen (\(Self.dutch(reason))); de bestanden erin zijn niet geaudit",
                             "folder cannot be read (\(reason)); the files in it were not audited")
        case .notRegularFile(let kind):
            switch kind {
            case "directory":
                return lang.pick("is een map, geen bestand", "is a folder, not a file")
            case "fifo":
                return lang.pick("is een named pipe (FIFO), geen gewoon bestand; niet geopend",
                                 "is a named pipe (FIFO), not a regular file; not opened")
            case "socket":
                return lang.pick("is een socket, geen gewoon bestand; niet geopend", "is a socket, not a regular file; not opened")
            case "device":
                return lang.pick("is een apparaatbestand, geen gewoon bestand; niet geopend",
                                 "is a device file, not a regular file; not opened")
            default:
                return lang.pick("is geen gewoon bestand; niet geopend", "is not a regular file; not opened")
            }
        case .textBlockTooLong(let limit):
            return lang.pick("een tekstblok is langer dan \(Self.grouped(limit, ".")) tekens (de grens van libxml2), dus alleen het begin zou worden gelezen; splits de tekst in alinea's of sla het bestand op als .txt",
                             "a block of text is longer than \(Self.grouped(limit, ",")) characters (libxml2's limit), so only its start would be read; split the text into paragraphs or save the file as .txt")
        case .danglingLink:
            return lang.pick("symbolische koppeling wijst naar iets dat niet bestaat",
                             "symbolic link points to something that does not exist")
        case .linkLoop:
            return lang.pick("symbolische koppeling vormt een lus (verwijst naar zichzelf)",
                             "symbolic link forms a loop (refers to itself)")
        case .unsupportedType(let ext):
            let shown = ext.isEmpty ? lang.pick("geen extensie", "no extension") : ".\(ext)"
            if ext == "doc" {
                return lang.pick("het oude Word-formaat .doc wordt niet ondersteund; sla het bestand op als .docx",
                                 "the old Word format .doc is not supported; save the file as .docx")
            }
            return lang.pick("bestandstype \(shown) wordt niet ondersteund; gebruik \(Ingest.extensionList(.nl))",
                             "file type \(shown) is not supported; use \(Ingest.extensionList(.en))")
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
        case .wordPartTooLarge(let part, let limit):
            return lang.pick("Word-bestand pakt uit tot meer dan \(limit / (1024 * 1024)) MB in \(part) (de grens van de check; een werkagenda is veel kleiner)",
                             "Word file inflates to more than \(limit / (1024 * 1024)) MB in \(part) (the check's limit; a work agenda is far smaller)")
        case .wordPartTooComplex(let part, let limit):
            return lang.pick("Word-bestand heeft in \(part) meer dan \(Self.grouped(limit, ".")) XML-elementen en -attributen (de grens van de check; een werkagenda heeft er veel minder)",
                             "Word file has more than \(Self.grouped(limit, ",")) XML elements and attributes in \(part) (the check's limit; a work agenda has far fewer)")
        }
    }

    /// 10000000 → "10.000.000" (Dutch) or "10,000,000".
    static func grouped(_ number: Int, _ separator: String) -> String {
        var digits = String(number)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return groups.joined(separator: separator)
    }

    /// The reasons `Ingest` and `Auditor.expand` give, in Dutch; anything
    /// else (a rare system message) is shown as it is.
    static func dutch(_ reason: String) -> String {
        switch reason {
        case "permission denied": return "geen leesrechten"
        case "no such file": return "bestaat niet"
        case "no such file or folder": return "bestand of map bestaat niet"
        case "input/output error": return "lees- of schrijffout van het apparaat"
        default: return reason
        }
    }
}

/// Reads a file from disk (or bytes from elsewhere) into a `Document`.
public enum Ingest {
    public static let supportedExtensions: Set<String> = ["txt", "text", "xhtml", "html", "htm", "docx", "pdf"]
    /// The supported extensions for people to read, derived from `supportedExtensions`:
    /// `.docx, .pdf, .txt, .xhtml, .html of .htm` (`text`, an alias of `txt`, is left out).
    public static func extensionList(_ lang: Language) -> String {
        let preferred = ["docx", "pdf", "txt", "xhtml", "html", "htm"]
        let shown = preferred.filter(supportedExtensions.contains)
            + supportedExtensions.subtracting(preferred).subtracting(["text"]).sorted()
        let items = shown.map { "." + $0 }
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + lang.pick(" of ", " or ") + items.last!
    }

    /// Files above this size are refused rather than read into memory.
    public static let maximumFileSize = 512 * 1024 * 1024

    public static func load(path: String) throws(IngestError) -> Document {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        guard supportedExtensions.contains(ext) else { throw .unsupportedType(ext: ext) }
        return try parse(data: readRegularFile(path: path), path: path, ext: ext)
    }

    /// Reads a regular file (through symbolic links) and nothing else: a
    /// FIFO, socket, device or folder is refused before it is opened, so a
    /// named pipe without a writer cannot block the batch. The file is
    /// opened non-blocking and checked again on the open descriptor, so a
    /// file swapped for a FIFO in between is refused too.
    static func readRegularFile(path: String) throws(IngestError) -> Data {
        var info = try examine(path).get()
        if let kind = FileKind(info).irregular { throw .notRegularFile(kind: kind) }
        if Int(info.st_size) > maximumFileSize { throw .tooLarge(bytes: Int(info.st_size), limit: maximumFileSize) }

        var descriptor: Int32
        repeat { descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC) } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw problem(path: path, errno: errno) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(reason: reason(errno)) }
        if let kind = FileKind(info).irregular { throw .notRegularFile(kind: kind) }

        var data = Data()
        data.reserveCapacity(Int(info.st_size))
        // Room for the whole file and the read that finds its end, up to 1 MB a read: a fixed 1 MB buffer cost a small
        // file 256 page faults (about 0.5 ms of `check`).
        var buffer = [UInt8](repeating: 0, count: max(4096, min(1 << 20, Int(info.st_size) + 1)))
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason: reason(errno))
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
            // The file may have grown since it was measured.
            if data.count > maximumFileSize { throw .tooLarge(bytes: data.count, limit: maximumFileSize) }
        }
        return data
    }

    /// What kind of thing a `stat` describes.
    struct FileKind {
        let mode: mode_t
        init(_ info: stat) { mode = info.st_mode & S_IFMT }
        var isDirectory: Bool { mode == S_IFDIR }
        var isRegular: Bool { mode == S_IFREG }
        var isLink: Bool { mode == S_IFLNK }
        /// nil for a regular file, else the `IngestError.notRegularFile` kind.
        var irregular: String? {
            switch mode {
            case S_IFREG: return nil
            case S_IFDIR: return "directory"
            case S_IFIFO: return "fifo"
            case S_IFSOCK: return "socket"
            case S_IFCHR, S_IFBLK: return "device"
            default: return "other"
            }
        }
    }

    /// What `path` is, through symbolic links, or why it cannot be reached.
    static func examine(_ path: String) -> Result<stat, IngestError> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(problem(path: path, errno: errno)) }
        return .success(info)
    }

    /// Why `path` cannot be reached: a dangling link, a link loop, or the reason for `errno`.
    static func problem(path: String, errno code: Int32) -> IngestError {
        switch code {
        case ELOOP:
            return .linkLoop
        case ENOENT:
            var info = stat()
            if lstat(path, &info) == 0, FileKind(info).isLink { return .danglingLink }
            return .unreadable(reason: "no such file")
        default:
            return .unreadable(reason: reason(code))
        }
    }

    /// A short English reason for an `errno` (translated in `IngestError.message`).
    static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "no such file"
        case EIO: return "input/output error"
        default: return String(cString: strerror(code)).lowercased()
        }
    }

    /// Parses bytes as the type named by `ext` ("txt", "xhtml", "html", ...).
    /// `pdfLimits`: the limits for a PDF (default `PDFLimits.current`).
    public static func parse(data: consuming Data, path: String, ext: String, pdfLimits: PDFLimits? = nil) throws(IngestError) -> Document {
        let fallbackTitle = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        switch ext.lowercased() {
        case "txt", "text":
            // The file's bytes are released once decoded, the decoded text once cut into blocks: a long file is not
            // held three times over while its document is made.
            let blocks: [Block], warnings: [IngestWarning]
            do {
                let decoded: TextDecoding.Decoded
                do {
                    let bytes = data
                    data = Data()
                    decoded = try TextDecoding.decode(bytes)
                }
                warnings = decoded.warnings
                blocks = PlainTextReader.blocks(from: decoded.text)
            }
            return try makeDocument(path: path, format: .plainText, blocks: blocks, title: nil,
                                    fallbackTitle: fallbackTitle, warnings: warnings)
        case "xhtml", "html", "htm":
            if data.isEmpty { throw .empty }
            if TextDecoding.looksBinary([UInt8]((copy data).prefix(65_536))) { throw .binary }
            let result = try MarkupReader.read(data: data, preferXML: ext.lowercased() == "xhtml")
            return try makeDocument(path: path, format: result.format, blocks: result.blocks, title: result.title,
                                    fallbackTitle: fallbackTitle, warnings: result.warnings)
        case "docx":
            let result = try DocxReader.read(data: data)
            return try makeDocument(path: path, format: .docx, blocks: result.blocks, title: result.title,
                                    fallbackTitle: fallbackTitle, warnings: [])
        case "pdf":
            let blocks = try PDFReader.read(data: data, limits: pdfLimits ?? PDFLimits.current)
            return try makeDocument(path: path, format: .pdf, blocks: blocks, title: nil,
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
}
