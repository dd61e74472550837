import NIOCore
import Testing

@testable import Wire

@Suite struct HandshakeStateMachineTests {
    let secret = try! ClusterSecret(string: "GaBrthpbYmcvTf1r4S4OYrU8Uabq3axJa6+kgyHQZR0=")
    let serverNonce = [UInt8](repeating: 0xAA, count: 32)
    let clientNonce = [UInt8](repeating: 0xBB, count: 32)

    private func makeServer(secret: ClusterSecret? = nil, allowedRoles: Set<WireRole>? = nil) -> ServerHandshake {
        ServerHandshake(
            configuration: .init(
                secret: secret ?? self.secret,
                serverName: "JobTracker",
                nodeID: "jt-1",
                allowedRoles: allowedRoles
            ),
            serverNonce: serverNonce
        )
    }

    private func makeClient(
        secret: ClusterSecret? = nil,
        role: WireRole = .tracker,
        version: UInt16 = WireProtocol.version
    ) -> ClientHandshake {
        ClientHandshake(
            configuration: .init(secret: secret ?? self.secret, role: role, nodeID: "tt-7", version: version),
            clientNonce: clientNonce
        )
    }

    private func helloFrame(_ server: inout ServerHandshake) throws -> Frame {
        guard case .send(let hello) = server.start() else {
            Issue.record("the server did not send a hello")
            throw WireError.connectionClosed
        }
        return hello
    }

    private func expectRejection(_ action: ServerHandshake.Action, code: WireErrorCode, message: String) throws {
        guard case .reject(let frame, let reason) = action else {
            Issue.record("expected a rejection, got \(action)")
            return
        }
        #expect(reason == message)
        #expect(frame.type == .error)
        #expect(frame.requestID == 0)
        #expect(try ErrorMessage(decoding: frame.payload) == ErrorMessage(code: code, message: message))
    }

    @Test func goodProofsAuthenticateBothSides() throws {
        var server = makeServer()
        var client = makeClient()
        let hello = try helloFrame(&server)
        #expect(try hello.decode(as: HelloMessage.self).serverNonce == serverNonce)
        guard case .authenticate(let authenticate, let clientKeys) = client.receive(hello) else {
            Issue.record("the client did not answer the hello")
            return
        }
        guard case .accept(let welcome, let peer, let serverKeys) = server.receive(authenticate) else {
            Issue.record("the server did not accept a good proof")
            return
        }
        #expect(clientKeys.sending == serverKeys.receiving)
        #expect(clientKeys.receiving == serverKeys.sending)
        #expect(clientKeys.sending != clientKeys.receiving)
        #expect(peer == WirePeer(role: .tracker, nodeID: "tt-7"))
        #expect(server.state == .accepted(peer))
        #expect(client.receive(welcome) == .complete(WirePeer(role: .server, nodeID: "jt-1")))
    }

    @Test func badProofIsRejected() throws {
        var server = makeServer()
        var client = makeClient(secret: ClusterSecret.random())
        guard case .authenticate(let authenticate, _) = client.receive(try helloFrame(&server)) else {
            Issue.record("the client did not answer the hello")
            return
        }
        try expectRejection(
            server.receive(authenticate),
            code: .authenticationFailed,
            message: "authentication failed: bad cluster secret"
        )
        #expect(server.state == .rejected)
    }

    @Test func missingProofIsRejected() throws {
        var server = makeServer()
        _ = try helloFrame(&server)
        var message = AuthenticateMessage(
            version: WireProtocol.version,
            role: .client,
            nodeID: "cli",
            clientNonce: clientNonce,
            proof: []
        )
        try expectRejection(
            server.receive(Frame(message)),
            code: .authenticationFailed,
            message: "authentication failed: bad cluster secret"
        )

        var truncatedServer = makeServer()
        _ = try helloFrame(&truncatedServer)
        message.proof = [1]
        var payload = message.encodedBuffer()
        payload.moveWriterIndex(to: payload.writerIndex - 2)
        let frame = Frame(type: .authenticate, payload: payload)
        try expectRejection(
            truncatedServer.receive(frame),
            code: .authenticationFailed,
            message: "authentication failed: bad cluster secret"
        )
    }

    @Test func wrongMagicIsRejected() throws {
        var server = makeServer()
        _ = try helloFrame(&server)
        let message = AuthenticateMessage(
            magic: 0x4854_5450,
            version: 1,
            role: .client,
            nodeID: "x",
            clientNonce: clientNonce,
            proof: []
        )
        try expectRejection(
            server.receive(Frame(message)),
            code: .unsupportedVersion,
            message: "bad protocol magic: the peer does not speak the swift-mapreduce wire protocol"
        )
    }

