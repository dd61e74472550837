import Cluster
import MapReduce
import NIOCore
import Wire

/// Feeds one fuzzer input to a parser of the wire protocol, chosen by the input's first byte.
///
/// The parsers are everything a peer's bytes reach before and after authentication: the frame
/// decoder, the server's and the client's handshake state machines, the frame cipher, and every
/// message codec (the cluster's requests and replies, the task runner's request and result
/// files). Each must either decode or throw; a trap, an out-of-bounds access or a leak found by the
/// sanitizer is a finding. A decoded message is also encoded again and decoded once more, and the
/// two encodings must have the same length.
public enum ProtocolFuzzTarget {
    /// The parser for each selector byte below ``MessageCodecs/firstSelector``.
    enum Parser: UInt8, CaseIterable {
        case frameDecoder = 0
        case serverHandshake = 1
        case clientHandshake = 2
        case frameCipher = 3
    }

    /// Runs the parser `input[0]` selects on the rest of `input`.
    public static func run(_ input: [UInt8]) {
        guard let selector = input.first else { return }
        let body = ByteBuffer(bytes: input.dropFirst())
        switch Parser(rawValue: selector) {
        case .frameDecoder: _ = frames(in: body)
        case .serverHandshake: serverHandshake(body)
        case .clientHandshake: clientHandshake(body)
        case .frameCipher: frameCipher(body)
        case nil: MessageCodecs.decode(body, selector: selector)
        }
    }

    /// The frames a decoder finds in `bytes`, stopping at the first error.
    static func frames(in bytes: ByteBuffer) -> [Frame] {
        var decoder = FrameDecoder(maximumFrameLength: 1 << 16)
        var buffer = bytes
        var frames: [Frame] = []
        while let frame = try? decoder.decode(buffer: &buffer) { frames.append(frame) }
        if let last = try? decoder.decodeLast(buffer: &buffer, seenEOF: true) { frames.append(last) }
        return frames
    }

    static let secret = try! ClusterSecret(bytes: (0..<32).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })

    /// A JobTracker's handshake fed the frames of `bytes` as a client's.
    static func serverHandshake(_ bytes: ByteBuffer) {
        var handshake = ServerHandshake(
            configuration: .init(secret: secret, serverName: "JobTracker", nodeID: "fuzz", allowedRoles: nil),
            serverNonce: Array(repeating: 1, count: 32)
        )
        _ = handshake.start()
        for frame in frames(in: bytes) {
            guard case .awaitingAuthentication = handshake.state else { return }
            _ = handshake.receive(frame)
        }
    }

    /// A client's handshake fed the frames of `bytes` as a server's.
    static func clientHandshake(_ bytes: ByteBuffer) {
        var handshake = ClientHandshake(
            configuration: .init(secret: secret, role: .client, nodeID: "fuzz"),
            clientNonce: Array(repeating: 2, count: 32)
        )
        for frame in frames(in: bytes) {
            switch handshake.state {
            case .awaitingHello, .awaitingWelcome: _ = handshake.receive(frame)
            case .complete, .failed: return
            }
        }
    }

    /// Opens the frames of `bytes` as sealed frames, and checks that sealing then opening them
    /// gives each frame back unchanged.
    static func frameCipher(_ bytes: ByteBuffer) {
        let key = Array(repeating: UInt8(7), count: 32)
        let allocator = ByteBufferAllocator()
        var opener = FrameCipher(key: key)
        let frames = frames(in: bytes)
        for frame in frames {
            guard (try? opener.open(frame, allocator: allocator)) != nil else { break }
        }
        var sealer = FrameCipher(key: key)
        var roundTrip = FrameCipher(key: key)
        var decoder = FrameDecoder(maximumFrameLength: Int(UInt32.max))
        for frame in frames {
            var wire = ByteBuffer()
            guard (try? sealer.seal(frame, into: &wire)) != nil else { return }
            guard
                let sealed = try? decoder.decode(buffer: &wire),
                let opened = try? roundTrip.open(sealed, allocator: allocator), opened == frame
            else {
                fatalError("a sealed frame did not open to itself: \(frame)")
            }
        }
    }
}
