import NIOConcurrencyHelpers
import NIOCore
import Testing

@testable import Wire

@Suite(.timeLimit(.minutes(1))) struct WireConnectionTests {
    @Test func handshakeSucceedsAndIdentifiesBothSides() async throws {
        try await TestSupport.withServer { server in
            #expect(server.port > 0)
            let client = WireClient(TestSupport.clientConfiguration(port: server.port), logger: TestSupport.logger)
            try await client.withConnection { connection in
                #expect(connection.peer == WirePeer(role: .server, nodeID: "jt-test"))
                let seenByServer = try await connection.call(.whoAmI)
                #expect(try String(decoding: seenByServer.payload) == "tracker/tt-test")
                let echo = try await connection.call(.echo, payload: ByteBuffer(string: "hello"))
                #expect(echo.payload == ByteBuffer(string: "hello"))
                #expect(echo.flags.contains(.response))
            }
        }
    }

    @Test func bothSidesSetNoDelayOnTheTCPLevelAndNoPrivilegedSocketOption() async throws {
        // SO_DEBUG shares TCP_NODELAY's number on the socket level and needs CAP_NET_ADMIN:
        // setting it made connections fail for non-root daemons (in containers).
        let serverSide = NIOLockedValueBox<(noDelay: Int, debug: Int)?>(nil)
        let handler: @Sendable (WireConnection) async throws -> Void = { connection in
            let noDelay = try await connection.channel.getOption(.tcpOption(.tcp_nodelay)).get()
            let debug = try await connection.channel.getOption(.socketOption(.tcp_nodelay)).get()
            serverSide.withLockedValue { $0 = (noDelay, debug) }
            try await TestSupport.handle(connection)
        }
        try await TestSupport.withServer(handler: handler) { server in
            let client = WireClient(TestSupport.clientConfiguration(port: server.port), logger: TestSupport.logger)
            try await client.withConnection { connection in
                let noDelay = try await connection.channel.getOption(.tcpOption(.tcp_nodelay)).get()
                let debug = try await connection.channel.getOption(.socketOption(.tcp_nodelay)).get()
                #expect(noDelay != 0 && debug == 0, "client side")
                _ = try await connection.call(.echo, payload: ByteBuffer(string: "hello"))
            }
        }
        let seen = try #require(serverSide.withLockedValue { $0 })
        #expect(seen.noDelay != 0 && seen.debug == 0, "server side")
    }

    @Test func wrongSecretGetsTheAuthErrorAndNoHandlerRuns() async throws {
        let handlerRuns = NIOLockedValueBox(0)
        let handler: @Sendable (WireConnection) async throws -> Void = { _ in handlerRuns.withLockedValue { $0 += 1 } }
        try await TestSupport.withServer(handler: handler) { server in
            let wrong = ClusterSecret.random()
            let client = WireClient(
                TestSupport.clientConfiguration(port: server.port, secret: wrong),
                logger: TestSupport.logger
            )
            await #expect(
                throws: WireError.remote(
                    ErrorMessage(code: .authenticationFailed, message: "authentication failed: bad cluster secret")
                )
            ) {
                _ = try await client.connect()
            }
        }
        #expect(handlerRuns.withLockedValue { $0 } == 0)
    }

    @Test func wrongSecretConnectionIsClosedAfterTheError() async throws {
        try await TestSupport.withServer { server in
            try await RawConnection.with(port: server.port) { raw in
                let hello = try #require(try await raw.nextFrame()).decode(as: HelloMessage.self)
                let wrong = ClusterSecret.random()
                let transcript = HandshakeTranscript(
                    serverNonce: hello.serverNonce,
                    clientNonce: Array(repeating: 1, count: 32),
                    role: .client,
                    nodeID: "c"
                )
                try await raw.write(
                    Frame(
                        AuthenticateMessage(
                            version: WireProtocol.version,
                            role: .client,
                            nodeID: "c",
                            clientNonce: transcript.clientNonce,
                            proof: transcript.clientProof(using: wrong)
                        )
                    )
                )
                let error = try #require(try await raw.nextFrame()).decode(as: ErrorMessage.self)
                #expect(error.message == "authentication failed: bad cluster secret")
                #expect(try await raw.closesWithoutFurtherFrames())
            }
        }
    }

    @Test func wrongVersionGetsAClearErrorThenClose() async throws {
        try await TestSupport.withServer { server in
            var configuration = TestSupport.clientConfiguration(port: server.port)
            configuration.protocolVersion = WireProtocol.version + 1
            let message =
                "protocol version \(WireProtocol.version + 1) is not supported; this JobTracker speaks version \(WireProtocol.version)"
            await #expect(throws: WireError.remote(ErrorMessage(code: .unsupportedVersion, message: message))) {
                _ = try await WireClient(configuration, logger: TestSupport.logger).connect()
            }
            try await RawConnection.with(port: server.port) { raw in
                _ = try await raw.nextFrame()
                try await raw.write(
                    Frame(
                        AuthenticateMessage(
                            version: WireProtocol.version + 1,
                            role: .client,
                            nodeID: "c",
                            clientNonce: [],
                            proof: []
                        )
                    )
                )
                let error = try #require(try await raw.nextFrame()).decode(as: ErrorMessage.self)
                #expect(error.code == .unsupportedVersion)
                #expect(try await raw.closesWithoutFurtherFrames())
            }
        }
    }

    @Test func requestsBeforeTheHandshakeAreRefused() async throws {
        try await TestSupport.withServer { server in
            try await RawConnection.with(port: server.port) { raw in
                _ = try await raw.nextFrame()
                try await raw.write(Frame(type: .echo, requestID: 1, payload: ByteBuffer(string: "sneaky")))
                let error = try #require(try await raw.nextFrame()).decode(as: ErrorMessage.self)
                #expect(
                    error
                        == ErrorMessage(
                            code: .handshakeRequired,
                            message: "handshake required: received message type 0x0100 before authentication"
                        )
                )
                #expect(try await raw.closesWithoutFurtherFrames())
            }
        }
    }

    @Test func oversizedLengthPrefixClosesTheConnectionAndTheServerLives() async throws {
        try await TestSupport.withServer { server in
            try await RawConnection.with(port: server.port) { raw in
                _ = try await raw.nextFrame()
                try await raw.write([0xFF, 0xFF, 0xFF, 0xF0])
                let error = try #require(try await raw.nextFrame()).decode(as: ErrorMessage.self)
                #expect(error.code == .frameTooLarge)
                #expect(
                    error.message
                        == "frame of 4294967280 bytes exceeds the maximum of \(WireProtocol.handshakeFrameLength) bytes"
                )
                #expect(try await raw.closesWithoutFurtherFrames())
            }
            try await WireClient(TestSupport.clientConfiguration(port: server.port), logger: TestSupport.logger)
                .withConnection { connection in
                    let reply = try await connection.call(.echo, payload: ByteBuffer(string: "alive"))
                    #expect(reply.payload == ByteBuffer(string: "alive"))
                }
        }
    }

    @Test func oversizedFrameAfterTheHandshakeClosesTheConnection() async throws {
        try await TestSupport.withServer { server in
            let connection = try await WireClient(
                TestSupport.clientConfiguration(port: server.port),
                logger: TestSupport.logger
            ).connect()
            let tooBig = Frame(
                type: .echo,
                payload: ByteBuffer(repeating: 0, count: WireProtocol.defaultMaximumFrameLength)
            )
            await #expect(
                throws: WireError.frameTooLarge(length: tooBig.length, maximum: WireProtocol.defaultMaximumFrameLength)
            ) {
                try await connection.send(tooBig)
            }
            let reply = try await connection.call(.echo)
            #expect(reply.type == .echo)
            await connection.close()
        }
    }

    @Test func truncatedFrameThenCloseLeavesTheServerRunning() async throws {
        try await TestSupport.withServer { server in
            try await RawConnection.with(port: server.port) { raw in
                _ = try await raw.nextFrame()
                try await raw.write([0, 0, 0, 100, 0, 1, 0, 0, 0, 0])
            }
            try await RawConnection.with(port: server.port) { raw in
                try await raw.write([0, 0])
            }
            try await WireClient(TestSupport.clientConfiguration(port: server.port), logger: TestSupport.logger)
                .withConnection { connection in
                    let reply = try await connection.call(.echo, payload: ByteBuffer(string: "still here"))
                    #expect(reply.payload == ByteBuffer(string: "still here"))
                }
        }
    }

    @Test func unknownMessageTypeGetsAnErrorFrame() async throws {
        try await TestSupport.withServer { server in
            try await WireClient(TestSupport.clientConfiguration(port: server.port), logger: TestSupport.logger)
                .withConnection { connection in
                    await #expect(
                        throws: WireError.remote(
                            ErrorMessage(code: .unknownMessageType, message: "unknown message type 0x7777")
                        )
                    ) {
                        _ = try await connection.call(MessageType(0x7777))
                    }
                    await #expect(
                        throws: WireError.remote(
                            ErrorMessage(
                                code: .handshakeRequired,
                                message: "message type 0x0001 is not allowed after the handshake"
                            )
                        )
                    ) {
                        _ = try await connection.call(.hello)
                    }
                    let reply = try await connection.call(.echo)
                    #expect(reply.type == .echo)
                }
        }
    }

    @Test func applicationErrorsReachTheCallerVerbatim() async throws {
        try await TestSupport.withServer { server in
            try await WireClient(TestSupport.clientConfiguration(port: server.port), logger: TestSupport.logger)
                .withConnection { connection in
                    do {
                        _ = try await connection.call(.failing)
                        Issue.record("the call should have failed")
                    } catch {
                        #expect("\(error)" == "job job_0042 not found")
                    }
                }
        }
    }

    @Test func concurrentCallsAreMultiplexedByRequestID() async throws {
        try await TestSupport.withServer { server in
            try await WireClient(TestSupport.clientConfiguration(port: server.port), logger: TestSupport.logger)
                .withConnection { connection in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for index in 0..<40 {
                            group.addTask {
                                let delay = UInt16((index * 7) % 50)
                                let response = try await connection.call(.delayedEcho, payload: delay.encodedBuffer())
                                #expect(try UInt16(decoding: response.payload) == delay)
                            }
                        }
                        try await group.waitForAll()
                    }
                }
        }
    }

    @Test func callsTimeOutAndTheConnectionStaysUsable() async throws {
        try await TestSupport.withServer { server in
            try await WireClient(TestSupport.clientConfiguration(port: server.port), logger: TestSupport.logger)
                .withConnection { connection in
                    await #expect(
                        throws: WireError.timedOut("request 0x0101 to server/jt-test timed out after 0.2 seconds")
                    ) {
                        _ = try await connection.call(.slow, timeout: .milliseconds(200))
                    }
                    let reply = try await connection.call(.echo)
                    #expect(reply.type == .echo)
                }
        }
    }

    @Test func outstandingCallsFailWhenTheServerHangsUp() async throws {
        try await TestSupport.withServer { server in
            let connection = try await WireClient(
                TestSupport.clientConfiguration(port: server.port),
                logger: TestSupport.logger
            ).connect()
            await #expect(throws: WireError.connectionClosed) {
                _ = try await connection.call(.hangUp)
            }
            await #expect(throws: WireError.connectionClosed) {
                _ = try await connection.call(.echo)
            }
            #expect(connection.isClosed)
            await connection.close()
        }
    }

    @Test func serverCanCallBackIntoTheClient() async throws {
        try await TestSupport.withServer { server in
            var configuration = TestSupport.clientConfiguration(port: server.port)
            var catalog = MessageCatalog()
            catalog.register(.ping, name: "ping", from: [.server])
            configuration.acceptedMessages = catalog
            try await WireClient(configuration, logger: TestSupport.logger).withConnection { connection in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await request in connection.requests {
                            var payload = request.payload
                            payload.writeString("-pong")
                            try await connection.respond(to: request, type: .ping, payload: payload)
                        }
                    }
                    let answer = try await connection.call(.askBack, payload: ByteBuffer(string: "ping"))
                    #expect(answer.payload == ByteBuffer(string: "ping-pong"))
                    group.cancelAll()
                }
            }
        }
    }

    @Test func connectingToAClosedPortFailsQuickly() async throws {
        let server = try await WireServer.bind(TestSupport.serverConfiguration(), logger: TestSupport.logger)
        let port = server.port
        await server.close()
        await #expect(throws: (any Error).self) {
            _ = try await WireClient(TestSupport.clientConfiguration(port: port), logger: TestSupport.logger).connect()
        }
    }
}
