import NIOCore
import Testing

@testable import Wire

@Suite struct FrameCodecTests {
    private func encode(_ frame: Frame, maximum: Int = WireProtocol.defaultMaximumFrameLength) throws -> ByteBuffer {
        var out = ByteBuffer()
        try FrameEncoder(maximumFrameLength: maximum).encode(data: frame, out: &out)
        return out
    }

    @Test func encodesTheDocumentedLayout() throws {
        let frame = Frame(
            type: MessageType(0x0102),
            requestID: 0x0A0B,
            flags: [.response, .streamFollows],
            payload: ByteBuffer(bytes: [0xEE])
        )
        let bytes = Array(try encode(frame).readableBytesView)
        #expect(bytes == [0, 0, 0, 12, 0x01, 0x02, 0, 0, 0, 0, 0, 0, 0x0A, 0x0B, 0x03, 0xEE])
    }

    @Test func roundTripsFramesAcrossArbitrarySplits() throws {
        let frames = [
            Frame(type: .error, requestID: 0, payload: ErrorMessage(message: "x").encodedBuffer()),
            Frame(
                type: MessageType(0x0100),
                requestID: 7,
                flags: .response,
                payload: ByteBuffer(repeating: 0x5A, count: 3000)
            ),
            Frame(type: .streamEnd, requestID: .max),
        ]
        var all = ByteBuffer()
        for frame in frames {
            var encoded = try encode(frame)
            all.writeBuffer(&encoded)
        }
        for step in [1, 5, 11, 4096] {
            var decoder = FrameDecoder()
            var pending = ByteBuffer()
            var decoded: [Frame] = []
            var input = all
            while let piece = input.readSlice(length: min(step, input.readableBytes)), piece.readableBytes > 0 {
                pending.writeImmutableBuffer(piece)
                while let frame = try decoder.decode(buffer: &pending) {
                    decoded.append(frame)
                }
            }
            #expect(decoded == frames)
        }
    }

    @Test func rejectsAnOversizedLengthFromItsFourBytesAlone() throws {
        var decoder = FrameDecoder(maximumFrameLength: 16 * 1024 * 1024)
        var buffer = ByteBuffer(bytes: [0xFF, 0xFF, 0xFF, 0xF0])
        #expect(throws: WireError.frameTooLarge(length: 0xFFFF_FFF0, maximum: 16 * 1024 * 1024)) {
            try decoder.decode(buffer: &buffer)
        }
    }

    @Test func rejectsALengthShorterThanTheHeader() throws {
        var decoder = FrameDecoder()
        var buffer = ByteBuffer(bytes: [0, 0, 0, 3, 1, 2, 3])
        #expect(throws: WireError.self) { try decoder.decode(buffer: &buffer) }
    }

    @Test func waitsForAPartialFrameAndReportsItTruncatedAtEOF() throws {
        var decoder = FrameDecoder()
        var buffer = ByteBuffer(bytes: [0, 0, 0, 100, 0, 1, 2])
        #expect(try decoder.decode(buffer: &buffer) == nil)
        #expect(throws: WireError.self) { try decoder.decodeLast(buffer: &buffer, seenEOF: true) }
        var empty = ByteBuffer()
        #expect(try decoder.decodeLast(buffer: &empty, seenEOF: true) == nil)
    }

    @Test func encoderRefusesOversizedFrames() {
        let frame = Frame(type: MessageType(0x0100), payload: ByteBuffer(repeating: 0, count: 2000))
        #expect(throws: WireError.frameTooLarge(length: 2011, maximum: 1024)) { try encode(frame, maximum: 1024) }
    }

    @Test func decodeChecksTheTypeAndSurfacesRemoteErrors() throws {
        let error = Frame(ErrorMessage(code: .application, message: "job not found"), requestID: 3, flags: .response)
        #expect(throws: WireError.remote(ErrorMessage(code: .application, message: "job not found"))) {
            try error.decode(as: HelloMessage.self)
        }
        let welcome = Frame(WelcomeMessage(nodeID: "jt", proof: []))
        #expect(throws: WireError.unexpectedMessage(expected: .hello, received: .welcome)) {
            try welcome.decode(as: HelloMessage.self)
        }
    }
}
