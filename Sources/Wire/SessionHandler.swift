import NIOCore

/// Seals every outbound frame and opens every inbound one once the handshake has begun the session.
///
/// The handler sits between the frame decoder and the connection, and encodes outbound frames
/// itself, so that a sealed frame is written into its outgoing buffer once. Before the session
/// it encodes handshake frames as they are and passes inbound ones through unchanged; ``begin(keys:after:)`` writes the last plaintext frame
/// (the server's `Welcome`, the client's `Authenticate`) and, on the event loop and before any
/// later write, starts sealing. Inbound, the server opens every frame from then on; the client
/// opens every frame after the `Welcome`, the exact boundary where the server started sealing,
/// even when the welcome and the first sealed frame arrive in one read. The decoder's frame
/// limit is lifted at the same boundary.
///
/// After the session begins, a frame that does not open (unsealed, altered, replayed, reordered,
/// dropped or injected) fails the connection: it and every later frame are dropped and the error
/// is passed on, which closes the connection. On a server, the client may send one frame
/// (`Authenticate`) before the session; a second one, or any decoding error, closes the
/// connection at once with an error frame, so an unauthenticated peer holds no buffers.
final class SessionHandler: ChannelDuplexHandler {
    typealias InboundIn = Frame
    typealias InboundOut = Frame
    typealias OutboundIn = Frame
    typealias OutboundOut = ByteBuffer

    private enum Inbound {
        case handshake(framesSeen: Int)
        case awaitingWelcome(FrameCipher)
        case open(FrameCipher)
        case failed
    }

    private let side: SessionKeys.Side
    private let limit: InboundFrameLimit
    private let encoder: FrameEncoder
    private var inbound = Inbound.handshake(framesSeen: 0)
    private var outbound: FrameCipher?
    private var context: ChannelHandlerContext?

    /// Creates the handler of one end of a connection, lifting `limit` when the session begins
    /// and refusing to write frames longer than `encoder` allows, sealed or not.
    init(side: SessionKeys.Side, limit: InboundFrameLimit, encoder: FrameEncoder) {
        self.side = side
        self.limit = limit
        self.encoder = encoder
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    /// Writes `frame` in plaintext, then protects every later frame with `keys`.
    func begin(keys: SessionKeys, after frame: Frame) throws -> EventLoopFuture<Void> {
        guard let context else {
            throw ChannelError.ioOnClosedChannel
        }
        var bytes = context.channel.allocator.buffer(capacity: 0)
        try encoder.encode(data: frame, out: &bytes)
        let written = context.writeAndFlush(wrapOutboundOut(bytes))
        outbound = FrameCipher(key: keys.sending)
        guard case .handshake = inbound else {
            return written
        }
        switch side {
        case .server:
            inbound = .open(FrameCipher(key: keys.receiving))
            limit.lift()
        case .client:
            inbound = .awaitingWelcome(FrameCipher(key: keys.receiving))
        }
        return written
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch inbound {
        case .failed:
            return
        case .handshake(let framesSeen):
            if side == .server && framesSeen > 0 {
                failHandshake(
                    WireError.malformed("the client sent a second frame before the handshake completed"),
                    context: context
                )
                return
            }
            inbound = .handshake(framesSeen: framesSeen + 1)
            context.fireChannelRead(data)
        case .awaitingWelcome(let cipher):
            if frame.type == .welcome {
                inbound = .open(cipher)
                limit.lift()
            }
            context.fireChannelRead(data)
        case .open(var cipher):
            do {
                let opened = try cipher.open(frame, allocator: context.channel.allocator)
                inbound = .open(cipher)
                context.fireChannelRead(wrapInboundOut(opened))
            } catch {
                inbound = .failed
                context.fireErrorCaught(error)
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if side == .server, case .handshake = inbound {
            failHandshake(error as? WireError ?? .malformed("\(error)"), context: context)
            return
        }
        context.fireErrorCaught(error)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let frame = unwrapOutboundIn(data)
        var bytes = context.channel.allocator.buffer(capacity: 0)
        do {
            if var cipher = outbound {
                let length = frame.length + FrameCipher.overhead
                guard length <= encoder.maximumFrameLength else {
                    throw WireError.frameTooLarge(length: length, maximum: encoder.maximumFrameLength)
                }
                try cipher.seal(frame, into: &bytes)
                outbound = cipher
            } else {
                try encoder.encode(data: frame, out: &bytes)
            }
            context.write(wrapOutboundOut(bytes), promise: promise)
        } catch {
            promise?.fail(error)
            context.fireErrorCaught(error)
        }
    }

    private func failHandshake(_ error: WireError, context: ChannelHandlerContext) {
        inbound = .failed
        WireConnection.reportFatal(error, on: context.channel)
    }

    /// Runs ``begin(keys:after:)`` on the handler of `channel`, on its event loop.
    static func begin(on channel: any Channel, keys: SessionKeys, after frame: Frame) async throws {
        try await channel.eventLoop.flatSubmit {
            do {
                let handler = try channel.pipeline.syncOperations.handler(type: SessionHandler.self)
                return try handler.begin(keys: keys, after: frame)
            } catch {
                return channel.eventLoop.makeFailedFuture(error)
            }
        }.get()
    }
}
