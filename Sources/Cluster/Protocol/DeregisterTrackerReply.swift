import Wire

/// The JobTracker forgot the tracker.
public struct DeregisterTrackerReply: WireMessage {
    public static let messageType = ClusterMessages.deregisterTracker

    /// Creates the message.
    public init() {
    }

    public func encode(to writer: inout WireWriter) {
    }

    public init(from reader: inout WireReader) throws {
    }
}
