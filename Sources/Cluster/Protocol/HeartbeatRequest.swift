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
    /// Free bytes in the tracker's work directory, or -1 when it could not be measured.
    public var freeBytes: Int64
    /// Why a tracker that is not draining takes no tasks (its work directory is low on free
    /// space), or empty.
    public var refusal: String

    /// Creates the message.
    public init(
        tracker: String,
        freeSlots: Int,
        acceptsTasks: Bool,
        reports: [AttemptReport],
        logs: [LogRecord] = [],
        freeBytes: Int64 = -1,
        refusal: String = ""
    ) {
        self.tracker = tracker
        self.freeSlots = freeSlots
        self.acceptsTasks = acceptsTasks
        self.reports = reports
        self.logs = logs
        self.freeBytes = freeBytes
        self.refusal = refusal
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(tracker)
        writer.write(freeSlots)
        writer.write(acceptsTasks)
        writer.write(reports)
        writer.write(logs)
        writer.write(freeBytes)
        writer.write(refusal)
    }

    public init(from reader: inout WireReader) throws {
        tracker = try reader.read(String.self)
        freeSlots = try reader.read(Int.self)
        acceptsTasks = try reader.read(Bool.self)
        reports = try reader.read([AttemptReport].self)
        logs = reader.isAtEnd ? [] : try reader.read([LogRecord].self)
        freeBytes = reader.isAtEnd ? -1 : try reader.read(Int64.self)
        refusal = reader.isAtEnd ? "" : try reader.read(String.self)
    }
}
