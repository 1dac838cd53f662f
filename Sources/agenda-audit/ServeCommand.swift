import AgendaAudit
import ArgumentParser
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

/// `agenda-audit serve`: the web check for a dossierhouder. A thin HTTP
/// layer (Hummingbird) over `WebCheck`, which builds every page. The layer
/// bounds what a client can hold: connections (`--max-connections`), the time
/// to send a request's head and body (`ConnectionGuard`), and the checks
/// running at once (`CheckPool`); it refuses other hosts and other sites' forms.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start de werkagenda-check in de browser (standaard op http://127.0.0.1:8080/).")

    @Option(name: .long, help: "Adres om op te luisteren; standaard alleen deze computer.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Poort (0 tot en met 65535); 0 kiest een vrije poort.")
    var port = 8080

    @Option(name: .long, help: "Grootste upload in MB (1 tot en met 1024).")
    var maxUploadMB = 10

    @Option(name: .long, help: "Hoogste aantal open verbindingen tegelijk (blijft onder de grens van open bestanden).")
    var maxConnections = 1000

    @Option(name: .long, help: "Checks die tegelijk draaien; standaard het aantal processorkernen.")
    var workers: Int?

    @Option(name: .long, help: ArgumentHelp("Seconden voor de kop van een verzoek (en de wachttijd van een open verbinding).", visibility: .hidden))
    var headerTimeout = 5

    @Option(name: .long, help: ArgumentHelp("Seconden voor de inhoud van een verzoek (een upload).", visibility: .hidden))
    var bodyTimeout = 120

    @OptionGroup var common: CommonOptions

    func fail(_ dutch: String, _ english: String) -> ExitCode {
        Output.error(common.lang.pick("fout: " + dutch, "error: " + english))
        return ExitCode(2)
    }

    func run() async throws {
        let lang = common.lang
        guard (0...65535).contains(port) else {
            throw fail("--port \(port) is geen geldige poort; kies 0 tot en met 65535 (0 kiest een vrije poort)",
                       "--port \(port) is not a valid port; choose 0 to 65535 (0 picks a free port)")
        }
        guard (1...1024).contains(maxUploadMB) else {
            throw fail("--max-upload-mb \(maxUploadMB) kan niet; kies 1 tot en met 1024",
                       "--max-upload-mb \(maxUploadMB) is not possible; choose 1 to 1024")
        }
        guard (1...100_000).contains(maxConnections) else {
            throw fail("--max-connections \(maxConnections) kan niet; kies 1 tot en met 100000",
                       "--max-connections \(maxConnections) is not possible; choose 1 to 100000")
        }
        if let workers, !(1...256).contains(workers) {
            throw fail("--workers \(workers) kan niet; kies 1 tot en met 256", "--workers \(workers) is not possible; choose 1 to 256")
        }
        guard (1...3600).contains(headerTimeout), (1...3600).contains(bodyTimeout) else {
            throw fail("een tijdslimiet moet 1 tot en met 3600 seconden zijn", "a time limit must be 1 to 3600 seconds")
        }
        let trimmedHost = host.trimmingCharacters(in: .whitespaces)
        guard !trimmedHost.isEmpty, trimmedHost.utf8.count <= 253, !trimmedHost.contains("/") else {
            throw fail("--host \"\(host)\" is geen adres", "--host \"\(host)\" is not an address")
        }
        // Keep connections below the descriptor limit, so accept never spins on EMFILE.
        let connections = min(maxConnections, max(8, Self.descriptorLimit() - 64))
        let rubric = try common.loadRubricOrExit()
        let web = WebCheck(rubric: rubric, uploadLimit: maxUploadMB * 1024 * 1024)
        let guardian = RequestGuard(boundHost: trimmedHost, extraNames: Self.machineNames())
        let workerCount = workers ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
        // Waiting uploads hold their body (at most the upload limit each); only the workers parse.
        let pool = CheckPool(workers: workerCount, waiting: 8 * workerCount)
        if let problem = Self.bindProblem(host: trimmedHost, port: port) {
            throw fail(problem.dutch, problem.english)
        }
        let limits = ConnectionGuard.Limits(header: .seconds(Int64(headerTimeout)), body: .seconds(Int64(bodyTimeout)))
        let app = Application(
            responder: WebResponder(web: web, guardian: guardian, pool: pool),
            server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionGuard(limits: limits)])),
            configuration: .init(address: .hostname(trimmedHost, port: port), serverName: "agenda-audit",
                                 availableConnectionsDelegate: MaximumAvailableConnections(connections)),
            onServerRunning: { channel in
                let actual = channel.localAddress?.port ?? 0
                let shown = guardian.isWildcard ? "127.0.0.1" : (trimmedHost.contains(":") ? "[\(trimmedHost)]" : trimmedHost)
                let message = lang.pick("Werkagenda-check draait. Open in uw browser: http://\(shown):\(actual)/\nStoppen: Ctrl-C.\n",
                                        "Work agenda check is running. Open in your browser: http://\(shown):\(actual)/\nStop: Ctrl-C.\n")
                FileHandle.standardOutput.write(Data(message.utf8))
                if !guardian.isLoopbackOnly {
                    Output.error(lang.pick(
                        "let op: met --host \(trimmedHost) is de check bereikbaar vanaf het netwerk: iedereen die deze computer kan bereiken, kan er bestanden mee laten controleren. Gebruik dit alleen op een vertrouwd netwerk.",
                        "warning: with --host \(trimmedHost) the check is reachable from the network: anyone who can reach this computer can have files checked. Use this on a trusted network only."))
                }
            })
        do {
            try await app.runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw fail("poort \(port) is al in gebruik (draait de check al?); kies een andere met --port",
                       "port \(port) is already in use (is the check already running?); choose another with --port")
        } catch {
            throw fail("de check kon niet starten op \(trimmedHost):\(port): \(error)",
                       "the check could not start on \(trimmedHost):\(port): \(error)")
        }
    }

    /// The soft limit on open descriptors.
    static func descriptorLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        return Int(clamping: min(limit.rlim_cur, 1 << 20))
    }

    /// This machine's name, which a colleague may type when the check listens on every interface.
    static func machineNames() -> Set<String> {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return [] }
        let name = String(cString: buffer)
        return name.isEmpty ? [] : [name, name + ".local"]
    }

    /// Tries the address before the server does, for a message in words instead of a bind error.
    static func bindProblem(host: String, port: Int) -> (dutch: String, english: String)? {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else {
            return ("--host \(host) is geen adres van deze computer", "--host \(host) is not an address of this computer")
        }
        defer { freeaddrinfo(result) }
        let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 else { return nil }
        switch errno {
        case EADDRINUSE:
            return ("poort \(port) is al in gebruik (draait de check al?); kies een andere met --port",
                    "port \(port) is already in use (is the check already running?); choose another with --port")
        case EACCES:
            return ("poort \(port) mag deze gebruiker niet openen; kies een poort vanaf 1024",
                    "this user may not open port \(port); choose a port from 1024")
        case EADDRNOTAVAIL:
            return ("--host \(host) is geen adres van deze computer", "--host \(host) is not an address of this computer")
        default:
            return nil
        }
    }
}

