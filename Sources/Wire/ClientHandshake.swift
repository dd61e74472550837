/// The client side of the handshake as a value-type state machine: frames in, actions out.
///
/// The driver feeds every inbound frame to ``receive(_:)`` and sends what it returns until the
/// machine completes or fails. The client does not judge the server's version itself: it always
/// answers with its own version, so the server can reject it with an explicit error message.
package struct ClientHandshake: Sendable {
    /// What the client needs to know to run the handshake.
    package struct Configuration: Sendable {
        var secret: ClusterSecret
        var role: WireRole
        var nodeID: String
        var version: UInt16 = WireProtocol.version

        /// Creates the configuration of a client of `role` whose node id is `nodeID`.
        package init(secret: ClusterSecret, role: WireRole, nodeID: String, version: UInt16 = WireProtocol.version) {
            self.secret = secret
            self.role = role
            self.nodeID = nodeID
            self.version = version
        }
    }

    /// What the driver must do next.
    package enum Action: Equatable, Sendable {
        /// Send the authenticate frame, protect every later frame with the keys (inbound from the
        /// welcome on), and keep feeding inbound frames.
        case authenticate(Frame, SessionKeys)
        /// The server is authenticated; the connection is ready.
        case complete(WirePeer)
        /// The handshake failed; close the connection and report the error.
        case fail(WireError)
    }

    package enum State: Equatable, Sendable {
        case awaitingHello
        case awaitingWelcome(serverName: String, serverNonce: [UInt8])
        case complete(WirePeer)
        case failed
    }

    package private(set) var state = State.awaitingHello
    let configuration: Configuration
    let clientNonce: [UInt8]

    package init(configuration: Configuration, clientNonce: [UInt8] = HandshakeTranscript.makeNonce()) {
        self.configuration = configuration
        self.clientNonce = clientNonce
    }

    /// Handles one inbound frame received while the handshake runs.
    package mutating func receive(_ frame: Frame) -> Action {
        if frame.type == .error {
            let error =
                (try? ErrorMessage(decoding: frame.payload)).map(WireError.remote)
                ?? WireError.malformed("undecodable error frame during the handshake")
            return fail(error)
        }
        switch state {
        case .awaitingHello:
            return receiveHello(frame)
        case .awaitingWelcome(let serverName, let serverNonce):
            return receiveWelcome(frame, serverName: serverName, serverNonce: serverNonce)
        case .complete, .failed:
            return fail(.handshakeFailed("unexpected message type \(frame.type): the handshake is over"))
        }
    }

    private mutating func receiveHello(_ frame: Frame) -> Action {
        guard frame.type == .hello, let hello = try? HelloMessage(decoding: frame.payload) else {
            return fail(.handshakeFailed("the server did not greet with a hello (received message type \(frame.type))"))
        }
        guard hello.magic == WireProtocol.magic else {
            return fail(
                .handshakeFailed("bad protocol magic: the server does not speak the swift-mapreduce wire protocol")
            )
        }
        guard hello.serverNonce.count == WireProtocol.nonceSize else {
            return fail(.handshakeFailed("malformed hello: the server nonce must be \(WireProtocol.nonceSize) bytes"))
        }
        state = .awaitingWelcome(serverName: hello.serverName, serverNonce: hello.serverNonce)
        let transcript = transcript(serverNonce: hello.serverNonce)
        let proof = transcript.clientProof(using: configuration.secret)
        let message = AuthenticateMessage(
            version: configuration.version,
            role: configuration.role,
            nodeID: configuration.nodeID,
            clientNonce: clientNonce,
            proof: proof
        )
        return .authenticate(
            Frame(message),
            SessionKeys(secret: configuration.secret, transcript: transcript, side: .client)
        )
    }

    private mutating func receiveWelcome(_ frame: Frame, serverName: String, serverNonce: [UInt8]) -> Action {
        guard frame.type == .welcome, let welcome = try? WelcomeMessage(decoding: frame.payload) else {
            return fail(
                .handshakeFailed("the \(serverName) did not send a welcome (received message type \(frame.type))")
            )
        }
        let expected = transcript(serverNonce: serverNonce).serverSigned
        guard configuration.secret.isValidAuthenticationCode(welcome.proof, for: expected) else {
            return fail(
                .handshakeFailed("authentication failed: the \(serverName) could not prove it holds the cluster secret")
            )
        }
        let peer = WirePeer(role: .server, nodeID: welcome.nodeID)
        state = .complete(peer)
        return .complete(peer)
    }

    private func transcript(serverNonce: [UInt8]) -> HandshakeTranscript {
        HandshakeTranscript(
            serverNonce: serverNonce,
            clientNonce: clientNonce,
            role: configuration.role,
            nodeID: configuration.nodeID
        )
    }

    private mutating func fail(_ error: WireError) -> Action {
        state = .failed
        return .fail(error)
    }
}
