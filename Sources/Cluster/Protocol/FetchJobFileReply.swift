import Wire

/// The header of a fetched job file; its bytes follow as a stream.
public struct FetchJobFileReply: WireMessage {
    public static let messageType = ClusterMessages.fetchJobFile

    /// The file's size.
    public var size: Int64

    /// Creates the message.
    public init(size: Int64) {
        self.size = size
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(size)
    }

    public init(from reader: inout WireReader) throws {
        size = try reader.read(Int64.self)
    }
}
