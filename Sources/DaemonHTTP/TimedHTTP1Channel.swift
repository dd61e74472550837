import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 child channel with ``RequestTimeoutHandler`` on every connection: the
/// header, body and idle timeouts of ``HTTPConnectionLimits``.
struct TimedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let responder: HTTPChannelHandler.Responder
    let limits: HTTPConnectionLimits
    private let http1: HTTP1Channel

    /// A channel answering with `responder` within `limits`.
    init(responder: @escaping HTTPChannelHandler.Responder, limits: HTTPConnectionLimits) {
        self.responder = responder
        self.limits = limits
        http1 = HTTP1Channel(responder: responder)
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let timeouts = RequestTimeoutHandler(limits: limits, logger: logger)
        do {
            try channel.pipeline.syncOperations.addHandler(RequestStartObserver(reportingTo: timeouts))
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        let bound = NIOLoopBound(timeouts, eventLoop: channel.eventLoop)
        let configuration = HTTP1Channel.Configuration(additionalChannelHandlers: [bound.value])
        return HTTP1Channel(responder: responder, configuration: configuration).setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
