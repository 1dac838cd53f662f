/// A small JSON writer for the audit stream. It produces what
/// `JSONEncoder` with sorted keys produces for the same values (a test
/// checks this on the twelve agendas), at a fraction of the cost: the
/// stream of a large batch is mostly evidence objects, and going through
/// `Encodable` boxed every field. Callers open and close objects and
/// arrays and give object keys in sorted order.
struct JSONBuffer {
    /// The bytes live in one heap block written through a pointer: appending to an `[UInt8]` checked its
    /// uniqueness and capacity per byte and went through a generic `append(contentsOf:)` per string (about 330
    /// instructions per string written, callgrind). `Block` owns the memory and frees it; a copy of a buffer would
    /// share it, so a buffer is only passed `inout`, never copied.
    private final class Block {
        var base: UnsafeMutablePointer<UInt8>
        init(capacity: Int) { base = .allocate(capacity: capacity) }
        deinit { base.deallocate() }
    }
    private let block: Block
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The number of bytes written so far.
    private(set) var count = 0
    /// Per open object or array, a bit: whether the next member is its first (the writer nests a few levels deep).
    private var first: UInt64 = 0
    private var depth = 0
    /// Fractional numbers written so far (at most 256) and their text, by bit pattern.
    private var fractions: [UInt64: [UInt8]] = [:]

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 16)
        block = Block(capacity: self.capacity)
        base = block.base
    }

    /// A copy of the bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Hands the bytes written so far to `body` (valid only during the call) and empties the buffer (keeping its
    /// place in the open objects).
    mutating func drain(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try body(UnsafeRawBufferPointer(start: base, count: count))
        count = 0
    }

    /// Room for `more` bytes after `count`.
    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if count + more > capacity { grow(count + more) }
    }

    @inline(never)
    private mutating func grow(_ needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        block.base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func append(_ start: UnsafePointer<UInt8>, _ length: Int) {
        guard length > 0 else { return }
        reserve(length)
        (base + count).update(from: start, count: length)
        count += length
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { if let start = $0.baseAddress { append(start, $0.count) } }
    }

    @inline(__always)
    private mutating func open(_ byte: UInt8) {
        precondition(depth < 64, "JSON nested more than 64 levels")
        append(byte)
        first |= 1 << UInt64(depth)
        depth += 1
    }

    @inline(__always)
    private mutating func close(_ byte: UInt8) {
        precondition(depth > 0, "JSON closed more than opened")
        depth -= 1
        append(byte)
    }

    /// Bytes as they are (a piece of JSON written by another buffer).
    mutating func raw(_ bytes: UnsafeRawBufferPointer) {
        guard let start = bytes.baseAddress, bytes.count > 0 else { return }
        append(start.assumingMemoryBound(to: UInt8.self), bytes.count)
    }

    /// Opens an object whose braces are written elsewhere: its members are written here, to be spliced into an
    /// object another buffer opens (`continueObject`).
    mutating func beginDetachedObject() {
        precondition(depth < 64, "JSON nested more than 64 levels")
        first |= 1 << UInt64(depth)
        depth += 1
    }

    mutating func endDetachedObject() {
        precondition(depth > 0, "JSON closed more than opened")
        depth -= 1
    }

    /// After members spliced in with `raw` (written in a detached object): the next member needs its comma.
    mutating func continueObject() {
        first &= ~(1 << UInt64(depth - 1))
    }

    mutating func beginObject() { open(0x7B) }
    mutating func endObject() { close(0x7D) }
    mutating func beginArray() { open(0x5B) }
    mutating func endArray() { close(0x5D) }

    /// Before each array element.
    mutating func element() {
        let bit: UInt64 = 1 << UInt64(depth - 1)
        if first & bit != 0 { first &= ~bit } else { append(0x2C) }
    }

    /// `"name":` inside an object.
    mutating func key(_ name: StaticString) {
        element()
        append(0x22)
        raw(name)
        append(0x22)
        append(0x3A)
    }

    /// A string that needs no escaping, known at compile time (an enum's raw value): written as it is.
    mutating func name(_ text: StaticString) {
        append(0x22)
        raw(text)
        append(0x22)
    }

    mutating func key(_ name: String) {
        element()
        string(name)
        append(0x3A)
    }

    mutating func string(_ text: String) {
        // The bytes read in place (`var text = text; text.withUTF8` copied the string: a retain and release per string).
        let written: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            let count = utf8.count
            // The quotes and the text, escaped or not: room for all at once (escapes reserve their own).
            reserve(count + 2)
            append(0x22)
            guard let start = utf8.baseAddress else { append(0x22); return }
            var runStart = 0
            var index = 0
            var tailTested = false
            while index < count {
                // Eight bytes at a time while none of them is a control character, '"' or '\\'.
                if index + 8 <= count {
                    let word = ByteWord.load(start, index)
                    if !Self.needsEscape(word) { index += 8; continue }
                } else if !tailTested {
                    // Fewer than eight bytes left (most strings end so, many are shorter): the string's last eight
                    // bytes, or all of them padded with spaces, tested at once. None to escape there: none in the rest.
                    tailTested = true
                    var tail: UInt64 = 0x2020_2020_2020_2020
                    if count >= 8 {
                        tail = ByteWord.load(start, count - 8)
                    } else {
                        withUnsafeMutableBytes(of: &tail) { $0.baseAddress!.copyMemory(from: start, byteCount: count) }
                    }
                    if !Self.needsEscape(tail) { index = count; continue }
                }
                let byte = start[index]
                index += 1
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                append(start + runStart, index - 1 - runStart)
                runStart = index
                switch byte {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                default:
                    let hex: StaticString = "0123456789abcdef"
                    raw("\\u00")
                    hex.withUTF8Buffer { digits in
                        append(digits[Int(byte >> 4)])
                        append(digits[Int(byte & 0x0F)])
                    }
                }
            }
            append(start + runStart, count - runStart)
            append(0x22)
        }
        if written == nil {
            // A bridged string without contiguous bytes: a native copy has them.
            var copy = text
            copy.makeContiguousUTF8()
            string(copy)
        }
    }

    /// Whether any byte of `word` is below 0x20, '"' or '\\' (exact: the classic zero-byte and less-than tests).
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        ByteWord.below(0x20, word) | ByteWord.equal(0x22, word) | ByteWord.equal(0x5C, word) != 0
    }

    mutating func int(_ value: Int) {
        // The decimal digits as String(value) spells them, written without making a String.
        if value >= 0 && value < 10 { append(0x30 + UInt8(value)); return }
        // The digits counted first, then written from the last straight into the buffer (a checked append per digit
        // from a scratch tuple before).
        var magnitude = value.magnitude, rest = magnitude / 10, length = value < 0 ? 2 : 1
        while rest > 0 { length += 1; rest /= 10 }
        reserve(length)
        var position = count + length
        repeat {
            position -= 1
            base[position] = 0x30 + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        if value < 0 { base[count] = 0x2D }
        count += length
    }

    /// Whole numbers without a fraction, as JSONEncoder writes them.
    mutating func double(_ value: Double) {
        if value.rounded() == value, abs(value) < 1e15 {
            int(Int(value))
        } else if let known = fractions[value.bitPattern] {
            known.withUnsafeBufferPointer { if let start = $0.baseAddress { append(start, $0.count) } }
        } else {
            // Spelled by the standard library (about 550 instructions); remembered by bit pattern, as weights and
            // scores repeat: the same value is the same text.
            let text = Array("\(value)".utf8)
            if fractions.count < 256 { fractions[value.bitPattern] = text }
            text.withUnsafeBufferPointer { if let start = $0.baseAddress { append(start, $0.count) } }
        }
    }

    mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { element(); string(value) }
        endArray()
    }
}

