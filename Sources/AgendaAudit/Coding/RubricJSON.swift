import Foundation

/// A JSON value of the rubric, typed: the rubric's readers switch over it instead of casting Foundation's `Any`
/// (every `as? [String: Any]`, `as? String`, `as? NSNumber` is a dynamic cast, and the first of each kind a runtime
/// conformance lookup over the whole binary, at the start of every command).
enum RubricJSON {
    case object(Object)
    case array([RubricJSON])
    case string(String)
    /// A number as Foundation's `NSNumber` gives it: `doubleValue` and `intValue`.
    case number(Double, Int)
    case bool(Bool)
    case null

    /// An object's members in the file's order; looked up by key (the rubric's objects have a few dozen keys).
    struct Object {
        var keys: [String] = []
        var values: [RubricJSON] = []

        subscript(key: String) -> RubricJSON? {
            for index in keys.indices where keys[index] == key { return values[index] }
            return nil
        }

        var isEmpty: Bool { keys.isEmpty }
    }

    var array: [RubricJSON]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var object: Object? {
        if case .object(let object) = self { return object }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// Parses `data` as `JSONSerialization.jsonObject(with:options: [])` does. The common case (UTF-8, an object or a
    /// list at the top, plain numbers, no duplicate keys) is read directly from the bytes; anything else goes through
    /// `JSONSerialization`, so that what it accepts, rejects and reports stays exactly as before.
    static func parse(_ data: Data) throws -> RubricJSON {
        let fast: RubricJSON? = data.withUnsafeBytes { raw in
            var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
            return reader.document()
        }
        if let fast { return fast }
        return RubricJSON(foundation: try JSONSerialization.jsonObject(with: data, options: []))
    }

    /// Foundation's tree as a typed value (the slow path: unusual input only).
    init(foundation value: Any) {
        switch value {
        case let text as String: self = .string(text)
        case let number as NSNumber:
            self = RubricParser.isBoolean(number) ? .bool(number.boolValue) : .number(number.doubleValue, number.intValue)
        case let items as [Any]: self = .array(items.map(RubricJSON.init(foundation:)))
        case let members as [String: Any]:
            var object = Object()
            for (key, member) in members {
                object.keys.append(key)
                object.values.append(RubricJSON(foundation: member))
            }
            self = .object(object)
        default: self = .null
        }
    }

    /// The direct reader: nil for anything it does not handle (which `JSONSerialization` then reads or rejects).
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func document() -> RubricJSON? {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") else { return nil }
            guard let value = value() else { return nil }
            skipSpace()
            return index == bytes.count ? value : nil
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        mutating func value() -> RubricJSON? {
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object()
            case UInt8(ascii: "["): return array()
            case UInt8(ascii: "\""): return string().map(RubricJSON.string)
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            default: return number()
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
            index += count
            return true
        }

        mutating func object() -> RubricJSON? {
            var object = Object()
            let read = members(closing: UInt8(ascii: "}")) { reader in
                guard reader.index < reader.bytes.count, reader.bytes[reader.index] == UInt8(ascii: "\""),
                      let key = reader.string() else { return false }
                // A repeated key: left to JSONSerialization, whatever it makes of it.
                if object.keys.contains(key) { return false }
                reader.skipSpace()
                guard reader.index < reader.bytes.count, reader.bytes[reader.index] == UInt8(ascii: ":") else { return false }
                reader.index += 1
                reader.skipSpace()
                guard let member = reader.value() else { return false }
                object.keys.append(key)
                object.values.append(member)
                return true
            }
            return read ? .object(object) : nil
        }

        mutating func array() -> RubricJSON? {
            var items: [RubricJSON] = []
            let read = members(closing: UInt8(ascii: "]")) { reader in
                guard let item = reader.value() else { return false }
                items.append(item)
                return true
            }
            return read ? .array(items) : nil
        }

        /// The members of an object or the items of a list, from its opening bracket to `closing`: `member` reads
        /// each (false: not handled), separated by commas; false for anything else and beyond 500 levels.
        mutating func members(closing: UInt8, _ member: (inout Reader) -> Bool) -> Bool {
            depth += 1
            guard depth < 500 else { return false }
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == closing {
                index += 1
                depth -= 1
                return true
            }
            while true {
                skipSpace()
                guard member(&self) else { return false }
                skipSpace()
                guard index < bytes.count else { return false }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == closing {
                    index += 1
                    depth -= 1
                    return true
                } else {
                    return false
                }
            }
        }

        /// A string from its opening quote; nil for a control character, invalid UTF-8 or an escape of a surrogate.
        mutating func string() -> String? {
            index += 1
            let start = index
            var ascii = true
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    return Reader.text(text, ascii: ascii)
                }
                if byte == UInt8(ascii: "\\") { return escapedString(from: start) }
                if byte < 0x20 { return nil }
                if byte >= 0x80 { ascii = false }
                index += 1
            }
            return nil
        }

        static func text(_ utf8: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String? {
            let text = String(decoding: utf8, as: UTF8.self)
            // Invalid UTF-8 comes back repaired (U+FFFD), so it no longer equals its bytes.
            if !ascii, !text.utf8.elementsEqual(utf8) { return nil }
            return text
        }

        mutating func escapedString(from start: Int) -> String? {
            var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            var ascii = !buffer.contains { $0 >= 0x80 }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return buffer.withUnsafeBufferPointer { Reader.text($0, ascii: ascii) }
                }
                if byte < 0x20 { return nil }
                if byte >= 0x80 { ascii = false }
                guard byte == UInt8(ascii: "\\") else {
                    buffer.append(byte)
                    index += 1
                    continue
                }
                guard index + 1 < bytes.count else { return nil }
                let escape = bytes[index + 1]
                index += 2
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count else { return nil }
                    var code: UInt32 = 0
                    for _ in 0..<4 {
                        let digit = bytes[index]
                        let value: UInt8
                        switch digit {
                        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = digit - UInt8(ascii: "0")
                        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = digit - UInt8(ascii: "a") + 10
                        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = digit - UInt8(ascii: "A") + 10
                        default: return nil
                        }
                        code = code << 4 | UInt32(value)
                        index += 1
                    }
                    // Surrogates (a pair, or a lone half) are left to JSONSerialization.
                    guard let scalar = Unicode.Scalar(code) else { return nil }
                    buffer.append(contentsOf: UTF8.encode(scalar)!)
                    if code >= 0x80 { ascii = false }
                default: return nil
                }
            }
            return nil
        }

        /// A number in JSON's syntax without an exponent; nil for anything else, and for a magnitude of 10^15 or more
        /// (where Foundation's integer and floating-point readings could differ from this one).
        mutating func number() -> RubricJSON? {
            let start = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { return nil }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                if index < bytes.count, isDigit(bytes[index]) { return nil }
            } else {
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            var integer = true
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                integer = false
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { return nil }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            // An exponent is left to JSONSerialization (none in the rubric; its overflow and underflow are its own).
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") { return nil }
            if integer {
                var negative = false
                var value = 0
                for position in start..<index {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: "-") { negative = true; continue }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                    if value >= 1_000_000_000_000_000 { return nil }
                }
                if negative {
                    // "-0" is left to JSONSerialization too (whether it keeps the sign).
                    guard value != 0 else { return nil }
                    value = -value
                }
                return .number(Double(value), value)
            }
            guard let double = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)),
                  abs(double) < 1e15 else { return nil }
            return .number(double, Int(double))
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    }
}
