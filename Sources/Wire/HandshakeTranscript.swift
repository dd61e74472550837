/// The bytes each side signs during the handshake, and the proofs computed over them.
///
/// Both transcripts hold the two nonces, the client's role and its node id; distinct labels keep a
/// client proof from ever being valid as a server proof, so neither side can be used as an oracle
/// for the other. Fixed-size fields come first, so the concatenation is unambiguous.
struct HandshakeTranscript: Sendable {
    var serverNonce: [UInt8]
    var clientNonce: [UInt8]
    var role: WireRole
    var nodeID: String

    private static let clientLabel = Array("MRWP client proof\u{0}".utf8)
    private static let serverLabel = Array("MRWP server proof\u{0}".utf8)

    /// The bytes the client signs: label, server nonce, client nonce, role, node id.
    var clientSigned: [UInt8] {
        Self.clientLabel + serverNonce + clientNonce + [role.rawValue] + Array(nodeID.utf8)
    }

    /// The bytes the server signs: label, client nonce, server nonce, role, node id.
    var serverSigned: [UInt8] {
        Self.serverLabel + clientNonce + serverNonce + [role.rawValue] + Array(nodeID.utf8)
    }

    func clientProof(using secret: ClusterSecret) -> [UInt8] {
        secret.authenticationCode(for: clientSigned)
    }

    func serverProof(using secret: ClusterSecret) -> [UInt8] {
        secret.authenticationCode(for: serverSigned)
    }

    /// Makes a fresh random nonce from the system's cryptographically secure generator.
    static func makeNonce() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<WireProtocol.nonceSize).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
