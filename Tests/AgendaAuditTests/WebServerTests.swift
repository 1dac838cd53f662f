import Foundation
import Testing
@testable import AgendaAudit

/// `agenda-audit serve` on a loopback port, spoken to in raw HTTP. Each test
/// starts its own server with short limits and stops it; every wait is bounded.
final class ServerProcess {
    let process = Process()
    let port: Int
    private let output = Pipe(), errors = Pipe()
    private(set) var banner = ""
    var errorsHandle: FileHandle { errors.fileHandleForReading }

    init(_ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: Repo.executable)
        process.arguments = ["serve", "--port", "0"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["AGENDA_AUDIT_RUBRIC"] = Repo.path("rubric.json")
        process.environment = environment
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // The banner names the port: "... http://127.0.0.1:PORT/".
        var banner = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !banner.contains("/\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            banner += String(decoding: chunk, as: UTF8.self)
        }
        self.banner = banner
        guard let match = banner.range(of: #":[0-9]+/"#, options: .regularExpression) else {
            process.terminate()
            throw ServerError.noBanner(banner)
        }
        port = Int(banner[match].dropFirst().dropLast())!
    }

    enum ServerError: Error { case noBanner(String) }

    /// Descriptors the server holds open now.
    var openDescriptors: Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(process.processIdentifier)/fd").count) ?? -1
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit { stop() }
}

/// One TCP connection to 127.0.0.1, with bounded waits.
final class RawConnection {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { Glibc.close(descriptor); throw POSIXError(.ECONNREFUSED) }
    }

    func send(_ text: String) { send(Data(text.utf8)) }

    func send(_ data: Data) {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = Glibc.send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return }
                offset += sent
            }
        }
    }

    /// Reads until the server closes or `timeout` seconds pass; `closed` says which.
    func receive(timeout: TimeInterval) -> (text: String, closed: Bool, seconds: TimeInterval) {
        let start = Date()
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let left = timeout - Date().timeIntervalSince(start)
            if left <= 0 { return (String(decoding: data, as: UTF8.self), false, Date().timeIntervalSince(start)) }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, Int32(left * 1000) + 1) <= 0 { continue }
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { return (String(decoding: data, as: UTF8.self), true, Date().timeIntervalSince(start)) }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// Reads one response whose length is given (or until close), up to `timeout`.
    func response(timeout: TimeInterval = 20) -> String {
        let start = Date()
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 65536)
        var data = Data()
        while Date().timeIntervalSince(start) < timeout {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 200) <= 0 { continue }
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
            text = String(decoding: data, as: UTF8.self)
            if let headEnd = text.range(of: "\r\n\r\n"),
               let lengthLine = text[..<headEnd.lowerBound].split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
               let length = Int(lengthLine.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)),
               data.count - text[..<headEnd.upperBound].utf8.count >= length {
                break
            }
        }
        return text
    }

    func close() { Glibc.close(descriptor) }

    deinit { Glibc.close(descriptor) }
}

func status(_ response: String) -> Int? {
    response.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) }
}

func header(_ name: String, in response: String) -> String? {
    guard let end = response.range(of: "\r\n\r\n") else { return nil }
    for line in response[..<end.lowerBound].split(separator: "\r\n") {
        let pair = line.split(separator: ":", maxSplits: 1)
        if pair.count == 2, pair[0].lowercased() == name.lowercased() { return pair[1].trimmingCharacters(in: .whitespaces) }
    }
    return nil
}

@Suite("Web server on loopback", .serialized)
struct WebServerTests {
    static func exchange(_ port: Int, _ request: String) throws -> String {
        let connection = try RawConnection(port: port)
        connection.send(request)
        return connection.response()
    }

