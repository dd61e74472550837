import Crypto
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

@testable import Wire

extension MessageType {
    static let echo = MessageType(0x0100)
    static let slow = MessageType(0x0101)
    static let upload = MessageType(0x0102)
    static let download = MessageType(0x0103)
    static let failing = MessageType(0x0104)
    static let delayedEcho = MessageType(0x0105)
    static let whoAmI = MessageType(0x0106)
    static let hangUp = MessageType(0x0107)
    static let askBack = MessageType(0x0108)
    static let ping = MessageType(0x0109)
    static let clientsOnly = MessageType(0x010A)
}

/// Shared fixtures for the socket tests; every server binds 127.0.0.1 on port 0.
enum TestSupport {
    static let secret = try! ClusterSecret(string: "H2AvPFwk7N/zOfEK5UARkUh30wugGp67heGWZQl+zp0=")

    /// Logs only warnings and worse, so test output stays readable.
    static let logger: Logger = {
        var logger = Logger(label: "wire-tests")
        logger.logLevel = .warning
        return logger
    }()

    static var catalog: MessageCatalog {
        var catalog = MessageCatalog()
        for (type, name) in [
            (MessageType.echo, "echo"), (.slow, "slow"), (.upload, "upload"), (.download, "download"),
            (.failing, "failing"), (.delayedEcho, "delayedEcho"), (.whoAmI, "whoAmI"), (.hangUp, "hangUp"),
            (.askBack, "askBack"),
        ] {
            catalog.register(type, name: name, from: [.tracker])
        }
        catalog.register(.clientsOnly, name: "clientsOnly", from: [.client])
        return catalog
    }

    static func serverConfiguration() -> WireServer.Configuration {
        WireServer.Configuration(
            host: "127.0.0.1",
            port: 0,
            secret: secret,
            serverName: "JobTracker",
            nodeID: "jt-test",
            acceptedMessages: catalog,
            handshakeTimeout: .seconds(5)
        )
    }

    static func clientConfiguration(port: Int, secret: ClusterSecret = TestSupport.secret) -> WireClient.Configuration {
        WireClient.Configuration(
            host: "127.0.0.1",
            port: port,
            secret: secret,
            role: .tracker,
            nodeID: "tt-test",
            connectTimeout: .seconds(2),
            handshakeTimeout: .seconds(5),
            requestTimeout: .seconds(10)
        )
    }

    /// Binds a server, runs `body` while it serves, then shuts the server down.
    static func withServer(
        configure: (inout WireServer.Configuration) -> Void = { _ in },
        handler: @escaping @Sendable (WireConnection) async throws -> Void = TestSupport.handle,
        _ body: (WireServer) async throws -> Void
    ) async throws {
        var configuration = serverConfiguration()
        configure(&configuration)
        let server = try await WireServer.bind(configuration, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run(handler: handler) }
            do {
                try await body(server)
            } catch {
                await server.close()
                throw error
            }
            await server.close()
            try await group.waitForAll()
        }
    }

    /// The default server behaviour: each request is handled in its own child task.
    @Sendable static func handle(_ connection: WireConnection) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            for try await request in connection.requests {
                group.addTask { try await respond(to: request, on: connection) }
            }
        }
    }

    private static func respond(to request: IncomingRequest, on connection: WireConnection) async throws {
        switch request.type {
        case .echo:
            try await connection.respond(to: request, type: .echo, payload: request.payload)
        case .delayedEcho:
            let delay = try UInt16(decoding: request.payload)
            try await Task.sleep(for: .milliseconds(Int(delay)))
            try await connection.respond(to: request, type: .delayedEcho, payload: request.payload)
        case .whoAmI:
            try await connection.respond(
                to: request,
                type: .whoAmI,
                payload: connection.peer.description.encodedBuffer()
            )
        case .failing:
            try await connection.respond(to: request, error: "job job_0042 not found")
        case .hangUp:
            await connection.close()
        case .askBack:
            let answer = try await connection.call(.ping, payload: request.payload)
            try await connection.respond(to: request, type: .askBack, payload: answer.payload)
        case .download:
            let size = try Int(decoding: request.payload)
            try await connection.respondWithStream(to: request, type: .download) { writer in
                try await writer.write(patternBytes(count: size))
            }
        case .upload:
            guard let body = request.body else {
                try await connection.respond(to: request, error: "upload without a body")
                return
            }
            var hash = SHA256()
            for try await chunk in body {
                chunk.withUnsafeReadableBytes { hash.update(bufferPointer: $0) }
            }
            try await connection.respond(to: request, type: .upload, payload: ByteBuffer(bytes: Array(hash.finalize())))
        default:
            break
        }
    }

    /// Deterministic pseudo-random test bytes, generated eight at a time to stay fast in debug builds.
    static func patternBytes(count: Int, seed: UInt64 = 1) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(count + 8)
        var state = seed
        while buffer.readableBytes < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            buffer.writeInteger(state ^ (state >> 29))
        }
        buffer.moveWriterIndex(to: buffer.readerIndex + count)
        return buffer
    }
}
