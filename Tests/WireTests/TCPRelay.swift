import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A man in the middle on 127.0.0.1 without the secret: it forwards the bytes of one client
/// connection to a server and back, and can slip its own bytes into the stream to the server.
final class TCPRelay: Sendable {
    typealias ByteChannel = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    /// The port clients connect to instead of the server's.
    let port: Int

    private let upstream = NIOLockedValueBox<NIOAsyncChannelOutboundWriter<ByteBuffer>?>(nil)

    private init(port: Int) {
        self.port = port
    }

    /// Starts a relay to `serverPort`, runs `body` with it, then stops it.
    static func with(serverPort: Int, _ body: (TCPRelay) async throws -> Void) async throws {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture { try ByteChannel(wrappingChannelSynchronously: channel) }
            }
        let relay = TCPRelay(port: listener.channel.localAddress?.port ?? 0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await listener.executeThenClose { inbound in
                    for try await downstream in inbound {
                        try await relay.forward(downstream, to: serverPort)
                        return
                    }
                }
            }
            defer { group.cancelAll() }
            try await body(relay)
            listener.channel.close(promise: nil)
        }
    }

    /// Writes `bytes` to the server as if the client had sent them.
    func inject(_ bytes: ByteBuffer) async throws {
        guard let writer = upstream.withLockedValue({ $0 }) else {
            throw ChannelError.ioOnClosedChannel
        }
        try await writer.write(bytes)
    }

    private func forward(_ downstream: ByteChannel, to serverPort: Int) async throws {
        let server = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: serverPort) { channel in
                channel.eventLoop.makeCompletedFuture { try ByteChannel(wrappingChannelSynchronously: channel) }
            }
        try await downstream.executeThenClose { clientInbound, clientOutbound in
            try await server.executeThenClose { serverInbound, serverOutbound in
                upstream.withLockedValue { $0 = serverOutbound }
                try await withThrowingTaskGroup(of: Void.self) { pumps in
                    pumps.addTask { for try await bytes in clientInbound { try await serverOutbound.write(bytes) } }
                    pumps.addTask { for try await bytes in serverInbound { try await clientOutbound.write(bytes) } }
                    try await pumps.next()
                    pumps.cancelAll()
                }
            }
        }
    }
}