extension JSONReport {
    /// One agenda of the `--format json` stream, with the keys in sorted order.
    /// `afterPassage` runs after each passage is written (the streamed writer empties the buffer there).
    static func write(_ audit: AuditedAgenda, into json: inout JSONBuffer,
                      afterPassage: (inout JSONBuffer) throws -> Void) rethrows {
        writeOpening(audit, into: &json)
        for (index, item) in audit.coded.passages.enumerated() {
            json.element()
            write(item, cycle: audit.cycle?.passages[index].elements ?? [:], into: &json)
            try afterPassage(&json)
        }
        writeClosing(audit, into: &json)
    }

    /// The same bytes for an agenda whose passages were set aside in `spill` as they were done.
    static func write(_ audit: AuditedAgenda, spill: JSONPassageSpill, into json: inout JSONBuffer,
                      afterPassage: (inout JSONBuffer) throws -> Void) throws {
        try spill.rewind()
        writeOpening(audit, into: &json)
        for index in 0..<spill.count {
            json.element()
            try spill.passage(index, cycle: audit.cycle?.passages[index].elements ?? [:], into: &json)
            try afterPassage(&json)
        }
        writeClosing(audit, into: &json)
    }

    /// An agenda up to its passages: the object opened, the members before `passages`, the array opened.
    private static func writeOpening(_ audit: AuditedAgenda, into json: inout JSONBuffer) {
        let coded = audit.coded
        let document = coded.document
        json.beginObject()
        json.key("actionTypes"); json.strings(coded.actionTypes)
        json.key("breadth"); json.int(coded.breadth)
        json.key("cycle")
        if let cycle = audit.cycle { write(cycle, into: &json) } else { json.raw("null") }
        json.key("file"); json.string(document.path)
        json.key("format"); json.string(document.format.rawValue)
        json.key("passages")
        json.beginArray()
    }