/// Answers every request (any method, any path) through `WebCheck`.
struct WebResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let web: WebCheck
    let guardian: RequestGuard
    let pool: CheckPool

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let method = request.method.rawValue
        let path = request.uri.string
        if let refusal = web.refusal(guardian, method: method, path: path, host: request.head.authority,
                                     origin: request.headers[.origin], fetchSite: request.headers[HTTPField.Name("Sec-Fetch-Site")!]) {
            return Self.response(refusal, head: method == "HEAD", close: true)
        }
        guard method == "POST" else {
            // Nothing but a post has a body worth reading.
            return Self.response(web.handle(method: method, path: path, contentType: nil, body: Data()), head: method == "HEAD")
        }
        // A place in the pool before the upload is read: a full pool costs no memory.
        guard let ticket = pool.admit() else {
            var response = Self.response(web.busy(), head: false, close: true)
            response.headers[.retryAfter] = "5"
            return response
        }
        defer { ticket.release() }
        // Keep at most a little over the limit; read (and drop) the rest of a larger upload up to a hard
        // cap, so the browser receives the friendly "too large" page instead of a reset connection.
        let keep = web.uploadLimit + 256 * 1024
        let drainCap = max(keep, 64 * 1024 * 1024)
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > drainCap {
            return Self.response(web.tooLarge(), head: false, close: true)
        }
        var body = Data()
        var received = 0
        do {
            for try await chunk in request.body {
                received += chunk.readableBytes
                if received <= keep { body.append(contentsOf: chunk.readableBytesView) }
                if received > drainCap { break }
            }
        } catch {
            return Self.response(web.unreadableRequest(), head: false, close: true)
        }
        if received > keep { return Self.response(web.tooLarge(), head: false, close: received > drainCap) }
        let contentType = request.headers[.contentType]
        let upload = body
        body = Data()
        let reply = await pool.run { [web] in
            web.handle(method: method, path: path, contentType: contentType, body: upload)
        }
        return Self.response(reply, head: false)
    }

    static func response(_ reply: WebCheck.Reply, head: Bool, close: Bool = false) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = reply.contentType
        if close { headers[.connection] = "close" }
        if head { headers[.contentLength] = String(reply.body.count) }
        return Response(status: .init(code: reply.status), headers: headers,
                        body: head ? .init() : .init(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}

