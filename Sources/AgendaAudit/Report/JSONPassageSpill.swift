import Foundation

/// The JSON of a long document's passages, set aside while the document is read: an agenda's `cycle`, written
/// before its passages, needs all of them, so without this every coded passage was held until the end (about
/// 3.5 bytes per byte of input). Each passage is written as it is handed off (`Pipeline.audit(_:workers:splitAt:
/// handOff:)`) to a temporary file that is unlinked as soon as it is made (nothing is left behind, whatever
/// happens), minus its `cycle` member, which `assemble` may still change; `JSONReport.write(_:spill:into:afterPassage:)`
/// copies them back into the report in order with their `cycle`. The bytes are those of the passages written
/// directly.
public final class JSONPassageSpill: PassageSink, @unchecked Sendable {
    private var descriptor: Int32
    private var buffer = JSONBuffer(capacity: JSONPassageSpill.chunk + (1 << 16))
    /// Per passage, the length of its members before `cycle` and after it, in the file one after the other.
    private var heads: [Int] = [], tails: [Int] = []
    /// The first write error (an errno), reported when the passages are read back.
    private var failure: Int32?
    /// Reading back: a chunk of the file and the place in it.
    private var readBuffer: [UInt8] = []
    private var readStart = 0, readEnd = 0
    private static let chunk = 1 << 20
    /// The folder of the temporary file, for the error when it cannot be written or read.
    private let directory: String

    /// A temporary file in `TMPDIR` (else /tmp); nil when none can be made (the passages are then kept in memory).
    public init?() {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
            + Array("agenda-audit-passages-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else { return nil }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        descriptor = made
        self.directory = directory
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// The number of passages set aside.
    public var count: Int { heads.count }

    public func take(_ passages: [CodedPassage]) {
        for item in passages {
            buffer.beginDetachedObject()
            let start = buffer.count
            JSONReport.writeCodes(item, into: &buffer)
            let middle = buffer.count
            JSONReport.writeRest(item, into: &buffer)
            heads.append(middle - start)
            tails.append(buffer.count - middle)
            buffer.endDetachedObject()
            if buffer.count >= Self.chunk { flush() }
        }
    }

    private func flush() {
        buffer.drain { bytes in
            guard failure == nil else { return }
            if !OutputFile.writeAll(bytes, to: descriptor) { failure = errno }
        }
    }

    /// Before reading back: what is buffered written, the file read from its start.
    func rewind() throws {
        flush()
        if let failure { throw error(failure) }
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw error(errno) }
        if readBuffer.isEmpty { readBuffer = [UInt8](repeating: 0, count: Self.chunk) }
        readStart = 0
        readEnd = 0
    }

    /// Passage `index` (read in order after `rewind`), with its `cycle` member, as `JSONReport.write(_:cycle:into:)` writes it.
    func passage(_ index: Int, cycle: [CycleElement: CycleFinding], into json: inout JSONBuffer) throws {
        json.beginObject()
        try copy(heads[index], into: &json)
        json.continueObject()
        JSONReport.write(cycle, into: &json)
        try copy(tails[index], into: &json)
        json.endObject()
    }

    /// The temporary file could not be written or read back (a full disk): said with its folder and what to do.
    private func error(_ code: Int32) -> NSError {
        let reason = String(cString: strerror(code))
        return NSError(domain: NSPOSIXErrorDomain, code: Int(code), userInfo: [NSLocalizedDescriptionKey:
            "tijdelijk bestand in \(directory): \(reason); geef met TMPDIR een map met meer ruimte "
            + "(temporary file in \(directory): \(reason); set TMPDIR to a folder with more room)"])
    }

    /// The next `length` bytes of the file, appended to `json`.
    private func copy(_ length: Int, into json: inout JSONBuffer) throws {
        var left = length
        while left > 0 {
            if readStart == readEnd {
                let read = readBuffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
                if read < 0 {
                    if errno == EINTR { continue }
                    throw error(errno)
                }
                guard read > 0 else { throw error(EIO) }
                readStart = 0
                readEnd = read
            }
            let piece = min(left, readEnd - readStart)
            readBuffer.withUnsafeBytes { json.raw(UnsafeRawBufferPointer(rebasing: $0[readStart..<readStart + piece])) }
            readStart += piece
            left -= piece
        }
    }
}
