import Wire

/// A client's question about the cluster before it plans a job: its slots and installed jobs.
public struct ClusterInfoRequest: WireMessage {
    public static let messageType = ClusterMessages.clusterInfo

    /// Creates the message.
    public init() {}

    public func encode(to writer: inout WireWriter) {}

    public init(from reader: inout WireReader) throws {}
}
