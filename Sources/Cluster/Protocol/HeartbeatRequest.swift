import Wire

/// A TaskTracker's periodic report: free slots and its attempts' progress and outcomes.
public struct HeartbeatRequest: WireMessage {
    public static let messageType = ClusterMessages.heartbeat

    /// The tracker's node id.
    public var tracker: String
    /// Slots free for new tasks.
    public var freeSlots: Int
    /// False while the tracker drains before shutting down.
    public var acceptsTasks: Bool
    /// Attempts that progressed or ended since the last heartbeat.
    public var reports: [AttemptReport]
    /// The tracker's log lines since its last heartbeat, for the console's Logs page.
    public var logs: [LogRecord]

    /// Creates the message.
    public init(tracker: String, freeSlots: Int, acceptsTasks: Bool, reports: [AttemptReport], logs: [LogRecord] = []) {
        self.tracker = tracker
        self.freeSlots = freeSlots
        self.acceptsTasks = acceptsTasks
        self.reports = reports
        self.logs = logs
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(tracker)
        writer.write(freeSlots)
        writer.write(acceptsTasks)
        writer.write(reports)
        writer.write(logs)
    }

    public init(from reader: inout WireReader) throws {
        tracker = try reader.read(String.self)
        freeSlots = try reader.read(Int.self)
        acceptsTasks = try reader.read(Bool.self)
        reports = try reader.read([AttemptReport].self)
        logs = reader.isAtEnd ? [] : try reader.read([LogRecord].self)
    }
}
