import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A listening socket that authenticates every connection and hands it to a handler.
///
/// Binding and serving are separate steps so the bound port is known before serving starts:
///
/// ```swift
/// let server = try await WireServer.bind(configuration)
/// print("listening on port \(server.port)")
/// try await server.run { connection in
///     for try await request in connection.requests {
///         try await connection.respond(to: request, type: request.type, payload: request.payload)
///     }
/// }
/// ```
public final class WireServer: Sendable {
    /// The server's settings.
    public let configuration: Configuration

    /// The address the server is bound to.
    public let localAddress: SocketAddress

    private let listener: NIOAsyncChannel<NIOAsyncChannel<Frame, Frame>, Never>
    private let connections = NIOLockedValueBox<[ObjectIdentifier: any Channel]>([:])
    private let pending: NIOLockedValueBox<PendingHandshakes>
    private let logger: Logger

    private init(
        configuration: Configuration,
        listener: NIOAsyncChannel<NIOAsyncChannel<Frame, Frame>, Never>,
        pending: NIOLockedValueBox<PendingHandshakes>,
        logger: Logger
    ) throws {
        guard let address = listener.channel.localAddress else {
            throw WireError.invalidConfiguration("the listening socket has no local address")
        }
        self.configuration = configuration
        self.listener = listener
        self.pending = pending
        self.localAddress = address
        self.logger = logger
    }

    /// The bound port, useful when the configuration asked for port 0.
    public var port: Int {
        localAddress.port ?? configuration.port
    }

    /// Binds the listening socket; call ``run(handler:)`` to start accepting connections.
    public static func bind(
        _ configuration: Configuration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "mapreduce.wire.server")
    ) async throws -> WireServer {
        try configuration.validate()
        let pending = NIOLockedValueBox(PendingHandshakes())
        let limit = configuration.maximumUnauthenticatedConnections
        let configure = WirePipeline.initializer(side: .server, maximumFrameLength: configuration.maximumFrameLength)
        let listener = try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelOption(.writeBufferWaterMark, value: WirePipeline.writeBufferWaterMark)
            .bind(
                host: configuration.host,
                port: configuration.port,
                childChannelInitializer: { channel in
                    if let evicted = pending.withLockedValue({ $0.admit(channel, limit: limit) }) {
                        logger.debug("closing the oldest unauthenticated connection", metadata: ["limit": "\(limit)"])
                        evicted.close(promise: nil)
                    }
                    channel.closeFuture.whenComplete { _ in
                        pending.withLockedValue { $0.remove(channel) }
                    }
                    return configure(channel)
                }
            )
        let server = try WireServer(configuration: configuration, listener: listener, pending: pending, logger: logger)
        logger.info(
            "listening",
            metadata: ["address": "\(server.localAddress)", "server": "\(configuration.serverName)"]
        )
        return server
    }

    /// Accepts connections until ``close()`` is called or the task is cancelled; call it once.
    ///
    /// Each connection runs in its own child task: the handshake, then `handler` with the
    /// authenticated connection. The connection is closed when the handler returns or throws;
    /// a handler error is logged and affects no other connection. After ``close()``, `run`
    /// returns once every handler has returned; cancelling the task running `run` cancels them.
    public func run(handler: @escaping @Sendable (WireConnection) async throws -> Void) async throws {
        try await listener.executeThenClose { inbound in
            try await withThrowingDiscardingTaskGroup { group in
                for try await child in inbound {
                    group.addTask {
                        await self.serve(child, handler: handler)
                    }
                }
            }
        }
    }

    /// The number of connections that have not completed the handshake yet.
    public var unauthenticatedConnectionCount: Int {
        pending.withLockedValue { $0.count }
    }

    /// Stops listening and closes every open connection.
    public func close() async {
        let open = connections.withLockedValue { Array($0.values) }
        for channel in open {
            channel.close(promise: nil)
        }
        try? await listener.channel.close()
    }

    private func serve(
        _ child: NIOAsyncChannel<Frame, Frame>,
        handler: @escaping @Sendable (WireConnection) async throws -> Void
    ) async {
        let channel = child.channel
        let key = ObjectIdentifier(channel)
        connections.withLockedValue { $0[key] = channel }
        defer { connections.withLockedValue { $0[key] = nil } }
        do {
            try await child.executeThenClose { inbound, outbound in
                var iterator = inbound.makeAsyncIterator()
                guard let peer = try await authenticate(channel, iterator: &iterator, outbound: outbound) else {
                    return
                }
                pending.withLockedValue { $0.remove(channel) }
                var connectionLogger = logger
                connectionLogger[metadataKey: "peer"] = "\(peer)"
                let connection = WireConnection(
                    peer: peer,
                    channel: channel,
                    outbound: outbound,
                    settings: configuration.connectionSettings,
                    logger: connectionLogger
                )
                connection.logger.debug("accepted a connection")
                await withTaskGroup(of: Void.self) { group in
                    group.addTask {
                        do {
                            try await handler(connection)
                        } catch {
                            connection.logger.warning("connection handler failed", metadata: ["error": "\(error)"])
                        }
                        channel.close(promise: nil)
                    }
                    await connection.run(&iterator)
                }
            }
        } catch {
            logger.debug("connection ended with an error", metadata: ["error": "\(error)"])
        }
    }

    /// Runs the server's side of the handshake; returns the peer, or `nil` when it was refused.
    ///
    /// Out of line, so that the handshake's state lives in a frame that ends with it: the
    /// connection's task keeps its own frames for as long as the connection is open.
    @inline(never)
    private func authenticate(
        _ channel: any Channel,
        iterator: inout HandshakeDriver.Iterator,
        outbound: NIOAsyncChannelOutboundWriter<Frame>
    ) async throws -> WirePeer? {
        var machine = ServerHandshake(configuration: configuration.handshake)
        return try await HandshakeDriver.runServer(
            &machine,
            timeout: configuration.handshakeTimeout,
            channel: channel,
            iterator: &iterator,
            outbound: outbound,
            logger: logger
        )
    }
}
