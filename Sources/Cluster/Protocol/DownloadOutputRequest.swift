import MapReduce
import Wire

/// A client's request for one output file's bytes, which follow as a stream.
public struct DownloadOutputRequest: WireMessage {
    public static let messageType = ClusterMessages.downloadOutput

    /// The job.
    public var job: JobID
    /// The file's name.
    public var file: String

    /// Creates the message.
    public init(job: JobID, file: String) {
        self.job = job
        self.file = file
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(job)
        writer.write(file)
    }

    public init(from reader: inout WireReader) throws {
        job = try reader.read(JobID.self)
        file = try reader.read(String.self)
    }
}
