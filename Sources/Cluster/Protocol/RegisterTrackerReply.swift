import MapReduce
import Wire

/// The JobTracker's settings for a tracker.
public struct RegisterTrackerReply: WireMessage {
    public static let messageType = ClusterMessages.registerTracker

    /// The heartbeat interval.
    public var heartbeatMilliseconds: Int
    /// The jobs the tracker said it holds files of that have ended or that the JobTracker does not
    /// know (it restarted without them): their map outputs and inputs can go.
    public var finishedJobs: [JobID]

    /// Creates the message.
    public init(heartbeatMilliseconds: Int, finishedJobs: [JobID] = []) {
        self.heartbeatMilliseconds = heartbeatMilliseconds
        self.finishedJobs = finishedJobs
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(heartbeatMilliseconds)
        writer.write(finishedJobs)
    }

    public init(from reader: inout WireReader) throws {
        heartbeatMilliseconds = try reader.read(Int.self)
        finishedJobs = try reader.read([JobID].self)
    }
}
