@testable import Wire

/// The secret and handshake transcript the session tests derive their keys from; the vectors in
/// ``FrameCipherTests`` were computed for exactly these.
enum SessionFixture {
    static let secret = try! ClusterSecret(string: "GaBrthpbYmcvTf1r4S4OYrU8Uabq3axJa6+kgyHQZR0=")
    static let transcript = HandshakeTranscript(
        serverNonce: Array(repeating: 1, count: 32),
        clientNonce: Array(repeating: 2, count: 32),
        role: .tracker,
        nodeID: "tt-7"
    )
}
