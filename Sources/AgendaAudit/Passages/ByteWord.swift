/// Tests on eight bytes at once, read as one little-endian `UInt64` (the classic exact zero-byte and less-than tests:
/// no borrow from one byte spoils another's answer). The byte scans of the text reader, the passage index, the date
/// reader and the JSON writer skip runs of uninteresting bytes with them.
enum ByteWord {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes from `offset` of `base`, unaligned.
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
    }

    /// Some byte is 0x80 or above: not ASCII.
    @inline(__always)
    static func hasHighByte(_ word: UInt64) -> Bool { word & highs != 0 }

    /// The high bit of each byte below `bound` (exact for a bound up to 0x80; masks combine with `|` without a branch).
    @inline(__always)
    static func below(_ bound: UInt8, _ word: UInt64) -> UInt64 { (word &- ones &* UInt64(bound)) & ~word & highs }

    /// The high bit of each byte equal to `byte`.
    @inline(__always)
    static func equal(_ byte: UInt8, _ word: UInt64) -> UInt64 { below(1, word ^ (ones &* UInt64(byte))) }

    /// Some byte is below `bound` (exact for a bound up to 0x80).
    @inline(__always)
    static func hasByte(below bound: UInt8, in word: UInt64) -> Bool { below(bound, word) != 0 }

    /// Some byte equals `byte`.
    @inline(__always)
    static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool { equal(byte, word) != 0 }

    /// Whether some byte of `text`'s UTF-8 passes `byte`: eight bytes at a time through `word` (which must say whether
    /// any of the eight would pass), then the tail byte by byte.
    @inline(__always)
    static func anyByte(in text: String, word: (UInt64) -> Bool, byte: (UInt8) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            if let base = bytes.baseAddress {
                while index + 8 <= count {
                    if word(load(base, index)) { return true }
                    index += 8
                }
            }
            while index < count {
                if byte(bytes[index]) { return true }
                index += 1
            }
            return false
        }
    }
}

/// Reading scalars straight from valid UTF-8 (a `String`'s own bytes), for walks that skip most scalars undecoded.
enum UTF8Walk {
    /// The length in bytes of the scalar whose encoding starts with `lead`.
    @inline(__always)
    static func width(_ lead: UInt8) -> Int { lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }

    /// The scalar whose encoding starts at `position`, and its length in bytes.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> (scalar: Unicode.Scalar, width: Int) {
        let lead = bytes[position]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let width = Self.width(lead)
        var value = UInt32(lead & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07))
        for next in 1..<width { value = value << 6 | UInt32(bytes[position + next] & 0x3F) }
        // (valid UTF-8 always decodes to a scalar)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }
}

extension Array {
    /// `Array(repeating: value, count: count)`, made where it is used: the standard library's initialiser goes through
    /// an unspecialised allocation that looks up the storage class's generic metadata on every call (about 700
    /// instructions, for each of the ten or so arrays a passage fills this way); reserving room and appending is
    /// specialised and inlined here.
    @inline(__always)
    init(filledWith value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
