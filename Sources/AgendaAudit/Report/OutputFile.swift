import Foundation

/// Writes a report so that an interrupted run never leaves a truncated file
/// or a half-overwritten good one: write a temporary file beside the target,
/// then rename it into place.
public enum OutputFile {
    public static func write(_ data: Data, to path: String) throws {
        let stream = try Stream(path: path)
        do {
            try stream.write(data)
            try stream.commit()
        } catch {
            stream.abandon()
            throw error
        }
    }

    /// Writes all of `bytes` to `descriptor`, retrying after interrupts and
    /// short writes; false on an error (then `errno` says which).
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// A report written piece by piece: to standard output (`path` nil),
    /// or to a temporary file beside `path` that `commit` renames into
    /// place and `abandon` removes. Writes are buffered.
    public final class Stream {
        public let path: String?
        private let temporary: String?
        private var descriptor: Int32
        private var buffer: [UInt8] = []
        private var finished = false
        private static let bufferSize = 1 << 20

        public init(path: String?) throws {
            self.path = path
            buffer.reserveCapacity(Self.bufferSize)
            guard let path else {
                temporary = nil
                descriptor = STDOUT_FILENO
                return
            }
            let url = URL(fileURLWithPath: path)
            let name = ".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
            let temporary = url.deletingLastPathComponent().appendingPathComponent(name).path
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw Self.posixError(errno) }
            self.temporary = temporary
        }

        deinit { if !finished { abandon() } }

        public func write(_ text: String) throws { try write(text.utf8) }

        public func write(_ bytes: some Sequence<UInt8>) throws {
            // A large piece (a long agenda's JSON) goes straight to the file after what is buffered, not through a copy.
            let direct: Bool? = try bytes.withContiguousStorageIfAvailable { piece in
                guard piece.count >= Self.bufferSize else { return false }
                try flush()
                guard OutputFile.writeAll(UnsafeRawBufferPointer(piece), to: descriptor) else { throw Self.posixError(errno) }
                return true
            }
            if direct == true { return }
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.bufferSize { try flush() }
        }

        private func flush() throws {
            guard buffer.withUnsafeBytes({ OutputFile.writeAll($0, to: descriptor) }) else { throw Self.posixError(errno) }
            buffer.removeAll(keepingCapacity: true)
        }

        /// Writes what is buffered and, for a file, renames it into place.
        public func commit() throws {
            try flush()
            finished = true
            guard let temporary, let path else { return }
            let closed = close(descriptor)
            descriptor = -1
            guard closed == 0 else {
                let code = errno
                unlink(temporary)
                throw Self.posixError(code)
            }
            guard rename(temporary, path) == 0 else {
                let code = errno
                unlink(temporary)
                throw Self.posixError(code)
            }
        }

        /// Drops the output: the temporary file is removed, the target untouched.
        public func abandon() {
            finished = true
            buffer.removeAll()
            guard let temporary else { return }
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            unlink(temporary)
        }

        static func posixError(_ code: Int32) -> NSError {
            NSError(domain: NSPOSIXErrorDomain, code: Int(code),
                    userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(code))])
        }
    }
}
