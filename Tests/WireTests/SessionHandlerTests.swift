import NIOCore
import NIOEmbedded
import Testing

@testable import Wire

/// The session handler on `EmbeddedChannel`s: where plaintext ends and sealing starts, the
/// frame limit before it, and what happens to frames that do not open after it.
@Suite struct SessionHandlerTests {
    let secret = SessionFixture.secret
    let transcript = SessionFixture.transcript
    let authenticate = Frame(type: .authenticate, payload: ByteBuffer(string: "proof"))
    let welcome = Frame(type: .welcome, payload: ByteBuffer(string: "welcome"))

    func channel(_ side: SessionKeys.Side) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try WirePipeline.addHandlers(
            to: channel.pipeline.syncOperations,
            side: side,
            maximumFrameLength: WireProtocol.defaultMaximumFrameLength
        )
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        return channel
    }

    func begin(_ channel: EmbeddedChannel, _ side: SessionKeys.Side, after frame: Frame) throws {
        let handler = try channel.pipeline.syncOperations.handler(type: SessionHandler.self)
        _ = try handler.begin(keys: SessionKeys(secret: secret, transcript: transcript, side: side), after: frame)
    }

    /// Moves every byte `from` has written into `to` as a single read.
    func deliver(from: EmbeddedChannel, to: EmbeddedChannel) throws {
        var bytes = ByteBuffer()
        while var chunk = try from.readOutbound(as: ByteBuffer.self) {
            bytes.writeBuffer(&chunk)
        }
        try to.writeInbound(bytes)
    }

    /// Begins both sessions; the server's welcome is written but not delivered yet.
    func beginSessions() throws -> (client: EmbeddedChannel, server: EmbeddedChannel) {
        let client = try channel(.client)
        let server = try channel(.server)
        try begin(client, .client, after: authenticate)
        try deliver(from: client, to: server)
        #expect(try server.readInbound(as: Frame.self) == authenticate)
        try begin(server, .server, after: welcome)
        return (client, server)
    }

    /// Runs the plaintext part of a handshake between two channels and begins both sessions.
    func session() throws -> (client: EmbeddedChannel, server: EmbeddedChannel) {
        let (client, server) = try beginSessions()
        try deliver(from: server, to: client)
        #expect(try client.readInbound(as: Frame.self) == welcome)
        return (client, server)
    }

    func encoded(_ frame: Frame) throws -> ByteBuffer {
        var out = ByteBuffer()
        try FrameEncoder().encode(data: frame, out: &out)
        return out
    }

    @Test func aWelcomeAndASealedFrameInOneReadAreSplitAtTheBoundary() throws {
        let (client, server) = try beginSessions()
        let big = Frame(type: MessageType(0x0100), requestID: 1, payload: ByteBuffer(repeating: 7, count: 5000))
        try server.writeOutbound(big)
        try deliver(from: server, to: client)
        #expect(try client.readInbound(as: Frame.self) == welcome)
        #expect(try client.readInbound(as: Frame.self) == big)
        let answer = Frame(type: MessageType(0x0100), requestID: 1, flags: .response, payload: ByteBuffer(string: "ok"))
        try client.writeOutbound(answer)
        try deliver(from: client, to: server)
        #expect(try server.readInbound(as: Frame.self) == answer)
    }

    @Test func everyFrameAfterTheHandshakeIsSealed() throws {
        let (client, _) = try session()
        try client.writeOutbound(
            Frame(type: MessageType(0x0100), requestID: 1, payload: ByteBuffer(string: "submitJob"))
        )
        var wire = try #require(try client.readOutbound(as: ByteBuffer.self))
        var decoder = FrameDecoder()
        let frame = try #require(try decoder.decode(buffer: &wire))
        #expect(frame.type == .sealed)
        #expect(!String(buffer: frame.payload).contains("submitJob"))
    }

    @Test func anInjectedPlaintextFrameFailsTheSessionAndIsNeverDelivered() throws {
        let (client, server) = try session()
        #expect(throws: WireError.malformed("a frame of type 0x0100 arrived unsealed after the handshake")) {
            try server.writeInbound(
                try encoded(Frame(type: MessageType(0x0100), requestID: 9, payload: ByteBuffer(string: "rm -rf")))
            )
        }
        #expect(try server.readInbound(as: Frame.self) == nil)
        try client.writeOutbound(Frame(type: MessageType(0x0100), requestID: 1))
        try deliver(from: client, to: server)
        #expect(try server.readInbound(as: Frame.self) == nil, "nothing is delivered once the session failed")
    }

    @Test func aReplayedOrDroppedFrameFailsTheSession() throws {
        let (client, server) = try session()
        try client.writeOutbound(Frame(type: MessageType(0x0100), requestID: 1))
        let first = try #require(try client.readOutbound(as: ByteBuffer.self))
        try server.writeInbound(first)
        #expect(try server.readInbound(as: Frame.self)?.requestID == 1)
        #expect(throws: WireError.self) { try server.writeInbound(first) }

        let (sender, receiver) = try session()
        try sender.writeOutbound(Frame(type: MessageType(0x0100), requestID: 1))
        _ = try sender.readOutbound(as: ByteBuffer.self)
        try sender.writeOutbound(Frame(type: MessageType(0x0100), requestID: 2))
        #expect(throws: WireError.self) { try self.deliver(from: sender, to: receiver) }
        #expect(try receiver.readInbound(as: Frame.self) == nil)
    }

    @Test func aServerRefusesALargeFrameBeforeTheSessionAtOnce() throws {
        let server = try channel(.server)
        var flood = ByteBuffer()
        flood.writeInteger(UInt32(16 * 1024 * 1024 - 1))
        flood.writeRepeatingByte(0, count: 4096)
        try server.writeInbound(flood)
        #expect(try server.readInbound(as: Frame.self) == nil)
        var wire = try #require(try server.readOutbound(as: ByteBuffer.self))
        var decoder = FrameDecoder()
        let refusal = try #require(try decoder.decode(buffer: &wire)).decode(as: ErrorMessage.self)
        #expect(refusal.code == .frameTooLarge)
        #expect(!server.isActive)
    }

    @Test func aServerRefusesASecondFrameBeforeTheSession() throws {
        let server = try channel(.server)
        var bytes = try encoded(authenticate)
        bytes.writeImmutableBuffer(try encoded(authenticate))
        try server.writeInbound(bytes)
        #expect(try server.readInbound(as: Frame.self) == authenticate)
        #expect(try server.readInbound(as: Frame.self) == nil)
        #expect(!server.isActive)
    }
}