    @Test func everyResponseCarriesTheSecurityHeaders() throws {
        let server = try ServerProcess([])
        let requests = [
            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            "GET /bestaat-niet HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "PUT /check HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n",
            "HEAD / HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "GARBAGE / HTTP/9.9\r\n\r\n",
            "POST /check HTTP/1.1\r\nHost: localhost\r\nContent-Length: 12x\r\n\r\nabc",
            "GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n",
        ]
        for request in requests {
            let response = try Self.exchange(server.port, request)
            let line = request.prefix(while: { $0 != "\r" })
            #expect(status(response) != nil, "\(line): no answer")
            #expect(header("Content-Security-Policy", in: response)?.contains("frame-ancestors 'none'") == true, "\(line)")
            #expect(header("Content-Security-Policy", in: response)?.contains("default-src 'none'") == true, "\(line)")
            #expect(header("X-Content-Type-Options", in: response) == "nosniff", "\(line)")
            #expect(header("X-Frame-Options", in: response) == "DENY", "\(line)")
            #expect(header("Referrer-Policy", in: response) == "no-referrer", "\(line)")
            #expect(header("Cache-Control", in: response) == "no-store", "\(line)")
            #expect(header("Content-Type", in: response) != nil, "\(line)")
        }
        let garbage = try Self.exchange(server.port, "GARBAGE / HTTP/9.9\r\n\r\n")
        #expect(status(garbage) == 400 && garbage.contains("niet goed aan"))
        let notFound = try Self.exchange(server.port, "GET /bestaat-niet HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(status(notFound) == 404 && notFound.contains("bestaat niet"))
    }

    @Test func otherHostsAndOtherSitesFormsAreRefused() throws {
        let server = try ServerProcess([])
        let rebound = try Self.exchange(server.port, "GET / HTTP/1.1\r\nHost: evil.example:\(server.port)\r\n\r\n")
        #expect(status(rebound) == 421)
        let body = "--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nWij plaatsen 40 mensen.\r\n--b--\r\n"
        let post = { (origin: String) -> String in
            "POST /check HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n\(origin)Content-Type: multipart/form-data; boundary=b\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        }
        #expect(status(try Self.exchange(server.port, post("Origin: http://evil.example\r\n"))) == 403)
        #expect(status(try Self.exchange(server.port, post("Origin: null\r\nSec-Fetch-Site: cross-site\r\n"))) == 403)
        #expect(status(try Self.exchange(server.port, post("Origin: http://127.0.0.1:\(server.port)\r\n"))) == 200)
        #expect(status(try Self.exchange(server.port, post("Origin: null\r\nSec-Fetch-Site: same-origin\r\n"))) == 200)
        #expect(status(try Self.exchange(server.port, post(""))) == 200)
    }

    /// Issue 14 saw 19 of 20 such descriptors held for 30 minutes; on this
    /// machine the earlier build did not hold them either, so this guards the
    /// behaviour rather than reproducing the report.
    @Test func connectionsClosedEarlyAreReleased() throws {
        let server = try ServerProcess([])
        _ = try Self.exchange(server.port, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        Thread.sleep(forTimeInterval: 0.5)
        let baseline = server.openDescriptors
        for _ in 0..<20 {
            let connection = try RawConnection(port: server.port)
            connection.send("POST /check HTTP/1.1\r\nHost: localhost\r\nContent-Length: 12x\r\n\r\n" + String(repeating: "x", count: 5000))
            connection.close()
        }
        var now = server.openDescriptors
        let deadline = Date().addingTimeInterval(5)
        while now > baseline + 1, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
            now = server.openDescriptors
        }
        #expect(baseline > 0 && now <= baseline + 1, "descriptors: \(baseline) before, \(now) after 20 broken posts")
        #expect(status(try Self.exchange(server.port, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")) == 200)
    }

    @Test func slowAndOversizedRequestsAreCutOff() throws {
        let server = try ServerProcess(["--header-timeout", "2", "--body-timeout", "3"])
        // A head that never ends (slowloris).
        let slowHead = try RawConnection(port: server.port)
        slowHead.send("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        let headEnd = slowHead.receive(timeout: 8)
        #expect(headEnd.closed && headEnd.seconds < 6, "head: closed \(headEnd.closed) after \(headEnd.seconds) s")
        // A body that stops halfway.
        let slowBody = try RawConnection(port: server.port)
        slowBody.send("POST /check HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\n")
        let bodyEnd = slowBody.receive(timeout: 10)
        #expect(bodyEnd.closed && bodyEnd.seconds < 8, "body: closed \(bodyEnd.closed) after \(bodyEnd.seconds) s")
        // A kept-alive connection that goes quiet is closed after the header limit.
        let idle = try RawConnection(port: server.port)
        idle.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        let idleEnd = idle.receive(timeout: 8)
        #expect(status(idleEnd.text) == 200 && idleEnd.closed && idleEnd.seconds < 6)
        // A declared 5 GiB body is answered at once, without reading it.
        let huge = try RawConnection(port: server.port)
        huge.send("POST /check HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 5368709120\r\n\r\n")
        huge.send(Data(count: 1024 * 1024))
        let answer = huge.receive(timeout: 5)
        #expect(status(answer.text) == 413 && answer.text.contains("te groot"))
        // A small upload is not called too large.
        let fine = try Self.exchange(server.port, "POST /check HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n--b\r\n0\r\n\r\n")
        #expect(status(fine) == 400 && !fine.contains("te groot"))
    }

    @Test func theConnectionCapKeepsTheServerAnswering() throws {
        let server = try ServerProcess(["--max-connections", "4", "--header-timeout", "2"])
        let hogs = try (0..<8).map { _ in try RawConnection(port: server.port) }
        for hog in hogs { hog.send("GET / HTTP/1.1\r\nHost: localhost\r\n") }
        let start = Date()
        let response = try Self.exchange(server.port, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(status(response) == 200, "no answer with 8 stalled connections and a cap of 4")
        #expect(Date().timeIntervalSince(start) < 15)
        #expect(server.openDescriptors < 40)
    }

    @Test func aFullPoolAnswersBusyAndPagesStillLoad() throws {
        let server = try ServerProcess(["--workers", "1", "--body-timeout", "20"])
        // Nine uploads that have not finished arriving hold the one worker and its eight waiting places.
        let holders = try (0..<9).map { _ in try RawConnection(port: server.port) }
        for holder in holders {
            holder.send("POST /check HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\n")
        }
        Thread.sleep(forTimeInterval: 0.5)
        let busy = try Self.exchange(server.port, "POST /check HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 6\r\n\r\n--b--\n")
        #expect(status(busy) == 503 && busy.contains("druk, probeer het zo opnieuw"))
        #expect(header("Retry-After", in: busy) == "5")
        #expect(status(try Self.exchange(server.port, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")) == 200)
        for holder in holders { holder.close() }
        // The places come back once the uploads are gone.
        var answer = 0
        let deadline = Date().addingTimeInterval(10)
        repeat {
            Thread.sleep(forTimeInterval: 0.3)
            let body = "--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nWij plaatsen 40 mensen.\r\n--b--\r\n"
            answer = status(try Self.exchange(server.port, "POST /check HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")) ?? 0
        } while answer != 200 && Date() < deadline
        #expect(answer == 200)
    }

    @Test func smugglingPipeliningAndChunkedBodies() throws {
        let server = try ServerProcess(["--max-upload-mb", "1"])
        // Two requests in one write: two answers, in order.
        let pipelined = try RawConnection(port: server.port)
        pipelined.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\nGET /bestaat-niet HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        let both = pipelined.receive(timeout: 10).text
        let statuses = both.components(separatedBy: "HTTP/1.1 ").dropFirst().map { $0.prefix(3) }
        #expect(statuses == ["200", "404"], "\(statuses)")
        // Content-Length and Transfer-Encoding together, and two lengths: refused, not read as two requests.
        for smuggle in [
            "POST /check HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /bestaat-niet HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "POST /check HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nContent-Length: 44\r\n\r\nGET /bestaat-niet HTTP/1.1\r\nHost: localhost\r\n\r\n",
        ] {
            let connection = try RawConnection(port: server.port)
            connection.send(smuggle)
            let answer = connection.receive(timeout: 10).text
            #expect(status(answer) == 400, "\(answer.prefix(200))")
            #expect(!answer.contains("HTTP/1.1 404"), "a second, smuggled request was answered")
        }
        // A chunked body over the limit is "te groot"; one under it is not.
        var chunked = "POST /check HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n"
        let piece = String(repeating: "x", count: 65536)
        for _ in 0..<24 { chunked += String(piece.utf8.count, radix: 16) + "\r\n" + piece + "\r\n" }
        chunked += "0\r\n\r\n"
        let large = try RawConnection(port: server.port)
        large.send(chunked)
        let tooLarge = large.response()
        #expect(status(tooLarge) == 413 && tooLarge.contains("te groot"))
        let body = "--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nWij plaatsen 40 mensen.\r\n--b--\r\n"
        let small = try Self.exchange(server.port, "POST /check HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n"
            + String(body.utf8.count, radix: 16) + "\r\n" + body + "\r\n0\r\n\r\n")
        #expect(status(small) == 200 && !small.contains("te groot"))
    }

    @Test func pagesAreAnsweredWhileChecksRun() throws {
        let server = try ServerProcess(["--workers", "2"])
        let words = try String(contentsOfFile: Repo.path("drafts/voorbeeld-goed.txt"), encoding: .utf8).split(whereSeparator: \.isWhitespace)
        var paragraphs: [String] = []
        for index in 0..<3000 {
            let start = (index * 7) % (words.count - 40)
            let sentence: String = words[start..<(start + 30)].joined(separator: " ")
            paragraphs.append(sentence + " (regel " + WebCheckTests.word(index) + ").")
        }
        let text = paragraphs.joined(separator: "\n\n")
        let body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"groot.txt\"\r\n\r\n\(text)\r\n--b--\r\n"
        let uploads = try (0..<2).map { _ in try RawConnection(port: server.port) }
        for upload in uploads {
            upload.send("POST /check HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
        }
        Thread.sleep(forTimeInterval: 0.3)
        let page = try Self.exchange(server.port, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        #expect(status(page) == 200)
        // The start page came back while both checks were still running: their answers are not there yet.
        for upload in uploads {
            var poller = pollfd(fd: upload.descriptor, events: Int16(POLLIN), revents: 0)
            #expect(poll(&poller, 1, 0) == 0, "a check had already answered: the test proves nothing on this machine")
        }
        for upload in uploads { #expect(status(upload.response(timeout: 120)) == 200) }
    }

    @Test func startUpOptionsAreValidatedInDutch() throws {
        let badPort = try runTool(["serve", "--port", "70000"], timeout: 60)
        #expect(badPort.status == 2 && badPort.stderr.contains("--port 70000 is geen geldige poort"))
        let badSize = try runTool(["serve", "--max-upload-mb", "9000000000000"], timeout: 60)
        #expect(badSize.status == 2 && badSize.stderr.contains("--max-upload-mb 9000000000000 kan niet"))
        #expect(!badSize.stderr.contains("Fatal error"))
        let running = try ServerProcess([])
        let second = try runTool(["serve", "--port", String(running.port)], timeout: 60)
        #expect(second.status == 2 && second.stderr.contains("poort \(running.port) is al in gebruik"), "\(second.stderr)")
        let open = try ServerProcess(["--host", "0.0.0.0"])
        #expect(open.banner.contains("http://127.0.0.1:\(open.port)/") && !open.banner.contains("0.0.0.0"))
        open.stop()
        let warning = String(decoding: try open.errorsRead(), as: UTF8.self)
        #expect(warning.contains("bereikbaar vanaf het netwerk"))
    }
}

extension ServerProcess {
    /// What the server wrote to standard error (after it stopped).
    func errorsRead() throws -> Data {
        try errorsHandle.readToEnd() ?? Data()
    }
}
