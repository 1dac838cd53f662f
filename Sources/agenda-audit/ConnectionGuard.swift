import AgendaAudit
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// One per connection of `serve`, between HTTP decoding and Hummingbird's
/// request handling. It puts the security headers on every response head,
/// including the bare 400 Hummingbird writes for a request it cannot parse
/// (which also gets a short Dutch body), and closes a connection that takes
/// too long: the request head must arrive within `header` of the connection
/// opening (or of the previous answer: the idle time of a kept-alive
/// connection), its body within `body` of its head. A connection whose answer
/// says `Connection: close` is closed once the answer is written, so a
/// client that stops reading cannot hold its descriptor.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    struct Limits: Sendable {
        var header: TimeAmount
        var body: TimeAmount
    }

    static let badRequestText = "Het verzoek kwam niet goed aan en is niet gelezen (400). / The request was malformed and was not read (400).\n"

    let limits: Limits
    private var deadline: Scheduled<Void>?
    /// A request's head was read and its end not yet.
    private var reading = false
    /// Requests read and not yet answered.
    private var outstanding = 0
    private var replacementBody: ByteBuffer?
    private var closeAfterAnswer = false

    init(limits: Limits) {
        self.limits = limits
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context, limits.header) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context, limits.header)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            reading = true
            outstanding += 1
            arm(context, limits.body)
        case .body:
            break
        case .end:
            reading = false
            deadline?.cancel()
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var response):
            for (name, value) in RequestGuard.securityHeaders {
                guard let field = HTTPField.Name(name), response.headerFields[field] == nil else { continue }
                response.headerFields[field] = value
            }
            if response.headerFields[.contentType] == nil {
                if response.status.code == 400, response.headerFields[.contentLength] == "0" {
                    // Hummingbird's answer to a request NIO could not parse: say so in words.
                    let text = ByteBuffer(string: Self.badRequestText)
                    replacementBody = text
                    response.headerFields[.contentLength] = String(text.readableBytes)
                }
                response.headerFields[.contentType] = "text/plain; charset=utf-8"
            }
            if response.headerFields[.connection]?.lowercased() == "close" { closeAfterAnswer = true }
            context.write(wrapOutboundOut(.head(response)), promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end(let trailers):
            if let body = replacementBody {
                replacementBody = nil
                context.write(wrapOutboundOut(.body(body)), promise: nil)
            }
            outstanding = max(0, outstanding - 1)
            if closeAfterAnswer {
                let written = context.eventLoop.makePromise(of: Void.self)
                written.futureResult.cascade(to: promise)
                context.writeAndFlush(wrapOutboundOut(.end(trailers)), promise: written)
                let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
                written.futureResult.whenComplete { _ in loopBound.value.close(promise: nil) }
                return
            }
            context.write(wrapOutboundOut(.end(trailers)), promise: promise)
            // Idle: the next request's head must come within the header limit.
            if outstanding == 0, !reading { arm(context, limits.header) }
        }
    }

    private func arm(_ context: ChannelHandlerContext, _ limit: TimeAmount) {
        deadline?.cancel()
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: limit) {
            loopBound.value.close(promise: nil)
        }
    }
}
