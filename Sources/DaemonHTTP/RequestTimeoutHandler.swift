import Logging
import NIOCore
import NIOHTTPTypes

/// Closes an HTTP connection whose request head, body or next request does not arrive in time
/// (``HTTPConnectionLimits``); sits after the HTTP decoder, and ``RequestStartObserver`` before
/// it tells it when a request's first bytes arrive.
final class RequestTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var deadlines: ConnectionDeadlines
    private let logger: Logger
    private var context: ChannelHandlerContext?
    private var timer: Scheduled<Void>?
    private var timerDeadline: ContinuousClock.Instant?

    /// A handler for a connection accepted now.
    init(limits: HTTPConnectionLimits, logger: Logger) {
        deadlines = ConnectionDeadlines(limits: limits, openedAt: .now)
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        reschedule()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: deadlines.headArrived(at: .now)
        case .body: break
        case .end: deadlines.requestEnded()
        }
        reschedule()
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            deadlines.responseEnded(at: .now)
            reschedule()
        }
        context.write(data, promise: promise)
    }

    /// Bytes arrived before the decoder saw them: between requests, a new one starts.
    func bytesArrived() {
        deadlines.bytesArrived(at: .now)
        reschedule()
    }

    /// Keeps one timer, set to the current deadline.
    private func reschedule() {
        guard let context, deadlines.deadline != timerDeadline else { return }
        timer?.cancel()
        timer = nil
        timerDeadline = deadlines.deadline
        guard let deadline = timerDeadline else { return }
        let delay = TimeAmount(ContinuousClock.now.duration(to: deadline))
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: delay) { [weak self] in
            self?.deadlineReached()
        }
    }

    private func deadlineReached() {
        timer = nil
        timerDeadline = nil
        guard let context else { return }
        if let reason = deadlines.expired(at: .now) {
            logger.debug(
                "closing an HTTP connection",
                metadata: ["reason": "\(reason)", "peer": "\(context.remoteAddress.map { "\($0)" } ?? "?")"]
            )
            context.close(promise: nil)
        } else {
            reschedule()
        }
    }
}
