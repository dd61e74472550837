import MapReduce
import Wire

/// A client's request for the file names of a finished job's output.
public struct ListOutputRequest: WireMessage {
    public static let messageType = ClusterMessages.listOutput

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
