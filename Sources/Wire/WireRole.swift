/// What kind of program a peer is, declared by the client in the handshake.
public struct WireRole: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The role code as sent on the wire.
    public let rawValue: UInt8

    /// Creates a role from its wire code.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// A user-facing client such as `mrsubmit`.
    public static let client = WireRole(rawValue: 1)
    /// A TaskTracker talking to the JobTracker.
    public static let tracker = WireRole(rawValue: 2)
    /// A TaskTracker fetching map outputs from another TaskTracker.
    public static let shuffle = WireRole(rawValue: 3)
    /// The accepting side of a connection, as seen by the client after the handshake.
    public static let server = WireRole(rawValue: 4)

    /// The role's name, such as `tracker`.
    public var description: String {
        switch self {
        case .client: return "client"
        case .tracker: return "tracker"
        case .shuffle: return "shuffle"
        case .server: return "server"
        default: return "role \(rawValue)"
        }
    }
}
