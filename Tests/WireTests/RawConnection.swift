import NIOCore
import NIOPosix

@testable import Wire

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bare TCP connection to 127.0.0.1 that speaks bytes, for feeding a server hostile input.
struct RawConnection {
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var pending = ByteBuffer()
    private var decoder = FrameDecoder()

    /// Connects, runs `body`, then closes.
    static func with<Result>(port: Int, _ body: (inout RawConnection) async throws -> Result) async throws -> Result {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var connection = RawConnection(inbound: inbound.makeAsyncIterator(), outbound: outbound)
            return try await body(&connection)
        }
    }

    private init(
        inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) {
        self.inbound = inbound
        self.outbound = outbound
    }

    mutating func write(_ bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    mutating func write(_ frame: Frame) async throws {
        var out = ByteBuffer()
        try FrameEncoder().encode(data: frame, out: &out)
        try await outbound.write(out)
    }

    /// Returns the next frame, or `nil` once the server has closed the connection.
    mutating func nextFrame() async throws -> Frame? {
        while true {
            if let frame = try decoder.decode(buffer: &pending) {
                return frame
            }
            guard var more = try await readOrEOF() else {
                return nil
            }
            pending.writeBuffer(&more)
        }
    }

    /// Reads until the server closes, returning whether it did so without sending more frames.
    mutating func closesWithoutFurtherFrames() async throws -> Bool {
        try await nextFrame() == nil
    }

    private mutating func readOrEOF() async throws -> ByteBuffer? {
        do {
            return try await inbound.next()
        } catch let error as IOError where error.errnoCode == ECONNRESET {
            return nil
        }
    }
}
