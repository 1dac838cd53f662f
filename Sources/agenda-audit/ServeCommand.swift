import AgendaAudit
import ArgumentParser
import Foundation
import Hummingbird

/// `agenda-audit serve`: the web check for a dossierhouder. A thin HTTP
/// layer (Hummingbird) over `WebCheck`, which builds every page.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start de werkagenda-check in de browser (standaard op http://127.0.0.1:8080/).")

    @Option(name: .long, help: "Adres om op te luisteren; standaard alleen deze computer.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Poort; 0 kiest een vrije poort.")
    var port = 8080

    @Option(name: .long, help: "Grootste upload in MB.")
    var maxUploadMB = 10

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let lang = common.lang
        let rubric = try common.loadRubricOrExit()
        let web = WebCheck(rubric: rubric, uploadLimit: max(1, maxUploadMB) * 1024 * 1024)
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            await Self.respond(web, request)
        }
        router.get("/", use: handler)
        router.head("/", use: handler)
        router.get("/check", use: handler)
        router.post("/check", use: handler)
        router.get("**", use: handler)
        router.post("**", use: handler)
        let host = self.host
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "agenda-audit"),
            onServerRunning: { channel in
                let actual = channel.localAddress?.port ?? 0
                let message = lang.pick("Werkagenda-check draait. Open in uw browser: http://\(host):\(actual)/\nStoppen: Ctrl-C.\n",
                                        "Work agenda check is running. Open in your browser: http://\(host):\(actual)/\nStop: Ctrl-C.\n")
                FileHandle.standardOutput.write(Data(message.utf8))
            })
        try await app.runService()
    }

    static func respond(_ web: WebCheck, _ request: Request) async -> Response {
        let path = request.uri.string
        // Keep at most a little over the limit; read (and drop) the rest of a larger upload up to a hard
        // cap, so the browser receives the friendly "too large" page instead of a reset connection.
        let keep = web.uploadLimit + 256 * 1024
        let drainCap = max(keep, 64 * 1024 * 1024)
        var body = Data()
        var received = 0
        do {
            for try await chunk in request.body {
                received += chunk.readableBytes
                if received <= keep { body.append(contentsOf: chunk.readableBytesView) }
                if received > drainCap { break }
            }
        } catch {
            received = Int.max
        }
        let reply = received > keep
            ? web.tooLarge()
            : web.handle(method: request.method.rawValue, path: path, contentType: request.headers[.contentType], body: body)
        var headers = HTTPFields()
        headers[.contentType] = reply.contentType
        headers[.cacheControl] = "no-store"
        return Response(status: .init(code: reply.status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}
