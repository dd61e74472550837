import MapReduce
import Wire

/// A client's request for the attempts of a job (or of one of its tasks).
public struct AttemptListRequest: WireMessage {
    public static let messageType = ClusterMessages.attemptList

    /// The job.
    public var job: JobID
    /// A task id, or empty for every task.
    public var task: String

    /// Creates the message.
    public init(job: JobID, task: String) {
        self.job = job
        self.task = task
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(job)
        writer.write(task)
    }

    public init(from reader: inout WireReader) throws {
        job = try reader.read(JobID.self)
        task = try reader.read(String.self)
    }
}
