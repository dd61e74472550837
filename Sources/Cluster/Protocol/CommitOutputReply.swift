import Wire

/// The JobTracker has the output file.
public struct CommitOutputReply: WireMessage {
    public static let messageType = ClusterMessages.commitOutput

    /// Creates the message.
    public init() {
    }

    public func encode(to writer: inout WireWriter) {
    }

    public init(from reader: inout WireReader) throws {
    }
}
