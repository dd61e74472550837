import Wire

/// Where an uploaded file landed on the JobTracker.
public struct UploadInputReply: WireMessage {
    public static let messageType = ClusterMessages.uploadInput

    /// The file's path on the JobTracker.
    public var path: String

    /// Creates the message.
    public init(path: String) {
        self.path = path
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(path)
    }

    public init(from reader: inout WireReader) throws {
        path = try reader.read(String.self)
    }
}
