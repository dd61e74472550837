import Wire

/// The header of a client's upload of one input file into the JobTracker's staging area; the file's bytes follow as a stream.
public struct UploadInputRequest: WireMessage {
    public static let messageType = ClusterMessages.uploadInput

    /// The upload's staging directory name (letters, digits and dashes).
    public var staging: String
    /// The file's path inside it.
    public var relativePath: String

    /// Creates the message.
    public init(staging: String, relativePath: String) {
        self.staging = staging
        self.relativePath = relativePath
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(staging)
        writer.write(relativePath)
    }

    public init(from reader: inout WireReader) throws {
        staging = try reader.read(String.self)
        relativePath = try reader.read(String.self)
    }
}
