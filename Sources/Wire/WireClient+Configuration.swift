extension WireClient {
    /// Where a ``WireClient`` connects, who it says it is, and its limits.
    public struct Configuration: Sendable {
        /// The server's host name or address.
        public var host: String

        /// The server's port.
        public var port: Int

        /// The cluster secret to prove knowledge of.
        public var secret: ClusterSecret

        /// The role to declare in the handshake.
        public var role: WireRole

        /// This node's id, such as the host name of a TaskTracker.
        public var nodeID: String

        /// The request types accepted from the server; others are answered with an error frame.
        ///
        /// Empty by default: a client that never serves requests rejects them all.
        public var acceptedMessages: MessageCatalog?

        /// The largest accepted frame length field.
        public var maximumFrameLength: Int

        /// The size of the chunks outgoing streams are cut into.
        public var chunkSize: Int

        /// How long to wait for the TCP connection.
        public var connectTimeout: Duration

        /// How long to wait for the handshake once connected.
        public var handshakeTimeout: Duration

        /// The default deadline of each call.
        public var requestTimeout: Duration

        /// The protocol version to announce; only tests change it.
        var protocolVersion = WireProtocol.version

        /// Creates a configuration; only the server address, the secret and the identity have no default.
        public init(
            host: String,
            port: Int,
            secret: ClusterSecret,
            role: WireRole,
            nodeID: String,
            acceptedMessages: MessageCatalog? = MessageCatalog(),
            maximumFrameLength: Int = WireProtocol.defaultMaximumFrameLength,
            chunkSize: Int = WireProtocol.defaultChunkSize,
            connectTimeout: Duration = .seconds(5),
            handshakeTimeout: Duration = .seconds(10),
            requestTimeout: Duration = .seconds(30)
        ) {
            self.host = host
            self.port = port
            self.secret = secret
            self.role = role
            self.nodeID = nodeID
            self.acceptedMessages = acceptedMessages
            self.maximumFrameLength = maximumFrameLength
            self.chunkSize = chunkSize
            self.connectTimeout = connectTimeout
            self.handshakeTimeout = handshakeTimeout
            self.requestTimeout = requestTimeout
        }

        var connectionSettings: ConnectionSettings {
            ConnectionSettings(
                maximumFrameLength: maximumFrameLength,
                chunkSize: chunkSize,
                requestTimeout: requestTimeout,
                acceptedMessages: acceptedMessages
            )
        }

        var handshake: ClientHandshake.Configuration {
            ClientHandshake.Configuration(secret: secret, role: role, nodeID: nodeID, version: protocolVersion)
        }
    }
}
