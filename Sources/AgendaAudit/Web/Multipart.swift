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

    /// Parses a body; nil when it is not well-formed multipart.
    public init?(body: Data, boundary: String) {
        let delimiter = Data(("--" + boundary).utf8)
        var parts: [Part] = []
        guard var cursor = body.range(of: delimiter)?.upperBound else { return nil }
        while cursor < body.endIndex {
            // "--" after a delimiter ends the body.
            if body[cursor...].starts(with: Data("--".utf8)) { break }
            guard let headerStart = body.range(of: Data("\r\n".utf8), in: cursor..<body.endIndex)?.upperBound,
                  let headerEnd = body.range(of: Data("\r\n\r\n".utf8), in: headerStart..<body.endIndex),
                  let next = body.range(of: Data("\r\n".utf8) + delimiter, in: headerEnd.upperBound..<body.endIndex)
            else { return nil }
            let headerText = String(decoding: body[headerStart..<headerEnd.lowerBound], as: UTF8.self)
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
            guard let name else { return nil }
            parts.append(Part(name: name, filename: filename, contentType: contentType,
                              data: Data(body[headerEnd.upperBound..<next.lowerBound])))
            cursor = next.upperBound
        }
        self.parts = parts
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
