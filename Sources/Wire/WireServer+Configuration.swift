extension WireServer {
    /// Where a ``WireServer`` listens, how it authenticates clients, and its limits.
    public struct Configuration: Sendable {
        /// The address to bind, such as `127.0.0.1` or `0.0.0.0`.
        public var host: String

        /// The port to bind; 0 picks a free port, reported by ``WireServer/port``.
        public var port: Int

        /// The cluster secret clients must prove they hold.
        public var secret: ClusterSecret

        /// The daemon's name in error messages, such as `JobTracker`.
        public var serverName: String

        /// The server's node id, sent to clients in the welcome.
        public var nodeID: String

        /// The roles allowed to connect, or `nil` for any role.
        public var allowedRoles: Set<WireRole>?

        /// The request types handlers accept; others are answered with an error frame. `nil` accepts all.
        public var acceptedMessages: MessageCatalog?

        /// The largest accepted frame length field.
        public var maximumFrameLength: Int

        /// The size of the chunks outgoing streams are cut into.
        public var chunkSize: Int

        /// How long a client may take to complete the handshake.
        public var handshakeTimeout: Duration

        /// The most connections that may be in their handshake at once; a new connection past it
        /// closes the oldest unauthenticated one. Each holds at most a few KiB before the handshake.
        public var maximumUnauthenticatedConnections: Int

        /// The default deadline of calls the server makes to its clients.
        public var requestTimeout: Duration

        /// Creates a configuration; only the address and the secret have no default.
        public init(
            host: String,
            port: Int,
            secret: ClusterSecret,
            serverName: String = "server",
            nodeID: String = "server",
            allowedRoles: Set<WireRole>? = nil,
            acceptedMessages: MessageCatalog? = nil,
            maximumFrameLength: Int = WireProtocol.defaultMaximumFrameLength,
            chunkSize: Int = WireProtocol.defaultChunkSize,
            handshakeTimeout: Duration = .seconds(10),
            requestTimeout: Duration = .seconds(30),
            maximumUnauthenticatedConnections: Int = 128
        ) {
            self.host = host
            self.port = port
            self.secret = secret
            self.serverName = serverName
            self.nodeID = nodeID
            self.allowedRoles = allowedRoles
            self.acceptedMessages = acceptedMessages
            self.maximumFrameLength = maximumFrameLength
            self.chunkSize = chunkSize
            self.handshakeTimeout = handshakeTimeout
            self.requestTimeout = requestTimeout
            self.maximumUnauthenticatedConnections = maximumUnauthenticatedConnections
        }

        func validate() throws {
            try connectionSettings.validate()
            guard maximumUnauthenticatedConnections > 0 else {
                throw WireError.invalidConfiguration("the maximum of unauthenticated connections must be positive")
            }
        }

        var connectionSettings: ConnectionSettings {
            ConnectionSettings(
                maximumFrameLength: maximumFrameLength,
                chunkSize: chunkSize,
                requestTimeout: requestTimeout,
                acceptedMessages: acceptedMessages
            )
        }

        var handshake: ServerHandshake.Configuration {
            ServerHandshake.Configuration(
                secret: secret,
                serverName: serverName,
                nodeID: nodeID,
                allowedRoles: allowedRoles
            )
        }
    }
}
