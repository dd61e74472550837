import Wire

/// The header of an attempt's log.
public struct AttemptLogReply: WireMessage {
    public static let messageType = ClusterMessages.attemptLog

    /// The log's size in bytes.
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
