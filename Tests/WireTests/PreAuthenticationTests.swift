import NIOCore
import Testing

@testable import Wire

/// An unauthenticated peer can make a server hold almost nothing: frames before the handshake
/// are capped at a handshake's worth, and the oldest handshakes make way past a budget.
@Suite struct PreAuthenticationTests {
    @Test func aHugeFrameBeforeTheHandshakeIsRefusedAtOnce() async throws {
        try await TestSupport.withServer { server in
            try await RawConnection.with(port: server.port) { raw in
                _ = try #require(try await raw.nextFrame()).decode(as: HelloMessage.self)
                var bytes: [UInt8] = [0x00, 0xFF, 0xFF, 0xFF]
                bytes += [UInt8](repeating: 0, count: 64 * 1024)
                try? await raw.write(bytes)
                let refusal = try #require(try await raw.nextFrame()).decode(as: ErrorMessage.self)
                #expect(refusal.code == .frameTooLarge)
                #expect(
                    refusal.message
                        == "frame of 16777215 bytes exceeds the maximum of \(WireProtocol.handshakeFrameLength) bytes"
                )
                #expect(try await raw.closesWithoutFurtherFrames())
            }
            try await WireClient(TestSupport.clientConfiguration(port: server.port), logger: TestSupport.logger)
                .withConnection { connection in
                    let reply = try await connection.call(.echo, payload: ByteBuffer(repeating: 1, count: 100_000))
                    #expect(
                        reply.payload.readableBytes == 100_000,
                        "frames past the handshake limit work once authenticated"
                    )
                }
        }
    }

    @Test func theOldestHandshakeMakesWayPastTheBudget() async throws {
        let configure: (inout WireServer.Configuration) -> Void = { $0.maximumUnauthenticatedConnections = 2 }
        try await TestSupport.withServer(configure: configure) { server in
            try await RawConnection.with(port: server.port) { oldest in
                _ = try #require(try await oldest.nextFrame())
                try await RawConnection.with(port: server.port) { second in
                    _ = try #require(try await second.nextFrame())
                    try await WireClient(TestSupport.clientConfiguration(port: server.port), logger: TestSupport.logger)
                        .withConnection { connection in
                            let reply = try await connection.call(.echo)
                            #expect(reply.type == .echo)
                        }
                    #expect(try await oldest.closesWithoutFurtherFrames(), "the oldest idle handshake was closed")
                    #expect(server.unauthenticatedConnectionCount <= 2)
                }
            }
        }
    }
}
