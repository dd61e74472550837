import Wire

/// The header of a fetched map output segment.
public struct FetchMapOutputReply: WireMessage {
    public static let messageType = ClusterMessages.fetchMapOutput

    /// Records in the segment.
    public var records: Int64
    /// Its bytes.
    public var length: Int64

    /// Creates the message.
    public init(records: Int64, length: Int64) {
        self.records = records
        self.length = length
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(records)
        writer.write(length)
    }

    public init(from reader: inout WireReader) throws {
        records = try reader.read(Int64.self)
        length = try reader.read(Int64.self)
    }
}
