import Wire

/// A finished job's output files.
public struct ListOutputReply: WireMessage {
    public static let messageType = ClusterMessages.listOutput

    /// File names, `_SUCCESS` last.
    public var files: [String]

    /// Creates the message.
    public init(files: [String]) {
        self.files = files
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(files)
    }

    public init(from reader: inout WireReader) throws {
        files = try reader.read([String].self)
    }
}
