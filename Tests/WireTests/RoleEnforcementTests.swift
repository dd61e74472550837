import NIOConcurrencyHelpers
import NIOCore
import Testing

@testable import Wire

/// Every request type names the roles that may send it; the others get an error frame and the
/// handler never sees the request.
@Suite struct RoleEnforcementTests {
    @Test func theCatalogueKnowsWhoMaySendEachType() {
        var catalog = MessageCatalog()
        catalog.register(.echo, name: "echo", from: [.client, .tracker])
        catalog.register(.ping, name: "ping", from: [.shuffle])
        #expect(catalog.allows(.echo, from: .client) && catalog.allows(.echo, from: .tracker))
        #expect(!catalog.allows(.echo, from: .shuffle))
        #expect(catalog.allows(.ping, from: .shuffle) && !catalog.allows(.ping, from: .client))
        #expect(catalog.senders(of: .upload).isEmpty && !catalog.allows(.upload, from: .client))
        #expect(catalog.name(of: .ping) == "ping")
    }

    @Test func aRequestFromARoleThatMayNotSendItIsRefusedAndNotHandled() async throws {
        let handled = NIOLockedValueBox<[MessageType]>([])
        let handler: @Sendable (WireConnection) async throws -> Void = { connection in
            for try await request in connection.requests {
                handled.withLockedValue { $0.append(request.type) }
                try await connection.respond(to: request, type: request.type, payload: request.payload)
            }
        }
        try await TestSupport.withServer(handler: handler) { server in
            let client = WireClient(TestSupport.clientConfiguration(port: server.port), logger: TestSupport.logger)
            try await client.withConnection { connection in
                let refusal = ErrorMessage(
                    code: .roleNotAllowed,
                    message: "message type 0x010a (clientsOnly) may not be sent by a tracker peer"
                )
                await #expect(throws: WireError.remote(refusal)) {
                    _ = try await connection.call(.clientsOnly, payload: ByteBuffer(string: "100000 slots"))
                }
                let reply = try await connection.call(.echo, payload: ByteBuffer(string: "still here"))
                #expect(reply.payload == ByteBuffer(string: "still here"))
            }
        }
        #expect(handled.withLockedValue { $0 } == [.echo])
    }
}
