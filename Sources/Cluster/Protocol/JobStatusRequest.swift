import MapReduce
import Wire

/// A client's request for one job's report.
public struct JobStatusRequest: WireMessage {
    public static let messageType = ClusterMessages.jobStatus

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
