/// The authenticated identity of the other end of a connection.
public struct WirePeer: Hashable, Sendable, CustomStringConvertible {
    /// The role the peer declared in the handshake.
    public var role: WireRole

    /// The peer's node id, such as a TaskTracker's host name.
    public var nodeID: String

    /// Creates a peer identity.
    public init(role: WireRole, nodeID: String) {
        self.role = role
        self.nodeID = nodeID
    }

    /// The identity as `role/node-id`.
    public var description: String {
        "\(role)/\(nodeID)"
    }
}
