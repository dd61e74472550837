import MapReduce
import Wire

/// The id the JobTracker gave a submitted job.
public struct SubmitJobReply: WireMessage {
    public static let messageType = ClusterMessages.submitJob

    /// The new job's id.
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
