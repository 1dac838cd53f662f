import Foundation

/// Turns the bytes of a text file into a String: UTF-8 with or without BOM,
/// UTF-16 with BOM, and Windows-1252 (common from Word) detected with a
/// warning. Anything else is an error.
enum TextDecoding {
    struct Decoded {
        var text: String
        var warnings: [IngestWarning]
    }

    static func decode(_ data: Data) throws(IngestError) -> Decoded {
        // Read in place: a copy of the bytes as an array held a long file a third time while it was decoded.
        let decoded: Result<Decoded, IngestError> = data.withUnsafeBytes { raw in
            decode(raw.bindMemory(to: UInt8.self))
        }
        return try decoded.get()
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Decoded, IngestError> {
        if bytes.isEmpty { return .failure(.empty) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes[3...], as: UTF8.self) else {
                return .failure(.invalidEncoding(detail: invalidUTF8Detail(Array(bytes[3...]), offset: 3)))
            }
            return .success(Decoded(text: text, warnings: []))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            guard let text = decodeUTF16(Array(bytes[2...]), littleEndian: littleEndian) else {
                return .failure(.invalidEncoding(detail: "UTF-16 (BOM) with invalid code units"))
            }
            return .success(Decoded(text: text, warnings: [IngestWarning(code: "utf16", detail: "UTF-16")]))
        }
        if looksBinary(Array(bytes.prefix(65_536))) { return .failure(.binary) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return .success(Decoded(text: text, warnings: []))
        }
        if let text = decodeWindows1252(Array(bytes)) {
            return .success(Decoded(text: text, warnings: [IngestWarning(code: "windows-1252", detail: "Windows-1252")]))
        }
        return .failure(.invalidEncoding(detail: invalidUTF8Detail(Array(bytes), offset: 0)))
    }

    /// NUL bytes or many control characters mean this is not a text file.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(65_536)
        var control = 0
        for byte in sample {
            if byte == 0 { return true }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { control += 1 }
        }
        return control * 100 > sample.count * 2
    }

    private static func invalidUTF8Detail(_ bytes: [UInt8], offset: Int) -> String {
        var position = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                position = consumed
            case .emptyInput:
                break loop
            case .error:
                break loop
            }
        }
        return "byte \(position + offset)"
    }

    private static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index < bytes.count {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            index += 2
        }
        return String(validating: units, as: UTF16.self)
    }

    /// Windows-1252: bytes 0x80-0x9F map to typographic characters; five of
    /// them are undefined and make the guess fail.
    private static let cp1252High: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    static func decodeWindows1252(_ bytes: [UInt8]) -> String? {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte < 0x80 || byte >= 0xA0 {
                scalars.append(Unicode.Scalar(byte))
            } else if let value = cp1252High[Int(byte) - 0x80], let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
            } else {
                return nil
            }
        }
        return String(scalars)
    }
}
