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

    /// Adds the codec handlers and returns the channel wrapped as a frame-typed `NIOAsyncChannel`.
    ///
    /// Must run on the channel's event loop, as in a bootstrap's channel initializer.
    static func configure(_ channel: any Channel, maximumFrameLength: Int) throws -> NIOAsyncChannel<Frame, Frame> {
        let sync = channel.pipeline.syncOperations
        try sync.addHandler(
            ByteToMessageHandler(
                FrameDecoder(maximumFrameLength: maximumFrameLength),
                maximumBufferSize: Frame.lengthFieldSize + maximumFrameLength
            )
        )
        try sync.addHandler(MessageToByteHandler(FrameEncoder(maximumFrameLength: maximumFrameLength)))
        return try NIOAsyncChannel<Frame, Frame>(
            wrappingChannelSynchronously: channel,
            configuration: .init(backPressureStrategy: inboundBackPressure)
        )
    }

    /// Configures a channel from a bootstrap initializer, on its event loop.
    static func initializer(maximumFrameLength: Int) -> @Sendable (any Channel) -> EventLoopFuture<NIOAsyncChannel<Frame, Frame>> {
        { channel in
            channel.eventLoop.makeCompletedFuture {
                try configure(channel, maximumFrameLength: maximumFrameLength)
            }
        }
    }
}
