import MapReduce
import Wire

/// A client's request for one job's report.
public struct JobStatusRequest: WireMessage {
    public static let messageType = ClusterMessages.jobStatus

    /// The job.
    public var job: JobID
    /// How long the JobTracker may hold the answer while the job is still running, answering
    /// as soon as it ends: a client following a job need not poll. Zero answers at once.
    public var holdMilliseconds: Int

    /// Creates the message.
    public init(job: JobID, holdMilliseconds: Int = 0) {
        self.job = job
        self.holdMilliseconds = holdMilliseconds
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(job)
        writer.write(holdMilliseconds)
    }

    public init(from reader: inout WireReader) throws {
        job = try reader.read(JobID.self)
        holdMilliseconds = try reader.read(Int.self)
    }
}