    @Test func wrongVersionIsRejectedWithAClearMessage() throws {
        var server = makeServer()
        var client = makeClient(version: WireProtocol.version + 1)
        guard case .authenticate(let authenticate, _) = client.receive(try helloFrame(&server)) else {
            Issue.record("the client must still answer so the server can explain the mismatch")
            return
        }
        try expectRejection(
            server.receive(authenticate),
            code: .unsupportedVersion,
            message:
                "protocol version \(WireProtocol.version + 1) is not supported; this JobTracker speaks version \(WireProtocol.version)"
        )
    }

    @Test func messagesBeforeTheHandshakeCompletesAreRefused() throws {
        var server = makeServer()
        _ = try helloFrame(&server)
        try expectRejection(
            server.receive(Frame(type: MessageType(0x0100), requestID: 1)),
            code: .handshakeRequired,
            message: "handshake required: received message type 0x0100 before authentication"
        )

        var notStarted = makeServer()
        guard case .reject = notStarted.receive(Frame(type: .authenticate)) else {
            Issue.record("a frame before the hello must be refused")
            return
        }
    }

    @Test func disallowedRolesAreRejectedAfterAGoodProof() throws {
        var server = makeServer(allowedRoles: [.shuffle])
        var client = makeClient(role: .client)
        guard case .authenticate(let authenticate, _) = client.receive(try helloFrame(&server)) else {
            Issue.record("the client did not answer the hello")
            return
        }
        try expectRejection(
            server.receive(authenticate),
            code: .roleNotAllowed,
            message: "role client is not accepted by this JobTracker"
        )
    }

    @Test func malformedAuthenticationIsRejected() throws {
        var server = makeServer()
        _ = try helloFrame(&server)
        let shortNonce = AuthenticateMessage(
            version: WireProtocol.version,
            role: .client,
            nodeID: "x",
            clientNonce: [1, 2],
            proof: []
        )
        guard case .reject(_, let reason) = server.receive(Frame(shortNonce)) else {
            Issue.record("a short nonce must be refused")
            return
        }
        #expect(reason.hasPrefix("malformed handshake"))
    }

    @Test func clientRejectsAServerWithoutTheSecret() throws {
        var impostor = makeServer(secret: ClusterSecret.random())
        var client = makeClient()
        guard case .authenticate(let authenticate, _) = client.receive(try helloFrame(&impostor)) else {
            Issue.record("the client did not answer the hello")
            return
        }
        // The impostor cannot verify the proof; replay a welcome it signs with its own secret.
        let forged = WelcomeMessage(nodeID: "jt-1", proof: [UInt8](repeating: 0, count: 32))
        _ = impostor.receive(authenticate)
        guard case .fail(let error) = client.receive(Frame(forged)) else {
            Issue.record("the client accepted a forged welcome")
            return
        }
        #expect(
            error.description == "authentication failed: the JobTracker could not prove it holds the cluster secret"
        )
    }

    @Test func clientReportsTheServersErrorMessage() throws {
        var client = makeClient()
        let rejection = Frame(
            ErrorMessage(code: .authenticationFailed, message: "authentication failed: bad cluster secret")
        )
        #expect(
            client.receive(rejection)
                == .fail(
                    .remote(
                        ErrorMessage(code: .authenticationFailed, message: "authentication failed: bad cluster secret")
                    )
                )
        )
        #expect(client.state == .failed)
    }

    @Test func clientRejectsAForeignGreeting() throws {
        var client = makeClient()
        let hello = HelloMessage(magic: 0x1234_5678, version: 1, serverNonce: serverNonce, serverName: "x")
        guard case .fail = client.receive(Frame(hello)) else {
            Issue.record("a bad magic must fail the handshake")
            return
        }
        var other = makeClient()
        guard case .fail = other.receive(Frame(type: .welcome)) else {
            Issue.record("a welcome before the hello must fail the handshake")
            return
        }
    }

    @Test func proofsAreBoundToTheTranscript() {
        let transcript = HandshakeTranscript(
            serverNonce: serverNonce,
            clientNonce: clientNonce,
            role: .tracker,
            nodeID: "a"
        )
        var otherNode = transcript
        otherNode.nodeID = "b"
        var otherRole = transcript
        otherRole.role = .client
        let proof = transcript.clientProof(using: secret)
        #expect(proof.count == 32)
        #expect(proof != otherNode.clientProof(using: secret))
        #expect(proof != otherRole.clientProof(using: secret))
        #expect(proof != transcript.serverProof(using: secret))
    }
}
