/// The two keys that protect a connection's frames after the handshake, one per direction.
///
/// Both sides derive them from the cluster secret and the handshake, and never send them:
///
/// ```
/// salt = serverNonce ‖ clientNonce                                  (64 bytes)
/// key(label) = HKDF-SHA256(ikm: secret, salt: salt,
///                          info: label ‖ 0x00 ‖ role ‖ nodeID, length: 32 bytes)
/// client → server key = key("MRWP v5 client to server")
/// server → client key = key("MRWP v5 server to client")
/// ```
///
/// Fresh nonces from both sides make the keys new on every connection, so frames recorded on
/// one connection are worthless on another; the role and node id bind the keys to the identity
/// the client proved.
package struct SessionKeys: Sendable, Equatable {
    /// Which end of the connection the keys are for.
    enum Side: Sendable {
        case client
        case server
    }

    /// The key of the frames this side sends.
    package var sending: [UInt8]

    /// The key of the frames this side receives.
    package var receiving: [UInt8]

    static let clientToServerLabel = "MRWP v5 client to server"
    static let serverToClientLabel = "MRWP v5 server to client"

    /// Derives the keys of `side` for the connection whose handshake `transcript` describes.
    init(secret: ClusterSecret, transcript: HandshakeTranscript, side: Side) {
        let salt = transcript.serverNonce + transcript.clientNonce
        func key(_ label: String) -> [UInt8] {
            let info = Array(label.utf8) + [0, transcript.role.rawValue] + Array(transcript.nodeID.utf8)
            return secret.derivedKey(salt: salt, info: info).withUnsafeBytes { Array($0) }
        }
        let clientToServer = key(Self.clientToServerLabel)
        let serverToClient = key(Self.serverToClientLabel)
        switch side {
        case .client:
            (sending, receiving) = (clientToServer, serverToClient)
        case .server:
            (sending, receiving) = (serverToClient, clientToServer)
        }
    }
}
