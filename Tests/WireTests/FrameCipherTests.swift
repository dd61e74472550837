import NIOCore
import Testing

@testable import Wire

/// The key schedule and the sealed-frame format against vectors computed independently
/// (Python's `hmac` and `cryptography` AES-GCM), and every way a sealed frame can go wrong.
@Suite struct FrameCipherTests {
    let secret = SessionFixture.secret
    let transcript = SessionFixture.transcript
    let allocator = ByteBufferAllocator()

    static let clientToServer = "5c4cb9bc4a53b8896bbbbe978867b5919d0e78c36430f4c1cf81c827a9e3641c"
    static let serverToClient = "ba4f1fbe2edecc2318b440896565c6d359b4ddd9b2463e0a7cc4f77b13bbfee2"
    static let firstSealed =
        "0000002b0005000000000000000000c26df2a29829e2f7dac44e1b7812790f1569c5a7809cb2fb64a2c91d2f24e3e9"
    static let secondSealed = "000000260005000000000000000000c7e7c5ee5a4141397ee9cb2c3ac4b9db6dbf158d7c17fc417fa93c"

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
    }

    func decoded(_ hex: String) throws -> Frame {
        var buffer = ByteBuffer(bytes: Self.bytes(hex))
        var decoder = FrameDecoder()
        return try #require(try decoder.decode(buffer: &buffer))
    }

    func clientCipher() -> FrameCipher {
        FrameCipher(key: SessionKeys(secret: secret, transcript: transcript, side: .client).sending)
    }

    func serverCipher() -> FrameCipher {
        FrameCipher(key: SessionKeys(secret: secret, transcript: transcript, side: .server).receiving)
    }

    @Test func theKeyScheduleMatchesTheVectors() {
        let client = SessionKeys(secret: secret, transcript: transcript, side: .client)
        let server = SessionKeys(secret: secret, transcript: transcript, side: .server)
        #expect(Self.hex(client.sending) == Self.clientToServer)
        #expect(Self.hex(client.receiving) == Self.serverToClient)
        #expect(server.sending == client.receiving && server.receiving == client.sending)
        var other = transcript
        other.clientNonce[0] ^= 1
        #expect(SessionKeys(secret: secret, transcript: other, side: .client).sending != client.sending)
        other = transcript
        other.role = .client
        #expect(SessionKeys(secret: secret, transcript: other, side: .client).sending != client.sending)
    }

    /// The wire bytes of `frame` sealed by `sealer`.
    func sealed(_ frame: Frame, by sealer: inout FrameCipher) throws -> [UInt8] {
        var out = ByteBuffer()
        try sealer.seal(frame, into: &out)
        return Array(out.readableBytesView)
    }

    @Test func sealingMatchesTheVectors() throws {
        var sealer = clientCipher()
        let first = try sealed(
            Frame(type: MessageType(0x0100), requestID: 7, flags: .response, payload: ByteBuffer(string: "hello")),
            by: &sealer
        )
        #expect(Self.hex(first) == Self.firstSealed)
        let second = try sealed(Frame(type: MessageType(0x0101), requestID: 8), by: &sealer)
        #expect(Self.hex(second) == Self.secondSealed)
        #expect(sealer.counter == 2)
    }

    @Test func sealingAppendsAfterWhatTheBufferHolds() throws {
        var sealer = clientCipher()
        var out = ByteBuffer(string: "consumed|kept")
        out.moveReaderIndex(forwardBy: 9)
        try sealer.seal(
            Frame(type: MessageType(0x0100), requestID: 7, flags: .response, payload: ByteBuffer(string: "hello")),
            into: &out
        )
        #expect(out.readString(length: 4) == "kept")
        #expect(Self.hex(out.readableBytesView) == Self.firstSealed)
    }

    @Test func openingRecoversTheFramesInOrder() throws {
        var opener = serverCipher()
        let first = try opener.open(try decoded(Self.firstSealed), allocator: allocator)
        #expect(
            first
                == Frame(
                    type: MessageType(0x0100),
                    requestID: 7,
                    flags: .response,
                    payload: ByteBuffer(string: "hello")
                )
        )
        let second = try opener.open(try decoded(Self.secondSealed), allocator: allocator)
        #expect(second == Frame(type: MessageType(0x0101), requestID: 8))
    }

    @Test func reorderedReplayedOrDroppedFramesFail() throws {
        var reordered = serverCipher()
        #expect(throws: WireError.self) { try reordered.open(try decoded(Self.secondSealed), allocator: allocator) }
        var replayed = serverCipher()
        _ = try replayed.open(try decoded(Self.firstSealed), allocator: allocator)
        #expect(throws: WireError.self) { try replayed.open(try decoded(Self.firstSealed), allocator: allocator) }
        var wrongDirection = FrameCipher(
            key: SessionKeys(secret: secret, transcript: transcript, side: .client).receiving
        )
        #expect(throws: WireError.self) { try wrongDirection.open(try decoded(Self.firstSealed), allocator: allocator) }
    }

    @Test func alteredTruncatedOrUnsealedFramesFail() throws {
        for index in [4, 14, 20, 44] {
            var bytes = Self.bytes(Self.firstSealed)
            bytes[index] ^= 0x80
            var opener = serverCipher()
            #expect(throws: WireError.self, "byte \(index) altered") {
                try opener.open(try decoded(Self.hex(bytes)), allocator: allocator)
            }
        }
        var opener = serverCipher()
        let truncated = Frame(type: .sealed, payload: ByteBuffer(bytes: Self.bytes(Self.firstSealed).suffix(20)))
        #expect(throws: WireError.self) { try opener.open(truncated, allocator: allocator) }
        let plain = Frame(type: MessageType(0x0100), requestID: 7, payload: ByteBuffer(string: "submitJob"))
        #expect(throws: WireError.malformed("a frame of type 0x0100 arrived unsealed after the handshake")) {
            try opener.open(plain, allocator: allocator)
        }
        #expect(opener.counter == 0)
    }

    @Test func largeFramesRoundTrip() throws {
        var sealer = clientCipher()
        var opener = serverCipher()
        let payload = ByteBuffer(bytes: (0..<(256 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let frame = Frame(type: .streamChunk, requestID: 3, flags: .response, payload: payload)
        var wire = ByteBuffer(bytes: try sealed(frame, by: &sealer))
        var decoder = FrameDecoder(maximumFrameLength: frame.length + FrameCipher.overhead)
        let envelope = try #require(try decoder.decode(buffer: &wire))
        #expect(envelope.length == frame.length + FrameCipher.overhead)
        #expect(try opener.open(envelope, allocator: allocator) == frame)
    }
}
