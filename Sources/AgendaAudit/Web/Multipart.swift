import Foundation

/// A small multipart/form-data reader for the web check's upload form.
public struct MultipartForm: Sendable {
    public struct Part: Sendable {
        public let name: String
        public let filename: String?
        public let contentType: String?
        public let data: Data
    }

    public let parts: [Part]

    public func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    public func text(_ name: String) -> String? {
        part(name).map { String(decoding: $0.data, as: UTF8.self) }
    }

    /// The boundary of a `multipart/form-data; boundary=...` content type.
    public static func boundary(of contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    /// A form with more parts than this is not read further (the check's form has three).
    public static let maximumParts = 64

    /// More than `maximumParts` parts were sent; `parts` holds the first ones.
    public private(set) var tooManyParts = false

    /// Parses a body in one pass (each byte is looked at a bounded number of
    /// times, whatever the number of parts); nil when it is not well-formed
    /// multipart.
    public init?(body: Data, boundary: String, maximumParts: Int = MultipartForm.maximumParts) {
        let delimiter = Array(("--" + boundary).utf8)
        let nextDelimiter = Array("\r\n".utf8) + delimiter
        let headerEnd = Array("\r\n\r\n".utf8)
        var parts: [Part] = []
        var tooMany = false
        let parsed: Bool = body.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            guard raw.baseAddress != nil else { return false }
            let count = raw.count
            /// The offset of `needle` in `from..<count`, or nil: Knuth-Morris-Pratt, so each
            /// byte is compared a bounded number of times even in a hostile body.
            func find(_ needle: [UInt8], from: Int) -> Int? {
                guard from <= count, !needle.isEmpty else { return nil }
                let table = Self.failureTable(needle)
                var matched = 0
                var index = from
                while index < count {
                    let byte = raw[index]
                    while matched > 0 && needle[matched] != byte { matched = table[matched - 1] }
                    if needle[matched] == byte { matched += 1 }
                    if matched == needle.count { return index - matched + 1 }
                    index += 1
                }
                return nil
            }
            func byte(_ offset: Int) -> UInt8? { offset < count ? raw[offset] : nil }
            guard let first = find(delimiter, from: 0) else { return false }
            var cursor = first + delimiter.count
            while cursor < count {
                // "--" after a delimiter ends the body.
                if byte(cursor) == 0x2D, byte(cursor + 1) == 0x2D { break }
                guard let lineEnd = find(Array("\r\n".utf8), from: cursor),
                      let headersEnd = find(headerEnd, from: lineEnd + 2) ?? (byte(lineEnd + 2) == 0x0D && byte(lineEnd + 3) == 0x0A ? lineEnd : nil),
                      let next = find(nextDelimiter, from: headersEnd + 4)
                else { return false }
                if parts.count == maximumParts {
                    tooMany = true
                    break
                }
                let headerText = headersEnd > lineEnd + 2
                    ? String(decoding: UnsafeRawBufferPointer(rebasing: raw[(lineEnd + 2)..<headersEnd]), as: UTF8.self) : ""
                var name: String?, filename: String?, contentType: String?
                for line in headerText.components(separatedBy: "\r\n") {
                    let lowered = line.lowercased()
                    if lowered.hasPrefix("content-disposition:") {
                        name = Self.parameter("name", in: line)
                        filename = Self.parameter("filename", in: line)
                    } else if lowered.hasPrefix("content-type:") {
                        contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                    }
                }
                guard let name else { return false }
                parts.append(Part(name: name, filename: filename, contentType: contentType,
                                  data: Data(UnsafeRawBufferPointer(rebasing: raw[(headersEnd + 4)..<next]))))
                cursor = next + nextDelimiter.count
            }
            return true
        }
        guard parsed else { return nil }
        self.parts = parts
        tooManyParts = tooMany
    }

    /// KMP: for each prefix of `needle`, the length of its longest proper prefix that is also its suffix.
    static func failureTable(_ needle: [UInt8]) -> [Int] {
        var table = [Int](repeating: 0, count: needle.count)
        var length = 0
        var index = 1
        while index < needle.count {
            if needle[index] == needle[length] {
                length += 1
                table[index] = length
                index += 1
            } else if length > 0 {
                length = table[length - 1]
            } else {
                index += 1
            }
        }
        return table
    }

    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            // Keep the file name only, never a path.
            if key == "filename" { value = value.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "" }
            return value
        }
        return nil
    }
}
