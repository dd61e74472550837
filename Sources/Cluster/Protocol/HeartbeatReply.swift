import MapReduce
import Wire

/// The JobTracker's answer to a heartbeat: new tasks and housekeeping.
public struct HeartbeatReply: WireMessage {
    public static let messageType = ClusterMessages.heartbeat

    /// Attempts to start.
    public var assignments: [TaskAssignment]
    /// Attempts to stop.
    public var killAttempts: [AttemptID]
    /// Jobs whose local files can go.
    public var finishedJobs: [JobID]
    /// True when the JobTracker does not know the tracker.
    public var reregister: Bool
    /// True while unfinished reduces of running jobs may still fetch map outputs this tracker
    /// holds, so a draining tracker keeps serving them.
    public var mapOutputsNeeded: Bool

    /// Creates the message.
    public init(
        assignments: [TaskAssignment],
        killAttempts: [AttemptID],
        finishedJobs: [JobID],
        reregister: Bool,
        mapOutputsNeeded: Bool
    ) {
        self.assignments = assignments
        self.killAttempts = killAttempts
        self.finishedJobs = finishedJobs
        self.reregister = reregister
        self.mapOutputsNeeded = mapOutputsNeeded
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(assignments)
        writer.write(killAttempts)
        writer.write(finishedJobs)
        writer.write(reregister)
        writer.write(mapOutputsNeeded)
    }

    public init(from reader: inout WireReader) throws {
        assignments = try reader.read([TaskAssignment].self)
        killAttempts = try reader.read([AttemptID].self)
        finishedJobs = try reader.read([JobID].self)
        reregister = try reader.read(Bool.self)
        mapOutputsNeeded = try reader.read(Bool.self)
    }
}
