import MapReduce
import Wire

/// A client's request to stop a job.
public struct KillJobRequest: WireMessage {
    public static let messageType = ClusterMessages.killJob

    /// The job.
    public var job: JobID

    /// Creates the message.
    public init(job: JobID) {
        self.job = job
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(job)
    }

    public init(from reader: inout WireReader) throws {
        job = try reader.read(JobID.self)
    }
}