    /// An agenda after its passages: the array closed, the members after it, the object closed.
    private static func writeClosing(_ audit: AuditedAgenda, into json: inout JSONBuffer) {
        let document = audit.coded.document
        json.endArray()
        json.key("title"); json.string(document.title)
        json.key("warnings")
        json.beginArray()
        for warning in document.warnings {
            json.element()
            json.beginObject()
            json.key("code"); json.string(warning.code)
            json.key("detail"); json.string(warning.detail)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    /// Element ids, "phases" and "completeness", sorted as JSONEncoder sorts them.
    static func write(_ cycle: AgendaCycle, into json: inout JSONBuffer) {
        let names = (CycleElement.allCases.map(\.rawValue) + ["phases", "completeness"]).sorted()
        let phases = cycle.phases
        json.beginObject()
        for name in names {
            json.key(name)
            switch name {
            case "phases":
                json.beginObject()
                json.key("act"); json.double(phases.act)
                json.key("check"); json.double(phases.check)
                json.key("do"); json.double(phases.do)
                json.key("plan"); json.double(phases.plan)
                json.endObject()
            case "completeness":
                json.double(phases.completeness)
            default:
                let finding = CycleElement(rawValue: name).flatMap { cycle.elements[$0] }
                    ?? CycleFinding(status: .absent, evidence: [])
                json.beginObject()
                json.key("evidence")
                json.beginArray()
                for evidence in finding.evidence {
                    json.element()
                    json.beginObject()
                    json.key("end"); json.int(evidence.end)
                    json.key("passage"); json.string(evidence.passage)
                    json.key("rule"); json.string(evidence.rule)
                    json.key("start"); json.int(evidence.start)
                    json.key("text"); json.string(evidence.text)
                    json.endObject()
                }
                json.endArray()
                json.key("status"); json.string(finding.status.rawValue)
                json.endObject()
            }
        }
        json.endObject()
    }

    static func write(_ item: CodedPassage, cycle: [CycleElement: CycleFinding], into json: inout JSONBuffer) {
        json.beginObject()
        writeCodes(item, into: &json)
        write(cycle, into: &json)
        writeRest(item, into: &json)
        json.endObject()
    }

    /// A passage's first member, `codes` (what `cycle` comes after).
    static func writeCodes(_ item: CodedPassage, into json: inout JSONBuffer) {
        json.key("codes")
        json.beginArray()
        for assignment in item.codes {
            json.element()
            json.beginObject()
            json.key("code"); json.string(assignment.code)
            json.key("evidence")
            json.beginArray()
            for evidence in assignment.evidence {
                json.element()
                json.beginObject()
                json.key("end"); json.int(evidence.end)
                json.key("pattern"); json.string(evidence.pattern)
                json.key("role"); json.name(evidence.role.jsonName)
                json.key("start"); json.int(evidence.start)
                json.key("term"); json.string(evidence.term)
                json.key("text"); json.string(evidence.text)
                json.key("weight"); json.double(evidence.weight)
                json.endObject()
            }
            json.endArray()
            json.key("score"); json.double(assignment.score)
            json.endObject()
        }
        json.endArray()
    }

    /// A passage's `cycle` member: the statuses of the elements it shows.
    static func write(_ cycle: [CycleElement: CycleFinding], into json: inout JSONBuffer) {
        json.key("cycle")
        json.beginObject()
        for (element, finding) in cycle.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            json.key(element.jsonName); json.name(finding.status.jsonName)
        }
        json.endObject()
    }

    /// A passage's members after `cycle`, up to and with `text`.
    static func writeRest(_ item: CodedPassage, into json: inout JSONBuffer) {
        let passage = item.passage
        json.key("end"); json.int(passage.end)
        json.key("id"); json.string(passage.id)
        json.key("kind"); json.name(passage.kind.jsonName)
        json.key("line"); json.int(passage.line)
        if let page = passage.page { json.key("page"); json.int(page) }
        json.key("section"); json.strings(passage.section)
        json.key("start"); json.int(passage.start)
        json.key("suppressed")
        json.beginArray()
        for hit in item.suppressed {
            json.element()
            json.beginObject()
            json.key("code"); json.string(hit.code)
            json.key("cue"); json.string(hit.cue)
            json.key("end"); json.int(hit.end)
            json.key("reason"); json.name(hit.reason.jsonName)
            if let rule = hit.rule { json.key("rule"); json.string(rule) }
            json.key("start"); json.int(hit.start)
            json.key("term"); json.string(hit.term)
            json.key("text"); json.string(hit.text)
            json.endObject()
        }
        json.endArray()
        json.key("text"); json.string(passage.text)
    }
}

// The raw values of the enums the stream writes per passage and per evidence item, as static strings (the same
// text as `rawValue`): no String is made and nothing is scanned for escaping.
extension CycleElement {
    var jsonName: StaticString {
        switch self {
        case .measurableGoals: return "measurable-goals"
        case .jobsTarget: return "jobs-target"
        case .planning: return "planning"
        case .monitoring: return "monitoring"
        case .problemAnalysis: return "problem-analysis"
        case .boardSignature: return "board-signature"
        }
    }
}

extension CycleStatus {
    var jsonName: StaticString {
        switch self {
        case .absent: return "absent"
        case .partial: return "partial"
        case .present: return "present"
        }
    }
}

extension Evidence.Role {
    var jsonName: StaticString {
        switch self {
        case .term: return "term"
        case .context: return "context"
        }
    }
}

extension SuppressedHit.Reason {
    var jsonName: StaticString {
        switch self {
        case .negation: return "negation"
        case .metaText: return "meta-text"
        case .exclusion: return "exclusion"
        case .notAnAction: return "not-an-action"
        }
    }
}

extension BlockKind {
    var jsonName: StaticString {
        switch self {
        case .heading: return "heading"
        case .paragraph: return "paragraph"
        case .listItem: return "list-item"
        case .tableRow: return "table-row"
        }
    }
}
