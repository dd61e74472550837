import Wire

/// The JobTracker's settings for a tracker.
public struct RegisterTrackerReply: WireMessage {
    public static let messageType = ClusterMessages.registerTracker

    /// The heartbeat interval.
    public var heartbeatMilliseconds: Int

    /// Creates the message.
    public init(heartbeatMilliseconds: Int) {
        self.heartbeatMilliseconds = heartbeatMilliseconds
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(heartbeatMilliseconds)
    }

    public init(from reader: inout WireReader) throws {
        heartbeatMilliseconds = try reader.read(Int.self)
    }
}
