import MapReduce
import Wire

/// A tracker's request for an input file it cannot read from a shared disk; the bytes follow as a stream.
public struct FetchInputRequest: WireMessage {
    public static let messageType = ClusterMessages.fetchInput

    /// The job.
    public var job: JobID
    /// The input's path on the JobTracker.
    public var path: String

    /// Creates the message.
    public init(job: JobID, path: String) {
        self.job = job
        self.path = path
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(job)
        writer.write(path)
    }

    public init(from reader: inout WireReader) throws {
        job = try reader.read(JobID.self)
        path = try reader.read(String.self)
    }
}
