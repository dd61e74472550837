import Wire

/// A tracker leaving the cluster on purpose.
public struct DeregisterTrackerRequest: WireMessage {
    public static let messageType = ClusterMessages.deregisterTracker

    /// The tracker's node id.
    public var tracker: String

    /// Creates the message.
    public init(tracker: String) {
        self.tracker = tracker
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(tracker)
    }

    public init(from reader: inout WireReader) throws {
        tracker = try reader.read(String.self)
    }
}
