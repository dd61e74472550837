/// A cluster request that failed, said in one line.
public struct ClusterError: Error, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    /// Whether the JobTracker could not be reached or the connection to it broke, rather than the
    /// JobTracker refusing the request: worth trying again on a new connection.
    public let lostConnection: Bool

    /// Creates the error.
    public init(message: String, lostConnection: Bool = false) {
        self.message = message
        self.lostConnection = lostConnection
    }

    public var description: String { message }
}
