import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Opens authenticated connections to a ``WireServer``.
///
/// ```swift
/// let client = WireClient(configuration)
/// let reply = try await client.withConnection { connection in
///     try await connection.call(.submitJob, payload: job.encodedBuffer())
/// }
/// ```
public struct WireClient: Sendable {
    /// The client's settings.
    public let configuration: Configuration

    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger

    /// Creates a client; no connection is made until ``connect()`` or ``withConnection(_:)``.
    public init(
        _ configuration: Configuration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "mapreduce.wire.client")
    ) {
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
    }

    /// Connects, runs `body` with the authenticated connection, then closes it.
    public func withConnection<Result: Sendable>(_ body: (WireConnection) async throws -> Result) async throws -> Result
    {
        let connection = try await connect()
        do {
            let result = try await body(connection)
            await connection.close()
            return result
        } catch {
            await connection.close()
            throw error
        }
    }

    /// Connects and completes the handshake, returning a connection that stays open until closed.
    ///
    /// Throws ``WireError/remote(_:)`` with the server's message when the server rejects the
    /// client (bad secret, unsupported version, refused role), and ``WireError/timedOut(_:)`` when
    /// either the TCP connection or the handshake takes too long. Close the returned connection
    /// with ``WireConnection/close()`` when done.
    public func connect() async throws -> WireConnection {
        let settings = configuration.connectionSettings
        try settings.validate()
        let child: NIOAsyncChannel<Frame, Frame>
        do {
            child = try await ClientBootstrap(group: eventLoopGroup)
                .connectTimeout(TimeAmount(configuration.connectTimeout))
                .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                .channelOption(.writeBufferWaterMark, value: WirePipeline.writeBufferWaterMark)
                .connect(
                    host: configuration.host,
                    port: configuration.port,
                    channelInitializer: WirePipeline.initializer(
                        side: .client,
                        maximumFrameLength: configuration.maximumFrameLength
                    )
                )
        } catch ChannelError.connectTimeout {
            throw WireError.timedOut(
                "connecting to \(configuration.host):\(configuration.port) timed out after \(configuration.connectTimeout)"
            )
        }
        let channel = child.channel
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                startConnection(child, settings: settings, continuation: continuation)
            }
        } onCancel: {
            channel.close(promise: nil)
        }
    }

    /// Runs the handshake and then the dispatch loop in a task that lives as long as the connection.
    private func startConnection(
        _ child: NIOAsyncChannel<Frame, Frame>,
        settings: ConnectionSettings,
        continuation: CheckedContinuation<WireConnection, any Error>
    ) {
        let configuration = self.configuration
        let logger = self.logger
        let resumed = NIOLockedValueBox(false)
        Task {
            do {
                try await child.executeThenClose { inbound, outbound in
                    var iterator = inbound.makeAsyncIterator()
                    var machine = ClientHandshake(configuration: configuration.handshake)
                    let peer = try await HandshakeDriver.runClient(
                        &machine,
                        timeout: configuration.handshakeTimeout,
                        channel: child.channel,
                        iterator: &iterator
                    )
                    var connectionLogger = logger
                    connectionLogger[metadataKey: "peer"] = "\(peer)"
                    let connection = WireConnection(
                        peer: peer,
                        channel: child.channel,
                        outbound: outbound,
                        settings: settings,
                        logger: connectionLogger
                    )
                    resumed.withLockedValue { $0 = true }
                    continuation.resume(returning: connection)
                    await connection.run(&iterator)
                }
            } catch {
                if !resumed.withLockedValue({ $0 }) {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
