import Wire

/// A tracker's request for a job file from the job-file store, by hash; the reply's stream is the file.
public struct FetchJobFileRequest: WireMessage {
    public static let messageType = ClusterMessages.fetchJobFile

    /// The file's hash.
    public var sha256: String

    /// Creates the message.
    public init(sha256: String) {
        self.sha256 = sha256
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(sha256)
    }

    public init(from reader: inout WireReader) throws {
        sha256 = try reader.read(String.self)
    }
}
