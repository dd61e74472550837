import Wire

/// The header of a client's upload of a job file (a binary, or a file a job ships) into the
/// job-file store; the file's bytes follow as a stream, and the store keeps them only if their
/// SHA-256 is the one named here.
public struct UploadJobFileRequest: WireMessage {
    public static let messageType = ClusterMessages.uploadJobFile

    /// The file, by hash, name and size.
    public var file: JobFileReference

    /// Creates the message.
    public init(file: JobFileReference) {
        self.file = file
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(file)
    }

    public init(from reader: inout WireReader) throws {
        file = try reader.read(JobFileReference.self)
    }
}
