import NIOCore

/// Installs the frame codec on a new channel and wraps it for structured-concurrency use.
enum WirePipeline {
    /// Bytes of unflushed writes at which the channel stops being writable, and below which it resumes.
    static let writeBufferWaterMark = ChannelOptions.Types.WriteBufferWaterMark(low: 256 * 1024, high: 1024 * 1024)

    /// How many decoded frames the inbound side buffers before it stops reading from the socket.
    static let inboundBackPressure = NIOAsyncSequenceProducerBackPressureStrategies.HighLowWatermark(
        lowWatermark: 2,
        highWatermark: 8
    )

    /// Adds the codec and session handlers and returns the channel wrapped as a frame-typed `NIOAsyncChannel`.
    ///
    /// Until the session begins, the decoder accepts frames of at most
    /// ``WireProtocol/handshakeFrameLength`` bytes; after it, `maximumFrameLength` plus the
    /// sealing overhead. Must run on the channel's event loop, as in a bootstrap's channel initializer.
    static func configure(
        _ channel: any Channel,
        side: SessionKeys.Side,
        maximumFrameLength: Int
    ) throws -> NIOAsyncChannel<Frame, Frame> {
        try addHandlers(to: channel.pipeline.syncOperations, side: side, maximumFrameLength: maximumFrameLength)
        return try NIOAsyncChannel<Frame, Frame>(
            wrappingChannelSynchronously: channel,
            configuration: .init(backPressureStrategy: inboundBackPressure)
        )
    }

    /// Adds the frame decoder and the session handler, which encodes outbound frames, in that order.
    static func addHandlers(
        to pipeline: ChannelPipeline.SynchronousOperations,
        side: SessionKeys.Side,
        maximumFrameLength: Int
    ) throws {
        let sealedLength = maximumFrameLength + FrameCipher.overhead
        let limit = InboundFrameLimit(handshake: WireProtocol.handshakeFrameLength, session: sealedLength)
        try pipeline.addHandler(
            ByteToMessageHandler(FrameDecoder(limit: limit), maximumBufferSize: Frame.lengthFieldSize + sealedLength)
        )
        try pipeline.addHandler(
            SessionHandler(side: side, limit: limit, encoder: FrameEncoder(maximumFrameLength: sealedLength))
        )
    }

    /// Configures a channel from a bootstrap initializer, on its event loop.
    static func initializer(
        side: SessionKeys.Side,
        maximumFrameLength: Int
    ) -> @Sendable (any Channel) -> EventLoopFuture<NIOAsyncChannel<Frame, Frame>> {
        { channel in
            channel.eventLoop.makeCompletedFuture {
                try configure(channel, side: side, maximumFrameLength: maximumFrameLength)
            }
        }
    }
}
