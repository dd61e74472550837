import Wire

/// A client's question whether the job-file store already holds files, by hash, before uploading them.
public struct JobFileStatusRequest: WireMessage {
    public static let messageType = ClusterMessages.jobFileStatus

    /// The files' hashes.
    public var hashes: [String]

    /// Creates the message.
    public init(hashes: [String]) {
        self.hashes = hashes
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(hashes)
    }

    public init(from reader: inout WireReader) throws {
        hashes = try reader.read([String].self)
    }
}
