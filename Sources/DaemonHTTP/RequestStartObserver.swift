import NIOCore

/// Tells a ``RequestTimeoutHandler`` when bytes arrive, before the HTTP decoder, so that the
/// header timeout runs from a request's first byte rather than from its complete head.
final class RequestStartObserver: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let timeouts: RequestTimeoutHandler

    /// Reports to `timeouts`.
    init(reportingTo timeouts: RequestTimeoutHandler) {
        self.timeouts = timeouts
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        timeouts.bytesArrived()
        context.fireChannelRead(data)
    }
}
