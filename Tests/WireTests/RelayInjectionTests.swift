import NIOConcurrencyHelpers
import NIOCore
import Testing

@testable import Wire

/// A relay without the secret passes an honest handshake through, then injects a frame of its
/// own on the authenticated connection: the server must close the connection without acting on it.
@Suite struct RelayInjectionTests {
    static func encoded(_ frame: Frame) throws -> ByteBuffer {
        var out = ByteBuffer()
        try FrameEncoder().encode(data: frame, out: &out)
        return out
    }

    static let injections: [(String, Frame)] = [
        ("plaintext request", Frame(type: .echo, requestID: 99, payload: ByteBuffer(string: "injected"))),
        ("forged sealed frame", Frame(type: .sealed, payload: ByteBuffer(repeating: 0x42, count: 64))),
    ]

    @Test(arguments: injections.indices)
    func anInjectedFrameClosesTheConnectionAndIsNeverHandled(_ index: Int) async throws {
        let (name, injected) = Self.injections[index]
        let handled = NIOLockedValueBox<[String]>([])
        let handler: @Sendable (WireConnection) async throws -> Void = { connection in
            for try await request in connection.requests {
                handled.withLockedValue { $0.append(String(buffer: request.payload)) }
                try await connection.respond(to: request, type: request.type, payload: request.payload)
            }
        }
        try await TestSupport.withServer(handler: handler) { server in
            try await TCPRelay.with(serverPort: server.port) { relay in
                let client = WireClient(TestSupport.clientConfiguration(port: relay.port), logger: TestSupport.logger)
                let connection = try await client.connect()
                let reply = try await connection.call(.echo, payload: ByteBuffer(string: "honest"))
                #expect(reply.payload == ByteBuffer(string: "honest"))
                try await relay.inject(try Self.encoded(injected))
                let deadline = ContinuousClock.now + .seconds(5)
                while !connection.isClosed && ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(20))
                }
                #expect(connection.isClosed, "the server must close the connection after a \(name)")
                await #expect(throws: (any Error).self) {
                    try await connection.call(.echo, payload: ByteBuffer(string: "after"))
                }
                await connection.close()
            }
        }
        #expect(handled.withLockedValue { $0 } == ["honest"], "the server acted on a \(name)")
    }
}
