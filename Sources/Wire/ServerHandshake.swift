/// The server side of the handshake as a value-type state machine: frames in, actions out.
///
/// The machine does no I/O. The connection driver calls ``start()`` once the connection is up,
/// sends what it returns, then feeds every inbound frame to ``receive(_:)`` until the machine
/// accepts or rejects the client. On ``Action/reject(_:reason:)`` the driver sends the error
/// frame and closes the connection.
package struct ServerHandshake: Sendable {
    /// What the server needs to know to run the handshake.
    package struct Configuration: Sendable {
        var secret: ClusterSecret
        /// The daemon's name in error messages, such as `JobTracker`.
        var serverName: String
        /// The server's node id, sent to the client in the welcome.
        var nodeID: String
        /// The roles allowed to connect, or `nil` for any role.
        var allowedRoles: Set<WireRole>?
        var version: UInt16 = WireProtocol.version

        /// Creates the configuration of a server named `serverName` whose node id is `nodeID`.
        package init(
            secret: ClusterSecret,
            serverName: String,
            nodeID: String,
            allowedRoles: Set<WireRole>?,
            version: UInt16 = WireProtocol.version
        ) {
            self.secret = secret
            self.serverName = serverName
            self.nodeID = nodeID
            self.allowedRoles = allowedRoles
            self.version = version
        }
    }

    /// What the driver must do next.
    package enum Action: Equatable, Sendable {
        /// Send the frame and keep feeding inbound frames.
        case send(Frame)
        /// Send the welcome frame, then protect every later frame with the keys; the peer is
        /// authenticated and the handshake is over.
        case accept(Frame, WirePeer, SessionKeys)
        /// Send the error frame, then close the connection.
        case reject(Frame, reason: String)
    }

    package enum State: Equatable, Sendable {
        case initial
        case awaitingAuthentication
        case accepted(WirePeer)
        case rejected
    }

    package private(set) var state = State.initial
    let configuration: Configuration
    let serverNonce: [UInt8]

    package init(configuration: Configuration, serverNonce: [UInt8] = HandshakeTranscript.makeNonce()) {
        self.configuration = configuration
        self.serverNonce = serverNonce
    }

    /// Starts the handshake, returning the hello frame to send.
    package mutating func start() -> Action {
        guard state == .initial else {
            return reject(.handshakeRequired, "the handshake was started twice")
        }
        state = .awaitingAuthentication
        let hello = HelloMessage(
            version: configuration.version,
            serverNonce: serverNonce,
            serverName: configuration.serverName
        )
        return .send(Frame(hello))
    }

    /// Handles one inbound frame received while the handshake runs.
    package mutating func receive(_ frame: Frame) -> Action {
        guard state == .awaitingAuthentication else {
            return reject(.handshakeRequired, "unexpected message type \(frame.type): no handshake is in progress")
        }
        guard frame.type == .authenticate else {
            return reject(
                .handshakeRequired,
                "handshake required: received message type \(frame.type) before authentication"
            )
        }
        var reader = WireReader(frame.payload)
        guard let magic = try? reader.read(UInt32.self), magic == WireProtocol.magic else {
            return reject(
                .unsupportedVersion,
                "bad protocol magic: the peer does not speak the swift-mapreduce wire protocol"
            )
        }
        guard let version = try? reader.read(UInt16.self) else {
            return reject(.malformed, "malformed handshake: the protocol version is missing")
        }
        guard version == configuration.version else {
            return reject(
                .unsupportedVersion,
                "protocol version \(version) is not supported; this \(configuration.serverName) speaks version \(configuration.version)"
            )
        }
        return authenticate(&reader)
    }

    private mutating func authenticate(_ reader: inout WireReader) -> Action {
        let role: WireRole
        let nodeID: String
        let clientNonce: [UInt8]
        do {
            role = WireRole(rawValue: try reader.read())
            nodeID = try reader.read()
            clientNonce = try reader.readByteArray()
        } catch {
            return reject(.malformed, "malformed handshake: \(error)")
        }
        guard !nodeID.isEmpty, nodeID.utf8.count <= WireProtocol.maximumNodeIDLength else {
            return reject(
                .malformed,
                "malformed handshake: the node id must be 1 to \(WireProtocol.maximumNodeIDLength) bytes"
            )
        }
        guard clientNonce.count == WireProtocol.nonceSize else {
            return reject(.malformed, "malformed handshake: the client nonce must be \(WireProtocol.nonceSize) bytes")
        }
        let proof = (try? reader.readByteArray()) ?? []
        let transcript = HandshakeTranscript(
            serverNonce: serverNonce,
            clientNonce: clientNonce,
            role: role,
            nodeID: nodeID
        )
        guard configuration.secret.isValidAuthenticationCode(proof, for: transcript.clientSigned) else {
            return reject(.authenticationFailed, "authentication failed: bad cluster secret")
        }
        if let allowed = configuration.allowedRoles, !allowed.contains(role) {
            return reject(.roleNotAllowed, "role \(role) is not accepted by this \(configuration.serverName)")
        }
        let peer = WirePeer(role: role, nodeID: nodeID)
        state = .accepted(peer)
        let welcome = WelcomeMessage(
            nodeID: configuration.nodeID,
            proof: transcript.serverProof(using: configuration.secret)
        )
        let keys = SessionKeys(secret: configuration.secret, transcript: transcript, side: .server)
        return .accept(Frame(welcome), peer, keys)
    }

    private mutating func reject(_ code: WireErrorCode, _ reason: String) -> Action {
        state = .rejected
        return .reject(Frame(ErrorMessage(code: code, message: reason)), reason: reason)
    }
}
